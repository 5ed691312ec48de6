package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench/store"
)

// wbBin is the CLI built with CGO_ENABLED=0 by TestMain; the tests run the
// real binary, as scripts do.
var wbBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "wb-cli-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	wbBin = filepath.Join(dir, "wb")
	build := exec.Command("go", "build", "-o", wbBin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build wb with CGO_ENABLED=0: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

// wb runs the binary with a clean environment plus env.
func wb(t *testing.T, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(wbBin, args...)
	cmd.Env = append([]string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "LANG=en_US.UTF-8"}, env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run wb: %v", err)
	}
	return result{code, out.String(), errOut.String()}
}

// ok runs wb and fails the test unless it exits 0 with nothing on stderr.
func ok(t *testing.T, args ...string) string {
	t.Helper()
	r := wb(t, nil, args...)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("wb %s: exit %d, stderr %q", strings.Join(args, " "), r.code, r.stderr)
	}
	return r.stdout
}

// decode parses stdout as exactly one JSON document.
func decode(t *testing.T, stdout string, v any) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(stdout))
	if err := dec.Decode(v); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	if dec.More() {
		t.Fatalf("stdout holds more than one JSON document:\n%s", stdout)
	}
}

// assertFailure checks the error contract: the exit code, one line on
// stderr mentioning each of want, nothing on stdout.
func assertFailure(t *testing.T, r result, code int, want ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit %d, want %d (stderr %q)", r.code, code, r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("stdout %q, want nothing", r.stdout)
	}
	if strings.Count(r.stderr, "\n") != 1 || !strings.HasSuffix(r.stderr, "\n") {
		t.Errorf("stderr %q, want exactly one line", r.stderr)
	}
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr %q does not mention %q", r.stderr, w)
		}
	}
}

func TestInitIsIdempotent(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	var first, second struct {
		Workspace     string `json:"workspace"`
		SchemaVersion int    `json:"schema_version"`
		Created       bool   `json:"created"`
	}
	decode(t, ok(t, "init", "--workspace", ws, "--json"), &first)
	decode(t, ok(t, "init", "--workspace", ws, "--json"), &second)
	if !first.Created || second.Created || first.Workspace != ws || second.SchemaVersion != store.LatestSchemaVersion() {
		t.Errorf("init JSON: first %+v, second %+v", first, second)
	}
	if out := ok(t, "init", "--workspace", ws); !strings.Contains(out, ws) {
		t.Errorf("init text output %q does not name the workspace", out)
	}
}

type caseOut struct {
	ID         int64    `json:"id"`
	Provider   string   `json:"provider"`
	CreditCode string   `json:"credit_code"`
	Service    string   `json:"service"`
	FilingNo   string   `json:"filing_no"`
	Status     string   `json:"status"`
	Title      string   `json:"title"`
	Inspectors []string `json:"inspectors"`
	Modalities []string `json:"modalities"`
	OpenedOn   string   `json:"opened_on"`
}

func TestCaseLifecycle(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	id := strings.TrimSpace(ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算科技有限公司",
		"--credit-code", "91110108MA7XH2TQ5E", "--service", "星河对话", "--filing-no", "Beijing-XingheChat-20240315",
		"--inspector", "张明", "--inspector", "李华", "--modality", "text,image", "--opened", "2026-11-02"))
	if !regexp.MustCompile(`^[1-9][0-9]*$`).MatchString(id) {
		t.Fatalf("case new printed %q, want the new case id", id)
	}

	var created caseOut
	decode(t, ok(t, "--workspace", ws, "case", "new", "--provider", "另一家公司", "--service", "绘图", "--title", "Drawing service", "--json"), &created)
	if created.ID == 0 || created.Provider != "另一家公司" || created.Service != "绘图" || created.Status != "open" || created.Title != "Drawing service" {
		t.Errorf("case new --json = %+v", created)
	}

	var list []caseOut
	decode(t, ok(t, "case", "list", "--workspace", ws, "--json"), &list)
	if len(list) != 2 || fmt.Sprint(list[0].ID) != id || list[0].Provider != "星河智算科技有限公司" ||
		list[0].Service != "星河对话" || list[0].Status != "open" || list[1].ID != created.ID {
		t.Fatalf("case list --json = %+v", list)
	}

	var shown caseOut
	decode(t, ok(t, "case", "show", id, "--workspace", ws, "--json"), &shown)
	if shown.CreditCode != "91110108MA7XH2TQ5E" || shown.FilingNo != "Beijing-XingheChat-20240315" ||
		strings.Join(shown.Inspectors, ",") != "张明,李华" || strings.Join(shown.Modalities, ",") != "text,image" ||
		shown.OpenedOn != "2026-11-02" {
		t.Errorf("case show --json = %+v", shown)
	}
	text := ok(t, "case", "show", "--workspace", ws, id)
	for _, want := range []string{"星河智算科技有限公司", "91110108MA7XH2TQ5E", "张明, 李华", "2026-11-02"} {
		if !strings.Contains(text, want) {
			t.Errorf("case show text lacks %q:\n%s", want, text)
		}
	}
	table := ok(t, "case", "list", "--workspace", ws)
	if !strings.Contains(table, "星河对话") || !strings.Contains(table, "绘图") {
		t.Errorf("case list text:\n%s", table)
	}

	// WB_WORKSPACE stands in for --workspace.
	r := wb(t, []string{"WB_WORKSPACE=" + ws}, "case", "list", "--json")
	var viaEnv []caseOut
	decode(t, r.stdout, &viaEnv)
	if r.code != 0 || len(viaEnv) != 2 {
		t.Errorf("WB_WORKSPACE: exit %d, %d cases", r.code, len(viaEnv))
	}
}

