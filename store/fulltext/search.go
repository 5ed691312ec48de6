package fulltext

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"fmt"
	"html"
	"log/slog"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inspection-workbench/workbench/store"
	"github.com/inspection-workbench/workbench/store/searchlang"
)

// QueryFields are the fields a query can filter on with name:value.
var QueryFields = map[string]searchlang.FieldKind{
	fieldKind:  searchlang.FieldKeyword,
	fieldFile:  searchlang.FieldKeyword,
	fieldLabel: searchlang.FieldKeyword,
	fieldFound: searchlang.FieldDate,
}

// ParseQuery parses q in the workbench's query syntax (see package
// searchlang); a malformed query gives a *workbench.SyntaxError.
func ParseQuery(q string) (searchlang.Query, error) {
	return searchlang.Parse(q, searchlang.Options{Fields: QueryFields, Location: time.UTC, Values: queryValues})
}

// queryValues check kind: and label: values against the vocabulary: a
// kind or label may be written by its code or its name in either
// language; anything else is refused with the valid codes listed.
var queryValues = map[string]func(string) (string, []string, bool){
	fieldKind: func(v string) (string, []string, bool) {
		k, err := workbench.ParseKind(v)
		return string(k), workbench.Strings(workbench.Kinds), err == nil
	},
	fieldLabel: func(v string) (string, []string, bool) {
		l, err := workbench.ParseLabel(v)
		return string(l), workbench.Strings(workbench.Labels), err == nil
	},
}

// Place is where a hit stands in its file (see [workbench.Place]).
type Place = workbench.Place

// subFacetSize bounds the submission facet from which the kind and file
// facets are summed (bleve's path only).
const subFacetSize = 100000

// phraseBudget is how long a search checks phrase positions before it
// returns its page; the exact counts then follow (SearchResult.Pending).
var phraseBudget = 5 * time.Millisecond

// rankBudget bounds what ranking by relevance may cost when the request
// leaves the order open. bleve scores every match and checks phrase
// positions for every candidate; measured at 200,000 rows (CPU time, 2
// cores): about 1 µs a match (赌博 推广: 7.2 ms for 5,700) and 3 µs a
// phrase candidate (生成内容含赌博推广信息: 83 ms). A search that would
// cost more is shown in file order.
var rankBudget = 8 * time.Millisecond

// rankCost estimates what bleve takes to rank matches with phraseCands
// phrase candidates, when its conjunctions step through andPostings
// postings of their terms: about 25 ns each, measured on the second
// generated log at 1M rows (`CVE-2025 SSRF`, 40 matches: ~12 ms in
// bleve's conjunction over the ~500,000 postings of "2025").
func rankCost(matches, phraseCands, andPostings int) time.Duration {
	return time.Duration(matches)*time.Microsecond + time.Duration(phraseCands)*3*time.Microsecond +
		time.Duration(andPostings)*25*time.Nanosecond
}

// pageLimit is the page size req asks for, within bounds.
func pageLimit(req workbench.SearchRequest) int {
	limit := req.Limit
	if limit <= 0 {
		limit = 20
	}
	if limit > 1000 {
		limit = 1000
	}
	if req.CountOnly {
		limit = 0
	}
	return limit
}

// searchQuery is the bleve query for pq with req's filters.
func (x *Index) searchQuery(pq searchlang.Query, req workbench.SearchRequest) (query.Query, error) {
	q, err := x.bleveQuery(pq)
	if err != nil {
		return nil, err
	}
	filters := []query.Query{q}
	for _, f := range requestFilters(req) {
		if f[1] == "" {
			continue
		}
		tq := query.NewTermQuery(f[1])
		tq.SetField(f[0])
		filters = append(filters, tq)
	}
	if len(filters) > 1 {
		q = query.NewConjunctionQuery(filters)
	}
	return q, nil
}

