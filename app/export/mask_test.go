package export

import (
	"github.com/inspection-workbench/workbench"
	"strings"
	"testing"
)

func TestMaskPersonalInfo(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Resident identity numbers.
		{"id", "110105194912310021", "110105194912310021"}, // wrong check digit (valid one is X)
		{"id X", piID, piIDMask},
		{"id lower x", "11010519491231002x", "110**************x"},
		{"id digit check", "110101199003071233", "110**************3"},
		{"id in Chinese", "身份证号310115198506122347，已核实", "身份证号310**************7，已核实"},
		{"id leap day", "320102199202291234", "320**************4"},
		{"id 6-8-4", "110101 19900307 1233", "110*** ******** ***3"},
		{"id wrong check digit", "110101199003071234", "110101199003071234"},
		{"id bad date", "110101199002301234", "110101199002301234"},
		{"id bad province", "990101199003071233", "990101199003071233"},
		{"id in longer number", "1110101199003071233", "1110101199003071233"},
		{"id followed by digit", "1101011990030712330", "1101011990030712330"},
		{"id in hex", "ab110101199003071233cd", "ab110101199003071233cd"},
		{"id X then letters", "11010519491231002XYZ", "11010519491231002XYZ"},

		// Mobile numbers.
		{"mobile", "13800138000", "138****8000"},
		{"mobile spaces", "138 0013 8000", "138 **** 8000"},
		{"mobile hyphens", "138-0013-8000", "138-****-8000"},
		{"mobile +86", "+86 138 0013 8000", "+86 138 **** 8000"},
		{"mobile +86 compact", "+8613800138000", "+86138****8000"},
		{"mobile 86-", "86-13800138000", "86-138****8000"},
		{"mobile in Chinese", "手机13912345678联系", "手机139****5678联系"},
		{"mobile two", "13800138000 18612345678", "138****8000 186****5678"},
		{"mobile after date", "2024-03-15 13800138000", "2024-03-15 138****8000"},
		{"mobile 12 digits", "138001380001", "138001380001"},
		{"mobile in longer run", "013800138000", "013800138000"},
		{"mobile 12x", "电话123456789012", "电话123456789012"},
		{"mobile bad prefix", "12800138000", "12800138000"},
		{"mobile glued to letter", "tel13800138000", "tel13800138000"},
		{"mobile decimal", "3.13800138000", "3.13800138000"},
		{"full-width mobile", "手机１３８００１３８０００", "手机１３８****８０００"},

		// E-mail.
		{"email", piEmail, piEmailMask},
		{"email in Chinese", "联系zhangsan@example.com处理", "联系z***@example.com处理"},
		{"email subdomain", "a.b+c@mail.example.com.cn", "a***@mail.example.com.cn"},
		{"email one letter", "x@example.org", "x***@example.org"},
		{"not email", "user@localhost", "user@localhost"},
		{"at sign", "@SUM(1)", "@SUM(1)"},

		// Bank cards.
		{"card 19", "6222021234567890128", "***************0128"},
		{"card groups", piCard, piCardMask},
		{"card visa", "卡号4111111111111111。", "卡号************1111。"},
		{"card amex 4-6-5", "3782 822463 10005", "**** ****** *0005"},
		{"card 16 hyphens", "9558-8012-3456-7897", "****-****-****-7897"},
		{"card Luhn fails", "4111111111111112", "4111111111111112"},
		{"card bad grouping", "41 1111 1111 1111 11", "41 1111 1111 1111 11"},
		{"card 12 digits", "411111111113", "411111111113"},
		{"card 20 digits", "41111111111111111113", "41111111111111111113"},
		{"timestamp not card", "20240315103000", "20240315103000"},

		// Never masked.
		{"sha256", sampleSHA, sampleSHA},
		{"sha256 digits start", "1380013800042a1b" + sampleSHA[16:], "1380013800042a1b" + sampleSHA[16:]},
		{"credit code", "91110108MA7XH2TQ5E", "91110108MA7XH2TQ5E"},
		{"filing", "Beijing-XingheChat-20240315", "Beijing-XingheChat-20240315"},
		{"incident id", "INC-0042 (incidents.csv line 43)", "INC-0042 (incidents.csv line 43)"},
		{"date", "2025-06-30", "2025-06-30"},
		{"datetime", "2025-06-30 13:45:00", "2025-06-30 13:45:00"},
		{"dates", "2025-06-30 2025-07-01 2025-07-02", "2025-06-30 2025-07-01 2025-07-02"},
		{"count", "共 1380013 条记录", "共 1380013 条记录"},
		{"empty", "", ""},
		{"plain", "未发现问题", "未发现问题"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MaskPersonalInfo(tt.in); got != tt.want {
				t.Errorf("MaskPersonalInfo(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMaskIsIdempotentAndDeterministic(t *testing.T) {
	in := "投诉人张三，身份证" + piID + "，手机 " + piPhone + "，邮箱 " + piEmail + "，卡号 " + piCard
	once := MaskPersonalInfo(in)
	if MaskPersonalInfo(once) != once {
		t.Errorf("masking twice changes %q", once)
	}
	if !IsMaskedOf(once, in) || IsMaskedOf(in, in) || !IsMaskedOf("无", "无") {
		t.Error("IsMaskedOf")
	}
	for _, pi := range []string{piID, piPhone, piEmail, piCard} {
		if strings.Contains(once, pi) {
			t.Errorf("%q left in %q", pi, once)
		}
	}
}

func TestEscapeCell(t *testing.T) {
	for _, s := range []string{
		"", "plain", "=1+1", "+86", "-", "-3 items", "@SUM(A1)", "\t=x", "\rx", " =x", "\u3000=x", "＝1+1",
		"'", "'quoted'", "'=x", "''=x", "' =x", " '=x", "'-", "a=b", "中文=",
	} {
		e := escapeCell(s)
		if needsEscape(s) != (e != s) {
			t.Errorf("escapeCell(%q) = %q", s, e)
		}
		if got := unescapeCell(e); got != s {
			t.Errorf("unescapeCell(escapeCell(%q)) = %q", s, got)
		}
	}
	for s, want := range map[string]bool{
		"=x": true, "+x": true, "-x": true, "@x": true, "\tx": true, "\rx": true, "  =x": true, "\n-x": true,
		"＋x": true, "x=": false, "'x": false, "'=x": true, "1-2": false, "": false, " ": false,
	} {
		if needsEscape(s) != want {
			t.Errorf("needsEscape(%q) = %v", s, !want)
		}
	}
	// Text that was never escaped is left alone, even when it looks like a
	// formula (an auditor typed it).
	if unescapeCell("=x") != "=x" || unescapeCell("'x") != "'x" {
		t.Error("unescapeCell changed unescaped text")
	}
}

func TestParseResultAndSeverity(t *testing.T) {
	for in, want := range map[string]string{
		"non_compliant": "non_compliant", "Non-compliant": "non_compliant", " NON COMPLIANT ": "non_compliant",
		"不合规": "non_compliant", "不合规 / Non-compliant": "non_compliant", "不合规/non-compliant": "non_compliant",
		"合规": "compliant", "部分合规": "partially_compliant", "需补充材料": "info_requested", "information requested": "info_requested",
		"未评估": "not_assessed", "n/a": "", "maybe": "", "": "", "合规 / Non-compliant": "",
	} {
		got, ok := ParseResult(in)
		if got != want || ok != (want != "") {
			t.Errorf("ParseResult(%q) = %q, %v", in, got, ok)
		}
	}
	for in, want := range map[string]string{"": "", " ": "", "高": "high", "CRITICAL": "critical", "严重 / Critical": "critical", "Medium": "medium"} {
		if got, ok := ParseSeverity(in); !ok || got != want {
			t.Errorf("ParseSeverity(%q) = %q, %v", in, got, ok)
		}
	}
	if _, ok := ParseSeverity("urgent"); ok {
		t.Error("ParseSeverity(urgent) ok")
	}
	for _, lang := range []string{workbench.ExportLangZh, workbench.ExportLangEn, workbench.ExportLangBoth} {
		for _, c := range Results {
			if got, ok := ParseResult(ResultLabel(c, lang)); !ok || got != c {
				t.Errorf("%s: label of %s does not parse", lang, c)
			}
		}
	}
	if ResultLabel("weird", workbench.ExportLangZh) != "weird" || SeverityLabel("", workbench.ExportLangEn) != "" {
		t.Error("labels of unknown codes")
	}
}

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "合规": 4, "合规 / Compliant": 16, "ab\n中文中文": 8, "１２": 4} {
		if got := displayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}
