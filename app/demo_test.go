package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"testing"
	"time"
)

// TestSeedDemoWorkspace builds the demo workspace and checks each case is
// in the state the demo promises: the sample in progress with decided and
// pending proposals and an overdue finding, one concluded and one signed
// whose signature verifies.
func TestSeedDemoWorkspace(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	today := time.Date(2026, 3, 10, 9, 0, 0, 0, time.Local)
	a.now = func() time.Time { return today }
	for _, in := range []CaseInput{DemoCase(), DemoConcludedCase(), DemoSignedCase()} {
		if _, err := ValidateCreditCode(in.CreditCode); err != nil {
			t.Errorf("%s: %v", in.Provider, err)
		}
	}
	start := time.Now()
	created, err := a.SeedDemoWorkspace(ctx)
	if err != nil || !created {
		t.Fatalf("SeedDemoWorkspace = %v, %v", created, err)
	}
	t.Logf("seeded in %v", time.Since(start))
	if created, err := a.SeedDemoWorkspace(ctx); err != nil || created {
		t.Fatalf("second SeedDemoWorkspace = %v, %v; want nothing added", created, err)
	}
	cases, err := a.ListCases(ctx)
	if err != nil || len(cases) != 3 {
		t.Fatalf("cases = %+v, %v", cases, err)
	}
	want := []struct {
		provider, status, opened string
	}{
		{DemoCase().Provider, "open", "2026-02-24"},
		{DemoConcludedCase().Provider, "concluded", "2026-01-29"},
		{DemoSignedCase().Provider, "signed", "2025-12-10"},
	}
	for i, w := range want {
		if c := cases[i]; c.Provider.Name != w.provider || c.Status != w.status || c.OpenedOn != w.opened {
			t.Errorf("case %d: %s, %s, opened %s; want %s, %s, opened %s", c.ID, c.Provider.Name, c.Status, c.OpenedOn,
				w.provider, w.status, w.opened)
		}
	}

	// The sample case: some items assessed, some proposals decided and
	// others pending, findings with deadlines, one overdue.
	st, err := a.InspectionStatus(ctx, cases[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	decisions := map[string]int{}
	items := map[string]ItemStatus{}
	for _, it := range st.Items {
		items[it.ID] = it
		if it.Proposal != nil {
			decisions[it.Proposal.Decision]++
		}
	}
	if decisions["pending"] < 5 || decisions["accepted"] != 3 || decisions["overridden"] != 1 {
		t.Errorf("proposal decisions by item = %v; want 3 accepted, 1 overridden, the rest (at least 5) pending", decisions)
	}
	if assessed := len(st.Items) - st.Totals[ResultNotAssessed]; assessed < 7 || st.Totals[ResultNotAssessed] < 10 {
		t.Errorf("totals %v: want some items assessed and many left", st.Totals)
	}
	if it := items["art7-3-personal-information"]; it.Result != "non_compliant" || it.Finding == "" || it.Severity != "high" ||
		it.Deadline != "2026-03-05" || it.Evidence == 0 {
		t.Errorf("accepted item with an overdue deadline = %+v", it)
	}
	if it := items["art12-content-labelling"]; it.Result != "partially_compliant" || it.Finding == "" || it.Deadline != "2026-04-24" {
		t.Errorf("overridden item = %+v", it)
	}
	if it := items["art19-1-data-source"]; it.Result != "compliant" || it.Evidence != 3 || it.Note == "" {
		t.Errorf("item assessed by hand with evidence = %+v", it)
	}
	if err := a.ConcludeInspection(ctx, cases[0].ID); ErrorCode(err) != workbench.CodeConflict {
		t.Errorf("concluding the sample case in progress: %v; want it refused", err)
	}

	// The concluded case: everything settled, no signature yet.
	st, err = a.InspectionStatus(ctx, cases[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Totals[ResultNotAssessed] != 0 || st.ConcludedAt == nil || st.Signature != "" || st.Totals["non_compliant"] == 0 {
		t.Errorf("concluded case: totals %v, concluded %v, signature %q", st.Totals, st.ConcludedAt, st.Signature)
	}
	for _, it := range st.Items {
		if it.Proposal != nil && it.Proposal.Decision == "pending" {
			t.Errorf("concluded case: item %s has a pending proposal", it.ID)
		}
		if (it.Result == "non_compliant" || it.Result == "partially_compliant") && (it.Finding == "" || it.Severity == "" || it.Deadline == "") {
			t.Errorf("concluded case: finding of %s incomplete: %+v", it.ID, it)
		}
	}
	if _, err := a.VerifyInspection(ctx, cases[1].ID); ErrorCode(err) != workbench.CodeConflict {
		t.Errorf("verify of an unsigned case: %v; want a conflict", err)
	}

	// The signed case verifies.
	v, err := a.VerifyInspection(ctx, cases[2].ID)
	if err != nil || !v.OK || len(v.Differences) != 0 || len(v.SignedBy) != 2 {
		t.Errorf("verify signed case = %+v, %v", v, err)
	}
}
