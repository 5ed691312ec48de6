// Package fulltext keeps the workspace's full-text search index: a bleve
// index under the workspace's index folder, derived entirely from the
// SQLite store. Every record (its fields' text) and every passage is one
// search document carrying its case, provider, submission, kind, file,
// confidentiality label, incident found date and text.
//
// The index never holds anything SQLite does not: text is indexed but not
// stored, and snippets are cut from the text read back from SQLite. What the
// index has taken in is recorded inside it (per submission, with the file's
// SHA-256 and id ranges) in the same bleve batch as the submission's last
// documents, so after a crash at any point [Index.Sync] sees what is
// missing and indexes it again. A missing, unreadable or outdated index is
// rebuilt from scratch when it is opened.
package fulltext

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/inspection-workbench/workbench/store"
	"github.com/inspection-workbench/workbench/store/searchlang"
)

// formatVersion names the shape of the index: its mapping, the fields of
// its documents and the terms its analyzer gives. An index written with
// another format is rebuilt by the next Sync, with progress. 4: CJK 3- and
// 4-grams as well as unigrams and bigrams (#15). 5: one term per position,
// the longest n-gram there, with positions but no offsets (appendGrams).
const formatVersion = "5"

// Internal keys kept inside the bleve index.
var (
	formatKey = []byte("wb/format")
	stateKey  = []byte("wb/state")
)

// Document field names.
const (
	fieldText     = "text"
	fieldCase     = "case"
	fieldProvider = "provider"
	fieldSub      = "submission"
	fieldKind     = "kind"
	fieldFile     = "file"
	fieldLabel    = "label"
	fieldFound    = "found"
)

// defaultBatchDocs is how many documents go into one bleve batch. Two
// batches are analysed and built at once, and their analysed documents
// are most of the live heap while indexing: at 200,000 rows, batches of
// 2000 peaked at ~300 MB of RSS where 4000 took ~500 MB, for the same CPU
// time (docs/performance.md).
const defaultBatchDocs = 2000

// batchTextBytes also ends a batch: documents of long rows are cut into
// batches of fewer documents, so a batch's analysed documents and the
// in-memory segment built from them take about what 2000 documents of
// wbgen's log take (their text is up to ~225 bytes). At 2000 documents
// of the second generated log's ~490 bytes, analysis alone held the Go
// heap at its 450 MiB limit (docs/performance.md).
const batchTextBytes = defaultBatchDocs * 256

// Options says how stored records become text.
type Options struct {
	// RecordText returns the text a record is searched by and, for kinds
	// that have one, the date it was found (zero otherwise).
	RecordText func(kind string, r workbench.RecordRow) (string, time.Time, error)
	// TextVersion identifies RecordText's output; when it changes the index
	// is rebuilt.
	TextVersion string
	// BatchDocs is how many documents go into one bleve batch (default
	// 2000); progress is reported per batch.
	BatchDocs int
}

// subState records one submission the index holds.
type subState struct {
	SHA256 string   `json:"sha256"`
	Case   int64    `json:"case"`
	Rec    [2]int64 `json:"rec,omitempty"` // first and last record id
	Psg    [2]int64 `json:"psg,omitempty"` // first and last passage id
	// Label is the confidentiality label the documents carry; a label
	// changed since makes Sync index the submission again. "" in a state
	// written before labels could change: Sync takes the stored label.
	Label string `json:"label,omitempty"`
}

// Index is the workspace's search index. Its methods are safe for
// concurrent use; updates are serialised, searches run alongside them and
// see what has been indexed so far.
type Index struct {
	st   *store.Store
	opts Options
	path string

	mu sync.Mutex // serialises updates, Rebuild and Close
	// swap is held for reading by searches and for writing while Rebuild
	// or Close replace or close idx, so no search runs on a closed index.
	// closed is written under both mu and swap.
	swap    sync.RWMutex
	idx     bleve.Index
	state   map[int64]subState
	pending string // why the index was recreated at open, until the next Sync reports it
	closed  bool
	bits    bitCache // bitmaps of the index's segments (see bitmaps.go)
}

