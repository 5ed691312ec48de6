package importers

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
	"github.com/xuri/excelize/v2"
)

// The values "not recognised" here are made up (类别甲, 措施甲 …), so that
// vocabularies may grow without these tests changing.
func TestUnrecognisedValuesCountedPerColumn(t *testing.T) {
	var b strings.Builder
	b.WriteString("事件编号,事件类别,处置措施,类型\n")
	for i := range 40 {
		cat := "违法内容"
		switch {
		case i < 37 && i%2 == 0:
			cat = "类别甲"
		case i < 37:
			cat = "类别乙"
		}
		act := "删除、警示"
		if i == 5 {
			act = "删除、措施甲、措施乙"
		}
		fmt.Fprintf(&b, "INC-%d,%s,%s,\n", i, cat, act)
	}
	res, recs, err := readAll(t, writeFile(t, "inc.csv", []byte(b.String())), Options{Kind: workbench.Incident})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 40 || recs[0]["fields"].(map[string]any)["category"] != "类别甲" {
		t.Fatalf("values not kept as written: %v", recs[0])
	}
	// One summary per column: how many, a few examples, where the first
	// stands and the values the field accepts.
	want := []ColumnCount{
		{Column: "事件类别", Field: "category", Count: 37, Examples: []string{"类别甲", "类别乙"}, First: "line 2, column 2 (事件类别)",
			Valid: []string{"违法内容", "用户违法活动", "投诉举报", "个人信息请求", "安全事件", "咨询建议"}},
		{Column: "处置措施", Field: "action", Count: 2, Examples: []string{"措施甲", "措施乙"}, First: "line 7, column 3 (处置措施)",
			Valid: []string{"停止生成", "停止传输", "消除", "模型优化训练", "警示", "限制功能", "暂停服务", "终止服务", "未处置"}},
	}
	if !reflect.DeepEqual(res.Unrecognised, want) {
		t.Errorf("unrecognised = %+v, want %+v", res.Unrecognised, want)
	}
	// Not a warning per row as well: a provider who words a column its own
	// way does so on every row, and 37 warnings would bury the others.
	if r := otherWarnings(res); r.WarningCount != 0 { // the header's missing columns aside
		t.Errorf("%d warnings besides the summaries: %+v", r.WarningCount, r.Warnings)
	}
}

func TestUnrecognisedValuesBySheetAndKey(t *testing.T) {
	f := excelize.NewFile()
	for _, sh := range []string{"一月", "二月"} {
		f.NewSheet(sh)
		f.SetSheetRow(sh, "A1", &[]any{"编号", "数据来源名称", "来源类别", "数据类型"})
		f.SetSheetRow(sh, "A2", &[]any{sh + "-1", "语料", "爬虫", "文本、类型甲"})
		f.SetSheetRow(sh, "A3", &[]any{sh + "-2", "语料", "来源甲", "文本"})
	}
	f.DeleteSheet("Sheet1")
	path := filepath.Join(t.TempDir(), "ds.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res, _, err := readAll(t, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	type got struct{ sheet, column, field, first string }
	want := []got{
		{"一月", "数据类型", "data_type", `sheet "一月", row 2, column D (数据类型)`},
		{"一月", "来源类别", "category", `sheet "一月", row 3, column C (来源类别)`},
		{"二月", "数据类型", "data_type", `sheet "二月", row 2, column D (数据类型)`},
		{"二月", "来源类别", "category", `sheet "二月", row 3, column C (来源类别)`},
	}
	var have []got
	for _, u := range res.Unrecognised {
		have = append(have, got{u.Sheet, u.Column, u.Field, u.First})
		if u.Count != 1 || len(u.Examples) != 1 || len(u.Valid) == 0 {
			t.Errorf("summary %+v: want one value, its example and the field's terms", u)
		}
	}
	if !reflect.DeepEqual(have, want) {
		t.Errorf("unrecognised = %+v", res.Unrecognised)
	}

	res, _, err = readAll(t, writeFile(t, "inc.json", []byte(`[{"id": "A", "type": "类别甲"}, {"id": "B", "type": "类别甲"}, {"id": "C", "type": "投诉"}]`)), Options{Kind: workbench.Incident})
	if err != nil {
		t.Fatal(err)
	}
	if want := []ColumnCount{{Column: "type", Field: "category", Count: 2, Examples: []string{"类别甲"}, First: `record 1, field "type"`,
		Valid: []string{"违法内容", "用户违法活动", "投诉举报", "个人信息请求", "安全事件", "咨询建议"}}}; !reflect.DeepEqual(res.Unrecognised, want) {
		t.Errorf("json: unrecognised = %+v", res.Unrecognised)
	}
}

func TestVocabularyLookupsRemembered(t *testing.T) {
	c := newConverter(workbench.Incident, func(workbench.Warning) {})
	c.setHeader("", []string{"事件编号", "事件类别"}, false)
	for i := range maxTermCache + 100 {
		c.convertRow(i+2, []string{fmt.Sprint(i), fmt.Sprintf("类别%d", i)})
		c.convertRow(i+2, []string{fmt.Sprint(i), " 投诉 "})
	}
	if n := len(c.termCache[2]); n != maxTermCache {
		t.Errorf("%d spellings remembered, want the bound %d", n, maxTermCache)
	}
	// Past the bound, values are still looked up.
	rec, _ := c.convertRow(1, []string{"x", "举报"})
	// (举报 is the provider's word for complaint: stored as written.)
	if f, err := DecodeFields(workbench.Incident, rec.Fields); err != nil || !strings.Contains(string(rec.Fields), `"category":"举报"`) ||
		f.Text("category") != "complaint" {
		t.Errorf("fields %s", rec.Fields)
	}
	if len(c.unrec) != 1 || c.unrec[0].Count != maxTermCache+100 {
		t.Errorf("unrecognised %+v", c.unrec)
	}
}

func TestVocabularyValueWithANote(t *testing.T) {
	data := "编号,数据来源名称,训练阶段,数据类型\nDS-1,语料,微调（SFT）,文本(中文)、图片\nDS-2,语料,（待定）,文本\n"
	res, recs, err := readAll(t, writeFile(t, "ds.csv", []byte(data)), Options{Kind: workbench.DataSource})
	if err != nil {
		t.Fatal(err)
	}
	// The values are stored as written and read as their terms.
	if f := recs[0]["fields"].(map[string]any); f["stage"] != "微调（SFT）" || readTerm(t, workbench.DataSource, f, "stage") != "fine_tuning" ||
		strings.Join(toStrings(f["data_type"]), ",") != "文本(中文),image" || readTerm(t, workbench.DataSource, f, "data_type") != "text,image" {
		t.Errorf("DS-1 = %v", f)
	}
	// A value that is nothing but a note is no value of the vocabulary.
	if len(res.Unrecognised) != 1 || res.Unrecognised[0].Examples[0] != "（待定）" {
		t.Errorf("unrecognised %+v", res.Unrecognised)
	}
}
