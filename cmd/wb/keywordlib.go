package main

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/inspection-workbench/workbench/app"
)

// libraryJSON is the JSON shape of wb search --keyword-library.
type libraryJSON struct {
	CaseID int64 `json:"case_id"`
	// Library are the keyword_library files read, Searched the files
	// searched (incident logs and documents).
	Library  []libraryFileJSON `json:"library"`
	Searched []libraryFileJSON `json:"searched"`
	// Rows counts the rows and passages hit by any keyword, each once.
	Rows     int                  `json:"rows"`
	Risks    []libraryRiskJSON    `json:"risks"`
	Keywords []libraryKeywordJSON `json:"keywords"`
	// Evidence is the target of the evidence link made with --evidence.
	Evidence string `json:"evidence,omitempty"`
}

type libraryFileJSON struct {
	SubmissionID int64  `json:"submission_id"`
	File         string `json:"file"`
	Kind         string `json:"kind"`
	SHA256       string `json:"sha256"`
}

type libraryRiskJSON struct {
	// Risk is the code ("A.1.3", or a group "A.1"); "" with Written for a
	// category the library wrote that names none, both "" for keywords
	// without one.
	Risk     string `json:"risk"`
	Written  string `json:"written,omitempty"`
	NameZh   string `json:"name_zh"`
	NameEn   string `json:"name_en"`
	Keywords int    `json:"keywords"`
	Searched int    `json:"searched"`
	WithHits int    `json:"with_hits"`
	Rows     int    `json:"rows"`
}

type libraryKeywordJSON struct {
	File    string `json:"file"`
	Row     int    `json:"row"`
	Hit     string `json:"hit"` // the library record's hit id
	Keyword string `json:"keyword"`
	Risk    string `json:"risk"` // the code read, "" when it names none
	// RiskWritten is the risk field as written, when it differs from Risk.
	RiskWritten string `json:"risk_written,omitempty"`
	Match       string `json:"match_type"`
	// Searched is the query run ("" when the keyword was not searched).
	Searched string         `json:"searched"`
	Total    int            `json:"total"`
	Kind     map[string]int `json:"kind,omitempty"`
	Files    map[string]int `json:"files,omitempty"`
	// Problem (regex, regex_like, nothing, empty) and Error say why a
	// keyword was not searched.
	Problem string `json:"problem,omitempty"`
	Error   string `json:"error,omitempty"`
}

// libraryOptions are the flags of wb search --keyword-library.
type libraryOptions struct {
	workers   int
	out, lang string
	item      string
}

