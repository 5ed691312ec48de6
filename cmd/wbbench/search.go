package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"github.com/inspection-workbench/workbench"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	_ "modernc.org/sqlite"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/importers"
	"github.com/inspection-workbench/workbench/store"
)

// benchQuery is one query of the set: its text in the workbench's syntax,
// its class, and the words or phrase it is made of (for FTS5).
type benchQuery struct {
	Query string
	Class string // "two-term AND" or "phrase"
	Parts []string
}

// querySet are queries an inspector would type into a log of generated
// incidents: two-term ANDs and phrases, from fairly selective to broad,
// and narrowed ones. (FTS5 runs the words and phrases without the found:
// filters, so its hit counts differ for those.)
var querySet = []benchQuery{
	{`赌博 推广`, "two-term AND", []string{"赌博", "推广"}},
	{`删除 个人信息`, "two-term AND", []string{"删除", "个人信息"}},
	{`钓鱼 邮件`, "two-term AND", []string{"钓鱼", "邮件"}},
	{`接口 漏洞`, "two-term AND", []string{"接口", "漏洞"}},
	{`仿冒 商标`, "two-term AND", []string{"仿冒", "商标"}},
	{`虚假 新闻`, "two-term AND", []string{"虚假", "新闻"}},
	{`"提示词注入"`, "phrase", []string{"提示词注入"}},
	{`"钓鱼邮件模板"`, "phrase", []string{"钓鱼邮件模板"}},
	{`"账号被误限制"`, "phrase", []string{"账号被误限制"}},
	{`"生成内容含赌博推广信息"`, "phrase", []string{"生成内容含赌博推广信息"}},
	{`"停止生成"`, "phrase", []string{"停止生成"}},
	// Narrowed the way an inspector narrows: by a week of found dates, or
	// to one incident.
	{`赌博 推广 found:2024-03-01..2024-03-07`, "narrowed", []string{"赌博", "推广"}},
	{`"账号被误限制" found:2024-06-01..2024-06-30`, "narrowed", []string{"账号被误限制"}},
	{`INC-0123456`, "narrowed", []string{"INC-0123456"}},
}

// readQuerySet reads a query set written by wbgen2 --queries-out: lines
// of class<TAB>query, # comments. The words and phrases FTS5 runs are
// the query's own, without field filters; a query FTS5 cannot run the
// same way (OR, exclusion) gets no parts and no FTS5 figures.
func readQuerySet(path string) ([]benchQuery, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read query set: %w", err)
	}
	classes := map[string]string{"and": "two-term AND", "phrase": "phrase", "narrowed": "narrowed"}
	var qs []benchQuery
	for n, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		class, q, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want class<TAB>query", path, n+1)
		}
		if c, ok := classes[class]; ok {
			class = c
		}
		qs = append(qs, benchQuery{Query: q, Class: class, Parts: queryParts(q)})
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("%s: no queries", path)
	}
	return qs, nil
}

// queryParts splits a query into the words and quoted phrases FTS5 is
// given, leaving out field filters; nil when it uses OR or exclusion.
func queryParts(q string) []string {
	var parts []string
	for rest := strings.TrimSpace(q); rest != ""; rest = strings.TrimSpace(rest) {
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				return append(parts, rest[1:])
			}
			parts = append(parts, rest[1:end+1])
			rest = rest[end+2:]
			continue
		}
		word, after, _ := strings.Cut(rest, " ")
		rest = after
		switch {
		case word == "OR" || strings.HasPrefix(word, "-"):
			return nil
		case strings.Contains(word, ":"):
			continue // a field filter
		}
		parts = append(parts, word)
	}
	return parts
}

