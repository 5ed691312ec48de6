package main

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// dataSource is one row of the training-data sources sheet. Empty strings
// are empty cells.
type dataSource struct {
	id, name, category, origin, stage, dataType string
	scaleValue                                  any // float64, or a string with a Chinese multiplier ("3亿")
	scaleUnit                                   string
	lawful, licence                             string
	pi, piBasis                                 string
	copyrighted, copyrightLicence               string
	period                                      string
	sample                                      int
	harmful                                     float64 // a fraction, shown as a percentage
	quality                                     string
	dept                                        string // an extra column the importer keeps as is
	registered                                  time.Time
	notes                                       string
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// The texts the clean rows share.
const (
	notApplicable  = "不适用"
	internalData   = "内部数据，无需外部许可"
	publicWebBasis = "采集公开网页，遵守robots协议，不突破访问控制，不采集需登录访问的内容"
	publicPIBasis  = "处理已合法公开的个人信息（《个人信息保护法》第十三条第一款第六项），入库前去标识化"
	publicCopyLic  = "仅使用权利人未声明禁止使用的公开内容；设版权投诉及删除机制"
	officialRel    = "从数据集官方发布渠道下载"
)

// dataSources are the provider's 15 training-data sources. The planted
// problems (see sampleProblems): DS-07 has no personal-information legal
// basis, DS-11 no copyright licence, DS-13 no lawful-source basis, and
// DS-04 a harmful share of 6.8%, above the 5% of TC260-003-2024 §5.1 a,
// where all others are at most 0.3%.
var dataSources = []dataSource{
	{id: "DS-01", name: "中文网页语料 Xinghe Web Corpus ZH v3", category: "互联网公开数据", origin: "境内", stage: "预训练", dataType: "文本",
		scaleValue: "5000亿", scaleUnit: "tokens", lawful: publicWebBasis, licence: "网站公开访问条款",
		pi: "是", piBasis: publicPIBasis, copyrighted: "是", copyrightLicence: publicCopyLic,
		period: "2019年1月—2023年12月", sample: 50000, harmful: 0.0012,
		quality: "去重、低质过滤、违法不良信息过滤、个人信息去标识化、人工抽检", dept: "数据工程部", registered: day(2024, 1, 15)},
	{id: "DS-02", name: "OpenWeb-EN Filtered 2023", category: "互联网公开数据", origin: "境外", stage: "预训练", dataType: "文本",
		scaleValue: "2000亿", scaleUnit: "tokens", lawful: publicWebBasis, licence: "网站公开访问条款",
		pi: "是", piBasis: publicPIBasis, copyrighted: "是", copyrightLicence: publicCopyLic,
		period: "2020-01 至 2023-06", sample: 30000, harmful: 0.0025,
		quality: "语言识别、去重、违法不良信息过滤、人工抽检", dept: "数据工程部", registered: day(2024, 1, 15),
		notes: "English-language web text, name as registered"},
	{id: "DS-03", name: "授权新闻资讯库", category: "授权或采购", origin: "境内", stage: "预训练及微调", dataType: "文本、图片",
		scaleValue: 1.2, scaleUnit: "TB", lawful: "向持证新闻资讯服务商采购并取得书面授权", licence: "《新闻内容授权使用协议》XH-LIC-2023-017",
		pi: "否", piBasis: notApplicable, copyrighted: "是", copyrightLicence: "协议第三条授权用于模型训练，期限至2026年12月",
		period: "2015年1月—2024年3月", sample: 20000, harmful: 0.0005,
		quality: "供应商预审、去重、时效性标注、人工抽检", dept: "法务部", registered: day(2024, 2, 20)},
	{id: "DS-04", name: "采购图文对数据集 ImageText-Pairs Pro", category: "授权或采购", origin: "境外", stage: "预训练", dataType: "文本、图片",
		scaleValue: "5000万", scaleUnit: "对", lawful: "向境外数据供应商采购，合同约定数据来源合法", licence: "《数据采购合同》XH-PO-2023-088",
		pi: "否", piBasis: notApplicable, copyrighted: "是", copyrightLicence: "合同约定授权用于模型训练",
		period: "2018年—2023年", sample: 20000, harmful: 0.068,
		quality: "图文一致性过滤、违法不良信息过滤、去重", dept: "数据工程部", registered: day(2024, 2, 20)},
	{id: "DS-05", name: "自有客服对话数据（脱敏）", category: "自有数据", origin: "境内", stage: "微调", dataType: "文本",
		scaleValue: "50万", scaleUnit: "条", lawful: "本公司客户服务业务中形成的数据", licence: internalData,
		pi: "是", piBasis: "隐私政策告知并取得用户单独同意；已去标识化", copyrighted: "否", copyrightLicence: notApplicable,
		period: "2023年1月—2024年6月", sample: 5000, harmful: 0,
		quality: "去标识化、人工复核、质量分级", dept: "客户服务部", registered: day(2024, 7, 10)},
	{id: "DS-06", name: "自有专业知识库", category: "自有数据", origin: "境内", stage: "预训练及微调", dataType: "文本",
		scaleValue: "3亿", scaleUnit: "tokens", lawful: "本公司员工编写的文档，本公司享有全部权利", licence: internalData,
		pi: "否", piBasis: notApplicable, copyrighted: "是", copyrightLicence: "著作权归本公司所有",
		period: "2021年—2024年", sample: 3000, harmful: 0.0002,
		quality: "专家审校、版本管理", dept: "知识工程部", registered: day(2024, 3, 1)},
	{id: "DS-07", name: "用户反馈对话数据", category: "用户数据", origin: "境内", stage: "微调", dataType: "文本",
		scaleValue: "20万", scaleUnit: "条", lawful: "用户在使用本服务过程中主动提交的反馈对话", licence: "《星河对话用户服务协议》",
		pi: "是", piBasis: "", copyrighted: "否", copyrightLicence: notApplicable,
		period: "2024年4月—2025年3月", sample: 4000, harmful: 0.0008,
		quality: "去标识化、人工复核、剔除违法不良内容", dept: "产品运营部", registered: day(2025, 4, 8)},
	{id: "DS-08", name: "合成指令数据 Synthetic Instruct v2", category: "合成数据", origin: "境内", stage: "微调", dataType: "文本",
		scaleValue: "120万", scaleUnit: "条", lawful: "由已备案的星河基座大模型 XH-Base v2 生成，经人工审核", licence: internalData,
		pi: "否", piBasis: notApplicable, copyrighted: "否", copyrightLicence: notApplicable,
		period: "2024年5月—2024年10月", sample: 6000, harmful: 0.001,
		quality: "多模型交叉校验、事实性核查、人工抽检", dept: "算法研究部", registered: day(2024, 11, 1)},
	{id: "DS-09", name: "合成图像描述数据", category: "合成数据", origin: "境内", stage: "微调", dataType: "文本、图片",
		scaleValue: "30万", scaleUnit: "张", lawful: "由本公司已备案模型生成，经人工审核", licence: internalData,
		pi: "否", piBasis: notApplicable, copyrighted: "否", copyrightLicence: notApplicable,
		period: "2024年8月—2024年12月", sample: 3000, harmful: 0.0003,
		quality: "图像安全过滤、描述一致性校验", dept: "算法研究部", registered: day(2025, 1, 6)},
	{id: "DS-10", name: "开源中文百科语料 OpenWiki-ZH", category: "开源数据集", origin: "境内", stage: "预训练", dataType: "文本",
		scaleValue: "80亿", scaleUnit: "tokens", lawful: officialRel, licence: "CC BY-SA 4.0",
		pi: "否", piBasis: notApplicable, copyrighted: "是", copyrightLicence: "CC BY-SA 4.0，保留署名信息",
		period: "2023年10月版本", sample: 10000, harmful: 0.0015,
		quality: "繁简转换、去重、违法不良信息过滤", dept: "数据工程部", registered: day(2024, 1, 15)},
	{id: "DS-11", name: "开源图文数据集 OpenImageText-5M", category: "开源数据集", origin: "境外", stage: "预训练", dataType: "文本、图片",
		scaleValue: "500万", scaleUnit: "对", lawful: officialRel, licence: "数据集发布方使用条款",
		pi: "否", piBasis: notApplicable, copyrighted: "是", copyrightLicence: "",
		period: "2022年版本", sample: 10000, harmful: 0.003,
		quality: "违法不良信息过滤、去重、图文一致性过滤", dept: "数据工程部", registered: day(2024, 1, 15),
		notes: "Downloaded from the official release page"},
	{id: "DS-12", name: "开源代码数据集 OpenCode-Permissive", category: "开源数据集", origin: "境外", stage: "预训练", dataType: "代码",
		scaleValue: 600.0, scaleUnit: "GB", lawful: officialRel + "，仅保留宽松许可的代码", licence: "Apache-2.0、MIT 等宽松许可",
		pi: "否", piBasis: notApplicable, copyrighted: "是", copyrightLicence: "Apache-2.0、MIT、BSD 许可，保留许可声明",
		period: "截至2023年6月", sample: 5000, harmful: 0.0006,
		quality: "许可证筛选、去重、密钥等敏感信息清除", dept: "算法研究部", registered: day(2024, 1, 15)},
	{id: "DS-13", name: "采购语音转写语料", category: "授权或采购", origin: "境内", stage: "微调", dataType: "音频、文本",
		scaleValue: 800.0, scaleUnit: "小时", lawful: "", licence: "《语音数据采购合同》XH-PO-2024-052",
		pi: "是", piBasis: "供应商已取得录音人书面同意，合同约定可用于模型训练", copyrighted: "否", copyrightLicence: notApplicable,
		period: "2024年2月—2024年5月", sample: 2000, harmful: 0.0001,
		quality: "转写校对、说话人信息去标识化", dept: "法务部", registered: day(2024, 6, 3)},
	{id: "DS-14", name: "中英平行语料 Parallel Corpus ZH-EN", category: "授权或采购", origin: "境内外", stage: "预训练及微调", dataType: "文本",
		scaleValue: "2亿", scaleUnit: "对", lawful: "向翻译服务商采购，合同约定来源合法", licence: "《平行语料授权协议》XH-LIC-2024-006",
		pi: "否", piBasis: notApplicable, copyrighted: "是", copyrightLicence: "协议约定授权用于模型训练",
		period: "2016年—2024年", sample: 8000, harmful: 0.002,
		quality: "对齐质量评分、去重、人工抽检", dept: "法务部", registered: day(2024, 4, 18)},
	{id: "DS-15", name: "安全对齐数据（人工编写）", category: "自有数据", origin: "境内", stage: "微调", dataType: "文本、图片",
		scaleValue: "8万", scaleUnit: "条", lawful: "本公司安全团队及标注人员编写", licence: internalData,
		pi: "否", piBasis: notApplicable, copyrighted: "否", copyrightLicence: notApplicable,
		period: "2024年3月—2025年5月", sample: 8000, harmful: 0.0004,
		quality: "双人复核、专家抽检", dept: "安全合规部", registered: day(2025, 5, 20)},
}

// dataSourceColumns are the header cells of the sheet, one per column; the
// "" after 数据规模 is the unit column under the merged header. Two are
// bilingual, 负责部门 and 登记日期 are extra columns.
var dataSourceColumns = []struct {
	header string
	width  float64
}{
	{"编号", 7}, {"数据来源名称\nSource name", 30}, {"来源类别", 14}, {"境内外", 8}, {"训练阶段", 12},
	{"数据类型", 11}, {"数据规模", 10}, {"", 7}, {"合法来源依据", 36}, {"许可协议", 28},
	{"是否含个人信息", 9}, {"个人信息处理依据", 36}, {"是否含版权作品", 9}, {"版权许可", 30},
	{"采集时间段", 20}, {"抽检样本量", 11}, {"违法不良信息占比\nHarmful share", 14}, {"质量提升措施", 34},
	{"负责部门", 12}, {"登记日期", 12}, {"备注", 28},
}

// Layout of the data sheet.
const (
	dataSheet      = "数据来源"
	notesSheet     = "说明"
	dsTitleRow     = 1
	dsNoteRow      = 2
	dsHeaderRow    = 3
	dsFirstDataRow = 4
)

// dataSourceRow is the sheet row of a data source, DS-01 being the first.
func dataSourceRow(i int) int { return dsFirstDataRow + i }

// fixedDocTime is the creation and modification time written into the
// workbook, so that regenerating it gives the same bytes.
const fixedDocTime = "2025-06-20T09:00:00Z"

// buildDataSources writes data-sources.xlsx: a title row merged across the
// table, a note row, a header row with a merged 数据规模 cell over the number
// and unit columns, 15 sources, and a 说明 sheet.
func buildDataSources() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", dataSheet); err != nil {
		return nil, fmt.Errorf("naming the data sheet: %w", err)
	}
	if err := fillDataSheet(f); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", dataSheet, err)
	}
	if err := fillNotesSheet(f); err != nil {
		return nil, fmt.Errorf("sheet %s: %w", notesSheet, err)
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          "星河智算科技有限公司 训练数据来源说明",
		Subject:        "训练数据来源说明（生成式人工智能服务管理暂行办法第七条、第十九条）",
		Creator:        "星河智算科技有限公司 合规部",
		LastModifiedBy: "星河智算科技有限公司 合规部",
		Description:    "Sample submission generated by cmd/wbgen; fictional provider.",
		Language:       "zh-CN",
		Created:        fixedDocTime,
		Modified:       fixedDocTime,
	}); err != nil {
		return nil, fmt.Errorf("setting document properties: %w", err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("writing the workbook: %w", err)
	}
	return buf.Bytes(), nil
}