// runLibrary applies the case's keyword library to its incident logs and
// document passages (the index is up to date), saying how far it got on
// standard error every few seconds, and writes the hits per risk category
// and per keyword as a table or JSON, with --out as a workbook, and with
// --evidence cites the result for a checklist item. Keywords that could
// not be searched are listed, with why; they are not an error.
func runLibrary(ctx context.Context, e *env, a *app.App, c workbench.Case, o libraryOptions) error {
	start := time.Now()
	last := start
	run, err := a.RunKeywordLibrary(ctx, c.ID, app.LibraryOptions{Workers: o.workers}, func(p app.KeywordProgress) {
		if time.Since(last) >= 3*time.Second && p.Done < p.Total {
			last = time.Now()
			fmt.Fprintf(e.stderr, "keyword library: %d of %d searches done (%d%%)\n", p.Done, p.Total, p.Done*100/p.Total)
		}
	})
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return errors.New("keyword library run interrupted; nothing was written")
		}
		if errors.Is(err, app.ErrNoKeywordLibrary) {
			return fmt.Errorf("case %d has no keyword library: import the provider's 关键词库 with wb import --case %d --kind keyword_library FILE", c.ID, c.ID)
		}
		return err
	}
	if time.Since(start) >= 3*time.Second {
		fmt.Fprintf(e.stderr, "keyword library: %d keywords applied in %s\n", len(run.Counts), time.Since(start).Round(time.Millisecond))
	}
	if o.out != "" {
		if err := app.WriteKeywordBook(o.out, app.LibraryBook(run, c.Title, o.lang)); err != nil {
			return err
		}
	}
	target := ""
	if o.item != "" {
		if _, err := a.AddLibraryEvidence(ctx, o.item, run, o.lang); err != nil {
			return fmt.Errorf("cite the keyword library for item %s: %w", o.item, err)
		}
		target = app.LibraryEvidenceTarget(run.Library[0].ID)
	}
	n, searched, withHits, regex, unsearchable := run.Summary()
	if e.json {
		out := libraryJSON{CaseID: c.ID, Library: []libraryFileJSON{}, Searched: []libraryFileJSON{}, Rows: run.Rows,
			Risks: []libraryRiskJSON{}, Keywords: []libraryKeywordJSON{}, Evidence: target}
		for _, s := range run.Library {
			out.Library = append(out.Library, libraryFileJSON{SubmissionID: s.ID, File: s.FileName, Kind: s.Kind, SHA256: s.SHA256})
		}
		for _, s := range run.Searched {
			out.Searched = append(out.Searched, libraryFileJSON{SubmissionID: s.ID, File: s.FileName, Kind: s.Kind, SHA256: s.SHA256})
		}
		for _, h := range run.Risks {
			name := h.Name()
			if h.Risk != "" {
				name = h.Risk.Name()
			}
			out.Risks = append(out.Risks, libraryRiskJSON{Risk: string(h.Risk), Written: h.Written, NameZh: name.Zh, NameEn: name.En,
				Keywords: h.Keywords, Searched: h.Searched, WithHits: h.WithHits, Rows: h.Rows})
		}
		for _, k := range run.Counts {
			kj := libraryKeywordJSON{File: k.FileName, Row: k.Row, Hit: k.Hit, Keyword: k.Keyword, Risk: string(k.Risk), Match: k.Match,
				Searched: k.Query, Total: k.Total, Kind: k.Kind, Files: k.File}
			if k.RiskWritten != string(k.Risk) {
				kj.RiskWritten = k.RiskWritten
			}
			if k.Err != nil {
				kj.Error = k.Err.Error()
				var le *app.LibraryError
				if errors.As(k.Err, &le) {
					kj.Problem = string(le.Problem)
				}
			}
			out.Keywords = append(out.Keywords, kj)
		}
		return writeJSON(e.stdout, out)
	}
	rows := [][]string{{"RISK", "KEYWORDS", "SEARCHED", "WITH HITS", "ROWS", "CATEGORY"}}
	for _, h := range run.Risks {
		name := h.Name().En
		if h.Risk != "" {
			name = h.Risk.Name().En
		}
		rows = append(rows, []string{string(h.Risk), strconv.Itoa(h.Keywords), strconv.Itoa(h.Searched), strconv.Itoa(h.WithHits), strconv.Itoa(h.Rows), name})
	}
	if err := writeTable(e.stdout, rows); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\n%d keywords: %d searched, %d with hits; %d regular expressions not applied, %d could not be searched.\n", n, searched, withHits, regex, unsearchable)
	fmt.Fprintf(e.stdout, "%d rows or passages of the incident logs and documents hit, each counted once.\n\n", run.Rows)
	rows = [][]string{{"FILE", "ROW", "HITS", "RISK", "KEYWORD"}}
	for _, k := range run.Counts {
		hits := strconv.Itoa(k.Total)
		if k.Err != nil {
			hits = "-"
		}
		rows = append(rows, []string{k.FileName, strconv.Itoa(k.Row), hits, string(k.Risk), k.Keyword})
	}
	if err := writeTable(e.stdout, rows); err != nil {
		return err
	}
	var not []app.LibraryCount
	for _, k := range run.Counts {
		if k.Err != nil {
			not = append(not, k)
		}
	}
	if len(not) > 0 {
		fmt.Fprintln(e.stdout, "\nNot searched:")
		for _, k := range not {
			fmt.Fprintf(e.stdout, "  %s row %d %q: %s\n", k.FileName, k.Row, k.Keyword, k.Err)
		}
	}
	if o.out != "" {
		fmt.Fprintf(e.stdout, "Hits written to %s\n", o.out)
	}
	if target != "" {
		fmt.Fprintf(e.stdout, "Cited as evidence %s for item %s\n", target, o.item)
	}
	return nil
}

// checkLibrary refuses, before any indexing work, a case with no keyword
// library.
func checkLibrary(ctx context.Context, a *app.App, c workbench.Case) error {
	files, err := a.KeywordLibraryFiles(ctx, c.ID)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(files, func(s workbench.Submission) bool { return s.Records > 0 }) {
		return fmt.Errorf("case %d has no keyword library: import the provider's 关键词库 with wb import --case %d --kind keyword_library FILE", c.ID, c.ID)
	}
	return nil
}
