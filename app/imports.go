package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/inspection-workbench/workbench/importers"
	"github.com/inspection-workbench/workbench/store"
)

// Import statuses of one file.
const (
	StatusImported  = "imported"
	StatusDuplicate = "duplicate"
	StatusFailed    = "failed"
)

// DefaultLabel is the confidentiality label of a submission when none is
// given: provider material not meant for the public.
const DefaultLabel = workbench.Internal

// ImportRequest names the files to import into a case.
type ImportRequest struct {
	CaseID   int64
	Kind     workbench.Kind  // "" to tell each file's kind from its headers
	Label    workbench.Label // "" for DefaultLabel
	Files    []string
	MaxBytes int64 // per file; 0 for importers.DefaultMaxBytes
	// KeepNoteRows imports the notes, totals and sign-offs below a table
	// as records instead of leaving them out (importers.Options).
	KeepNoteRows bool
	// Progress, when set, is called from the importing goroutine as each
	// file starts and every few thousand rows.
	Progress func(ImportProgress)
}

// ImportProgress reports how far an import has got.
type ImportProgress struct {
	File      string // the file being read
	FileIndex int    // 0-based position among the request's files
	FileCount int
	Rows      int // rows read from this file so far
	// Read is how many bytes of this file have been read, when the format
	// is read front to back (0 otherwise: XLSX, documents); Size is the
	// file's size.
	Read, Size int64
}

// FileReport is the outcome for one file. Its JSON shape is a contract
// (wb import --json): file, sha256, kind, status, records, warnings, error.
type FileReport struct {
	File         string              `json:"file"`
	SHA256       string              `json:"sha256"`
	Kind         string              `json:"kind"`
	Status       string              `json:"status"`
	Records      int                 `json:"records"`
	Passages     int                 `json:"passages"`
	Warnings     []workbench.Warning `json:"warnings"`
	Error        string              `json:"error"`
	Format       string              `json:"format,omitempty"`
	Encoding     string              `json:"encoding,omitempty"`
	Size         int64               `json:"size"`
	WarningCount int                 `json:"warning_count"`
	SubmissionID int64               `json:"submission_id,omitempty"`
	// Err is the failure Error words in English, for the interfaces to
	// word in their own language and style (see workbench.Error).
	Err error `json:"-"`
	// The rows left out as notes, totals and sign-offs (the first 1000)
	// and how many there were; per column, the values outside a
	// vocabulary. Reported, not stored with the submission.
	SkippedRows     []importers.SkippedRow  `json:"skipped_rows"`
	SkippedRowCount int                     `json:"skipped_row_count"`
	Unrecognised    []importers.ColumnCount `json:"unrecognised"`
}

// Import reads each file into the case, one transaction per file: a file
// that fails adds nothing (not even its blob) and the others still import.
// The error is for the request as a whole — an unknown case, a cancelled
// context; per-file failures are in the reports.
func (a *App) Import(ctx context.Context, req ImportRequest) ([]FileReport, error) {
	if _, err := a.GetCase(ctx, req.CaseID); err != nil {
		return nil, err
	}
	if req.Label == "" {
		req.Label = DefaultLabel
	}
	if _, err := workbench.ParseLabel(string(req.Label)); err != nil {
		return nil, &FieldError{Field: "label", Problem: ProblemFormat, Err: err}
	}
	if req.Kind != "" {
		if _, err := workbench.ParseKind(string(req.Kind)); err != nil {
			return nil, &FieldError{Field: "kind", Problem: ProblemFormat, Err: err}
		}
	}
	reports := make([]FileReport, 0, len(req.Files))
	for i, path := range req.Files {
		if err := ctx.Err(); err != nil {
			return reports, err
		}
		if req.Progress != nil {
			req.Progress(ImportProgress{File: path, FileIndex: i, FileCount: len(req.Files)})
		}
		rep := a.importFile(ctx, req, i, path)
		reports = append(reports, rep)
		if errors.Is(ctx.Err(), context.Canceled) {
			return reports, ctx.Err()
		}
	}
	return reports, nil
}

