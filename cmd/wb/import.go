package main

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/importers"
	"github.com/inspection-workbench/workbench/store"
)

var importCommand = command{
	name:    "import",
	args:    "FILE...",
	summary: "import submitted files (CSV, XLSX, JSON, JSONL; DOCX, PDF, Markdown and text documents; PNG, JPEG and WebP images as label samples) into a case",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		var caseID, kind, label, maxSize string
		var keepNotes bool
		fs.StringVar(&caseID, "case", "", "case `ID` to import into (required)")
		fs.StringVar(&kind, "kind", "", "submission kind: "+orList(workbench.Kinds)+" (default: told from the headers)")
		fs.StringVar(&label, "label", string(app.DefaultLabel), "confidentiality label: "+orList(workbench.Labels))
		fs.StringVar(&maxSize, "max-size", "2GiB", "largest file accepted, e.g. 500MB or 2GiB")
		fs.BoolVar(&keepNotes, "keep-notes", false, "import the notes, totals and sign-offs below a table (注：…, 合计, 填报人：…) as records instead of leaving them out")
		return func(ctx context.Context, e *env, files []string) error {
			if caseID == "" {
				return usagef("--case is required")
			}
			if len(files) == 0 {
				return usagef("name at least one file to import")
			}
			id, err := strconv.ParseInt(caseID, 10, 64)
			if err != nil || id <= 0 {
				return fmt.Errorf("case id %q is not a case number", caseID)
			}
			req := app.ImportRequest{CaseID: id, Files: files, KeepNoteRows: keepNotes}
			if kind != "" {
				k, err := workbench.ParseKind(kind)
				if err != nil {
					return usagef("--kind: %v", err)
				}
				req.Kind = k
			}
			l, err := workbench.ParseLabel(label)
			if err != nil {
				return usagef("--label: %v", err)
			}
			req.Label = l
			if req.MaxBytes, err = parseSize(maxSize); err != nil {
				return usagef("--max-size: %v", err)
			}
			a, err := openWorkspace(ctx, e, false)
			if err != nil {
				return err
			}
			defer a.Close()
			if isTerminal(e.stderr) {
				req.Progress = progressPrinter(e)
			}
			reports, err := a.Import(ctx, req)
			if isTerminal(e.stderr) {
				fmt.Fprint(e.stderr, "\r\033[K")
			}
			if err != nil && len(reports) == 0 {
				if errors.Is(err, store.ErrNotFound) {
					return fmt.Errorf("case %d not found in %s (wb case list shows the cases)", id, a.Dir())
				}
				return err
			}
			for i := range reports {
				reports[i].Error = reportError(reports[i])
			}
			if e.json {
				if werr := writeJSON(e.stdout, map[string]any{"files": reports}); werr != nil {
					return werr
				}
				// Standard output is for programs; people watching still
				// learn on standard error which file failed and why.
				for _, r := range reports {
					if r.Status == app.StatusFailed {
						fmt.Fprintf(e.stderr, "%s: failed: %s\n", r.File, oneLine(r.Error))
					}
				}
			} else {
				printImportReport(e, reports)
			}
			if errors.Is(err, context.Canceled) {
				return errors.New("interrupted: the file being read was not kept; files reported above as imported are")
			}
			if err != nil {
				return err
			}
			failed := 0
			for _, r := range reports {
				if r.Status == app.StatusFailed {
					failed++
				}
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d files failed to import and added nothing", failed, len(reports))
			}
			return nil
		}
	},
}

// printImportReport writes the human-readable import report.
func printImportReport(e *env, reports []app.FileReport) {
	for _, r := range reports {
		switch r.Status {
		case app.StatusImported:
			what := fmt.Sprintf("%d records", r.Records)
			if r.Passages > 0 {
				what = fmt.Sprintf("%d passages", r.Passages)
				if r.Records > 0 {
					what += ", key facts found"
				}
			}
			fmt.Fprintf(e.stdout, "imported   %s  (%s, %s%s): %s, %d warnings\n", r.File, r.Kind, r.Format, encodingNote(r), what, r.Notices())
		case app.StatusDuplicate:
			fmt.Fprintf(e.stdout, "duplicate  %s  already imported into this case as submission %d; nothing added\n", r.File, r.SubmissionID)
		default:
			fmt.Fprintf(e.stdout, "failed     %s: %s\n", r.File, strings.ReplaceAll(r.Error, "\n", "\n           "))
		}
		printLeftOut(e, r)
		const shown = 20
		for i, w := range r.Warnings {
			if i == shown {
				fmt.Fprintf(e.stdout, "           … %d more warnings (wb import --json lists up to 1000)\n", r.WarningCount-shown)
				break
			}
			// A notice (the bank or type taken from a sheet's name) is said
			// as one, not as a warning.
			label, msg := "warning", warningMessage(w)
			if m, ok := strings.CutPrefix(msg, "notice: "); ok {
				label, msg = "notice", m
			}
			fmt.Fprintf(e.stdout, "           %s: %s: %s\n", label, w.Location, msg)
		}
	}
}

