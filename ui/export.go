package ui

import (
	"context"
	"errors"
	"fmt"
	"github.com/inspection-workbench/workbench"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/dialogs"
)

// exportLangs are the workbook languages the export dialog offers, in the
// order of its choices.
var exportLangs = []string{workbench.ExportLangZh, workbench.ExportLangEn, workbench.ExportLangBoth}

// exportDialog states what confidential material the workbook will carry
// off the workstation, asks for the language and whether personal
// information goes unmasked, and then asks where to write it.
type exportDialog struct {
	v       *checklistView
	preview app.ExportPreview
	lang    *widget.RadioGroup
	pi      *widget.Check
	secret  *widget.Check // include material labelled state secret; unchecked by default
	d       *dialog.ConfirmDialog
	files   *dialogs.FileDialogs // where to save; made when first needed
}

// showExport reads what the export would carry, then shows the dialog.
func (v *checklistView) showExport() {
	v.host.goBackground(func() {
		p, err := v.ws.PreviewExport(context.Background(), v.caseID)
		v.host.do(func() {
			if err != nil {
				v.host.showError(err)
				return
			}
			v.exportDialog(p)
		})
	})
}

// labelCounts writes counts by confidentiality label: "3 trade secret, 1
// internal".
func labelCounts(m map[string]int) string {
	labels := make([]string, 0, len(m))
	for l := range m {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	var parts []string
	for _, l := range labels {
		name := lang.L("unknown (file removed)")
		if l != "unknown" {
			name = labelText(l)
		}
		parts = append(parts, strconv.Itoa(m[l])+" "+name)
	}
	if len(parts) == 0 {
		return lang.L("none")
	}
	return strings.Join(parts, lang.L(", "))
}

func (v *checklistView) exportDialog(p app.ExportPreview) *exportDialog {
	e := &exportDialog{v: v, preview: p}
	warning := widget.NewLabel(lang.L("The workbook leaves the protection of this workstation. Article 19 obliges inspectors to keep state secrets, trade secrets, personal privacy and personal information they learn confidential. It will contain:"))
	warning.Wrapping = fyne.TextWrapWord
	warning.Importance = widget.WarningImportance
	facts := widget.NewLabel(lang.L("• {{.Items}} checklist items with notes and findings, {{.Findings}} of them non-compliant or partially compliant\n• {{.Evidence}} quotations from the provider's files — by label: {{.Labels}}\n• the list of {{.Subs}} submitted files — by label: {{.SubLabels}}",
		map[string]any{"Items": p.Items, "Findings": p.Findings, "Evidence": p.Evidence, "Labels": labelCounts(p.EvidenceByLabel),
			"Subs": p.Submissions, "SubLabels": labelCounts(p.SubmissionsByLabel)}))
	facts.Wrapping = fyne.TextWrapWord
	e.lang = widget.NewRadioGroup([]string{lang.L("Chinese"), lang.L("English"), lang.L("Chinese and English")}, nil)
	e.lang.Horizontal = true
	e.lang.SetSelected(lang.L("Chinese and English"))
	e.pi = widget.NewCheck(lang.L("Include personal information unmasked (resident ID, mobile and bank-card numbers, e-mail addresses)"), nil)
	e.secret = widget.NewCheck(lang.L("Include material labelled state secret"), nil)
	secretNote := widget.NewLabel(stateSecretNote(p.StateSecret))
	secretNote.Wrapping = fyne.TextWrapWord
	secretNote.Importance = widget.LowImportance
	if p.StateSecret.Submissions == 0 && p.StateSecret.Evidence == 0 {
		e.secret.Disable()
	}
	body := container.NewVBox(warning, facts, widget.NewSeparator(), widget.NewLabel(lang.L("Language of the workbook")), e.lang, e.pi,
		e.secret, secretNote)
	e.d = dialog.NewCustomConfirm(lang.L("Export to Excel"), lang.L("Choose file and export…"), lang.L("Cancel"), body, func(ok bool) {
		if ok {
			e.chooseFile()
		}
	}, v.win)
	e.d.Resize(dialogSize(v.win, 720, 480))
	e.d.Show()
	dialogs.BindKeys(v.win, e.d, e.d.Confirm, e.d.Dismiss)
	return e
}

// stateSecretNote says what the export leaves out unless state-secret
// material is included.
func stateSecretNote(c app.StateSecretCount) string {
	if c.Submissions == 0 && c.Evidence == 0 {
		return lang.L("The case holds no material labelled state secret.")
	}
	return lang.L("Unless you include it, the workbook leaves out the {{.Files}} labelled state secret: their rows in the list of files, the {{.Quotes}} quoted from them and every reference to their records. The Summary sheet says so.",
		map[string]any{"Files": filesText(c.Submissions), "Quotes": quotationsText(c.Evidence)})
}

// selectedLang is the workbook language chosen.
func (e *exportDialog) selectedLang() string {
	for i, opt := range e.lang.Options {
		if opt == e.lang.Selected {
			return exportLangs[i]
		}
	}
	return workbench.ExportLangBoth
}

// chooseFile asks where to save the workbook, proposing a name in the
// workbook's language in the user's documents folder (or the folder of
// the last export), then exports.
func (e *exportDialog) chooseFile() {
	v := e.v
	if e.files == nil {
		e.files = dialogs.New(v.win, fyne.CurrentApp().Preferences(), v.host.goBackground, v.host.do)
	}
	service := ""
	if c, ok := v.host.caseByID(v.caseID); ok {
		service = c.Service.Name
	}
	name := exportFileName(e.selectedLang(), service, time.Now())
	e.files.SaveFile(lang.L("Export to Excel"), "export", dialogs.DocumentsDir(), name,
		dialogs.Filter{Name: lang.L("Excel workbook"), Extensions: []string{".xlsx"}}, e.export)
}

// exportFileName is the name proposed for a case's workbook:
// 检查结论-<服务名>-<日期>.xlsx for a Chinese workbook,
// Inspection-findings-<service>-<date>.xlsx for an English one, and for
// a bilingual one the name in the interface's language. Characters no
// file system takes are replaced.
func exportFileName(workbookLang, service string, day time.Time) string {
	zh := workbookLang == workbench.ExportLangZh || workbookLang != workbench.ExportLangEn && chinese()
	prefix := "Inspection-findings"
	if zh {
		prefix = "检查结论"
	}
	parts := []string{prefix}
	if s := fileNamePart(service); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(append(parts, day.Format("2006-01-02")), "-") + ".xlsx"
}

// fileNamePart makes s safe in a file name on Windows, macOS and Linux:
// path separators, the characters Windows reserves and control
// characters become "_", and it is cut to 60 characters.
func fileNamePart(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`\/:*?"<>|`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(s))
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60])
	}
	return strings.Trim(s, ". ")
}

