package fulltext

// The bitmap evaluator: a query in the workbench's syntax computed from the
// posting bitmaps of one scorch index snapshot, so totals and facets are
// exact without scoring or visiting every match (issue #15).
//
// It reads bleve's internals — scorch's IndexSnapshot and its segments,
// each segment's term dictionary, postings lists and their roaring
// bitmaps (segment.OptimizablePostingsIterator) — which is why go.mod pins
// bleve's version (see docs/search-internals.md). What it cannot read
// makes Search fall back to bleve's own search.

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"

	"github.com/inspection-workbench/workbench/store/searchlang"
)

// errUnsupported marks what the evaluator cannot do; the search then
// falls back to bleve.
var errUnsupported = errors.New("bitmap evaluator: unsupported")

// nodeKind is what a node of a compiled query computes.
type nodeKind uint8

const (
	nNone   nodeKind = iota // matches nothing
	nTerm                   // documents holding term in field
	nAll                    // every kid matches (AND)
	nAny                    // some kid matches (OR)
	nPhrase                 // the terms at their relative positions in the text
	nRange                  // a term of field in [from, to)
	nQuery                  // every kid matches and no neg does
)

// node is a compiled query.
type node struct {
	kind   nodeKind
	field  string
	term   string   // nTerm
	terms  []string // nPhrase, by position; "" is a gap
	from   string   // nRange, inclusive; "" is open
	to     string   // nRange, exclusive; "" is open
	kids   []*node
	neg    []*node // nQuery: the excluded clauses
	phrase string  // nPhrase: the cache key of its terms
}

// compile turns a parsed query and the request's filters (field, value
// pairs; empty values are left out) into a node, matching exactly what
// [searchlang.Query.Bleve] and Search's filters match.
func compile(q searchlang.Query, filters ...[2]string) (*node, error) {
	root := &node{kind: nQuery}
	for ci, c := range q.Clauses {
		if len(c.Any) == 0 {
			return nil, fmt.Errorf("search: clause %d has no terms", ci+1)
		}
		alts := make([]*node, len(c.Any))
		for i, t := range c.Any {
			n, err := compileTerm(t)
			if err != nil {
				return nil, err
			}
			alts[i] = n
		}
		n := alts[0]
		if len(alts) > 1 {
			n = &node{kind: nAny, kids: alts}
		}
		if c.Exclude {
			root.neg = append(root.neg, n)
		} else {
			root.kids = append(root.kids, n)
		}
	}
	if len(root.kids) == 0 {
		return nil, errors.New("search: nothing to search for (no clause that is not an exclusion)")
	}
	for _, f := range filters {
		if f[1] != "" {
			root.kids = append(root.kids, &node{kind: nTerm, field: f[0], term: f[1]})
		}
	}
	return root, nil
}

func compileTerm(t searchlang.Term) (*node, error) {
	switch t.Kind {
	case searchlang.TermWord, searchlang.TermPhrase:
		terms, anyOrder := searchlang.TextTerms(t)
		switch {
		case len(terms) == 0:
			return &node{kind: nNone}, nil
		case len(terms) == 1:
			return textNode(terms[0]), nil
		case anyOrder:
			n := &node{kind: nAll}
			for _, term := range terms {
				if term != "" {
					n.kids = append(n.kids, textNode(term))
				}
			}
			return n, nil
		}
		return &node{kind: nPhrase, field: fieldText, terms: terms, phrase: strings.Join(terms, "\x00")}, nil
	case searchlang.TermKeyword:
		if t.Field == "" {
			return nil, fmt.Errorf("search: keyword term %q has no field", t.Text)
		}
		return &node{kind: nTerm, field: t.Field, term: t.Text}, nil
	case searchlang.TermDate:
		if t.Field == "" || t.From.IsZero() && t.To.IsZero() {
			return nil, fmt.Errorf("search: date term %q has no field or no end", t.Text)
		}
		n := &node{kind: nRange, field: t.Field}
		if !t.From.IsZero() {
			n.from = searchlang.DayTerm(t.From)
		}
		if !t.To.IsZero() {
			// bleve's inclusive term range ends before the last day's term
			// followed by \x01 (see searcher.NewTermRangeSearcher).
			n.to = searchlang.DayTerm(t.To.AddDate(0, 0, -1)) + "\x01"
		}
		return n, nil
	}
	return nil, fmt.Errorf("%w: term kind %d", errUnsupported, int(t.Kind))
}

