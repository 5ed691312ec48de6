package ui

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
)

// The kind chooser of the submissions view offers the safety-testing
// kinds (#17) by their names in either language, and a keyword library
// chosen there imports as one and shows its risks by code and name.
func TestKindChooserOffersSafetyKinds(t *testing.T) {
	for _, tt := range []struct {
		language string
		zh       bool
		column   string
		risk     string
	}{
		{"en", false, "风险类别 Risk category", "A.1.1 Inciting subversion of state power or the overthrow of the socialist system"},
		{"zh", true, "风险类别 Risk category", "A.1.1 煽动颠覆国家政权、推翻社会主义制度"},
	} {
		t.Run(tt.language, func(t *testing.T) {
			inLanguage(t, tt.language)
			mw, ws := newTestWindow(t)
			c, err := ws.CreateCase(context.Background(), app.CaseInput{Provider: "星河智算", Service: "星河对话"})
			if err != nil {
				t.Fatal(err)
			}
			mw.reload(c.ID)
			mw.bg.Wait()
			v := mw.subs
			for _, k := range []workbench.Kind{workbench.KeywordLibrary, workbench.TestQuestion, workbench.TestResult, workbench.CorpusCheck} {
				if !slices.Contains(v.kind.Options, k.Name().In(tt.zh)) {
					t.Errorf("the kind chooser %q lacks %s", v.kind.Options, k)
				}
			}
			i := slices.Index(app.Kinds(), workbench.KeywordLibrary)
			onUI(mw, func() { v.kind.SetSelectedIndex(i + 1) })
			v.importFiles([]string{filepath.Join("..", "testdata", "sample", "keyword-library.xlsx")})
			mw.bg.Wait()
			if len(v.subs) != 1 || v.subs[0].Kind != string(workbench.KeywordLibrary) || v.subs[0].Records != 10500 {
				t.Fatalf("after import: %+v", v.subs)
			}
			col := slices.Index(v.columns, tt.column)
			if col < 0 {
				t.Fatalf("columns %q", v.columns)
			}
			v.cell(widget.TableCellID{Row: 0, Col: col})
			mw.bg.Wait()
			if got := v.cell(widget.TableCellID{Row: 0, Col: col}); got != tt.risk {
				t.Errorf("the first keyword's risk shows %q, want %q", got, tt.risk)
			}
		})
	}
}
