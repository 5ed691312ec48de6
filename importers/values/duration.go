package values

import "unicode"

// Units of a Duration.
const (
	UnitDays        = "days"
	UnitWorkingDays = "working_days"
	// UnitHours ("hours") is shared with Scale.
)

// Duration is a length of time read by ParseDuration, such as a deadline for
// reporting or handling a complaint.
type Duration struct {
	// Value is the length in Unit.
	Value float64
	// Unit is UnitHours ("hours"), UnitDays ("days") or UnitWorkingDays
	// ("working_days").
	Unit string
}

// Hours returns the duration in calendar hours for comparing durations: a
// day is 24 hours, and so is a working day. That is an approximation: 15
// working days are in fact three weeks or more of calendar time, so a
// comparison between working days and days or hours is only indicative.
func (d Duration) Hours() float64 {
	switch d.Unit {
	case UnitDays, UnitWorkingDays:
		return d.Value * 24
	}
	return d.Value
}

// durationUnit is a unit word of ParseDuration; the value is multiplied by
// factor.
type durationUnit struct {
	text   string
	unit   string
	factor float64
}

var durationUnits = []durationUnit{
	{"个工作日", UnitWorkingDays, 1},
	{"工作日", UnitWorkingDays, 1},
	{"working days", UnitWorkingDays, 1},
	{"working day", UnitWorkingDays, 1},
	{"business days", UnitWorkingDays, 1},
	{"business day", UnitWorkingDays, 1},
	{"workdays", UnitWorkingDays, 1},
	{"workday", UnitWorkingDays, 1},

	{"个自然日", UnitDays, 1},
	{"自然日", UnitDays, 1},
	{"个日历日", UnitDays, 1},
	{"日历日", UnitDays, 1},
	{"天", UnitDays, 1},
	{"日", UnitDays, 1},
	{"calendar days", UnitDays, 1},
	{"calendar day", UnitDays, 1},
	{"days", UnitDays, 1},
	{"day", UnitDays, 1},
	{"d", UnitDays, 1},

	{"个星期", UnitDays, 7},
	{"星期", UnitDays, 7},
	{"个礼拜", UnitDays, 7},
	{"礼拜", UnitDays, 7},
	{"个周", UnitDays, 7},
	{"周", UnitDays, 7},
	{"weeks", UnitDays, 7},
	{"week", UnitDays, 7},
	{"wks", UnitDays, 7},
	{"wk", UnitDays, 7},

	{"个小时", UnitHours, 1},
	{"小时", UnitHours, 1},
	{"个钟头", UnitHours, 1},
	{"钟头", UnitHours, 1},
	{"hours", UnitHours, 1},
	{"hour", UnitHours, 1},
	{"hrs", UnitHours, 1},
	{"hr", UnitHours, 1},
	{"h", UnitHours, 1},

	{"分钟", UnitHours, 1.0 / 60},
	{"minutes", UnitHours, 1.0 / 60},
	{"minute", UnitHours, 1.0 / 60},
	{"mins", UnitHours, 1.0 / 60},
	{"min", UnitHours, 1.0 / 60},
}

// durationUnitIndex holds durationUnits by the lower-cased first byte of
// their text.
var durationUnitIndex = func() (index [256][]durationUnit) {
	for _, u := range durationUnits {
		c := lowerByte(u.text[0])
		index[c] = append(index[c], u)
	}
	return index
}()

// Words around a duration that are ignored: "在15个工作日内", "within 48 hours".
var (
	durationLead  = []string{"在", "约", "大约", "within", "about", "approx.", "approx", "~"}
	durationTrail = []string{"之内", "以内", "内"}
)

// ParseDuration reads a length of time: "15个工作日" and "15 working days"
// are 15 working days; "7天", "7日" and "7 days" are 7 days; "48小时", "48h"
// and "48 hours" are 48 hours; "一周", "1周", "1 week" and "1 星期" are 7
// days; "30分钟" and "30 min" are 0.5 hours. The number may be written in
// Chinese numerals up to 9999 (两, 十五, 九十九, 一百) or as 半 (半天 is half a
// day). "在…内", "…以内" and "within …" around it are ignored. Negative or
// unreadable durations and other units (months) are ok=false.
//
// A limit stated in a sentence ("自受理之日起 7 个工作日内处理完毕并反馈处理结果")
// is read too: the text is searched for a number written in digits followed
// by a unit, and when it names several ("48小时内响应，15个工作日内办结") the
// longest is taken — the time by which handling must be finished.
func ParseDuration(s string) (Duration, bool) {
	if d, ok := parseDuration(s); ok {
		return d, true
	}
	return durationInProse(clean(s))
}

// durationInProse finds the longest duration written with digits inside a
// sentence: a text that holds, besides the duration, at least four letters
// or Chinese characters (so that "3-5天" or "1天2小时" stay unread).
func durationInProse(s string) (Duration, bool) {
	var best Duration
	found := false
	bestAt, bestEnd := 0, 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || i > 0 && (isDigit(s[i-1]) || s[i-1] == '.') {
			continue
		}
		d, n, ok := parseNumber(s[i:], false)
		if !ok {
			continue
		}
		r := skipSpaces(s[i+n:])
		for _, u := range durationUnitIndex[lowerByte(firstByte(r))] {
			rest, ok := cutPrefixFold(r, u.text)
			if !ok || rest != "" && u.text[0] < 0x80 && isLatinLetter(rest[0]) {
				continue // "7 days" but not "7 dollars"
			}
			v := Duration{Value: d.float() * u.factor, Unit: u.unit}
			if v.Value > 0 && v.Value <= maxDurationValue && (!found || v.Hours() > best.Hours()) {
				best, found = v, true
				bestAt, bestEnd = i, len(s)-len(rest)
			}
			break
		}
	}
	if !found || wordRunes(s[:bestAt])+wordRunes(s[bestEnd:]) < 4 {
		return Duration{}, false
	}
	return best, true
}

// wordRunes counts the letters and Chinese characters of s.
func wordRunes(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func firstByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[0]
}

func isLatinLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func parseDuration(s string) (Duration, bool) {
	s = stripPrefixes(clean(s), durationLead)
	d, n, ok := parseNumber(s, false)
	if !ok {
		return Duration{}, false
	}
	r := skipSpaces(s[n:])
	if r == "" {
		return Duration{}, false
	}
	for _, u := range durationUnitIndex[lowerByte(r[0])] {
		rest, ok := cutPrefixFold(r, u.text)
		if !ok || !onlyFillers(rest, durationTrail) {
			continue
		}
		v := d.float() * u.factor
		if !(v <= maxDurationValue) {
			return Duration{}, false
		}
		return Duration{Value: v, Unit: u.unit}, true
	}
	return Duration{}, false
}

// maxDurationValue bounds Value so that Hours stays finite.
const maxDurationValue = 1e300