// textNode finds the documents holding an analysed term of the query
// language ([searchlang.TextTerms]) in the text field. The field holds one
// term per position, the longest the tokenizer has there (see
// appendGrams), so a CJK term shorter than searchlang.MaxGram is the
// union of the dictionary's terms it is a prefix of; a full-length n-gram
// or a Latin word is itself.
func textNode(term string) *node {
	if prefixTerm(term) {
		return &node{kind: nRange, field: fieldText, from: term, to: prefixEnd(term)}
	}
	return &node{kind: nTerm, field: fieldText, term: term}
}

// prefixTerm reports whether term, an analysed term of the text, stands
// for every indexed term that begins with it: a CJK n-gram shorter than
// searchlang.MaxGram (the tokenizer never puts CJK characters and others
// in one term).
func prefixTerm(term string) bool {
	r, _ := utf8.DecodeRuneInString(term)
	cjk := unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r == 'ー' || r == '々' || r == '〆'
	return cjk && utf8.RuneCountInString(term) < searchlang.MaxGram
}

// prefixEnd is the first string after every string that begins with p.
func prefixEnd(p string) string {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xFF {
			b[i]++
			return string(b[:i+1])
		}
	}
	return "" // all 0xFF: open ended
}

// lh is a node's result in one segment: lo holds the documents known to
// match, hi those that may; they are the same bitmap when the result is
// exact. Both are shared and never modified.
type lh struct{ lo, hi *roaring.Bitmap }

func (r lh) exact() bool { return r.lo == r.hi }

func exact(b *roaring.Bitmap) lh { return lh{b, b} }

var empty = roaring.New()

// evaluator computes nodes over the segments of one snapshot.
type evaluator struct {
	snap  *scorch.IndexSnapshot
	segs  []*scorch.SegmentSnapshot
	cache *bitCache
	// deadline, when set, bounds the time spent checking phrase positions:
	// after it phrases give lo/hi bounds instead of exact results.
	deadline time.Time
	partial  map[cacheKey]*phraseWork
	ctx      context.Context
	// phraseCands counts the phrase candidates of the last eval (what
	// bleve would check positions for, were it to rank the matches).
	phraseCands int
	// andPostings counts the postings of the text terms ANDed with others
	// in the last eval: bleve's conjunction steps through them (reading
	// each one's frequency) to reach the documents they share.
	andPostings int
}

// newEvaluator reads the snapshot's segments. The caller owns snap (and
// closes it after the evaluator's last use).
func newEvaluator(ctx context.Context, snap *scorch.IndexSnapshot, cache *bitCache) *evaluator {
	e := &evaluator{snap: snap, segs: snap.Segments(), cache: cache, partial: map[cacheKey]*phraseWork{}, ctx: ctx}
	ids := make([]uint64, len(e.segs))
	for i, s := range e.segs {
		ids[i] = s.Id()
	}
	cache.keepSegments(ids)
	return e
}

// eval computes n in every segment, the deleted documents removed.
func (e *evaluator) eval(n *node) ([]lh, error) {
	e.phraseCands, e.andPostings = 0, 0
	out := make([]lh, len(e.segs))
	for si, s := range e.segs {
		r, err := e.evalSeg(n, si)
		if err != nil {
			return nil, err
		}
		if del := s.Deleted(); del != nil && !del.IsEmpty() {
			lo := roaring.AndNot(r.lo, del)
			hi := lo
			if !r.exact() {
				hi = roaring.AndNot(r.hi, del)
			}
			r = lh{lo, hi}
		}
		out[si] = r
	}
	return out, nil
}

