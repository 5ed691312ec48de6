package app

import (
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app/export"
	"github.com/inspection-workbench/workbench/store"
)

// Fields of ExportRequest, as FieldError names them.
const (
	FieldLang = "lang"
	FieldOut  = "out"
	FieldFile = "file"
)

// maxFindingRefs bounds the evidence a finding row names; the Evidence
// sheet lists all of it.
const maxFindingRefs = 20

// ExportRequest asks for a case's inspection as an Excel workbook.
type ExportRequest struct {
	CaseID int64
	// Path is the .xlsx file to write; it is written whole or not at all.
	Path string
	// Lang is ExportLangZh, ExportLangEn or ExportLangBoth ("" for both).
	Lang string
	// IncludePersonalInfo leaves personal information (resident ID,
	// mobile and bank-card numbers, e-mail addresses) unmasked.
	IncludePersonalInfo bool
	// IncludeStateSecret puts material of submissions labelled
	// state_secret in the workbook: their Submissions rows, the evidence
	// quoted from them and references to their records. Without it all of
	// that is left out and the Summary says how much.
	IncludeStateSecret bool
}

// ExportPreview says what a workbook of the case will carry off the
// workstation, for the inspector to confirm before it is written.
type ExportPreview struct {
	CaseID   int64 `json:"case_id"`
	Items    int   `json:"items"`
	Findings int   `json:"findings"` // non-compliant and partially compliant items
	Evidence int   `json:"evidence"`
	// EvidenceByLabel counts the evidence quotes by the confidentiality
	// label of the file they come from ("unknown" once a file is gone).
	EvidenceByLabel map[string]int `json:"evidence_by_label"`
	Submissions     int            `json:"submissions"`
	// SubmissionsByLabel counts the files listed by label.
	SubmissionsByLabel map[string]int `json:"submissions_by_label"`
	Signed             bool           `json:"signed"`
	// StateSecret counts the case's files labelled state_secret and the
	// evidence quoted from them: what an export leaves out unless asked
	// to include it.
	StateSecret StateSecretCount `json:"state_secret"`
}

// StateSecretCount counts a case's material labelled state_secret.
type StateSecretCount struct {
	Submissions int `json:"submissions"`
	Evidence    int `json:"evidence"`
}

// ExportReport is what an export wrote.
type ExportReport struct {
	ExportPreview
	Path                string `json:"path"`
	Lang                string `json:"lang"`
	IncludePersonalInfo bool   `json:"include_personal_info"`
	// IncludeStateSecret says the state-secret material counted in
	// StateSecret is in the workbook; otherwise it was left out.
	IncludeStateSecret bool  `json:"include_state_secret"`
	Size               int64 `json:"size"`
}

// PreviewExport counts what an export of the case would carry.
func (a *App) PreviewExport(ctx context.Context, caseID int64) (ExportPreview, error) {
	st, err := a.InspectionStatus(ctx, caseID)
	if err != nil {
		return ExportPreview{}, err
	}
	subs, err := a.store.ListSubmissions(ctx, caseID)
	if err != nil {
		return ExportPreview{}, err
	}
	return a.preview(ctx, st, subs)
}

// preview counts what a workbook of the inspection st and the submissions
// subs carries.
func (a *App) preview(ctx context.Context, st Status, subs []workbench.Submission) (ExportPreview, error) {
	p := ExportPreview{CaseID: st.CaseID, Items: len(st.Items), Signed: st.Signature != "",
		Findings: st.Totals["non_compliant"] + st.Totals["partially_compliant"], Submissions: len(subs),
		SubmissionsByLabel: map[string]int{}}
	for _, it := range st.Items {
		p.Evidence += it.Evidence
	}
	for _, s := range subs {
		p.SubmissionsByLabel[s.Label]++
	}
	var err error
	p.EvidenceByLabel, err = a.store.EvidenceLabels(ctx, st.CaseID)
	p.StateSecret = StateSecretCount{Submissions: p.SubmissionsByLabel[string(workbench.StateSecret)],
		Evidence: p.EvidenceByLabel[string(workbench.StateSecret)]}
	return p, err
}

