package importers

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/inspection-workbench/workbench"
)

// readAll imports the file at path and returns the records as decoded JSON.
func readAll(t *testing.T, path string, opts Options) (Result, []map[string]any, error) {
	t.Helper()
	var recs []map[string]any
	res, err := ReadFile(context.Background(), path, filepath.Base(path), opts, func(r Record) error {
		var fields, extra map[string]any
		if err := json.Unmarshal(r.Fields, &fields); err != nil {
			t.Fatalf("fields of row %d are not JSON: %v\n%s", r.Row, err, r.Fields)
		}
		if err := json.Unmarshal(r.Extra, &extra); err != nil {
			t.Fatalf("extra of row %d is not JSON: %v\n%s", r.Row, err, r.Extra)
		}
		recs = append(recs, map[string]any{"fields": fields, "extra": extra, "row": r.Row, "ref": r.Ref, "sheet": r.Sheet})
		return nil
	})
	return res, recs, err
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const incidentCSV = "事件编号,发现时间,事件类别,处置措施,是否报告主管部门,负责人\n" +
	"INC-1,2024/3/5 14:03,违法内容,停止生成、消除,是,王工\n" +
	"INC-2,2024年3月6日,投诉举报,\"警示, 限制功能\",否,\n" +
	"INC-3,45356.5,安全事件,暂停服务,Y,李工\n"

func TestReadCSVEncodingsAndDelimiters(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(incidentCSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, data, encoding string
	}{
		{"utf-8", incidentCSV, "UTF-8"},
		{"utf-8 bom", "\ufeff" + incidentCSV, "UTF-8 BOM"},
		{"gb18030", gb, "GB18030"},
		{"crlf", strings.ReplaceAll(incidentCSV, "\n", "\r\n"), "UTF-8"},
		{"tab", strings.NewReplacer(`"警示, 限制功能"`, `"警示, 限制功能"`, ",", "\t").Replace(incidentCSV), "UTF-8"},
		{"semicolon", strings.NewReplacer(`"警示, 限制功能"`, `"警示, 限制功能"`, ",", ";").Replace(incidentCSV), "UTF-8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, recs, err := readAll(t, writeFile(t, "log.csv", []byte(tt.data)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Kind != workbench.Incident || res.Format != CSV || res.Encoding != tt.encoding || res.Records != 3 {
				t.Fatalf("result = %+v", res)
			}
			f0 := recs[0]["fields"].(map[string]any)
			if f0["found_at"] != "2024-03-05T14:03" || f0["category"] != "illegal_content" || f0["reported"] != true ||
				strings.Join(toStrings(f0["action"]), ",") != "stop_generation,eliminate" || recs[0]["ref"] != "INC-1" {
				t.Errorf("record 1 = %v", recs[0])
			}
			if x := recs[0]["extra"].(map[string]any); x["负责人"] != "王工" {
				t.Errorf("unmapped column not kept: %v", x)
			}
			f1 := recs[1]["fields"].(map[string]any)
			if f1["found_at"] != "2024-03-06" || strings.Join(toStrings(f1["action"]), ",") != "warn,restrict" || f1["reported"] != false {
				t.Errorf("record 2 = %v", f1)
			}
			if f2 := recs[2]["fields"].(map[string]any); f2["found_at"] != "2024-03-05T12:00:00" {
				t.Errorf("Excel serial read as %v", f2["found_at"])
			}
			if otherWarnings(res).WarningCount != 0 {
				t.Errorf("warnings: %v", res.Warnings)
			}
		})
	}
}

func toStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

