package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/inspection-workbench/workbench/store"
	"github.com/inspection-workbench/workbench/store/fulltext"
	"github.com/inspection-workbench/workbench/store/searchlang"
)

// The provider's keyword library applied to its own log (#17 point 3).
// The keywords are read straight from the case's imported keyword_library
// records (fields keyword, risk and match_type) and counted, as wb search
// --queries counts a keyword file, in the case's incident logs and the
// passages of its documents only: the library itself, the question banks
// and the test results would match every keyword. What the counts show is
// what the provider's filter would have caught in its own material, per
// risk category of TC260-003 Appendix A.

// Match types of a keyword library (field match_type).
const (
	MatchExact = "exact" // 精确
	MatchFuzzy = "fuzzy" // 模糊
	MatchRegex = "regex" // 正则
)

// ErrNoKeywordLibrary is wrapped when a case has no keyword_library
// submission, or none with a keyword in it.
var ErrNoKeywordLibrary = errors.New("the case has no keyword library imported")

// LibraryProblem says why a library keyword was not searched.
type LibraryProblem string

// Why a library keyword was not searched.
const (
	// LibraryRegex: the library marks the keyword as a regular
	// expression; the search has none, so it is listed as not applied.
	LibraryRegex LibraryProblem = "regex"
	// LibraryRegexLike: marked exact or fuzzy, but written like a
	// regular expression (.*, \d, [a-z], a|b, ^…): searching it as a
	// phrase would look for text the provider's filter does not.
	LibraryRegexLike LibraryProblem = "regex_like"
	// LibraryNothing: no letter, digit or character to search for, only
	// punctuation and symbols.
	LibraryNothing LibraryProblem = "nothing"
	// LibraryEmpty: the record has no keyword.
	LibraryEmpty LibraryProblem = "empty"
)

// Text words the problem in Chinese and English.
func (p LibraryProblem) Text() workbench.Text {
	switch p {
	case LibraryRegex:
		return workbench.Text{Zh: "正则表达式：未应用（检索不支持正则表达式）", En: "a regular expression: not applied (the search has no regular expressions)"}
	case LibraryRegexLike:
		return workbench.Text{Zh: "写法像正则表达式，按原文检索会与服务提供者的过滤规则不符，未检索", En: "written like a regular expression: searched as written it would not find what the provider's filter finds, so it was not searched"}
	case LibraryNothing:
		return workbench.Text{Zh: "只有标点或符号，没有可检索的文字", En: "only punctuation or symbols: nothing to search for"}
	case LibraryEmpty:
		return workbench.Text{Zh: "关键词为空", En: "no keyword in the record"}
	}
	return workbench.Text{Zh: string(p), En: string(p)}
}

// LibraryError is the error of a library keyword that was not searched.
type LibraryError struct{ Problem LibraryProblem }

// Error words the problem in English.
func (e *LibraryError) Error() string { return e.Problem.Text().En }

// LibraryKeyword is one keyword of a case's keyword library as imported.
type LibraryKeyword struct {
	// Hit is the record's hit id ("rec-12"); SubmissionID, FileName and Row
	// say where it stands (Row is the row or line in the file).
	Hit          string
	SubmissionID int64
	FileName     string
	Row          int
	Keyword      string
	// Risk is the risk category ParseRisk reads from the risk field, ""
	// when it names none; RiskWritten is the field as written.
	Risk        workbench.Risk
	RiskWritten string
	// Match is the match type: MatchExact, MatchFuzzy, MatchRegex, or as
	// written when it is none of them ("" when not given).
	Match string
}

// LibraryCount is the hit count of one library keyword.
type LibraryCount struct {
	LibraryKeyword
	// Query is what was searched ("" when the keyword was not); Err says
	// why not (a *LibraryError).
	Query string
	Err   error
	// Total counts the rows and passages hit in the searched files; Kind
	// and File split it by submission kind and file name.
	Total int
	Kind  map[string]int
	File  map[string]int
}