// Export writes a case's inspection as an Excel workbook for auditors:
// Summary, Checklist, Findings, Evidence, Submissions and Automated checks.
// Personal information is masked and material labelled state_secret left
// out unless the request includes them. The file
// is written to a temporary name and renamed, so a failed export leaves no
// partial file.
func (a *App) Export(ctx context.Context, req ExportRequest) (ExportReport, error) {
	lang := req.Lang
	if lang == "" {
		lang = workbench.ExportLangBoth
	}
	if lang != workbench.ExportLangZh && lang != workbench.ExportLangEn && lang != workbench.ExportLangBoth {
		return ExportReport{}, fieldErr(FieldLang, ProblemFormat, "language %q is not one of zh, en, both", req.Lang)
	}
	if strings.TrimSpace(req.Path) == "" {
		return ExportReport{}, fieldErr(FieldOut, ProblemEmpty, "name the workbook to write")
	}
	if !strings.EqualFold(filepath.Ext(req.Path), ".xlsx") {
		return ExportReport{}, fieldReason(FieldOut, ProblemFormat, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonExportName, "Name", filepath.Base(req.Path)),
			"%s: the workbook's name must end in .xlsx", req.Path)
	}
	if st, err := os.Stat(filepath.Dir(req.Path)); err != nil || !st.IsDir() {
		return ExportReport{}, fieldReason(FieldOut, ProblemFormat, workbench.Errorf(workbench.CodeNotFound, workbench.ReasonNoFolder, "Dir", filepath.Dir(req.Path)),
			"%s: the folder %s does not exist", req.Path, filepath.Dir(req.Path))
	}
	d, preview, err := a.exportData(ctx, req.CaseID, req.IncludeStateSecret)
	if err != nil {
		return ExportReport{}, err
	}
	d.Lang, d.IncludePersonalInfo, d.GeneratedAt = lang, req.IncludePersonalInfo, a.now()
	if err := export.WriteFile(req.Path, d); err != nil {
		return ExportReport{}, fmt.Errorf("export case %d to %s: %w", req.CaseID, req.Path, err)
	}
	rep := ExportReport{ExportPreview: preview, Path: req.Path, Lang: lang, IncludePersonalInfo: req.IncludePersonalInfo,
		IncludeStateSecret: req.IncludeStateSecret}
	if st, err := os.Stat(req.Path); err == nil {
		rep.Size = st.Size()
	}
	if err := a.auditExport(ctx, req, lang, rep.Size); err != nil {
		return ExportReport{}, err
	}
	return rep, nil
}

// articlesText writes an item's articles in both languages.
func articlesText(refs []workbench.ArticleRef) workbench.Text {
	zh := make([]string, len(refs))
	en := make([]string, len(refs))
	for i, r := range refs {
		zh[i], en[i] = r.Zh(), r.String()
	}
	return workbench.Text{Zh: strings.Join(zh, "；"), En: strings.Join(en, "; ")}
}

