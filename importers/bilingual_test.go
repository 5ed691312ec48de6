package importers

import (
	"testing"
)

func TestBilingualHeaderCells(t *testing.T) {
	for _, tt := range []struct {
		kind   Kind
		header string
		want   string
	}{
		{Incident, "Type 类别", "category"},
		{Incident, "类别 Type", "category"},
		{Incident, "Incident ID 事件编号", "id"},
		{Incident, "事件编号 Incident ID", "id"},
		{Incident, "发现时间 Found at", "found_at"},
		{Incident, "Found at 发现时间", "found_at"},
		{Incident, "Reported? 是否上报", "reported"},
		{Incident, "是否上报？Reported?", "reported"},
		{Incident, "类别/Type", "category"},
		{Incident, "Type / 类别", "category"},
		{Incident, "类别\nType", "category"},
		{Incident, "类别（Type）", "category"},
		{Incident, "Type（类别）", "category"},
		{Incident, "Type (类别)", "category"},
		{Incident, "事件编号【Incident ID】", "id"},
		{Incident, "处置措施 Action taken", "action"},
		{Incident, "办结时间\u3000Resolved at", "resolved_at"},
		// The whole holds "time" beside 发现时间; the Chinese part alone
		// names the field.
		{Incident, "事件发现时间 Found time", "found_at"},
		{DataSource, "数据来源名称 Source name", "name"},
		{DataSource, "Source name（数据来源名称）", "name"},
		{AnnotationRule, "Accuracy 准确率(%)", "accuracy"},
		{Algorithm, "Filing No. 算法备案号", "filing_no"},
		// The parts name different fields: the Chinese one, the
		// provider's own word, wins over its translation.
		{DataSource, "Type 数据来源", "category"},
		{DataSource, "数据来源 Type", "category"},
		{DataSource, "Type\n数据来源", "category"},
		// Neither part names a field: still nothing.
		{Incident, "负责人 Owner", ""},
		{Incident, "报告主管部门时间 Report", ""},
		{DataSource, "负责部门 Department", ""},
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
	if res.Kind != Incident || len(recs) != 2 || res.WarningCount != 0 {
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
		kind       Kind
		key        string
		want, rest string
	}{
		{AnnotationRule, "qa.sample_size", "sample_size", ""},
		{AnnotationRule, "qa.accuracy", "accuracy", ""},
		{AnnotationRule, "training.given", "training_given", ""},
		{AnnotationRule, "training.date", "training_date", ""},
		{AnnotationRule, "质检.核验样本量", "sample_size", ""},
		{Incident, "处置.上报", "reported", ""},
		{Incident, "处置.措施", "action", ""}, // the path read as one phrase: 处置措施
		{Algorithm, "安全机制.内容过滤", "safety_mechanisms", "内容过滤"},
		{Algorithm, "base_model.filing_no", "base_model_filing_no", ""},
		{Algorithm, "base_model.name", "base_model", "name"},
		{Algorithm, "model.version", "model_version", ""},
		{DataSource, "source.name", "name", ""},
		{DataSource, "meta.owner.dept", "", ""},
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
