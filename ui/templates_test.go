package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/app/checklist"
)

// templateCases are the cases of templatesWorkspace.
type templateCases struct {
	fresh, one, two, concluded, signed int64
}

// templatesWorkspace writes, in dir, a case in every state the checklist
// templates put the Checklist tab in: not started; open with the Measures
// template alone; open with it and gb45654-2025; concluded and signed
// with both.
func templatesWorkspace(t *testing.T, dir string) templateCases {
	t.Helper()
	ctx := context.Background()
	ws, err := app.Open(ctx, dir, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	newCase := func(service string) int64 {
		c, err := ws.CreateCase(ctx, app.CaseInput{Provider: "星河智算科技有限公司", Service: service, Inspectors: []string{"张明"}})
		if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	both := func(id int64) {
		if _, err := ws.StartInspection(ctx, id, checklist.DefaultID, checklist.SafetyID); err != nil {
			t.Fatal(err)
		}
	}
	conclude := func(id int64) {
		st, err := ws.InspectionStatus(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range st.Items {
			if _, err := ws.Assess(ctx, app.AssessInput{CaseID: id, ItemID: it.ID, Result: "not_applicable"}); err != nil {
				t.Fatal(err)
			}
		}
		if err := ws.ConcludeInspection(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	var c templateCases
	c.fresh = newCase("未开始助手")
	c.one = newCase("单模板助手")
	if _, err := ws.StartInspection(ctx, c.one, ""); err != nil {
		t.Fatal(err)
	}
	c.two = newCase("双模板助手")
	both(c.two)
	c.concluded = newCase("已办结助手")
	both(c.concluded)
	conclude(c.concluded)
	c.signed = newCase("已签署助手")
	both(c.signed)
	conclude(c.signed)
	if _, err := ws.SignInspection(ctx, c.signed); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestChecklistTemplatesInEveryState draws, in English and Chinese, the
// start-inspection dialog with its template check boxes, the Add
// checklist template action of an open inspection with one template, and
// the checklist header of inspections holding two templates — open,
// concluded and signed — and works the dialogs.
func TestChecklistTemplatesInEveryState(t *testing.T) {
	if testing.Short() {
		t.Skip("draws every state in two languages")
	}
	base := t.TempDir()
	cases := templatesWorkspace(t, base)
	measures, _ := checklist.ByID(checklist.DefaultID)
	safety, _ := checklist.ByID(checklist.SafetyID)
	for _, language := range []string{"en", "zh"} {
		t.Run(language, func(t *testing.T) {
			inLanguage(t, language)
			dir := t.TempDir()
			copyWorkspace(t, base, dir)
			ws, err := app.Open(context.Background(), dir, true)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { ws.Close() })
			mw := openWindow(t, ws, laptopSize)
			v := &stateViews{t: t, language: language, mw: mw}
			title := func(tmpl *checklist.Template) string { return pick(tmpl.Title) }
			showChecklist := func(id int64) {
				selectCase(t, mw, id)
				tabs := caseTabs(t, mw)
				userAct(mw, func() { tabs.SelectIndex(slices.Index(tabNames, "checklist")) })
			}
			addLabel := lang.L("Add checklist template…")

			// Not started: the dialog ticks the case's template and offers
			// the other; with none ticked it cannot start.
			showChecklist(cases.fresh)
			v.check("templates-fresh-checklist")
			tapLabelled(t, mw, lang.L("Start inspection"))
			shown := topDialog(mw)
			for _, want := range []string{title(measures), title(safety)} {
				if !strings.Contains(shown, want) {
					t.Errorf("the start dialog lacks %q:\n%s", want, shown)
				}
			}
			checks := map[string]*widget.Check{}
			for _, o := range visibleObjects(mw.Window().Canvas().Overlays().Top()) {
				if c, ok := o.(*widget.Check); ok {
					checks[c.Text] = c
				}
			}
			m, s := checks[choiceLabel(templateChoice{id: measures.ID, title: measures.Title, items: len(measures.Items)})],
				checks[choiceLabel(templateChoice{id: safety.ID, title: safety.Title, items: len(safety.Items)})]
			if m == nil || s == nil || !m.Checked || s.Checked {
				t.Fatalf("the start dialog's check boxes: %v", checks)
			}
			v.check("templates-start-dialog")
			start := findButton(t, mw, lang.L("Start"))
			userAct(mw, func() { m.SetChecked(false) })
			if !start.Disabled() {
				t.Error("Start is enabled with no template ticked")
			}
			v.check("templates-start-dialog-none")
			userAct(mw, func() { m.SetChecked(true); s.SetChecked(true) })
			if start.Disabled() {
				t.Error("Start is disabled with templates ticked")
			}
			userAct(mw, func() { test.Tap(start) })
			if st, err := ws.InspectionStatus(context.Background(), cases.fresh); err != nil || len(st.Templates) != 2 ||
				len(st.Items) != len(measures.Items)+len(safety.Items) {
				t.Fatalf("started with both templates? %+v %v", st.Templates, err)
			}
			if got := mw.checks.tree.Children(""); !slices.Contains(got, "tpl-"+safety.ID) || got[0] != "art-4" {
				t.Errorf("tree groups %v", got)
			}

			// Open with one template: the header offers to add the other.
			showChecklist(cases.one)
			objs := v.check("templates-one-checklist")
			if len(buttonsLabelled(objs, addLabel)) != 1 {
				t.Fatalf("an open inspection with one template does not offer %q", addLabel)
			}
			tapLabelled(t, mw, addLabel)
			if shown := topDialog(mw); !strings.Contains(shown, title(safety)) || strings.Contains(shown, title(measures)) {
				t.Errorf("the add dialog offers:\n%s", shown)
			}
			v.check("templates-add-dialog")
			tapLabelled(t, mw, lang.L("Add"))
			if st, err := ws.InspectionStatus(context.Background(), cases.one); err != nil || len(st.Templates) != 2 {
				t.Fatalf("after adding: %+v %v", st.Templates, err)
			}
			if objs := onScreen(mw); len(buttonsLabelled(objs, addLabel)) != 0 || !strings.Contains(shownText(objs), title(safety)) {
				t.Errorf("after adding, the header still offers to add, or does not name the template")
			}

			// Two templates: open, concluded and signed. The header names
			// both; only the open one can take another (none is left).
			for _, c := range []struct {
				name string
				id   int64
			}{{"two", cases.two}, {"concluded", cases.concluded}, {"signed", cases.signed}} {
				showChecklist(c.id)
				userAct(mw, func() { mw.ShowChecklistItem("gb45654-2025:keyword-library") })
				objs := v.check("templates-" + c.name + "-checklist")
				// Wrapped lines are separate texts: compare without spaces.
				squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
				text := squeeze(strings.ReplaceAll(shownText(objs), "\n", ""))
				if len(buttonsLabelled(objs, addLabel)) != 0 {
					t.Errorf("%s: offers %q with every template held", c.name, addLabel)
				}
				for _, want := range []string{title(measures), title(safety), pick(safety.Items[0].Title)} {
					if !strings.Contains(text, squeeze(want)) {
						t.Errorf("%s: the checklist does not show %q", c.name, want)
					}
				}
			}
		})
	}
}
