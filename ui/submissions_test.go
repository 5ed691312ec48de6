package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/ui/dialogs"
)

func TestImportAndBrowseRecords(t *testing.T) {
	mw, ws := newTestWindow(t)
	c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	mw.reload(c.ID)
	mw.bg.Wait()
	if mw.subs == nil || mw.subs.caseID != c.ID {
		t.Fatal("the case's submissions view is not shown")
	}
	v := mw.subs
	sample := filepath.Join("..", "testdata", "sample")
	bad := filepath.Join("..", "testdata", "bad", "image.csv")
	v.importFiles([]string{filepath.Join(sample, "incidents.csv"), bad})
	mw.bg.Wait()

	if len(v.subs) != 1 || v.subs[0].Records != 3000 || v.selected == nil || v.selected.ID != v.subs[0].ID {
		t.Fatalf("after import: %d submissions, selected %v", len(v.subs), v.selected)
	}
	// The report names both files and the failure.
	report := shownTexts(mw)
	if !strings.Contains(report, "incidents.csv") || !strings.Contains(report, "image.csv") || !strings.Contains(report, "not a text file") {
		t.Errorf("import report:\n%s", report)
	}

	// The records browser pages from the database: reading a far row
	// fetches only its page.
	rows, cols := v.table.Length()
	if rows != 3000 || cols != len(v.columns) || v.columns[1] != "事件编号 Incident ID" {
		t.Fatalf("table %d×%d, columns %v", rows, cols, v.columns)
	}
	if got := v.cell(widget.TableCellID{Row: 2500, Col: 1}); got != "…" {
		t.Errorf("an unfetched row shows %q", got)
	}
	mw.bg.Wait()
	if len(v.pages) != 1 {
		t.Errorf("%d pages in memory, want only the one asked for", len(v.pages))
	}
	if got := v.cell(widget.TableCellID{Row: 2500, Col: 1}); got != "INC-2501" {
		t.Errorf("row 2500 incident id = %q", got)
	}
	if got := v.cell(widget.TableCellID{Row: 2500, Col: 3}); got == "" || strings.Contains(got, "_") {
		t.Errorf("row 2500 category shows %q, want its term", got)
	}
	if got := v.cell(widget.TableCellID{Row: 2500, Col: 0}); got != "2502" {
		t.Errorf("row 2500 is line %q of the file", got)
	}
}

func TestDropFilesImportsThem(t *testing.T) {
	mw, ws := newTestWindow(t)
	c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	mw.reload(c.ID)
	mw.bg.Wait()
	sample := filepath.Join("..", "testdata", "sample")
	var uris []fyne.URI
	for _, f := range []string{"algorithm.json", "annotation-qa.csv"} {
		abs, _ := filepath.Abs(filepath.Join(sample, f))
		uris = append(uris, storage.NewFileURI(abs))
	}
	mw.dropped(fyne.Position{}, uris)
	mw.bg.Wait()
	if mw.tabs.SelectedIndex() != 1 || len(mw.subs.subs) != 2 {
		t.Fatalf("after the drop: tab %d, %d submissions", mw.tabs.SelectedIndex(), len(mw.subs.subs))
	}
}

func TestDropWithoutCase(t *testing.T) {
	mw, _ := newTestWindow(t)
	mw.dropped(fyne.Position{}, nil)
	if mw.win.Canvas().Overlays().Top() == nil {
		t.Error("dropping with no case open says nothing")
	}
}

