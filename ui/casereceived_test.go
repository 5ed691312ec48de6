package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// The New-case dialog's material-received date, in both languages: empty
// by default (the checks then count from each file's import day), a date
// that is none keeps the dialog from saving with the error beside the
// field, and a valid one is recorded with the case.
func TestNewCaseDialogReceivedOn(t *testing.T) {
	for _, c := range []struct{ language, label, hint, create, badDate string }{
		{"en", "Material received on", "The automated checks count from it", "Create case", "2025-13-40"},
		{"zh", "材料接收日期", "自动核查据此计算天数", "创建案件", "2025-13-40"},
	} {
		t.Run(c.language, func(t *testing.T) {
			inLanguage(t, c.language)
			mw, ws := newTestWindow(t)
			d := mw.ShowNewCaseDialog()
			shown := shownTexts(mw)
			if !strings.Contains(shown, c.label) || !strings.Contains(shown, c.hint) {
				t.Fatalf("the dialog does not show %q with %q:\n%s", c.label, c.hint, shown)
			}
			if d.received.Text != "" {
				t.Errorf("received date %q by default, want empty", d.received.Text)
			}
			test.Type(d.provider, "苏州澜图智能科技有限公司")
			test.Type(d.service, "澜图绘言")
			mw.win.Canvas().Focus(d.received)
			test.Type(d.received, c.badDate)
			mw.win.Canvas().Focus(d.title)
			submit := findButton(t, mw, c.create)
			if !submit.Disabled() {
				t.Fatal("submit enabled with a received date that is no date")
			}
			if c.language == "zh" && strings.Contains(shownTexts(mw), "received date") {
				t.Errorf("English error in the Chinese dialog:\n%s", shownTexts(mw))
			}
			d.received.SetText("")
			test.Type(d.received, "2025-06-16")
			if submit.Disabled() {
				t.Fatalf("submit disabled with a valid received date: %v", d.form.Validate())
			}
			test.Tap(submit)
			mw.bg.Wait()
			cases, err := ws.ListCases(context.Background())
			if err != nil || len(cases) != 1 || cases[0].ReceivedOn != "2025-06-16" {
				t.Fatalf("cases after submit: %+v, %v; want one received 2025-06-16", cases, err)
			}
		})
	}
}
