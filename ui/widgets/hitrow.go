package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// HitRow is one search result in a list: where the hit is (bold, cut
// with "…" when long), its id on the right, and the snippet below with
// the matched text emphasised, wrapped to a fixed number of lines.
type HitRow struct {
	widget.BaseWidget
	where   *widget.Label
	id      *widget.Label
	snippet *MarkedText
}

// NewHitRow returns an empty row whose snippet is snippetLines lines
// high.
func NewHitRow(snippetLines int) *HitRow {
	r := &HitRow{
		where:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		id:      widget.NewLabel(""),
		snippet: NewMarkedText(snippetLines),
	}
	r.where.Truncation = fyne.TextTruncateEllipsis
	r.id.Importance = widget.LowImportance
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the row out: where and id on a line, the snippet
// below.
func (r *HitRow) CreateRenderer() fyne.WidgetRenderer {
	head := container.NewBorder(nil, nil, nil, r.id, r.where)
	return widget.NewSimpleRenderer(container.NewBorder(head, nil, nil, nil, r.snippet))
}

// Set shows a hit: where it is, its id, and its snippet.
func (r *HitRow) Set(where, id string, snippet []Piece) {
	r.where.SetText(where)
	r.id.SetText(id)
	r.snippet.SetPieces(snippet)
}

// Where is the text saying where the hit is.
func (r *HitRow) Where() string { return r.where.Text }

// ID is the id text shown.
func (r *HitRow) ID() string { return r.id.Text }

// Snippet is the widget that draws the snippet.
func (r *HitRow) Snippet() *MarkedText { return r.snippet }
