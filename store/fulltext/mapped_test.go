package fulltext

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// TestReleaseMapped: the persisted segments' memory maps are found (a
// bleve upgrade that renamed zap's field would make releaseMapped a
// silent no-op), and searches read the same after their pages are given
// back.
func TestReleaseMapped(t *testing.T) {
	c := newCorpus(t, 3, 200)
	for i := range 3 {
		c.add(t, i, 400, 20)
	}
	c.sync(t)
	for _, v := range []any{nil, c, (*corpus)(nil)} {
		if a, n := segmentMap(v); a != 0 || n != 0 {
			t.Fatalf("segmentMap(%T): %x, %d, want nothing", v, a, n)
		}
	}
	ctx := context.Background()
	req := workbench.SearchRequest{Query: `"report model" OR 赌博`, CountOnly: true}
	before, err := c.x.Search(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	mapped := c.x.releaseMapped()
	if onDisk := dirSizeOf(t, c.x.path); onDisk == 0 || mapped < onDisk/2 {
		t.Fatalf("released %d bytes of mappings, the segment files hold %d", mapped, onDisk)
	}
	c.x.bits.reset() // read the segments again
	after, err := c.x.Search(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if before.Total == 0 || after.Total != before.Total {
		t.Fatalf("totals %d before, %d after", before.Total, after.Total)
	}
}

// dirSizeOf is the size of the segment files under dir.
func dirSizeOf(t *testing.T, dir string) int64 {
	t.Helper()
	var n int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".zap") {
			return err
		}
		fi, err := d.Info()
		if err == nil {
			n += fi.Size()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