func TestDocumentShowsPassages(t *testing.T) {
	mw, ws := newTestWindow(t)
	c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	mw.reload(c.ID)
	mw.bg.Wait()
	v := mw.subs
	md := filepath.Join(t.TempDir(), "rules.md")
	if err := os.WriteFile(md, []byte("# 标注规则\n\n## 3.2 安全性标注\n\n安全性标注覆盖全部类别。\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	v.kind.SetSelectedIndex(2) // annotation rules: documents need a kind
	v.importFiles([]string{md})
	mw.bg.Wait()
	if len(v.subs) != 1 || v.selected == nil || v.selected.Passages != 3 {
		t.Fatalf("after import: %+v", v.subs)
	}
	if report := shownTexts(mw); !strings.Contains(report, "rules.md: 3 passages as") {
		t.Errorf("a document's import report counts its passages:\n%s", report)
	}
	if rows, cols := v.table.Length(); rows != 3 || cols != 3 {
		t.Fatalf("table %d×%d", rows, cols)
	}
	v.cell(widget.TableCellID{Row: 2, Col: 2})
	mw.bg.Wait()
	if got := v.cell(widget.TableCellID{Row: 2, Col: 1}); got != "标注规则 > 3.2 安全性标注" {
		t.Errorf("heading path cell = %q", got)
	}
	if got := v.cell(widget.TableCellID{Row: 2, Col: 2}); got != "安全性标注覆盖全部类别。" {
		t.Errorf("text cell = %q", got)
	}
	if got := v.cell(widget.TableCellID{Row: 2, Col: 0}); !strings.Contains(got, "5") {
		t.Errorf("location cell = %q", got)
	}
	// Selecting a row opens the passage whole.
	v.table.Select(widget.TableCellID{Row: 2, Col: 2})
	if shown := shownTexts(mw); !strings.Contains(shown, "安全性标注覆盖全部类别。") {
		t.Errorf("the passage dialog shows:\n%s", shown)
	}
}

// TestImportReportShowsWhatWasLeftOut: rows taken for notes, totals or
// sign-offs and values outside a vocabulary are listed in the report; the
// "keep" box imports those rows as records.
func TestImportReportShowsWhatWasLeftOut(t *testing.T) {
	mw, ws := newTestWindow(t)
	c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "苏州澜图智能科技有限公司", Service: "澜图绘言"})
	if err != nil {
		t.Fatal(err)
	}
	mw.reload(c.ID)
	mw.bg.Wait()
	v := mw.subs
	sources := filepath.Join("..", "testdata", "sample2", "data_sources.xlsx")
	v.importFiles([]string{sources, filepath.Join("..", "testdata", "sample2", "incidents.csv")})
	mw.bg.Wait()
	report := shownTexts(mw)
	for _, want := range []string{"rows left out as notes, totals or sign-offs", "row 22: 合计", "处置措施: ", "values not recognised"} {
		if !strings.Contains(report, want) {
			t.Errorf("import report lacks %q:\n%s", want, report)
		}
	}
	if len(v.subs) != 2 || v.subs[0].Records != 19 {
		t.Fatalf("after import: %+v", v.subs)
	}

	// Asked to keep them, the same rows are records.
	other, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "苏州澜图智能科技有限公司", Service: "澜图绘言 2"})
	if err != nil {
		t.Fatal(err)
	}
	mw.reload(other.ID)
	mw.bg.Wait()
	v = mw.subs
	v.keep.SetChecked(true)
	v.importFiles([]string{sources})
	mw.bg.Wait()
	if len(v.subs) != 1 || v.subs[0].Records <= 19 {
		t.Fatalf("kept notes: %+v", v.subs)
	}
}

// scripted is a native file dialog that answers as a test tells it.
type scripted struct {
	files  []string
	folder string
	dir    string // the folder the last dialog started in
}

func (s *scripted) OpenFiles(_, dir string, _ dialogs.Filter) ([]string, error) {
	s.dir = dir
	return s.files, nil
}

func (s *scripted) OpenFolder(_, dir string) (string, error) {
	s.dir = dir
	return s.folder, nil
}

func (s *scripted) SaveFile(_, dir, name string, _ dialogs.Filter) (string, error) {
	s.dir = dir
	return filepath.Join(dir, name), nil
}

// newCaseWindow opens a test window with one case selected.
func newCaseWindow(t *testing.T) (*MainWindow, *app.App, int64) {
	t.Helper()
	mw, ws := newTestWindow(t)
	c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "星河智算", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	mw.reload(c.ID)
	mw.bg.Wait()
	if mw.subs == nil {
		t.Fatal("no submissions view")
	}
	return mw, ws, c.ID
}

// reportDialog is the import report on top of the window, or nil.
func reportDialog(mw *MainWindow) *widget.PopUp {
	p, _ := mw.win.Canvas().Overlays().Top().(*widget.PopUp)
	return p
}

