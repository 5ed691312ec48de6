package export

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Column widths, in Excel's character units.
const (
	minColWidth = 8
	maxColWidth = 60
)

// displayWidth is how many columns the widest line of s takes, counting
// East Asian wide and full-width characters as 2.
func displayWidth(s string) int {
	widest := 0
	for line := range strings.SplitSeq(s, "\n") {
		w := 0
		for i := 0; i < len(line); {
			r, size := utf8.DecodeRuneInString(line[i:])
			i += size
			w += runeWidth(r)
		}
		widest = max(widest, w)
	}
	return widest
}

func runeWidth(r rune) int {
	if r < 0x1100 {
		return 1
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// fitWidth is the column width for text as wide as w: a little padding,
// at least minColWidth, at most maxColWidth (longer text wraps).
func fitWidth(w int) float64 {
	return float64(min(max(w+2, minColWidth), maxColWidth))
}
