// Command benchexport writes a workbook with many evidence rows and
// reports how long it took and the process's peak resident memory, the
// figures docs/performance.md records:
//
//	go run ./app/export/internal/benchexport [-n 100000] [-lang zh] [-out file.xlsx]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"github.com/inspection-workbench/workbench"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench/app/export"
	"github.com/inspection-workbench/workbench/app/export/internal/benchdata"
)

func main() {
	n := flag.Int("n", 100000, "evidence rows")
	lang := flag.String("lang", workbench.ExportLangZh, "zh, en or both")
	out := flag.String("out", "", "workbook to write (default: a temporary file, removed)")
	pi := flag.Bool("pi", false, "include personal information (no masking)")
	flag.Parse()

	path := *out
	if path == "" {
		dir, err := os.MkdirTemp("", "benchexport")
		if err != nil {
			log.Fatal(err)
		}
		defer func() { _ = os.RemoveAll(dir) }()
		path = filepath.Join(dir, "export.xlsx")
	}
	d := benchdata.Data(*n, *lang)
	d.IncludePersonalInfo = *pi
	start := time.Now()
	if err := export.WriteFile(path, d); err != nil {
		log.Fatal(err)
	}
	elapsed := time.Since(start)
	fi, err := os.Stat(path)
	if err != nil {
		log.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("rows %d  elapsed %.2f s  (%.0f rows/s)  file %.1f MB\n",
		*n, elapsed.Seconds(), float64(*n)/elapsed.Seconds(), float64(fi.Size())/1e6)
	fmt.Printf("peak RSS (VmHWM) %s  Go Sys %.0f MB  TotalAlloc %.0f MB  GC %d\n",
		vmHWM(), float64(ms.Sys)/1e6, float64(ms.TotalAlloc)/1e6, ms.NumGC)
}

// vmHWM is the process's peak resident set size from /proc/self/status.
func vmHWM() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "n/a"
	}
	defer func() { _ = f.Close() }()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "n/a"
}
