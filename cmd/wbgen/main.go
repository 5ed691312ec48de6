// Command wbgen generates the Inspection Workbench's demo data: the sample
// submissions of a fictional provider in testdata/sample, and large
// synthetic incident logs for benchmarks.
//
// Usage:
//
//	go run ./cmd/wbgen sample [--out testdata/sample]
//	go run ./cmd/wbgen incidents --rows 1000000 --out /tmp/incidents-1m.csv [--encoding utf-8|gb18030] [--seed N] [--problem-rate 0.001]
//	go run ./cmd/wbgen bench-import [--wb bin/wb] [--rows 1000000] [--runs 3]
//	go run ./cmd/wbgen keywords --lines 10000 --out /tmp/keywords.txt [--encoding utf-8|gb18030] [--seed N]
//
// sample writes data-sources.xlsx, annotation-qa.csv, algorithm.json,
// incidents.csv, the safety-testing files keyword-library.xlsx (10,500
// keywords), test-questions.xlsx, test-results.csv and corpus-checks.xlsx,
// and README.md for the fictional provider 星河智算科技有限公司 and its
// service 星河对话 (Xinghe Chat). The files carry a small, known set of
// compliance problems and shortfalls against the national standards,
// listed in the README it writes with every threshold's figure, for the
// checklists' automated checks to find. Output is deterministic: running
// it twice gives the same bytes.
//
// incidents streams a large incident log in the columns of the sample's
// incidents.csv, with unique ids INC-0000001 …, for import and search
// benchmarks. It holds no rows in memory.
//
// keywords writes a provider's keyword library (关键词库) of unique lines —
// Chinese words of two to six characters by risk category, some English,
// some two-word phrases, a few lines with the query syntax's characters —
// as text (one a line), CSV or XLSX (序号, 关键词, 类别), for wb search
// --queries.
//
// wbgen imports only the standard library, excelize and golang.org/x/text,
// never the workbench's own packages, so it builds on its own.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

const usage = `usage:
  wbgen sample [--out testdata/sample]
  wbgen incidents --rows N --out FILE [--encoding utf-8|gb18030] [--seed N] [--problem-rate R]
  wbgen bench-import [--wb bin/wb] [--rows 1000000] [--runs 3]
  wbgen keywords --out FILE [--lines 10000] [--encoding utf-8|gb18030] [--seed N]

sample     write the demo submissions of the fictional provider 星河智算科技有限公司
           (data-sources.xlsx, annotation-qa.csv, algorithm.json, incidents.csv,
           keyword-library.xlsx, test-questions.xlsx, test-results.csv,
           corpus-checks.xlsx, README.md) into --out
incidents  stream a synthetic incident log of --rows rows to --out ("-" for
           standard output), for benchmarks
bench-import
           generate a log, time "wb import" of it (start to exit, peak RSS)
           against a bare encoding/csv pass, print a Markdown table
keywords   write a keyword library of --lines unique keywords to --out (.txt,
           .csv or .xlsx), for wb search --queries
`

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "wbgen:", err)
		os.Exit(1)
	}
}

// run dispatches to a subcommand. Progress and summaries go to stderr;
// stdout is only used by "incidents --out -".
func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no subcommand given")
	}
	switch args[0] {
	case "sample":
		return runSample(args[1:], stderr)
	case "incidents":
		return runIncidents(args[1:], stdout, stderr)
	case "bench-import":
		return runBenchImport(args[1:], stdout, stderr)
	case "keywords":
		return runKeywords(args[1:], stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown subcommand %q", args[0])
}

// newFlagSet returns a flag set for a subcommand that reports errors to
// stderr instead of exiting.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("wbgen "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// noArgs rejects positional arguments left after the flags.
func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		return fmt.Errorf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	return nil
}