func (e *evaluator) evalSeg(n *node, si int) (lh, error) {
	switch n.kind {
	case nNone:
		return exact(empty), nil
	case nTerm:
		b, err := e.postings(si, n.field, n.term)
		return exact(b), err
	case nRange:
		b, err := e.rangeBits(si, n.field, n.from, n.to)
		return exact(b), err
	case nPhrase:
		return e.phrase(si, n)
	case nAll:
		return e.all(n.kids, si)
	case nAny:
		rs := make([]lh, len(n.kids))
		for i, k := range n.kids {
			r, err := e.evalSeg(k, si)
			if err != nil {
				return lh{}, err
			}
			rs[i] = r
		}
		return combine(rs, roaring.FastOr), nil
	case nQuery:
		pos, err := e.all(n.kids, si)
		if err != nil || len(n.neg) == 0 {
			return pos, err
		}
		neg, err := e.evalSeg(&node{kind: nAny, kids: n.neg}, si)
		if err != nil {
			return lh{}, err
		}
		if neg.hi.IsEmpty() {
			return pos, nil
		}
		lo := roaring.AndNot(pos.lo, neg.hi)
		if pos.exact() && neg.exact() {
			return exact(lo), nil
		}
		return lh{lo, roaring.AndNot(pos.hi, neg.lo)}, nil
	}
	return lh{}, fmt.Errorf("%w: node kind %d", errUnsupported, n.kind)
}

// all is the AND of kids in segment si. The phrases among them come last
// and are checked only where the other kids may match when that is
// fewer than half their candidates: `CVE-2025 SSRF` checks the positions
// of "cve 2025" in the documents holding "ssrf" (tens), not in every
// document holding both "cve" and the year (thousands).
func (e *evaluator) all(kids []*node, si int) (lh, error) {
	rs := make([]lh, 0, len(kids))
	var phrases []*node
	for _, k := range kids {
		if k.kind == nPhrase {
			phrases = append(phrases, k)
			continue
		}
		r, err := e.evalSeg(k, si)
		if err != nil {
			return lh{}, err
		}
		if len(kids) > 1 && k.field == fieldText && (k.kind == nTerm || k.kind == nRange) {
			e.andPostings += int(r.lo.GetCardinality())
		}
		rs = append(rs, r)
	}
	for _, k := range phrases {
		var within *roaring.Bitmap
		if len(rs) > 0 {
			within = combine(rs, roaring.FastAnd).hi
		}
		r, err := e.phraseWithin(si, k, within)
		if err != nil {
			return lh{}, err
		}
		rs = append(rs, r)
	}
	return combine(rs, roaring.FastAnd), nil
}

// combine applies op (FastAnd or FastOr) to the lo and the hi bitmaps.
func combine(rs []lh, op func(...*roaring.Bitmap) *roaring.Bitmap) lh {
	if len(rs) == 1 {
		return rs[0]
	}
	los := make([]*roaring.Bitmap, len(rs))
	his := make([]*roaring.Bitmap, len(rs))
	isExact := true
	for i, r := range rs {
		los[i], his[i] = r.lo, r.hi
		isExact = isExact && r.exact()
	}
	lo := op(los...)
	if isExact {
		return exact(lo)
	}
	return lh{lo, op(his...)}
}

// postings returns the documents of segment si holding term in field,
// deleted ones included, from the cache or the segment.
func (e *evaluator) postings(si int, field, term string) (*roaring.Bitmap, error) {
	k := cacheKey{seg: e.segs[si].Id(), what: cachePostings, field: field, term: term}
	if v, ok := e.cache.get(k); ok {
		return v.(*roaring.Bitmap), nil
	}
	dict, err := e.segs[si].Segment().Dictionary(field)
	if err != nil {
		return nil, fmt.Errorf("search: read dictionary of %s: %w", field, err)
	}
	b, err := postingsOf(dict, term)
	if err != nil {
		return nil, err
	}
	e.cache.put(k, b, int64(b.GetSizeInBytes())+64)
	return b, nil
}

