package main

import (
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// runCheckBench measures "wb check" on a generated incident log: the log
// is imported into a fresh workspace, an inspection started, and the
// checks run in fresh wb processes, timed from start to exit with their
// peak RSS. With --baseline, a second wb binary (an earlier build) does
// the same on a workspace of its own, the runs of the two interleaved so
// that both see the same machine.
func runCheckBench(args []string, stdout, stderr io.Writer) error {
	fs := flag("check", stderr)
	wb := fs.String("wb", "bin/wb", "the wb binary")
	baseline := fs.String("baseline", "", "a wb binary to compare with, run the same way (optional)")
	wbgen := fs.String("wbgen", "bin/wbgen", "the wbgen binary (generates the log)")
	rows := fs.Int("rows", 1000000, "incident rows")
	runs := fs.Int("runs", 3, "checks to time per binary")
	dir := fs.String("dir", "", "work folder (default: a temporary one, removed after)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	work, done, err := workFolder(*dir, "wbbench-check-*")
	if err != nil {
		return err
	}
	defer done()
	log := filepath.Join(work, "incidents.csv")
	if out, err := exec.Command(*wbgen, "incidents", "--rows", strconv.Itoa(*rows), "--out", log).CombinedOutput(); err != nil {
		return fmt.Errorf("wbgen incidents: %v: %s", err, out)
	}
	type subject struct{ name, bin, ws string }
	subjects := []subject{{"wb", *wb, filepath.Join(work, "ws")}}
	if *baseline != "" {
		subjects = append(subjects, subject{"baseline", *baseline, filepath.Join(work, "ws-baseline")})
	}
	for _, s := range subjects {
		for _, args := range [][]string{
			{"case", "new", "--provider", "星河智算科技有限公司", "--service", "星河对话"},
			{"import", "--case", "1", "--kind", "incident", log},
			{"inspect", "start", "--case", "1"},
		} {
			cmd := exec.Command(s.bin, append([]string{"--workspace", s.ws}, args...)...)
			if out, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("%s %s: %v: %s", s.name, strings.Join(args, " "), err, out)
			}
		}
	}
	fmt.Fprintf(stdout, "%d incident rows imported\n", *rows)
	for r := 0; r < *runs; r++ {
		for _, s := range subjects {
			cmd := exec.Command(s.bin, "--workspace", s.ws, "check", "--case", "1")
			cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
			t0 := time.Now()
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("%s check: %w", s.name, err)
			}
			fmt.Fprintf(stdout, "%-8s wb check, %d rows: %s, peak RSS %s\n", s.name, *rows, time.Since(t0).Round(10*time.Millisecond),
				mb(maxRSS(cmd.ProcessState)))
		}
	}
	return nil
}
