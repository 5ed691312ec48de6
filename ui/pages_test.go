package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// pages lists each page's files. A page is handed a pageHost and reaches
// the window and the other pages only through it.
var pages = map[string][]string{
	"overview":    {"overview.go"},
	"submissions": {"submissions.go"},
	"search":      {"search.go", "keywords.go"},
	"checklist":   {"checklist.go", "checklist_actions.go", "checklist_form.go", "checklist_item.go", "export.go"},
}

// windowNames are the window's names no page may use: its type and the
// receiver name its methods and the pages used to reach it by.
var windowNames = []string{"MainWindow", "mw"}

// TestPagesKeepToThemselves fails when a page file names the window
// (MainWindow, mw) or a type declared by another page's files: pages go
// through their pageHost, the window's controller, instead.
func TestPagesKeepToThemselves(t *testing.T) {
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	owner := map[string]string{} // type name → page declaring it
	for page, names := range pages {
		for _, name := range names {
			f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatalf("parse %s: %v", name, err)
			}
			files[name] = f
			for _, d := range f.Decls {
				if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
					for _, s := range g.Specs {
						owner[s.(*ast.TypeSpec).Name.Name] = page
					}
				}
			}
		}
	}
	for _, want := range []string{"overviewPage", "submissionsView", "searchView", "checklistView"} {
		if owner[want] == "" {
			t.Fatalf("no page declares %s; update pages in this test", want)
		}
	}
	for page, names := range pages {
		for _, name := range names {
			for _, f := range reachesOut(fset, files[name], page, owner) {
				t.Errorf("page %s (%s) names %s", page, name, f)
			}
		}
	}
}

// reachesOut lists the names in f, a file of page, that belong to the
// window or to another page (owner maps each page type to its page), with
// where they are.
func reachesOut(fset *token.FileSet, f *ast.File, page string, owner map[string]string) []string {
	bad := map[string][]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		for _, w := range windowNames {
			if id.Name == w {
				bad[id.Name] = append(bad[id.Name], fset.Position(id.Pos()).String())
			}
		}
		if p := owner[id.Name]; p != "" && p != page {
			bad[id.Name] = append(bad[id.Name], fset.Position(id.Pos()).String())
		}
		return true
	})
	var found []string
	for n, at := range bad {
		found = append(found, n+" at "+strings.Join(at, ", "))
	}
	sort.Strings(found)
	return found
}

// TestPagesKeepToThemselvesCatches proves the check sees a page reaching
// into the window or another page, and passes one that does not.
func TestPagesKeepToThemselvesCatches(t *testing.T) {
	owner := map[string]string{"searchView": "search", "checklistView": "checklist"}
	check := func(src string) []string {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "x.go", "package ui\n"+src, 0)
		if err != nil {
			t.Fatal(err)
		}
		return reachesOut(fset, f, "search", owner)
	}
	got := check(`func (v *searchView) x(mw *MainWindow) { mw.checks.addEvidence(""); var _ *checklistView }`)
	want := []string{"MainWindow at x.go:2:28", "checklistView at x.go:2:76", "mw at x.go:2:24, x.go:2:42"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("reachesOut = %q, want %q", got, want)
	}
	if got := check(`func (v *searchView) x() { v.host.AddEvidence("") }`); len(got) != 0 {
		t.Errorf("reachesOut of a page using its host = %q, want nothing", got)
	}
}

// recordingHost is the window as a page's host, except that it records
// what the page asks of the navigator instead of doing it.
type recordingHost struct {
	*MainWindow
	evidence []string // hits AddEvidence was asked for
	searches []string // queries RunSearch was asked for
}

func (h *recordingHost) AddEvidence(hitID string) { h.evidence = append(h.evidence, hitID) }
func (h *recordingHost) RunSearch(q string)       { h.searches = append(h.searches, q) }

// TestPagesGoThroughTheirHost builds the Search page on a host of its own:
// "Add as evidence…" in a hit's dialog asks the host, not the checklist.
func TestPagesGoThroughTheirHost(t *testing.T) {
	mw, _ := newDemoWindow(t)
	h := &recordingHost{MainWindow: mw}
	var v *searchView
	onUI(mw, func() { v = newSearchView(h, mw.selected) })
	onUI(mw, func() {
		v.query.SetText("赌博 kind:incident")
		v.run()
	})
	if len(v.hits) == 0 {
		t.Fatalf("no hits: %q", v.queryErr.Text)
	}
	hit := v.hits[0]
	onUI(mw, func() { v.list.Select(0) })
	onUI(mw, func() { test.Tap(findButton(t, mw, "Add as evidence…")) })
	if len(h.evidence) != 1 || h.evidence[0] != hit.ID {
		t.Errorf("the host was asked to add %q as evidence, want [%s]", h.evidence, hit.ID)
	}
	if top := mw.win.Canvas().Overlays().Top(); top != nil && len(buttonsLabelled(objectsOf(top), "Add")) > 0 {
		t.Error("the checklist's Add dialog opened although the host did not ask for it")
	}
}
