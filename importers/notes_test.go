package importers

import (
	"fmt"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/tabular"
)

func TestNoteRowsLeftOutOfTables(t *testing.T) {
	type skipped struct{ loc, reason, text string }
	for _, c := range []struct {
		name    string
		path    string
		refs    []string // the records' references, in order
		skipped []skipped
	}{
		{
			// Saved by LibreOffice: merged title and note, a 小计 and a
			// 合计 with a number, a sign-off row over three cells.
			name: "xlsx", path: fixture("notes-lo.xlsx"),
			refs: []string{"INC-001", "INC-002", "INC-003", "INC-004"},
			skipped: []skipped{
				{`sheet "事件记录", row 5`, "note", "注1：INC-002 已与用户电话沟通。"},
				{`sheet "事件记录", row 8`, "total", "小计 | 4"},
				{`sheet "事件记录", row 10`, "note", "以上数据由安全运营中心提供"},
				{`sheet "事件记录", row 11`, "note", "说明：1. 事件类别依据《生成式人工智能服务管理暂行办法》第十四条划分，处置措施按实际执行情况填写。"},
				{`sheet "事件记录", row 12`, "note", "2. 处置措施以实际执行为准，未处置的事件需说明原因并附佐证材料。"},
				{`sheet "事件记录", row 13`, "total", "合计 | 4"},
				{`sheet "事件记录", row 14`, "sign-off", "填报人：张三 | 审核人：李四 | 填报日期：2025-04-01"},
				{`sheet "事件记录", row 15`, "sign-off", "单位（盖章）："},
				{`sheet "事件记录", row 16`, "note", "填表说明"},
			},
		},
		{
			// Hand-written GB18030 with CRLF, the table starting in column
			// B, a note split at a comma, an ID alone after a blank line (a
			// record) and a word alone after one (a note).
			name: "csv", path: fixture("notes-gbk.csv"),
			refs: []string{"DS-01", "DS-02", "DS-03", "DS-04", "DS-05"},
			skipped: []skipped{
				{"line 6", "note", "注：DS-02 的规模为去重前 | 不含图片"},
				{"line 11", "note", "以上"},
				{"line 13", "note", "用户数据均已取得授权同意，并经过去标识化处理后方可使用"},
				{"line 14", "total", "Total"},
				{"line 15", "note", "备注：以上数据截至2025年6月30日"},
				{"line 17", "sign-off", "填报人：王五 | 审核人：赵六"},
				{"line 18", "sign-off", "单位（盖章）"},
			},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, recs, err := readAll(t, c.path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var refs []string
			for _, r := range recs {
				refs = append(refs, r["ref"].(string))
			}
			if fmt.Sprint(refs) != fmt.Sprint(c.refs) {
				t.Errorf("records %v, want %v", refs, c.refs)
			}
			if res.SkippedRowCount != len(c.skipped) || len(res.SkippedRows) != len(c.skipped) {
				t.Fatalf("skipped %d: %+v", res.SkippedRowCount, res.SkippedRows)
			}
			for i, s := range c.skipped {
				if got := res.SkippedRows[i]; got != (SkippedRow{Location: s.loc, Reason: s.reason, Text: s.text}) {
					t.Errorf("skipped row %d = %+v, want %+v", i, got, s)
				}
			}

			// --keep-notes: every row below the header is a record.
			kept, recs, err := readAll(t, c.path, Options{KeepNoteRows: true})
			if err != nil {
				t.Fatal(err)
			}
			if kept.SkippedRowCount != 0 || kept.Records != len(c.refs)+len(c.skipped) || len(recs) != kept.Records {
				t.Errorf("with KeepNoteRows: %d records, %d skipped", kept.Records, kept.SkippedRowCount)
			}
		})
	}
}

