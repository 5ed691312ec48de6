package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench/importers"
	"github.com/inspection-workbench/workbench/store/fulltext"
)

// recordText is how the search index reads a stored record.
func recordText(kind string, r workbench.RecordRow) (string, time.Time, error) {
	return importers.SearchText(workbench.Kind(kind), r.Fields, r.Extra)
}

// indexBatchDocs overrides the index's batch size (tests use small
// batches to see indexing in progress); 0 keeps the default.
var indexBatchDocs = 0

// searchIndex opens the workspace's search index on first use. Opening
// indexes nothing: call SyncIndex for that.
func (a *App) searchIndex(ctx context.Context) (*fulltext.Index, error) {
	a.indexMu.Lock()
	defer a.indexMu.Unlock()
	if a.index != nil {
		return a.index, nil
	}
	x, err := fulltext.Open(ctx, a.store, fulltext.Options{RecordText: recordText, TextVersion: importers.SearchTextVersion, BatchDocs: indexBatchDocs})
	if err != nil {
		return nil, err
	}
	a.index = x
	return x, nil
}

// SyncIndex brings the search index up to date with the workspace:
// submissions imported since it last caught up are indexed, those of
// deleted cases dropped, and an index that is missing, unreadable or from
// another program version is rebuilt. progress (may be nil) is called
// after each batch, one call at a time, possibly from goroutines of its
// own (so a GUI hands its updates to the UI goroutine). Cancelling ctx stops at the
// next batch; the rest is done by the next call.
func (a *App) SyncIndex(ctx context.Context, progress func(workbench.IndexProgress)) (workbench.IndexReport, error) {
	x, err := a.searchIndex(ctx)
	if err != nil {
		return workbench.IndexReport{}, err
	}
	return x.Sync(ctx, progress)
}

// Reindex throws the search index away and builds it again.
func (a *App) Reindex(ctx context.Context, progress func(workbench.IndexProgress)) (workbench.IndexReport, error) {
	x, err := a.searchIndex(ctx)
	if err != nil {
		return workbench.IndexReport{}, err
	}
	return x.Rebuild(ctx, progress)
}

// Search runs a query against the index as it stands (call SyncIndex first
// to include the latest imports). A malformed query gives an error that
// wraps *SyntaxError; an unknown case gives a not-found error; an unknown
// req.Sort an invalid-value error.
//
// Totals and facets are exact. The result says the order of its page
// (Order); when the page came before the exact counts (Counting), they
// follow through res.Pending, computed under ctx — a caller that needs
// them at once calls res.WaitCounts.
func (a *App) Search(ctx context.Context, req workbench.SearchRequest) (workbench.SearchResult, error) {
	if req.CaseID != 0 {
		if _, err := a.store.GetCase(ctx, req.CaseID); err != nil {
			return workbench.SearchResult{}, err
		}
	}
	if req.Sort != "" && req.Sort != workbench.OrderRelevance && req.Sort != workbench.OrderFile {
		return workbench.SearchResult{}, fieldErr("sort", ProblemFormat, "unknown order %q (want %s or %s)", req.Sort, workbench.OrderRelevance, workbench.OrderFile)
	}
	if req.Kind != "" && importers.SpecFor(workbench.Kind(req.Kind)) == nil {
		return workbench.SearchResult{}, fieldErr("kind", ProblemFormat, "unknown kind %q (want one of %s)", req.Kind, kindList())
	}
	x, err := a.searchIndex(ctx)
	if err != nil {
		return workbench.SearchResult{}, err
	}
	return x.Search(ctx, req)
}

func kindList() string {
	names := make([]string, len(workbench.Kinds))
	for i, k := range workbench.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// ParseQuery checks a query without running it; the error wraps
// *SyntaxError.
func ParseQuery(q string) error {
	_, err := fulltext.ParseQuery(q)
	return err
}

// DeleteCase removes a case, everything imported into it and its search
// documents, leaving no trace of its content in the workspace's files
// (see store.Store.DeleteCase and purgeIndex); the audit trail keeps its
// entries and records the deletion. The database change comes first; if
// the index cannot be updated now, the next SyncIndex drops the documents.
func (a *App) DeleteCase(ctx context.Context, id int64) error {
	if err := a.store.DeleteCase(ctx, id); err != nil {
		return err
	}
	return a.purgeIndex(ctx, id)
}

// HitContext is a hit shown where it stands: a passage with its
// neighbours, or a record in full.
type HitContext struct {
	Submission workbench.Submission
	// Record is set for a record hit.
	Record *workbench.RecordRow
	// Passages are the passage hit and up to n passages either side, in
	// reading order; Current is the hit's index among them.
	Passages []workbench.PassageRow
	Current  int
}

// HitContext reads the record or passage a hit id names, with n passages
// either side of a passage.
func (a *App) HitContext(ctx context.Context, id string, n int) (HitContext, error) {
	passage, rowID, ok := fulltext.ParseHitID(id)
	if !ok {
		return HitContext{}, fieldErr("id", ProblemFormat, "bad hit id %q (want rec-N or psg-N)", id)
	}
	if !passage {
		r, sub, err := a.store.Record(ctx, rowID)
		if err != nil {
			return HitContext{}, err
		}
		return HitContext{Submission: sub, Record: &r}, nil
	}
	p, sub, err := a.store.Passage(ctx, rowID)
	if err != nil {
		return HitContext{}, err
	}
	before := max(p.Seq-n-1, 0)
	ps, err := a.store.Passages(ctx, sub.ID, before, 2*n+1)
	if err != nil {
		return HitContext{}, err
	}
	cur := 0
	for i := range ps {
		if ps[i].ID == p.ID {
			cur = i
		}
	}
	return HitContext{Submission: sub, Passages: ps, Current: cur}, nil
}
