package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/inspection-workbench/workbench/app/checklist"
)

// templateCheckJSON is the JSON report of wb template-check.
type templateCheckJSON struct {
	File     string              `json:"file"`
	Valid    bool                `json:"valid"`
	Template string              `json:"template"`
	Items    int                 `json:"items"`
	Errors   []checklist.Problem `json:"errors"`
}

// templateCheckCommand validates a checklist template file (see
// docs/checklists.md) without touching a workspace.
var templateCheckCommand = command{
	name:    "template-check",
	args:    "FILE.yaml",
	summary: "validate a checklist template file; errors name their line and column",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) != 1 {
				return usagef("name one checklist template file (FILE.yaml)")
			}
			file := args[0]
			t, err := checklist.LoadFile(file)
			var invalid *checklist.ValidationError
			if err != nil && !errors.As(err, &invalid) {
				return err
			}
			report := templateCheckJSON{File: file, Valid: err == nil, Errors: []checklist.Problem{}}
			if t != nil {
				report.Template, report.Items = t.ID, len(t.Items)
			}
			if invalid != nil {
				report.Errors = invalid.Errors
			}
			switch {
			case e.json:
				if err := writeJSON(e.stdout, report); err != nil {
					return err
				}
			case invalid == nil:
				_, err := fmt.Fprintf(e.stdout, "%s: ok — template ID %q, %d items\n", file, t.ID, len(t.Items))
				return err
			default:
				for _, p := range invalid.Errors {
					fmt.Fprintln(e.stderr, p.Format(file))
				}
			}
			if invalid == nil {
				return nil
			}
			n, plural := len(invalid.Errors), "s"
			if n == 1 {
				plural = ""
			}
			return fmt.Errorf("%s is not a valid checklist template (%d error%s)", file, n, plural)
		}
	},
}
