package importers

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// The second sample's safety-annotation workbook, written by another hand
// with openpyxl: a statistics sheet (counts per risk, then 安全标注合计 and
// 全部标注数据总量（功能性＋安全性） with their label in the risk-name column)
// and a sheet of batches naming their annotators, none of them saying the
// annotation type but both sheets' names.
func TestAnnotationStatisticsWorkbook(t *testing.T) {
	path := filepath.Join("..", "testdata", "sample2", "safety", "annotation_safety.xlsx")
	res, recs, err := readAll(t, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != workbench.AnnotationRule || len(recs) != 31+2+16 {
		t.Fatalf("kind %s, %d records", res.Kind, len(recs))
	}
	for _, w := range res.Warnings {
		if w.Reason == workbench.ReasonValueUnreadable {
			t.Errorf("warning: %s: %s", w.Location, w.Message)
		}
	}
	if len(res.SkippedRows) != 0 {
		t.Errorf("rows left out: %+v", res.SkippedRows)
	}
	fields := func(i int) map[string]any { return recs[i]["fields"].(map[string]any) }
	// A statistics row: the code and the name both read as the risk.
	if f := fields(30); f["annotation_type"] != "safety" || f["item_count"] != 150.0 || !strings.HasPrefix(f["risk"].(string), "A.5.2") || f["total_of"] != nil {
		t.Errorf("row 33: %v", f)
	}
	// The two totals: their label moved to total_of, their number read.
	if f := fields(31); f["total_of"] != "安全标注合计" || f["item_count"] != 17740.0 || f["risk"] != nil {
		t.Errorf("row 34: %v", f)
	}
	if f := fields(32); f["total_of"] != "全部标注数据总量（功能性＋安全性）" || f["item_count"] != 512000.0 {
		t.Errorf("row 35: %v", f)
	}
	// A batch: annotators by name, the sample and the number passed.
	if f := fields(38); f["annotated_by"] != "刘洋、陈静、王磊" || f["reviewer"] != "王磊" || f["sample_size"] != 1485.0 || f["passed"] != 1462.0 || f["annotation_type"] != "safety" {
		t.Errorf("batch AQ-2502-06: %v", f)
	}
	// Naming the sample size and the number passed, the batch sheet does
	// not lack an accuracy.
	// The statistics sheet names no batch field, so it lacks none; the
	// batch sheet does lack the annotators' training, and says so.
	batchWarned := false
	for _, w := range res.Warnings {
		if w.Reason != workbench.ReasonFieldsUnmapped {
			continue
		}
		fields := fmt.Sprint(w.Args["Fields"])
		switch {
		case strings.Contains(w.Location, "安全标注统计"):
			t.Errorf("statistics sheet: %s: %s", w.Location, w.Message)
		case strings.Contains(w.Location, "安全标注批次"):
			batchWarned = strings.Contains(fields, "training_given") && strings.Contains(fields, "training_date")
			if strings.Contains(fields, "accuracy") {
				t.Errorf("%s: %s", w.Location, w.Message)
			}
		}
	}
	if !batchWarned {
		t.Errorf("the batch sheet names no training column and was not warned about it: %+v", res.Warnings)
	}
}

// A table of counts per risk names no batch field: it is read as
// statistics and not warned about the batch fields the checks read (the
// annotators' training, the verification sample); a table of batches
// that leaves them out still is.
func TestStatisticsTableLacksNoBatchField(t *testing.T) {
	stats := "风险编号,风险名称,标注类型,标注条数\nA.1.1,煽动颠覆国家政权,安全性标注,320\nA.1.2,危害国家安全和利益,安全性标注,280\n"
	res, recs, err := readAll(t, writeFile(t, "counts.csv", []byte(stats)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 {
		t.Fatalf("%d records", len(recs))
	}
	for _, w := range res.Warnings {
		if w.Reason == workbench.ReasonFieldsUnmapped {
			t.Errorf("statistics table warned: %s", w.Message)
		}
	}
	batches := "批次号,标注类型,标注条数,风险类别\nB-1,安全性标注,320,A.1.1\n"
	res, _, err = readAll(t, writeFile(t, "batches.csv", []byte(batches)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var fields []string
	for _, w := range res.Warnings {
		if w.Reason == workbench.ReasonFieldsUnmapped {
			fields = append(fields, fmt.Sprint(w.Args["Fields"]))
		}
	}
	if len(fields) != 1 || !strings.Contains(fields[0], "training_given") || !strings.Contains(fields[0], "sample_size") {
		t.Errorf("batch table without training or sample: warned about %q, want training_given and sample_size", fields)
	}
}

// A total row is kept only by a kind that reads stated totals: below
// annotation batches it is a record whose label is total_of; below data
// sources it is left out, as before.
func TestTotalRowsKeptForAnnotation(t *testing.T) {
	csv := "批次号,标注类型,标注条数,风险类别\nB-1,功能性标注,9000,\nB-2,安全性标注,300,A.1.1\n合计,,9300,\n"
	res, recs, err := readAll(t, writeFile(t, "qa.csv", []byte(csv)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || len(res.SkippedRows) != 0 {
		t.Fatalf("%d records, skipped %+v", len(recs), res.SkippedRows)
	}
	if f := recs[2]["fields"].(map[string]any); f["total_of"] != "合计" || f["item_count"] != 9300.0 || f["batch"] != nil {
		t.Errorf("total row: %v", f)
	}
	csv = "编号,数据来源名称,来源类别,规模\nDS-1,网页,互联网公开数据,100\n合计,,,100\n"
	res, recs, err = readAll(t, writeFile(t, "src.csv", []byte(csv)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || len(res.SkippedRows) != 1 || res.SkippedRows[0].Reason != "total" {
		t.Errorf("%d records, skipped %+v", len(recs), res.SkippedRows)
	}
}
