package fulltext

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// TestQueryKindValues checks that kind: and label: take the vocabulary's
// codes and names and refuse anything else, listing the valid values.
func TestQueryKindValues(t *testing.T) {
	_, err := ParseQuery("违法 kind:incidents")
	var se *workbench.SyntaxError
	if !errors.As(err, &se) || se.Reason != workbench.ReasonQueryUnknownValue {
		t.Fatalf("err = %v", err)
	}
	for _, k := range workbench.Kinds {
		if !strings.Contains(err.Error(), string(k)) {
			t.Errorf("%q does not list %s", err, k)
		}
	}
	for q, want := range map[string]string{"kind:incident": "incident", "kind:事件与处置记录": "incident", "label:商业秘密": "trade_secret"} {
		parsed, err := ParseQuery(q)
		if err != nil || parsed.Clauses[0].Any[0].Text != want {
			t.Errorf("%s: %+v, %v", q, parsed, err)
		}
	}
	if _, err := ParseQuery("label:secret"); !strings.Contains(fmt.Sprint(err), "trade_secret") {
		t.Errorf("label:secret: %v", err)
	}
}
