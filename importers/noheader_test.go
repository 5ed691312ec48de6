package importers

import (
	"errors"
	"github.com/inspection-workbench/workbench"
	"strings"
	"testing"
)

func TestNoHeaderSaysWhatEachSheetHolds(t *testing.T) {
	// Saved by LibreOffice: a cover, a contents page, an empty sheet and a
	// notes sheet, none with a header row.
	_, _, err := readAll(t, fixture("noheader-lo.xlsx"), Options{})
	if !errors.Is(err, ErrNoHeader) {
		t.Fatalf("err = %v", err)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines, want one and one per sheet:\n%s", len(lines), err)
	}
	for _, want := range []string{"no sheet has a row, among its first 30", "at least 2 fields of any kind", "incident (发现时间, 事件类别"} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("first line %q does not say %q", lines[0], want)
		}
	}
	// Pointing to our documentation is the CLI's business, not the
	// importer's, whose words the GUI shows too.
	if strings.Contains(err.Error(), "docs/") {
		t.Errorf("%q names a file of our docs", lines[0])
	}
	for i, want := range []string{
		`sheet "封面": its first rows hold row 1: "星河智算科技有限公司"; row 2: "训练数据来源说明"; row 3: "2025年6月"`,
		`sheet "目录": its first rows hold row 1: "一、数据来源", "第2页"; row 2: "二、抽检情况", "第5页"`,
		`sheet "空白": it is empty`,
		`sheet "说明": skipped, as a sheet of instructions`,
	} {
		if !strings.HasPrefix(lines[i+1], want) {
			t.Errorf("line %d = %q, want it to start %q", i+2, lines[i+1], want)
		}
	}
	if strings.Count(err.Error(), "it is empty") != 1 {
		t.Errorf("sheets with content said to be empty:\n%s", err)
	}

	// With a kind, what was looked for is that kind's fields.
	_, _, err = readAll(t, fixture("noheader-lo.xlsx"), Options{Kind: workbench.Incident})
	if !errors.Is(err, ErrNoHeader) || !strings.Contains(err.Error(), "at least 2 fields of kind incident (发现时间") || strings.Contains(err.Error(), "data_source (") {
		t.Errorf("with --kind: %v", err)
	}
}

func TestNoHeaderInOneTable(t *testing.T) {
	_, _, err := readAll(t, writeFile(t, "x.csv", []byte("星河智算,2025\n编号,名字,地址\n1,甲,北京\n")), Options{})
	if !errors.Is(err, ErrNoHeader) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{`row 1: "星河智算", "2025"; row 2: "编号", "名字", "地址"; row 3: "1", "甲", "北京"`,
		`the closest is row 2, naming only "编号" (data_source id)`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	_, _, err = readAll(t, writeFile(t, "x.json", []byte(`[{"a": 1, "事件编号": "x"}]`)), Options{})
	if !errors.Is(err, ErrNoHeader) || !strings.Contains(err.Error(), `the keys of the first records ("a", "事件编号")`) {
		t.Errorf("json: %v", err)
	}
}
