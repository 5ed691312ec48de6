package ui

import (
	"encoding/json"
	"errors"
	"regexp"
	"strconv"
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
		app.FieldInspector, app.FieldModality, app.FieldOpenedOn, app.FieldReceivedOn:
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
		if longText(fe.Field) {
			return lang.L("Too long: at most {{.Max}} characters", map[string]any{"Max": app.MaxNoteLen})
		}
		return lang.L("Too long: at most {{.Max}} characters", map[string]any{"Max": app.MaxNameLen})
	case app.ProblemControl:
		if longText(fe.Field) {
			return lang.L("Must not hold a NUL character or text that is not valid UTF-8")
		}
		return lang.L("Must be one line without control characters")
	case app.ProblemDuplicate:
		if fe.Field == app.FieldEvidence {
			return lang.L("The identifier names several records; cite one from the search results")
		}
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
		return lang.L("Not a valid value")
	}
	if chinese() {
		return lang.L("Not a valid value")
	}
	return fe.Error()
}

// longText reports whether field takes a text of several lines: a note, a
// finding, a reason.
func longText(field string) bool {
	return field == app.FieldNote || field == app.FieldFinding || field == app.FieldReason
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
	case workbench.ReasonUnknownRisk:
		return lang.L("Unknown risk category “{{.Value}}”: use a code of TC260-003 Appendix A ({{.Valid}}) or its name", a)
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
	case workbench.ReasonCaseConcluded:
		return lang.L("The inspection of case {{.Case}} is concluded; reopen it on the Checklist tab to change the case's details.", a)
	case workbench.ReasonCaseSigned:
		return lang.L("The inspection of case {{.Case}} is signed, and its signature covers the case's details: they can no longer be changed.", a)
	case workbench.ReasonCaseShared:
		if fields := stringList(we.Args["Fields"]); len(fields) > 0 { // refusals made before they were named have none
			names := make([]string, len(fields))
			for i, f := range fields {
				names[i] = caseFieldName(f)
			}
			a["Fields"] = strings.Join(names, lang.L(", "))
			return lang.L("This would also change the {{.Fields}} of case {{.Other}}, which shares the provider or service and whose inspection is {{.Status}}; nothing was changed.", a)
		}
		return lang.L("This would also change case {{.Other}}, which shares the provider or service and whose inspection is {{.Status}}; nothing was changed.", a)
	case workbench.ReasonNoSuchEvidence:
		return lang.L("There is no record or passage “{{.Ref}}” in this case.", a)
	case workbench.ReasonEvidenceOtherCase:
		return lang.L("{{.Ref}} is in {{.File}} of case {{.Other}}, not of this case ({{.Case}}); cite evidence from the case's own submissions.", a)
	case workbench.ReasonNoTemplate:
		return lang.L("There is no checklist template “{{.Name}}”.", a)
	case workbench.ReasonExportName:
		return lang.L("The workbook's name “{{.Name}}” must end in .xlsx.", a)
	case workbench.ReasonNoFolder:
		return lang.L("The folder “{{.Dir}}” does not exist.", a)
	case workbench.ReasonChecklistOtherCase:
		return lang.L("This checklist is the export of case {{.Other}}, not of case {{.Case}}; import it into case {{.Other}}, or export case {{.Case}} and fill that in.", a)
	case workbench.ReasonWorkspaceInUse:
		return lang.L("The workspace is open in another Inspection Workbench window or command. Close it there first.")
	case workbench.ReasonNoWorkspace:
		return lang.L("There is no workspace in {{.Dir}}.", a)
	case workbench.ReasonWorkspaceNewer:
		return lang.L("The workspace in {{.Dir}} was written by a newer version of Inspection Workbench (its data format is version {{.Version}}; this version reads up to {{.Known}}). Open it with that version or a newer one.", a)
	case workbench.ReasonQueryEmpty:
		return lang.L("There is nothing to search for: the query is empty.")
	case workbench.ReasonBundleWrongPassphrase, workbench.ReasonBundleDamaged, workbench.ReasonBundleReplayed, workbench.ReasonBundleNewer, workbench.ReasonBundleNumbersTaken, workbench.ReasonBundleBadRecipient, workbench.ReasonBundleStateSecret:
		return bundleReasonText(we)
	case workbench.ReasonImageMalformed, workbench.ReasonNotImage, workbench.ReasonSampleNotImage, workbench.ReasonImageOtherKind, workbench.ReasonImageMisnamed:
		return imageReasonText(we.Reason, we.Args)
	}
	if p := importProblem(we.Reason, we.Args); p != "" {
		return p
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
	case workbench.ReasonNotConcluded, workbench.ReasonInspectionClosed, workbench.ReasonCaseShared:
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
	case workbench.ReasonImageMisnamed:
		return imageReasonText(r, args)
	case workbench.ReasonValueUnreadable:
		return lang.L("“{{.Value}}” is not {{.Expected}}; kept as text", map[string]any{
			"Value": workbench.ArgString(args["Value"]), "Expected": expectedText(workbench.ArgString(args["Type"]), workbench.ArgString(args["Expected"]))})
	case workbench.ReasonDateNotInCalendar:
		return lang.L("“{{.Value}}” is not a date: that day does not exist; kept as text", map[string]any{"Value": workbench.ArgString(args["Value"])})
	case workbench.ReasonSheetKeyFacts:
		return lang.L("It lists fields and their values down a column, not rows of records; the sheet was skipped.")
	case workbench.ReasonSheetNoHeader:
		return lang.L("No header row of the kind {{.Kind}} was found; the sheet was skipped.", map[string]any{"Kind": kindName(workbench.ArgString(args["Kind"]))})
	case workbench.ReasonRowLonger:
		return lang.L("The row is longer than its header ({{.Columns}} columns); the values right of it are kept as {{.Kept}}.", map[string]any{
			"Columns": workbench.ArgString(args["Columns"]), "Kept": quotedList(args["Kept"], extraColumnName)})
	case workbench.ReasonTermsUnknown:
		return lang.L("{{.Value}}: not among the values the field allows ({{.Valid}}); kept as written.", map[string]any{
			"Value": quotedList(args["Value"], nil), "Valid": strings.Join(stringList(args["Valid"]), lang.L(", "))})
	case workbench.ReasonPercentAssumed:
		return lang.L("Read “{{.Value}}” as {{.Percent}}%.", map[string]any{"Value": workbench.ArgString(args["Value"]), "Percent": workbench.ArgString(args["Percent"])})
	case workbench.ReasonBlankStringCell:
		return lang.L("The cell refers to an empty shared string; it was read as a blank cell.")
	case workbench.ReasonValuesUnknown:
		if first, _ := args["First"].(string); first != "" { // warnings stored before it was kept have none
			return lang.L("{{.Count}} values are not among those the field allows (e.g. {{.Examples}}; the first at {{.First}}); kept as written, and a check that needs them lists those records as unclear. The field allows: {{.Valid}}.", map[string]any{
				"Count": workbench.ArgString(args["Count"]), "Examples": quotedList(args["Examples"], nil), "First": locationText(first),
				"Valid": strings.Join(stringList(args["Valid"]), lang.L(", "))})
		}
		return lang.L("{{.Count}} values are not among those the field allows (e.g. {{.Examples}}); kept as written, and a check that needs them lists those records as unclear.", map[string]any{
			"Count": workbench.ArgString(args["Count"]), "Examples": quotedList(args["Examples"], nil)})
	case workbench.ReasonFieldsUnmapped:
		cols := lang.L("none")
		if c := stringList(args["Columns"]); len(c) > 0 {
			cols = quotedList(c, nil)
		}
		return lang.L("No column names {{.Fields}}, which the automated checks read: they cannot judge these records on them. Columns not recognised: {{.Columns}}. If the file is of another kind, import it again choosing that kind; else rename those columns to headers the workbench knows.", map[string]any{
			"Fields": specFieldNames(workbench.ArgString(args["Kind"]), args["Fields"]), "Columns": cols})
	case workbench.ReasonFieldFromName:
		kind, field, value := workbench.ArgString(args["Kind"]), workbench.ArgString(args["Field"]), workbench.ArgString(args["Value"])
		// The value as the record shows it: the term's name in the GUI's
		// language.
		if js, err := json.Marshal(map[string]string{field: value}); err == nil {
			if rf, err := app.DecodeRecord(kind, workbench.RecordRow{Fields: string(js)}); err == nil {
				if d := rf.Display(field, chinese()); d != "" {
					value = d
				}
			}
		}
		vals := map[string]any{"Field": specFieldNames(kind, field), "Name": workbench.ArgString(args["Name"]), "Value": value}
		if workbench.ArgString(args["From"]) == "file" {
			return lang.L("No column names {{.Field}}; the file name “{{.Name}}” says {{.Value}}, which every record takes.", vals)
		}
		return lang.L("No column names {{.Field}}; the sheet name “{{.Name}}” says {{.Value}}, which every record of the sheet takes.", vals)
	case workbench.ReasonNotApplicable:
		return lang.L("“{{.Value}}” says not applicable: kept as written, neither yes nor no; a check that needs {{.Field}} lists the record as unclear.", map[string]any{
			"Value": workbench.ArgString(args["Value"]), "Field": specFieldNames(workbench.ArgString(args["Kind"]), args["Field"])})
	case workbench.ReasonRowSkipped:
		why := map[string]string{"note": lang.L("a note"), "total": lang.L("a total"), "sign-off": lang.L("a sign-off")}[workbench.ArgString(args["Why"])]
		if why == "" {
			why = lang.L("a note")
		}
		return lang.L("Left out as {{.Why}}, not a record: {{.Text}}", map[string]any{"Why": why, "Text": workbench.ArgString(args["Text"])})
	}
	return documentProblem(r, args)
}

