package checklist

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/inspection-workbench/workbench"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/inspection-workbench/workbench/store/searchlang"
)

// MaxTemplateSize bounds a template file, in bytes.
const MaxTemplateSize = 4 << 20

// MaxIDLen bounds template and item ids, in characters.
const MaxIDLen = 64

// queryFields are the fields suggested queries may filter on: those of the
// workbench's search index (store/fulltext.QueryFields, which a test
// compares with this list).
var queryFields = map[string]searchlang.FieldKind{
	"kind":  searchlang.FieldKeyword,
	"file":  searchlang.FieldKeyword,
	"label": searchlang.FieldKeyword,
	"found": searchlang.FieldDate,
}

// idPattern is what template and item ids look like.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Problem is one thing wrong with a template file.
type Problem struct {
	// Line and Column are 1-based positions in the file; 0 when unknown
	// (Column is unknown for YAML syntax errors).
	Line   int `json:"line"`
	Column int `json:"column"`
	// Msg says what is wrong.
	Msg string `json:"message"`
}

// Format writes the problem as "FILE:LINE:COL: message", leaving out the
// column, or line and column, when unknown.
func (p Problem) Format(file string) string {
	switch {
	case p.Line > 0 && p.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", file, p.Line, p.Column, p.Msg)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", file, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", file, p.Msg)
}

// ValidationError reports everything wrong with a template file, in the
// order of the file.
type ValidationError struct {
	// File is the name the template was loaded under.
	File string
	// Errors lists the problems, at least one, sorted by position.
	Errors []Problem
}

// Error writes one problem per line, each as [Problem.Format] does.
func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Errors))
	for i, p := range e.Errors {
		lines[i] = p.Format(e.File)
	}
	return strings.Join(lines, "\n")
}

// LoadFile reads and validates the template in the YAML file at path.
// A template that is not valid gives a *[ValidationError].
func LoadFile(path string) (*Template, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open checklist template: %w", err)
	}
	defer f.Close()
	return Load(f, path)
}

// Load reads and validates a template written in YAML (see
// docs/checklists.md); name, usually the file name, prefixes the positions
// of problems. A template that is not valid gives a *[ValidationError]
// listing every problem found, each with its line and column; a failure to
// read r gives another error.
func Load(r io.Reader, name string) (*Template, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxTemplateSize+1))
	if err != nil {
		return nil, fmt.Errorf("read checklist template %s: %w", name, err)
	}
	if len(data) > MaxTemplateSize {
		return nil, &ValidationError{File: name, Errors: []Problem{{
			Msg: fmt.Sprintf("the file is larger than %d MiB; a checklist template is far smaller", MaxTemplateSize>>20),
		}}}
	}
	l := &loader{}
	t := l.parse(data)
	if len(l.problems) > 0 {
		sort.SliceStable(l.problems, func(i, j int) bool {
			a, b := l.problems[i], l.problems[j]
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			return a.Column < b.Column
		})
		return nil, &ValidationError{File: name, Errors: l.problems}
	}
	return t, nil
}

// loader walks a template's YAML nodes, building the template and
// collecting every problem on the way.
type loader struct {
	problems []Problem
}

// errorf records a problem at node n.
func (l *loader) errorf(n *yaml.Node, format string, args ...any) {
	p := Problem{Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		p.Line, p.Column = n.Line, n.Column
	}
	l.problems = append(l.problems, p)
}

// yamlLine finds the line number in the YAML library's error messages
// ("yaml: line 3: could not find expected ':'").
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserProblems are the problems the YAML library's parser (as opposed to
// its scanner) reports. For these it gives the 0-based line of the
// construct being parsed (the line of an unclosed "[" for instance), where
// scanner errors give 1-based lines; a test pins this behaviour.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// syntaxError records a YAML syntax error.
func (l *loader) syntaxError(err error) {
	msg := err.Error()
	p := Problem{Msg: "YAML syntax: " + strings.TrimPrefix(msg, "yaml: ")}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		p.Msg = "YAML syntax: " + m[2]
		if parserProblems[m[2]] {
			p.Line++
		}
	}
	l.problems = append(l.problems, p)
}

