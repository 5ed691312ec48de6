package app

import (
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"
)

// TestLowerThreads checks that a sweep lowers the priority of the
// process's Go threads but not of its main thread, and that a second
// sweep finds nothing left to lower.
func TestLowerThreads(t *testing.T) {
	// Make sure there are threads besides the main one: goroutines
	// locked to threads of their own, kept alive during the sweep.
	var ready, release sync.WaitGroup
	release.Add(1)
	for range 3 {
		ready.Add(1)
		go func() {
			runtime.LockOSThread()
			ready.Done()
			release.Wait()
		}()
	}
	ready.Wait()
	defer release.Done()

	mainBefore, ok := threadNice(os.Getpid())
	if !ok {
		t.Skip("no /proc/self/task stat to read")
	}
	lowerThreadsOnce()
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		t.Fatal(err)
	}
	others := 0
	for _, e := range tasks {
		tid, _ := strconv.Atoi(e.Name())
		nice, ok := threadNice(tid)
		if !ok {
			continue
		}
		if tid == os.Getpid() {
			if nice != mainBefore {
				t.Errorf("main thread's niceness changed from %d to %d", mainBefore, nice)
			}
			continue
		}
		others++
		if nice < backgroundNice {
			t.Errorf("thread %d still at niceness %d, want at least %d", tid, nice, backgroundNice)
		}
	}
	if others < 3 {
		t.Fatalf("only %d threads besides the main one", others)
	}
	if n := lowerThreadsOnce(); n != 0 {
		t.Errorf("a second sweep lowered %d threads", n)
	}
}