// importFile imports one file and reports how it went.
func (a *App) importFile(ctx context.Context, req ImportRequest, index int, path string) FileReport {
	rep := FileReport{File: path, Warnings: []workbench.Warning{},
		SkippedRows: []importers.SkippedRow{}, Unrecognised: []importers.ColumnCount{}}
	fail := func(err error) FileReport {
		rep.Status = StatusFailed
		rep.Err = classifyFailure(err)
		rep.Error = err.Error()
		rep.Records = 0
		rep.Warnings = []workbench.Warning{}
		rep.WarningCount = 0
		rep.SkippedRows, rep.SkippedRowCount = []importers.SkippedRow{}, 0
		rep.Unrecognised = []importers.ColumnCount{}
		return rep
	}
	st, err := os.Stat(path)
	if err != nil {
		return fail(fmt.Errorf("cannot read the file: %w", bareError(err)))
	}
	if st.IsDir() {
		return fail(workbench.Errorf(workbench.CodeInvalid, workbench.ReasonIsFolder))
	}
	limit := req.MaxBytes
	if limit <= 0 {
		limit = importers.DefaultMaxBytes
	}
	if st.Size() > limit {
		return fail(importers.TooLarge(st.Size(), limit))
	}

	// Keep the bytes first: the blob is what the records point back to,
	// and reading from it means a file changed mid-import cannot skew them.
	src, err := os.Open(path)
	if err != nil {
		return fail(fmt.Errorf("cannot read the file: %w", bareError(err)))
	}
	sum, size, err := a.store.Blobs().Put(src)
	src.Close()
	if err != nil {
		return fail(err)
	}
	rep.SHA256, rep.Size = sum, size
	if sub, dup, err := a.store.SubmissionBySHA(ctx, req.CaseID, sum); err != nil {
		return fail(err)
	} else if dup {
		rep.Status, rep.Kind, rep.SubmissionID = StatusDuplicate, sub.Kind, sub.ID
		rep.Format, rep.Encoding = sub.Format, sub.Encoding
		return rep
	}
	blobFile, err := a.store.Blobs().Open(sum)
	if err != nil {
		a.dropBlob(sum)
		return fail(err)
	}
	blobPath := blobFile.Name()
	blobFile.Close()

	if format, ok := importers.IsDocument(blobPath, filepath.Base(path)); ok {
		sub, res, err := a.readDocumentInto(ctx, req, path, blobPath, sum, size, format)
		rep.Kind, rep.Format, rep.Encoding = string(res.Kind), string(res.Format), res.Encoding
		if err != nil {
			a.dropBlob(sum)
			return fail(err)
		}
		rep.Status, rep.Records, rep.Passages, rep.SubmissionID = StatusImported, sub.Records, sub.Passages, sub.ID
		rep.Warnings, rep.WarningCount = res.Warnings, len(res.Warnings)
		if rep.Warnings == nil {
			rep.Warnings = []workbench.Warning{}
		}
		return rep
	}
	sub, res, err := a.readInto(ctx, req, index, path, blobPath, sum, size)
	rep.Kind, rep.Format, rep.Encoding = string(res.Kind), string(res.Format), res.Encoding
	if err != nil {
		a.dropBlob(sum)
		return fail(err)
	}
	rep.Status, rep.Records, rep.SubmissionID = StatusImported, sub.Records, sub.ID
	rep.Warnings, rep.WarningCount = res.Warnings, res.WarningCount
	if rep.Warnings == nil {
		rep.Warnings = []workbench.Warning{}
	}
	if res.SkippedRows != nil {
		rep.SkippedRows, rep.SkippedRowCount = res.SkippedRows, res.SkippedRowCount
	}
	if res.Unrecognised != nil {
		rep.Unrecognised = res.Unrecognised
	}
	return rep
}

// readInto parses the stored blob and writes its records in one
// transaction. Parsing and writing run on two goroutines, so a large file
// keeps both cores busy.
func (a *App) readInto(ctx context.Context, req ImportRequest, index int, path, blobPath, sum string, size int64) (workbench.Submission, importers.Result, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	const batchSize = 512
	batches := make(chan []workbench.RecordRow, 8)
	var (
		w        *store.SubmissionWriter
		writeErr error
		wg       sync.WaitGroup
	)
	start := func(res importers.Result) error {
		var err error
		w, err = a.store.BeginSubmission(ctx, workbench.Submission{
			CaseID: req.CaseID, SHA256: sum, FileName: filepath.Base(path), Size: size,
			Kind: string(res.Kind), Label: string(req.Label), Format: string(res.Format),
			Encoding: res.Encoding, ImporterVersion: importers.Version,
		})
		if err != nil {
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for batch := range batches {
				if writeErr != nil {
					continue // drain so the reader never blocks
				}
				for _, r := range batch {
					if err := w.Add(r); err != nil {
						writeErr = err
						cancel()
						break
					}
				}
			}
		}()
		return nil
	}
	batch := make([]workbench.RecordRow, 0, batchSize)
	opts := importers.Options{Kind: req.Kind, MaxBytes: req.MaxBytes, Start: start, KeepNoteRows: req.KeepNoteRows}
	if req.Progress != nil {
		opts.Progress = func(p importers.Progress) {
			req.Progress(ImportProgress{File: path, FileIndex: index, FileCount: len(req.Files), Rows: p.Rows, Read: p.Read, Size: p.Size})
		}
	}
	res, err := importers.ReadFile(ctx, blobPath, filepath.Base(path), opts, func(r importers.Record) error {
		batch = append(batch, workbench.RecordRow{Sheet: r.Sheet, Row: r.Row, Ref: r.Ref, Fields: string(r.Fields), Extra: string(r.Extra)})
		if len(batch) == batchSize {
			select {
			case batches <- batch:
			case <-ctx.Done():
				return ctx.Err()
			}
			batch = make([]workbench.RecordRow, 0, batchSize)
		}
		return nil
	})
	if w != nil && err == nil && len(batch) > 0 {
		batches <- batch
	}
	close(batches)
	wg.Wait()
	if err == nil {
		err = writeErr
	} else if writeErr != nil && errors.Is(err, context.Canceled) {
		err = writeErr // the writer's failure is why the reader stopped
	}
	if err != nil {
		if w != nil {
			w.Rollback()
		}
		return workbench.Submission{}, res, err
	}
	warnings := storedWarnings(res)
	sub, err := w.Commit(warnings, notices(res.WarningCount, len(res.Unrecognised), res.SkippedRowCount))
	return sub, res, err
}