// documentProblem words the reason of a document's warning, "" for other
// reasons.
func documentProblem(r workbench.Reason, args map[string]any) string {
	what := workbench.ArgString(args["What"])
	n := map[string]any{"N": workbench.ArgString(args["N"])}
	switch r {
	case workbench.ReasonPageNoText:
		return lang.L("The page has no text layer (a scanned page?): it cannot be searched; text in images is not recognised.")
	case workbench.ReasonPageUnreadable:
		return lang.L("The page could not be read and was skipped; the other pages were imported.")
	case workbench.ReasonOwnerPasswordOnly:
		return lang.L("The PDF carries permission restrictions (an owner password only); it was read without a password.")
	case workbench.ReasonXFAForm:
		if what == "partial" {
			return lang.L("The PDF is a dynamic form: the text imported is what it shows when opened, and may be incomplete.")
		}
		return lang.L("The PDF is a dynamic form whose content cannot be read; ask the provider to print or export it to an ordinary PDF.")
	case workbench.ReasonContentSkipped:
		switch what {
		case "images":
			return lang.L("{{.N}} images skipped: text in images is not read.", n)
		case "chart":
			return lang.L("A chart was skipped: its data is not read.")
		case "smartart":
			return lang.L("A diagram (SmartArt) was skipped: its text is not read.")
		case "altchunk":
			return lang.L("Content embedded from another file was skipped.")
		}
		return lang.L("An embedded object was skipped: its content is not read.")
	case workbench.ReasonTextBoxAnchored:
		return lang.L("A text box was read where it is anchored, which may not be where it shows on the page.")
	case workbench.ReasonParagraphTooLong:
		return lang.L("The paragraph is longer than the limit; the rest of it is not read.")
	case workbench.ReasonBrokenField:
		return lang.L("A field code runs over too many paragraphs; it was read as broken.")
	case workbench.ReasonPartIgnored:
		switch what {
		case "styles":
			return lang.L("The document's styles could not be read: headings may be missed.")
		case "numbering":
			return lang.L("The document's list numbering could not be read and was left out.")
		case "comments":
			return lang.L("The document's comments could not be read and were left out.")
		case "relationships":
			return lang.L("The list of the document's parts could not be read; its parts were looked for under their usual names.")
		case "headers":
			return lang.L("A page header of the document could not be read and was left out.")
		case "footers":
			return lang.L("A page footer of the document could not be read and was left out.")
		case "footnotes":
			return lang.L("The document's footnotes could not be read and were left out.")
		case "endnotes":
			return lang.L("The document's endnotes could not be read and were left out.")
		}
		// "notes" and "part": warnings stored before the part was named.
		return lang.L("Part of the document could not be read and was left out.")
	}
	return ""
}

