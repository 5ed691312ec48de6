package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
)

var scanPIICommand = command{
	name: "scan-pii",
	summary: "count the resident ID, mobile, e-mail and bank-card numbers in each submission of a case, with where they stand (values masked); " +
		"a submission where any is found is labelled at least personal_info",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "case `ID` (required)")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			a, c, err := openCaseFlag(ctx, e, *caseID)
			if err != nil {
				return err
			}
			defer a.Close()
			start := time.Now()
			last := start
			rep, err := a.ScanPII(ctx, c.ID, func(p app.PIIProgress) {
				if time.Since(last) >= 3*time.Second && p.Total > 0 {
					last = time.Now()
					fmt.Fprintf(e.stderr, "scan-pii: %d of %d records and passages (%d%%), %s\n", p.Done, p.Total, p.Done*100/p.Total, p.File)
				}
			})
			if errors.Is(err, context.Canceled) {
				return fmt.Errorf("scan interrupted after %s; the submissions scanned so far are recorded", plural(len(rep.Submissions), "submission", "submissions"))
			}
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, rep)
			}
			return printPIIReport(e, rep)
		}
	},
}

// printPIIReport prints a scan: a line of counts per submission, then where
// the first matches stand.
func printPIIReport(e *env, rep app.PIIReport) error {
	var b strings.Builder
	if len(rep.Submissions) == 0 {
		fmt.Fprintf(&b, "Case %d has no submissions to scan\n", rep.CaseID)
		_, err := fmt.Fprint(e.stdout, b.String())
		return err
	}
	rows := [][]string{{"SUBMISSION", "FILE", "LABEL", "RESIDENT ID", "MOBILE", "E-MAIL", "BANK CARD"}}
	for _, s := range rep.Submissions {
		label := s.Label
		if s.LabelBefore != "" {
			label = s.LabelBefore + " → " + s.Label
		}
		row := []string{fmt.Sprint(s.SubmissionID), s.File, label}
		for _, t := range workbench.PIITypes {
			row = append(row, fmt.Sprint(s.Counts[t]))
		}
		rows = append(rows, row)
	}
	if err := writeTable(&b, rows); err != nil {
		return err
	}
	for _, s := range rep.Submissions {
		if len(s.Found) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s (submission %d):\n", s.File, s.SubmissionID)
		for _, f := range s.Found {
			where := f.Location
			if f.Field != "" {
				where += ", " + f.Field
			}
			ref := f.Hit
			if f.Ref != "" {
				ref = f.Ref + " (" + f.Hit + ")"
			}
			fmt.Fprintf(&b, "  %-11s  %s  %s  %s\n", f.Type, ref, where, f.Value)
		}
		if s.Truncated {
			fmt.Fprintf(&b, "  … the first %d of each type are listed; the counts above count them all\n", app.MaxPIIFound)
		}
	}
	total := 0
	for _, n := range rep.Totals {
		total += n
	}
	fmt.Fprintf(&b, "\nCase %d: %s found in the %s scanned", rep.CaseID, plural(total, "piece of personal information", "pieces of personal information"),
		plural(len(rep.Submissions), "submission", "submissions"))
	if rep.Raised > 0 {
		fmt.Fprintf(&b, "; %s raised to personal_info", plural(rep.Raised, "label", "labels"))
	}
	b.WriteString(" (values masked as in an export)\n")
	_, err := fmt.Fprint(e.stdout, b.String())
	return err
}
