package values

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Excel serial day numbers read as dates: 1950-01-01 .. 2099-12-31. Smaller
// or larger numbers in a date column are much more likely counts or codes.
const (
	minSerial = 18264
	maxSerial = 73050
	// serialUnix is the serial number of 1970-01-01 in Excel's 1900 date
	// system, whose day 0 is 1899-12-30 for all serials after its
	// fictitious 1900-02-29 (serial 60).
	serialUnix = 25569
)

// Years accepted in written dates.
const (
	minYear = 1900
	maxYear = 2200
)

// dateTime is a calendar date with an optional wall-clock time, as precise
// as it was written, with the zone offset when one was written.
type dateTime struct {
	year, month, day     int
	hour, minute, second int
	hasTime              bool
	prec                 Precision
	zoned                bool
	offset               int // seconds east of UTC, when zoned
}

// ParseDate reads a calendar date and returns it as "YYYY-MM-DD", or as
// "YYYY-MM" or "YYYY" when only the month or the year is written. It accepts
// 2024-03-05, 2024-3-5, 2024/3/5, 2024.3.5, 20240305, 2024年3月5日 (also with
// 号 for 日, or with no 日), 2024-03, 2024/3, 2024年3月, 2024年 and 2024, each
// full date optionally followed by any time that ParseDateTime accepts, which
// is dropped; ISO 8601 with "T" and a zone, whose date part is taken as
// written with no zone conversion; and Excel serial day numbers in the 1900
// date system written as a number ("45356", "45356.5") from 18264 to 73050
// (1950-01-01 .. 2099-12-31). Impossible dates (2024-02-30) and years
// outside 1900..2200 are ok=false. A serial with a fraction is first rounded
// to the nearest second, as in ParseDateTime, so ParseDate always returns
// the date part of what ParseDateTime returns.
func ParseDate(s string) (string, bool) {
	s = clean(s)
	dt, ok := parseDateTime(s)
	if !ok {
		return "", false
	}
	dt.hasTime, dt.zoned = false, false
	dt.prec = min(dt.prec, Day)
	return format(s, dt), true
}

// ParseDateTime reads a date with an optional time of day and returns it in
// ISO 8601 as precise as it was written: "YYYY-MM-DDTHH:MM:SS" when the text
// has seconds, "YYYY-MM-DDTHH:MM" when it has minutes, "YYYY-MM-DDTHH" for
// an hour alone (14时), "YYYY-MM-DD" for a date, "YYYY-MM" and "YYYY" for a
// month or a year. A zone written after the time is kept as an offset:
// "Z" for UTC, "+08:00" and the like otherwise (see [ParseTime] for how such
// values compare). It accepts the dates of ParseDate followed by a space,
// "T" or (after a date in Chinese) nothing, then a time: 14:03, 14:03:05,
// 14:03:05.123 (fractional seconds are dropped), 14时, 14时03分, 14时03分05秒,
// 14点03分, 14点半, 2:03 PM, 下午2:03 (上午, 下午, 凌晨, 早上, 中午, 晚上),
// optionally followed by a zone (Z, +08:00, +0800, -05, UTC, GMT+8, CST —
// read as China Standard Time). An Excel serial with a fraction has a time
// to the second ("45356.5" is 2024-03-05T12:00:00), rounded to the nearest
// second; one written without a fraction is a date. A time with no date is
// ok=false.
func ParseDateTime(s string) (string, bool) {
	s = clean(s)
	dt, ok := parseDateTime(s)
	if !ok {
		return "", false
	}
	return format(s, dt), true
}

// format writes dt in ISO 8601 at its precision, with its zone offset when
// it has one (see ParseDateTime). When the text s starts with exactly that,
// it returns that part of s rather than allocating a new string.
func format(s string, dt dateTime) string {
	var b [25]byte
	n := appendStored(b[:0], dt)
	if len(s) >= len(n) && s[:len(n)] == string(n) {
		return s[:len(n)]
	}
	return string(n)
}