// Open opens the search index of st's workspace, creating it when it is
// missing and recreating it when it cannot be read or was written in
// another format; the next [Index.Sync] then indexes everything. Open
// itself indexes nothing.
func Open(ctx context.Context, st *store.Store, opts Options) (*Index, error) {
	if opts.RecordText == nil {
		return nil, errors.New("open search index: no RecordText function")
	}
	if opts.BatchDocs <= 0 {
		opts.BatchDocs = defaultBatchDocs
	}
	useAnalysisQueue()
	x := &Index{
		st:   st,
		opts: opts,
		path: filepath.Join(st.IndexDir(), "bleve"),
	}
	if err := x.open(); err != nil {
		return nil, err
	}
	return x, nil
}

func (x *Index) format() string { return formatVersion + "/" + x.opts.TextVersion }

func runtimeConfig() map[string]interface{} {
	// A batch returns once it is searchable in memory; durability comes
	// from the state key, which is written with a submission's last batch
	// and waited for until it is on disk, and from Sync redoing whatever
	// the state does not list. (bleve's persister defaults measured
	// fastest; see docs/performance.md.)
	return map[string]interface{}{
		"unsafe_batch": true,
		// The background merger makes segments of at most this many
		// documents; larger merges wait for settle, when indexing no
		// longer holds memory (see indexMaxMergedDocs). A lower default
		// set for the whole program (tests turn merging off) stands.
		"scorchMergePlanOptions": map[string]interface{}{
			"MaxSegmentSize": min(indexMaxMergedDocs, mergeplan.DefaultMergePlanOptions.MaxSegmentSize),
		},
	}
}

// indexMaxMergedDocs bounds the segments bleve's background merger makes.
// A merge reads its segments through memory-mapped files, which count in
// the process's resident memory; merging hundreds of thousands of
// documents while batches are being built and analysed took the peak RSS
// of a 1M-row update from ~500 MB to ~790 MB. Larger segments are made by
// settle, after the update, with bleve's default policy.
const indexMaxMergedDocs = 50000

func (x *Index) open() error {
	x.bits.reset() // segment ids start again in another index
	reason := ""
	if _, err := os.Stat(x.path); errors.Is(err, os.ErrNotExist) {
		reason = "missing"
	} else {
		idx, err := bleve.OpenUsing(x.path, runtimeConfig())
		if err == nil {
			x.idx = idx
			reason = x.loadState()
			if reason == "" {
				return nil
			}
			_ = idx.Close()
			x.idx = nil
		} else {
			reason = fmt.Sprintf("unreadable (%v)", err)
		}
	}
	if err := os.RemoveAll(x.path); err != nil {
		return fmt.Errorf("remove old search index %s: %w", x.path, err)
	}
	if err := os.MkdirAll(filepath.Dir(x.path), 0o755); err != nil {
		return fmt.Errorf("create search index folder: %w", err)
	}
	m, err := newMapping()
	if err != nil {
		return err
	}
	idx, err := bleve.NewUsing(x.path, m, scorch.Name, scorch.Name, runtimeConfig())
	if err != nil {
		return fmt.Errorf("create search index %s: %w", x.path, err)
	}
	if err := idx.SetInternal(formatKey, []byte(x.format())); err != nil {
		_ = idx.Close()
		return fmt.Errorf("create search index %s: %w", x.path, err)
	}
	x.idx = idx
	x.state = map[int64]subState{}
	x.pending = reason
	return nil
}