// importProblem words why a file could not be imported, "" for other
// reasons: where in the file, what it is instead of what its name says,
// what to ask the provider for.
func importProblem(r workbench.Reason, args map[string]any) string {
	a := map[string]any{}
	for k, v := range args {
		a[k] = workbench.ArgString(v)
	}
	a["Format"] = formatName(workbench.ArgString(args["Format"]))
	where := locationText(workbench.ArgString(args["Location"]))
	at := func(problem string) string {
		if where == "" {
			return problem
		}
		return lang.L("{{.Location}}: {{.Problem}}", map[string]any{"Location": where, "Problem": problem})
	}
	switch r {
	case workbench.ReasonFileEmpty:
		return lang.L("The file is empty: there is nothing to import.")
	case workbench.ReasonNoDataRows:
		return lang.L("The file has a header but no data rows.")
	case workbench.ReasonNoRecords:
		return lang.L("The file holds no records.")
	case workbench.ReasonNotText:
		return lang.L("This is not a text file: its content is binary, or in neither UTF-8 nor GB18030. Check what the file is, or save it as a UTF-8 CSV and import it again.")
	case workbench.ReasonNotFormat:
		if looks := looksName(workbench.ArgString(args["Looks"])); looks != "" {
			a["Looks"] = looks
			return lang.L("The file is not what its name says ({{.Format}}): it looks like {{.Looks}}.", a)
		}
		return lang.L("The file is not what its name says ({{.Format}}) and cannot be read.", a)
	case workbench.ReasonEncrypted:
		return lang.L("The {{.Format}} is password-protected (encrypted) and cannot be opened; ask the provider for a copy without a password.", a)
	case workbench.ReasonDamaged:
		return lang.L("The {{.Format}} is damaged or cut short and cannot be read; ask the provider for a new copy.", a)
	case workbench.ReasonZipBomb:
		return lang.L("The {{.Format}} unpacks to far more than its size (possibly a zip bomb), so it was not read.", a)
	case workbench.ReasonSyntax:
		return at(lang.L("the {{.Format}} is malformed and cannot be read; ask the provider for a corrected file.", a))
	case workbench.ReasonNotRecords:
		return at(lang.L("the values are not records (objects with fields); nothing can be imported."))
	case workbench.ReasonTooDeep:
		return at(lang.L("the data is nested more than {{.Max}} levels deep and cannot be read.", a))
	case workbench.ReasonRecordTooLarge:
		return at(lang.L("the record is larger than the limit and cannot be read."))
	case workbench.ReasonTooManyFields:
		return at(lang.L("the record has more fields than the limit allows."))
	case workbench.ReasonFileTooLarge:
		return lang.L("The file is too large: {{.Size}} is over the limit of {{.Limit}}.", map[string]any{
			"Size": byteCount(workbench.ArgString(args["Size"])), "Limit": byteCount(workbench.ArgString(args["Limit"]))})
	case workbench.ReasonFileUnreadable:
		return lang.L("The file cannot be read: it is missing, or there is no permission to open it.")
	case workbench.ReasonIsFolder:
		return lang.L("This is a folder, not a file.")
	case workbench.ReasonUnsupportedFormat:
		if workbench.ArgString(args["Looks"]) == "encrypted" {
			return lang.L("The file is password-protected (an encrypted Office file); save a copy without a password and import it again.")
		}
		if looks := looksName(workbench.ArgString(args["Looks"])); looks != "" {
			return lang.L("Files like this one ({{.Looks}}) cannot be imported: save tables as .xlsx or .csv and documents as .docx or PDF, then import them again.", map[string]any{"Looks": looks})
		}
		return lang.L("Files of this type cannot be imported: save tables as .xlsx or .csv and documents as .docx or PDF, then import them again.")
	case workbench.ReasonNoText:
		return lang.L("The document holds no text to import.")
	}
	return ""
}