// RiskHits is what the keywords of one risk category hit.
type RiskHits struct {
	// Risk is the category; when "", Written is the risk field as the
	// library wrote it (a category that names none of the standard's),
	// and both "" stands for keywords without a category.
	Risk    workbench.Risk
	Written string
	// Keywords is how many keywords the library has in the category,
	// Searched how many were searched, WithHits how many hit.
	Keywords, Searched, WithHits int
	// Rows counts the rows and passages hit by any of its keywords, each
	// once.
	Rows int
}

// LibraryRun is the case's keyword library applied to its incident logs
// and document passages.
type LibraryRun struct {
	CaseID int64
	// Library are the keyword_library submissions read; Searched the
	// submissions searched.
	Library  []workbench.Submission
	Searched []workbench.Submission
	// Counts has one entry per keyword, in the library's order.
	Counts []LibraryCount
	// Risks has a row per risk of the standard (all 31, in order, with a
	// row for a group when keywords name the group only), then one per
	// category the library wrote that names none, then one for keywords
	// without a category, when there are such keywords.
	Risks []RiskHits
	// Rows counts the rows and passages hit by any keyword, each once.
	Rows int
	// At is when the run was made.
	At time.Time
}

// Summary counts a run's keywords: all, searched, with hits, regular
// expressions not applied, and the others that could not be searched.
func (r LibraryRun) Summary() (keywords, searched, withHits, regex, unsearchable int) {
	for _, c := range r.Counts {
		switch {
		case c.Err == nil:
			searched++
			if c.Total > 0 {
				withHits++
			}
		case libraryProblem(c.Err) == LibraryRegex:
			regex++
		default:
			unsearchable++
		}
	}
	return len(r.Counts), searched, withHits, regex, unsearchable
}

func libraryProblem(err error) LibraryProblem {
	var le *LibraryError
	if errors.As(err, &le) {
		return le.Problem
	}
	return ""
}

// KeywordLibraryFiles lists the case's keyword_library submissions.
func (a *App) KeywordLibraryFiles(ctx context.Context, caseID int64) ([]workbench.Submission, error) {
	subs, err := a.store.ListSubmissions(ctx, caseID)
	if err != nil {
		return nil, err
	}
	var out []workbench.Submission
	for _, s := range subs {
		if s.Kind == string(workbench.KeywordLibrary) {
			out = append(out, s)
		}
	}
	return out, nil
}

// libraryPage is how many library records are read at once.
const libraryPage = 5000

// ReadKeywordLibrary reads the keywords of the case's keyword_library
// submissions, file by file in import order, record by record. A case
// without one gives an error wrapping ErrNoKeywordLibrary.
func (a *App) ReadKeywordLibrary(ctx context.Context, caseID int64) ([]workbench.Submission, []LibraryKeyword, error) {
	if _, err := a.store.GetCase(ctx, caseID); err != nil {
		return nil, nil, err
	}
	files, err := a.KeywordLibraryFiles(ctx, caseID)
	if err != nil {
		return nil, nil, err
	}
	var kws []LibraryKeyword
	for _, sub := range files {
		for offset := 0; ; offset += libraryPage {
			rows, err := a.store.Records(ctx, sub.ID, offset, libraryPage)
			if err != nil {
				return nil, nil, fmt.Errorf("read keyword library %s: %w", sub.FileName, err)
			}
			for _, r := range rows {
				kws = append(kws, libraryKeyword(sub, r))
			}
			if len(rows) < libraryPage {
				break
			}
		}
	}
	if len(kws) == 0 {
		return files, nil, fmt.Errorf("case %d: %w", caseID, ErrNoKeywordLibrary)
	}
	return files, kws, nil
}

