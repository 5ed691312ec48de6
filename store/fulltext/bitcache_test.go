package fulltext

import "testing"

// TestBitCache checks the cache's bound, its least-recently-used order
// and that entries of segments gone from the snapshot are dropped.
func TestBitCache(t *testing.T) {
	var c bitCache
	k := func(seg uint64, term string) cacheKey {
		return cacheKey{seg: seg, what: cachePostings, field: "text", term: term}
	}
	c.put(k(1, "a"), "A", 10)
	c.put(k(2, "b"), "B", 10)
	if v, ok := c.get(k(1, "a")); !ok || v != "A" {
		t.Fatalf("get a: %v %v", v, ok)
	}
	// Too large to keep.
	c.put(k(1, "huge"), "H", bitCacheBytes/2)
	if _, ok := c.get(k(1, "huge")); ok {
		t.Error("kept a value larger than a quarter of the cache")
	}
	// Filling the cache pushes out the least recently used: b, not a.
	for i := range 5 {
		c.put(k(3, string(rune('p'+i))), i, bitCacheBytes/4-100)
		c.get(k(1, "a"))
	}
	if _, ok := c.get(k(2, "b")); ok {
		t.Error("b, least recently used, still cached")
	}
	if _, ok := c.get(k(1, "a")); !ok {
		t.Error("a, used all along, pushed out")
	}
	if _, n := c.size(); n > bitCacheBytes {
		t.Errorf("%d bytes cached, bound %d", n, bitCacheBytes)
	}
	// Segment 1 goes: its entries go with it.
	c.keepSegments([]uint64{3})
	if _, ok := c.get(k(1, "a")); ok {
		t.Error("entry of a segment no longer in the snapshot kept")
	}
	c.reset()
	if n, b := c.size(); n != 0 || b != 0 {
		t.Errorf("after reset: %d entries, %d bytes", n, b)
	}
}
