package main

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench/app"
)

// syncIndex brings the search index up to date before a search, saying so
// on standard error: a line when work starts, progress every few seconds,
// and a line when it is done. Nothing is printed when the index was
// already up to date.
func syncIndex(ctx context.Context, e *env, a *app.App, rebuild bool) (workbench.IndexReport, error) {
	start := time.Now()
	var last time.Time
	announced := false
	progress := func(p workbench.IndexProgress) {
		if !announced {
			announced = true
			last = time.Now()
			switch p.Phase {
			case workbench.IndexRebuild:
				fmt.Fprintf(e.stderr, "search index: building, %d documents to index…\n", p.Total)
			case workbench.IndexRemove:
				fmt.Fprintf(e.stderr, "search index: removing %d documents of deleted submissions…\n", p.Total)
			default:
				fmt.Fprintf(e.stderr, "search index: catching up with the workspace, %d new documents…\n", p.Total)
			}
			return
		}
		if time.Since(last) >= 3*time.Second && p.Total > 0 {
			last = time.Now()
			fmt.Fprintf(e.stderr, "search index: %d of %d documents (%d%%)\n", p.Done, p.Total, p.Done*100/p.Total)
		}
	}
	var rep workbench.IndexReport
	var err error
	if rebuild {
		rep, err = a.Reindex(ctx, progress)
	} else {
		rep, err = a.SyncIndex(ctx, progress)
	}
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return rep, fmt.Errorf("search index update interrupted after %d documents; the next search continues it", rep.Added)
		}
		return rep, err
	}
	if rep.Changed() {
		what := "brought up to date"
		if rep.Rebuilt {
			what = "rebuilt (" + rep.Reason + ")"
		}
		fmt.Fprintf(e.stderr, "search index: %s: %d documents added, %d removed in %s\n",
			what, rep.Added, rep.Removed, time.Since(start).Round(time.Millisecond))
	}
	return rep, nil
}

// searchJSON is the JSON shape of wb search.
type searchJSON struct {
	Total  int              `json:"total"`
	Hits   []searchHitJSON  `json:"hits"`
	Facets workbench.Facets `json:"facets"`
	Order  string           `json:"order"` // relevance or file
}

type searchHitJSON struct {
	ID       string  `json:"id"`
	Kind     string  `json:"kind"`
	File     string  `json:"file"`
	Location string  `json:"location"`
	Snippet  string  `json:"snippet"`
	CaseID   int64   `json:"case_id"`
	Label    string  `json:"label"`
	Ref      string  `json:"ref,omitempty"`
	Score    float64 `json:"score"`
}

// batchJSON is the JSON shape of wb search --queries.
type batchJSON struct {
	Queries []batchQueryJSON `json:"queries"`
}

type batchQueryJSON struct {
	Line  int    `json:"line"`
	Query string `json:"query"`
	// Searched is the query run for the line when it is not the line
	// itself (--literal).
	Searched string         `json:"searched,omitempty"`
	Total    int            `json:"total"`
	Kind     map[string]int `json:"kind,omitempty"`
	File     map[string]int `json:"file,omitempty"`
	Error    string         `json:"error,omitempty"`
}