// bleveQuery converts pq into a bleve query over this index's fields, as
// [searchlang.Query.Bleve] does, except for words and phrases: the text
// field holds one term per position, the longest n-gram there (see
// appendGrams), so a short CJK term is searched as a prefix of the terms
// of the dictionary, and in a phrase as the alternatives of a
// multi-phrase, expanded from the index's dictionary (textNode is the
// bitmap evaluator's counterpart).
func (x *Index) bleveQuery(pq searchlang.Query) (query.Query, error) {
	return pq.BleveWith(func(t searchlang.Term) (query.Query, error) {
		if t.Kind == searchlang.TermWord || t.Kind == searchlang.TermPhrase {
			return x.textQuery(t)
		}
		return t.Bleve(fieldText)
	})
}

// textQuery is the bleve query for a word or phrase (see bleveQuery).
func (x *Index) textQuery(t searchlang.Term) (query.Query, error) {
	terms, anyOrder := searchlang.TextTerms(t)
	one := func(term string) query.Query {
		if prefixTerm(term) {
			pq := query.NewPrefixQuery(term)
			pq.SetField(fieldText)
			return pq
		}
		tq := query.NewTermQuery(term)
		tq.SetField(fieldText)
		return tq
	}
	switch {
	case len(terms) == 0:
		return query.NewMatchNoneQuery(), nil // only punctuation
	case len(terms) == 1:
		return one(terms[0]), nil
	case anyOrder:
		conj := make([]query.Query, 0, len(terms))
		for _, term := range terms {
			if term != "" {
				conj = append(conj, one(term))
			}
		}
		return query.NewConjunctionQuery(conj), nil
	}
	multi := false
	alts := make([][]string, len(terms))
	for i, term := range terms {
		if !prefixTerm(term) {
			alts[i] = []string{term}
			continue
		}
		dict, err := x.idx.FieldDictPrefix(fieldText, []byte(term))
		if err != nil {
			return nil, fmt.Errorf("read the terms beginning with %q: %w", term, err)
		}
		for {
			de, err := dict.Next()
			if err != nil {
				_ = dict.Close()
				return nil, fmt.Errorf("read the terms beginning with %q: %w", term, err)
			}
			if de == nil {
				break
			}
			alts[i] = append(alts[i], de.Term)
		}
		_ = dict.Close()
		if len(alts[i]) == 0 {
			return query.NewMatchNoneQuery(), nil
		}
		multi = true
	}
	if !multi {
		return query.NewPhraseQuery(terms, fieldText), nil
	}
	return query.NewMultiPhraseQuery(alts, fieldText), nil
}

// requestFilters are the field, value pairs req narrows the search to
// (empty values narrow nothing).
func requestFilters(req workbench.SearchRequest) [][2]string {
	c := ""
	if req.CaseID != 0 {
		c = strconv.FormatInt(req.CaseID, 10)
	}
	return [][2]string{{fieldCase, c}, {fieldKind, req.Kind}, {fieldFile, req.File}, {fieldLabel, req.Label}}
}

