package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench/store"
)

// editTrail is the case_edited entries of a case, their details decoded.
func editTrail(t *testing.T, a *App, id int64) []map[string]any {
	t.Helper()
	es, err := a.AuditTrail(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for _, e := range es {
		if e.Action != workbench.AuditCaseEdited {
			continue
		}
		if e.Object != store.CaseObject(id) {
			t.Errorf("case_edited entry about %s, want %s", e.Object, store.CaseObject(id))
		}
		var d map[string]any
		if err := json.Unmarshal([]byte(e.Details), &d); err != nil {
			t.Fatalf("details %q: %v", e.Details, err)
		}
		out = append(out, d)
	}
	return out
}

// fieldsOf are the fields a case_edited entry names.
func fieldsOf(d map[string]any) []string {
	var out []string
	for _, f := range d["fields"].([]any) {
		out = append(out, f.(string))
	}
	return out
}

func TestEditCaseEachField(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	c, err := a.CreateCase(ctx, CaseInput{Provider: "星河智酸", Service: "星河对画", Inspectors: []string{"张明"}, OpenedOn: "2026-11-02"})
	if err != nil {
		t.Fatal(err)
	}
	po := true
	steps := []struct {
		field  string
		mutate func(*CaseInput)
		check  func(workbench.Case) bool
	}{
		{store.CaseFieldProvider, func(in *CaseInput) { in.Provider = " 星河智算科技有限公司 " },
			func(c workbench.Case) bool { return c.Provider.Name == "星河智算科技有限公司" }},
		{store.CaseFieldCreditCode, func(in *CaseInput) { in.CreditCode = "91310115ma1k4rj73d" },
			func(c workbench.Case) bool { return c.Provider.CreditCode == "91310115MA1K4RJ73D" }},
		{store.CaseFieldService, func(in *CaseInput) { in.Service = "星河对话" },
			func(c workbench.Case) bool { return c.Service.Name == "星河对话" }},
		{store.CaseFieldFilingNo, func(in *CaseInput) { in.FilingNo = "Beijing-XingheChat-20240315" },
			func(c workbench.Case) bool { return c.Service.FilingNo == "Beijing-XingheChat-20240315" }},
		{store.CaseFieldModalities, func(in *CaseInput) { in.Modalities = []string{"图片", "text"} },
			func(c workbench.Case) bool { return slices.Equal(c.Service.Modalities, []string{"text", "image"}) }},
		{store.CaseFieldPublicOpinion, func(in *CaseInput) { in.PublicOpinion = &po },
			func(c workbench.Case) bool { return c.Service.PublicOpinion }},
		{store.CaseFieldTitle, func(in *CaseInput) { in.Title = "星河对话检查" },
			func(c workbench.Case) bool { return c.Title == "星河对话检查" }},
		{store.CaseFieldInspectors, func(in *CaseInput) { in.Inspectors = []string{"李华", "张明"} },
			func(c workbench.Case) bool { return slices.Equal(c.Inspectors, []string{"李华", "张明"}) }},
		{store.CaseFieldOpenedOn, func(in *CaseInput) { in.OpenedOn = "2026-11-03" },
			func(c workbench.Case) bool { return c.OpenedOn == "2026-11-03" }},
		{store.CaseFieldReceivedOn, func(in *CaseInput) { in.ReceivedOn = "2025-07-10" },
			func(c workbench.Case) bool { return c.ReceivedOn == "2025-07-10" }},
	}
	for i, s := range steps {
		in := CaseInputOf(c)
		s.mutate(&in)
		got, changed, err := a.EditCase(ctx, c.ID, in)
		if err != nil {
			t.Fatalf("edit %s: %v", s.field, err)
		}
		want := []string{s.field}
		if s.field == store.CaseFieldProvider || s.field == store.CaseFieldService {
			want = append(want, store.CaseFieldTitle) // the default title follows
		}
		if !slices.Equal(changed, want) || !s.check(got) {
			t.Errorf("edit %s: changed %v, case %+v", s.field, changed, got)
		}
		if trail := editTrail(t, a, c.ID); len(trail) != i+1 || !slices.Equal(fieldsOf(trail[i]), want) {
			t.Errorf("edit %s: trail %v", s.field, trail)
		}
		c = got
	}
	if got, err := a.GetCase(ctx, c.ID); err != nil || got.Provider.Name != "星河智算科技有限公司" || got.Title != "星河对话检查" {
		t.Errorf("case as read back: %+v, %v", got, err)
	}
	// The misspelt provider was corrected, not left behind beside a new one.
	if n := sqlCount(t, a, `SELECT count(*) FROM providers`); n != 1 {
		t.Errorf("%d providers, want 1", n)
	}
	chk, err := a.VerifyAudit(ctx)
	if err != nil || !chk.Intact {
		t.Errorf("VerifyAudit after edits = %+v, %v", chk, err)
	}
}

func TestEditCaseAuditEntry(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	c, err := a.CreateCase(ctx, CaseInput{Provider: "星河智算", Service: "星河对话", FilingNo: "Beijing-1", Inspectors: []string{"张明"}})
	if err != nil {
		t.Fatal(err)
	}
	in := CaseInputOf(c)
	in.FilingNo, in.Inspectors, in.ReceivedOn = "Beijing-2", []string{"张明", "李华"}, "2025-07-10"
	if _, _, err := a.EditCase(ctx, c.ID, in); err != nil {
		t.Fatal(err)
	}
	trail := editTrail(t, a, c.ID)
	if len(trail) != 1 {
		t.Fatalf("trail %v", trail)
	}
	b, _ := json.Marshal(trail[0])
	for _, want := range []string{
		`"fields":["filing_no","inspectors","received_on"]`,
		`"filing_no":{"from":"Beijing-1","to":"Beijing-2"}`,
		`"inspectors":{"from":["张明"],"to":["张明","李华"]}`,
		`"received_on":{"from":"","to":"2025-07-10"}`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("details %s lack %s", b, want)
		}
	}
}

