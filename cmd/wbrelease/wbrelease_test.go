package main

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"image"
	pngenc "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCLITargetsBuild: the pure-Go part of the release — wb for every
// platform in scripts/release/targets with CGO_ENABLED=0 — resolves: no
// package of its build is missing on any target or needs cgo there (the
// build constraints leave Go files for each). go list is used rather than
// a cross build, which would compile everything six times and cost CI
// minutes; make release compiles them, and repro.sh twice.
func TestCLITargetsBuild(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "scripts", "release", "targets"))
	if err != nil {
		t.Fatal(err)
	}
	var targets []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			targets = append(targets, l)
		}
	}
	want := []string{"windows/amd64", "linux/amd64", "linux/arm64", "linux/loong64", "darwin/amd64", "darwin/arm64"}
	if strings.Join(targets, " ") != strings.Join(want, " ") {
		t.Errorf("targets %v, want the platforms of issue #18 %v", targets, want)
	}
	for _, target := range targets {
		t.Run(strings.ReplaceAll(target, "/", "-"), func(t *testing.T) {
			t.Parallel()
			if msg := goListTarget(t, target); msg != "" {
				t.Errorf("wb for %s with CGO_ENABLED=0:\n%s", target, msg)
			}
		})
	}
	// The check can fail: js/wasm is a platform the SQLite driver lacks.
	t.Run("js-wasm-refused", func(t *testing.T) {
		t.Parallel()
		if msg := goListTarget(t, "js/wasm"); msg == "" {
			t.Error("go list finds nothing wrong with wb for js/wasm, which modernc.org/sqlite does not support")
		}
	})
}

// goListTarget is what go list reports wrong with wb's build for target
// ("GOOS/GOARCH") with CGO_ENABLED=0: "" when nothing.
func goListTarget(t *testing.T, target string) string {
	t.Helper()
	goos, goarch, _ := strings.Cut(target, "/")
	cmd := exec.Command("go", "list", "-e", "-deps", "-f",
		`{{if .Error}}{{.ImportPath}}: {{.Error}}{{"\n"}}{{end}}{{range .DepsErrors}}{{.}}{{"\n"}}{{end}}`, "../wb")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return err.Error() + ": " + string(out)
	}
	return strings.TrimSpace(string(out))
}

// TestScriptsParse: the release scripts are valid bash.
func TestScriptsParse(t *testing.T) {
	scripts, _ := filepath.Glob(filepath.Join("..", "..", "scripts", "release", "*.sh"))
	if len(scripts) < 4 {
		t.Fatalf("release scripts: %v", scripts)
	}
	for _, s := range scripts {
		if out, err := exec.Command("bash", "-n", s).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", s, err, out)
		}
	}
}

func TestICO(t *testing.T) {
	png, err := os.ReadFile(filepath.Join("..", "..", "assets", "icon.png"))
	if err != nil {
		t.Fatal(err)
	}
	ico, err := ICO(png)
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	if le.Uint16(ico[0:]) != 0 || le.Uint16(ico[2:]) != 1 || le.Uint16(ico[4:]) != 1 {
		t.Errorf("icon header % x", ico[:6])
	}
	if ico[6] != 0 || ico[7] != 0 { // 256×256 is written 0×0
		t.Errorf("icon size %d×%d, want 0×0 (256)", ico[6], ico[7])
	}
	if size, off := le.Uint32(ico[14:]), le.Uint32(ico[18:]); int(size) != len(png) || off != 22 || !bytes.Equal(ico[22:], png) {
		t.Errorf("icon entry: size %d offset %d", size, off)
	}
	var big bytes.Buffer
	if err := pngenc.Encode(&big, image.NewGray(image.Rect(0, 0, 512, 512))); err != nil {
		t.Fatal(err)
	}
	if _, err := ICO(big.Bytes()); err == nil || !strings.Contains(err.Error(), "larger") {
		t.Errorf("a 512-pixel icon: %v", err)
	}
}