// Search runs req. A malformed query gives an error wrapping a
// *workbench.SyntaxError.
//
// Totals and facets are exact, computed from the posting bitmaps of one
// index snapshot. The page is ranked by relevance when req.Sort asks for
// it, or when it is left open and the matches are few enough to rank
// quickly (rankBudget); otherwise it is in file order. When checking phrase
// positions takes longer than phraseBudget, the page is returned first
// with Counting set, and Pending delivers the exact counts (computed
// under ctx) when ready. Whatever the bitmap evaluator cannot read falls
// back to bleve's own search (logged at debug level).
func (x *Index) Search(ctx context.Context, req workbench.SearchRequest) (workbench.SearchResult, error) {
	start := time.Now()
	x.swap.RLock()
	handedOff := false
	defer func() {
		if !handedOff {
			x.swap.RUnlock()
		}
	}()
	if x.closed {
		return workbench.SearchResult{}, errors.New("search: the search index is closed")
	}
	switch req.Sort {
	case "", workbench.OrderRelevance, workbench.OrderFile:
	default:
		return workbench.SearchResult{}, fmt.Errorf("search: unknown order %q (want %s or %s)", req.Sort, workbench.OrderRelevance, workbench.OrderFile)
	}
	pq, err := ParseQuery(req.Query)
	if err != nil {
		return workbench.SearchResult{}, err
	}
	// bleve's query, made only when bleve searches: for a phrase with a
	// short Chinese word it reads the dictionary's terms the word begins.
	bq := sync.OnceValues(func() (query.Query, error) { return x.searchQuery(pq, req) })
	out, err := x.searchBits(ctx, req, pq, bq, start, func() { handedOff = true })
	if errors.Is(err, errUnsupported) {
		slog.Debug("search: the bitmap evaluator cannot run this query; using bleve's search", "query", req.Query, "reason", err)
		q, err := bq()
		if err != nil {
			return workbench.SearchResult{}, err
		}
		return x.searchBleve(ctx, req, pq, q, start)
	}
	return out, err
}

// snapshot returns the index's current scorch snapshot; the caller closes
// it.
func (x *Index) snapshot() (*scorch.IndexSnapshot, error) {
	sc, ok := x.advanced()
	if !ok {
		return nil, fmt.Errorf("%w: not a scorch index", errUnsupported)
	}
	r, err := sc.Reader()
	if err != nil {
		return nil, fmt.Errorf("search: open index snapshot: %w", err)
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		_ = r.Close()
		return nil, fmt.Errorf("%w: reader is a %T", errUnsupported, r)
	}
	return snap, nil
}

// searchBits runs req with the bitmap evaluator; bq gives bleve's query
// when the page is ranked by relevance. When the counts come after the
// page, it calls handOff before starting the goroutine that computes
// them, which then releases x.swap's read lock.
func (x *Index) searchBits(ctx context.Context, req workbench.SearchRequest, pq searchlang.Query, bq func() (query.Query, error), start time.Time, handOff func()) (workbench.SearchResult, error) {
	n, err := compile(pq, requestFilters(req)...)
	if err != nil {
		return workbench.SearchResult{}, err
	}
	snap, err := x.snapshot()
	if err != nil {
		return workbench.SearchResult{}, err
	}
	closeSnap := true
	defer func() {
		if closeSnap {
			_ = snap.Close()
		}
	}()
	e := newEvaluator(ctx, snap, &x.bits)
	limit := pageLimit(req)
	if limit > 0 {
		e.deadline = start.Add(phraseBudget)
	}
	res, err := e.eval(n)
	if err != nil {
		return workbench.SearchResult{}, err
	}
	out := workbench.SearchResult{Hits: []workbench.SearchHit{}}
	if limit > 0 {
		lower, upper := bounds(res)
		out.Order = req.Sort
		if out.Order == "" {
			out.Order = workbench.OrderFile
			if rankCost(upper, e.phraseCands, e.andPostings) <= rankBudget {
				out.Order = workbench.OrderRelevance
			}
		}
		var ids []string
		scores := map[string]float64{}
		if out.Order == workbench.OrderRelevance {
			if lower != upper {
				e.deadline = time.Time{} // bleve checks every phrase anyway
				if res, err = e.eval(n); err != nil {
					return workbench.SearchResult{}, err
				}
			}
			q, err := bq()
			if err != nil {
				return workbench.SearchResult{}, err
			}
			sr := bleve.NewSearchRequestOptions(q, limit, max(req.Offset, 0), false)
			br, err := x.idx.SearchInContext(ctx, sr)
			if err != nil {
				return workbench.SearchResult{}, fmt.Errorf("search %q: %w", req.Query, err)
			}
			for _, h := range br.Hits {
				ids = append(ids, h.ID)
				scores[h.ID] = h.Score
			}
		} else if ids, res, err = e.fileOrderPage(n, res, max(req.Offset, 0), limit); err != nil {
			return workbench.SearchResult{}, err
		}
		if out.Hits, err = x.page(ctx, pq, ids, scores); err != nil {
			return workbench.SearchResult{}, err
		}
	}
	lower, upper := bounds(res)
	if lower == upper {
		c, err := x.countsOf(ctx, e, res, !req.NoFacets)
		if err != nil {
			return workbench.SearchResult{}, err
		}
		out.Total, out.Facets = c.Total, c.Facets
		out.Took = time.Since(start)
		return out, nil
	}
	// The page is ready, the counts are not: what is confirmed so far now,
	// the rest from a goroutine that owns the snapshot and the read lock.
	c, err := x.countsOf(ctx, e, res, !req.NoFacets)
	if err != nil {
		return workbench.SearchResult{}, err
	}
	out.Total, out.Facets = max(c.Total, max(req.Offset, 0)+len(out.Hits)), c.Facets
	pending, deliver := workbench.NewPendingCounts()
	out.Counting, out.Pending = true, pending
	closeSnap = false
	handOff()
	go func() {
		defer x.swap.RUnlock()
		defer snap.Close()
		e.deadline = time.Time{}
		res, err := e.eval(n)
		if err != nil {
			deliver(workbench.SearchCounts{}, err)
			return
		}
		deliver(x.countsOf(ctx, e, res, !req.NoFacets))
	}()
	out.Took = time.Since(start)
	return out, nil
}

