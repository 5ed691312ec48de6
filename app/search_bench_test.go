package app

import (
	"context"
	"github.com/inspection-workbench/workbench"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// benchIndexApp is a workspace holding an incident log of rows rows
// (WB_BENCH_ROWS overrides), imported but not indexed.
func benchIndexApp(b *testing.B) (*App, int) {
	b.Helper()
	rows := 100_000
	if n, err := strconv.Atoi(os.Getenv("WB_BENCH_ROWS")); err == nil && n > 0 {
		rows = n
	}
	path := filepath.Join(b.TempDir(), "incidents.csv")
	writeIncidentLog(b, path, rows)
	ctx := context.Background()
	a, err := Open(ctx, b.TempDir(), true)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { a.Close() })
	c, err := a.CreateCase(ctx, CaseInput{Provider: "P", Service: "S"})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := a.Import(ctx, ImportRequest{CaseID: c.ID, Files: []string{path}}); err != nil {
		b.Fatal(err)
	}
	return a, rows
}

// BenchmarkReindex builds the search index of a 100k-row incident log
// from scratch; docs/s is the figure that matters (make bench-search
// measures 1M rows against plain bleve).
func BenchmarkReindex(b *testing.B) {
	a, rows := benchIndexApp(b)
	ctx := context.Background()
	for b.Loop() {
		rep, err := a.Reindex(ctx, nil)
		if err != nil || rep.Added != rows {
			b.Fatalf("%+v %v", rep, err)
		}
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkSearch runs a two-term AND and a phrase query, each with 20
// highlighted hits and facets, on the indexed 100k-row log.
func BenchmarkSearch(b *testing.B) {
	a, _ := benchIndexApp(b)
	ctx := context.Background()
	if _, err := a.SyncIndex(ctx, nil); err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{"虚假 新闻", `"停止生成"`, "违法内容 found:2024-03-01..2024-03-07"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				res, err := a.Search(ctx, workbench.SearchRequest{Query: q})
				if err != nil || res.Total == 0 {
					b.Fatalf("%+v %v", res.Total, err)
				}
			}
		})
	}
}
