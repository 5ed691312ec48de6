package ui

import (
	"errors"
	"regexp"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
)

// errorText words err for the user in the current language: problems with
// a field, credit codes and conflicts in their own words, every reason
// the workbench classifies (see workbench.Error) by reasonText. Only an
// error nothing classifies — a disk that is full, a bug — keeps its
// English text.
func errorText(err error) string {
	var fe *app.FieldError
	var ce *app.CreditCodeError
	var conflict *workbench.ConflictError
	switch {
	case errors.As(err, &ce):
		return creditCodeText(ce)
	case errors.As(err, &fe) && caseFormField(fe.Field):
		return fieldErrorText(fe)
	case errors.As(err, &fe):
		if we := workbench.ErrorReason(fe.Err); we != nil {
			return reasonText(we)
		}
		if !chinese() {
			// In English the explanation, with the file, item or cell it
			// names, stands as it is.
			return fe.Error()
		}
		return lang.L("{{.Field}}: {{.Problem}}", map[string]any{"Field": fieldName(fe.Field), "Problem": fieldErrorText(fe)})
	case errors.As(err, &conflict):
		return conflictText(conflict)
	}
	if we := workbench.ErrorReason(err); we != nil {
		return reasonText(we)
	}
	switch app.ErrorCode(err) {
	case workbench.CodeInUse:
		return lang.L("The workspace is open in another Inspection Workbench window or command. Close it there first.")
	case workbench.CodeNotFound:
		return lang.L("Not found: {{.Detail}}", map[string]any{"Detail": err.Error()})
	}
	return err.Error()
}

// caseFormField reports whether field is one of the New-case form's, whose
// problems are shown next to the field in the user's language.
func caseFormField(field string) bool {
	switch field {
	case app.FieldProvider, app.FieldCreditCode, app.FieldService, app.FieldFilingNo, app.FieldTitle,
		app.FieldInspector, app.FieldModality, app.FieldOpenedOn:
		return true
	}
	return false
}

// fieldErrorText words a problem with one input field.
func fieldErrorText(fe *app.FieldError) string {
	switch fe.Problem {
	case app.ProblemEmpty:
		return lang.L("Required")
	case app.ProblemTooLong:
		return lang.L("Too long: at most {{.Max}} characters", map[string]any{"Max": app.MaxNameLen})
	case app.ProblemControl:
		return lang.L("Must be one line without control characters")
	case app.ProblemDuplicate:
		return lang.L("Named twice")
	case app.ProblemFormat:
		if we := workbench.ErrorReason(fe.Err); we != nil {
			return reasonText(we)
		}
		if fe.Field == app.FieldOpenedOn {
			return lang.L("Write the date as YYYY-MM-DD")
		}
		return lang.L("Not a valid value")
	case app.ProblemCreditCode:
		var ce *app.CreditCodeError
		if errors.As(fe.Err, &ce) {
			return creditCodeText(ce)
		}
	}
	return fe.Error()
}

// creditCodeText words a credit-code problem.
func creditCodeText(ce *app.CreditCodeError) string {
	switch ce.Reason {
	case app.CreditCodeEmpty:
		return lang.L("Required")
	case app.CreditCodeLength:
		return lang.L("A unified social credit code has 18 characters; this has {{.N}}", map[string]any{"N": len([]rune(ce.Code))})
	case app.CreditCodeCharacter:
		return lang.L("Character {{.Pos}} is not allowed: use digits and capital letters except I, O, Z, S, V", map[string]any{"Pos": ce.Position})
	case app.CreditCodeRegion:
		return lang.L("Characters 3–8 must be the six-digit administrative division code")
	case app.CreditCodeCheckDigit:
		return lang.L("Check character does not match (GB 32100-2015): expected {{.Want}}", map[string]any{"Want": string(ce.Want)})
	}
	return ce.Error()
}

// conflictText words input that contradicts what the workspace records.
func conflictText(c *workbench.ConflictError) string {
	data := map[string]any{"Name": c.Name, "Recorded": c.Recorded, "Given": c.Given}
	switch c.What {
	case workbench.ConflictCodeTaken:
		return lang.L("Credit code {{.Given}} is already recorded for the provider “{{.Name}}”.", data)
	case workbench.ConflictProviderCode:
		return lang.L("The provider “{{.Name}}” is already recorded with credit code {{.Recorded}}, not {{.Given}}.", data)
	case workbench.ConflictFilingNo:
		return lang.L("The service “{{.Name}}” is already recorded with filing number {{.Recorded}}, not {{.Given}}.", data)
	}
	return c.Error()
}