var searchCommand = command{
	name:    "search",
	args:    "QUERY…",
	summary: "full-text search of everything imported (brings the search index up to date first)",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "search only case `ID`")
		kind := fs.String("kind", "", "only submissions of `KIND`: "+orList(workbench.Kinds))
		limit := fs.Int("limit", 20, "show at most `N` hits (1–1000)")
		offset := fs.Int("offset", 0, "skip the first `N` hits (for paging)")
		sortBy := fs.String("sort", "", "order of the hits: `relevance` or file (default: relevance when the hits are few enough to rank quickly, else file order)")
		queries := fs.String("queries", "", "count the hits of each keyword of `FILE`: a text file with one per line (blank lines and lines starting with # are skipped), or a CSV or XLSX file whose first column, or the column headed 关键词 or keyword, holds them; each line is a query in the search syntax unless --literal")
		literal := fs.Bool("literal", false, "with --queries: search each line as written, as one phrase (quotes, colons, a leading - and OR are then ordinary text), instead of as a query")
		out := fs.String("out", "", "with --queries: also write the counts as an Excel workbook `FILE.xlsx`")
		lang := fs.String("lang", workbench.ExportLangBoth, "with --out: language of the workbook's sheet names and headers: `zh`, en or both")
		workers := fs.Int("workers", 0, "with --queries or --keyword-library: run `N` searches at once (default: one per CPU)")
		library := fs.Bool("keyword-library", false, "with --case: apply the case's imported keyword library (its keyword_library records) to its incident logs and document passages, counting the hits of each keyword and of each risk category; regular expressions are listed as not applied")
		evidence := fs.String("evidence", "", "with --keyword-library: also cite the result as evidence for checklist item `ITEM` (the case must be open)")
		return func(ctx context.Context, e *env, args []string) error {
			if *library || *evidence != "" {
				switch {
				case !*library:
					return usagef("--evidence goes with --keyword-library")
				case *caseID == 0:
					return usagef("--keyword-library needs --case ID")
				case *queries != "" || len(args) > 0:
					return usagef("give --keyword-library, --queries FILE or a QUERY, not more than one")
				case *kind != "" || *literal:
					return usagef("--keyword-library searches the incident logs and document passages as written; --kind and --literal do not go with it")
				}
			}
			if *limit < 1 || *limit > 1000 {
				return usagef("--limit must be between 1 and 1000")
			}
			if *offset < 0 {
				return usagef("--offset must not be negative")
			}
			if *sortBy != "" && *sortBy != workbench.OrderRelevance && *sortBy != workbench.OrderFile {
				return usagef("unknown --sort %q (want %s or %s)", *sortBy, workbench.OrderRelevance, workbench.OrderFile)
			}
			if *queries != "" && len(args) > 0 {
				return usagef("give either a QUERY or --queries FILE, not both")
			}
			if *queries == "" && len(args) == 0 && !*library {
				return usagef("give a QUERY (see the query syntax in README.md) or --queries FILE")
			}
			if *queries == "" && !*library && (*literal || *out != "" || *workers != 0) {
				return usagef("--literal, --out and --workers go with --queries FILE or --keyword-library")
			}
			if *workers < 0 {
				return usagef("--workers must not be negative")
			}
			switch *lang {
			case workbench.ExportLangZh, workbench.ExportLangEn, workbench.ExportLangBoth:
			default:
				return usagef("--lang must be zh, en or both, not %q", *lang)
			}
			if *out != "" && !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
				return usagef("--out must name an .xlsx file, not %q", *out)
			}
			var list app.KeywordList
			if *queries != "" {
				var err error
				if list, err = app.ReadKeywordFile(*queries); err != nil {
					return err
				}
			}
			var a *app.App
			var c workbench.Case
			var err error
			if *caseID != 0 {
				a, c, err = openCase(ctx, e, strconv.FormatInt(*caseID, 10))
			} else {
				a, err = openWorkspace(ctx, e, false)
			}
			if err != nil {
				return err
			}
			defer a.Close()
			if *kind != "" && app.SpecOf(*kind) == nil {
				return usagef("unknown --kind %q (want %s)", *kind, orList(workbench.Kinds))
			}
			if *library {
				if err := checkLibrary(ctx, a, c); err != nil {
					return err
				}
			}
			if *queries == "" && !*library {
				// A bad query is reported before any indexing work.
				if err := app.ParseQuery(strings.Join(args, " ")); err != nil {
					return fmt.Errorf("query %q: %w", strings.Join(args, " "), err)
				}
			}
			if _, err := syncIndex(ctx, e, a, false); err != nil {
				return err
			}
			if *library {
				return runLibrary(ctx, e, a, c, libraryOptions{workers: *workers, out: *out, lang: *lang, item: *evidence})
			}
			if *queries != "" {
				return runBatch(ctx, e, a, list, batchOptions{
					KeywordOptions: app.KeywordOptions{CaseID: *caseID, Kind: *kind, Literal: *literal, Workers: *workers},
					source:         *queries, out: *out, lang: *lang, caseTitle: c.Title})
			}
			q := strings.Join(args, " ")
			res, err := a.Search(ctx, workbench.SearchRequest{Query: q, CaseID: *caseID, Kind: *kind, Limit: *limit, Offset: *offset, Sort: *sortBy})
			if err != nil {
				return fmt.Errorf("query %q: %w", q, err)
			}
			// The page may come before the exact counts; a command waits
			// for them (starting the process costs more).
			if err := res.WaitCounts(ctx); err != nil {
				return fmt.Errorf("query %q: %w", q, err)
			}
			if e.json {
				out := searchJSON{Total: res.Total, Hits: []searchHitJSON{}, Facets: res.Facets, Order: res.Order}
				for _, h := range res.Hits {
					out.Hits = append(out.Hits, searchHitJSON{ID: h.ID, Kind: h.Kind, File: h.File, Location: h.Location,
						Snippet: h.Snippet, CaseID: h.CaseID, Label: h.Label, Ref: h.Ref, Score: h.Score})
				}
				return writeJSON(e.stdout, out)
			}
			return printHits(e.stdout, res, *offset)
		}
	},
}

