package ui

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/dialogs"
)

// previewSide is the longest side, in pixels, a label sample is decoded
// to for display.
const previewSide = 1024

// labelSubFields are the fields of a label sample's record that hold the
// sub-fields of GB 45438's AIGC field, in the standard's order.
var labelSubFields = []string{"aigc_label", "aigc_content_producer", "aigc_produce_id", "aigc_content_propagator", "aigc_propagate_id"}

// labelPreview shows a label sample — an image the provider's service
// generated — scaled to fit, beside what its metadata says of the
// implicit label (GB 45438-2025). The image is read and decoded off the
// UI goroutine; a later selection overtakes an earlier one still loading.
type labelPreview struct {
	host    pageHost
	img     *canvas.Image
	status  *widget.Label // loading, or why the image cannot be shown
	form    *fyne.Container
	scroll  *container.Scroll // holds form
	content fyne.CanvasObject
	seq     int // the latest request; answers to older ones are dropped
}

func newLabelPreview(host pageHost) *labelPreview {
	p := &labelPreview{host: host}
	p.img = canvas.NewImageFromImage(nil)
	p.img.FillMode = canvas.ImageFillContain
	p.img.ScaleMode = canvas.ImageScaleSmooth
	p.img.SetMinSize(fyne.NewSize(240, 180))
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.status.Alignment = fyne.TextAlignCenter
	p.form = container.New(layout.NewFormLayout())
	// The status spans the picture's width, so that it wraps there.
	picture := container.NewStack(p.img, container.NewVBox(layout.NewSpacer(), p.status, layout.NewSpacer()))
	p.scroll = container.NewVScroll(p.form)
	split := container.NewHSplit(picture, p.scroll)
	split.SetOffset(0.5)
	p.content = split
	return p
}

// show shows submission sub, a label sample, and rec, its record, or
// reads the record too when rec is nil.
func (p *labelPreview) show(sub workbench.Submission, rec *workbench.RecordRow) {
	p.seq++
	seq := p.seq
	p.img.Image = nil
	p.img.Refresh()
	p.status.SetText(lang.L("Loading the image…"))
	p.status.Show()
	if rec != nil {
		p.setMetadata(sub, rec)
	} else {
		p.form.RemoveAll()
	}
	ws := p.host.Workspace()
	p.host.goBackground(func() {
		ctx := context.Background()
		var recErr error
		if rec == nil {
			var recs []workbench.RecordRow
			recs, recErr = ws.Records(ctx, sub.ID, 0, 1)
			if recErr == nil && len(recs) > 0 {
				rec = &recs[0]
			}
		}
		img, err := ws.LabelSamplePreview(ctx, sub.ID, previewSide)
		p.host.do(func() {
			if seq != p.seq {
				return
			}
			if recErr != nil {
				p.host.showError(recErr)
			}
			if rec != nil {
				p.setMetadata(sub, rec)
			}
			p.setImage(img, err)
		})
	})
}

// setImage shows the decoded image, or says why there is none.
func (p *labelPreview) setImage(img image.Image, err error) {
	if err != nil {
		if errors.Is(err, app.ErrPreviewTooLarge) {
			p.status.SetText(lang.L("The image is too large to preview; its metadata is shown beside."))
		} else {
			p.status.SetText(lang.L("The image cannot be shown: its pixel data cannot be decoded. Its metadata, read on import, is shown beside."))
		}
		p.status.Show()
		return
	}
	p.status.Hide()
	p.img.Image = img
	p.img.Refresh()
}

// setMetadata fills the form with what the record says: whether an
// implicit label was found and where, its sub-fields as found, the
// format and size, and the AIGC field as written.
func (p *labelPreview) setMetadata(sub workbench.Submission, rec *workbench.RecordRow) {
	p.form.RemoveAll()
	zh := chinese()
	spec := app.SpecOf(sub.Kind)
	f, err := app.DecodeRecord(sub.Kind, *rec)
	add := func(name, value string) {
		v := widget.NewLabel(value)
		v.Wrapping = fyne.TextWrapWord
		v.Selectable = true
		p.form.Add(widget.NewLabelWithStyle(name, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		p.form.Add(v)
	}
	fieldName := func(name string) string {
		if spec != nil {
			for _, fd := range spec.Fields {
				if fd.Name == name {
					if zh {
						return fd.ZH
					}
					return fd.EN
				}
			}
		}
		return name
	}
	add(lang.L("File"), sub.FileName)
	if err != nil {
		add(lang.L("Implicit label"), lang.L("The record cannot be read."))
		p.scroll.Refresh()
		return
	}
	found := f.Display("implicit_label", false) == "yes"
	if found {
		add(lang.L("Implicit label"), lang.L("Found, in {{.Where}}", map[string]any{"Where": f.Display("label_location", zh)}))
		for _, name := range labelSubFields {
			v := f.Display(name, zh)
			if v == "" {
				v = lang.L("(missing)")
			}
			add(fieldName(name), v)
		}
	} else {
		add(lang.L("Implicit label"), lang.L("No implicit label found"))
	}
	format := f.Display("format", zh)
	if w, h := f.Display("width", zh), f.Display("height", zh); w != "" && h != "" {
		format = lang.L("{{.Format}}, {{.Width}} × {{.Height}} pixels", map[string]any{"Format": format, "Width": w, "Height": h})
	}
	add(lang.L("Image"), format)
	add(lang.L("Confidentiality"), labelText(sub.Label))
	if raw := f.Display("aigc_raw", zh); raw != "" {
		add(fieldName("aigc_raw"), raw)
	}
	p.scroll.Refresh() // lay the new rows out at the scroll's width
}

// showLabelSample opens a label sample in a dialog — a search hit or
// cited evidence — with header, when not nil, above it.
func showLabelSample(host pageHost, header fyne.CanvasObject, sub workbench.Submission, rec *workbench.RecordRow) *labelPreview {
	p := newLabelPreview(host)
	win := host.Window()
	d := dialog.NewCustom(sub.FileName, lang.L("Close"), container.NewBorder(header, nil, nil, nil, p.content), win)
	d.Resize(dialogSize(win, 900, 600))
	d.Show()
	dialogs.BindKeys(win, d, d.Hide, d.Hide)
	p.show(sub, rec)
	return p
}

// isLabelSample tells label samples, shown as images, from other
// submissions.
func isLabelSample(s workbench.Submission) bool { return s.Kind == string(workbench.LabelSample) }
