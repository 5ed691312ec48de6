package docx

import "testing"

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		n    int
		f    string
		want string
	}{
		{3, "decimal", "3"},
		{7, "decimalZero", "07"},
		{1, "lowerLetter", "a"},
		{28, "upperLetter", "BB"},
		{14, "lowerRoman", "xiv"},
		{1, "chineseCounting", "一"},
		{10, "chineseCounting", "十"},
		{11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"},
		{21, "chineseCountingThousand", "二十一"},
		{101, "chineseCountingThousand", "一百零一"},
		{110, "chineseCountingThousand", "一百一十"},
		{1005, "chineseCountingThousand", "一千零五"},
		{10010, "chineseCountingThousand", "一万零一十"},
		{12, "ideographDigital", "一二"},
		{3, "ideographTraditional", "丙"},
		{15, "chineseLegalSimplified", "壹拾伍"},
		{2, "decimalEnclosedCircle", "②"},
		{12, "decimalFullWidth", "１２"},
		{5, "ordinal", "5"},
		{4, "none", ""},
	}
	for _, tt := range tests {
		t.Run(tt.f+"/"+tt.want, func(t *testing.T) {
			if got := formatNumber(tt.n, tt.f); got != tt.want {
				t.Errorf("formatNumber(%d, %q) = %q, want %q", tt.n, tt.f, got, tt.want)
			}
		})
	}
}

func TestTidy(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"clean", "标注规则", "标注规则"},
		{"collapse", "  a \t\t b  ", "a b"},
		{"lines", " 第一行 \n\n  第二行\n ", "第一行\n第二行"},
		{"full-width kept", "　全角　", "　全角　"},
		{"soft hyphen", "a\u00ADb", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tidy(tt.in); got != tt.want {
				t.Errorf("tidy(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
