package docx

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// docRels is a word/_rels/document.xml.rels listing the given
// relationships, each "type target".
func docRels(rels ...string) string {
	var b strings.Builder
	for i, r := range rels {
		typ, target, _ := strings.Cut(r, " ")
		b.WriteString(`<Relationship Id="rId` + string(rune('A'+i)) + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/` +
			typ + `" Target="` + target + `"/>`)
	}
	return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + b.String() + `</Relationships>`
}

// LibreOffice writes two page styles' identical headers as two parts,
// footers with a PAGE field, and comments anchored in the body.
func TestReadHeadersFootersCommentsLibreOffice(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "headers-lo.docx"))
	if err != nil {
		t.Fatal(err)
	}
	got, warns, err := readBytes(data)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(warns) > 0 {
		t.Errorf("unexpected warnings: %q", summarizeWarnings(warns))
	}
	want := []string{
		"¶1 H | 总则",
		"¶2 [总则] | 本规则适用于训练数据的人工标注活动。",
		"¶3 [总则] | 标注人员应当经过培训并考核合格。",
		"¶4 [总则] | 附录：标注记录保存不少于三年。",
		"header | 星河智算科技有限公司 内部资料",
		"footer | 保密等级：内部 第 1 页",
		"footer | 附录 保密等级：内部",
		"¶3 comment 1 by 张三 [总则] | 请补充培训考核的记录。",
		"¶4 comment 2 by 李四 [总则] | 保存期限与备案材料不一致。\n请核实。",
	}
	if s := summarize(t, got); !slices.Equal(s, want) {
		t.Errorf("passages:\n got %q\nwant %q", s, want)
	}
}