// loadState reads the format and state keys; it returns why the index
// cannot be used, or "".
func (x *Index) loadState() string {
	f, err := x.idx.GetInternal(formatKey)
	if err != nil {
		return fmt.Sprintf("unreadable (%v)", err)
	}
	if string(f) != x.format() {
		return fmt.Sprintf("written in format %q, this program uses %q", f, x.format())
	}
	raw, err := x.idx.GetInternal(stateKey)
	if err != nil {
		return fmt.Sprintf("unreadable (%v)", err)
	}
	state := map[int64]subState{}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &state); err != nil {
			return fmt.Sprintf("unreadable state (%v)", err)
		}
	}
	x.state = state
	return ""
}

func newMapping() (*mapping.IndexMappingImpl, error) {
	m := mapping.NewIndexMapping()
	if err := searchlang.Register(m); err != nil {
		return nil, err
	}
	m.DefaultAnalyzer = searchlang.AnalyzerName
	m.DefaultField = fieldText
	m.IndexDynamic, m.StoreDynamic, m.DocValuesDynamic = false, false, false
	doc := mapping.NewDocumentStaticMapping()
	text := mapping.NewTextFieldMapping()
	text.Analyzer = searchlang.AnalyzerName
	text.Store, text.IncludeInAll, text.DocValues = false, false, false
	text.IncludeTermVectors = true
	doc.AddFieldMappingsAt(fieldText, text)
	for _, name := range []string{fieldCase, fieldProvider, fieldSub, fieldKind, fieldFile, fieldLabel} {
		kw := mapping.NewKeywordFieldMapping()
		kw.Store, kw.IncludeInAll = false, false
		kw.DocValues = name == fieldSub // the facet
		doc.AddFieldMappingsAt(name, kw)
	}
	day := mapping.NewKeywordFieldMapping() // YYYY-MM-DD, see searchlang.DayTerm
	day.Store, day.IncludeInAll, day.DocValues = false, false, false
	doc.AddFieldMappingsAt(fieldFound, day)
	m.DefaultMapping = doc
	return m, nil
}

// Close closes the index, waiting for an update in progress to stop at
// its next batch (cancel its context to make that soon) and for searches
// in progress to finish.
func (x *Index) Close() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.swap.Lock()
	defer x.swap.Unlock()
	if x.closed {
		return nil
	}
	x.closed = true
	if err := x.idx.Close(); err != nil {
		return fmt.Errorf("close search index: %w", err)
	}
	return nil
}

// Rebuild throws the index away and indexes everything again. Searches
// wait while the old index is replaced by an empty one, then see the new
// one fill up.
func (x *Index) Rebuild(ctx context.Context, progress func(workbench.IndexProgress)) (workbench.IndexReport, error) {
	x.mu.Lock()
	err := x.recreate()
	x.mu.Unlock()
	if err != nil {
		return workbench.IndexReport{}, fmt.Errorf("rebuild search index: %w", err)
	}
	return x.Sync(ctx, progress)
}

func (x *Index) recreate() error {
	x.swap.Lock()
	defer x.swap.Unlock()
	if x.closed {
		return errors.New("index is closed")
	}
	// From here on, a failure leaves no usable index: mark it closed so
	// every later call says so instead of using a closed bleve index.
	x.closed = true
	if err := x.idx.Close(); err != nil {
		return err
	}
	if err := os.RemoveAll(x.path); err != nil {
		return err
	}
	if err := x.open(); err != nil {
		return err
	}
	x.closed = false
	x.pending = "requested"
	return nil
}