// postingsOf reads a term's postings as a bitmap of the caller's own (the
// segment's bitmap may live in a memory-mapped file).
func postingsOf(dict segment.TermDictionary, term string) (*roaring.Bitmap, error) {
	pl, err := dict.PostingsList([]byte(term), nil, nil)
	if err != nil {
		return nil, fmt.Errorf("search: read postings of %q: %w", term, err)
	}
	it := pl.Iterator(false, false, false, nil)
	if o, ok := it.(segment.OptimizablePostingsIterator); ok {
		if b := o.ActualBitmap(); b != nil {
			return b.Clone(), nil
		}
		if d, ok := o.DocNum1Hit(); ok {
			return roaring.BitmapOf(uint32(d)), nil
		}
	}
	// Not a zap iterator, a one-hit list or an empty one: walk it.
	b := roaring.New()
	for {
		p, err := it.Next()
		if err != nil {
			return nil, fmt.Errorf("search: read postings of %q: %w", term, err)
		}
		if p == nil {
			return b, nil
		}
		b.Add(uint32(p.Number()))
	}
}

// textBits returns the documents of segment si holding an analysed term
// of the text (see textNode).
func (e *evaluator) textBits(si int, field, term string) (*roaring.Bitmap, error) {
	if prefixTerm(term) {
		return e.rangeBits(si, field, term, prefixEnd(term))
	}
	return e.postings(si, field, term)
}

// rangeBits is the union of the postings of field's terms in [from, to)
// ("" open) in segment si.
func (e *evaluator) rangeBits(si int, field, from, to string) (*roaring.Bitmap, error) {
	k := cacheKey{seg: e.segs[si].Id(), what: cacheRange, field: field, term: from + ".." + to}
	if v, ok := e.cache.get(k); ok {
		return v.(*roaring.Bitmap), nil
	}
	dict, err := e.segs[si].Segment().Dictionary(field)
	if err != nil {
		return nil, fmt.Errorf("search: read dictionary of %s: %w", field, err)
	}
	var start, end []byte
	if from != "" {
		start = []byte(from)
	}
	if to != "" {
		end = []byte(to)
	}
	it := dict.AutomatonIterator(nil, start, end)
	var parts []*roaring.Bitmap
	for {
		de, err := it.Next()
		if err != nil {
			return nil, fmt.Errorf("search: read terms of %s: %w", field, err)
		}
		if de == nil {
			break
		}
		b, err := e.postings(si, field, de.Term)
		if err != nil {
			return nil, err
		}
		parts = append(parts, b)
	}
	b := roaring.FastOr(parts...)
	e.cache.put(k, b, int64(b.GetSizeInBytes())+64)
	return b, nil
}

// phraseResult is a phrase's matches in a segment, cached, with how many
// candidates were checked.
type phraseResult struct {
	matched *roaring.Bitmap
	cands   int
}

// phraseWork is a phrase check under way in one segment: the candidates
// (documents holding every term), the matches found so far and the next
// candidate to check.
type phraseWork struct {
	cands   *roaring.Bitmap
	matched *roaring.Bitmap
	next    uint32 // candidates below next are checked
	done    bool
	// within: cands are only those of the phrase's candidates its AND
	// siblings may match (see phraseWithin); bleveCands is then how many
	// the whole phrase has.
	within     bool
	bleveCands int
}

// phraseChecked is called for every candidate checkPhrase checks (tests
// count them).
var phraseChecked = func() {}

// phraseCheckEvery is how many candidates are checked between looks at
// the clock and the context.
var phraseCheckEvery = 256

// phrase checks term positions for the candidates of phrase n in segment
// si, until done or until the deadline; then the result is exact and
// cached, else lo holds the matches found and hi adds the unchecked
// candidates.
func (e *evaluator) phrase(si int, n *node) (lh, error) {
	return e.phraseWithin(si, n, nil)
}