func runSearchBench(args []string, stdout, stderr io.Writer) error {
	fset := flag("search", stderr)
	wb := fset.String("wb", "bin/wb", "the wb binary")
	wbgen := fset.String("wbgen", "bin/wbgen", "the wbgen binary (generates the log)")
	logFile := fset.String("log", "", "an incident log `FILE` to use instead of generating one (e.g. from wbgen2)")
	queryFile := fset.String("queries", "", "the query set, a `FILE` of class<TAB>query lines as wbgen2 --queries-out writes (default: the set made for wbgen's log)")
	rows := fset.Int("rows", 1_000_000, "rows in the generated incident log")
	runs := fset.Int("runs", 40, "times each query is run")
	dir := fset.String("dir", "", "scratch folder (default: a new temporary one, removed afterwards)")
	skipBaseline := fset.Bool("skip-baseline", false, "skip the plain bleve baseline (it takes minutes at 1M rows)")
	skipFTS := fset.Bool("skip-fts", false, "skip SQLite FTS5 (its two-character searches scan every row: minutes for a long query set)")
	if err := fset.Parse(args); err != nil {
		return err
	}
	scratch, done, err := workFolder(*dir, "wb-search-bench-*")
	if err != nil {
		return err
	}
	defer done()
	logf := func(format string, args ...any) { fmt.Fprintf(stderr, format+"\n", args...) }

	if *queryFile != "" {
		if querySet, err = readQuerySet(*queryFile); err != nil {
			return err
		}
	}
	log := filepath.Join(scratch, fmt.Sprintf("incidents-%d.csv", *rows))
	if *logFile != "" {
		log = *logFile
		n, err := countLines(log)
		if err != nil {
			return err
		}
		*rows = n - 1 // the header
	} else if _, err := os.Stat(log); err != nil {
		logf("generating %d rows…", *rows)
		if out, err := exec.Command(*wbgen, "incidents", "--rows", strconv.Itoa(*rows), "--out", log).CombinedOutput(); err != nil {
			return fmt.Errorf("wbgen incidents: %v: %s", err, out)
		}
	}
	ws := filepath.Join(scratch, "ws")
	os.RemoveAll(ws)
	if out, err := exec.Command(*wb, "case", "new", "--workspace", ws, "--provider", "P", "--service", "S").CombinedOutput(); err != nil {
		return fmt.Errorf("wb case new: %v: %s", err, out)
	}
	logf("importing…")
	if out, err := exec.Command(*wb, "import", "--workspace", ws, "--case", "1", log).CombinedOutput(); err != nil {
		return fmt.Errorf("wb import: %v: %s", err, out)
	}

	// 1. The workbench's indexing, as a user runs it.
	logf("wb reindex…")
	cmd := exec.Command(*wb, "reindex", "--workspace", ws, "--json")
	cmd.Stderr = io.Discard
	start := time.Now()
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("wb reindex: %v", err)
	}
	indexTime := time.Since(start)
	indexRSS := maxRSS(cmd.ProcessState)
	var rep struct {
		Documents int `json:"documents"`
	}
	if err := json.Unmarshal(out, &rep); err != nil || rep.Documents != *rows {
		return fmt.Errorf("wb reindex indexed %d documents, want %d (%v)", rep.Documents, *rows, err)
	}
	indexSize := dirSize(filepath.Join(ws, store.IndexDir))

	// 2. The baseline: plain bleve, default settings, same records.
	var baseTime time.Duration
	var baseSize int64
	if !*skipBaseline {
		logf("plain bleve baseline…")
		if baseTime, baseSize, err = plainBleve(ws, filepath.Join(scratch, "plain.bleve")); err != nil {
			return err
		}
	}

	// 3. Searches in a fresh process.
	logf("searching…")
	self, err := os.Executable()
	if err != nil {
		return err
	}
	cmd = exec.Command(self, "search-run", "--workspace", ws, "--runs", strconv.Itoa(*runs), "--queries", *queryFile)
	cmd.Stderr = stderr
	out, err = cmd.Output()
	if err != nil {
		return fmt.Errorf("search-run: %v", err)
	}
	var sr searchRunResult
	if err := json.Unmarshal(out, &sr); err != nil {
		return fmt.Errorf("search-run output: %w", err)
	}
	// The child's own high-water mark: rusage's ru_maxrss of a child
	// started with vfork also counts the parent's memory before exec.
	searchRSS := kB(sr.Memory["VmHWM"])
	if searchRSS == 0 {
		searchRSS = maxRSS(cmd.ProcessState)
	}
	// Measured after the searching process opened the index, which
	// deletes the files of segments merged away.
	indexSize = dirSize(filepath.Join(ws, store.IndexDir))

	// 4. SQLite FTS5 trigram on the same text.
	fts := ftsResult{queries: make([]ftsQuery, len(querySet))}
	for i := range fts.queries {
		fts.queries[i].total = -1
	}
	if !*skipFTS {
		logf("SQLite FTS5 trigram…")
		if fts, err = fts5Bench(ws, filepath.Join(scratch, "fts.db"), *runs); err != nil {
			return err
		}
	}

	// Report.
	docsPerSec := float64(*rows) / indexTime.Seconds()
	fmt.Fprintf(stdout, "Search benchmark: %d generated incident rows, %s, %d CPUs, %s, %s\n\n",
		*rows, runtime.GOOS+"/"+runtime.GOARCH, runtime.NumCPU(), runtime.Version(), time.Now().Format("2006-01-02"))
	fmt.Fprintf(stdout, "| indexing (%d documents) | time | docs/s | index on disk | peak RSS |\n| --- | --- | --- | --- | --- |\n", *rows)
	fmt.Fprintf(stdout, "| `wb reindex` (workbench index, start to exit) | %.1f s | **%.0f** | %s | %s |\n",
		indexTime.Seconds(), docsPerSec, mb(indexSize), mb(indexRSS))
	if baseTime > 0 {
		fmt.Fprintf(stdout, "| plain bleve, default mapping, batches of 1000 | %.1f s | %.0f | %s | |\n",
			baseTime.Seconds(), float64(*rows)/baseTime.Seconds(), mb(baseSize))
		fmt.Fprintf(stdout, "| ratio workbench / plain (same run) | %.2f× faster | | | |\n", baseTime.Seconds()/indexTime.Seconds())
	}
	if !*skipFTS {
		fmt.Fprintf(stdout, "| SQLite FTS5 trigram, same text, one transaction | %.1f s | %.0f | %s | |\n",
			fts.load.Seconds(), float64(*rows)/fts.load.Seconds(), mb(fts.size))
	}
	fmt.Fprintf(stdout, "\nSearch, %d runs of each query after one warm-up, 20 hits with highlighted snippets and kind/file facets; peak RSS of the searching process: **%s** (at the end: %s mapped index files, %s anonymous)\n\n",
		*runs, mb(searchRSS), mb(kB(sr.Memory["RssFile"])), mb(kB(sr.Memory["RssAnon"])))
	fmt.Fprintf(stdout, "Workbench times run until the totals and facets are exact; \"page\" is when the first page was ready (the GUI shows it then, with \"counting…\").\n\n")
	fmt.Fprintf(stdout, "| query | class | hits | workbench p50 | p99 | page p50 | FTS5 trigram p50 | p99 | FTS5 hits |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	byClass := map[string][]time.Duration{}
	for i, q := range sr.Queries {
		f := fts.queries[i]
		fp50, fp99, ftotal := ms(pct(f.samples, 50)), ms(pct(f.samples, 99)), strconv.Itoa(f.total)
		if f.total < 0 {
			fp50, fp99, ftotal = "—", "—", "—"
		}
		fmt.Fprintf(stdout, "| `%s` | %s | %d | %s | %s | %s | %s | %s | %s |\n", q.Query, q.Class, q.Total,
			ms(pct(q.Samples, 50)), ms(pct(q.Samples, 99)), ms(pct(q.PageSamples, 50)), fp50, fp99, ftotal)
		byClass[q.Class] = append(byClass[q.Class], q.Samples...)
	}
	fmt.Fprintf(stdout, "\n| class (all runs pooled) | p50 | p99 |\n| --- | --- | --- |\n")
	classes := make([]string, 0, len(byClass))
	for c := range byClass {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	for _, c := range classes {
		fmt.Fprintf(stdout, "| %s | %s | %s |\n", c, ms(pct(byClass[c], 50)), ms(pct(byClass[c], 99)))
	}
	return nil
}

type searchRunResult struct {
	// Memory is what /proc/self/status said after the last query (Linux).
	Memory  map[string]string `json:"memory,omitempty"`
	Queries []struct {
		Query       string          `json:"query"`
		Class       string          `json:"class"`
		Total       int             `json:"total"`
		Samples     []time.Duration `json:"samples"`
		PageSamples []time.Duration `json:"page_samples"`
	} `json:"queries"`
}

// runSearchRun opens the workspace and runs the query set, printing the
// latencies as JSON. It runs in its own process so its peak RSS is the
// searching program's.
func runSearchRun(args []string, stdout, stderr io.Writer) error {
	fset := flag("search-run", stderr)
	wsDir := fset.String("workspace", "", "workspace folder")
	runs := fset.Int("runs", 40, "times each query is run")
	queryFile := fset.String("queries", "", "the query set (see search --queries)")
	cpuProfile := fset.String("cpuprofile", "", "write a CPU profile of the timed runs to `FILE`")
	if err := fset.Parse(args); err != nil {
		return err
	}
	if *queryFile != "" {
		var err error
		if querySet, err = readQuerySet(*queryFile); err != nil {
			return err
		}
	}
	ctx := context.Background()
	a, err := app.Open(ctx, *wsDir, false)
	if err != nil {
		return err
	}
	defer a.Close()
	if rep, err := a.SyncIndex(ctx, nil); err != nil || rep.Changed() {
		return fmt.Errorf("index not up to date before searching: %+v %v", rep, err)
	}
	var out searchRunResult
	out.Queries = make([]struct {
		Query       string          `json:"query"`
		Class       string          `json:"class"`
		Total       int             `json:"total"`
		Samples     []time.Duration `json:"samples"`
		PageSamples []time.Duration `json:"page_samples"`
	}, len(querySet))
	for i, q := range querySet {
		out.Queries[i].Query, out.Queries[i].Class = q.Query, q.Class
		res, err := a.Search(ctx, workbench.SearchRequest{Query: q.Query}) // warm-up
		if err != nil {
			return fmt.Errorf("%s: %w", q.Query, err)
		}
		if err := res.WaitCounts(ctx); err != nil {
			return fmt.Errorf("%s: %w", q.Query, err)
		}
		out.Queries[i].Total = res.Total
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	// Round-robin, so no query profits from running right after itself.
	for r := 0; r < *runs; r++ {
		for i, q := range querySet {
			// Timed until the totals and facets are exact: a page shown
			// before them (res.Counting) is timed as well, as PageSamples.
			start := time.Now()
			res, err := a.Search(ctx, workbench.SearchRequest{Query: q.Query})
			page := time.Since(start)
			if err != nil {
				return err
			}
			if err := res.WaitCounts(ctx); err != nil {
				return err
			}
			d := time.Since(start)
			if res.Total != out.Queries[i].Total {
				return fmt.Errorf("%s: %d hits, %d in the warm-up", q.Query, res.Total, out.Queries[i].Total)
			}
			out.Queries[i].PageSamples = append(out.Queries[i].PageSamples, page)
			if len(res.Hits) > 0 && hasWords(q.Query) && !strings.Contains(res.Hits[0].Snippet, "<mark>") {
				return fmt.Errorf("%s: first hit has no highlight: %s", q.Query, res.Hits[0].Snippet)
			}
			out.Queries[i].Samples = append(out.Queries[i].Samples, d)
		}
	}
	out.Memory = procStatus("VmHWM", "VmRSS", "RssAnon", "RssFile")
	return json.NewEncoder(stdout).Encode(out)
}

// procStatus reads some lines of /proc/self/status (nil elsewhere).
func procStatus(keys ...string) map[string]string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return nil
	}
	m := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		for _, want := range keys {
			if ok && k == want {
				m[k] = strings.TrimSpace(v)
			}
		}
	}
	return m
}

