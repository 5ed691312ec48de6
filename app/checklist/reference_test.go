package checklist

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/inspection-workbench/workbench"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The reference text of the Measures (Chinese original and reference
// English, article by article): the copy kept in the repository, which CI
// sees, and the shared original beside the repository, when present.
const (
	referenceCopy   = "../../testdata/reference/measures-2023-zh-en.txt"
	referenceShared = "../../../shared/reference/measures-2023-zh-en.txt"
)

func readReference(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && path == referenceShared {
		t.Skipf("the shared reference text %s is absent (CI checks out only the repository); the copy in testdata/reference is tested instead", path)
	}
	if err != nil {
		t.Fatalf("read the reference text: %v", err)
	}
	return string(b)
}

// TestReferenceCopyMatchesShared keeps the repository's copy of the
// reference text identical to the shared original.
func TestReferenceCopyMatchesShared(t *testing.T) {
	shared := readReference(t, referenceShared)
	if cp := readReference(t, referenceCopy); cp != shared {
		t.Errorf("%s differs from %s; copy the shared file over it", referenceCopy, referenceShared)
	}
}

// TestRequirementsQuoteReference checks the quoting rule on the built-in
// templates: every requirement, Chinese and English, occurs verbatim in the
// reference text, inside the provision the item references, without the
// article heading or an item's enumerator.
func TestRequirementsQuoteReference(t *testing.T) {
	for _, path := range []string{referenceCopy, referenceShared} {
		t.Run(path, func(t *testing.T) {
			ref := readReference(t, path)
			m := parseMeasures(t, ref)
			// The safety-testing template states the standards' clauses in
			// its own words (their texts are not reproduced); its rule is
			// TestSafetyTemplateCitesClauses.
			for _, id := range []string{DefaultID} {
				tmpl, err := ByID(id)
				if err != nil {
					t.Fatal(err)
				}
				for _, it := range tmpl.Items {
					for _, q := range []struct{ lang, text string }{{"zh", it.Requirement.Zh}, {"en", it.Requirement.En}} {
						if !strings.Contains(ref, q.text) {
							t.Errorf("%s item %s: requirement.%s does not occur verbatim in the reference text: %q", id, it.ID, q.lang, q.text)
							continue
						}
						if enumerator.MatchString(q.text) || heading.MatchString(q.text) {
							t.Errorf("%s item %s: requirement.%s starts with an article heading or an item enumerator: %q", id, it.ID, q.lang, q.text)
						}
						found := false
						for _, r := range it.Articles {
							found = found || strings.Contains(m.unit(r, q.lang), q.text)
						}
						if !found {
							t.Errorf("%s item %s: requirement.%s is not in the text of %v: %q", id, it.ID, q.lang, it.Articles, q.text)
						}
					}
				}
			}
		})
	}
}

// TestMeasuresStructure derives the number of paragraphs and items of
// every article from the reference text and compares them with the table
// article references are validated against.
func TestMeasuresStructure(t *testing.T) {
	m := parseMeasures(t, readReference(t, referenceCopy))
	for a := 1; a <= Articles; a++ {
		art := m.articles[a]
		if got := len(art.zh); got != measures.Paragraphs[a] {
			t.Errorf("article %d: the reference has %d Chinese paragraphs, the table %d", a, got, measures.Paragraphs[a])
		}
		if len(art.en) != len(art.zh) {
			t.Errorf("article %d: %d Chinese paragraphs but %d English ones", a, len(art.zh), len(art.en))
		}
		items := 0
		if len(art.zh) > 0 {
			items = len(art.zh[0].items)
		}
		if items != measures.Items[a] {
			t.Errorf("article %d: the reference has %d items, the table %d", a, items, measures.Items[a])
		}
		for p := range art.zh {
			if p > 0 && len(art.zh[p].items) > 0 {
				t.Errorf("article %d: paragraph %d has items; the table assumes only the first has", a, p+1)
			}
			if p < len(art.en) && len(art.en[p].items) != len(art.zh[p].items) {
				t.Errorf("article %d ¶%d: %d Chinese items, %d English", a, p+1, len(art.zh[p].items), len(art.en[p].items))
			}
		}
	}
}

