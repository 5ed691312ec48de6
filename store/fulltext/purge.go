package fulltext

import (
	"context"
	"errors"
	"fmt"
	"os"
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
// removed the documents. The segment files it replaces are deleted once no
// snapshot of the index needs them, which Purge waits for.
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
	// bleve's merge planner leaves a lone segment alone, deletions and
	// all: a placeholder in a segment of its own makes two.
	b := x.idx.NewBatch()
	if err := b.IndexAdvanced(document.NewDocument(purgeDocID)); err != nil {
		return fmt.Errorf("purge search index: %w", err)
	}
	if err := x.persist(b); err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(x.path, "store", "*.zap"))
	if err != nil {
		return fmt.Errorf("purge search index: %w", err)
	}
	mo := mergeplan.SingleSegmentMergePlanOptions
	if err := sc.ForceMerge(ctx, &mo); err != nil {
		return fmt.Errorf("purge search index: %w", err)
	}
	// bleve keeps the snapshot before the last as a rollback point, and
	// removes the files no kept snapshot needs after a batch is persisted,
	// on its own goroutine: persisted batches follow until the files of
	// the old segments are gone.
	deadline := time.Now().Add(purgeWait)
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
		left := slices.DeleteFunc(slices.Clone(old), func(f string) bool {
			_, err := os.Stat(f)
			return errors.Is(err, os.ErrNotExist)
		})
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
