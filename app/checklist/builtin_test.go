package checklist

import (
	"fmt"
	"github.com/inspection-workbench/workbench"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/inspection-workbench/workbench/assets"
	"github.com/inspection-workbench/workbench/store/fulltext"
)

func TestDefaultTemplate(t *testing.T) {
	d := Default()
	if d.ID != DefaultID || d.Version == "" || d.Title.Zh == "" || d.Title.En == "" || d.Description.Zh == "" || d.Description.En == "" {
		t.Errorf("default template header: id %q, version %q, title %+v, description %+v", d.ID, d.Version, d.Title, d.Description)
	}
	if len(d.Items) != 32 {
		t.Errorf("default template has %d items, want 32", len(d.Items))
	}
	seen := map[string]bool{}
	for _, it := range d.Items {
		if seen[it.ID] {
			t.Errorf("item id %q used twice", it.ID)
		}
		seen[it.ID] = true
		// Ids name the article first: art7-1-lawful-sources rests on Art. 7.
		if prefix := fmt.Sprintf("art%d-", it.Articles[0].Article); !strings.HasPrefix(it.ID, prefix) {
			t.Errorf("item %s rests on %v; its id should start %q", it.ID, it.Articles[0], prefix)
		}
		if len(it.Evidence) == 0 {
			t.Errorf("item %s names no evidence kind", it.ID)
		}
		if n := len(it.Queries); n < 1 || n > 3 {
			t.Errorf("item %s has %d suggested queries, want 1 to 3", it.ID, n)
		}
		for _, txt := range []Text{it.Title, it.Requirement, it.Guidance} {
			if txt.Zh == "" || txt.En == "" {
				t.Errorf("item %s lacks a translation: %+v", it.ID, txt)
			}
		}
	}
}

// TestDefaultCoversObligations checks that the default template covers
// every provision the issue lists, and only provider obligations an
// Art. 19 inspection can test.
func TestDefaultCoversObligations(t *testing.T) {
	count := map[workbench.ArticleRef]int{}
	for _, it := range Default().Items {
		for _, r := range it.Articles {
			count[r]++
		}
	}
	want := map[workbench.ArticleRef]int{
		{Article: 8}:                1 + 1 + 1, // rules; quality assessment and sampling; annotator training
		{Article: 9, Paragraph: 1}:  1,
		{Article: 9, Paragraph: 2}:  1,
		{Article: 10}:               1,
		{Article: 11, Paragraph: 1}: 1,
		{Article: 11, Paragraph: 2}: 1,
		{Article: 12}:               1,
		{Article: 13}:               1,
		{Article: 14, Paragraph: 1}: 1,
		{Article: 14, Paragraph: 2}: 1,
		{Article: 15}:               1,
		{Article: 17}:               1,
		{Article: 19, Paragraph: 1}: 5 + 1, // source, scale, type, annotation rules, algorithm mechanism; support and assistance
		{Article: 23, Paragraph: 1}: 1,
		{Article: 23, Paragraph: 2}: 1,
	}
	for i := 1; i <= 5; i++ {
		want[workbench.ArticleRef{Article: 4, Item: i}] = 1
		want[workbench.ArticleRef{Article: 7, Item: i}] = 1
	}
	for r, n := range want {
		if count[r] != n {
			t.Errorf("%s: %d items, want %d", r, count[r], n)
		}
	}
	for r := range count {
		if _, ok := want[r]; !ok {
			t.Errorf("an item rests on %s, which the default template should not cover", r)
		}
	}
	// The five explanations of Art. 19 ¶1 each have an item of their own.
	d := Default()
	for _, id := range []string{"art19-1-data-source", "art19-1-data-scale", "art19-1-data-type", "art19-1-annotation-rules", "art19-1-algorithm-mechanism", "art19-1-support-assistance"} {
		if _, ok := d.Item(id); !ok {
			t.Errorf("no item %s", id)
		}
	}
}

// TestDefaultChecks checks that every registered check serves exactly one
// item of the two built-in templates, one resting on the provision the check
// tests, with the parameters the sample provider's checks need.
func TestDefaultChecks(t *testing.T) {
	used := map[string][]string{}
	safety, err := ByID(SafetyID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range append(Default().Items, safety.Items...) {
		for _, c := range it.Checks {
			used[c.ID] = append(used[c.ID], it.ID)
			spec, _ := LookupCheck(c.ID)
			if !slices.Contains(it.Articles, spec.Article) {
				t.Errorf("check %s tests %s but serves item %s, which rests on %v", c.ID, spec.Article, it.ID, it.Articles)
			}
			if len(c.Params) != len(spec.Params) {
				t.Errorf("item %s check %s has params %v, want all of %d", it.ID, c.ID, c.Params, len(spec.Params))
			}
		}
	}
	for _, spec := range Checks() {
		if len(used[spec.ID]) != 1 {
			t.Errorf("check %s serves items %v, want exactly one", spec.ID, used[spec.ID])
		}
	}
	d := Default()
	params := func(item, check string) map[string]any {
		it, _ := d.Item(item)
		for _, c := range it.Checks {
			if c.ID == check {
				return c.Params
			}
		}
		t.Fatalf("item %s has no check %s", item, check)
		return nil
	}
	for _, tc := range []struct {
		item, check string
		want        map[string]any
	}{
		// TC260-003-2024 §5.1 a: a source above 5 % is not used.
		{"art7-4-data-quality", CheckHarmfulShare, map[string]any{"max_share": 0.05}},
		// GB/T 45674-2025 §8.3: a safety batch with failures above 5 % is
		// void; no figure for functional batches.
		{"art8-annotation-quality", CheckAnnotationQA, map[string]any{"min_sample_size": 1, "min_accuracy": 0.0, "safety_min_accuracy": 0.95}},
		{"art11-2-pi-requests", CheckPIRequestsHandled, map[string]any{"max_days": 30}},
		{"art15-complaints", CheckComplaintTimeLimit, map[string]any{"default_days": 15}},
		{"art7-1-lawful-sources", CheckDataSourceLawfulBasis, map[string]any{}},
	} {
		if got := params(tc.item, tc.check); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s %s params = %#v, want %#v", tc.item, tc.check, got, tc.want)
		}
	}
}

