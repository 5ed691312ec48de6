package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/store"
)

// LabelChange is what a change of a submission's confidentiality label
// did.
type LabelChange struct {
	SubmissionID int64  `json:"submission_id"`
	CaseID       int64  `json:"case_id"`
	File         string `json:"file"`
	From         string `json:"from"`
	To           string `json:"to"`
	// Changed is false when the submission already had the label.
	Changed bool `json:"changed"`
	// Why is LabelByInspector or LabelByScan.
	Why string `json:"why"`
}

// Why a label changed, for the audit trail.
const (
	LabelByInspector = "set"            // an inspector chose it (SetLabel)
	LabelByScan      = "raised_by_scan" // the personal-information scan raised it
)

// SetLabel sets the confidentiality label of a submission: one of
// workbench.Labels, by its code or its name in either language. A label
// may be lowered as well as raised — it is the inspector's call; the
// search index takes the new label at its next update.
func (a *App) SetLabel(ctx context.Context, submissionID int64, label string) (LabelChange, error) {
	l, err := workbench.ParseLabel(label)
	if err != nil {
		return LabelChange{}, &FieldError{Field: "label", Problem: ProblemFormat, Err: err}
	}
	sub, err := a.store.GetSubmission(ctx, submissionID)
	if errors.Is(err, store.ErrNotFound) {
		return LabelChange{}, fmt.Errorf("submission %d: %w", submissionID, err)
	}
	if err != nil {
		return LabelChange{}, err
	}
	return a.changeLabel(ctx, sub, l, LabelByInspector)
}

// changeLabel sets sub's label to l; why is LabelByInspector or
// LabelByScan. Every label change goes through here.
func (a *App) changeLabel(ctx context.Context, sub workbench.Submission, l workbench.Label, why string) (LabelChange, error) {
	ch := LabelChange{SubmissionID: sub.ID, CaseID: sub.CaseID, File: sub.FileName, From: sub.Label, To: string(l), Why: why}
	old, err := a.store.SetSubmissionLabel(ctx, sub.ID, l, why)
	if err != nil {
		return LabelChange{}, fmt.Errorf("label %s: %w", sub.FileName, err)
	}
	ch.From = string(old)
	ch.Changed = old != l
	return ch, nil
}