// formatName names a file format an importer expected.
func formatName(format string) string {
	switch format {
	case "XLSX":
		return lang.L("Excel workbook (.xlsx)")
	case "DOCX":
		return lang.L("Word document (.docx)")
	case "PDF":
		return lang.L("PDF document")
	case "JSON":
		return lang.L("JSON file")
	case "CSV":
		return lang.L("CSV file")
	}
	return lang.L("file")
}

// looksName names what a file seems to be, from importers.Failure's code;
// "" for a code it does not know.
func looksName(code string) string {
	switch code {
	case "png":
		return lang.L("a PNG image")
	case "jpeg":
		return lang.L("a JPEG image")
	case "gif":
		return lang.L("a GIF image")
	case "xlsb":
		return lang.L("an Excel binary workbook (.xlsb)")
	case "xls":
		return lang.L("a legacy Excel 97–2003 workbook (.xls)")
	case "doc":
		return lang.L("a legacy Word 97–2003 document (.doc)")
	case "ppt":
		return lang.L("a legacy PowerPoint presentation (.ppt)")
	case "xlsx":
		return lang.L("an Excel workbook (.xlsx)")
	case "docx":
		return lang.L("a Word document (.docx)")
	case "pptx":
		return lang.L("a PowerPoint presentation (.pptx)")
	case "ods":
		return lang.L("an OpenDocument spreadsheet (.ods)")
	case "odt":
		return lang.L("an OpenDocument text (.odt)")
	case "pdf":
		return lang.L("a PDF document")
	case "rar", "7z", "gzip", "zip":
		return lang.L("a compressed archive (.{{.Ext}})", map[string]any{"Ext": code})
	case "html":
		return lang.L("a web page (.html)")
	case "rtf":
		return lang.L("an RTF document (.rtf)")
	case "xml":
		return lang.L("an XML file (.xml)")
	case "text":
		return lang.L("a text file")
	case "ole2":
		return lang.L("a legacy Office file (an OLE2 compound file)")
	case "excel2007beta":
		return lang.L("a workbook saved by a test version of Excel 2007")
	}
	return ""
}

