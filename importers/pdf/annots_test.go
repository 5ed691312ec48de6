package pdf

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/document"
)

// summary renders passages compactly: "seq p<page> [part n by author] | text".
func summary(t *testing.T, ps []document.Passage) []string {
	t.Helper()
	var out []string
	for i, p := range ps {
		if p.Seq != i+1 {
			t.Errorf("passage %d has Seq %d", i+1, p.Seq)
		}
		loc := fmt.Sprintf("p%d", p.Page)
		if pl := p.PartLocation(); pl != "" {
			loc += " " + pl
		}
		out = append(out, loc+" | "+p.Text)
	}
	return out
}

// Every kind of annotation text, side by side on one page: a filled field
// drawn by its appearance stands where it shows; a filled field without an
// appearance (NeedAppearances) is added to the page's text; a free-text
// note is drawn and read with the page; a sticky note and a comment on a
// highlight become comment passages on their page with their authors; the
// popup, the link and the check box's state add nothing. A sticky note is
// a comment even when its words also stand in the page's text. A page
// whose only text is a note gets a comment passage and no "scanned page"
// warning.
func TestReadAnnotations(t *testing.T) {
	r := readPromptly(t, theEngine(t), readFixture(t, "annotations.pdf"), Limits{})
	if r.err != nil {
		t.Fatalf("Read: %v", r.err)
	}
	want := []string{
		"p1 | 第一页正文：算法机制机理说明",
		"p1 comment 1 by 王五 | 算法",
		"p2 | 第二页正文：提供者信息\n提供者名称：\n联系人：\n星河智算科技有限公司\n自由文本批注：数据比例待核实\n王五 13800000000",
		"p2 comment 1 by 张三 | 请补充训练数据的来源清单",
		"p2 comment 2 by 李四 | 此处表述与备案材料不一致",
		"p3 comment 1 by Inspector A | Page three has no body text, only this note.",
	}
	if got := summary(t, r.passages); !slices.Equal(got, want) {
		t.Errorf("passages:\n got %q\nwant %q", got, want)
	}
	if len(r.warnings) != 0 {
		t.Errorf("warnings = %v, want none", r.warnings)
	}
	for _, p := range r.passages {
		if strings.Contains(p.Text, "Yes") || strings.Contains(p.Text, "example.invalid") {
			t.Errorf("a check box state or a link made it into the text: %q", p.Text)
		}
	}
}

// LibreOffice's form fields: their appearances draw Chinese with a font
// PDFium does not have, so flattening shows nothing and the values come
// from the fields themselves, on their page.
func TestReadFormFieldsLibreOffice(t *testing.T) {
	r := readPromptly(t, theEngine(t), readFixture(t, "form-lo.pdf"), Limits{})
	if r.err != nil {
		t.Fatalf("Read: %v", r.err)
	}
	want := []string{"p1 | 第一页：备案信息表\n提供者名称：\n基础模型：\n星河智算科技有限公司\n星河基座大模型 XH-Base v2"}
	if got := summary(t, r.passages); !slices.Equal(got, want) {
		t.Errorf("passages:\n got %q\nwant %q", got, want)
	}
}

// LibreOffice exports comments as sticky notes whose /T holds the author
// and the date.
func TestReadCommentsLibreOffice(t *testing.T) {
	r := readPromptly(t, theEngine(t), readFixture(t, "comments-lo.pdf"), Limits{})
	if r.err != nil {
		t.Fatalf("Read: %v", r.err)
	}
	want := []string{
		"p1 | 第一页：算法机制机理说明",
		"p2 | 第二页：训练数据说明见附件三。\n安全评估结论已完成。",
		"p2 comment 1 by 张三, 24年5月1日 | 请补充训练数据的来源清单",
		"p2 comment 2 by 李四, 24年5月2日 | 评估日期与备案材料不一致",
	}
	if got := summary(t, r.passages); !slices.Equal(got, want) {
		t.Errorf("passages:\n got %q\nwant %q", got, want)
	}
	for _, p := range r.passages[2:] {
		if p.Part != document.PartComment || p.Author == "" || p.Paragraph != 0 {
			t.Errorf("comment passage %+v", p)
		}
	}
}