func TestEditCaseReceivedSetAndCleared(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	c, err := a.CreateCase(ctx, CaseInput{Provider: "星河智算", Service: "星河对话", ReceivedOn: "2025-07-01"})
	if err != nil {
		t.Fatal(err)
	}
	in := CaseInputOf(c)
	in.ReceivedOn = "2025-7-10"
	if _, _, err := a.EditCase(ctx, c.ID, in); !errors.As(err, new(*FieldError)) {
		t.Errorf("2025-7-10: err %v, want a field error", err)
	}
	in.ReceivedOn = "2025-07-10"
	if got, _, err := a.EditCase(ctx, c.ID, in); err != nil || got.ReceivedOn != "2025-07-10" {
		t.Fatalf("set: %+v, %v", got, err)
	}
	in.ReceivedOn = ""
	got, changed, err := a.EditCase(ctx, c.ID, in)
	if err != nil || got.ReceivedOn != "" || !slices.Equal(changed, []string{store.CaseFieldReceivedOn}) {
		t.Fatalf("clear: %+v, %v, %v", got, changed, err)
	}
	trail := editTrail(t, a, c.ID)
	if len(trail) != 2 {
		t.Fatalf("trail %v", trail)
	}
	if ch := trail[1]["changes"].(map[string]any)["received_on"].(map[string]any); ch["from"] != "2025-07-10" || ch["to"] != "" {
		t.Errorf("clearing recorded as %v", ch)
	}
}

