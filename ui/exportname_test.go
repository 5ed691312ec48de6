package ui

import (
	"context"
	"github.com/inspection-workbench/workbench"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/inspection-workbench/workbench/app"
)

func TestExportFileName(t *testing.T) {
	day := time.Date(2026, 12, 6, 0, 0, 0, 0, time.Local)
	for _, tc := range []struct {
		locale, workbook, service, want string
	}{
		{"zh_CN.UTF-8", workbench.ExportLangZh, "星河对话", "检查结论-星河对话-2026-12-06.xlsx"},
		{"zh_CN.UTF-8", workbench.ExportLangBoth, "星河对话", "检查结论-星河对话-2026-12-06.xlsx"},
		{"zh_CN.UTF-8", workbench.ExportLangEn, "Xinghe Chat", "Inspection-findings-Xinghe Chat-2026-12-06.xlsx"},
		{"en_US.UTF-8", workbench.ExportLangBoth, "Xinghe Chat", "Inspection-findings-Xinghe Chat-2026-12-06.xlsx"},
		{"en_US.UTF-8", workbench.ExportLangZh, "星河对话", "检查结论-星河对话-2026-12-06.xlsx"},
		{"en_US.UTF-8", workbench.ExportLangEn, `A/B: "v2"?`, "Inspection-findings-A_B_ _v2__-2026-12-06.xlsx"},
		{"en_US.UTF-8", workbench.ExportLangEn, "", "Inspection-findings-2026-12-06.xlsx"},
	} {
		t.Run(tc.locale+"/"+tc.workbook, func(t *testing.T) {
			inLanguage(t, tc.locale)
			if got := exportFileName(tc.workbook, tc.service, day); got != tc.want {
				t.Errorf("exportFileName(%s, %q) = %q, want %q", tc.workbook, tc.service, got, tc.want)
			}
		})
	}
}

// TestExportProposesNameInDocuments drives the export dialog with the
// keyboard in Chinese: Enter goes on to the file dialog, which proposes
// the Chinese name in the documents folder; the workbook is written
// where the user chose.
func TestExportProposesNameInDocuments(t *testing.T) {
	inLanguage(t, "zh_CN.UTF-8")
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	mw, ws := newTestWindow(t)
	c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.StartInspection(context.Background(), c.ID, ""); err != nil {
		t.Fatal(err)
	}
	mw.reload(c.ID)
	mw.bg.Wait()
	p, err := ws.PreviewExport(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var e *exportDialog
	onUI(mw, func() { e = mw.checks.exportDialog(p) })
	native := &scripted{}
	e.files = newScriptedDialogs(mw, native)
	onUI(mw, func() { mw.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	mw.bg.Wait()
	if native.dir != home {
		t.Errorf("export proposed folder %q, want the documents folder (here the home, %q)", native.dir, home)
	}
	want := "检查结论-星河对话-" + time.Now().Format("2006-01-02") + ".xlsx"
	if !strings.Contains(strings.ReplaceAll(shownTexts(mw), "\n", ""), filepath.Join(home, want)) {
		t.Errorf("after export: %q, want %s written", shownTexts(mw), want)
	}
	// Escape closes the report of the export.
	onUI(mw, func() { mw.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	if top := mw.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("Escape left %q open", shownTexts(mw))
	}
}