// A dynamic XFA form showing only its "Please wait..." page imports no
// passage and one warning telling the inspector what to do.
func TestReadXFAPlaceholder(t *testing.T) {
	r := readPromptly(t, theEngine(t), readFixture(t, "xfa-placeholder.pdf"), Limits{})
	if r.err != nil {
		t.Fatalf("Read: %v", r.err)
	}
	if len(r.passages) != 0 {
		t.Errorf("the placeholder was imported as text: %q", summary(t, r.passages))
	}
	if len(r.warnings) != 1 || r.warnings[0].Location != "document" || r.warnings[0].Message != xfaUnreadableMessage ||
		r.warnings[0].Reason != workbench.ReasonXFAForm || r.warnings[0].Args["What"] != "unreadable" {
		t.Fatalf("warnings = %v, want one document warning %q", r.warnings, xfaUnreadableMessage)
	}
	for _, s := range []string{"XFA form", "cannot be read", "export or print it to a normal PDF"} {
		if !strings.Contains(xfaUnreadableMessage, s) {
			t.Errorf("the XFA warning does not say %q", s)
		}
	}
}

// A dynamic XFA form with text of its own keeps it, with a warning that it
// may not be the whole form.
func TestReadXFAWithText(t *testing.T) {
	r := readPromptly(t, theEngine(t), readFixture(t, "xfa-with-text.pdf"), Limits{})
	if r.err != nil {
		t.Fatalf("Read: %v", r.err)
	}
	if got := summary(t, r.passages); !slices.Equal(got, []string{"p1 | 备案申请表（静态预览）"}) {
		t.Errorf("passages = %q", got)
	}
	if len(r.warnings) != 1 || fmt.Sprint(r.warnings[0]) != fmt.Sprint(workbench.Warning{Location: "document", Message: xfaPartialMessage,
		Reason: workbench.ReasonXFAForm, Args: map[string]any{"What": "partial"}}) {
		t.Errorf("warnings = %v, want the partial XFA warning", r.warnings)
	}
}

func TestIsXFAPlaceholder(t *testing.T) {
	wrapped := "Please wait...\nIf this message is not eventually replaced by the proper contents of the\ndocument, your PDF viewer may not be able to display this type of document."
	tests := []struct {
		text string
		want bool
	}{
		{wrapped, true},
		{strings.ToUpper(wrapped), true},
		{"", false},
		{"请稍候……", false},
		{"星河对话 算法机制机理说明", false},
		// A long page that quotes the sentence is content.
		{strings.Repeat("算法说明。", 500) + wrapped, false},
	}
	for _, tt := range tests {
		if got := isXFAPlaceholder(tt.text); got != tt.want {
			t.Errorf("isXFAPlaceholder(%.40q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestAddFieldValues(t *testing.T) {
	tests := []struct {
		text   string
		values []string
		want   string
	}{
		{"提供者名称：\n星河智算科技有限公司", []string{"星河智算科技有限公司"}, "提供者名称：\n星河智算科技有限公司"},
		// Drawn with a line break or per-glyph spacing is still drawn.
		{"联系人：王五\n13800000000", []string{"王五 13800000000"}, "联系人：王五\n13800000000"},
		{"提供者名称：", []string{"星河", "星河", "XH-Base v2"}, "提供者名称：\n星河\nXH-Base v2"},
		{"", []string{"仅字段"}, "仅字段"},
	}
	for _, tt := range tests {
		if got := addFieldValues(tt.text, tt.values); got != tt.want {
			t.Errorf("addFieldValues(%q, %q) = %q, want %q", tt.text, tt.values, got, tt.want)
		}
	}
}

func TestCleanAuthor(t *testing.T) {
	for in, want := range map[string]string{
		"张三, 24年5月1日, ":    "张三, 24年5月1日",
		"  Inspector   A ": "Inspector A",
		"李四，":              "李四",
		"":                 "",
	} {
		if got := cleanAuthor(in); got != want {
			t.Errorf("cleanAuthor(%q) = %q, want %q", in, got, want)
		}
	}
}
