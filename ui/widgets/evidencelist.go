package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Evidence is one piece of evidence an [EvidenceList] shows.
type Evidence struct {
	Head  string // what is cited and where it is
	Quote string
}

// EvidenceList shows an item's evidence, each piece with a remove button
// when OnRemove is set, or a message (loading, none, an error).
type EvidenceList struct {
	widget.BaseWidget

	// OnRemove, when set, is called with the index of the piece whose
	// remove button was tapped.
	OnRemove func(i int)

	box *fyne.Container
}

// NewEvidenceList returns a list showing message.
func NewEvidenceList(message string) *EvidenceList {
	l := &EvidenceList{box: container.NewVBox()}
	l.ExtendBaseWidget(l)
	l.SetMessage(message)
	return l
}

// CreateRenderer is part of fyne.Widget.
func (l *EvidenceList) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(l.box) }

// SetMessage shows a message in place of the evidence.
func (l *EvidenceList) SetMessage(message string) {
	m := widget.NewLabel(message)
	m.Wrapping = fyne.TextWrapWord
	m.Importance = widget.LowImportance
	l.box.Objects = []fyne.CanvasObject{m}
	l.box.Refresh()
}

// SetEvidence shows es, or empty when there is none.
func (l *EvidenceList) SetEvidence(es []Evidence, empty string) {
	if len(es) == 0 {
		l.SetMessage(empty)
		return
	}
	objs := make([]fyne.CanvasObject, 0, len(es))
	for i, e := range es {
		where := widget.NewLabelWithStyle(e.Head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		where.Wrapping = fyne.TextWrapWord
		head := fyne.CanvasObject(where)
		if l.OnRemove != nil {
			i := i
			remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { l.OnRemove(i) })
			head = container.NewBorder(nil, nil, nil, remove, where)
		}
		objs = append(objs, container.NewVBox(head, wrappedLabel(e.Quote)))
	}
	l.box.Objects = objs
	l.box.Refresh()
}