func TestImportFolder(t *testing.T) {
	folder, err := filepath.Abs(filepath.Join("..", "testdata", "folder-import"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		locale string
		want   []string
	}{
		{"en_US.UTF-8", []string{"2 imported of 5 files.", "✔ folder-import/algorithm.json: 1 record as", "✔ folder-import/more/annotation-qa.csv: 24 records as",
			"✘ folder-import/broken.csv: not imported, nothing kept.", "Left out, not a type the workbench reads:", "folder-import/photo.png", "folder-import/legacy.xls"}},
		{"zh_CN.UTF-8", []string{"共 5 个文件，导入 2 个。", "✔ folder-import/algorithm.json：作为", "导入 1 条记录", "导入 24 条记录",
			"✘ folder-import/broken.csv", "以下文件未导入", "folder-import/photo.png"}},
	} {
		t.Run(tc.locale, func(t *testing.T) {
			inLanguage(t, tc.locale)
			mw, ws, caseID := newCaseWindow(t)
			v := mw.subs
			v.files.UsePlatform(&scripted{folder: folder})
			v.ImportFolder()
			mw.bg.Wait()

			report := shownTexts(mw)
			for _, want := range tc.want {
				if !strings.Contains(report, want) {
					t.Errorf("report lacks %q:\n%s", want, report)
				}
			}
			for _, hidden := range []string{".hidden.csv", "~$lock.xlsx"} {
				if strings.Contains(report, hidden) {
					t.Errorf("report names %s, which should be passed over", hidden)
				}
			}
			// The file that failed left nothing behind; the others are in.
			subs, err := ws.ListSubmissions(context.Background(), caseID)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, s := range subs {
				names = append(names, s.FileName)
			}
			sort.Strings(names)
			if strings.Join(names, ",") != "algorithm.json,annotation-qa.csv" || len(v.subs) != 2 {
				t.Errorf("submissions after the folder import: %v", names)
			}
			if got := v.files.LastFolder("import"); got != folder {
				t.Errorf("last folder %q, want %q", got, folder)
			}
		})
	}
}

func TestChooseFilesImportsSeveralAndRemembersFolder(t *testing.T) {
	mw, _, _ := newCaseWindow(t)
	v := mw.subs
	sample, _ := filepath.Abs(filepath.Join("..", "testdata", "sample"))
	native := &scripted{files: []string{filepath.Join(sample, "algorithm.json"), filepath.Join(sample, "annotation-qa.csv")}}
	v.files.UsePlatform(native)
	v.ChooseFiles()
	mw.bg.Wait()
	if len(v.subs) != 2 {
		t.Fatalf("%d submissions after choosing two files", len(v.subs))
	}
	if native.dir != "" {
		t.Errorf("the first dialog started in %q", native.dir)
	}
	closeReport(t, mw)
	v.ChooseFiles() // the same files again: duplicates, but the dialog starts where the last ended
	mw.bg.Wait()
	if native.dir != sample {
		t.Errorf("the second dialog started in %q, want %q", native.dir, sample)
	}

	// Without a native dialog, Fyne's opens inside the window.
	closeReport(t, mw)
	v.files.UseFyne()
	v.ChooseFiles()
	top := mw.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no file dialog")
	}
	if s, w := top.Size(), mw.win.Canvas().Size(); s.Width > w.Width || s.Height > w.Height {
		t.Errorf("file dialog %v is larger than the window %v", s, w)
	}
}

// closeReport presses Escape on the report dialog and checks it closed.
func closeReport(t *testing.T, mw *MainWindow) {
	t.Helper()
	if reportDialog(mw) == nil {
		t.Fatal("no report shown")
	}
	mw.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if mw.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape did not close the report")
	}
}

