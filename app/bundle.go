package app

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"filippo.io/age"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/store"
)

// BundleExtension is the file name extension of a case bundle.
const BundleExtension = ".wbx"

// BundleScryptWorkFactor is the scrypt work factor (log2 N) of a bundle
// encrypted under a passphrase; tests lower it.
var BundleScryptWorkFactor = 18

// BundleExportRequest says which case to bundle, where to, and for whom:
// under a passphrase, or for the holders of age X25519 identities.
type BundleExportRequest struct {
	CaseID int64
	Path   string
	// Passphrase encrypts the bundle with an age scrypt recipient when
	// Recipients is empty.
	Passphrase string
	// Recipients are age X25519 public keys ("age1…") or files holding
	// them, one a line; the bundle opens with any of their identities.
	Recipients []string
	// IncludeStateSecret carries the case's submissions labelled
	// state_secret and what names them; without it they are left out (and
	// a signed case holding them is refused, its signature covering them).
	IncludeStateSecret bool
	// Progress, when set, is told the rows written so far and the total.
	Progress func(done, total int64)
}

// BundleImportRequest names the bundle to import and how to open it.
type BundleImportRequest struct {
	Path string
	// Passphrase opens a bundle encrypted under a passphrase.
	Passphrase string
	// Identities are age identity files (AGE-SECRET-KEY-1…) for a bundle
	// encrypted for recipients.
	Identities []string
	// Progress, when set, is told the rows read so far and the total.
	Progress func(done, total int64)
}

// BundleResult is what a bundle export or import did.
type BundleResult struct {
	Path     string `json:"file"`
	SHA256   string `json:"sha256"` // of the .wbx file
	Size     int64  `json:"size"`
	BundleID string `json:"bundle_id"`
	// CaseID is the case in this workspace; SourceCaseID its number in the
	// workspace the bundle was written in.
	CaseID       int64  `json:"case_id"`
	SourceCaseID int64  `json:"source_case_id"`
	Title        string `json:"title"`
	Status       string `json:"status"`
	// Tables are the tables carried and their row counts.
	Tables []BundleTable `json:"tables"`
	Rows   int64         `json:"rows"`
	Files  int           `json:"files"`
	// AuditEntries is how many of the source's audit entries the bundle
	// carries.
	AuditEntries int64 `json:"audit_entries"`
	// Encryption is "passphrase" or "recipients".
	Encryption string `json:"encryption"`
	// StateSecretLeftOut counts the files labelled state_secret the
	// bundle leaves out, with every row that names them.
	StateSecretLeftOut int `json:"state_secret_left_out"`
}

// BundleTable is one table carried by a bundle.
type BundleTable struct {
	Name string `json:"name"`
	Rows int64  `json:"rows"`
}

func bundleErr(reason workbench.Reason, code workbench.Code, path string, err error) error {
	return workbench.Errorf(code, reason, "File", path).Wrap(err)
}

// parseRecipients reads age X25519 recipients given as keys or files.
func parseRecipients(list []string) ([]age.Recipient, error) {
	var out []age.Recipient
	for _, r := range list {
		r = strings.TrimSpace(r)
		if strings.HasPrefix(r, "age1") {
			x, err := age.ParseX25519Recipient(r)
			if err != nil {
				return nil, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonBundleBadRecipient, "Value", r).Wrap(err)
			}
			out = append(out, x)
			continue
		}
		f, err := os.Open(r)
		if err != nil {
			return nil, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonBundleBadRecipient, "Value", r).Wrap(err)
		}
		rs, err := age.ParseRecipients(f)
		f.Close()
		if err != nil {
			return nil, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonBundleBadRecipient, "Value", r).Wrap(err)
		}
		out = append(out, rs...)
	}
	return out, nil
}

