package importers

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/inspection-workbench/workbench/importers/tabular"
	"github.com/inspection-workbench/workbench/importers/values"
)

// SkippedRow is a row below a header that is not a record — a note, a
// total, a sign-off — and was left out of the import.
type SkippedRow struct {
	Location string `json:"location"` // line 12; sheet "数据来源", row 40; record 7
	Text     string `json:"text"`     // what it holds, clipped
	Reason   string `json:"reason"`   // note, total or sign-off
}

// Why a row is skipped.
const (
	reasonNote    = "note"
	reasonTotal   = "total"
	reasonSignOff = "sign-off"
)

// maxSkippedRows bounds the skipped rows kept in a Result.
const maxSkippedRows = 1000

// skippedTextRunes is how much of a skipped row's text is kept.
const skippedTextRunes = 120

// noteFilter tells the rows of a table that are not records, where the
// table (or the data in it) ends. The rule, also in
// docs/submission-formats.md:
//
//   - a row whose first filled cell is a total (合计, 总计, 小计, 共计,
//     汇总, Total, Sum, Subtotal; "合计：", "合计（条）") is a total row,
//     whatever else it holds; so is one whose first filled cell ends with
//     a total word (安全标注合计, 全部标注数据总量（…）) when the rest of
//     the row is numbers (a kind with a Field.TotalLabel field keeps total
//     rows as records);
//   - a row whose first filled cell, in the table's first column (the
//     header's first filled one) or left of it, starts a note
//     (注：, 注1：, 注①, 说明：, 填表说明, 注意：, 资料来源：, Note:) is a
//     note, whatever else it holds (a CSV splits a note at its commas);
//   - a row whose every filled cell is a sign-off (填报人：, 审核人：,
//     负责人：, 填报日期：, 单位（盖章）, Prepared by: …) is a sign-off;
//   - a row holding one text (a merged cell repeats it across; that is
//     still one) is a note when it starts with 备注：; when it is a page
//     header or footer (第2页, 共5页, Page 2 of 5); when it stands in the
//     first column after a blank row; when it follows a skipped row (a note
//     runs on); or when the header is four columns wide or more and the
//     text is prose (20 characters, or 10 with a comma, colon or full
//     stop) — except that a text in the ID column that looks like an
//     identifier (letters or digits, no spaces or sentence punctuation,
//     up to 40 characters: DS-07, INC-0042) is a record with only its ID
//     filled;
//   - every other row is a record.
type noteFilter struct {
	width  int    // filled header cells
	first  int    // the header's first filled column: tables may start right of A
	isID   []bool // per column: the column holds the ID field
	inNote bool   // the row before was skipped
}

// newNoteFilter prepares the filter for a table whose columns map to
// fields as colField says.
func newNoteFilter(header []string, colField []int, idField int) *noteFilter {
	nf := &noteFilter{isID: make([]bool, len(colField))}
	nf.first = -1
	for i, h := range header {
		if strings.TrimSpace(h) != "" {
			if nf.first < 0 {
				nf.first = i
			}
			nf.width++
		}
	}
	for i, f := range colField {
		nf.isID[i] = idField >= 0 && f == idField
	}
	return nf
}

// classify returns why a row is not a record, or "" for a record.
func (nf *noteFilter) classify(row tabular.Row) string {
	why := nf.why(row)
	nf.inNote = why != ""
	return why
}

func (nf *noteFilter) why(row tabular.Row) string {
	// The first filled cell, and whether another differs from it: most
	// rows tell at their second cell.
	first, distinct := -1, 0
	var v0 string
	for i, c := range row.Cells {
		if c == "" {
			continue
		}
		t := strings.TrimSpace(c)
		if t == "" {
			continue
		}
		if first < 0 {
			first, v0, distinct = i, t, 1
		} else if t != v0 {
			distinct = 2
			break
		}
	}
	if first < 0 {
		return ""
	}
	if isTotal(v0) || (isTotalSuffix(v0) && onlyNumbersAfter(row.Cells, first)) {
		return reasonTotal
	}
	if first <= nf.first && isNoteLead(v0) {
		return reasonNote
	}
	if distinct > 1 {
		if nf.allSignOffs(row.Cells) {
			return reasonSignOff
		}
		return ""
	}
	switch {
	case isSignOff(v0):
		return reasonSignOff
	case isPageMarker(v0):
		return reasonNote
	case hasLabel(v0, "备注", "附注", "remark", "remarks"):
		return reasonNote
	case first < len(nf.isID) && nf.isID[first] && looksLikeID(v0):
		return ""
	case row.AfterBlank && first <= nf.first, nf.inNote:
		return reasonNote
	case nf.width >= 4 && isProse(v0):
		return reasonNote
	}
	return ""
}

// allSignOffs reports whether every filled cell is a sign-off.
func (nf *noteFilter) allSignOffs(cells []string) bool {
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" && !isSignOff(c) {
			return false
		}
	}
	return true
}