// plainBleve indexes every record of the workspace into a default-settings
// bleve index, in batches of 1000, and returns the time and index size.
func plainBleve(wsDir, path string) (time.Duration, int64, error) {
	ctx := context.Background()
	st, err := store.Open(ctx, wsDir, store.Options{})
	if err != nil {
		return 0, 0, err
	}
	defer st.Close()
	srcs, err := st.IndexSources(ctx)
	if err != nil {
		return 0, 0, err
	}
	os.RemoveAll(path)
	start := time.Now()
	idx, err := bleve.New(path, bleve.NewIndexMapping())
	if err != nil {
		return 0, 0, err
	}
	for _, src := range srcs {
		b := idx.NewBatch()
		for from := src.FirstRecord; src.LastRecord > 0; {
			rows, err := st.RecordsFrom(ctx, src.ID, from, 2000)
			if err != nil {
				return 0, 0, err
			}
			if len(rows) == 0 {
				break
			}
			for _, r := range rows {
				var doc map[string]any
				if err := json.Unmarshal([]byte(r.Fields), &doc); err != nil {
					return 0, 0, err
				}
				doc["kind"], doc["file"], doc["label"] = src.Kind, src.FileName, src.Label
				if err := b.Index("rec-"+strconv.FormatInt(r.ID, 10), doc); err != nil {
					return 0, 0, err
				}
				if b.Size() >= 1000 {
					if err := idx.Batch(b); err != nil {
						return 0, 0, err
					}
					b.Reset()
				}
			}
			from = rows[len(rows)-1].ID + 1
		}
		if err := idx.Batch(b); err != nil {
			return 0, 0, err
		}
	}
	if err := idx.Close(); err != nil {
		return 0, 0, err
	}
	return time.Since(start), dirSize(path), nil
}

