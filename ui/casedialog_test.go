package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
)

// newTestWindow opens a fresh workspace in the Fyne test driver and waits
// for the window to load its cases.
func newTestWindow(t *testing.T) (*MainWindow, *app.App) {
	t.Helper()
	a := test.NewTempApp(t)
	Setup(a)
	ws, err := app.Open(context.Background(), t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	mw := NewMainWindow(a, ws)
	t.Cleanup(mw.win.Close)
	mw.bg.Wait()
	return mw, ws
}

// objectsOf lists every object drawn under o. It walks the cached
// renderers; test.LaidOutObjects would build new ones, and a second
// widget.Form renderer re-arms the form's validation.
func objectsOf(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			out = append(out, objectsOf(child)...)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			out = append(out, objectsOf(child)...)
		}
	}
	return out
}

// findButton finds the button labelled text in the top overlay.
func findButton(t *testing.T, mw *MainWindow, text string) *widget.Button {
	t.Helper()
	top := mw.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is showing")
	}
	for _, o := range objectsOf(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in the dialog", text)
	return nil
}

// shownTexts collects the visible text drawn in the top overlay.
func shownTexts(mw *MainWindow) string {
	var b strings.Builder
	for _, o := range objectsOf(mw.win.Canvas().Overlays().Top()) {
		if txt, ok := o.(*canvas.Text); ok && txt.Visible() {
			b.WriteString(txt.Text + "\n")
		}
	}
	return b.String()
}

func countCases(t *testing.T, ws *app.App) int {
	t.Helper()
	cases, err := ws.ListCases(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(cases)
}

func TestNewCaseDialogRejectsBadCreditCode(t *testing.T) {
	mw, ws := newTestWindow(t)
	d := mw.ShowNewCaseDialog()
	test.Type(d.provider, "星河智算科技有限公司")
	test.Type(d.service, "星河对话")
	mw.win.Canvas().Focus(d.creditCode)           // as a user clicks into the field,
	test.Type(d.creditCode, "91110108MA7XH2TQ5F") // types a code whose check character should be E
	mw.win.Canvas().Focus(d.filingNo)             // and moves on

	submit := findButton(t, mw, "Create case")
	if !submit.Disabled() {
		t.Fatal("submit button enabled with an invalid credit code")
	}
	if shown := shownTexts(mw); !strings.Contains(shown, "Check character does not match") || !strings.Contains(shown, "expected E") {
		t.Errorf("the credit-code error is not shown beside the field; dialog shows:\n%s", shown)
	}
	test.Tap(submit)
	mw.bg.Wait()
	if n := countCases(t, ws); n != 0 {
		t.Fatalf("an invalid case was saved (%d cases)", n)
	}

	// Correcting the code enables the button and saves the case.
	d.creditCode.SetText("")
	test.Type(d.creditCode, "91110108ma7xh2tq5e")
	test.Type(d.inspectors, "张明, 李华")
	d.modalities.SetSelected([]string{"Text", "Video"})
	d.publicOpinion.SetChecked(true)
	if submit.Disabled() {
		t.Fatalf("submit still disabled after a valid code: %v", d.form.Validate())
	}
	test.Tap(submit)
	mw.bg.Wait()

	cases, err := ws.ListCases(context.Background())
	if err != nil || len(cases) != 1 {
		t.Fatalf("cases after submit: %v, %v", cases, err)
	}
	c := cases[0]
	if c.Provider.Name != "星河智算科技有限公司" || c.Provider.CreditCode != "91110108MA7XH2TQ5E" ||
		c.Service.Name != "星河对话" || strings.Join(c.Inspectors, ",") != "张明,李华" ||
		strings.Join(c.Service.Modalities, ",") != "text,video" || !c.Service.PublicOpinion {
		t.Errorf("saved case = %+v", c)
	}
	if mw.win.Canvas().Overlays().Top() != nil {
		t.Error("dialog still open after a successful save")
	}
	if len(mw.cases) != 1 || mw.selected != c.ID {
		t.Errorf("window shows %d cases, selected %d; want the new case %d selected", len(mw.cases), mw.selected, c.ID)
	}
}

func TestNewCaseDialogRequiresNames(t *testing.T) {
	mw, ws := newTestWindow(t)
	d := mw.ShowNewCaseDialog()
	submit := findButton(t, mw, "Create case")
	if !submit.Disabled() {
		t.Fatal("submit enabled on an empty form")
	}
	test.Type(d.provider, "星河")
	if !submit.Disabled() {
		t.Fatal("submit enabled without a service name")
	}
	test.Type(d.service, "对话")
	d.opened.SetText("2024/3/5")
	if !submit.Disabled() {
		t.Fatal("submit enabled with a malformed date")
	}
	d.opened.SetText("2024-03-05")
	test.Type(d.inspectors, "张明, 张明")
	if !submit.Disabled() {
		t.Fatal("submit enabled with an inspector named twice")
	}
	d.inspectors.SetText("张明")
	if submit.Disabled() {
		t.Fatalf("submit disabled on a valid form: %v", d.form.Validate())
	}
	if n := countCases(t, ws); n != 0 {
		t.Fatalf("typing saved %d cases", n)
	}
}

func TestNewCaseDialogKeepsInputOnConflict(t *testing.T) {
	mw, ws := newTestWindow(t)
	if _, err := ws.CreateCase(context.Background(), app.CaseInput{
		Provider: "星河智算", CreditCode: "91110108MA7XH2TQ5E", Service: "对话"}); err != nil {
		t.Fatal(err)
	}
	d := mw.ShowNewCaseDialog()
	test.Type(d.provider, "另一家公司")
	test.Type(d.creditCode, "91110108MA7XH2TQ5E") // already recorded for 星河智算
	test.Type(d.service, "绘图")
	test.Tap(findButton(t, mw, "Create case"))
	mw.bg.Wait()

	if n := countCases(t, ws); n != 1 {
		t.Fatalf("conflicting case saved: %d cases", n)
	}
	if got := len(mw.win.Canvas().Overlays().List()); got != 2 {
		t.Fatalf("%d overlays; want the form with an error dialog above it", got)
	}
	if shown := shownTexts(mw); !strings.Contains(shown, "already recorded") {
		t.Errorf("error dialog does not explain the conflict:\n%s", shown)
	}
	if d.provider.Text != "另一家公司" || d.creditCode.Text != "91110108MA7XH2TQ5E" || d.service.Text != "绘图" {
		t.Error("the form lost what the user typed")
	}
}

func TestMainWindowListsCases(t *testing.T) {
	mw, ws := newTestWindow(t)
	mw.SeedDemo() // in the background, as the demo starts
	mw.bg.Wait()
	if len(mw.cases) != 1 || mw.selected != mw.cases[0].ID {
		t.Fatalf("window has %d cases, selected %d", len(mw.cases), mw.selected)
	}
	var texts []string
	for _, o := range objectsOf(mw.win.Content()) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{app.DemoCase().Provider, app.DemoCase().CreditCode, "张明, 李华", ws.Dir()} {
		if !strings.Contains(all, want) {
			t.Errorf("window does not show %q", want)
		}
	}
}
