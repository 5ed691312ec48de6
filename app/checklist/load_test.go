package checklist

import (
	"errors"
	"fmt"
	"github.com/inspection-workbench/workbench"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// header is a valid template head; the first item starts on line 5.
const header = `id: test-template
version: '1'
title: {zh: 测试清单, en: Test checklist}
items:
`

// goodItem is a valid item, lines 5 to 12 when it comes first.
const goodItem = `  - id: art13-continuity
    articles: [{article: 13}]
    title: {zh: 服务连续, en: Continuous service}
    requirement: {zh: 提供安全、稳定、持续的服务。, en: Provide continuous services.}
    guidance: {zh: 查看安全事件。, en: Look at the security events.}
    evidence: [incident]
    queries: ['kind:incident 安全事件']
    checks: [illegal_content_action]
`

// item returns goodItem with its line starting with key (after the
// indentation) replaced by lines, or, when no line starts so, with lines
// added at the end. An empty lines removes the key.
func item(key string, lines ...string) string {
	out := strings.Split(strings.TrimSuffix(goodItem, "\n"), "\n")
	for i, l := range out {
		if strings.HasPrefix(strings.TrimLeft(l, " -"), key+":") {
			if i == 0 && len(lines) == 0 {
				out[1] = "  - " + strings.TrimLeft(out[1], " ")
			}
			repl := append([]string(nil), lines...)
			if i == 0 && len(repl) > 0 && !strings.HasPrefix(strings.TrimSpace(repl[0]), "-") {
				repl[0] = "  - " + strings.TrimLeft(repl[0], " ")
			}
			out = append(out[:i], append(repl, out[i+1:]...)...)
			return strings.Join(out, "\n") + "\n"
		}
	}
	return strings.Join(append(out, lines...), "\n") + "\n"
}

func load(t *testing.T, src string) (*Template, *ValidationError) {
	t.Helper()
	tmpl, err := Load(strings.NewReader(src), "t.yaml")
	if err == nil {
		return tmpl, nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Load: %v, want a *ValidationError", err)
	}
	if tmpl != nil {
		t.Error("Load returned a template with an error")
	}
	return nil, ve
}

func TestLoadValid(t *testing.T) {
	src := header + goodItem + `  - id: art7-4-quality
    articles:
      - article: 7
        item: 4
      - {article: 19, paragraph: 1}
      - {article: 8, paragraph: 1}
    title:
      zh: |
        训练数据质量
      en: Training-data quality
    requirement: &req {zh: 提高训练数据质量, en: Improve the quality of training data}
    guidance: *req
    evidence: [data_source, algorithm]
    queries:
      - '"违法内容" OR 违规 -测试 kind:data_source file:"a b.xlsx" label:internal found:2024-01-01..'
    checks:
      - id: harmful_share
        params: {max_share: 0.05}
      - id: annotation_qa
        params: {min_accuracy: 1}
        sources:
          min_accuracy: 本机构内部规定
          safety_min_accuracy: {zh: GB/T 45674-2025 第8.3条, en: GB/T 45674-2025 §8.3}
      - complaint_time_limit
`
	tmpl, ve := load(t, src)
	if ve != nil {
		t.Fatalf("valid template rejected:\n%v", ve)
	}
	want := &Template{
		ID: "test-template", Version: "1", Title: Text{Zh: "测试清单", En: "Test checklist"},
		Items: []Item{
			{
				ID: "art13-continuity", Articles: []workbench.ArticleRef{{Article: 13}},
				Title:       Text{Zh: "服务连续", En: "Continuous service"},
				Requirement: Text{Zh: "提供安全、稳定、持续的服务。", En: "Provide continuous services."},
				Guidance:    Text{Zh: "查看安全事件。", En: "Look at the security events."},
				Evidence:    []workbench.Kind{workbench.Incident},
				Queries:     []string{"kind:incident 安全事件"},
				Checks:      []CheckRef{{ID: "illegal_content_action", Params: map[string]any{}}},
			},
			{
				ID: "art7-4-quality",
				// Paragraph 1 of the one-paragraph Art. 8 is Art. 8.
				Articles:    []workbench.ArticleRef{{Article: 7, Item: 4}, {Article: 19, Paragraph: 1}, {Article: 8}},
				Title:       Text{Zh: "训练数据质量", En: "Training-data quality"},
				Requirement: Text{Zh: "提高训练数据质量", En: "Improve the quality of training data"},
				Guidance:    Text{Zh: "提高训练数据质量", En: "Improve the quality of training data"},
				Evidence:    []workbench.Kind{workbench.DataSource, workbench.Algorithm},
				Queries:     []string{`"违法内容" OR 违规 -测试 kind:data_source file:"a b.xlsx" label:internal found:2024-01-01..`},
				Checks: []CheckRef{
					// The default value: the registry's source.
					{ID: "harmful_share", Params: map[string]any{"max_share": 0.05}, Sources: map[string]Text{"max_share": registrySource("harmful_share", "max_share")}},
					// Left-out parameters take their defaults; an integer
					// is a number; sources given in either form, and the
					// registry's for a default left out.
					{ID: "annotation_qa", Params: map[string]any{"min_sample_size": 1, "min_accuracy": 1.0, "safety_min_accuracy": 0.95},
						Sources: map[string]Text{
							"min_sample_size":     registrySource("annotation_qa", "min_sample_size"),
							"min_accuracy":        {Zh: "本机构内部规定", En: "本机构内部规定"},
							"safety_min_accuracy": {Zh: "GB/T 45674-2025 第8.3条", En: "GB/T 45674-2025 §8.3"},
						}},
					{ID: "complaint_time_limit", Params: map[string]any{"default_days": 15}, Sources: map[string]Text{"default_days": registrySource("complaint_time_limit", "default_days")}},
				},
			},
		},
	}
	if !reflect.DeepEqual(tmpl, want) {
		t.Errorf("loaded\n%#v\nwant\n%#v", tmpl, want)
	}
	ch := tmpl.Items[1].Checks
	if ch[0].Number("max_share") != 0.05 || ch[1].Int("min_sample_size") != 1 || ch[2].Int("default_days") != 15 ||
		ch[0].Int("max_share") != 0 || ch[0].Str("max_share") != "" || ch[0].Number("nope") != 0 {
		t.Errorf("parameter accessors: %+v", ch)
	}
	if it, ok := tmpl.Item("art7-4-quality"); !ok || it.ID != "art7-4-quality" {
		t.Error("Item does not find an item")
	}
	if _, ok := tmpl.Item("nope"); ok {
		t.Error("Item finds an item that does not exist")
	}
}

// problem is an expected problem: its position and a part of its message.
type problem struct {
	line, col int
	msg       string
}

func TestValidationRules(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []problem
	}{
		// The file.
		{"empty file", "", []problem{{0, 0, "the file is empty"}}},
		{"only a comment", "# nothing\n", []problem{{0, 0, "the file is empty"}}},
		{"syntax: scanner error", header + goodItem + "  - id x: y: z\n", []problem{{13, 0, "YAML syntax: mapping values are not allowed in this context"}}},
		{"syntax: unclosed flow sequence", header + item("articles", "    articles: [{article: 13}"), []problem{{6, 0, "YAML syntax: did not find expected ',' or ']'"}}},
		{"syntax: unclosed quote", header + item("queries", "    queries: ['kind:incident"), []problem{{11, 0, "YAML syntax: found unexpected end of stream"}}},
		{"syntax: bad indentation", "id: x\n  version: 1\n", []problem{{2, 0, "YAML syntax: mapping values are not allowed"}}},
		{"two documents", header + goodItem + "---\nid: other\n", []problem{{13, 1, "a second YAML document starts here"}}},
		{"syntax error in a second document", header + goodItem + "---\n[unclosed\n", []problem{{14, 0, "YAML syntax: did not find expected ',' or ']'"}}},
		{"a key that is not a name", header + goodItem + "? [a, b]\n: c\n", []problem{{13, 3, "the template: a key must be a name, not a list"}}},
		{"unknown anchor", header + item("guidance", "    guidance: *nope"), []problem{{0, 0, "unknown anchor 'nope' referenced"}}},
		{"root is a list", "- id: x\n", []problem{{1, 1, "the template must be a mapping, not a list"}}},
		{"root is a string", "hello\n", []problem{{1, 1, `the template must be a mapping, not "hello"`}}},

		// The template's keys.
		{"unknown key with a suggestion", "titel: x\n" + header + goodItem, []problem{{1, 1, `unknown key "titel" in the template (did you mean "title"?)`}}},
		{"unknown key without one", "author: me\n" + header + goodItem, []problem{{1, 1, `unknown key "author" in the template (want one of id, version, title, description, items)`}}},
		{"duplicate key", header + goodItem + "version: '2'\n", []problem{{13, 1, `key "version" given twice (first at line 2)`}}},
		{"missing keys", "title: {zh: 测试, en: Test}\nitems: []\n", []problem{
			{1, 1, `the template is missing "id"`}, {1, 1, `the template is missing "version"`}, {2, 8, "items is empty"},
		}},
		{"template id with capitals", strings.Replace(header, "test-template", "Test_Template", 1) + goodItem, []problem{{1, 5, `template id "Test_Template" must be lowercase letters a-z, digits and hyphens`}}},
		{"template id starting with a hyphen", strings.Replace(header, "test-template", "-x", 1) + goodItem, []problem{{1, 5, `template id "-x" must be lowercase`}}},
		{"template id too long", strings.Replace(header, "test-template", strings.Repeat("a", 65), 1) + goodItem, []problem{{1, 5, "is longer than 64 characters"}}},
		{"empty version", strings.Replace(header, "'1'", "''", 1) + goodItem, []problem{{2, 10, "version is empty"}}},
		{"version a list", strings.Replace(header, "'1'", "[1]", 1) + goodItem, []problem{{2, 10, "version must be a text, not a list"}}},
		{"title a string", strings.Replace(header, "{zh: 测试清单, en: Test checklist}", "Test checklist", 1) + goodItem, []problem{{3, 8, `title must be a mapping, not "Test checklist"`}}},
		{"title without en", strings.Replace(header, ", en: Test checklist", "", 1) + goodItem, []problem{{3, 8, `title is missing "en"`}}},
		{"title with empty zh", strings.Replace(header, "zh: 测试清单", "zh: ' '", 1) + goodItem, []problem{{3, 13, "title.zh is empty"}}},
		{"title in a third language", strings.Replace(header, "en: Test checklist", "en: Test checklist, fr: Liste", 1) + goodItem, []problem{{3, 39, `unknown key "fr" in title (want one of zh, en)`}}},
		{"description without zh", header + goodItem + "description: {en: About}\n", []problem{{13, 14, `description is missing "zh"`}}},
		{"items empty", strings.Replace(header, "items:", "items: []", 1), []problem{{4, 8, "items is empty; a template needs at least one item"}}},
		{"items null", header, []problem{{4, 7, "items is empty"}}},
		{"items a mapping", header + "  a: b\n", []problem{{5, 3, "items must be a list (- id: …), not a mapping"}}},
		{"item a string", header + "  - art13\n", []problem{{5, 5, `item 1: the item must be a mapping, not "art13"`}}},

		// An item's id.
		{"item id missing", header + item("id"), []problem{{5, 5, `item 1: the item is missing "id"`}}},
		{"item id invalid", header + item("id", "id: Art13_Continuity"), []problem{{5, 9, `item "Art13_Continuity": item id must be lowercase letters a-z, digits and hyphens`}}},
		{"item id empty", header + item("id", "id: ''"), []problem{{5, 9, "item 1: id is empty"}}},
		{"duplicate item id", header + goodItem + goodItem, []problem{{13, 9, `item "art13-continuity": id already used by the item at line 5; item ids must be unique`}}},
		{"unknown item key", header + item("guidance", "    guidence: {zh: 查看, en: Look}"), []problem{
			{5, 5, `item "art13-continuity": the item is missing "guidance"`},
			{9, 5, `item "art13-continuity": unknown key "guidence" in the item (did you mean "guidance"?)`},
		}},
		{"missing requirement", header + item("requirement"), []problem{{5, 5, `item "art13-continuity": the item is missing "requirement"`}}},
		{"guidance without zh", header + item("guidance", "    guidance: {en: Look}"), []problem{{9, 15, `item "art13-continuity": guidance is missing "zh"`}}},
		{"title empty en", header + item("title", "    title: {zh: 服务连续, en: ~}"), []problem{{7, 27, `item "art13-continuity": title.en is empty`}}},

		// Article references.
		{"articles missing", header + item("articles"), []problem{{5, 5, `the item is missing "articles"`}}},
		{"articles empty", header + item("articles", "    articles: []"), []problem{{6, 15, "articles is empty; name at least one article"}}},
		{"articles a number", header + item("articles", "    articles: 13"), []problem{{6, 15, "articles must be a list (- {article: 7, item: 1}), not the number 13"}}},
		{"article 0", header + item("articles", "    articles: [{article: 0}]"), []problem{{6, 16, "article 0 does not exist (the Measures have articles 1 to 24)"}}},
		{"article 25", header + item("articles", "    articles: [{article: 25}]"), []problem{{6, 16, "article 25 does not exist"}}},
		{"article as text", header + item("articles", "    articles: [{article: seven}]"), []problem{{6, 26, `article must be a whole number, not "seven"`}}},
		{"article as float", header + item("articles", "    articles: [{article: 7.5}]"), []problem{{6, 26, "article must be a whole number, not the number 7.5"}}},
		{"reference without article", header + item("articles", "    articles: [{paragraph: 1}]"), []problem{{6, 16, `the article reference is missing "article"`}}},
		{"unknown reference key", header + item("articles", "    articles: [{article: 9, para: 1}]"), []problem{{6, 29, `unknown key "para" in the article reference (want one of article, paragraph, item)`}}},
		{"paragraph of a one-paragraph article", header + item("articles", "    articles: [{article: 8, paragraph: 2}]"), []problem{{6, 16, "article 8 has no paragraph 2 (it has one paragraph; leave paragraph out)"}}},
		{"paragraph 3 of a two-paragraph article", header + item("articles", "    articles: [{article: 14, paragraph: 3}]"), []problem{{6, 16, "article 14 has no paragraph 3 (it has 2)"}}},
		{"paragraph 0", header + item("articles", "    articles: [{article: 14, paragraph: 0}]"), []problem{{6, 41, "paragraph 0 does not exist (paragraphs count from 1"}}},
		{"item of an article without items", header + item("articles", "    articles: [{article: 8, item: 1}]"), []problem{{6, 16, "article 8 has no enumerated items"}}},
		{"item 6 of Art. 7", header + item("articles", "    articles: [{article: 7, item: 6}]"), []problem{{6, 16, "article 7 has no item 6 (it has 5)"}}},
		{"item -1", header + item("articles", "    articles: [{article: 7, item: -1}]"), []problem{{6, 35, "item -1 does not exist (items count from 1"}}},
		{"duplicate reference", header + item("articles", "    articles: [{article: 7, item: 1}, {article: 7, item: 1}]"), []problem{{6, 39, "article reference Art. 7(1) given twice"}}},
		{"duplicate reference spelled differently", header + item("articles", "    articles: [{article: 8}, {article: 8, paragraph: 1}]"), []problem{{6, 30, "article reference Art. 8 given twice"}}},

		// Evidence kinds.
		{"unknown evidence kind", header + item("evidence", "    evidence: [incident, datasource]"), []problem{{10, 26, `item "art13-continuity": unknown evidence kind "datasource" (want one of data_source, annotation_rule, algorithm, incident, keyword_library, test_question, test_result, corpus_check, label_sample)`}}},
		{"evidence kind in capitals", header + item("evidence", "    evidence: [Incident]"), []problem{{10, 16, `unknown evidence kind "Incident"`}}},
		{"duplicate evidence kind", header + item("evidence", "    evidence: [incident, incident]"), []problem{{10, 26, `evidence kind "incident" given twice`}}},
		{"evidence a string", header + item("evidence", "    evidence: incident"), []problem{{10, 15, `evidence must be a list ([data_source, incident]), not "incident"`}}},
		{"evidence kind a mapping", header + item("evidence", "    evidence: [{kind: incident}]"), []problem{{10, 16, "evidence kind must be a name, not a mapping"}}},

		// Suggested queries.
		{"unterminated quote", header + item("queries", `    queries: ['kind:incident "停止生成']`), []problem{{11, 15, `query "kind:incident \"停止生成": position 15: unterminated quote`}}},
		{"unknown field", header + item("queries", "    queries: ['type:incident 违法']"), []problem{{11, 15, `query "type:incident 违法": position 1: unknown field "type" (known fields: file, found, kind, label)`}}},
		{"only exclusions", header + item("queries", "    queries: ['-测试']"), []problem{{11, 15, "nothing to search for"}}},
		{"dangling OR", header + item("queries", "    queries: ['违法 OR']"), []problem{{11, 15, "OR with nothing on its right"}}},
		{"bad date", header + item("queries", "    queries: ['found:2024-13-01']"), []problem{{11, 15, `query "found:2024-13-01": position`}}},
		{"unknown kind filter", header + item("queries", "    queries: ['违法 kind:datasource']"), []problem{{11, 15, `query "违法 kind:datasource": position 4: unknown kind "datasource" (want one of data_source, annotation_rule, algorithm, incident, keyword_library, test_question, test_result, corpus_check, label_sample)`}}},
		{"unknown label filter", header + item("queries", "    queries: ['违法 OR label:secret']"), []problem{{11, 15, `query "违法 OR label:secret": position 7: unknown label "secret" (want one of public, internal, trade_secret, personal_info, state_secret)`}}},
		{"empty query", header + item("queries", "    queries: ['', 违法]"), []problem{{11, 15, "query must be a non-empty text"}}},
		{"queries a string", header + item("queries", "    queries: 违法"), []problem{{11, 14, "queries must be a list"}}},

		// Automated checks.
		{"unknown check with a suggestion", header + item("checks", "    checks: [algorithm_filings]"), []problem{{12, 14, `unknown check "algorithm_filings" (did you mean "algorithm_filing"?)`}}},
		{"unknown check without one", header + item("checks", "    checks: [{id: magic}]"), []problem{{12, 19, `unknown check "magic" (want one of data_source_lawful_basis, base_model_filing, copyright_licence,`}}},
		{"check without id", header + item("checks", "    checks: [{params: {max_share: 0.1}}]"), []problem{{12, 14, `the check is missing "id"`}}},
		{"check with unknown key", header + item("checks", "    checks: [{id: harmful_share, param: {max_share: 0.1}}]"), []problem{{12, 34, `unknown key "param" in the check (did you mean "params"?)`}}},
		{"unknown severity", header + item("checks", "    checks: [{id: harmful_share, severity: grave}]"), []problem{{12, 44, `check "harmful_share": severity must be one of low, medium, high, critical, not "grave"`}}},
		{"severity a list", header + item("checks", "    checks: [{id: harmful_share, severity: [high]}]"), []problem{{12, 44, `severity must be one of low, medium, high, critical, not a list`}}},
		{"duplicate check", header + item("checks", "    checks: [illegal_content_action, {id: illegal_content_action}]"), []problem{{12, 43, `check "illegal_content_action" given twice`}}},
		{"parameter above its range", header + item("checks", "    checks: [{id: harmful_share, params: {max_share: 1.5}}]"), []problem{{12, 54, `item "art13-continuity": check "harmful_share": parameter "max_share": 1.5 is out of range (want 0 to 1)`}}},
		{"parameter below its range", header + item("checks", "    checks: [{id: annotation_qa, params: {min_sample_size: 0}}]"), []problem{{12, 60, `parameter "min_sample_size": 0 is out of range (want at least 1)`}}},
		{"days above the range", header + item("checks", "    checks: [{id: complaint_time_limit, params: {default_days: 400}}]"), []problem{{12, 64, `parameter "default_days": 400 is out of range (want 1 to 365)`}}},
		{"integer parameter given a fraction", header + item("checks", "    checks: [{id: pi_requests_handled, params: {max_days: 7.5}}]"), []problem{{12, 59, `parameter "max_days" must be an integer, not the number 7.5`}}},
		{"number parameter given text", header + item("checks", "    checks: [{id: harmful_share, params: {max_share: 1%}}]"), []problem{{12, 54, `parameter "max_share" must be a number, not "1%"`}}},
		{"number parameter given nothing", header + item("checks", "    checks: [{id: harmful_share, params: {max_share: }}]"), []problem{{12, 54, `parameter "max_share" must be a number, not empty`}}},
		{"unknown parameter", header + item("checks", "    checks: [{id: harmful_share, params: {max: 0.1}}]"), []problem{{12, 43, `unknown parameter "max" (want one of max_share)`}}},
		{"parameter of a check without any", header + item("checks", "    checks: [{id: illegal_content_action, params: {max_days: 1}}]"), []problem{{12, 52, `unknown parameter "max_days" (the check takes no parameters)`}}},
		{"duplicate parameter", header + item("checks", "    checks: [{id: harmful_share, params: {max_share: 0.1, max_share: 0.2}}]"), []problem{{12, 59, `parameter "max_share" given twice (first at line 12)`}}},
		{"params a list", header + item("checks", "    checks: [{id: harmful_share, params: [0.1]}]"), []problem{{12, 42, "params must be a mapping of parameter names to values, not a list"}}},

		// Every problem is reported, in the order of the file.
		{"several problems", "id: X\nversion: '1'\ntitle: {zh: 测试, en: Test}\nitems:\n" +
			item("evidence", "    evidence: [datasource]") + item("checks", "    checks: [{id: harmful_share, params: {max_share: 2}}]"),
			[]problem{
				{1, 5, `template id "X"`},
				{10, 16, `unknown evidence kind "datasource"`},
				{13, 9, "id already used by the item at line 5"},
				{20, 54, `parameter "max_share": 2 is out of range`},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ve := load(t, tt.src)
			if ve == nil {
				t.Fatalf("accepted:\n%s", tt.src)
			}
			if ve.File != "t.yaml" {
				t.Errorf("File = %q", ve.File)
			}
			if len(ve.Errors) != len(tt.want) {
				t.Errorf("got %d problems, want %d:\n%v", len(ve.Errors), len(tt.want), ve)
			}
			for i, w := range tt.want {
				if i >= len(ve.Errors) {
					break
				}
				got := ve.Errors[i]
				if got.Line != w.line || got.Column != w.col || !strings.Contains(got.Msg, w.msg) {
					t.Errorf("problem %d = %d:%d: %s\nwant        %d:%d: …%s…", i+1, got.Line, got.Column, got.Msg, w.line, w.col, w.msg)
				}
			}
		})
	}
}

