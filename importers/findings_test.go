package importers

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// The headers another provider's compliance team chose for its incident
// log (issue #15, point 8: each was tested alone and none was mapped).
func TestIncidentHeadersOfAnotherTeam(t *testing.T) {
	want := map[string][]string{
		"found_at":       {"登记日期", "提交日期", "创建时间", "创建日期", "工单创建时间", "事发日期", "事件日期", "Created at", "Date received"},
		"category":       {"风险类别", "问题类型", "问题分类", "风险类型", "事件性质", "工单类型", "Risk type", "Issue type"},
		"how_found":      {"受理渠道", "来源渠道", "渠道", "发现渠道", "反馈渠道", "Channel"},
		"description":    {"问题详情", "详情", "事件详情", "问题说明", "事件经过", "情况说明", "内容描述", "投诉内容", "Incident details"},
		"action":         {"处置结果", "处理情况", "处置情况", "采取措施", "Measures taken"},
		"resolved_at":    {"结案日期", "关闭日期", "关闭时间", "完结日期", "Date closed", "Closed on"},
		"feedback_given": {"是否回复用户", "是否回复", "是否答复", "答复情况", "是否告知用户", "Replied to user"},
		"reported":       {"是否通报", "是否报送"},
	}
	for field, headers := range want {
		for _, h := range headers {
			got := ""
			if i := matchHeader(workbench.Incident, h); i >= 0 {
				got = SpecFor(workbench.Incident).Fields[i].Name
			}
			if got != field {
				t.Errorf("incident header %q names %q, want %q", h, got, field)
			}
		}
	}
	// 处理日期 may be the day handling began as well as the day it ended:
	// read as resolved_at it could make a late answer look on time, so it
	// is kept as an extra column (docs/submission-formats.md says so).
	if i := matchHeader(workbench.Incident, "处理日期"); i >= 0 {
		t.Errorf("处理日期 names %s, want no field", SpecFor(workbench.Incident).Fields[i].Name)
	}
	// The whole header row of that team's log is an incident log with
	// every column the checks read mapped.
	alt := []string{"工单号", "登记日期", "所属产品", "风险类别", "风险细类", "受理渠道", "问题详情", "涉及模型",
		"处置结果", "处理人", "工单状态", "是否报送", "报送日期", "结案日期", "是否回复用户", "备注"}
	k, err := detectKind(alt)
	if err != nil || k != workbench.Incident {
		t.Fatalf("detectKind(alt headers) = %s, %v", k, err)
	}
	if missing, _ := unmappedChecked(workbench.Incident, alt); len(missing) != 0 {
		t.Errorf("alt headers leave %v unmapped", missing)
	}
}

// Headers added to the other kinds for the same gap.
func TestOtherKindsHeaderSynonyms(t *testing.T) {
	for _, tt := range []struct {
		kind          workbench.Kind
		header, field string
	}{
		{workbench.DataSource, "语料名称", "name"},
		{workbench.DataSource, "获取渠道", "category"},
		{workbench.DataSource, "语料量", "scale"},
		{workbench.DataSource, "抽检条数", "sample_size"},
		{workbench.AnnotationRule, "任务编号", "batch"},
		{workbench.AnnotationRule, "是否经过培训", "training_given"},
		{workbench.AnnotationRule, "质检合格率", "accuracy"},
		{workbench.AnnotationRule, "质检员", "reviewer"},
		{workbench.AnnotationRule, "验收日期", "date"},
		{workbench.Algorithm, "版本信息", "model_version"},
	} {
		got := ""
		if i := matchHeader(tt.kind, tt.header); i >= 0 {
			got = SpecFor(tt.kind).Fields[i].Name
		}
		if got != tt.field {
			t.Errorf("%s header %q names %q, want %q", tt.kind, tt.header, got, tt.field)
		}
	}
	// A data-source sheet with an extra 登记日期 column (an incident
	// synonym now) is still a data source.
	k, err := detectKind([]string{"编号", "数据来源名称", "来源类别", "数据规模", "负责部门", "登记日期"})
	if err != nil || k != workbench.DataSource {
		t.Errorf("data-source header: %s, %v", k, err)
	}
}

