package workbench

import (
	"errors"
	"fmt"
)

// ErrConflict is matched (errors.Is) by every error saying that a change
// contradicts what the workspace records; the store returns it too.
var ErrConflict = errors.New("conflict")

// ConflictError reports input that contradicts what the workspace records.
// It matches ErrConflict with errors.Is.
type ConflictError struct {
	// What contradicts: ConflictCodeTaken (the credit code belongs to
	// another provider), ConflictProviderCode (the provider has another
	// credit code), ConflictFilingNo (the service has another filing number).
	What     string
	Name     string // the provider or service already recorded
	Recorded string // the value recorded
	Given    string // the value given
}

// Kinds of ConflictError.
const (
	ConflictCodeTaken    = "credit_code_taken"    // the credit code belongs to another provider
	ConflictProviderCode = "provider_credit_code" // the provider has another credit code
	ConflictFilingNo     = "filing_no"            // the service has another filing number
)

// Error says in English what contradicts what.
func (e *ConflictError) Error() string {
	switch e.What {
	case ConflictCodeTaken:
		return fmt.Sprintf("credit code %s is already recorded for provider %q", e.Given, e.Name)
	case ConflictProviderCode:
		return fmt.Sprintf("provider %q is already recorded with credit code %s, not %s", e.Name, e.Recorded, e.Given)
	case ConflictFilingNo:
		return fmt.Sprintf("service %q is already recorded with filing number %s, not %s", e.Name, e.Recorded, e.Given)
	}
	return fmt.Sprintf("%q: %s is recorded, not %s", e.Name, e.Recorded, e.Given)
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Is(target error) bool { return target == ErrConflict }
