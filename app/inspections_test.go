package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench/app/checklist"
	"github.com/inspection-workbench/workbench/assets"
	"github.com/inspection-workbench/workbench/store"
)

// inspectionApp is a workspace with two cases: case 1 holds the sample
// incidents, data sources and annotation rules and an inspection with the
// default template; case 2 holds a small annotation QA file.
func inspectionApp(t *testing.T) *App {
	t.Helper()
	a := openApp(t)
	ctx := context.Background()
	c1, c2 := newCase(t, a), newCase(t, a)
	imp := func(caseID int64, kind string, files ...string) {
		t.Helper()
		reps, err := a.Import(ctx, ImportRequest{CaseID: caseID, Kind: workbench.Kind(kind), Files: files})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range reps {
			if r.Status != StatusImported {
				t.Fatalf("import %s: %+v", r.File, r)
			}
		}
	}
	imp(c1, "", sample("incidents.csv"), sample("data-sources.xlsx"))
	imp(c1, "annotation_rule", sample("annotation-rules.docx"))
	imp(c2, "", writeQA(t, "qa2.csv", "B-1"))
	if _, err := a.StartInspection(ctx, c1, ""); err != nil {
		t.Fatal(err)
	}
	return a
}

// writeQA writes a small annotation QA file whose first batch is named ref.
func writeQA(t *testing.T, name, ref string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	data := "标注批次,标注类型,准确率,备注,负责部门\n" + ref + ",安全性标注,97%,,质控部\nB-9,功能性标注,95%," + name + ",质控部\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestStartInspection(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := newCase(t, a)
	in, err := a.StartInspection(ctx, id, "")
	if err != nil {
		t.Fatal(err)
	}
	def := checklist.Default()
	if in.CaseID != id || in.Template != DefaultChecklistTemplate || in.Version != def.Version || in.Items != len(def.Items) {
		t.Errorf("StartInspection = %+v", in)
	}
	// The built-in template's YAML is stored byte for byte.
	want, _ := assets.Checklists.ReadFile("checklists/" + DefaultChecklistTemplate + ".yaml")
	stored, err := a.Store().GetInspection(ctx, id)
	if err != nil || stored.Template != string(want) {
		t.Errorf("stored template differs from the embedded one (%v)", err)
	}
	if _, err := a.StartInspection(ctx, id, ""); ErrorCode(err) != workbench.CodeConflict {
		t.Errorf("second start: %v (code %s), want a conflict", err, ErrorCode(err))
	}
	if _, err := a.StartInspection(ctx, 99, ""); ErrorCode(err) != workbench.CodeNotFound {
		t.Errorf("start of a missing case: %v (code %s)", err, ErrorCode(err))
	}

	// A template file, stored as read.
	valid := filepath.Join("..", "testdata", "checklists", "valid.yaml")
	id2 := newCase(t, a)
	in, err = a.StartInspection(ctx, id2, valid)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(valid)
	tv, _ := checklist.LoadFile(valid)
	stored, _ = a.Store().GetInspection(ctx, id2)
	if in.Template != tv.ID || in.Items != len(tv.Items) || stored.Template != string(data) {
		t.Errorf("start with %s = %+v", valid, in)
	}

	for _, tc := range []struct{ template, want string }{
		{"no-such-template", "built in: " + DefaultChecklistTemplate},
		{"missing/file.yaml", "does not exist"},
		{filepath.Join("..", "testdata", "checklists", "duplicate-id.yaml"), "duplicate-id.yaml:"},
	} {
		_, err := a.StartInspection(ctx, newCase(t, a), tc.template)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != FieldTemplate || ErrorCode(err) != workbench.CodeInvalid || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("template %q: %v, want an invalid-template error mentioning %q", tc.template, err, tc.want)
		}
	}
	if n := sqlCount(t, a, `SELECT count(*) FROM inspections`); n != 2 {
		t.Errorf("%d inspections, want 2 (refused starts write nothing)", n)
	}
}

