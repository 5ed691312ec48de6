package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/inspection-workbench/workbench/store"
)

// csvMonths counts the rows of an incident log by the year and month of
// its found-at column, read with a regular expression rather than the
// importers: "2024-03-05 14:03", "2024/3/5", "2024年3月5日" all give
// 2024-03.
func csvMonths(t *testing.T, path string, sep rune, gbk bool, foundCol int) map[string]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if gbk {
		r = simplifiedchinese.GB18030.NewDecoder().Reader(f)
	}
	cr := csv.NewReader(r)
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	month := regexp.MustCompile(`^(\d{4})\D(\d{1,2})\D`)
	out := map[string]int{}
	for _, row := range rows[1:] {
		if len(row) <= foundCol {
			continue // the notes below the table
		}
		m := month.FindStringSubmatch(strings.TrimSpace(row[foundCol]))
		if m == nil {
			continue
		}
		if len(m[2]) == 1 {
			m[2] = "0" + m[2]
		}
		out[m[1]+"-"+m[2]]++
	}
	return out
}

// checkMonths compares the overview's months with counts read from the
// file: every month from the first to the last, in order, with its total.
func checkMonths(t *testing.T, log IncidentLog, want map[string]int) {
	t.Helper()
	if len(log.Months) == 0 {
		t.Fatal("no incident months")
	}
	seen := 0
	for i, m := range log.Months {
		if i > 0 && m.Month <= log.Months[i-1].Month {
			t.Errorf("month %s after %s", m.Month, log.Months[i-1].Month)
		}
		if m.Total != want[m.Month] {
			t.Errorf("%s: %d incidents, the file has %d", m.Month, m.Total, want[m.Month])
		}
		sum := 0
		for _, n := range m.ByCategory {
			sum += n
		}
		if sum != m.Total {
			t.Errorf("%s: categories add up to %d, total %d", m.Month, sum, m.Total)
		}
		seen += want[m.Month]
	}
	total := 0
	for _, n := range want {
		total += n
	}
	if seen != total {
		t.Errorf("the months listed hold %d of the file's %d dated incidents", seen, total)
	}
}

// categoryTotals sums the incidents of each category over the months and
// the undated.
func categoryTotals(log IncidentLog) map[string]int {
	out := map[string]int{}
	for _, m := range append(log.Months, log.Undated) {
		for c, n := range m.ByCategory {
			out[c] += n
		}
	}
	return out
}