// cell names a cell by 0-based column and 1-based row.
func cell(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		panic(err) // the coordinates are the generator's own, always valid
	}
	return name
}

// sheetStyles are the style ids of the data sheet.
type sheetStyles struct {
	title, note, header, text, number, count, percent, date int
}

func newSheetStyles(f *excelize.File) (sheetStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	wrap := &excelize.Alignment{Vertical: "top", WrapText: true}
	top := &excelize.Alignment{Vertical: "top"}
	dateFmt := "yyyy-mm-dd"
	var s sheetStyles
	specs := []struct {
		id    *int
		style excelize.Style
	}{
		{&s.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.note, excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959", Size: 10}}},
		{&s.header, excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.text, excelize.Style{Border: border, Alignment: wrap}},
		{&s.number, excelize.Style{Border: border, Alignment: top}},
		{&s.count, excelize.Style{Border: border, Alignment: top, NumFmt: 3}},    // #,##0
		{&s.percent, excelize.Style{Border: border, Alignment: top, NumFmt: 10}}, // 0.00%
		{&s.date, excelize.Style{Border: border, Alignment: top, CustomNumFmt: &dateFmt}},
	}
	for _, sp := range specs {
		id, err := f.NewStyle(&sp.style)
		if err != nil {
			return s, fmt.Errorf("creating a cell style: %w", err)
		}
		*sp.id = id
	}
	return s, nil
}

func fillDataSheet(f *excelize.File) error {
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	last := len(dataSourceColumns) - 1
	set := func(col, row int, v any, style int) error {
		c := cell(col, row)
		if err := f.SetCellValue(dataSheet, c, v); err != nil {
			return fmt.Errorf("cell %s: %w", c, err)
		}
		if err := f.SetCellStyle(dataSheet, c, c, style); err != nil {
			return fmt.Errorf("cell %s: %w", c, err)
		}
		return nil
	}
	merge := func(from, to string) error {
		if err := f.MergeCell(dataSheet, from, to); err != nil {
			return fmt.Errorf("merging %s:%s: %w", from, to, err)
		}
		return nil
	}

	// Row 1: the title, merged across the table; row 2: a note.
	if err := set(0, dsTitleRow, "星河智算科技有限公司 训练数据来源说明（2025年6月）", st.title); err != nil {
		return err
	}
	if err := merge(cell(0, dsTitleRow), cell(last, dsTitleRow)); err != nil {
		return err
	}
	if err := set(0, dsNoteRow, "单位：规模列请注明单位（tokens、条、对、张、TB、GB、小时）；违法不良信息占比为抽检样本中违法不良信息所占比例", st.note); err != nil {
		return err
	}
	if err := merge(cell(0, dsNoteRow), cell(last, dsNoteRow)); err != nil {
		return err
	}

	// Row 3: the header; 数据规模 is merged over its number and unit columns.
	scaleCol := -1
	for i, c := range dataSourceColumns {
		if c.header == "数据规模" {
			scaleCol = i
		}
		if err := set(i, dsHeaderRow, c.header, st.header); err != nil {
			return err
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(dataSheet, col, col, c.width); err != nil {
			return fmt.Errorf("column %s: %w", col, err)
		}
	}
	if err := merge(cell(scaleCol, dsHeaderRow), cell(scaleCol+1, dsHeaderRow)); err != nil {
		return err
	}
	if err := f.SetRowHeight(dataSheet, dsTitleRow, 28); err != nil {
		return fmt.Errorf("row %d: %w", dsTitleRow, err)
	}
	if err := f.SetRowHeight(dataSheet, dsHeaderRow, 36); err != nil {
		return fmt.Errorf("row %d: %w", dsHeaderRow, err)
	}

	for i, d := range dataSources {
		row := dataSourceRow(i)
		cells := []struct {
			v     any
			style int
		}{
			{d.id, st.text}, {d.name, st.text}, {d.category, st.text}, {d.origin, st.text}, {d.stage, st.text},
			{d.dataType, st.text}, {d.scaleValue, st.number}, {d.scaleUnit, st.text}, {d.lawful, st.text}, {d.licence, st.text},
			{d.pi, st.text}, {d.piBasis, st.text}, {d.copyrighted, st.text}, {d.copyrightLicence, st.text},
			{d.period, st.text}, {d.sample, st.count}, {d.harmful, st.percent}, {d.quality, st.text},
			{d.dept, st.text}, {d.registered, st.date}, {d.notes, st.text},
		}
		if len(cells) != len(dataSourceColumns) {
			return fmt.Errorf("%s: %d cells for %d columns", d.id, len(cells), len(dataSourceColumns))
		}
		for col, c := range cells {
			if s, ok := c.v.(string); ok && s == "" {
				// An empty cell, but with the row's borders.
				if err := f.SetCellStyle(dataSheet, cell(col, row), cell(col, row), c.style); err != nil {
					return fmt.Errorf("cell %s: %w", cell(col, row), err)
				}
				continue
			}
			if err := set(col, row, c.v, c.style); err != nil {
				return err
			}
		}
	}
	if err := f.SetPanes(dataSheet, &excelize.Panes{
		Freeze: true, XSplit: 2, YSplit: dsHeaderRow, TopLeftCell: cell(2, dsFirstDataRow), ActivePane: "bottomRight",
	}); err != nil {
		return fmt.Errorf("freezing the header: %w", err)
	}
	return nil
}

// notesLines are the text of the 说明 sheet, which the importer skips.
var notesLines = []string{
	"填写说明",
	"1. 本表为星河智算科技有限公司“星河对话”生成式人工智能服务的训练数据来源说明，依据《生成式人工智能服务管理暂行办法》第七条、第十九条填写。",
	"2. “数据规模”分数值和单位两列填写；单位可为 tokens、条、对、张、TB、GB、小时。",
	"3. “是否含个人信息”为“是”的，应填写个人信息处理依据；“是否含版权作品”为“是”的，应填写版权许可。",
	"4. “违法不良信息占比”为抽检样本中违法不良信息所占比例，以百分比填写。",
	"5. Dataset names are given as registered internally; English names are kept as they are.",
}

func fillNotesSheet(f *excelize.File) error {
	if _, err := f.NewSheet(notesSheet); err != nil {
		return fmt.Errorf("creating the sheet: %w", err)
	}
	for i, line := range notesLines {
		if err := f.SetCellValue(notesSheet, cell(0, i+1), line); err != nil {
			return fmt.Errorf("row %d: %w", i+1, err)
		}
	}
	if err := f.SetColWidth(notesSheet, "A", "A", 110); err != nil {
		return fmt.Errorf("column A: %w", err)
	}
	return nil
}
