package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Proposal is what a [NewProposalCard] shows, in the user's language.
type Proposal struct {
	Heading    string            // what proposes what
	Importance widget.Importance // of the heading, after the proposed result
	Summary    string
	Counts     string   // how many records were checked, found wanting, unclear
	Lines      []string // thresholds and the records behind the proposal
	Decision   string   // the decision taken, or that one is awaited

	// AcceptText and OverrideText label the buttons, shown when OnAccept
	// and OnOverride are set.
	AcceptText, OverrideText string
	OnAccept, OnOverride     func()
}

// NewProposalCard shows an automated check's proposal and, when the
// callbacks are set, buttons to accept or override it.
func NewProposalCard(p Proposal) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(p.Heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	head.Importance = p.Importance
	objs := []fyne.CanvasObject{head, wrappedLabel(p.Summary)}
	counts := widget.NewLabel(p.Counts)
	counts.Importance = widget.LowImportance
	counts.Wrapping = fyne.TextWrapWord
	objs = append(objs, counts)
	for _, l := range p.Lines {
		objs = append(objs, wrappedLabel(l))
	}
	decision := widget.NewLabelWithStyle(p.Decision, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	decision.Wrapping = fyne.TextWrapWord
	var buttons []fyne.CanvasObject
	if p.OnAccept != nil {
		accept := widget.NewButtonWithIcon(p.AcceptText, theme.ConfirmIcon(), p.OnAccept)
		accept.Importance = widget.HighImportance
		buttons = append(buttons, accept)
	}
	if p.OnOverride != nil {
		buttons = append(buttons, widget.NewButtonWithIcon(p.OverrideText, theme.DocumentCreateIcon(), p.OnOverride))
	}
	row := fyne.CanvasObject(decision)
	if len(buttons) > 0 {
		row = container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), decision)
	}
	objs = append(objs, row, widget.NewSeparator())
	return container.NewVBox(objs...)
}

func wrappedLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Selectable = true
	return l
}