// Sync brings the index up to date with the store: it drops the documents
// of submissions that are gone (a deleted case) or changed, and indexes
// the submissions the index lacks. progress (which may be nil) is called
// after each batch, one call at a time, from Sync's goroutine or from the
// goroutines it starts. When ctx is cancelled Sync stops
// after the batch in hand; what it finished is kept and the rest is done
// by the next Sync.
func (x *Index) Sync(ctx context.Context, progress func(workbench.IndexProgress)) (workbench.IndexReport, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return workbench.IndexReport{}, errors.New("update search index: index is closed")
	}
	var rep workbench.IndexReport
	if x.pending != "" {
		rep.Rebuilt, rep.Reason = true, x.pending
	}
	if progress == nil {
		progress = func(workbench.IndexProgress) {}
	}
	srcs, err := x.st.IndexSources(ctx)
	if err != nil {
		return rep, fmt.Errorf("update search index: %w", err)
	}
	live := make(map[int64]store.IndexSource, len(srcs))
	for _, s := range srcs {
		live[s.ID] = s
	}
	if err := x.adoptLabels(live); err != nil {
		return rep, err
	}
	// Remove what SQLite no longer has, or has differently.
	var gone []int64
	for id, st := range x.state {
		if s, ok := live[id]; !ok || s.SHA256 != st.SHA256 || s.CaseID != st.Case || s.Label != st.Label {
			gone = append(gone, id)
		}
	}
	sort.Slice(gone, func(i, j int) bool { return gone[i] < gone[j] })
	removeTotal := 0
	for _, id := range gone {
		removeTotal += x.state[id].docs()
	}
	for _, id := range gone {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		n, err := x.remove(id, func(done int) {
			progress(workbench.IndexProgress{Phase: workbench.IndexRemove, Done: rep.Removed + done, Total: removeTotal})
		})
		rep.Removed += n
		if err != nil {
			return rep, err
		}
	}
	// Index what the index lacks.
	var todo []store.IndexSource
	total := 0
	for _, s := range srcs {
		if _, ok := x.state[s.ID]; !ok {
			todo = append(todo, s)
			total += s.Records + s.Passages
		}
	}
	phase := workbench.IndexUpdate
	if rep.Rebuilt {
		phase = workbench.IndexRebuild
	}
	if len(todo) > 0 {
		progress(workbench.IndexProgress{Phase: phase, Done: 0, Total: total, File: todo[0].FileName})
		// Merges, during the update and in settle, read segment files
		// through their memory maps (see mapped.go).
		defer x.releasingMapped(ctx)()
	}
	for _, s := range todo {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		base := rep.Added
		n, err := x.add(ctx, s, func(done int) {
			progress(workbench.IndexProgress{Phase: phase, Done: base + done, Total: total, File: s.FileName})
		})
		rep.Added += n
		if err != nil {
			return rep, err
		}
		rep.Submissions++
	}
	x.pending = ""
	if rep.Added >= settleAfter {
		// Give the memory indexing used back first: the merges map their
		// segments' files, and the two together make the peak.
		debug.FreeOSMemory()
		if err := x.settle(ctx); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// adoptLabels records the stored label of each submission whose state has
// none: it was indexed before a label could change after import, so its
// documents carry the label the store has. The state is written at once,
// so that a label changed later is seen as a change.
func (x *Index) adoptLabels(live map[int64]store.IndexSource) error {
	adopted := false
	for id, st := range x.state {
		if s, ok := live[id]; ok && st.Label == "" {
			st.Label = s.Label
			x.state[id] = st
			adopted = true
		}
	}
	if !adopted {
		return nil
	}
	raw, err := json.Marshal(x.state)
	if err != nil {
		return fmt.Errorf("update search index: %w", err)
	}
	if err := x.idx.SetInternal(stateKey, raw); err != nil {
		return fmt.Errorf("update search index: record labels: %w", err)
	}
	return nil
}

// settleAfter is how many added documents make Sync wait for the merges
// they call for.
const settleAfter = 20000

// settle runs the merges bleve's default policy plans for the segments a
// large update left, and waits for them. Otherwise they would run later in
// whichever process opens the index next, competing with its searches
// for CPU and memory (and a CLI process exits before they finish).
func (x *Index) settle(ctx context.Context) error {
	sc, ok := x.advanced()
	if !ok {
		return nil
	}
	mo := mergeplan.DefaultMergePlanOptions
	if err := sc.ForceMerge(ctx, &mo); err != nil && ctx.Err() == nil {
		return fmt.Errorf("update search index: merge segments: %w", err)
	}
	x.awaitCleanup(ctx)
	return nil
}

// awaitCleanup waits, briefly, until the files of segments merged away
// are deleted. bleve's persister deletes them after it has written the
// merged index's snapshot, when it next waits for work; a CLI process
// that exited first left them on disk until the index was next opened
// (660 MB instead of 465 MB after indexing 1M rows).
func (x *Index) awaitCleanup(ctx context.Context) {
	// A batch that waits until it is on disk: everything the merges
	// introduced before it is persisted too.
	b := x.idx.NewBatch()
	persisted := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	raw, err := x.idx.GetInternal(stateKey)
	if err != nil {
		return
	}
	b.SetInternal(stateKey, raw)
	if err := x.idx.Batch(b); err != nil || <-persisted != nil {
		return
	}
	dir := filepath.Join(x.path, "store")
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline) && ctx.Err() == nil; time.Sleep(50 * time.Millisecond) {
		snap, err := x.snapshot()
		if err != nil {
			return
		}
		live := map[string]bool{}
		for _, s := range snap.Segments() {
			live[segmentFileName(s.Id())] = true
		}
		_ = snap.Close()
		files, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		stale := false
		for _, f := range files {
			if filepath.Ext(f.Name()) == ".zap" && !live[f.Name()] {
				stale = true
				break
			}
		}
		if !stale {
			return
		}
	}
}

