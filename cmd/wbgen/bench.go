package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"
)

// runBenchImport measures the import of a large incident log end to end:
// it generates the log, then runs "wb import" into a fresh workspace
// (start to exit, with the process's peak RSS) and a bare encoding/csv
// pass over the same file, several times each in the same run, and prints
// the figures as a Markdown table for docs/performance.md.
func runBenchImport(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench-import", stderr)
	wb := fs.String("wb", "bin/wb", "the wb binary to measure")
	rows := fs.Int("rows", 1_000_000, "rows in the generated incident log")
	runs := fs.Int("runs", 3, "runs of each measurement; the median is reported")
	dir := fs.String("dir", "", "scratch folder (default: a new temporary one, removed afterwards)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if _, err := os.Stat(*wb); err != nil {
		return fmt.Errorf("wb binary: %w (build it with make wb)", err)
	}
	scratch := *dir
	if scratch != "" {
		if err := os.MkdirAll(scratch, 0o700); err != nil {
			return err
		}
	} else {
		var err error
		if scratch, err = os.MkdirTemp("", "wb-bench-*"); err != nil {
			return err
		}
		defer os.RemoveAll(scratch)
	}
	log := filepath.Join(scratch, fmt.Sprintf("incidents-%d.csv", *rows))
	if err := runIncidents([]string{"--rows", fmt.Sprint(*rows), "--out", log}, io.Discard, stderr); err != nil {
		return err
	}
	st, err := os.Stat(log)
	if err != nil {
		return err
	}

	var imports, bare []time.Duration
	var rss []int64
	for i := 0; i < *runs; i++ {
		ws := filepath.Join(scratch, fmt.Sprintf("ws-%d", i))
		if out, err := exec.Command(*wb, "case", "new", "--workspace", ws, "--provider", "P", "--service", "S").CombinedOutput(); err != nil {
			return fmt.Errorf("wb case new: %v: %s", err, out)
		}
		cmd := exec.Command(*wb, "import", "--workspace", ws, "--case", "1", "--json", log)
		cmd.Stdout = io.Discard
		var errOut strings.Builder
		cmd.Stderr = &errOut
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("wb import: %v: %s", err, errOut.String())
		}
		imports = append(imports, time.Since(start))
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = append(rss, ru.Maxrss*1024) // kilobytes on Linux
		}
		os.RemoveAll(ws)

		start = time.Now()
		n, err := bareCSV(log)
		if err != nil {
			return err
		}
		bare = append(bare, time.Since(start))
		if n != *rows+1 {
			return fmt.Errorf("bare pass read %d records, want %d", n, *rows+1)
		}
		fmt.Fprintf(stderr, "run %d: wb import %v, encoding/csv %v\n", i+1, imports[i].Round(time.Millisecond), bare[i].Round(time.Millisecond))
	}
	imp, csvPass := median(imports), median(bare)
	fmt.Fprintf(stdout, "| measure (%d rows, %.0f MB, median of %d, %s, %d CPUs) | value |\n| --- | --- |\n",
		*rows, float64(st.Size())/1e6, *runs, runtime.GOOS+"/"+runtime.GOARCH, runtime.NumCPU())
	fmt.Fprintf(stdout, "| `wb import`, start to exit | %.2f s — %.0f rows/s |\n", imp.Seconds(), float64(*rows)/imp.Seconds())
	if len(rss) > 0 {
		sort.Slice(rss, func(i, j int) bool { return rss[i] < rss[j] })
		fmt.Fprintf(stdout, "| `wb import` peak RSS (largest run) | %.0f MB |\n", float64(rss[len(rss)-1])/1e6)
	}
	fmt.Fprintf(stdout, "| bare `encoding/csv` pass, same file | %.2f s — %.0f rows/s |\n", csvPass.Seconds(), float64(*rows)/csvPass.Seconds())
	fmt.Fprintf(stdout, "| ratio import / bare pass | %.1f× |\n", imp.Seconds()/csvPass.Seconds())
	return nil
}

// bareCSV reads a CSV with encoding/csv and nothing else: the floor an
// importer is compared with.
func bareCSV(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<16))
	r.ReuseRecord = true
	r.FieldsPerRecord = -1
	n := 0
	for {
		_, err := r.Read()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, fmt.Errorf("bare csv pass: %w", err)
		}
		n++
	}
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}
