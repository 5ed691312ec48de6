package app

import (
	"runtime"
	"testing"
)

// TestInteractiveLeavesASlot checks that a GUI process gets a scheduler
// slot more than it has cores, so its UI goroutine need not wait for
// background work to be preempted, and that a second call changes
// nothing.
func TestInteractiveLeavesASlot(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(before)
	runtime.GOMAXPROCS(runtime.NumCPU())
	Interactive()
	if got, want := runtime.GOMAXPROCS(0), runtime.NumCPU()+2; got != want {
		t.Fatalf("GOMAXPROCS after Interactive = %d, want %d (cores + 2)", got, want)
	}
	runtime.GOMAXPROCS(runtime.NumCPU())
	Interactive()
	if got := runtime.GOMAXPROCS(0); got != runtime.NumCPU() {
		t.Fatalf("second Interactive changed GOMAXPROCS to %d", got)
	}
}
