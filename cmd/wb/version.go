package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"

	"github.com/inspection-workbench/workbench/internal/version"
	"github.com/inspection-workbench/workbench/store"
)

// versionCommand prints what the build knows about itself: the version
// (the git tag, or the commit when untagged), the commit, the build date
// (the commit's time in release builds), the schema version it writes and
// the Go toolchain and platform.
var versionCommand = command{
	name:    "version",
	summary: "print the program version, commit and build date",
	setup: func(fs *flag.FlagSet) func(context.Context, *env, []string) error {
		return func(ctx context.Context, e *env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected argument %q", args[0])
			}
			v := version.Get()
			if e.json {
				return writeJSON(e.stdout, map[string]any{
					"version":        v.Version,
					"commit":         v.Commit,
					"date":           v.Date,
					"go":             v.Go,
					"schema_version": store.LatestSchemaVersion(),
					"os":             runtime.GOOS,
					"arch":           runtime.GOARCH,
				})
			}
			_, err := fmt.Fprintf(e.stdout, "wb %s\ncommit:  %s\nbuilt:   %s\nschema:  %d\ngo:      %s %s/%s\n",
				v.Version, orUnknown(v.Commit), orUnknown(v.Date), store.LatestSchemaVersion(), v.Go, runtime.GOOS, runtime.GOARCH)
			return err
		}
	},
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