// exportData gathers what the workbook shows, and counts it for the
// report. Unless secret is set, what comes from submissions labelled
// state_secret is left out.
func (a *App) exportData(ctx context.Context, caseID int64, secret bool) (*export.Data, ExportPreview, error) {
	c, in, err := a.inspection(ctx, caseID)
	if err != nil {
		return nil, ExportPreview{}, err
	}
	st, err := a.InspectionStatus(ctx, caseID)
	if err != nil {
		return nil, ExportPreview{}, err
	}
	t := frozenTemplate(in)
	subs, err := a.store.ListSubmissions(ctx, caseID)
	if err != nil {
		return nil, ExportPreview{}, err
	}
	// The files whose material stays out: by id for evidence, by name for
	// the checks' record references (which name only the file).
	secretSubs, secretFiles := map[int64]bool{}, map[string]bool{}
	if !secret {
		for _, s := range subs {
			if s.Label == string(workbench.StateSecret) {
				secretSubs[s.ID], secretFiles[s.FileName] = true, true
			}
		}
	}
	d := &export.Data{Case: export.Case{ID: c.ID, Title: c.Title, Provider: c.Provider.Name, CreditCode: c.Provider.CreditCode,
		Service: c.Service.Name, FilingNo: c.Service.FilingNo, Inspectors: c.Inspectors, OpenedOn: c.OpenedOn, Status: c.Status,
		Template: in.TemplateID, TemplateVersion: in.TemplateVersion, StartedAt: in.StartedAt, ConcludedAt: in.ConcludedAt,
		SignedAt: in.SignedAt, Signature: in.Signature}}
	if d.Case.KeySignatures, err = a.exportKeySignatures(ctx, caseID); err != nil {
		return nil, ExportPreview{}, err
	}
	if len(st.Templates) > 1 {
		for _, ti := range st.Templates {
			d.Templates = append(d.Templates, export.Template{ID: ti.ID, Version: ti.Version, Title: ti.Title, Description: ti.Description})
		}
		d.Case.Template, d.Case.TemplateVersion = "", ""
		for i, ti := range st.Templates {
			if i > 0 {
				d.Case.Template += "; "
				d.Case.TemplateVersion += "; "
			}
			d.Case.Template += ti.ID
			d.Case.TemplateVersion += ti.ID + " " + ti.Version
		}
	}
	for _, it := range st.Items {
		item := export.Item{ID: it.ID, Template: it.Template, ArticlesText: articlesText(it.Articles), Title: it.Title, Result: it.Result,
			Severity: it.Severity, Note: it.Note, Finding: it.Finding, Deadline: it.Deadline, Evidence: it.Evidence, Version: stamp(it.UpdatedAt)}
		if t != nil {
			if ti, ok := t.Item(it.ID); ok {
				item.Requirement = ti.Requirement
			}
		}
		if (it.Result == "non_compliant" || it.Result == "partially_compliant") && it.Evidence > 0 {
			evs, err := a.store.ItemEvidence(ctx, caseID, it.ID)
			if err != nil {
				return nil, ExportPreview{}, err
			}
			evs = slices.DeleteFunc(evs, func(ev workbench.Evidence) bool { return secretSubs[ev.SubmissionID] })
			for i, ev := range evs {
				if i == maxFindingRefs {
					item.EvidenceRefs = append(item.EvidenceRefs, fmt.Sprintf("… (+%d)", len(evs)-i))
					break
				}
				item.EvidenceRefs = append(item.EvidenceRefs, evidenceName(ev))
			}
		}
		d.Items = append(d.Items, item)
	}
	for _, s := range subs {
		if secretSubs[s.ID] {
			continue
		}
		d.Submissions = append(d.Submissions, export.Submission{File: s.FileName, Kind: s.Kind, Label: s.Label, SHA256: s.SHA256,
			Size: s.Size, ImportedAt: s.ImportedAt, Records: s.Records, Passages: s.Passages, Warnings: s.Warnings})
	}
	ps, err := a.Proposals(ctx, caseID, false)
	if err != nil {
		return nil, ExportPreview{}, err
	}
	for _, p := range ps {
		ch := export.Check{Rule: p.Rule, Item: p.Item, Article: workbench.Text{Zh: p.ArticleZh, En: p.Article}, Summary: p.Summary,
			Result: p.Result, Records: p.Flagged, Problems: p.Problems, Unclear: p.Unclear,
			Decision: p.Decision, DecidedResult: p.DecidedResult, Reason: p.Reason}
		for _, pr := range p.Params {
			ch.Params = append(ch.Params, export.Param{Name: pr.Name, Value: pr.ValueText(), Source: pr.Source})
		}
		if p.DecidedAt != nil {
			ch.DecidedAt = *p.DecidedAt
		}
		for _, r := range p.Records {
			name := r.ID
			if name == "" {
				name = r.Hit
			}
			if secretFiles[r.File] {
				continue
			}
			ref := fmt.Sprintf("%s (%s %s)", name, r.File, r.Location)
			if r.Unclear {
				ch.UnclearRefs = append(ch.UnclearRefs, ref)
			} else {
				ch.RecordRefs = append(ch.RecordRefs, ref)
			}
		}
		d.Checks = append(d.Checks, ch)
	}
	d.Evidence = a.exportEvidence(ctx, caseID, secretSubs)
	p, err := a.preview(ctx, st, subs)
	d.StateSecret = export.StateSecret{Included: secret, Submissions: p.StateSecret.Submissions, Evidence: p.StateSecret.Evidence}
	return d, p, err
}

// evidenceName names an evidence link for the Findings sheet: the
// reference cited, with file and place.
func evidenceName(ev workbench.Evidence) string {
	ref := ev.Ref
	if ref == "" {
		ref = ev.Target
	}
	return fmt.Sprintf("%s (%s %s)", ref, ev.FileName, ev.Location)
}