func (x *Index) advanced() (*scorch.Scorch, bool) {
	ai, err := x.idx.Advanced()
	if err != nil {
		return nil, false
	}
	sc, ok := ai.(*scorch.Scorch)
	return sc, ok
}

func (s subState) docs() int {
	n := 0
	if s.Rec[1] > 0 {
		n += int(s.Rec[1] - s.Rec[0] + 1)
	}
	if s.Psg[1] > 0 {
		n += int(s.Psg[1] - s.Psg[0] + 1)
	}
	return n
}

// stateWith returns the state JSON with sub set (or removed when st is
// nil), without changing x.state.
func (x *Index) stateWith(id int64, st *subState) ([]byte, error) {
	next := make(map[int64]subState, len(x.state)+1)
	for k, v := range x.state {
		next[k] = v
	}
	if st == nil {
		delete(next, id)
	} else {
		next[id] = *st
	}
	b, err := json.Marshal(next)
	return b, err
}

func (x *Index) commitState(b *bleve.Batch, id int64, st *subState) error {
	raw, err := x.stateWith(id, st)
	if err != nil {
		return fmt.Errorf("update search index: %w", err)
	}
	b.SetInternal(stateKey, raw)
	// Earlier batches returned once searchable in memory (unsafe_batch);
	// this one waits until it, and so everything before it, is on disk.
	persisted := make(chan error, 1)
	b.SetPersistedCallback(func(err error) { persisted <- err })
	if err := x.idx.Batch(b); err != nil {
		return fmt.Errorf("update search index: %w", err)
	}
	if err := <-persisted; err != nil {
		return fmt.Errorf("update search index: write to disk: %w", err)
	}
	if st == nil {
		delete(x.state, id)
	} else {
		x.state[id] = *st
	}
	return nil
}

// remove deletes the documents of submission id.
func (x *Index) remove(id int64, progress func(done int)) (int, error) {
	st := x.state[id]
	b := x.idx.NewBatch()
	done := 0
	del := func(hitID func(int64) string, r [2]int64) error {
		if r[1] == 0 {
			return nil
		}
		for d := r[0]; d <= r[1]; d++ {
			b.Delete(hitID(d))
			done++
			if b.Size() >= x.opts.BatchDocs*4 {
				if err := x.idx.Batch(b); err != nil {
					return fmt.Errorf("update search index: remove submission %d: %w", id, err)
				}
				b.Reset()
				progress(done)
			}
		}
		return nil
	}
	if err := del(RecordHitID, st.Rec); err != nil {
		return done, err
	}
	if err := del(PassageHitID, st.Psg); err != nil {
		return done, err
	}
	if err := x.commitState(b, id, nil); err != nil {
		return done, err
	}
	progress(done)
	return done, nil
}

