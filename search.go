package workbench

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// SearchRequest is one full-text search: query, case, filters and page.
type SearchRequest struct {
	Query string
	// CaseID, when not 0, limits the search to one case.
	CaseID int64
	// Kind, File and Label, when set, keep only documents with exactly
	// that value (the facet filters of the GUI, --kind of the CLI).
	Kind, File, Label string
	// Limit is the page size (default 20, at most 1000); Offset the number
	// of hits skipped.
	Limit, Offset int
	// NoFacets skips facet counting (batch searches only need totals).
	NoFacets bool
	// CountOnly returns the total and facets without hits or snippets.
	CountOnly bool
	// Sort asks for an order of the hits: OrderRelevance or OrderFile; ""
	// lets the search choose (relevance when the matches are few enough
	// to rank quickly, file order otherwise). SearchResult.Order says
	// which order the page is in.
	Sort string
}

// The orders hits can be shown in.
const (
	// OrderRelevance ranks the hits, most relevant first.
	OrderRelevance = "relevance"
	// OrderFile shows the hits as they stand in the files: by submission,
	// then record by record and passage by passage.
	OrderFile = "file"
)

// Segment is a piece of a snippet; Mark is set on matched text.
type Segment struct {
	Text string
	Mark bool
}

// SearchHit is one search result with its highlighted snippet.
type SearchHit struct {
	// ID is stable for as long as the record or passage exists ("rec-12",
	// "psg-7") and can be cited as evidence.
	ID       string  `json:"id"`
	Kind     string  `json:"kind"`
	File     string  `json:"file"`
	Location string  `json:"location"`
	Snippet  string  `json:"snippet"` // HTML-escaped text with <mark>…</mark> around matches
	Score    float64 `json:"score"`
	CaseID   int64   `json:"case_id"`
	SubID    int64   `json:"submission_id"`
	Label    string  `json:"label"`
	Ref      string  `json:"ref,omitempty"` // the provider's identifier of a record
	Place    Place   `json:"-"`
	// Segments is the snippet as plain pieces, for display.
	Segments []Segment `json:"-"`
}

// Facets counts the matching documents per kind, per file and per
// confidentiality label.
type Facets struct {
	Kind  map[string]int `json:"kind"`
	File  map[string]int `json:"file"`
	Label map[string]int `json:"label,omitempty"`
	// Sub counts them per submission id, for callers that narrow the
	// documents further than a filter can (not part of the JSON).
	Sub map[int64]int `json:"-"`
}

// SearchResult is one page of hits with the total and the facets.
type SearchResult struct {
	Total  int         `json:"total"`
	Hits   []SearchHit `json:"hits"`
	Facets Facets      `json:"facets"`
	// Order is the order of Hits: OrderRelevance or OrderFile (empty for a
	// CountOnly search).
	Order string `json:"order,omitempty"`
	// Counting is set when the page came before the exact counts: Total
	// and Facets then count only the matches confirmed so far (at least
	// the page), and Pending delivers the exact figures (see WaitCounts).
	Counting bool           `json:"counting,omitempty"`
	Pending  *PendingCounts `json:"-"`
	Took     time.Duration  `json:"-"`
}

// WaitCounts waits until the exact total and facets of a result whose
// page came first are known and puts them in r (Counting becomes false).
// It returns at once when r is not counting; it returns ctx's error when
// ctx ends first, and the search's error when counting failed.
func (r *SearchResult) WaitCounts(ctx context.Context) error {
	if !r.Counting || r.Pending == nil {
		return nil
	}
	c, err := r.Pending.Wait(ctx)
	if err != nil {
		return err
	}
	r.Total, r.Facets, r.Counting, r.Pending = c.Total, c.Facets, false, nil
	return nil
}

// SearchCounts are the exact total and facets of a search.
type SearchCounts struct {
	Total  int
	Facets Facets
}

// PendingCounts delivers the exact counts of a search whose page of hits
// was returned first. It is safe for concurrent use.
type PendingCounts struct {
	done   chan struct{}
	once   sync.Once
	counts SearchCounts
	err    error
}

// NewPendingCounts returns counts to come and the function that delivers
// them (the first call counts; later ones are ignored).
func NewPendingCounts() (*PendingCounts, func(SearchCounts, error)) {
	p := &PendingCounts{done: make(chan struct{})}
	return p, func(c SearchCounts, err error) {
		p.once.Do(func() {
			p.counts, p.err = c, err
			close(p.done)
		})
	}
}

// Done is closed when the counts (or the error) are known.
func (p *PendingCounts) Done() <-chan struct{} { return p.done }

// Wait returns the counts once they are known, or ctx's error when ctx
// ends first.
func (p *PendingCounts) Wait(ctx context.Context) (SearchCounts, error) {
	select {
	case <-p.done:
		return p.counts, p.err
	case <-ctx.Done():
		return SearchCounts{}, ctx.Err()
	}
}

// SyntaxError reports a malformed query.
type SyntaxError struct {
	// Pos is the 1-based character (not byte) position in the query.
	Pos int
	// Msg describes the problem in English.
	Msg string
	// Reason and Args say what the problem is for each interface to word
	// in its own language (see Error); Args include "Pos".
	Reason Reason
	Args   map[string]any
}

// Error returns "position N: message".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("position %d: %s", e.Pos, e.Msg)
}

// Unwrap gives the problem as an *Error with code invalid.
func (e *SyntaxError) Unwrap() error {
	return &Error{Code: CodeInvalid, Reason: e.Reason, Args: e.Args}
}

// IndexPhase names what an update of the search index is doing.
type IndexPhase string

// Phases of an index update.
const (
	IndexRebuild IndexPhase = "rebuild" // indexing everything into a new index
	IndexUpdate  IndexPhase = "update"  // indexing submissions the index lacks
	IndexRemove  IndexPhase = "remove"  // dropping documents of deleted submissions
)

// IndexProgress reports an index update under way: Done of Total
// documents.
type IndexProgress struct {
	Phase IndexPhase
	Done  int
	Total int
	// File is the submitted file being indexed.
	File string
}

// IndexReport says what an index update did.
type IndexReport struct {
	// Rebuilt is set when the index had to be built from scratch, with
	// Reason saying why (missing, unreadable, another format).
	Rebuilt bool   `json:"rebuilt"`
	Reason  string `json:"reason,omitempty"`
	// Submissions, Added and Removed count the submissions and documents
	// indexed and removed.
	Submissions int `json:"submissions"`
	Added       int `json:"added"`
	Removed     int `json:"removed"`
}

// Changed reports whether the update did anything.
func (r IndexReport) Changed() bool { return r.Rebuilt || r.Added > 0 || r.Removed > 0 }
