package app

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// backgroundNice is the niceness given to every thread of a GUI process but
// its main thread, on which the window's UI goroutine runs.
const backgroundNice = 10

// lowerBackgroundThreads keeps the process's Go threads other than the main
// thread at a lower priority than the main thread, so the operating system
// runs the window (and the graphics driver's own threads, which keep their
// priority) before the import and indexing whenever both want a core. When
// nothing else wants the cores the background work runs as fast as before.
// Threads the runtime starts later are lowered at the next sweep; a
// thread's priority is never raised.
func lowerBackgroundThreads() {
	go func() {
		for {
			lowerThreadsOnce()
			time.Sleep(2 * time.Second)
		}
	}()
}

// lowerThreadsOnce lowers the priority of every thread of this process named
// like the process (Go's threads; the graphics driver names its own) except
// the main thread, and returns how many it lowered.
func lowerThreadsOnce() int {
	pid := os.Getpid()
	self, err := os.ReadFile("/proc/self/comm")
	if err != nil {
		return 0
	}
	self = bytes.TrimSpace(self)
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return 0
	}
	lowered := 0
	for _, t := range tasks {
		tid, err := strconv.Atoi(t.Name())
		if err != nil || tid == pid {
			continue
		}
		comm, err := os.ReadFile("/proc/self/task/" + t.Name() + "/comm")
		if err != nil || !bytes.Equal(bytes.TrimSpace(comm), self) {
			continue
		}
		if nice, ok := threadNice(tid); !ok || nice >= backgroundNice {
			continue
		}
		if unix.Setpriority(unix.PRIO_PROCESS, tid, backgroundNice) == nil {
			lowered++
		}
	}
	return lowered
}

// threadNice reads a thread's niceness from /proc.
func threadNice(tid int) (int, bool) {
	b, err := os.ReadFile("/proc/self/task/" + strconv.Itoa(tid) + "/stat")
	if err != nil {
		return 0, false
	}
	// The command name, in parentheses, may hold spaces: count the fields
	// after its closing parenthesis. Niceness is field 19 of stat, the
	// 17th after the name.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 17 {
		return 0, false
	}
	n, err := strconv.Atoi(f[16])
	return n, err == nil
}
