package fulltext

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"fmt"
	"html"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
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
// facets are summed.
const subFacetSize = 100000

// Search runs req. A malformed query gives an error wrapping a
// *workbench.SyntaxError.
func (x *Index) Search(ctx context.Context, req workbench.SearchRequest) (workbench.SearchResult, error) {
	start := time.Now()
	x.swap.RLock()
	defer x.swap.RUnlock()
	if x.closed {
		return workbench.SearchResult{}, errors.New("search: the search index is closed")
	}
	pq, err := ParseQuery(req.Query)
	if err != nil {
		return workbench.SearchResult{}, err
	}
	q, err := pq.Bleve(fieldText)
	if err != nil {
		return workbench.SearchResult{}, err
	}
	filters := []query.Query{q}
	addTerm := func(field, value string) {
		if value == "" {
			return
		}
		tq := query.NewTermQuery(value)
		tq.SetField(field)
		filters = append(filters, tq)
	}
	if req.CaseID != 0 {
		addTerm(fieldCase, strconv.FormatInt(req.CaseID, 10))
	}
	addTerm(fieldKind, req.Kind)
	addTerm(fieldFile, req.File)
	addTerm(fieldLabel, req.Label)
	if len(filters) > 1 {
		q = query.NewConjunctionQuery(filters)
	}
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
	out := workbench.SearchResult{Total: int(res.Total), Hits: []workbench.SearchHit{}, Facets: workbench.Facets{Kind: map[string]int{}, File: map[string]int{}}}
	if fr, ok := res.Facets[fieldSub]; ok && fr.Terms != nil {
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
		}
	}
	// Term locations only for the page shown: asking for them in the main
	// search would read them for every match.
	locs, err := x.locations(ctx, q, res.Hits)
	if err != nil {
		return workbench.SearchResult{}, err
	}
	for _, h := range res.Hits {
		hit, err := x.resolve(ctx, h.ID)
		if errors.Is(err, store.ErrNotFound) {
			// Deleted since the index last caught up; the next Sync drops it.
			continue
		}
		if err != nil {
			return workbench.SearchResult{}, err
		}
		hit.Score = h.Score
		hit.Segments = snippet(hit.text, spans(locs[h.ID]), snippetRunes)
		hit.Snippet = markup(hit.Segments)
		out.Hits = append(out.Hits, hit.SearchHit)
	}
	out.Took = time.Since(start)
	return out, nil
}

// locations runs q again restricted to the hits' ids, with term
// locations, and returns them per id.
func (x *Index) locations(ctx context.Context, q query.Query, hits search.DocumentMatchCollection) (map[string]search.TermLocationMap, error) {
	out := make(map[string]search.TermLocationMap, len(hits))
	if len(hits) == 0 {
		return out, nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	sr := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{query.NewDocIDQuery(ids), q}), len(ids), 0, false)
	sr.IncludeLocations = true
	sr.Score = "none"
	res, err := x.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: highlight: %w", err)
	}
	for _, h := range res.Hits {
		out[h.ID] = h.Locations[fieldText]
	}
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

// spans turns term locations into sorted, merged byte ranges: the
// overlapping unigrams and bigrams of a Chinese match become one range
// covering the whole matched term.
func spans(tl search.TermLocationMap) [][2]int {
	var out [][2]int
	for _, locs := range tl {
		for _, l := range locs {
			out = append(out, [2]int{int(l.Start), int(l.End)})
		}
	}
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
