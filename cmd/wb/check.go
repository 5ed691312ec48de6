package main

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/inspection-workbench/workbench/app"
)

// checkJSON is the JSON shape of wb check: the issue's
// {"proposals":[{"rule","item","article","result","records":[...]}]},
// extended.
type checkJSON struct {
	CaseID    int64          `json:"case_id"`
	Proposals []app.Proposal `json:"proposals"`
	Added     int            `json:"added"`
	Kept      int            `json:"kept"`
}

var checkCommand = command{
	name:    "check",
	summary: "run the checklist's automated checks over a case's records and show what they propose",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "case `ID` (required)")
		list := fs.Bool("list", false, "show the proposals already made, without running the checks (works on concluded and signed cases)")
		history := fs.Bool("history", false, "with --list: include superseded proposals")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			if *history && !*list {
				return usagef("--history goes with --list")
			}
			a, c, err := openCaseFlag(ctx, e, *caseID)
			if err != nil {
				return err
			}
			defer a.Close()
			var run app.CheckRun
			if *list {
				ps, err := a.Proposals(ctx, c.ID, *history)
				if err != nil {
					return err
				}
				run = app.CheckRun{CaseID: c.ID, Proposals: ps}
			} else if run, err = a.RunChecks(ctx, c.ID); err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, checkJSON{CaseID: run.CaseID, Proposals: run.Proposals, Added: run.Added, Kept: run.Kept})
			}
			return writeProposals(e, c.ID, run, *list)
		}
	},
}

// writeProposals prints proposals for people: one block per proposal, the
// records behind it underneath.
func writeProposals(e *env, caseID int64, run app.CheckRun, listed bool) error {
	var b strings.Builder
	counts := map[string]int{}
	pending := 0
	for _, p := range run.Proposals {
		if !p.Superseded {
			counts[p.Result]++
		}
		if p.Decision == app.DecisionPending && !p.Superseded {
			pending++
		}
		decision := p.Decision
		switch {
		case p.Superseded:
			decision = "superseded"
		case p.Decision == app.DecisionOverridden:
			decision = fmt.Sprintf("overridden → %s: %s", p.DecidedResult, p.Reason)
		}
		fmt.Fprintf(&b, "%s  %s  %s  [%s]  @%s\n  %s\n", p.Key(), p.Article, p.Result, decision, p.Digest[:min(8, len(p.Digest))], p.Summary.En)
		fmt.Fprintf(&b, "  checked %d, problems %d, unclear %d\n", p.Checked, p.Problems, p.Unclear)
		for _, pr := range p.Params {
			fmt.Fprintf(&b, "  %s = %s — %s\n", pr.Name, pr.ValueText(), pr.Source.En)
		}
		const shown = 20
		for i, r := range p.Records {
			if i == shown {
				fmt.Fprintf(&b, "    … %d more (wb check --json lists them all)\n", len(p.Records)-shown)
				break
			}
			name := r.ID
			if name == "" {
				name = r.Hit
			}
			what := r.Problem.En
			if r.Unclear {
				what = "unclear: " + what
			}
			fmt.Fprintf(&b, "    %s  %s %s  (%s): %s\n", name, r.File, r.Location, r.Hit, what)
		}
	}
	var parts []string
	for _, r := range []string{"non_compliant", "info_requested", "compliant", "not_applicable"} {
		if counts[r] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[r], r))
		}
	}
	verb := "propose"
	if listed {
		verb = "proposed"
	}
	fmt.Fprintf(&b, "\nCase %d: the automated checks %s %s", caseID, verb, strings.Join(parts, ", "))
	if !listed {
		fmt.Fprintf(&b, " (%d new or changed, %d as before)", run.Added, run.Kept)
	}
	fmt.Fprintf(&b, "; %d awaiting a decision.\n", pending)
	if pending > 0 {
		fmt.Fprintf(&b, "Accept with: wb check accept --case %d ITEM[/RULE[@DIGEST]]; decide otherwise with: wb check override --case %d ITEM[/RULE[@DIGEST]] --result R --reason T\n", caseID, caseID)
	}
	_, err := fmt.Fprint(e.stdout, b.String())
	return err
}

