package values

import (
	"math"
	"strconv"
	"strings"
)

// decimal is a non-negative decimal number mant × 10^exp, read without
// rounding so that "1.2" with the multiplier 万 is exactly 12000 and
// "1.2TB" is exactly 1.2e12 bytes.
type decimal struct {
	mant   uint64
	exp    int
	digits int  // significant digits held in mant, at most 19
	lossy  bool // non-zero digits beyond the 19th were dropped
}

const maxMantDigits = 19 // 10^19-1 < 2^64

// addDigit appends the decimal digit c to d, in the fraction when frac.
func (d *decimal) addDigit(c byte, frac bool) {
	if d.mant == 0 && c == '0' {
		if frac {
			d.exp--
		}
		return
	}
	if d.digits < maxMantDigits {
		d.mant = d.mant*10 + uint64(c-'0')
		d.digits++
		if frac {
			d.exp--
		}
		return
	}
	if !frac {
		d.exp++
	}
	if c != '0' {
		d.lossy = true
	}
}

// parseDecimal reads a non-negative decimal number at the start of s: an
// optional '+', digits with optional thousands separators ("1,234,567",
// groups of three), an optional fraction (".5", "1.25") and, when allowExp,
// an optional exponent ("1.2e9", "1.2E+09"). It returns the number, the
// bytes read, and ok=false when there is no number or the thousands
// separators are misplaced ("1,23", "12,34,567"). A '-' sign is not read.
func parseDecimal(s string, allowExp bool) (d decimal, n int, ok bool) {
	i := 0
	if i < len(s) && s[i] == '+' {
		i++
	}
	nd, group, commas := 0, 0, false
	for i < len(s) {
		c := s[i]
		if isDigit(c) {
			d.addDigit(c, false)
			nd++
			group++
			i++
			continue
		}
		if c == ',' && nd > 0 {
			if group == 0 || group > 3 || (commas && group != 3) {
				return decimal{}, 0, false
			}
			commas, group = true, 0
			i++
			continue
		}
		break
	}
	if commas && group != 3 {
		return decimal{}, 0, false
	}
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		i++
		for i < len(s) && isDigit(s[i]) {
			d.addDigit(s[i], true)
			nd++
			i++
		}
	}
	if nd == 0 {
		return decimal{}, 0, false
	}
	if allowExp && i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		neg := false
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			neg = s[j] == '-'
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			e := 0
			for j < len(s) && isDigit(s[j]) {
				if e < 100000 {
					e = e*10 + int(s[j]-'0')
				}
				j++
			}
			if neg {
				e = -e
			}
			d.exp += e
			i = j
		}
	}
	return d, i, true
}

var pow10tab = [...]float64{
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
}

// float returns d as the nearest float64 (+Inf when too large).
func (d decimal) float() float64 {
	if d.mant == 0 {
		return 0
	}
	if d.mant <= 1<<53 {
		// Both operands are exact, so the one operation rounds correctly.
		if d.exp >= 0 && d.exp < len(pow10tab) {
			return float64(d.mant) * pow10tab[d.exp]
		}
		if d.exp < 0 && -d.exp < len(pow10tab) {
			return float64(d.mant) / pow10tab[-d.exp]
		}
	}
	exp := d.exp
	if exp > 100000 {
		return math.Inf(1)
	}
	if exp < -100000 {
		return 0
	}
	var buf [48]byte
	b := strconv.AppendUint(buf[:0], d.mant, 10)
	b = append(b, 'e')
	b = strconv.AppendInt(b, int64(exp), 10)
	f, _ := strconv.ParseFloat(string(b), 64) // ±Inf or 0 on range errors
	return f
}

const maxCount = 1 << 62

// int returns d as a whole number no greater than 2^62, or ok=false when it
// is larger or has a fractional part.
func (d decimal) int() (int64, bool) {
	if d.lossy {
		return 0, false
	}
	if d.mant == 0 {
		return 0, true
	}
	v := d.mant
	if d.exp >= 0 {
		for e := 0; e < d.exp; e++ {
			if v > maxCount/10 {
				return 0, false
			}
			v *= 10
		}
	} else {
		for e := 0; e < -d.exp; e++ {
			if v%10 != 0 {
				return 0, false
			}
			v /= 10
		}
	}
	if v > maxCount {
		return 0, false
	}
	return int64(v), true
}

// multiplier is a word that multiplies the number before it by 10^exp.
type multiplier struct {
	text    string
	exp     int
	exact   bool // match case exactly ("T" is trillion, "t" is not)
	chinese bool
}

