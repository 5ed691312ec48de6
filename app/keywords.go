package app

import (
	"github.com/inspection-workbench/workbench"

	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/inspection-workbench/workbench/importers/tabular"
	"github.com/inspection-workbench/workbench/importers/textdoc"
	"github.com/inspection-workbench/workbench/importers/xlsx"
)

// Keyword lists. A provider's keyword library (关键词库) — the words its
// filters look for — is checked against what it handed over by counting
// the hits of every keyword: wb search --queries and the Search tab's
// "Run keyword file…" both go through ReadKeywordFile and CountQueries.

// MaxKeywordFileBytes bounds a keyword file: larger ones are refused.
const MaxKeywordFileBytes = 64 << 20

// ErrNoKeywords is wrapped when a keyword file holds no keyword.
var ErrNoKeywords = errors.New("no keywords in the file")

// KeywordLine is one keyword of a keyword list with where it stands.
type KeywordLine struct {
	// Line is the 1-based line of a text or CSV file, or the row of an
	// XLSX sheet.
	Line int `json:"line"`
	// Text is the keyword as written, trimmed.
	Text string `json:"query"`
}

// KeywordList is a keyword file as read.
type KeywordList struct {
	// Lines are the keywords in file order; blank lines, # comments (text
	// files) and the header row (CSV, XLSX) are left out.
	Lines []KeywordLine
	// Format is "text", "csv" or "xlsx"; Encoding names the text encoding
	// found (text and CSV).
	Format, Encoding string
	// Sheet is the XLSX sheet read; Column the header of the keyword
	// column when one was recognised ("" when the first column was taken).
	Sheet, Column string
}

// keywordHeaders are the column headers that mark the keyword column of a
// CSV or XLSX keyword library, compared after workbench.Fold.
var keywordHeaders = []string{"关键词", "关键字", "敏感词", "检索词", "词条", "keyword", "keywords", "key word", "key words", "term", "terms", "query", "queries"}

// headerRows is how many rows at the top of a sheet are searched for the
// keyword header (a title row may stand above it).
const headerRows = 5

// ReadKeywordFile reads a keyword list: a CSV (.csv, .tsv) or XLSX
// (.xlsx, .xlsm) file whose first column — or the column headed 关键词,
// keyword or the like — holds one keyword per row, or else a text file
// with one keyword (or query) per line, where blank lines and lines
// starting with # are skipped. Text and CSV may be UTF-8, with or without
// byte order mark, or GB18030, as imports may.
func ReadKeywordFile(path string) (KeywordList, error) {
	// The errors carry reasons, so the GUI can word them in the user's
	// language (workbench.Error).
	f, err := os.Open(path)
	if err != nil {
		return KeywordList{}, fmt.Errorf("read keyword file: %w", workbench.Errorf(workbench.CodeInvalid, workbench.ReasonFileUnreadable).Wrap(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return KeywordList{}, fmt.Errorf("read keyword file %s: %w", path, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonFileUnreadable).Wrap(err))
	}
	if st.IsDir() {
		return KeywordList{}, fmt.Errorf("read keyword file %s: %w", path, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonIsFolder))
	}
	if st.Size() > MaxKeywordFileBytes {
		return KeywordList{}, fmt.Errorf("read keyword file %s: %w", path, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonFileTooLarge,
			"Size", fmt.Sprintf("%.1f MiB", float64(st.Size())/(1<<20)), "Limit", fmt.Sprintf("%d MiB", MaxKeywordFileBytes>>20)))
	}
	var kl KeywordList
	var reason *workbench.Error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		kl, err = readKeywordXLSX(f, st.Size())
		reason = workbench.Errorf(workbench.CodeUnsupported, workbench.ReasonDamaged, "Format", "XLSX")
	case ".csv", ".tsv":
		kl, err = readKeywordCSV(f)
		reason = workbench.Errorf(workbench.CodeUnsupported, workbench.ReasonDamaged, "Format", "CSV")
	default:
		kl, err = readKeywordText(f)
		reason = workbench.Errorf(workbench.CodeUnsupported, workbench.ReasonNotText)
	}
	if err != nil {
		if workbench.ErrorReason(err) == nil {
			err = reason.Wrap(err)
		}
		return KeywordList{}, fmt.Errorf("read keyword file %s: %w", path, err)
	}
	if len(kl.Lines) == 0 {
		return KeywordList{}, fmt.Errorf("read keyword file %s: %w", path, ErrNoKeywords)
	}
	return kl, nil
}

