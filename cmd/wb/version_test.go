package main

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench/store"
)

// TestVersionStamped: what the release build stamps with -ldflags -X (as
// scripts/release/release.sh does) is what wb version prints, in text and
// JSON. The packages are compiled already for TestMain's binary, so this
// costs one link.
func TestVersionStamped(t *testing.T) {
	const sha = "e1959a4c0ffee0123456789abcdef0123456789a"
	const pkg = "github.com/inspection-workbench/workbench/internal/version"
	bin := filepath.Join(t.TempDir(), "wb")
	build := exec.Command("go", "build", "-o", bin, "-ldflags",
		"-X "+pkg+".Version=v0.2.0 -X "+pkg+".Commit="+sha+" -X "+pkg+".Date=2026-12-07T05:00:00Z", ".")
	build.Env = append(build.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build with -ldflags -X: %v\n%s", err, out)
	}
	saved := wbBin
	wbBin = bin
	t.Cleanup(func() { wbBin = saved })

	out := ok(t, "version")
	for _, want := range []string{"wb v0.2.0\n", "commit:  " + sha + "\n", "built:   2026-12-07T05:00:00Z\n", "go:      " + runtime.Version()} {
		if !strings.Contains(out, want) {
			t.Errorf("version output lacks %q:\n%s", want, out)
		}
	}
	var v struct {
		Version       string `json:"version"`
		Commit        string `json:"commit"`
		Date          string `json:"date"`
		Go            string `json:"go"`
		SchemaVersion int    `json:"schema_version"`
	}
	decode(t, ok(t, "version", "--json"), &v)
	if v.Version != "v0.2.0" || v.Commit != sha || v.Date != "2026-12-07T05:00:00Z" || v.Go != runtime.Version() || v.SchemaVersion != store.LatestSchemaVersion() {
		t.Errorf("version --json = %+v", v)
	}
}