func TestBadInputWritesNothing(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	ok(t, "case", "new", "--workspace", ws, "--provider", "星河", "--credit-code", "91110108MA7XH2TQ5E", "--service", "对话")
	dbBefore := snapshot(t, ws)

	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"invalid credit code", []string{"--provider", "P", "--credit-code", "91110108MA7XH2TQ5F", "--service", "S"}, []string{"check character", "E"}},
		{"credit code too short", []string{"--provider", "P", "--credit-code", "1234", "--service", "S"}, []string{"18"}},
		{"empty provider", []string{"--provider", " ", "--service", "S"}, []string{"provider name is empty"}},
		{"empty service", []string{"--provider", "P", "--service", ""}, []string{"service name is empty"}},
		{"bad opened date", []string{"--provider", "P", "--service", "S", "--opened", "5/3/2024"}, []string{"YYYY-MM-DD"}},
		{"credit code of another provider", []string{"--provider", "别家", "--credit-code", "91110108MA7XH2TQ5E", "--service", "S"}, []string{"already recorded", "星河"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := wb(t, nil, append([]string{"case", "new", "--workspace", ws}, tt.args...)...)
			assertFailure(t, r, 1, tt.want...)
			if after := snapshot(t, ws); after != dbBefore {
				t.Errorf("workspace changed:\nbefore %s\nafter  %s", dbBefore, after)
			}
		})
	}

	t.Run("invalid input never creates a workspace", func(t *testing.T) {
		fresh := filepath.Join(t.TempDir(), "fresh")
		assertFailure(t, wb(t, nil, "case", "new", "--workspace", fresh, "--provider", "", "--service", "S"), 1)
		if _, err := os.Stat(fresh); !os.IsNotExist(err) {
			t.Errorf("a failed case new created %s", fresh)
		}
	})
	t.Run("unknown case id", func(t *testing.T) {
		assertFailure(t, wb(t, nil, "case", "show", "99", "--workspace", ws), 1, "99", "not found")
		assertFailure(t, wb(t, nil, "case", "show", "abc", "--workspace", ws, "--json"), 1, "abc")
	})
	t.Run("missing workspace for a read", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "missing")
		assertFailure(t, wb(t, nil, "case", "list", "--workspace", missing), 1, "no workspace", "wb init")
		if _, err := os.Stat(missing); !os.IsNotExist(err) {
			t.Error("case list created the workspace")
		}
	})
	t.Run("unwritable workspace folder", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "plain-file")
		os.WriteFile(file, []byte("x"), 0o600)
		assertFailure(t, wb(t, nil, "init", "--workspace", filepath.Join(file, "ws")), 1, "cannot")
		assertFailure(t, wb(t, nil, "case", "new", "--workspace", filepath.Join(file, "ws"), "--provider", "P", "--service", "S"), 1, "cannot")
	})
}

// snapshot describes a workspace's rows, to show that nothing changed.
func snapshot(t *testing.T, ws string) string {
	t.Helper()
	s, err := store.Open(context.Background(), ws, store.Options{})
	if err != nil {
		t.Fatalf("open %s: %v", ws, err)
	}
	defer s.Close()
	var b strings.Builder
	for _, table := range []string{"providers", "services", "cases", "case_inspectors", "schema_migrations"} {
		var n int
		s.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n)
		fmt.Fprintf(&b, "%s=%d ", table, n)
	}
	return b.String()
}

