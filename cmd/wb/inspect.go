package main

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench/app"
)

// openCaseFlag opens the workspace and reads the case the required --case
// flag names; the caller closes the App.
func openCaseFlag(ctx context.Context, e *env, id int64) (*app.App, workbench.Case, error) {
	if id == 0 {
		return nil, workbench.Case{}, usagef("--case ID is required")
	}
	if id < 0 {
		return nil, workbench.Case{}, usagef("--case must be a case number")
	}
	return openCase(ctx, e, strconv.FormatInt(id, 10))
}

// inspectStartJSON is the JSON shape of wb inspect start and wb inspect
// add-template: the first template's id and version, the items of all
// the inspection's templates, and each template.
type inspectStartJSON struct {
	CaseID    int64                 `json:"case_id"`
	Template  string                `json:"template"`
	Version   string                `json:"version"`
	Items     int                   `json:"items"`
	Templates []inspectTemplateJSON `json:"templates"`
}

// inspectTemplateJSON is one template of an inspection.
type inspectTemplateJSON struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	Items   int    `json:"items"`
}

func startJSON(in app.Inspection) inspectStartJSON {
	out := inspectStartJSON{CaseID: in.CaseID, Template: in.Template, Version: in.Version, Items: in.Items, Templates: []inspectTemplateJSON{}}
	for _, t := range in.Templates {
		out.Templates = append(out.Templates, inspectTemplateJSON{ID: t.ID, Version: t.Version, Items: t.Items})
	}
	return out
}

// templateList names an inspection's templates with their item counts:
// "art19-measures-2023 (32 items), gb45654-2025 (10 items)".
func templateList(in app.Inspection) string {
	parts := make([]string, len(in.Templates))
	for i, t := range in.Templates {
		parts[i] = fmt.Sprintf("%s (%d items)", t.ID, t.Items)
	}
	return strings.Join(parts, ", ")
}

var inspectStartCommand = command{
	name:    "inspect start",
	summary: "start the checklist inspection of a case",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "case `ID` (required)")
		var templates stringList
		fs.Var(&templates, "template", "checklist template: a built-in template `ID` or a template FILE (default: the case's template); repeat to hold several in one inspection")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			a, c, err := openCaseFlag(ctx, e, *caseID)
			if err != nil {
				return err
			}
			defer a.Close()
			in, err := a.StartInspection(ctx, c.ID, templates...)
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, startJSON(in))
			}
			if len(in.Templates) > 1 {
				_, err = fmt.Fprintf(e.stdout, "Started inspection of case %d with templates %s: %d items\n", in.CaseID, templateList(in), in.Items)
				return err
			}
			_, err = fmt.Fprintf(e.stdout, "Started inspection of case %d with template %s (%d items)\n", in.CaseID, in.Template, in.Items)
			return err
		}
	},
}

var inspectAddTemplateCommand = command{
	name:    "inspect add-template",
	summary: "add a checklist template to a case's open inspection",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "case `ID` (required)")
		template := fs.String("template", "", "checklist template to add: a built-in template `ID` or a template FILE (required)")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			if strings.TrimSpace(*template) == "" {
				return usagef("--template is required (a built-in template id, such as gb45654-2025, or a template file)")
			}
			a, c, err := openCaseFlag(ctx, e, *caseID)
			if err != nil {
				return err
			}
			defer a.Close()
			in, err := a.AddInspectionTemplate(ctx, c.ID, *template)
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, startJSON(in))
			}
			added := in.Templates[len(in.Templates)-1]
			_, err = fmt.Fprintf(e.stdout, "Added template %s (%d items, named %s:ITEM) to the inspection of case %d, which now holds %s: %d items\n",
				added.ID, added.Items, added.ID, in.CaseID, templateList(in), in.Items)
			return err
		}
	},
}

var assessCommand = command{
	name:    "assess",
	args:    "ITEM",
	summary: "record a checklist item's result, severity, note, finding, deadline and evidence",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "case `ID` (required)")
		result := fs.String("result", "", "`RESULT`: "+strings.Join(app.Results, ", ")+" (required unless another change is given)")
		var severity, note, finding, deadline optionalString
		var evidence, remove stringList
		fs.Var(&severity, "severity", "`SEVERITY`: "+strings.Join(app.Severities, ", ")+" (empty clears it)")
		fs.Var(&note, "note", "the inspector's note `TEXT` (replaces the recorded one)")
		fs.Var(&finding, "finding", "the finding `TEXT` to put to the provider (replaces the recorded one)")
		fs.Var(&deadline, "deadline", "deadline for the provider, `YYYY-MM-DD` (empty clears it)")
		fs.Var(&evidence, "evidence", "evidence `REF`: a search-hit id (rec-12, psg-7) or the provider's record identifier (INC-0042); repeat for more")
		fs.Var(&remove, "remove-evidence", "remove the item's evidence `REF` (its hit id or the reference as cited); repeat for more")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) != 1 {
				return usagef("name exactly one checklist ITEM (wb inspect status lists them)")
			}
			changes := severity.v != nil || note.v != nil || finding.v != nil || deadline.v != nil || len(evidence) > 0 || len(remove) > 0
			if *result == "" && !changes {
				return usagef("--result is required (one of %s)", strings.Join(app.Results, ", "))
			}
			a, c, err := openCaseFlag(ctx, e, *caseID)
			if err != nil {
				return err
			}
			defer a.Close()
			st, err := a.Assess(ctx, app.AssessInput{CaseID: c.ID, ItemID: args[0], Result: *result,
				Severity: severity.v, Note: note.v, Finding: finding.v, Deadline: deadline.v, Evidence: evidence, RemoveEvidence: remove})
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, st)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "Case %d, %s: %s", c.ID, st.ID, st.Result)
			if st.Severity != "" {
				fmt.Fprintf(&b, " (%s)", st.Severity)
			}
			if st.Deadline != "" {
				fmt.Fprintf(&b, ", deadline %s", st.Deadline)
			}
			links := "evidence links"
			if st.Evidence == 1 {
				links = "evidence link"
			}
			fmt.Fprintf(&b, ", %d %s", st.Evidence, links)
			_, err = fmt.Fprintln(e.stdout, b.String())
			return err
		}
	},
}

