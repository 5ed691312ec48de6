package main

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/importers"
)

// TestExitStatusOfEveryCode keeps the exit-status contract: 0 for no
// error, 1 for every error code (usage errors, 2, are decided before).
func TestExitStatusOfEveryCode(t *testing.T) {
	if exitStatus("") != exitOK {
		t.Error("no error must exit 0")
	}
	for _, c := range workbench.ErrorCodes {
		if got := exitStatus(c); got != exitError {
			t.Errorf("code %s: exit %d, want %d", c, got, exitError)
		}
	}
}

// TestCLIHints checks that the CLI, not the app, adds its flags, commands
// and documents to the reasons that call for them.
func TestCLIHints(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("%w: %w", importers.ErrKind, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonKindUndetected, "Headers", `"a", "b"`)), "name it with --kind"},
		{workbench.Errorf(workbench.CodeInvalid, workbench.ReasonKindAmbiguous, "Kinds", []string{"data_source", "incident"}), "name one with --kind"},
		{workbench.Errorf(workbench.CodeInvalid, workbench.ReasonDocumentKind), "--kind"},
		{fmt.Errorf("%w: the first rows hold nothing", importers.ErrNoHeader), "docs/submission-formats.md"},
		{&app.NoInspectionError{CaseID: 4}, "wb inspect start --case 4"},
		{workbench.Errorf(workbench.CodeConflict, workbench.ReasonNotConcluded, "Case", 4, "Status", "open"), "wb inspect conclude --case 4"},
		{workbench.Errorf(workbench.CodeConflict, workbench.ReasonCaseConcluded, "Case", 4), "wb inspect reopen --case 4"},
		{&app.FieldError{Field: app.FieldReason, Problem: app.ProblemEmpty, Err: errors.New("give the reason")}, "--reason"},
	} {
		msg := cliMessage(tc.err)
		if !strings.Contains(msg, tc.want) || !strings.HasPrefix(msg, tc.err.Error()) {
			t.Errorf("cliMessage(%v) = %q, want the error and %q", tc.err, msg, tc.want)
		}
		if strings.Contains(tc.err.Error(), tc.want) {
			t.Errorf("%q: the hint is already in the error, which the GUI shows too", tc.err)
		}
	}
}

// TestWarningMessages words every import warning's reason in English for
// the command line, each choice of its wording too: the importer's
// message, or for a warning stored without one the reason's English with
// its arguments, and the CLI's own advice where it has some.
func TestWarningMessages(t *testing.T) {
	for _, r := range workbench.WarningReasons {
		args := map[string]any{}
		for _, name := range workbench.ReasonArgs(r) {
			args[name] = "7"
		}
		if c, ok := workbench.ReasonChoice(r); ok {
			args[c.Arg] = c.Values[0]
		}
		msg := warningMessage(workbench.Warning{Location: "line 3", Reason: r, Args: args})
		if msg == "" || strings.Contains(msg, "{{") || msg == string(r) {
			t.Errorf("%s: %q", r, msg)
		}
	}
	w := workbench.Warning{Location: "line 9", Message: `left out as a total, not a record: 合计 12`, Reason: workbench.ReasonRowSkipped,
		Args: map[string]any{"Why": "total", "Text": "合计 12"}}
	if got := warningMessage(w); got != `left out as a total, not a record: 合计 12 (--keep-notes imports it as a record)` {
		t.Errorf("row left out: %q", got)
	}
	if got := warningMessage(workbench.Warning{Location: "page 2", Message: "an old warning"}); got != "an old warning" {
		t.Errorf("warning without a reason: %q", got)
	}
}
