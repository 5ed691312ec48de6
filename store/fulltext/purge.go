package fulltext

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// purgeDocID is the empty placeholder document Purge adds and removes; it
// is no hit id (see ParseHitID) and has no fields a query could match.
const purgeDocID = "wb/purge"

// Purge rewrites the index into a single segment, leaving out the
// documents deleted from it. bleve's segments are immutable: a deleted
// document's terms stay in its segment file until that segment is merged
// away, so a secure deletion (a deleted case) calls Purge after Sync has
// removed the documents. It is done when one segment holds the index with
// nothing deleted in it but Purge's own empty placeholder, and no other
// segment file is left on disk.
//
// The test is the index's state, not which files were there before:
// bleve's own merger runs beside Purge and may already have merged
// everything, possibly into a segment that still carries deleted
// documents (a merge planned before the deletions keeps them, marked).
func (x *Index) Purge(ctx context.Context) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return errors.New("purge search index: index is closed")
	}
	sc, ok := x.advanced()
	if !ok {
		return nil
	}
	deadline := time.Now().Add(purgeWait)
	// bleve's merge planner leaves a lone segment alone, deletions and
	// all: a placeholder in a segment of its own makes two. Indexing it
	// again marks the earlier copy deleted, so each round merges.
	for {
		b := x.idx.NewBatch()
		if err := b.IndexAdvanced(document.NewDocument(purgeDocID)); err != nil {
			return fmt.Errorf("purge search index: %w", err)
		}
		if err := x.persist(b); err != nil {
			return err
		}
		mo := mergeplan.SingleSegmentMergePlanOptions
		if err := sc.ForceMerge(ctx, &mo); err != nil {
			return fmt.Errorf("purge search index: %w", err)
		}
		clean, err := x.mergedClean()
		if err != nil {
			return err
		}
		if clean {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("purge search index: the index is not one segment without deleted documents after %v", purgeWait)
		}
	}
	// bleve keeps the snapshot before the last as a rollback point, and
	// removes the files no kept snapshot needs after a batch is persisted,
	// on its own goroutine: persisted batches follow until only the live
	// segment's file is left.
	for i := 0; ; i++ {
		b := x.idx.NewBatch()
		if i == 0 {
			b.Delete(purgeDocID)
		}
		raw, err := x.stateWith(0, nil) // the state as it is
		if err != nil {
			return fmt.Errorf("purge search index: %w", err)
		}
		b.SetInternal(stateKey, raw)
		if err := x.persist(b); err != nil {
			return err
		}
		left, err := x.staleSegmentFiles()
		if err != nil {
			return err
		}
		switch {
		case i >= 1 && len(left) == 0:
			return nil
		case time.Now().After(deadline):
			return fmt.Errorf("purge search index: %d old segment files still there after %v", len(left), purgeWait)
		case i >= 1:
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// mergedClean reports whether the index is a single segment in which no
// document is marked deleted: the merge dropped every deleted document.
func (x *Index) mergedClean() (bool, error) {
	snap, err := x.snapshot()
	if err != nil {
		return false, fmt.Errorf("purge search index: %w", err)
	}
	defer snap.Close()
	segs := snap.Segments()
	if len(segs) != 1 {
		return false, nil
	}
	d := segs[0].Deleted()
	return d == nil || d.IsEmpty(), nil
}

// staleSegmentFiles lists the segment files on disk that the index's
// current snapshot does not use.
func (x *Index) staleSegmentFiles() ([]string, error) {
	snap, err := x.snapshot()
	if err != nil {
		return nil, fmt.Errorf("purge search index: %w", err)
	}
	live := map[string]bool{}
	for _, s := range snap.Segments() {
		live[segmentFileName(s.Id())] = true
	}
	_ = snap.Close()
	files, err := filepath.Glob(filepath.Join(x.path, "store", "*.zap"))
	if err != nil {
		return nil, fmt.Errorf("purge search index: %w", err)
	}
	return slices.DeleteFunc(files, func(f string) bool { return live[filepath.Base(f)] }), nil
}

// segmentFileName is the name scorch gives the file of segment id.
func segmentFileName(id uint64) string { return fmt.Sprintf("%012x.zap", id) }

// purgeWait bounds how long Purge waits for bleve to remove the files of
// the segments it merged away.
const purgeWait = 10 * time.Second

// persist applies a batch and waits until it is on disk.
func (x *Index) persist(b *bleve.Batch) error {
	persisted := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if err := x.idx.Batch(b); err != nil {
		return fmt.Errorf("purge search index: %w", err)
	}
	if err := <-persisted; err != nil {
		return fmt.Errorf("purge search index: write to disk: %w", err)
	}
	return nil
}