// readKeywordText reads one keyword per line through the text-document
// importer's decoding (UTF-8 with or without BOM, else GB18030); its
// paragraphs keep their lines, each trimmed, so line numbers stay exact.
func readKeywordText(r io.Reader) (KeywordList, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return KeywordList{}, err
	}
	kl := KeywordList{Format: "text"}
	ps, enc, err := textdoc.Read(data, false)
	if errors.Is(err, textdoc.ErrEmpty) {
		return kl, nil
	}
	if err != nil {
		return KeywordList{}, err
	}
	kl.Encoding = enc
	for _, p := range ps {
		for i, line := range strings.Split(p.Text, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			kl.Lines = append(kl.Lines, KeywordLine{Line: p.Line + i, Text: line})
		}
	}
	return kl, nil
}

// readKeywordCSV reads the keyword column of a CSV file.
func readKeywordCSV(r io.Reader) (KeywordList, error) {
	t, info, err := tabular.OpenCSV(r, tabular.DefaultLimits())
	if errors.Is(err, tabular.ErrEmpty) {
		return KeywordList{Format: "csv"}, nil
	}
	if err != nil {
		return KeywordList{}, err
	}
	kl, err := readKeywordTable(t)
	kl.Format, kl.Encoding = "csv", info.Encoding
	return kl, err
}

// readKeywordXLSX reads the keyword column of the first sheet that has a
// keyword header, or else of the first sheet.
func readKeywordXLSX(r io.ReaderAt, size int64) (KeywordList, error) {
	wb, err := xlsx.Open(r, size, xlsx.DefaultLimits())
	if err != nil {
		return KeywordList{}, err
	}
	defer wb.Close()
	sheets := wb.Sheets()
	if len(sheets) == 0 {
		return KeywordList{Format: "xlsx"}, nil
	}
	var first KeywordList
	for i, name := range sheets {
		t, err := wb.Table(name)
		if err != nil {
			return KeywordList{}, fmt.Errorf("sheet %q: %w", name, err)
		}
		kl, err := readKeywordTable(t)
		if err != nil {
			return KeywordList{}, fmt.Errorf("sheet %q: %w", name, err)
		}
		kl.Format, kl.Sheet = "xlsx", name
		if kl.Column != "" {
			return kl, nil
		}
		if i == 0 {
			first = kl
		}
	}
	return first, nil
}

// readKeywordTable takes the keywords from a table: the column whose
// header (in one of the first rows) names keywords, with the rows above
// and the header left out, or else every row's first cell.
func readKeywordTable(t tabular.Table) (KeywordList, error) {
	var rows []tabular.Row
	col, header := 0, -1
	for {
		row, err := t.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return KeywordList{}, err
		}
		row.Cells = slices.Clone(row.Cells)
		if header < 0 && len(rows) < headerRows {
			for c, cell := range row.Cells {
				if isKeywordHeader(cell) {
					col, header = c, len(rows)
					break
				}
			}
		}
		rows = append(rows, row)
	}
	var kl KeywordList
	start := 0
	if header >= 0 {
		kl.Column = strings.TrimSpace(rows[header].Cells[col])
		start = header + 1
	}
	for _, row := range rows[start:] {
		if col >= len(row.Cells) {
			continue
		}
		if text := strings.TrimSpace(row.Cells[col]); text != "" {
			kl.Lines = append(kl.Lines, KeywordLine{Line: row.Number, Text: text})
		}
	}
	return kl, nil
}

func isKeywordHeader(cell string) bool {
	f := workbench.Fold(cell)
	for _, h := range keywordHeaders {
		if f == workbench.Fold(h) {
			return true
		}
	}
	return false
}

// LiteralQuery is the query that searches for keyword as written: the
// whole line as one phrase, so that 习近平: is the word with the colon
// ignored, -d the letter d and a OR b those three words in a row. Quotes,
// which a phrase cannot hold, count as the punctuation they are (a
// phrase matches across punctuation). It returns "" when nothing is left
// to search for.
func LiteralQuery(keyword string) string {
	s := strings.Map(func(r rune) rune {
		switch r {
		case '"', '“', '”', '「', '」', '＂':
			return ' '
		}
		return r
	}, keyword)
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	return `"` + s + `"`
}

// KeywordOptions says how CountQueries counts.
type KeywordOptions struct {
	// CaseID, when not 0, counts in one case only; Kind, when set, in
	// submissions of that kind only.
	CaseID int64
	Kind   string
	// Literal searches each line as written (see LiteralQuery) instead of
	// as a query in the search syntax.
	Literal bool
	// Workers is how many lines are counted at once; 0 means one per CPU.
	Workers int
}