// reasonText words a classified error's reason in the GUI's language,
// with its arguments — lists, kinds, states — worded in it too. It never
// shows command-line advice or our documentation's file names.
func reasonText(we *workbench.Error) string {
	a := reasonData(we)
	switch we.Reason {
	case workbench.ReasonUnknownKind:
		return lang.L("Unknown kind “{{.Value}}”: use one of {{.Valid}}", a)
	case workbench.ReasonUnknownLabel:
		return lang.L("Unknown confidentiality label “{{.Value}}”: use one of {{.Valid}}", a)
	case workbench.ReasonUnknownResult:
		return lang.L("Unknown result “{{.Value}}”: use one of {{.Valid}}", a)
	case workbench.ReasonUnknownSeverity:
		return lang.L("Unknown severity “{{.Value}}”: use one of {{.Valid}}", a)
	case workbench.ReasonUnknownModality:
		return lang.L("Unknown modality “{{.Value}}”: use one of {{.Valid}}", a)
	case workbench.ReasonDateFormat:
		return lang.L("“{{.Value}}” is not a date: write it as YYYY-MM-DD", a)
	case workbench.ReasonDateNonexistent:
		return lang.L("{{.Value}} does not exist: the calendar has no such day", a)
	case workbench.ReasonKindUndetected:
		return lang.L("Cannot tell the kind of submission from the headers ({{.Headers}}); choose the kind before importing.", a)
	case workbench.ReasonKindAmbiguous:
		return lang.L("The headers fit several kinds ({{.Kinds}}); choose the kind before importing.", a)
	case workbench.ReasonDocumentKind:
		return lang.L("A document has no header row to tell its kind from; choose the kind before importing.")
	case workbench.ReasonNoHeader:
		if k := workbench.ArgString(we.Args["Kind"]); k != "" {
			return lang.L("No header row found: none of the first {{.Rows}} rows names at least {{.Min}} fields of the kind {{.Kind}}.",
				map[string]any{"Rows": a["Rows"], "Min": a["Min"], "Kind": kindName(k)})
		}
		return lang.L("No header row found: none of the first {{.Rows}} rows names at least {{.Min}} fields of any kind of submission.", a)
	case workbench.ReasonLegacyFormat:
		return lang.L("Files in the {{.Format}} format cannot be read; save the file as {{.Save}} and import it again.", a)
	case workbench.ReasonNoInspection:
		return lang.L("Case {{.Case}} has no inspection yet; start one first.", a)
	case workbench.ReasonNotConcluded:
		return lang.L("The inspection of case {{.Case}} is {{.Status}}; conclude it first.", a)
	case workbench.ReasonInspectionClosed:
		return lang.L("The inspection of case {{.Case}} is {{.Status}}; reopen it to change it.", a)
	case workbench.ReasonNoProposals:
		return lang.L("Case {{.Case}} has no proposals yet; run the automated checks first.", a)
	case workbench.ReasonNoSuchProposal:
		return lang.L("Case {{.Case}} has no proposal for “{{.Proposal}}”.", a)
	case workbench.ReasonProposalChanged:
		return lang.L("The proposal {{.Proposal}} has changed since it was shown: a later run of the checks found something else. Look at it again.", a)
	case workbench.ReasonAlreadySigned:
		return lang.L("The inspection of case {{.Case}} is already signed.", a)
	case workbench.ReasonNotCited:
		return lang.L("Item {{.Item}} does not cite {{.Ref}}.", a)
	case workbench.ReasonWorkspaceInUse:
		return lang.L("The workspace is open in another Inspection Workbench window or command. Close it there first.")
	case workbench.ReasonNoWorkspace:
		return lang.L("There is no workspace in {{.Dir}}.", a)
	case workbench.ReasonQueryEmpty:
		return lang.L("There is nothing to search for: the query is empty.")
	}
	if p := warningProblem(we.Reason, we.Args); p != "" {
		return p
	}
	if p := queryProblem(we.Reason, a); p != "" {
		return lang.L("At character {{.Pos}} of the query: {{.Problem}}", map[string]any{"Pos": a["Pos"], "Problem": p})
	}
	return we.Error()
}