func TestAssessErrors(t *testing.T) {
	a := inspectionApp(t)
	ctx := context.Background()
	const item = "art7-3-personal-information"
	in := func(f func(*AssessInput)) AssessInput {
		v := AssessInput{CaseID: 1, ItemID: item, Result: "compliant"}
		f(&v)
		return v
	}
	bad := "extreme"
	for _, tc := range []struct {
		name  string
		in    AssessInput
		code  workbench.Code
		field string
		want  string
	}{
		{"unknown item", in(func(v *AssessInput) { v.ItemID = "art7-3" }), workbench.CodeInvalid, FieldItem, "did you mean " + item},
		{"misspelt item", in(func(v *AssessInput) { v.ItemID = "art7-3-personal-informaton" }), workbench.CodeInvalid, FieldItem, item},
		{"bad result", in(func(v *AssessInput) { v.Result = "ok" }), workbench.CodeInvalid, FieldResult, "partially_compliant"},
		{"bad severity", in(func(v *AssessInput) { v.Severity = &bad }), workbench.CodeInvalid, FieldSeverity, "low, medium, high, critical"},
		{"bad deadline", in(func(v *AssessInput) { d := "2026/12/31"; v.Deadline = &d }), workbench.CodeInvalid, FieldDeadline, "YYYY-MM-DD"},
		{"impossible deadline", in(func(v *AssessInput) { d := "2027-02-30"; v.Deadline = &d }), workbench.CodeInvalid, FieldDeadline, "2027-02-30 does not exist"},
		{"unknown record", in(func(v *AssessInput) { v.Evidence = []string{"rec-999999"} }), workbench.CodeInvalid, FieldEvidence, "no record"},
		{"unknown passage", in(func(v *AssessInput) { v.Evidence = []string{"psg-999999"} }), workbench.CodeInvalid, FieldEvidence, "no passage"},
		{"unknown identifier", in(func(v *AssessInput) { v.Evidence = []string{"INC-9999"} }), workbench.CodeInvalid, FieldEvidence, "no record of case 1"},
		{"identifier of another case", in(func(v *AssessInput) { v.Evidence = []string{"B-1"} }), workbench.CodeInvalid, FieldEvidence, "no record of case 1"},
		{"no inspection", in(func(v *AssessInput) { v.CaseID = 2 }), workbench.CodeNotFound, "", "case 2 has no inspection yet"},
		{"no case", in(func(v *AssessInput) { v.CaseID = 99 }), workbench.CodeNotFound, "", "case 99"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := a.Assess(ctx, tc.in)
			if ErrorCode(err) != tc.code || err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v (code %s), want %s mentioning %q", err, ErrorCode(err), tc.code, tc.want)
			}
			var fe *FieldError
			if tc.field != "" && (!errors.As(err, &fe) || fe.Field != tc.field) {
				t.Errorf("err = %#v, want a FieldError for %s", err, tc.field)
			}
		})
	}
	// A record of case 2 cited by its hit id from case 1.
	var other int64
	if err := a.Store().DB().QueryRow(`SELECT r.id FROM records r JOIN submissions s ON s.id = r.submission_id WHERE s.case_id = 2 LIMIT 1`).Scan(&other); err != nil {
		t.Fatal(err)
	}
	_, err := a.Assess(ctx, AssessInput{CaseID: 1, ItemID: item, Result: "compliant", Evidence: []string{"rec-" + strconv.FormatInt(other, 10)}})
	if ErrorCode(err) != workbench.CodeInvalid || !strings.Contains(err.Error(), "of case 2, not of case 1") {
		t.Errorf("evidence from another case: %v", err)
	}
	// Nothing of the refused assessments was written.
	if n := sqlCount(t, a, `SELECT count(*) FROM inspection_items WHERE result <> 'not_assessed' OR note <> '' OR deadline <> ''`); n != 0 {
		t.Errorf("%d items changed by refused assessments", n)
	}
	if n := sqlCount(t, a, `SELECT count(*) FROM evidence`); n != 0 {
		t.Errorf("%d evidence rows after refused assessments", n)
	}
	for _, status := range []string{store.StatusConcluded, store.StatusSigned} {
		if _, err := a.Store().DB().Exec(`UPDATE cases SET status = ? WHERE id = 1`, status); err != nil {
			t.Fatal(err)
		}
		_, err := a.Assess(ctx, in(func(*AssessInput) {}))
		if ErrorCode(err) != workbench.CodeConflict || err.Error() != "case 1's inspection is "+status+"; it can no longer be changed" {
			t.Errorf("assess a %s case: %v (code %s)", status, err, ErrorCode(err))
		}
	}
}