// libraryKeyword reads one keyword_library record: its fields are stored
// as JSON under their canonical names, enum values as their codes.
func libraryKeyword(sub workbench.Submission, r workbench.RecordRow) LibraryKeyword {
	kw := LibraryKeyword{Hit: fulltext.RecordHitID(r.ID), SubmissionID: sub.ID, FileName: sub.FileName, Row: r.Row}
	var f map[string]any
	_ = json.Unmarshal([]byte(r.Fields), &f) // a damaged record reads as one without a keyword
	text := func(name string) string {
		switch v := f[name].(type) {
		case string:
			return strings.TrimSpace(v)
		case float64, bool:
			return strings.TrimSpace(fmt.Sprint(v))
		}
		return ""
	}
	kw.Keyword = text("keyword")
	kw.RiskWritten = text("risk")
	if kw.RiskWritten != "" {
		if risk, err := workbench.ParseRisk(kw.RiskWritten); err == nil {
			kw.Risk = risk
		}
	}
	kw.Match = text("match_type")
	switch strings.ToLower(kw.Match) {
	case "exact", "精确", "精确匹配":
		kw.Match = MatchExact
	case "fuzzy", "模糊", "模糊匹配":
		kw.Match = MatchFuzzy
	case "regex", "regexp", "正则", "正则表达式", "正则匹配":
		kw.Match = MatchRegex
	}
	return kw
}

// regexLike finds what only a regular expression would be written with:
// a wildcard with a quantifier, an escaped class or character, a
// character range, a counted repetition, a group option, alternation
// between characters, or an anchor at the start.
var regexLike = regexp.MustCompile(`\.[*+?]|\\[dDwWsSbB.()\[\]|*+?^$]|\[\^|\[[^\]]*[0-9A-Za-z一-龥]-[0-9A-Za-z一-龥][^\]]*\]|[^\s{]\{[0-9]+(,[0-9]*)?\}|\(\?|[^\s|]\|[^\s|]|^\^`)

// LibraryQuery is how a library keyword is searched: a keyword of letters
// and digits only as the word it is, anything else as written, as one
// phrase (see LiteralQuery) — a provider's keyword is text its filter
// looks for, not a query in the workbench's syntax, so OR, a leading -,
// quotes and colons in it are text. A phrase matches with or without
// spaces and punctuation between its words, so fuzzy keywords are
// searched like exact ones. A regular expression is not applied, and a
// keyword written like one, or with nothing to search for, is not
// searched: the error (a *LibraryError) says which.
func LibraryQuery(keyword, match string) (string, error) {
	keyword = strings.TrimSpace(keyword)
	switch {
	case keyword == "":
		return "", &LibraryError{LibraryEmpty}
	case match == MatchRegex:
		return "", &LibraryError{LibraryRegex}
	case regexLike.MatchString(keyword):
		return "", &LibraryError{LibraryRegexLike}
	case len(searchlang.Analyze(keyword)) == 0:
		return "", &LibraryError{LibraryNothing}
	}
	q := keyword
	if keyword == "OR" || strings.IndexFunc(keyword, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) >= 0 {
		q = LiteralQuery(keyword)
	}
	if err := ParseQuery(q); err != nil {
		// LiteralQuery makes phrases that parse; kept for safety.
		return "", fmt.Errorf("keyword %q: %w", keyword, err)
	}
	return q, nil
}

// inLibraryScope reports whether a submission is searched when the
// keyword library is applied: every incident submission, and the
// documents (files with passages) of the other kinds but those of the
// provider's safety testing — its keyword library, question banks and
// test results would match every keyword. The key facts an algorithm
// document yields as a record are counted with its passages.
func inLibraryScope(s workbench.Submission) bool {
	k := workbench.Kind(s.Kind)
	if k == workbench.Incident {
		return true
	}
	return s.Passages > 0 && !slices.Contains(workbench.SafetyKinds, k)
}

// LibraryOptions say how RunKeywordLibrary counts.
type LibraryOptions struct {
	// Workers is how many searches run at once; 0 means one per CPU.
	Workers int
}

