package fulltext

import (
	"context"
	"reflect"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// The indexing process's resident memory is its Go heap plus the pages of
// segment files it has read through their memory maps: zap maps every
// persisted segment whole, and a merge reads its input segments through
// those maps, so their pages stay in the process's resident set until the
// merged segment replaces them. bleve runs every task of a merge plan
// before any input is let go, so the settle merges at the end of a large
// update touched most of the index at once: 1,227 MB of peak RSS for the
// 1M rows of the second generated log (docs/performance.md). While an
// update runs, releaseMapped gives those pages back every
// releaseMappedEvery; they stay in the kernel's page cache, so reading
// them again costs a minor fault, not a disk read.

// releaseMappedEvery is how often an update gives back the mapped pages
// of the index's segment files.
const releaseMappedEvery = 100 * time.Millisecond

// releasingMapped gives back the mapped pages of x's segment files every
// releaseMappedEvery until the returned function is called, and once more
// then.
func (x *Index) releasingMapped(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(releaseMappedEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				x.releaseMapped()
			}
		}
	}()
	return func() {
		cancel()
		<-done
		x.releaseMapped()
	}
}

// releaseMapped gives back the resident pages of the mapped segment files
// of x's current snapshot and reports how many bytes of mappings it went
// over. The snapshot's reference keeps the segments, and so their maps,
// open meanwhile.
func (x *Index) releaseMapped() int64 {
	snap, err := x.snapshot()
	if err != nil {
		return 0
	}
	defer snap.Close()
	return releaseSegments(snap.Segments())
}

func releaseSegments(segs []*scorch.SegmentSnapshot) int64 {
	var total int64
	for _, s := range segs {
		addr, n := segmentMap(s.Segment())
		if n == 0 {
			continue
		}
		if dropMapped(addr, n) == nil {
			total += int64(n)
		}
	}
	return total
}

// segmentMap returns where a persisted zap segment's file is mapped (its
// unexported field mm, an mmap-go MMap): bleve offers no way to advise
// the kernel about it. A segment held only in memory, or of another
// shape, gives 0.
func segmentMap(seg any) (addr uintptr, n int) {
	v := reflect.ValueOf(seg)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return 0, 0
	}
	mm := v.Elem().FieldByName("mm")
	if !mm.IsValid() || mm.Kind() != reflect.Slice || mm.Type().Elem().Kind() != reflect.Uint8 || mm.Len() == 0 {
		return 0, 0
	}
	return mm.Pointer(), mm.Len()
}