// syntaxProblem words what is wrong with a query, without its position, in
// the GUI's language (its English message when it has no reason).
func syntaxProblem(se *workbench.SyntaxError) string {
	if se.Reason == workbench.ReasonQueryEmpty {
		return lang.L("There is nothing to search for: the query is empty.")
	}
	we := &workbench.Error{Code: workbench.CodeInvalid, Reason: se.Reason, Args: se.Args}
	if p := queryProblem(se.Reason, reasonData(we)); p != "" {
		return p
	}
	return se.Msg
}

// queryProblem words a query syntax error's reason, "" for other reasons.
func queryProblem(r workbench.Reason, a map[string]any) string {
	switch r {
	case workbench.ReasonQueryOnlyExcludes:
		return lang.L("there is nothing to search for, only words to exclude; add a word, a phrase or a filter")
	case workbench.ReasonQueryOrLeft:
		return lang.L("OR has nothing on its left")
	case workbench.ReasonQueryOrRight:
		return lang.L("OR has nothing on its right")
	case workbench.ReasonQueryOrExclusion:
		return lang.L("OR cannot join an exclusion (-…)")
	case workbench.ReasonQueryDanglingMinus:
		return lang.L("“-” must be followed by a word or phrase to exclude")
	case workbench.ReasonQueryEmptyPhrase:
		return lang.L("the phrase in quotes is empty")
	case workbench.ReasonQueryUnterminated:
		return lang.L("the quote opened here is not closed")
	case workbench.ReasonQueryUnknownField:
		return lang.L("unknown field “{{.Field}}” (the fields are {{.Known}})", a)
	case workbench.ReasonQueryNoFields:
		return lang.L("unknown field “{{.Field}}”", a)
	case workbench.ReasonQueryEmptyValue:
		return lang.L("the field “{{.Field}}” has no value", a)
	case workbench.ReasonQueryUnknownValue:
		return lang.L("“{{.Value}}” is not a valid {{.Field}}: use one of {{.Valid}}", a)
	case workbench.ReasonQueryBadDate:
		return lang.L("“{{.Value}}” in the field “{{.Field}}” is not a date: write YYYY-MM-DD, e.g. {{.Field}}:2024-01-01..2024-03-31", a)
	case workbench.ReasonQueryNoSuchDate:
		return lang.L("{{.Value}} in the field “{{.Field}}” does not exist: the calendar has no such day", a)
	case workbench.ReasonQueryRangeEmpty:
		return lang.L("the date range of the field “{{.Field}}” needs at least one date", a)
	case workbench.ReasonQueryRangeReversed:
		return lang.L("the date range “{{.Value}}” of the field “{{.Field}}” ends before it starts", a)
	case workbench.ReasonQueryUnsupportedFld:
		return lang.L("the field “{{.Field}}” cannot be searched", a)
	}
	return ""
}

// reasonData are a reason's arguments worded for the GUI: lists of codes
// by their names in the GUI's language, a case state by its name, a file
// format by its extension.
func reasonData(we *workbench.Error) map[string]any {
	a := make(map[string]any, len(we.Args))
	for k, v := range we.Args {
		a[k] = workbench.ArgString(v)
	}
	sep := lang.L(", ")
	list := func(codes []string, name func(string) string) string {
		out := make([]string, len(codes))
		for i, c := range codes {
			if n := name(c); n != c {
				out[i] = n + " (" + c + ")"
				if chinese() {
					out[i] = n + "（" + c + "）"
				}
			} else {
				out[i] = c
			}
		}
		return strings.Join(out, sep)
	}
	valid, _ := we.Args["Valid"].([]string)
	switch we.Reason {
	case workbench.ReasonUnknownKind:
		a["Valid"] = list(valid, kindName)
	case workbench.ReasonUnknownLabel:
		a["Valid"] = list(valid, labelName)
	case workbench.ReasonUnknownResult:
		a["Valid"] = list(valid, resultName)
	case workbench.ReasonUnknownSeverity:
		a["Valid"] = list(valid, severityName)
	case workbench.ReasonUnknownModality:
		a["Valid"] = list(valid, modalityName)
	case workbench.ReasonQueryUnknownValue:
		switch we.Args["Field"] {
		case "kind":
			a["Valid"] = list(valid, kindName)
		case "label":
			a["Valid"] = list(valid, labelName)
		default:
			a["Valid"] = strings.Join(valid, sep)
		}
	case workbench.ReasonKindAmbiguous:
		kinds, _ := we.Args["Kinds"].([]string)
		a["Kinds"] = list(kinds, kindName)
	case workbench.ReasonNotConcluded, workbench.ReasonInspectionClosed:
		a["Status"] = statusName(workbench.ArgString(we.Args["Status"]))
	case workbench.ReasonLegacyFormat:
		a["Format"] = formatOf(workbench.ArgString(we.Args["Format"]))
	}
	if known, ok := we.Args["Known"].([]string); ok {
		a["Known"] = strings.Join(known, sep)
	}
	return a
}

