package workbench

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Code classifies an error for the user interfaces: the CLI maps it to an
// exit status, the GUI to how it shows the error.
type Code string

// The error codes.
const (
	CodeInvalid     Code = "invalid"     // the input is wrong
	CodeNotFound    Code = "not_found"   // what was named does not exist
	CodeConflict    Code = "conflict"    // the input contradicts what is recorded, or the case's state forbids it
	CodeInUse       Code = "in_use"      // another process holds the workspace
	CodeUnsupported Code = "unsupported" // a file or format the workbench cannot read
	CodeInternal    Code = "internal"    // anything else: I/O, a bug
)

// ErrorCodes lists every error code.
var ErrorCodes = []Code{CodeInvalid, CodeNotFound, CodeConflict, CodeInUse, CodeUnsupported, CodeInternal}

// Reason says what went wrong, as an id each interface words in its own
// language and style, with the [Error]'s Args filling the blanks.
type Reason string

// Error is an error the workbench classifies: a code, a reason and the
// reason's arguments. Wrap it with context (the file, the row) as usual;
// [ErrorCode] and errors.As find it through the wrapping.
type Error struct {
	Code   Code
	Reason Reason
	// Args fill the reason's blanks, by name ("Value", "Valid", "Pos" …).
	Args map[string]any
	// Err is the underlying error, if any.
	Err error
}

// Errorf makes an *Error from a code, a reason and its arguments given as
// name, value pairs: Errorf(CodeInvalid, ReasonUnknownKind, "Value", s).
func Errorf(code Code, reason Reason, args ...any) *Error {
	e := &Error{Code: code, Reason: reason}
	if len(args) > 0 {
		e.Args = make(map[string]any, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			e.Args[fmt.Sprint(args[i])] = args[i+1]
		}
	}
	return e
}

// Wrap sets the underlying error and returns e.
func (e *Error) Wrap(err error) *Error { e.Err = err; return e }

// Error words the error in English, for logs and the CLI.
func (e *Error) Error() string {
	msg := Format(reasonEnglish[e.Reason], e.Args)
	if msg == "" {
		msg = string(e.Reason)
		if len(e.Args) > 0 {
			msg += " " + argList(e.Args)
		}
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Is matches another *Error with the same code and, when the target names
// one, the same reason: errors.Is(err, &Error{Code: CodeNotFound}).
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code && (t.Reason == "" || t.Reason == e.Reason)
}

// Arg is the argument name of e, "" when e has none.
func (e *Error) Arg(name string) any { return e.Args[name] }

// ErrorCode is the code of the first *Error in err's chain: "" for nil and
// CodeInternal for an error the workbench does not classify.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// ErrorReason is the first *Error in err's chain, nil when there is none.
func ErrorReason(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// Format fills the {{.Name}} blanks of an English template with args;
// a []string argument is listed with commas.
func Format(template string, args map[string]any) string {
	if template == "" {
		return ""
	}
	var pairs []string
	for k, v := range args {
		pairs = append(pairs, "{{."+k+"}}", ArgString(v))
	}
	return strings.NewReplacer(pairs...).Replace(template)
}

// ArgString words an argument: lists joined by ", ", the rest with %v.
func ArgString(v any) string {
	switch x := v.(type) {
	case []string:
		return strings.Join(x, ", ")
	case string:
		return x
	case []any: // a list read back from JSON
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = ArgString(p)
		}
		return strings.Join(parts, ", ")
	case float64: // a number read back from JSON
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

func argList(args map[string]any) string {
	keys := make([]string, 0, len(args))
	for k := range args {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%s=%q", k, ArgString(args[k]))
	}
	return b.String()
}