// Notices is how many things the import has to say about the file: its
// warnings, one summary per column with values outside its vocabulary,
// and the rows left out as notes. The submission stores the same count,
// so the report and the list of submissions agree.
func (r FileReport) Notices() int {
	return notices(r.WarningCount, len(r.Unrecognised), r.SkippedRowCount)
}

// notices adds up what an import reports: see FileReport.Notices.
func notices(warnings, columns, skipped int) int { return warnings + columns + skipped }

// storedWarnings are the warnings kept with a structured submission: first
// one per column whose values were not all in its vocabulary and one per
// row left out as a note, total or sign-off, so that they can be seen
// again after the import report is closed, then the importer's warnings.
func storedWarnings(res importers.Result) []workbench.Warning {
	var out []workbench.Warning
	for _, u := range res.Unrecognised {
		loc := "column " + u.Column
		if u.Sheet != "" {
			loc = fmt.Sprintf("sheet %q, %s", u.Sheet, loc)
		}
		quoted := make([]string, len(u.Examples))
		for i, e := range u.Examples {
			quoted[i] = strconv.Quote(e)
		}
		out = append(out, workbench.Warning{Location: loc, Message: fmt.Sprintf(
			"%d values not in the vocabulary of %s (e.g. %s; the first at %s); kept as written, and a check that needs them lists those records as unclear",
			u.Count, u.Field, strings.Join(quoted, ", "), u.First),
			Reason: workbench.ReasonValuesUnknown, Args: map[string]any{"Count": u.Count, "Field": u.Field, "Examples": u.Examples, "First": u.First, "Valid": u.Valid}})
	}
	for _, r := range res.SkippedRows {
		out = append(out, workbench.Warning{Location: r.Location, Message: fmt.Sprintf("left out as a %s, not a record: %s", r.Reason, r.Text),
			Reason: workbench.ReasonRowSkipped, Args: map[string]any{"Why": r.Reason, "Text": r.Text}})
	}
	for _, wa := range res.Warnings {
		out = append(out, wa)
	}
	return out
}

// readDocumentInto reads a document's passages and stores them with the
// submission in one transaction.
func (a *App) readDocumentInto(ctx context.Context, req ImportRequest, path, blobPath, sum string, size int64, format importers.Format) (workbench.Submission, importers.DocumentResult, error) {
	res, err := importers.ReadDocument(ctx, blobPath, format, importers.Options{Kind: req.Kind, MaxBytes: req.MaxBytes})
	if err != nil {
		return workbench.Submission{}, res, err
	}
	w, err := a.store.BeginSubmission(ctx, workbench.Submission{
		CaseID: req.CaseID, SHA256: sum, FileName: filepath.Base(path), Size: size,
		Kind: string(res.Kind), Label: string(req.Label), Format: string(res.Format),
		Encoding: res.Encoding, ImporterVersion: importers.Version,
	})
	if err != nil {
		return workbench.Submission{}, res, err
	}
	// An algorithm description's "字段：值" lines become its key-facts record.
	if res.Kind == workbench.Algorithm {
		warn := func(w workbench.Warning) { res.Warnings = append(res.Warnings, w) }
		if rec, ok := importers.KeyFacts(res.Kind, res.Passages, warn); ok {
			if err := w.Add(workbench.RecordRow{Ref: rec.Ref, Fields: string(rec.Fields), Extra: string(rec.Extra)}); err != nil {
				w.Rollback()
				return workbench.Submission{}, res, err
			}
		}
	}
	for _, p := range res.Passages {
		hp, _ := json.Marshal(p.HeadingPath)
		if p.HeadingPath == nil {
			hp = []byte("[]")
		}
		err := w.AddPassage(workbench.PassageRow{Seq: p.Seq, Page: p.Page, Paragraph: p.Paragraph, Line: p.Line,
			HeadingPath: string(hp), Heading: p.Heading, Table: p.Table, Row: p.Row, Cell: p.Cell,
			Footnote: p.Footnote, Part: p.Part, Comment: p.Comment, Author: p.Author, Text: p.Text})
		if err != nil {
			w.Rollback()
			return workbench.Submission{}, res, err
		}
	}
	warnings := make([]workbench.Warning, len(res.Warnings))
	for i, wa := range res.Warnings {
		warnings[i] = wa
	}
	sub, err := w.Commit(warnings, len(warnings))
	return sub, res, err
}