// TestOverviewDemo sums up the demo case (the first sample provider)
// through its inspection: results, severities, an overdue and a pending
// deadline, pending proposals, submissions and the incident log.
func TestOverviewDemo(t *testing.T) {
	ctx := context.Background()
	a := openApp(t)
	a.now = func() time.Time { return time.Date(2026, 12, 6, 23, 30, 0, 0, time.Local) }
	if _, err := a.SeedDemo(ctx); err != nil {
		t.Fatal(err)
	}
	cases, _ := a.ListCases(ctx)
	id := cases[0].ID

	ov, err := a.Overview(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if ov.Inspection != nil || ov.CaseStatus != "open" || ov.Today != "2026-12-06" {
		t.Fatalf("before the inspection: %+v", ov)
	}
	// The README lists the sample's files and their kinds.
	wantSubs := map[string]int{"data_source": 1, "annotation_rule": 2, "algorithm": 2, "incident": 1,
		"keyword_library": 1, "test_question": 1, "test_result": 1, "corpus_check": 1, "label_sample": 4}
	if len(ov.Submissions) != len(wantSubs) {
		t.Errorf("submissions %+v", ov.Submissions)
	}
	for i, s := range ov.Submissions {
		if s.Label != "trade_secret" || s.Submissions != wantSubs[s.Kind] || i > 0 && s.Kind == ov.Submissions[i-1].Kind {
			t.Errorf("submissions %+v", s)
		}
		if s.Kind == "incident" && s.Records != 3000 {
			t.Errorf("incident records %d, the README says 3000", s.Records)
		}
	}
	if ov.Submissions[0].Kind != "data_source" || ov.Submissions[3].Kind != "incident" {
		t.Errorf("submissions out of kind order: %+v", ov.Submissions)
	}
	log := ov.Incidents
	if log.Records != 3000 || log.Undated.Total != 0 || len(log.Months) != 18 || log.Months[0].Month != "2024-01" || log.Months[17].Month != "2025-06" {
		t.Errorf("incident log: %d records, %d undated, months %d", log.Records, log.Undated.Total, len(log.Months))
	}
	checkMonths(t, log, csvMonths(t, sample("incidents.csv"), ',', true, 1))
	// The categories as the file writes them, counted from the file.
	f, _ := os.Open(sample("incidents.csv"))
	rows, err := csv.NewReader(simplifiedchinese.GB18030.NewDecoder().Reader(f)).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]string{"违法内容": "illegal_content", "用户违法活动": "user_illegal_activity", "投诉举报": "complaint",
		"个人信息请求": "pi_request", "安全事件": "security_event"}
	wantCats := map[string]int{}
	for _, r := range rows[1:] {
		wantCats[byName[r[2]]]++
	}
	if got := categoryTotals(log); len(got) != len(wantCats) || wantCats[""] != 0 {
		t.Errorf("categories %v, the file has %v", got, wantCats)
	} else {
		for c, n := range wantCats {
			if got[c] != n {
				t.Errorf("category %s: %d, the file has %d", c, got[c], n)
			}
		}
	}
	for _, c := range log.Categories {
		if c.Value == "" {
			t.Errorf("an \"other\" category without other incidents: %+v", log.Categories)
		}
	}

	if _, err := a.StartInspection(ctx, id, ""); err != nil {
		t.Fatal(err)
	}
	run, err := a.RunChecks(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	high, yesterday, tomorrow := "high", "2026-12-05", "2026-12-07"
	finding := "未报告主管部门"
	assess := []AssessInput{
		{CaseID: id, ItemID: "art14-1-illegal-content", Result: "non_compliant", Severity: &high, Finding: &finding, Deadline: &yesterday},
		{CaseID: id, ItemID: "art7-1-lawful-sources", Result: "partially_compliant", Deadline: &tomorrow},
		{CaseID: id, ItemID: "art9-1-producer-processor", Result: "compliant"},
	}
	for _, in := range assess {
		if _, err := a.Assess(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	ov, err = a.Overview(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	in := ov.Inspection
	if in == nil || in.Items != 32 || in.Signature != "" || in.ConcludedAt != nil {
		t.Fatalf("inspection overview %+v", in)
	}
	wantResults := map[string]int{"non_compliant": 1, "partially_compliant": 1, "compliant": 1, "not_assessed": 29,
		"not_applicable": 0, "info_requested": 0}
	for r, n := range wantResults {
		if in.Results[r] != n {
			t.Errorf("result %s: %d items, want %d", r, in.Results[r], n)
		}
	}
	if in.Severities["high"] != 1 || in.Severities["low"] != 0 || len(in.Severities) != 4 || in.Unrated != 1 {
		t.Errorf("severities %v, unrated %d", in.Severities, in.Unrated)
	}
	if len(in.Findings) != 2 || in.Overdue != 1 {
		t.Fatalf("findings %+v, %d overdue", in.Findings, in.Overdue)
	}
	if f := in.Findings[0]; f.Item != "art14-1-illegal-content" || !f.Overdue || f.DaysLeft != -1 || f.Finding != finding || f.Title.Zh == "" {
		t.Errorf("first finding %+v", f)
	}
	if f := in.Findings[1]; f.Item != "art7-1-lawful-sources" || f.Overdue || f.DaysLeft != 1 {
		t.Errorf("second finding %+v", f)
	}
	pending := 0
	for _, p := range run.Proposals {
		if p.Decision == DecisionPending {
			pending++
		}
	}
	if pending == 0 || len(in.Pending) != pending {
		t.Errorf("%d pending proposals shown, the run left %d", len(in.Pending), pending)
	}
	for _, p := range in.Pending {
		if p.ItemTitle.Zh == "" || p.Summary.En == "" {
			t.Errorf("pending proposal without title or summary: %+v", p)
		}
	}
	key := in.Pending[0].Item + "/" + in.Pending[0].Rule
	if _, err := a.AcceptProposal(ctx, id, key); err != nil {
		t.Fatal(err)
	}
	if ov, _ := a.Overview(ctx, id); len(ov.Inspection.Pending) != pending-1 {
		t.Errorf("after accepting %s: %d pending", key, len(ov.Inspection.Pending))
	}
	if _, err := a.Overview(ctx, 999); ErrorCode(err) != workbench.CodeNotFound {
		t.Errorf("unknown case: %v", err)
	}
}

// TestOverviewSecondSample sums up the second sample provider, built by
// someone else with other tools, plus a hand-written incident log with
// undated records, under two labels.
func TestOverviewSecondSample(t *testing.T) {
	dir := filepath.Join("..", "testdata", "sample2")
	readme := readSampleReadme(t, filepath.Join(dir, "README.md"))
	ctx := context.Background()
	a := openApp(t)
	c, err := a.CreateCase(ctx, caseInput(t, readme.caseArgs))
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || name == "README.md" {
			continue
		}
		req := ImportRequest{CaseID: c.ID, Files: []string{filepath.Join(dir, name)}}
		switch filepath.Ext(name) {
		case ".docx":
			req.Kind = workbench.AnnotationRule
		case ".pdf":
			req.Kind = workbench.Algorithm
		}
		if reps, err := a.Import(ctx, req); err != nil || reps[0].Status != StatusImported {
			t.Fatalf("%s: %v %+v", name, err, reps)
		}
	}
	undated := filepath.Join("..", "testdata", "overview", "incidents-undated.csv")
	if reps, err := a.Import(ctx, ImportRequest{CaseID: c.ID, Label: workbench.PersonalInfo, Files: []string{undated}}); err != nil || reps[0].Status != StatusImported {
		t.Fatalf("%s: %v %+v", undated, err, reps)
	}
	ov, err := a.Overview(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	// README: one file of each kind but two annotation_rule and two
	// algorithm files, all internal; the fixture is personal_info.
	type kl struct{ kind, label string }
	want := []kl{{"data_source", "internal"}, {"annotation_rule", "internal"}, {"algorithm", "internal"}, {"incident", "internal"}, {"incident", "personal_info"}}
	wantN := []int{1, 2, 2, 1, 1}
	if len(ov.Submissions) != len(want) {
		t.Fatalf("submissions %+v", ov.Submissions)
	}
	for i, s := range ov.Submissions {
		if (kl{s.Kind, s.Label}) != want[i] || s.Submissions != wantN[i] {
			t.Errorf("submissions[%d] = %+v, want %v × %d", i, s, want[i], wantN[i])
		}
	}
	if s := ov.Submissions[3]; s.Records != 781 {
		t.Errorf("sample2 incidents: %d records, the README says 781", s.Records)
	}

	log := ov.Incidents
	if log.Records != 781+6 {
		t.Errorf("%d incident records, want 787", log.Records)
	}
	// Months: the sample's, read from its CSV, and the fixture's table.
	months := csvMonths(t, filepath.Join(dir, "incidents.csv"), ';', true, 1)
	for m, n := range map[string]int{"2024-02": 1, "2024-05": 2} {
		months[m] += n
	}
	checkMonths(t, log, months)
	lastMonth := ""
	for m := range months {
		lastMonth = max(lastMonth, m)
	}
	if log.Months[0].Month != "2024-02" || log.Months[len(log.Months)-1].Month != lastMonth {
		t.Errorf("months run %s … %s", log.Months[0].Month, log.Months[len(log.Months)-1].Month)
	}
	// The fixture's 2024-05: one illegal content, one other.
	for _, m := range log.Months {
		if m.Month == "2024-05" && (m.ByCategory[""] != 1 || m.ByCategory["illegal_content"] < 1) {
			t.Errorf("2024-05: %v", m.ByCategory)
		}
	}
	if u := log.Undated; u.Total != 3 || u.ByCategory["illegal_content"] != 1 || u.ByCategory["complaint"] != 1 || u.ByCategory["security_event"] != 1 {
		t.Errorf("undated: %+v", u)
	}
	// Categories: the README's counts, plus the fixture's.
	wantCats := map[string]int{"complaint": 233 + 2, "user_illegal_activity": 84, "illegal_content": 309 + 2, "security_event": 24 + 1,
		"pi_request": 131, "": 1}
	got := categoryTotals(log)
	for cat, n := range wantCats {
		if got[cat] != n {
			t.Errorf("category %q: %d, want %d", cat, got[cat], n)
		}
	}
	if last := log.Categories[len(log.Categories)-1]; last.Value != "" || last.Zh != "其他" || len(log.Categories) != 6 {
		t.Errorf("categories %+v", log.Categories)
	}
}

// Inquiries and suggestions, of no article's concern, are a category of
// the chart only in a log that has them; the regulated ones always are.
func TestIncidentLogListsInquiriesWhenPresent(t *testing.T) {
	has := func(log IncidentLog, v string) bool {
		return slices.ContainsFunc(log.Categories, func(c IncidentCategory) bool { return c.Value == v })
	}
	log, err := incidentLog([]store.IncidentGroup{{Category: "违法内容", Found: "2024-05-03", N: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if has(log, "inquiry") || !has(log, "security_event") {
		t.Errorf("without inquiries: %+v", log.Categories)
	}
	log, err = incidentLog([]store.IncidentGroup{{Category: "违法内容", Found: "2024-05-03", N: 2}, {Category: "咨询建议", Found: "2024-05-04", N: 3}})
	if err != nil {
		t.Fatal(err)
	}
	if !has(log, "inquiry") || log.Months[0].ByCategory["inquiry"] != 3 {
		t.Errorf("with inquiries: %+v %+v", log.Categories, log.Months)
	}
}
