package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// runKeywordsBench measures "wb search --queries" over a generated keyword
// library (wbgen keywords) on a generated incident log: the log is
// imported and indexed once, then each run is a fresh wb process timed
// from start to exit, with its CPU time and peak RSS, for each --workers
// value. With
// --baseline, an earlier wb binary counts the same file on the same
// workspace (it must read the same index format), the runs interleaved so
// that both see the same machine.
func runKeywordsBench(args []string, stdout, stderr io.Writer) error {
	fs := flag("keywords", stderr)
	wb := fs.String("wb", "bin/wb", "the wb binary")
	baseline := fs.String("baseline", "", "an earlier wb binary to time on the same workspace (optional)")
	wbgen := fs.String("wbgen", "bin/wbgen", "the wbgen binary (generates the log and the keywords)")
	rows := fs.Int("rows", 1000000, "incident rows")
	lines := fs.Int("lines", 10000, "keywords")
	workers := fs.String("workers", "1,2", "comma-separated --workers values to time")
	runs := fs.Int("runs", 1, "runs per configuration")
	dir := fs.String("dir", "", "work folder (default: a temporary one, removed after); a folder holding a workspace from an earlier run is reused")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var ws []int
	for _, s := range strings.Split(*workers, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 0 {
			return fmt.Errorf("--workers: %q is not a number of workers", s)
		}
		ws = append(ws, n)
	}
	work, done, err := workFolder(*dir, "wbbench-keywords-*")
	if err != nil {
		return err
	}
	defer done()
	wsDir := filepath.Join(work, "ws")
	kw := filepath.Join(work, "keywords.txt")
	wbRun := func(bin string, args ...string) ([]byte, error) {
		out, err := exec.Command(bin, append([]string{"--workspace", wsDir}, args...)...).CombinedOutput()
		if err != nil {
			return out, fmt.Errorf("%s %s: %v: %s", filepath.Base(bin), strings.Join(args, " "), err, out)
		}
		return out, nil
	}
	if _, err := exec.Command(*wb, "--workspace", wsDir, "case", "show", "1").CombinedOutput(); err != nil {
		log := filepath.Join(work, "incidents.csv")
		if out, err := exec.Command(*wbgen, "incidents", "--rows", strconv.Itoa(*rows), "--out", log).CombinedOutput(); err != nil {
			return fmt.Errorf("wbgen incidents: %v: %s", err, out)
		}
		if _, err := wbRun(*wb, "case", "new", "--provider", "星河智算科技有限公司", "--service", "星河对话"); err != nil {
			return err
		}
		t0 := time.Now()
		if _, err := wbRun(*wb, "import", "--case", "1", "--kind", "incident", log); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "import of %d rows: %s\n", *rows, time.Since(t0).Round(100*time.Millisecond))
		t0 = time.Now()
		if _, err := wbRun(*wb, "reindex"); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "indexing: %s\n", time.Since(t0).Round(100*time.Millisecond))
	}
	if out, err := exec.Command(*wbgen, "keywords", "--lines", strconv.Itoa(*lines), "--out", kw).CombinedOutput(); err != nil {
		return fmt.Errorf("wbgen keywords: %v: %s", err, out)
	}
	type config struct {
		name string
		bin  string
		args []string
	}
	var configs []config
	if *baseline != "" {
		configs = append(configs, config{"baseline", *baseline, nil})
	}
	for _, n := range ws {
		configs = append(configs, config{fmt.Sprintf("--workers %d", n), *wb, []string{"--workers", strconv.Itoa(n)}})
	}
	fmt.Fprintf(stdout, "wb search --case 1 --queries (%d lines) on %d rows, start to exit:\n", *lines, *rows)
	for r := 0; r < *runs; r++ {
		for _, c := range configs {
			args := append([]string{"--workspace", wsDir, "search", "--case", "1", "--queries", kw, "--json"}, c.args...)
			cmd := exec.Command(c.bin, args...)
			var out strings.Builder
			cmd.Stdout, cmd.Stderr = &out, io.Discard
			t0 := time.Now()
			err := cmd.Run()
			took := time.Since(t0)
			// Exit status 1 is lines with errors; the counts are still there.
			if err != nil && cmd.ProcessState.ExitCode() != 1 {
				return fmt.Errorf("%s: %w", c.name, err)
			}
			var res struct {
				Queries []struct {
					Total int    `json:"total"`
					Error string `json:"error"`
				} `json:"queries"`
			}
			if err := json.Unmarshal([]byte(out.String()), &res); err != nil {
				return fmt.Errorf("%s: output: %w", c.name, err)
			}
			hits, withHits, failed := 0, 0, 0
			for _, q := range res.Queries {
				hits += q.Total
				if q.Total > 0 {
					withHits++
				}
				if q.Error != "" {
					failed++
				}
			}
			// CPU time says more than the wall clock on a shared machine.
			cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			fmt.Fprintf(stdout, "  %-12s %8s  CPU %8s  peak RSS %s  (%d lines, %d with hits, %d hits in all, %d errors)\n", c.name,
				took.Round(10*time.Millisecond), cpu.Round(10*time.Millisecond), mb(maxRSS(cmd.ProcessState)), len(res.Queries), withHits, hits, failed)
		}
	}
	return nil
}
