// Package widgets holds the workbench's reusable widgets: presentation
// only, they know nothing of the workspace; pages fill them and react to
// their On… callbacks.
package widgets

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Piece is a piece of text; Mark is set on matched text.
type Piece struct {
	Text string
	Mark bool
}

// MarkedText draws text with its marked pieces emphasised (bold, in the
// primary colour: the CJK font has no bold face), wrapped to its width:
// between any two Chinese characters, at spaces elsewhere. With maxLines
// above 0 it is that many lines high and text that does not fit is cut
// with "…"; with 0 it grows to show everything.
//
// Fyne's RichText would do, but with several segments on a line it lets
// Chinese text run past the right edge, and its ellipsis drops what
// follows the first line.
type MarkedText struct {
	widget.BaseWidget
	pieces   []Piece
	maxLines int
}

// NewMarkedText returns an empty MarkedText that is maxLines lines high,
// or as high as its text with 0.
func NewMarkedText(maxLines int) *MarkedText {
	t := &MarkedText{maxLines: maxLines}
	t.ExtendBaseWidget(t)
	return t
}

// SetPieces replaces the text.
func (t *MarkedText) SetPieces(pieces []Piece) {
	t.pieces = pieces
	t.Refresh()
}

// Text is the whole text, marked or not.
func (t *MarkedText) Text() string {
	var b strings.Builder
	for _, p := range t.pieces {
		b.WriteString(p.Text)
	}
	return b.String()
}

// CreateRenderer returns the renderer that lays the lines out.
func (t *MarkedText) CreateRenderer() fyne.WidgetRenderer {
	r := &markedTextRenderer{t: t}
	r.build(t.Size().Width)
	return r
}

type markedTextRenderer struct {
	t       *MarkedText
	objects []fyne.CanvasObject
	width   float32 // the width last laid out for
	lines   int     // lines used at that width
}

// run is text of one style on one line, x from the line's start.
type run struct {
	text string
	mark bool
	x, w float32
}

func (r *markedTextRenderer) Layout(size fyne.Size) { r.build(size.Width) }

func (r *markedTextRenderer) MinSize() fyne.Size {
	th := r.t.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	lines := r.t.maxLines
	if lines == 0 {
		if w := r.t.Size().Width; w != r.width {
			r.build(w)
		}
		lines = max(r.lines, 1)
	}
	return fyne.NewSize(2*pad, 2*pad+float32(lines)*lineHeight(th))
}

func (r *markedTextRenderer) Refresh() {
	r.build(r.t.Size().Width)
	canvas.Refresh(r.t)
}

func (r *markedTextRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *markedTextRenderer) Destroy() {}

// lineHeight is the height of a line of text.
func lineHeight(th fyne.Theme) float32 {
	return fyne.MeasureText("国Ag", th.Size(theme.SizeNameText), fyne.TextStyle{}).Height
}

