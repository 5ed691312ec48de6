package workbench

import (
	"fmt"
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
}

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

// Facets counts the matching documents per kind and per file.
type Facets struct {
	Kind map[string]int `json:"kind"`
	File map[string]int `json:"file"`
}

// SearchResult is one page of hits with the total and the facets.
type SearchResult struct {
	Total  int           `json:"total"`
	Hits   []SearchHit   `json:"hits"`
	Facets Facets        `json:"facets"`
	Took   time.Duration `json:"-"`
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