// bounds sums the known and the possible matches.
func bounds(res []lh) (lower, upper int) {
	for _, r := range res {
		lower += int(r.lo.GetCardinality())
		if r.exact() {
			upper += int(r.lo.GetCardinality())
		} else {
			upper += int(r.hi.GetCardinality())
		}
	}
	return lower, upper
}

// countsOf is the total of the known matches and, when facets is set,
// their facets.
func (x *Index) countsOf(ctx context.Context, e *evaluator, res []lh, facets bool) (workbench.SearchCounts, error) {
	total, bySub, err := e.counts(res, facets)
	if err != nil {
		return workbench.SearchCounts{}, err
	}
	c := workbench.SearchCounts{Total: total, Facets: workbench.Facets{Kind: map[string]int{}, File: map[string]int{}}}
	if !facets {
		return c, nil
	}
	c.Facets.Label, c.Facets.Sub = map[string]int{}, map[int64]int{}
	for id, n := range bySub {
		sub, err := x.st.GetSubmission(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue // deleted since the index last caught up
		}
		if err != nil {
			return workbench.SearchCounts{}, fmt.Errorf("search: %w", err)
		}
		c.Facets.Kind[sub.Kind] += n
		c.Facets.File[sub.FileName] += n
		c.Facets.Label[sub.Label] += n
		c.Facets.Sub[id] += n
	}
	return c, nil
}

// page reads the hits ids back from SQLite with their snippets, the
// words and phrases of pq marked; scores gives their relevance, when
// ranked.
func (x *Index) page(ctx context.Context, pq searchlang.Query, ids []string, scores map[string]float64) ([]workbench.SearchHit, error) {
	hits := []workbench.SearchHit{}
	for _, id := range ids {
		hit, err := x.resolve(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			// Deleted since the index last caught up; the next Sync drops it.
			continue
		}
		if err != nil {
			return nil, err
		}
		hit.Score = scores[id]
		hit.Segments = snippet(hit.text, spansOf(hit.text, pq), snippetRunes)
		hit.Snippet = markup(hit.Segments)
		hits = append(hits, hit.SearchHit)
	}
	return hits, nil
}

