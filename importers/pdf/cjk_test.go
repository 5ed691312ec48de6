package pdf

import (
	"slices"
	"strings"
	"testing"
)

// LibreOffice with letter spacing sets each glyph on its own; PDFium gives
// "红 军 长 征". The letter-spaced lines are joined, the ordinary lines of
// the same page keep their spaces.
func TestReadPerGlyphChinese(t *testing.T) {
	r := readPromptly(t, theEngine(t), readFixture(t, "cjk-spaced.pdf"), Limits{})
	if r.err != nil {
		t.Fatalf("Read: %v", r.err)
	}
	if len(r.passages) != 1 {
		t.Fatalf("got %d passages, want 1", len(r.passages))
	}
	want := []string{
		"红军长征精神的标注规则",
		"训练数据，安全评估。",
		"基础模型 XH-Base 的安全评估",
		"safety annotation rules",
		"安全管理 制度汇编",
		"使用 safety annotation 方法进行标注",
	}
	if got := strings.Split(r.passages[0].Text, "\n"); !slices.Equal(got, want) {
		t.Errorf("lines:\n got %q\nwant %q", got, want)
	}
	if !strings.Contains(r.passages[0].Text, "红军") {
		t.Error("红军 is not found")
	}
}

func TestJoinSpacedCJK(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"per-glyph line", "红 军 长 征", "红军长征"},
		{"per-glyph with punctuation and quotes", "他 说 ： “ 红 军 ” 。", "他说：“红军”。"},
		{"Latin and numbers keep their spaces", "第 3 章 基 础 模 型 XH-Base v2 的 安 全 评 估", "第 3 章基础模型 XH-Base v2 的安全评估"},
		{"Latin words alone", "safety annotation rules", "safety annotation rules"},
		{"space between two Chinese phrases", "安全管理 制度汇编", "安全管理 制度汇编"},
		{"names separated by spaces", "张三 李四 王五", "张三 李四 王五"},
		{"mostly touching, one gap", "星河对话 算法机制机理说明", "星河对话 算法机制机理说明"},
		{"mixed line, two thirds spaced", "红 军 长 征 精神", "红军长征精神"},
		{"half spaced is not per-glyph", "红 军 长 征 精神标注规则", "红 军 长 征 精神标注规则"},
		{"double spaces are word gaps", "红 军  长 征 精 神", "红军  长征精神"},
		{"ideographic space untouched", "目　录", "目　录"},
		{"short line on an ordinary page", "算法机制机理说明\n是 否\n安全评估结论已完成", "算法机制机理说明\n是 否\n安全评估结论已完成"},
		{"short line on a per-glyph page", "目 录\n红 军 长 征 精 神\n训 练 数 据", "目录\n红军长征精神\n训练数据"},
		{"Japanese and Korean", "ひ ら が な 한 국 어", "ひらがな한국어"},
		{"no CJK", "a b c d e f", "a b c d e f"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		if got := joinSpacedCJK(tt.in); got != tt.want {
			t.Errorf("%s: joinSpacedCJK(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}