func TestReadHeadersFootersComments(t *testing.T) {
	body := p("第一段") +
		`<w:p><w:commentRangeStart w:id="5"/><w:r><w:t>被批注的段落</w:t></w:r><w:commentRangeEnd w:id="5"/><w:r><w:commentReference w:id="5"/></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc>` + p("单元格") + `<w:p><w:r><w:t>第二行</w:t></w:r><w:r><w:commentReference w:id="7"/></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:commentRangeStart w:id="8"/>` + ps("1", "第二章") + p("尾段")
	tests := []struct {
		name      string
		parts     map[string]string
		want      []string
		wantWarns []string
	}{
		{
			name: "default part names: headers deduplicated, bare page numbers dropped",
			parts: map[string]string{
				"word/styles.xml":   testStyles,
				"word/document.xml": docXML(body),
				"word/header1.xml":  partXML("hdr", p("星河智算 内部资料")),
				"word/header2.xml":  partXML("hdr", p("星河智算 内部资料")),
				"word/header3.xml":  partXML("hdr", `<w:tbl><w:tr><w:tc>`+p("首页页眉")+`</w:tc><w:tc>`+p("密级：内部")+`</w:tc></w:tr></w:tbl>`),
				"word/footer1.xml": partXML("ftr", `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>`+
					`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`),
				"word/footer2.xml":  partXML("ftr", p("- 2 -")),
				"word/footer10.xml": partXML("ftr", p("第十个页脚")),
				"word/comments.xml": commentsXML(cmt("5", "张三", "请核实。") + cmt("6", "王五") + cmt("7", "李四", "单元格批注", "第二段") +
					cmt("8", "赵六", "章节批注") + cmt("9", "孤立", "没有锚点的批注")),
			},
			want: []string{
				"¶1 | 第一段",
				"¶2 | 被批注的段落",
				"¶3 T1 R1 C1 | 单元格\n第二行",
				"¶5 H | 第二章",
				"¶6 [第二章] | 尾段",
				"header | 星河智算 内部资料",
				"header | 首页页眉\n密级：内部",
				"footer | 第十个页脚",
				"¶2 comment 1 by 张三 | 请核实。",
				"¶3 T1 R1 C1 comment 3 by 李四 | 单元格批注\n第二段",
				"¶5 comment 4 by 赵六 | 章节批注",
				"comment 5 by 孤立 | 没有锚点的批注",
			},
		},
		{
			name: "relationships name the parts, in their order",
			parts: map[string]string{
				"word/_rels/document.xml.rels": docRels("styles styles.xml", "footer ftrA.xml", "header hdrB.xml", "header hdrA.xml",
					"header missing.xml", "comments notes/remarks.xml"),
				"word/styles.xml":        testStyles,
				"word/document.xml":      docXML(p("正文")),
				"word/hdrA.xml":          partXML("hdr", p("页眉甲")),
				"word/hdrB.xml":          partXML("hdr", p("页眉乙")),
				"word/ftrA.xml":          partXML("ftr", p("页脚甲")),
				"word/header1.xml":       partXML("hdr", p("未被引用的页眉")),
				"word/notes/remarks.xml": commentsXML(cmt("0", "张三", "批注")),
				"word/comments.xml":      commentsXML(cmt("0", "不读", "未被引用的批注")),
			},
			want: []string{"¶1 | 正文", "header | 页眉乙", "header | 页眉甲", "footer | 页脚甲", "comment 1 by 张三 | 批注"},
		},
		{
			name: "a header only",
			parts: map[string]string{
				"word/document.xml": docXML(`<w:p/>`),
				"word/header1.xml":  partXML("hdr", p("备案号：Beijing-XingheChat-20240315")),
			},
			want: []string{"header | 备案号：Beijing-XingheChat-20240315"},
		},
		{
			name: "damaged header and comments cost their text, not the body",
			parts: map[string]string{
				"word/document.xml": docXML(p("正文")),
				"word/header1.xml":  partXML("hdr", "<w:p><w:r><w:t>坏</w:r></w:p>"),
				"word/footer1.xml":  partXML("ftr", p("页脚")),
				"word/comments.xml": "<w:comments " + nsDecl + "><w:comment w:id='1'>",
			},
			want:      []string{"¶1 | 正文", "footer | 页脚"},
			wantWarns: []string{"word/header1.xml: header ignored: docx: part word/header1.xml is damaged", "word/comments.xml: comments ignored: docx: part word/comments.xml is damaged"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warns, err := readBytes(buildDOCX(t, tt.parts))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if s := summarize(t, got); !slices.Equal(s, tt.want) {
				t.Errorf("passages:\n got %q\nwant %q", s, tt.want)
			}
			ws := summarizeWarnings(warns)
			if len(ws) != len(tt.wantWarns) {
				t.Fatalf("warnings: got %q, want %q", ws, tt.wantWarns)
			}
			for i, w := range tt.wantWarns {
				if !strings.HasPrefix(ws[i], w) {
					t.Errorf("warning %d: got %q, want it to start with %q", i, ws[i], w)
				}
			}
		})
	}
}

// Headers, footers and comments add passages after the body's; the body's
// passages are exactly what they are without them.
func TestMarginsLeaveBodyAlone(t *testing.T) {
	body := ps("1", "总则") + `<w:p><w:commentRangeStart w:id="1"/><w:r><w:t>正文</w:t></w:r><w:r><w:commentReference w:id="1"/></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc>` + p("格") + `</w:tc></w:tr></w:tbl>`
	plain, _, err := readBytes(buildDOCX(t, map[string]string{"word/styles.xml": testStyles, "word/document.xml": docXML(body)}))
	if err != nil {
		t.Fatal(err)
	}
	with, _, err := readBytes(buildDOCX(t, map[string]string{
		"word/styles.xml": testStyles, "word/document.xml": docXML(body),
		"word/header1.xml": partXML("hdr", p("页眉")), "word/footer1.xml": partXML("ftr", p("页脚")),
		"word/comments.xml": commentsXML(cmt("1", "张三", "批注")),
	}))
	if err != nil {
		t.Fatal(err)
	}
	if len(with) != len(plain)+3 {
		t.Fatalf("got %d passages, want the body's %d and 3 more", len(with), len(plain))
	}
	if a, b := summarize(t, plain), summarize(t, with[:len(plain)]); !slices.Equal(a, b) {
		t.Errorf("body passages changed:\n without %q\n with    %q", a, b)
	}
	for _, p := range with[:len(plain)] {
		if p.Part != "" || p.Comment != 0 || p.Author != "" {
			t.Errorf("body passage %+v has a part", p)
		}
	}
}