// build breaks the text into lines for width and makes a canvas.Text per
// run.
func (r *markedTextRenderer) build(width float32) {
	th := r.t.Theme()
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	size := th.Size(theme.SizeNameText)
	pad := th.Size(theme.SizeNameInnerPadding)
	avail := width - 2*pad
	measure := func(s string, mark bool) float32 {
		return fyne.MeasureText(s, size, fyne.TextStyle{Bold: mark}).Width
	}

	lines := [][]run{nil}
	x := float32(0)
	place := func(s string, mark bool) {
		line := lines[len(lines)-1]
		if n := len(line); n > 0 && line[n-1].mark == mark {
			last := &line[n-1]
			last.text += s
			last.w = measure(last.text, mark)
			x = last.x + last.w
			return
		}
		w := measure(s, mark)
		lines[len(lines)-1] = append(line, run{text: s, mark: mark, x: x, w: w})
		x += w
	}
	newLine := func() bool {
		if r.t.maxLines > 0 && len(lines) >= r.t.maxLines {
			return false
		}
		lines = append(lines, nil)
		x = 0
		return true
	}
	cut := false
	// add places a token, starting a new line when it does not fit.
	var add func(tok string, mark bool) bool
	add = func(tok string, mark bool) bool {
		switch {
		case tok == "\n":
			return newLine()
		case strings.TrimSpace(tok) == "":
			if x == 0 {
				return true // no space at the start of a line
			}
			if x+measure(tok, mark) > avail {
				return newLine()
			}
		case x+measure(tok, mark) > avail && avail > 0:
			if measure(tok, mark) > avail && utf8.RuneCountInString(tok) > 1 {
				// Longer than a line: break it anywhere.
				for _, c := range tok {
					if !add(string(c), mark) {
						return false
					}
				}
				return true
			}
			if x > 0 && !newLine() {
				return false
			}
		}
		place(tok, mark)
		return true
	}
pieces:
	for _, p := range r.t.pieces {
		for _, tok := range WrapTokens(p.Text) {
			if !add(tok, p.Mark) {
				cut = true
				break pieces
			}
		}
	}
	if cut {
		// End the last line in "…", dropping what it has no room for.
		line := lines[len(lines)-1]
		ell := measure("…", false)
		for len(line) > 0 {
			last := &line[len(line)-1]
			if last.x+last.w+ell <= avail {
				break
			}
			_, n := utf8.DecodeLastRuneInString(last.text)
			last.text = strings.TrimRightFunc(last.text[:len(last.text)-n], unicode.IsSpace)
			if last.text == "" {
				line = line[:len(line)-1]
				continue
			}
			last.w = measure(last.text, last.mark)
		}
		x = 0
		if n := len(line); n > 0 {
			x = line[n-1].x + line[n-1].w
		}
		lines[len(lines)-1] = append(line, run{text: "…", x: x, w: ell})
	}

	lh := lineHeight(th)
	r.objects = r.objects[:0]
	for i, line := range lines {
		for _, ru := range line {
			c := th.Color(theme.ColorNameForeground, variant)
			if ru.mark {
				c = th.Color(theme.ColorNamePrimary, variant)
			}
			txt := canvas.NewText(ru.text, c)
			txt.TextSize = size
			txt.TextStyle = fyne.TextStyle{Bold: ru.mark}
			txt.Move(fyne.NewPos(pad+ru.x, pad+float32(i)*lh))
			txt.Resize(fyne.NewSize(ru.w, lh))
			r.objects = append(r.objects, txt)
		}
	}
	r.width, r.lines = width, len(lines)
}

// WrapTokens splits text where a line may break: around every Chinese
// (or Japanese, Korean) character and full-width punctuation, at spaces,
// and at line breaks, which are tokens of their own.
func WrapTokens(text string) []string {
	var out []string
	start := -1 // start of the word being read
	flush := func(end int) {
		if start >= 0 {
			out = append(out, text[start:end])
			start = -1
		}
	}
	for i, c := range text {
		switch {
		case c == '\n':
			flush(i)
			out = append(out, "\n")
		case unicode.IsSpace(c) || breaksAnywhere(c):
			flush(i)
			out = append(out, string(c))
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(text))
	return out
}

// breaksAnywhere reports whether a line may break before and after c.
func breaksAnywhere(c rune) bool {
	return unicode.In(c, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		c >= 0x3000 && c <= 0x303f || // CJK punctuation
		c >= 0xff00 && c <= 0xffef || // full-width forms
		c == '…' || c == '—'
}

// Mark splits text into pieces, marking every occurrence of the terms
// (the longest where two start together).
func Mark(text string, terms []string) []Piece {
	var out []Piece
	add := func(s string, mark bool) {
		if s != "" {
			out = append(out, Piece{Text: s, Mark: mark})
		}
	}
	pos := 0
	for pos < len(text) {
		at, n := -1, 0
		for _, t := range terms {
			if i := strings.Index(text[pos:], t); i >= 0 && (at < 0 || i < at || i == at && len(t) > n) {
				at, n = i, len(t)
			}
		}
		if at < 0 {
			break
		}
		add(text[pos:pos+at], false)
		add(text[pos+at:pos+at+n], true)
		pos += at + n
	}
	add(text[pos:], false)
	return out
}
