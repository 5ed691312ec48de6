package app

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/pii"
	"github.com/inspection-workbench/workbench/store"
	"github.com/inspection-workbench/workbench/store/fulltext"
)

// PIIDetector names the detector a scan ran with (package pii); results of
// another detector say so in their Detector field.
const PIIDetector = "pii/1"

// MaxPIIFound is how many matches of each type a submission's scan lists
// with their place; the counts count them all.
const MaxPIIFound = 20

// scanPageSize is how many records or passages a scan reads at a time: a
// scan never holds more of a submission in memory.
const scanPageSize = 1000

// PIIFound is one piece of personal information a scan found, masked.
type PIIFound struct {
	Type workbench.PIIType `json:"type"`
	// Hit is the record's or passage's hit id (rec-12, psg-7), to open or
	// cite it.
	Hit string `json:"hit"`
	// Ref is the provider's own identifier of the record, if any.
	Ref string `json:"ref,omitempty"`
	// Location is where in the file, in English: `sheet "事件", row 12`,
	// `line 504`, `page 3, paragraph 2`.
	Location string `json:"location"`
	// Field is the record's field or column it stands in ("" for a
	// passage).
	Field string `json:"field,omitempty"`
	// Value is the value, masked as the export masks it.
	Value string `json:"value"`
}

// PIISubmission is what the scan found in one submission.
type PIISubmission struct {
	SubmissionID int64  `json:"submission_id"`
	File         string `json:"file"`
	Kind         string `json:"kind"`
	// Label is the submission's label now; LabelBefore, set only by the
	// scan that raised it, the label it had.
	Label       string `json:"label"`
	LabelBefore string `json:"label_before,omitempty"`
	// Scanned is false for a submission never scanned; the rest is then
	// empty.
	Scanned   bool      `json:"scanned"`
	ScannedAt time.Time `json:"scanned_at,omitzero"`
	Detector  string    `json:"detector,omitempty"`
	// Counts counts the matches of each type (every type present, 0 when
	// none); Total all of them.
	Counts map[workbench.PIIType]int `json:"counts"`
	Total  int                       `json:"total"`
	// Found lists the first MaxPIIFound matches of each type in file order;
	// Truncated says that there are more.
	Found     []PIIFound `json:"found"`
	Truncated bool       `json:"truncated"`
}

// PIIReport is the personal-information scan of a case's submissions.
type PIIReport struct {
	CaseID      int64                     `json:"case_id"`
	Submissions []PIISubmission           `json:"submissions"`
	Totals      map[workbench.PIIType]int `json:"totals"`
	// Raised counts the labels this scan raised to personal_info.
	Raised int `json:"raised"`
}

// PIIProgress is how far a scan is: records and passages read of all of
// the case's, and the file being read.
type PIIProgress struct {
	Done, Total int
	File        string
}

func zeroCounts() map[workbench.PIIType]int {
	c := make(map[workbench.PIIType]int, len(workbench.PIITypes))
	for _, t := range workbench.PIITypes {
		c[t] = 0
	}
	return c
}

// PIIResults returns the last scan of each of a case's submissions, in
// submission order; a submission never scanned is listed with Scanned
// false.
func (a *App) PIIResults(ctx context.Context, caseID int64) (PIIReport, error) {
	if _, err := a.GetCase(ctx, caseID); err != nil {
		return PIIReport{}, err
	}
	subs, err := a.store.ListSubmissions(ctx, caseID)
	if err != nil {
		return PIIReport{}, err
	}
	scans, err := a.store.PIIScans(ctx, caseID)
	if err != nil {
		return PIIReport{}, err
	}
	byID := make(map[int64]store.PIIScan, len(scans))
	for _, sc := range scans {
		byID[sc.SubmissionID] = sc
	}
	rep := PIIReport{CaseID: caseID, Submissions: []PIISubmission{}, Totals: zeroCounts()}
	for _, sub := range subs {
		ps := PIISubmission{SubmissionID: sub.ID, File: sub.FileName, Kind: sub.Kind, Label: sub.Label, Counts: zeroCounts(), Found: []PIIFound{}}
		if sc, ok := byID[sub.ID]; ok {
			ps.Scanned, ps.ScannedAt, ps.Detector, ps.Truncated = true, sc.ScannedAt, sc.Detector, sc.Truncated
			if err := json.Unmarshal([]byte(sc.Counts), &ps.Counts); err != nil {
				return PIIReport{}, fmt.Errorf("personal-information scan of %s: %w", sub.FileName, err)
			}
			if err := json.Unmarshal([]byte(sc.Found), &ps.Found); err != nil {
				return PIIReport{}, fmt.Errorf("personal-information scan of %s: %w", sub.FileName, err)
			}
			for t, n := range ps.Counts {
				ps.Total += n
				rep.Totals[t] += n
			}
		}
		rep.Submissions = append(rep.Submissions, ps)
	}
	return rep, nil
}

