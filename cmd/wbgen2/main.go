// Command wbgen2 writes a second generated incident log, made without
// reference to cmd/wbgen or the search code, so that the search benchmark
// (issue #15 point 8) is not tuned to one distribution of words.
//
//	go run ./cmd/wbgen2 --rows 1000000 --seed 1 --out incidents2.csv --queries-out queries2.tsv
//
// The log is the ticket export of a fictional provider, 杭州云栖语智科技有限公司
// (services branded 语智 / YuZhi): UTF-8 with a BOM, CRLF, comma-separated,
// 16 columns under the team's own Chinese headers (工单编号, 受理日期, 事件分类,
// 情况描述 … and five columns of its own), date-only date columns (2024-03-05,
// and 2024/3/5 in the rows typed by hand), descriptions of 80–300
// characters in mixed Chinese and English built from sentence templates
// with slots, every list drawn Zipf-like. The same seed writes the same
// bytes; the log is streamed, so memory stays small at any size.
//
// --queries-out writes a query set for the log in the workbench's query
// syntax, one query a line as "class<TAB>query" (class and, phrase or
// narrowed); lines starting with # are comments saying how broad each
// group is meant to be. `grep -v '^#' FILE | cut -f2` turns it into a
// keyword list for `wb search --queries`.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "wbgen2:", err)
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wbgen2", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rows := fs.Int("rows", 1000000, "records to write")
	seed := fs.Uint64("seed", 1, "random seed; the same seed writes the same bytes")
	out := fs.String("out", "", "the CSV file to write (- for standard output)")
	queriesOut := fs.String("queries-out", "", "write the query set for the log to this file (TSV: class, query)")
	start := fs.String("start", "2024-01-01", "the first 受理日期 (YYYY-MM-DD)")
	days := fs.Int("days", 731, "days the 受理日期 span")
	alt := fs.Bool("alt-headers", false, "name the columns with headers the workbench does not recognise (to reproduce that finding)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *out == "" && *queriesOut == "" {
		return errors.New("nothing to do: give --out FILE.csv and/or --queries-out FILE")
	}
	st, err := time.Parse("2006-01-02", *start)
	if err != nil {
		return fmt.Errorf("--start: want YYYY-MM-DD: %w", err)
	}
	cfg := config{rows: *rows, seed: *seed, start: st, days: *days, altHeaders: *alt}
	g, err := newGenerator(cfg)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := writeLog(g, *out, stdout, stderr); err != nil {
			return err
		}
	}
	if *queriesOut != "" {
		name := "incidents2.csv"
		if *out != "" && *out != "-" {
			name = filepath.Base(*out)
		}
		if err := writeFile(*queriesOut, func(w io.Writer) error { return writeQueries(w, cfg, name) }); err != nil {
			return err
		}
	}
	return nil
}

// writeLog writes the log to path (or stdout for -) and reports its size
// and speed on stderr.
func writeLog(g *generator, path string, stdout, stderr io.Writer) error {
	began := time.Now()
	var size int64
	write := func(w io.Writer) error {
		var err error
		size, err = g.writeCSV(w)
		return err
	}
	var err error
	if path == "-" {
		err = write(stdout)
	} else {
		err = writeFile(path, write)
	}
	if err != nil {
		return err
	}
	secs := time.Since(began).Seconds()
	rows := g.cfg.rows
	per := 0.0
	if rows > 0 {
		per = float64(size) / float64(rows)
	}
	fmt.Fprintf(stderr, "wbgen2: %d rows, %d bytes (%.0f bytes a row) in %.2fs (%.0f rows/s)\n",
		rows, size, per, secs, float64(rows)/secs)
	return nil
}

// writeFile writes a file whole: to a temporary name beside it, renamed
// into place once complete, so an interrupted run leaves no half log. A
// path that is not a regular file (/dev/null, a named pipe) is written
// in place: renaming over it would replace the device.
func writeFile(path string, write func(io.Writer) error) error {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		if fi.IsDir() {
			return fmt.Errorf("%s is a folder", path)
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("opening %s: %w", path, err)
		}
		if err := write(f); err != nil {
			f.Close()
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("writing %s: %w", path, err)
		}
		return nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	tmp := f.Name()
	if err := write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
