package checklist

import (
	"testing"

	"github.com/inspection-workbench/workbench"
)

// TestEveryCheckHasANameInTheTable checks that the GUI can show every
// automated check of the registry by its name, never by its id.
func TestEveryCheckHasANameInTheTable(t *testing.T) {
	for _, c := range Checks() {
		n, ok := workbench.Name("rule", c.ID)
		if !ok || n.Zh == "" || n.En == "" {
			t.Errorf("check %s has no Chinese and English name in the workbench table", c.ID)
		}
	}
	if len(workbench.Codes("rule")) != len(Checks()) {
		t.Errorf("the table names %d rules, the registry has %d", len(workbench.Codes("rule")), len(Checks()))
	}
}