func TestByID(t *testing.T) {
	if ids := BuiltinIDs(); !slices.Equal(ids, []string{DefaultID, SafetyID}) {
		t.Errorf("BuiltinIDs() = %v", ids)
	}
	a, err := ByID(DefaultID)
	if err != nil {
		t.Fatal(err)
	}
	// Each caller gets its own copy.
	a.Items[0].Title.En = "changed"
	a.Items[0].Queries[0] = "changed"
	a.Items[6].Checks[0].Params["x"] = 1
	a.Items = a.Items[:1]
	b, _ := ByID(DefaultID)
	if len(b.Items) != 32 || b.Items[0].Title.En == "changed" || b.Items[0].Queries[0] == "changed" || len(b.Items[6].Checks[0].Params) != 0 {
		t.Error("a change to one template copy shows in the next")
	}
	if _, err := ByID("art19-measures-2022"); err == nil || !strings.Contains(err.Error(), DefaultID) {
		t.Errorf("unknown id: error %v, want one naming the built-in templates", err)
	}
}

func TestLoadFSNamesFilesAfterIDs(t *testing.T) {
	data, err := fs.ReadFile(assets.Checklists, "checklists/"+DefaultID+".yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"checklists/other.yaml": {Data: data}}
	if _, err := loadFS(fsys, "checklists"); err == nil || !strings.Contains(err.Error(), "name the file "+DefaultID+".yaml") {
		t.Errorf("a template under another file name: error %v", err)
	}
	bad := fstest.MapFS{"checklists/bad.yaml": {Data: []byte("id: bad\n")}}
	if _, err := loadFS(bad, "checklists"); err == nil || !strings.Contains(err.Error(), `checklists/bad.yaml:1:1: the template is missing "version"`) {
		t.Errorf("an invalid built-in template: error %v", err)
	}
}

// TestQueryFieldsMatchSearchIndex keeps the fields suggested queries are
// validated with equal to those the search index offers.
func TestQueryFieldsMatchSearchIndex(t *testing.T) {
	if !reflect.DeepEqual(queryFields, fulltext.QueryFields) {
		t.Errorf("queryFields = %v, the search index has %v", queryFields, fulltext.QueryFields)
	}
}

// TestDocsListChecks keeps the registry table of docs/checklists.md equal
// to the registry.
func TestDocsListChecks(t *testing.T) {
	doc, err := os.ReadFile("../../docs/checklists.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range Checks() {
		params, summary := "—", c.Summary.En
		for _, p := range c.Params {
			summary = regexp.MustCompile(`\b`+p.Name+`\b`).ReplaceAllString(summary, "`"+p.Name+"`")
		}
		if len(c.Params) > 0 {
			parts := make([]string, len(c.Params))
			for i, p := range c.Params {
				parts[i] = fmt.Sprintf("`%s` %s, %s (%v)", p.Name, p.Type, p.RangeText(), p.Default)
			}
			params = strings.Join(parts, "; ")
		}
		row := fmt.Sprintf("| `%s` | %s | %s | %s |", c.ID, c.Article, summary, params)
		if !strings.Contains(string(doc), "\n"+row+"\n") {
			t.Errorf("docs/checklists.md lacks the registry row\n%s", row)
		}
	}
}

// TestDocsExampleIsValid loads the complete example of docs/checklists.md.
func TestDocsExampleIsValid(t *testing.T) {
	doc, err := os.ReadFile("../../docs/checklists.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(doc), "## A small complete example\n\n```yaml\n")
	example, _, found := strings.Cut(rest, "```\n")
	if !found {
		t.Fatal("docs/checklists.md has no complete example")
	}
	tmpl, err := Load(strings.NewReader(example), "docs/checklists.md example")
	if err != nil {
		t.Fatal(err)
	}
	if len(tmpl.Items) != 2 || tmpl.Items[1].Checks[0].Int("default_days") != 10 {
		t.Errorf("example template: %+v", tmpl)
	}
}

// TestDefaultParamsCiteSources: every number of the default template says
// where it comes from, in the template itself.
func TestDefaultParamsCiteSources(t *testing.T) {
	for _, it := range Default().Items {
		for _, c := range it.Checks {
			spec, _ := LookupCheck(c.ID)
			for _, p := range spec.Params {
				if p.Type == ParamString {
					continue
				}
				src, ok := c.Sources[p.Name]
				if !ok || src.Zh == "" || src.En == "" || src == SetByTemplate {
					t.Errorf("%s %s: parameter %s cites %+v", it.ID, c.ID, p.Name, src)
				}
				cites := strings.Contains(src.En, "set by the inspector") || regexp.MustCompile(`(TC260|GB/T|GB) ?[0-9-]+.*§|Art\. [0-9]+`).MatchString(src.En)
				if !cites {
					t.Errorf("%s %s: the source of %s names neither a clause nor the inspector: %q", it.ID, c.ID, p.Name, src.En)
				}
			}
		}
	}
}
