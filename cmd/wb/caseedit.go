package main

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"flag"
	"strings"

	"github.com/inspection-workbench/workbench/app"
)

var caseEditCommand = command{
	name:    "case edit",
	args:    "ID",
	summary: "correct a case's details (only the flags given change) and show the case",
	details: `The flags are those of "wb case new"; an empty value clears an optional
field (--received "" forgets the received date), an empty --title restores
the default "PROVIDER — SERVICE". --inspector and --modality, given, replace
the whole list; given once, empty (--inspector ""), they empty it. A case
whose inspection is concluded is refused (reopen it first), a signed one
always: its signature covers the case's details.`,
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		var provider, creditCode, service, filingNo, title, opened, received optionalString
		var inspectors, modalities stringList
		var publicOpinion optionalBool
		fs.Var(&provider, "provider", "provider `NAME`")
		fs.Var(&creditCode, "credit-code", "the provider's unified social credit `CODE` (统一社会信用代码, 18 characters; \"\" clears it)")
		fs.Var(&service, "service", "service `NAME`")
		fs.Var(&filingNo, "filing-no", "the service's filing `NUMBER` (备案号; \"\" clears it)")
		fs.Var(&title, "title", "case `TITLE` (\"\" for the default \"PROVIDER — SERVICE\")")
		fs.Var(&inspectors, "inspector", "inspector `NAME` (repeat for each inspector; replaces the list)")
		fs.Var(&modalities, "modality", "what the service generates: "+orList(workbench.Modalities)+" (repeat, or comma-separate; replaces the list)")
		fs.Var(&publicOpinion, "public-opinion", "the service has public-opinion attributes or social-mobilisation capacity (Art. 17); =false to record that it has not")
		fs.Var(&opened, "opened", "date the case was opened, `YYYY-MM-DD`")
		fs.Var(&received, "received", "date the provider's material was received (材料接收日期), `YYYY-MM-DD`: the automated checks count from it; \"\" clears it")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) != 1 {
				return usagef("give exactly one case ID")
			}
			a, c, err := openCase(ctx, e, args[0])
			if err != nil {
				return err
			}
			defer a.Close()
			in := app.CaseInputOf(c)
			for _, f := range []struct {
				flag *optionalString
				to   *string
			}{
				{&provider, &in.Provider}, {&creditCode, &in.CreditCode}, {&service, &in.Service}, {&filingNo, &in.FilingNo},
				{&title, &in.Title}, {&opened, &in.OpenedOn}, {&received, &in.ReceivedOn},
			} {
				if f.flag.v != nil {
					*f.to = *f.flag.v
				}
			}
			if opened.v != nil && strings.TrimSpace(*opened.v) == "" {
				// A case always has an opened date: it cannot be cleared.
				return &app.FieldError{Field: app.FieldOpenedOn, Problem: app.ProblemEmpty, Err: errors.New("opened date is empty; a case always has one")}
			}
			// A list given as one empty value (--inspector "") is emptied.
			if inspectors != nil {
				in.Inspectors = inspectors.orNone()
			}
			if modalities != nil {
				in.Modalities = modalities.orNone()
			}
			if publicOpinion.v != nil {
				in.PublicOpinion = publicOpinion.v
			}
			c, _, err = a.EditCase(ctx, c.ID, in)
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, toCaseJSON(c))
			}
			return printCase(e, c)
		}
	},
}