// byteCount words a size as an importer gave it: "1234 bytes" or "2 GiB".
func byteCount(s string) string {
	if n, ok := strings.CutSuffix(s, " bytes"); ok {
		s = n
	}
	if _, err := strconv.ParseInt(s, 10, 64); err == nil {
		return lang.L("{{.N}} bytes", map[string]any{"N": s})
	}
	return s
}

// stringList is a list argument as strings (a []any when read back from
// JSON).
func stringList(v any) []string {
	switch x := v.(type) {
	case []string:
		return x
	case []any:
		out := make([]string, len(x))
		for i, e := range x {
			out[i] = workbench.ArgString(e)
		}
		return out
	case nil:
		return nil
	}
	return []string{workbench.ArgString(v)}
}

// specFieldNames words canonical fields of a kind by their header labels
// in the GUI's language ("发现时间、事件类别"); a name the kind does not
// have is shown as it is.
func specFieldNames(kind string, v any) string {
	names := stringList(v)
	spec := app.SpecOf(kind)
	for i, n := range names {
		if spec == nil {
			continue
		}
		for _, f := range spec.Fields {
			if f.Name == n {
				names[i] = f.EN
				if chinese() {
					names[i] = f.ZH
				}
				break
			}
		}
	}
	return strings.Join(names, lang.L(", "))
}

// quotedList words a list argument with each item in quotes, named by
// name when it is not nil.
func quotedList(v any, name func(string) string) string {
	items := stringList(v)
	for i, s := range items {
		if name != nil {
			s = name(s)
		}
		items[i] = lang.L("“{{.Value}}”", map[string]any{"Value": s})
	}
	return strings.Join(items, lang.L(", "))
}

// extraColumn finds the position name an importer gives an extra column
// without a header: "column E", "column 7".
var extraColumn = regexp.MustCompile(`^column ([A-Z]+|\d+)$`)

// extraColumnName words an extra column's name: its header as written, or
// its position in the GUI's language.
func extraColumnName(s string) string {
	if m := extraColumn.FindStringSubmatch(s); m != nil {
		return lang.L("column {{.Column}}", map[string]any{"Column": m[1]})
	}
	return s
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