// appendStored appends dt in the form format writes.
func appendStored(b []byte, dt dateTime) []byte {
	var d [4]byte
	put4(d[:], dt.year)
	b = append(b, d[:4]...)
	if dt.prec >= Month {
		put2(d[:], dt.month)
		b = append(b, '-', d[0], d[1])
	}
	if dt.prec >= Day {
		put2(d[:], dt.day)
		b = append(b, '-', d[0], d[1])
	}
	if dt.prec >= Hour {
		put2(d[:], dt.hour)
		b = append(b, 'T', d[0], d[1])
	}
	if dt.prec >= Minute {
		put2(d[:], dt.minute)
		b = append(b, ':', d[0], d[1])
	}
	if dt.prec >= Second {
		put2(d[:], dt.second)
		b = append(b, ':', d[0], d[1])
	}
	if dt.zoned && dt.prec >= Hour {
		b = appendOffset(b, dt.offset)
	}
	return b
}

// appendOffset appends a zone offset: "Z" for UTC, else "+08:00".
func appendOffset(b []byte, offset int) []byte {
	if offset == 0 {
		return append(b, 'Z')
	}
	sign := byte('+')
	if offset < 0 {
		sign, offset = '-', -offset
	}
	var d [2]byte
	put2(d[:], offset/3600)
	b = append(b, sign, d[0], d[1], ':')
	put2(d[:], offset/60%60)
	return append(b, d[0], d[1])
}

func put2(b []byte, v int) {
	b[0] = byte('0' + v/10%10)
	b[1] = byte('0' + v%10)
}

func put4(b []byte, v int) {
	b[0] = byte('0' + v/1000%10)
	b[1] = byte('0' + v/100%10)
	b[2] = byte('0' + v/10%10)
	b[3] = byte('0' + v%10)
}

