package workbench

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// every value of every typed list, with its group.
func everyValue() map[string][]string {
	return map[string][]string{
		groupKind:     codes(Kinds),
		groupRisk:     codes(append(slices.Clone(RiskGroups), Risks...)),
		groupLabel:    codes(Labels),
		groupResult:   codes(Results),
		groupSeverity: append(codes(Severities), "none"),
		groupDecision: codes(Decisions),
		groupStatus:   codes(CaseStatuses),
		groupModality: codes(Modalities),
		groupAudit:    codes(AuditActions),
		groupPII:      codes(PIITypes),
	}
}

func TestEveryValueHasBothNames(t *testing.T) {
	for group, list := range everyValue() {
		for _, code := range list {
			n, ok := Name(group, code)
			if !ok || n.Zh == "" || n.En == "" {
				t.Errorf("%s.%s: name %+v, ok %v; want Chinese and English", group, code, n, ok)
			}
			if n.Zh == n.En {
				t.Errorf("%s.%s: Chinese and English both %q", group, code, n.Zh)
			}
		}
		// The table holds nothing the typed lists do not.
		if got := Codes(group); len(got) != len(list) {
			t.Errorf("%s: table has %v, the typed list %v", group, got, list)
		}
	}
}

func TestParseAcceptsCodeAndBothNames(t *testing.T) {
	type parser func(string) (string, error)
	parsers := map[string]parser{
		groupKind:     func(s string) (string, error) { v, err := ParseKind(s); return string(v), err },
		groupLabel:    func(s string) (string, error) { v, err := ParseLabel(s); return string(v), err },
		groupResult:   func(s string) (string, error) { v, err := ParseResult(s); return string(v), err },
		groupSeverity: func(s string) (string, error) { v, err := ParseSeverity(s); return string(v), err },
		groupModality: func(s string) (string, error) { v, err := ParseModality(s); return string(v), err },
		groupRisk:     func(s string) (string, error) { v, err := ParseRisk(s); return string(v), err },
	}
	for group, parse := range parsers {
		for _, code := range everyValue()[group] {
			if group == groupKind && !Valid(Kinds, Kind(code)) {
				if _, err := ParseKind(code); err == nil {
					t.Errorf("ParseKind(%q) accepted a kind the importers do not read yet", code)
				}
				continue
			}
			want := code
			if group == groupSeverity && code == "none" {
				want = ""
			}
			n, _ := Name(group, code)
			for _, s := range []string{code, strings.ToUpper(code), n.Zh, n.En, " " + strings.ToLower(n.En) + " ", n.Zh + " / " + n.En, n.En + "／" + n.Zh} {
				got, err := parse(s)
				if err != nil || got != want {
					t.Errorf("parse %s %q = %q, %v; want %q", group, s, got, err, want)
				}
			}
		}
		if _, err := parse("合规 / Non-compliant"); err == nil && group == groupResult {
			t.Errorf("%s: a combined name of two different values was accepted", group)
		}
		got, err := parse("nonsense")
		if err == nil {
			t.Errorf("%s: nonsense parsed as %q", group, got)
			continue
		}
		var we *Error
		if !errors.As(err, &we) || we.Code != CodeInvalid || we.Args["Value"] != "nonsense" {
			t.Errorf("%s: error %#v; want an invalid *Error naming the value", group, err)
		}
		valid, _ := we.Args["Valid"].([]string)
		if len(valid) == 0 {
			t.Errorf("%s: error lists no valid values", group)
		}
	}
}

func TestUnknownKindListsTheValidOnes(t *testing.T) {
	_, err := ParseKind("incidents")
	msg := err.Error()
	for _, k := range Kinds {
		if !strings.Contains(msg, string(k)) {
			t.Errorf("%q does not name %s", msg, k)
		}
	}
	if strings.Contains(msg, "--") {
		t.Errorf("%q holds CLI syntax; the CLI adds its own hints", msg)
	}
}

func TestNeedsFinding(t *testing.T) {
	for _, r := range Results {
		want := r == NonCompliant || r == PartiallyCompliant
		if r.NeedsFinding() != want {
			t.Errorf("%s.NeedsFinding() = %v", r, !want)
		}
	}
}

func TestErrorCodeThroughWrapping(t *testing.T) {
	base := Errorf(CodeNotFound, ReasonNoInspection, "Case", 3)
	err := fmt.Errorf("open case: %w", base)
	if ErrorCode(err) != CodeNotFound {
		t.Errorf("ErrorCode = %q", ErrorCode(err))
	}
	if ErrorCode(errors.New("disk full")) != CodeInternal || ErrorCode(nil) != "" {
		t.Error("unclassified errors are internal, nil has no code")
	}
	if !errors.Is(err, &Error{Code: CodeNotFound}) || errors.Is(err, &Error{Code: CodeConflict}) {
		t.Error("errors.Is by code")
	}
	if got := err.Error(); got != "open case: case 3 has no inspection yet" {
		t.Errorf("Error() = %q", got)
	}
}

// TestEveryReasonWordedInEnglish checks that every reason's English names
// only arguments and leaves no blank unfilled.
func TestEveryReasonWordedInEnglish(t *testing.T) {
	for _, r := range Reasons() {
		args := map[string]any{}
		for _, a := range ReasonArgs(r) {
			args[a] = "X"
		}
		msg := (&Error{Code: CodeInvalid, Reason: r, Args: args}).Error()
		if strings.Contains(msg, "{{") || msg == string(r) {
			t.Errorf("%s: %q", r, msg)
		}
		if strings.Contains(msg, "--") || strings.Contains(msg, "docs/") || strings.Contains(msg, "wb ") {
			t.Errorf("%s: %q holds CLI advice; that belongs to the CLI", r, msg)
		}
	}
}

func TestLocationText(t *testing.T) {
	for _, tc := range []struct{ en, zh string }{
		{`sheet "数据来源", row 12`, `工作表“数据来源”，第 12 行`},
		{"page 3", "第 3 页"},
		{"line 4 (offset 17)", "第 4 行（偏移 17）"},
		{"record 7", "第 7 条记录"},
		{"table 1, row 2, cell 3", "表格 1 第 2 行第 3 格"},
		{"paragraph 5", "第 5 段"},
		{"document", "整个文档"},
		{`sheet "a, b", cell B4`, `工作表“a, b”，单元格 B4`},
		{"comment 2 by 张三", "批注 2（张三）"},
		{"3 标注规则 > 3.2 安全性标注, paragraph 4", "3 标注规则 > 3.2 安全性标注，第 4 段"},
		{"line 6, column 4 (核验日期)", "第 6 行，第 4 列（核验日期）"},
		{`sheet "数据来源", row 3, column D (发现时间)`, `工作表“数据来源”，第 3 行，D 列（发现时间）`},
		{`record 2, field "found_at"`, `第 2 条记录，字段“found_at”`},
	} {
		if got := LocationText(tc.en, true); got != tc.zh {
			t.Errorf("LocationText(%q) = %q, want %q", tc.en, got, tc.zh)
		}
		if got := LocationText(tc.en, false); got != tc.en {
			t.Errorf("English %q changed to %q", tc.en, got)
		}
	}
	p := Place{Sheet: "数据来源", Row: 12, RowUnit: "row"}
	if p.String() != `sheet "数据来源", row 12` || p.Text().Zh != LocationText(p.String(), true) {
		t.Errorf("Place %q / %q", p.String(), p.Text().Zh)
	}
}
