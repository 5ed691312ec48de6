package importers

import "testing"

func TestParseKind(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Kind
		ok   bool
	}{
		{"data_source", DataSource, true},
		{" Incident ", Incident, true},
		{"algorithm", Algorithm, true},
		{"annotation_rule", AnnotationRule, true},
		{"annotation", "", false},
		{"", "", false},
	} {
		got, err := ParseKind(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseKind(%q) = %q, %v", tt.in, got, err)
		}
	}
}

func TestParseLabel(t *testing.T) {
	for _, l := range Labels {
		if got, err := ParseLabel(string(l)); got != l || err != nil {
			t.Errorf("ParseLabel(%q) = %q, %v", l, got, err)
		}
	}
	if _, err := ParseLabel("secret"); err == nil {
		t.Error("ParseLabel accepted an unknown label")
	}
}
