package export

import (
	"fmt"
	"github.com/inspection-workbench/workbench"
	"math"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Labels of the Summary sheet.
var (
	sumTitle      = workbench.Text{Zh: "监督检查结果汇总", En: "Inspection findings — summary"}
	sumProvider   = workbench.Text{Zh: "被检查的服务提供者", En: "Provider"}
	sumCreditCode = workbench.Text{Zh: "统一社会信用代码", En: "Unified social credit code"}
	sumService    = workbench.Text{Zh: "服务名称", En: "Service"}
	sumFilingNo   = workbench.Text{Zh: "备案号", En: "Filing number"}
	sumCaseID     = workbench.Text{Zh: "案件编号", En: "Case ID"}
	sumCaseTitle  = workbench.Text{Zh: "案件名称", En: "Case title"}
	sumInspectors = workbench.Text{Zh: "检查人员", En: "Inspectors"}
	sumStatus     = workbench.Text{Zh: "案件状态", En: "Status"}
	sumOpened     = workbench.Text{Zh: "立案日期", En: "Opened on"}
	sumStarted    = workbench.Text{Zh: "检查开始时间", En: "Inspection started"}
	sumConcluded  = workbench.Text{Zh: "检查结束时间", En: "Inspection concluded"}
	sumSigned     = workbench.Text{Zh: "签署时间", En: "Signed"}
	sumTemplate   = workbench.Text{Zh: "检查模板", En: "Checklist template"}
	sumVersion    = workbench.Text{Zh: "模板版本", En: "Template version"}
	sumSignature  = workbench.Text{Zh: "签名（SHA-256）", En: "Signature (SHA-256)"}
	sumPI         = workbench.Text{Zh: "个人信息", En: "Personal information"}
	sumSecret     = workbench.Text{Zh: "国家秘密", En: "State secrets"}
	sumGenerated  = workbench.Text{Zh: "生成时间", En: "Generated at"}
	sumTimeZone   = workbench.Text{Zh: "时区", En: "Time zone"}
	sumItems      = workbench.Text{Zh: "条目数", En: "Items"}
	sumTotal      = workbench.Text{Zh: "合计", En: "Total"}
	sumNone       = workbench.Text{Zh: "无", En: "None"}
	sumOther      = workbench.Text{Zh: "其他", En: "Other"}
	sumCount      = workbench.Text{Zh: "数量", En: "Count"}
	sumEvidence   = workbench.Text{Zh: "证据链接", En: "Evidence links"}
	sumSubs       = workbench.Text{Zh: "提交材料", En: "Submissions"}
	sumChecks     = workbench.Text{Zh: "自动检查", En: "Automated checks"}
	sumPending    = workbench.Text{Zh: "其中待确认", En: "of which pending"}

	notYet      = workbench.Text{Zh: "—", En: "—"}
	notSigned   = workbench.Text{Zh: "未签署", En: "not signed"}
	piIncluded  = workbench.Text{Zh: "已包含：本工作簿含有未遮蔽的个人信息", En: "Included: this workbook contains unmasked personal information"}
	piMasked    = workbench.Text{Zh: "已遮蔽：身份证号、手机号、电子邮箱和银行卡号已部分隐去", En: "Masked: resident ID, mobile, e-mail and bank-card numbers are partly hidden"}
	summaryCols = [2]float64{42, maxColWidth}
)

// stateSecretStatement is what the Summary says about material labelled
// state secret: included, left out, or none in the case.
func stateSecretStatement(ss StateSecret, lang string) string {
	var t workbench.Text
	switch {
	case ss.Submissions == 0 && ss.Evidence == 0:
		t = workbench.Text{Zh: "本案件没有标为国家秘密的材料", En: "None: the case holds no material labelled state secret"}
	case ss.Included:
		t = workbench.Text{Zh: fmt.Sprintf("已包含：本工作簿含有标为国家秘密的 %d 个文件及其 %d 条证据引文", ss.Submissions, ss.Evidence),
			En: fmt.Sprintf("Included: this workbook contains %s labelled state secret and %s from them", count(ss.Submissions, "file", "files"),
				count(ss.Evidence, "evidence quotation", "evidence quotations"))}
	default:
		t = workbench.Text{Zh: fmt.Sprintf("已略去：标为国家秘密的 %d 个文件及其 %d 条证据引文未写入本工作簿", ss.Submissions, ss.Evidence),
			En: fmt.Sprintf("Left out: %s labelled state secret and %s from them are not in this workbook", count(ss.Submissions, "file", "files"),
				count(ss.Evidence, "evidence quotation", "evidence quotations"))}
	}
	return short(t, lang)
}

// count writes n with the English noun's singular or plural.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// personalInfoStatement is what the Summary says about personal
// information: whether it is included or masked.
func personalInfoStatement(included bool, lang string) string {
	if included {
		return short(piIncluded, lang)
	}
	return short(piMasked, lang)
}

func (x *writer) summary() error {
	sheet := SheetName(SheetSummary, x.lang)
	if err := x.pageSetup(sheet, 1); err != nil {
		return err
	}
	sw, err := x.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i := len(summaryCols) - 1; i >= 0; i-- { // last first, see newTable
		if err := sw.SetColWidth(i+1, i+1, summaryCols[i]); err != nil {
			return err
		}
	}
	if err := freeze(sw, 0, 1); err != nil {
		return err
	}
	row := 0
	put := func(cells []any, opts ...excelize.RowOpts) error {
		row++
		return sw.SetRow(fmt.Sprintf("A%d", row), cells, opts...)
	}
	cell := func(style int, v any) any {
		if v == nil {
			return nil
		}
		return excelize.Cell{StyleID: style, Value: v}
	}
	label := func(t workbench.Text) any { return cell(x.st.label, escapeCell(short(t, x.lang))) }

	// Title and confidentiality notice, each across both columns.
	if err := put([]any{cell(x.st.title, escapeCell(short(sumTitle, x.lang)))}, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	notice := long(noticeText, x.lang)
	if err := put([]any{cell(x.st.notice, escapeCell(notice))}, excelize.RowOpts{Height: noticeHeight(notice)}); err != nil {
		return err
	}
	for r := 1; r <= 2; r++ {
		if err := sw.MergeCell(fmt.Sprintf("A%d", r), fmt.Sprintf("B%d", r)); err != nil {
			return err
		}
	}
	row++ // blank

	c := x.d.Case
	or := func(v any, t workbench.Text) any {
		if v == nil {
			return escapeCell(short(t, x.lang))
		}
		return v
	}
	styled := func(v any, style int) any {
		if _, ok := v.(string); ok {
			return cell(x.st.wrap, v)
		}
		return cell(style, v)
	}
	sep := ", "
	if x.lang == workbench.ExportLangZh {
		sep = "、"
	}
	signature := any(escapeCell(short(notSigned, x.lang)))
	if c.Signature != "" {
		signature = x.plain(c.Signature)
	}
	zone := "UTC" + x.now.In(x.loc).Format("-07:00")
	if name := x.loc.String(); name != "Local" && name != "" {
		zone = name + " (" + zone + ")"
	}
	fields := []struct {
		label workbench.Text
		value any
	}{
		{sumProvider, cell(x.st.wrap, x.free(c.Provider))},
		{sumCreditCode, cell(x.st.wrap, x.plain(c.CreditCode))},
		{sumService, cell(x.st.wrap, x.free(c.Service))},
		{sumFilingNo, cell(x.st.wrap, x.plain(c.FilingNo))},
		{sumCaseID, cell(x.st.text, c.ID)},
		{sumCaseTitle, cell(x.st.wrap, x.free(c.Title))},
		{sumInspectors, cell(x.st.wrap, x.free(strings.Join(c.Inspectors, sep)))},
		{sumStatus, cell(x.st.wrap, x.plain(labelOf(statusLabels, c.Status, x.lang)))},
		{sumOpened, styled(x.date(c.OpenedOn), x.st.date)},
		{sumStarted, styled(or(x.when(c.StartedAt), notYet), x.st.dateTime)},
		{sumConcluded, styled(or(x.when(c.ConcludedAt), notYet), x.st.dateTime)},
		{sumSigned, styled(or(x.when(c.SignedAt), notSigned), x.st.dateTime)},
		{sumTemplate, cell(x.st.wrap, x.plain(c.Template))},
		{sumVersion, cell(x.st.wrap, x.plain(c.TemplateVersion))},
		{sumSignature, cell(x.st.wrap, signature)},
		{sumPI, cell(x.st.wrap, escapeCell(personalInfoStatement(x.d.IncludePersonalInfo, x.lang)))},
		{sumSecret, cell(x.st.wrap, escapeCell(stateSecretStatement(x.d.StateSecret, x.lang)))},
		{sumGenerated, cell(x.st.dateTime, x.now.In(x.loc))},
		{sumTimeZone, cell(x.st.wrap, escapeCell(zone))},
	}
	for _, f := range fields {
		// A long value (the masking statement, a signature) wraps: the
		// row is made as high as its lines, else it prints over the next.
		if err := put([]any{label(f.label), f.value}, summaryRowOpts(f.value)...); err != nil {
			return err
		}
		if f.label == sumSignature {
			for _, r := range x.signatureRows() {
				if err := put(r[:], summaryRowOpts(r[1])...); err != nil {
					return err
				}
			}
		}
	}

	// Counts by result and by severity.
	results := map[string]int{}
	severities := map[string]int{}
	for _, it := range x.d.Items {
		results[it.Result]++
		severities[it.Severity]++
	}
	head := func(a, b workbench.Text) error {
		row++ // blank
		return put([]any{
			cell(x.st.header, escapeCell(short(a, x.lang))), cell(x.st.header, escapeCell(short(b, x.lang))),
		})
	}
	if err := head(hResult, sumItems); err != nil {
		return err
	}
	codes := slices.Clone(Results)
	for code := range results {
		if !slices.Contains(codes, code) {
			codes = append(codes, code)
		}
	}
	slices.Sort(codes[len(Results):])
	for _, code := range codes {
		style, ok := x.st.fill[code]
		if !ok {
			style = x.st.text
		}
		if err := put([]any{cell(style, x.plain(ResultLabel(code, x.lang))), cell(x.st.integer, results[code])}); err != nil {
			return err
		}
	}
	if err := put([]any{label(sumTotal), cell(x.st.integer, len(x.d.Items))}); err != nil {
		return err
	}
	if err := head(hSeverity, sumItems); err != nil {
		return err
	}
	sevs := append(slices.Clone(Severities), "")
	for code := range severities {
		if !slices.Contains(sevs, code) {
			sevs = append(sevs, code)
		}
	}
	slices.Sort(sevs[len(Severities)+1:])
	for _, code := range sevs {
		name := SeverityLabel(code, x.lang)
		if code == "" {
			name = short(sumNone, x.lang)
		}
		if err := put([]any{cell(x.st.text, x.plain(name)), cell(x.st.integer, severities[code])}); err != nil {
			return err
		}
	}

	// What else the workbook holds.
	pending := 0
	for _, ch := range x.d.Checks {
		if ch.Decision == "pending" {
			pending++
		}
	}
	if err := head(sumOther, sumCount); err != nil {
		return err
	}
	for _, f := range []struct {
		label workbench.Text
		n     int
	}{
		{sumEvidence, x.evidenceRows}, {sumSubs, len(x.d.Submissions)}, {sumChecks, len(x.d.Checks)}, {sumPending, pending},
	} {
		if err := put([]any{cell(x.st.text, escapeCell(short(f.label, x.lang))), cell(x.st.integer, f.n)}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// noticeHeight is the height in points of the notice row, so that its
// wrapped lines show across the two merged columns (Excel does not fit
// merged rows by itself).
func noticeHeight(s string) float64 {
	perLine := summaryCols[0] + summaryCols[1] - 4
	lines := 0.0
	for p := range strings.SplitSeq(s, "\n") {
		lines += math.Max(1, math.Ceil(float64(displayWidth(p))/perLine))
	}
	return math.Min(excelize.MaxRowHeight, lines*15+6)
}

// summaryRowOpts are the options of a Summary row showing v: as high as
// v's lines when it wraps in the value column, else none (one line, the
// sheet's default).
func summaryRowOpts(v any) []excelize.RowOpts {
	if cell, ok := v.(excelize.Cell); ok {
		v = cell.Value
	}
	if s, ok := v.(string); ok {
		if h := heightOf(wrappedLines(s, summaryCols[1])); h > 0 {
			return []excelize.RowOpts{{Height: h}}
		}
	}
	return nil
}
