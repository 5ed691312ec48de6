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