func TestAssessEvidence(t *testing.T) {
	a := inspectionApp(t)
	ctx := context.Background()
	const item = "art7-3-personal-information"
	var psg int64
	if err := a.Store().DB().QueryRow(`SELECT min(id) FROM passages WHERE text <> ''`).Scan(&psg); err != nil {
		t.Fatal(err)
	}
	sev, note, deadline := "high", "  见 DS-07  ", "2026-12-31"
	st, err := a.Assess(ctx, AssessInput{CaseID: 1, ItemID: item, Result: "non_compliant", Severity: &sev, Note: &note, Deadline: &deadline,
		Evidence: []string{"DS-07", "INC-0042", "psg-" + strconv.FormatInt(psg, 10), "rec-42"}})
	if err != nil {
		t.Fatal(err)
	}
	// rec-42 is INC-0042 again: one link.
	if st.ID != item || st.Result != "non_compliant" || st.Severity != "high" || st.Note != "见 DS-07" || st.Deadline != deadline ||
		st.Evidence != 3 || st.Proposal != nil || st.Title.En == "" || len(st.Articles) == 0 || st.Articles[0].Article != 7 {
		t.Errorf("Assess = %+v", st)
	}
	evs, err := a.ItemEvidence(ctx, 1, item)
	if err != nil || len(evs) != 3 {
		t.Fatalf("ItemEvidence = %+v, %v", evs, err)
	}
	subs, _ := a.ListSubmissions(ctx, 1)
	sha := map[string]string{}
	for _, s := range subs {
		sha[s.FileName] = s.SHA256
	}
	for i, want := range []struct{ ref, file, kind, location, quote string }{
		{"DS-07", "data-sources.xlsx", "data_source", `sheet "数据来源", row 10`, "DS-07"},
		{"INC-0042", "incidents.csv", "incident", "line 43", "INC-0042"},
		{"psg-" + strconv.FormatInt(psg, 10), "annotation-rules.docx", "annotation_rule", "paragraph", ""},
	} {
		ev := evs[i]
		if ev.Ref != want.ref || ev.FileName != want.file || ev.Kind != want.kind || !strings.HasPrefix(ev.Location, want.location) ||
			!strings.Contains(ev.Quote, want.quote) || ev.Quote == "" || ev.SHA256 != sha[want.file] || ev.SubmissionID == 0 ||
			!strings.HasPrefix(ev.Target, "rec-") && !strings.HasPrefix(ev.Target, "psg-") {
			t.Errorf("evidence %d = %+v, want %+v", i, ev, want)
		}
		if n := len([]rune(ev.Quote)); n > MaxQuoteLen {
			t.Errorf("evidence %d quote is %d characters", i, n)
		}
	}
	if evs[1].Target != "rec-42" {
		t.Errorf("INC-0042 resolved to %s, want rec-42", evs[1].Target)
	}

	// Only what is given changes; an empty severity clears it.
	none := ""
	st, err = a.Assess(ctx, AssessInput{CaseID: 1, ItemID: item, Severity: &none})
	if err != nil || st.Result != "non_compliant" || st.Severity != "" || st.Note != "见 DS-07" || st.Evidence != 3 {
		t.Errorf("second Assess = %+v, %v", st, err)
	}

	// The status lists every item in template order, with totals.
	status, err := a.InspectionStatus(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	def := checklist.Default()
	if len(status.Items) != len(def.Items) || status.Items[0].ID != def.Items[0].ID || status.CaseStatus != "open" {
		t.Fatalf("status = %+v", status)
	}
	if len(status.Totals) != len(Results) || status.Totals["non_compliant"] != 1 || status.Totals["not_assessed"] != len(def.Items)-1 ||
		status.Totals["compliant"] != 0 {
		t.Errorf("totals = %v", status.Totals)
	}
	if _, err := a.InspectionStatus(ctx, 2); ErrorCode(err) != workbench.CodeNotFound || !strings.Contains(err.Error(), "no inspection yet") {
		t.Errorf("status without inspection: %v", err)
	}
}

// TestAssessAmbiguousRef: a provider identifier found in two files of the
// case is refused, naming both; the hit id picks one.
func TestAssessAmbiguousRef(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := newCase(t, a)
	if _, err := a.Import(ctx, ImportRequest{CaseID: id, Files: []string{writeQA(t, "qa-a.csv", "B-1"), writeQA(t, "qa-b.csv", "B-1")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.StartInspection(ctx, id, ""); err != nil {
		t.Fatal(err)
	}
	_, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: "art8-annotation-quality", Result: "compliant", Evidence: []string{"B-1"}})
	if ErrorCode(err) != workbench.CodeInvalid || !strings.Contains(err.Error(), "qa-a.csv line 2") || !strings.Contains(err.Error(), "qa-b.csv line 2") ||
		!strings.Contains(err.Error(), "rec-") {
		t.Errorf("ambiguous ref: %v", err)
	}
	var first int64
	if err := a.Store().DB().QueryRow(`SELECT min(id) FROM records WHERE ref = 'B-1'`).Scan(&first); err != nil {
		t.Fatal(err)
	}
	st, err := a.Assess(ctx, AssessInput{CaseID: id, ItemID: "art8-annotation-quality", Result: "compliant",
		Evidence: []string{"rec-" + strconv.FormatInt(first, 10)}})
	if err != nil || st.Evidence != 1 {
		t.Errorf("evidence by hit id: %+v, %v", st, err)
	}
}

// TestLocationsCiteTheHeading: a DOCX passage's location names the headings
// it stands under, in search hits, in evidence and in the checks.
func TestLocationsCiteTheHeading(t *testing.T) {
	a := inspectionApp(t)
	ctx := context.Background()
	if _, err := a.SyncIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	res, err := a.Search(ctx, workbench.SearchRequest{Query: "安全性标注 file:annotation-rules.docx", CaseID: 1, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	const path = "3 标注规则 > 3.2 安全性标注, paragraph "
	var hit string
	for _, h := range res.Hits {
		if strings.Contains(h.Location, path) {
			hit = h.ID
			break
		}
	}
	if hit == "" {
		var locs []string
		for _, h := range res.Hits {
			locs = append(locs, h.Location)
		}
		t.Fatalf("no hit under 3.2 has the location %q…: %q", path, locs)
	}
	if _, err := a.Assess(ctx, AssessInput{CaseID: 1, ItemID: "art8-annotation-rules", Result: "compliant", Evidence: []string{hit}}); err != nil {
		t.Fatal(err)
	}
	evs, err := a.ItemEvidence(ctx, 1, "art8-annotation-rules")
	if err != nil || len(evs) != 1 || !strings.Contains(evs[0].Location, path) {
		t.Errorf("evidence %+v, %v; want a location with %q", evs, err, path)
	}
}