// phraseWithin is phrase, except that when within (the documents the
// phrase's AND siblings may match) holds fewer than half the phrase's
// candidates, only the candidates in within are checked: the result is
// then exact within within, which is all an AND with those siblings
// reads, and is not cached (the next search checks as few again).
func (e *evaluator) phraseWithin(si int, n *node, within *roaring.Bitmap) (lh, error) {
	k := cacheKey{seg: e.segs[si].Id(), what: cachePhrase, field: n.field, term: n.phrase}
	if v, ok := e.cache.get(k); ok {
		pr := v.(phraseResult)
		e.phraseCands += pr.cands
		return exact(pr.matched), nil
	}
	w := e.partial[k]
	if w == nil {
		cands, err := e.phraseCandidates(si, n)
		if err != nil {
			return lh{}, err
		}
		if within != nil {
			if in := roaring.And(cands, within); 2*in.GetCardinality() < cands.GetCardinality() {
				// Kept apart from the whole phrase's work: n may be
				// evaluated elsewhere in the query without within.
				k.what = cachePhraseWithin
				k.term = fmt.Sprintf("%s\x00%p", n.phrase, n)
				if w = e.partial[k]; w == nil {
					w = &phraseWork{cands: in, matched: roaring.New(), within: true, bleveCands: int(cands.GetCardinality())}
				}
			}
		}
		if w == nil {
			w = &phraseWork{cands: cands, matched: roaring.New()}
		}
		e.partial[k] = w
	}
	if w.within {
		// bleve's phrase searcher checks every candidate it passes on
		// the way to the next document of its siblings: ranking by
		// relevance costs what the whole phrase costs.
		e.phraseCands += w.bleveCands
	} else {
		e.phraseCands += int(w.cands.GetCardinality())
	}
	if !w.done {
		if err := e.checkPhrase(si, n, w); err != nil {
			return lh{}, err
		}
	}
	if w.done {
		if !w.within {
			delete(e.partial, k)
			e.cache.put(k, phraseResult{w.matched, int(w.cands.GetCardinality())}, int64(w.matched.GetSizeInBytes())+64)
		}
		return exact(w.matched), nil
	}
	rest := w.cands.Clone()
	rest.RemoveRange(0, uint64(w.next))
	return lh{w.matched, roaring.Or(w.matched, rest)}, nil
}

// phraseCandidates are the live documents of segment si holding every
// term of phrase n.
func (e *evaluator) phraseCandidates(si int, n *node) (*roaring.Bitmap, error) {
	var bs []*roaring.Bitmap
	seen := map[string]bool{}
	for _, t := range n.terms {
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		b, err := e.textBits(si, n.field, t)
		if err != nil {
			return nil, err
		}
		bs = append(bs, b)
	}
	cands := roaring.FastAnd(bs...)
	if del := e.segs[si].Deleted(); del != nil {
		cands.AndNot(del)
	}
	return cands, nil
}

// checkPhrase continues w until every candidate is checked or the
// deadline passes.
func (e *evaluator) checkPhrase(si int, n *node, w *phraseWork) error {
	pc, err := e.newPhraseChecker(si, n)
	if err != nil {
		return err
	}
	it := w.cands.Iterator()
	it.AdvanceIfNeeded(w.next)
	for i := 0; it.HasNext(); i++ {
		if i%phraseCheckEvery == phraseCheckEvery-1 {
			if err := e.ctx.Err(); err != nil {
				return err
			}
			if !e.deadline.IsZero() && time.Now().After(e.deadline) {
				return nil
			}
		}
		d := it.Next()
		phraseChecked()
		ok, err := pc.check(d)
		if err != nil {
			return err
		}
		if ok {
			w.matched.Add(d)
		}
		w.next = d + 1
		if d == ^uint32(0) {
			break
		}
	}
	w.done = true
	return nil
}

