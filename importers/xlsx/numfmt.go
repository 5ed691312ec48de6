package xlsx

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// numKind says how a number under a given number format is written out.
type numKind uint8

const (
	kindGeneral numKind = iota // plain decimal
	kindPercent                // value*100 followed by "%"
	kindDate                   // date, time or date-time
)

// numStyle is what the reader needs to know about a number format.
type numStyle struct {
	kind    numKind
	hasDate bool // the format shows a date (y, d, or m as month)
	hasTime bool // the format shows a time of day (h, s, m as minute, AM/PM)
	elapsed bool // [h], [m] or [s]: a duration rather than a time of day
}

// builtinFormats are the built-in number formats that carry a date, time or
// percentage, as Excel defines them for a zh-CN installation (ids 27–36 and
// 50–58 are locale dependent; in every East Asian locale they are dates or
// times). Ids not listed are plain numbers (General, 0.00, #,##0, currency,
// accounting, scientific, fractions, text).
var builtinFormats = map[int]string{
	9:  "0%",
	10: "0.00%",
	14: "yyyy/m/d",
	15: "d-mmm-yy",
	16: "d-mmm",
	17: "mmm-yy",
	18: "h:mm AM/PM",
	19: "h:mm:ss AM/PM",
	20: "h:mm",
	21: "h:mm:ss",
	22: "yyyy/m/d h:mm",
	27: `yyyy"年"m"月"`,
	28: `m"月"d"日"`,
	29: `m"月"d"日"`,
	30: "m-d-yy",
	31: `yyyy"年"m"月"d"日"`,
	32: `h"时"mm"分"`,
	33: `h"时"mm"分"ss"秒"`,
	34: `上午/下午h"时"mm"分"`,
	35: `上午/下午h"时"mm"分"ss"秒"`,
	36: `yyyy"年"m"月"`,
	45: "mm:ss",
	46: "[h]:mm:ss",
	47: "mm:ss.0",
	50: `yyyy"年"m"月"`,
	51: `m"月"d"日"`,
	52: `yyyy"年"m"月"`,
	53: `m"月"d"日"`,
	54: `m"月"d"日"`,
	55: `上午/下午h"时"mm"分"`,
	56: `上午/下午h"时"mm"分"ss"秒"`,
	57: `yyyy"年"m"月"`,
	58: `m"月"d"日"`,
}

// classifyFormat reads a number format code. Quoted text, backslash
// escapes, the characters after _ and *, and bracketed sections (colours,
// conditions, locales) are ignored, except the elapsed-time brackets [h],
// [m], [s]. Unquoted 年月日 and 时分秒 (which some producers leave
// unquoted) count as date and time hints.
func classifyFormat(code string) numStyle {
	var st numStyle
	var month, percent bool
	lower := strings.ToLower(code)
	lower = strings.ReplaceAll(lower, "general", "")
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		switch c {
		case '"':
			j := strings.IndexByte(lower[i+1:], '"')
			if j < 0 {
				i = len(lower)
			} else {
				i += j + 1
			}
		case '\\', '_', '*':
			i++ // the next byte is a literal; a multi-byte rune's tail bytes are not tokens anyway
		case '[':
			j := strings.IndexByte(lower[i+1:], ']')
			if j < 0 {
				i = len(lower)
				break
			}
			inner := lower[i+1 : i+1+j]
			if inner != "" && strings.Trim(inner, "hms") == "" &&
				(strings.Trim(inner, "h") == "" || strings.Trim(inner, "m") == "" || strings.Trim(inner, "s") == "") {
				st.elapsed, st.hasTime = true, true
			}
			i += j + 1
		case 'y', 'd':
			st.hasDate = true
		case 'h', 's':
			st.hasTime = true
		case 'm':
			month = true
		case '%':
			percent = true
		default:
			if c >= 0x80 {
				switch {
				case strings.HasPrefix(lower[i:], "年"), strings.HasPrefix(lower[i:], "月"), strings.HasPrefix(lower[i:], "日"):
					st.hasDate = true
				case strings.HasPrefix(lower[i:], "时"), strings.HasPrefix(lower[i:], "時"),
					strings.HasPrefix(lower[i:], "分"), strings.HasPrefix(lower[i:], "秒"):
					st.hasTime = true
				}
			}
		}
	}
	if month && !st.hasTime {
		st.hasDate = true // m without h or s is a month
	}
	switch {
	case st.hasDate || st.hasTime:
		st.kind = kindDate
	case percent:
		st.kind = kindPercent
	}
	return st
}

// formatNumber writes the raw text of a numeric cell under a style.
func formatNumber(raw []byte, st numStyle, date1904 bool) string {
	raw = trimSpace(raw)
	switch st.kind {
	case kindPercent:
		s, ok := canonicalNumber(raw)
		if !ok {
			return validString(raw)
		}
		return shiftDecimal(s, 2) + "%"
	case kindDate:
		v, err := strconv.ParseFloat(string(raw), 64)
		if err == nil {
			if s, ok := formatSerial(v, st, date1904); ok {
				return s
			}
		}
	}
	s, ok := canonicalNumber(raw)
	if !ok {
		return validString(raw)
	}
	return s
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// canonicalNumber returns the plain decimal text of a stored number: no
// exponent, no thousands separators, no needless zeros. Integers keep all
// their digits. Other numbers are rounded to 15 significant digits, the
// precision Excel keeps and shows, so a stored 0.30000000000000004 reads
// 0.3. ok is false when raw is not a finite number.
func canonicalNumber(raw []byte) (string, bool) {
	if len(raw) == 0 {
		return "", false
	}
	if simpleDecimal(raw) {
		return string(raw), true
	}
	if s, ok := plainInteger(raw); ok {
		return s, true
	}
	v, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return "", false
	}
	return formatFloat(v), true
}

