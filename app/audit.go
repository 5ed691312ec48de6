package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/inspection-workbench/workbench/store"
)

// Audit appends an entry to the workspace's audit trail for a change made
// outside the database — an export written, a bundle written, a key
// created — in a transaction of its own. object names what was changed
// (store.CaseObject, store.SubmissionObject, store.ItemObject, or
// "key/FINGERPRINT"); caseID is the case it concerns (0 for none); details
// hold ids, names, codes and hashes only, never content. A change inside
// the database is audited by the store in the change's own transaction
// instead (store.Store.Audit), so that it is recorded if and only if it
// is made.
func (a *App) Audit(ctx context.Context, action workbench.AuditAction, object string, caseID int64, details map[string]any) error {
	return a.store.AppendAudit(ctx, store.AuditRecord{Action: action, Object: object, CaseID: caseID, Details: details})
}

// AuditTrail lists the audit trail, oldest first; with caseID > 0 only the
// entries about that case, which stay after the case is deleted.
func (a *App) AuditTrail(ctx context.Context, caseID int64) ([]workbench.AuditEntry, error) {
	return a.store.AuditEntries(ctx, caseID)
}

// AuditSince is when the workspace began keeping its audit trail: a
// workspace made before this version keeps no entries of earlier changes.
func (a *App) AuditSince(ctx context.Context) (time.Time, error) {
	return a.store.AuditSince(ctx)
}

// VerifyAudit checks the audit trail's hash chain and names the first
// entry that was edited, deleted, inserted or moved.
func (a *App) VerifyAudit(ctx context.Context) (workbench.AuditCheck, error) {
	return a.store.VerifyAudit(ctx)
}

// fileSHA256 is the hex SHA-256 of a file's content.
func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// auditExport records a workbook written by Export: its path, SHA-256,
// size, language and whether personal information went unmasked. When the
// entry cannot be written the workbook is removed, so no export leaves
// the workstation unrecorded.
func (a *App) auditExport(ctx context.Context, req ExportRequest, lang string, size int64) error {
	sum, err := fileSHA256(req.Path)
	if err == nil {
		err = a.Audit(ctx, workbench.AuditExportWritten, store.CaseObject(req.CaseID), req.CaseID, map[string]any{
			"file": req.Path, "sha256": sum, "size": size, "lang": lang, "include_personal_info": req.IncludePersonalInfo,
			"include_state_secret": req.IncludeStateSecret})
	}
	if err != nil {
		_ = os.Remove(req.Path)
		return fmt.Errorf("export case %d: record the export in the audit trail: %w", req.CaseID, err)
	}
	return nil
}

// checklistAudit is the audit record of an edited checklist imported: the
// workbook's path and SHA-256 and the items it changed. It goes into the
// transaction that applies the changes.
func checklistAudit(caseID int64, path string, changes []store.ItemChange) store.AuditRecord {
	items := make([]string, len(changes))
	for i, c := range changes {
		items[i] = c.ItemID
	}
	d := map[string]any{"file": path, "items": items}
	if sum, err := fileSHA256(path); err == nil {
		d["sha256"] = sum
	}
	return store.AuditRecord{Action: workbench.AuditChecklistImported, Object: store.CaseObject(caseID), CaseID: caseID, Details: d}
}

// purgeIndex drops a deleted case's search documents and rewrites the
// index without them, so that no index file keeps their terms.
func (a *App) purgeIndex(ctx context.Context, id int64) error {
	x, err := a.searchIndex(ctx)
	if err == nil {
		_, err = x.Sync(ctx, nil)
	}
	if err == nil {
		err = x.Purge(ctx)
	}
	if err != nil {
		return fmt.Errorf("case %d deleted; its search documents go at the next index update: %w", id, err)
	}
	return nil
}