func TestResourceScript(t *testing.T) {
	m, err := ReadAppMeta(filepath.Join("..", "..", "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	m.Details.Version, m.Details.Build = "0.2.0", 7
	rc, err := ResourceScript(m, "v0.2.0-3-gabc1234", "workbench.ico")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`1 ICON "workbench.ico"`, "FILEVERSION 0,2,0,7", "PRODUCTVERSION 0,2,0,7",
		`VALUE "FileVersion", "0.2.0.7"`, `VALUE "ProductVersion", "v0.2.0-3-gabc1234"`, `VALUE "ProductName", "Inspection Workbench"`} {
		if !strings.Contains(rc, want) {
			t.Errorf("resource script lacks %q:\n%s", want, rc)
		}
	}
	m.Details.Version = "latest"
	if _, err := ResourceScript(m, "v1", "x.ico"); err == nil {
		t.Error("a Version that is not MAJOR.MINOR.PATCH was accepted")
	}
}

func TestDebianVersion(t *testing.T) {
	for in, want := range map[string]string{
		"v0.2.0":                  "0.2.0",
		"v0.2.0-3-gabc1234":       "0.2.0+3.gabc1234",
		"v0.2.0-3-gabc1234-dirty": "0.2.0+3.gabc1234.dirty",
		"v1.0.0-rc1":              "1.0.0~rc1",
		"v1.0.0-rc1-2-gdef5678":   "1.0.0~rc1+2.gdef5678",
		"v0.2.0-dirty":            "0.2.0+dirty",
		"abc1234":                 "0.0.0+gabc1234",
		"abc1234-dirty":           "0.0.0+gabc1234.dirty",
	} {
		if got := DebianVersion(in); got != want {
			t.Errorf("DebianVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWriteZip: the same files give the same bytes whatever their times
// on disk; names are sorted under the folder's name, executables keep x.
func TestWriteZip(t *testing.T) {
	build := func(stamp time.Time) []byte {
		dir := filepath.Join(t.TempDir(), "pkg")
		os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
		os.WriteFile(filepath.Join(dir, "b.txt"), []byte("b"), 0o600)
		os.WriteFile(filepath.Join(dir, "a.exe"), []byte("MZ"), 0o700)
		os.WriteFile(filepath.Join(dir, "sub", "c.txt"), []byte("c"), 0o644)
		for _, f := range []string{"b.txt", "a.exe", "sub/c.txt"} {
			os.Chtimes(filepath.Join(dir, f), stamp, stamp)
		}
		var buf bytes.Buffer
		if err := WriteZip(&buf, dir, time.Unix(1765000000, 0)); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	one, two := build(time.Now()), build(time.Unix(1, 0))
	if !bytes.Equal(one, two) {
		t.Fatal("the same files gave different zips")
	}
	zr, err := zip.NewReader(bytes.NewReader(one), int64(len(one)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name+" "+f.Mode().String())
		if !f.Modified.Equal(time.Unix(1765000000, 0)) {
			t.Errorf("%s: time %v", f.Name, f.Modified)
		}
	}
	if got := strings.Join(names, ", "); got != "pkg/a.exe -rwxr-xr-x, pkg/b.txt -rw-r--r--, pkg/sub/c.txt -rw-r--r--" {
		t.Errorf("entries: %s", got)
	}
}

func TestBuildModules(t *testing.T) {
	out := "wb: go1.26.8\n\tpath\tgithub.com/inspection-workbench/workbench/cmd/wb\n" +
		"\tmod\tgithub.com/inspection-workbench/workbench\t(devel)\t\n" +
		"\tdep\tgithub.com/BurntSushi/toml\tv1.5.0\th1:x=\n" +
		"\tdep\texample.com/old\tv1.0.0\n\t=>\texample.com/new\tv1.1.0\th1:y=\n" +
		"\tbuild\t-trimpath=true\n"
	got := BuildModules(out)
	want := []Module{{"github.com/BurntSushi/toml", "v1.5.0"}, {"example.com/new", "v1.1.0"}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("BuildModules = %v, want %v", got, want)
	}
	if d := ModuleDir("/c", Module{"github.com/BurntSushi/toml", "v1.5.0"}); d != filepath.FromSlash("/c/github.com/!burnt!sushi/toml@v1.5.0") {
		t.Errorf("ModuleDir = %s", d)
	}
}

// TestNotices generates the notices from a made-up module cache: every
// module's licence files, the font's notice, PDFium's licence from
// go-pdfium's README, the Go licence and the Apache text in the appendix;
// a module without a licence file fails the generation.
func TestNotices(t *testing.T) {
	dir := t.TempDir()
	write := func(p, text string) {
		p = filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	apache := "Apache License\nVersion 2.0, January 2004\n…\nEND OF TERMS AND CONDITIONS\n\nThis product also includes BSD-licensed code.\n"
	write("cache/github.com/!burnt!sushi/toml@v1.5.0/COPYING", "The MIT License (MIT) — toml")
	write("cache/github.com/tetratelabs/wazero@v1.12.0/LICENSE", apache)
	write("cache/github.com/klippa-app/go-pdfium@v1.21.4/LICENSE", "MIT License — Klippa")
	write("cache/github.com/klippa-app/go-pdfium@v1.21.4/README.md", "# go-pdfium\n\n## PDFium\n\nPlease be aware that PDFium comes with the `Apache License 2.0` license.\n\n### Threads\n\nmore\n\n## Next\n")
	write("cache/github.com/klippa-app/go-pdfium@v1.21.4/internal/pdfium_wasm/pdfium.wasm", "\x00\x01Copyright (C) 1991-2024 The libjpeg-turbo Project and many others\x00")
	write("goroot/LICENSE", "Copyright 2009 The Go Authors.")
	write("NOTICE", "DroidSansFallbackFull.ttf — Droid Sans Fallback\nApache 2.0")
	in := NoticeInput{
		Binaries: map[string][]Module{
			"windows-amd64/workbench.exe": {{"github.com/BurntSushi/toml", "v1.5.0"}, {"github.com/klippa-app/go-pdfium", "v1.21.4"}, {"github.com/tetratelabs/wazero", "v1.12.0"}},
			"linux-amd64/wb":              {{"github.com/klippa-app/go-pdfium", "v1.21.4"}},
		},
		ModCache: filepath.Join(dir, "cache"), GoRoot: filepath.Join(dir, "goroot"), GoVersion: "go1.26.8",
		FontNotice: filepath.Join(dir, "NOTICE"),
	}
	text, err := Notices(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Droid Sans Fallback", "PDFium comes with the `Apache License 2.0` license",
		"Copyright (C) 1991-2024 The libjpeg-turbo Project", "Copyright 2009 The Go Authors.",
		"github.com/BurntSushi/toml v1.5.0\nin: windows-amd64/workbench.exe", "The MIT License (MIT) — toml",
		"github.com/klippa-app/go-pdfium v1.21.4\nin: linux-amd64/wb, windows-amd64/workbench.exe",
		"Appendix: Apache License, Version 2.0\n(the text as github.com/tetratelabs/wazero v1.12.0 LICENSE carries it)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("notices lack %q", want)
		}
	}
	if strings.Contains(text, "Threads") {
		t.Error("the PDFium section ran into the next section of the README")
	}
	if appendix := text[strings.Index(text, "Appendix: Apache"):]; !strings.HasSuffix(appendix, "END OF TERMS AND CONDITIONS\n") {
		t.Errorf("the Apache appendix does not end with the terms:\n%s", appendix)
	}
	in.Binaries["linux-amd64/wb"] = append(in.Binaries["linux-amd64/wb"], Module{"example.com/nolicence", "v0.1.0"})
	write("cache/example.com/nolicence@v0.1.0/go.mod", "module example.com/nolicence")
	if _, err := Notices(in); err == nil || !strings.Contains(err.Error(), "example.com/nolicence v0.1.0") {
		t.Errorf("a module without a licence: %v", err)
	}
}