// RunKeywordLibrary applies the case's keyword library to its incident
// logs and document passages (see inLibraryScope), in the search index
// as it stands (call SyncIndex first). Every keyword is counted on its
// own, exactly (the bitmap evaluator), and each risk category's keywords
// and the whole library once more together, so that a row hit by several
// keywords counts once in Rows. progress (may be nil) is called as for
// CountQueries, Done and Total counting searches. Cancelling ctx stops
// it with ctx's error and no run. A case without a keyword library gives
// an error wrapping ErrNoKeywordLibrary.
func (a *App) RunKeywordLibrary(ctx context.Context, caseID int64, opts LibraryOptions, progress func(KeywordProgress)) (LibraryRun, error) {
	files, kws, err := a.ReadKeywordLibrary(ctx, caseID)
	if err != nil {
		return LibraryRun{}, err
	}
	subs, err := a.store.ListSubmissions(ctx, caseID)
	if err != nil {
		return LibraryRun{}, err
	}
	run := LibraryRun{CaseID: caseID, Library: files, At: time.Now()}
	scope := map[int64]workbench.Submission{}
	for _, s := range subs {
		if inLibraryScope(s) {
			run.Searched = append(run.Searched, s)
			scope[s.ID] = s
		}
	}
	// The searches: each keyword's query, then each category's and the
	// library's alternatives (one OR query each).
	var lines []KeywordLine
	run.Counts = make([]LibraryCount, len(kws))
	cat := map[string]*RiskHits{}
	catQueries := map[string][]string{}
	var all []string
	seenAll := map[string]bool{}
	for i, kw := range kws {
		c := LibraryCount{LibraryKeyword: kw}
		c.Query, c.Err = LibraryQuery(kw.Keyword, kw.Match)
		run.Counts[i] = c
		key := riskKey(kw)
		h := cat[key]
		if h == nil {
			h = &RiskHits{Risk: kw.Risk}
			if kw.Risk == "" {
				h.Written = kw.RiskWritten
			}
			cat[key] = h
		}
		h.Keywords++
		if c.Err != nil {
			continue
		}
		h.Searched++
		lines = append(lines, KeywordLine{Line: i, Text: c.Query})
		if !slices.Contains(catQueries[key], c.Query) {
			catQueries[key] = append(catQueries[key], c.Query)
		}
		if !seenAll[c.Query] {
			seenAll[c.Query] = true
			all = append(all, c.Query)
		}
	}
	keys := riskOrder(cat)
	catLine := map[string]int{}
	var searchedCats []string
	for _, key := range keys {
		qs := catQueries[key]
		if len(qs) > 0 {
			searchedCats = append(searchedCats, key)
		}
		if len(qs) > 1 {
			catLine[key] = len(lines)
			lines = append(lines, KeywordLine{Line: -1, Text: strings.Join(qs, " OR ")})
		}
	}
	allLine := -1
	if len(searchedCats) > 1 {
		allLine = len(lines)
		lines = append(lines, KeywordLine{Line: -1, Text: strings.Join(all, " OR ")})
	}
	var counts []KeywordCount
	if len(lines) > 0 {
		counts, err = a.CountQueries(ctx, lines, KeywordOptions{CaseID: caseID, Workers: opts.Workers}, progress)
		if err != nil {
			return LibraryRun{}, fmt.Errorf("apply keyword library: %w", err)
		}
	} else if progress != nil {
		progress(KeywordProgress{})
	}
	inScope := func(kc KeywordCount) (total int, kinds, names map[string]int) {
		kinds, names = map[string]int{}, map[string]int{}
		for id, n := range kc.Sub {
			if s, ok := scope[id]; ok && n > 0 {
				total += n
				kinds[s.Kind] += n
				names[s.FileName] += n
			}
		}
		return total, kinds, names
	}
	for j, l := range lines {
		if l.Line < 0 {
			continue
		}
		kc := counts[j]
		if kc.Err != nil {
			// A query that fails to parse was refused by LibraryQuery; a
			// failing search ends CountQueries. Kept for safety.
			run.Counts[l.Line].Err = kc.Err
			continue
		}
		c := &run.Counts[l.Line]
		c.Total, c.Kind, c.File = inScope(kc)
		if c.Total > 0 {
			cat[riskKey(c.LibraryKeyword)].WithHits++
		}
	}
	for _, key := range keys {
		h := cat[key]
		if j, ok := catLine[key]; ok {
			h.Rows, _, _ = inScope(counts[j])
		} else if qs := catQueries[key]; len(qs) == 1 {
			// One query: the rows of its keywords.
			for _, c := range run.Counts {
				if c.Err == nil && riskKey(c.LibraryKeyword) == key {
					h.Rows = c.Total
					break
				}
			}
		}
	}
	switch {
	case allLine >= 0:
		run.Rows, _, _ = inScope(counts[allLine])
	case len(searchedCats) == 1:
		run.Rows = cat[searchedCats[0]].Rows
	}
	// Every risk of the standard has its row, in order.
	for _, r := range workbench.Risks {
		if _, ok := cat[string(r)]; !ok {
			cat[string(r)] = &RiskHits{Risk: r}
		}
	}
	for _, key := range riskOrder(cat) {
		run.Risks = append(run.Risks, *cat[key])
	}
	return run, nil
}