// multipliers lists the multiplier words, longer before shorter where one is
// the prefix of another (all matching words are tried anyway).
var multipliers = []multiplier{
	{text: "万亿", exp: 12, chinese: true},
	{text: "千亿", exp: 11, chinese: true},
	{text: "百亿", exp: 10, chinese: true},
	{text: "十亿", exp: 9, chinese: true},
	{text: "亿", exp: 8, chinese: true},
	{text: "千万", exp: 7, chinese: true},
	{text: "百万", exp: 6, chinese: true},
	{text: "十万", exp: 5, chinese: true},
	{text: "万", exp: 4, chinese: true},
	{text: "千", exp: 3, chinese: true},
	{text: "thousands", exp: 3},
	{text: "thousand", exp: 3},
	{text: "millions", exp: 6},
	{text: "million", exp: 6},
	{text: "billions", exp: 9},
	{text: "billion", exp: 9},
	{text: "trillions", exp: 12},
	{text: "trillion", exp: 12},
	{text: "mn", exp: 6},
	{text: "bn", exp: 9},
	{text: "k", exp: 3},
	{text: "m", exp: 6},
	{text: "b", exp: 9},
	{text: "w", exp: 4}, // "10w+" for 十万, common in Chinese spreadsheets
	{text: "T", exp: 12, exact: true},
}

// multiplierIndex holds multipliers by the lower-cased first byte of their
// text, in the order of multipliers.
var multiplierIndex = func() (index [256][]multiplier) {
	for _, m := range multipliers {
		c := lowerByte(m.text[0])
		index[c] = append(index[c], m)
	}
	return index
}()

// match reports whether s begins with the multiplier word.
func (m multiplier) match(s string) bool {
	if m.exact {
		return strings.HasPrefix(s, m.text)
	}
	return hasPrefixFold(s, m.text)
}

// cnDigit returns the value of a Chinese numeral digit at the start of s
// and its length in bytes.
func cnDigit(s string) (int, int) {
	if len(s) < 3 {
		return -1, 0
	}
	switch s[:3] {
	case "零", "〇":
		return 0, 3
	case "一":
		return 1, 3
	case "二", "两":
		return 2, 3
	case "三":
		return 3, 3
	case "四":
		return 4, 3
	case "五":
		return 5, 3
	case "六":
		return 6, 3
	case "七":
		return 7, 3
	case "八":
		return 8, 3
	case "九":
		return 9, 3
	}
	return -1, 0
}

// cnUnit returns the value of a Chinese numeral unit (十, 百, 千) at the
// start of s, or 0.
func cnUnit(s string) int {
	if len(s) < 3 {
		return 0
	}
	switch s[:3] {
	case "十":
		return 10
	case "百":
		return 100
	case "千":
		return 1000
	}
	return 0
}

// parseChinese reads a number written in Chinese numerals at the start of
// s: 五, 十五, 二十, 九十九, 一百, 一百零五, 一百五 (150), 两千, 半 (0.5) and
// decimals such as 三点五. It returns the number and the bytes read.
func parseChinese(s string) (d decimal, n int, ok bool) {
	if strings.HasPrefix(s, "半") {
		return decimal{mant: 5, exp: -1, digits: 1}, len("半"), true
	}
	total := 0
	cur := -1         // pending digit, -1 when none
	lastUnit := 10000 // units must decrease: 千 > 百 > 十
	zero := false     // a 零 since the last unit
	read := false
	i := 0
	for i < len(s) {
		if v, w := cnDigit(s[i:]); w > 0 {
			if v == 0 {
				if cur >= 0 || !read {
					break
				}
				zero = true
				i += w
				continue
			}
			if cur >= 0 {
				break // two digits in a row: not a number we read
			}
			cur = v
			read = true
			i += w
			continue
		}
		if u := cnUnit(s[i:]); u > 0 && u < lastUnit {
			v := cur
			if v < 0 {
				if total != 0 || u != 10 {
					break
				}
				v = 1 // 十五
			}
			total += v * u
			cur, lastUnit, zero, read = -1, u, false, true
			i += 3
			continue
		}
		break
	}
	if !read {
		return decimal{}, 0, false
	}
	if cur >= 0 {
		if lastUnit >= 100 && lastUnit < 10000 && !zero {
			cur *= lastUnit / 10 // 一百五 is 150, 两千三 is 2300
		}
		total += cur
	}
	for t := total; t > 0; t /= 10 {
		d.digits++
	}
	d.mant = uint64(total)
	if strings.HasPrefix(s[i:], "点") {
		j := i + len("点")
		frac := false
		for j < len(s) {
			v, w := cnDigit(s[j:])
			if w == 0 {
				break
			}
			d.addDigit(byte('0'+v), true)
			frac = true
			j += w
		}
		if frac {
			i = j
		}
	}
	return d, i, true
}

// parseNumber reads a number written in Arabic digits or, failing that, in
// Chinese numerals.
func parseNumber(s string, allowExp bool) (decimal, int, bool) {
	if d, n, ok := parseDecimal(s, allowExp); ok {
		return d, n, true
	}
	return parseChinese(s)
}