// phraseChecker reads term positions for increasing document numbers of
// one segment and says whether a document holds a phrase.
type phraseChecker struct {
	slot    []int // per phrase position, the index of its term in terms; -1 for a gap
	terms   [][]posting
	pos     [][]uint64 // per term, its positions in the document checked
	last    uint64
	started bool
}

// posting is one indexed term a phrase term stands for (the term itself,
// or for a short CJK term each term it is a prefix of), with its
// documents, so only the postings holding a document are read for it.
type posting struct {
	pl   segment.PostingsList
	docs *roaring.Bitmap
	it   segment.PostingsIterator
}

func (e *evaluator) newPhraseChecker(si int, n *node) (*phraseChecker, error) {
	dict, err := e.segs[si].Segment().Dictionary(n.field)
	if err != nil {
		return nil, fmt.Errorf("search: read dictionary of %s: %w", n.field, err)
	}
	add := func(ps []posting, term string) ([]posting, error) {
		pl, err := dict.PostingsList([]byte(term), nil, nil)
		if err != nil {
			return nil, fmt.Errorf("search: read postings of %q: %w", term, err)
		}
		docs, err := e.postings(si, n.field, term)
		if err != nil {
			return nil, err
		}
		return append(ps, posting{pl: pl, docs: docs}), nil
	}
	pc := &phraseChecker{slot: make([]int, len(n.terms))}
	idx := map[string]int{}
	for i, t := range n.terms {
		if t == "" {
			pc.slot[i] = -1
			continue
		}
		j, ok := idx[t]
		if !ok {
			var ps []posting
			if prefixTerm(t) {
				it := dict.AutomatonIterator(nil, []byte(t), []byte(prefixEnd(t)))
				for {
					de, err := it.Next()
					if err != nil {
						return nil, fmt.Errorf("search: read terms of %s: %w", n.field, err)
					}
					if de == nil {
						break
					}
					if ps, err = add(ps, de.Term); err != nil {
						return nil, err
					}
				}
			} else if ps, err = add(ps, t); err != nil {
				return nil, err
			}
			j = len(pc.terms)
			idx[t] = j
			pc.terms = append(pc.terms, ps)
		}
		pc.slot[i] = j
	}
	pc.pos = make([][]uint64, len(pc.terms))
	return pc, nil
}

// restart forgets the postings iterators (documents are checked out of
// order, or the last one lacked a term).
func (pc *phraseChecker) restart() {
	for _, ps := range pc.terms {
		for k := range ps {
			ps[k].it = nil
		}
	}
}

// check reports whether document d, which holds every term of the
// phrase, holds them at the phrase's relative positions. Documents are
// best checked in increasing order: one out of order starts the postings
// iterators again.
func (pc *phraseChecker) check(d uint32) (bool, error) {
	if pc.started && uint64(d) <= pc.last {
		pc.restart()
	}
	pc.started, pc.last = true, uint64(d)
	for j, ps := range pc.terms {
		pos := pc.pos[j][:0]
		for k := range ps {
			p := &ps[k]
			if !p.docs.Contains(d) {
				continue
			}
			if p.it == nil {
				p.it = p.pl.Iterator(true, false, true, nil)
			}
			pp, err := p.it.Advance(uint64(d))
			if err != nil {
				return false, fmt.Errorf("search: read positions: %w", err)
			}
			if pp == nil || pp.Number() != uint64(d) {
				p.it = nil // not where its bitmap said: read it again next time
				continue
			}
			for _, l := range pp.Locations() {
				pos = append(pos, l.Pos())
			}
		}
		if len(pos) == 0 {
			pc.pos[j] = pos
			return false, nil // d lacks a term: not a candidate
		}
		if !slices.IsSorted(pos) {
			slices.Sort(pos)
		}
		pc.pos[j] = pos
	}
	for _, p0 := range pc.pos[pc.slot[0]] {
		ok := true
		for i := 1; i < len(pc.slot) && ok; i++ {
			if j := pc.slot[i]; j >= 0 {
				ok = hasPos(pc.pos[j], p0+uint64(i))
			}
		}
		if ok {
			return true, nil
		}
	}
	return false, nil
}

