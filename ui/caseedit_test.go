package ui

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
)

// editCases writes an open case, a concluded one and a signed one into
// ws and returns their ids.
func editCases(t *testing.T, ws *app.App) (open, concluded, signed int64) {
	t.Helper()
	ctx := context.Background()
	c, err := ws.CreateCase(ctx, app.CaseInput{Provider: "星河智酸", Service: "星河对话", FilingNo: "Beijing-1",
		Inspectors: []string{"张明", "李华"}, Modalities: []string{"text"}, OpenedOn: "2026-11-02", ReceivedOn: "2025-07-01"})
	if err != nil {
		t.Fatal(err)
	}
	closed := func(provider string, sign bool) int64 {
		c, err := ws.CreateCase(ctx, app.CaseInput{Provider: provider, Service: "助手", Inspectors: []string{"张明"}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ws.StartInspection(ctx, c.ID, ""); err != nil {
			t.Fatal(err)
		}
		st, err := ws.InspectionStatus(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range st.Items {
			if _, err := ws.Assess(ctx, app.AssessInput{CaseID: c.ID, ItemID: it.ID, Result: "not_applicable"}); err != nil {
				t.Fatal(err)
			}
		}
		if err := ws.ConcludeInspection(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		if sign {
			if _, err := ws.SignInspection(ctx, c.ID); err != nil {
				t.Fatal(err)
			}
		}
		return c.ID
	}
	return c.ID, closed("办结科技有限公司", false), closed("签署科技有限公司", true)
}

// editButton is the Overview's Edit case… button of the case shown.
func editButton(t *testing.T, mw *MainWindow) *widget.Button {
	t.Helper()
	bs := buttonsLabelled(onScreen(mw), lang.L("Edit case…"))
	if len(bs) != 1 {
		t.Fatalf("%d Edit case… buttons on the Overview", len(bs))
	}
	return bs[0]
}

// openEdit opens the Edit-case form of the case shown, as Case → Edit
// case… does, and returns it.
func openEdit(mw *MainWindow) *caseDialog {
	var d *caseDialog
	userAct(mw, func() {
		c, _ := mw.caseByID(mw.selected)
		d = mw.ShowEditCaseDialog(c)
	})
	return d
}

// unwrapped is s without white space, as a wrapped label's lines join.
func unwrapped(s string) string { return strings.Join(strings.Fields(s), "") }

// noEnglish fails when the Chinese window shows a message of the
// catalogue in English.
func noEnglish(t *testing.T, mw *MainWindow, language, what string) {
	t.Helper()
	if language == "zh" {
		if en := untranslated(t, onScreen(mw)); len(en) > 0 {
			t.Errorf("%s shows English: %q", what, en)
		}
	}
}

// The Edit-case dialog, in both languages and every state it can be in:
// filled with the open case's details; with a wrong value (Save disabled,
// the error beside the field); saved (the Overview shows the new values);
// refused by the app (the dialog keeps what was typed); an edit that
// changes nothing. A concluded case is told to reopen, and a signed one
// offers no edit at all, from the Overview or the Case menu.
func TestEditCaseDialog(t *testing.T) {
	for _, l := range []struct{ language, title, save, badDate, dateErr, received string }{
		{"en", "Edit case", "Save changes", "2025-13-40", "not a date", "Material received on"},
		{"zh", "修改案件", "保存修改", "2025-13-40", "不是日期", "材料接收日期"},
	} {
		t.Run(l.language, func(t *testing.T) {
			inLanguage(t, l.language)
			mw, ws := newTestWindow(t)
			ctx := context.Background()
			open, concluded, signed := editCases(t, ws)
			resize(mw, laptopSize)
			userAct(mw, func() { mw.reload(open) })
			selectCase(t, mw, open)
			if shown := shownText(onScreen(mw)); !strings.Contains(shown, l.received) || !strings.Contains(shown, "2025-07-01") {
				t.Errorf("the Overview does not show the received date:\n%s", shown)
			}
			btn := editButton(t, mw)
			if btn.Disabled() {
				t.Fatal("Edit case… is disabled on an open case")
			}

			// Filled with the case's details.
			userAct(mw, func() { test.Tap(btn) })
			if overlays(mw) != 1 || len(buttonsLabelled(onScreen(mw), l.save)) != 1 {
				t.Fatalf("Edit case… shows %d dialogs: %s", overlays(mw), topDialog(mw))
			}
			dismissDialogs(mw)
			d := openEdit(mw)
			shown := topDialog(mw)
			if !strings.Contains(shown, l.title) || !strings.Contains(shown, l.received) {
				t.Errorf("the dialog is not titled %q with %q:\n%s", l.title, l.received, shown)
			}
			noEnglish(t, mw, l.language, "the Edit-case dialog")
			screenshot(t, mw, l.language+"-edit-case")
			if d.provider.Text != "星河智酸" || d.service.Text != "星河对话" || d.filingNo.Text != "Beijing-1" || d.title.Text != "" ||
				d.inspectors.Text != "张明, 李华" || d.opened.Text != "2026-11-02" || d.received.Text != "2025-07-01" ||
				!slices.Equal(d.modalities.Selected, []string{modalityText("text")}) || d.publicOpinion.Checked {
				t.Errorf("the dialog is not filled with the case: provider %q service %q filing %q title %q inspectors %q opened %q received %q modalities %v",
					d.provider.Text, d.service.Text, d.filingNo.Text, d.title.Text, d.inspectors.Text, d.opened.Text, d.received.Text, d.modalities.Selected)
			}
			save := findButton(t, mw, l.save)
			if save.Disabled() {
				t.Fatalf("Save disabled on the case as it is: %v", d.form.Validate())
			}

			// A wrong value: Save disabled, the reason beside the field.
			userAct(mw, func() {
				mw.win.Canvas().Focus(d.received)
				d.received.SetText("")
				test.Type(d.received, l.badDate)
				mw.win.Canvas().Focus(d.title)
			})
			if !save.Disabled() || !strings.Contains(topDialog(mw), l.dateErr) {
				t.Errorf("with received date %q: Save disabled %v, dialog:\n%s", l.badDate, save.Disabled(), topDialog(mw))
			}
			noEnglish(t, mw, l.language, "the Edit-case dialog with a wrong date")
			screenshot(t, mw, l.language+"-edit-case-invalid")
			userAct(mw, func() { d.submitIfValid() }) // Enter does nothing
			if overlays(mw) != 1 {
				t.Fatalf("Enter on a wrong form: %d dialogs", overlays(mw))
			}

			// Saved with Enter: the Overview shows the new values.
			userAct(mw, func() {
				d.received.SetText("2025-07-10")
				d.provider.SetText("星河智算科技有限公司")
				d.received.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			})
			if overlays(mw) != 0 {
				t.Fatalf("after saving %d dialogs show: %s", overlays(mw), topDialog(mw))
			}
			c, err := ws.GetCase(ctx, open)
			if err != nil || c.ReceivedOn != "2025-07-10" || c.Provider.Name != "星河智算科技有限公司" || c.Title != "星河智算科技有限公司 — 星河对话" ||
				!slices.Equal(c.Service.Modalities, []string{"text"}) || !slices.Equal(c.Inspectors, []string{"张明", "李华"}) {
				t.Fatalf("case after saving: %+v, %v", c, err)
			}
			shown = shownText(onScreen(mw))
			for _, want := range []string{"2025-07-10", "星河智算科技有限公司 — 星河对话"} {
				if !strings.Contains(shown, want) {
					t.Errorf("the Overview does not show %q after the edit:\n%s", want, shown)
				}
			}
			if strings.Contains(shown, "星河智酸") {
				t.Errorf("the Overview still shows the old provider name:\n%s", shown)
			}
			trail, err := ws.AuditTrail(ctx, open)
			if err != nil || trail[len(trail)-1].Action != workbench.AuditCaseEdited {
				t.Fatalf("last audit entry: %+v, %v", trail[len(trail)-1], err)
			}
			// The audit trail words the entry in the user's language.
			lines := strings.Join(auditDetails(trail[len(trail)-1].Details), "\n")
			for _, want := range []string{
				lang.L("Material received on") + nameColon() + "2025-07-01 → 2025-07-10",
				lang.L("Provider") + nameColon() + "星河智酸 → 星河智算科技有限公司",
				lang.L("Title") + nameColon() + "星河智酸 — 星河对话 → 星河智算科技有限公司 — 星河对话",
			} {
				if !strings.Contains(lines, want) {
					t.Errorf("the audit trail words the edit as\n%s\nwithout %q", lines, want)
				}
			}
			if strings.Contains(lines, "received_on") || strings.Contains(lines, "changes") {
				t.Errorf("the audit trail shows the entry's keys:\n%s", lines)
			}

			// Nothing changed (opened from the Case menu): nothing
			// written, the dialog closes.
			userAct(mw, menuItem(t, mw, lang.L("Case"), lang.L("Edit case…")).Action)
			userAct(mw, func() { test.Tap(findButton(t, mw, l.save)) })
			if overlays(mw) != 0 {
				t.Errorf("a save that changes nothing leaves %d dialogs", overlays(mw))
			}
			if after, _ := ws.AuditTrail(ctx, open); len(after) != len(trail) {
				t.Errorf("a save that changes nothing wrote %d audit entries", len(after)-len(trail))
			}

			// Refused by the app: the error above the form, what was typed kept.
			if _, err := ws.CreateCase(ctx, app.CaseInput{Provider: "另一家公司", CreditCode: "91110108MA7XH2TQ5E", Service: "绘图"}); err != nil {
				t.Fatal(err)
			}
			d = openEdit(mw)
			userAct(mw, func() {
				d.creditCode.SetText("91110108MA7XH2TQ5E") // recorded for 另一家公司
				test.Tap(findButton(t, mw, l.save))
			})
			if overlays(mw) != 2 || d.creditCode.Text != "91110108MA7XH2TQ5E" {
				t.Fatalf("a refused edit: %d dialogs, credit code %q", overlays(mw), d.creditCode.Text)
			}
			noEnglish(t, mw, l.language, "a refused edit")
			screenshot(t, mw, l.language+"-edit-case-refused")
			dismissDialogs(mw)
			if c, _ := ws.GetCase(ctx, open); c.Provider.CreditCode != "" {
				t.Errorf("a refused edit recorded credit code %q", c.Provider.CreditCode)
			}

			// Escape cancels.
			userAct(mw, func() { mw.editSelectedCase() })
			pressKey(mw, fyne.KeyEscape)
			if overlays(mw) != 0 {
				t.Errorf("Escape leaves %d dialogs", overlays(mw))
			}

			// A concluded case: the action says to reopen it first.
			selectCase(t, mw, concluded)
			if editButton(t, mw).Disabled() {
				t.Error("Edit case… disabled on a concluded case: it should say why")
			}
			userAct(mw, func() { test.Tap(editButton(t, mw)) })
			want := lang.L("The inspection of case {{.Case}} is concluded; reopen it on the Checklist tab to change the case's details.",
				map[string]any{"Case": concluded})
			if overlays(mw) != 1 || len(buttonsLabelled(onScreen(mw), l.save)) != 0 || !strings.Contains(unwrapped(topDialog(mw)), unwrapped(want)) {
				t.Errorf("Edit case… on a concluded case: %d dialogs, on top %q; want %q", overlays(mw), topDialog(mw), want)
			}
			noEnglish(t, mw, l.language, "the concluded case's message")
			screenshot(t, mw, l.language+"-edit-case-concluded")
			dismissDialogs(mw)

			// A signed case: no edit, from the Overview or the Case menu.
			selectCase(t, mw, signed)
			if !editButton(t, mw).Disabled() {
				t.Error("Edit case… enabled on a signed case")
			}
			resize(mw, smallSize) // lays the loaded Overview out again
			resize(mw, laptopSize)
			screenshot(t, mw, l.language+"-edit-case-signed")
			item := menuItem(t, mw, lang.L("Case"), lang.L("Edit case…"))
			userAct(mw, item.Action)
			want = lang.L("The inspection of case {{.Case}} is signed, and its signature covers the case's details: they can no longer be changed.",
				map[string]any{"Case": signed})
			if overlays(mw) != 1 || len(buttonsLabelled(onScreen(mw), l.save)) != 0 || !strings.Contains(unwrapped(topDialog(mw)), unwrapped(want)) {
				t.Errorf("Case → Edit case… on a signed case: %d dialogs, on top %q; want %q", overlays(mw), topDialog(mw), want)
			}
			dismissDialogs(mw)
			if v, err := ws.VerifyInspection(ctx, signed); err != nil || !v.OK {
				t.Errorf("the signed case after the attempts: %+v, %v", v, err)
			}
		})
	}
}
