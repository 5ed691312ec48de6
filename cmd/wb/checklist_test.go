package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// checklistFixture names a file of testdata/checklists.
func checklistFixture(name string) string {
	return filepath.Join("..", "..", "testdata", "checklists", name)
}

type templateCheckOut struct {
	File     string `json:"file"`
	Valid    bool   `json:"valid"`
	Template string `json:"template"`
	Items    int    `json:"items"`
	Errors   []struct {
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	} `json:"errors"`
}

func TestTemplateCheckValid(t *testing.T) {
	for _, tc := range []struct {
		file, id string
		items    int
	}{
		{checklistFixture("valid.yaml"), "spot-check-complaints", 2},
		{filepath.Join("..", "..", "assets", "checklists", "art19-measures-2023.yaml"), "art19-measures-2023", 32},
	} {
		want := tc.file + `: ok — template ID "` + tc.id + `", ` + strconv.Itoa(tc.items) + " items\n"
		if out := ok(t, "template-check", tc.file); out != want {
			t.Errorf("template-check %s:\n%q\nwant\n%q", tc.file, out, want)
		}
		var rep templateCheckOut
		decode(t, ok(t, "template-check", "--json", tc.file), &rep)
		if !rep.Valid || rep.File != tc.file || rep.Template != tc.id || rep.Items != tc.items || rep.Errors == nil || len(rep.Errors) != 0 {
			t.Errorf("template-check --json %s = %+v", tc.file, rep)
		}
	}
}

// TestTemplateCheckInvalid runs template-check on the malformed fixtures:
// each error is one line FILE:LINE:COL: message on stderr, followed by
// wb's one-line summary; exit status 1, nothing on stdout.
func TestTemplateCheckInvalid(t *testing.T) {
	tests := []struct {
		file string
		want []string // the error lines after "FILE:"
	}{
		{"bad-syntax.yaml", []string{`8: YAML syntax: did not find expected ',' or ']'`}},
		{"unknown-key.yaml", []string{
			`7:5: item "art13-continuity": the item is missing "guidance"`,
			`16:5: item "art13-continuity": unknown key "guidence" in the item (did you mean "guidance"?)`,
		}},
		{"duplicate-id.yaml", []string{`15:9: item "art12-labelling": id already used by the item at line 7; item ids must be unique`}},
		{"unknown-kind.yaml", []string{`17:9: item "art7-1-lawful-sources": unknown evidence kind "datasource" (want one of data_source, annotation_rule, algorithm, incident, keyword_library, test_question, test_result, corpus_check)`}},
		{"bad-query.yaml", []string{`18:9: item "art14-1-illegal-content": query "kind:incident \"停止生成": position 15: unterminated quote (opened here)`}},
		{"unknown-check.yaml", []string{`17:13: item "art17-filing": unknown check "algorithm_filings" (did you mean "algorithm_filing"?)`}},
		{"param-out-of-range.yaml", []string{`19:22: item "art7-4-data-quality": check "harmful_share": parameter "max_share": 5 is out of range (want 0 to 1)`}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			file := checklistFixture(tt.file)
			r := wb(t, nil, "template-check", file)
			if r.code != 1 || r.stdout != "" {
				t.Errorf("exit %d, stdout %q; want exit 1 and nothing on stdout", r.code, r.stdout)
			}
			lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			if len(lines) != len(tt.want)+1 {
				t.Fatalf("stderr has %d lines, want %d:\n%s", len(lines), len(tt.want)+1, r.stderr)
			}
			for i, w := range tt.want {
				if lines[i] != file+":"+w {
					t.Errorf("stderr line %d:\n%s\nwant\n%s", i+1, lines[i], file+":"+w)
				}
			}
			summary := lines[len(lines)-1]
			if !strings.HasPrefix(summary, "wb template-check: "+file+" is not a valid checklist template (") {
				t.Errorf("summary line %q", summary)
			}

			// --json: the same errors in the report, one summary line on stderr.
			r = wb(t, nil, "template-check", file, "--json")
			if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "not a valid checklist template") {
				t.Errorf("--json: exit %d, stderr %q", r.code, r.stderr)
			}
			var rep templateCheckOut
			decode(t, r.stdout, &rep)
			if rep.Valid || rep.File != file || rep.Template != "" || rep.Items != 0 || len(rep.Errors) != len(tt.want) {
				t.Fatalf("--json report %+v", rep)
			}
			for i, w := range tt.want {
				e := rep.Errors[i]
				got := strconv.Itoa(e.Line)
				if e.Column > 0 {
					got += ":" + strconv.Itoa(e.Column)
				}
				if got += ": " + e.Message; got != w {
					t.Errorf("--json error %d: %s\nwant           %s", i+1, got, w)
				}
			}
		})
	}
}

func TestTemplateCheckUsage(t *testing.T) {
	assertFailure(t, wb(t, nil, "template-check"), 2, "name one checklist template file")
	assertFailure(t, wb(t, nil, "template-check", checklistFixture("valid.yaml"), checklistFixture("bad-query.yaml")), 2, "name one")
	assertFailure(t, wb(t, nil, "template-check", "--strict", checklistFixture("valid.yaml")), 2)
	missing := filepath.Join(t.TempDir(), "missing.yaml")
	assertFailure(t, wb(t, nil, "template-check", missing), 1, "open checklist template", missing)
	assertFailure(t, wb(t, nil, "template-check", "--json", t.TempDir()), 1, "read checklist template")
	if out := ok(t, "template-check", "--help"); !strings.Contains(out, "template-check") {
		t.Errorf("template-check --help:\n%s", out)
	}
}
