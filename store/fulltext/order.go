package fulltext

import (
	"errors"
	"slices"
	"sort"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
)

// fileOrder is the order of one segment's documents in their files: by
// submission, then records before passages, each by SQLite id (the order
// of import: row by row, passage by passage). Document numbers within a
// segment follow no such order (a bleve batch is a map).
type fileOrder struct {
	ord      []uint32 // document numbers in file order
	rank     []uint32 // rank[d] is d's index in ord
	subStart []int    // the index in ord where each submission of subIDs starts
	subIDs   []int64
}

// rowKey orders hit ids within a submission: records ("rec-N") by N, then
// passages ("psg-N") by N, then anything else.
func rowKey(id []byte) uint64 {
	passage, n, ok := ParseHitID(string(id))
	switch {
	case !ok:
		return ^uint64(0)
	case passage:
		return 1<<62 | uint64(n)
	}
	return uint64(n)
}

// order returns segment si's file order, building it on first use (it
// reads every document's id once) and caching it.
func (e *evaluator) order(si int) (*fileOrder, error) {
	k := cacheKey{seg: e.segs[si].Id(), what: cacheOrder}
	if v, ok := e.cache.get(k); ok {
		return v.(*fileOrder), nil
	}
	seg := e.segs[si].Segment()
	n := int(seg.Count())
	subs, err := e.subs(si)
	if err != nil {
		return nil, err
	}
	fo := &fileOrder{ord: make([]uint32, 0, n), rank: make([]uint32, n)}
	seen := roaring.New()
	type keyed struct {
		k uint64
		d uint32
	}
	var buf []keyed
	for _, s := range subs {
		buf = buf[:0]
		it := s.docs.Iterator()
		for it.HasNext() {
			d := it.Next()
			if seen.Contains(d) {
				continue
			}
			id, err := seg.DocID(uint64(d))
			if err != nil {
				return nil, err
			}
			buf = append(buf, keyed{rowKey(id), d})
		}
		if len(buf) == 0 {
			continue
		}
		slices.SortFunc(buf, func(a, b keyed) int {
			if a.k != b.k {
				if a.k < b.k {
					return -1
				}
				return 1
			}
			return int(a.d) - int(b.d)
		})
		fo.subStart = append(fo.subStart, len(fo.ord))
		fo.subIDs = append(fo.subIDs, s.id)
		for _, x := range buf {
			fo.ord = append(fo.ord, x.d)
		}
		seen.Or(s.docs)
	}
	// Documents of no submission (none are indexed so) go last.
	if uint64(n) > seen.GetCardinality() {
		rest := roaring.Flip(seen, 0, uint64(n))
		fo.ord = append(fo.ord, rest.ToArray()...)
	}
	for i, d := range fo.ord {
		fo.rank[d] = uint32(i)
	}
	e.cache.put(k, fo, int64(8*n+16*len(subs)+64))
	return fo, nil
}

// subAt returns the submission of the document at index i of ord (0 for
// none).
func (fo *fileOrder) subAt(i int) int64 {
	j := sort.Search(len(fo.subStart), func(j int) bool { return fo.subStart[j] > i }) - 1
	if j < 0 {
		return 0
	}
	return fo.subIDs[j]
}

// errTooManyChecks stops a file-order page that would check too many
// phrase candidates one by one; the phrases are then checked in full.
var errTooManyChecks = errors.New("search: too many candidates to check one by one")

// maxDocChecks is how many candidates a file-order page may check one by
// one before the phrases are checked in full instead.
const maxDocChecks = 2000

// pageDoc is a hit of a file-order page.
type pageDoc struct {
	sub int64
	row uint64
	id  string
}

// fileOrderPage returns the ids of the hits offset to offset+limit in
// file order. Documents whose match is not known yet (a phrase checked
// only in part) are checked one by one; when that would take too many
// checks, the phrases are checked in full and res is replaced by the
// exact results, which fileOrderPage returns.
func (e *evaluator) fileOrderPage(n *node, res []lh, offset, limit int) ([]string, []lh, error) {
	want := offset + limit
	for {
		budget := maxDocChecks
		var docs []pageDoc
		var err error
		for si, r := range res {
			var ds []pageDoc
			if ds, err = e.firstInFileOrder(n, si, r, want, &budget); err != nil {
				break
			}
			docs = append(docs, ds...)
		}
		if errors.Is(err, errTooManyChecks) {
			e.deadline = time.Time{}
			if res, err = e.eval(n); err != nil {
				return nil, nil, err
			}
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		sort.Slice(docs, func(i, j int) bool {
			if docs[i].sub != docs[j].sub {
				return docs[i].sub < docs[j].sub
			}
			return docs[i].row < docs[j].row
		})
		var ids []string
		for i := offset; i < len(docs) && i < want; i++ {
			ids = append(ids, docs[i].id)
		}
		return ids, res, nil
	}
}

// firstInFileOrder returns up to want matches of segment si in file
// order.
func (e *evaluator) firstInFileOrder(n *node, si int, r lh, want int, budget *int) ([]pageDoc, error) {
	if r.hi.IsEmpty() || want <= 0 {
		return nil, nil
	}
	fo, err := e.order(si)
	if err != nil {
		return nil, err
	}
	seg := e.segs[si].Segment()
	var out []pageDoc
	take := func(d uint32) (bool, error) {
		if !r.exact() && !r.lo.Contains(d) {
			if *budget--; *budget < 0 {
				return false, errTooManyChecks
			}
			ok, err := e.matchDoc(n, si, d)
			if err != nil || !ok {
				return false, err
			}
		}
		id, err := seg.DocID(uint64(d))
		if err != nil {
			return false, err
		}
		out = append(out, pageDoc{sub: fo.subAt(int(fo.rank[d])), row: rowKey(id), id: string(id)})
		return len(out) >= want, nil
	}
	card := r.hi.GetCardinality()
	if card <= uint64(max(4096, len(fo.ord)/64)) {
		// Few candidates: sort them by their place in the file.
		ds := r.hi.ToArray()
		slices.SortFunc(ds, func(a, b uint32) int { return int(fo.rank[a]) - int(fo.rank[b]) })
		for _, d := range ds {
			if done, err := take(d); done || err != nil {
				return out, err
			}
		}
		return out, nil
	}
	// Many: walk the file order, skipping submissions without candidates.
	subs, err := e.subs(si)
	if err != nil {
		return nil, err
	}
	docsOf := make(map[int64]*roaring.Bitmap, len(subs))
	for _, s := range subs {
		docsOf[s.id] = s.docs
	}
	for j, start := range fo.subStart {
		end := len(fo.ord)
		if j+1 < len(fo.subStart) {
			end = fo.subStart[j+1]
		}
		if b := docsOf[fo.subIDs[j]]; b != nil && !b.Intersects(r.hi) {
			continue
		}
		for _, d := range fo.ord[start:end] {
			if !r.hi.Contains(d) {
				continue
			}
			if done, err := take(d); done || err != nil {
				return out, err
			}
		}
	}
	return out, nil
}
