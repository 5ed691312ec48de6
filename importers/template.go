package importers

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/inspection-workbench/workbench"
	"github.com/xuri/excelize/v2"
)

// TemplateDataSheet and TemplateNotesSheet name the template's sheets;
// TemplateListsSheet, hidden, holds the drop-down lists too long to be
// written into the validation itself (Excel takes 255 characters there),
// such as the 36 risk categories.
const (
	TemplateDataSheet  = "数据 Data"
	TemplateNotesSheet = "说明 Notes"
	TemplateListsSheet = "可选值 Values"
)

// templateRows is how far down the drop-down lists reach.
const templateRows = 5000

// typeNotes explains how each value type is written, for the notes sheet.
var typeNotes = map[ValueType][2]string{
	Text:     {"文字", "text"},
	Bool:     {"是 / 否", "yes / no"},
	Date:     {"日期，如 2024-03-05", "date, e.g. 2024-03-05"},
	DateTime: {"日期时间，如 2024-03-05 14:03", "date and time, e.g. 2024-03-05 14:03"},
	Percent:  {"百分比，如 3.5%", "percentage, e.g. 3.5%"},
	Scale:    {"数量及单位，如 1.2TB、3亿 tokens、50万条、1000小时", "quantity with unit, e.g. 1.2TB, 3亿 tokens, 50万条, 1000 hours"},
	Count:    {"整数，如 1200", "whole number, e.g. 1200"},
	Duration: {"时限，如 15个工作日、48小时", "time limit, e.g. 15 working days, 48 hours"},
	Period:   {"时间段，如 2023年1月至2023年6月、2023-01至今", "period, e.g. 2023-01 to 2023-06, or 2023-01 to now (至今)"},
	Enum:     {"从下拉列表中选择一项", "one value from the drop-down list"},
	EnumList: {"一项或多项，用顿号（、）分隔", "one or more values separated by 、"},
}

// WriteTemplate writes the provider-facing XLSX template of a kind: a data
// sheet with a title row, bilingual headers and drop-down lists for the
// vocabularies, and a notes sheet explaining every field. A filled-in
// template imports back without warnings.
func WriteTemplate(k workbench.Kind, w io.Writer) error {
	spec := SpecFor(k)
	if spec == nil {
		return fmt.Errorf("template: unknown kind %q", k)
	}
	if err := noTemplate(k); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", TemplateDataSheet); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	if err := writeDataSheet(f, spec); err != nil {
		return fmt.Errorf("template %s: %w", k, err)
	}
	if err := writeNotesSheet(f, spec); err != nil {
		return fmt.Errorf("template %s: notes: %w", k, err)
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("template %s: %w", k, err)
	}
	return nil
}

func writeDataSheet(f *excelize.File, spec *KindSpec) error {
	sh := TemplateDataSheet
	last := columnLetter(len(spec.Fields) - 1)
	title := fmt.Sprintf("%s %s — 请自第3行起填写 / fill in from row 3 (%s)", spec.ZH, spec.EN, spec.Articles)
	if err := f.SetCellValue(sh, "A1", title); err != nil {
		return err
	}
	if err := f.MergeCell(sh, "A1", last+"1"); err != nil {
		return err
	}
	titleStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	if err != nil {
		return err
	}
	headStyle, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
		Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
	})
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "A1", "A1", titleStyle); err != nil {
		return err
	}
	textStyle, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": keep identifiers as typed
	if err != nil {
		return err
	}
	lists := 0 // columns of the lists sheet written so far
	for i, fd := range spec.Fields {
		col := columnLetter(i)
		if err := f.SetCellValue(sh, col+"2", fd.ZH+"\n"+fd.EN); err != nil {
			return err
		}
		width := 16.0
		if fd.Type == Text && !fd.ID {
			width = 28
		}
		if err := f.SetColWidth(sh, col, col, width); err != nil {
			return err
		}
		rng := fmt.Sprintf("%s3:%s%d", col, col, templateRows)
		if fd.Type == Text {
			if err := f.SetCellStyle(sh, col+"3", fmt.Sprintf("%s%d", col, templateRows), textStyle); err != nil {
				return err
			}
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = rng
		switch fd.Type {
		case Enum:
			if err := dv.SetDropList(termLabels(fd)); err != nil {
				ref, err := writeList(f, &lists, termLabels(fd))
				if err != nil {
					return err
				}
				dv.SetSqrefDropList(ref)
			}
		case Bool:
			if err := dv.SetDropList([]string{"是", "否"}); err != nil {
				return err
			}
		default:
			dv.SetInput(fd.ZH, truncate(fd.Meaning+" "+typeNotes[fd.Type][0], 250))
		}
		if fd.Type == Enum || fd.Type == Bool {
			dv.SetError(excelize.DataValidationErrorStyleStop, fd.ZH, "请从下拉列表中选择 / choose from the list")
			dv.SetInput(fd.ZH, truncate(fd.Meaning, 250))
		}
		if err := f.AddDataValidation(sh, dv); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "A2", last+"2", headStyle); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, 2, 34); err != nil {
		return err
	}
	return f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
}

