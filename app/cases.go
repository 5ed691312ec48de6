package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/inspection-workbench/workbench/app/checklist"
	"github.com/inspection-workbench/workbench/store"
)

// DefaultChecklistTemplate is the id of the built-in Article 19 checklist
// template new cases use (see package checklist).
const DefaultChecklistTemplate = checklist.DefaultID

// DateLayout is how dates are written and read: YYYY-MM-DD.
const DateLayout = workbench.DateLayout

// MaxNameLen bounds names and titles, in characters.
const MaxNameLen = 300

// Fields of CaseInput, as FieldError names them.
const (
	FieldProvider   = "provider"
	FieldCreditCode = "credit_code"
	FieldService    = "service"
	FieldFilingNo   = "filing_no"
	FieldTitle      = "title"
	FieldInspector  = "inspector"
	FieldModality   = "modality"
	FieldOpenedOn   = "opened_on"
	FieldReceivedOn = "received_on"
)

// Problem says what is wrong with a field, so each interface can word it
// in its own language.
type Problem int

// The problems a field can have.
const (
	ProblemEmpty      Problem = iota + 1 // required and missing
	ProblemTooLong                       // over MaxNameLen characters
	ProblemControl                       // holds a line break or control character
	ProblemDuplicate                     // the same value given twice
	ProblemFormat                        // not in the expected format (dates, modalities)
	ProblemCreditCode                    // an invalid credit code; Err is a *CreditCodeError
)

// FieldError says which input field is wrong and why.
type FieldError struct {
	Field   string  // one of the Field… constants
	Problem Problem // what kind of mistake
	Err     error   // the English explanation
}

func (e *FieldError) Error() string { return e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(field string, p Problem, format string, args ...any) error {
	return &FieldError{Field: field, Problem: p, Err: fmt.Errorf(format, args...)}
}

// fieldLabels are the English names used in error messages.
var fieldLabels = map[string]string{
	FieldProvider: "provider name", FieldCreditCode: "credit code", FieldService: "service name",
	FieldFilingNo: "filing number", FieldTitle: "title", FieldInspector: "inspector name",
	FieldModality: "modality", FieldOpenedOn: "opened date", FieldReceivedOn: "received date",
}

// CaseInput is what a user gives to open a case.
type CaseInput struct {
	Provider      string   // provider name, required
	CreditCode    string   // unified social credit code, optional
	Service       string   // service name, required
	FilingNo      string   // filing number (备案号), optional
	Title         string   // defaults to "provider — service"
	Inspectors    []string // names, in order
	Modalities    []string // text, image, audio, video (or 文本, 图片, 音频, 视频)
	PublicOpinion *bool    // Art. 17 attribute; nil when not stated
	OpenedOn      string   // YYYY-MM-DD; defaults to today
	// ReceivedOn is the day the material was received (材料接收日期),
	// YYYY-MM-DD; the checks count the keyword library's update age to
	// it, else to each file's import day. "" when not stated.
	ReceivedOn string
}

// ValidateCaseField checks one value of a CaseInput field — as the GUI does
// while the user types — and returns it normalised. Optional fields accept
// "". For FieldInspector and FieldModality it checks a single value.
func ValidateCaseField(field, value string) (string, error) {
	label, ok := fieldLabels[field]
	if !ok {
		return "", fmt.Errorf("unknown case field %q", field)
	}
	v := strings.TrimSpace(value)
	if v == "" {
		switch field {
		case FieldProvider, FieldService, FieldInspector, FieldModality:
			return "", fieldErr(field, ProblemEmpty, "%s is empty", label)
		}
		return "", nil
	}
	if n := len([]rune(v)); n > MaxNameLen {
		return "", fieldErr(field, ProblemTooLong, "%s is %d characters long; at most %d are allowed", label, n, MaxNameLen)
	}
	if strings.IndexFunc(v, unicode.IsControl) >= 0 {
		return "", fieldErr(field, ProblemControl, "%s contains a line break or control character", label)
	}
	switch field {
	case FieldCreditCode:
		code, err := ValidateCreditCode(v)
		if err != nil {
			return "", &FieldError{Field: field, Problem: ProblemCreditCode, Err: err}
		}
		return code, nil
	case FieldModality:
		m, err := workbench.ParseModality(v)
		if err != nil {
			return "", &FieldError{Field: field, Problem: ProblemFormat, Err: err}
		}
		return string(m), nil
	case FieldOpenedOn, FieldReceivedOn:
		d, err := workbench.ParseDate(v)
		if err != nil {
			return "", &FieldError{Field: field, Problem: ProblemFormat, Err: fmt.Errorf("%s: %w", label, err)}
		}
		return d.Format(DateLayout), nil
	}
	return v, nil
}

// NormalizeModalities checks modality names (English or Chinese, any case,
// comma-separated values allowed) and returns them in canonical order
// without repeats.
func NormalizeModalities(in []string) ([]string, error) {
	seen := map[string]bool{}
	for _, v := range in {
		for _, part := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
			m, err := ValidateCaseField(FieldModality, part)
			if err != nil {
				return nil, err
			}
			seen[m] = true
		}
	}
	out := []string{}
	for _, m := range workbench.Modalities {
		if seen[string(m)] {
			out = append(out, string(m))
		}
	}
	return out, nil
}

