package ui

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"github.com/inspection-workbench/workbench/app"
)

// errorText words err for the user in the current language. Errors the
// app classifies are translated; anything else keeps its English text,
// which names the file or record involved.
func errorText(err error) string {
	var fe *app.FieldError
	var ce *app.CreditCodeError
	var conflict *app.ConflictError
	switch {
	case errors.As(err, &ce):
		return creditCodeText(ce)
	case errors.As(err, &fe) && caseFormField(fe.Field):
		return fieldErrorText(fe)
	case errors.As(err, &fe):
		// Outside the case form the message stands alone, so it keeps
		// the English explanation with the file, item or cell it names.
		return fe.Error()
	case errors.As(err, &conflict):
		return conflictText(conflict)
	}
	switch app.ErrorCode(err) {
	case app.CodeInUse:
		return lang.L("The workspace is open in another Inspection Workbench window or command. Close it there first. ({{.Detail}})", map[string]any{"Detail": err.Error()})
	case app.CodeNotFound:
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
func conflictText(c *app.ConflictError) string {
	data := map[string]any{"Name": c.Name, "Recorded": c.Recorded, "Given": c.Given}
	switch c.What {
	case app.ConflictCodeTaken:
		return lang.L("Credit code {{.Given}} is already recorded for the provider “{{.Name}}”.", data)
	case app.ConflictProviderCode:
		return lang.L("The provider “{{.Name}}” is already recorded with credit code {{.Recorded}}, not {{.Given}}.", data)
	case app.ConflictFilingNo:
		return lang.L("The service “{{.Name}}” is already recorded with filing number {{.Recorded}}, not {{.Given}}.", data)
	}
	return c.Error()
}