// exportEvidence streams a case's evidence links but those quoting the
// submissions in leave.
func (a *App) exportEvidence(ctx context.Context, caseID int64, leave map[int64]bool) iter.Seq2[export.Evidence, error] {
	return walkSeq(func(emit func(export.Evidence) error) error {
		return a.store.CaseEvidence(ctx, caseID, func(ev workbench.Evidence) error {
			if leave[ev.SubmissionID] {
				return nil
			}
			return emit(export.Evidence{Item: ev.ItemID, Ref: ev.Ref, Target: ev.Target, File: ev.FileName, Kind: ev.Kind, Label: ev.Label, SHA256: ev.SHA256,
				Location: ev.Location, Quote: ev.Quote, AddedAt: ev.AddedAt})
		})
	})
}

// ChecklistChange is one change a workbook's Checklist sheet makes to an
// item.
type ChecklistChange struct {
	Item  string `json:"item"`
	Field string `json:"field"` // result, severity, note, finding, deadline
	Cell  string `json:"cell"`  // the sheet's cell, e.g. "F12"
	From  string `json:"from"`
	To    string `json:"to"`
}

// ChecklistImport is what ImportChecklist found and did.
type ChecklistImport struct {
	CaseID  int64             `json:"case_id"`
	File    string            `json:"file"`
	Sheet   string            `json:"sheet"`
	Rows    int               `json:"rows"`
	Changes []ChecklistChange `json:"changes"`
	Applied bool              `json:"applied"`
	// Unmasked counts note and finding cells left alone because they are
	// the masked export of the stored text.
	Unmasked int `json:"masked_unchanged"`
}

// ChecklistImportError lists every problem of a workbook's Checklist
// sheet, by cell; nothing was applied.
type ChecklistImportError struct {
	File     string
	Sheet    string
	Problems []export.CellError
}

func (e *ChecklistImportError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d problems in sheet %q; nothing was applied:", e.File, len(e.Problems), e.Sheet)
	for _, p := range e.Problems {
		fmt.Fprintf(&b, "\n  %s", p.Cell)
		if p.Item != "" {
			fmt.Fprintf(&b, " (%s)", p.Item)
		}
		fmt.Fprintf(&b, ": %s", p.Problem)
	}
	return b.String()
}