// riskKey is the category a keyword is counted in: its risk's code, "?"
// and the field as written when it names no risk, "" without one.
func riskKey(kw LibraryKeyword) string {
	switch {
	case kw.Risk != "":
		return string(kw.Risk)
	case kw.RiskWritten != "":
		return "?" + kw.RiskWritten
	}
	return ""
}

// riskOrder orders categories: the standard's groups and risks in the
// appendix's order (a group before its risks), then the categories that
// name none by name, then keywords without a category.
func riskOrder(cat map[string]*RiskHits) []string {
	var out []string
	for _, g := range workbench.RiskGroups {
		if _, ok := cat[string(g)]; ok {
			out = append(out, string(g))
		}
		for _, r := range workbench.RisksIn(g) {
			if _, ok := cat[string(r)]; ok {
				out = append(out, string(r))
			}
		}
	}
	var other []string
	for key := range cat {
		if strings.HasPrefix(key, "?") {
			other = append(other, key)
		}
	}
	slices.Sort(other)
	out = append(out, other...)
	if _, ok := cat[""]; ok {
		out = append(out, "")
	}
	return out
}

// Name words a category: "A.1.3 煽动分裂国家、破坏国家统一和社会稳定" in
// Chinese, the code and English name in English; a category the library
// wrote as it stands; keywords without one as such.
func (h RiskHits) Name() workbench.Text {
	switch {
	case h.Risk != "":
		n := h.Risk.Name()
		return workbench.Text{Zh: string(h.Risk) + " " + n.Zh, En: string(h.Risk) + " " + n.En}
	case h.Written != "":
		return workbench.Text{Zh: h.Written + "（不是标准中的风险类别）", En: h.Written + " (not a risk category of the standard)"}
	}
	return workbench.Text{Zh: "未标注风险类别", En: "no risk category given"}
}

// libraryEvidencePrefix begins the target of an evidence link that cites
// a keyword-library run: "kwlib-" and the library submission's id.
const libraryEvidencePrefix = "kwlib-"

// LibraryEvidenceTarget is the evidence target a run of the keyword
// library in submission subID is cited by.
func LibraryEvidenceTarget(subID int64) string {
	return fmt.Sprintf("%s%d", libraryEvidencePrefix, subID)
}