func TestEditCaseNothingChanged(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	c, err := a.CreateCase(ctx, CaseInput{Provider: "星河智算", Service: "星河对话", Inspectors: []string{"张明"}, Modalities: []string{"text"}})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := a.AuditTrail(ctx, c.ID)
	in := CaseInputOf(c)
	in.Provider = " 星河智算 " // normalised to what is recorded
	in.Modalities, in.PublicOpinion, in.OpenedOn = nil, nil, ""
	got, changed, err := a.EditCase(ctx, c.ID, in)
	if err != nil || len(changed) != 0 {
		t.Fatalf("no-op edit: changed %v, %v", changed, err)
	}
	if !got.UpdatedAt.Equal(c.UpdatedAt) {
		t.Errorf("no-op edit moved updated_at from %v to %v", c.UpdatedAt, got.UpdatedAt)
	}
	if after, _ := a.AuditTrail(ctx, c.ID); len(after) != len(before) {
		t.Errorf("no-op edit wrote %d audit entries", len(after)-len(before))
	}
}

func TestEditCaseValidationAsCreate(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	c, err := a.CreateCase(ctx, CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		mutate func(*CaseInput)
	}{
		{"empty provider", func(in *CaseInput) { in.Provider = "  " }},
		{"empty service", func(in *CaseInput) { in.Service = "" }},
		{"bad credit code", func(in *CaseInput) { in.CreditCode = "91310115MA1K4RJ73E" }},
		{"provider with line break", func(in *CaseInput) { in.Provider = "a\nb" }},
		{"very long title", func(in *CaseInput) { in.Title = strings.Repeat("长", MaxNameLen+1) }},
		{"bad date", func(in *CaseInput) { in.OpenedOn = "2024/3/5" }},
		{"impossible received date", func(in *CaseInput) { in.ReceivedOn = "2024-02-30" }},
		{"unknown modality", func(in *CaseInput) { in.Modalities = []string{"smell"} }},
		{"inspector twice", func(in *CaseInput) { in.Inspectors = []string{"张明", "张明"} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := CaseInput{Provider: "星河智算", Service: "星河对话"}
			in, ein := base, CaseInputOf(c)
			tt.mutate(&in)
			tt.mutate(&ein)
			_, createErr := a.CreateCase(ctx, in)
			_, _, editErr := a.EditCase(ctx, c.ID, ein)
			var cfe, efe *FieldError
			if !errors.As(createErr, &cfe) || !errors.As(editErr, &efe) || cfe.Field != efe.Field || cfe.Problem != efe.Problem {
				t.Fatalf("create: %v; edit: %v", createErr, editErr)
			}
			if ErrorCode(editErr) != workbench.CodeInvalid {
				t.Errorf("ErrorCode = %s", ErrorCode(editErr))
			}
		})
	}
	if got, _ := a.GetCase(ctx, c.ID); !got.UpdatedAt.Equal(c.UpdatedAt) {
		t.Errorf("refused edits changed the case: %+v", got)
	}
	if _, _, err := a.EditCase(ctx, 99, CaseInputOf(c)); ErrorCode(err) != workbench.CodeNotFound {
		t.Errorf("unknown case: %v (code %s)", err, ErrorCode(err))
	}
}