func writeNotesSheet(f *excelize.File, spec *KindSpec) error {
	sh := TemplateNotesSheet
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	rows := [][]any{{"表头 Header", "字段名 Field", "含义 Meaning", "填写方式 How to write it", "可选值 Values", "也接受的表头 Also accepted as header"}}
	for _, fd := range spec.Fields {
		var terms []string
		for _, t := range fd.Terms {
			terms = append(terms, t.ZH+" ("+t.EN+")")
		}
		if fd.Type == Bool {
			terms = []string{"是 (yes)", "否 (no)"}
		}
		how := typeNotes[fd.Type]
		rows = append(rows, []any{fd.ZH + " " + fd.EN, fd.Name, fd.Meaning, how[0] + " / " + how[1], strings.Join(terms, "、"), strings.Join(fd.Synonyms, "、")})
	}
	for i, r := range rows {
		if err := f.SetSheetRow(sh, fmt.Sprintf("A%d", i+1), &r); err != nil {
			return err
		}
	}
	for col, w := range map[string]float64{"A": 30, "B": 24, "C": 50, "D": 36, "E": 40, "F": 50} {
		if err := f.SetColWidth(sh, col, col, w); err != nil {
			return err
		}
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "A1", fmt.Sprintf("F%d", len(rows)), wrap); err != nil {
		return err
	}
	return f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// writeList writes a drop-down list down the next column of the hidden
// lists sheet, creating the sheet first, and returns the range a data
// validation refers to.
func writeList(f *excelize.File, lists *int, labels []string) (string, error) {
	sh := TemplateListsSheet
	if *lists == 0 {
		if _, err := f.NewSheet(sh); err != nil {
			return "", err
		}
		if err := f.SetSheetVisible(sh, false); err != nil {
			return "", err
		}
	}
	col := columnLetter(*lists)
	*lists++
	for i, l := range labels {
		if err := f.SetCellValue(sh, fmt.Sprintf("%s%d", col, i+1), l); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("'%s'!$%s$1:$%s$%d", sh, col, col, len(labels)), nil
}

// termLabels are the drop-down entries of an Enum field: its Chinese terms.
func termLabels(f Field) []string {
	out := make([]string, len(f.Terms))
	for i, t := range f.Terms {
		out[i] = t.ZH
	}
	return out
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// WriteTemplateCSV writes a kind's template as CSV: UTF-8 with a BOM (so
// that Excel opens it as such), one header row naming each field in
// Chinese and English ("关键词 Keyword"), CRLF line ends. A filled-in
// template imports back without warnings; the XLSX template (WriteTemplate)
// adds drop-down lists and a notes sheet.
func WriteTemplateCSV(k workbench.Kind, w io.Writer) error {
	spec := SpecFor(k)
	if spec == nil {
		return fmt.Errorf("template: unknown kind %q", k)
	}
	if err := noTemplate(k); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := make([]string, len(spec.Fields))
	for i, fd := range spec.Fields {
		header[i] = fd.ZH + " " + fd.EN
	}
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("template %s: %w", k, err)
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("template %s: %w", k, err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("template %s: %w", k, err)
	}
	return nil
}

// noTemplate refuses a template of a kind that has none: label samples
// are the generated images themselves.
func noTemplate(k workbench.Kind) error {
	if k == workbench.LabelSample {
		return fmt.Errorf("template: %s has no template: label samples are the generated images themselves (PNG, JPEG, WebP)", k)
	}
	return nil
}