// formatExt finds the extension in an importer's description of a file
// format: ".xls" in "a legacy Excel 97–2003 workbook (.xls)".
var formatExt = regexp.MustCompile(`\((\.[A-Za-z0-9]+)`)

func formatOf(desc string) string {
	if m := formatExt.FindStringSubmatch(desc); m != nil {
		return m[1]
	}
	return desc
}

// fieldName is an input field's name in the GUI's language.
func fieldName(field string) string {
	switch field {
	case app.FieldProvider:
		return lang.L("Provider")
	case app.FieldCreditCode:
		return lang.L("Credit code")
	case app.FieldService:
		return lang.L("Service")
	case app.FieldFilingNo:
		return lang.L("Filing number")
	case app.FieldTitle:
		return lang.L("Title")
	case app.FieldInspector:
		return lang.L("Inspectors")
	case app.FieldModality:
		return lang.L("Modalities")
	case app.FieldOpenedOn:
		return lang.L("Opened on")
	case app.FieldTemplate:
		return lang.L("Checklist template")
	case app.FieldItem:
		return lang.L("Checklist item")
	case app.FieldResult:
		return lang.L("Result")
	case app.FieldSeverity:
		return lang.L("Severity")
	case app.FieldNote:
		return lang.L("Note")
	case app.FieldFinding:
		return lang.L("Finding")
	case app.FieldDeadline:
		return lang.L("Deadline")
	case app.FieldEvidence:
		return lang.L("Evidence")
	case app.FieldProposal:
		return lang.L("Proposal")
	case app.FieldReason:
		return lang.L("Reason")
	case app.FieldLang:
		return lang.L("Language")
	case app.FieldOut, app.FieldFile:
		return lang.L("File")
	case "kind":
		return lang.L("Kind")
	case "label":
		return lang.L("Confidentiality label")
	}
	return field
}

// warningText words an importer warning in the GUI's language: where it
// stood and what is wrong. A warning stored without a reason (before the
// workbench kept them) shows its English message after the location.
func warningText(w workbench.Warning) string {
	where := locationText(w.Location)
	what := w.Message
	if p := warningProblem(w.Reason, w.Args); p != "" {
		what = p
	}
	if where == "" {
		return what
	}
	return lang.L("{{.Location}}: {{.Problem}}", map[string]any{"Location": where, "Problem": what})
}

// warningProblem words the reason of an importer warning, "" for other
// reasons.
func warningProblem(r workbench.Reason, args map[string]any) string {
	switch r {
	case workbench.ReasonValueUnreadable:
		return lang.L("“{{.Value}}” is not {{.Expected}}; kept as text", map[string]any{
			"Value": workbench.ArgString(args["Value"]), "Expected": expectedText(workbench.ArgString(args["Type"]), workbench.ArgString(args["Expected"]))})
	case workbench.ReasonDateNotInCalendar:
		return lang.L("“{{.Value}}” is not a date: that day does not exist; kept as text", map[string]any{"Value": workbench.ArgString(args["Value"])})
	}
	return ""
}

// expectedText words what kind of value a field takes; english is the
// importer's wording, kept for a type this does not know.
func expectedText(valueType, english string) string {
	switch valueType {
	case "bool":
		return lang.L("yes or no")
	case "date":
		return lang.L("a date")
	case "datetime":
		return lang.L("a date or time")
	case "percent":
		return lang.L("a percentage")
	case "scale":
		return lang.L("a quantity such as 1.2TB, 3亿 tokens or 50万条")
	case "count":
		return lang.L("a whole number")
	case "duration":
		return lang.L("a time limit such as 15个工作日 or 48小时")
	case "period":
		return lang.L("a period such as 2023年1月至2023年6月")
	case "enum", "enum_list":
		return lang.L("one of the values the field allows")
	}
	return english
}

// fileErrorText words why a file failed to import in the GUI's language.
func fileErrorText(r app.FileReport) string {
	if r.Err != nil {
		return errorText(r.Err)
	}
	return r.Error
}
