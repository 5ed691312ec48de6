package app

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// sampleReadme is what a sample provider's README says the checks should
// find: the case to open, the planted problems (file, record, rule), the
// expected result of every rule and the clean records of every file.
type sampleReadme struct {
	caseArgs []string
	planted  map[string][]string // rule → "file record"
	results  map[string]string   // rule → result
	clean    map[string][]string // file → records
}

// readSampleReadme reads the machine-read sections of a sample README
// (testdata/sample2/README.md shows the shapes).
func readSampleReadme(t *testing.T, path string) sampleReadme {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := sampleReadme{planted: map[string][]string{}, results: map[string]string{}, clean: map[string][]string{}}
	cell := regexp.MustCompile(`\s*\|\s*`)
	section := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "## ") {
			section = strings.TrimPrefix(line, "## ")
			continue
		}
		if section == "Case" && strings.Contains(line, "wb case new") {
			r.caseArgs = shellWords(strings.TrimSpace(line))[3:]
			continue
		}
		if !strings.HasPrefix(line, "|") || strings.HasPrefix(line, "| ---") {
			continue
		}
		cells := cell.Split(strings.Trim(line, "| "), -1)
		file := strings.Trim(cells[0], "`")
		switch {
		case section == "Planted problems" && len(cells) >= 3 && file != "file":
			r.planted[cells[2]] = append(r.planted[cells[2]], file+" "+cells[1])
		case section == "Expected results" && len(cells) == 2 && cells[0] != "rule":
			r.results[cells[0]] = cells[1]
		case section == "Clean records" && len(cells) == 2 && file != "file":
			for _, id := range strings.Split(cells[1], ",") {
				r.clean[file] = append(r.clean[file], strings.TrimSpace(id))
			}
		}
	}
	if len(r.caseArgs) == 0 || len(r.planted) < 10 || len(r.results) < 16 || len(r.clean) == 0 {
		t.Fatalf("%s: read %d case arguments, %d planted rules, %d results, %d files of clean records",
			path, len(r.caseArgs), len(r.planted), len(r.results), len(r.clean))
	}
	return r
}

// shellWords splits a command line at spaces, keeping double-quoted words
// whole.
func shellWords(s string) []string {
	var out []string
	var b strings.Builder
	quoted, any := false, false
	for _, c := range s {
		switch {
		case c == '"':
			quoted, any = !quoted, true
		case c == ' ' && !quoted:
			if any {
				out = append(out, b.String())
			}
			b.Reset()
			any = false
		default:
			b.WriteRune(c)
			any = true
		}
	}
	if any {
		out = append(out, b.String())
	}
	return out
}

// caseInput turns wb case new's flags into a CaseInput.
func caseInput(t *testing.T, args []string) CaseInput {
	t.Helper()
	var in CaseInput
	for i := 0; i < len(args); i++ {
		flag := args[i]
		val := func() string {
			i++
			if i >= len(args) {
				t.Fatalf("flag %s without a value", flag)
			}
			return args[i]
		}
		switch flag {
		case "--provider":
			in.Provider = val()
		case "--credit-code":
			in.CreditCode = val()
		case "--service":
			in.Service = val()
		case "--filing-no":
			in.FilingNo = val()
		case "--modality":
			in.Modalities = append(in.Modalities, strings.Split(val(), ",")...)
		case "--public-opinion":
			yes := true
			in.PublicOpinion = &yes
		default:
			t.Fatalf("unknown case flag %s", flag)
		}
	}
	return in
}