func TestUsageErrors(t *testing.T) {
	ws := t.TempDir()
	for name, args := range map[string][]string{
		"unknown command":    {"frobnicate"},
		"unknown sub":        {"case", "delete"},
		"unknown flag":       {"case", "list", "--workspace", ws, "--colour"},
		"missing provider":   {"case", "new", "--workspace", ws, "--service", "S"},
		"missing service":    {"case", "new", "--workspace", ws, "--provider", "P"},
		"show without id":    {"case", "show", "--workspace", ws},
		"stray argument":     {"case", "list", "--workspace", ws, "extra"},
		"flag without value": {"case", "new", "--provider"},
	} {
		t.Run(name, func(t *testing.T) {
			assertFailure(t, wb(t, nil, args...), 2)
		})
	}
	if r := wb(t, nil); r.code != 2 || !strings.Contains(r.stderr, "Usage") {
		t.Errorf("no arguments: exit %d, stderr %q", r.code, r.stderr)
	}
	if out := ok(t, "case", "new", "--help"); !strings.Contains(out, "--credit-code") && !strings.Contains(out, "-credit-code") {
		t.Errorf("case new --help:\n%s", out)
	}
	entries, _ := os.ReadDir(ws)
	if len(entries) != 0 {
		t.Errorf("usage errors wrote %d entries into the workspace folder", len(entries))
	}
}

func TestWorkspaceInUse(t *testing.T) {
	ws := t.TempDir()
	s, err := store.Open(context.Background(), ws, store.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	assertFailure(t, wb(t, nil, "case", "list", "--workspace", ws, "--json"), 1, "in use")
	assertFailure(t, wb(t, nil, "case", "new", "--workspace", ws, "--provider", "P", "--service", "S"), 1, "in use")
	if cases, _ := s.ListCases(context.Background()); len(cases) != 0 {
		t.Errorf("a refused process wrote %d cases", len(cases))
	}
}

func TestVersion(t *testing.T) {
	if out := ok(t, "version", "--workspace", "/nonexistent"); !strings.HasPrefix(out, "wb ") {
		t.Errorf("version: %q", out)
	}
	var v struct {
		Version       string `json:"version"`
		SchemaVersion int    `json:"schema_version"`
	}
	decode(t, ok(t, "version", "--json"), &v)
	if v.Version == "" || v.SchemaVersion != store.LatestSchemaVersion() {
		t.Errorf("version --json = %+v", v)
	}
}

// TestLayering checks the import rules of the architecture: the CLI builds
// without Fyne, store and importers stand alone, app is free of Fyne, the
// GUI reaches the store only through app — and no package of ours, nor any
// dependency except excelize (which calls http.DetectContentType, a pure
// function, when adding pictures), imports net/http or dials out.
func TestLayering(t *testing.T) {
	const mod = "github.com/inspection-workbench/workbench/"
	imports := func(pkg string, deps bool) map[string][]string {
		args := []string{"list", "-f", `{{.ImportPath}} {{join .Imports " "}}`}
		if deps {
			args = append(args, "-deps")
		}
		out, err := exec.Command("go", append(args, pkg)...).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		m := map[string][]string{}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			f := strings.Fields(line)
			m[f[0]] = f[1:]
		}
		return m
	}
	banned := map[string][]string{
		"cmd/wb":    {"fyne.io/", mod + "ui"},
		"app":       {"fyne.io/", mod + "ui"},
		"store":     {"fyne.io/", mod + "app", mod + "ui", mod + "importers"},
		"importers": {"fyne.io/", mod + "app", mod + "ui", mod + "store"},
	}
	for pkg, bans := range banned {
		for dep := range imports(mod+pkg, true) {
			for _, b := range bans {
				if dep == b || (strings.HasSuffix(b, "/") && strings.HasPrefix(dep, b)) {
					t.Errorf("%s depends on %s", pkg, dep)
				}
			}
		}
	}
	for _, imp := range imports(mod+"ui", false)[mod+"ui"] {
		if imp == mod+"store" || strings.HasPrefix(imp, mod+"importers") {
			t.Errorf("ui imports %s directly; go through app", imp)
		}
	}
	// Our own packages import no networking at all. The CLI reaches
	// net/http only through excelize (http.DetectContentType) and expvar,
	// which bleve imports to publish its statistics: expvar registers a
	// handler on http.DefaultServeMux, and nothing here ever serves it or
	// makes a request.
	for pkg, imps := range imports(mod+"...", false) {
		for _, imp := range imps {
			if imp == "net" || strings.HasPrefix(imp, "net/") && imp != "net/url" {
				t.Errorf("%s imports %s", pkg, imp)
			}
		}
	}
	for pkg, imps := range imports(mod+"cmd/wb", true) {
		if slices.Contains(imps, "net/http") && !strings.HasPrefix(pkg, "net/") && !strings.HasPrefix(pkg, "github.com/xuri/excelize/") && pkg != "expvar" {
			t.Errorf("cmd/wb reaches net/http through %s", pkg)
		}
	}
	// Fyne can fetch resources from URLs; we never ask it to.
	out, _ := exec.Command("grep", "-rlE", `LoadResourceFromURLString|storage\.ParseURI\("http`, "--include=*.go", "../..").Output()
	for _, f := range strings.Fields(string(out)) {
		if !strings.HasSuffix(f, "main_test.go") {
			t.Errorf("%s loads a resource from a URL", f)
		}
	}
}