// totalWords begin a total row.
var totalWords = []string{"合计", "总计", "小计", "共计", "总合计", "汇总", "grandtotal", "subtotal", "total", "totals", "sum"}

// isTotal reports a cell that names a total: the word alone, or followed
// by a colon, a bracket, a space or a number ("合计：", "合计（条）").
func isTotal(s string) bool {
	if len(s) > 40 || !startsWithAny(s, "合总小共汇TtSsGgＴｔＳｓＧｇ") {
		return false
	}
	n := strings.ToLower(values.FoldWidth(s))
	n = strings.Join(strings.Fields(n), "")
	for _, w := range totalWords {
		if rest, ok := strings.CutPrefix(n, w); ok {
			if rest == "" {
				return true
			}
			r, _ := utf8.DecodeRuneInString(rest)
			if strings.ContainsRune(":(（[【", r) || unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// totalSuffixes end the label of a total that names what it adds up
// (安全标注合计, A.1 小计, 全部标注数据总量（功能性＋安全性）).
var totalSuffixes = []string{"合计", "总计", "小计", "共计", "汇总", "总量", "总数", "总和", "total", "subtotal"}

// isTotalSuffix reports a short label ending with a total word, a
// bracketed remark after it aside: it names a total only when the rest of
// its row is numbers (onlyNumbersAfter), which a record's text would not be.
func isTotalSuffix(s string) bool {
	// Every row's first cell comes here: most end in none of the total
	// words' last characters (or a bracket), and are done with at once.
	if r, _ := utf8.DecodeLastRuneInString(s); !strings.ContainsRune("计总量数和lLｌＬ)）", r) {
		return false
	}
	n := strings.ToLower(values.FoldWidth(s))
	n = strings.Join(strings.Fields(n), "")
	if i := strings.LastIndexAny(n, "(（"); i > 0 && (strings.HasSuffix(n, ")") || strings.HasSuffix(n, "）")) {
		n = n[:i]
	}
	if utf8.RuneCountInString(n) > 30 {
		return false
	}
	for _, w := range totalSuffixes {
		if strings.HasSuffix(n, w) {
			return true
		}
	}
	return false
}

// onlyNumbersAfter reports whether the filled cells after cells[first]
// are all numbers (1,234, 3.47%, 17740), at least one of them.
func onlyNumbersAfter(cells []string, first int) bool {
	seen := false
	for _, c := range cells[first+1:] {
		c = strings.TrimSpace(values.FoldWidth(c))
		if c == "" {
			continue
		}
		c = strings.NewReplacer(",", "", "，", "", "%", "", " ", "").Replace(c)
		if _, err := strconv.ParseFloat(c, 64); err != nil {
			return false
		}
		seen = true
	}
	return seen
}

// startsWithAny reports whether s starts with one of the runes in set: a
// cheap test before a cell is normalised, run on every row.
func startsWithAny(s, set string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(set, r)
}

// noteLeads start a note when followed by a colon; the first few also
// alone ("填表说明").
var noteLeads = []string{"填表说明", "说明", "注意事项", "注意", "注释", "资料来源", "数据来源", "note", "notes", "nb"}

// isNoteLead reports a cell that starts a note: 注 with an optional
// number (注1, 注①, 注(1)) and a colon, 说明：, 填表说明, Note: ….
func isNoteLead(s string) bool {
	if !startsWithAny(s, "注说填资数NnＮｎ*※★#·") {
		return false
	}
	n := strings.ToLower(values.FoldWidth(s))
	n = strings.TrimLeft(n, "*※★#· ")
	if rest, ok := strings.CutPrefix(n, "注"); ok {
		rest = strings.TrimLeft(rest, "0123456789①②③④⑤⑥⑦⑧⑨⑩()[]（）【】 ")
		return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, "、")
	}
	if n == "填表说明" || strings.HasPrefix(n, "填表说明") {
		return true
	}
	return hasLabel(n, noteLeads...)
}

// hasLabel reports whether s starts with one of the labels followed by a
// colon (a number may stand between: 说明1：).
func hasLabel(s string, labels ...string) bool {
	n := strings.ToLower(values.FoldWidth(strings.TrimSpace(s)))
	for _, l := range labels {
		if rest, ok := strings.CutPrefix(n, l); ok {
			rest = strings.TrimLeft(rest, "0123456789 ")
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") {
				return true
			}
		}
	}
	return false
}

// signOffLabels begin the cells of a sign-off row, followed by a colon.
var signOffLabels = []string{"填报人", "填表人", "制表人", "编制人", "导出人", "经办人", "统计人", "核对人", "审核人", "复核人", "审批人", "批准人", "负责人", "联系人", "联系电话",
	"编制", "审核", "批准",
	"填报日期", "填表日期", "制表日期", "报送日期", "日期", "填报单位", "单位", "签字", "签名", "签章", "盖章",
	"prepared by", "reviewed by", "approved by", "checked by", "signature", "signed", "date"}

// isSignOff reports a sign-off cell: 填报人：张三, 填报日期：…, 单位（盖章）.
func isSignOff(s string) bool {
	// Every sign-off has a colon or a seal (章) or signature (签).
	if strings.IndexByte(s, ':') < 0 && !strings.Contains(s, "：") && !strings.Contains(s, "章") && !strings.Contains(s, "签") {
		return false
	}
	n := strings.ToLower(values.FoldWidth(strings.TrimSpace(s)))
	if len(n) > 120 {
		return false
	}
	if strings.Contains(n, "盖章") || strings.Contains(n, "签章") || strings.Contains(n, "(签字)") || strings.Contains(n, "（签字）") {
		return true
	}
	n = strings.ReplaceAll(n, " ", "")
	for _, l := range signOffLabels {
		if rest, ok := strings.CutPrefix(n, strings.ReplaceAll(l, " ", "")); ok {
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") {
				return true
			}
		}
	}
	return false
}