func TestEditCaseRefusedWhenClosed(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := concludedCase(t, a)
	c, _ := a.GetCase(ctx, id)
	in := CaseInputOf(c)
	in.ReceivedOn = "2025-07-10"
	_, _, err := a.EditCase(ctx, id, in)
	if we := workbench.ErrorReason(err); we == nil || we.Reason != workbench.ReasonCaseConcluded || ErrorCode(err) != workbench.CodeConflict ||
		!errors.Is(err, workbench.ErrConflict) || !strings.Contains(err.Error(), "reopen it") {
		t.Errorf("edit of a concluded case: %v", err)
	}
	if err := a.ReopenInspection(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.EditCase(ctx, id, in); err != nil {
		t.Errorf("edit of a reopened case: %v", err)
	}
	if err := a.ConcludeInspection(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SignInspection(ctx, id); err != nil {
		t.Fatal(err)
	}
	before, _ := a.AuditTrail(ctx, id)
	in.Title = "改过的标题"
	_, _, err = a.EditCase(ctx, id, in)
	if we := workbench.ErrorReason(err); we == nil || we.Reason != workbench.ReasonCaseSigned || ErrorCode(err) != workbench.CodeConflict {
		t.Errorf("edit of a signed case: %v", err)
	}
	if after, _ := a.AuditTrail(ctx, id); len(after) != len(before) {
		t.Errorf("refused edit wrote %d audit entries", len(after)-len(before))
	}
	if v, err := a.VerifyInspection(ctx, id); err != nil || !v.OK {
		t.Errorf("signature after a refused edit: %+v, %v", v, err)
	}
}

// A provider shared with a signed case is not renamed under it: the edit
// that would change the signed case is refused, one that only moves the
// edited case to another provider is not.
func TestEditCaseSharedWithSignedCase(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	signed := concludedCase(t, a)
	if _, err := a.SignInspection(ctx, signed); err != nil {
		t.Fatal(err)
	}
	c, err := a.CreateCase(ctx, CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	// The filing number belongs to the shared service: filling it in
	// would change the signed case.
	in := CaseInputOf(c)
	in.FilingNo = "Beijing-2"
	_, _, err = a.EditCase(ctx, c.ID, in)
	if we := workbench.ErrorReason(err); we == nil || we.Reason != workbench.ReasonCaseShared || we.Args["Other"] != signed ||
		workbench.ArgString(we.Args["Fields"]) != "filing_no" || !strings.Contains(err.Error(), "filing_no of case") {
		t.Errorf("changing a service shared with a signed case: %v", err)
	}
	in = CaseInputOf(c)
	in.Provider = "星河智算科技有限公司"
	got, _, err := a.EditCase(ctx, c.ID, in)
	if err != nil || got.Provider.Name != "星河智算科技有限公司" {
		t.Fatalf("moving the case to another provider: %+v, %v", got, err)
	}
	if s, _ := a.GetCase(ctx, signed); s.Provider.Name != "星河智算" {
		t.Errorf("the signed case's provider became %q", s.Provider.Name)
	}
	if v, err := a.VerifyInspection(ctx, signed); err != nil || !v.OK {
		t.Errorf("signature of the other case: %+v, %v", v, err)
	}
}

// A provider corrected through one case is corrected for every open case
// of it when its credit code stays; each case gets its own entry.
func TestEditCaseCorrectsSharedProvider(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	in := CaseInput{Provider: "星河智酸", CreditCode: "91310115MA1K4RJ73D", Service: "星河对话"}
	c1, err := a.CreateCase(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	c2, err := a.CreateCase(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	ein := CaseInputOf(c2)
	ein.Provider = "星河智算"
	if _, _, err := a.EditCase(ctx, c2.ID, ein); err != nil {
		t.Fatal(err)
	}
	got1, _ := a.GetCase(ctx, c1.ID)
	if got1.Provider.Name != "星河智算" || got1.Provider.ID != c1.Provider.ID {
		t.Errorf("case 1's provider: %+v", got1.Provider)
	}
	trail := editTrail(t, a, c1.ID)
	if len(trail) != 1 || trail[0]["edited_case"] != float64(c2.ID) || !slices.Contains(fieldsOf(trail[0]), store.CaseFieldProvider) {
		t.Errorf("case 1's trail: %v", trail)
	}
}

// A case renamed to a provider and service already recorded joins them,
// and the records it no longer uses, used by no other case, go; a credit
// code recorded for another provider is refused as in CreateCase.
func TestEditCaseJoinsRecordedProvider(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	c1, err := a.CreateCase(ctx, CaseInput{Provider: "星河智算", CreditCode: "91310115MA1K4RJ73D", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	c2, err := a.CreateCase(ctx, CaseInput{Provider: "星河智酸", Service: "星河对画"})
	if err != nil {
		t.Fatal(err)
	}
	in := CaseInputOf(c2)
	in.CreditCode = "91310115MA1K4RJ73D"
	_, _, err = a.EditCase(ctx, c2.ID, in)
	var ce *workbench.ConflictError
	if !errors.As(err, &ce) || ce.What != workbench.ConflictCodeTaken || ErrorCode(err) != workbench.CodeConflict {
		t.Errorf("a credit code recorded for another provider: %v", err)
	}
	in = CaseInputOf(c2)
	in.Provider, in.Service = "星河智算", "星河对话"
	got, _, err := a.EditCase(ctx, c2.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if got.Provider.ID != c1.Provider.ID || got.Service.ID != c1.Service.ID || got.Provider.CreditCode != "91310115MA1K4RJ73D" {
		t.Errorf("case 2 after joining case 1's provider: %+v", got)
	}
	if p, s := sqlCount(t, a, `SELECT count(*) FROM providers`), sqlCount(t, a, `SELECT count(*) FROM services`); p != 1 || s != 1 {
		t.Errorf("%d providers and %d services left, want 1 and 1", p, s)
	}
	if trail := editTrail(t, a, c1.ID); len(trail) != 0 {
		t.Errorf("case 1, unchanged, has edit entries: %v", trail)
	}
	if trail := editTrail(t, a, c2.ID); len(trail) != 1 ||
		!slices.Equal(fieldsOf(trail[0]), []string{store.CaseFieldProvider, store.CaseFieldCreditCode, store.CaseFieldService, store.CaseFieldTitle}) {
		t.Errorf("case 2's trail: %v", trail)
	}
}

// A new case of a recorded provider fills in what the record lacks — but
// not under a signed case, whose signature covers the credit code and the
// filing number: that creation is refused and nothing is written. Under
// an open case the filling is an audited change of that case.
func TestCreateCaseFillsSharedRecordOnlyWhenOpen(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	signed := concludedCase(t, a)
	if _, err := a.SignInspection(ctx, signed); err != nil {
		t.Fatal(err)
	}
	const code = "91110108MA7XH2TQ5E"
	before, _ := a.ListCases(ctx)
	_, err := a.CreateCase(ctx, CaseInput{Provider: "星河智算", Service: "星河对话", CreditCode: code})
	if we := workbench.ErrorReason(err); we == nil || we.Reason != workbench.ReasonCaseShared || we.Args["Other"] != signed || ErrorCode(err) != workbench.CodeConflict ||
		workbench.ArgString(we.Args["Fields"]) != "credit_code" {
		t.Fatalf("a new case filling the signed case's credit code: %v", err)
	}
	if after, _ := a.ListCases(ctx); len(after) != len(before) {
		t.Errorf("the refused creation left %d cases, want %d", len(after), len(before))
	}
	if v, err := a.VerifyInspection(ctx, signed); err != nil || !v.OK {
		t.Errorf("signature after the refused creation: %+v, %v", v, err)
	}
	// The same provider without a code to fill in: created, sharing it.
	if _, err := a.CreateCase(ctx, CaseInput{Provider: "星河智算", Service: "星河对话"}); err != nil {
		t.Errorf("a new case of the same provider, nothing to fill in: %v", err)
	}

	// An open case's record is filled in, and the open case's trail says so.
	open, err := a.CreateCase(ctx, CaseInput{Provider: "澜图智能", Service: "澜图绘言"})
	if err != nil {
		t.Fatal(err)
	}
	second, err := a.CreateCase(ctx, CaseInput{Provider: "澜图智能", Service: "澜图绘言", FilingNo: "Jiangsu-LanTu-1"})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := a.GetCase(ctx, open.ID); c.Service.FilingNo != "Jiangsu-LanTu-1" {
		t.Errorf("the open case's filing number is %q", c.Service.FilingNo)
	}
	trail := editTrail(t, a, open.ID)
	if len(trail) != 1 || !slices.Equal(fieldsOf(trail[0]), []string{"filing_no"}) || trail[0]["created_case"] != float64(second.ID) {
		t.Errorf("the open case's case_edited entries: %v", trail)
	}
	if r, err := a.VerifyAudit(ctx); err != nil || !r.Intact {
		t.Errorf("audit chain: %+v, %v", r, err)
	}
}
