package values

import (
	"strings"
	"time"
)

// Precision is how finely a time was written: a year, a month, a day, an
// hour, a minute or a second. "2024-06-06" is a day, not midnight.
type Precision uint8

// The precisions, coarsest first.
const (
	Year Precision = iota + 1
	Month
	Day
	Hour
	Minute
	Second
)

// China is the zone of times written without one: China Standard Time,
// UTC+8 all year round. Times written with a zone are converted to it
// before they are compared.
var China = time.FixedZone("CST", 8*3600)

// Time is a point in time as precise as it was written: "2024-06-06" is
// the whole of that day, "2024-06-06T14:20" that minute. Comparisons and
// durations between two Times work at the coarser precision of the two, so
// that a report dated the day an incident was found at 14:20 is not earlier
// than the incident, and a resolution dated the day of receipt took 0 days.
//
// The zero Time is no time at all; IsZero reports it.
type Time struct {
	wall   int64 // the date and time as written, as seconds since 1970-01-01 00:00 in UTC terms
	offset int32 // seconds east of UTC, when zoned
	prec   Precision
	zoned  bool
}

// ParseTime reads a time as the importers store it (see ParseDateTime and
// ParseDate): "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-MM-DDTHH",
// "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS", the last three optionally
// followed by "Z" or an offset such as "+08:00". A time of exactly midnight
// written without a zone (T00:00 or T00:00:00) is read as the day alone:
// systems that export dates through date-time columns write midnight, and
// an event that truly happened at 00:00:00 is judged no less fairly at the
// precision of its day.
func ParseTime(s string) (Time, bool) {
	if len(s) < 4 || len(s) > 25 {
		return Time{}, false
	}
	dt, ok := parseStored(s)
	if !ok {
		return Time{}, false
	}
	if dt.prec >= Hour && !dt.zoned && dt.hour == 0 && dt.minute == 0 && dt.second == 0 {
		dt.prec = Day
	}
	days := daysFromCivil(dt.year, dt.month, dt.day)
	return Time{
		wall:   days*86400 + int64(dt.hour*3600+dt.minute*60+dt.second),
		prec:   dt.prec,
		zoned:  dt.zoned,
		offset: int32(dt.offset),
	}, true
}

// parseStored reads the stored forms strictly: fixed-width digits and
// separators, as appendStored writes them.
func parseStored(s string) (dt dateTime, ok bool) {
	digits := func(i, n int) (int, bool) {
		if i+n > len(s) || digitsAt(s, i) < n {
			return 0, false
		}
		return num(s, i, n), true
	}
	sep := func(i int, c byte) bool { return i < len(s) && s[i] == c }
	if dt.year, ok = digits(0, 4); !ok {
		return dt, false
	}
	dt.month, dt.day, dt.prec = 1, 1, Year
	i := 4
	steps := []struct {
		c    byte
		dst  *int
		prec Precision
	}{{'-', &dt.month, Month}, {'-', &dt.day, Day}, {'T', &dt.hour, Hour}, {':', &dt.minute, Minute}, {':', &dt.second, Second}}
	for _, st := range steps {
		if !sep(i, st.c) {
			break
		}
		v, ok := digits(i+1, 2)
		if !ok {
			return dt, false
		}
		*st.dst, dt.prec, i = v, st.prec, i+3
	}
	if i < len(s) {
		if dt.prec < Hour {
			return dt, false
		}
		switch rest := s[i:]; {
		case rest == "Z":
			dt.zoned = true
		case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
			h, ok1 := digits(i+1, 2)
			m, ok2 := digits(i+4, 2)
			if !ok1 || !ok2 || h > 23 || m > 59 {
				return dt, false
			}
			dt.offset = h*3600 + m*60
			if rest[0] == '-' {
				dt.offset = -dt.offset
			}
			dt.zoned = true
		default:
			return dt, false
		}
	}
	if dt.year < minYear || dt.year > maxYear || dt.month < 1 || dt.month > 12 ||
		dt.day < 1 || dt.day > daysIn(dt.year, dt.month) || dt.hour > 23 || dt.minute > 59 || dt.second > 59 {
		return dt, false
	}
	return dt, true
}

// IsZero reports whether t is no time at all.
func (t Time) IsZero() bool { return t.prec == 0 }

// Precision says how finely t was written.
func (t Time) Precision() Precision { return t.prec }

// Zoned reports whether t was written with a zone.
func (t Time) Zoned() bool { return t.zoned }

// Start is the first instant t stands for, in China time.
func (t Time) Start() time.Time {
	if t.zoned {
		return time.Unix(t.wall-int64(t.offset), 0).In(China)
	}
	return time.Unix(t.wall-8*3600, 0).In(China)
}

// written is t's date and time as written, in UTC terms.
func (t Time) written() time.Time { return time.Unix(t.wall, 0).UTC() }

