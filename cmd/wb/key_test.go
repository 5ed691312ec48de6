package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench/app"
)

// concludedWorkspace makes a workspace with case 1, inspected by 张明 and
// 李华, every item not applicable, concluded.
func concludedWorkspace(t *testing.T) string {
	t.Helper()
	ws := filepath.Join(t.TempDir(), "ws")
	ctx := context.Background()
	a, err := app.Open(ctx, ws, true)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	c, err := a.CreateCase(ctx, app.CaseInput{Provider: "星河智算", Service: "星河对话", Inspectors: []string{"张明", "李华"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.StartInspection(ctx, c.ID, ""); err != nil {
		t.Fatal(err)
	}
	st, err := a.InspectionStatus(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range st.Items {
		if _, err := a.Assess(ctx, app.AssessInput{CaseID: c.ID, ItemID: it.ID, Result: "not_applicable"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.ConcludeInspection(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	return ws
}

// TestKeySignVerifyCommands makes keys for both inspectors, exports their
// public key files, signs with both keys, verifies in the workspace, from
// the exported workbook and a single signature from its hash; a wrong
// passphrase signs nothing; a replaced signature is named.
func TestKeySignVerifyCommands(t *testing.T) {
	ws := concludedWorkspace(t)
	dir := t.TempDir()
	keys := filepath.Join(dir, "keys")
	env := func(pass string) []string {
		return []string{app.KeysDirEnv + "=" + keys, app.PassphraseEnv + "=" + pass}
	}
	run := func(pass string, args ...string) result {
		t.Helper()
		return wb(t, env(pass), args...)
	}
	okRun := func(pass string, args ...string) string {
		t.Helper()
		r := run(pass, args...)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("wb %s: exit %d, stderr %q", strings.Join(args, " "), r.code, r.stderr)
		}
		return r.stdout
	}

	if out := okRun("", "key", "list"); !strings.HasPrefix(out, "No signing keys in "+keys) {
		t.Errorf("key list with no keys printed %q", out)
	}
	assertFailure(t, run("short", "key", "new", "--inspector", "张明"), 1, "too short")
	assertFailure(t, run("whatever long", "key", "new"), 2, "--inspector NAME is required")
	var zm, lh keyJSON
	decode(t, okRun("zhang's passphrase", "key", "new", "--inspector", "张明", "--json"), &zm)
	out := okRun("zhang's passphrase", "key", "new", "--inspector", "李华")
	if !strings.HasPrefix(out, "Made a signing key for 李华\nFingerprint: ") || !strings.Contains(out, "Kept in "+keys) {
		t.Errorf("key new printed %q", out)
	}
	// Made with a workspace named, the key is recorded in its audit trail.
	wang := okRun("wang's passphrase", "--workspace", ws, "key", "new", "--inspector", "王五")
	if !strings.Contains(wang, "Recorded in the audit trail of "+ws) {
		t.Errorf("key new in a workspace printed %q", wang)
	}
	if trail := okRun("", "audit", "list", "--workspace", ws, "--json"); !strings.Contains(trail, `"key_created"`) || !strings.Contains(trail, "王五") {
		t.Errorf("the workspace's trail holds no key_created entry for 王五:\n%s", trail)
	}
	var all []keyJSON
	decode(t, okRun("", "key", "list", "--json"), &all)
	for _, k := range all {
		if k.Inspector == "王五" { // not an inspector of the case: out of the way
			if err := os.Remove(k.Path); err != nil {
				t.Fatal(err)
			}
		}
	}
	var list []keyJSON
	decode(t, okRun("", "key", "list", "--json"), &list)
	if len(list) != 2 || list[0].Inspector != "张明" || list[0].Fingerprint != zm.Fingerprint {
		t.Fatalf("key list --json = %+v", list)
	}
	lh = list[1]
	// The keys live in the keys folder, not in the workspace, and no key
	// file holds a private key in the clear.
	files, _ := filepath.Glob(filepath.Join(keys, "*.key"))
	if len(files) != 2 || !strings.HasPrefix(zm.Path, keys) {
		t.Errorf("key files %q, 张明's at %s", files, zm.Path)
	}
	if found, _ := filepath.Glob(filepath.Join(ws, "*.key")); len(found) != 0 {
		t.Errorf("keys in the workspace: %q", found)
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if strings.Contains(string(data), "PRIVATE KEY") || !strings.Contains(string(data), "BEGIN AGE ENCRYPTED FILE") {
			t.Errorf("%s is not age-encrypted:\n%s", f, data)
		}
	}
	zmPub, lhPub := filepath.Join(dir, "zhang.pub"), filepath.Join(dir, "li.pub")
	okRun("", "key", "export", "--key", "张明", "--out", zmPub)
	okRun("", "key", "export", "--key", lh.Fingerprint[:8], "--out", lhPub)
	if data, _ := os.ReadFile(zmPub); !strings.Contains(string(data), "inspector: 张明") || !strings.Contains(string(data), app.GroupFingerprint(zm.Fingerprint)) {
		t.Errorf("张明's public key file:\n%s", data)
	}
	assertFailure(t, run("", "key", "export", "--out", zmPub), 2, "--key NAME is required")
	assertFailure(t, run("", "key", "export", "--key", "王五"), 1, `no signing key "王五"`)

	// A wrong passphrase signs nothing.
	assertFailure(t, run("wrong passphrase", "inspect", "sign", "--workspace", ws, "--case", "1", "--key", "张明"), 1, "wrong passphrase")
	var c caseJSON
	decode(t, ok(t, "case", "show", "--workspace", ws, "1", "--json"), &c)
	if c.Status != "concluded" {
		t.Fatalf("status after a wrong passphrase: %s", c.Status)
	}
	// $WB_PASSPHRASE unlocks both keys (at a terminal each is asked for).
	var sig struct {
		SHA256     string `json:"sha256"`
		Signatures []struct {
			Inspector, Fingerprint, Signature string
		} `json:"signatures"`
	}
	decode(t, okRun("zhang's passphrase", "inspect", "sign", "--workspace", ws, "--case", "1", "--key", "张明", "--key", "李华", "--json"), &sig)
	if len(sig.Signatures) != 2 || sig.Signatures[0].Inspector != "张明" || sig.Signatures[0].Fingerprint != zm.Fingerprint ||
		sig.Signatures[1].Fingerprint != lh.Fingerprint {
		t.Fatalf("sign --json = %+v", sig)
	}
	out = okRun("", "inspect", "verify", "--workspace", ws, "--case", "1", "--pub", zmPub)
	if !strings.HasPrefix(out, "Case 1: the inspection matches its signature.\n") ||
		!strings.Contains(out, "ok    张明, key "+app.GroupFingerprint(zm.Fingerprint)+" (the key of the public key file given)") ||
		!strings.Contains(out, "ok    李华, key "+app.GroupFingerprint(lh.Fingerprint)+" (compare the fingerprint") {
		t.Errorf("verify printed %q", out)
	}

	// The exported workbook carries the signature; wb checks it from the
	// workbook alone, and one signature from the hash and the key file.
	book := filepath.Join(dir, "case1.xlsx")
	if r := wb(t, nil, "export", "--workspace", ws, "--case", "1", "--out", book, "--lang", "zh"); r.code != 0 {
		t.Fatalf("export: exit %d, %s", r.code, r.stderr)
	}
	out = okRun("", "inspect", "verify", "--workbook", book, "--pub", zmPub)
	if !strings.Contains(out, "every key signature verifies") || !strings.Contains(out, "SHA-256: "+sig.SHA256) || !strings.Contains(out, "ok    张明") {
		t.Errorf("verify --workbook printed %q", out)
	}
	out = okRun("", "verify-signature", "--sha256", sig.SHA256, "--signature", sig.Signatures[0].Signature, "--pub", zmPub)
	if !strings.HasPrefix(out, "ok: 张明 signed SHA-256 "+sig.SHA256) {
		t.Errorf("verify-signature printed %q", out)
	}
	r := run("", "verify-signature", "--sha256", sig.SHA256, "--signature", sig.Signatures[0].Signature, "--pub", lhPub)
	if r.code != 1 || !strings.Contains(r.stdout, "FAIL: 李华's signature: it was not made with key") {
		t.Errorf("verify-signature with the wrong key: exit %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	assertFailure(t, run("", "verify-signature", "--sha256", "abc", "--signature", "x", "--pub", zmPub), 2, "64 hex digits")
	// Checked against 李华's key file as if it were 张明's, the workbook
	// fails, naming him.
	forged := filepath.Join(dir, "forged.pub")
	data, _ := os.ReadFile(lhPub)
	os.WriteFile(forged, []byte(strings.Replace(string(data), "inspector: 李华", "inspector: 张明", 1)), 0o644)
	r = run("", "inspect", "verify", "--workbook", book, "--pub", forged)
	if r.code != 1 || !strings.Contains(r.stdout, "FAIL  张明's signature: it was made with key") {
		t.Errorf("verify --workbook with another key file: exit %d, %q", r.code, r.stdout)
	}

	// A signature replaced in the database is named, and verify exits 1.
	db, err := sql.Open("sqlite", filepath.Join(ws, "workbench.db"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`UPDATE signatures SET signature = ? WHERE inspector = '张明'`, strings.Repeat("A", 86)+"==")
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	r = run("", "inspect", "verify", "--workspace", ws, "--case", "1")
	if r.code != 1 || r.stderr != "wb inspect verify: the inspection does not match its signature\n" ||
		!strings.Contains(r.stdout, "but 1 key signature does NOT verify") || !strings.Contains(r.stdout, "FAIL  张明's signature: it was not made with key") {
		t.Errorf("verify after replacing the signature: exit %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	var v struct {
		OK         bool `json:"ok"`
		Signatures []struct {
			Inspector string `json:"inspector"`
			OK        bool   `json:"ok"`
			Problem   string `json:"problem"`
		} `json:"signatures"`
	}
	decode(t, run("", "inspect", "verify", "--workspace", ws, "--case", "1", "--json").stdout, &v)
	if v.OK || len(v.Signatures) != 2 || v.Signatures[0].Problem != "bad_signature" || !v.Signatures[1].OK {
		t.Errorf("verify --json = %+v", v)
	}
}

// TestSignWithoutKeySaysSo: signing without a key keeps working and says
// that the hash proves no signer; a key of someone else is refused.
func TestSignWithoutKeySaysSo(t *testing.T) {
	ws := concludedWorkspace(t)
	keys := filepath.Join(t.TempDir(), "keys")
	env := []string{app.KeysDirEnv + "=" + keys, app.PassphraseEnv + "=outsider's passphrase"}
	// No terminal and no $WB_PASSPHRASE: refused, saying what to set.
	assertFailure(t, wb(t, env[:1], "key", "new", "--inspector", "王五"), 1, "no passphrase", app.PassphraseEnv)
	if r := wb(t, env, "key", "new", "--inspector", "王五"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	assertFailure(t, wb(t, env, "inspect", "sign", "--workspace", ws, "--case", "1", "--key", "王五"), 1, "belongs to no inspector of this case")
	out := ok(t, "inspect", "sign", "--workspace", ws, "--case", "1")
	if !strings.Contains(out, "No key signed it: the SHA-256 proves the content, not who signed") {
		t.Errorf("sign without a key printed %q", out)
	}
}