// isPageMarker reports a page header or footer left in an export: 第2页,
// 第 2 页 共 5 页, 共5页, Page 2 of 5, - 2 -.
func isPageMarker(s string) bool {
	n := strings.ToLower(strings.Join(strings.Fields(values.FoldWidth(s)), ""))
	if len(n) > 40 {
		return false
	}
	switch {
	case strings.HasPrefix(n, "第") && strings.HasSuffix(n, "页") && strings.ContainsAny(n, "0123456789"):
		return strings.Trim(strings.NewReplacer("第", "", "页", "", "共", "", "/", "").Replace(n), "0123456789") == ""
	case strings.HasPrefix(n, "共") && strings.HasSuffix(n, "页"):
		return strings.Trim(n[len("共"):len(n)-len("页")], "0123456789") == ""
	case strings.HasPrefix(n, "page"):
		return strings.Trim(strings.ReplaceAll(n[len("page"):], "of", ""), "0123456789/") == ""
	case strings.HasPrefix(n, "-") && strings.HasSuffix(n, "-") && len(n) > 2:
		return strings.Trim(n[1:len(n)-1], "0123456789") == ""
	}
	return false
}

// looksLikeID reports a value that may be the provider's identifier of a
// record: up to 40 characters with a letter or digit of the Latin
// alphabet, no spaces and no sentence punctuation.
func looksLikeID(s string) bool {
	if utf8.RuneCountInString(s) > 40 {
		return false
	}
	alnum := false
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			alnum = true
		case unicode.IsSpace(r) || strings.ContainsRune("，。；：！？、,;:!?", r):
			return false
		}
	}
	return alnum
}

// isProse reports a text that reads as a sentence rather than a value.
func isProse(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 20 || (n >= 10 && strings.ContainsAny(s, "，。；：,;:"))
}

// rowText is what a skipped row holds, for the report: its distinct
// filled cells joined by " | ", clipped.
func rowText(cells []string) string {
	var parts []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" && (len(parts) == 0 || parts[len(parts)-1] != c) {
			parts = append(parts, c)
		}
	}
	return clip(strings.Join(parts, " | "), skippedTextRunes)
}

// clip shortens s to n characters, marking the cut with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// noteKeys are the JSON keys a note object is made of: {"注": "…"}.
var noteKeys = map[string]bool{"注": true, "注释": true, "说明": true, "备注": true, "附注": true, "填表说明": true,
	"note": true, "notes": true, "remark": true, "remarks": true, "comment": true, "comments": true,
	"_comment": true, "__comment": true, "//": true, "#": true}

// jsonNote returns why a JSON object is not a record: every key holding a
// value is a note key (a note), or a total word (a total). "" for a
// record. cache remembers what each key is: the same keys come back in
// every record.
func jsonNote(keys, vals []string, cache map[string]string) string {
	why := ""
	for i, k := range keys {
		if vals[i] == "" || strings.TrimSpace(vals[i]) == "" {
			continue
		}
		kind, ok := cache[k]
		if !ok {
			n := strings.ToLower(strings.TrimSpace(values.FoldWidth(k)))
			switch {
			case noteKeys[n]:
				kind = reasonNote
			case isTotal(n):
				kind = reasonTotal
			}
			cache[k] = kind
		}
		switch kind {
		case "":
			return ""
		case reasonNote:
			if why == "" {
				why = reasonNote
			}
		default:
			why = kind
		}
	}
	return why
}

// keyedText is what a skipped JSON object holds, for the report.
func keyedText(keys, vals []string) string {
	var parts []string
	for i, k := range keys {
		if v := strings.TrimSpace(vals[i]); v != "" {
			parts = append(parts, k+": "+v)
		}
	}
	return clip(strings.Join(parts, " | "), skippedTextRunes)
}
