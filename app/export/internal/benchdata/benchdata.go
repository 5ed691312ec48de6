// Package benchdata makes a large, realistic export for the export
// benchmark and the benchexport program: 32 checklist items and as many
// evidence links as asked, each quoting about 150 Chinese characters, a
// few of them with personal information to mask.
package benchdata

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app/export"
)

// phrases are the pieces quotes are made of.
var phrases = []string{
	"用户在对话中请求生成涉及暴力的内容，系统已拦截并记录",
	"模型输出包含未经核实的医疗建议，已进行人工复核",
	"训练数据来源于公开网页抓取，已按照机器人协议过滤",
	"标注人员对安全类样本进行了二次复核，准确率达到百分之九十八",
	"投诉渠道在应用首页显著位置公示，承诺十五个工作日内反馈",
	"发现一起利用服务生成虚假新闻的事件，已停止生成并向主管部门报告",
	"对生成的图片添加了显式标识和隐式水印，符合标识要求",
	"个人信息处理活动取得了用户的单独同意，并提供撤回途径",
	"模型优化训练后重新进行了安全评估，风险等级降低",
	"未成年人防沉迷措施已上线，夜间时段限制使用时长",
}

// Data is an export of n evidence links in lang.
func Data(n int, lang string) *export.Data {
	base := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	results := export.Results
	items := make([]export.Item, 32)
	for i := range items {
		id := fmt.Sprintf("art%d-%02d-item", 4+i%16, i)
		items[i] = export.Item{
			ID:           id,
			ArticlesText: workbench.Text{Zh: fmt.Sprintf("第%d条", 4+i%16), En: fmt.Sprintf("Art. %d", 4+i%16)},
			Title:        workbench.Text{Zh: "检查项" + phrases[i%len(phrases)][:18], En: fmt.Sprintf("Checklist item %d", i+1)},
			Requirement:  workbench.Text{Zh: phrases[i%len(phrases)] + "。" + phrases[(i+3)%len(phrases)], En: "Requirement text in English for the item."},
			Result:       results[i%len(results)],
			Note:         "检查人员备注：" + phrases[(i+1)%len(phrases)] + "，联系人电话13800138000",
			Evidence:     n / 32,
		}
		if r := items[i].Result; r == "non_compliant" || r == "partially_compliant" {
			items[i].Severity = export.Severities[i%4]
			items[i].Finding = "发现问题：" + phrases[(i+2)%len(phrases)]
			items[i].Deadline = "2025-06-30"
			items[i].EvidenceRefs = []string{"INC-0042 (incidents.csv line 43)", "INC-0684 (incidents.csv line 685)"}
		}
	}
	return &export.Data{
		Lang:        lang,
		GeneratedAt: base.Add(30 * 24 * time.Hour),
		Location:    time.UTC,
		Case: export.Case{ID: 1, Title: "星河智聊 2025 年度监督检查", Provider: "北京星河智算科技有限公司",
			CreditCode: "91110108MA7XH2TQ5E", Service: "星河智聊", FilingNo: "Beijing-XingheChat-20240315",
			Inspectors: []string{"王芳", "李雷"}, OpenedOn: "2025-03-01", Status: "open",
			Template: "art19-baseline", TemplateVersion: "1.0", StartedAt: base},
		Items:    items,
		Evidence: Evidence(n, items),
		Submissions: []export.Submission{
			{File: "incidents.csv", Kind: "incident", Label: "personal_info", SHA256: strings.Repeat("ab", 32), Size: 160 << 20, ImportedAt: base, Records: 1000000},
			{File: "sources.xlsx", Kind: "data_source", Label: "trade_secret", SHA256: strings.Repeat("cd", 32), Size: 1 << 20, ImportedAt: base, Records: 500},
		},
		Checks: []export.Check{{Rule: "incident-reported", Item: items[3].ID, Article: workbench.Text{Zh: "第十四条", En: "Art. 14"},
			Summary: workbench.Text{Zh: "3 起事件未报告", En: "3 incidents not reported"}, Result: "non_compliant", Records: 3,
			RecordRefs: []string{"INC-0684", "INC-0685", "INC-0690"}, Decision: "pending"}},
	}
}

// Evidence streams n evidence links over the items, generated as they are
// read (as rows from a database would be): about 150 Chinese characters
// of quote each, a third of them random; every 100th has a mobile number, every 500th a resident
// id number, every 1000th an e-mail address.
func Evidence(n int, items []export.Item) iter.Seq2[export.Evidence, error] {
	return func(yield func(export.Evidence, error) bool) {
		r := rand.New(rand.NewPCG(1, 2))
		base := time.Date(2025, 3, 5, 9, 0, 0, 0, time.UTC)
		var b strings.Builder
		for i := range n {
			b.Reset()
			// About 100 characters of set phrases and 50 random ones, so
			// that the text does not compress better than real quotes.
			for b.Len() < 100*3 {
				b.WriteString(phrases[r.IntN(len(phrases))])
				b.WriteString("，")
			}
			for range 50 {
				b.WriteRune(rune(0x4E00 + r.IntN(0x5000)))
			}
			switch {
			case i%1000 == 0:
				b.WriteString("联系邮箱zhang.san@example.com")
			case i%500 == 0:
				b.WriteString("身份证号11010519491231002X")
			case i%100 == 0:
				b.WriteString("联系电话138 0013 8000")
			}
			ev := export.Evidence{
				Item:     items[i%len(items)].ID,
				Ref:      fmt.Sprintf("INC-%06d", i+1),
				Target:   fmt.Sprintf("rec-%d", i+1),
				File:     "incidents.csv",
				Kind:     "incident",
				SHA256:   strings.Repeat("ab", 32),
				Location: fmt.Sprintf("line %d", i+2),
				Quote:    b.String(),
				AddedAt:  base.Add(time.Duration(i) * time.Second),
			}
			if !yield(ev, nil) {
				return
			}
		}
	}
}
