//go:build unix

package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestOutToPipe checks that --out naming something other than a regular
// file (a named pipe here; /dev/null in use) is written in place, not
// replaced by a regular file renamed over it.
func TestOutToPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "log.pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- b
	}()
	if err := run([]string{"--rows", "100", "--out", fifo}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(fifo)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode()&os.ModeNamedPipe == 0 {
		// (the reader stays blocked opening the pipe that is gone)
		t.Fatalf("%s is no longer a named pipe: %v", fifo, fi.Mode())
	}
	data := <-got
	if want := generate(t, config{rows: 100, seed: 1, start: testConfig(1).start, days: 731}); !bytes.Equal(data, want) {
		t.Errorf("read %d bytes from the pipe, want the %d-byte log", len(data), len(want))
	}
}