// otherWarnings drops the warning about fields no column names
// (ReasonFieldsUnmapped), for tests of small tables that leave fields out
// on purpose and look at the other warnings.
func otherWarnings(res Result) Result {
	var ws []workbench.Warning
	for _, w := range res.Warnings {
		if w.Reason != workbench.ReasonFieldsUnmapped {
			ws = append(ws, w)
		}
	}
	res.WarningCount -= len(res.Warnings) - len(ws)
	res.Warnings = ws
	return res
}

// A log whose main columns are named in words the workbench does not know
// imports, but says which fields the checks will miss and which columns
// it did not recognise (issue #15, point 8: it imported with 0 warnings).
func TestFieldsUnmappedWarned(t *testing.T) {
	data := "工单号,受理时刻,所属产品,风险细目,经办人,是否报送\n" +
		"GD-1,2024-03-05,星河助手,涉政谣言,王工,是\n" +
		"GD-2,2024-03-06,星河助手,低俗,李工,否\n"
	res, recs, err := readAll(t, writeFile(t, "log.csv", []byte(data)), Options{})
	if err != nil || res.Kind != workbench.Incident || len(recs) != 2 {
		t.Fatalf("%+v, %v", res, err)
	}
	var got []workbench.Warning
	for _, w := range res.Warnings {
		if w.Reason == workbench.ReasonFieldsUnmapped {
			got = append(got, w)
		}
	}
	if len(got) != 1 {
		t.Fatalf("warnings %+v, want one %s", res.Warnings, workbench.ReasonFieldsUnmapped)
	}
	w := got[0]
	if err := workbench.CheckWarning(w); err != nil {
		t.Error(err)
	}
	fields := []string{"found_at", "category", "description", "action", "reported_at", "resolved_at", "feedback_given"}
	cols := []string{"受理时刻", "所属产品", "风险细目", "经办人"}
	if w.Location != "header row" || !reflect.DeepEqual(w.Args["Fields"], fields) || !reflect.DeepEqual(w.Args["Columns"], cols) ||
		w.Args["Kind"] != "incident" {
		t.Errorf("warning %+v", w)
	}
	for _, s := range append(fields, `"受理时刻"`, `"经办人"`) {
		if !strings.Contains(w.Message, s) {
			t.Errorf("message %q lacks %s", w.Message, s)
		}
	}

	// Every column the checks read named: no such warning.
	full := "事件编号,发现时间,事件类别,事件描述,处置措施,是否报告主管部门,报告时间,办结时间,是否反馈\n" +
		"INC-1,2024-03-05,违法内容,涉政谣言,删除,是,2024-03-05,2024-03-06,不涉及\n"
	res, _, err = readAll(t, writeFile(t, "full.csv", []byte(full)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings {
		if w.Reason == workbench.ReasonFieldsUnmapped {
			t.Errorf("full header warned: %+v", w)
		}
	}
	// In a workbook, per sheet; an algorithm's key facts are never
	// warned about (they are spread over documents).
	if m, _ := unmappedChecked(workbench.Algorithm, []string{"模型名称", "模型版本"}); len(m) != 0 {
		t.Errorf("algorithm fields warned: %v", m)
	}
}

// 不涉及 in a column asking whether something was done is no "no": it is
// kept as written and warned about once per column; in a column asking
// whether something is there it is a plain no.
func TestNotApplicableAnswers(t *testing.T) {
	data := "事件编号,发现时间,事件类别,事件描述,处置措施,是否报告主管部门,报告时间,办结时间,是否反馈\n" +
		"INC-1,2024-03-05,违法内容,谣言,删除,不适用,,2024-03-06,不涉及\n" +
		"INC-2,2024-03-05,安全事件,扫描,屏蔽,否,,2024-03-06,不涉及\n" +
		"INC-3,2024-03-05,投诉举报,投诉,警示,是,2024-03-05,2024-03-06,否\n"
	res, recs, err := readAll(t, writeFile(t, "log.csv", []byte(data)), Options{})
	if err != nil || len(recs) != 3 {
		t.Fatalf("%+v, %v", res, err)
	}
	f0, f1, f2 := recs[0]["fields"].(map[string]any), recs[1]["fields"].(map[string]any), recs[2]["fields"].(map[string]any)
	if f0["reported"] != "不适用" || f0["feedback_given"] != "不涉及" || f1["feedback_given"] != "不涉及" || f1["reported"] != false ||
		f2["feedback_given"] != false || f2["reported"] != true {
		t.Errorf("stored %v / %v / %v", f0, f1, f2)
	}
	var na []workbench.Warning
	for _, w := range res.Warnings {
		if w.Reason == workbench.ReasonNotApplicable {
			na = append(na, w)
			if err := workbench.CheckWarning(w); err != nil {
				t.Error(err)
			}
		}
	}
	if len(na) != 2 || na[0].Location != "line 2, column 6 (是否报告主管部门)" || na[1].Location != "line 2, column 9 (是否反馈)" ||
		na[1].Args["Value"] != "不涉及" || na[1].Args["Field"] != "feedback_given" {
		t.Errorf("not-applicable warnings %+v", na)
	}
	// Read back: neither yes nor no, and told apart from an unreadable
	// value.
	fv, err := DecodeFields(workbench.Incident, []byte(`{"reported":"不适用","feedback_given":"乱码"}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := fv.Bool("reported"); ok || !fv.NotApplicable("reported") || !fv.Unreadable("reported") || fv.NotApplicable("feedback_given") {
		t.Errorf("decoded not-applicable answer wrong: %+v", fv.Value("reported"))
	}

	// 是否含个人信息: 不涉及 is no, without a warning.
	ds := "编号,数据来源名称,是否含个人信息,合法来源依据\nDS-1,新闻语料,不涉及,授权协议\n"
	res, recs, err = readAll(t, writeFile(t, "ds.csv", []byte(ds)), Options{})
	if err != nil || recs[0]["fields"].(map[string]any)["contains_personal_info"] != false {
		t.Fatalf("%v, %v", recs, err)
	}
	for _, w := range res.Warnings {
		if w.Reason == workbench.ReasonNotApplicable {
			t.Errorf("presence question warned: %+v", w)
		}
	}
}

// readTerm decodes a record's stored fields as the checks read them and
// returns an enum field's term, or an enum list's terms joined by ",".
func readTerm(t *testing.T, kind workbench.Kind, fields map[string]any, name string) string {
	t.Helper()
	data, err := json.Marshal(fields)
	if err != nil {
		t.Fatal(err)
	}
	f, err := DecodeFields(kind, data)
	if err != nil {
		t.Fatal(err)
	}
	v := f.Value(name)
	if v.Type == EnumList {
		return strings.Join(v.Terms, ",")
	}
	term, _ := f.Term(name)
	return term
}

// The provider's words in a vocabulary column are stored as written, read
// as their term, and searched by both.
func TestProviderWordsKeptAndSearchable(t *testing.T) {
	data := "事件编号,事件类别,处置措施\nINC-1,违法不良信息（模型输出）,拦截生成、删除、警示\nINC-2,违法内容,停止生成\n"
	_, recs, err := readAll(t, writeFile(t, "log.csv", []byte(data)), Options{})
	if err != nil || len(recs) != 2 {
		t.Fatalf("%v, %v", recs, err)
	}
	f0, f1 := recs[0]["fields"].(map[string]any), recs[1]["fields"].(map[string]any)
	if f0["category"] != "违法不良信息（模型输出）" || strings.Join(toStrings(f0["action"]), ",") != "拦截生成,删除,warn" ||
		f1["category"] != "illegal_content" || strings.Join(toStrings(f1["action"]), ",") != "stop_generation" {
		t.Errorf("stored %v / %v: want the provider's words as written, the standard names as terms", f0, f1)
	}
	if got := readTerm(t, workbench.Incident, f0, "category"); got != "illegal_content" {
		t.Errorf("category read as %q", got)
	}
	if got := readTerm(t, workbench.Incident, f0, "action"); got != "stop_generation,eliminate,warn" {
		t.Errorf("actions read as %q", got)
	}
	data0, _ := json.Marshal(f0)
	text, _, err := SearchText(workbench.Incident, string(data0), "{}")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"违法不良信息（模型输出）", "违法内容", "illegal content", "拦截生成", "停止生成", "删除", "消除", "警示"} {
		if !strings.Contains(text, s) {
			t.Errorf("search text %q lacks %q", text, s)
		}
	}
	fv, _ := DecodeFields(workbench.Incident, data0)
	if d := fv.Display("category", true); d != "违法不良信息（模型输出）" {
		t.Errorf("shown as %q, want the provider's words", d)
	}
}
