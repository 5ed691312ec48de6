package importers

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/document"
	"github.com/xuri/excelize/v2"
)

func TestKeyFacts(t *testing.T) {
	ps := []document.Passage{
		{Seq: 1, Page: 1, Text: "星河对话 算法机制机理说明"},
		{Seq: 2, Page: 1, Text: "备案号：Beijing-XingheChat-20240315\n基础模型：星河基座大模型 XH-Base v2\n说明：本文件仅供检查使用"},
		{Seq: 3, Page: 2, Text: "参数量: 700亿\n模型通过以下方式训练：预训练、微调和强化学习，覆盖多个阶段并持续迭代优化"},
		{Seq: 4, Page: 3, Text: "备案号：另一个（不应覆盖）"},
	}
	var warnings []workbench.Warning
	rec, ok := KeyFacts(workbench.Algorithm, ps, func(w workbench.Warning) { warnings = append(warnings, w) })
	if !ok {
		t.Fatal("no key facts found")
	}
	var fields map[string]any
	var extra map[string]string
	if err := json.Unmarshal(rec.Fields, &fields); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(rec.Extra, &extra); err != nil {
		t.Fatal(err)
	}
	if fields["filing_no"] != "Beijing-XingheChat-20240315" || fields["base_model"] != "星河基座大模型 XH-Base v2" ||
		fields["parameters"].(map[string]any)["value"] != 7e10 || len(fields) != 3 {
		t.Errorf("fields = %v", fields)
	}
	if extra["source.filing_no"] != "passage 2 (p. 1)" || extra["source.parameters"] != "passage 3 (p. 2)" {
		t.Errorf("sources = %v", extra)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings %v", warnings)
	}
	if _, ok := KeyFacts(workbench.Algorithm, []document.Passage{{Seq: 1, Text: "没有任何字段。"}}, nil); ok {
		t.Error("facts found in a passage without labels")
	}
}