// parse decodes data into nodes and builds the template.
func (l *loader) parse(data []byte) *Template {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			l.errorf(nil, "the file is empty; a checklist template needs id, version, title and items")
		} else {
			l.syntaxError(err)
		}
		return nil
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		l.errorf(&next, "a second YAML document starts here; a template file holds one document")
	} else if !errors.Is(err, io.EOF) {
		l.syntaxError(err)
	}
	if len(doc.Content) == 0 {
		l.errorf(&doc, "the file holds no template; a checklist template needs id, version, title and items")
		return nil
	}
	return l.template(resolve(doc.Content[0]))
}

// resolve follows an alias (*name) to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// describe names what a node is, for "must be X, not Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "empty"
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return "the boolean " + n.Value
		}
		return strconv.Quote(n.Value)
	}
	return "something else"
}

// field is one key of a mapping and its value.
type field struct {
	key, val *yaml.Node
}

// mapping reads the mapping n: it reports a node that is not a mapping,
// keys that are not among known, keys given twice and missing required
// keys, and returns the known keys' fields. ctx prefixes messages; what
// names the mapping in them.
func (l *loader) mapping(n *yaml.Node, ctx, what string, known, required []string) map[string]field {
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "%s%s must be a mapping, not %s", ctx, what, describe(n))
		return nil
	}
	fields := map[string]field{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			l.errorf(k, "%s%s: a key must be a name, not %s", ctx, what, describe(k))
			continue
		}
		if prev, dup := fields[k.Value]; dup {
			l.errorf(k, "%skey %q given twice (first at line %d)", ctx, k.Value, prev.key.Line)
			continue
		}
		if !slices.Contains(known, k.Value) {
			l.errorf(k, "%sunknown key %q in %s (%s)", ctx, k.Value, what, suggest(k.Value, known))
			fields[k.Value] = field{k, v} // so a second typo is reported as given twice
			continue
		}
		fields[k.Value] = field{k, v}
	}
	for _, r := range required {
		if _, ok := fields[r]; !ok {
			l.errorf(n, "%s%s is missing %q", ctx, what, r)
		}
	}
	for k := range fields {
		if !slices.Contains(known, k) {
			delete(fields, k)
		}
	}
	return fields
}

// str reads a non-empty scalar, trimmed of surrounding space.
func (l *loader) str(f field, ctx, what string) (string, bool) {
	n := f.val
	if n.Kind != yaml.ScalarNode {
		l.errorf(n, "%s%s must be a text, not %s", ctx, what, describe(n))
		return "", false
	}
	s := strings.TrimSpace(n.Value)
	if n.Tag == "!!null" || s == "" {
		l.errorf(n, "%s%s is empty", ctx, what)
		return "", false
	}
	return s, true
}

// text reads a {zh, en} mapping whose texts are both non-empty.
func (l *loader) text(f field, ctx, what string) Text {
	fs := l.mapping(f.val, ctx, what, []string{"zh", "en"}, []string{"zh", "en"})
	var t Text
	if zh, ok := fs["zh"]; ok {
		t.Zh, _ = l.str(zh, ctx, what+".zh")
	}
	if en, ok := fs["en"]; ok {
		t.En, _ = l.str(en, ctx, what+".en")
	}
	return t
}

// list reads a sequence (null counts as an empty one). ok is false when
// the node is something else, which is reported.
func (l *loader) list(f field, ctx, what, example string) (nodes []*yaml.Node, ok bool) {
	n := f.val
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, true
	}
	if n.Kind != yaml.SequenceNode {
		l.errorf(n, "%s%s must be a list (%s), not %s", ctx, what, example, describe(n))
		return nil, false
	}
	nodes = make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		nodes[i] = resolve(c)
	}
	return nodes, true
}

