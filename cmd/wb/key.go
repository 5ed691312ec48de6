package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/store"
)

// keyJSON is the JSON shape of a signing key in wb key new, key list and
// key export.
type keyJSON struct {
	Inspector   string `json:"inspector"`
	Fingerprint string `json:"fingerprint"`
	PublicKey   string `json:"public_key"`
	Created     string `json:"created,omitempty"`
	Path        string `json:"path,omitempty"`
}

func toKeyJSON(k app.Key) keyJSON {
	j := keyJSON{Inspector: k.Inspector, Fingerprint: k.Fingerprint, PublicKey: k.PublicKeyBase64(), Path: k.Path}
	if !k.Created.IsZero() {
		j.Created = k.Created.UTC().Format(time.RFC3339)
	}
	return j
}

// newPassphrase asks for a new passphrase: from $WB_PASSPHRASE as it is,
// else at the terminal, its strength shown and typed twice.
func newPassphrase(e *env, prompt, key string) (string, error) {
	p, err := passphrase(e, prompt, key)
	if err != nil {
		return "", err
	}
	if _, env := os.LookupEnv(app.PassphraseEnv); !env {
		fmt.Fprintf(e.stderr, "Strength: %s\n", strengthWords[app.PassphraseStrength(p)])
		again, err := passphrase(e, "The same passphrase again: ", key)
		if err != nil {
			return "", err
		}
		if err := app.CheckNewPassphrase(p, again); err != nil {
			return "", err
		}
	}
	return p, nil
}

// passphrase gives the passphrase of $WB_PASSPHRASE, else asks for it on
// the terminal without echo; key names the key for the prompt and the
// error.
func passphrase(e *env, prompt, key string) (string, error) {
	if p, ok := os.LookupEnv(app.PassphraseEnv); ok {
		return p, nil
	}
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", &app.KeyError{Problem: app.KeyNoPassphrase, Key: key}
	}
	fmt.Fprint(e.stderr, prompt)
	b, err := term.ReadPassword(fd)
	fmt.Fprintln(e.stderr)
	if err != nil {
		return "", fmt.Errorf("read the passphrase: %w", err)
	}
	return string(b), nil
}

// strengthWords words app.PassphraseStrength for the terminal.
var strengthWords = []string{"too short", "weak", "fair", "good", "strong"}

var keyNewCommand = command{
	name:    "key new",
	summary: "make an inspector's signing key (Ed25519), its private key encrypted under a passphrase outside the workspace",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		inspector := fs.String("inspector", "", "the inspector's `NAME`, as the case records it (required)")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			if strings.TrimSpace(*inspector) == "" {
				return usagef("--inspector NAME is required")
			}
			if err := app.CheckInspectorName(*inspector); err != nil {
				return err
			}
			r, err := app.OpenKeyRing("")
			if err != nil {
				return err
			}
			p, err := newPassphrase(e, fmt.Sprintf("Passphrase for %s's new key (at least %d characters): ", *inspector, app.MinPassphraseLength), *inspector)
			if err != nil {
				return err
			}
			k, err := r.New(*inspector, p)
			if err != nil {
				return err
			}
			audited := auditKeyCreated(ctx, e, k)
			if e.json {
				return writeJSON(e.stdout, toKeyJSON(k))
			}
			_, err = fmt.Fprintf(e.stdout, "Made a signing key for %s\nFingerprint: %s\nPassphrase strength: %s\nKept in %s\nHand colleagues its public key: wb key export --key %s --out FILE.pub\n",
				k.Inspector, app.GroupFingerprint(k.Fingerprint), strengthWords[app.PassphraseStrength(p)], k.Path, k.Fingerprint[:8])
			if err == nil && audited != "" {
				_, err = fmt.Fprintf(e.stdout, "Recorded in the audit trail of %s\n", audited)
			}
			return err
		}
	},
}