// KeywordCount is the hit count of one keyword line.
type KeywordCount struct {
	Line    int
	Keyword string
	// Query is what was searched: Keyword itself, or its literal phrase.
	Query string
	// Total counts the matching records and passages; Kind and File split
	// it by submission kind and by file name.
	Total int
	Kind  map[string]int
	File  map[string]int
	// Sub splits it by submission id.
	Sub map[int64]int
	// Err, when set, says why the line could not be searched (a malformed
	// query wraps *workbench.SyntaxError); the counts are then zero.
	Err error
}

// KeywordProgress reports a CountQueries under way: Done of Total lines.
type KeywordProgress struct {
	Done, Total int
}

// progressEvery is the least time between two progress reports.
const progressEvery = 100 * time.Millisecond

// CountQueries counts the hits of every keyword line in the search index
// as it stands (call SyncIndex first). Every line is parsed before any is
// run: a malformed one gets its Err and the others are still counted.
// Lines with the same query are searched once. The lines are counted by
// opts.Workers goroutines at once — searches of the index run side by
// side. progress (may be nil) is called on the calling goroutine, one
// call at a time, at most every 100 ms and once at the end. Cancelling
// ctx stops the count; it then returns ctx's error and no counts. An
// unknown case or kind is an error before anything is counted.
func (a *App) CountQueries(ctx context.Context, lines []KeywordLine, opts KeywordOptions, progress func(KeywordProgress)) ([]KeywordCount, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("count keywords: %w", err)
	}
	if opts.CaseID != 0 {
		if _, err := a.store.GetCase(ctx, opts.CaseID); err != nil {
			return nil, err
		}
	}
	if opts.Kind != "" && SpecOf(opts.Kind) == nil {
		return nil, fieldErr("kind", ProblemFormat, "unknown kind %q (want one of %s)", opts.Kind, kindList())
	}
	x, err := a.searchIndex(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]KeywordCount, len(lines))
	// Parse every line first; each distinct query is one job.
	var jobs []string
	lineJob := make([]int, len(lines)) // -1 for a line that is not run
	seen := map[string]int{}
	for i, l := range lines {
		out[i] = KeywordCount{Line: l.Line, Keyword: l.Text, Query: l.Text}
		lineJob[i] = -1
		if opts.Literal {
			// A line of nothing but quotes is an empty phrase, which
			// ParseQuery reports.
			out[i].Query = cmp.Or(LiteralQuery(l.Text), `""`)
		}
		if err := ParseQuery(out[i].Query); err != nil {
			out[i].Err = err
			continue
		}
		j, ok := seen[out[i].Query]
		if !ok {
			j = len(jobs)
			seen[out[i].Query] = j
			jobs = append(jobs, out[i].Query)
		}
		lineJob[i] = j
	}
	type result struct {
		res workbench.SearchResult
		err error
	}
	results := make([]result, len(jobs))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(min(workers, len(jobs)), 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	done := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range next {
				res, err := x.Search(ctx, workbench.SearchRequest{Query: jobs[j], CaseID: opts.CaseID, Kind: opts.Kind, CountOnly: true})
				results[j] = result{res, err}
				select {
				case done <- struct{}{}:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		defer close(next)
		for j := range jobs {
			select {
			case next <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	total := len(lines)
	report := func(n int) {
		if progress != nil {
			// Lines that are not run count as done from the start.
			progress(KeywordProgress{Done: min(total-len(jobs)+n, total), Total: total})
		}
	}
	report(0)
	last := time.Now()
	finished := 0
	for finished < len(jobs) {
		select {
		case <-done:
			finished++
			if time.Since(last) >= progressEvery {
				last = time.Now()
				report(finished)
			}
		case <-ctx.Done():
			cancel()
			wg.Wait()
			return nil, fmt.Errorf("count keywords: stopped after %d of %d: %w", finished, len(jobs), ctx.Err())
		}
	}
	wg.Wait()
	for j, r := range results {
		// A search can fail only for reasons that are not the line's
		// (its syntax was checked): a closed or damaged index.
		if r.err != nil && !errors.As(r.err, new(*workbench.SyntaxError)) {
			return nil, fmt.Errorf("count keywords: %q: %w", jobs[j], r.err)
		}
	}
	for i := range out {
		j := lineJob[i]
		if j < 0 {
			continue
		}
		r := results[j]
		if r.err != nil {
			out[i].Err = r.err
			continue
		}
		out[i].Total = r.res.Total
		out[i].Kind = r.res.Facets.Kind
		out[i].File = r.res.Facets.File
		out[i].Sub = r.res.Facets.Sub
	}
	report(len(jobs))
	return out, nil
}
