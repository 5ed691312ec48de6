// Command wbbench measures the workbench's search on a large generated
// incident log, and its Excel export on a case with many evidence links,
// and prints the figures of docs/performance.md.
//
// Usage:
//
//	go run ./cmd/wbbench search --wb bin/wb --wbgen bin/wbgen [--rows 1000000] [--runs 40] [--dir DIR]
//
// search generates the log with wbgen, imports it with wb, then in the same
// run:
//
//   - times "wb reindex" (start to exit, peak RSS): the workbench's indexing;
//   - times a plain default-settings bleve batch loop over the same records
//     (bleve.NewIndexMapping, batches of 1000, each record's fields as a
//     map), the baseline the issue asks for;
//   - runs the query set in a fresh "wbbench search-run" process — each
//     query --runs times with highlighting and facets, as the GUI and wb
//     search ask — and reports p50/p99 per query and per class, with that
//     process's peak RSS;
//   - loads the same records' search text into SQLite FTS5 with the trigram
//     tokenizer and runs the same queries there (count, then the first 20
//     by rank with snippet()).
//
// keywords times "wb search --queries" over a 10,000-line keyword library
// (wbgen keywords) on the log, with one and two workers and, with
// --baseline, an earlier wb.
//
// export fills a workspace with --evidence evidence links (100,000 by
// default) and times "wb export" of that case in a fresh process, with its
// peak RSS.
//
// It is a development tool: it imports the workbench's packages, bleve's
// root package and SQLite, and makes no network connection.
package main

import (
	"errors"
	flagpkg "flag"
	"fmt"
	"io"
	"os"
)

const usage = `usage:
  wbbench search --wb bin/wb --wbgen bin/wbgen [--rows 1000000] [--runs 40] [--dir DIR] [--skip-baseline]
  wbbench search-run --workspace DIR [--runs 40]     (run by search in a fresh process)
  wbbench export --wb bin/wb [--evidence 100000] [--runs 3] [--dir DIR]
  wbbench check --wb bin/wb --wbgen bin/wbgen [--baseline OLD-WB] [--rows 1000000] [--runs 3] [--dir DIR]
  wbbench keywords --wb bin/wb --wbgen bin/wbgen [--baseline OLD-WB] [--rows 1000000] [--lines 10000] [--workers 1,2] [--runs 1] [--dir DIR]
`

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flagpkg.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "wbbench:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command")
	}
	switch args[0] {
	case "search":
		return runSearchBench(args[1:], stdout, stderr)
	case "search-run":
		return runSearchRun(args[1:], stdout, stderr)
	case "export":
		return runExportBench(args[1:], stdout, stderr)
	case "check":
		return runCheckBench(args[1:], stdout, stderr)
	case "keywords":
		return runKeywordsBench(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}

// flag returns a flag set for a subcommand that reports errors to stderr.
func flag(name string, stderr io.Writer) *flagpkg.FlagSet {
	fs := flagpkg.NewFlagSet("wbbench "+name, flagpkg.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// workFolder returns the folder a benchmark works in: dir, made if need
// be and kept, or when dir is "" a temporary one that done removes.
func workFolder(dir, pattern string) (folder string, done func(), err error) {
	if dir != "" {
		return dir, func() {}, os.MkdirAll(dir, 0o700)
	}
	d, err := os.MkdirTemp("", pattern)
	if err != nil {
		return "", nil, err
	}
	return d, func() { os.RemoveAll(d) }, nil
}