// integer reads a whole number.
func (l *loader) integer(n *yaml.Node, ctx, what string) (int, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		var v int
		if err := n.Decode(&v); err == nil {
			return v, true
		}
	}
	l.errorf(n, "%s%s must be a whole number, not %s", ctx, what, describe(n))
	return 0, false
}

var (
	templateKeys = []string{"id", "version", "title", "description", "items"}
	itemKeys     = []string{"id", "articles", "title", "requirement", "guidance", "evidence", "queries", "checks"}
	refKeys      = []string{"article", "paragraph", "item"}
	checkKeys    = []string{"id", "params", "sources", "severity"}
)

// template builds the template from the document's root node.
func (l *loader) template(root *yaml.Node) *Template {
	fs := l.mapping(root, "", "the template", templateKeys, []string{"id", "version", "title", "items"})
	if fs == nil {
		return nil
	}
	t := &Template{}
	if f, ok := fs["id"]; ok {
		if id, ok := l.str(f, "", "template id"); ok {
			if msg := checkID(id); msg != "" {
				l.errorf(f.val, "template id %q %s", id, msg)
			}
			t.ID = id
		}
	}
	if f, ok := fs["version"]; ok {
		t.Version, _ = l.str(f, "", "version")
	}
	if f, ok := fs["title"]; ok {
		t.Title = l.text(f, "", "title")
	}
	if f, ok := fs["description"]; ok {
		t.Description = l.text(f, "", "description")
	}
	if f, ok := fs["items"]; ok {
		nodes, ok := l.list(f, "", "items", "- id: …")
		if ok && len(nodes) == 0 {
			l.errorf(f.val, "items is empty; a template needs at least one item")
		}
		seen := map[string]*yaml.Node{}
		for i, n := range nodes {
			it, idNode := l.item(n, i+1)
			if it == nil {
				continue
			}
			if it.ID != "" {
				if prev, dup := seen[it.ID]; dup {
					l.errorf(idNode, "item %q: id already used by the item at line %d; item ids must be unique", it.ID, prev.Line)
				} else {
					seen[it.ID] = idNode
				}
			}
			t.Items = append(t.Items, *it)
		}
	}
	return t
}

// checkID says what is wrong with a template or item id, or "".
func checkID(id string) string {
	if utf8.RuneCountInString(id) > MaxIDLen {
		return fmt.Sprintf("is longer than %d characters", MaxIDLen)
	}
	if !idPattern.MatchString(id) {
		return "must be lowercase letters a-z, digits and hyphens, starting with a letter or digit (e.g. art7-1-lawful-sources)"
	}
	return ""
}

// item builds the index-th item (1-based) from its node, and returns the
// node of its id for duplicate reports.
func (l *loader) item(n *yaml.Node, index int) (*Item, *yaml.Node) {
	ctx := fmt.Sprintf("item %d: ", index)
	// Name the item by its id in every message when it has a usable one.
	var idNode *yaml.Node
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := resolve(n.Content[i]); k.Kind == yaml.ScalarNode && k.Value == "id" {
				if v := resolve(n.Content[i+1]); v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) != "" && v.Tag != "!!null" {
					idNode = v
					ctx = fmt.Sprintf("item %q: ", strings.TrimSpace(v.Value))
				}
				break
			}
		}
	}
	fs := l.mapping(n, ctx, "the item", itemKeys, []string{"id", "articles", "title", "requirement", "guidance"})
	if fs == nil {
		return nil, nil
	}
	it := &Item{}
	if f, ok := fs["id"]; ok {
		if id, ok := l.str(f, ctx, "id"); ok {
			if msg := checkID(id); msg != "" {
				l.errorf(f.val, "%sitem id %s", ctx, msg)
			}
			it.ID = id
		}
	}
	if f, ok := fs["articles"]; ok {
		it.Articles = l.articles(f, ctx)
	}
	if f, ok := fs["title"]; ok {
		it.Title = l.text(f, ctx, "title")
	}
	if f, ok := fs["requirement"]; ok {
		it.Requirement = l.text(f, ctx, "requirement")
	}
	if f, ok := fs["guidance"]; ok {
		it.Guidance = l.text(f, ctx, "guidance")
	}
	if f, ok := fs["evidence"]; ok {
		it.Evidence = l.evidence(f, ctx)
	}
	if f, ok := fs["queries"]; ok {
		it.Queries = l.queries(f, ctx)
	}
	if f, ok := fs["checks"]; ok {
		it.Checks = l.checks(f, ctx)
	}
	return it, idNode
}