func TestNoteRowRules(t *testing.T) {
	header := []string{"事件编号", "发现时间", "事件类别", "事件描述", "处置措施"}
	narrow := []string{"事件编号", "事件描述"}
	for _, c := range []struct {
		header     []string
		cells      []string
		afterBlank bool
		afterNote  bool
		want       string
	}{
		{header, []string{"INC-1", "2024-01-01", "投诉", "用户投诉", "警示"}, false, false, ""},
		{header, []string{"合计", "", "", "", "12"}, false, false, "total"},
		{header, []string{"", "总计：", "", "", "12"}, false, false, "total"},
		{header, []string{"合计（条）", "12"}, false, false, "total"},
		{header, []string{"Sum", "", "", "", "12"}, false, false, "total"},
		{header, []string{"合计划外事件"}, false, false, ""}, // 合计 begins a longer word: not a total
		// A label ending with a total word, numbers beside it: a total.
		{header, []string{"", "安全标注合计", "17,740", "3.47%"}, false, false, "total"},
		{header, []string{"", "全部标注数据总量（功能性＋安全性）", "512,000"}, false, false, "total"},
		{header, []string{"A.1 小计", "８９００"}, false, false, "total"},
		{header, []string{"Grand total", "12"}, false, false, "total"},
		// … but not beside text, nor alone, nor when long.
		{header, []string{"INC-7", "账户总数", "投诉", "用户询问账户总数"}, false, false, ""},
		{header, []string{"季度合计", "见附表"}, false, false, ""},
		{header, []string{"营业收入总量"}, false, false, ""},
		{header, []string{"某某平台二〇二四年度第三季度用户投诉举报受理及处置情况统计汇总", "12"}, false, false, ""},
		{header, []string{"注：", "单位为条"}, false, false, "note"},
		{header, []string{"注②：另见附件"}, false, false, "note"},
		{header, []string{"注(1):见附件"}, false, false, "note"},
		{header, []string{"注册用户投诉"}, false, false, ""}, // 注 without a colon
		{header, []string{"Note: see annex", "b"}, false, false, "note"},
		{header, []string{"说明2：见附件"}, false, false, "note"},
		{header, []string{"备注：另见附件"}, false, false, "note"},
		{header, []string{"备注：", "x"}, false, false, ""}, // 备注： only alone
		{header, []string{"填表说明：按季度填写"}, false, false, "note"},
		{header, []string{"填报人：张三", "", "审核人：李四", "", "填报日期：2025-01-02"}, false, false, "sign-off"},
		{header, []string{"填报人：张三", "INC-9"}, false, false, ""}, // not every cell signs off
		{header, []string{"负责人：王"}, false, false, "sign-off"},
		{header, []string{"导出人：顾晨阳    审核人：沈亦舟"}, false, false, "sign-off"},
		{header, []string{"编制：张", "", "审核：李", "", "批准：王"}, false, false, "sign-off"},
		{header, []string{"单位（盖章）"}, false, false, "sign-off"},
		{header, []string{"Prepared by: Li"}, false, false, "sign-off"},
		// An ID alone is a record, after a blank row too.
		{header, []string{"INC-42"}, false, false, ""},
		{header, []string{"INC-42"}, true, false, ""},
		{header, []string{"INC-42"}, false, true, ""},
		// Text alone in the first column after a blank row, or after a
		// note, is a note.
		{header, []string{"以上"}, true, false, "note"},
		{header, []string{"以上"}, false, true, "note"},
		{header, []string{"以上"}, false, false, ""},
		{header, []string{"", "以上"}, true, false, ""}, // not the first column
		// A merged note repeats its text across the row: still one text.
		{header, []string{"以上为全部事件，共计五条", "以上为全部事件，共计五条", "以上为全部事件，共计五条"}, false, false, "note"},
		// Prose alone in a wide table is a note; a short value is not; in
		// a narrow table prose alone is a record (its description).
		{header, []string{"", "", "", "用户数据均已取得授权同意并经过去标识化处理"}, false, false, "note"},
		{header, []string{"", "", "", "已处理，无异常"}, false, false, ""},
		{narrow, []string{"", "用户数据均已取得授权同意并经过去标识化处理"}, false, false, ""},
		{header, []string{"用户 数据"}, false, false, ""},
		// Page headers and footers of an export.
		{header, []string{"第2页"}, false, false, "note"},
		{header, []string{"第 2 页 共 5 页"}, false, false, "note"},
		{header, []string{"第2/5页"}, false, false, "note"},
		{header, []string{"共5页"}, false, false, "note"},
		{header, []string{"Page 2 of 5"}, false, false, "note"},
		{header, []string{"- 12 -"}, false, false, "note"},
		{header, []string{"第二批"}, false, false, ""},
		{header, []string{"第2批页"}, false, false, ""},
		{header, []string{"page-2-draft"}, false, false, ""},
	} {
		t.Run(strings.Join(c.cells, "|"), func(t *testing.T) {
			colField := make([]int, len(c.header))
			for i, h := range c.header {
				colField[i] = matchHeader(workbench.Incident, h)
			}
			nf := newNoteFilter(c.header, colField, 0)
			nf.inNote = c.afterNote
			if got := nf.classify(tabular.Row{Cells: c.cells, AfterBlank: c.afterBlank}); got != c.want {
				t.Errorf("classify(%q, after blank %v, after note %v) = %q, want %q", c.cells, c.afterBlank, c.afterNote, got, c.want)
			}
		})
	}
}

