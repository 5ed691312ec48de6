package importers

import (
	"github.com/inspection-workbench/workbench"
	"strings"
	"testing"
)

func TestEmptySharedStringIndex(t *testing.T) {
	// Hand-written: <c t="s"><v/></c> and <c t="s"><v></v></c>.
	res, recs, err := readAll(t, fixture("empty-sst-index.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != workbench.Incident || len(recs) != 2 {
		t.Fatalf("%+v %v", res, recs)
	}
	if f := recs[0]["fields"].(map[string]any); f["id"] != "INC-1" || f["category"] != "complaint" || f["description"] != nil {
		t.Errorf("INC-1 = %v", f)
	}
	if f := recs[1]["fields"].(map[string]any); len(f) != 1 || f["id"] != "INC-2" {
		t.Errorf("INC-2 = %v", f)
	}
	for _, cell := range []string{"B2", "B3", "C3"} {
		m := warningsAt(res, `sheet "事件", cell `+cell)
		if len(m) != 1 || !strings.Contains(m[0], "shared-string index is empty") || !strings.Contains(m[0], "blank") {
			t.Errorf("cell %s: warnings %q", cell, m)
		}
	}
	if otherWarnings(res).WarningCount != 3 {
		t.Errorf("warnings = %+v", res.Warnings)
	}
}
