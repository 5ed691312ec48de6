package importers

import (
	"github.com/inspection-workbench/workbench"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Providers often write a vocabulary field as prose: "已停止生成并消除（删除）
// 相关内容", "限制功能（关闭开放 API 调用权限）". A part of an enum list that is
// not a term of the vocabulary is read for the terms it contains, so that
// the checks understand it; the provider's words are stored as written.

// termSpelling is one spelling of a term long enough to be looked for
// inside prose.
type termSpelling struct {
	norm  string // as normTerm writes it
	value string // the canonical term
}

// proseIndex lists, per kind and field, the spellings looked for inside
// prose, longest first.
var proseIndex = buildProseIndex()

func buildProseIndex() map[workbench.Kind]map[string][]termSpelling {
	idx := map[workbench.Kind]map[string][]termSpelling{}
	for _, spec := range Specs {
		idx[spec.Kind] = map[string][]termSpelling{}
		for _, f := range spec.Fields {
			if f.Type != EnumList && f.Type != Enum || f.Parse != nil {
				continue
			}
			var list []termSpelling
			for _, t := range f.Terms {
				if t.Whole {
					continue
				}
				for _, s := range append([]string{t.ZH, t.EN}, t.Synonyms...) {
					if n := normTerm(s); longEnoughForProse(n) {
						list = append(list, termSpelling{n, t.Value})
					}
				}
			}
			sort.SliceStable(list, func(i, j int) bool { return len(list[i].norm) > len(list[j].norm) })
			idx[spec.Kind][f.Name] = list
		}
	}
	return idx
}

// longEnoughForProse reports whether a spelling is specific enough to be
// looked for inside a longer text: two Chinese characters, or a Latin word
// of five letters.
func longEnoughForProse(n string) bool {
	cjk, latin := 0, 0
	for _, r := range n {
		if r >= 0x2E80 {
			cjk++
		} else if unicode.IsLetter(r) {
			latin++
		}
	}
	return cjk >= 2 || cjk == 0 && latin >= 5
}

// negations before a term within a few characters undo it: 未停止生成,
// 不予删除, 解除限制. Latin negations are looked for as whole words in the
// text as written (latinNegations): a text that holds one is not read for
// Latin spellings at all.
var (
	negations      = []string{"未", "不", "没", "无", "非", "解除", "取消", "撤销", "撤回"}
	latinNegations = []string{"not", "no", "never", "without", "neither", "nor", "failed"}
)

// hasLatinNegation reports whether s holds a Latin negation as a word.
func hasLatinNegation(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) || r >= 0x2E80 }) {
		if slices.Contains(latinNegations, w) || strings.HasSuffix(w, "n't") {
			return true
		}
	}
	return false
}

// negated reports whether the text before a match, normalised, ends with
// a negation within two characters.
func negated(before string) bool {
	tail := before
	for n := 0; n < 2 && tail != ""; n++ {
		for _, w := range negations {
			if strings.HasSuffix(tail, w) {
				return true
			}
		}
		_, size := utf8.DecodeLastRuneInString(tail)
		tail = tail[:len(tail)-size]
	}
	return false
}

// termsInProse returns the canonical terms of an enum or enum-list field
// named in a value (or a part of a list) that is not itself a term, in the
// order they stand; nil when it names none.
func termsInProse(k workbench.Kind, field, part string) []string {
	list := proseIndex[k][field]
	if len(list) == 0 {
		return nil
	}
	n := normTerm(part)
	skipLatin := hasLatinNegation(part)
	claimed := make([]bool, len(n))
	type found struct {
		at    int
		value string
	}
	var hits []found
	for _, sp := range list {
		if skipLatin && sp.norm[0] < utf8.RuneSelf {
			continue
		}
		for from := 0; ; {
			i := strings.Index(n[from:], sp.norm)
			if i < 0 {
				break
			}
			i += from
			from = i + len(sp.norm)
			free := true
			for j := i; j < from; j++ {
				free = free && !claimed[j]
			}
			if !free {
				continue
			}
			// A negated spelling still takes its span, so that a shorter
			// one inside it (终止服务 in 未暂停或终止服务) does not match.
			for j := i; j < from; j++ {
				claimed[j] = true
			}
			if !negated(n[:i]) {
				hits = append(hits, found{i, sp.value})
			}
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	var out []string
	for _, h := range hits {
		if !slices.Contains(out, h.value) {
			out = append(out, h.value)
		}
	}
	return out
}
