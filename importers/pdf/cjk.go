package pdf

import (
	"strings"
	"unicode"
)

// Some PDF writers position every glyph on its own (letter-spaced titles,
// report generators, justified text set glyph by glyph); PDFium then sees
// a gap between every two glyphs and extracts Chinese as "红 军 长 征", which
// no search for 红军 finds. joinSpacedCJK takes those spaces out again.
//
// The rule, applied line by line. Count, between two wide characters
// (Chinese, Japanese or Korean script, CJK and full-width punctuation),
// the neighbours that touch ("红军": adjacent) and those separated by
// exactly one space ("红 军": spaced). A line is set glyph by glyph when
// spaced ≥ 1 and spaced ≥ 2 × adjacent — at least two thirds of its wide
// neighbours are one space apart — and either it has at least three such
// spaces or the page as a whole passes the same test. In such a line the
// single spaces between two wide characters are removed; every other space
// stays: between Latin words ("safety annotation"), between a wide
// character and a Latin word or a number ("模型 XH-Base 的"), and runs of
// two or more spaces.
//
// Ordinary text is left alone: a space between two Chinese phrases
// ("安全管理 制度汇编") stands among many touching neighbours. The
// three-space floor keeps short lines of an ordinary page, such as the
// single-character cells of a table row ("是 否"), as they are, while on a
// page set glyph by glyph a short line ("目 录") is joined with the rest.
func joinSpacedCJK(text string) string {
	if !strings.ContainsFunc(text, isWide) {
		return text
	}
	lines := strings.Split(text, "\n")
	pageSpaced, pageAdjacent := 0, 0
	for _, l := range lines {
		s, a := wideNeighbours([]rune(l))
		pageSpaced += s
		pageAdjacent += a
	}
	pagePerGlyph := perGlyph(pageSpaced, pageAdjacent)
	for i, l := range lines {
		rs := []rune(l)
		s, a := wideNeighbours(rs)
		if !perGlyph(s, a) || s < 3 && !pagePerGlyph {
			continue
		}
		out := rs[:0:0]
		for j, r := range rs {
			if r == ' ' && j > 0 && j+1 < len(rs) && isWide(rs[j-1]) && isWide(rs[j+1]) {
				continue
			}
			out = append(out, r)
		}
		lines[i] = string(out)
	}
	return strings.Join(lines, "\n")
}

// perGlyph is the test of joinSpacedCJK on counts of spaced and adjacent
// wide neighbours.
func perGlyph(spaced, adjacent int) bool {
	return spaced >= 1 && spaced >= 2*adjacent
}

// wideNeighbours counts, in a line, the pairs of wide characters separated
// by exactly one space and the pairs that touch.
func wideNeighbours(rs []rune) (spaced, adjacent int) {
	for i := 0; i+1 < len(rs); i++ {
		if !isWide(rs[i]) {
			continue
		}
		switch {
		case isWide(rs[i+1]):
			adjacent++
		case rs[i+1] == ' ' && i+2 < len(rs) && isWide(rs[i+2]):
			spaced++
		}
	}
	return spaced, adjacent
}

// isWide reports whether r is a character of Chinese, Japanese or Korean
// text that is written without spaces around it: ideographs, kana, hangul,
// bopomofo, CJK punctuation (not the ideographic space), full-width forms,
// and the quotation marks, dashes and ellipsis Chinese text uses.
func isWide(r rune) bool {
	switch {
	case r < 0x2000:
		return false
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo):
		return true
	case r >= 0x3001 && r <= 0x303F, // CJK symbols and punctuation
		r >= 0xFF01 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6, // full-width forms
		r >= 0xFE10 && r <= 0xFE1F, r >= 0xFE30 && r <= 0xFE4F: // vertical and compatibility forms
		return true
	}
	switch r {
	case '“', '”', '‘', '’', '—', '…':
		return true
	}
	return false
}
