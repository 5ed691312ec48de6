package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app/checklist"
)

// The case details name the checklist template by its title in the
// user's language, not by its id; a template file keeps its name.
func TestCaseDetailsNameTheTemplate(t *testing.T) {
	for _, language := range []string{"zh", "en"} {
		t.Run(language, func(t *testing.T) {
			inLanguage(t, language)
			test.NewTempApp(t)
			tpl, err := checklist.ByID(checklist.DefaultID)
			if err != nil {
				t.Fatal(err)
			}
			want := tpl.Title.En
			if language == "zh" {
				want = tpl.Title.Zh
			}
			// Unsized, a wrapping label breaks at every character: the
			// lines are joined back, without the spaces a break takes.
			text := func(c workbench.Case) string {
				return strings.NewReplacer("\n", "", " ", "").Replace(shownText(visibleObjects(caseDetails(c))))
			}
			shown := text(workbench.Case{ChecklistTemplate: checklist.DefaultID})
			if !strings.Contains(shown, strings.ReplaceAll(want, " ", "")) || strings.Contains(shown, checklist.DefaultID) {
				t.Errorf("details show\n%s\nwant the title %q", shown, want)
			}
			shown = text(workbench.Case{ChecklistTemplate: "our-own.yaml"})
			if !strings.Contains(shown, "our-own.yaml") {
				t.Errorf("a template file: details show\n%s", shown)
			}
		})
	}
}
