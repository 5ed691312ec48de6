package searchlang

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"
)

// Bleve converts q into a bleve query. Words and phrases search
// defaultField (empty means the mapping's default search field, normally
// _all) with that field's analyzer; keyword filters become term queries and
// date filters inclusive-start, exclusive-end date range queries on their
// own fields.
func (q Query) Bleve(defaultField string) (query.Query, error) {
	var must, mustNot []query.Query
	for ci, c := range q.Clauses {
		if len(c.Any) == 0 {
			return nil, fmt.Errorf("searchlang: convert query: clause %d has no terms", ci+1)
		}
		alts := make([]query.Query, len(c.Any))
		for i, t := range c.Any {
			bq, err := t.bleve(defaultField)
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

func (t Term) bleve(defaultField string) (query.Query, error) {
	switch t.Kind {
	case TermWord:
		if multiCJK(t.Text) {
			mq := query.NewMatchPhraseQuery(t.Text)
			mq.SetField(defaultField)
			return mq, nil
		}
		mq := query.NewMatchQuery(t.Text)
		mq.SetField(defaultField)
		mq.Operator = query.MatchQueryOperatorAnd
		return mq, nil
	case TermPhrase:
		mq := query.NewMatchPhraseQuery(t.Text)
		mq.SetField(defaultField)
		return mq, nil
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
		incl, excl := true, false
		dq := query.NewDateRangeInclusiveQuery(t.From, t.To, &incl, &excl)
		dq.SetField(t.Field)
		return dq, nil
	}
	return nil, fmt.Errorf("term at position %d has unknown kind %d", t.Pos, int(t.Kind))
}

// multiCJK reports whether a bare word has two or more characters and
// contains a CJK character, in which case it is searched as a phrase.
func multiCJK(s string) bool {
	if utf8.RuneCountInString(s) < 2 {
		return false
	}
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}
