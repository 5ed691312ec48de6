package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"github.com/inspection-workbench/workbench/app/checklist"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"filippo.io/age"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/store"
)

func init() { BundleScryptWorkFactor = 10 }

const bundlePass = "a long bundle passphrase"

// signedSampleCase imports every sample file into a new case, runs the
// checks and accepts their proposals, cites a record and a passage,
// concludes and signs with 张明's key.
func signedSampleCase(t *testing.T, a *App, sign bool) int64 {
	t.Helper()
	ctx := context.Background()
	c, err := a.CreateCase(ctx, CaseInput{Provider: "星河智算", Service: "星河对话", Inspectors: []string{"张明"}})
	if err != nil {
		t.Fatal(err)
	}
	dir := "../testdata/sample/"
	for _, req := range []ImportRequest{
		{Files: []string{dir + "incidents.csv", dir + "data-sources.xlsx", dir + "annotation-qa.csv", dir + "algorithm.json"}},
		{Files: []string{"../testdata/bad/warnings.csv"}},
		{Kind: workbench.Algorithm, Files: []string{dir + "algorithm-description.pdf"}},
		{Kind: workbench.AnnotationRule, Files: []string{dir + "annotation-rules.docx"}},
	} {
		req.CaseID = c.ID
		reps, err := a.Import(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range reps {
			if r.Err != nil {
				t.Fatalf("import %s: %v", r.File, r.Err)
			}
		}
	}
	// Scanned for personal information: its results are a table of the case.
	if _, err := a.ScanPII(ctx, c.ID, nil); err != nil {
		t.Fatal(err)
	}
	// Both built-in templates: the added one's rows are a table of the case.
	if _, err := a.StartInspection(ctx, c.ID, "", checklist.SafetyID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.RunChecks(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	ps, err := a.Proposals(ctx, c.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	var items []string
	for _, p := range ps {
		if p.Decision == "pending" && !slices.Contains(items, p.Item) {
			items = append(items, p.Item)
		}
	}
	if _, err := a.AcceptProposals(ctx, c.ID, items...); err != nil {
		t.Fatal(err)
	}
	var rec, psg int64
	db := a.Store().DB()
	if err := db.QueryRow(`SELECT max(r.id) FROM records r JOIN submissions s ON s.id = r.submission_id WHERE s.case_id = ?`, c.ID).Scan(&rec); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT max(p.id) FROM passages p JOIN submissions s ON s.id = p.submission_id WHERE s.case_id = ?`, c.ID).Scan(&psg); err != nil {
		t.Fatal(err)
	}
	st, err := a.InspectionStatus(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range st.Items {
		if it.Result != "not_assessed" {
			continue
		}
		in := AssessInput{CaseID: c.ID, ItemID: it.ID, Result: "not_applicable"}
		if it.ID == "art4-1-prohibited-content" {
			in = AssessInput{CaseID: c.ID, ItemID: it.ID, Result: "non_compliant", Severity: ptr("high"), Finding: ptr("违法内容"),
				Evidence: []string{"rec-" + strconv.FormatInt(rec, 10), "psg-" + strconv.FormatInt(psg, 10)}}
		}
		if _, err := a.Assess(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	if !sign {
		return c.ID
	}
	if err := a.ConcludeInspection(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	r, keys := testRing(t, "张明")
	if _, err := a.SignInspection(ctx, c.ID, unlock(t, r, keys[0])); err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func openWS(t *testing.T) *App {
	t.Helper()
	a, err := Open(context.Background(), filepath.Join(t.TempDir(), "ws"), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

// globalTableNames are the tables that hold no case's rows.
var globalTableNames = []string{"schema_migrations", "audit_log", "audit_head", "providers", "services"}

// allTables lists every table of the workspace's schema.
func allTables(t *testing.T, a *App) []string {
	t.Helper()
	rows, err := a.Store().DB().Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		out = append(out, n)
	}
	return out
}

func exportBundle(t *testing.T, a *App, id int64) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "case.wbx")
	if _, err := a.ExportBundle(context.Background(), BundleExportRequest{CaseID: id, Path: out, Passphrase: bundlePass}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBundleRoundTrip moves a signed case with files, records, passages,
// evidence, proposals and a key signature into a second workspace: every
// table of the schema that is not shared by cases is carried with the
// same number of the case's rows, the files keep their hashes, the
// signature verifies, the case is found by search, and both audit trails
// verify, each recording the bundle.
func TestBundleRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := openWS(t)
	id := signedSampleCase(t, src, true)
	before, err := src.Store().CaseRowCounts(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	// Every table that is not global must be one the bundle carries, and
	// the sample case must have rows in it — a table added later that
	// holds case data and is not found makes this fail.
	for _, n := range allTables(t, src) {
		if slices.Contains(globalTableNames, n) {
			continue
		}
		if _, ok := before[n]; !ok {
			t.Errorf("table %s is not carried by a bundle", n)
		} else if before[n] == 0 {
			t.Errorf("the sample case has no rows in %s: the test does not show it is carried", n)
		}
	}
	out := exportBundle(t, src, id)
	b, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(b), "age-encryption.org/v1") || strings.Contains(string(b), "星河") {
		t.Fatal("the bundle is not age-encrypted")
	}

	dst := openWS(t)
	res, err := dst.ImportBundle(ctx, BundleImportRequest{Path: out, Passphrase: bundlePass})
	if err != nil {
		t.Fatal(err)
	}
	after, err := dst.Store().CaseRowCounts(ctx, res.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	for n, c := range before {
		if after[n] != c {
			t.Errorf("%s: %d rows of the case before, %d after", n, c, after[n])
		}
	}
	s1, err1 := src.InspectionStatus(ctx, id)
	s2, err2 := dst.InspectionStatus(ctx, res.CaseID)
	if err1 != nil || err2 != nil || len(s1.Items) != len(s2.Items) || len(s1.Items) == 0 {
		t.Fatalf("status before and after: %v %v", err1, err2)
	}
	for i := range s1.Items {
		a, b := s1.Items[i], s2.Items[i]
		if a.ID != b.ID || a.Result != b.Result || a.Severity != b.Severity || a.Finding != b.Finding {
			t.Errorf("item %s: %s/%s/%q before, %s/%s/%q after", a.ID, a.Result, a.Severity, a.Finding, b.Result, b.Severity, b.Finding)
		}
	}
	v, err := dst.VerifyInspection(ctx, res.CaseID)
	if err != nil {
		t.Fatal(err)
	}
	if !v.OK || len(v.Signatures) != 1 || !v.Signatures[0].OK {
		t.Fatalf("the imported case's signature does not verify: %+v", v)
	}
	sum := func(a *App, id int64) []string {
		var out []string
		rows, _ := a.Store().DB().Query(`SELECT sha256 FROM submissions WHERE case_id = ? ORDER BY sha256`, id)
		defer rows.Close()
		for rows.Next() {
			var s string
			rows.Scan(&s)
			out = append(out, s)
			if ok, _ := a.Store().Blobs().Has(s); !ok {
				t.Errorf("file %s missing", s)
			}
		}
		return out
	}
	if a, b := sum(src, id), sum(dst, res.CaseID); !slices.Equal(a, b) || len(a) == 0 {
		t.Errorf("file hashes %v, after import %v", a, b)
	}
	ev, err := dst.ItemEvidence(ctx, res.CaseID, "art4-1-prohibited-content")
	if err != nil || len(ev) != 2 {
		t.Fatalf("evidence after import: %v %v", ev, err)
	}
	// Searchable as after an import: the index takes the case in at its
	// next update, which wb search and the GUI's indexer make.
	if _, err := dst.SyncIndex(ctx, nil); err != nil {
		t.Fatal(err)
	}
	hits, err := dst.Search(ctx, workbench.SearchRequest{Query: "INC-0002", CaseID: res.CaseID, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if hits.Total == 0 {
		t.Error("the imported case is not searchable")
	}
	for _, a := range []*App{src, dst} {
		chk, err := a.VerifyAudit(ctx)
		if err != nil || !chk.Intact {
			t.Errorf("audit trail: %+v %v", chk, err)
		}
	}
	lastAction := func(a *App, id int64) (workbench.AuditEntry, bool) {
		es, _ := a.AuditTrail(ctx, id)
		if len(es) == 0 {
			return workbench.AuditEntry{}, false
		}
		return es[len(es)-1], true
	}
	if e, _ := lastAction(src, id); e.Action != workbench.AuditBundleExported || !strings.Contains(e.Details, res.BundleID) {
		t.Errorf("source's last entry: %+v", e)
	}
	e, _ := lastAction(dst, res.CaseID)
	if e.Action != workbench.AuditBundleImported {
		t.Fatalf("target's last entry: %+v", e)
	}
	var d struct {
		Source []json.RawMessage `json:"source_audit"`
	}
	if err := json.Unmarshal([]byte(e.Details), &d); err != nil || int64(len(d.Source)) != res.AuditEntries || len(d.Source) < 5 {
		t.Errorf("the source's audit entries are not kept: %d of %d (%v)", len(d.Source), res.AuditEntries, err)
	}

	// Replayed into the workspace it came from, or a second time: refused.
	for _, a := range []*App{src, dst} {
		_, err := a.ImportBundle(ctx, BundleImportRequest{Path: out, Passphrase: bundlePass})
		if we := workbench.ErrorReason(err); we == nil || we.Reason != workbench.ReasonBundleReplayed {
			t.Errorf("replay: %v", err)
		}
	}
}

// TestBundleShiftsNumbers imports an unsigned case into a workspace whose
// numbers it would take: rows get new numbers, evidence follows its
// records, and a signed case is refused there with nothing written.
func TestBundleShiftsNumbers(t *testing.T) {
	ctx := context.Background()
	src := openWS(t)
	open := signedSampleCase(t, src, false)
	out := exportBundle(t, src, open)
	dst := openWS(t)
	other := signedSampleCase(t, dst, false)
	res, err := dst.ImportBundle(ctx, BundleImportRequest{Path: out, Passphrase: bundlePass})
	if err != nil {
		t.Fatal(err)
	}
	if res.CaseID == other {
		t.Fatalf("imported over case %d", other)
	}
	ev, err := dst.ItemEvidence(ctx, res.CaseID, "art4-1-prohibited-content")
	if err != nil || len(ev) != 2 {
		t.Fatalf("evidence: %v %v", ev, err)
	}
	for _, e := range ev {
		if e.SubmissionID == 0 {
			t.Errorf("evidence %s lost its file", e.Target)
		}
		var subCase int64
		if err := dst.Store().DB().QueryRow(`SELECT case_id FROM submissions WHERE id = ?`, e.SubmissionID).Scan(&subCase); err != nil || subCase != res.CaseID {
			t.Errorf("evidence %s points at case %d's file", e.Target, subCase)
		}
	}
	// Every search-hit id the case names — evidence targets and the
	// records behind proposals — names a row of the imported case.
	owner := func(hit string) int64 {
		table := map[string]string{"rec": "records", "psg": "passages"}[hit[:3]]
		var c int64
		dst.Store().DB().QueryRow(`SELECT s.case_id FROM `+table+` x JOIN submissions s ON s.id = x.submission_id WHERE x.id = ?`, hit[4:]).Scan(&c)
		return c
	}
	for _, e := range ev {
		if owner(e.Target) != res.CaseID {
			t.Errorf("evidence target %s is not a row of case %d", e.Target, res.CaseID)
		}
	}
	ps, err := dst.Proposals(ctx, res.CaseID, true)
	if err != nil {
		t.Fatal(err)
	}
	hits := 0
	for _, p := range ps {
		for _, r := range p.Records {
			if r.Hit != "" {
				hits++
				if owner(r.Hit) != res.CaseID {
					t.Errorf("proposal %s/%s names %s, not a row of case %d", p.Item, p.Rule, r.Hit, res.CaseID)
				}
			}
		}
	}
	if hits == 0 {
		t.Error("no proposal names a record: the test shows nothing")
	}

	signedSrc := openWS(t)
	signed := signedSampleCase(t, signedSrc, true)
	out2 := exportBundle(t, signedSrc, signed)
	countBefore, _ := dst.Store().CaseRowCounts(ctx, 0)
	_, err = dst.ImportBundle(ctx, BundleImportRequest{Path: out2, Passphrase: bundlePass})
	if we := workbench.ErrorReason(err); we == nil || we.Reason != workbench.ReasonBundleNumbersTaken {
		t.Fatalf("signed case over taken numbers: %v", err)
	}
	countAfter, _ := dst.Store().CaseRowCounts(ctx, 0)
	if len(countBefore) != len(countAfter) {
		t.Error("tables changed")
	}
}

// TestBundleRefused: a wrong passphrase, a truncated file, a flipped byte
// and a file that is no bundle are refused with their reason, leaving no
// case, no file and no audit entry behind.
func TestBundleRefused(t *testing.T) {
	ctx := context.Background()
	src := openWS(t)
	id := signedSampleCase(t, src, true)
	out := exportBundle(t, src, id)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	flipped := append([]byte{}, b...)
	flipped[len(flipped)/2] ^= 0x01
	for _, tc := range []struct {
		name, path, pass string
		reason           workbench.Reason
	}{
		{"wrong passphrase", out, "another long passphrase", workbench.ReasonBundleWrongPassphrase},
		{"truncated near the end", write("cut.wbx", b[:len(b)-100]), bundlePass, workbench.ReasonBundleDamaged},
		{"truncated at half", write("half.wbx", b[:len(b)/2]), bundlePass, workbench.ReasonBundleDamaged},
		{"a flipped byte", write("flip.wbx", flipped), bundlePass, workbench.ReasonBundleDamaged},
		{"not a bundle", write("text.wbx", []byte("hello")), bundlePass, workbench.ReasonBundleDamaged},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dst := openWS(t)
			_, err := dst.ImportBundle(ctx, BundleImportRequest{Path: tc.path, Passphrase: tc.pass})
			we := workbench.ErrorReason(err)
			if we == nil || we.Reason != tc.reason {
				t.Fatalf("got %v, want %s", err, tc.reason)
			}
			if !strings.Contains(err.Error(), filepath.Base(tc.path)) {
				t.Errorf("the error does not name the file: %v", err)
			}
			cases, _ := dst.ListCases(ctx)
			es, _ := dst.AuditTrail(ctx, 0)
			blobs, _ := os.ReadDir(filepath.Join(dst.Dir(), store.BlobDir, "sha256"))
			if len(cases) != 0 || len(es) != 0 || len(blobs) != 0 {
				t.Errorf("written after a refused import: %d cases, %d audit entries, %d file folders", len(cases), len(es), len(blobs))
			}
		})
	}
}

// TestBundleRecipient encrypts for an age X25519 recipient and opens the
// bundle with its identity file; the passphrase does not open it.
func TestBundleRecipient(t *testing.T) {
	ctx := context.Background()
	src := openWS(t)
	id := signedSampleCase(t, src, false)
	dir := t.TempDir()
	k, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	idFile := filepath.Join(dir, "me.txt")
	if err := os.WriteFile(idFile, []byte(k.String()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ids := k.Recipient().String()
	out := filepath.Join(dir, "for-you.wbx")
	if _, err := src.ExportBundle(ctx, BundleExportRequest{CaseID: id, Path: out, Recipients: []string{ids}}); err != nil {
		t.Fatal(err)
	}
	dst := openWS(t)
	if _, err := dst.ImportBundle(ctx, BundleImportRequest{Path: out, Passphrase: bundlePass}); workbench.ErrorReason(err) == nil ||
		workbench.ErrorReason(err).Reason != workbench.ReasonBundleWrongPassphrase {
		t.Fatalf("a passphrase opened a bundle made for a recipient: %v", err)
	}
	res, err := dst.ImportBundle(ctx, BundleImportRequest{Path: out, Identities: []string{idFile}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Encryption != "recipients" || res.Rows == 0 {
		t.Errorf("result %+v", res)
	}
	if _, err := src.ExportBundle(ctx, BundleExportRequest{CaseID: id, Path: out + "2", Recipients: []string{"age1nonsense"}}); workbench.ErrorReason(err) == nil {
		t.Errorf("a bad recipient was taken: %v", err)
	}
}

func ptr(s string) *string { return &s }

// TestBundleManifestChecked alters a row inside the tar, beneath the
// encryption (as someone who could encrypt a bundle anew would): the
// stream no longer matches the manifest's SHA-256 and the import writes
// nothing.
func TestBundleManifestChecked(t *testing.T) {
	ctx := context.Background()
	src := openWS(t)
	id := signedSampleCase(t, src, false)
	var buf bytes.Buffer
	if _, err := src.Store().ExportCaseBundle(ctx, id, "0123456789abcdef0123456789abcdef", &buf, nil, true); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	i := bytes.Index(b, []byte("INC-0002"))
	if i < 0 || i > bytes.Index(b, []byte("audit.jsonl")) {
		t.Fatal("no record INC-0002 among the table streams")
	}
	b[i+7] = '3'
	dst := openWS(t)
	_, _, err := dst.Store().ImportCaseBundle(ctx, bytes.NewReader(b), func(m store.BundleManifest, caseID int64, _ []json.RawMessage) store.AuditRecord {
		return store.AuditRecord{Action: workbench.AuditBundleImported, Object: store.CaseObject(caseID), CaseID: caseID}
	}, nil)
	if !errors.Is(err, store.ErrBundleDamaged) {
		t.Fatalf("an altered row was taken: %v", err)
	}
	cases, _ := dst.ListCases(ctx)
	blobs, _ := os.ReadDir(filepath.Join(dst.Dir(), store.BlobDir, "sha256"))
	if len(cases) != 0 || len(blobs) != 0 {
		t.Errorf("written after a refused import: %d cases, %d file folders", len(cases), len(blobs))
	}
}

// TestBundleStateSecret: files labelled state_secret, their rows and the
// evidence quoting them stay out of a bundle unless included; a signed
// case holding them is refused without them, nothing written.
func TestBundleStateSecret(t *testing.T) {
	ctx := context.Background()
	src := openWS(t)
	id := signedSampleCase(t, src, false)
	reps, err := src.Import(ctx, ImportRequest{CaseID: id, Label: workbench.StateSecret, Files: []string{"../testdata/bad/warnings-terms.csv"}})
	if err != nil || reps[0].Err != nil {
		t.Fatalf("import: %v %+v", err, reps)
	}
	var secretSub, secretRec int64
	var secretSum string
	db := src.Store().DB()
	if err := db.QueryRow(`SELECT id, sha256 FROM submissions WHERE case_id = ? AND label = 'state_secret'`, id).Scan(&secretSub, &secretSum); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT min(id) FROM records WHERE submission_id = ?`, secretSub).Scan(&secretRec); err != nil {
		t.Fatal(err)
	}
	if _, err := src.Assess(ctx, AssessInput{CaseID: id, ItemID: "art4-2-non-discrimination", Result: "non_compliant", Severity: ptr("low"), Finding: ptr("涉密材料"),
		Evidence: []string{"rec-" + strconv.FormatInt(secretRec, 10)}}); err != nil {
		t.Fatal(err)
	}
	before, _ := src.Store().CaseRowCounts(ctx, id)
	var secretRecords int64
	db.QueryRow(`SELECT count(*) FROM records WHERE submission_id = ?`, secretSub).Scan(&secretRecords)

	for _, include := range []bool{false, true} {
		out := filepath.Join(t.TempDir(), "case.wbx")
		res, err := src.ExportBundle(ctx, BundleExportRequest{CaseID: id, Path: out, Passphrase: bundlePass, IncludeStateSecret: include})
		if err != nil {
			t.Fatal(err)
		}
		dst := openWS(t)
		in, err := dst.ImportBundle(ctx, BundleImportRequest{Path: out, Passphrase: bundlePass})
		if err != nil {
			t.Fatal(err)
		}
		after, _ := dst.Store().CaseRowCounts(ctx, in.CaseID)
		has, _ := dst.Store().Blobs().Has(secretSum)
		ev, _ := dst.ItemEvidence(ctx, in.CaseID, "art4-2-non-discrimination")
		if include {
			if res.StateSecretLeftOut != 0 || !has || len(ev) != 1 || after["submissions"] != before["submissions"] || after["records"] != before["records"] {
				t.Errorf("included: left out %d, file %v, evidence %d, submissions %d/%d, records %d/%d", res.StateSecretLeftOut, has, len(ev),
					after["submissions"], before["submissions"], after["records"], before["records"])
			}
			continue
		}
		if res.StateSecretLeftOut != 1 || has || len(ev) != 0 || after["submissions"] != before["submissions"]-1 ||
			after["records"] != before["records"]-secretRecords || after["evidence"] != before["evidence"]-1 {
			t.Errorf("left out: count %d, file %v, evidence %d, submissions %d/%d, records %d/%d, evidence rows %d/%d", res.StateSecretLeftOut, has, len(ev),
				after["submissions"], before["submissions"], after["records"], before["records"], after["evidence"], before["evidence"])
		}
	}

	// Signed: refused without the state-secret material.
	if err := src.ConcludeInspection(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := src.SignInspection(ctx, id); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "signed.wbx")
	_, err = src.ExportBundle(ctx, BundleExportRequest{CaseID: id, Path: out, Passphrase: bundlePass})
	if we := workbench.ErrorReason(err); we == nil || we.Reason != workbench.ReasonBundleStateSecret {
		t.Fatalf("signed case with state secrets bundled without them: %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused bundle was written")
	}
	if _, err := src.ExportBundle(ctx, BundleExportRequest{CaseID: id, Path: out, Passphrase: bundlePass, IncludeStateSecret: true}); err != nil {
		t.Fatal(err)
	}
}
