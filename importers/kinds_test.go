package importers

import (
	"github.com/inspection-workbench/workbench"
	"testing"
)

func TestParseKind(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want workbench.Kind
		ok   bool
	}{
		{"data_source", workbench.DataSource, true},
		{" Incident ", workbench.Incident, true},
		{"algorithm", workbench.Algorithm, true},
		{"annotation_rule", workbench.AnnotationRule, true},
		{"annotation", "", false},
		{"", "", false},
	} {
		got, err := workbench.ParseKind(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseKind(%q) = %q, %v", tt.in, got, err)
		}
	}
}

func TestParseLabel(t *testing.T) {
	for _, l := range workbench.Labels {
		if got, err := workbench.ParseLabel(string(l)); got != l || err != nil {
			t.Errorf("ParseLabel(%q) = %q, %v", l, got, err)
		}
	}
	if _, err := workbench.ParseLabel("secret"); err == nil {
		t.Error("ParseLabel accepted an unknown label")
	}
}

// An incident log's inquiries and suggestions are a category of their
// own, which the checks of the regulated ones pass over; its words inside
// a value naming another category do not make that value ambiguous.
func TestIncidentOtherCategory(t *testing.T) {
	for raw, want := range map[string]string{
		"咨询建议":   "inquiry",
		"产品咨询":   "inquiry",
		"其他违法内容": "illegal_content",
		"用户投诉":   "complaint",
	} {
		v, ok := lookupTerm(workbench.Incident, "category", raw)
		if !ok {
			if found := termsInProse(workbench.Incident, "category", raw); len(found) == 1 {
				v, ok = found[0], true
			}
		}
		if !ok || v != want {
			t.Errorf("%q: %q %v, want %q", raw, v, ok, want)
		}
	}
	// 其他 may be any category: it stays unknown, and the checks ask.
	if v, ok := lookupTerm(workbench.Incident, "category", "其他"); ok {
		t.Errorf("其他 read as %q", v)
	}
}
