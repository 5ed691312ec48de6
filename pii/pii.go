// Package pii finds personal information in text — PRC resident identity
// numbers, mainland mobile numbers, e-mail addresses and bank-card numbers
// — and masks it. It is the workbench's one detector: the export masks
// what [Find] finds, and the personal-information scan counts it, so what
// a scan reports is exactly what an export hides.
//
// What counts:
//
//   - PRC resident identity numbers (GB 11643: 18 characters, a province
//     code, a valid birth date and a valid ISO 7064 MOD 11-2 check
//     character, X or x included; also written 6-8-4 with spaces) keep their
//     first 3 and last character when masked: 110**************X. Neither
//     the birth date, the county nor the sex can be read from what remains.
//     A number with a wrong check character is not found. The old 15-digit
//     numbers are not recognised.
//   - mainland mobile numbers (11 digits starting 13–19, also written 3-4-4
//     with spaces or hyphens, optionally after +86, 86 or +86 followed by a
//     blank or hyphen) keep their first 3 and last 4 digits: 138****8000,
//     +86 138 **** 8000.
//   - e-mail addresses keep the first character of the local part and the
//     domain: z***@example.com.
//   - bank-card numbers (13–19 digits, ungrouped or in groups of 4 — also
//     4-6-5 and 4-6-4 — separated by spaces or hyphens, passing the Luhn
//     check and starting like a card: 3, 4, 5, 6, 8, 9 or 2221–2720) keep
//     their last 4 digits: **** **** **** 1234.
//
// Masked digits become "*"; separators and prefixes stay. A number counts
// only as a whole: digits that are part of a longer run of digits, or
// touch a Latin letter (hex strings such as SHA-256 hashes, credit codes
// such as 91110108MA7XH2TQ5E) or a decimal point followed by digits, are
// left alone, as are dates, times and ids like INC-0042. A timestamp or
// order number of 11 to 19 digits is a mobile number only when it is one
// of 11 digits starting 13–19, and a card only when it starts like a card
// and passes the Luhn check. Chinese text may touch the number directly
// ("手机13800138000联系"). Full-width digits (１３８…) are recognised like
// ASCII ones.
//
// The package imports nothing of the workbench but its vocabulary, and no
// GUI toolkit.
package pii

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/inspection-workbench/workbench"
)

// Match is one piece of personal information in a text.
type Match struct {
	// Type is what it is.
	Type workbench.PIIType
	// Start and End are its byte offsets in the text: text[Start:End].
	Start, End int
	// Masked is text[Start:End] masked.
	Masked string
}

// Find returns the personal information in s, in order of position; the
// matches do not overlap. It is deterministic.
func Find(s string) []Match {
	var out []Match
	if strings.IndexByte(s, '@') >= 0 {
		for _, loc := range emailRE.FindAllStringIndex(s, -1) {
			m := s[loc[0]:loc[1]]
			at := strings.IndexByte(m, '@')
			out = append(out, Match{Type: workbench.PIIEmail, Start: loc[0], End: loc[1], Masked: m[:1] + "***" + m[at:]})
		}
	}
	if enoughDigits(s) {
		nums := findNumbers(s)
		if len(out) == 0 {
			return nums
		}
		emails := out
		out = nil
		// Merge, leaving out numbers inside an e-mail address
		// (13800138000@qq.com is one address).
		i := 0
		for _, n := range nums {
			for i < len(emails) && emails[i].End <= n.Start {
				out = append(out, emails[i])
				i++
			}
			if i < len(emails) && emails[i].Start < n.End {
				continue
			}
			out = append(out, n)
		}
		out = append(out, emails[i:]...)
	}
	return out
}

// Possible reports whether s may hold personal information at all: an "@"
// or a run of at least 11 digits (perhaps split by blanks or hyphens).
// When it is false Find finds nothing; it costs one pass over s and no
// allocation, so a caller can skip decoding text that cannot hold any —
// JSON included, whose quoting neither makes nor breaks a run of digits.
func Possible(s string) bool {
	return strings.IndexByte(s, '@') >= 0 || enoughDigits(s)
}

// Mask returns s with the personal information [Find] finds masked.
func Mask(s string) string {
	ms := Find(s)
	if len(ms) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, m := range ms {
		b.WriteString(s[last:m.Start])
		b.WriteString(m.Masked)
		last = m.End
	}
	b.WriteString(s[last:])
	return b.String()
}

// Counts counts matches by type.
type Counts map[workbench.PIIType]int

// Count counts the personal information in s by type, adding to c.
func (c Counts) Count(s string) {
	for _, m := range Find(s) {
		c[m.Type]++
	}
}