func TestReportDialogFitsContent(t *testing.T) {
	mw, _, _ := newCaseWindow(t)
	mw.win.Resize(fyne.NewSize(1280, 720))
	v := mw.subs
	short := v.showReport([]app.FileReport{{File: "/x/a.csv", Status: app.StatusImported, Kind: "incident", Records: 1}}, nil, nil, nil)
	small := reportDialog(mw).Content.Size()
	if small.Height > 260 || small.Width > 700 {
		t.Errorf("a one-line report is in a %v dialog", small)
	}
	short.Hide()
	// Enter closes it too.
	v.showReport([]app.FileReport{{File: "/x/a.csv", Status: app.StatusDuplicate}}, nil, nil, nil)
	mw.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if mw.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Enter did not close the report")
	}

	// A short report whose lines wrap is shown whole, without scrolling:
	// the algorithm description of the second sample gave one line and a
	// wrapped warning in a dialog a line and a half tall.
	wrapped := v.showReport([]app.FileReport{{File: "/x/algorithm_description.pdf", Status: app.StatusImported, Kind: "algorithm", Format: "pdf", Passages: 2,
		WarningCount: 1, Warnings: []workbench.Warning{{Location: "passage 1, page 1 (参数量)", Reason: workbench.ReasonValueUnreadable,
			Args: map[string]any{"Value": strings.Repeat("文本模型 1,460 亿（MoE，激活约 220 亿）；图片生成模型 38 亿；", 4), "Expected": "a quantity such as 1.2TB, 3亿 tokens or 50万条", "Type": "scale"}}}}}, nil, nil, nil)
	var scroll *container.Scroll
	for _, o := range objectsOf(reportDialog(mw).Content) {
		if sc, ok := o.(*container.Scroll); ok && scroll == nil {
			scroll = sc
		}
	}
	if scroll == nil {
		t.Fatal("the report shows no scroller")
	}
	// The same text laid out at the scroller's narrowest width.
	label := widget.NewLabel(scroll.Content.(*widget.Label).Text)
	label.Wrapping = fyne.TextWrapWord
	label.Resize(fyne.NewSize(scroll.MinSize().Width, 1000))
	if need := label.MinSize().Height; scroll.MinSize().Height < need {
		t.Errorf("a report of wrapped lines needs %v high, its dialog shows %v: it scrolls", need, scroll.Size().Height)
	}
	wrapped.Hide()

	var many []app.FileReport
	for i := range 60 {
		many = append(many, app.FileReport{File: fmt.Sprintf("/x/%02d-一个很长的文件名-a-rather-long-file-name-that-goes-on-and-on.csv", i),
			Status: app.StatusFailed, Error: strings.Repeat("the file is not what its name says ", 4)})
	}
	v.showReport(many, nil, nil, nil)
	big := reportDialog(mw).Content.Size()
	win := mw.win.Canvas().Size()
	if big.Width > win.Width || big.Height > win.Height || big.Height <= small.Height || big.Width <= small.Width {
		t.Errorf("a 60-file report is in a %v dialog, the window is %v", big, win)
	}
}

