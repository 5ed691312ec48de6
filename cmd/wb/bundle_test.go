package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench/app"
)

// TestBundleCommands writes a signed case as a bundle, imports it into a
// second workspace where wb inspect verify and wb audit verify pass, and
// checks the refusals' exit status and wording: a wrong passphrase, a
// replay into the source workspace, no passphrase without a terminal.
func TestBundleCommands(t *testing.T) {
	ws := concludedWorkspace(t)
	dir := t.TempDir()
	keys := filepath.Join(dir, "keys")
	pass := "correct horse battery staple"
	env := []string{app.KeysDirEnv + "=" + keys, app.PassphraseEnv + "=" + pass}
	run := func(env []string, args ...string) result {
		t.Helper()
		return wb(t, env, args...)
	}
	for _, args := range [][]string{
		{"--workspace", ws, "key", "new", "--inspector", "张明"},
		{"--workspace", ws, "inspect", "sign", "--case", "1", "--key", "张明"},
	} {
		if r := run(env, args...); r.code != 0 {
			t.Fatalf("%v: %d %s", args, r.code, r.stderr)
		}
	}
	out := filepath.Join(dir, "case1.wbx")
	r := run(env, "--workspace", ws, "bundle", "export", "--case", "1", "--out", out, "--json")
	if r.code != 0 {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	var exp struct {
		File     string `json:"file"`
		SHA256   string `json:"sha256"`
		CaseID   int64  `json:"case_id"`
		BundleID string `json:"bundle_id"`
		Tables   []struct {
			Name string `json:"name"`
			Rows int64  `json:"rows"`
		} `json:"tables"`
	}
	decode(t, r.stdout, &exp)
	if exp.File != out || len(exp.SHA256) != 64 || exp.CaseID != 1 || len(exp.Tables) < 5 {
		t.Fatalf("export JSON: %+v", exp)
	}

	ws2 := filepath.Join(dir, "ws2")
	if r := run(nil, "--workspace", ws2, "init"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	wrong := []string{app.PassphraseEnv + "=not the passphrase"}
	if r := run(wrong, "--workspace", ws2, "bundle", "import", out); r.code != 1 || !strings.Contains(r.stderr, "wrong passphrase") || !strings.Contains(r.stderr, "case1.wbx") {
		t.Fatalf("wrong passphrase: %d %q", r.code, r.stderr)
	}
	r = run(env, "--workspace", ws2, "bundle", "import", out)
	if r.code != 0 || !strings.Contains(r.stdout, "as case 1") {
		t.Fatalf("import: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run(env, "--workspace", ws2, "inspect", "verify", "--case", "1"); r.code != 0 {
		t.Fatalf("inspect verify after import: %d %s %s", r.code, r.stdout, r.stderr)
	}
	for _, w := range []string{ws, ws2} {
		if r := run(nil, "--workspace", w, "audit", "verify"); r.code != 0 {
			t.Fatalf("audit verify %s: %d %s", w, r.code, r.stderr)
		}
	}
	if r := run(env, "--workspace", ws, "bundle", "import", out); r.code != 1 || !strings.Contains(r.stderr, "exported from this workspace") {
		t.Fatalf("replay: %d %q", r.code, r.stderr)
	}
	// No passphrase and no terminal: an error, not a hang.
	if r := run(nil, "--workspace", ws2, "bundle", "import", out); r.code != 1 || !strings.Contains(r.stderr, app.PassphraseEnv) {
		t.Fatalf("no passphrase: %d %q", r.code, r.stderr)
	}
	if r := run(env, "--workspace", ws, "bundle", "export", "--case", "1"); r.code != 2 {
		t.Fatalf("no --out: %d %q", r.code, r.stderr)
	}
}