// articles reads an item's article references.
func (l *loader) articles(f field, ctx string) []workbench.ArticleRef {
	nodes, ok := l.list(f, ctx, "articles", "- {article: 7, item: 1}")
	if ok && len(nodes) == 0 {
		l.errorf(f.val, "%sarticles is empty; name at least one article the item rests on", ctx)
	}
	var refs []workbench.ArticleRef
	seen := map[workbench.ArticleRef]bool{}
	for _, n := range nodes {
		fs := l.mapping(n, ctx, "the article reference", refKeys, []string{"article"})
		if fs == nil {
			continue
		}
		var r workbench.ArticleRef
		ok = true
		if a, given := fs["article"]; given {
			r.Article, ok = l.integer(a.val, ctx, "article")
		}
		for _, part := range []struct {
			key, whole string
			v          *int
		}{{"paragraph", "article", &r.Paragraph}, {"item", "paragraph", &r.Item}} {
			pf, given := fs[part.key]
			if !given {
				continue
			}
			v, isInt := l.integer(pf.val, ctx, part.key)
			if !isInt {
				ok = false
				continue
			}
			if v < 1 {
				l.errorf(pf.val, "%s%s %d does not exist (%ss count from 1; leave %s out for the whole %s)", ctx, part.key, v, part.key, part.key, part.whole)
				ok = false
				continue
			}
			*part.v = v
		}
		if !ok || fs["article"].val == nil {
			continue
		}
		if msg := checkRef(r); msg != "" {
			l.errorf(n, "%s%s", ctx, msg)
			continue
		}
		if measures.Paragraphs[r.Article] == 1 {
			r.Paragraph = 0 // paragraph 1 of a one-paragraph article is the article
		}
		if seen[r] {
			l.errorf(n, "%sarticle reference %s given twice", ctx, r)
			continue
		}
		seen[r] = true
		refs = append(refs, r)
	}
	return refs
}

// evidence reads an item's evidence kinds.
func (l *loader) evidence(f field, ctx string) []workbench.Kind {
	var kinds []workbench.Kind
	nodes, _ := l.list(f, ctx, "evidence", "[data_source, incident]")
	for _, n := range nodes {
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			l.errorf(n, "%sevidence kind must be a name, not %s", ctx, describe(n))
			continue
		}
		k := workbench.Kind(n.Value)
		if !evidenceKind(k) {
			l.errorf(n, "%sunknown evidence kind %q (want one of %s)", ctx, n.Value, evidenceKindList())
			continue
		}
		if slices.Contains(kinds, k) {
			l.errorf(n, "%sevidence kind %q given twice", ctx, n.Value)
			continue
		}
		kinds = append(kinds, k)
	}
	return kinds
}

// evidenceKind reports whether an item may name k as evidence: one of the
// submission kinds, or of the safety-testing kinds of TC260-003 and GB/T
// 45654 (keyword library, question banks, results, corpus checks, label
// samples), which templates may name before the importers read them all.
func evidenceKind(k workbench.Kind) bool {
	return slices.Contains(workbench.Kinds, k) || slices.Contains(workbench.SafetyKinds, k)
}

