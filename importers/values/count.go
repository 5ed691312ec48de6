package values

// Unit words allowed after a count: items and people.
var countUnits = []string{
	"条", "个人", "个", "人", "名", "位",
	"items", "item", "people", "persons", "person",
}

// ParseCount reads a whole non-negative count no greater than 2^62: "1234",
// "1,234", "12.0", "1.2万" (12000), "3K" (3000), with the multipliers of
// ParseScale, optionally followed by a unit word for items or people (条 个
// 人 名 位 个人 items item people persons person): "1,234 条", "1234人",
// "12 名". A number that is not whole ("12.5"), negative or larger than 2^62
// is ok=false, as is an approximate count ("约1000人", "1000+").
func ParseCount(s string) (int64, bool) {
	s = clean(s)
	d, n, ok := parseDecimal(s, true)
	if !ok {
		return 0, false
	}
	r := skipSpaces(s[n:])
	if countTail(r) {
		return d.int()
	}
	if r == "" {
		return 0, false
	}
	for _, m := range multiplierIndex[lowerByte(r[0])] {
		if m.match(r) && countTail(skipSpaces(r[len(m.text):])) {
			dm := d
			dm.exp += m.exp
			return dm.int()
		}
	}
	return 0, false
}

// countTail reports whether r is empty or one unit word of a count.
func countTail(r string) bool {
	if r == "" {
		return true
	}
	for _, u := range countUnits {
		if rest, ok := cutPrefixFold(r, u); ok && rest == "" {
			return true
		}
	}
	return false
}
