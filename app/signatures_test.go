package app

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
)

func init() {
	// Unlocking a key at age's default work factor takes a second of CPU;
	// the tests need the format, not the cost.
	ScryptWorkFactor = 10
}

// concludedCase opens a case with two inspectors, assesses every item as
// not applicable and concludes the inspection.
func concludedCase(t *testing.T, a *App) int64 {
	t.Helper()
	ctx := context.Background()
	c, err := a.CreateCase(ctx, CaseInput{Provider: "星河智算", Service: "星河对话", Inspectors: []string{"张明", "李华"}})
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
		if _, err := a.Assess(ctx, AssessInput{CaseID: c.ID, ItemID: it.ID, Result: "not_applicable"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.ConcludeInspection(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	return c.ID
}

// testRing is a keys folder outside the workspace with a key for each name
// under the passphrase "correct horse".
func testRing(t *testing.T, names ...string) (*KeyRing, []Key) {
	t.Helper()
	r, err := OpenKeyRing(filepath.Join(t.TempDir(), "keys"))
	if err != nil {
		t.Fatal(err)
	}
	var keys []Key
	for _, n := range names {
		k, err := r.New(n, "correct horse")
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	return r, keys
}

func unlock(t *testing.T, r *KeyRing, k Key) *SigningKey {
	t.Helper()
	sk, err := r.Unlock(k, "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	return sk
}

// TestKeyFile checks a new key is kept outside the workspace, encrypted:
// its file holds the public key and name in the clear and the seed in no
// form; a wrong passphrase is refused by name, the right one gives the
// same key; the public key file reads back.
func TestKeyFile(t *testing.T) {
	r, keys := testRing(t, "张明")
	k := keys[0]
	if k.Path != filepath.Join(r.Dir(), k.ID()+".key") || len(k.Fingerprint) != 64 {
		t.Fatalf("key %+v in %s", k, r.Dir())
	}
	fi, err := os.Stat(k.Path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, %v; want 0600", fi.Mode(), err)
	}
	data, _ := os.ReadFile(k.Path)
	sk := unlock(t, r, k)
	seed := sk.priv.Seed()
	for _, form := range [][]byte{seed, []byte(base64.StdEncoding.EncodeToString(seed)), []byte(hex.EncodeToString(seed)),
		[]byte(base64.RawStdEncoding.EncodeToString(seed)), []byte(seedMagic)} {
		if bytes.Contains(data, form) {
			t.Errorf("the key file holds the private key in the clear (%q)", form)
		}
	}
	if !bytes.Contains(data, []byte("-----BEGIN AGE ENCRYPTED FILE-----")) || !bytes.Contains(data, []byte(k.PublicKeyBase64())) {
		t.Errorf("key file:\n%s", data)
	}
	if !bytes.Equal(sk.PublicKey, k.PublicKey) || sk.Inspector != "张明" {
		t.Errorf("unlocked %+v", sk.Key)
	}
	_, err = r.Unlock(k, "wrong horse")
	var ke *KeyError
	if !errors.As(err, &ke) || ke.Problem != KeyWrongPassphrase || !strings.Contains(err.Error(), "wrong passphrase") {
		t.Errorf("wrong passphrase: %v", err)
	}
	// Listed and found by name or fingerprint.
	list, err := r.List()
	if err != nil || len(list) != 1 || list[0].Fingerprint != k.Fingerprint {
		t.Errorf("List = %+v, %v", list, err)
	}
	for _, ref := range []string{"张明", k.Fingerprint[:8], GroupFingerprint(k.Fingerprint)[:14]} {
		if f, err := r.Find(ref); err != nil || f.Fingerprint != k.Fingerprint {
			t.Errorf("Find(%q) = %+v, %v", ref, f, err)
		}
	}
	if _, err := r.Find("王五"); !errors.As(err, &ke) || ke.Problem != KeyNotFound {
		t.Errorf("Find of an unknown name: %v", err)
	}
	if _, err := r.New("张明", "short"); !errors.As(err, &ke) || ke.Problem != KeyWeakPassphrase {
		t.Errorf("a short passphrase: %v", err)
	}
	if _, err := r.New("张\n明", "long enough"); !errors.As(err, &ke) || ke.Problem != KeyBadName {
		t.Errorf("a name over two lines: %v", err)
	}
	if _, err := r.New("张明", "correct horse"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Find("张明"); !errors.As(err, &ke) || ke.Problem != KeyAmbiguous {
		t.Errorf("Find of a name with two keys: %v", err)
	}
	// The public key file round-trips and its fingerprint is checked.
	pub := k.PublicFile()
	got, err := ParsePublicFile("zm.pub", pub)
	if err != nil || got.Fingerprint != k.Fingerprint || got.Inspector != "张明" || !got.Created.Equal(k.Created) {
		t.Errorf("ParsePublicFile = %+v, %v\n%s", got, err, pub)
	}
	if !strings.Contains(string(pub), GroupFingerprint(k.Fingerprint)) {
		t.Errorf("public file does not show the grouped fingerprint:\n%s", pub)
	}
	forged := strings.Replace(string(pub), GroupFingerprint(k.Fingerprint)[:4], "0000", 1)
	if _, err := ParsePublicFile("zm.pub", []byte(forged)); !errors.As(err, &ke) || ke.Problem != KeyBadPublicFile {
		t.Errorf("a public file whose fingerprint is not its key's: %v", err)
	}
	// A key file whose private half belongs to another key is damaged.
	other, _ := testRing(t, "张明")
	list2, _ := other.List()
	od, _ := os.ReadFile(list2[0].Path)
	_, enc := readHeader(od[len(keyFileMagic)+1:])
	head, _, _ := bytes.Cut(data, []byte("-----BEGIN"))
	if err := os.WriteFile(k.Path, append(head, enc...), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Unlock(k, "correct horse"); !errors.As(err, &ke) || ke.Problem != KeyDamaged {
		t.Errorf("a swapped private half: %v", err)
	}
}

func TestPassphraseStrength(t *testing.T) {
	for _, c := range []struct {
		p    string
		want int
	}{{"", 0}, {"abc", 0}, {"abcdefgh", 1}, {"abcdefgh12", 1}, {"abcdefgh12AB", 3}, {"correct horse battery staple", 3},
		{"检查工作台的口令很长很长", 3}, {"检查工作台口令", 0}, {"Tr0ub4dor&3-x!yz", 4}} {
		if got := PassphraseStrength(c.p); got != c.want {
			t.Errorf("PassphraseStrength(%q) = %d, want %d", c.p, got, c.want)
		}
	}
}

// TestSignWithKeys signs with both inspectors' keys and verifies; then
// tampers with the content, a signature and a recorded key, and checks
// each failure is named.
func TestSignWithKeys(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := concludedCase(t, a)
	r, keys := testRing(t, "张明", "李华", "王五")
	zm, lh, ww := unlock(t, r, keys[0]), unlock(t, r, keys[1]), unlock(t, r, keys[2])

	// A key of someone who is not the case's inspector, or one given twice,
	// is refused and nothing is stored.
	var ke *KeyError
	if _, err := a.SignInspection(ctx, id, zm, ww); !errors.As(err, &ke) || ke.Problem != KeyNotInspector || ke.Key != "王五" {
		t.Fatalf("signing with an outsider's key: %v", err)
	}
	if _, err := a.SignInspection(ctx, id, zm, zm); !errors.As(err, &ke) || ke.Problem != KeyDuplicateSigner {
		t.Fatalf("signing twice with one key: %v", err)
	}
	if c, _ := a.GetCase(ctx, id); c.Status != "concluded" {
		t.Fatalf("status after refused signing: %s", c.Status)
	}
	if rows, _ := a.store.KeySignatures(ctx, id); len(rows) != 0 {
		t.Fatalf("refused signing stored %d signatures", len(rows))
	}

	sig, err := a.SignInspection(ctx, id, zm, lh)
	if err != nil {
		t.Fatal(err)
	}
	if len(sig.Signatures) != 2 || sig.Signatures[0].Inspector != "张明" || sig.Signatures[1].Fingerprint != keys[1].Fingerprint {
		t.Fatalf("signatures %+v", sig.Signatures)
	}
	// The audit trail's signing entry names each key by its fingerprint.
	trail, err := a.AuditTrail(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	signed := ""
	for _, e := range trail {
		if e.Action == workbench.AuditInspectionSigned {
			signed = e.Details
		}
	}
	if !strings.Contains(signed, keys[0].Fingerprint) || !strings.Contains(signed, keys[1].Fingerprint) {
		t.Errorf("the signing entry %q does not name the keys' fingerprints", signed)
	}
	// The signature checks with the hash alone and the public key file.
	pub, _ := ParsePublicFile("zm.pub", keys[0].PublicFile())
	if ch := VerifyHashSignature(sig.SHA256, sig.Signatures[0].Signature, pub); !ch.OK || !ch.Trusted {
		t.Errorf("VerifyHashSignature = %+v", ch)
	}
	if ch := VerifyHashSignature(sig.SHA256, sig.Signatures[1].Signature, pub); ch.OK || ch.Problem != SigBadSignature {
		t.Errorf("李华's signature checked with 张明's key = %+v", ch)
	}
	v, err := a.VerifyInspection(ctx, id)
	if err != nil || !v.OK || len(v.Signatures) != 2 || !v.Signatures[0].OK || !v.Signatures[1].OK {
		t.Fatalf("verify = %+v, %v", v, err)
	}
	// With the public key files of both, both are trusted; with another
	// key file for 张明, his signature is not his.
	lhPub, _ := ParsePublicFile("lh.pub", keys[1].PublicFile())
	if v, _ := a.VerifyInspection(ctx, id, pub, lhPub); !v.OK || !v.Signatures[0].Trusted || !v.Signatures[1].Trusted {
		t.Errorf("verify with both public keys = %+v", v.Signatures)
	}
	_, zm2 := testRing(t, "张明")
	if v, _ := a.VerifyInspection(ctx, id, zm2[0]); v.OK || v.Signatures[0].Problem != SigUntrusted || !v.Signatures[1].OK {
		t.Errorf("verify with another key file for 张明 = %+v", v.Signatures)
	}

	db := a.store.DB()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}
	// A signature made with another key: 王五 signs the same hash and his
	// signature replaces 李华's.
	forged := base64.StdEncoding.EncodeToString(ed25519Sign(ww, sig.SHA256))
	exec(`UPDATE signatures SET signature = ? WHERE case_id = ? AND inspector = '李华'`, forged, id)
	v, _ = a.VerifyInspection(ctx, id)
	if v.OK || !v.Signatures[0].OK || v.Signatures[1].OK || v.Signatures[1].Problem != SigBadSignature ||
		!strings.Contains(v.Signatures[1].Message, "李华") {
		t.Errorf("verify with a signature by another key = %+v", v.Signatures)
	}
	// ... and with 王五's public key put beside it, the fingerprint no
	// longer matches; with the fingerprint too, only a key file tells.
	exec(`UPDATE signatures SET public_key = ? WHERE case_id = ? AND inspector = '李华'`, keys[2].PublicKeyBase64(), id)
	if v, _ = a.VerifyInspection(ctx, id); v.OK || v.Signatures[1].Problem != SigBadFingerprint {
		t.Errorf("verify with another key and the old fingerprint = %+v", v.Signatures)
	}
	exec(`UPDATE signatures SET fingerprint = ? WHERE case_id = ? AND inspector = '李华'`, keys[2].Fingerprint, id)
	if v, _ = a.VerifyInspection(ctx, id); !v.OK {
		t.Errorf("a consistent substitution is not visible without key files: %+v", v.Signatures)
	}
	if v, _ = a.VerifyInspection(ctx, id, lhPub); v.OK || v.Signatures[1].Problem != SigUntrusted {
		t.Errorf("with 李华's key file: %+v", v.Signatures)
	}
	exec(`UPDATE signatures SET signature = ?, public_key = ?, fingerprint = ? WHERE case_id = ? AND inspector = '李华'`,
		sig.Signatures[1].Signature, keys[1].PublicKeyBase64(), keys[1].Fingerprint, id)

	// Tampered content: the hash differs and every signature fails, named.
	exec(`UPDATE inspection_items SET note = 'added later' WHERE case_id = ? AND position = 3`, id)
	v, _ = a.VerifyInspection(ctx, id)
	if v.OK || v.Recomputed == sig.SHA256 || len(v.Differences) == 0 {
		t.Fatalf("verify after tampering = %+v", v)
	}
	for _, ch := range v.Signatures {
		if ch.OK || ch.Problem != SigContentChanged || !strings.Contains(ch.Message, ch.Inspector) {
			t.Errorf("signature after tampering = %+v", ch)
		}
	}
	// Re-hashing the tampered content does not help: the signatures are
	// over the old hash.
	exec(`UPDATE inspections SET signature = ? WHERE case_id = ?`, v.Recomputed, id)
	v, _ = a.VerifyInspection(ctx, id)
	if v.OK || v.Signatures[0].OK {
		t.Errorf("verify after re-hashing = %+v", v.Signatures)
	}
}

// TestSignWithoutKeys: signing without keys stores the hash only, which
// verifies, but not against a public key file.
func TestSignWithoutKeys(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := concludedCase(t, a)
	sig, err := a.SignInspection(ctx, id)
	if err != nil || len(sig.Signatures) != 0 || len(sig.SHA256) != 64 {
		t.Fatalf("SignInspection without keys = %+v, %v", sig, err)
	}
	v, err := a.VerifyInspection(ctx, id)
	if err != nil || !v.OK || len(v.Signatures) != 0 || v.Signatures == nil {
		t.Errorf("verify = %+v, %v", v, err)
	}
	// Asked for 张明's key signature, the check fails: there is none.
	_, keys := testRing(t, "张明")
	if v, _ := a.VerifyInspection(ctx, id, keys[0]); v.OK || len(v.Signatures) != 1 || v.Signatures[0].Problem != SigMissing {
		t.Errorf("verify with a key file and no key signature = %+v", v.Signatures)
	}
}

// TestKeysOutsideWorkspace: a key kept inside the workspace is refused.
func TestKeysOutsideWorkspace(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	id := concludedCase(t, a)
	r, err := OpenKeyRing(filepath.Join(a.Dir(), "keys"))
	if err != nil {
		t.Fatal(err)
	}
	k, err := r.New("张明", "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	var ke *KeyError
	if _, err := a.SignInspection(ctx, id, unlock(t, r, k)); !errors.As(err, &ke) || ke.Problem != KeyInWorkspace {
		t.Errorf("signing with a key in the workspace: %v", err)
	}
}

func TestDefaultKeysDir(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the configuration directory is XDG's on Linux only")
	}
	t.Setenv(KeysDirEnv, "")
	t.Setenv("XDG_CONFIG_HOME", "/cfg")
	t.Setenv("HOME", "/home/x")
	if d, err := DefaultKeysDir(); err != nil || d != filepath.Join("/cfg", "inspection-workbench", "keys") {
		t.Errorf("DefaultKeysDir = %q, %v", d, err)
	}
	t.Setenv(KeysDirEnv, "/elsewhere/keys")
	if d, _ := DefaultKeysDir(); d != "/elsewhere/keys" {
		t.Errorf("with %s: %q", KeysDirEnv, d)
	}
}

func ed25519Sign(k *SigningKey, hash string) []byte { return ed25519.Sign(k.priv, SignedMessage(hash)) }
