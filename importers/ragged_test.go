package importers

import (
	"github.com/inspection-workbench/workbench"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixture is the path of a file in importers/testdata (see its README).
func fixture(name string) string { return filepath.Join("testdata", name) }

// copyAs copies a fixture under another name, as a provider renaming a
// file would.
func copyAs(t *testing.T, src, name string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, name, b)
}

// warningsAt returns the messages of the warnings at a location.
func warningsAt(res Result, loc string) []string {
	var out []string
	for _, w := range res.Warnings {
		if w.Location == loc {
			out = append(out, w.Message)
		}
	}
	return out
}

func TestRowLongerThanHeader(t *testing.T) {
	t.Run("csv with blanks before the extra value", func(t *testing.T) {
		// Panicked with index out of range before.
		path := writeFile(t, "i.csv", []byte("id,description\n1,x,,y\n2,z\n3,w,,,v1,v2\n"))
		res, recs, err := readAll(t, path, Options{Kind: workbench.Incident})
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 3 {
			t.Fatalf("%d records: %v", len(recs), recs)
		}
		if f := recs[0]["fields"].(map[string]any); f["id"] != "1" || f["description"] != "x" {
			t.Errorf("record 1 fields = %v", f)
		}
		if x := recs[0]["extra"].(map[string]any); len(x) != 1 || x["column 4"] != "y" {
			t.Errorf("record 1 extra = %v", x)
		}
		if x := recs[2]["extra"].(map[string]any); len(x) != 2 || x["column 5"] != "v1" || x["column 6"] != "v2" {
			t.Errorf("record 3 extra = %v", x)
		}
		if m := warningsAt(res, "line 2"); len(m) != 1 || !strings.Contains(m[0], `"column 4"`) || !strings.Contains(m[0], "longer than its header") {
			t.Errorf("line 2 warnings = %q", m)
		}
		if m := warningsAt(res, "line 4"); len(m) != 1 || !strings.Contains(m[0], `2 values`) || !strings.Contains(m[0], `"column 5", "column 6"`) {
			t.Errorf("line 4 warnings = %q", m)
		}
		if otherWarnings(res).WarningCount != 2 {
			t.Errorf("warnings = %+v", res.Warnings)
		}
	})
	t.Run("xlsx saved by LibreOffice: a value right of the table, a merge past it", func(t *testing.T) {
		res, recs, err := readAll(t, fixture("ragged-lo.xlsx"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Kind != workbench.DataSource || len(recs) != 3 {
			t.Fatalf("%+v %v", res, recs)
		}
		if x := recs[1]["extra"].(map[string]any); len(x) != 1 || x["column E"] != "多出的值" {
			t.Errorf("DS-02 extra = %v", x)
		}
		if m := warningsAt(res, `sheet "数据来源", row 3`); len(m) != 1 || !strings.Contains(m[0], `"column E"`) {
			t.Errorf("row 3 warnings = %q (all: %+v)", m, res.Warnings)
		}
		// C4:F4 is one merged cell: its value once, as the category.
		if f, x := recs[2]["fields"].(map[string]any), recs[2]["extra"].(map[string]any); f["category"] != "user_data" || len(x) != 0 {
			t.Errorf("DS-03 = %v, extra %v", f, x)
		}
		if otherWarnings(res).WarningCount != 1 {
			t.Errorf("warnings = %+v", res.Warnings)
		}
	})
}
