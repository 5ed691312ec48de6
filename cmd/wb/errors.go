package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/importers"
)

// exitStatus maps an error code to wb's exit status. Every error that is
// not a usage error exits 1 (nothing written); the codes are kept apart
// here so that a new code gets its status in one place.
func exitStatus(code workbench.Code) int {
	switch code {
	case "":
		return exitOK
	case workbench.CodeInvalid, workbench.CodeNotFound, workbench.CodeConflict,
		workbench.CodeInUse, workbench.CodeUnsupported, workbench.CodeInternal:
		return exitError
	}
	return exitError
}

// cliMessage words err for the command line: its English text and, where
// the reason calls for it, the CLI's own advice — the flag to use, the
// command to run, the document to read. The GUI words the same reasons
// without any of it.
func cliMessage(err error) string {
	return err.Error() + cliHint(err)
}

// cliHint is the command-line advice for err, "" when there is none.
func cliHint(err error) string {
	if errors.Is(err, importers.ErrNoHeader) {
		return "; docs/submission-formats.md lists the headers accepted"
	}
	var fe *app.FieldError
	if errors.As(err, &fe) && fe.Problem == app.ProblemEmpty {
		switch fe.Field {
		case app.FieldReason:
			return " (--reason)"
		case app.FieldOut:
			return " (--out FILE.xlsx)"
		}
	}
	we := workbench.ErrorReason(err)
	if we == nil {
		return ""
	}
	switch we.Reason {
	case workbench.ReasonKindUndetected, workbench.ReasonDocumentKind:
		return "; name it with --kind"
	case workbench.ReasonKindAmbiguous:
		return "; name one with --kind"
	case workbench.ReasonUnknownKind:
		return " (--kind)"
	case workbench.ReasonUnknownLabel:
		return " (--label)"
	case workbench.ReasonLegacyFormat:
		if doc, _ := we.Args["Document"].(bool); doc {
			return " (with --kind)"
		}
	case workbench.ReasonNoInspection:
		return fmt.Sprintf("; start one with wb inspect start --case %v", we.Args["Case"])
	case workbench.ReasonNoProposals:
		return fmt.Sprintf(" (wb check --case %v)", we.Args["Case"])
	case workbench.ReasonNoSuchProposal:
		return "; wb check --list shows the proposals"
	case workbench.ReasonNotCited:
		return "; wb inspect evidence lists what it cites"
	case workbench.ReasonProposalChanged:
		return " (wb check --list)"
	case workbench.ReasonNotConcluded:
		return fmt.Sprintf(" (wb inspect conclude --case %v)", we.Args["Case"])
	case workbench.ReasonCaseConcluded:
		return fmt.Sprintf(" (wb inspect reopen --case %v)", we.Args["Case"])
	}
	return ""
}

// warningMessage words an import warning for the command line: its
// English message, worded by the importer from the warning's reason (or,
// for a warning without one, as it was stored), and the CLI's advice
// where the reason calls for it. The GUI words the same reasons in the
// user's language without it.
func warningMessage(w workbench.Warning) string {
	msg := w.Message
	if msg == "" {
		msg = workbench.Format(workbench.EnglishOf(w.Reason), w.Args)
	}
	return msg + warningHint(w)
}

// warningHint is the command-line advice for a warning, "" when there is
// none.
func warningHint(w workbench.Warning) string {
	switch w.Reason {
	case workbench.ReasonSheetNoHeader:
		return "; docs/submission-formats.md lists the headers accepted"
	case workbench.ReasonTermsUnknown, workbench.ReasonValuesUnknown:
		return "; docs/submission-formats.md lists the values each field accepts"
	case workbench.ReasonRowSkipped:
		return " (--keep-notes imports it as a record)"
	case workbench.ReasonFieldsUnmapped:
		return "; if the file is another kind, import it again with --kind; else rename those columns to headers docs/submission-formats.md lists"
	case workbench.ReasonNotApplicable:
		return "; docs/submission-formats.md says how yes/no answers are read"
	}
	return ""
}

// orList words the codes of a vocabulary list for flag help: "a, b or c".
func orList[T ~string](list []T) string {
	s := workbench.Strings(list)
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// reportError is a failed file's error as the CLI words it.
func reportError(r app.FileReport) string {
	if r.Err != nil {
		return cliMessage(r.Err)
	}
	return r.Error
}
