package importers

import (
	"github.com/inspection-workbench/workbench"

	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/inspection-workbench/workbench/importers/values"
)

// headerIndex maps normalised header spellings to field positions, per kind.
var headerIndex = buildHeaderIndex()

// containedIndex lists, per kind, the spellings long enough to be looked
// for inside a longer header ("事件发现时间" holds "发现时间"), longest first.
var containedIndex = buildContainedIndex()

type spelling struct {
	norm  string
	field int
}

// minContained is how long a spelling must be, in characters, to be found
// inside another header: three Chinese characters or six Latin letters.
func minContained(s string) bool {
	n := 0
	for _, r := range s {
		if r >= 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	return n >= 6
}

func buildContainedIndex() map[workbench.Kind][]spelling {
	idx := map[workbench.Kind][]spelling{}
	for k, m := range headerIndex {
		var list []spelling
		for norm, f := range m {
			if minContained(norm) {
				list = append(list, spelling{norm, f})
			}
		}
		sort.Slice(list, func(i, j int) bool {
			if len(list[i].norm) != len(list[j].norm) {
				return len(list[i].norm) > len(list[j].norm)
			}
			return list[i].norm < list[j].norm
		})
		idx[k] = list
	}
	return idx
}

// termIndex maps normalised term spellings to canonical values, per
// kind and field.
var termIndex = buildTermIndex()

func buildHeaderIndex() map[workbench.Kind]map[string]int {
	idx := map[workbench.Kind]map[string]int{}
	for _, spec := range Specs {
		m := map[string]int{}
		for i, f := range spec.Fields {
			for _, s := range append([]string{f.Name, f.ZH, f.EN}, f.Synonyms...) {
				m[normHeader(s)] = i
			}
		}
		idx[spec.Kind] = m
	}
	return idx
}

func buildTermIndex() map[workbench.Kind]map[string]map[string]string {
	idx := map[workbench.Kind]map[string]map[string]string{}
	for _, spec := range Specs {
		idx[spec.Kind] = map[string]map[string]string{}
		for _, f := range spec.Fields {
			if len(f.Terms) == 0 {
				continue
			}
			m := map[string]string{}
			for _, t := range f.Terms {
				for _, s := range append([]string{t.Value, t.ZH, t.EN}, t.Synonyms...) {
					m[normTerm(s)] = t.Value
				}
			}
			idx[spec.Kind][f.Name] = m
		}
	}
	return idx
}

// normHeader reduces a header to the form synonyms are compared in:
// half-width, lower case, without spaces, punctuation and required-field
// stars.
func normHeader(s string) string {
	s = strings.ToLower(values.FoldWidth(s))
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// normTerm reduces a vocabulary value the same way.
func normTerm(s string) string { return normHeader(s) }

// headerCandidates are the spellings of one header cell worth looking up:
// the whole text, the text without bracketed notes ("数据规模（条）"), each
// line or slash-separated part of bilingual headers ("数据来源名称\nSource
// name"), the Chinese and the Latin part of a header that gives both in
// either order ("Type 类别", "发现时间 Found at", "Reported? 是否上报"), and
// what brackets hold ("类别（Type）").
func headerCandidates(h string) []string {
	h = strings.TrimSpace(values.FoldWidth(h))
	if h == "" {
		return nil
	}
	out := []string{h}
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	add(stripBrackets(h))
	whole := len(out)
	for _, part := range strings.FieldsFunc(h, func(r rune) bool { return r == '\n' || r == '/' || r == '|' }) {
		add(part)
		add(stripBrackets(part))
	}
	for _, part := range scriptParts(stripBrackets(h)) {
		add(part)
	}
	for _, inner := range bracketed(h) {
		add(inner)
		for _, part := range scriptParts(inner) {
			add(part)
		}
	}
	// When the two languages name different fields ("Type 类别" for a
	// data source: type is the data type, 类别 its category), the Chinese
	// is the provider's own word and the English its translation: the
	// parts holding Chinese are looked up first.
	slices.SortStableFunc(out[whole:], func(a, b string) int {
		return cmpBool(hasHan(b), hasHan(a))
	})
	return out
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// scriptParts splits a header written in Chinese and in a Latin-script
// language at each change of script ("Incident ID 事件编号" gives "Incident
// ID" and "事件编号"). Digits, spaces and punctuation belong to the part
// they stand in. A header in one script gives nothing.
func scriptParts(h string) []string {
	var parts []string
	start, cur := 0, 0 // cur: 0 none yet, 1 Han, 2 other letters
	han, other := false, false
	for i, r := range h {
		sc := 0
		switch {
		case unicode.Is(unicode.Han, r):
			sc, han = 1, true
		case unicode.IsLetter(r):
			sc, other = 2, true
		}
		if sc == 0 {
			continue
		}
		if cur != 0 && sc != cur {
			parts = append(parts, h[start:i])
			start = i
		}
		cur = sc
	}
	if !han || !other {
		return nil
	}
	parts = append(parts, h[start:])
	for i, p := range parts {
		parts[i] = strings.TrimFunc(p, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	}
	return parts
}

// bracketed returns the text inside the outermost (…), （…）, […] and 【…】
// of a header.
func bracketed(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '（', '[', '【':
			if depth == 0 {
				start = i + utf8.RuneLen(r)
			}
			depth++
		case ')', '）', ']', '】':
			if depth > 0 {
				if depth--; depth == 0 {
					out = append(out, s[start:i])
				}
			}
		}
	}
	return out
}

// stripBrackets removes (…), （…）, […] and 【…】 notes from a header.
func stripBrackets(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '（', '[', '【':
			depth++
		case ')', '）', ']', '】':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// matchHeader returns the field of kind k a header names, or -1.
func matchHeader(k workbench.Kind, h string) int {
	f, _ := matchKey(k, h)
	return f
}

// exactField returns the field one of the header's candidate spellings
// names exactly, or -1.
func exactField(k workbench.Kind, h string) int {
	m := headerIndex[k]
	for _, c := range headerCandidates(h) {
		if i, ok := m[normHeader(c)]; ok {
			return i
		}
	}
	return -1
}

// matchKey returns the field of kind k that a header or a JSON key names,
// or -1. A dotted key, the path of a value in nested objects, is matched
// as a whole ("training.date" is "training date"), then by its last parts
// ("qa.sample_size" is "sample_size"), then by its first parts
// ("安全机制.内容过滤" belongs to "安全机制"); rest is then the part of the
// path after the match ("内容过滤"), which the value is labelled with (see
// convertKeyed for when such a key is used). A
// header naming no field exactly may still contain a known spelling
// (containedField).
func matchKey(k workbench.Kind, h string) (f int, rest string) {
	if !strings.Contains(h, ".") {
		if f := exactField(k, h); f >= 0 {
			return f, ""
		}
	} else {
		// A path is matched whole as it is written: split into its
		// languages, "安全机制.Red teaming" would read as 安全机制 alone.
		if i, ok := headerIndex[k][normHeader(h)]; ok {
			return i, ""
		}
		parts := strings.Split(h, ".")
		for i := 1; i < len(parts); i++ {
			if f := exactField(k, strings.Join(parts[i:], ".")); f >= 0 {
				return f, ""
			}
		}
		for i := len(parts) - 1; i >= 1; i-- {
			head := strings.Join(parts[:i], ".")
			if f := exactField(k, head); f >= 0 {
				return f, strings.Join(parts[i:], ".")
			}
			if f := containedField(k, head); f >= 0 {
				return f, strings.Join(parts[i:], ".")
			}
		}
	}
	if f := containedField(k, h); f >= 0 {
		return f, ""
	}
	// "事件发现时间 Found time": the whole holds "time" beside 发现时间, but
	// each language on its own names the field.
	for _, part := range scriptParts(stripBrackets(values.FoldWidth(h))) {
		if f := containedField(k, part); f >= 0 {
			return f, ""
		}
	}
	return -1, ""
}

// attributeWords name a different attribute of the thing a spelling names:
// "安全评估完成日期" is the date of the security assessment, not whether
// there was one.
var attributeWords = []string{"日期", "时间", "编号", "号码", "人数", "人员", "数量", "比例", "方式", "依据", "期限", "date", "time", "number", "count", "rate"}

// namesOtherAttribute reports whether what a header adds around a
// spelling names another attribute.
func namesOtherAttribute(header, spelling string) bool {
	rest := strings.Replace(header, spelling, " ", 1)
	for _, w := range attributeWords {
		if strings.Contains(rest, w) && !strings.Contains(spelling, w) {
			return true
		}
	}
	return false
}

// containedField finds the field whose longest spelling stands inside the
// header ("事件发现时间", "是否已报告主管部门（是/否）"). Two fields whose
// spellings of the same length both fit make it ambiguous: no match.
func containedField(k workbench.Kind, h string) int {
	n := normHeader(stripBrackets(h))
	if n == "" {
		n = normHeader(h)
	}
	for i, sp := range containedIndex[k] {
		if !strings.Contains(n, sp.norm) || namesOtherAttribute(n, sp.norm) {
			continue
		}
		for _, other := range containedIndex[k][i+1:] {
			if len(other.norm) < len(sp.norm) {
				break
			}
			if other.field != sp.field && strings.Contains(n, other.norm) {
				return -1
			}
		}
		return sp.field
	}
	return -1
}

// headerScore counts the distinct fields of kind k that the cells name;
// distinctive counts only fields that are not Generic.
func headerScore(k workbench.Kind, cells []string) (all, distinctive int) {
	spec := SpecFor(k)
	seen := map[int]bool{}
	for _, c := range cells {
		if i := matchHeader(k, c); i >= 0 && !seen[i] {
			seen[i] = true
			all++
			if !spec.Fields[i].Generic {
				distinctive++
			}
		}
	}
	return all, distinctive
}

// headerScanRows is how far down a sheet the header row is looked for.
const headerScanRows = 30

// minHeaderFields is how many recognised fields make a row a header row.
const minHeaderFields = 2

// findHeader picks the header row among the first rows of a table: the row
// naming the most distinct fields of one of the given kinds (the earliest
// on a tie). It returns -1 when no row names at least minHeaderFields.
func findHeader(rows [][]string, kinds []workbench.Kind) int {
	pos, score := -1, 0
	for i, cells := range rows {
		for _, k := range kinds {
			all, distinctive := headerScore(k, cells)
			if s := all*100 + distinctive; all >= minHeaderFields && s > score {
				pos, score = i, s
			}
		}
	}
	return pos
}

// detectKind decides the kind from a header row, preferring the kind with
// the most distinctive fields. It fails, listing the candidates, when two
// kinds fit equally well.
func detectKind(cells []string) (workbench.Kind, error) {
	return detectKindAmong(cells, workbench.Kinds)
}

// detectKindAmong is detectKind choosing among the given kinds.
func detectKindAmong(cells []string, kinds []workbench.Kind) (workbench.Kind, error) {
	type cand struct {
		k                workbench.Kind
		all, distinctive int
	}
	var cs []cand
	for _, k := range kinds {
		all, d := headerScore(k, cells)
		if all >= minHeaderFields {
			cs = append(cs, cand{k, all, d})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].distinctive != cs[j].distinctive {
			return cs[i].distinctive > cs[j].distinctive
		}
		return cs[i].all > cs[j].all
	})
	switch {
	case len(cs) == 0 || cs[0].distinctive == 0:
		return "", workbench.Errorf(workbench.CodeInvalid, workbench.ReasonKindUndetected, "Headers", quoteList(cells, 8))
	case len(cs) > 1 && cs[1].distinctive == cs[0].distinctive && cs[1].all == cs[0].all:
		var names []string
		for _, c := range cs {
			if c.distinctive == cs[0].distinctive && c.all == cs[0].all {
				names = append(names, string(c.k))
			}
		}
		return "", workbench.Errorf(workbench.CodeInvalid, workbench.ReasonKindAmbiguous, "Kinds", names)
	}
	return cs[0].k, nil
}

// quoteList shows up to n non-empty cells, quoted.
func quoteList(cells []string, n int) string {
	var out []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, fmt.Sprintf("%q", c))
			if len(out) == n {
				out = append(out, "…")
				break
			}
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}