// Last is the last second t stands for, in China time: the same as Start
// for a time written to the second, 23:59:59 of the day for a date.
func (t Time) Last() time.Time {
	s := t.Start()
	var next time.Time
	switch t.prec {
	case Year:
		next = s.AddDate(1, 0, 0)
	case Month:
		next = s.AddDate(0, 1, 0)
	case Day:
		next = s.AddDate(0, 0, 1)
	case Hour:
		next = s.Add(time.Hour)
	case Minute:
		next = s.Add(time.Minute)
	default:
		return s
	}
	return next.Add(-time.Second)
}

// Compare compares t and u at the coarser of their two precisions: -1 when
// t is earlier, +1 when it is later, 0 when the two cannot be told apart
// (2024-06-06 and 2024-06-06T12:00 are the same day). It compares the
// spans the two stand for — t is earlier only when all of it comes before
// all of u — which is the same as cutting both to the coarser precision,
// and stays right for a time written in a zone whose hours do not fall on
// China's (10时 +05:30). Zero Times compare equal to everything.
func (t Time) Compare(u Time) int {
	switch {
	case t.IsZero() || u.IsZero():
		return 0
	case t.Last().Before(u.Start()):
		return -1
	case t.Start().After(u.Last()):
		return 1
	}
	return 0
}

// Before reports whether t is earlier than u at the coarser of their two
// precisions.
func (t Time) Before(u Time) bool { return t.Compare(u) < 0 }

// After reports whether t is later than u at the coarser of their two
// precisions.
func (t Time) After(u Time) bool { return t.Compare(u) > 0 }

// Elapsed returns the shortest and the longest time that can have passed
// from t to u given how precisely each was written; both are exact for two
// times written to the second. A negative shortest time means u may come
// before t.
func Elapsed(t, u Time) (shortest, longest time.Duration) {
	return u.Start().Sub(t.Last()), u.Last().Sub(t.Start())
}

// CalendarDays counts the days from t's date to u's date, in China time:
// 0 on the same day, 1 on the next. ok is false when either is coarser than
// a day.
func CalendarDays(t, u Time) (days int, ok bool) {
	if t.prec < Day || u.prec < Day {
		return 0, false
	}
	ay, am, ad := t.Start().Date()
	by, bm, bd := u.Start().Date()
	return int(daysFromCivil(by, int(bm), bd) - daysFromCivil(ay, int(am), ad)), true
}

// Date returns t's date in China time as "YYYY-MM-DD", or "" when t is
// coarser than a day.
func (t Time) Date() string {
	if t.prec < Day {
		return ""
	}
	return t.Start().Format(time.DateOnly)
}

// String writes t as it is stored, at its own precision and with its
// zone.
func (t Time) String() string {
	if t.IsZero() {
		return ""
	}
	w := t.written()
	return string(appendStored(nil, dateTime{
		year: w.Year(), month: int(w.Month()), day: w.Day(), hour: w.Hour(), minute: w.Minute(), second: w.Second(),
		prec: t.prec, zoned: t.zoned, offset: int(t.offset),
	}))
}

// Display writes t for people, at its own precision, in China time when it
// was written with a zone: "2024-06-06", "2024-06-06 14:20", "2024-06".
func (t Time) Display() string {
	if t.IsZero() {
		return ""
	}
	s := t.Start()
	switch t.prec {
	case Year:
		return s.Format("2006")
	case Month:
		return s.Format("2006-01")
	case Day:
		return s.Format(time.DateOnly)
	case Hour:
		if t.zoned && t.offset%3600 != 0 {
			return s.Format("2006-01-02 15:04") // 10时 +05:30 is 12:30 in China
		}
		return s.Format("2006-01-02 15时")
	case Minute:
		return s.Format("2006-01-02 15:04")
	}
	return s.Format(time.DateTime)
}

// Period is a span of time written as two times ("2023年1月至2023年6月") or
// one ("2023年", the whole year). From is zero when the period has no
// start ("截至2023年6月"), To when it has not ended ("2023年1月至今").
type Period struct {
	From, To Time
}

// openEnds are how providers write a period that has not ended.
var openEnds = []string{"至今", "迄今", "今", "现在", "目前", "当前", "持续", "持续至今", "present", "now", "ongoing", "today", "current"}

// periodSeps separate the two ends of a period, most specific first.
var periodSeps = []string{"至", "到", "~", "～", "—", "–", " to ", " - ", "-"}

// Words around a single time that make it an end of a period: 截至2023年6月
// has no start, 2023年1月起 no end; 2023年10月版本 is that month alone.
var (
	untilPrefixes = []string{"截至", "截止到", "截止", "直至", "至", "到", "until", "up to", "before"}
	untilSuffixes = []string{"为止", "以前", "之前", "止"}
	sinceSuffixes = []string{"以来", "至今", "起", "开始", "后"}
	pointSuffixes = []string{"版本", "版", "发布", "快照", "snapshot", "release", "version"}
)