// TestSecondSample imports the second sample provider — built by someone
// who read only the brief and the regulation, with other tools and other
// conventions — and checks that the checks find every planted problem,
// give each rule its expected result, and leave every clean record out of
// every proposal, as a problem or as unclear.
func TestSecondSample(t *testing.T) {
	dir := filepath.Join("..", "testdata", "sample2")
	want := readSampleReadme(t, filepath.Join(dir, "README.md"))
	ctx := context.Background()
	a := openApp(t)
	c, err := a.CreateCase(ctx, caseInput(t, want.caseArgs))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || name == "README.md" {
			continue
		}
		req := ImportRequest{CaseID: c.ID, Files: []string{filepath.Join(dir, name)}}
		// Documents carry no header to tell their kind by; the inspector
		// names it, as the README says.
		switch filepath.Ext(name) {
		case ".docx", ".pdf":
			req.Kind = workbench.Algorithm
			if strings.Contains(name, "annotation") {
				req.Kind = workbench.AnnotationRule
			}
		}
		reps, err := a.Import(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		r := reps[0]
		if r.Status != StatusImported {
			t.Fatalf("%s: %s: %s", name, r.Status, r.Error)
		}
		t.Logf("%s: %s, %d records, %d passages, %d warnings", name, r.Kind, r.Records, r.Passages, r.WarningCount)
		// The report and the list of submissions give one count.
		subs, err := a.ListSubmissions(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range subs {
			if s.ID == r.SubmissionID && s.Warnings != r.Notices() {
				t.Errorf("%s: the list says %d warnings, the import report %d", name, s.Warnings, r.Notices())
			}
		}
		if name == "incidents.csv" {
			// The provider words its actions its own way on most rows
			// (复核后解除限制, 恢复账号功能): one summary for the column
			// says so, where the first is and what the field allows, not
			// a warning per row that buries the few that matter.
			if r.WarningCount > 10 || len(r.Unrecognised) != 1 {
				t.Errorf("%s: %d warnings, %d column summaries: want a few warnings and one summary for 处置措施: %+v", name, r.WarningCount, len(r.Unrecognised), r.Unrecognised)
			} else if u := r.Unrecognised[0]; u.Count < 500 || !strings.HasPrefix(u.First, "line 2,") || !slices.Contains(u.Valid, "停止生成") {
				t.Errorf("%s: summary %+v: want over 500 values, the first at line 2, and the field's terms", name, u)
			}
		}
		if name == "annotation_rules.docx" {
			// Its headings use the writer's own style names (一级标题,
			// 二级标题): passages still stand under them.
			ps, err := a.Passages(ctx, r.SubmissionID, 0, 1000)
			if err != nil {
				t.Fatal(err)
			}
			under := 0
			for _, p := range ps {
				if strings.Contains(p.HeadingPath, `"3.3 安全性标注"`) && strings.Contains(p.HeadingPath, `"3 标注规则"`) {
					under++
				}
			}
			if under == 0 {
				t.Errorf("%s: no passage stands under 3 标注规则 > 3.3 安全性标注", name)
			}
		}
		if name == "data_sources.xlsx" {
			// The total and the sign-off below the table are no records;
			// the import report says so, and so do the stored warnings.
			if r.Records != 19 || r.SkippedRowCount < 2 {
				t.Errorf("%s: %d records, %d rows left out: %+v", name, r.Records, r.SkippedRowCount, r.SkippedRows)
			}
			ws, err := a.SubmissionWarnings(ctx, r.SubmissionID)
			if err != nil {
				t.Fatal(err)
			}
			total := false
			for _, w := range ws {
				total = total || strings.Contains(w.Message, "left out as a total") && strings.Contains(w.Location, "row 22")
			}
			if !total {
				t.Errorf("%s: no stored warning for the total row: %+v", name, ws)
			}
		}
	}
	if _, err := a.StartInspection(ctx, c.ID, ""); err != nil {
		t.Fatal(err)
	}
	run, err := a.RunChecks(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	clean := map[string]bool{}
	for file, ids := range want.clean {
		for _, id := range ids {
			clean[file+" "+id] = true
		}
	}
	flagged := map[string][]string{}
	for _, p := range run.Proposals {
		if w, ok := want.results[p.Rule]; ok && w != p.Result {
			t.Errorf("%s: %s, want %s (%s)", p.Rule, p.Result, w, p.Summary.En)
		}
		for _, r := range p.Records {
			key := r.File + " " + r.ID
			flagged[p.Rule] = append(flagged[p.Rule], key)
			if clean[key] {
				what := "a problem"
				if r.Unclear {
					what = "unclear"
				}
				t.Errorf("%s flags the clean record %s as %s: %s", p.Rule, key, what, r.Problem.En)
			}
		}
	}
	for rule, keys := range want.planted {
		for _, k := range keys {
			if !slices.Contains(flagged[rule], k) {
				t.Errorf("%s misses the planted problem %s (it flags %q)", rule, k, flagged[rule])
			}
		}
	}
}
