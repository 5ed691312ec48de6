// Package values reads the text of one spreadsheet cell as a typed value:
// a yes/no answer, a date or a date and time, a percentage, a quantity of
// data (tokens, items, bytes, hours, parameters), a whole count, or a
// duration such as a reporting deadline.
//
// Providers fill in their spreadsheets by hand, in Chinese and English, so
// the same value arrives in many spellings: "是", "Yes" and "√"; "2024年3月5日",
// "2024/3/5" and the Excel serial 45356; "3.5%", "３.５％" and "0.035";
// "3亿 tokens" and "300M tokens"; "15个工作日" and "15 working days". Every
// Parse function in this package accepts such spellings and reports ok=false
// for text it cannot read as its type, so that the caller can keep the raw
// text and warn. The functions never panic, whatever the input, and do not
// allocate for the common case of clean ASCII input where they can avoid it:
// they run on every cell of imports with millions of rows.
//
// Each Parse function first trims surrounding white space (including the
// ideographic space U+3000, no-break spaces and zero-width spaces) and folds
// full-width ASCII characters such as "ＡＢＣ１２３％，" to their half-width
// forms (see FoldWidth). Latin words are matched without regard to case
// unless the function says otherwise.
package values

import (
	"unicode"
	"unicode/utf8"
)

// FoldWidth returns s with full-width ASCII characters (U+FF01..U+FF5E, as in
// "ＡＢＣ１２３％，") replaced by their half-width forms ("ABC123%,") and the
// ideographic space U+3000 replaced by an ASCII space. Every other byte is
// kept as it is, including invalid UTF-8. When there is nothing to fold, s
// itself is returned and nothing is allocated.
func FoldWidth(s string) string {
	i := firstFoldable(s)
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for i < len(s) {
		c := s[i]
		if (c == 0xEF || c == 0xE3) && i+2 < len(s) {
			if r, ok := foldAt(s[i+1], s[i+2], c); ok {
				b = append(b, r)
				i += 3
				continue
			}
		}
		b = append(b, c)
		i++
	}
	return string(b)
}

// foldAt maps the three UTF-8 bytes lead, c1, c2 of a full-width ASCII
// character or of U+3000 to the ASCII byte it folds to.
func foldAt(c1, c2, lead byte) (byte, bool) {
	switch {
	case lead == 0xEF && c1 == 0xBC && c2 >= 0x81 && c2 <= 0xBF: // U+FF01..U+FF3F
		return c2 - 0x81 + 0x21, true
	case lead == 0xEF && c1 == 0xBD && c2 >= 0x80 && c2 <= 0x9E: // U+FF40..U+FF5E
		return c2 - 0x80 + 0x60, true
	case lead == 0xE3 && c1 == 0x80 && c2 == 0x80: // U+3000
		return ' ', true
	}
	return 0, false
}

// firstFoldable returns the index of the first character FoldWidth would
// change, or -1.
func firstFoldable(s string) int {
	for i := 0; i+2 < len(s); i++ {
		c := s[i]
		if c < 0x80 {
			continue
		}
		if c == 0xEF || c == 0xE3 {
			if _, ok := foldAt(s[i+1], s[i+2], c); ok {
				return i
			}
		}
	}
	return -1
}

// clean folds the width of s and trims the white space around it.
func clean(s string) string {
	return trim(FoldWidth(s))
}

// spaceAt returns the length in bytes of the white-space character that
// starts s[i:], or 0 when s[i:] does not start with one. White space is
// Unicode white space plus the zero-width space and the byte-order mark,
// both common in text pasted into spreadsheets.
func spaceAt(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\n', '\r', '\v', '\f':
			return 1
		}
		return 0
	}
	switch c {
	case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF: // lead bytes of all non-ASCII spaces
	default:
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if isSpaceRune(r) {
		return n
	}
	return 0
}

func isSpaceRune(r rune) bool {
	return r == 0x200B || r == 0xFEFF || (r != utf8.RuneError && unicode.IsSpace(r))
}

// trim removes the white space (as spaceAt) at both ends of s.
func trim(s string) string {
	if len(s) > 0 && s[0] > ' ' && s[0] < utf8.RuneSelf &&
		s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf {
		return s
	}
	for len(s) > 0 {
		n := spaceAt(s, 0)
		if n == 0 {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		c := s[len(s)-1]
		if c < utf8.RuneSelf {
			if c == ' ' || (c >= '\t' && c <= '\r') {
				s = s[:len(s)-1]
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if !isSpaceRune(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// skipSpaces returns s without its leading white space.
func skipSpaces(s string) string {
	for len(s) > 0 {
		n := spaceAt(s, 0)
		if n == 0 {
			break
		}
		s = s[n:]
	}
	return s
}

// hasPrefixFold reports whether s begins with p, comparing ASCII letters
// without regard to case. p must be written in lower case.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if lowerByte(s[i]) != p[i] {
			return false
		}
	}
	return true
}

// cutPrefixFold is hasPrefixFold returning the rest of s.
func cutPrefixFold(s, p string) (string, bool) {
	if hasPrefixFold(s, p) {
		return s[len(p):], true
	}
	return s, false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// lowerByte returns c in lower case when it is an ASCII capital letter.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// stripPrefixes repeatedly removes any of the given prefixes (matched as
// hasPrefixFold) and the white space after them from the start of s. No
// prefix may start with a digit.
func stripPrefixes(s string, prefixes []string) string {
	for {
		s = skipSpaces(s)
		if s == "" || isDigit(s[0]) { // no prefix starts with a digit
			return s
		}
		found := false
		for _, p := range prefixes {
			if rest, ok := cutPrefixFold(s, p); ok {
				s, found = rest, true
				break
			}
		}
		if !found {
			return s
		}
	}
}

// onlyFillers reports whether s consists only of white space and any of the
// given filler words (matched as hasPrefixFold), in any order.
func onlyFillers(s string, fillers []string) bool {
	for {
		s = skipSpaces(s)
		if s == "" {
			return true
		}
		found := false
		for _, f := range fillers {
			if rest, ok := cutPrefixFold(s, f); ok {
				s, found = rest, true
				break
			}
		}
		if !found {
			return false
		}
	}
}