func TestJSONNoteObjects(t *testing.T) {
	data := `[{"事件编号": "A", "事件类别": "投诉"},
		{"注": "以上为2025年第一季度数据"},
		{"备注": "", "note": "exported by the ticket system"},
		{"合计": 1},
		{"事件编号": "B", "备注": "已回访"}]`
	res, recs, err := readAll(t, writeFile(t, "inc.json", []byte(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[1]["ref"] != "B" {
		t.Fatalf("records %v", recs)
	}
	want := []SkippedRow{
		{Location: "record 2", Text: "注: 以上为2025年第一季度数据", Reason: "note"},
		{Location: "record 3", Text: "note: exported by the ticket system", Reason: "note"},
		{Location: "record 4", Text: "合计: 1", Reason: "total"},
	}
	if res.SkippedRowCount != 3 || fmt.Sprint(res.SkippedRows) != fmt.Sprint(want) {
		t.Errorf("skipped %+v", res.SkippedRows)
	}
	res, _, err = readAll(t, writeFile(t, "inc.jsonl", []byte("{\"事件编号\": \"A\", \"事件类别\": \"投诉\"}\n\n{\"注\": \"x\"}\n")), Options{})
	if err != nil || res.Records != 1 || len(res.SkippedRows) != 1 || res.SkippedRows[0].Location != "record 3" {
		t.Errorf("jsonl: %+v, %v", res, err)
	}
	res, _, err = readAll(t, writeFile(t, "inc.json", []byte(data)), Options{KeepNoteRows: true})
	if err != nil || res.Records != 5 || res.SkippedRowCount != 0 {
		t.Errorf("with KeepNoteRows: %+v, %v", res, err)
	}
}

func TestSkippedRowsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("事件编号,事件类别\nINC-1,投诉\n")
	for i := range maxSkippedRows + 500 {
		fmt.Fprintf(&b, "注%d：%s\n", i, strings.Repeat("很长的说明", 40))
	}
	res, _, err := readAll(t, writeFile(t, "inc.csv", []byte(b.String())), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.SkippedRowCount != maxSkippedRows+500 || len(res.SkippedRows) != maxSkippedRows {
		t.Errorf("%d skipped, %d kept", res.SkippedRowCount, len(res.SkippedRows))
	}
	if s := res.SkippedRows[0].Text; len([]rune(s)) != skippedTextRunes || !strings.HasSuffix(s, "…") {
		t.Errorf("text not clipped: %d characters", len([]rune(s)))
	}
}
