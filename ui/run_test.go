package ui

import (
	"context"
	"errors"
	"flag"
	"io"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/inspection-workbench/workbench/app"
)

func TestParseArgs(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	none := env(nil)
	cases := []struct {
		name    string
		args    []string
		getenv  func(string) string
		want    Options
		wantErr string
	}{
		{"nothing", nil, none, Options{}, ""},
		{"flags", []string{"--workspace", "/w", "--demo", "--case", "3", "--tab", "checklist"}, none,
			Options{Workspace: "/w", Demo: true, Start: StartOptions{CaseID: 3, Tab: "checklist"}}, ""},
		{"env", nil, env(map[string]string{"WB_CASE": "7", "WB_TAB": "Search"}),
			Options{Start: StartOptions{CaseID: 7, Tab: "search"}}, ""},
		{"flags beat env", []string{"-case=2", "-tab=submissions"}, env(map[string]string{"WB_CASE": "7", "WB_TAB": "search"}),
			Options{Start: StartOptions{CaseID: 2, Tab: "submissions"}}, ""},
		{"bad tab", []string{"--tab", "proposals"}, none, Options{}, `--tab "proposals": use one of overview, submissions, search, checklist`},
		{"bad env tab", nil, env(map[string]string{"WB_TAB": "x"}), Options{}, `--tab "x"`},
		{"bad case", []string{"--case", "abc"}, none, Options{}, `--case "abc"`},
		{"zero case", []string{"--case", "0"}, none, Options{}, `--case "0"`},
		{"stray argument", []string{"extra"}, none, Options{}, `unexpected argument "extra"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseArgs(c.args, c.getenv, io.Discard)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
	if _, err := ParseArgs([]string{"-h"}, none, io.Discard); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v, want flag.ErrHelp", err)
	}
}

// newStartWindow opens a window on a workspace holding two cases, asking
// it to start as st.
func newStartWindow(t *testing.T, st func(ids []int64) StartOptions) (*MainWindow, []int64) {
	t.Helper()
	a := test.NewTempApp(t)
	Setup(a)
	ws, err := app.Open(context.Background(), t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	var ids []int64
	for _, p := range []string{"甲公司", "乙公司"} {
		c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: p, Service: "对话"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	mw := OpenMainWindow(a, ws, st(ids))
	t.Cleanup(mw.win.Close)
	mw.bg.Wait()
	return mw, ids
}

func TestStartOnCaseAndTab(t *testing.T) {
	for i, name := range tabNames {
		mw, ids := newStartWindow(t, func(ids []int64) StartOptions { return StartOptions{CaseID: ids[1], Tab: name} })
		if mw.selected != ids[1] {
			t.Errorf("--tab %s: case %d shown, want %d", name, mw.selected, ids[1])
		}
		if got := mw.tabs.SelectedIndex(); got != i {
			t.Errorf("--tab %s: tab %d shown, want %d", name, got, i)
		}
		if top := mw.win.Canvas().Overlays().Top(); top != nil {
			t.Errorf("--tab %s: a dialog is showing: %s", name, shownTexts(mw))
		}
	}
}

func TestStartOnUnknownCase(t *testing.T) {
	mw, ids := newStartWindow(t, func([]int64) StartOptions { return StartOptions{CaseID: 999, Tab: "search"} })
	if mw.selected == 0 || mw.selected == 999 {
		t.Fatalf("selected %d; want one of %v", mw.selected, ids)
	}
	if !strings.Contains(shownTexts(mw), "There is no case number 999") {
		t.Errorf("no message about the unknown case; shown:\n%s", shownTexts(mw))
	}
}
