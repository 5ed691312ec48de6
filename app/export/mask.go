package export

import (
	"regexp"
	"strings"
	"time"
)

// MaskPersonalInfo masks the personal information in s — what the
// workbook writes in every free-text cell unless Data.IncludePersonalInfo
// is set:
//
//   - PRC resident identity numbers (GB 11643: 18 characters, a province
//     code, a valid birth date and a valid ISO 7064 MOD 11-2 check
//     character, X or x included; also written 6-8-4 with spaces) keep their
//     first 3 and last character: 110**************X. Neither the birth
//     date, the county nor the sex can be read from what remains. A number
//     with a wrong check character is not masked. The old 15-digit numbers
//     are not recognised.
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
// left alone, as are dates, times and ids like INC-0042. Chinese text may
// touch the number directly ("手机13800138000联系"). Full-width digits
// (１３８…) are recognised like ASCII ones.
//
// MaskPersonalInfo is deterministic: the app can tell that an edited cell
// still holds the masked export of a stored text by comparing it with
// MaskPersonalInfo of that text (see IsMaskedOf).
func MaskPersonalInfo(s string) string {
	if strings.IndexByte(s, '@') >= 0 {
		s = emailRE.ReplaceAllStringFunc(s, maskEmail)
	}
	if hasDigit(s) {
		s = maskNumbers(s)
	}
	return s
}

// IsMaskedOf reports whether cell is what the workbook shows for original
// when personal information is masked, that is MaskPersonalInfo(original).
// The app uses it to avoid overwriting a stored note or finding with its
// own masked export; when original holds no personal information it is
// simply cell == original.
func IsMaskedOf(cell, original string) bool {
	return MaskPersonalInfo(original) == cell
}

// emailRE matches an e-mail address: leftmost-first matching makes the
// local part as long as it can be, so it never starts in the middle of one.
var emailRE = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}`)

func maskEmail(m string) string {
	at := strings.IndexByte(m, '@')
	return m[:1] + "***" + m[at:]
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			return true
		}
		// U+FF10…U+FF19 (full-width digits) are EF BC 90…99 in UTF-8.
		if c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
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

// maskNumbers finds runs of digit groups — separated by single blanks or
// hyphens, optionally led by "+" and ended by an X — and masks the
// identity, mobile and card numbers among them.
func maskNumbers(s string) string {
	rs := []rune(s)
	n := len(rs)
	changed := false
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
				if maskMatch(rs, groups[j:j+k], plus && j == 0, withX) {
					matched = k
					break
				}
			}
			if matched == 0 {
				j++
				continue
			}
			changed = true
			j += matched
		}
	}
	if !changed {
		return s
	}
	return string(rs)
}

// maskMatch reports whether the groups (the first led by "+" when plus, the
// last followed by an X when withX) form an identity, mobile or card number
// and, if so, masks it in rs.
func maskMatch(rs []rune, gs []group, plus, withX bool) bool {
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
	// Resident identity number: 18 characters, ungrouped or 6-8-4.
	if !plus && (len(gs) == 1 || len(gs) == 3 && lens[0] == 6 && lens[1] == 8) {
		id, idPos := digits, pos
		if withX {
			id = append(append([]byte(nil), digits...), 'X')
			idPos = append(append([]int(nil), pos...), gs[len(gs)-1].end)
		}
		if len(id) == 18 && (len(gs) == 1 || len(gs) == 3 && len(id)-lens[0]-lens[1] == 4) && validResidentID(string(id)) {
			for _, p := range idPos[3:17] {
				rs[p] = '*'
			}
			return true
		}
	}
	if withX {
		return false
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
		for _, p := range phonePos[3:7] {
			rs[p] = '*'
		}
		return true
	}
	// Bank card.
	if !plus && len(digits) >= 13 && len(digits) <= 19 && cardGrouping(lens) && cardPrefix(digits) && luhn(digits) {
		for _, p := range pos[:len(pos)-4] {
			rs[p] = '*'
		}
		return true
	}
	return false
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

// luhn reports whether the digits pass the Luhn check.
func luhn(d []byte) bool {
	sum := 0
	for i := range d {
		v := int(d[len(d)-1-i] - '0')
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

// validResidentID checks an 18-character GB 11643 number (digits, the last
// perhaps X): province, birth date and the ISO 7064 MOD 11-2 check
// character.
func validResidentID(id string) bool {
	if len(id) != 18 || !provinces[id[:2]] {
		return false
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
		if id[i] < '0' || id[i] > '9' {
			return false
		}
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
