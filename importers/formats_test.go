package importers

import (
	"errors"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench/importers/xlsx"
)

func TestUnreadableFormatsNamed(t *testing.T) {
	const again = "and import again"
	for _, c := range []struct {
		fixture, name string
		target        error
		says          []string
	}{
		// By extension.
		{"legacy-lo.xls", "sources.xls", ErrUnsupported, []string{"legacy Excel 97–2003 workbook", "save it as .xlsx " + again}},
		{"legacy-lo.xls", "sources.et", ErrUnsupported, []string{"WPS Spreadsheets workbook (.et)", "save it as .xlsx " + again}},
		{"binary.xlsb", "sources.xlsb", ErrUnsupported, []string{"Excel binary workbook (.xlsb)", "save it as .xlsx " + again}},
		{"legacy-lo.doc", "rules.doc", ErrUnsupported, []string{"Word 97–2003 document", "save it as .docx"}},
		{"legacy-lo.doc", "rules.wps", ErrUnsupported, []string{"WPS Writer document (.wps)", "save it as .docx"}},
		// By content, whatever the name says.
		{"legacy-lo.xls", "sources.xlsx", ErrUnsupported, []string{"legacy Excel 97–2003 workbook", "whatever its name says", "save it as .xlsx " + again}},
		{"legacy-lo.xls", "sources.csv", ErrUnsupported, []string{"legacy Excel 97–2003 workbook", "save it as .xlsx " + again}},
		{"legacy-lo.xls", "sources", ErrUnsupported, []string{"legacy Excel 97–2003 workbook"}},
		{"legacy-lo.doc", "rules.xlsx", ErrUnsupported, []string{"Word 97–2003 document", "save it as .docx " + again}},
		{"legacy-lo.doc", "rules.json", ErrUnsupported, []string{"Word 97–2003 document"}},
		{"binary.xlsb", "sources.xlsx", xlsx.ErrNotXLSX, []string{"Excel binary workbook (.xlsb)", "save it as .xlsx " + again}},
		{"binary.xlsb", "sources.csv", ErrUnsupported, []string{"Excel binary workbook (.xlsb)", "save it as .xlsx " + again}},
		{"binary.xlsb", "sources", xlsx.ErrNotXLSX, []string{"Excel binary workbook (.xlsb)"}},
		{"beta-2007.xlsx", "incidents.xlsx", xlsx.ErrNotXLSX, []string{"beta of Excel 2007", "save it as .xlsx", again}},
		{"notes-lo.xlsx", "incidents.csv", ErrUnsupported, []string{"an XLSX workbook; rename it .xlsx"}},
		// The bare OLE2 header of testdata/bad, its directory unreadable.
		{"../../testdata/bad/legacy.xls", "x.xls", ErrUnsupported, []string{"legacy Excel 97–2003 workbook (.xls)", again}},
		{"../../testdata/bad/legacy.xls", "x.csv", ErrUnsupported, []string{"OLE2 compound file", "save it as .xlsx (or .docx) " + again}},
	} {
		t.Run(c.name+" from "+c.fixture, func(t *testing.T) {
			_, _, err := readAll(t, copyAs(t, fixture(c.fixture), c.name), Options{})
			if err == nil || !errors.Is(err, c.target) {
				t.Fatalf("err = %v, want %v", err, c.target)
			}
			for _, s := range c.says {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not say %q", err, s)
				}
			}
		})
	}
}
