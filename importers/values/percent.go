package values

import "strings"

// Percent is a proportion read by ParsePercent.
type Percent struct {
	// Fraction is the proportion from 0 to 1: 3.5% is 0.035.
	Fraction float64
	// Assumed is true when the text was a plain number between 1 and 100
	// with no percent sign, taken as that many percent: the caller should
	// warn that the unit was assumed.
	Assumed bool
}

// ParsePercent reads a proportion from 0 to 100%: "3.5%", "3.5 %", "３.５％",
// "3.5 percent", "5‰" (per mille), "3‱" (per ten thousand), "百分之三",
// "百分之3.5", "百分之三点五", "千分之五", "万分之三". A plain number no greater
// than 1 is already a fraction ("0.035"); a plain number greater than 1 and no
// greater than 100 is taken as that many percent with Assumed set ("3.5" is
// 0.035). Negative values and values above 100% are ok=false.
func ParsePercent(s string) (Percent, bool) {
	s = clean(s)
	for _, w := range [...]struct {
		text string
		exp  int
	}{{"百分之", 2}, {"千分之", 3}, {"万分之", 4}} {
		r, ok := strings.CutPrefix(s, w.text)
		if !ok {
			continue
		}
		r = skipSpaces(r)
		d, n, ok := parseNumber(r, false)
		if !ok && strings.HasPrefix(r, "百") {
			d, n, ok = decimal{mant: 100, digits: 3}, len("百"), true // 百分之百
		}
		if !ok || skipSpaces(r[n:]) != "" {
			return Percent{}, false
		}
		return fraction(d, w.exp)
	}
	d, n, ok := parseDecimal(s, true)
	if !ok {
		return Percent{}, false
	}
	switch r := skipSpaces(s[n:]); {
	case r == "":
		if f := d.float(); f <= 1 {
			return Percent{Fraction: f}, true
		}
		p, ok := fraction(d, 2)
		p.Assumed = ok
		return p, ok
	case r == "%" || strings.EqualFold(r, "percent") || strings.EqualFold(r, "pct"):
		return fraction(d, 2)
	case r == "‰":
		return fraction(d, 3)
	case r == "‱":
		return fraction(d, 4)
	}
	return Percent{}, false
}

// fraction divides d by 10^exp and returns it when it is at most 1.
func fraction(d decimal, exp int) (Percent, bool) {
	d.exp -= exp
	f := d.float()
	if !(f <= 1) {
		return Percent{}, false
	}
	return Percent{Fraction: f}, true
}