var checkAcceptCommand = command{
	name:    "check accept",
	args:    "ITEM[/RULE[@DIGEST]]...",
	summary: "accept automated-check proposals (all or none): the item takes the proposed result, the records behind it become evidence",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "case `ID` (required)")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) == 0 {
				return usagef("name at least one proposal: ITEM (all its pending proposals) or ITEM/RULE (wb check --list shows them)")
			}
			a, c, err := openCaseFlag(ctx, e, *caseID)
			if err != nil {
				return err
			}
			defer a.Close()
			out, err := a.AcceptProposals(ctx, c.ID, args...)
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, out)
			}
			var b strings.Builder
			for _, st := range out {
				fmt.Fprintf(&b, "Case %d, %s: accepted; result %s, %s\n", c.ID, st.ID, st.Result, plural(st.Evidence, "evidence link", "evidence links"))
			}
			_, err = fmt.Fprint(e.stdout, b.String())
			return err
		}
	},
}

// plural writes a count with the right form of its noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

var checkOverrideCommand = command{
	name:    "check override",
	args:    "ITEM[/RULE[@DIGEST]]",
	summary: "decide otherwise than an automated-check proposal, with the reason",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "case `ID` (required)")
		result := fs.String("result", "", "the `RESULT` you decide on: "+strings.Join(app.Results[1:], ", ")+" (required)")
		reason := fs.String("reason", "", "why the proposal is wrong or incomplete, in `TEXT` (required)")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) != 1 {
				return usagef("name exactly one proposal: ITEM or ITEM/RULE (wb check --list shows them)")
			}
			if *result == "" {
				return usagef("--result is required")
			}
			if strings.TrimSpace(*reason) == "" {
				return usagef("--reason is required: say why the proposal is wrong or incomplete")
			}
			a, c, err := openCaseFlag(ctx, e, *caseID)
			if err != nil {
				return err
			}
			defer a.Close()
			st, err := a.OverrideProposal(ctx, c.ID, args[0], *result, *reason)
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, st)
			}
			_, err = fmt.Fprintf(e.stdout, "Case %d, %s: overridden; result %s\n", c.ID, args[0], st.Result)
			return err
		}
	},
}

// lifecycleJSON is the JSON shape of wb inspect conclude and reopen.
type lifecycleJSON struct {
	CaseID int64  `json:"case_id"`
	Status string `json:"status"`
}

// caseCommand builds a command that takes --case and no arguments: it
// opens the workspace and the case, hands them to run and closes them.
func caseCommand(name, summary string, run func(context.Context, *env, *app.App, workbench.Case) error) command {
	return command{
		name:    name,
		summary: summary,
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
				return run(ctx, e, a, c)
			}
		},
	}
}

// lifecycleCommand builds wb inspect conclude / reopen.
func lifecycleCommand(name, summary, status string, do func(*app.App, context.Context, int64) error) command {
	return caseCommand(name, summary, func(ctx context.Context, e *env, a *app.App, c workbench.Case) error {
		if err := do(a, ctx, c.ID); err != nil {
			return err
		}
		if e.json {
			return writeJSON(e.stdout, lifecycleJSON{CaseID: c.ID, Status: status})
		}
		_, err := fmt.Fprintf(e.stdout, "Case %d's inspection is now %s\n", c.ID, status)
		return err
	})
}

var inspectConcludeCommand = lifecycleCommand("inspect conclude",
	"conclude a case's inspection: every item assessed, every proposal decided, every finding written",
	"concluded", (*app.App).ConcludeInspection)

var inspectReopenCommand = lifecycleCommand("inspect reopen",
	"open a concluded (not signed) inspection again for changes",
	"open", (*app.App).ReopenInspection)
