// Package version holds what a build knows about itself: the program
// version, the commit it was built from and the build date. Release builds
// set them with the linker:
//
//	-ldflags "-X github.com/inspection-workbench/workbench/internal/version.Version=v0.2.0
//	          -X github.com/inspection-workbench/workbench/internal/version.Commit=<sha>
//	          -X github.com/inspection-workbench/workbench/internal/version.Date=2026-12-07T05:00:00Z"
//
// (scripts/release/release.sh and the Makefile do). A plain go build
// leaves them unset; Get then falls back to what the Go toolchain stamped
// into the binary (the VCS revision and commit time) and to the default
// version below. The package imports nothing of ours and no cgo, so both
// the GUI and the pure-Go CLI read it.
package version

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// Version is the program version: the git tag (v0.2.0) the build was made
// from, `git describe` output (v0.2.0-3-gabc1234) after it, or the
// abbreviated commit when there is no tag. Set by -ldflags -X.
var Version = ""

// Commit is the full SHA-1 of the commit built. Set by -ldflags -X.
var Commit = ""

// Date is the build date, RFC 3339 in UTC. Release builds use the commit's
// time, so that building the same commit twice gives the same bytes. Set
// by -ldflags -X.
var Date = ""

// Default is the version a build that was not given one reports.
const Default = "0.1.0-dev"

// Info is what a build knows about itself; its JSON shape is that of
// `wb version --json`.
type Info struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
	Date    string `json:"date"`
	Go      string `json:"go"`
}

// Get returns the build's version, commit and date, each from the linker
// flags when given, else from the toolchain's VCS stamp (go build in a
// git checkout), else Default for the version and "" for the others.
func Get() Info {
	return get(Version, Commit, Date, readBuildInfo)
}

// String is the version alone, as Get gives it.
func String() string { return Get().Version }

var readBuildInfo = debug.ReadBuildInfo

func get(v, commit, date string, read func() (*debug.BuildInfo, bool)) Info {
	info := Info{Version: v, Commit: commit, Date: date, Go: runtime.Version()}
	if bi, ok := read(); ok && bi != nil {
		modified := false
		var rev, at string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if info.Commit == "" {
			info.Commit = rev
		}
		if info.Date == "" {
			info.Date = at
		}
		if info.Version == "" && rev != "" {
			// No tag known: the commit names the build, as git describe
			// --always would.
			info.Version = short(rev)
			if modified {
				info.Version += "-dirty"
			}
		}
	}
	if info.Version == "" {
		info.Version = Default
	}
	return info
}

func short(rev string) string {
	rev = strings.TrimSpace(rev)
	if len(rev) > 7 {
		return rev[:7]
	}
	return rev
}