// pageRows is how many rows one SQLite read brings.
const pageRows = 2000

// add indexes one submission: a reader goroutine turns SQLite pages into
// documents and batchWorkers goroutines hand them to bleve. bleve builds a
// batch's segment on the calling goroutine, so two batches in flight keep
// both cores busy.
func (x *Index) add(ctx context.Context, src store.IndexSource, progress func(done int)) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []*document.Document, 2)
	var perr error
	go func() {
		defer close(batches)
		perr = x.produce(ctx, src, batches)
	}()
	var (
		mu   sync.Mutex
		done int
		werr error
		wg   sync.WaitGroup
	)
	workers := batchWorkers()
	// At most maxUnpersisted batches wait in memory for the persister;
	// a worker with a batch beyond that waits for the oldest to be
	// written (its persisted callback frees a slot).
	inflight := make(chan struct{}, maxUnpersisted)
	// Garbage from analysis is most of the heap's growth. Collecting it
	// at three times the live heap instead of twice costs less CPU; the
	// soft limit keeps the heap below indexMemoryLimit whatever the
	// ratio. A program that set a lower limit or a higher ratio keeps
	// its own.
	if old := debug.SetMemoryLimit(-1); old > indexMemoryLimit {
		debug.SetMemoryLimit(indexMemoryLimit)
		defer debug.SetMemoryLimit(old)
	}
	if old := debug.SetGCPercent(indexGCPercent); old < 0 || old > indexGCPercent {
		debug.SetGCPercent(old)
	} else {
		defer debug.SetGCPercent(old)
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for docs := range batches {
				if ctx.Err() != nil {
					continue // drain so the producer can finish
				}
				b := x.idx.NewBatch()
				var err error
				for _, d := range docs {
					if err = b.IndexAdvanced(d); err != nil {
						break
					}
				}
				if err == nil {
					select {
					case inflight <- struct{}{}:
					case <-ctx.Done():
						continue // drain so the producer can finish
					}
					var once sync.Once
					release := func() { once.Do(func() { <-inflight }) }
					b.SetPersistedCallback(func(error) { release() })
					if err = x.idx.Batch(b); err != nil {
						release()
					}
				}
				mu.Lock()
				if err != nil && werr == nil {
					werr = fmt.Errorf("update search index: %s: %w", src.FileName, err)
					cancel()
				}
				if err == nil {
					done += len(docs)
					progress(done)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if werr != nil {
		return done, werr
	}
	if perr != nil {
		return done, perr
	}
	st := subState{SHA256: src.SHA256, Case: src.CaseID, Label: src.Label}
	if src.LastRecord > 0 {
		st.Rec = [2]int64{src.FirstRecord, src.LastRecord}
	}
	if src.LastPassage > 0 {
		st.Psg = [2]int64{src.FirstPassage, src.LastPassage}
	}
	if err := x.commitState(x.idx.NewBatch(), src.ID, &st); err != nil {
		return done, err
	}
	return done, nil
}

// maxUnpersisted is how many batches may be in memory, not yet on disk,
// during an update; it bounds the indexing process's memory (with the
// default 2000 documents a batch, 8 is 16,000 documents).
const maxUnpersisted = 8

// indexMemoryLimit is the soft memory limit (runtime/debug) while a
// submission is indexed, unless the program set a lower one.
const indexMemoryLimit = 450 << 20

// indexGCPercent is the collector's ratio (GOGC) while a submission is
// indexed: at 200,000 rows 200 took 16.6 s of CPU and peaked at 434 MB of
// RSS, the default 100 18.5 s and 302 MB (docs/performance.md).
const indexGCPercent = 200

// batchWorkers is how many batches are built at once.
func batchWorkers() int {
	if n := batchWorkersSet.Load(); n > 0 {
		return int(n)
	}
	return max(2, min(runtime.GOMAXPROCS(0), 4))
}

// produce reads a submission's rows and sends them as documents in batches
// of Options.BatchDocs, or of batchTextBytes of text when that comes first
// (unless a smaller BatchDocs was asked for, as tests do).
func (x *Index) produce(ctx context.Context, src store.IndexSource, out chan<- []*document.Document) error {
	common := x.commonFields(src)
	docs := make([]*document.Document, 0, x.opts.BatchDocs)
	textBytes := 0 // in docs
	send := func() error {
		if len(docs) == 0 {
			return nil
		}
		select {
		case out <- docs:
		case <-ctx.Done():
			return ctx.Err()
		}
		docs = make([]*document.Document, 0, x.opts.BatchDocs)
		textBytes = 0
		return nil
	}
	full := func(text string) bool {
		textBytes += len(text)
		return len(docs) == x.opts.BatchDocs || textBytes >= batchTextBytes && x.opts.BatchDocs >= defaultBatchDocs
	}
	if src.LastRecord > 0 {
		for from := src.FirstRecord; ; {
			rows, err := x.st.RecordsFrom(ctx, src.ID, from, pageRows)
			if err != nil {
				return fmt.Errorf("update search index: %s: %w", src.FileName, err)
			}
			if len(rows) == 0 {
				break
			}
			for _, r := range rows {
				text, found, err := x.opts.RecordText(src.Kind, r)
				if err != nil {
					return fmt.Errorf("update search index: %s, record %d: %w", src.FileName, r.ID, err)
				}
				docs = append(docs, x.newDoc(RecordHitID(r.ID), text, found, common))
				if full(text) {
					if err := send(); err != nil {
						return err
					}
				}
			}
			from = rows[len(rows)-1].ID + 1
		}
	}
	if src.LastPassage > 0 {
		for seq := 0; ; {
			ps, err := x.st.Passages(ctx, src.ID, seq, pageRows)
			if err != nil {
				return fmt.Errorf("update search index: %s: %w", src.FileName, err)
			}
			if len(ps) == 0 {
				break
			}
			for _, p := range ps {
				docs = append(docs, x.newDoc(PassageHitID(p.ID), p.Text, time.Time{}, common))
				if full(p.Text) {
					if err := send(); err != nil {
						return err
					}
				}
			}
			seq = ps[len(ps)-1].Seq
		}
	}
	return send()
}

// commonFields are the keyword fields every document of src carries,
// analysed once and shared by them.
func (x *Index) commonFields(src store.IndexSource) []document.Field {
	kw := index.IndexField
	facet := index.IndexField | index.DocValues
	return []document.Field{
		newKeywordField(fieldCase, []byte(strconv.FormatInt(src.CaseID, 10)), kw),
		newKeywordField(fieldProvider, []byte(strconv.FormatInt(src.ProviderID, 10)), kw),
		newKeywordField(fieldSub, []byte(strconv.FormatInt(src.ID, 10)), facet),
		newKeywordField(fieldKind, []byte(src.Kind), kw),
		newKeywordField(fieldFile, []byte(src.FileName), kw),
		newKeywordField(fieldLabel, []byte(src.Label), kw),
	}
}

func (x *Index) newDoc(id string, text string, found time.Time, common []document.Field) *document.Document {
	d := document.NewDocument(id)
	d.Fields = make([]document.Field, 0, len(common)+2)
	d.AddField(newTextField(text))
	for _, f := range common {
		d.AddField(f)
	}
	if !found.IsZero() {
		d.AddField(newKeywordField(fieldFound, []byte(searchlang.DayTerm(found)), index.IndexField))
	}
	return d
}

// DocCount returns how many documents the index holds.
func (x *Index) DocCount() (uint64, error) {
	x.swap.RLock()
	defer x.swap.RUnlock()
	if x.closed {
		return 0, errors.New("count search documents: index is closed")
	}
	n, err := x.idx.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count search documents: %w", err)
	}
	return n, nil
}