func TestImportCommand(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	id := strings.TrimSpace(ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河对话"))
	good := filepath.Join(t.TempDir(), "incidents.csv")
	os.WriteFile(good, []byte("事件编号,发现时间,事件类别,处置措施\nINC-1,2024/3/5 14:03,违法内容,停止生成\nINC-2,不详,投诉举报,警示\n"), 0o600)
	bad := filepath.Join("..", "..", "testdata", "bad", "image.csv")

	type fileReport struct {
		File     string `json:"file"`
		SHA256   string `json:"sha256"`
		Kind     string `json:"kind"`
		Status   string `json:"status"`
		Records  int    `json:"records"`
		Warnings []struct {
			Location string `json:"location"`
			Message  string `json:"message"`
		} `json:"warnings"`
		Error string `json:"error"`
	}
	var rep struct {
		Files []fileReport `json:"files"`
	}
	r := wb(t, nil, "import", "--workspace", ws, "--case", id, "--label", "trade_secret", good, bad, "--json")
	// Standard error says, one line a file, which failed and why, then
	// how many.
	if lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n"); r.code != 1 || len(lines) != 2 ||
		!strings.HasPrefix(lines[0], bad+": failed: ") || !strings.Contains(lines[0], "not a text file") ||
		!strings.Contains(lines[1], "1 of 2 files failed") {
		t.Errorf("exit %d, stderr %q; want exit 1 naming the failure", r.code, r.stderr)
	}
	decode(t, r.stdout, &rep)
	if len(rep.Files) != 2 {
		t.Fatalf("report: %+v", rep)
	}
	g, b := rep.Files[0], rep.Files[1]
	if g.Status != "imported" || g.Kind != "incident" || g.Records != 2 || len(g.SHA256) != 64 || len(g.Warnings) != 2 ||
		g.Warnings[0].Location != "header row" || g.Warnings[1].Location != "line 3, column 2 (发现时间)" || g.Error != "" || g.File != good {
		t.Errorf("good file: %+v", g)
	}
	if b.Status != "failed" || b.Records != 0 || !strings.Contains(b.Error, "not a text file") || b.Warnings == nil {
		t.Errorf("bad file: %+v", b)
	}
	// Again: the good file is a duplicate, nothing fails, exit 0.
	var again struct {
		Files []fileReport `json:"files"`
	}
	decode(t, ok(t, "import", "--workspace", ws, "--case", id, good, "--json"), &again)
	if again.Files[0].Status != "duplicate" || again.Files[0].Records != 0 {
		t.Errorf("second import: %+v", again.Files[0])
	}
	text := ok(t, "import", "--workspace", ws, "--case", id, good)
	if !strings.Contains(text, "duplicate") {
		t.Errorf("text report: %q", text)
	}

	assertFailure(t, wb(t, nil, "import", "--workspace", ws, "--case", "99", good), 1, "case 99 not found")
	assertFailure(t, wb(t, nil, "import", "--workspace", ws, "--case", id, "--kind", "bogus", good), 2, "kind")
	assertFailure(t, wb(t, nil, "import", "--workspace", ws, "--case", id), 2, "file")
	assertFailure(t, wb(t, nil, "import", "--workspace", ws, good), 2, "--case")
}

// TestImportReportsLeftOutRows checks what wb import says of the rows it
// left out as notes and of values outside a vocabulary, in JSON and text,
// and that --keep-notes keeps the rows; and that with --json every failed
// file still gets one line on standard error, however long its error.
func TestImportReportsLeftOutRows(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	id := strings.TrimSpace(ok(t, "case", "new", "--workspace", ws, "--provider", "星河智算", "--service", "星河对话"))
	dir := t.TempDir()
	log := filepath.Join(dir, "incidents.csv")
	os.WriteFile(log, []byte("事件编号,事件类别,事件描述,处置措施\nINC-1,类别甲,x,警示\nINC-2,类别乙,y,措施甲\nINC-3,类别甲,z,删除\n合计,,,3\n注：以上为一季度数据\n"), 0o600)
	noHeader := filepath.Join("..", "..", "importers", "testdata", "noheader-lo.xlsx")

	type report struct {
		File            string `json:"file"`
		Status          string `json:"status"`
		Records         int    `json:"records"`
		Error           string `json:"error"`
		SkippedRowCount int    `json:"skipped_row_count"`
		SkippedRows     []struct {
			Location, Text, Reason string
		} `json:"skipped_rows"`
		Unrecognised []struct {
			Column, Field string
			Count         int
			Examples      []string
		} `json:"unrecognised"`
		WarningCount int `json:"warning_count"`
	}
	var rep struct{ Files []report }
	r := wb(t, nil, "import", "--workspace", ws, "--case", id, log, noHeader, "--json")
	decode(t, r.stdout, &rep)
	g, b := rep.Files[0], rep.Files[1]
	if g.Status != "imported" || g.Records != 3 || g.SkippedRowCount != 2 || len(g.SkippedRows) != 2 ||
		g.SkippedRows[0].Location != "line 5" || g.SkippedRows[0].Reason != "total" || g.SkippedRows[1].Text != "注：以上为一季度数据" {
		t.Errorf("imported file: %+v", g)
	}
	if len(g.Unrecognised) != 2 || g.Unrecognised[0].Column != "事件类别" || g.Unrecognised[0].Field != "category" ||
		g.Unrecognised[0].Count != 3 || strings.Join(g.Unrecognised[0].Examples, ",") != "类别甲,类别乙" ||
		g.Unrecognised[1].Column != "处置措施" || g.Unrecognised[1].Count != 1 {
		t.Errorf("unrecognised: %+v", g.Unrecognised)
	}
	if b.Status != "failed" || strings.Count(b.Error, "\n") != 4 || b.SkippedRows == nil || b.Unrecognised == nil {
		t.Errorf("failed file: %+v", b)
	}
	if lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n"); r.code != 1 || len(lines) != 2 ||
		!strings.HasPrefix(lines[0], noHeader+": failed: no header row") || !strings.Contains(lines[0], `sheet "空白": it is empty`) {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}

	// The text report: values not recognised by column, the rows left
	// out, and a multi-line error indented under its file.
	other := filepath.Join(dir, "incidents2.csv")
	os.WriteFile(other, []byte("事件编号,事件类别\nINC-9,类别甲\n备注：另见附件\n"), 0o600)
	r = wb(t, nil, "import", "--workspace", ws, "--case", id, other, noHeader)
	for _, want := range []string{
		"事件类别 (category): 1 value not recognised, kept as written (e.g. \"类别甲\")",
		"left out 1 rows as notes, totals or sign-offs (--keep-notes imports them):\n           note: line 3: 备注：另见附件",
		"\n           sheet \"空白\": it is empty\n",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("text report does not say %q:\n%s", want, r.stdout)
		}
	}

	// --keep-notes: the note rows are records.
	kept := filepath.Join(dir, "incidents3.csv")
	os.WriteFile(kept, []byte("事件编号,事件类别\nINC-9,投诉\n注：另见附件\n"), 0o600)
	rep.Files = nil
	decode(t, ok(t, "import", "--workspace", ws, "--case", id, "--keep-notes", kept, "--json"), &rep)
	if f := rep.Files[0]; f.Records != 2 || f.SkippedRowCount != 0 || len(f.SkippedRows) != 0 {
		t.Errorf("with --keep-notes: %+v", f)
	}
}

func TestTemplateCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "incident.xlsx")
	if text := ok(t, "template", "incident", "--out", out); !strings.Contains(text, out) {
		t.Errorf("template output %q", text)
	}
	if st, err := os.Stat(out); err != nil || st.Size() < 1000 {
		t.Fatalf("template file: %v", err)
	}
	assertFailure(t, wb(t, nil, "template", "incidents", "--out", out), 2, "unknown kind")
	assertFailure(t, wb(t, nil, "template", "incident"), 2, "--out")
}