func TestKeyFactsDownAColumn(t *testing.T) {
	const facts = "模型名称,星河对话\n基础模型,星河基座,已备案\n参数量,700亿,含嵌入层\n算法备案号,B-1\n"
	for _, c := range []struct {
		header   string
		remark   string // the name remarks are kept under
		firstRow int
	}{
		{"", "备注", 1},
		{"项目,内容\n", "备注", 2},
		{"字段,值\n", "备注", 2},
		{"Item,Value\n", "备注", 2},
		{"名称,说明\n", "备注", 2},          // names two data_source fields: no header for a table
		{"名称,说明,备注\n", "备注", 2},       // likewise, with a remarks column
		{"字段,值,说明\n", "说明", 2},        // remarks under their own header
		{"项目,内容,Notes\n", "Notes", 2}, // in English
	} {
		t.Run(strings.TrimSpace(c.header), func(t *testing.T) {
			res, recs, err := readAll(t, writeFile(t, "facts.csv", []byte(c.header+facts)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Kind != workbench.Algorithm || len(recs) != 1 || res.WarningCount != 0 || recs[0]["row"] != c.firstRow {
				t.Fatalf("%+v %v", res, recs)
			}
			f := recs[0]["fields"].(map[string]any)
			if f["model_name"] != "星河对话" || f["base_model"] != "星河基座" || f["filing_no"] != "B-1" ||
				f["parameters"].(map[string]any)["value"] != 7e10 || len(f) != 4 {
				t.Errorf("fields = %v", f)
			}
			x := recs[0]["extra"].(map[string]any)
			if x["基础模型."+c.remark] != "已备案" || x["参数量."+c.remark] != "含嵌入层" || len(x) != 2 {
				t.Errorf("extra = %v", x)
			}
		})
	}
	t.Run("with --kind data_source, 名称 | 说明 is a header", func(t *testing.T) {
		res, recs, err := readAll(t, writeFile(t, "facts.csv", []byte("名称,说明\n"+facts)), Options{Kind: workbench.DataSource})
		if err != nil || res.Kind != workbench.DataSource || len(recs) != 4 {
			t.Fatalf("%+v %v %v", res, recs, err)
		}
	})
	t.Run("a value that cannot be read names its row", func(t *testing.T) {
		res, _, err := readAll(t, writeFile(t, "facts.csv", []byte("项目,内容\n模型名称,M\n参数量,很多\n投诉处理时限,尽快\n")), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.WarningCount != 2 || res.Warnings[0].Location != "line 3 (参数量)" || res.Warnings[1].Location != "line 4 (投诉处理时限)" {
			t.Errorf("warnings %+v", res.Warnings)
		}
	})
	t.Run("two facts a row, as forms are laid out", func(t *testing.T) {
		data := "模型名称,星河,模型版本,v2\n基础模型,星河基座,参数量,70B\n算法备案号,B-1,,\n"
		_, recs, err := readAll(t, writeFile(t, "form.csv", []byte(data)), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if f := recs[0]["fields"].(map[string]any); f["model_version"] != "v2" || f["parameters"] == nil || len(f) != 5 {
			t.Errorf("fields = %v", f)
		}
	})
}

func TestKeyFactsSheetFromLibreOffice(t *testing.T) {
	// Merged title, 项目 | 内容 | 备注, a value merged over the value and
	// remarks columns, a note merged across.
	res, recs, err := readAll(t, fixture("keyfacts-lo.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != workbench.Algorithm || len(recs) != 1 || res.WarningCount != 0 {
		t.Fatalf("%+v %v", res, recs)
	}
	f := recs[0]["fields"].(map[string]any)
	if f["content_labelling"] != "图片与视频加显式水印，文本在页面提示由人工智能生成" || f["model_version"] != "v2.1" ||
		f["complaint_time_limit"].(map[string]any)["unit"] != "working_days" || len(f) != 7 {
		t.Errorf("fields = %v", f)
	}
	x := recs[0]["extra"].(map[string]any)
	if x["基础模型.备注"] != "已备案" || x["参数量.备注"] != "含嵌入层" || x["上线日期"] != "2024-03-15" || len(x) != 3 {
		t.Errorf("extra = %v", x)
	}
	if recs[0]["sheet"] != "算法关键信息" || recs[0]["row"] != 3 {
		t.Errorf("record at %v row %v", recs[0]["sheet"], recs[0]["row"])
	}
	if len(res.SkippedRows) != 1 || res.SkippedRows[0] != (SkippedRow{Location: `sheet "算法关键信息", row 11`, Text: "注：以上信息截至2025年3月。", Reason: "note"}) {
		t.Errorf("skipped %+v", res.SkippedRows)
	}
}

func TestKeyFactsSheetBesideATable(t *testing.T) {
	// A workbook of incidents with a sheet of the service's key facts (项目 |
	// 内容 would read as a table header of incident: 内容 is a description):
	// the facts sheet is not read as incidents.
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "事件")
	f.SetSheetRow("事件", "A1", &[]any{"事件编号", "事件类别", "事件描述", "是否上报"})
	f.SetSheetRow("事件", "A2", &[]any{"INC-1", "投诉", "用户投诉", "否"})
	f.NewSheet("基本信息")
	f.SetSheetRow("基本信息", "A1", &[]any{"项目", "内容"})
	f.SetSheetRow("基本信息", "A2", &[]any{"模型名称", "星河"})
	f.SetSheetRow("基本信息", "A3", &[]any{"算法备案号", "B-1"})
	f.SetSheetRow("基本信息", "A4", &[]any{"投诉处理时限", "15个工作日"})
	path := filepath.Join(t.TempDir(), "incidents.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res, recs, err := readAll(t, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != workbench.Incident || len(recs) != 1 || recs[0]["ref"] != "INC-1" {
		t.Fatalf("%+v %v", res, recs)
	}
	if m := warningsAt(res, `sheet "基本信息"`); len(m) != 1 || !strings.Contains(m[0], "key facts") {
		t.Errorf("warnings %+v", res.Warnings)
	}
}

// TestKeyFactsWarnAtTheirPassage: a fact of a document that cannot be read
// is warned about at the passage it stands in, not at "record 0".
func TestKeyFactsWarnAtTheirPassage(t *testing.T) {
	ps := []document.Passage{
		{Seq: 1, Page: 1, Text: "模型名称：M"},
		{Seq: 2, Page: 2, Text: "是否具有舆论属性或社会动员能力：视情况而定"},
	}
	var ws []workbench.Warning
	if _, ok := KeyFacts(workbench.Algorithm, ps, func(w workbench.Warning) { ws = append(ws, w) }); !ok {
		t.Fatal("no key facts")
	}
	if len(ws) != 1 || ws[0].Location != "passage 2, page 2 (是否具有舆论属性或社会动员能力)" {
		t.Fatalf("warnings %+v", ws)
	}
	// The warning carries its reason, and its location reads in Chinese.
	if ws[0].Reason != workbench.ReasonValueUnreadable || ws[0].Args["Type"] != "bool" {
		t.Errorf("warning %+v: want the reason %s for a bool", ws[0], workbench.ReasonValueUnreadable)
	}
	if got := workbench.LocationText(ws[0].Location, true); got != "第 2 段文字，第 2 页（是否具有舆论属性或社会动员能力）" {
		t.Errorf("location in Chinese: %q", got)
	}
}