// ImportChecklist reads the Checklist sheet of an exported, possibly
// auditor-edited workbook and applies the changed results, severities,
// notes, findings and deadlines to the case's open inspection, all or
// none. Unknown item ids and invalid values are reported with their cells
// (a *ChecklistImportError) and nothing is applied; a concluded or signed
// inspection refuses. With dryRun the changes are only reported.
func (a *App) ImportChecklist(ctx context.Context, caseID int64, path string, dryRun bool) (ChecklistImport, error) {
	c, _, err := a.inspection(ctx, caseID)
	if err != nil {
		return ChecklistImport{}, err
	}
	if c.Status != store.StatusOpen {
		return ChecklistImport{}, store.NotOpenError(caseID, c.Status)
	}
	sheet, err := export.ReadChecklist(path)
	if err != nil {
		return ChecklistImport{}, fieldErr(FieldFile, ProblemFormat, "%w", err)
	}
	if sheet.CaseID != 0 && sheet.CaseID != caseID {
		return ChecklistImport{}, fieldReason(FieldFile, ProblemFormat,
			workbench.Errorf(workbench.CodeInvalid, workbench.ReasonChecklistOtherCase, "Case", caseID, "Other", sheet.CaseID),
			"%s is the export of case %d, not of case %d; import it into case %d, or export case %d and edit that", path, sheet.CaseID, caseID,
			sheet.CaseID, caseID)
	}
	items, err := a.store.InspectionItems(ctx, caseID)
	if err != nil {
		return ChecklistImport{}, err
	}
	stored := map[string]store.InspectionItem{}
	var ids []string
	for _, it := range items {
		stored[it.ItemID] = it
		ids = append(ids, it.ItemID)
	}
	rep := ChecklistImport{CaseID: caseID, File: path, Sheet: sheet.Sheet, Rows: len(sheet.Rows), Changes: []ChecklistChange{}}
	problems := append([]export.CellError(nil), sheet.Errors...)
	seen := map[string]string{}
	var changes []store.ItemChange
	for _, row := range sheet.Rows {
		cell := row.Cells[export.FieldItem]
		it, ok := stored[row.Item]
		if !ok {
			problems = append(problems, export.CellError{Cell: cell, Item: row.Item,
				Problem: fmt.Sprintf("case %d's checklist has no item %q; %s", caseID, row.Item, suggestItems(row.Item, ids))})
			continue
		}
		if first, dup := seen[row.Item]; dup {
			problems = append(problems, export.CellError{Cell: cell, Item: row.Item, Problem: fmt.Sprintf("item %s appears again (first at %s)", row.Item, first)})
			continue
		}
		seen[row.Item] = cell
		// An item changed in the workbench since the export cannot tell
		// the auditor's edits from its own older values: refuse rather
		// than revert the newer work.
		version, known := sheet.Versions[row.Item]
		stale := known && version != "" && version != stamp(it.UpdatedAt)
		masked := sheet.Masked != nil && *sheet.Masked
		var u store.ItemUpdate
		changed := false
		set := func(field, from, to string, dst **string) {
			if from == to {
				return
			}
			refuse := func(why string) {
				problems = append(problems, export.CellError{Cell: row.Cells[field], Item: row.Item, Problem: why})
			}
			if field == export.FieldNote || field == export.FieldFinding {
				if export.IsMaskedOf(to, from) {
					rep.Unmasked++
					return
				}
				if masked && !stale && export.MaskPersonalInfo(from) != from {
					refuse(fmt.Sprintf("the %s holds personal information, which the export masked; applying the edited cell would replace it with the masked text — edit the %s in the workbench, or export it with personal information included and edit that", field, field))
					return
				}
			}
			if stale {
				refuse(fmt.Sprintf("the item was changed in the workbench after this workbook was exported, so its %s here (%s) may be older, not an edit (now %s); export the case again and redo the edit there",
					field, quoteValue(to), quoteValue(from)))
				return
			}
			v := to
			*dst = &v
			changed = true
			rep.Changes = append(rep.Changes, ChecklistChange{Item: row.Item, Field: field, Cell: row.Cells[field], From: from, To: to})
		}
		set(export.FieldResult, it.Result, row.Result, &u.Result)
		set(export.FieldSeverity, it.Severity, row.Severity, &u.Severity)
		set(export.FieldNote, it.Note, strings.TrimSpace(row.Note), &u.Note)
		set(export.FieldFinding, it.Finding, strings.TrimSpace(row.Finding), &u.Finding)
		set(export.FieldDeadline, it.Deadline, row.Deadline, &u.Deadline)
		if !changed {
			continue
		}
		for _, f := range []struct {
			field string
			v     *string
		}{{export.FieldNote, u.Note}, {export.FieldFinding, u.Finding}} {
			if f.v != nil && len([]rune(*f.v)) > MaxNoteLen {
				problems = append(problems, export.CellError{Cell: row.Cells[f.field], Item: row.Item,
					Problem: fmt.Sprintf("%s is %d characters long; at most %d are allowed", f.field, len([]rune(*f.v)), MaxNoteLen)})
			}
		}
		changes = append(changes, store.ItemChange{ItemID: row.Item, Update: u})
	}
	if len(problems) > 0 {
		slices.SortStableFunc(problems, func(x, y export.CellError) int { return cellOrder(x.Cell) - cellOrder(y.Cell) })
		return rep, &ChecklistImportError{File: path, Sheet: sheet.Sheet, Problems: problems}
	}
	if dryRun || len(changes) == 0 {
		return rep, nil
	}
	if err := a.store.UpdateInspectionItems(ctx, caseID, changes, checklistAudit(caseID, path, changes)); err != nil {
		return rep, err
	}
	rep.Applied = true
	return rep, nil
}

// quoteValue quotes a value for a message, "empty" when it is.
func quoteValue(s string) string {
	if s == "" {
		return "empty"
	}
	return strconv.Quote(Clip(s, 60))
}

// cellOrder sorts cell references by row, then column ("B7" before
// "A12").
func cellOrder(ref string) int {
	i := strings.IndexFunc(ref, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return 0
	}
	row := 0
	for _, r := range ref[i:] {
		if r < '0' || r > '9' {
			break
		}
		row = row*10 + int(r-'0')
	}
	col := 0
	for _, r := range ref[:i] {
		col = col*26 + int(r-'A'+1)
	}
	return row*1000 + col
}
