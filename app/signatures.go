package app

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench/app/export"
	"github.com/inspection-workbench/workbench/store"
)

// SignedMessage is what an inspector's Ed25519 key signs for an inspection
// whose canonical content has the hex SHA-256 sha256Hex: the signature
// format's name, a newline and the hash. Signing the hash rather than the
// content lets an auditor check a signature with the hash alone, as the
// exported workbook shows it.
func SignedMessage(sha256Hex string) []byte {
	return []byte(SignatureFormat + "\n" + strings.ToLower(sha256Hex))
}

// KeySignature is one inspector's key signature of an inspection, as the
// sign and verify results give it.
type KeySignature struct {
	Inspector   string    `json:"inspector"`
	Fingerprint string    `json:"fingerprint"`
	PublicKey   string    `json:"public_key"` // base64
	Signature   string    `json:"signature"`  // base64
	SignedAt    time.Time `json:"signed_at"`
}

// SignatureProblem says why a key signature does not verify.
type SignatureProblem string

// The reasons a key signature fails.
const (
	// SigContentChanged: the signature is good for the content as signed,
	// but the workspace holds other content now.
	SigContentChanged SignatureProblem = "content_changed"
	// SigBadSignature: the signature was not made with the recorded key
	// over this inspection (another key, or altered).
	SigBadSignature SignatureProblem = "bad_signature"
	// SigBadFingerprint: the recorded fingerprint is not the recorded
	// key's.
	SigBadFingerprint SignatureProblem = "bad_fingerprint"
	// SigNotSigner: the key's inspector is not among those the inspection
	// was signed by.
	SigNotSigner SignatureProblem = "not_signer"
	// SigUnreadable: the recorded key or signature is not valid base64 of
	// the right length.
	SigUnreadable SignatureProblem = "unreadable"
	// SigMissing: a public key file was given for an inspector who did
	// not sign with a key.
	SigMissing SignatureProblem = "missing"
	// SigUntrusted: a public key file was given for the inspector and the
	// signature's key is not the one in it.
	SigUntrusted SignatureProblem = "untrusted_key"
)

// SignatureCheck is the outcome of checking one key signature.
type SignatureCheck struct {
	KeySignature
	OK bool `json:"ok"`
	// Trusted is true when the key is one of the public key files given
	// to the check for this inspector.
	Trusted bool `json:"trusted"`
	// Problem names the failure ("" when OK); Message says it in English.
	Problem SignatureProblem `json:"problem,omitempty"`
	Message string           `json:"message,omitempty"`
}

// signWith checks that each key belongs to one of the case's inspectors,
// is given once and lives outside the workspace, and signs the hash with
// each.
func (a *App) signWith(inspectors []string, sha256Hex string, at time.Time, keys []*SigningKey) ([]store.KeySignature, error) {
	var out []store.KeySignature
	seen := map[string]bool{}
	for _, k := range keys {
		if k == nil {
			continue
		}
		if !slices.Contains(inspectors, k.Inspector) {
			return nil, &KeyError{Problem: KeyNotInspector, Key: k.Inspector}
		}
		if seen[k.Fingerprint] {
			return nil, &KeyError{Problem: KeyDuplicateSigner, Key: k.Inspector}
		}
		seen[k.Fingerprint] = true
		if k.Path != "" && within(a.Dir(), k.Path) {
			return nil, &KeyError{Problem: KeyInWorkspace, Key: filepath.Dir(k.Path)}
		}
		sig := ed25519.Sign(k.priv, SignedMessage(sha256Hex))
		out = append(out, store.KeySignature{Inspector: k.Inspector, Algorithm: "ed25519", PublicKey: k.PublicKeyBase64(),
			Fingerprint: k.Fingerprint, Signature: base64.StdEncoding.EncodeToString(sig), SignedAt: at})
	}
	return out, nil
}