// AddLibraryEvidence cites run as evidence for an item of the case's
// inspection: one link naming the (first) keyword library file, with its
// SHA-256, and quoting the run — when it was made, what was searched, the
// rows caught, and the hits per risk category — in lang (zh, en or both).
// A link from an earlier run for the same item is replaced. The case must
// be open.
func (a *App) AddLibraryEvidence(ctx context.Context, itemID string, run LibraryRun, lang string) (ItemStatus, error) {
	if len(run.Library) == 0 {
		return ItemStatus{}, fmt.Errorf("cite keyword library: case %d: %w", run.CaseID, ErrNoKeywordLibrary)
	}
	c, insp, err := a.inspection(ctx, run.CaseID)
	if err != nil {
		return ItemStatus{}, err
	}
	if c.Status != store.StatusOpen {
		return ItemStatus{}, store.NotOpenError(c.ID, c.Status)
	}
	items, err := a.store.InspectionItems(ctx, run.CaseID)
	if err != nil {
		return ItemStatus{}, err
	}
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = it.ItemID
	}
	if !slices.Contains(ids, itemID) {
		return ItemStatus{}, fieldErr(FieldItem, ProblemFormat, "case %d's checklist (%s) has no item %q; %s",
			run.CaseID, insp.TemplateID, itemID, suggestItems(itemID, ids))
	}
	lib := run.Library[0]
	target := LibraryEvidenceTarget(lib.ID)
	var u store.ItemUpdate
	cited, err := a.store.ItemEvidence(ctx, run.CaseID, itemID)
	if err != nil {
		return ItemStatus{}, err
	}
	if slices.ContainsFunc(cited, func(ev workbench.Evidence) bool { return ev.Target == target }) {
		u.RemoveEvidence = []string{target}
	}
	u.Evidence = []workbench.Evidence{{Ref: target, Target: target, SubmissionID: lib.ID, SHA256: lib.SHA256, FileName: lib.FileName,
		Kind: lib.Kind, Location: "document", Quote: Clip(LibraryQuote(run, lang), MaxQuoteLen)}}
	if err := a.store.UpdateInspectionItem(ctx, run.CaseID, itemID, u); err != nil {
		return ItemStatus{}, err
	}
	return a.itemStatusOf(ctx, run.CaseID, itemID)
}

// LibraryQuote words a run for an evidence link: what was applied to
// what, when, what it caught, and each risk category with keywords.
func LibraryQuote(run LibraryRun, lang string) string {
	zh := libraryQuote(run, true)
	en := libraryQuote(run, false)
	switch lang {
	case workbench.ExportLangZh:
		return zh
	case workbench.ExportLangEn:
		return en
	}
	return zh + "\n\n" + en
}

func libraryQuote(run LibraryRun, zh bool) string {
	n, searched, withHits, regex, unsearchable := run.Summary()
	names := make([]string, len(run.Searched))
	for i, s := range run.Searched {
		names[i] = s.FileName
	}
	if len(names) == 0 {
		names = []string{workbench.Text{Zh: "无（本案没有事件记录或文档）", En: "nothing (the case has no incident log or document)"}.In(zh)}
	}
	at := run.At.Format("2006-01-02 15:04")
	var b strings.Builder
	if zh {
		fmt.Fprintf(&b, "关键词库应用于本案事件记录和文档段落（%s）：共 %d 个关键词，检索 %d 个，其中 %d 个有命中；正则表达式 %d 个未应用，%d 个无法检索。命中 %d 行或段落（每行只计一次）。检索范围：%s。",
			at, n, searched, withHits, regex, unsearchable, run.Rows, strings.Join(names, "、"))
	} else {
		fmt.Fprintf(&b, "Keyword library applied to the case's incident logs and document passages (%s): %d keywords, %d searched, %d of them with hits; %d regular expressions not applied, %d could not be searched. %d rows or passages hit (each counted once). Searched: %s.",
			at, n, searched, withHits, regex, unsearchable, run.Rows, strings.Join(names, ", "))
	}
	for _, h := range run.Risks {
		if h.Keywords == 0 {
			continue
		}
		b.WriteString("\n")
		if zh {
			fmt.Fprintf(&b, "%s：%d 个关键词，%d 个有命中，命中 %d 行", h.Name().Zh, h.Keywords, h.WithHits, h.Rows)
		} else {
			fmt.Fprintf(&b, "%s: %d keywords, %d with hits, %d rows hit", h.Name().En, h.Keywords, h.WithHits, h.Rows)
		}
	}
	return b.String()
}
