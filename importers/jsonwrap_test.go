package importers

import (
	"github.com/inspection-workbench/workbench"
	"testing"
)

func TestJSONExportWrappedInMetadata(t *testing.T) {
	data := `{"provider": "星河", "exported_at": "2025-06-01T10:00:00Z", "count": 2, "version": {"schema": 3},
	 "batches": [
	  {"batch": "B-01", "annotation_type": "安全性标注", "annotators": 12,
	   "training": {"given": true, "date": "2024-05-01"},
	   "qa": {"sample_size": 500, "accuracy": 0.97, "reviewer": "赵"}},
	  {"batch": "B-02", "annotation_type": "functional", "annotators": 8,
	   "training": {"given": false}, "qa": {"sample_size": 1e3, "accuracy": 0.955, "date": "2024-06-02"}, "vendor": "甲公司"}
	 ],
	 "signed_by": "王"}`
	res, recs, err := readAll(t, writeFile(t, "export.json", []byte(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != workbench.AnnotationRule || len(recs) != 2 || otherWarnings(res).WarningCount != 0 {
		t.Fatalf("%+v %v", res, recs)
	}
	f := recs[0]["fields"].(map[string]any)
	want := map[string]any{"batch": "B-01", "annotation_type": "safety", "annotators": 12.0, "training_given": true,
		"training_date": "2024-05-01", "sample_size": 500.0, "accuracy": 0.97, "reviewer": "赵"}
	for k, v := range want {
		if f[k] != v {
			t.Errorf("B-01 %s = %#v, want %#v", k, f[k], v)
		}
	}
	if len(f) != len(want) || recs[0]["ref"] != "B-01" || recs[0]["row"] != 1 {
		t.Errorf("B-01 = %v", recs[0])
	}
	f = recs[1]["fields"].(map[string]any)
	if f["training_given"] != false || f["sample_size"] != 1000.0 || f["accuracy"] != 0.955 || f["date"] != "2024-06-02" {
		t.Errorf("B-02 = %v", f)
	}
	if x := recs[1]["extra"].(map[string]any); len(x) != 1 || x["vendor"] != "甲公司" {
		t.Errorf("B-02 extra = %v", x)
	}

	// Two levels down, beside a status code and a total.
	data = `{"code": 0, "msg": "ok", "data": {"total": 2, "items": [
		{"事件编号": "INC-1", "事件类别": "投诉", "是否上报": false, "处置": {"措施": "警示"}},
		{"事件编号": "INC-2", "事件类别": "违法内容", "处置": {"上报": true}}]}}`
	res, recs, err = readAll(t, writeFile(t, "api.json", []byte(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != workbench.Incident || len(recs) != 2 {
		t.Fatalf("%+v %v", res, recs)
	}
	if f := recs[1]["fields"].(map[string]any); f["id"] != "INC-2" || f["category"] != "illegal_content" || f["reported"] != true {
		t.Errorf("INC-2 = %v", f)
	}
	if f := recs[0]["fields"].(map[string]any); toStrings(f["action"])[0] != "warn" || f["reported"] != false {
		t.Errorf("INC-1 = %v", f)
	}
}

func TestJSONKeyFactsWithAListInside(t *testing.T) {
	// The object's own keys name more fields than its list of objects:
	// one record, the list flattened into it.
	data := `{"模型名称": "星河", "参数量": "700亿", "基础模型": "星河基座",
		"训练数据": [{"名称": "网页", "规模": "1TB"}, {"名称": "图书", "规模": "2TB"}], "算法备案号": "B-1"}`
	res, recs, err := readAll(t, writeFile(t, "algo.json", []byte(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != workbench.Algorithm || len(recs) != 1 {
		t.Fatalf("%+v %v", res, recs)
	}
	if x := recs[0]["extra"].(map[string]any); x["训练数据.1.名称"] != "图书" {
		t.Errorf("extra = %v", x)
	}
}

func TestNestedKeysBesideTheirField(t *testing.T) {
	// As main's second sample writes its annotation batches: the head
	// count and the team under "annotators", the check's details under
	// "qa" (a synonym of reviewer). The keys naming a field themselves
	// fill it; their siblings matched only by "annotators" or "qa" are
	// kept as they are.
	data := `[{"batch": "LB-1", "annotators": {"number of annotators": 18, "team": "自有标注团队"},
		"qa": {"sample_size": 600, "reviewer": "何思源", "method": "随机抽样", "passed": 583}}]`
	res, recs, err := readAll(t, writeFile(t, "qa.json", []byte(data)), Options{Kind: workbench.AnnotationRule})
	if err != nil {
		t.Fatal(err)
	}
	f := recs[0]["fields"].(map[string]any)
	if f["annotators"] != 18.0 || f["reviewer"] != "何思源" || f["sample_size"] != 600.0 || f["passed"] != 583.0 || otherWarnings(res).WarningCount != 0 {
		t.Errorf("fields %v, warnings %+v", f, res.Warnings)
	}
	x := recs[0]["extra"].(map[string]any)
	if x["annotators.team"] != "自有标注团队" || x["qa.method"] != "随机抽样" || len(x) != 2 {
		t.Errorf("extra %v", x)
	}

	// With no key naming the field itself, the parts of the path join it,
	// labelled — but only a text field: "training.mode" is no yes or no.
	data = `[{"batch": "LB-2", "reviewer": {"name": "何", "dept": "质检组"}, "training": {"mode": "线上"}}]`
	res, recs, err = readAll(t, writeFile(t, "qa.json", []byte(data)), Options{Kind: workbench.AnnotationRule})
	if err != nil {
		t.Fatal(err)
	}
	if f := recs[0]["fields"].(map[string]any); f["reviewer"] != "name: 何; dept: 质检组" || f["training_given"] != nil || otherWarnings(res).WarningCount != 0 {
		t.Errorf("fields %v, warnings %+v", f, res.Warnings)
	}
	if x := recs[0]["extra"].(map[string]any); x["training.mode"] != "线上" {
		t.Errorf("extra %v", x)
	}
}
