package export

import (
	"archive/zip"
	"bytes"
	"github.com/inspection-workbench/workbench"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func open(t testing.TB, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// parts are the workbook's zip parts by name.
func parts(t testing.TB, path string) map[string]string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = z.Close() }()
	m := map[string]string{}
	for _, p := range z.File {
		r, err := p.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		_ = r.Close()
		if err != nil {
			t.Fatal(err)
		}
		m[p.Name] = string(b)
	}
	return m
}

// sheetPart is the XML of the named sheet (sheets are written in order).
func sheetPart(t testing.TB, ps map[string]string, f *excelize.File, sheet string) string {
	t.Helper()
	idx, err := f.GetSheetIndex(sheet)
	if err != nil || idx < 0 {
		t.Fatalf("no sheet %q", sheet)
	}
	x, ok := ps["xl/worksheets/sheet"+strconv.Itoa(idx+1)+".xml"]
	if !ok {
		t.Fatalf("no part for sheet %q", sheet)
	}
	return x
}

func rows(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	r, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// summaryValues maps the Summary's labels to their values.
func summaryValues(t testing.TB, f *excelize.File, sheet string) map[string]string {
	m := map[string]string{}
	for _, r := range rows(t, f, sheet) {
		if len(r) >= 2 {
			m[r[0]] = r[1]
		}
	}
	return m
}

func TestSheetNames(t *testing.T) {
	want := map[string][]string{
		workbench.ExportLangZh:   {"概要", "检查清单", "问题", "证据", "提交材料", "自动检查"},
		workbench.ExportLangEn:   {"Summary", "Checklist", "Findings", "Evidence", "Submissions", "Automated checks"},
		workbench.ExportLangBoth: {"Summary", "Checklist", "Findings", "Evidence", "Submissions", "Automated checks"},
	}
	for lang, names := range want {
		f := open(t, writeSample(t, sampleData(lang)))
		if got := visibleSheets(t, f); !slices.Equal(got, names) {
			t.Errorf("%s: sheets %q, want %q", lang, got, names)
		}
		if vis, err := f.GetSheetVisible(baselineSheet); err != nil || vis {
			t.Errorf("%s: baseline sheet visible %v, %v", lang, vis, err)
		}
		if f.GetActiveSheetIndex() != 0 {
			t.Errorf("%s: active sheet %d, want the Summary", lang, f.GetActiveSheetIndex())
		}
	}
}

func TestWriteRejectsBadInput(t *testing.T) {
	if err := Write(io.Discard, nil); err == nil {
		t.Error("nil data: no error")
	}
	d := sampleData("fr")
	var buf bytes.Buffer
	err := Write(&buf, d)
	if err == nil || !strings.Contains(err.Error(), `"fr"`) {
		t.Errorf("lang fr: error %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("failed export wrote %d bytes", buf.Len())
	}
}

func TestSummary(t *testing.T) {
	f := open(t, writeSample(t, sampleData(workbench.ExportLangZh)))
	v := summaryValues(t, f, "概要")
	checks := map[string]string{
		"被检查的服务提供者":   "北京星河智算科技有限公司",
		"统一社会信用代码":    "91110108MA7XH2TQ5E",
		"服务名称":        "星河智聊 XingheChat",
		"备案号":         "Beijing-XingheChat-20240315",
		"案件编号":        "7",
		"案件名称":        "星河智聊 2025 年度监督检查",
		"检查人员":        "王芳、李雷",
		"案件状态":        "已签署",
		"检查模板":        "art19-baseline",
		"模板版本":        "1.2",
		"签名（SHA-256）": sampleSHA,
		"个人信息":        "已遮蔽：身份证号、手机号、电子邮箱和银行卡号已部分隐去",
		"时区":          "CST (UTC+08:00)",
		"合规":          "1",
		"合计":          "6",
		"中":           "1",
		"高":           "1",
		"无":           "4",
		"证据链接":        "3",
		"提交材料":        "2",
		"自动检查":        "2",
		"其中待确认":       "1",
	}
	for label, want := range checks {
		if v[label] != want {
			t.Errorf("Summary %s = %q, want %q", label, v[label], want)
		}
	}
	// Dates are real dates.
	for _, label := range []string{"立案日期", "检查开始时间", "签署时间", "生成时间"} {
		if !regexp.MustCompile(`^2025-03-\d\d`).MatchString(v[label]) {
			t.Errorf("Summary %s = %q, want a formatted date", label, v[label])
		}
	}
	if v["立案日期"] != "2025-03-01" || v["检查开始时间"] != "2025-03-03 09:30" {
		t.Errorf("dates %q %q", v["立案日期"], v["检查开始时间"])
	}
	notice, _ := f.GetCellValue("概要", "A2")
	if !strings.Contains(notice, "“"+Art19Para2Zh+"”") || !strings.Contains(notice, "不得转交") {
		t.Errorf("notice %q lacks the Art. 19 ¶2 quote", notice)
	}
	merged, _ := f.GetMergeCells("概要")
	if len(merged) != 2 {
		t.Errorf("merged cells %v, want title and notice", merged)
	}

	// Unsigned, personal information included, English.
	d := sampleData(workbench.ExportLangEn)
	d.Case.Signature, d.Case.SignedAt, d.Case.Status = "", time.Time{}, "concluded"
	d.IncludePersonalInfo = true
	f = open(t, writeSample(t, d))
	v = summaryValues(t, f, "Summary")
	for label, want := range map[string]string{
		"Signature (SHA-256)":  "not signed",
		"Signed":               "not signed",
		"Status":               "Concluded",
		"Personal information": "Included: this workbook contains unmasked personal information",
		"Inspectors":           "王芳, 李雷",
	} {
		if v[label] != want {
			t.Errorf("Summary %s = %q, want %q", label, v[label], want)
		}
	}
	notice, _ = f.GetCellValue("Summary", "A2")
	if !strings.HasPrefix(notice, "CONFIDENTIAL.") || !strings.Contains(notice, "Article 19(2)") {
		t.Errorf("English notice %q", notice)
	}
}

// TestArt19Quote checks the quoted paragraph against the project's
// reference text of the Measures, when it is at hand.
func TestArt19Quote(t *testing.T) {
	b, err := os.ReadFile("/work/shared/reference/measures-2023-zh-en.txt")
	if err != nil {
		t.Skipf("reference text not available: %v", err)
	}
	if !bytes.Contains(b, []byte(Art19Para2Zh+"\n")) {
		t.Errorf("Art19Para2Zh is not a paragraph of the reference text")
	}
}

func TestChecklistSheet(t *testing.T) {
	d := sampleData(workbench.ExportLangZh)
	f := open(t, writeSample(t, d))
	r := rows(t, f, "检查清单")
	wantHead := []string{"编号", "条款", "检查项", "检查要求", "结果", "严重程度", "备注", "问题描述", "整改期限", "证据数"}
	if !slices.Equal(r[0], wantHead) {
		t.Fatalf("header %q, want %q", r[0], wantHead)
	}
	if len(r) != 1+len(d.Items) {
		t.Fatalf("%d rows, want %d", len(r), 1+len(d.Items))
	}
	want := []string{"art7-3-pi-consent", "第七条第（三）项", "个人信息同意", "涉及个人信息的，应当取得个人同意", "部分合规", "中",
		"联系人手机138****8000，邮箱 z***@example.com", "样本中身份证号110**************X未取得同意", "2025-06-30", "1"}
	if !slices.Equal(r[2], want) {
		t.Errorf("row 3 %q,\nwant %q", r[2], want)
	}
	for i, it := range d.Items {
		if r[i+1][0] != it.ID || r[i+1][4] != ResultLabel(it.Result, workbench.ExportLangZh) {
			t.Errorf("row %d: %q", i+2, r[i+1])
		}
	}

	// Both languages: headers and labels "中文 / English", texts on two lines.
	f = open(t, writeSample(t, sampleData(workbench.ExportLangBoth)))
	r = rows(t, f, "Checklist")
	if r[0][4] != "结果 / Result" || r[2][4] != "部分合规 / Partially compliant" || r[2][5] != "中 / Medium" {
		t.Errorf("both: %q / %q / %q", r[0][4], r[2][4], r[2][5])
	}
	if r[2][2] != "个人信息同意\nConsent for personal information" {
		t.Errorf("both: title %q", r[2][2])
	}
}

func TestFindingsSheet(t *testing.T) {
	f := open(t, writeSample(t, sampleData(workbench.ExportLangEn)))
	r := rows(t, f, "Findings")
	wantHead := []string{"Item ID", "Title", "Result", "Severity", "Finding", "Deadline", "Articles", "Evidence references"}
	if !slices.Equal(r[0], wantHead) {
		t.Fatalf("header %q", r[0])
	}
	var ids []string
	for _, row := range r[1:] {
		ids = append(ids, row[0])
	}
	if !slices.Equal(ids, []string{"art7-3-pi-consent", "art10-incidents"}) {
		t.Errorf("findings for %q, want only the non- and partially compliant items", ids)
	}
	if r[2][2] != "Non-compliant" || r[2][3] != "High" || r[2][5] != "2025-05-31" ||
		r[2][7] != "INC-0042 (incidents.csv line 43)\nINC-0684 (incidents.csv line 685)" {
		t.Errorf("finding row %q", r[2])
	}
}

func TestEvidenceSheet(t *testing.T) {
	f := open(t, writeSample(t, sampleData(workbench.ExportLangEn)))
	r := rows(t, f, "Evidence")
	wantHead := []string{"Item", "Reference", "Hit id", "File", "Kind", "SHA-256", "Location", "Quoted text", "Added at", "Confidentiality label"}
	if !slices.Equal(r[0], wantHead) {
		t.Fatalf("header %q", r[0])
	}
	if len(r) != 4 {
		t.Fatalf("%d rows, want header and 3", len(r))
	}
	want := []string{"art7-3-pi-consent", "DS-0003", "rec-3", "sources.xlsx", "Training data sources", sampleSHA,
		"Sheet1 row 4", "用户110**************X的对话记录，联系电话138****8000", "2025-03-05 11:30", "Personal information"}
	if !slices.Equal(r[2], want) {
		t.Errorf("row 3 %q,\nwant %q", r[2], want)
	}

	// No evidence: just the header.
	d := sampleData(workbench.ExportLangEn)
	d.Evidence = nil
	f = open(t, writeSample(t, d))
	if r := rows(t, f, "Evidence"); len(r) != 1 {
		t.Errorf("no evidence: %d rows", len(r))
	}
}

func TestSubmissionsAndChecksSheets(t *testing.T) {
	f := open(t, writeSample(t, sampleData(workbench.ExportLangZh)))
	r := rows(t, f, "提交材料")
	want := []string{"sources.xlsx", "训练数据来源说明", "商业秘密", sampleSHA, "48213", "2025-03-04 14:30", "120", "0", "1"}
	if !slices.Equal(r[1], want) {
		t.Errorf("submission %q,\nwant %q", r[1], want)
	}
	r = rows(t, f, "自动检查")
	want = []string{"incident-reported", "art10-incidents", "第十四条", "3 起事件未报告：INC-0684、INC-0685、INC-0690",
		"不合规", "4", "3", "1", "max_days = 30 — 由检查人员设定", "INC-0684\nINC-0685\nINC-0690", "INC-0700", "已采纳", "不合规", "", "2025-03-07 10:30"}
	if !slices.Equal(r[1], want) {
		t.Errorf("check %q,\nwant %q", r[1], want)
	}
	if r[2][11] != "待确认" {
		t.Errorf("pending decision %q", r[2][11])
	}

	// Long reference lists are cut.
	d := sampleData(workbench.ExportLangEn)
	d.Checks[0].RecordRefs = nil
	for i := range 45 {
		d.Checks[0].RecordRefs = append(d.Checks[0].RecordRefs, "INC-"+strings.Repeat("9", i%4+1))
	}
	f = open(t, writeSample(t, d))
	refs, _ := f.GetCellValue("Automated checks", "J2")
	if n := strings.Count(refs, "\n"); n != MaxRecordRefs || !strings.HasSuffix(refs, "… and 25 more") {
		t.Errorf("refs: %d lines, %q", n+1, refs)
	}
}

// visibleSheets are the sheets a person sees, in order.
func visibleSheets(t testing.TB, f *excelize.File) []string {
	var out []string
	for _, s := range f.GetSheetList() {
		vis, err := f.GetSheetVisible(s)
		if err != nil {
			t.Fatal(err)
		}
		if vis {
			out = append(out, s)
		}
	}
	return out
}

// allText is every cell value of every sheet, hidden ones included.
func allText(t testing.TB, f *excelize.File) string {
	var b strings.Builder
	for _, s := range f.GetSheetList() {
		for _, r := range rows(t, f, s) {
			b.WriteString(strings.Join(r, "\t"))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestMaskingEverySheet(t *testing.T) {
	for _, lang := range []string{workbench.ExportLangZh, workbench.ExportLangEn, workbench.ExportLangBoth} {
		path := writeSample(t, sampleData(lang))
		f := open(t, path)
		text := allText(t, f)
		for _, pi := range []string{piPhone, piID, piEmail, piCard, "zhang.san"} {
			if strings.Contains(text, pi) {
				t.Errorf("%s: %q is in the workbook", lang, pi)
			}
		}
		// Also nowhere in the file's parts (document properties…).
		for name, x := range parts(t, path) {
			for _, pi := range []string{piPhone, piID, piEmail} {
				if strings.Contains(x, pi) {
					t.Errorf("%s: %q is in part %s", lang, pi, name)
				}
			}
		}
		// Masked where it was, in every sheet that had it.
		for sheet, want := range map[int]string{
			SheetChecklist: piPhoneMask, SheetFindings: piIDMask, SheetEvidence: piIDMask,
			SheetSubmissions: piPhoneMask, SheetChecks: piEmailMask,
		} {
			name := SheetName(sheet, lang)
			var b strings.Builder
			for _, r := range rows(t, f, name) {
				b.WriteString(strings.Join(r, "\t"))
			}
			if !strings.Contains(b.String(), want) {
				t.Errorf("%s: sheet %s lacks %q", lang, name, want)
			}
		}
		// What must not be masked.
		for _, keep := range []string{sampleSHA, "91110108MA7XH2TQ5E", "Beijing-XingheChat-20240315", "INC-0042", "2025-06-30"} {
			if !strings.Contains(text, keep) {
				t.Errorf("%s: %q was masked", lang, keep)
			}
		}
	}

	d := sampleData(workbench.ExportLangZh)
	d.IncludePersonalInfo = true
	f := open(t, writeSample(t, d))
	text := allText(t, f)
	for _, pi := range []string{piPhone, piID, piEmail, piCard} {
		if !strings.Contains(text, pi) {
			t.Errorf("IncludePersonalInfo: %q missing", pi)
		}
	}
	if strings.Contains(text, "****") {
		t.Error("IncludePersonalInfo: something was masked")
	}
}

func TestDataValidationsAndColours(t *testing.T) {
	for _, lang := range []string{workbench.ExportLangZh, workbench.ExportLangEn, workbench.ExportLangBoth} {
		f := open(t, writeSample(t, sampleData(lang)))
		sheet := SheetName(SheetChecklist, lang)
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(dvs) != 2 {
			t.Fatalf("%s: %d validations, want result and severity", lang, len(dvs))
		}
		byRef := map[string]*excelize.DataValidation{}
		for _, dv := range dvs {
			byRef[dv.Sqref] = dv
		}
		res, sev := byRef["E2:E7"], byRef["F2:F7"]
		if res == nil || sev == nil {
			t.Fatalf("%s: validations on %v", lang, slices.Collect(func(yield func(string) bool) {
				for k := range byRef {
					yield(k)
				}
			}))
		}
		var labels []string
		for _, c := range Results {
			labels = append(labels, ResultLabel(c, lang))
		}
		if res.Type != "list" || res.Formula1 != `"`+strings.Join(labels, ",")+`"` {
			t.Errorf("%s: result list %s %s", lang, res.Type, res.Formula1)
		}
		for _, dv := range dvs {
			if n := len([]rune(*dv.Error)); n > 225 || len([]rune(*dv.ErrorTitle)) > 32 {
				t.Errorf("%s: validation message of %d characters: %s", lang, n, *dv.Error)
			}
		}
		if !strings.Contains(sev.Formula1, SeverityLabel("critical", lang)) || !sev.AllowBlank {
			t.Errorf("%s: severity list %s", lang, sev.Formula1)
		}
		cf, err := f.GetConditionalFormats(sheet)
		if err != nil {
			t.Fatal(err)
		}
		rules := cf["E2:E7"]
		if len(rules) != 5 {
			t.Fatalf("%s: %d colour rules on the result column: %v", lang, len(rules), cf)
		}
		// The rule for non-compliant is red and matches every spelling.
		red := false
		for _, r := range rules {
			if !strings.Contains(r.Criteria, `"不合规"`) {
				continue
			}
			red = true
			st, err := f.GetConditionalStyle(*r.Format)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.EqualFold(st.Fill.Color[0], "FFC7CE") {
				t.Errorf("%s: non-compliant fill %v", lang, st.Fill.Color)
			}
			for _, s := range []string{"non_compliant", "Non-compliant", "不合规 / Non-compliant"} {
				if !strings.Contains(r.Criteria, `"`+s+`"`) {
					t.Errorf("%s: rule %s misses %q", lang, r.Criteria, s)
				}
			}
		}
		if !red {
			t.Errorf("%s: no rule for non-compliant", lang)
		}
	}
}

func TestSheetLayout(t *testing.T) {
	path := writeSample(t, sampleData(workbench.ExportLangBoth))
	f := open(t, path)
	ps := parts(t, path)
	names := f.GetDefinedName()
	for i, sheet := range visibleSheets(t, f) {
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes %+v, want the first row frozen", sheet, panes)
		}
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if layout.Orientation == nil || *layout.Orientation != "landscape" || layout.FitToWidth == nil || *layout.FitToWidth != 1 {
			t.Errorf("%s: page layout %+v", sheet, layout)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil || hf == nil {
			t.Fatalf("%s: no header/footer (%v)", sheet, err)
		}
		if !strings.Contains(hf.OddHeader, "机密 — 监督检查材料 / CONFIDENTIAL — inspection material") ||
			!strings.Contains(hf.OddFooter, "Page &P of &N") {
			t.Errorf("%s: header %q footer %q", sheet, hf.OddHeader, hf.OddFooter)
		}
		titles := false
		for _, n := range names {
			if n.Name == "_xlnm.Print_Titles" && n.Scope == sheet && strings.HasSuffix(n.RefersTo, "!$1:$1") {
				titles = true
			}
		}
		if !titles {
			t.Errorf("%s: no print titles", sheet)
		}
		x := sheetPart(t, ps, f, sheet)
		if i > 0 && !regexp.MustCompile(`<autoFilter ref="\$A\$1:\$[A-Z]+\$\d+"`).MatchString(x) {
			t.Errorf("%s: no autofilter", sheet)
		}
		// Column widths ascending, each within the cap.
		cols := regexp.MustCompile(`<col min="(\d+)" max="\d+" width="([\d.]+)"`).FindAllStringSubmatch(x, -1)
		if len(cols) == 0 {
			t.Errorf("%s: no column widths", sheet)
		}
		for j, c := range cols {
			if c[1] != strconv.Itoa(j+1) {
				t.Errorf("%s: col %d is min=%s: not ascending", sheet, j+1, c[1])
			}
			w, _ := f.GetColWidth(sheet, colName(j+1))
			if w < minColWidth || w > maxColWidth {
				t.Errorf("%s: column %d width %v", sheet, j+1, w)
			}
		}
	}
	// Chinese text counts double: the requirement column would fit its
	// longest requirement, 16 wide characters, plus padding (34), but is
	// narrowed, after the articles and titles, for the sheet to fit the
	// page; quotes take what the page leaves beside the other columns
	// (the confidentiality label among them), most of the cap.
	f = open(t, writeSample(t, sampleData(workbench.ExportLangZh)))
	if w, _ := f.GetColWidth("检查清单", "D"); w < 20 || w > 34 {
		t.Errorf("zh requirement width %v, want at most 34 (16 wide characters) and at least 20", w)
	}
	if w, _ := f.GetColWidth("检查清单", "C"); w != minWrapWidth {
		t.Errorf("zh title width %v, want %d: narrowed before the requirement", w, minWrapWidth)
	}
	if w, _ := f.GetColWidth("证据", "H"); w < maxColWidth-10 || w > maxColWidth {
		t.Errorf("quote width %v, want at least %d and at most the cap", w, maxColWidth-10)
	}
}

func colName(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

func TestCellStyles(t *testing.T) {
	f := open(t, writeSample(t, sampleData(workbench.ExportLangZh)))
	style := func(sheet, cell string) *excelize.Style {
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	for _, sheet := range visibleSheets(t, f)[1:] {
		h := style(sheet, "A1")
		if h.Font == nil || !h.Font.Bold || len(h.Fill.Color) == 0 {
			t.Errorf("%s: header style %+v", sheet, h)
		}
	}
	if st := style("证据", "H2"); st.Alignment == nil || !st.Alignment.WrapText {
		t.Error("quotes do not wrap")
	}
	// Dates: numbers with a date format.
	for _, c := range []struct{ sheet, cell, format string }{
		{"检查清单", "I3", "yyyy-mm-dd"}, {"问题", "F2", "yyyy-mm-dd"}, {"证据", "I2", "yyyy-mm-dd hh:mm"},
		{"提交材料", "F2", "yyyy-mm-dd hh:mm"}, {"概要", "B12", "yyyy-mm-dd"},
	} {
		typ, _ := f.GetCellType(c.sheet, c.cell)
		raw, _ := f.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
		st := style(c.sheet, c.cell)
		if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber || !regexp.MustCompile(`^\d+(\.\d+)?$`).MatchString(raw) ||
			st.CustomNumFmt == nil || *st.CustomNumFmt != c.format {
			t.Errorf("%s!%s: type %v raw %q format %v, want a date number", c.sheet, c.cell, typ, raw, st.CustomNumFmt)
		}
	}
	if raw, _ := f.GetCellValue("检查清单", "I3", excelize.Options{RawCellValue: true}); raw != "45838" {
		t.Errorf("2025-06-30 is %s, want 45838", raw)
	}
	// Summary result counts carry the result's colour.
	nc := ""
	for r, row := range rows(t, f, "概要") {
		if len(row) > 0 && row[0] == ResultLabel("non_compliant", workbench.ExportLangZh) {
			nc = "A" + strconv.Itoa(r+1)
		}
	}
	if nc == "" {
		t.Fatal("the Summary has no non-compliant count")
	}
	if st := style("概要", nc); len(st.Fill.Color) == 0 || !strings.EqualFold(st.Fill.Color[0], "FFC7CE") {
		t.Errorf("non-compliant count fill %+v", st.Fill)
	}
}

func TestNoFormulas(t *testing.T) {
	d := sampleData(workbench.ExportLangEn)
	d.IncludePersonalInfo = true
	d.Items[0].Note = "\t=cmd"
	d.Items[3].Note = "  -1+2"
	d.Items[4].Finding = "''=already quoted"
	d.Case.Title = "=1+1"
	d.Submissions[0].File = "+file.csv"
	d.Checks[1].Reason = "@reason"
	path := writeSample(t, d)
	ps := parts(t, path)
	f := open(t, path)
	for name, x := range ps {
		if !strings.HasPrefix(name, "xl/worksheets/") {
			continue
		}
		if strings.Contains(x, "<f>") || strings.Contains(x, "<f ") {
			t.Errorf("%s holds a formula element", name)
		}
		if strings.Contains(x, `t="str"`) {
			t.Errorf("%s holds a formula string cell", name)
		}
	}
	for _, c := range []struct{ sheet, cell, want string }{
		{"Checklist", "G4", "'" + formulaNote},
		{"Checklist", "G2", "'\t=cmd"},
		{"Checklist", "G5", "'  -1+2"},
		{"Checklist", "H4", "'-3 起事件未报告，退款卡号 " + piCard},
		{"Checklist", "H6", "'''=already quoted"},
		{"Evidence", "H4", "'" + formulaQuote},
		{"Summary", "B9", "'=1+1"},
		{"Submissions", "A2", "'+file.csv"},
		{"Automated checks", "N3", "'@reason"},
	} {
		if got, _ := f.GetCellValue(c.sheet, c.cell); got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.cell, got, c.want)
		}
	}
	// Round trip through ReadChecklist: exactly the added quote goes.
	cs, err := ReadChecklist(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs.Errors) > 0 {
		t.Fatalf("errors %v", cs.Errors)
	}
	for i, it := range d.Items {
		if cs.Rows[i].Note != it.Note || cs.Rows[i].Finding != it.Finding {
			t.Errorf("%s: note %q finding %q, want %q %q", it.ID, cs.Rows[i].Note, cs.Rows[i].Finding, it.Note, it.Finding)
		}
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "export.xlsx")
	if err := os.WriteFile(path, []byte("previous export"), 0o600); err != nil {
		t.Fatal(err)
	}
	d := sampleData(workbench.ExportLangZh)
	d.Evidence = failing(Evidence{Item: "x", Quote: "q"}, 10)
	err := WriteFile(path, d)
	if err == nil || !strings.Contains(err.Error(), "database went away") || !strings.Contains(err.Error(), "after 10 rows") {
		t.Fatalf("error %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "previous export" {
		t.Error("a failed export touched the existing file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	// Success replaces it; the file is private.
	if err := WriteFile(path, sampleData(workbench.ExportLangZh)); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	entries, _ = os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if err := WriteFile(filepath.Join(dir, "missing", "x.xlsx"), sampleData(workbench.ExportLangZh)); err == nil {
		t.Error("no error for a missing directory")
	}
}

func TestWriteEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, &Data{Lang: workbench.ExportLangEn}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	if r := rows(t, f, "Checklist"); len(r) != 1 {
		t.Errorf("%d checklist rows", len(r))
	}
	v := summaryValues(t, f, "Summary")
	if v["Signature (SHA-256)"] != "not signed" || v["Inspection started"] != "—" {
		t.Errorf("summary %v", v)
	}
}

func TestWriteControlCharacters(t *testing.T) {
	// Characters XML cannot hold must not make the file unreadable.
	d := sampleData(workbench.ExportLangEn)
	d.Items[0].Note = "bell\x07 and nul\x00 and _x0041_"
	path := writeSample(t, d)
	f := open(t, path)
	got, err := f.GetCellValue("Checklist", "G2")
	if err != nil || !strings.Contains(got, "_x0041_") || !strings.HasPrefix(got, "bell") {
		t.Errorf("note %q (%v)", got, err)
	}
}

func TestEvidenceIteratorError(t *testing.T) {
	d := sampleData(workbench.ExportLangEn)
	d.Evidence = failing(Evidence{}, 0)
	err := Write(io.Discard, d)
	if err == nil || !strings.Contains(err.Error(), "sheet Evidence") {
		t.Errorf("error %v", err)
	}
}

// TestPrintLayout reads back how the Checklist and Evidence sheets print:
// A4 landscape fitted to the page width at 60 % or more, the header row
// repeated on every page, and every row at least as high as its wrapped
// text needs.
func TestPrintLayout(t *testing.T) {
	longZh := strings.Repeat("检查人员现场核查了数据来源台账，发现部分开源语料缺少授权文件。", 6)
	longEn := strings.Repeat("The inspector checked the source register on site and found licences missing. ", 5)
	for _, lang := range []string{workbench.ExportLangZh, workbench.ExportLangEn, workbench.ExportLangBoth} {
		t.Run(lang, func(t *testing.T) {
			d := sampleData(lang)
			d.Items[1].Finding = longZh
			d.Items[2].Note = longEn
			d.Items[0].Requirement = workbench.Text{Zh: longZh, En: longEn}
			d.Items[1].ID = "art23-1-administrative-licences" // the built-in templates' longest
			f := open(t, writeSample(t, d))
			names := f.GetDefinedName()
			for _, sheet := range []string{SheetName(SheetChecklist, lang), SheetName(SheetEvidence, lang)} {
				layout, err := f.GetPageLayout(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" {
					t.Errorf("%s: not A4 landscape: %+v", sheet, layout)
				}
				props, err := f.GetSheetProps(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if props.FitToPage == nil || !*props.FitToPage || layout.FitToWidth == nil || *layout.FitToWidth != 1 ||
					layout.FitToHeight == nil || *layout.FitToHeight != 0 {
					t.Fatalf("%s: not fitted to the page width: %+v", sheet, layout)
				}
				titles := false
				for _, n := range names {
					titles = titles || n.Name == "_xlnm.Print_Titles" && n.Scope == sheet && strings.HasSuffix(n.RefersTo, "!$1:$1")
				}
				if !titles {
					t.Errorf("%s: the header row is not repeated on every page", sheet)
				}
				// The scale fitting the width: the page less its margins
				// over the columns, each its width in digits of 7 pixels
				// plus 5 pixels of padding.
				margins, err := f.GetPageMargins(sheet)
				if err != nil {
					t.Fatal(err)
				}
				printable := (297/25.4 - *margins.Left - *margins.Right) * 96
				header := rows(t, f, sheet)[0]
				total := 0.0
				widths := make([]float64, len(header))
				for c := range header {
					w, err := f.GetColWidth(sheet, colName(c+1))
					if err != nil {
						t.Fatal(err)
					}
					widths[c] = w
					total += w*7 + 5
				}
				if scale := printable / total; scale < 0.6 {
					t.Errorf("%s: prints at %.0f %% of its size", sheet, scale*100)
				}
				// The text columns keep room to be read: the requirement
				// (D of the Checklist) and the quote (H of the Evidence)
				// are not squeezed by labels and headers.
				if w := widths[map[bool]int{true: 3, false: 7}[sheet == SheetName(SheetChecklist, lang)]]; w < 20 {
					t.Errorf("%s: the main text column is %v wide", sheet, w)
				}
				// A long item id wraps rather than take the width of the
				// texts: its column is narrowed to the floor.
				if sheet == SheetName(SheetChecklist, lang) && widths[0] != itemIDFloor {
					t.Errorf("%s: the item id column is %v wide, want %d", sheet, widths[0], itemIDFloor)
				}
				// Every row as high as its longest cell needs: at least
				// its text's width over the column's, in lines of 11-point
				// text (15 points), up to Excel's 409.
				for r, row := range rows(t, f, sheet) {
					need := 1
					for c, v := range row {
						lines := 0
						room := int(widths[c]) - 1 // the cell's margins
						for _, line := range strings.Split(v, "\n") {
							lines += max(1, (displayWidth(line)+room-1)/room)
						}
						need = max(need, lines)
					}
					h, err := f.GetRowHeight(sheet, r+1)
					if err != nil {
						t.Fatal(err)
					}
					if want := min(float64(need)*15, 409); h < want {
						t.Errorf("%s row %d: %v points high, its text needs %d lines (%v points): %q", sheet, r+1, h, need, want, row)
					}
					if need == 1 && h > 20 {
						t.Errorf("%s row %d: %v points high for one line", sheet, r+1, h)
					}
				}
			}
		})
	}
}

// TestSummaryRowsFitTheirText reads back the Summary sheet of a signed
// case: every field row is as high as its wrapped value needs, so the
// masking statement and the signature do not print over the rows below
// them (found printing an export through LibreOffice).
func TestSummaryRowsFitTheirText(t *testing.T) {
	for _, lang := range []string{workbench.ExportLangZh, workbench.ExportLangEn, workbench.ExportLangBoth} {
		t.Run(lang, func(t *testing.T) {
			d := sampleData(lang)
			d.Case.Signature = strings.Repeat("6e63730e1280365c", 4)
			f := open(t, writeSample(t, d))
			sheet := SheetName(SheetSummary, lang)
			width, err := f.GetColWidth(sheet, "B")
			if err != nil {
				t.Fatal(err)
			}
			wrapped := 0
			for r, row := range rows(t, f, sheet) {
				if r < 2 || len(row) < 2 {
					continue // the title and the notice span both columns
				}
				need := 0
				room := int(width) - 1
				for _, line := range strings.Split(row[1], "\n") {
					need += max(1, (displayWidth(line)+room-1)/room)
				}
				if need == 1 {
					continue
				}
				wrapped++
				h, err := f.GetRowHeight(sheet, r+1)
				if err != nil {
					t.Fatal(err)
				}
				if want := min(float64(need)*15, 409); h < want {
					t.Errorf("row %d: %v points high, its value needs %d lines (%v points): %q", r+1, h, need, want, row[1])
				}
			}
			if wrapped == 0 {
				t.Errorf("no value wraps: the test checks nothing")
			}
		})
	}
}
