package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/inspection-workbench/workbench/app"
)

var bundleExportCommand = command{
	name:    "bundle export",
	summary: "write a case as an encrypted bundle (.wbx) to hand to a colleague: rows, files, inspection, signatures, audit entries",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		caseID := fs.Int64("case", 0, "the case `ID` (required)")
		out := fs.String("out", "", "the bundle `FILE.wbx` to write (required)")
		secret := fs.Bool("include-state-secret", false, "also carry the files labelled state_secret and everything that quotes them (left out by default)")
		var recipients stringList
		fs.Var(&recipients, "recipient", "encrypt for an age public key (`age1…`, or a file of them) instead of a passphrase; may be repeated")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			if *caseID <= 0 {
				return usagef("--case ID is required")
			}
			if strings.TrimSpace(*out) == "" {
				return usagef("--out FILE.wbx is required")
			}
			req := app.BundleExportRequest{CaseID: *caseID, Path: *out, Recipients: recipients, IncludeStateSecret: *secret}
			if len(recipients) == 0 {
				p, err := newPassphrase(e, fmt.Sprintf("Passphrase for the bundle (at least %d characters): ", app.MinPassphraseLength), *out)
				if err != nil {
					return err
				}
				req.Passphrase = p
			}
			a, err := openWorkspace(ctx, e, false)
			if err != nil {
				return err
			}
			defer a.Close()
			res, err := a.ExportBundle(ctx, req)
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, res)
			}
			_, err = fmt.Fprintf(e.stdout, "Wrote case %d (%s) to %s: %d rows in %d tables, %d files, %d audit entries\nSHA-256: %s\n",
				res.CaseID, res.Title, res.Path, res.Rows, len(res.Tables), res.Files, res.AuditEntries, res.SHA256)
			if err == nil && res.StateSecretLeftOut > 0 {
				_, err = fmt.Fprintf(e.stdout, "Left out: %d files labelled state_secret and every row that quotes them (--include-state-secret carries them)\n", res.StateSecretLeftOut)
			}
			return err
		}
	},
}

var bundleImportCommand = command{
	name:    "bundle import",
	args:    "FILE.wbx",
	summary: "restore the case of an encrypted bundle into this workspace (all or nothing)",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		var identities stringList
		fs.Var(&identities, "identity", "open a bundle made for a recipient with this age identity `FILE` (AGE-SECRET-KEY-1…) instead of a passphrase; may be repeated")
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) != 1 {
				return usagef("give one bundle file: wb bundle import FILE.wbx")
			}
			req := app.BundleImportRequest{Path: args[0], Identities: identities}
			if len(identities) == 0 {
				p, err := passphrase(e, "Passphrase of the bundle: ", args[0])
				if err != nil {
					return err
				}
				req.Passphrase = p
			}
			a, err := openWorkspace(ctx, e, false)
			if err != nil {
				return err
			}
			defer a.Close()
			res, err := a.ImportBundle(ctx, req)
			if err != nil {
				return err
			}
			if e.json {
				return writeJSON(e.stdout, res)
			}
			_, err = fmt.Fprintf(e.stdout, "Imported %s as case %d (%s; case %d where it was written): %d rows in %d tables, %d files, %d audit entries of its source kept\n",
				res.Path, res.CaseID, res.Title, res.SourceCaseID, res.Rows, len(res.Tables), res.Files, res.AuditEntries)
			return err
		}
	},
}
