package searchlang

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/inspection-workbench/workbench"
)

var testOpts = Options{Fields: map[string]FieldKind{
	"kind":  FieldKeyword,
	"file":  FieldKeyword,
	"label": FieldKeyword,
	"found": FieldDate,
}}

func TestParse(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"违法", "违法"},
		{"违法 report", "违法 report"},
		{"  a   b  ", "a b"},
		{`"违法内容"`, `"违法内容"`},
		{`"exact phrase" word`, `"exact phrase" word`},
		{"违法 OR 违规", "(违法 OR 违规)"},
		{"a OR b OR c d", "(a OR b OR c) d"},
		{`"a b" OR c`, `("a b" OR c)`},
		{"or and", "or and"},
		{"a -b", "a -b"},
		{`a -"b c"`, `a -"b c"`},
		{"a-b", "a-b"},
		{"kind:incident", `kind:"incident"`},
		{`file:"a b.xlsx" 违法`, `file:"a b.xlsx" 违法`},
		{"Kind:Incident", `kind:"Incident"`},
		{"-label:secret x", `-label:"secret" x`},
		{"kind:incident OR kind:record", `(kind:"incident" OR kind:"record")`},
		{"found:2024-01-01..2024-03-31", "found:2024-01-01..2024-03-31"},
		{"found:..2024-03-31", "found:..2024-03-31"},
		{"found:2024-01-01..", "found:2024-01-01.."},
		{"found:2024-02-15", "found:2024-02-15..2024-02-15"},
		{`found:"2024-01-01..2024-01-02"`, "found:2024-01-01..2024-01-02"},
		{"10:30 说明:内容", "10:30 说明:内容"},
		{`"http://x.cn"`, `"http://x.cn"`},
		{"abc\"d e\"", `abc "d e"`},
		// full-width forms
		{"违法\u3000内容", "违法 内容"},
		{"“违法内容”", `"违法内容"`},
		{"「违法内容」 x", `"违法内容" x`},
		{"kind：incident", `kind:"incident"`},
		{"file：「报告 1.pdf」", `file:"报告 1.pdf"`},
	}
	for _, tc := range tests {
		q, err := Parse(tc.in, testOpts)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if got := q.String(); got != tc.want {
			t.Errorf("Parse(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestParseDetails(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	q, err := Parse("x found:2024-01-01..2024-03-31", Options{Fields: testOpts.Fields, Location: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	d := q.Clauses[1].Any[0]
	if d.Kind != TermDate || d.Field != "found" || d.Pos != 3 {
		t.Fatalf("term = %+v", d)
	}
	if want := time.Date(2024, 1, 1, 0, 0, 0, 0, shanghai); !d.From.Equal(want) {
		t.Errorf("From = %v, want %v", d.From, want)
	}
	if want := time.Date(2024, 4, 1, 0, 0, 0, 0, shanghai); !d.To.Equal(want) {
		t.Errorf("To = %v, want %v (exclusive)", d.To, want)
	}
	q, err = Parse("违 -违规", testOpts)
	if err != nil {
		t.Fatal(err)
	}
	if c := q.Clauses[1]; !c.Exclude || c.Any[0].Pos != 3 || c.Any[0].Kind != TermWord {
		t.Errorf("exclusion clause = %+v", c)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in      string
		pos     int
		contain string
	}{
		{`违法 "内容`, 4, "unterminated quote"},
		{`file:"a.xlsx`, 6, "unterminated quote"},
		{"x “违法", 3, "unterminated quote"},
		{`""`, 1, "empty phrase"},
		{"kind:", 1, `empty value for field "kind"`},
		{"a kind: b", 3, `empty value for field "kind"`},
		{`kind:""`, 1, "empty value"},
		{"foo:bar", 1, `unknown field "foo" (known fields: file, found, kind, label)`},
		{"x -owner:me", 4, `unknown field "owner"`},
		{"found:2024-13-01", 7, `bad date "2024-13-01"`},
		{"found:2024-02-30", 7, "2024-02-30 does not exist"},
		{"found:2027-02-30..", 7, "2027-02-30 does not exist"},
		{"found:2024-01-01..24-3-1", 19, `bad date "24-3-1"`},
		{"found:..", 7, "at least one date"},
		{"found:2024-03-01..2024-01-01", 7, "ends before it starts"},
		{"OR 违法", 1, "OR with nothing on its left"},
		{"违法 OR", 4, "OR with nothing on its right"},
		{"a OR OR b", 6, "OR with nothing on its left"},
		{"-a OR b", 4, "OR cannot join an exclusion"},
		{"a OR -b", 6, "OR cannot join an exclusion"},
		{"-违法", 1, "nothing to search for"},
		{`-a -"b c"`, 1, "only excludes"},
		{"", 1, "nothing to search for: the query is empty"},
		{"\u3000 ", 1, "query is empty"},
		{"a - b", 3, `"-" must be followed`},
		{"a -", 3, `"-" must be followed`},
	}
	for _, tc := range tests {
		_, err := Parse(tc.in, testOpts)
		var se *workbench.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) error = %v, want *workbench.SyntaxError", tc.in, err)
			continue
		}
		if se.Pos != tc.pos || !strings.Contains(err.Error(), tc.contain) {
			t.Errorf("Parse(%q) = %q (pos %d), want pos %d containing %q", tc.in, err, se.Pos, tc.pos, tc.contain)
		}
	}
	if _, err := Parse("kind:x", Options{}); err == nil || !strings.Contains(err.Error(), "no fields can be filtered on") {
		t.Errorf("no fields: err = %v", err)
	}
}

