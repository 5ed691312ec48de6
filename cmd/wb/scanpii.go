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
	summary: "count the personal information (resident ID, mobile, e-mail, bank card) in each submission of a case, where it stands, " +
		"values masked; raises labels to personal_info",
	details: scanPIIDetails,
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

// scanPIIDetails is what wb scan-pii --help says beyond the summary.
const scanPIIDetails = `
Every field of every record and every passage is read, a page at a time.
What counts is what an export masks: PRC resident ID numbers (18
characters, valid birth date and ISO 7064 MOD 11-2 check digit, X or x),
mainland mobile numbers (11 digits starting 13-19, also 3-4-4 and after
+86 or 86-), e-mail addresses, and bank-card numbers (13-19 digits, Luhn,
also in groups of 4). Digits inside a longer run of digits or glued to
Latin letters never count. The result is stored with each submission and
shown on the case's Overview in the GUI.

--json prints one object:
  {"case_id": N,
   "submissions": [{"submission_id": N, "file": "...", "kind": "...",
     "label": "personal_info", "label_before": "internal" (only when this
     scan raised it), "scanned": true, "scanned_at": "RFC 3339",
     "detector": "pii/1",
     "counts": {"resident_id": N, "mobile": N, "email": N, "bank_card": N},
     "total": N,
     "found": [{"type": "mobile", "hit": "rec-12", "ref": "INC-0042",
       "location": "line 13", "field": "description",
       "value": "138****8000"}, ...],
     "truncated": false}, ...],
   "totals": {"resident_id": N, "mobile": N, "email": N, "bank_card": N},
   "raised": N}
"found" lists the first 20 matches of each type per submission, in file
order, values masked; "truncated" says there are more (the counts count
them all). "field" is the record's field or column ("" for a passage).`

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
