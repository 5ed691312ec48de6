package docx

import (
	"slices"
	"strings"
	"testing"
)

// testStyles defines headings the ways documents do.
var testStyles = stylesXML(`
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="Heading 3"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="CN2"><w:name w:val="标题 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="规则标题"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="My Heading"/><w:basedOn w:val="2"/></w:style>
<w:style w:type="paragraph" w:styleId="BodyOutline"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="Loop1"/><w:basedOn w:val="Loop2"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="Loop2"/><w:basedOn w:val="Loop1"/></w:style>
<w:style w:type="paragraph" w:styleId="NumH1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="10"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="NumH2"><w:name w:val="heading 2"/><w:basedOn w:val="NumH1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="LinkedH3"><w:name w:val="heading 3"/><w:pPr><w:numPr><w:numId w:val="10"/></w:numPr></w:pPr></w:style>
<w:style w:type="numbering" w:styleId="RuleList"><w:name w:val="Rule List"/><w:pPr><w:numPr><w:numId w:val="30"/></w:numPr></w:pPr></w:style>
`)

// testNumbering: 10 = multi-level decimal linked to the heading styles
// (level 2 by pStyle), 20 = "1." list with a letter sub-level, 21 = a
// second instance of the same list restarted at 5, 22 = Chinese
// "（一）" without separator, 23 = bullets, 24 = a list starting at 3,
// 31 links to abstract 30 through the numbering style "RuleList".
var testNumbering = numberingXML(`
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="NumH1"/><w:lvlText w:val="%1"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="LinkedH3"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pPr><w:ind w:left="420"/></w:pPr></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="3">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2."/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="4">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="5">
 <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="第%1条"/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="6"><w:numStyleLink w:val="RuleList"/></w:abstractNum>
<w:abstractNum w:abstractNumId="7"><w:styleLink w:val="RuleList"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="10"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="20"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="21"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="22"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="23"><w:abstractNumId w:val="4"/></w:num>
<w:num w:numId="24"><w:abstractNumId w:val="5"/></w:num>
<w:num w:numId="30"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="31"><w:abstractNumId w:val="6"/></w:num>
`)

