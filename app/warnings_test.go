package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// TestWarningsKeepTheirReason imports a value the calendar does not have
// and a value that is no date at all, and reads the stored warnings back
// with their reasons and arguments, for the GUI to word in Chinese.
func TestWarningsKeepTheirReason(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := newCase(t, a)
	path := filepath.Join(t.TempDir(), "incidents.csv")
	csv := "事件编号,事件类别,发现时间,处置措施\nINC-1,投诉,2027-02-30,删除\nINC-2,投诉,下周,删除\n"
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	reps, err := a.Import(ctx, ImportRequest{CaseID: id, Files: []string{path}})
	if err != nil || reps[0].Status == StatusFailed {
		t.Fatalf("import: %+v, %v", reps, err)
	}
	ws, err := a.SubmissionWarnings(ctx, reps[0].SubmissionID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[workbench.Reason]workbench.Warning{}
	for _, w := range ws {
		got[w.Reason] = w
	}
	nx, ok := got[workbench.ReasonDateNotInCalendar]
	if !ok || nx.Args["Value"] != "2027-02-30" || nx.Location == "" {
		t.Errorf("no stored warning that 2027-02-30 does not exist: %+v", ws)
	}
	bad, ok := got[workbench.ReasonValueUnreadable]
	if !ok || bad.Args["Value"] != "下周" || bad.Message == "" {
		t.Errorf("no stored warning that 下周 is not a date: %+v", ws)
	}
}