var (
	// enumerator matches an item's enumerator: (一) or (1) .
	enumerator = regexp.MustCompile(`^[(（](?:[一二三四五六七八九十]+|\d+)[)）]`)
	// heading matches an article heading: 第八条 or Article 8.
	heading = regexp.MustCompile(`^(?:第[一二三四五六七八九十]+条|Article \d+)`)
)

// paragraph is one paragraph of an article in one language: its text (the
// lead-in of an enumeration) and its items, enumerators included.
type paragraph struct {
	text  string
	items []string
}

// article is an article's paragraphs in Chinese and English.
type article struct {
	zh, en []paragraph
}

// measuresText is the reference text split into articles.
type measuresText struct {
	articles map[int]*article
}

// unit returns the text of the provision r points at in one language.
func (m measuresText) unit(r workbench.ArticleRef, lang string) string {
	art := m.articles[r.Article]
	if art == nil {
		return ""
	}
	paras := art.zh
	if lang == "en" {
		paras = art.en
	}
	join := func(p paragraph) string { return p.text + "\n" + strings.Join(p.items, "\n") }
	switch {
	case r.Item > 0:
		p := max(r.Paragraph, 1) - 1
		if p < len(paras) && r.Item <= len(paras[p].items) {
			return paras[p].items[r.Item-1]
		}
		return ""
	case r.Paragraph > 0:
		if r.Paragraph <= len(paras) {
			return join(paras[r.Paragraph-1])
		}
		return ""
	}
	var b bytes.Buffer
	for _, p := range paras {
		b.WriteString(join(p) + "\n")
	}
	return b.String()
}

// parseMeasures splits the reference text into articles, paragraphs and
// items. In the text each article starts on a line "第N条 …"; its Chinese
// paragraphs and items, one a line, are followed by the English ones, the
// first starting "Article N "; a one-paragraph article has both on one
// line. Items are lines starting with an enumerator.
func parseMeasures(t *testing.T, text string) measuresText {
	t.Helper()
	m := measuresText{articles: map[int]*article{}}
	var cur *article
	var curNo int
	english := false
	add := func(line string) {
		paras := &cur.zh
		if english {
			paras = &cur.en
		}
		if enumerator.MatchString(line) && len(*paras) > 0 {
			last := &(*paras)[len(*paras)-1]
			last.items = append(last.items, line)
			return
		}
		*paras = append(*paras, paragraph{text: line})
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.HasPrefix(line, "第") && strings.Contains(line, "章") && !strings.Contains(line[:min(len(line), 20)], "条") {
			cur = nil // a chapter heading ends the article before it
			continue
		}
		if h := heading.FindString(line); strings.HasPrefix(line, "第") && h != "" {
			curNo++
			cur = &article{}
			m.articles[curNo] = cur
			english = false
			if want := (workbench.ArticleRef{Article: curNo}).Zh(); h != want {
				t.Fatalf("reference text: article %d starts %q, want %q", curNo, h, want)
			}
			line = strings.TrimSpace(strings.TrimPrefix(line, h))
			en := fmt.Sprintf("Article %d ", curNo)
			if i := strings.Index(line, en); i >= 0 {
				add(line[:i])
				english = true
				add(line[i+len(en):])
				continue
			}
			add(line)
			continue
		}
		if cur == nil || line == "" {
			continue
		}
		if en := fmt.Sprintf("Article %d ", curNo); strings.HasPrefix(line, en) {
			english = true
			add(strings.TrimPrefix(line, en))
			continue
		}
		add(line)
	}
	if curNo != Articles {
		t.Fatalf("reference text: found %d articles, want %d", curNo, Articles)
	}
	return m
}