// export writes the workbook off the UI goroutine, with a busy dialog.
func (e *exportDialog) export(path string) {
	v := e.v
	req := app.ExportRequest{CaseID: v.caseID, Path: path, Lang: e.selectedLang(), IncludePersonalInfo: e.pi.Checked,
		IncludeStateSecret: e.secret.Checked}
	bar := widget.NewProgressBarInfinite()
	busy := dialog.NewCustomWithoutButtons(lang.L("Exporting…"), container.NewVBox(widget.NewLabel(path), bar), v.win)
	busy.Show()
	v.host.goBackground(func() {
		rep, err := v.ws.Export(context.Background(), req)
		v.host.do(func() {
			busy.Hide()
			bar.Stop()
			if err != nil {
				v.host.showError(err)
				return
			}
			pi := lang.L("Personal information is masked.")
			if rep.IncludePersonalInfo {
				pi = lang.L("Personal information is included unmasked.")
			}
			if rep.StateSecret.Submissions > 0 || rep.StateSecret.Evidence > 0 {
				if rep.IncludeStateSecret {
					pi += "\n" + lang.L("Material labelled state secret is included.")
				} else {
					pi += "\n" + lang.L("Material labelled state secret is left out.")
				}
			}
			msg := widget.NewLabel(lang.L("Wrote {{.Path}} ({{.Size}} bytes).", map[string]any{"Path": rep.Path, "Size": rep.Size}) + "\n" + pi)
			msg.Wrapping = fyne.TextWrapWord
			msg.Selectable = true
			d := dialog.NewCustom(lang.L("Export finished"), lang.L("Close"), msg, v.win)
			d.Resize(dialogSize(v.win, 620, 200))
			d.Show()
			dialogs.BindKeys(v.win, d, d.Hide, d.Hide)
			v.host.setStatus(lang.L("Exported {{.Path}}", map[string]any{"Path": filepath.Base(rep.Path)}))
		})
	})
}