func TestBleveConversionErrors(t *testing.T) {
	if _, err := (Query{}).Bleve("text"); err == nil {
		t.Error("empty Query converted")
	}
	q := Query{Clauses: []Clause{{Exclude: true, Any: []Term{{Kind: TermWord, Text: "x"}}}}}
	if _, err := q.Bleve("text"); err == nil {
		t.Error("exclusion-only Query converted")
	}
	q = Query{Clauses: []Clause{{Any: []Term{{Kind: TermDate, Field: "found"}}}}}
	if _, err := q.Bleve("text"); err == nil {
		t.Error("open-ended date converted")
	}
}

// TestUnknownValueListsTheValidOnes checks that a keyword field with a
// vocabulary refuses a value outside it, naming the valid ones, and
// searches for the canonical value of one inside it.
func TestUnknownValueListsTheValidOnes(t *testing.T) {
	kinds := []string{"data_source", "annotation_rule", "algorithm", "incident"}
	opts := Options{Fields: map[string]FieldKind{"kind": FieldKeyword},
		Values: map[string]func(string) (string, []string, bool){
			"kind": func(v string) (string, []string, bool) {
				if v == "事件与处置记录" {
					return "incident", nil, true
				}
				return v, kinds, slices.Contains(kinds, v)
			},
		}}
	_, err := Parse("违法 kind:incidents", opts)
	var se *workbench.SyntaxError
	if !errors.As(err, &se) || se.Pos != 9 || se.Reason != workbench.ReasonQueryUnknownValue {
		t.Fatalf("err = %v", err)
	}
	for _, k := range kinds {
		if !strings.Contains(err.Error(), k) {
			t.Errorf("%q does not list %s", err, k)
		}
	}
	if !slices.Equal(se.Args["Valid"].([]string), kinds) || se.Args["Value"] != "incidents" || se.Args["Field"] != "kind" {
		t.Errorf("args %v", se.Args)
	}
	if workbench.ErrorCode(err) != workbench.CodeInvalid {
		t.Errorf("code %q", workbench.ErrorCode(err))
	}
	q, err := Parse("kind:事件与处置记录", opts)
	if err != nil || q.Clauses[0].Any[0].Text != "incident" {
		t.Errorf("a kind by its name: %+v, %v", q, err)
	}
}