// ScanPII scans every submission of a case for personal information
// (package pii: resident ID numbers, mobile numbers, e-mail addresses,
// bank-card numbers) — every field of every record, every passage —
// reading a page at a time, so a million-row log is never held in memory.
// Each submission's result is stored when it is done; a submission where
// something is found has its label raised to at least personal_info
// (never lowered). progress (may be nil) is called after each page. When
// ctx is cancelled the scan stops; what it finished is kept.
func (a *App) ScanPII(ctx context.Context, caseID int64, progress func(PIIProgress)) (PIIReport, error) {
	if _, err := a.GetCase(ctx, caseID); err != nil {
		return PIIReport{}, err
	}
	subs, err := a.store.ListSubmissions(ctx, caseID)
	if err != nil {
		return PIIReport{}, err
	}
	if progress == nil {
		progress = func(PIIProgress) {}
	}
	total := 0
	for _, s := range subs {
		total += s.Records + s.Passages
	}
	rep := PIIReport{CaseID: caseID, Submissions: []PIISubmission{}, Totals: zeroCounts()}
	done := 0
	progress(PIIProgress{Done: 0, Total: total})
	for _, sub := range subs {
		ps, n, err := a.scanSubmission(ctx, sub, func(d int) {
			progress(PIIProgress{Done: done + d, Total: total, File: sub.FileName})
		})
		done += n
		if err != nil {
			return rep, err
		}
		if ps.Total > 0 {
			if to := workbench.Label(sub.Label).AtLeast(workbench.PersonalInfo); string(to) != sub.Label {
				ch, err := a.changeLabel(ctx, sub, to, LabelByScan)
				if err != nil {
					return rep, err
				}
				if ch.Changed {
					ps.LabelBefore, ps.Label = ch.From, ch.To
					rep.Raised++
				}
			}
		}
		for t, n := range ps.Counts {
			rep.Totals[t] += n
		}
		rep.Submissions = append(rep.Submissions, ps)
	}
	progress(PIIProgress{Done: done, Total: total})
	return rep, nil
}

// scanSubmission scans one submission and stores the result; n is how many
// records and passages it read.
func (a *App) scanSubmission(ctx context.Context, sub workbench.Submission, progress func(done int)) (ps PIISubmission, n int, err error) {
	ps = PIISubmission{SubmissionID: sub.ID, File: sub.FileName, Kind: sub.Kind, Label: sub.Label, Scanned: true,
		ScannedAt: a.now(), Detector: PIIDetector, Counts: zeroCounts(), Found: []PIIFound{}}
	listed := map[workbench.PIIType]int{}
	note := func(m pii.Match, f PIIFound) {
		ps.Counts[m.Type]++
		ps.Total++
		if listed[m.Type] >= MaxPIIFound {
			ps.Truncated = true
			return
		}
		listed[m.Type]++
		f.Type, f.Value = m.Type, m.Masked
		ps.Found = append(ps.Found, f)
	}
	if sub.Records > 0 {
		from := int64(0)
		for {
			if err := ctx.Err(); err != nil {
				return ps, n, err
			}
			rows, err := a.store.RecordsFrom(ctx, sub.ID, from, scanPageSize)
			if err != nil {
				return ps, n, fmt.Errorf("scan %s: %w", sub.FileName, err)
			}
			for _, r := range rows {
				where := PIIFound{Hit: fulltext.RecordHitID(r.ID), Ref: r.Ref}
				located := false
				for _, obj := range []string{r.Fields, r.Extra} {
					if err := scanJSON(obj, func(field, text string) {
						for _, m := range pii.Find(text) {
							if !located {
								where.Location, located = recordPlace(r, sub), true
							}
							f := where
							f.Field = field
							note(m, f)
						}
					}); err != nil {
						return ps, n, fmt.Errorf("scan %s: record %s: %w", sub.FileName, where.Hit, err)
					}
				}
				from = r.ID + 1
			}
			n += len(rows)
			progress(n)
			if len(rows) < scanPageSize {
				break
			}
		}
	}
	if sub.Passages > 0 {
		seq := 0
		for {
			if err := ctx.Err(); err != nil {
				return ps, n, err
			}
			psgs, err := a.store.Passages(ctx, sub.ID, seq, scanPageSize)
			if err != nil {
				return ps, n, fmt.Errorf("scan %s: %w", sub.FileName, err)
			}
			for _, p := range psgs {
				for _, m := range pii.Find(p.Text) {
					note(m, PIIFound{Hit: fulltext.PassageHitID(p.ID), Location: fulltext.PassagePlace(p).String()})
				}
				seq = p.Seq
			}
			n += len(psgs)
			progress(n)
			if len(psgs) < scanPageSize {
				break
			}
		}
	}
	counts, err := json.Marshal(ps.Counts)
	if err != nil {
		return ps, n, err
	}
	found, err := json.Marshal(ps.Found)
	if err != nil {
		return ps, n, err
	}
	err = a.store.SavePIIScan(ctx, store.PIIScan{SubmissionID: sub.ID, ScannedAt: ps.ScannedAt, Detector: PIIDetector,
		Counts: string(counts), Found: string(found), Truncated: ps.Truncated})
	return ps, n, err
}

// scanJSON calls text with each string or number in the JSON object obj,
// with the top-level key it stands under, keys in the order they stand in
// obj. Objects whose raw text cannot hold personal information (see
// pii.Possible) are skipped without decoding.
func scanJSON(obj string, text func(field, s string)) error {
	if !pii.Possible(obj) {
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(obj))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return err
	}
	keys := slices.Collect(maps.Keys(m))
	at := make(map[string]int, len(keys))
	for _, k := range keys {
		// Keys are written as they are, quoted; one that needs escaping
		// (not found so) goes last.
		at[k] = len(obj)
		if i := strings.Index(obj, `"`+k+`":`); i >= 0 {
			at[k] = i
		}
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(at[a]-at[b], strings.Compare(a, b)) })
	for _, k := range keys {
		walkValue(m[k], func(s string) { text(k, s) })
	}
	return nil
}

// walkValue calls text with each string and number in v; the keys of a
// nested object are visited in sorted order.
func walkValue(v any, text func(string)) {
	switch v := v.(type) {
	case string:
		text(v)
	case json.Number:
		text(string(v))
	case []any:
		for _, e := range v {
			walkValue(e, text)
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			walkValue(v[k], text)
		}
	}
}