// batchOptions are the flags of wb search --queries.
type batchOptions struct {
	app.KeywordOptions
	source, out, lang string
	caseTitle         string
}

// runBatch counts the hits of each keyword line, saying how far it got on
// standard error every few seconds, and writes the counts as a table or
// JSON and, with --out, as a workbook. A malformed line is reported on
// its line and makes the exit status 1 once every line has been counted.
func runBatch(ctx context.Context, e *env, a *app.App, list app.KeywordList, o batchOptions) error {
	start := time.Now()
	last := start
	counts, err := a.CountQueries(ctx, list.Lines, o.KeywordOptions, func(p app.KeywordProgress) {
		if time.Since(last) >= 3*time.Second && p.Done < p.Total {
			last = time.Now()
			fmt.Fprintf(e.stderr, "keywords: %d of %d lines counted (%d%%)\n", p.Done, p.Total, p.Done*100/p.Total)
		}
	})
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return errors.New("keyword count interrupted; nothing was written")
		}
		return err
	}
	if time.Since(start) >= 3*time.Second {
		fmt.Fprintf(e.stderr, "keywords: %d lines counted in %s\n", len(counts), time.Since(start).Round(time.Millisecond))
	}
	failed, syntax := 0, false
	qs := make([]batchQueryJSON, len(counts))
	for i, c := range counts {
		qs[i] = batchQueryJSON{Line: c.Line, Query: c.Keyword, Total: c.Total, Kind: c.Kind, File: c.File}
		if c.Query != c.Keyword {
			qs[i].Searched = c.Query
		}
		if c.Err != nil {
			qs[i].Error = c.Err.Error()
			failed++
			syntax = syntax || errors.As(c.Err, new(*workbench.SyntaxError))
		}
	}
	if o.out != "" {
		err := app.WriteKeywordBook(o.out, app.KeywordBook{Lang: o.lang, Source: filepath.Base(o.source), List: list,
			CaseID: o.CaseID, CaseTitle: o.caseTitle, Kind: o.Kind, Literal: o.Literal, Counts: counts, GeneratedAt: time.Now()})
		if err != nil {
			return err
		}
	}
	if e.json {
		if err := writeJSON(e.stdout, batchJSON{Queries: qs}); err != nil {
			return err
		}
	} else {
		rows := [][]string{{"LINE", "HITS", "QUERY"}}
		for _, q := range qs {
			hits := strconv.Itoa(q.Total)
			if q.Error != "" {
				hits = "error"
			}
			rows = append(rows, []string{strconv.Itoa(q.Line), hits, q.Query})
		}
		if err := writeTable(e.stdout, rows); err != nil {
			return err
		}
		if o.out != "" {
			fmt.Fprintf(e.stdout, "Counts written to %s\n", o.out)
		}
	}
	if failed > 0 {
		for _, q := range qs {
			if q.Error != "" {
				fmt.Fprintf(e.stderr, "wb search: line %d: %s\n", q.Line, q.Error)
			}
		}
		if syntax && !o.Literal {
			fmt.Fprintln(e.stderr, "wb search: lines are read in the query syntax; --literal searches each line as written")
		}
		return fmt.Errorf("%d of %d queries could not be run", failed, len(qs))
	}
	return nil
}