// ExportBundle writes a case as an encrypted bundle: a tar inside age
// holding a manifest with the SHA-256 of every stream, the case's rows of
// every case table, the case's audit entries and its files. The file is
// written beside its final name and renamed into place when complete; the
// export is recorded in the audit trail (bundle_exported, with the
// bundle's id, so it cannot be imported back into this workspace), and
// when that record cannot be written the file is removed.
func (a *App) ExportBundle(ctx context.Context, req BundleExportRequest) (BundleResult, error) {
	res := BundleResult{Path: req.Path, Encryption: "passphrase"}
	if strings.TrimSpace(req.Path) == "" {
		return res, &FieldError{Field: FieldOut, Problem: ProblemEmpty}
	}
	var rcpts []age.Recipient
	if len(req.Recipients) > 0 {
		var err error
		if rcpts, err = parseRecipients(req.Recipients); err != nil {
			return res, err
		}
		res.Encryption = "recipients"
	} else {
		if len(req.Passphrase) < MinPassphraseLength {
			return res, &KeyError{Problem: KeyWeakPassphrase, Key: req.Path}
		}
		sr, err := age.NewScryptRecipient(req.Passphrase)
		if err != nil {
			return res, fmt.Errorf("bundle case %d: %w", req.CaseID, err)
		}
		sr.SetWorkFactor(BundleScryptWorkFactor)
		rcpts = []age.Recipient{sr}
	}
	if _, err := a.store.GetCase(ctx, req.CaseID); err != nil {
		return res, err
	}
	var idb [16]byte
	if _, err := rand.Read(idb[:]); err != nil {
		return res, fmt.Errorf("bundle case %d: %w", req.CaseID, err)
	}
	res.BundleID = hex.EncodeToString(idb[:])
	dir := filepath.Dir(req.Path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(req.Path)+".tmp-*")
	if err != nil {
		return res, fmt.Errorf("write bundle %s: %w", req.Path, err)
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 1<<16)
	aw, err := age.Encrypt(bw, rcpts...)
	if err != nil {
		return res, fmt.Errorf("write bundle %s: %w", req.Path, err)
	}
	releaseScrypt()
	m, err := a.store.ExportCaseBundle(ctx, req.CaseID, res.BundleID, aw, req.Progress, req.IncludeStateSecret)
	if errors.Is(err, store.ErrBundleStateSecret) {
		return res, workbench.Errorf(workbench.CodeConflict, workbench.ReasonBundleStateSecret, "Case", req.CaseID, "Count", m.StateSecretLeftOut).Wrap(err)
	}
	if err != nil {
		return res, err
	}
	if err := aw.Close(); err != nil {
		return res, fmt.Errorf("write bundle %s: %w", req.Path, err)
	}
	if err := bw.Flush(); err != nil {
		return res, fmt.Errorf("write bundle %s: %w", req.Path, err)
	}
	if err := tmp.Sync(); err != nil {
		return res, fmt.Errorf("write bundle %s: %w", req.Path, err)
	}
	if err := tmp.Close(); err != nil {
		return res, fmt.Errorf("write bundle %s: %w", req.Path, err)
	}
	if err := os.Rename(tmp.Name(), req.Path); err != nil {
		return res, fmt.Errorf("write bundle %s: %w", req.Path, err)
	}
	ok = true
	fillResult(&res, m)
	res.CaseID = req.CaseID
	if res.SHA256, err = fileSHA256(req.Path); err == nil {
		var fi os.FileInfo
		if fi, err = os.Stat(req.Path); err == nil {
			res.Size = fi.Size()
			err = a.Audit(ctx, workbench.AuditBundleExported, store.CaseObject(req.CaseID), req.CaseID, map[string]any{
				"file": req.Path, "sha256": res.SHA256, "size": res.Size, "bundle_id": res.BundleID,
				"rows": res.Rows, "files": res.Files, "encryption": res.Encryption, "state_secret_left_out": res.StateSecretLeftOut})
		}
	}
	if err != nil {
		_ = os.Remove(req.Path)
		return res, fmt.Errorf("bundle case %d: record the bundle in the audit trail: %w", req.CaseID, err)
	}
	return res, nil
}

func fillResult(res *BundleResult, m store.BundleManifest) {
	res.BundleID, res.SourceCaseID, res.Title, res.Status = m.BundleID, m.CaseID, m.Title, m.Status
	res.Tables = make([]BundleTable, len(m.Tables))
	for i, t := range m.Tables {
		res.Tables[i] = BundleTable{Name: t.Name, Rows: t.Rows}
	}
	res.Rows, res.Files, res.AuditEntries = m.BundleRows(), len(m.Blobs), m.Audit.Rows
	res.StateSecretLeftOut = m.StateSecretLeftOut
}

