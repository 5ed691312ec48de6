package pdf

import (
	"errors"
	"fmt"

	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
)

// reasons words PDFium's error codes (FPDF_ERR_*, which go-pdfium returns
// as errors such as "3: incorrect format") for an inspector. ErrSuccess is
// in the list because PDFium reports it when it fails without setting an
// error code.
var reasons = []struct {
	err    error
	reason string
}{
	{pdfiumerrors.ErrSuccess, "the PDF reader gave no reason; the file may be damaged"},
	{pdfiumerrors.ErrUnknown, "the PDF reader failed for a reason it does not name; the file may be damaged or use a feature it does not support"},
	{pdfiumerrors.ErrFile, "the file could not be read: it is missing, unreadable or cut short"},
	{pdfiumerrors.ErrFormat, "the file is not a PDF or is damaged"},
	{pdfiumerrors.ErrPassword, "the PDF is password-protected"},
	{pdfiumerrors.ErrSecurity, "the PDF is encrypted in a way this program does not support"},
	{pdfiumerrors.ErrPage, "the page is missing from the file or damaged"},
	{pdfiumerrors.ErrUnexpected, "the PDF reader failed unexpectedly; the file may be damaged"},
}

// describe returns the words for a PDFium error anywhere in err's chain,
// or err's own message when it is not one of PDFium's codes.
func describe(err error) string {
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			return r.reason
		}
	}
	return err.Error()
}

// readError is an error whose message is written for an inspector while
// errors.Is still finds the sentinels behind it (ErrEncrypted, PDFium's
// codes), whose own messages ("3: incorrect format") are not shown.
type readError struct {
	msg  string
	errs []error
}

func (e *readError) Error() string   { return e.msg }
func (e *readError) Unwrap() []error { return e.errs }

// openError explains why PDFium could not open a document.
func openError(err error) error {
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword):
		return &readError{
			msg:  "pdf: the PDF is password-protected (encrypted) and cannot be opened without its password; ask the provider for an unprotected copy",
			errs: []error{ErrEncrypted, err},
		}
	case errors.Is(err, pdfiumerrors.ErrSecurity):
		return &readError{
			msg:  "pdf: the PDF is encrypted in a way this program does not support, so it cannot be opened; ask the provider for an unprotected copy",
			errs: []error{ErrEncrypted, err},
		}
	case errors.Is(err, pdfiumerrors.ErrFormat):
		return &readError{
			msg:  "pdf: the file is not a PDF or is damaged, so it cannot be read; ask the provider for a new copy",
			errs: []error{ErrDamaged, err},
		}
	}
	return &readError{
		msg:  fmt.Sprintf("pdf: the PDF could not be opened: %s", describe(err)),
		errs: []error{ErrDamaged, err},
	}
}
