package main

import (
	"context"
	"flag"
	"fmt"
	"github.com/inspection-workbench/workbench"
	"sort"
	"strconv"
	"strings"

	"github.com/inspection-workbench/workbench/app"
)

var exportCommand = command{
	name:    "export",
	summary: "write a case's inspection as an Excel workbook for auditors (personal information masked, state secrets left out, unless asked)",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "case `ID` (required)")
		out := fs.String("out", "", "the workbook `FILE.xlsx` to write (required)")
		lang := fs.String("lang", workbench.ExportLangBoth, "language of sheet names, headers and texts: `zh`, en or both")
		pi := fs.Bool("include-personal-info", false, "leave resident ID, mobile and bank-card numbers and e-mail addresses unmasked")
		secret := fs.Bool("include-state-secret", false, "include files labelled state_secret, the evidence quoted from them and references to their records (left out by default)")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			if *out == "" {
				return usagef("--out FILE.xlsx is required")
			}
			switch *lang {
			case workbench.ExportLangZh, workbench.ExportLangEn, workbench.ExportLangBoth:
			default:
				return usagef("--lang must be zh, en or both, not %q", *lang)
			}
			a, c, err := openCaseFlag(ctx, e, *caseID)
			if err != nil {
				return err
			}
			defer a.Close()
			rep, err := a.Export(ctx, app.ExportRequest{CaseID: c.ID, Path: *out, Lang: *lang, IncludePersonalInfo: *pi, IncludeStateSecret: *secret})
			if err != nil {
				return err
			}
			fmt.Fprintln(e.stderr, confidentialityNotice(rep))
			if e.json {
				return writeJSON(e.stdout, rep)
			}
			evidence, subs := rep.Evidence, rep.Submissions
			left := ""
			if !rep.IncludeStateSecret && (rep.StateSecret.Submissions > 0 || rep.StateSecret.Evidence > 0) {
				evidence -= rep.StateSecret.Evidence
				subs -= rep.StateSecret.Submissions
				left = fmt.Sprintf("; left out as state secret: %s, %s (--include-state-secret includes them)",
					plural(rep.StateSecret.Submissions, "submission", "submissions"), plural(rep.StateSecret.Evidence, "evidence row", "evidence rows"))
			}
			_, err = fmt.Fprintf(e.stdout, "Wrote %s (%d bytes): %s, %s, %s, %s listed%s\n", rep.Path, rep.Size,
				plural(rep.Items, "item", "items"), plural(rep.Findings, "finding", "findings"),
				plural(evidence, "evidence row", "evidence rows"), plural(subs, "submission", "submissions"), left)
			return err
		}
	},
}

// confidentialityNotice says what confidential material the workbook
// carries off the workstation.
func confidentialityNotice(rep app.ExportReport) string {
	var parts []string
	labels := make([]string, 0, len(rep.EvidenceByLabel))
	for l := range rep.EvidenceByLabel {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		if l == string(workbench.StateSecret) && !rep.IncludeStateSecret {
			continue
		}
		if l != "public" {
			parts = append(parts, fmt.Sprintf("%d quoted from %s files", rep.EvidenceByLabel[l], l))
		}
	}
	pi := "personal information masked"
	if rep.IncludePersonalInfo {
		pi = "PERSONAL INFORMATION INCLUDED UNMASKED"
	}
	quotes := "no confidential quotes"
	if len(parts) > 0 {
		quotes = "evidence " + strings.Join(parts, ", ")
	}
	secret := ""
	if rep.StateSecret.Submissions > 0 || rep.StateSecret.Evidence > 0 {
		if rep.IncludeStateSecret {
			secret = "; STATE-SECRET MATERIAL INCLUDED"
		} else {
			secret = "; state-secret material left out"
		}
	}
	return fmt.Sprintf("wb export: CONFIDENTIAL (Art. 19 ¶2): %s holds %s; %s%s. Keep it and pass it on only as your rules allow.", rep.Path, quotes, pi, secret)
}

var importChecklistCommand = command{
	name:    "import-checklist",
	args:    "FILE.xlsx",
	summary: "apply the Checklist sheet of an exported, auditor-edited workbook to the case (all or nothing)",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "case `ID` (required)")
		dryRun := fs.Bool("dry-run", false, "print the changes it would make, change nothing")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) != 1 {
				return usagef("name exactly one workbook FILE.xlsx")
			}
			a, c, err := openCaseFlag(ctx, e, *caseID)
			if err != nil {
				return err
			}
			defer a.Close()
			rep, err := a.ImportChecklist(ctx, c.ID, args[0], *dryRun)
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, rep)
			}
			var b strings.Builder
			for _, ch := range rep.Changes {
				fmt.Fprintf(&b, "%s  %s  %s: %s → %s\n", ch.Cell, ch.Item, ch.Field, quoteOrNone(ch.From), quoteOrNone(ch.To))
			}
			verb := "applied"
			if *dryRun {
				verb = "would apply (dry run, nothing changed)"
			}
			fmt.Fprintf(&b, "%s, sheet %q: %d rows read; %s %s to case %d", args[0], rep.Sheet, rep.Rows, verb,
				plural(len(rep.Changes), "change", "changes"), c.ID)
			if rep.Unmasked > 0 {
				fmt.Fprintf(&b, " (%s left as stored: the masked export of the stored text)", plural(rep.Unmasked, "masked cell", "masked cells"))
			}
			b.WriteString("\n")
			_, err = fmt.Fprint(e.stdout, b.String())
			return err
		}
	},
}

// quoteOrNone quotes a value for a change line, "—" when empty.
func quoteOrNone(s string) string {
	if s == "" {
		return "—"
	}
	return strconv.Quote(app.Clip(s, 80))
}
