package app

import (
	"fmt"

	"github.com/inspection-workbench/workbench"
)

// reasoned is an error whose English text stays as app has always worded
// it — the CLI prints it and its tests read it — while errors.As finds the
// *workbench.Error that says why, for the GUI to word in the user's
// language.
type reasoned struct {
	msg string
	why *workbench.Error
}

func (e *reasoned) Error() string { return e.msg }
func (e *reasoned) Unwrap() error { return e.why }

// fieldReason is a FieldError with a reason: format and args word it in
// English as fieldErr does, why gives its reason and arguments.
func fieldReason(field string, p Problem, why *workbench.Error, format string, args ...any) error {
	return &FieldError{Field: field, Problem: p, Err: &reasoned{msg: fmt.Sprintf(format, args...), why: why}}
}
