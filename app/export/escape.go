package export

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Formula injection. Every text cell is written as a string cell (an inline
// string, never a <f> formula), so Excel does not evaluate it when it opens
// the workbook. Text that would become a formula once an auditor edits the
// cell, or once the sheet is saved as CSV and opened again, is also
// prefixed with a single quote (OWASP's advice for CSV injection): text
// whose first character is a tab or carriage return, or whose first
// character after leading blanks is = + - @ (or their full-width forms
// ＝ ＋ － ＠). So that the prefix can be removed again unambiguously,
// text that already starts with a quote followed by such text gets one
// more quote. unescapeCell removes exactly one added quote.

// EscapeCell returns s as it is written to a text cell, by this rule; other
// workbooks the program writes (keyword counts) use it too.
func EscapeCell(s string) string { return escapeCell(s) }

// escapeCell returns s as it is written to a cell.
func escapeCell(s string) string {
	if needsEscape(s) {
		return "'" + s
	}
	return s
}

// unescapeCell undoes escapeCell: it removes a leading quote that
// escapeCell would have added, and nothing else.
func unescapeCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && needsEscape(s[1:]) {
		return s[1:]
	}
	return s
}

// needsEscape reports whether s could be taken for a formula, or starts
// with a quote followed by such text.
func needsEscape(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '\t', '\r':
		return true
	case '\'':
		return needsEscape(s[1:])
	}
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(t)
	switch r {
	case '=', '+', '-', '@', '＝', '＋', '－', '＠':
		return true
	}
	return false
}