// digitsAt counts the ASCII digits at the start of s[i:].
func digitsAt(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

// num reads the value of the n digits at s[i:].
func num(s string, i, n int) int {
	v := 0
	for j := i; j < i+n; j++ {
		v = v*10 + int(s[j]-'0')
	}
	return v
}

// read12 reads a number of one or two digits at s[i:] and returns it and
// the index after it; ok=false when there are none or more than two.
func read12(s string, i int) (v, j int, ok bool) {
	n := digitsAt(s, i)
	if n < 1 || n > 2 {
		return 0, i, false
	}
	return num(s, i, n), i + n, true
}

// parseDateTime reads clean text as a date with an optional time, or as a
// month or a year alone.
func parseDateTime(s string) (dt dateTime, ok bool) {
	n := digitsAt(s, 0)
	var i int
	direct := false // a time may follow the date with no separator
	dt.prec = Day
	switch n {
	case 4:
		dt.year = num(s, 0, 4)
		if len(s) == 4 {
			dt.prec, dt.month, dt.day = Year, 1, 1
			break
		}
		switch sep := s[4]; sep {
		case '-', '/', '.':
			if dt.month, i, ok = read12(s, 5); !ok {
				return dt, false
			}
			if i == len(s) {
				dt.prec, dt.day = Month, 1
				break
			}
			if s[i] != sep {
				return dt, false
			}
			if dt.day, i, ok = read12(s, i+1); !ok {
				return dt, false
			}
		default:
			if i, ok = cjkDate(s, &dt); !ok {
				return dt, false
			}
			direct = true
		}
	case 8:
		dt.year, dt.month, dt.day = num(s, 0, 4), num(s, 4, 2), num(s, 6, 2)
		i = 8
	case 5:
		return excelSerial(s)
	default:
		return dt, false
	}
	if dt.year < minYear || dt.year > maxYear || dt.month < 1 || dt.month > 12 ||
		dt.day < 1 || dt.day > daysIn(dt.year, dt.month) {
		return dt, false
	}
	if dt.prec < Day {
		return dt, i == len(s) || dt.prec == Year && len(s) == 4
	}
	rest := s[i:]
	if rest == "" {
		return dt, true
	}
	if rest[0] == 'T' || rest[0] == 't' {
		rest = rest[1:]
	} else {
		r := skipSpaces(rest)
		if len(r) == len(rest) && !direct {
			return dt, false
		}
		rest = r
	}
	if !parseTime(rest, &dt) {
		return dt, false
	}
	dt.hasTime = true
	return dt, true
}

// cjkDate reads "年M月D日" (with optional spaces, 号 for 日, or no 日), or
// "年M月" or "年" alone, after the four digits of the year in s, and returns
// the index after it.
func cjkDate(s string, dt *dateTime) (int, bool) {
	r, ok := strings.CutPrefix(skipSpaces(s[4:]), "年")
	if !ok {
		return 0, false
	}
	r = skipSpaces(r)
	if r == "" {
		dt.prec, dt.month, dt.day = Year, 1, 1
		return len(s), true
	}
	i := len(s) - len(r)
	if dt.month, i, ok = read12(s, i); !ok {
		return 0, false
	}
	r = skipSpaces(s[i:])
	if r, ok = strings.CutPrefix(r, "月"); !ok {
		return 0, false
	}
	r = skipSpaces(r)
	if r == "" || strings.HasPrefix(r, "份") && skipSpaces(r[len("份"):]) == "" {
		dt.prec, dt.day = Month, 1
		return len(s), true
	}
	i = len(s) - len(r)
	if dt.day, i, ok = read12(s, i); !ok {
		return 0, false
	}
	r = skipSpaces(s[i:])
	if t, ok := strings.CutPrefix(r, "日"); ok {
		return len(s) - len(t), true
	}
	if t, ok := strings.CutPrefix(r, "号"); ok {
		return len(s) - len(t), true
	}
	return i, true
}

// excelSerial reads s, five digits with an optional fraction, as an Excel
// serial day number.
func excelSerial(s string) (dt dateTime, ok bool) {
	i := 5
	if i < len(s) {
		if s[i] != '.' || digitsAt(s, i+1) != len(s)-i-1 || len(s) == i+1 {
			return dt, false
		}
		dt.hasTime = true
	}
	dt.prec = Day
	if dt.hasTime {
		dt.prec = Second
	}
	whole := num(s, 0, 5)
	if whole < minSerial || whole > maxSerial {
		return dt, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return dt, false
	}
	secs := int64(math.Round(f * 86400))
	days := secs / 86400
	secs %= 86400
	dt.year, dt.month, dt.day = civilFromDays(days - serialUnix)
	dt.hour, dt.minute, dt.second = int(secs/3600), int(secs/60%60), int(secs%60)
	return dt, true
}

// civilFromDays converts days since 1970-01-01 to a proleptic Gregorian
// date (Howard Hinnant's algorithm).
func civilFromDays(z int64) (year, month, day int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return int(y), int(m), int(d)
}

// daysFromCivil converts a proleptic Gregorian date to days since
// 1970-01-01 (Howard Hinnant's algorithm, the inverse of civilFromDays).
func daysFromCivil(year, month, day int) int64 {
	y := int64(year)
	if month <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	m := int64(month)
	if m > 2 {
		m -= 3
	} else {
		m += 9
	}
	doy := (153*m+2)/5 + int64(day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// Day-period words before a time, and how they shift the hour.
const (
	periodNone = iota
	periodAM   // 上午 2:03, 2:03 AM
	periodPM   // 下午 2:03, 2:03 PM
	periodNoon // 中午 12:30, 中午 1:30
)

var periodWords = []struct {
	text   string
	period int
}{
	{"上午", periodAM}, {"凌晨", periodAM}, {"早上", periodAM}, {"早晨", periodAM},
	{"下午", periodPM}, {"晚上", periodPM}, {"傍晚", periodPM},
	{"中午", periodNoon},
}

// parseTime reads the whole of s as a time of day with an optional zone,
// and sets the time fields, the precision and the zone of dt.
func parseTime(s string, dt *dateTime) bool {
	period, latin := periodNone, false
	if s != "" && s[0] >= utf8.RuneSelf {
		for _, w := range periodWords {
			if r, ok := strings.CutPrefix(s, w.text); ok {
				period, s = w.period, skipSpaces(r)
				break
			}
		}
	}
	h, i, ok := read12(s, 0)
	if !ok || i >= len(s) {
		return false
	}
	m, sec := 0, 0
	prec := Minute
	if s[i] == ':' {
		if m, i, ok = read12(s, i+1); !ok {
			return false
		}
		if i < len(s) && s[i] == ':' {
			if sec, i, ok = read12(s, i+1); !ok {
				return false
			}
			prec = Second
			if i+1 < len(s) && (s[i] == '.' || s[i] == ',') && isDigit(s[i+1]) {
				i += 1 + digitsAt(s, i+1) // fractional seconds are dropped
			}
		}
	} else {
		r, ok := strings.CutPrefix(s[i:], "时")
		if !ok {
			if r, ok = strings.CutPrefix(s[i:], "点"); !ok {
				return false
			}
		}
		r = skipSpaces(r)
		prec = Hour
		if t, ok := strings.CutPrefix(r, "半"); ok {
			m, r, prec = 30, t, Minute
		} else if v, j, ok := read12(r, 0); ok {
			m, r, prec = v, skipSpaces(r[j:]), Minute
			if t, ok := strings.CutPrefix(r, "分"); ok {
				r = skipSpaces(t)
				if v, j, ok := read12(r, 0); ok {
					sec, r, prec = v, skipSpaces(r[j:]), Second
					if r, ok = strings.CutPrefix(r, "秒"); !ok {
						return false
					}
				}
			}
		}
		i = len(s) - len(r)
	}
	r := skipSpaces(s[i:])
	if period == periodNone && r != "" && (r[0]|0x20 == 'a' || r[0]|0x20 == 'p') {
		for _, w := range [...]struct {
			text   string
			period int
		}{{"am", periodAM}, {"a.m.", periodAM}, {"pm", periodPM}, {"p.m.", periodPM}} {
			if t, ok := cutPrefixFold(r, w.text); ok {
				period, latin, r = w.period, true, t
				break
			}
		}
	}
	offset, zoned, ok := parseZone(r)
	if !ok {
		return false
	}
	switch period {
	case periodAM:
		if h > 12 || (latin && h == 0) {
			return false
		}
		if h == 12 {
			h = 0
		}
	case periodPM:
		if latin && (h == 0 || h > 12) {
			return false
		}
		if h < 12 {
			h += 12
		}
	case periodNoon:
		if h < 11 {
			h += 12
		}
	}
	if h > 23 || m > 59 || sec > 59 {
		return false
	}
	dt.hour, dt.minute, dt.second = h, m, sec
	dt.prec, dt.zoned, dt.offset = prec, zoned, offset
	return true
}

// zoneNames are the time zones seen in spreadsheets, with their offsets in
// hours. CST is China Standard Time, as Chinese systems write it.
var zoneNames = map[string]int{
	"Z": 0, "UTC": 0, "GMT": 0, "CST": 8, "BJT": 8, "HKT": 8, "SGT": 8, "JST": 9, "KST": 9,
	"PST": -8, "PDT": -7, "EST": -5, "EDT": -4, "CET": 1, "CEST": 2, "BST": 1,
}

// parseZone reads s, empty or only a time zone: optional spaces, an
// optional zone name (Z, UTC, GMT, CST: see zoneNames) and an optional
// offset (+08:00, +0800, +8, -05). It returns the offset in seconds east
// of UTC and whether a zone was written at all.
func parseZone(s string) (offset int, zoned, ok bool) {
	s = skipSpaces(s)
	if s == "" {
		return 0, false, true
	}
	if s[0] == 'z' {
		s = s[1:]
	} else {
		n := 0
		for n < len(s) && 'A' <= s[n] && s[n] <= 'Z' {
			n++
		}
		if n > 0 {
			h, known := zoneNames[s[:n]]
			if !known {
				return 0, false, false
			}
			offset = h * 3600
			// An offset may follow only a name of UTC (GMT+8, UTC+08:00):
			// after CST or PST it would say the zone twice.
			if h != 0 && len(s) > n {
				return 0, false, false
			}
		}
		s = s[n:]
	}
	if s == "" {
		return offset, true, true
	}
	if s[0] != '+' && s[0] != '-' {
		return 0, false, false
	}
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	s = s[1:]
	var h, m int
	switch n := digitsAt(s, 0); {
	case n == 4 && len(s) == 4: // +0800
		h, m = num(s, 0, 2), num(s, 2, 2)
	case n == 1 || n == 2: // +8, +08, +08:00
		h = num(s, 0, n)
		s = s[n:]
		if s != "" {
			if len(s) != 3 || s[0] != ':' || digitsAt(s, 1) != 2 {
				return 0, false, false
			}
			m = num(s, 1, 2)
		}
	default:
		return 0, false, false
	}
	if h > 23 || m > 59 {
		return 0, false, false
	}
	return offset + sign*(h*3600+m*60), true, true
}