// searchBleve runs req entirely with bleve: a ranked page, its total and
// a facet over the submission field. It is the fallback of the bitmap
// evaluator and the reference its tests compare it with.
func (x *Index) searchBleve(ctx context.Context, req workbench.SearchRequest, pq searchlang.Query, q query.Query, start time.Time) (workbench.SearchResult, error) {
	limit := pageLimit(req)
	sr := bleve.NewSearchRequestOptions(q, limit, max(req.Offset, 0), false)
	if !req.NoFacets {
		// One facet over the submission (kind and file follow from it)
		// costs half of two.
		sr.AddFacet(fieldSub, bleve.NewFacetRequest(fieldSub, subFacetSize))
	}
	res, err := x.idx.SearchInContext(ctx, sr)
	if err != nil {
		return workbench.SearchResult{}, fmt.Errorf("search %q: %w", req.Query, err)
	}
	out := workbench.SearchResult{Total: int(res.Total), Facets: workbench.Facets{Kind: map[string]int{}, File: map[string]int{}}}
	if limit > 0 {
		out.Order = workbench.OrderRelevance
	}
	if fr, ok := res.Facets[fieldSub]; ok && fr.Terms != nil {
		out.Facets.Label, out.Facets.Sub = map[string]int{}, map[int64]int{}
		for _, t := range fr.Terms.Terms() {
			id, err := strconv.ParseInt(t.Term, 10, 64)
			if err != nil {
				continue
			}
			sub, err := x.st.GetSubmission(ctx, id)
			if errors.Is(err, store.ErrNotFound) {
				continue // deleted since the index last caught up
			}
			if err != nil {
				return workbench.SearchResult{}, fmt.Errorf("search: %w", err)
			}
			out.Facets.Kind[sub.Kind] += t.Count
			out.Facets.File[sub.FileName] += t.Count
			out.Facets.Label[sub.Label] += t.Count
			out.Facets.Sub[id] += t.Count
		}
	}
	ids := make([]string, len(res.Hits))
	scores := make(map[string]float64, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
		scores[h.ID] = h.Score
	}
	if out.Hits, err = x.page(ctx, pq, ids, scores); err != nil {
		return workbench.SearchResult{}, err
	}
	out.Took = time.Since(start)
	return out, nil
}

// resolved is a hit with the text it was found in.
type resolved struct {
	workbench.SearchHit
	text string
}

// resolve reads a hit's record or passage back from SQLite.
func (x *Index) resolve(ctx context.Context, id string) (resolved, error) {
	var h resolved
	h.ID = id
	passage, n, ok := ParseHitID(id)
	switch {
	case !ok:
		return h, fmt.Errorf("search: bad document id %q", id)
	case !passage:
		r, sub, err := x.st.Record(ctx, n)
		if err != nil {
			return h, err
		}
		text, _, err := x.opts.RecordText(sub.Kind, r)
		if err != nil {
			return h, fmt.Errorf("search: record %d: %w", n, err)
		}
		h.fromSub(sub)
		h.text, h.Ref = text, r.Ref
		h.Place = RecordPlace(sub.Format, r.Sheet, r.Row)
	default:
		p, sub, err := x.st.Passage(ctx, n)
		if err != nil {
			return h, err
		}
		h.fromSub(sub)
		h.text = p.Text
		h.Place = PassagePlace(p)
	}
	h.Location = h.Place.String()
	return h, nil
}

func (h *resolved) fromSub(sub workbench.Submission) {
	h.Kind, h.File, h.CaseID, h.SubID, h.Label = sub.Kind, sub.FileName, sub.CaseID, sub.ID, sub.Label
}

// RecordPlace is where a record of a file of the given format stands:
// its sheet and row for a spreadsheet, its line for CSV or text, its
// record number for JSON.
func RecordPlace(format, sheet string, row int) Place {
	unit := "line"
	switch {
	case sheet != "" || format == "xlsx":
		unit = "row"
	case format == "json" || format == "jsonl":
		unit = "record"
	}
	return Place{Sheet: sheet, Row: row, RowUnit: unit}
}

