package workbench

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Place is where a record or passage stands in its file.
type Place struct {
	Sheet     string `json:"sheet,omitempty"`
	Row       int    `json:"row,omitempty"`   // spreadsheet row, CSV line or JSON record number
	RowUnit   string `json:"-"`               // "row", "line" or "record"
	Page      int    `json:"page,omitempty"`  // PDF page
	Para      int    `json:"para,omitempty"`  // DOCX paragraph
	Line      int    `json:"line,omitempty"`  // text line
	Table     int    `json:"table,omitempty"` // table, row and cell of table content
	TableRow  int    `json:"tbl_row,omitempty"`
	TableCell int    `json:"tbl_cell,omitempty"`
	Seq       int    `json:"-"` // passage reading order
	// Headings are the headings a DOCX or Markdown passage stands under,
	// outermost first.
	Headings []string `json:"headings,omitempty"`
	// Part says where outside the main text a passage stands: "header",
	// "footer" or "comment" (with Comment, its number, and Author); "" for
	// the main text.
	Part    string `json:"part,omitempty"`
	Comment int    `json:"comment,omitempty"`
	Author  string `json:"author,omitempty"`
}

// String words the place in English: `sheet "数据来源", row 12`.
func (p Place) String() string { return p.Text().En }

// Text words the place in Chinese and English.
func (p Place) Text() Text {
	var zh, en []string
	add := func(z, e string) { zh, en = append(zh, z), append(en, e) }
	if len(p.Headings) > 0 {
		h := strings.Join(p.Headings, " > ")
		add(h, h)
	}
	if p.Sheet != "" {
		add("工作表“"+p.Sheet+"”", "sheet "+strconv.Quote(p.Sheet))
	}
	if p.Row > 0 {
		unit := p.RowUnit
		if unit == "" {
			unit = "row"
		}
		add(unitZh(unit, strconv.Itoa(p.Row)), unit+" "+strconv.Itoa(p.Row))
	}
	if p.Page > 0 {
		add(fmt.Sprintf("第 %d 页", p.Page), "page "+strconv.Itoa(p.Page))
	}
	if p.Part != "" {
		add(partZh(p.Part, p.Comment, p.Author), partEn(p.Part, p.Comment, p.Author))
	}
	if p.Para > 0 {
		add(fmt.Sprintf("第 %d 段", p.Para), "paragraph "+strconv.Itoa(p.Para))
	}
	if p.Line > 0 {
		add(fmt.Sprintf("第 %d 行", p.Line), "line "+strconv.Itoa(p.Line))
	}
	if p.Table > 0 {
		add(fmt.Sprintf("表格 %d 第 %d 行第 %d 格", p.Table, p.TableRow, p.TableCell),
			fmt.Sprintf("table %d row %d cell %d", p.Table, p.TableRow, p.TableCell))
	}
	return Text{Zh: strings.Join(zh, "，"), En: strings.Join(en, ", ")}
}

// partEn names a part outside the main text: "header", "footer",
// "comment 3 by 张三".
func partEn(part string, comment int, author string) string {
	if part != "comment" {
		return part
	}
	s := "comment"
	if comment > 0 {
		s += " " + strconv.Itoa(comment)
	}
	if author != "" {
		s += " by " + author
	}
	return s
}

func partZh(part string, comment int, author string) string {
	switch part {
	case "header":
		return "页眉"
	case "footer":
		return "页脚"
	case "comment":
		s := "批注"
		if comment > 0 {
			s += " " + strconv.Itoa(comment)
		}
		if author != "" {
			s += "（" + author + "）"
		}
		return s
	}
	return part
}

func unitZh(unit, n string) string {
	switch unit {
	case "record":
		return "第 " + n + " 条记录"
	case "passage":
		return "第 " + n + " 段文字"
	case "paragraph":
		return "第 " + n + " 段"
	case "page":
		return "第 " + n + " 页"
	}
	return "第 " + n + " 行"
}