func hasPos(ps []uint64, p uint64) bool {
	i := sort.Search(len(ps), func(i int) bool { return ps[i] >= p })
	return i < len(ps) && ps[i] == p
}

// matchDoc reports whether document d of segment si matches n exactly,
// checking phrase positions where they are not known yet.
func (e *evaluator) matchDoc(n *node, si int, d uint32) (bool, error) {
	switch n.kind {
	case nNone:
		return false, nil
	case nTerm:
		b, err := e.postings(si, n.field, n.term)
		return err == nil && b.Contains(d), err
	case nRange:
		b, err := e.rangeBits(si, n.field, n.from, n.to)
		return err == nil && b.Contains(d), err
	case nPhrase:
		k := cacheKey{seg: e.segs[si].Id(), what: cachePhrase, field: n.field, term: n.phrase}
		if v, ok := e.cache.get(k); ok {
			return v.(phraseResult).matched.Contains(d), nil
		}
		if w := e.partial[k]; w != nil {
			if !w.cands.Contains(d) {
				return false, nil
			}
			if d < w.next || w.done {
				return w.matched.Contains(d), nil
			}
		}
		pc, err := e.newPhraseChecker(si, n)
		if err != nil {
			return false, err
		}
		return pc.check(d)
	case nAll, nQuery:
		for _, k := range n.kids {
			if ok, err := e.matchDoc(k, si, d); err != nil || !ok {
				return false, err
			}
		}
		for _, k := range n.neg {
			if ok, err := e.matchDoc(k, si, d); err != nil || ok {
				return false, err
			}
		}
		return true, nil
	case nAny:
		for _, k := range n.kids {
			if ok, err := e.matchDoc(k, si, d); err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, fmt.Errorf("%w: node kind %d", errUnsupported, n.kind)
}

// segSub is one submission's documents in a segment.
type segSub struct {
	id   int64
	docs *roaring.Bitmap
}

// subs returns the submissions of segment si, by id.
func (e *evaluator) subs(si int) ([]segSub, error) {
	k := cacheKey{seg: e.segs[si].Id(), what: cacheSubs}
	if v, ok := e.cache.get(k); ok {
		return v.([]segSub), nil
	}
	dict, err := e.segs[si].Segment().Dictionary(fieldSub)
	if err != nil {
		return nil, fmt.Errorf("search: read dictionary of %s: %w", fieldSub, err)
	}
	it := dict.AutomatonIterator(nil, nil, nil)
	var out []segSub
	size := int64(64)
	for {
		de, err := it.Next()
		if err != nil {
			return nil, fmt.Errorf("search: read submissions: %w", err)
		}
		if de == nil {
			break
		}
		id, err := strconv.ParseInt(de.Term, 10, 64)
		if err != nil {
			continue // not ours
		}
		b, err := e.postings(si, fieldSub, de.Term)
		if err != nil {
			return nil, err
		}
		out = append(out, segSub{id: id, docs: b})
		size += 32
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	e.cache.put(k, out, size)
	return out, nil
}

// counts sums the matches per submission over all segments.
func (e *evaluator) counts(res []lh, perSub bool) (total int, bySub map[int64]int, err error) {
	if perSub {
		bySub = map[int64]int{}
	}
	for si, r := range res {
		n := r.lo.GetCardinality()
		total += int(n)
		if !perSub || n == 0 {
			continue
		}
		subs, err := e.subs(si)
		if err != nil {
			return 0, nil, err
		}
		left := n
		for _, s := range subs {
			if c := r.lo.AndCardinality(s.docs); c > 0 {
				bySub[s.id] += int(c)
				left -= c
				if left == 0 {
					break
				}
			}
		}
	}
	return total, bySub, nil
}
