package app

import (
	"fmt"
	"strings"
	"unicode"
)

// creditCodeChars is the 31-character code set of GB 32100-2015: the digits
// and the capital letters without I, O, Z, S and V. A character's value is
// its index in this string.
const creditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// CreditCodeReason says why a unified social credit code was rejected. The
// GUI turns it into a translated message; Error gives the English one.
type CreditCodeReason int

// The ways a unified social credit code can be wrong.
const (
	CreditCodeEmpty      CreditCodeReason = iota + 1 // nothing was entered
	CreditCodeLength                                 // not 18 characters
	CreditCodeCharacter                              // a character outside the GB 32100 code set
	CreditCodeRegion                                 // positions 3–8 are not a six-digit division code
	CreditCodeCheckDigit                             // the 18th character does not match the check
)

// CreditCodeError reports an invalid unified social credit code
// (统一社会信用代码).
type CreditCodeError struct {
	Code     string           // the code as given
	Reason   CreditCodeReason // what is wrong
	Position int              // 1-based position of the offending character, or 0
	Want     byte             // for CreditCodeCheckDigit, the check character the code should end in
}

func (e *CreditCodeError) Error() string {
	switch e.Reason {
	case CreditCodeEmpty:
		return "credit code is empty"
	case CreditCodeLength:
		return fmt.Sprintf("credit code %q has %d characters; a unified social credit code has 18", e.Code, len([]rune(e.Code)))
	case CreditCodeCharacter:
		return fmt.Sprintf("credit code %q: character %d is not allowed (only digits and capital letters except I, O, Z, S, V)", e.Code, e.Position)
	case CreditCodeRegion:
		return fmt.Sprintf("credit code %q: characters 3–8 must be the six-digit administrative division code", e.Code)
	case CreditCodeCheckDigit:
		return fmt.Sprintf("credit code %q: check character is %c, expected %c (GB 32100-2015)", e.Code, e.Code[17], e.Want)
	}
	return fmt.Sprintf("credit code %q is invalid", e.Code)
}

// NormalizeCreditCode trims spaces, folds full-width characters to their
// ASCII forms and upper-cases letters, the way people type or paste codes.
func NormalizeCreditCode(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		if r >= '！' && r <= '～' { // full-width ASCII block
			r -= 0xFEE0
		}
		if unicode.IsSpace(r) || r == '-' {
			continue // "9111 0000 8021 0043 3B" and dashed forms are common
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// ValidateCreditCode checks a unified social credit code against
// GB 32100-2015 — length, code set, division code and the check character —
// and returns it normalised (see NormalizeCreditCode). The error is a
// *CreditCodeError.
func ValidateCreditCode(s string) (string, error) {
	code := NormalizeCreditCode(s)
	if code == "" {
		return "", &CreditCodeError{Code: s, Reason: CreditCodeEmpty}
	}
	runes := []rune(code)
	if len(runes) != 18 {
		return "", &CreditCodeError{Code: code, Reason: CreditCodeLength}
	}
	sum, weight := 0, 1
	for i, r := range runes {
		v := -1
		if r < 0x80 {
			v = strings.IndexByte(creditCodeChars, byte(r))
		}
		if v < 0 {
			return "", &CreditCodeError{Code: code, Reason: CreditCodeCharacter, Position: i + 1}
		}
		if i >= 2 && i < 8 && v > 9 {
			return "", &CreditCodeError{Code: code, Reason: CreditCodeRegion, Position: i + 1}
		}
		if i < 17 {
			sum += v * weight
			weight = weight * 3 % 31
		}
	}
	want := creditCodeChars[(31-sum%31)%31]
	if code[17] != want {
		return "", &CreditCodeError{Code: code, Reason: CreditCodeCheckDigit, Position: 18, Want: want}
	}
	return code, nil
}