// kindList writes the submission kinds for messages.
func kindList() string {
	names := make([]string, len(workbench.Kinds))
	for i, k := range workbench.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// evidenceKindList writes the kinds an item may name as evidence, for
// messages.
func evidenceKindList() string {
	names := kindList()
	for _, k := range workbench.SafetyKinds {
		if !slices.Contains(workbench.Kinds, k) {
			names += ", " + string(k)
		}
	}
	return names
}

// queries reads and parses an item's suggested search queries.
func (l *loader) queries(f field, ctx string) []string {
	var qs []string
	nodes, _ := l.list(f, ctx, "queries", `- 'kind:incident 违法内容'`)
	for _, n := range nodes {
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" {
			l.errorf(n, "%squery must be a non-empty text, not %s", ctx, describe(n))
			continue
		}
		q := strings.TrimSpace(n.Value)
		parsed, err := searchlang.Parse(q, searchlang.Options{Fields: queryFields, Location: time.UTC})
		if err == nil {
			err = checkFilterValues(parsed)
		}
		if err != nil {
			l.errorf(n, "%squery %q: %v", ctx, q, err)
			continue
		}
		qs = append(qs, q)
	}
	return qs
}

// checkFilterValues reports a kind: or label: filter whose value no
// submission can have, which the query syntax itself accepts (it would
// find nothing).
func checkFilterValues(q searchlang.Query) error {
	for _, c := range q.Clauses {
		for _, t := range c.Any {
			if t.Kind != searchlang.TermKeyword {
				continue
			}
			switch {
			case t.Field == "kind" && !slices.Contains(workbench.Kinds, workbench.Kind(t.Text)):
				return &workbench.SyntaxError{Pos: t.Pos, Msg: fmt.Sprintf("unknown kind %q (want one of %s)", t.Text, kindList())}
			case t.Field == "label" && !slices.Contains(workbench.Labels, workbench.Label(t.Text)):
				names := make([]string, len(workbench.Labels))
				for i, l := range workbench.Labels {
					names[i] = string(l)
				}
				return &workbench.SyntaxError{Pos: t.Pos, Msg: fmt.Sprintf("unknown label %q (want one of %s)", t.Text, strings.Join(names, ", "))}
			}
		}
	}
	return nil
}

// checks reads an item's automated checks and their parameters.
func (l *loader) checks(f field, ctx string) []CheckRef {
	var refs []CheckRef
	nodes, _ := l.list(f, ctx, "checks", "- id: harmful_share")
	for _, n := range nodes {
		var idNode, params, sources, severity *yaml.Node
		if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
			idNode = n // the short form: - data_source_lawful_basis
		} else {
			fs := l.mapping(n, ctx, "the check", checkKeys, []string{"id"})
			if fs == nil {
				continue
			}
			if f, ok := fs["id"]; ok {
				if _, ok := l.str(f, ctx, "check id"); ok {
					idNode = f.val
				}
			}
			if f, ok := fs["params"]; ok {
				params = f.val
			}
			if f, ok := fs["sources"]; ok {
				sources = f.val
			}
			if f, ok := fs["severity"]; ok {
				severity = f.val
			}
		}
		if idNode == nil {
			continue
		}
		id := strings.TrimSpace(idNode.Value)
		spec, ok := LookupCheck(id)
		if !ok {
			l.errorf(idNode, "%sunknown check %q (%s)", ctx, id, suggest(id, checkIDs()))
			continue
		}
		dup := false
		for _, r := range refs {
			dup = dup || r.ID == id
		}
		if dup {
			l.errorf(idNode, "%scheck %q given twice", ctx, id)
			continue
		}
		cctx := fmt.Sprintf("%scheck %q: ", ctx, id)
		ref := CheckRef{ID: id, Params: l.params(params, spec, cctx)}
		ref.Sources = l.sources(sources, ref, spec, cctx)
		if severity != nil {
			sev := strings.TrimSpace(severity.Value)
			if severity.Kind != yaml.ScalarNode || !slices.Contains(Severities, sev) {
				l.errorf(severity, "%sseverity must be one of %s, not %s", cctx, strings.Join(Severities, ", "), describe(severity))
			} else {
				ref.Severity = sev
			}
		}
		refs = append(refs, ref)
	}
	return refs
}