// inspectStatusJSON is the JSON shape of wb inspect status.
type inspectStatusJSON struct {
	Items     []app.ItemStatus      `json:"items"`
	Totals    map[string]int        `json:"totals"`
	Templates []inspectTemplateJSON `json:"templates"`
}

var inspectStatusCommand = caseCommand("inspect status",
	"show each checklist item's result, severity and evidence count, and totals by result",
	func(ctx context.Context, e *env, a *app.App, c workbench.Case) error {
		st, err := a.InspectionStatus(ctx, c.ID)
		if err != nil {
			return err
		}
		if e.json {
			out := inspectStatusJSON{Items: st.Items, Totals: st.Totals, Templates: []inspectTemplateJSON{}}
			for _, t := range st.Templates {
				out.Templates = append(out.Templates, inspectTemplateJSON{ID: t.ID, Version: t.Version, Items: t.Items})
			}
			return writeJSON(e.stdout, out)
		}
		rows := [][]string{{"ITEM", "RESULT", "SEVERITY", "EVIDENCE", "PROPOSAL", "TITLE"}}
		for _, it := range st.Items {
			sev := it.Severity
			if sev == "" {
				sev = "—"
			}
			proposal := "—"
			if p := it.Proposal; p != nil {
				proposal = p.Result + " (" + p.Decision + ")"
			}
			rows = append(rows, []string{it.ID, it.Result, sev, strconv.Itoa(it.Evidence), proposal, it.Title.En})
		}
		if err := writeTable(e.stdout, rows); err != nil {
			return err
		}
		var parts []string
		for _, r := range app.Results {
			if n := st.Totals[r]; n > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n, r))
			}
		}
		if len(st.Templates) > 1 {
			var ts []string
			for _, t := range st.Templates {
				ts = append(ts, fmt.Sprintf("%s (version %s, %d items)", t.ID, t.Version, t.Items))
			}
			_, err = fmt.Fprintf(e.stdout, "\nCase %d (%s), templates %s: %d items: %s\n", c.ID, st.CaseStatus, strings.Join(ts, ", "),
				len(st.Items), strings.Join(parts, ", "))
			return err
		}
		_, err = fmt.Fprintf(e.stdout, "\nCase %d (%s), template %s (version %s): %d items: %s\n", c.ID, st.CaseStatus, st.Template, st.Version,
			len(st.Items), strings.Join(parts, ", "))
		return err
	})

// evidenceJSON is one evidence link in wb inspect evidence --json.
type evidenceJSON struct {
	Item     string `json:"item"`
	Ref      string `json:"ref"`
	Target   string `json:"target"`
	File     string `json:"file"`
	Kind     string `json:"kind"`
	Label    string `json:"label"` // of the file quoted, "" once it is gone
	SHA256   string `json:"sha256"`
	Location string `json:"location"`
	Quote    string `json:"quote"`
	AddedAt  string `json:"added_at"`
}

var inspectEvidenceCommand = command{
	name:    "inspect evidence",
	args:    "ITEM",
	summary: "list the evidence cited for a checklist item, with the quoted text",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "case `ID` (required)")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) != 1 {
				return usagef("name exactly one checklist ITEM (wb inspect status lists them)")
			}
			a, c, err := openCaseFlag(ctx, e, *caseID)
			if err != nil {
				return err
			}
			defer a.Close()
			evs, err := a.ItemEvidence(ctx, c.ID, args[0])
			if err != nil {
				return err
			}
			if e.json {
				out := make([]evidenceJSON, len(evs))
				for i, ev := range evs {
					out[i] = evidenceJSON{Item: ev.ItemID, Ref: ev.Ref, Target: ev.Target, File: ev.FileName, Kind: ev.Kind, Label: ev.Label, SHA256: ev.SHA256,
						Location: ev.Location, Quote: ev.Quote, AddedAt: ev.AddedAt.UTC().Format(time.RFC3339)}
				}
				return writeJSON(e.stdout, out)
			}
			var b strings.Builder
			for _, ev := range evs {
				ref := ev.Target
				if ev.Ref != ev.Target {
					ref = ev.Ref + " (" + ev.Target + ")"
				}
				label := ev.Label
				if label == "" {
					label = "file gone"
				}
				fmt.Fprintf(&b, "%s  %s %s  [%s]  sha256 %s…\n    %s\n", ref, ev.FileName, ev.Location, label, ev.SHA256[:min(12, len(ev.SHA256))],
					app.Clip(strings.Join(strings.Fields(ev.Quote), " "), 160))
			}
			fmt.Fprintf(&b, "%s: %s\n", args[0], plural(len(evs), "evidence link", "evidence links"))
			_, err = fmt.Fprint(e.stdout, b.String())
			return err
		}
	},
}
