//go:build uistall

package ui

// The responsiveness benchmark of docs/performance.md (make bench-ui): the
// real desktop driver (it needs a display; the make target runs it under
// Xvfb) with the workbench window on screen, a 1M-row incident log
// imported through the Submissions tab as a user's import runs, then the
// search index brought up to date, while a probe measures how long the UI
// goroutine keeps work handed to it with fyne.Do waiting.
//
//	go test -tags 'migrated_fynedo uistall' -run '^$' -bench UIStall -benchtime 1x ./ui/ -args -log /tmp/incidents-1m.csv

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/inspection-workbench/workbench/app"
)

var (
	stallLog = flag.String("log", "", "incident log to import (wbgen incidents)")
	benchApp fyne.App
)

// TestMain runs the tests on a goroutine of their own while the desktop
// driver's event loop runs on the main goroutine, where it must.
func TestMain(m *testing.M) {
	benchApp = fyneapp.NewWithID(AppID + ".bench")
	Setup(benchApp)
	code := 0
	go func() {
		code = m.Run()
		fyne.Do(benchApp.Quit)
	}()
	benchApp.Run()
	// m.Run ran on another goroutine, so the testing package still
	// treats an exit as one during a test (-test.paniconexit0): leave
	// without its check.
	syscall.Exit(code)
}

// stallProbe hands a function to the UI goroutine with fyne.DoAndWait,
// waits until it has run, records how long that took, sleeps period and
// does it again: one probe waits at a time, so the probe cannot flood
// the queue it measures, and the delay is what any one event handed to
// the UI goroutine waits (a frame being drawn, callbacks before it).
type stallProbe struct {
	period time.Duration
	stop   chan struct{}
	done   sync.WaitGroup
	mu     sync.Mutex
	delays []time.Duration
	at     []time.Time // when each delay's probe was posted
}

func startProbe(period time.Duration) *stallProbe {
	p := &stallProbe{period: period, stop: make(chan struct{})}
	p.done.Add(1)
	go func() {
		defer p.done.Done()
		for {
			select {
			case <-p.stop:
				return
			case <-time.After(period):
			}
			posted := time.Now()
			var d time.Duration
			fyne.DoAndWait(func() { d = time.Since(posted) })
			if d > 100*time.Millisecond && os.Getenv("WB_STALL_LOG") != "" {
				fmt.Fprintf(os.Stderr, "stall %v at %s\n", d.Round(time.Millisecond), posted.Format("15:04:05.000"))
			}
			p.mu.Lock()
			p.delays = append(p.delays, d)
			p.at = append(p.at, posted)
			p.mu.Unlock()
		}
	}()
	return p
}

// finish stops the probe, waits for its last function to run and returns
// the delays sorted.
func (p *stallProbe) finish() []time.Duration {
	close(p.stop)
	p.done.Wait()
	fyne.DoAndWait(func() {})
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Sorted(slices.Values(p.delays))
}

// longestBefore is the longest delay of the probes posted before t, and
// of those posted at or after it: the import's share and the indexing's.
func (p *stallProbe) longestBefore(t time.Time) (before, after time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, d := range p.delays {
		if p.at[i].Before(t) {
			before = max(before, d)
		} else {
			after = max(after, d)
		}
	}
	return before, after
}

func pct(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(q*float64(len(sorted))))]
}

// settle waits until the window's background work, and the work it
// handed to the UI goroutine, has finished: the import, then the index
// update the import's completion asked for. It does not wait on mw.bg:
// the window adds to that WaitGroup while it runs (pages of records,
// reloads), and a Wait racing an Add panics ("WaitGroup is reused before
// previous Wait has returned").
func settle(mw *MainWindow) {
	for range 3 {
		mw.indexer.Wait()
		fyne.DoAndWait(func() {})
		time.Sleep(300 * time.Millisecond)
	}
}

func BenchmarkUIStall(b *testing.B) {
	if *stallLog == "" {
		b.Skip("give -args -log FILE (make bench-ui generates one)")
	}
	ctx := context.Background()
	for range b.N {
		b.StopTimer()
		ws, err := app.Open(ctx, b.TempDir(), true)
		if err != nil {
			b.Fatal(err)
		}
		c, err := ws.CreateCase(ctx, app.CaseInput{Provider: "星河智算科技有限公司", Service: "星河对话"})
		if err != nil {
			b.Fatal(err)
		}
		var mw *MainWindow
		fyne.DoAndWait(func() {
			mw = OpenMainWindow(benchApp, ws, StartOptions{CaseID: c.ID, Tab: "submissions"})
			mw.win.Resize(fyne.NewSize(1366, 768))
			mw.win.Show()
		})
		settle(mw)
		idle := startProbe(10 * time.Millisecond)
		time.Sleep(2 * time.Second)
		idleDelays := idle.finish()

		b.StartTimer()
		probe := startProbe(10 * time.Millisecond)
		start := time.Now()
		fyne.DoAndWait(func() { mw.subs.importFiles([]string{*stallLog}) })
		var imported time.Duration
		// The import is over when the index update it asks for has begun.
		for !mw.indexer.Running() && time.Since(start) < 10*time.Minute {
			time.Sleep(10 * time.Millisecond)
		}
		imported = time.Since(start)
		settle(mw)
		total := time.Since(start)
		delays := probe.finish()
		importMax, indexMax := probe.longestBefore(start.Add(imported))
		b.StopTimer()

		b.ReportMetric(float64(pct(delays, 1))/1e6, "max-stall-ms")
		b.ReportMetric(float64(pct(delays, 0.99))/1e6, "p99-stall-ms")
		b.ReportMetric(float64(pct(delays, 0.5))/1e6, "p50-stall-ms")
		b.ReportMetric(float64(pct(idleDelays, 1))/1e6, "idle-max-stall-ms")
		b.ReportMetric(imported.Seconds(), "import-s")
		b.ReportMetric((total - imported).Seconds(), "index-s")
		b.ReportMetric(float64(len(delays)), "probes")
		b.ReportMetric(float64(importMax)/1e6, "import-max-stall-ms")
		b.ReportMetric(float64(indexMax)/1e6, "index-max-stall-ms")
		fmt.Fprintf(os.Stderr, "UI stall: import %v, index %v; %d probes: p50 %v, p99 %v, max %v (during the import %v, during indexing %v; idle window max %v)\n",
			imported, total-imported, len(delays), pct(delays, 0.5), pct(delays, 0.99), pct(delays, 1), importMax, indexMax, pct(idleDelays, 1))
		b.Logf("import %v, index %v; %d probes: p50 %v, p99 %v, max %v (idle window max %v)",
			imported, total-imported, len(delays), pct(delays, 0.5), pct(delays, 0.99), pct(delays, 1), pct(idleDelays, 1))

		fyne.DoAndWait(mw.win.Close)
		mw.indexer.Close()
		ws.Close()
	}
}