// formatFloat writes v as a plain decimal rounded to 15 significant digits.
func formatFloat(v float64) string {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'e', 14, 64), 64)
	s := strconv.FormatFloat(r, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// simpleDecimal reports whether raw is already canonical: an optional
// minus, an integer part without leading zeros, an optional fraction
// without trailing zeros, at most 15 significant digits, and not -0.
func simpleDecimal(b []byte) bool {
	i := 0
	neg := false
	if b[0] == '-' {
		neg, i = true, 1
	}
	if i >= len(b) {
		return false
	}
	intStart := i
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	intDigits := b[intStart:i]
	if len(intDigits) == 0 || (len(intDigits) > 1 && intDigits[0] == '0') {
		return false
	}
	sig := len(intDigits)
	if intDigits[0] == '0' {
		sig = 0
	}
	if i == len(b) {
		return sig <= 15 && !(neg && sig == 0)
	}
	if b[i] != '.' {
		return false
	}
	i++
	fracStart := i
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	frac := b[fracStart:i]
	if i != len(b) || len(frac) == 0 || frac[len(frac)-1] == '0' {
		return false
	}
	if sig == 0 {
		k := 0
		for k < len(frac) && frac[k] == '0' {
			k++
		}
		sig = len(frac) - k
	} else {
		sig += len(frac)
	}
	return sig <= 15
}

// plainInteger canonicalizes an integer written without exponent or
// fraction, keeping every digit.
func plainInteger(b []byte) (string, bool) {
	neg := false
	if b[0] == '-' || b[0] == '+' {
		neg = b[0] == '-'
		b = b[1:]
	}
	if len(b) == 0 {
		return "", false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	for len(b) > 1 && b[0] == '0' {
		b = b[1:]
	}
	if len(b) == 1 && b[0] == '0' {
		return "0", true
	}
	if neg {
		return "-" + string(b), true
	}
	return string(b), true
}

// shiftDecimal multiplies a plain decimal by 10^n by moving its point.
func shiftDecimal(s string, n int) string {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	for range n {
		if frac != "" {
			intPart += frac[:1]
			frac = frac[1:]
		} else {
			intPart += "0"
		}
	}
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	frac = strings.TrimRight(frac, "0")
	out := intPart
	if frac != "" {
		out += "." + frac
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out
}

const (
	msPerDay = 86_400_000
	// maxSerial1900 is 9999-12-31, the last day Excel can show.
	maxSerial1900 = 2_958_465
	maxSerial1904 = maxSerial1900 - 1462
)

// formatSerial writes an Excel date serial as ISO 8601: "2024-03-05",
// "2024-03-05T14:03:00", "14:03:00", or for elapsed-time formats a
// duration such as "25:30:00". Milliseconds appear only when not zero.
// ok is false when the serial is no date Excel could show.
func formatSerial(v float64, st numStyle, date1904 bool) (string, bool) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "", false
	}
	if st.elapsed {
		if math.Abs(v) > 1e9 {
			return "", false
		}
		ms := int64(math.Round(math.Abs(v) * msPerDay))
		sign := ""
		if v < 0 && ms != 0 {
			sign = "-"
		}
		h := ms / 3_600_000
		return sign + strconv.FormatInt(h, 10) + ":" + clock(ms%3_600_000 + 3_600_000)[3:], true
	}
	if v < 0 {
		return "", false
	}
	limit := float64(maxSerial1900)
	if date1904 {
		limit = maxSerial1904
	}
	if v >= limit+1 {
		return "", false
	}
	days := int(v)
	ms := int64(math.Round((v - float64(days)) * msPerDay))
	if ms >= msPerDay {
		days++
		ms -= msPerDay
	}
	if !date1904 && days == 0 || !st.hasDate && v < 1 {
		// In the 1900 system serial 0 is the non-day "1900-01-00": what is
		// left is a time of day.
		if ms == 0 && !st.hasTime {
			return "", false
		}
		return clock(ms), true
	}
	var d string
	switch {
	case date1904:
		d = time.Date(1904, 1, 1+days, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	case days == 60:
		d = "1900-02-29" // Excel's Lotus-compatible day that never was
	case days < 60:
		d = time.Date(1899, 12, 31+days, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	default:
		d = time.Date(1899, 12, 30+days, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	if ms == 0 && !st.hasTime {
		return d, true
	}
	return d + "T" + clock(ms), true
}

// clock writes milliseconds into a day as HH:MM:SS[.mmm].
func clock(ms int64) string {
	h, m, s, f := ms/3_600_000, ms/60_000%60, ms/1000%60, ms%1000
	b := make([]byte, 0, 12)
	b = append(b, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10))
	if f != 0 {
		b = append(b, '.', byte('0'+f/100), byte('0'+f/10%10), byte('0'+f%10))
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
	}
	return string(b)
}

// isoLayouts are the forms of ISO 8601 a t="d" cell may hold.
var isoLayouts = []string{
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02",
	"15:04:05.999999999",
	"15:04:05",
}

// formatISODate normalizes the ISO 8601 text of a t="d" cell to the same
// forms formatSerial writes.
func formatISODate(raw []byte, st numStyle) string {
	s := string(trimSpace(raw))
	for _, layout := range isoLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		ms := int64(t.Hour())*3_600_000 + int64(t.Minute())*60_000 + int64(t.Second())*1000 + int64(t.Nanosecond()/1e6)
		if strings.HasPrefix(layout, "15") || (!st.hasDate && st.hasTime && t.Year() <= 1900) {
			return clock(ms)
		}
		d := t.Format(time.DateOnly)
		if ms == 0 && !st.hasTime {
			return d
		}
		return d + "T" + clock(ms)
	}
	return validString(raw)
}