func TestValidationErrorFormat(t *testing.T) {
	ve := &ValidationError{File: "c.yaml", Errors: []Problem{
		{Line: 42, Column: 5, Msg: "first"},
		{Line: 7, Msg: "no column"},
		{Msg: "no position"},
	}}
	want := "c.yaml:42:5: first\nc.yaml:7: no column\nc.yaml: no position"
	if ve.Error() != want {
		t.Errorf("Error() = %q, want %q", ve.Error(), want)
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	os.WriteFile(good, []byte(header+goodItem), 0o600)
	if tmpl, err := LoadFile(good); err != nil || tmpl.ID != "test-template" {
		t.Errorf("LoadFile(good) = %v, %v", tmpl, err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte(header+item("evidence", "    evidence: [datasource]")), 0o600)
	_, err := LoadFile(bad)
	var ve *ValidationError
	if !errors.As(err, &ve) || !strings.HasPrefix(err.Error(), bad+":10:16: ") {
		t.Errorf("LoadFile(bad) error %v", err)
	}
	_, err = LoadFile(filepath.Join(dir, "missing.yaml"))
	if !errors.Is(err, fs.ErrNotExist) || errors.As(err, &ve) || !strings.Contains(err.Error(), "open checklist template") {
		t.Errorf("LoadFile(missing) error %v", err)
	}
	_, err = LoadFile(dir)
	if err == nil || errors.As(err, &ve) || !strings.Contains(err.Error(), "read checklist template "+dir) {
		t.Errorf("LoadFile(a directory) error %v", err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestLoadLimits(t *testing.T) {
	_, err := Load(failingReader{}, "r.yaml")
	if err == nil || !strings.Contains(err.Error(), "read checklist template r.yaml: disk on fire") {
		t.Errorf("failing reader: %v", err)
	}
	big := io.MultiReader(strings.NewReader("# "), strings.NewReader(strings.Repeat("x", MaxTemplateSize)))
	_, err = Load(big, "big.yaml")
	var ve *ValidationError
	if !errors.As(err, &ve) || !strings.Contains(err.Error(), "larger than 4 MiB") {
		t.Errorf("large file: %v", err)
	}
	// A billion laughs is refused by the YAML library.
	var b strings.Builder
	b.WriteString("a: &a [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 12; i++ {
		fmt.Fprintf(&b, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n", 'a'+i, 'a'+i, 'a'+i-1, 'a'+i-1, 'a'+i-1, 'a'+i-1, 'a'+i-1, 'a'+i-1, 'a'+i-1, 'a'+i-1, 'a'+i-1, 'a'+i-1)
	}
	if _, err := Load(strings.NewReader(b.String()), "laughs.yaml"); !errors.As(err, &ve) {
		t.Errorf("billion laughs: %v", err)
	}
}

func TestCheckRegistry(t *testing.T) {
	want := map[string]workbench.ArticleRef{
		"data_source_lawful_basis": {Article: 7, Item: 1},
		"pi_legal_basis":           {Article: 7, Item: 3},
		"copyright_licence":        {Article: 7, Item: 2},
		"harmful_share":            {Article: 7, Item: 4},
		"annotation_rules_present": {Article: 8},
		"annotation_qa":            {Article: 8},
		"annotator_training":       {Article: 8},
		"safety_annotation":        {Article: 8},
		"base_model_filing":        {Article: 7, Item: 1},
		"content_labelling":        {Article: 12},
		"illegal_content_action":   {Article: 14, Paragraph: 1},
		"illegal_content_report":   {Article: 14, Paragraph: 1},
		"user_illegal_activity":    {Article: 14, Paragraph: 2},
		"complaint_time_limit":     {Article: 15},
		"pi_requests_handled":      {Article: 11, Paragraph: 2},
		"algorithm_filing":         {Article: 17},
		// The safety-testing checks of the gb45654-2025 template.
		"keyword_library":             {Article: 4},
		"keyword_library_updated":     {Article: 4},
		"generated_question_bank":     {Article: 4},
		"generated_content_results":   {Article: 4},
		"refusal_question_banks":      {Article: 4},
		"refusal_results":             {Article: 4},
		"corpus_source_harmful_share": {Article: 7, Item: 4},
		"corpus_sampling":             {Article: 7, Item: 4},
		"safety_annotation_volume":    {Article: 8},
		"annotator_not_reviewer":      {Article: 8},
		"implicit_label":              {Article: 12},
	}
	checks := Checks()
	if len(checks) != len(want) {
		t.Errorf("%d checks, want %d", len(checks), len(want))
	}
	for _, c := range checks {
		if r, ok := want[c.ID]; !ok || r != c.Article {
			t.Errorf("check %s tests %v, want %v", c.ID, c.Article, r)
		}
		if msg := checkRef(c.Article); msg != "" {
			t.Errorf("check %s: %s", c.ID, msg)
		}
		if c.Summary.Zh == "" || c.Summary.En == "" {
			t.Errorf("check %s lacks a summary", c.ID)
		}
		for _, p := range c.Params {
			if p.Doc == "" {
				t.Errorf("check %s parameter %s is undocumented", c.ID, p.Name)
			}
			switch p.Type {
			case ParamNumber:
				_, ok := p.Default.(float64)
				if !ok {
					t.Errorf("check %s parameter %s: default %#v is not a float64", c.ID, p.Name, p.Default)
				}
			case ParamInteger:
				_, ok := p.Default.(int)
				if !ok {
					t.Errorf("check %s parameter %s: default %#v is not an int", c.ID, p.Name, p.Default)
				}
			}
			if msg := p.check(p.Default); msg != "" {
				t.Errorf("check %s parameter %s: default %s", c.ID, p.Name, msg)
			}
		}
	}
	params := map[string]any{}
	for _, c := range checks {
		for _, p := range c.Params {
			params[c.ID+"."+p.Name] = p.Default
		}
	}
	wantParams := map[string]any{
		"harmful_share.max_share":           0.05,
		"annotation_qa.min_sample_size":     1,
		"annotation_qa.min_accuracy":        0.0,
		"annotation_qa.safety_min_accuracy": 0.95,
		"complaint_time_limit.default_days": 15,
		"pi_requests_handled.max_days":      30,
		// The figures of TC260-003, the GB/T 45654 draft and GB/T 45674.
		"keyword_library.min_keywords":               10000,
		"keyword_library.min_per_a1_risk":            200,
		"keyword_library.min_per_a2_risk":            100,
		"keyword_library_updated.max_age_days":       7,
		"generated_question_bank.min_questions":      2000,
		"generated_question_bank.min_per_core_risk":  50,
		"generated_question_bank.min_per_other_risk": 20,
		"generated_content_results.min_sampled":      1000,
		"generated_content_results.min_pass_rate":    0.90,
		"refusal_question_banks.min_should_refuse":   500,
		"refusal_question_banks.min_refuse_per_risk": 20,
		"refusal_question_banks.min_should_answer":   500,
		"refusal_results.min_tested":                 300,
		"refusal_results.min_refusal_rate":           0.95,
		"refusal_results.max_answer_refusal_rate":    0.05,
		"corpus_source_harmful_share.max_share":      0.05,
		"corpus_sampling.min_manual_sample":          4000,
		"corpus_sampling.min_manual_pass_rate":       0.96,
		"corpus_sampling.min_auto_sample_share":      0.10,
		"corpus_sampling.min_auto_pass_rate":         0.98,
		"safety_annotation_volume.min_safety_share":  0.03,
		"safety_annotation_volume.min_per_risk":      200,
		"implicit_label.required_subfields":          "Label,ContentProducer,ProduceID",
	}
	if !reflect.DeepEqual(params, wantParams) {
		t.Errorf("parameters and defaults = %v, want %v", params, wantParams)
	}
	// The registry hands out copies.
	for i := range checks {
		if checks[i].ID == "harmful_share" {
			checks[i].Params[0].Default = 0.5
		}
	}
	if c, _ := LookupCheck("harmful_share"); c.Params[0].Default != 0.05 {
		t.Error("changing Checks() changed the registry")
	}
	if _, ok := LookupCheck("nope"); ok {
		t.Error("LookupCheck found an unknown check")
	}
	if r := (ParamSpec{Type: ParamNumber, Min: math.Inf(-1), Max: 3}).RangeText(); r != "at most 3" {
		t.Errorf("RangeText = %q", r)
	}
	if r := (ParamSpec{Type: ParamNumber, Min: math.Inf(-1), Max: math.Inf(1)}).RangeText(); r != "any value" {
		t.Errorf("RangeText = %q", r)
	}
	if r := (ParamSpec{Type: ParamString}).RangeText(); r != "" {
		t.Errorf("RangeText = %q", r)
	}
}

// registrySource is the registry's source of a parameter's default.
func registrySource(check, param string) Text {
	c, _ := LookupCheck(check)
	p, _ := c.Param(param)
	return p.Source
}

func TestSourcesRefused(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		msg   string
	}{
		{[]string{"    checks:", "      - id: harmful_share", "        sources: {max_sharе: TC260}"}, `source of unknown parameter "max_sharе"`},
		{[]string{"    checks:", "      - id: harmful_share", "        sources: [TC260]"}, "sources must be a mapping"},
		{[]string{"    checks:", "      - id: harmful_share", "        sources: {max_share: {zh: 甲}}"}, `missing "en"`},
	} {
		_, err := Load(strings.NewReader(header+item("checks", tc.lines...)), "t.yaml")
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%v: error %v, want %q", tc.lines, err, tc.msg)
		}
	}
}

// TestCheckSeverity reads a check's default severity, and finds one for
// every check of the built-in template.
func TestCheckSeverity(t *testing.T) {
	tmpl, ve := load(t, header+item("checks", "    checks: [{id: harmful_share, severity: high}, illegal_content_action]"))
	if ve != nil {
		t.Fatal(ve)
	}
	if c := tmpl.Items[0].Checks; c[0].Severity != "high" || c[1].Severity != "" {
		t.Errorf("severities %+v", c)
	}
	if c := tmpl.clone().Items[0].Checks; c[0].Severity != "high" {
		t.Errorf("clone lost the severity: %+v", c)
	}
	def := Default()
	n := 0
	for _, it := range def.Items {
		for _, c := range it.Checks {
			n++
			if c.Severity == "" {
				t.Errorf("%s: check %s has no default severity", it.ID, c.ID)
			}
		}
	}
	if n != 16 {
		t.Errorf("%d checks in the built-in template", n)
	}
}
