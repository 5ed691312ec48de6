package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// headerLast lays out two objects, the body and its header, as a VBox
// with the header on top, but keeps the header second among the
// container's objects. Tab walks the focus in the order of the objects,
// so a button in the header (the assessment's Save) is reached after the
// body's fields, not before them.
type headerLast struct{}

// newHeaderLast is body under header, with Tab visiting the body first.
func newHeaderLast(header, body fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: headerLast{}, Objects: []fyne.CanvasObject{body, header}}
}

func (headerLast) MinSize(objs []fyne.CanvasObject) fyne.Size {
	body, header := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(body.Width, header.Width), header.Height+theme.Padding()+body.Height)
}

func (headerLast) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := objs[1].MinSize().Height
	objs[1].Move(fyne.NewPos(0, 0))
	objs[1].Resize(fyne.NewSize(size.Width, h))
	top := h + theme.Padding()
	objs[0].Move(fyne.NewPos(0, top))
	objs[0].Resize(fyne.NewSize(size.Width, objs[0].MinSize().Height))
}
