package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/inspection-workbench/workbench/app"
)

var inspectSignCommand = command{
	name:    "inspect sign",
	summary: "sign a concluded inspection: store a SHA-256 over its items, results, notes and evidence, signed with each --key; no change is possible after",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "case `ID` (required)")
		var keys stringList
		fs.Var(&keys, "key", "sign with the key of an inspector of the case: the inspector's `NAME` or the key fingerprint's first digits; repeat for each (wb key list)")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			a, c, err := openCaseFlag(ctx, e, *caseID)
			if err != nil {
				return err
			}
			defer a.Close()
			// Every passphrase is asked, and every key unlocked, before
			// anything is signed: a wrong one leaves the case as it was.
			sks, err := unlockKeys(e, keys)
			if err != nil {
				return err
			}
			sig, err := a.SignInspection(ctx, c.ID, sks...)
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, sig)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "Case %d's inspection is signed by %s at %s\nSHA-256: %s\n", c.ID,
				strings.Join(sig.SignedBy, ", "), sig.SignedAt.Format("2006-01-02 15:04:05 MST"), sig.SHA256)
			for _, s := range sig.Signatures {
				fmt.Fprintf(&b, "Signed with %s's key %s\n", s.Inspector, app.GroupFingerprint(s.Fingerprint))
			}
			if len(sig.Signatures) == 0 {
				b.WriteString("No key signed it: the SHA-256 proves the content, not who signed (wb inspect sign --key NAME signs with an inspector's key)\n")
			}
			_, err = fmt.Fprint(e.stdout, b.String())
			return err
		}
	},
}

// errVerifyFailed reports a signed inspection that no longer matches its
// signature (exit 1, after the report).
var errVerifyFailed = errors.New("the inspection does not match its signature")

// errSignaturesFailed reports a workbook or hash whose signatures do not
// verify (exit 1, after the report).
var errSignaturesFailed = errors.New("the signatures do not verify")

var inspectVerifyCommand = command{
	name: "inspect verify",
	summary: "recompute a signed inspection's SHA-256, report any difference from what was signed and check every key signature " +
		"(exit 1 on a mismatch); with --workbook, check the signatures an exported workbook shows",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "case `ID` (required unless --workbook)")
		workbook := fs.String("workbook", "", "check the key signatures shown by an exported workbook `FILE.xlsx` instead of a case")
		var pubs stringList
		fs.Var(&pubs, "pub", "a colleague's public key `FILE.pub` (wb key export): that inspector's signature must be made with this key; repeat for each")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			trusted, err := readPublicFiles(pubs)
			if err != nil {
				return err
			}
			if *workbook != "" {
				if *caseID != 0 {
					return usagef("give --case or --workbook, not both")
				}
				return verifyWorkbook(e, *workbook, trusted)
			}
			a, c, err := openCaseFlag(ctx, e, *caseID)
			if err != nil {
				return err
			}
			defer a.Close()
			v, err := a.VerifyInspection(ctx, c.ID, trusted...)
			if err != nil {
				return err
			}
			if e.json {
				err = writeJSON(e.stdout, v)
			} else {
				err = writeVerification(e, c.ID, v)
			}
			if err != nil {
				return err
			}
			if !v.OK {
				return errVerifyFailed
			}
			return nil
		}
	},
}

// writeVerification prints a verification for people.
func writeVerification(e *env, caseID int64, v app.Verification) error {
	var b strings.Builder
	badSigs := 0
	for _, s := range v.Signatures {
		if !s.OK {
			badSigs++
		}
	}
	switch {
	case v.OK:
		fmt.Fprintf(&b, "Case %d: the inspection matches its signature.\n", caseID)
	case len(v.Differences) == 0:
		fmt.Fprintf(&b, "Case %d: the inspection matches its SHA-256, but %s:\n", caseID,
			plural(badSigs, "key signature does NOT verify", "key signatures do NOT verify"))
	default:
		fmt.Fprintf(&b, "Case %d: the inspection does NOT match its signature; %d differences:\n", caseID, len(v.Differences))
		for _, d := range v.Differences {
			where := "case"
			if d.Item != "" {
				where = d.Item
			}
			fmt.Fprintf(&b, "  %s, %s: signed %s, now %s\n", where, d.Field, strconv.Quote(app.Clip(d.Signed, 200)), strconv.Quote(app.Clip(d.Now, 200)))
		}
	}
	fmt.Fprintf(&b, "Signed by %s at %s\nSignature:  %s\nRecomputed: %s\n", strings.Join(v.SignedBy, ", "),
		v.SignedAt.Format("2006-01-02 15:04:05 MST"), v.Signature, v.Recomputed)
	writeSignatureChecks(&b, v.Signatures)
	if len(v.Signatures) == 0 {
		b.WriteString("No key signed it: the SHA-256 proves the content, not who signed.\n")
	}
	_, err := fmt.Fprint(e.stdout, b.String())
	return err
}