// ImportBundle restores the case of a bundle into this workspace in one
// transaction, after checking every stream and file against the
// manifest's SHA-256; a wrong passphrase, a truncated, altered or already
// imported bundle leaves the workspace as it was. The source's audit
// entries about the case are kept, as they were, in the details of this
// workspace's bundle_imported entry: a record of the source's trail, not
// part of this workspace's chain. As after Import, the search index takes
// the case in at its next update (the next search, or the GUI's indexer).
func (a *App) ImportBundle(ctx context.Context, req BundleImportRequest) (BundleResult, error) {
	res := BundleResult{Path: req.Path, Encryption: "passphrase"}
	var ids []age.Identity
	if len(req.Identities) > 0 {
		res.Encryption = "recipients"
		for _, p := range req.Identities {
			f, err := os.Open(p)
			if err != nil {
				return res, fmt.Errorf("read identity file %s: %w", p, err)
			}
			is, err := age.ParseIdentities(f)
			f.Close()
			if err != nil {
				return res, fmt.Errorf("read identity file %s: %w", p, err)
			}
			ids = append(ids, is...)
		}
	} else {
		si, err := age.NewScryptIdentity(req.Passphrase)
		if err != nil {
			return res, bundleErr(workbench.ReasonBundleWrongPassphrase, workbench.CodeInvalid, req.Path, err)
		}
		si.SetMaxWorkFactor(22)
		ids = []age.Identity{si}
	}
	sum, err := fileSHA256(req.Path)
	if err != nil {
		return res, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonFileUnreadable, "File", req.Path).Wrap(err)
	}
	res.SHA256 = sum
	f, err := os.Open(req.Path)
	if err != nil {
		return res, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonFileUnreadable, "File", req.Path).Wrap(err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil {
		res.Size = fi.Size()
	}
	ar, err := age.Decrypt(bufio.NewReaderSize(f, 1<<16), ids...)
	if err != nil {
		var nm *age.NoIdentityMatchError
		if errors.As(err, &nm) || errors.Is(err, age.ErrIncorrectIdentity) {
			return res, bundleErr(workbench.ReasonBundleWrongPassphrase, workbench.CodeInvalid, req.Path, err)
		}
		return res, bundleErr(workbench.ReasonBundleDamaged, workbench.CodeInvalid, req.Path, err)
	}
	releaseScrypt()
	auditOf := func(m store.BundleManifest, caseID int64, source []json.RawMessage) store.AuditRecord {
		return store.AuditRecord{Action: workbench.AuditBundleImported, Object: store.CaseObject(caseID), CaseID: caseID, Details: map[string]any{
			"file": req.Path, "sha256": sum, "bundle_id": m.BundleID, "source_case": m.CaseID, "rows": m.BundleRows(), "files": len(m.Blobs),
			"source_audit_sha256": m.Audit.SHA256, "source_audit": source}}
	}
	m, caseID, err := a.store.ImportCaseBundle(ctx, ar, auditOf, req.Progress)
	if err != nil {
		switch {
		case errors.Is(err, store.ErrBundleReplayed):
			return res, bundleErr(workbench.ReasonBundleReplayed, workbench.CodeConflict, req.Path, err)
		case errors.Is(err, store.ErrBundleNewer):
			return res, bundleErr(workbench.ReasonBundleNewer, workbench.CodeUnsupported, req.Path, err)
		case errors.Is(err, store.ErrBundleNumbersTaken):
			return res, bundleErr(workbench.ReasonBundleNumbersTaken, workbench.CodeConflict, req.Path, err)
		case errors.Is(err, store.ErrBundleDamaged), errors.Is(err, io.ErrUnexpectedEOF), isAgeStreamErr(err):
			return res, bundleErr(workbench.ReasonBundleDamaged, workbench.CodeInvalid, req.Path, err)
		}
		return res, fmt.Errorf("import bundle %s: %w", req.Path, err)
	}
	fillResult(&res, m)
	res.CaseID = caseID
	return res, nil
}

// releaseScrypt hands back to the system the memory scrypt took (256 MiB
// at the default work factor), which would otherwise set the garbage
// collector's goal for the whole bundle and let the heap grow to twice
// that: with it released, memory stays bounded by what one row needs.
func releaseScrypt() { debug.FreeOSMemory() }

// isAgeStreamErr reports whether err comes from age's payload stream: an
// altered or cut chunk.
func isAgeStreamErr(err error) bool {
	s := err.Error()
	return strings.Contains(s, "failed to decrypt and authenticate payload chunk") || strings.Contains(s, "last chunk") ||
		strings.Contains(s, "unexpected EOF") || strings.Contains(s, "tar:")
}
