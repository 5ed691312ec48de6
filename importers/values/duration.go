package values

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
func ParseDuration(s string) (Duration, bool) {
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
