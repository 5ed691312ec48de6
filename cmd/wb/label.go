package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/store"
)

// labelJSON is the JSON shape of one submission's label in wb label --case.
type labelJSON struct {
	SubmissionID int64  `json:"submission_id"`
	File         string `json:"file"`
	Kind         string `json:"kind"`
	Label        string `json:"label"`
}

var labelCommand = command{
	name: "label",
	args: "[LABEL]",
	summary: "set a submission's confidentiality label (--submission ID LABEL), " +
		"or list the labels of a case's submissions (--case ID)",
	details: `LABEL is public, internal, trade_secret, personal_info or state_secret, or its
name in Chinese or English (商业秘密, "Trade secret"). A label may be raised or
lowered; the search index takes the new label at its next update, and
exports leave out material labelled state_secret unless
--include-state-secret is given.

--json with --submission prints {"submission_id": N, "case_id": N,
"file": "...", "from": "internal", "to": "trade_secret", "changed": true,
"why": "set"}; with --case, [{"submission_id": N, "file": "...",
"kind": "...", "label": "..."}, ...].`,
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		subID := fs.Int64("submission", 0, "the submission `ID` whose label to set (wb import and wb label --case print the ids)")
		caseID := fs.Int64("case", 0, "case `ID`: list its submissions with their labels")
		return func(ctx context.Context, e *env, args []string) error {
			switch {
			case *subID != 0 && *caseID != 0:
				return usagef("give --submission ID LABEL to set a label, or --case ID to list them, not both")
			case *caseID != 0:
				if len(args) > 0 {
					return usagef("unexpected argument %q (to set a label: wb label --submission ID LABEL)", args[0])
				}
				return listLabels(ctx, e, *caseID)
			case *subID == 0:
				return usagef("--submission ID and a LABEL are required (or --case ID to list the labels)")
			case *subID < 0:
				return usagef("--submission must be a submission number")
			case len(args) != 1:
				return usagef("give exactly one LABEL: %s", orList(workbench.Labels))
			}
			if _, err := workbench.ParseLabel(args[0]); err != nil {
				return fmt.Errorf("unknown label %q: use one of %s", args[0], orList(workbench.Labels))
			}
			a, err := openWorkspace(ctx, e, false)
			if err != nil {
				return err
			}
			defer a.Close()
			ch, err := a.SetLabel(ctx, *subID, args[0])
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("submission %d not found in %s (wb label --case ID lists a case's submissions)", *subID, a.Dir())
			}
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, ch)
			}
			if !ch.Changed {
				_, err = fmt.Fprintf(e.stdout, "Submission %d (%s) is already labelled %s; nothing changed\n", ch.SubmissionID, ch.File, ch.To)
				return err
			}
			_, err = fmt.Fprintf(e.stdout, "Submission %d (%s) of case %d: label %s → %s\n", ch.SubmissionID, ch.File, ch.CaseID, ch.From, ch.To)
			return err
		}
	},
}

// listLabels prints the submissions of a case with their labels.
func listLabels(ctx context.Context, e *env, caseID int64) error {
	a, c, err := openCaseFlag(ctx, e, caseID)
	if err != nil {
		return err
	}
	defer a.Close()
	subs, err := a.ListSubmissions(ctx, c.ID)
	if err != nil {
		return err
	}
	if e.json {
		out := make([]labelJSON, len(subs))
		for i, s := range subs {
			out[i] = labelJSON{SubmissionID: s.ID, File: s.FileName, Kind: s.Kind, Label: s.Label}
		}
		return writeJSON(e.stdout, out)
	}
	if len(subs) == 0 {
		_, err := fmt.Fprintf(e.stdout, "Case %d has no submissions\n", c.ID)
		return err
	}
	rows := [][]string{{"SUBMISSION", "LABEL", "KIND", "FILE"}}
	for _, s := range subs {
		rows = append(rows, []string{strconv.FormatInt(s.ID, 10), s.Label, s.Kind, s.FileName})
	}
	return writeTable(e.stdout, rows)
}