// printLeftOut reports the rows left out of a file as notes, and the
// values outside vocabularies, column by column.
func printLeftOut(e *env, r app.FileReport) {
	for _, u := range r.Unrecognised {
		col := u.Column
		if u.Sheet != "" {
			col = fmt.Sprintf("sheet %q, %s", u.Sheet, col)
		}
		what := "values"
		if u.Count == 1 {
			what = "value"
		}
		ex := make([]string, len(u.Examples))
		for i, x := range u.Examples {
			ex[i] = strconv.Quote(x)
		}
		fmt.Fprintf(e.stdout, "           %s (%s): %d %s not recognised, kept as written (e.g. %s); the first at %s\n",
			col, u.Field, u.Count, what, strings.Join(ex, ", "), u.First)
		fmt.Fprintf(e.stdout, "             the field's values are %s; docs/submission-formats.md lists the spellings read as each\n", strings.Join(u.Valid, ", "))
	}
	if r.SkippedRowCount == 0 {
		return
	}
	fmt.Fprintf(e.stdout, "           left out %d rows as notes, totals or sign-offs (--keep-notes imports them):\n", r.SkippedRowCount)
	const shown = 10
	for i, s := range r.SkippedRows {
		if i == shown {
			fmt.Fprintf(e.stdout, "           … %d more (wb import --json lists up to 1000)\n", r.SkippedRowCount-shown)
			break
		}
		fmt.Fprintf(e.stdout, "           %s: %s: %s\n", s.Reason, s.Location, s.Text)
	}
}

// oneLine puts a message on one line, for standard error.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "; ")), " ")
}

func encodingNote(r app.FileReport) string {
	if r.Encoding == "" || r.Format == "xlsx" {
		return ""
	}
	return ", " + r.Encoding
}

// progressPrinter shows rows/s on the terminal while an import runs.
func progressPrinter(e *env) func(app.ImportProgress) {
	var started time.Time
	var file string
	return func(p app.ImportProgress) {
		if p.File != file {
			file, started = p.File, time.Now()
		}
		rate := ""
		if secs := time.Since(started).Seconds(); secs > 0 && p.Rows > 0 {
			rate = fmt.Sprintf(", %.0f rows/s", float64(p.Rows)/secs)
		}
		fmt.Fprintf(e.stderr, "\r\033[Kimporting %d/%d %s: %d rows%s", p.FileIndex+1, p.FileCount, p.File, p.Rows, rate)
	}
}

// isTerminal reports whether w is a terminal (progress is drawn only there).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// parseSize reads 2GiB, 500MB, 1048576.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"TIB", 1 << 40}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size such as 500MB or 2GiB", s)
	}
	return int64(n * float64(mult)), nil
}

var templateCommand = command{
	name:    "template",
	args:    "KIND",
	summary: "write the provider-facing XLSX (or CSV) template of a submission kind",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		var out string
		fs.StringVar(&out, "out", "", "`FILE`.xlsx (or FILE.csv, the header row alone) to write (required)")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) != 1 {
				return usagef("name one kind: %s", orList(workbench.Kinds))
			}
			k, err := workbench.ParseKind(args[0])
			if err != nil {
				return usagef("%v", err)
			}
			if out == "" {
				return usagef("--out is required")
			}
			write, ext := importers.WriteTemplate, ".xlsx"
			if strings.EqualFold(filepath.Ext(out), ".csv") {
				write, ext = importers.WriteTemplateCSV, ".csv"
			}
			tmp, err := os.CreateTemp(filepath.Dir(out), ".template-*"+ext)
			if err != nil {
				return fmt.Errorf("write %s: %w", out, err)
			}
			defer os.Remove(tmp.Name())
			if err := write(k, tmp); err != nil {
				tmp.Close()
				return err
			}
			if err := tmp.Close(); err != nil {
				return fmt.Errorf("write %s: %w", out, err)
			}
			if err := os.Rename(tmp.Name(), out); err != nil {
				return fmt.Errorf("write %s: %w", out, err)
			}
			if e.json {
				return writeJSON(e.stdout, map[string]any{"kind": k, "file": out})
			}
			_, err = fmt.Fprintf(e.stdout, "wrote the %s template to %s\n", k, out)
			return err
		}
	},
}