// locationPart matches one comma-separated part of an English location as
// the importers and the search index word them.
var locationPart = regexp.MustCompile(`^(?:(sheet) ("(?:[^"\\]|\\.)*")|(row|line|record|paragraph|page|passage) (\d+)(?: \(offset (\d+)\))?|(table) (\d+)(?:,? row (\d+)(?:,? cell (\d+))?)?|(cell|column) ([A-Z]+\d*)|(column) (\d+)|(document|header|footer)|(comment)(?: (\d+))?(?: by (.+))?|(field) ("(?:[^"\\]|\\.)*"))( \(.+\))?$`)

// LocationText words a location the importers or the index stored in
// English ("sheet \"数据来源\", row 12", "page 3", "table 1, row 2, cell 3",
// "document") in Chinese when zh is set. Parts it does not recognise —
// headings, names — are kept as they are, so nothing is lost.
func LocationText(loc string, zh bool) string {
	if !zh || loc == "" {
		return loc
	}
	parts := splitLocation(loc)
	for i, part := range parts {
		parts[i] = locationPartZh(strings.TrimSpace(part))
	}
	return strings.Join(parts, "，")
}

// splitLocation splits at ", " outside quotes, keeping "table 1, row 2,
// cell 3" together.
func splitLocation(loc string) []string {
	var parts []string
	var b strings.Builder
	inQuote := false
	for i := 0; i < len(loc); i++ {
		c := loc[i]
		switch {
		case c == '\\' && inQuote && i+1 < len(loc):
			b.WriteByte(c)
			i++
			b.WriteByte(loc[i])
			continue
		case c == '"':
			inQuote = !inQuote
		case c == ',' && !inQuote && i+1 < len(loc) && loc[i+1] == ' ':
			parts = append(parts, b.String())
			b.Reset()
			i++
			continue
		}
		b.WriteByte(c)
	}
	parts = append(parts, b.String())
	// Rejoin "table N" with the "row M" and "cell K" that follow it.
	out := parts[:0]
	for _, p := range parts {
		if n := len(out); n > 0 && strings.HasPrefix(out[n-1], "table ") &&
			(strings.HasPrefix(p, "row ") && !strings.Contains(out[n-1], "row") || strings.HasPrefix(p, "cell ") && !strings.Contains(out[n-1], "cell")) {
			out[n-1] += ", " + p
			continue
		}
		out = append(out, p)
	}
	return out
}

func locationPartZh(part string) string {
	if part == "header row" { // a table's header row, as a whole
		return "表头行"
	}
	m := locationPart.FindStringSubmatch(part)
	if m == nil {
		// A column named by its header ("column 处置措施").
		if name, ok := strings.CutPrefix(part, "column "); ok {
			return "“" + name + "”列"
		}
		return part
	}
	// A bracketed header after the place is the provider's own text.
	if tail := m[len(m)-1]; tail != "" {
		return locationPartZh(strings.TrimSuffix(part, tail)) + "（" + tail[2:len(tail)-1] + "）"
	}
	switch {
	case m[18] != "":
		name, err := strconv.Unquote(m[19])
		if err != nil {
			name = strings.Trim(m[19], `"`)
		}
		return "字段“" + name + "”"
	case m[1] != "":
		name, err := strconv.Unquote(m[2])
		if err != nil {
			name = strings.Trim(m[2], `"`)
		}
		return "工作表“" + name + "”"
	case m[3] != "":
		s := unitZh(m[3], m[4])
		if m[5] != "" {
			s += "（偏移 " + m[5] + "）"
		}
		return s
	case m[6] != "":
		s := "表格 " + m[7]
		if m[8] != "" {
			s += " 第 " + m[8] + " 行"
		}
		if m[9] != "" {
			s += "第 " + m[9] + " 格"
		}
		return s
	case m[10] == "cell":
		return "单元格 " + m[11]
	case m[10] == "column":
		return m[11] + " 列"
	case m[12] != "":
		return "第 " + m[13] + " 列"
	case m[14] != "":
		switch m[14] {
		case "document":
			return "整个文档"
		case "header":
			return "页眉"
		}
		return "页脚"
	case m[15] != "":
		n, _ := strconv.Atoi(m[16])
		return partZh("comment", n, m[17])
	}
	return part
}