// spansOf analyses text as the index did, with every n-gram at each
// position and its offsets, and returns where the words and phrases of pq
// that are not excluded occur in it (see mergeSpans): every occurrence of
// a word, the occurrences of a phrase's terms where they stand as the
// phrase. The index keeps positions only, so this is how hits are
// highlighted; it marks what bleve's term locations marked.
func spansOf(text string, pq searchlang.Query) [][2]int {
	var toks analysis.TokenStream
	type at struct {
		pos  int
		term string
	}
	var byAt map[at]*analysis.Token
	var out [][2]int
	mark := func(tok *analysis.Token) { out = append(out, [2]int{tok.Start, tok.End}) }
	for _, c := range pq.Clauses {
		if c.Exclude {
			continue
		}
		for _, t := range c.Any {
			if t.Kind != searchlang.TermWord && t.Kind != searchlang.TermPhrase {
				continue
			}
			terms, anyOrder := searchlang.TextTerms(t)
			if len(terms) == 0 {
				continue
			}
			if toks == nil {
				toks = searchlang.NewAnalyzer().Analyze([]byte(text))
				byAt = make(map[at]*analysis.Token, len(toks))
				for _, tok := range toks {
					byAt[at{tok.Position, string(tok.Term)}] = tok
				}
			}
			if len(terms) == 1 || anyOrder {
				for _, tok := range toks {
					if slices.Contains(terms, string(tok.Term)) {
						mark(tok)
					}
				}
				continue
			}
		phrase:
			for _, tok := range toks {
				if string(tok.Term) != terms[0] {
					continue
				}
				for i, term := range terms[1:] {
					if term != "" && byAt[at{tok.Position + 1 + i, term}] == nil {
						continue phrase
					}
				}
				for i, term := range terms {
					if term != "" {
						mark(byAt[at{tok.Position + i, term}])
					}
				}
			}
		}
	}
	return mergeSpans(out)
}

// mergeSpans sorts byte ranges and merges those that overlap or touch:
// the overlapping n-grams of a Chinese match become one range covering
// the whole match.
func mergeSpans(out [][2]int) [][2]int {
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s[0] <= merged[n-1][1] {
			if s[1] > merged[n-1][1] {
				merged[n-1][1] = s[1]
			}
			continue
		}
		merged = append(merged, s)
	}
	if len(merged) == 0 {
		return nil
	}
	return merged
}

// snippetRunes is roughly how many characters a snippet shows.
const snippetRunes = 120

// snippet cuts a window of about width characters around the first match
// (or the start of the text), with "…" where text was cut and line breaks
// shown as " / ".
func snippet(text string, marks [][2]int, width int) []workbench.Segment {
	// Choose the window in bytes, on rune boundaries.
	from, to := 0, len(text)
	if utf8.RuneCountInString(text) > width {
		anchor := 0
		if len(marks) > 0 {
			anchor = marks[0][0]
		}
		from = backRunes(text, anchor, width/4)
		to = fwdRunes(text, from, width)
	}
	var segs []workbench.Segment
	add := func(s string, mark bool) {
		if s == "" {
			return
		}
		s = strings.ReplaceAll(s, "\r\n", " / ")
		s = strings.ReplaceAll(s, "\n", " / ")
		segs = append(segs, workbench.Segment{Text: s, Mark: mark})
	}
	if from > 0 {
		add("…", false)
	}
	pos := from
	for _, m := range marks {
		s, e := max(m[0], from), min(m[1], to)
		if s >= e || s < pos {
			continue
		}
		add(text[pos:s], false)
		add(text[s:e], true)
		pos = e
	}
	add(text[pos:to], false)
	if to < len(text) {
		add("…", false)
	}
	return segs
}

func backRunes(s string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

func fwdRunes(s string, i, n int) int {
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// markup writes segments as HTML-escaped text with <mark> around matches.
func markup(segs []workbench.Segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Mark {
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(s.Text))
			b.WriteString("</mark>")
		} else {
			b.WriteString(html.EscapeString(s.Text))
		}
	}
	return b.String()
}