// sources reads where a check's parameter values come from: a mapping of
// parameter names to a citation, {zh, en} or one text for both. Every
// number and integer parameter gets one: the template's, else the
// registry's source when the value is the default, else SetByTemplate; a
// string parameter only when the template gives one.
func (l *loader) sources(n *yaml.Node, ref CheckRef, spec CheckSpec, ctx string) map[string]Text {
	given := map[string]Text{}
	if n != nil && !(n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		if n.Kind != yaml.MappingNode {
			l.errorf(n, "%ssources must be a mapping of parameter names to citations, not %s", ctx, describe(n))
		} else {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
				if _, ok := spec.Param(k.Value); !ok {
					l.errorf(k, "%ssource of unknown parameter %q", ctx, k.Value)
					continue
				}
				var t Text
				if v.Kind == yaml.ScalarNode {
					s, ok := l.str(field{key: k, val: v}, ctx, "source of "+k.Value)
					if !ok {
						continue
					}
					t = Text{Zh: s, En: s}
				} else {
					t = l.text(field{key: k, val: v}, ctx, "source of "+k.Value)
				}
				given[k.Value] = t
			}
		}
	}
	var out map[string]Text
	for _, p := range spec.Params {
		t, ok := given[p.Name]
		if p.Type == ParamString && !ok {
			continue // a list of names, not a figure: a source only when given
		}
		if out == nil {
			out = map[string]Text{}
		}
		if !ok {
			t = ref.Source(p.Name)
		}
		out[p.Name] = t
	}
	return out
}

// params reads a check's parameters against its spec and fills in the
// defaults of those left out.
func (l *loader) params(n *yaml.Node, spec CheckSpec, ctx string) map[string]any {
	values := spec.defaults()
	if n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return values
	}
	names := make([]string, len(spec.Params))
	for i, p := range spec.Params {
		names[i] = p.Name
	}
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "%sparams must be a mapping of parameter names to values, not %s", ctx, describe(n))
		return values
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		p, ok := spec.Param(k.Value)
		if k.Kind != yaml.ScalarNode || !ok {
			if len(names) == 0 {
				l.errorf(k, "%sunknown parameter %q (the check takes no parameters)", ctx, k.Value)
			} else {
				l.errorf(k, "%sunknown parameter %q (%s)", ctx, k.Value, suggest(k.Value, names))
			}
			continue
		}
		if line, dup := seen[k.Value]; dup {
			l.errorf(k, "%sparameter %q given twice (first at line %d)", ctx, k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		val, ok := l.paramValue(v, p, ctx)
		if !ok {
			continue
		}
		if msg := p.check(val); msg != "" {
			l.errorf(v, "%sparameter %q: %s", ctx, p.Name, msg)
			continue
		}
		values[p.Name] = val
	}
	return values
}

// paramValue reads a parameter's value as its type says.
func (l *loader) paramValue(n *yaml.Node, p ParamSpec, ctx string) (any, bool) {
	if n.Kind == yaml.ScalarNode {
		switch p.Type {
		case ParamNumber:
			if n.Tag == "!!int" || n.Tag == "!!float" {
				var f float64
				if err := n.Decode(&f); err == nil {
					return f, true
				}
			}
		case ParamInteger:
			if n.Tag == "!!int" {
				var i int
				if err := n.Decode(&i); err == nil {
					return i, true
				}
			}
		case ParamString:
			if n.Tag != "!!null" {
				return n.Value, true
			}
		}
	}
	a := "a"
	if p.Type == ParamInteger {
		a = "an"
	}
	l.errorf(n, "%sparameter %q must be %s %s, not %s", ctx, p.Name, a, p.Type, describe(n))
	return nil, false
}

// suggest writes the hint after an unknown name: the closest known name
// when one is near (a typo: at most one edit per four characters, and at
// least one), else the list of known names.
func suggest(name string, known []string) string {
	limit := min(max(utf8.RuneCountInString(name)/4, 1), 3)
	best, bestDist := "", limit+1
	for _, k := range known {
		if d := distance(strings.ToLower(name), k); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	return "want one of " + strings.Join(known, ", ")
}

// distance is the optimal string alignment distance between a and b, in
// runes: insertions, deletions, substitutions and transpositions of
// neighbours each count one.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
