package values

import (
	"testing"
	"unicode/utf8"
)

func TestFoldWidth(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"ascii unchanged", "abc 123 %,", "abc 123 %,"},
		{"chinese unchanged", "是否包含", "是否包含"},
		{"full-width letters", "ＡＢＣａｂｃ", "ABCabc"},
		{"full-width digits", "１２３", "123"},
		{"full-width punctuation", "％，．：！～", "%,.:!~"},
		{"first and last", "！～", "!~"},
		{"ideographic space", "a\u3000b", "a b"},
		{"mixed", "约１.２万　条", "约1.2万 条"},
		{"percent", "３.５％", "3.5%"},
		{"other wide unchanged", "￥１００", "￥100"},
		{"fullwidth yen untouched", "￥", "￥"},
		{"neighbours not folded", "\uFF00\uFF5F\u3001", "\uFF00\uFF5F\u3001"},
		{"invalid utf8 kept", "\xff\xef\xbc", "\xff\xef\xbc"},
		{"invalid before fold", "\xffＡ", "\xffA"},
		{"truncated at end", "Ａ\xef\xbc", "A\xef\xbc"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := FoldWidth(tc.in); got != tc.want {
				t.Errorf("FoldWidth(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFoldWidthAllFullWidthASCII(t *testing.T) {
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		in := string(r)
		want := string(r - 0xFEE0)
		if got := FoldWidth(in); got != want {
			t.Errorf("FoldWidth(%U) = %q, want %q", r, got, want)
		}
	}
}

func TestFoldWidthNoAlloc(t *testing.T) {
	for _, in := range []string{"2024-03-05 14:03:05", "是否包含", "plain ascii text"} {
		if n := testing.AllocsPerRun(100, func() { _ = FoldWidth(in) }); n != 0 {
			t.Errorf("FoldWidth(%q) allocates %v times", in, n)
		}
	}
}

func TestTrim(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"none", "abc", "abc"},
		{"ascii", " \t abc \r\n", "abc"},
		{"ideographic", "\u3000abc\u3000", "abc"},
		{"nbsp", "\u00a0abc\u00a0", "abc"},
		{"zero width and bom", "\ufeff\u200babc\u200b", "abc"},
		{"only space", " \u3000 ", ""},
		{"inner kept", " a b ", "a b"},
		{"invalid utf8 kept", " \xff ", "\xff"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := trim(tc.in); got != tc.want {
				t.Errorf("trim(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCleanKeepsValidUTF8(t *testing.T) {
	for _, in := range []string{"ＡＢＣ", "　是　", "约１.２万条"} {
		if got := clean(in); !utf8.ValidString(got) {
			t.Errorf("clean(%q) = %q, not valid UTF-8", in, got)
		}
	}
}

// TestSpaceAtAllRunes checks spaceAt's shortcut on lead bytes against every
// non-ASCII white-space rune (all of which are in the Basic Multilingual
// Plane).
func TestSpaceAtAllRunes(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= 0xFFFF; r++ {
		if !isSpaceRune(r) {
			continue
		}
		if n := spaceAt(string(r), 0); n != utf8.RuneLen(r) {
			t.Errorf("spaceAt(%U) = %d, want %d", r, n, utf8.RuneLen(r))
		}
	}
}
