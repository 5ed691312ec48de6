package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/dialogs"
)

// quotationsText counts evidence quotations.
func quotationsText(n int) string {
	if n == 1 {
		return lang.L("1 quotation")
	}
	return lang.L("{{.N}} quotations", map[string]any{"N": formatCount(n)})
}

// piiTypeText is a kind of personal information in the GUI's language.
func piiTypeText(t workbench.PIIType) string { return nameIn(t.Name()) }

// labelDialog asks for a new confidentiality label of a submission and
// sets it off the UI goroutine; done is called on the UI goroutine with
// the change once it is made.
type labelDialog struct {
	choice *widget.RadioGroup
	d      *dialog.ConfirmDialog
}

// showLabelDialog shows the label dialog for sub.
func showLabelDialog(host pageHost, sub workbench.Submission, done func(app.LabelChange)) *labelDialog {
	ld := &labelDialog{}
	var options []string
	for _, l := range app.Labels() {
		options = append(options, labelText(string(l)))
	}
	ld.choice = widget.NewRadioGroup(options, nil)
	ld.choice.Required = true
	ld.choice.SetSelected(labelText(sub.Label))
	note := widget.NewLabel(lang.L("The label decides how the file's material is handled: an export leaves out material labelled state secret unless it is included, and the personal-information scan raises a file where it finds personal information to at least Personal information."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	body := container.NewVBox(widget.NewLabel(sub.FileName), ld.choice, note)
	win := host.Window()
	ld.d = dialog.NewCustomConfirm(lang.L("Confidentiality label"), lang.L("Save"), lang.L("Cancel"), body, func(ok bool) {
		if !ok {
			return
		}
		label := ""
		for i, o := range ld.choice.Options {
			if o == ld.choice.Selected {
				label = string(app.Labels()[i])
			}
		}
		if label == "" || label == sub.Label {
			return
		}
		host.goBackground(func() {
			ch, err := host.Workspace().SetLabel(context.Background(), sub.ID, label)
			host.do(func() {
				if err != nil {
					host.showError(err)
					return
				}
				host.setStatus(lang.L("{{.File}} is now labelled {{.Label}}", map[string]any{"File": sub.FileName, "Label": labelText(ch.To)}))
				// Search filters by label: the index takes the new one.
				host.requestIndex()
				if done != nil {
					done(ch)
				}
			})
		})
	}, win)
	ld.d.Resize(dialogSize(win, 560, 360))
	ld.d.Show()
	dialogs.BindKeys(win, ld.d, ld.d.Confirm, ld.d.Dismiss)
	return ld
}

// changeLabel opens the label dialog for the selected submission.
func (v *submissionsView) changeLabel() {
	sub := v.selected
	if sub == nil {
		showInformation(lang.L("Confidentiality label"), lang.L("Select a submission first."), v.win)
		return
	}
	showLabelDialog(v.host, *sub, func(ch app.LabelChange) { v.reload(ch.SubmissionID) })
}

// refreshLabels reads the submissions again, keeping the one selected, after
// their labels changed elsewhere.
func (v *submissionsView) refreshLabels() {
	id := int64(0)
	if v.selected != nil {
		id = v.selected.ID
	}
	v.reload(id)
}

// piiSection is the Overview's section on personal information: per
// submission, how many of each kind the last scan found, and a button that
// scans again in the background with its progress.
type piiSection struct {
	host   pageHost
	caseID int64
	box    *fyne.Container
	// scanning is set while a scan runs; bar and status show its progress.
	scanning bool
	bar      *widget.ProgressBar
	status   *widget.Label
	scanBtn  *widget.Button
	stopBtn  *widget.Button
	cancel   context.CancelFunc // stops the scan under way
	rep      app.PIIReport
	err      error
	loaded   bool
	// onLabels is called when a scan raised labels.
	onLabels func()
}

func newPIISection(host pageHost, caseID int64) *piiSection {
	s := &piiSection{host: host, caseID: caseID, box: container.NewVBox()}
	s.scanBtn = widget.NewButtonWithIcon(lang.L("Scan now"), theme.SearchIcon(), s.scan)
	s.stopBtn = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() {
		if s.cancel != nil {
			s.cancel()
		}
	})
	s.bar = widget.NewProgressBar()
	s.status = widget.NewLabel("")
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.render()
	return s
}

// load reads the last scan's results off the UI goroutine (the Overview
// calls it whenever it loads).
func (s *piiSection) load() {
	s.host.goBackground(func() {
		rep, err := s.host.Workspace().PIIResults(context.Background(), s.caseID)
		s.host.do(func() {
			s.rep, s.err, s.loaded = rep, err, true
			s.render()
		})
	})
}

// scan scans the case in the background, showing its progress.
func (s *piiSection) scan() {
	if s.scanning {
		return
	}
	s.scanning = true
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.bar.SetValue(0)
	s.status.SetText(lang.L("Starting…"))
	s.render()
	s.host.goBackground(func() {
		defer cancel()
		rep, err := s.host.Workspace().ScanPII(ctx, s.caseID, func(p app.PIIProgress) {
			s.host.do(func() {
				if p.Total > 0 {
					s.bar.SetValue(float64(p.Done) / float64(p.Total))
				}
				if p.File != "" {
					s.status.SetText(lang.L("Scanning {{.File}}…", map[string]any{"File": p.File}))
				}
			})
		})
		s.host.do(func() {
			s.scanning, s.cancel = false, nil
			if errors.Is(err, context.Canceled) {
				s.host.setStatus(lang.L("Scan cancelled; the files scanned before are kept."))
				s.load()
				return
			}
			if err != nil {
				s.host.showError(err)
				s.load()
				return
			}
			s.rep, s.err, s.loaded = rep, nil, true
			s.render()
			if rep.Raised > 0 {
				s.host.setStatus(lang.L("Personal information found; files whose label was raised to Personal information: {{.N}}", map[string]any{"N": rep.Raised}))
				s.host.requestIndex()
				if s.onLabels != nil {
					s.onLabels()
				}
			}
		})
	})
}

// render lays the section out for its state: loading, failed, nothing to
// scan, never scanned, scanning, or the results.
func (s *piiSection) render() {
	objs := []fyne.CanvasObject{ovHeading(lang.L("Personal information"))}
	switch {
	case !s.loaded:
		objs = append(objs, widget.NewLabel(lang.L("Loading…")))
	case s.err != nil:
		objs = append(objs, ovWrapped(errorText(s.err)))
	case len(s.rep.Submissions) == 0:
		objs = append(objs, widget.NewLabel(lang.L("No files imported yet.")))
	default:
		objs = append(objs, s.results()...)
	}
	if s.loaded && s.err == nil && len(s.rep.Submissions) > 0 {
		if s.scanning {
			s.scanBtn.Disable()
			objs = append(objs, s.bar, s.status)
		} else {
			s.scanBtn.Enable()
		}
		buttons := container.NewHBox(s.scanBtn, layout.NewSpacer())
		if s.scanning {
			buttons = container.NewHBox(s.scanBtn, s.stopBtn, layout.NewSpacer())
		}
		objs = append(objs, buttons)
	}
	s.box.Objects = objs
	s.box.Refresh()
}

// results lists each submission's counts.
func (s *piiSection) results() []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	scanned := 0
	var last string
	for _, sub := range s.rep.Submissions {
		if sub.Scanned {
			scanned++
			if d := localDay(sub.ScannedAt); d > last {
				last = d
			}
		}
	}
	if scanned == 0 {
		return append(objs, ovWrapped(lang.L("Not scanned yet. The scan counts resident ID numbers, mobile numbers, e-mail addresses and bank-card numbers in every record and passage, and raises the label of a file where it finds any to at least Personal information.")))
	}
	grid := container.New(layout.NewFormLayout())
	for _, sub := range s.rep.Submissions {
		var text string
		switch {
		case !sub.Scanned:
			text = lang.L("not scanned")
		case sub.Total == 0:
			text = lang.L("none found")
		default:
			var parts []string
			for _, t := range workbench.PIITypes {
				if n := sub.Counts[t]; n > 0 {
					parts = append(parts, piiTypeText(t)+" "+formatCount(n))
				}
			}
			text = strings.Join(parts, " · ")
		}
		text += " · " + labelText(sub.Label)
		v := widget.NewLabel(text)
		v.Truncation = fyne.TextTruncateEllipsis
		if sub.Total > 0 {
			v.Importance = widget.WarningImportance
		}
		grid.Add(widget.NewLabelWithStyle(app.Clip(sub.File, 40), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(v)
	}
	objs = append(objs, grid)
	var totals []string
	for _, t := range workbench.PIITypes {
		totals = append(totals, piiTypeText(t)+" "+formatCount(s.rep.Totals[t]))
	}
	caption := ovWrapped(lang.L("Last scanned {{.Date}}. In all: {{.List}}.",
		map[string]any{"Date": last, "List": strings.Join(totals, " · ")}))
	caption.SizeName = theme.SizeNameCaptionText
	return append(objs, caption)
}