// Total is the number of matches of every type.
func (c Counts) Total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// emailRE matches an e-mail address: leftmost-first matching makes the
// local part as long as it can be, so it never starts in the middle of one.
var emailRE = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}`)

// minDigits is the fewest digits a number the package finds has: a
// mobile number's 11.
const minDigits = 11

// enoughDigits reports whether s holds a run of at least minDigits digits
// (ASCII or full-width), perhaps split by single blanks or hyphens: without
// one no number Find looks for can stand in s. It allocates nothing, so
// text without such a run — dates, times, ids — costs one pass.
func enoughDigits(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			run++
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99:
			// U+FF10…U+FF19 (full-width digits) are EF BC 90…99 in UTF-8.
			run++
			i += 2
		case (c == ' ' || c == '-') && run > 0 && i+1 < len(s) && (s[i+1] >= '0' && s[i+1] <= '9' || s[i+1] == 0xEF):
			continue // a separator inside a grouped number
		default:
			run = 0
		}
		if run >= minDigits {
			return true
		}
	}
	return false
}

// digitOf is the value of an ASCII or full-width digit, or -1.
func digitOf(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// isWordChar reports whether r glues to a number: a digit or a Latin
// letter (ASCII or full-width).
func isWordChar(r rune) bool {
	return digitOf(r) >= 0 || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' ||
		r >= 'ａ' && r <= 'ｚ' || r >= 'Ａ' && r <= 'Ｚ'
}

// group is a maximal run of digits, as rune positions [start, end).
type group struct{ start, end int }

func (g group) len() int { return g.end - g.start }

// runeMatch is a number found at rune positions [start, end), with the
// rune positions to mask.
type runeMatch struct {
	typ        workbench.PIIType
	start, end int
	mask       []int
}

// findNumbers finds runs of digit groups — separated by single blanks or
// hyphens, optionally led by "+" and ended by an X — and returns the
// identity, mobile and card numbers among them.
func findNumbers(s string) []Match {
	rs := []rune(s)
	n := len(rs)
	var found []runeMatch
	for i := 0; i < n; {
		plus := rs[i] == '+' && i+1 < n && digitOf(rs[i+1]) >= 0
		if !plus && digitOf(rs[i]) < 0 {
			i++
			continue
		}
		start := i
		if plus {
			i++
		}
		// Left boundary: the first group may not touch a letter, a digit or
		// a decimal point that follows a digit.
		leftOK := start == 0 || !isWordChar(rs[start-1]) &&
			!(rs[start-1] == '.' && start >= 2 && digitOf(rs[start-2]) >= 0)
		var groups []group
		for {
			j := i
			for j < n && digitOf(rs[j]) >= 0 {
				j++
			}
			groups = append(groups, group{i, j})
			i = j
			if i+1 < n && (rs[i] == ' ' || rs[i] == '-') && digitOf(rs[i+1]) >= 0 && len(groups) < 8 {
				i++
				continue
			}
			break
		}
		// An X right after the last group may end an identity number.
		x := i < n && (rs[i] == 'X' || rs[i] == 'x') && (i+1 == n || !isWordChar(rs[i+1]))
		last := groups[len(groups)-1].end
		rightOK := x || last == n || !isWordChar(rs[last]) &&
			!(rs[last] == '.' && last+1 < n && digitOf(rs[last+1]) >= 0)
		if x {
			i++
		}
		lo, hi := 0, len(groups)
		if !leftOK {
			lo = 1
		}
		if !rightOK {
			hi--
		}
		for j := lo; j < hi; {
			matched := 0
			for k := min(5, hi-j); k >= 1; k-- {
				withX := x && j+k == len(groups)
				lead := plus && j == 0
				if m, ok := matchGroups(rs, groups[j:j+k], lead, withX); ok {
					if lead {
						m.start = start
					}
					found = append(found, m)
					matched = k
					break
				}
			}
			if matched == 0 {
				j++
				continue
			}
			j += matched
		}
	}
	if len(found) == 0 {
		return nil
	}
	// Rune positions to byte offsets, and the masked text of each match.
	offs := make([]int, n+1)
	b := 0
	for k, r := range rs {
		offs[k] = b
		b += utf8.RuneLen(r)
	}
	offs[n] = b
	out := make([]Match, len(found))
	for k, m := range found {
		masked := append([]rune(nil), rs[m.start:m.end]...)
		for _, p := range m.mask {
			masked[p-m.start] = '*'
		}
		out[k] = Match{Type: m.typ, Start: offs[m.start], End: offs[m.end], Masked: string(masked)}
	}
	return out
}

// matchGroups reports whether the groups (the first led by "+" when plus,
// the last followed by an X when withX) form an identity, mobile or card
// number, and if so which runes it spans and which to mask.
func matchGroups(rs []rune, gs []group, plus, withX bool) (runeMatch, bool) {
	var digits []byte
	var pos []int // rune position of each digit
	var lens []int
	for _, g := range gs {
		lens = append(lens, g.len())
		for p := g.start; p < g.end; p++ {
			digits = append(digits, byte('0'+digitOf(rs[p])))
			pos = append(pos, p)
		}
	}
	start, end := gs[0].start, gs[len(gs)-1].end
	// Resident identity number: 18 characters, ungrouped or 6-8-4.
	if !plus && (len(gs) == 1 || len(gs) == 3 && lens[0] == 6 && lens[1] == 8) {
		id, idPos := digits, pos
		if withX {
			id = append(append([]byte(nil), digits...), 'X')
			idPos = append(append([]int(nil), pos...), end)
		}
		if len(id) == 18 && (len(gs) == 1 || len(gs) == 3 && len(id)-lens[0]-lens[1] == 4) && ValidResidentID(string(id)) {
			return runeMatch{typ: workbench.PIIResidentID, start: start, end: idPos[17] + 1, mask: idPos[3:17]}, true
		}
	}
	if withX {
		return runeMatch{}, false
	}
	// Mobile number, perhaps after 86 / +86.
	phone, phonePos, phoneLens := digits, pos, lens
	if len(gs) > 1 && string(digits[:2]) == "86" && lens[0] == 2 {
		phone, phonePos, phoneLens = digits[2:], pos[2:], lens[1:]
	} else if len(gs) == 1 && len(digits) == 13 && string(digits[:2]) == "86" {
		phone, phonePos, phoneLens = digits[2:], pos[2:], []int{11}
	} else if plus {
		phone = nil // "+" leads only 86
	}
	if len(phone) == 11 && phone[0] == '1' && phone[1] >= '3' && phone[1] <= '9' &&
		(len(phoneLens) == 1 || len(phoneLens) == 3 && phoneLens[0] == 3 && phoneLens[1] == 4) {
		return runeMatch{typ: workbench.PIIMobile, start: start, end: end, mask: phonePos[3:7]}, true
	}
	// Bank card.
	if !plus && len(digits) >= 13 && len(digits) <= 19 && cardGrouping(lens) && cardPrefix(digits) && Luhn(string(digits)) {
		return runeMatch{typ: workbench.PIIBankCard, start: start, end: end, mask: pos[:len(pos)-4]}, true
	}
	return runeMatch{}, false
}

// cardGrouping accepts an ungrouped number, groups of 4 with a last group
// of 1–4, and the 4-6-5 and 4-6-4 groupings.
func cardGrouping(lens []int) bool {
	switch {
	case len(lens) == 1:
		return true
	case len(lens) == 3 && lens[0] == 4 && lens[1] == 6 && (lens[2] == 5 || lens[2] == 4):
		return true
	case len(lens) < 3:
		return false
	}
	for _, l := range lens[:len(lens)-1] {
		if l != 4 {
			return false
		}
	}
	return lens[len(lens)-1] >= 1 && lens[len(lens)-1] <= 4
}

// cardPrefix reports whether digits start like a payment card (3x, 4x,
// 5x, 6x, 8x, 9x or the Mastercard 2221–2720 range); this keeps compact
// timestamps and years such as 20240315103000 apart from card numbers.
func cardPrefix(d []byte) bool {
	switch d[0] {
	case '3', '4', '5', '6', '8', '9':
		return true
	case '2':
		p := int(d[0]-'0')*1000 + int(d[1]-'0')*100 + int(d[2]-'0')*10 + int(d[3]-'0')
		return p >= 2221 && p <= 2720
	}
	return false
}

// Luhn reports whether the ASCII digits d pass the Luhn check; anything
// but a digit fails it.
func Luhn(d string) bool {
	if d == "" {
		return false
	}
	sum := 0
	for i := 0; i < len(d); i++ {
		c := d[len(d)-1-i]
		if c < '0' || c > '9' {
			return false
		}
		v := int(c - '0')
		if i%2 == 1 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

// provinces are the first two digits of resident identity numbers.
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

// ValidResidentID checks an 18-character GB 11643 number (ASCII digits,
// the last perhaps an upper-case X): province, birth date (1900–2099) and
// the ISO 7064 MOD 11-2 check character.
func ValidResidentID(id string) bool {
	if len(id) != 18 || !provinces[id[:2]] {
		return false
	}
	for i := 0; i < 17; i++ {
		if id[i] < '0' || id[i] > '9' {
			return false
		}
	}
	year := atoi(id[6:10])
	month := atoi(id[10:12])
	day := atoi(id[12:14])
	if year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 {
		return false
	}
	if t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC); t.Day() != day {
		return false
	}
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(id[i]-'0') * w
	}
	return "10X98765432"[sum%11] == id[17]
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