// within reports whether path lies inside dir.
func within(dir, path string) bool {
	d, err1 := filepath.Abs(dir)
	p, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func toKeySignatures(rows []store.KeySignature) []KeySignature {
	out := make([]KeySignature, len(rows))
	for i, r := range rows {
		out[i] = KeySignature{Inspector: r.Inspector, Fingerprint: r.Fingerprint, PublicKey: r.PublicKey, Signature: r.Signature, SignedAt: r.SignedAt}
	}
	return out
}

// CheckKeySignature checks one key signature over the hex SHA-256 of an
// inspection's content. signedBy, when not nil, are the names the
// inspection was signed in; trusted, the public keys given by the person
// checking (from public key files), by inspector. signedHash, when not ""
// and not hash, is the hash recorded at signing: a signature good for it
// but not for hash means the content changed since.
func CheckKeySignature(ks KeySignature, hash, signedHash string, signedBy []string, trusted []Key) SignatureCheck {
	c := SignatureCheck{KeySignature: ks}
	fail := func(p SignatureProblem, format string, args ...any) SignatureCheck {
		c.Problem, c.Message = p, fmt.Sprintf("%s's signature: ", ks.Inspector)+fmt.Sprintf(format, args...)
		return c
	}
	pub, err1 := base64.StdEncoding.DecodeString(ks.PublicKey)
	sig, err2 := base64.StdEncoding.DecodeString(ks.Signature)
	if err1 != nil || err2 != nil || len(pub) != ed25519.PublicKeySize || len(sig) != ed25519.SignatureSize {
		return fail(SigUnreadable, "the recorded public key or signature is damaged")
	}
	if Fingerprint(pub) != normalFingerprint(ks.Fingerprint) {
		return fail(SigBadFingerprint, "the recorded fingerprint %s is not that of the recorded public key (%s)",
			GroupFingerprint(normalFingerprint(ks.Fingerprint)), GroupFingerprint(Fingerprint(pub)))
	}
	if signedBy != nil && !slices.Contains(signedBy, ks.Inspector) {
		return fail(SigNotSigner, "%s is not among the inspectors the inspection was signed by (%s)", ks.Inspector, strings.Join(signedBy, ", "))
	}
	if !ed25519.Verify(pub, SignedMessage(hash), sig) {
		if signedHash != "" && signedHash != hash && ed25519.Verify(pub, SignedMessage(signedHash), sig) {
			return fail(SigContentChanged, "it signs the inspection as it was signed (SHA-256 %s), which the workspace no longer holds (now %s)", signedHash, hash)
		}
		return fail(SigBadSignature, "it was not made with key %s over this inspection: made with another key, or altered", GroupFingerprint(Fingerprint(pub)))
	}
	var names []string
	for _, k := range trusted {
		if k.Inspector != ks.Inspector {
			continue
		}
		if k.Fingerprint == Fingerprint(pub) {
			c.Trusted = true
		}
		names = append(names, GroupFingerprint(k.Fingerprint))
	}
	if len(names) > 0 && !c.Trusted {
		return fail(SigUntrusted, "it was made with key %s, not with the key in the public key file given for %s (%s)",
			GroupFingerprint(Fingerprint(pub)), ks.Inspector, strings.Join(names, "; "))
	}
	c.OK = true
	return c
}

// VerifyHashSignature checks a base64 Ed25519 signature over the hex
// SHA-256 of an inspection with a public key read from a public key file:
// what an auditor holding an exported workbook can check with wb alone.
func VerifyHashSignature(sha256Hex, signatureBase64 string, k Key) SignatureCheck {
	ks := KeySignature{Inspector: k.Inspector, Fingerprint: k.Fingerprint, PublicKey: k.PublicKeyBase64(), Signature: strings.TrimSpace(signatureBase64)}
	return CheckKeySignature(ks, strings.ToLower(strings.TrimSpace(sha256Hex)), "", nil, []Key{k})
}

// missingSignatures is a failed check for each inspector a trusted public
// key was given for who made no key signature.
func missingSignatures(checks []SignatureCheck, trusted []Key) []SignatureCheck {
	var out []SignatureCheck
	seen := map[string]bool{}
	for _, c := range checks {
		seen[c.Inspector] = true
	}
	for _, k := range trusted {
		if seen[k.Inspector] {
			continue
		}
		seen[k.Inspector] = true
		out = append(out, SignatureCheck{KeySignature: KeySignature{Inspector: k.Inspector, Fingerprint: k.Fingerprint, PublicKey: k.PublicKeyBase64()},
			Problem: SigMissing, Message: fmt.Sprintf("%s's signature: there is none, though a public key file was given for %s", k.Inspector, k.Inspector)})
	}
	return out
}

// exportKeySignatures gives a case's key signatures as the workbook shows
// them.
func (a *App) exportKeySignatures(ctx context.Context, caseID int64) ([]export.KeySignature, error) {
	rows, err := a.store.KeySignatures(ctx, caseID)
	if err != nil {
		return nil, err
	}
	var out []export.KeySignature
	for _, r := range rows {
		out = append(out, export.KeySignature{Inspector: r.Inspector, Fingerprint: r.Fingerprint, PublicKey: r.PublicKey, Signature: r.Signature})
	}
	return out, nil
}

// WorkbookVerification is the outcome of checking the signatures an
// exported workbook shows.
type WorkbookVerification struct {
	File   string `json:"file"`
	CaseID int64  `json:"case_id"`
	// SHA256 is the inspection's hash as the workbook shows it.
	SHA256 string `json:"sha256"`
	// OK is true when the workbook shows a hash and at least one key
	// signature, and every signature verifies (and, for an inspector a
	// public key file was given for, was made with that key).
	OK         bool             `json:"ok"`
	Signatures []SignatureCheck `json:"signatures"`
	// Problem says why OK is false when no signature is to blame.
	Problem string `json:"problem,omitempty"`
}

// VerifyWorkbook checks the key signatures an exported workbook's Summary
// shows against the SHA-256 it shows. It cannot recompute that hash — the
// workbook leaves out what the hash covers (the template, the proposals'
// records, unmasked text) — so it proves that the named keys signed an
// inspection with this hash; that the workbook's sheets are that
// inspection is checked with wb inspect verify in the workspace, or after
// importing the case's bundle. trusted are the public key files the
// auditor holds.
func VerifyWorkbook(path string, trusted []Key) (WorkbookVerification, error) {
	ws, err := export.ReadSignatures(path)
	if err != nil {
		return WorkbookVerification{}, err
	}
	v := WorkbookVerification{File: path, CaseID: ws.CaseID, SHA256: ws.SHA256, Signatures: []SignatureCheck{}}
	switch {
	case ws.SHA256 == "":
		v.Problem = "the workbook shows no signature: the inspection was not signed when it was exported"
		return v, nil
	case len(ws.KeySignatures) == 0:
		v.Problem = "the inspection was signed without keys: its SHA-256 proves no signer"
		return v, nil
	}
	v.OK = true
	for _, s := range ws.KeySignatures {
		v.Signatures = append(v.Signatures, CheckKeySignature(KeySignature{Inspector: s.Inspector, Fingerprint: s.Fingerprint,
			PublicKey: s.PublicKey, Signature: s.Signature}, ws.SHA256, "", nil, trusted))
	}
	v.Signatures = append(v.Signatures, missingSignatures(v.Signatures, trusted)...)
	for _, ch := range v.Signatures {
		v.OK = v.OK && ch.OK
	}
	return v, nil
}