func TestReadCSVTitleRowsAndWarnings(t *testing.T) {
	data := "星河智算科技有限公司 标注质检记录,,,\n" +
		"（2025年第一季度）,,,\n" +
		",,,\n" +
		"标注批次,标注类型,准确率,核验日期,核验人\n" +
		"B-01,安全性标注,97.5%,2025-01-10,赵\n" +
		"B-02,功能,0.95,不详,钱\n" +
		"B-03,情感,96,2025/1/12,孙\n"
	res, recs, err := readAll(t, writeFile(t, "qa.csv", []byte(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != workbench.AnnotationRule || len(recs) != 3 || recs[0]["row"] != 5 {
		t.Fatalf("result %+v, first record %v", res, recs)
	}
	f := recs[0]["fields"].(map[string]any)
	if f["accuracy"] != 0.975 || f["annotation_type"] != "safety" || f["date"] != "2025-01-10" || f["reviewer"] != "赵" {
		t.Errorf("B-01 = %v", f)
	}
	if f := recs[1]["fields"].(map[string]any); f["date"] != "不详" || f["annotation_type"] != "功能" ||
		readTerm(t, workbench.AnnotationRule, f, "annotation_type") != "functional" || f["accuracy"] != 0.95 {
		t.Errorf("B-02 = %v", f)
	}
	// 不详 is no date; 96 is read as 96% with a note; 情感, no annotation
	// type, is counted in the column's summary.
	want := map[string]string{
		"line 6, column 4 (核验日期)": "not a date",
		"line 7, column 3 (准确率)":  "read \"96\" as 96%",
	}
	if u := res.Unrecognised; len(u) != 1 || u[0].Field != "annotation_type" || u[0].First != "line 7, column 2 (标注类型)" {
		t.Errorf("unrecognised = %+v", u)
	}
	// The table has no 是否培训, 培训日期 or 核验样本量 column: one warning
	// names them.
	if m := warningsAt(res, "header row"); len(m) != 1 || !strings.Contains(m[0], "training_given, training_date, sample_size") {
		t.Errorf("header row warnings = %q", m)
	}
	res = otherWarnings(res)
	if res.WarningCount != len(want) {
		t.Errorf("warnings = %+v", res.Warnings)
	}
	for _, w := range res.Warnings {
		if sub, ok := want[w.Location]; !ok || !strings.Contains(w.Message, sub) {
			t.Errorf("unexpected warning %+v", w)
		}
	}
}

func TestKindDetection(t *testing.T) {
	t.Run("ambiguous", func(t *testing.T) {
		_, _, err := readAll(t, filepath.Join("..", "testdata", "bad", "ambiguous.csv"), Options{})
		if !errors.Is(err, ErrKind) || !strings.Contains(err.Error(), "data_source") || !strings.Contains(err.Error(), "annotation_rule") ||
			strings.Contains(err.Error(), "--kind") {
			t.Fatalf("err = %v", err)
		}
		// The reason and its arguments, for each interface to word: the
		// CLI adds its own "--kind" hint, the GUI its own sentence.
		if we := workbench.ErrorReason(err); we == nil || we.Reason != workbench.ReasonKindAmbiguous ||
			!slices.Equal(we.Args["Kinds"].([]string), []string{"data_source", "annotation_rule"}) {
			t.Fatalf("reason of %v: %+v", err, we)
		}
		res, _, err := readAll(t, filepath.Join("..", "testdata", "bad", "ambiguous.csv"), Options{Kind: workbench.AnnotationRule})
		if err != nil || res.Kind != workbench.AnnotationRule || res.Records != 1 {
			t.Fatalf("with --kind: %+v, %v", res, err)
		}
	})
	t.Run("wrong kind", func(t *testing.T) {
		_, _, err := readAll(t, writeFile(t, "log.csv", []byte(incidentCSV)), Options{Kind: workbench.DataSource})
		if !errors.Is(err, ErrNoHeader) || !strings.Contains(err.Error(), "data_source") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("each kind from its own headers", func(t *testing.T) {
		for _, spec := range Specs {
			if spec.Kind == workbench.LabelSample {
				continue // read from images, never from headers (TestLabelSampleNotFromHeaders)
			}
			var zh, en []string
			for _, f := range spec.Fields {
				zh, en = append(zh, f.ZH), append(en, f.EN)
			}
			for _, header := range [][]string{zh, en} {
				k, err := detectKind(header)
				if err != nil || k != spec.Kind {
					t.Errorf("%s headers %v: %s, %v", spec.Kind, header[:3], k, err)
				}
			}
		}
	})
}

func TestSpecSynonymsUnambiguous(t *testing.T) {
	for _, spec := range Specs {
		seen := map[string]string{}
		for _, f := range spec.Fields {
			for _, s := range append([]string{f.Name, f.ZH, f.EN}, f.Synonyms...) {
				n := normHeader(s)
				if other, dup := seen[n]; dup && other != f.Name {
					t.Errorf("%s: header %q names both %s and %s", spec.Kind, s, other, f.Name)
				}
				seen[n] = f.Name
			}
			terms := map[string]string{}
			for _, term := range f.Terms {
				for _, s := range append([]string{term.Value, term.ZH, term.EN}, term.Synonyms...) {
					n := normTerm(s)
					if other, dup := terms[n]; dup && other != term.Value {
						t.Errorf("%s.%s: %q means both %s and %s", spec.Kind, f.Name, s, other, term.Value)
					}
					terms[n] = term.Value
				}
			}
		}
	}
}

func TestReadJSONShapes(t *testing.T) {
	facts := `{"模型名称": "星河", "参数量": "700亿", "安全机制": {"内容过滤": "关键词+模型", "人工复审": "抽检"},
		"投诉处理时限": "15个工作日", "是否具有舆论属性或社会动员能力": "是", "上线日期": "2024-03-15"}`
	res, recs, err := readAll(t, writeFile(t, "algo.json", []byte(facts)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != workbench.Algorithm || len(recs) != 1 {
		t.Fatalf("%+v", res)
	}
	f := recs[0]["fields"].(map[string]any)
	if p := f["parameters"].(map[string]any); p["value"] != 7e10 || p["unit"] != "" {
		t.Errorf("parameters = %v", p)
	}
	if d := f["complaint_time_limit"].(map[string]any); d["value"] != 15.0 || d["unit"] != "working_days" {
		t.Errorf("time limit = %v", d)
	}
	if s := f["safety_mechanisms"]; s != "内容过滤: 关键词+模型; 人工复审: 抽检" || f["public_opinion"] != true {
		t.Errorf("fields = %v", f)
	}
	if x := recs[0]["extra"].(map[string]any); x["上线日期"] != "2024-03-15" {
		t.Errorf("extra = %v", x)
	}

	container := `{"incidents": [{"事件编号": "A", "事件类别": "投诉"}, {"事件编号": "B", "事件类别": "举报", "发现时间": "2024-01-02"}]}`
	res, recs, err = readAll(t, writeFile(t, "inc.json", []byte(container)), Options{})
	if err != nil || res.Kind != workbench.Incident || len(recs) != 2 || recs[1]["ref"] != "B" {
		t.Fatalf("container: %+v %v %v", res, recs, err)
	}
	lines := "{\"事件编号\":\"A\",\"事件类别\":\"投诉\"}\n\n{\"事件编号\":\"B\",\"事件类别\":\"安全事件\"}\n"
	res, recs, err = readAll(t, writeFile(t, "inc.jsonl", []byte(lines)), Options{})
	if err != nil || res.Format != JSONL || len(recs) != 2 || recs[1]["row"] != 3 {
		t.Fatalf("jsonl: %+v %v %v", res, recs, err)
	}
}

func TestReadXLSXTitleAndMergedHeader(t *testing.T) {
	f := excelize.NewFile()
	sh := "数据来源"
	f.SetSheetName("Sheet1", sh)
	f.SetCellValue(sh, "A1", "星河智算 训练数据来源说明")
	f.MergeCell(sh, "A1", "E1")
	for col, h := range map[string]string{"A2": "编号", "B2": "数据来源名称\nSource name", "C2": "数据规模", "E2": "违法不良信息占比"} {
		f.SetCellValue(sh, col, h)
	}
	f.MergeCell(sh, "C2", "D2")
	f.SetSheetRow(sh, "A3", &[]any{"DS-01", "Common Crawl", 1.2, "TB", 0.003})
	f.SetSheetRow(sh, "A4", &[]any{"DS-02", "新闻语料", "3亿", "tokens", 0.0005})
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	f.SetCellStyle(sh, "E3", "E4", pct)
	f.NewSheet("说明")
	f.SetCellValue("说明", "A1", "本表数据截至2025年6月")
	path := filepath.Join(t.TempDir(), "ds.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res, recs, err := readAll(t, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != workbench.DataSource || len(recs) != 2 || recs[0]["sheet"] != sh || recs[0]["row"] != 3 || otherWarnings(res).WarningCount != 0 {
		t.Fatalf("result %+v, records %v", res, recs)
	}
	f0 := recs[0]["fields"].(map[string]any)
	if s := f0["scale"].(map[string]any); s["value"] != 1.2e12 || s["unit"] != "bytes" {
		t.Errorf("scale = %v", s)
	}
	if f0["harmful_share"] != 0.003 || f0["name"] != "Common Crawl" {
		t.Errorf("DS-01 = %v", f0)
	}
	if s := recs[1]["fields"].(map[string]any)["scale"].(map[string]any); s["value"] != 3e8 || s["unit"] != "tokens" {
		t.Errorf("DS-02 scale = %v", s)
	}
}

func TestTemplateRoundTrip(t *testing.T) {
	for _, spec := range Specs {
		if spec.Kind == workbench.LabelSample {
			continue // images have no template (TestLabelSampleHasNoTemplate)
		}
		t.Run(string(spec.Kind), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "template.xlsx")
			out, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := WriteTemplate(spec.Kind, out); err != nil {
				t.Fatal(err)
			}
			out.Close()
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			dvs, _ := f.GetDataValidations(TemplateDataSheet)
			enums := 0
			for i, fd := range spec.Fields {
				cell := columnLetter(i) + "3"
				f.SetCellValue(TemplateDataSheet, cell, exampleValue(fd))
				if fd.Type == Enum {
					enums++
				}
			}
			lists := 0
			for _, dv := range dvs {
				if dv.Type == "list" {
					lists++
				}
			}
			if lists < enums {
				t.Errorf("%d drop-down lists for %d vocabulary fields", lists, enums)
			}
			if notes, _ := f.GetRows(TemplateNotesSheet); len(notes) != len(spec.Fields)+1 {
				t.Errorf("notes sheet has %d rows for %d fields", len(notes), len(spec.Fields))
			}
			if err := f.Save(); err != nil {
				t.Fatal(err)
			}
			f.Close()
			res, recs, err := readAll(t, path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Kind != spec.Kind || len(recs) != 1 || otherWarnings(res).WarningCount != 0 {
				t.Fatalf("filled template: %+v %v", res, recs)
			}
			if n := len(recs[0]["fields"].(map[string]any)); n != len(spec.Fields) {
				t.Errorf("%d of %d fields read back: %v", n, len(spec.Fields), recs[0]["fields"])
			}
		})
	}
}

// exampleValue is what a provider would type into a template column.
func exampleValue(f Field) string {
	switch f.Type {
	case Bool:
		return "是"
	case Date:
		return "2025-03-05"
	case DateTime:
		return "2025-03-05 14:03"
	case Percent:
		return "0.5%"
	case Scale:
		return "1.2TB"
	case Count:
		return "1200"
	case Duration:
		return "15个工作日"
	case Period:
		return "2023年1月至2023年6月"
	case Enum, EnumList:
		return f.Terms[0].ZH
	}
	return "示例 " + f.EN
}

func TestHeaderSpellings(t *testing.T) {
	for _, tt := range []struct {
		kind   workbench.Kind
		header string
		want   string
	}{
		{workbench.Incident, "事件编号", "id"},
		{workbench.Incident, "事件发现时间", "found_at"},
		{workbench.Incident, "是否已报告主管部门（是/否）", "reported"},
		{workbench.Incident, "处置措施及结果", "action"},
		{workbench.Incident, "Incident Category", "category"},
		{workbench.Incident, "Action Taken\n处置措施", "action"},
		{workbench.Incident, "reported (Y/N)", "reported"},
		{workbench.Incident, "ＩＤ", "id"},
		{workbench.DataSource, "数据规模（条）", "scale"},
		{workbench.DataSource, "是否包含个人信息*", "contains_personal_info"},
		{workbench.DataSource, "数据来源名称\nSource name", "name"},
		{workbench.DataSource, "负责部门", ""},
		{workbench.AnnotationRule, "标注准确率(%)", "accuracy"},
		{workbench.Algorithm, "安全机制.内容过滤", "safety_mechanisms"},
		{workbench.Algorithm, "安全评估完成日期", ""},
		{workbench.Algorithm, "是否开展安全评估", "security_assessment"},
		{workbench.Incident, "报告主管部门时间", ""},
	} {
		t.Run(tt.header, func(t *testing.T) {
			got := ""
			if i := matchHeader(tt.kind, tt.header); i >= 0 {
				got = SpecFor(tt.kind).Fields[i].Name
			}
			if got != tt.want {
				t.Errorf("matchHeader(%s, %q) = %q, want %q", tt.kind, tt.header, got, tt.want)
			}
		})
	}
}

func TestReadVerticalKeyFacts(t *testing.T) {
	data := "星河对话 算法关键信息,\n项目,内容\n模型名称,星河对话大模型\n基础模型,星河基座大模型\n参数量,700亿\n投诉处理时限,15个工作日\n上线日期,2024-03-15\n"
	res, recs, err := readAll(t, writeFile(t, "facts.csv", []byte(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != workbench.Algorithm || len(recs) != 1 || otherWarnings(res).WarningCount != 0 {
		t.Fatalf("%+v %v", res, recs)
	}
	f := recs[0]["fields"].(map[string]any)
	if f["model_name"] != "星河对话大模型" || f["base_model"] != "星河基座大模型" {
		t.Errorf("fields = %v", f)
	}
	// The header row 项目 | 内容 is no fact.
	if x := recs[0]["extra"].(map[string]any); x["上线日期"] != "2024-03-15" || len(x) != 1 {
		t.Errorf("extra = %v", x)
	}
	// Two columns of anything are not key facts.
	if _, _, err := readAll(t, writeFile(t, "pairs.csv", []byte("颜色,红\n形状,圆\n")), Options{}); !errors.Is(err, ErrNoHeader) {
		t.Errorf("unrelated pairs: %v", err)
	}
}

// TestNestedKeysOfMixedLanguages: the sub-keys of a nested object join the
// field their parent names, whatever language each is written in.
func TestNestedKeysOfMixedLanguages(t *testing.T) {
	facts := `{"模型名称": "M", "安全机制": {"未成年人保护": "青少年模式", "Red teaming": "quarterly"}, "算法备案号": "F-1"}`
	_, recs, err := readAll(t, writeFile(t, "algo.json", []byte(facts)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := recs[0]["fields"].(map[string]any)
	if s, _ := f["safety_mechanisms"].(string); !strings.Contains(s, "未成年人保护: 青少年模式") || !strings.Contains(s, "Red teaming: quarterly") {
		t.Errorf("safety_mechanisms = %q, extra %v", s, recs[0]["extra"])
	}
}
