package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/inspection-workbench/workbench/assets"
)

func openApp(t *testing.T) *App {
	t.Helper()
	a, err := Open(context.Background(), t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

func TestCreateCaseValidation(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	valid := func() CaseInput {
		return CaseInput{Provider: "星河智算", Service: "星河对话"}
	}
	tests := []struct {
		name    string
		mutate  func(*CaseInput)
		field   string
		problem Problem
	}{
		{"empty provider", func(in *CaseInput) { in.Provider = "  " }, FieldProvider, ProblemEmpty},
		{"empty service", func(in *CaseInput) { in.Service = "" }, FieldService, ProblemEmpty},
		{"bad credit code", func(in *CaseInput) { in.CreditCode = "91310115MA1K4RJ73E" }, FieldCreditCode, ProblemCreditCode},
		{"provider with line break", func(in *CaseInput) { in.Provider = "a\nb" }, FieldProvider, ProblemControl},
		{"very long title", func(in *CaseInput) { in.Title = strings.Repeat("长", MaxNameLen+1) }, FieldTitle, ProblemTooLong},
		{"NUL in title", func(in *CaseInput) { in.Title = "a\x00b" }, FieldTitle, ProblemControl},
		{"bad date", func(in *CaseInput) { in.OpenedOn = "2024/3/5" }, FieldOpenedOn, ProblemFormat},
		{"impossible date", func(in *CaseInput) { in.OpenedOn = "2024-02-30" }, FieldOpenedOn, ProblemFormat},
		{"unknown modality", func(in *CaseInput) { in.Modalities = []string{"smell"} }, FieldModality, ProblemFormat},
		{"empty inspector", func(in *CaseInput) { in.Inspectors = []string{"张明", " "} }, FieldInspector, ProblemEmpty},
		{"inspector twice", func(in *CaseInput) { in.Inspectors = []string{"张明", "张明"} }, FieldInspector, ProblemDuplicate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := valid()
			tt.mutate(&in)
			_, err := a.CreateCase(ctx, in)
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field || fe.Problem != tt.problem {
				t.Fatalf("err = %#v, want field %s problem %d", err, tt.field, tt.problem)
			}
			if ErrorCode(err) != workbench.CodeInvalid {
				t.Errorf("ErrorCode = %s", ErrorCode(err))
			}
		})
	}
	cases, err := a.ListCases(ctx)
	if err != nil || len(cases) != 0 {
		t.Fatalf("invalid input wrote cases: %v, %v", cases, err)
	}
}

func TestCreateCaseNormalises(t *testing.T) {
	a := openApp(t)
	a.now = func() time.Time { return time.Date(2026, 3, 5, 23, 0, 0, 0, time.Local) }
	c, err := a.CreateCase(context.Background(), CaseInput{
		Provider: "  星河智算 ", CreditCode: "91310115ma1k4rj73d", Service: "对话",
		Modalities: []string{"视频, TEXT", "image", "text"}, Inspectors: []string{" 张明 "},
	})
	if err != nil {
		t.Fatal(err)
	}
	if c.Provider.Name != "星河智算" || c.Provider.CreditCode != "91310115MA1K4RJ73D" ||
		c.Title != "星河智算 — 对话" || c.OpenedOn != "2026-03-05" || c.Status != "open" ||
		c.ChecklistTemplate != DefaultChecklistTemplate || c.Inspectors[0] != "张明" {
		t.Errorf("case = %+v", c)
	}
	if got := c.Service.Modalities; len(got) != 3 || got[0] != "text" || got[1] != "image" || got[2] != "video" {
		t.Errorf("modalities = %v, want text,image,video", got)
	}
	if _, err := a.GetCase(context.Background(), c.ID+1); ErrorCode(err) != workbench.CodeNotFound {
		t.Errorf("unknown case: %v (code %s)", err, ErrorCode(err))
	}
}

func TestSeedDemo(t *testing.T) {
	a := openApp(t)
	ctx := context.Background()
	if _, err := ValidateCreditCode(DemoCase().CreditCode); err != nil {
		t.Fatalf("demo credit code: %v", err)
	}
	created, err := a.SeedDemo(ctx)
	if err != nil || !created {
		t.Fatalf("SeedDemo = %v, %v", created, err)
	}
	created, err = a.SeedDemo(ctx)
	if err != nil || created {
		t.Fatalf("second SeedDemo = %v, %v; want nothing added", created, err)
	}
	cases, _ := a.ListCases(ctx)
	if len(cases) != 1 || cases[0].Provider.Name != DemoCase().Provider {
		t.Errorf("cases = %+v", cases)
	}
	subs, err := a.ListSubmissions(ctx, cases[0].ID)
	if err != nil || len(subs) != 14 {
		t.Fatalf("demo submissions = %+v, %v", subs, err)
	}
	records := map[string]int{}
	kinds := map[string]string{}
	for _, s := range subs {
		records[s.FileName] = s.Records + s.Passages
		kinds[s.FileName] = s.Kind
		if s.Warnings != 0 {
			t.Errorf("%s imported with %d warnings", s.FileName, s.Warnings)
		}
	}
	if records["data-sources.xlsx"] != 15 || records["annotation-qa.csv"] != 24 || records["algorithm.json"] != 1 ||
		records["incidents.csv"] != 3000 || records["annotation-rules.docx"] < 10 || records["algorithm-description.pdf"] < 6 {
		t.Errorf("records and passages by file = %v", records)
	}
	// The provider's safety testing (#17), each file told from its headers.
	for file, want := range map[string]struct {
		kind    workbench.Kind
		records int
	}{
		"keyword-library.xlsx": {workbench.KeywordLibrary, 10500},
		"test-questions.xlsx":  {workbench.TestQuestion, 2036 + 558 + 535},
		"test-results.csv":     {workbench.TestResult, 1200 + 2000 + 800 + 500 + 400},
		"corpus-checks.xlsx":   {workbench.CorpusCheck, 15 + 3},
		"xinghe-gen-0001.png":  {workbench.LabelSample, 1},
		"xinghe-gen-0004.png":  {workbench.LabelSample, 1},
	} {
		if kinds[file] != string(want.kind) || records[file] != want.records {
			t.Errorf("%s: %s with %d records, want %s with %d", file, kinds[file], records[file], want.kind, want.records)
		}
	}
}

// TestDemoSampleMatchesTestdata keeps the embedded demo files identical to
// testdata/sample, which wbgen regenerates and documents.
func TestDemoSampleMatchesTestdata(t *testing.T) {
	entries, err := fs.ReadDir(assets.Demo, "demo")
	if err != nil || len(entries) == 0 {
		t.Fatalf("embedded demo: %v", err)
	}
	for _, e := range entries {
		if e.IsDir() { // labels/: TestDemoLabelSamplesMatchTestdata
			continue
		}
		embedded, _ := fs.ReadFile(assets.Demo, "demo/"+e.Name())
		sample, err := os.ReadFile(filepath.Join("..", "testdata", "sample", e.Name()))
		if err != nil || string(sample) != string(embedded) {
			t.Errorf("assets/demo/%s differs from testdata/sample (copy it over after go run ./cmd/wbgen sample)", e.Name())
		}
	}
}

func TestResolveWorkspaceDir(t *testing.T) {
	t.Setenv(WorkspaceEnv, "/from/env")
	if d, _ := ResolveWorkspaceDir("/from/flag"); d != "/from/flag" {
		t.Errorf("flag not preferred: %s", d)
	}
	if d, _ := ResolveWorkspaceDir(""); d != "/from/env" {
		t.Errorf("env not used: %s", d)
	}
	t.Setenv(WorkspaceEnv, "")
	t.Setenv("XDG_DATA_HOME", "/xdg")
	d, err := ResolveWorkspaceDir("")
	if err != nil || !filepath.IsAbs(d) {
		t.Fatalf("default = %q, %v", d, err)
	}
	def, _ := DefaultWorkspaceDir()
	demo, _ := DemoWorkspaceDir()
	if d != def || def == demo {
		t.Errorf("default %q, demo %q", def, demo)
	}
}

func TestSecondAppRefused(t *testing.T) {
	dir := t.TempDir()
	a, err := Open(context.Background(), dir, true)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	_, err = Open(context.Background(), dir, true)
	if ErrorCode(err) != workbench.CodeInUse {
		t.Fatalf("second open: %v (code %s), want in_use", err, ErrorCode(err))
	}
}
