package app

import (
	"context"
	"github.com/inspection-workbench/workbench"
	"sync"
	"testing"
)

// indexEvents subscribes to x and collects what it hears.
type indexEvents struct {
	mu     sync.Mutex
	events []IndexEvent
}

func (e *indexEvents) add(ev IndexEvent) {
	e.mu.Lock()
	e.events = append(e.events, ev)
	e.mu.Unlock()
}

func (e *indexEvents) take() []IndexEvent {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := e.events
	e.events = nil
	return out
}

func TestIndexerUpdatesInBackground(t *testing.T) {
	old := indexBatchDocs
	indexBatchDocs = 200 // several batches, so progress is reported
	t.Cleanup(func() { indexBatchDocs = old })
	a := openApp(t)
	ctx := context.Background()
	id := newCase(t, a)
	if _, err := a.SyncIndex(ctx, nil); err != nil { // the first, empty index
		t.Fatal(err)
	}
	if _, err := a.Import(ctx, ImportRequest{CaseID: id, Files: []string{sample("incidents.csv")}}); err != nil {
		t.Fatal(err)
	}

	x := NewIndexer(a)
	x.interval = 0 // every batch's progress, to count them
	defer x.Close()
	var got indexEvents
	unsubscribe := x.Subscribe(got.add)
	x.Request()
	x.Request() // asked for while the first runs: runs after it, one Done for both
	x.Wait()
	if x.Running() {
		t.Fatal("running after Wait")
	}
	events := got.take()
	if len(events) < 3 {
		t.Fatalf("%d events; want progress then done", len(events))
	}
	last := events[len(events)-1]
	if !last.Done || last.Err != nil {
		t.Fatalf("last event %+v; want done without error", last)
	}
	want := sqlCount(t, a, `SELECT count(*) FROM records`)
	if last.Report.Added != want {
		t.Errorf("report says %d documents added; the case has %d records", last.Report.Added, want)
	}
	for i, e := range events[:len(events)-1] {
		if e.Done {
			t.Errorf("event %d is Done before the last: the two requests were not merged", i)
		}
		if e.Progress.Total == 0 {
			t.Errorf("event %d: progress without a total: %+v", i, e.Progress)
		}
	}

	// A request with nothing new runs, reports done, changes nothing.
	x.Request()
	x.Wait()
	events = got.take()
	if len(events) == 0 || !events[len(events)-1].Done || events[len(events)-1].Report.Changed() {
		t.Errorf("idle update: events %+v", events)
	}

	// Unsubscribed, closed: nothing more is heard and requests are refused.
	unsubscribe()
	x.Close()
	x.Request()
	x.Wait()
	if events := got.take(); len(events) != 0 {
		t.Errorf("%d events after unsubscribing and closing", len(events))
	}
}

func TestIndexerThrottlesProgress(t *testing.T) {
	old := indexBatchDocs
	indexBatchDocs = 50
	t.Cleanup(func() { indexBatchDocs = old })
	a := openApp(t)
	ctx := context.Background()
	id := newCase(t, a)
	if _, err := a.Import(ctx, ImportRequest{CaseID: id, Files: []string{sample("incidents.csv")}}); err != nil {
		t.Fatal(err)
	}
	x := NewIndexer(a) // the default interval: a tenth of a second
	defer x.Close()
	var got indexEvents
	x.Subscribe(got.add)
	x.Request()
	x.Wait()
	events := got.take()
	var progress []workbench.IndexProgress
	for _, e := range events {
		if !e.Done {
			progress = append(progress, e.Progress)
		}
	}
	if len(progress) == 0 {
		t.Fatal("no progress reported")
	}
	if p := progress[len(progress)-1]; p.Done != p.Total {
		t.Errorf("last progress %+v: the end of a phase is always reported", p)
	}
	records := sqlCount(t, a, `SELECT count(*) FROM records`)
	if n := len(progress); n >= records/50 {
		t.Errorf("%d progress events for %d batches: not throttled", n, records/50)
	}
}