// normalize checks the input and turns it into what the store records.
func (in CaseInput) normalize(today time.Time) (store.NewCase, error) {
	nc := store.NewCase{ChecklistTemplate: DefaultChecklistTemplate, PublicOpinion: in.PublicOpinion}
	for _, f := range []struct {
		field string
		in    string
		out   *string
	}{
		{FieldProvider, in.Provider, &nc.ProviderName},
		{FieldCreditCode, in.CreditCode, &nc.CreditCode},
		{FieldService, in.Service, &nc.ServiceName},
		{FieldFilingNo, in.FilingNo, &nc.FilingNo},
		{FieldTitle, in.Title, &nc.Title},
		{FieldOpenedOn, in.OpenedOn, &nc.OpenedOn},
		{FieldReceivedOn, in.ReceivedOn, &nc.ReceivedOn},
	} {
		v, err := ValidateCaseField(f.field, f.in)
		if err != nil {
			return nc, err
		}
		*f.out = v
	}
	if nc.Title == "" {
		nc.Title = nc.ProviderName + " — " + nc.ServiceName
	}
	if nc.OpenedOn == "" {
		nc.OpenedOn = today.Format(DateLayout)
	}
	for _, name := range in.Inspectors {
		name, err := ValidateCaseField(FieldInspector, name)
		if err != nil {
			return nc, err
		}
		if slices.Contains(nc.Inspectors, name) {
			return nc, fieldErr(FieldInspector, ProblemDuplicate, "inspector %q is named twice", name)
		}
		nc.Inspectors = append(nc.Inspectors, name)
	}
	if in.Modalities != nil {
		var err error
		if nc.Modalities, err = NormalizeModalities(in.Modalities); err != nil {
			return nc, err
		}
	}
	return nc, nil
}

// ValidateCaseInput checks in without writing anything; the error is a
// *FieldError naming the first wrong field.
func ValidateCaseInput(in CaseInput) error {
	_, err := in.normalize(time.Now())
	return err
}

// CreateCase validates in and records a new open case, reusing a provider
// or service already recorded under the same name. Nothing is written when
// it fails.
func (a *App) CreateCase(ctx context.Context, in CaseInput) (workbench.Case, error) {
	nc, err := in.normalize(a.now())
	if err != nil {
		return workbench.Case{}, err
	}
	id, err := a.store.CreateCase(ctx, nc)
	if err != nil {
		return workbench.Case{}, fmt.Errorf("create case: %w", err)
	}
	return a.store.GetCase(ctx, id)
}

// ListCases returns every case in the workspace, oldest first.
func (a *App) ListCases(ctx context.Context) ([]workbench.Case, error) {
	return a.store.ListCases(ctx)
}

// GetCase returns one case; an unknown id gives an error with CodeNotFound.
func (a *App) GetCase(ctx context.Context, id int64) (workbench.Case, error) {
	return a.store.GetCase(ctx, id)
}
