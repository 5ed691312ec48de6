package checklist

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// TestSafetyTemplateCitesClauses: every item of gb45654-2025 cites the
// clause of a standard in its requirement, and every number says, next to
// it, where it comes from and what it is worth, as issue #17 asks: the
// figures of TC260-003 and the GB/T 45654 draft as the reference bar of
// filing review, not binding law; those of GB/T 45674 as confirmed from
// its text.
func TestSafetyTemplateCitesClauses(t *testing.T) {
	tmpl, err := ByID(SafetyID)
	if err != nil {
		t.Fatal(err)
	}
	clause := regexp.MustCompile(`(TC260-003-2024|GB/T 4565[24]-2025|GB/T 45674-2025|GB 45438-2025)`)
	if !strings.Contains(tmpl.Description.Zh, "非强制性法律要求") || !strings.Contains(tmpl.Description.En, "not binding law") {
		t.Errorf("the template's description lacks the source note: %+v", tmpl.Description)
	}
	var ids []string
	for _, it := range tmpl.Items {
		ids = append(ids, it.ID)
		if !clause.MatchString(it.Requirement.Zh) || !clause.MatchString(it.Requirement.En) {
			t.Errorf("%s: the requirement cites no clause: %+v", it.ID, it.Requirement)
		}
		for _, c := range it.Checks {
			spec, _ := LookupCheck(c.ID)
			if !slices.Contains(it.Articles, spec.Article) {
				t.Errorf("%s: check %s tests %s, the item rests on %v", it.ID, c.ID, spec.Article, it.Articles)
			}
			for _, p := range spec.Params {
				src := c.Sources[p.Name]
				if c.Params[p.Name] != p.Default {
					t.Errorf("%s %s: %s is %v, the registry's default %v", it.ID, c.ID, p.Name, c.Params[p.Name], p.Default)
				}
				switch {
				case strings.HasPrefix(src.En, "GB/T 45674"):
					if !strings.Contains(src.En, "confirmed from the standard's text") || !strings.Contains(src.Zh, "已据标准原文核实") {
						t.Errorf("%s %s: %s does not say it is confirmed: %+v", it.ID, c.ID, p.Name, src)
					}
				case strings.Contains(src.En, "GB 45438"):
					// A mandatory standard; what is unconfirmed is the
					// field names, read in secondary sources.
					if !strings.Contains(src.En, "secondary sources") || !strings.Contains(src.Zh, "二手资料") {
						t.Errorf("%s %s: %s does not say where its names come from: %+v", it.ID, c.ID, p.Name, src)
					}
				case !strings.Contains(src.En, "not binding law") || !strings.Contains(src.Zh, "非强制性法律要求") || !strings.Contains(src.En, "draft"):
					t.Errorf("%s %s: %s does not state its source's status: %+v", it.ID, c.ID, p.Name, src)
				}
				if reg := spec.Params; src != c.Source(p.Name) || len(reg) == 0 {
					t.Errorf("%s %s: %s", it.ID, c.ID, p.Name)
				}
			}
		}
		for _, k := range it.Evidence {
			if !slices.Contains(workbench.SafetyKinds, k) && !slices.Contains(workbench.Kinds, k) {
				t.Errorf("%s: evidence %s", it.ID, k)
			}
		}
	}
	want := []string{"keyword-library", "generated-question-bank", "generated-content-results", "refusal-banks", "refusal-results",
		"corpus-source-share", "corpus-sampling", "safety-annotation-volume", "annotation-roles", "implicit-labels"}
	if !slices.Equal(ids, want) {
		t.Errorf("items %v, want %v", ids, want)
	}
}
