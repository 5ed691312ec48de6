package app

import (
	"context"
	"github.com/inspection-workbench/workbench"
	"sync"
	"time"
)

// IndexEvent is what an Indexer tells its subscribers: progress of an
// update under way, or, with Done set, that the updates asked for have
// finished, what they did together and the error that stopped them.
type IndexEvent struct {
	Progress workbench.IndexProgress // the update under way, when Done is false
	Done     bool
	Report   workbench.IndexReport // when Done: what the updates did, summed
	Err      error                 // when Done: why they stopped early, if they did
}

// Indexer keeps a workspace's search index up to date in the background,
// for a user interface: Request asks for an update, which runs on a
// goroutine of the indexer's; updates run one at a time, and one asked for
// while another runs follows it, so nothing asked for is missed.
// Subscribers hear of progress at most ten times a second per phase (the
// first and last report of a phase always) and once when the updates end.
// The zero Indexer is not usable: call NewIndexer.
type Indexer struct {
	a        *App
	ctx      context.Context
	cancel   context.CancelFunc
	interval time.Duration // least time between two progress events of a phase

	mu      sync.Mutex
	idle    *sync.Cond // signalled when running turns false
	running bool       // an update is under way
	again   bool       // another update was asked for while one ran
	subs    map[int]func(IndexEvent)
	nextSub int
}

// NewIndexer returns an idle indexer for a's search index. Close it when
// done with it.
func NewIndexer(a *App) *Indexer {
	x := &Indexer{a: a, interval: 100 * time.Millisecond, subs: map[int]func(IndexEvent){}}
	x.ctx, x.cancel = context.WithCancel(context.Background())
	x.idle = sync.NewCond(&x.mu)
	return x
}

// Subscribe has f called with every event from now on, on the indexer's
// goroutine, one call at a time; f must not block (a GUI hands the event
// to its UI goroutine). The function returned ends the subscription.
func (x *Indexer) Subscribe(f func(IndexEvent)) (unsubscribe func()) {
	x.mu.Lock()
	defer x.mu.Unlock()
	id := x.nextSub
	x.nextSub++
	x.subs[id] = f
	return func() {
		x.mu.Lock()
		delete(x.subs, id)
		x.mu.Unlock()
	}
}

// Request asks for the index to be brought up to date. It returns at
// once. After Close it does nothing.
func (x *Indexer) Request() {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.ctx.Err() != nil {
		return
	}
	if x.running {
		x.again = true
		return
	}
	x.running = true
	go x.run()
}

// Running reports whether an update is under way or asked for.
func (x *Indexer) Running() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.running
}

// Wait returns when no update is under way or asked for, after the
// subscribers have heard that the last one finished.
func (x *Indexer) Wait() {
	x.mu.Lock()
	defer x.mu.Unlock()
	for x.running {
		x.idle.Wait()
	}
}

// Cancel stops an update under way at its next batch and refuses
// further requests, without waiting: call Close (or Wait) to wait.
func (x *Indexer) Cancel() { x.cancel() }

// Close stops an update under way at its next batch (the rest is done by
// the next indexer, which starts where this one stopped), waits for it and
// refuses further requests.
func (x *Indexer) Close() {
	x.cancel()
	x.Wait()
}

// run runs updates until none is asked for, then tells the subscribers.
func (x *Indexer) run() {
	var total workbench.IndexReport
	var err error
	for {
		var rep workbench.IndexReport
		rep, err = x.a.SyncIndex(x.ctx, x.progressFunc())
		total = addIndexReports(total, rep)
		x.mu.Lock()
		again := x.again && err == nil && x.ctx.Err() == nil
		x.again = false
		x.mu.Unlock()
		if !again {
			break
		}
	}
	x.publish(IndexEvent{Done: true, Report: total, Err: err})
	x.mu.Lock()
	if x.again && x.ctx.Err() == nil {
		// Asked for after the last update had ended but before this
		// goroutine noticed: run once more rather than miss it.
		x.again = false
		x.mu.Unlock()
		x.run()
		return
	}
	x.running = false
	x.idle.Broadcast()
	x.mu.Unlock()
}

// publish hands e to every subscriber.
func (x *Indexer) publish(e IndexEvent) {
	x.mu.Lock()
	subs := make([]func(IndexEvent), 0, len(x.subs))
	for _, f := range x.subs {
		subs = append(subs, f)
	}
	x.mu.Unlock()
	for _, f := range subs {
		f(e)
	}
}

// progressFunc passes one update's progress on to the subscribers, at
// most once per interval within a phase.
func (x *Indexer) progressFunc() func(workbench.IndexProgress) {
	var mu sync.Mutex // SyncIndex may report from goroutines of its own
	var last time.Time
	var phase workbench.IndexProgress
	started := false
	return func(p workbench.IndexProgress) {
		mu.Lock()
		defer mu.Unlock()
		now := time.Now()
		if started && p.Phase == phase.Phase && p.Done < p.Total && now.Sub(last) < x.interval {
			return
		}
		started, last, phase = true, now, p
		x.publish(IndexEvent{Progress: p})
	}
}

// addIndexReports sums what two index updates did.
func addIndexReports(a, b workbench.IndexReport) workbench.IndexReport {
	a.Rebuilt = a.Rebuilt || b.Rebuilt
	if b.Reason != "" {
		a.Reason = b.Reason
	}
	a.Submissions += b.Submissions
	a.Added += b.Added
	a.Removed += b.Removed
	return a
}
