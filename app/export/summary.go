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
	sumTitle      = Text{"监督检查结果汇总", "Inspection findings — summary"}
	sumProvider   = Text{"被检查的服务提供者", "Provider"}
	sumCreditCode = Text{"统一社会信用代码", "Unified social credit code"}
	sumService    = Text{"服务名称", "Service"}
	sumFilingNo   = Text{"备案号", "Filing number"}
	sumCaseID     = Text{"案件编号", "Case ID"}
	sumCaseTitle  = Text{"案件名称", "Case title"}
	sumInspectors = Text{"检查人员", "Inspectors"}
	sumStatus     = Text{"案件状态", "Status"}
	sumOpened     = Text{"立案日期", "Opened on"}
	sumStarted    = Text{"检查开始时间", "Inspection started"}
	sumConcluded  = Text{"检查结束时间", "Inspection concluded"}
	sumSigned     = Text{"签署时间", "Signed"}
	sumTemplate   = Text{"检查模板", "Checklist template"}
	sumVersion    = Text{"模板版本", "Template version"}
	sumSignature  = Text{"签名（SHA-256）", "Signature (SHA-256)"}
	sumPI         = Text{"个人信息", "Personal information"}
	sumGenerated  = Text{"生成时间", "Generated at"}
	sumTimeZone   = Text{"时区", "Time zone"}
	sumItems      = Text{"条目数", "Items"}
	sumTotal      = Text{"合计", "Total"}
	sumNone       = Text{"无", "None"}
	sumOther      = Text{"其他", "Other"}
	sumCount      = Text{"数量", "Count"}
	sumEvidence   = Text{"证据链接", "Evidence links"}
	sumSubs       = Text{"提交材料", "Submissions"}
	sumChecks     = Text{"自动检查", "Automated checks"}
	sumPending    = Text{"其中待确认", "of which pending"}

	notYet      = Text{"—", "—"}
	notSigned   = Text{"未签署", "not signed"}
	piIncluded  = Text{"已包含：本工作簿含有未遮蔽的个人信息", "Included: this workbook contains unmasked personal information"}
	piMasked    = Text{"已遮蔽：身份证号、手机号、电子邮箱和银行卡号已部分隐去", "Masked: resident ID, mobile, e-mail and bank-card numbers are partly hidden"}
	summaryCols = [2]float64{42, maxColWidth}
)

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
	label := func(t Text) any { return cell(x.st.label, escapeCell(short(t, x.lang))) }

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
	or := func(v any, t Text) any {
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
		label Text
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
		{sumGenerated, cell(x.st.dateTime, x.now.In(x.loc))},
		{sumTimeZone, cell(x.st.wrap, escapeCell(zone))},
	}
	for _, f := range fields {
		if err := put([]any{label(f.label), f.value}); err != nil {
			return err
		}
	}

	// Counts by result and by severity.
	results := map[string]int{}
	severities := map[string]int{}
	for _, it := range x.d.Items {
		results[it.Result]++
		severities[it.Severity]++
	}
	head := func(a, b Text) error {
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
		label Text
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
