package searchlang

import (
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/blevesearch/bleve/v2/search/query"
)

// Bleve converts q into a bleve query. Words and phrases search
// defaultField (empty means the mapping's default search field, normally
// _all) with that field's analyzer; keyword filters become term queries and
// date filters term range queries over the YYYY-MM-DD days indexed in
// their own fields (see [DayTerm]).
func (q Query) Bleve(defaultField string) (query.Query, error) {
	return q.BleveWith(func(t Term) (query.Query, error) { return t.Bleve(defaultField) })
}

// BleveWith converts q into a bleve query with term making each term's
// query: the alternatives of a clause become a disjunction, exclusions
// must-not clauses, the rest must clauses. An index whose text field is
// not analysed as [Query.Bleve] assumes passes its own term.
func (q Query) BleveWith(term func(Term) (query.Query, error)) (query.Query, error) {
	var must, mustNot []query.Query
	for ci, c := range q.Clauses {
		if len(c.Any) == 0 {
			return nil, fmt.Errorf("searchlang: convert query: clause %d has no terms", ci+1)
		}
		alts := make([]query.Query, len(c.Any))
		for i, t := range c.Any {
			bq, err := term(t)
			if err != nil {
				return nil, fmt.Errorf("searchlang: convert query clause %d: %w", ci+1, err)
			}
			alts[i] = bq
		}
		var cq query.Query = alts[0]
		if len(alts) > 1 {
			cq = query.NewDisjunctionQuery(alts)
		}
		if c.Exclude {
			mustNot = append(mustNot, cq)
		} else {
			must = append(must, cq)
		}
	}
	if len(must) == 0 {
		return nil, fmt.Errorf("searchlang: convert query: nothing to search for (no clause that is not an exclusion)")
	}
	if len(must) == 1 && len(mustNot) == 0 {
		return must[0], nil
	}
	return query.NewBooleanQuery(must, nil, mustNot), nil
}

// Bleve is the bleve query of one term, as [Query.Bleve] makes it.
func (t Term) Bleve(defaultField string) (query.Query, error) {
	switch t.Kind {
	case TermWord, TermPhrase:
		return textQuery(t, defaultField), nil
	case TermKeyword:
		if t.Field == "" {
			return nil, fmt.Errorf("keyword term %q at position %d has no field", t.Text, t.Pos)
		}
		tq := query.NewTermQuery(t.Text)
		tq.SetField(t.Field)
		return tq, nil
	case TermDate:
		if t.Field == "" {
			return nil, fmt.Errorf("date term at position %d has no field", t.Pos)
		}
		if t.From.IsZero() && t.To.IsZero() {
			return nil, fmt.Errorf("date term on %q at position %d has both ends open", t.Field, t.Pos)
		}
		var from, to string
		if !t.From.IsZero() {
			from = DayTerm(t.From)
		}
		if !t.To.IsZero() {
			to = DayTerm(t.To.AddDate(0, 0, -1))
		}
		incl := true
		rq := query.NewTermRangeInclusiveQuery(from, to, &incl, &incl)
		rq.SetField(t.Field)
		return rq, nil
	}
	return nil, fmt.Errorf("term at position %d has unknown kind %d", t.Pos, int(t.Kind))
}

// DayTerm is how a date field's value is indexed: the day of t in t's own
// location, as YYYY-MM-DD.
func DayTerm(t time.Time) string { return t.Format(dateLayout) }

// TextTerms is how a word or phrase is searched: its analysed terms
// reduced to the fewest that pin it down. A run of CJK characters of up to
// [MaxGram] characters is its one n-gram (违 → 违, 违法内容 → 违法内容); a
// longer run is covered by MaxGram-grams that overlap by one character —
// at relative positions 0, 3, 6, … and one ending at the run's last
// character (停止生成内容 → 停止生成 at 0, 生成内容 at 2; 11 characters →
// 4-grams at 0, 3, 6 and 7). The overlap makes every two neighbouring
// characters of the run fall inside one n-gram, so, as with bigrams, the
// run matches only text where the same characters stand together without
// a separator in between; tiling without overlap (0, 4, 8) would save one
// term in four but also match text with a line break or a field boundary
// inside the run. Other words are themselves.
//
// terms is indexed by position (the first term's position is 0); "" is a
// gap, a position with nothing to match (a character inside an earlier
// n-gram), so a space or punctuation in a query matches text with or
// without it. Leading and trailing gaps are dropped; no terms means
// nothing can match.
//
// anyOrder reports that the terms need only all occur, in any order and
// place (a word without CJK characters: e-mail, INC-0042); otherwise
// several terms must occur as a phrase, at these relative positions, so
// 违法内容 never matches 违法的内容. The bleve conversion ([Query.Bleve])
// and any other evaluator of the query language share this function, so
// they match the same documents.
func TextTerms(t Term) (terms []string, anyOrder bool) {
	toks := analyzer.Analyze([]byte(t.Text))
	put := func(pos int, term []byte) {
		for len(terms) < pos {
			terms = append(terms, "")
		}
		terms[pos-1] = string(term)
	}
	// The tokenizer gives each CJK character its unigram followed by the
	// n-grams starting at it, so a run is a sequence of positions whose
	// token groups have more than one token, ended by a lone unigram.
	var run [][]*analysis.Token // a token group per character of the run
	flush := func() {
		n := len(run)
		switch {
		case n == 0:
			return
		case n <= MaxGram:
			put(run[0][0].Position, run[0][n-1].Term)
		default:
			for k := 0; ; k = min(k+MaxGram-1, n-MaxGram) {
				put(run[k][0].Position, run[k][MaxGram-1].Term)
				if k+MaxGram >= n {
					break
				}
			}
		}
		run = run[:0]
	}
	for i := 0; i < len(toks); {
		tok := toks[i]
		if tok.Type != analysis.Single {
			flush()
			put(tok.Position, tok.Term)
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].Position == tok.Position {
			j++
		}
		run = append(run, toks[i:j])
		if j-i == 1 { // no n-gram starts here: the run ends
			flush()
		}
		i = j
	}
	flush()
	for len(terms) > 0 && terms[len(terms)-1] == "" {
		terms = terms[:len(terms)-1]
	}
	for len(terms) > 0 && terms[0] == "" {
		terms = terms[1:]
	}
	return terms, t.Kind == TermWord && !hasCJK(t.Text)
}

// textQuery searches a word or phrase as [TextTerms] says: one term is a
// term query; several are a conjunction (any order) or a phrase.
func textQuery(t Term, field string) query.Query {
	terms, anyOrder := TextTerms(t)
	switch {
	case len(terms) == 0:
		// Only punctuation: nothing can match.
		return query.NewMatchNoneQuery()
	case len(terms) == 1:
		tq := query.NewTermQuery(terms[0])
		tq.SetField(field)
		return tq
	case anyOrder:
		conj := make([]query.Query, 0, len(terms))
		for _, term := range terms {
			if term == "" {
				continue
			}
			tq := query.NewTermQuery(term)
			tq.SetField(field)
			conj = append(conj, tq)
		}
		return query.NewConjunctionQuery(conj)
	}
	return query.NewPhraseQuery(terms, field)
}

func hasCJK(s string) bool {
	for _, r := range s {
		if Classify(Fold(r)) == ClassCJK {
			return true
		}
	}
	return false
}