// writeSignatureChecks lists each key signature's result.
func writeSignatureChecks(b *strings.Builder, checks []app.SignatureCheck) {
	for _, s := range checks {
		switch {
		case s.OK && s.Trusted:
			fmt.Fprintf(b, "  ok    %s, key %s (the key of the public key file given)\n", s.Inspector, app.GroupFingerprint(s.Fingerprint))
		case s.OK:
			fmt.Fprintf(b, "  ok    %s, key %s (compare the fingerprint with the one %s gave you)\n", s.Inspector, app.GroupFingerprint(s.Fingerprint), s.Inspector)
		default:
			fmt.Fprintf(b, "  FAIL  %s\n", s.Message)
		}
	}
}

// verifyWorkbook checks the signatures an exported workbook shows.
func verifyWorkbook(e *env, path string, trusted []app.Key) error {
	v, err := app.VerifyWorkbook(path, trusted)
	if err != nil {
		return err
	}
	if e.json {
		err = writeJSON(e.stdout, v)
	} else {
		var b strings.Builder
		if v.OK {
			fmt.Fprintf(&b, "%s: every key signature verifies over the SHA-256 the workbook shows.\n", path)
		} else {
			fmt.Fprintf(&b, "%s: the signatures do NOT verify.\n", path)
		}
		if v.Problem != "" {
			fmt.Fprintf(&b, "  %s\n", v.Problem)
		}
		if v.SHA256 != "" {
			fmt.Fprintf(&b, "SHA-256: %s\n", v.SHA256)
		}
		writeSignatureChecks(&b, v.Signatures)
		b.WriteString("This proves who signed an inspection with this SHA-256; that the sheets show that inspection is checked by wb inspect verify --case in its workspace.\n")
		_, err = fmt.Fprint(e.stdout, b.String())
	}
	if err != nil {
		return err
	}
	if !v.OK {
		return errSignaturesFailed
	}
	return nil
}

var verifySignatureCommand = command{
	name:    "verify-signature",
	summary: "check an inspector's signature over an inspection's SHA-256 with their public key file (exit 1 when it does not verify)",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		hash := fs.String("sha256", "", "the inspection's `HEX` SHA-256, as wb inspect sign printed it or the workbook shows it (required)")
		sig := fs.String("signature", "", "the `BASE64` signature (required)")
		pub := fs.String("pub", "", "the signer's public key `FILE.pub` (required)")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			if *hash == "" || *sig == "" || *pub == "" {
				return usagef("--sha256 HEX, --signature BASE64 and --pub FILE.pub are required")
			}
			if h := strings.TrimSpace(*hash); len(h) != 64 || strings.Trim(strings.ToLower(h), "0123456789abcdef") != "" {
				return usagef("--sha256 %q is not a SHA-256 in 64 hex digits", *hash)
			}
			k, err := app.ReadPublicFile(*pub)
			if err != nil {
				return err
			}
			ch := app.VerifyHashSignature(*hash, *sig, k)
			if e.json {
				err = writeJSON(e.stdout, ch)
			} else if ch.OK {
				_, err = fmt.Fprintf(e.stdout, "ok: %s signed SHA-256 %s with key %s\n", k.Inspector, strings.ToLower(strings.TrimSpace(*hash)), app.GroupFingerprint(k.Fingerprint))
			} else {
				_, err = fmt.Fprintf(e.stdout, "FAIL: %s\n", ch.Message)
			}
			if err != nil {
				return err
			}
			if !ch.OK {
				return errSignaturesFailed
			}
			return nil
		}
	},
}