func TestRead(t *testing.T) {
	tests := []struct {
		name      string
		parts     map[string]string
		want      []string
		wantWarns []string // substrings, in order
	}{
		{
			name: "paragraphs, empty ones not counted",
			parts: map[string]string{"word/document.xml": docXML(
				p("第一段") + `<w:p/>` + `<w:p><w:r><w:t>  </w:t></w:r></w:p>` + p("第二段"))},
			want: []string{"¶1 | 第一段", "¶2 | 第二段"},
		},
		{
			name: "runs, tabs, breaks and whitespace",
			parts: map[string]string{"word/document.xml": docXML(
				`<w:p><w:r><w:t xml:space="preserve">  标注  规则 </w:t><w:tab/><w:t>说明</w:t></w:r>` +
					`<w:r><w:br/><w:t>第二行</w:t><w:cr/><w:t>第三行</w:t></w:r></w:p>` +
					`<w:p><w:r><w:t>re</w:t><w:softHyphen/><w:t>view</w:t><w:noBreakHyphen/><w:t>x</w:t><w:sym w:font="Symbol" w:char="2192"/><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>` +
					`<w:p><w:r><w:t>全角　空格，保持（不变）</w:t></w:r></w:p>` +
					`<w:p><w:r><w:br w:type="page"/><w:t>分页后</w:t></w:r></w:p>` +
					"<w:p><w:r><w:t>soft\u00ADhyphen char</w:t></w:r></w:p>")},
			want: []string{
				"¶1 | 标注 规则 说明\n第二行\n第三行",
				"¶2 | review-x→",
				"¶3 | 全角　空格，保持（不变）",
				"¶4 | 分页后",
				"¶5 | softhyphen char",
			},
		},
		{
			name: "fields: results kept, instructions dropped",
			parts: map[string]string{"word/document.xml": docXML(
				`<w:p><w:r><w:t xml:space="preserve">见第 </w:t></w:r>` +
					`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF _Ref123 \h </w:instrText></w:r>` +
					`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3.2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
					`<w:r><w:t xml:space="preserve"> 节</w:t></w:r></w:p>` +
					// A nested field inside an instruction, and a field without a result.
					`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>` +
					`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
					`<w:r><w:instrText> = 1 "x" "y"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
					`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>XE "索引"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>尾</w:t></w:r></w:p>` +
					`<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>2024年5月1日</w:t></w:r></w:fldSimple></w:p>`)},
			want: []string{"¶1 | 见第 3.2 节", "¶2 | 结果尾", "¶3 | 2024年5月1日"},
		},
		{
			name: "tracked changes, hyperlinks, content controls, smart tags",
			parts: map[string]string{"word/document.xml": docXML(
				`<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>删除的</w:delText></w:r></w:del>` +
					`<w:ins w:id="2" w:author="a"><w:r><w:t>插入的</w:t></w:r></w:ins>` +
					`<w:moveFrom w:id="3"><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t>移来</w:t></w:r></w:moveTo></w:p>` +
					`<w:p><w:hyperlink r:id="rId9"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink><w:smartTag w:uri="x" w:element="y"><w:r><w:t>标签</w:t></w:r></w:smartTag>` +
					`<w:sdt><w:sdtPr><w:alias w:val="不读"/><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>` +
					`<w:customXml w:element="c"><w:r><w:t>自定义</w:t></w:r></w:customXml></w:p>` +
					`<w:sdt><w:sdtPr/><w:sdtContent>` + p("块级控件") + `</w:sdtContent></w:sdt>` +
					`<w:customXml w:element="b">` + p("块级自定义") + `</w:customXml>` +
					`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>数学</w:t></w:r><m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath></w:p>`)},
			want: []string{"¶1 | 保留插入的移来", "¶2 | 链接文字标签控件自定义", "¶3 | 块级控件", "¶4 | 块级自定义", "¶5 | 数学x=1"},
		},
		{
			name: "headings by style name, outline level, basedOn and own outline level",
			parts: map[string]string{"word/styles.xml": testStyles, "word/document.xml": docXML(
				p("前言") + ps("1", "总则") + p("正文一") + ps("2", "适用范围") + p("正文二") +
					ps("Heading3", "细则") + p("正文三") + ps("CN2", "中文样式名") + p("正文四") +
					ps("Custom", "自定义大纲") + ps("Derived", "派生") + p("正文五") +
					ps("BodyOutline", "大纲级别正文") + ps("Loop1", "循环样式") +
					`<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>直接大纲</w:t></w:r></w:p>` +
					`<w:p><w:pPr><w:pStyle w:val="1"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>不是标题</w:t></w:r></w:p>` +
					ps("1", "") + ps("1", "第二章"))},
			want: []string{
				"¶1 | 前言",
				"¶2 H | 总则",
				"¶3 [总则] | 正文一",
				"¶4 H [总则] | 适用范围",
				"¶5 [总则 / 适用范围] | 正文二",
				"¶6 H [总则 / 适用范围] | 细则",
				"¶7 [总则 / 适用范围 / 细则] | 正文三",
				"¶8 H [总则] | 中文样式名",
				"¶9 [总则 / 中文样式名] | 正文四",
				"¶10 H | 自定义大纲",
				"¶11 H [自定义大纲] | 派生",
				"¶12 [自定义大纲 / 派生] | 正文五",
				"¶13 [自定义大纲 / 派生] | 大纲级别正文",
				"¶14 [自定义大纲 / 派生] | 循环样式",
				"¶15 H [自定义大纲] | 直接大纲",
				"¶16 [自定义大纲 / 直接大纲] | 不是标题",
				"¶17 H | 第二章",
			},
		},
		{
			name: "automatic heading numbering in the heading path",
			parts: map[string]string{"word/styles.xml": testStyles, "word/numbering.xml": testNumbering, "word/document.xml": docXML(
				ps("NumH1", "总则") + ps("NumH1", "术语") + ps("NumH1", "标注规则") + p("概述") +
					ps("NumH2", "准确性标注") + ps("NumH2", "安全性标注") + p("违法不良信息应标注。") +
					ps("LinkedH3", "细则") + ps("NumH2", "其他") + ps("NumH1", "附则") + ps("NumH2", "生效"))},
			want: []string{
				"¶1 H | 1 总则",
				"¶2 H | 2 术语",
				"¶3 H | 3 标注规则",
				"¶4 [3 标注规则] | 概述",
				"¶5 H [3 标注规则] | 3.1 准确性标注",
				"¶6 H [3 标注规则] | 3.2 安全性标注",
				"¶7 [3 标注规则 / 3.2 安全性标注] | 违法不良信息应标注。",
				"¶8 H [3 标注规则 / 3.2 安全性标注] | 3.2.1 细则",
				"¶9 H [3 标注规则] | 3.3 其他",
				"¶10 H | 4 附则",
				"¶11 H [4 附则] | 4.1 生效",
			},
		},
		{
			name: "list numbering formats",
			parts: map[string]string{"word/styles.xml": testStyles, "word/numbering.xml": testNumbering, "word/document.xml": docXML(
				pn(20, 0, "第一项") + pn(20, 1, "子项") + pn(20, 1, "子项") + pn(20, 0, "第二项") + pn(20, 1, "重新开始") +
					pn(21, 0, "另一实例从五开始") + pn(21, 0, "六") +
					pn(22, 0, "中文一") + pn(22, 0, "中文二") + pn(22, 1, "大写字母") +
					pn(23, 0, "项目符号") + pn(24, 0, "从三开始") + pn(31, 0, "样式链接") + pn(99, 0, "未定义编号") +
					pn(0, 0, "编号为零") + `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="20"/></w:numPr></w:pPr></w:p>` +
					pn(20, 0, "空项之后"))},
			want: []string{
				"¶1 | 1. 第一项", "¶2 | a) 子项", "¶3 | b) 子项", "¶4 | 2. 第二项", "¶5 | a) 重新开始",
				"¶6 | 5. 另一实例从五开始", "¶7 | 6. 六",
				"¶8 | （一）中文一", "¶9 | （二）中文二", "¶10 | A. 大写字母",
				"¶11 | 项目符号", "¶12 | 第3条 从三开始", "¶13 | I. 样式链接", "¶14 | 未定义编号",
				"¶15 | 编号为零", "¶16 | 4. 空项之后",
			},
		},
		{
			name: "tables: merged cells, nested tables, heading path",
			parts: map[string]string{"word/styles.xml": testStyles, "word/document.xml": docXML(
				ps("1", "标注规则") + p("表前") +
					`<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
					`<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>` + p("类别（合并两列）") + `</w:tc><w:tc>` + p("说明") + `</w:tc></w:tr>` +
					`<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>` + p("安全") + `</w:tc><w:tc>` + p("第一段") + p("") + p("第二段") + `</w:tc><w:tc><w:p/></w:tc></w:tr>` +
					`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>` + p("前文") +
					`<w:tbl><w:tr><w:tc>` + p("内表") + `</w:tc><w:tc>` + p("内表二") + `</w:tc></w:tr></w:tbl>` + p("后文") + `</w:tc>` +
					`<w:tc><w:tcPr><w:vMerge w:val="continue"/></w:tcPr>` + p("续") + `</w:tc></w:tr>` +
					`</w:tbl>` + p("表后") +
					`<w:tbl><w:tr><w:sdt><w:sdtContent><w:tc>` + p("控件中的单元格") + `</w:tc></w:sdtContent></w:sdt></w:tr></w:tbl>`)},
			want: []string{
				"¶1 H | 标注规则",
				"¶2 [标注规则] | 表前",
				"¶3 T1 R1 C1 [标注规则] | 类别（合并两列）",
				"¶4 T1 R1 C2 [标注规则] | 说明",
				"¶5 T1 R2 C1 [标注规则] | 安全",
				"¶6 T1 R2 C2 [标注规则] | 第一段\n第二段",
				"¶8 T1 R3 C2 [标注规则] | 前文",
				"¶9 T2 R1 C1 [标注规则] | 内表",
				"¶10 T2 R1 C2 [标注规则] | 内表二",
				"¶11 T1 R3 C2 [标注规则] | 后文",
				"¶12 [标注规则] | 表后",
				"¶13 T3 R1 C1 [标注规则] | 控件中的单元格",
			},
		},
		{
			name: "footnotes and endnotes follow the referencing passage",
			parts: map[string]string{
				"word/footnotes.xml": notesXML("footnote",
					`<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 依据《生成式人工智能服务管理暂行办法》。</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p></w:footnote>`+
						`<w:footnote w:id="3"><w:p><w:r><w:t>表格脚注</w:t></w:r></w:p></w:footnote>`+
						`<w:footnote w:id="4"><w:p><w:r><w:t>未被引用</w:t></w:r></w:p></w:footnote>`),
				"word/endnotes.xml": notesXML("endnote", `<w:endnote w:id="2"><w:p><w:r><w:t>尾注内容</w:t></w:r></w:p></w:endnote>`),
				"word/document.xml": docXML(
					`<w:p><w:r><w:t>标注应合法</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r><w:r><w:t>。</w:t></w:r></w:p>` +
						p("下一段") +
						`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元格</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r></w:p>` + p("第二行") + `</w:tc></w:tr></w:tbl>` +
						`<w:p><w:r><w:t>尾注引用</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r><w:r><w:footnoteReference w:id="99"/></w:r></w:p>`),
			},
			want: []string{
				"¶1 | 标注应合法[1]。",
				"fn 2 | [1] 依据《生成式人工智能服务管理暂行办法》。\n第二段",
				"¶2 | 下一段",
				"¶3 T1 R1 C1 | 单元格[2]\n第二行",
				"fn 3 | [2] 表格脚注",
				"¶5 | 尾注引用[i][3]",
				"fn endnote-2 | [i] 尾注内容",
			},
		},
		{
			name: "text boxes read in place, fallbacks not duplicated",
			parts: map[string]string{"word/document.xml": docXML(
				`<w:p><w:r><w:t>锚定段落</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>` +
					p("文本框内容") + `</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
					`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` + p("文本框内容") + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
					p("之后"))},
			want:      []string{"¶1 | 文本框内容", "¶2 | 锚定段落", "¶3 | 之后"},
			wantWarns: []string{"paragraph 1: text box read where it is anchored"},
		},
		{
			name: "charts, diagrams, objects and images are skipped with warnings",
			parts: map[string]string{"word/document.xml": docXML(
				p("图表前") +
					`<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId5"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>` +
					`<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram"/></a:graphic></wp:inline></w:drawing></w:r></w:p>` +
					`<w:p><w:r><w:t>对象</w:t></w:r><w:r><w:object><v:shape><v:imagedata r:id="rId7"/></v:shape><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" r:id="rId8"/></w:object></w:r></w:p>` +
					`<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><a:t>not text</a:t></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`)},
			want: []string{"¶1 | 图表前", "¶2 | 对象"},
			wantWarns: []string{
				"paragraph 2: chart skipped",
				"paragraph 2: diagram (SmartArt) skipped",
				"paragraph 2: embedded object (Excel.Sheet.12) skipped",
				"document: 1 image(s) skipped",
			},
		},
		{
			name: "numbered paragraphs inside table cells",
			parts: map[string]string{"word/numbering.xml": testNumbering, "word/document.xml": docXML(
				`<w:tbl><w:tr><w:tc>` + pn(20, 0, "甲") + pn(20, 0, "乙") + `</w:tc></w:tr></w:tbl>` + pn(20, 0, "丙"))},
			want: []string{"¶1 T1 R1 C1 | 1. 甲\n2. 乙", "¶3 | 3. 丙"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := buildDOCX(t, tt.parts)
			got, warns, err := readBytes(data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if s := summarize(t, got); !slices.Equal(s, tt.want) {
				t.Errorf("passages:\n got %q\nwant %q", s, tt.want)
			}
			ws := summarizeWarnings(warns)
			if len(ws) != len(tt.wantWarns) {
				t.Errorf("warnings: got %q, want %q", ws, tt.wantWarns)
				return
			}
			for i, w := range tt.wantWarns {
				if !strings.HasPrefix(ws[i], w) {
					t.Errorf("warning %d: got %q, want it to start with %q", i, ws[i], w)
				}
			}
		})
	}
}