func TestKindChooserResetsAfterImport(t *testing.T) {
	mw, _, _ := newCaseWindow(t)
	v := mw.subs
	md := filepath.Join(t.TempDir(), "rules.md")
	if err := os.WriteFile(md, []byte("# 标注规则\n\n安全性标注覆盖全部类别。\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	v.kind.SetSelectedIndex(2)
	v.ImportPaths([]string{md})
	mw.bg.Wait()
	if v.kind.SelectedIndex() != 0 {
		t.Errorf("kind chooser shows %q after the import", v.kind.Selected)
	}
	if report := shownTexts(mw); !strings.Contains(report, "rules.md: 2 passages as") || strings.Contains(report, "record") {
		t.Errorf("a document's report:\n%s", report)
	}
}

func TestCountWording(t *testing.T) {
	for _, tc := range []struct {
		locale string
		want   []string
	}{
		{"en_US.UTF-8", []string{"1 record", "2 records", "1 passage", "1,200 passages", "no warnings", "1 warning", "3 warnings", "1 file", "2 files", "1 row", "5 rows"}},
		{"zh_CN.UTF-8", []string{"1 条记录", "2 条记录", "1 段", "1,200 段", "无警告", "1 条警告", "3 条警告", "1 个文件", "2 个文件", "1 行", "5 行"}},
	} {
		t.Run(tc.locale, func(t *testing.T) {
			inLanguage(t, tc.locale)
			got := []string{recordsText(1), recordsText(2), passagesText(1), passagesText(1200), warningsText(0), warningsText(1), warningsText(3),
				filesText(1), filesText(2), rowsText(1), rowsText(5)}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// newScriptedDialogs are file dialogs of mw whose native dialog is p.
func newScriptedDialogs(mw *MainWindow, p dialogs.Platform) *dialogs.FileDialogs {
	d := dialogs.New(mw.win, fyne.CurrentApp().Preferences(), mw.goBackground, mw.do)
	d.UsePlatform(p)
	return d
}

// TestPagesFitSmallScreens checks that the Submissions and Search pages
// need no more room than the right-hand side of a 1280×720 window leaves
// them beside the case list, in both languages: no control is cut off.
func TestPagesFitSmallScreens(t *testing.T) {
	for _, locale := range []string{"zh_CN.UTF-8", "en_US.UTF-8"} {
		t.Run(locale, func(t *testing.T) {
			inLanguage(t, locale)
			mw, _, _ := newCaseWindow(t)
			room := fyne.NewSize(1280*0.7-40, 720-120) // case list, tabs, status bar
			for name, page := range map[string]fyne.CanvasObject{"submissions": mw.subs.content, "search": mw.search.content} {
				t.Logf("%s needs %v", name, page.MinSize())
				if min := page.MinSize(); min.Width > room.Width || min.Height > room.Height {
					t.Errorf("%s page needs %v, a 1280×720 window leaves %v", name, min, room)
				}
			}
		})
	}
}

// TestWarningsDialogShowsEveryWarning opens the warnings of a file with
// several long warnings: every one is shown, in the GUI's language, in one
// wrapped text whose height holds all its lines. (A list of wrapped rows
// kept one row height, and long warnings overlapped the next.)
func TestWarningsDialogShowsEveryWarning(t *testing.T) {
	inLanguage(t, "zh")
	mw, ws, caseID := newCaseWindow(t)
	v := mw.subs
	onUI(mw, func() { v.ImportPaths([]string{filepath.Join("..", "testdata", "bad", "warnings.csv")}) })
	onUI(mw, func() {
		if d := reportDialog(mw); d != nil {
			d.Hide()
		}
	})
	subs, err := ws.ListSubmissions(context.Background(), caseID)
	if err != nil || len(subs) != 1 {
		t.Fatalf("submissions %v, %v", subs, err)
	}
	warnings, err := ws.SubmissionWarnings(context.Background(), subs[0].ID)
	if err != nil || len(warnings) < 3 {
		t.Fatalf("%d warnings, %v", len(warnings), err)
	}
	onUI(mw, func() { v.showRecords(&subs[0]) })
	onUI(mw, v.showWarnings)
	var labels []*widget.Label
	for _, o := range objectsOf(mw.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "\n") {
			labels = append(labels, l)
		}
	}
	if len(labels) != 1 {
		t.Fatalf("%d multi-line labels in the warnings dialog", len(labels))
	}
	l := labels[0]
	for _, w := range warnings {
		if !strings.Contains(l.Text, warningText(w)) {
			t.Errorf("the dialog lacks %q", warningText(w))
		}
	}
	if !hasHan(l.Text) {
		t.Errorf("warnings not in Chinese:\n%s", l.Text)
	}
	lines := strings.Count(l.Text, "\n") + 1
	if h := l.MinSize().Height; h < float32(lines)*theme.TextSize() {
		t.Errorf("%d lines of warnings in %v pixels: they overlap", lines, h)
	}
}

// TestSecondSampleWarningsInChinese imports the second sample's incident
// log — written without our code, with actions outside our vocabulary and
// note rows under its table — and words every warning it keeps in
// Chinese: no English sentence, no English location.
func TestSecondSampleWarningsInChinese(t *testing.T) {
	inLanguage(t, "zh")
	mw, ws, caseID := newCaseWindow(t)
	onUI(mw, func() { mw.subs.ImportPaths([]string{filepath.Join("..", "testdata", "sample2", "incidents.csv")}) })
	subs, err := ws.ListSubmissions(context.Background(), caseID)
	if err != nil || len(subs) != 1 {
		t.Fatalf("submissions %v, %v", subs, err)
	}
	warnings, err := ws.SubmissionWarnings(context.Background(), subs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var unknown, skipped int
	for _, w := range warnings {
		switch w.Reason {
		case workbench.ReasonValuesUnknown:
			unknown++
		case workbench.ReasonRowSkipped:
			skipped++
		}
		text := warningText(w)
		for _, english := range []string{"column ", "left out", "values not in", "record", "kept as"} {
			if strings.Contains(text, english) {
				t.Errorf("%q in the Chinese wording %q", english, text)
			}
		}
	}
	if unknown == 0 || skipped == 0 {
		t.Errorf("%d columns with unknown values and %d skipped rows; the sample has both", unknown, skipped)
	}
}
