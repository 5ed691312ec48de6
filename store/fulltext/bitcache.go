package fulltext

import (
	"container/list"
	"sync"
)

// bitCacheBytes bounds the memory the bitmap cache holds.
const bitCacheBytes = 96 << 20

// cacheKey names one cached value of one segment: a term's postings
// (field, term), a date range's union, a phrase's matches, a segment's
// file order or its submissions.
type cacheKey struct {
	seg   uint64 // the segment's id within the index
	what  byte   // one of the cache* kinds below
	field string
	term  string
}

// Kinds of cached values.
const (
	cachePostings byte = iota + 1 // *roaring.Bitmap: a term's postings, deleted documents included
	cacheRange                    // *roaring.Bitmap: the union of a term range's postings
	cachePhrase                   // phraseResult: a phrase's matches among the documents live when it was checked
	cacheOrder                    // *fileOrder
	cacheSubs                     // []segSub
	// cachePhraseWithin is never cached: it keys the work on a phrase
	// checked only where its AND siblings may match (phraseWithin).
	cachePhraseWithin
)

// bitCache keeps values computed from immutable segments, least recently
// used first out, up to bitCacheBytes. A segment's postings never change,
// and its deleted documents only grow, so what was computed for a segment
// id stays true for as long as that segment exists; entries of segments
// that are gone are dropped when a search sees a snapshot without them.
// The zero value is empty and ready; reset empties it when the index is
// replaced (segment ids start again).
type bitCache struct {
	mu    sync.Mutex
	items map[cacheKey]*list.Element
	lru   list.List
	bytes int64
	segs  map[uint64]bool // the segment ids of the last snapshot seen
}

type cacheEntry struct {
	key  cacheKey
	val  any
	size int64
}

func (c *bitCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items, c.bytes, c.segs = nil, 0, nil
	c.lru.Init()
}

func (c *bitCache) get(k cacheKey) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[k]
	if !ok {
		return nil, false
	}
	c.lru.MoveToFront(el)
	return el.Value.(*cacheEntry).val, true
}

// put stores v (about size bytes) under k. A value larger than a quarter
// of the cache is not kept.
func (c *bitCache) put(k cacheKey, v any, size int64) {
	if size > bitCacheBytes/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.items == nil {
		c.items = map[cacheKey]*list.Element{}
	}
	if el, ok := c.items[k]; ok {
		c.bytes -= el.Value.(*cacheEntry).size
		c.lru.Remove(el)
	}
	c.items[k] = c.lru.PushFront(&cacheEntry{key: k, val: v, size: size})
	c.bytes += size
	for c.bytes > bitCacheBytes {
		c.remove(c.lru.Back())
	}
}

func (c *bitCache) remove(el *list.Element) {
	e := el.Value.(*cacheEntry)
	c.lru.Remove(el)
	delete(c.items, e.key)
	c.bytes -= e.size
}

// keepSegments drops the entries of segments not in ids (the segments of
// the snapshot a search is about to use), when they changed since the
// last call.
func (c *bitCache) keepSegments(ids []uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	same := len(ids) == len(c.segs)
	for _, id := range ids {
		same = same && c.segs[id]
	}
	if same {
		return
	}
	c.segs = make(map[uint64]bool, len(ids))
	for _, id := range ids {
		c.segs[id] = true
	}
	for el := c.lru.Front(); el != nil; {
		next := el.Next()
		if !c.segs[el.Value.(*cacheEntry).key.seg] {
			c.remove(el)
		}
		el = next
	}
}

// size reports the entries and bytes held (for tests).
func (c *bitCache) size() (int, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items), c.bytes
}