// Passages returns one page of a document's passages: those after seq
// offset, in reading order.
func (a *App) Passages(ctx context.Context, submissionID int64, offset, limit int) ([]workbench.PassageRow, error) {
	return a.store.Passages(ctx, submissionID, offset, limit)
}

// dropBlob removes a blob that no submission refers to, so a failed import
// leaves the workspace as it was.
func (a *App) dropBlob(sum string) {
	if used, err := a.store.BlobReferenced(context.Background(), sum); err == nil && !used {
		_ = a.store.Blobs().Remove(sum)
	}
}

// bareError drops the path from a *os.PathError: reports name the file.
// importFailure is a failed file's error with what importers.Failure
// makes of it: its text is the error's own, as the CLI and the logs show
// it, and errors.As finds the *workbench.Error that says why, with where,
// for the GUI to word in the user's language.
type importFailure struct {
	err error
	why *workbench.Error
}

func (f *importFailure) Error() string   { return f.err.Error() }
func (f *importFailure) Unwrap() []error { return []error{f.why, f.err} }

// classifyFailure gives a failed file's error its reason when the
// importers know it and it has none.
func classifyFailure(err error) error {
	if workbench.ErrorReason(err) != nil {
		return err
	}
	if why := importers.Failure(err); why != nil {
		return &importFailure{err: err, why: why}
	}
	return err
}

func bareError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ListSubmissions returns the files imported into a case.
func (a *App) ListSubmissions(ctx context.Context, caseID int64) ([]workbench.Submission, error) {
	return a.store.ListSubmissions(ctx, caseID)
}

// Records returns one page of a submission's records, in file order.
func (a *App) Records(ctx context.Context, submissionID int64, offset, limit int) ([]workbench.RecordRow, error) {
	return a.store.Records(ctx, submissionID, offset, limit)
}

// SubmissionWarnings returns the warnings stored with a submission.
func (a *App) SubmissionWarnings(ctx context.Context, submissionID int64) ([]workbench.Warning, error) {
	return a.store.SubmissionWarnings(ctx, submissionID)
}

// KindSpec describes a submission kind for display: its names and its
// canonical fields in order, as the importer's specification has them.
type KindSpec struct {
	Kind   workbench.Kind
	ZH, EN string // the kind's names
	Fields []FieldSpec
}

// FieldSpec is one canonical field of a kind: its name in the stored
// record and its header labels.
type FieldSpec struct {
	Name   string // canonical name, e.g. "contains_personal_info"
	ZH, EN string // header labels
}

// RecordFields are a record's canonical fields decoded into typed values;
// Display writes one for people.
type RecordFields struct{ f importers.Fields }

// Display writes the named field for people in Chinese when zh is set, else
// in English: vocabulary terms by name, times at the precision they were
// written, yes/no as 是/否; "" when the record has no such field.
func (r RecordFields) Display(name string, zh bool) string { return r.f.Display(name, zh) }

// DecodeRecord decodes the canonical fields of a record of a kind.
func DecodeRecord(kind string, r workbench.RecordRow) (RecordFields, error) {
	f, err := importers.DecodeFields(workbench.Kind(kind), []byte(r.Fields))
	if err != nil {
		return RecordFields{f}, fmt.Errorf("record %d: %w", r.ID, err)
	}
	return RecordFields{f}, nil
}

// SpecOf returns the description of a kind, or nil for an unknown one.
func SpecOf(kind string) *KindSpec {
	s := importers.SpecFor(workbench.Kind(kind))
	if s == nil {
		return nil
	}
	out := &KindSpec{Kind: s.Kind, ZH: s.ZH, EN: s.EN, Fields: make([]FieldSpec, len(s.Fields))}
	for i, f := range s.Fields {
		out.Fields[i] = FieldSpec{Name: f.Name, ZH: f.ZH, EN: f.EN}
	}
	return out
}

// Kinds lists the submission kinds.
func Kinds() []workbench.Kind { return workbench.Kinds }

// Labels lists the confidentiality labels, least sensitive first.
func Labels() []workbench.Label { return workbench.Labels }