// printHits writes hits for a terminal: matches between 【 】.
func printHits(w io.Writer, res workbench.SearchResult, offset int) error {
	var b strings.Builder
	if res.Total == 0 {
		b.WriteString("No hits.\n")
	} else {
		fmt.Fprintf(&b, "%d hits", res.Total)
		if len(res.Hits) > 0 {
			fmt.Fprintf(&b, ", showing %d–%d", offset+1, offset+len(res.Hits))
			if res.Order == workbench.OrderFile {
				b.WriteString(" in file order")
			} else {
				b.WriteString(" by relevance")
			}
		}
		b.WriteString("\n")
	}
	for _, h := range res.Hits {
		fmt.Fprintf(&b, "\n%s  %s  %s, %s  [%s]\n  ", h.ID, h.Kind, h.File, h.Location, h.Label)
		for _, s := range h.Segments {
			if s.Mark {
				b.WriteString("【" + s.Text + "】")
			} else {
				b.WriteString(s.Text)
			}
		}
		b.WriteString("\n")
	}
	if len(res.Facets.Kind) > 1 || len(res.Facets.File) > 1 {
		b.WriteString("\nBy kind: " + facetLine(res.Facets.Kind) + "\nBy file: " + facetLine(res.Facets.File) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func facetLine(m map[string]int) string {
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	for k, v := range m {
		kvs = append(kvs, kv{k, v})
	}
	// Most hits first, then by name.
	sort.Slice(kvs, func(i, j int) bool {
		return kvs[i].v > kvs[j].v || kvs[i].v == kvs[j].v && kvs[i].k < kvs[j].k
	})
	parts := make([]string, len(kvs))
	for i, x := range kvs {
		parts[i] = fmt.Sprintf("%s %d", x.k, x.v)
	}
	return strings.Join(parts, ", ")
}

var reindexCommand = command{
	name:    "reindex",
	summary: "rebuild the search index from the workspace database",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			a, err := openWorkspace(ctx, e, false)
			if err != nil {
				return err
			}
			defer a.Close()
			start := time.Now()
			rep, err := syncIndex(ctx, e, a, true)
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, map[string]any{"documents": rep.Added, "submissions": rep.Submissions,
					"seconds": time.Since(start).Seconds()})
			}
			_, err = fmt.Fprintf(e.stdout, "Search index rebuilt: %d documents from %d submissions in %s\n",
				rep.Added, rep.Submissions, time.Since(start).Round(time.Millisecond))
			return err
		}
	},
}

var caseDeleteCommand = command{
	name:    "case delete",
	args:    "ID",
	summary: "delete a case with everything imported into it (asks for --yes)",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		yes := fs.Bool("yes", false, "really delete: without it the command only says what would go")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) != 1 {
				return usagef("give exactly one case ID")
			}
			a, c, err := openCase(ctx, e, args[0])
			if err != nil {
				return err
			}
			defer a.Close()
			id := c.ID
			subs, err := a.ListSubmissions(ctx, id)
			if err != nil {
				return err
			}
			if !*yes {
				return usagef("case %d (%s) has %d submitted files; deleting it removes them and everything imported from them; add --yes to delete", id, c.Title, len(subs))
			}
			if err := a.DeleteCase(ctx, id); err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, map[string]any{"deleted": id, "submissions": len(subs)})
			}
			_, err = fmt.Fprintf(e.stdout, "Deleted case %d (%s) and its %d submitted files\n", id, c.Title, len(subs))
			return err
		}
	},
}