type ftsQuery struct {
	total   int
	samples []time.Duration
}

type ftsResult struct {
	load    time.Duration
	size    int64
	queries []ftsQuery
}

// fts5Bench loads every record's search text into an FTS5 trigram table
// and runs the query set: a count, then the first 20 rows by rank with a
// highlighted snippet. Trigram needs three characters: shorter words are
// matched with LIKE, which it cannot speed up.
func fts5Bench(wsDir, path string, runs int) (ftsResult, error) {
	var res ftsResult
	ctx := context.Background()
	st, err := store.Open(ctx, wsDir, store.Options{})
	if err != nil {
		return res, err
	}
	defer st.Close()
	srcs, err := st.IndexSources(ctx)
	if err != nil {
		return res, err
	}
	os.Remove(path)
	db, err := sql.Open("sqlite", path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)")
	if err != nil {
		return res, err
	}
	defer db.Close()
	start := time.Now()
	if _, err := db.Exec(`CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='trigram')`); err != nil {
		return res, fmt.Errorf("fts5: %w", err)
	}
	tx, err := db.Begin()
	if err != nil {
		return res, err
	}
	ins, err := tx.Prepare(`INSERT INTO fts(rowid, text) VALUES (?, ?)`)
	if err != nil {
		return res, err
	}
	for _, src := range srcs {
		for from := src.FirstRecord; src.LastRecord > 0; {
			rows, err := st.RecordsFrom(ctx, src.ID, from, 2000)
			if err != nil {
				return res, err
			}
			if len(rows) == 0 {
				break
			}
			for _, r := range rows {
				text, _, err := importers.SearchText(workbench.Kind(src.Kind), r.Fields, r.Extra)
				if err != nil {
					return res, err
				}
				if _, err := ins.Exec(r.ID, text); err != nil {
					return res, err
				}
			}
			from = rows[len(rows)-1].ID + 1
		}
	}
	if err := tx.Commit(); err != nil {
		return res, err
	}
	res.load = time.Since(start)
	db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	if fi, err := os.Stat(path); err == nil {
		res.size = fi.Size()
	}
	res.queries = make([]ftsQuery, len(querySet))
	for r := 0; r <= runs; r++ { // run 0 is the warm-up
		for i, q := range querySet {
			if len(q.Parts) == 0 {
				res.queries[i].total = -1 // not a query FTS5 runs the same way
				continue
			}
			var match []string
			var likes []any
			where := []string{}
			for _, p := range q.Parts {
				if utf8.RuneCountInString(p) >= 3 {
					match = append(match, `"`+p+`"`)
				} else {
					where = append(where, "text LIKE ?")
					likes = append(likes, "%"+p+"%")
				}
			}
			var args []any
			order, snip := "rowid", "substr(text, 1, 60)"
			if len(match) > 0 {
				where = append([]string{"fts MATCH ?"}, where...)
				args = append(args, strings.Join(match, " AND "))
				order, snip = "rank", "snippet(fts, 0, '<mark>', '</mark>', '…', 24)"
			}
			args = append(args, likes...)
			cond := strings.Join(where, " AND ")
			start := time.Now()
			var total int
			if err := db.QueryRow(`SELECT count(*) FROM fts WHERE `+cond, args...).Scan(&total); err != nil {
				return res, fmt.Errorf("fts5 %s: %w", q.Query, err)
			}
			rs, err := db.Query(`SELECT rowid, `+snip+` FROM fts WHERE `+cond+` ORDER BY `+order+` LIMIT 20`, args...)
			if err != nil {
				return res, fmt.Errorf("fts5 %s: %w", q.Query, err)
			}
			for rs.Next() {
				var id int64
				var s string
				if err := rs.Scan(&id, &s); err != nil {
					rs.Close()
					return res, err
				}
			}
			rs.Close()
			d := time.Since(start)
			res.queries[i].total = total
			if r > 0 {
				res.queries[i].samples = append(res.queries[i].samples, d)
			}
		}
	}
	return res, nil
}

// countLines counts a CSV file's lines (a quoted field may hold a line
// break, so this is an upper bound of its rows; wbgen2 writes none).
func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	buf := make([]byte, 1<<20)
	for {
		k, err := f.Read(buf)
		n += bytes.Count(buf[:k], []byte{'\n'})
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := (len(s)*p + 99) / 100
	return s[min(max(i-1, 0), len(s)-1)]
}

// kB reads a /proc/self/status value such as "135128 kB" as bytes.
func kB(s string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSuffix(s, " kB"), 10, 64)
	return n * 1024
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func mb(n int64) string { return fmt.Sprintf("%.0f MB", float64(n)/1e6) }

func maxRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024 // kilobytes on Linux
	}
	return 0
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// hasWords reports whether a query has words or phrases to highlight, not
// only field filters (found:2024-03-01..2024-03-07, kind:incident).
func hasWords(query string) bool {
	for _, tok := range strings.Fields(query) {
		if !strings.Contains(tok, ":") || strings.HasPrefix(tok, "\"") {
			return true
		}
	}
	return false
}
