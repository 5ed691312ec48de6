package export

import (
	"errors"
	"iter"
	"path/filepath"
	"testing"
	"time"

	"github.com/inspection-workbench/workbench"
)

// Personal information the sample holds, and how it is masked.
const (
	piPhone      = "13800138000"
	piPhoneMask  = "138****8000"
	piID         = "11010519491231002X"
	piIDMask     = "110**************X"
	piEmail      = "zhang.san@example.com"
	piEmailMask  = "z***@example.com"
	piCard       = "6222 0212 3456 7890 128"
	piCardMask   = "**** **** **** ***0 128"
	sampleSHA    = "3f5a0c1e9b7d2a4c6e8f0a1b3c5d7e9f1a2b3c4d5e6f708192a3b4c5d6e7f809"
	formulaNote  = `=HYPERLINK("http://evil.example/","click")`
	formulaQuote = "@SUM(1+1)*cmd|' /C calc'!A0"
)

var cst = time.FixedZone("CST", 8*3600)

// sampleData is a small inspection with personal information and
// formula-like text in every sheet.
func sampleData(lang string) *Data {
	at := func(day, hour int) time.Time { return time.Date(2025, 3, day, hour, 30, 0, 0, cst) }
	items := []Item{
		{ID: "art7-1-sources", ArticlesText: workbench.Text{Zh: "第七条第（一）项", En: "Art. 7(1)"},
			Title:       workbench.Text{Zh: "训练数据来源合法", En: "Lawful training data sources"},
			Requirement: workbench.Text{Zh: "使用具有合法来源的数据和基础模型", En: "Use data and foundation models from lawful sources"},
			Result:      "compliant", Note: "已核对来源清单", Evidence: 2},
		{ID: "art7-3-pi-consent", ArticlesText: workbench.Text{Zh: "第七条第（三）项", En: "Art. 7(3)"},
			Title:       workbench.Text{Zh: "个人信息同意", En: "Consent for personal information"},
			Requirement: workbench.Text{Zh: "涉及个人信息的，应当取得个人同意", En: "Obtain consent where personal information is involved"},
			Result:      "partially_compliant", Severity: "medium",
			Note:    "联系人手机" + piPhone + "，邮箱 " + piEmail,
			Finding: "样本中身份证号" + piID + "未取得同意", Deadline: "2025-06-30", Evidence: 1,
			EvidenceRefs: []string{"DS-0003 (sources.xlsx row 4)"}},
		{ID: "art10-incidents", ArticlesText: workbench.Text{Zh: "第十条；第十四条", En: "Art. 10; Art. 14"},
			Title:       workbench.Text{Zh: "违法内容处置", En: "Handling illegal content"},
			Requirement: workbench.Text{Zh: "发现违法内容应当及时处置并报告", En: "Handle and report illegal content promptly"},
			Result:      "non_compliant", Severity: "high", Note: formulaNote,
			Finding: "-3 起事件未报告，退款卡号 " + piCard, Deadline: "2025-05-31", Evidence: 3,
			EvidenceRefs: []string{"INC-0042 (incidents.csv line 43)", "INC-0684 (incidents.csv line 685)"}},
		{ID: "art12-labels", ArticlesText: workbench.Text{Zh: "第十二条", En: "Art. 12"},
			Title:       workbench.Text{Zh: "生成内容标识", En: "Labelling generated content"},
			Requirement: workbench.Text{Zh: "对生成的图片、视频等内容进行标识", En: "Label generated images, videos and other content"},
			Result:      "not_applicable"},
		{ID: "art17-filing", ArticlesText: workbench.Text{Zh: "第十七条", En: "Art. 17"},
			Title:       workbench.Text{Zh: "算法备案", En: "Algorithm filing"},
			Requirement: workbench.Text{Zh: "具有舆论属性的，应当履行备案手续", En: "File the algorithm if it has public-opinion attributes"},
			Result:      "info_requested", Note: "+ 待提供备案回执"},
		{ID: "art15-complaints", ArticlesText: workbench.Text{Zh: "第十五条", En: "Art. 15"},
			Title:       workbench.Text{Zh: "投诉举报机制", En: "Complaints mechanism"},
			Requirement: workbench.Text{Zh: "建立健全投诉、举报机制", En: "Set up complaint and reporting mechanisms"},
			Result:      "not_assessed"},
	}
	evidence := []Evidence{
		{Item: "art7-1-sources", Ref: "DS-0001", Target: "rec-1", File: "sources.xlsx", Kind: "data_source",
			SHA256: sampleSHA, Location: "Sheet1 row 2", Quote: "公开网页数据，已取得授权", AddedAt: at(5, 10)},
		{Item: "art7-3-pi-consent", Ref: "DS-0003", Target: "rec-3", File: "sources.xlsx", Kind: "data_source", Label: "personal_info",
			SHA256: sampleSHA, Location: "Sheet1 row 4", Quote: "用户" + piID + "的对话记录，联系电话" + piPhone, AddedAt: at(5, 11)},
		{Item: "art10-incidents", Ref: "INC-0042", Target: "rec-42", File: "incidents.csv", Kind: "incident",
			SHA256: sampleSHA, Location: "line 43", Quote: formulaQuote, AddedAt: at(6, 9)},
	}
	return &Data{
		Lang:        lang,
		GeneratedAt: time.Date(2025, 3, 20, 16, 45, 0, 0, cst),
		Location:    cst,
		Case: Case{ID: 7, Title: "星河智聊 2025 年度监督检查", Provider: "北京星河智算科技有限公司",
			CreditCode: "91110108MA7XH2TQ5E", Service: "星河智聊 XingheChat", FilingNo: "Beijing-XingheChat-20240315",
			Inspectors: []string{"王芳", "李雷"}, OpenedOn: "2025-03-01", Status: "signed",
			Template: "art19-baseline", TemplateVersion: "1.2",
			StartedAt: at(3, 9), ConcludedAt: at(18, 17), SignedAt: at(19, 10), Signature: sampleSHA},
		Items:    items,
		Evidence: seq(evidence),
		Submissions: []Submission{
			{File: "sources.xlsx", Kind: "data_source", Label: "trade_secret", SHA256: sampleSHA, Size: 48213,
				ImportedAt: at(4, 14), Records: 120, Warnings: 1},
			{File: "投诉记录_" + piPhone + ".csv", Kind: "incident", Label: "personal_info", SHA256: sampleSHA,
				Size: 1 << 20, ImportedAt: at(4, 15), Records: 1000, Passages: 0},
		},
		Checks: []Check{
			{Rule: "incident-reported", Item: "art10-incidents", Article: workbench.Text{Zh: "第十四条", En: "Art. 14"},
				Summary: workbench.Text{Zh: "3 起事件未报告：INC-0684、INC-0685、INC-0690", En: "3 incidents not reported: INC-0684, INC-0685, INC-0690"},
				Result:  "non_compliant", Records: 4, Problems: 3, Unclear: 1, RecordRefs: []string{"INC-0684", "INC-0685", "INC-0690"},
				UnclearRefs: []string{"INC-0700"},
				Params:      []Param{{Name: "max_days", Value: "30", Source: workbench.Text{Zh: "由检查人员设定", En: "set by the inspector"}}},
				Decision:    "accepted", DecidedResult: "non_compliant", DecidedAt: at(7, 10)},
			{Rule: "complaint-time-limit", Item: "art15-complaints", Article: workbench.Text{Zh: "第十五条", En: "Art. 15"},
				Summary: workbench.Text{Zh: "投诉人 " + piEmail + " 的投诉超过时限", En: "Complaint by " + piEmail + " exceeded the time limit"},
				Result:  "partially_compliant", Records: 1, RecordRefs: []string{"INC-0100"}, Decision: "pending"},
		},
	}
}

// seq streams a slice.
func seq[T any](s []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, v := range s {
			if !yield(v, nil) {
				return
			}
		}
	}
}

// failing streams n good values and then an error.
func failing[T any](v T, n int) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for range n {
			if !yield(v, nil) {
				return
			}
		}
		var zero T
		yield(zero, errors.New("database went away"))
	}
}

// writeSample writes d to a file in a temporary directory.
func writeSample(t testing.TB, d *Data) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "export.xlsx")
	if err := WriteFile(path, d); err != nil {
		t.Fatalf("WriteFile: %v", err)
	}
	return path
}