// chooseChecklistImport asks for an edited workbook, shows the changes
// it would make and applies them once confirmed.
func (v *checklistView) chooseChecklistImport() {
	files := dialogs.New(v.win, fyne.CurrentApp().Preferences(), v.host.goBackground, v.host.do)
	files.OpenFiles(lang.L("Import edited checklist"), "export", dialogs.Filter{Name: lang.L("Excel workbook"), Extensions: []string{".xlsx"}},
		func(paths []string) { v.importChecklist(paths[0]) })
}

// importChecklist runs a dry run of the workbook, then asks to apply.
func (v *checklistView) importChecklist(path string) {
	v.host.goBackground(func() {
		rep, err := v.ws.ImportChecklist(context.Background(), v.caseID, path, true)
		v.host.do(func() {
			var ie *app.ChecklistImportError
			if errors.As(err, &ie) {
				v.showChecklistProblems(ie)
				return
			}
			if err != nil {
				v.host.showError(err)
				return
			}
			if len(rep.Changes) == 0 {
				showInformation(lang.L("Import edited checklist"), lang.L("{{.File}} changes nothing.", map[string]any{"File": filepath.Base(path)}), v.win)
				return
			}
			var b strings.Builder
			for _, ch := range rep.Changes {
				fmt.Fprintf(&b, "%s  %s · %s: %q → %q\n", ch.Cell, ch.Item, ch.Field, app.Clip(ch.From, 60), app.Clip(ch.To, 60))
			}
			list := widget.NewLabel(b.String())
			list.Wrapping = fyne.TextWrapWord
			intro := widget.NewLabel(lang.L("{{.File}} changes {{.N}} values. Apply them?", map[string]any{"File": filepath.Base(path), "N": len(rep.Changes)}))
			intro.Wrapping = fyne.TextWrapWord
			d := dialog.NewCustomConfirm(lang.L("Import edited checklist"), lang.L("Apply"), lang.L("Cancel"),
				container.NewBorder(intro, nil, nil, nil, container.NewVScroll(list)), func(ok bool) {
					if !ok {
						return
					}
					v.after(func(ctx context.Context) error {
						_, err := v.ws.ImportChecklist(ctx, v.caseID, path, false)
						return err
					}, nil)
				}, v.win)
			d.Resize(dialogSize(v.win, 760, 480))
			d.Show()
			dialogs.BindKeys(v.win, d, d.Confirm, d.Dismiss)
		})
	})
}

// showChecklistProblems lists the cells that keep a workbook out.
func (v *checklistView) showChecklistProblems(ie *app.ChecklistImportError) {
	var b strings.Builder
	for _, p := range ie.Problems {
		fmt.Fprintf(&b, "%s", p.Cell)
		if p.Item != "" {
			fmt.Fprintf(&b, " (%s)", p.Item)
		}
		fmt.Fprintf(&b, ": %s\n", p.Problem)
	}
	intro := widget.NewLabel(lang.L("{{.File}}, sheet {{.Sheet}}: nothing was applied because of these cells:",
		map[string]any{"File": filepath.Base(ie.File), "Sheet": ie.Sheet}))
	intro.Wrapping = fyne.TextWrapWord
	list := widget.NewLabel(b.String())
	list.Wrapping = fyne.TextWrapWord
	list.Selectable = true
	d := dialog.NewCustom(lang.L("Import edited checklist"), lang.L("Close"), container.NewBorder(intro, nil, nil, nil, container.NewVScroll(list)), v.win)
	d.Resize(dialogSize(v.win, 760, 480))
	d.Show()
	dialogs.BindKeys(v.win, d, d.Hide, d.Hide)
}

// exportButtons are the Export and Import buttons of the checklist tab.
func (v *checklistView) exportButtons(open bool) []fyne.CanvasObject {
	out := []fyne.CanvasObject{widget.NewButtonWithIcon(lang.L("Export to Excel…"), theme.DownloadIcon(), v.showExport)}
	if open {
		out = append(out, widget.NewButtonWithIcon(lang.L("Import edited checklist…"), theme.UploadIcon(), v.chooseChecklistImport))
	}
	return out
}