// ParsePeriod reads a period such as "2023-01-01至2023-06-30",
// "2023年1月-2023年6月", "2023.01–2023.06", "2023年1月-6月", "2023年1月至今",
// "截至2023年6月", "2020/1/1 ~ 2023/12/31", "2023年10月版本" or a single date,
// month or year, and returns it in ISO 8601 interval notation as stored:
// "2023-01-01/2023-06-30", "2023-01/..", "../2023-06", "2023/2023" (each end
// at its own precision, ".." for an open end).
func ParsePeriod(s string) (string, bool) {
	p, ok := parsePeriod(clean(s))
	if !ok {
		return "", false
	}
	from, to := "..", ".."
	if !p.From.IsZero() {
		from = p.From.String()
	}
	if !p.To.IsZero() {
		to = p.To.String()
	}
	return from + "/" + to, true
}

func parsePeriod(s string) (Period, bool) {
	if t, ok := dateOnly(s); ok {
		return Period{From: t, To: t}, true
	}
	for _, w := range pointSuffixes {
		if rest, ok := cutSuffixFold(s, w); ok {
			if t, ok := dateOnly(strings.TrimSpace(rest)); ok {
				return Period{From: t, To: t}, true
			}
		}
	}
	for _, w := range untilPrefixes {
		if rest, ok := cutPrefixFold(s, w); ok {
			rest = strings.TrimSpace(rest)
			for _, x := range untilSuffixes {
				rest = strings.TrimSpace(strings.TrimSuffix(rest, x))
			}
			if t, ok := dateOnly(rest); ok {
				return Period{To: t}, true
			}
		}
	}
	for _, w := range untilSuffixes {
		if rest, ok := strings.CutSuffix(s, w); ok {
			if t, ok := dateOnly(strings.TrimSpace(rest)); ok {
				return Period{To: t}, true
			}
		}
	}
	for _, w := range sinceSuffixes {
		if rest, ok := strings.CutSuffix(s, w); ok {
			if t, ok := dateOnly(strings.TrimSpace(rest)); ok {
				return Period{From: t}, true
			}
		}
	}
	for _, sep := range periodSeps {
		for i := strings.Index(s, sep); i >= 0; {
			left, right := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):])
			if from, ok := dateOnly(left); ok {
				if isOpenEnd(right) || right == "" && sep == "至" {
					return Period{From: from}, true
				}
				to, ok := dateOnly(right)
				if !ok {
					to, ok = sameYear(from, right)
				}
				if ok && !to.Before(from) {
					return Period{From: from, To: to}, true
				}
			}
			j := strings.Index(s[i+len(sep):], sep)
			if j < 0 {
				break
			}
			i += len(sep) + j
		}
	}
	return Period{}, false
}

// cutSuffixFold is strings.CutSuffix with ASCII letters matched without
// regard to case, slicing s itself (lower-casing other letters may change
// their length).
func cutSuffixFold(s, suffix string) (string, bool) {
	if len(suffix) > len(s) || !strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// dateOnly reads one end of a period: a date, month or year, with any time
// dropped.
func dateOnly(s string) (Time, bool) {
	v, ok := ParseDate(s)
	if !ok {
		return Time{}, false
	}
	return ParseTime(v)
}

// sameYear reads the end of a period written without its year
// ("2023年1月-6月", "2023年1月5日-6月30日") in the year of its start.
func sameYear(from Time, s string) (Time, bool) {
	if from.prec < Month || !strings.Contains(s, "月") {
		return Time{}, false
	}
	return dateOnly(from.written().Format("2006") + "年" + s)
}

func isOpenEnd(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, w := range openEnds {
		if s == w {
			return true
		}
	}
	return false
}

// ParseStoredPeriod reads a period as ParsePeriod stores it.
func ParseStoredPeriod(s string) (Period, bool) {
	from, to, ok := strings.Cut(s, "/")
	if !ok {
		return Period{}, false
	}
	var p Period
	if from != ".." {
		if p.From, ok = ParseTime(from); !ok {
			return Period{}, false
		}
	}
	if to != ".." {
		if p.To, ok = ParseTime(to); !ok {
			return Period{}, false
		}
	}
	if p.From.IsZero() && p.To.IsZero() {
		return Period{}, false
	}
	return p, true
}

// Display writes the period for people: "2023-01 – 2023-06", "2023-01 – ",
// " – 2023-06".
func (p Period) Display() string {
	if p.To.IsZero() {
		return p.From.Display() + " – "
	}
	if p.From.IsZero() {
		return " – " + p.To.Display()
	}
	if p.From == p.To {
		return p.From.Display()
	}
	return p.From.Display() + " – " + p.To.Display()
}
