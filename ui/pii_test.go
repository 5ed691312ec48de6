package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
)

// piiWorkspace is a workspace with a case holding the personal-information
// fixtures — the incident log labelled internal, the notes a state secret —
// with its inspection started, and an empty case.
func piiWorkspace(t *testing.T) (ws *app.App, caseID, emptyID int64) {
	t.Helper()
	ctx := context.Background()
	ws, err := app.Open(ctx, t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	c, err := ws.CreateCase(ctx, app.CaseInput{Provider: "星河智算科技有限公司", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name  string
		kind  workbench.Kind
		label workbench.Label
	}{
		{"incidents-pii.csv", workbench.Incident, workbench.Internal},
		{"complaint-notes.md", workbench.AnnotationRule, workbench.StateSecret},
	} {
		if _, err := ws.Import(ctx, app.ImportRequest{CaseID: c.ID, Kind: f.kind, Label: f.label,
			Files: []string{filepath.Join("..", "testdata", "pii", f.name)}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ws.StartInspection(ctx, c.ID, ""); err != nil {
		t.Fatal(err)
	}
	empty, err := ws.CreateCase(ctx, app.CaseInput{Provider: "空白科技有限公司", Service: "空白助手"})
	if err != nil {
		t.Fatal(err)
	}
	return ws, c.ID, empty.ID
}

// piiTexts are the words the views must show in each language.
type piiTexts struct {
	heading, notScanned, scan, noFiles, scanning, rid2, mobile1, noneFound, personalInfo, stateSecret, lastScanned,
	labelBtn, save, tradeSecret, selectFirst, includeSecret, leftOut, noSecret, raised string
}

var piiLangs = map[string]piiTexts{
	"en": {"Personal information", "Not scanned yet.", "Scan now", "No files imported yet.", "Scanning incidents-pii.csv…",
		"Resident ID numbers 2", "Mobile numbers 1", "none found", "Personal information", "State secret", "Last scanned",
		"Label…", "Save", "Trade secret", "Select a submission first.", "Include material labelled state secret",
		"Unless you include it, the workbook leaves out the 1 file labelled state secret", "The case holds no material labelled state secret.",
		"files whose label was raised to Personal information: 1"},
	"zh": {"个人信息", "尚未扫描。", "立即扫描", "尚未导入文件。", "正在扫描 incidents-pii.csv…",
		"居民身份证号码 2", "手机号码 1", "未发现", "个人信息", "国家秘密", "最近扫描",
		"密级标签…", "保存", "商业秘密", "请先选择一个提交文件。", "包含标为国家秘密的材料",
		"除非选择包含，工作簿将略去标为国家秘密的 1 个文件", "本案件没有标为国家秘密的材料。",
		"密级标签提升为“个人信息”的文件：1 个"},
}

// TestPIIAndLabelViews renders, in English and in Chinese, the Overview's
// personal-information section in each of its states — loading, failed,
// no files, never scanned, scanning, scanned — scans from it, changes a
// submission's label on the Submissions tab, and shows the export
// dialog's state-secret choice with and without such material.
func TestPIIAndLabelViews(t *testing.T) {
	for _, l := range []string{"en", "zh"} {
		t.Run(l, func(t *testing.T) {
			inLanguage(t, l)
			testPIIAndLabelViews(t, l, piiLangs[l])
		})
	}
}

func testPIIAndLabelViews(t *testing.T, l string, want piiTexts) {
	ws, caseID, emptyID := piiWorkspace(t)
	ctx := context.Background()
	mw := openWindow(t, ws, laptopSize)
	// check asserts that the section shows each of wants and, in Chinese,
	// that nothing on screen is an English message.
	check := func(name string, wants ...string) string {
		t.Helper()
		// Laid out again as the window's driver does when a section's
		// size changes, for the screenshots.
		// The section stands at the foot of the Overview.
		if mw.overview != nil {
			userAct(mw, func() {
				mw.overview.content.Refresh()
				mw.overview.content.(*container.Scroll).ScrollToBottom()
			})
		}
		shown := shownText(visibleObjects(mw.overview.pii.box))
		for _, w := range wants {
			if !strings.Contains(shown, w) {
				t.Errorf("%s: no %q in\n%s", name, w, shown)
			}
		}
		if l == "zh" {
			if en := untranslated(t, onScreen(mw)); len(en) > 0 {
				t.Errorf("%s: English in the Chinese interface: %q", name, en)
			}
		}
		return shown
	}

	// A case without files: nothing to scan.
	selectCase(t, mw, emptyID)
	userAct(mw, func() { caseTabs(t, mw).SelectIndex(tabOverview) })
	if shown := check("no files", want.heading, want.noFiles); strings.Contains(shown, want.scan) {
		t.Errorf("no files: a scan button in\n%s", shown)
	}

	// The case with files, never scanned.
	selectCase(t, mw, caseID)
	userAct(mw, func() { caseTabs(t, mw).SelectIndex(tabOverview) })
	check("not scanned", want.heading, want.notScanned, want.scan)
	screenshot(t, mw, l+"-pii-not-scanned")
	s := mw.overview.pii

	// Loading and failed, as they show before the results come and when
	// the workspace cannot be read.
	userAct(mw, func() { s.loaded = false; s.render() })
	check("loading", want.heading)
	userAct(mw, func() {
		s.loaded, s.err = true, workbench.Errorf(workbench.CodeNotFound, workbench.ReasonNoFolder, "Dir", "/gone")
		s.render()
	})
	if shown := check("failed", want.heading); !strings.Contains(shown, "/gone") || strings.Contains(shown, want.scan) {
		t.Errorf("failed: %s", shown)
	}
	userAct(mw, func() { s.err = nil; s.render() })

	// Scanning: the progress and the file being read; the button waits.
	userAct(mw, func() {
		s.scanning = true
		s.bar.SetValue(0.4)
		s.status.SetText(lang.L("Scanning {{.File}}…", map[string]any{"File": "incidents-pii.csv"}))
		s.render()
	})
	check("scanning", want.scanning)
	if b := buttonsLabelled(visibleObjects(s.box), want.scan); len(b) != 1 || !b[0].Disabled() {
		t.Error("scanning: the scan button is not disabled")
	}
	if b := buttonsLabelled(visibleObjects(s.box), lang.L("Cancel")); len(b) != 1 || b[0].Disabled() {
		t.Error("scanning: no Cancel button")
	}
	screenshot(t, mw, l+"-pii-scanning")
	userAct(mw, func() { s.scanning = false; s.render() })

	// Scan now: runs in the background, then shows the counts; the log's
	// label is raised, the state secret stays.
	tapLabelled(t, mw, want.scan)
	shown := check("scanned", want.rid2, want.personalInfo, want.stateSecret, want.mobile1, want.lastScanned, "incidents-pii.csv", "complaint-notes.md")
	if strings.Contains(shown, "13800138000") || strings.Contains(shown, want.notScanned) {
		t.Errorf("scanned:\n%s", shown)
	}
	if status := mw.status.Text; !strings.Contains(status, want.raised) {
		t.Errorf("status after the scan: %q", status)
	}
	screenshot(t, mw, l+"-pii-scanned")
	subs, err := ws.ListSubmissions(ctx, caseID)
	if err != nil || subs[0].Label != "personal_info" || subs[1].Label != "state_secret" {
		t.Fatalf("labels after the scan: %+v, %v", subs, err)
	}

	// A scan that found nothing says so.
	if _, err := ws.SetLabel(ctx, subs[1].ID, "public"); err != nil {
		t.Fatal(err)
	}
	clean := app.PIISubmission{File: "clean.csv", Label: "public", Scanned: true, Counts: map[workbench.PIIType]int{}}
	userAct(mw, func() { s.rep.Submissions = append(s.rep.Submissions, clean); s.render() })
	check("none found", want.noneFound)

	// Labels on the Submissions tab: nothing selected, then the log.
	userAct(mw, func() { caseTabs(t, mw).SelectIndex(tabSubmissions) })
	tapLabelled(t, mw, want.labelBtn)
	if shown := topDialog(mw); !strings.Contains(shown, want.selectFirst) {
		t.Errorf("label without a selection: %q", shown)
	}
	dismissDialogs(mw)
	userAct(mw, func() { mw.subs.list.Select(0) })
	tapLabelled(t, mw, want.labelBtn)
	var radio *widget.RadioGroup
	for _, o := range onScreen(mw) {
		if r, ok := o.(*widget.RadioGroup); ok {
			radio = r
		}
	}
	if radio == nil || radio.Selected != want.personalInfo || len(radio.Options) != len(workbench.Labels) {
		t.Fatalf("label dialog: %+v\n%s", radio, topDialog(mw))
	}
	if l == "zh" {
		if en := untranslated(t, onScreen(mw)); len(en) > 0 {
			t.Errorf("label dialog: English in the Chinese interface: %q", en)
		}
	}
	screenshot(t, mw, l+"-label-dialog")
	userAct(mw, func() { radio.SetSelected(want.tradeSecret) })
	tapLabelled(t, mw, want.save)
	if sub, err := ws.Store().GetSubmission(ctx, subs[0].ID); err != nil || sub.Label != "trade_secret" {
		t.Errorf("label after saving: %q, %v", sub.Label, err)
	}
	if row := shownText(visibleObjects(mw.subs.list)); !strings.Contains(row, want.tradeSecret) {
		t.Errorf("the list does not show the new label:\n%s", row)
	}

	// The export dialog: state secret left out unless included.
	for _, c := range []struct {
		secret bool
		note   string
	}{{true, want.leftOut}, {false, want.noSecret}} {
		if !c.secret {
			if _, err := ws.SetLabel(ctx, subs[1].ID, "internal"); err != nil {
				t.Fatal(err)
			}
		} else if _, err := ws.SetLabel(ctx, subs[1].ID, "state_secret"); err != nil {
			t.Fatal(err)
		}
		p, err := ws.PreviewExport(ctx, caseID)
		if err != nil {
			t.Fatal(err)
		}
		var e *exportDialog
		userAct(mw, func() { e = mw.checks.exportDialog(p) })
		if shown := topDialog(mw); !strings.Contains(shown, want.includeSecret) || !strings.Contains(shown, c.note) {
			t.Errorf("export dialog (state secret %v): %q", c.secret, shown)
		}
		if e.secret.Checked || e.secret.Disabled() == c.secret {
			t.Errorf("export dialog (state secret %v): checked %v, disabled %v", c.secret, e.secret.Checked, e.secret.Disabled())
		}
		if l == "zh" {
			if en := untranslated(t, onScreen(mw)); len(en) > 0 {
				t.Errorf("export dialog: English in the Chinese interface: %q", en)
			}
		}
		screenshot(t, mw, l+"-export-secret-"+map[bool]string{true: "some", false: "none"}[c.secret])
		dismissDialogs(mw)
	}
}