var keyListCommand = command{
	name:    "key list",
	summary: "list the signing keys in the keys folder ($WB_KEYS_DIR, else your configuration directory)",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			r, err := app.OpenKeyRing("")
			if err != nil {
				return err
			}
			keys, err := r.List()
			if err != nil {
				return err
			}
			if e.json {
				out := make([]keyJSON, len(keys))
				for i, k := range keys {
					out[i] = toKeyJSON(k)
				}
				return writeJSON(e.stdout, out)
			}
			if len(keys) == 0 {
				_, err := fmt.Fprintf(e.stdout, "No signing keys in %s (wb key new --inspector NAME makes one)\n", r.Dir())
				return err
			}
			rows := [][]string{{"INSPECTOR", "FINGERPRINT", "CREATED"}}
			for _, k := range keys {
				rows = append(rows, []string{k.Inspector, app.GroupFingerprint(k.Fingerprint), k.Created.Local().Format("2006-01-02 15:04")})
			}
			if err := writeTable(e.stdout, rows); err != nil {
				return err
			}
			_, err = fmt.Fprintf(e.stdout, "\n%s in %s\n", plural(len(keys), "key", "keys"), r.Dir())
			return err
		}
	},
}

var keyExportCommand = command{
	name:    "key export",
	summary: "write a signing key's public key file, to hand to colleagues and auditors",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		ref := fs.String("key", "", "the key: the inspector's `NAME` or the fingerprint's first digits (may be left out when there is one key)")
		out := fs.String("out", "", "the public key `FILE.pub` to write (default: standard output)")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			k, err := findKey(*ref)
			if err != nil {
				return err
			}
			data := k.PublicFile()
			if *out == "" {
				if e.json {
					return writeJSON(e.stdout, toKeyJSON(k))
				}
				_, err := e.stdout.Write(data)
				return err
			}
			if err := os.WriteFile(*out, data, 0o644); err != nil {
				return fmt.Errorf("write the public key file: %w", err)
			}
			if e.json {
				j := toKeyJSON(k)
				j.Path, _ = filepath.Abs(*out)
				return writeJSON(e.stdout, j)
			}
			_, err = fmt.Fprintf(e.stdout, "Wrote %s's public key to %s\nFingerprint: %s\n", k.Inspector, *out, app.GroupFingerprint(k.Fingerprint))
			return err
		}
	},
}

// findKey finds the key ref names in the keys folder; "" means the only
// key there.
func findKey(ref string) (app.Key, error) {
	r, err := app.OpenKeyRing("")
	if err != nil {
		return app.Key{}, err
	}
	if ref != "" {
		return r.Find(ref)
	}
	keys, err := r.List()
	if err != nil {
		return app.Key{}, err
	}
	if len(keys) != 1 {
		return app.Key{}, usagef("--key NAME is required: the keys folder holds %s", plural(len(keys), "key", "keys"))
	}
	return keys[0], nil
}

// unlockKeys finds and unlocks each key refs name, asking for each one's
// passphrase.
func unlockKeys(e *env, refs []string) ([]*app.SigningKey, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	r, err := app.OpenKeyRing("")
	if err != nil {
		return nil, err
	}
	var out []*app.SigningKey
	for _, ref := range refs {
		k, err := r.Find(ref)
		if err != nil {
			return nil, err
		}
		p, err := passphrase(e, fmt.Sprintf("Passphrase of %s's key %s: ", k.Inspector, app.GroupFingerprint(k.Fingerprint)[:19]), k.Inspector)
		if err != nil {
			return nil, err
		}
		sk, err := r.Unlock(k, p)
		if err != nil {
			return nil, err
		}
		out = append(out, sk)
	}
	return out, nil
}

// readPublicFiles reads the public key files given with --pub.
func readPublicFiles(paths []string) ([]app.Key, error) {
	var keys []app.Key
	for _, p := range paths {
		k, err := app.ReadPublicFile(p)
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, nil
}

// auditKeyCreated records a new key in the audit trail of the workspace wb
// would use (--workspace, $WB_WORKSPACE, else the default) when there is
// one, and returns its folder. The key lives outside every workspace, so
// without one nothing is recorded; a workspace that cannot be opened (in
// use by the GUI) is said on standard error, and the key is kept.
func auditKeyCreated(ctx context.Context, e *env, k app.Key) string {
	dir, err := app.ResolveWorkspaceDir(e.workspace)
	if err != nil {
		return ""
	}
	a, err := app.Open(ctx, dir, false)
	if errors.Is(err, store.ErrNoWorkspace) {
		return ""
	}
	if err == nil {
		err = a.Audit(ctx, workbench.AuditKeyCreated, "key/"+k.Fingerprint, 0,
			map[string]any{"inspector": k.Inspector, "fingerprint": k.Fingerprint})
		if cerr := a.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "wb key new: the key is made, but not recorded in the audit trail of %s: %s\n", dir, oneLine(err.Error()))
		return ""
	}
	return dir
}
