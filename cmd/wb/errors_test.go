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
