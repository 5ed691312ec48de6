package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"fmt"
	"slices"
)

// CaseInputOf is what a case holds as a CaseInput: the starting point of an
// edit, which changes the fields it is given and passes the rest back. The
// title is "" when it is the default one ("provider — service"), so that
// it follows a corrected provider or service name.
func CaseInputOf(c workbench.Case) CaseInput {
	po := c.Service.PublicOpinion
	in := CaseInput{
		Provider: c.Provider.Name, CreditCode: c.Provider.CreditCode,
		Service: c.Service.Name, FilingNo: c.Service.FilingNo,
		Title:         c.Title,
		Inspectors:    slices.Clone(c.Inspectors),
		Modalities:    append([]string{}, c.Service.Modalities...),
		PublicOpinion: &po,
		OpenedOn:      c.OpenedOn, ReceivedOn: c.ReceivedOn,
	}
	if c.Title == c.Provider.Name+" — "+c.Service.Name {
		in.Title = ""
	}
	return in
}

// EditCase sets the descriptive fields of case id to in, checked exactly
// as CreateCase checks them (a *FieldError naming the first wrong field):
// every field is set as given — "" clears the optional ones (ReceivedOn
// among them), an empty Title is the default one — except that nil
// Modalities or PublicOpinion and an empty OpenedOn leave those as they
// are. Start from CaseInputOf to change only some fields.
//
// The change is written in one transaction with a case_edited audit entry
// naming each field changed, from what to what; it returns the case as it
// now is and the fields changed (see the store.CaseField… names), none —
// and nothing written — when in is what the case holds. How a corrected
// provider or service name reaches the other cases of that provider or
// service is store.UpdateCase's.
//
// A case whose inspection is concluded is refused (a conflict with
// ReasonCaseConcluded: reopen it first), a signed one always (ReasonCaseSigned:
// the signature covers the case's title, provider, credit code, service,
// filing number, inspectors and opened date); an unknown id is a not-found
// error.
func (a *App) EditCase(ctx context.Context, id int64, in CaseInput) (workbench.Case, []string, error) {
	cur, err := a.store.GetCase(ctx, id)
	if err != nil {
		return workbench.Case{}, nil, err
	}
	if in.OpenedOn == "" {
		in.OpenedOn = cur.OpenedOn
	}
	nc, err := in.normalize(a.now())
	if err != nil {
		return workbench.Case{}, nil, err
	}
	if nc.Inspectors == nil {
		nc.Inspectors = []string{}
	}
	changed, err := a.store.UpdateCase(ctx, id, nc)
	if err != nil {
		return workbench.Case{}, nil, fmt.Errorf("edit case %d: %w", id, err)
	}
	c, err := a.store.GetCase(ctx, id)
	if err != nil {
		return workbench.Case{}, nil, err
	}
	return c, changed, nil
}
