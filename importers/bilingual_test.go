package importers

import (
	"github.com/inspection-workbench/workbench"
	"testing"
)

func TestBilingualHeaderCells(t *testing.T) {
	for _, tt := range []struct {
		kind   workbench.Kind
		header string
		want   string
	}{
		{workbench.Incident, "Type 类别", "category"},
		{workbench.Incident, "类别 Type", "category"},
		{workbench.Incident, "Incident ID 事件编号", "id"},
		{workbench.Incident, "事件编号 Incident ID", "id"},
		{workbench.Incident, "发现时间 Found at", "found_at"},
		{workbench.Incident, "Found at 发现时间", "found_at"},
		{workbench.Incident, "Reported? 是否上报", "reported"},
		{workbench.Incident, "是否上报？Reported?", "reported"},
		{workbench.Incident, "类别/Type", "category"},
		{workbench.Incident, "Type / 类别", "category"},
		{workbench.Incident, "类别\nType", "category"},
		{workbench.Incident, "类别（Type）", "category"},
		{workbench.Incident, "Type（类别）", "category"},
		{workbench.Incident, "Type (类别)", "category"},
		{workbench.Incident, "事件编号【Incident ID】", "id"},
		{workbench.Incident, "处置措施 Action taken", "action"},
		{workbench.Incident, "办结时间\u3000Resolved at", "resolved_at"},
		// The whole holds "time" beside 发现时间; the Chinese part alone
		// names the field.
		{workbench.Incident, "事件发现时间 Found time", "found_at"},
		{workbench.DataSource, "数据来源名称 Source name", "name"},
		{workbench.DataSource, "Source name（数据来源名称）", "name"},
		{workbench.AnnotationRule, "Accuracy 准确率(%)", "accuracy"},
		{workbench.Algorithm, "Filing No. 算法备案号", "filing_no"},
		// The parts name different fields: the Chinese one, the
		// provider's own word, wins over its translation.
		{workbench.DataSource, "Type 数据来源", "category"},
		{workbench.DataSource, "数据来源 Type", "category"},
		{workbench.DataSource, "Type\n数据来源", "category"},
		// Neither part names a field: still nothing.
		{workbench.Incident, "负责人 Owner", ""},
		{workbench.Incident, "报告主管部门时间 Report", ""},
		{workbench.DataSource, "负责部门 Department", ""},
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

func TestBilingualHeadersFromLibreOffice(t *testing.T) {
	// "Incident ID\n事件编号", "发现时间 Found at", "Type 类别",
	// "Reported? 是否上报", "处置措施（Action）", "Description/描述".
	res, recs, err := readAll(t, fixture("bilingual-lo.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != workbench.Incident || len(recs) != 2 || otherWarnings(res).WarningCount != 0 {
		t.Fatalf("%+v %v", res, recs)
	}
	f := recs[1]["fields"].(map[string]any)
	if f["id"] != "INC-2" || f["found_at"] != "2025-01-06T10:00:00" || f["category"] != "complaint" || f["reported"] != false ||
		f["description"] != "user complaint" || len(toStrings(f["action"])) != 1 || toStrings(f["action"])[0] != "warn" {
		t.Errorf("INC-2 = %v", f)
	}
	if x := recs[1]["extra"].(map[string]any); len(x) != 0 {
		t.Errorf("columns left unmatched: %v", x)
	}
}

func TestNestedJSONKeys(t *testing.T) {
	for _, tt := range []struct {
		kind       workbench.Kind
		key        string
		want, rest string
	}{
		{workbench.AnnotationRule, "qa.sample_size", "sample_size", ""},
		{workbench.AnnotationRule, "qa.accuracy", "accuracy", ""},
		{workbench.AnnotationRule, "training.given", "training_given", ""},
		{workbench.AnnotationRule, "training.date", "training_date", ""},
		{workbench.AnnotationRule, "质检.核验样本量", "sample_size", ""},
		{workbench.Incident, "处置.上报", "reported", ""},
		{workbench.Incident, "处置.措施", "action", ""}, // the path read as one phrase: 处置措施
		{workbench.Algorithm, "安全机制.内容过滤", "safety_mechanisms", "内容过滤"},
		{workbench.Algorithm, "base_model.filing_no", "base_model_filing_no", ""},
		{workbench.Algorithm, "base_model.name", "base_model", "name"},
		{workbench.Algorithm, "model.version", "model_version", ""},
		{workbench.DataSource, "source.name", "name", ""},
		{workbench.DataSource, "meta.owner.dept", "", ""},
	} {
		t.Run(tt.key, func(t *testing.T) {
			f, rest := matchKey(tt.kind, tt.key)
			got := ""
			if f >= 0 {
				got = SpecFor(tt.kind).Fields[f].Name
			}
			if got != tt.want || rest != tt.rest {
				t.Errorf("matchKey(%s, %q) = %q, %q; want %q, %q", tt.kind, tt.key, got, rest, tt.want, tt.rest)
			}
		})
	}
}
