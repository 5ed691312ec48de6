package importers

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// benchCategories cycle through the incident rows; one in five is outside
// the vocabulary, as real logs have, so the warning path is measured too.
var benchCategories = []string{"违法内容", "投诉举报", "用户违法活动", "个人信息请求", "其他"}

// writeBenchCSV writes n incident rows shaped like the sample log.
func writeBenchCSV(tb testing.TB, path string, n int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "事件编号,发现时间,事件类别,发现方式,事件描述,处置措施,是否报告主管部门,报告时间,办结时间,是否反馈,备注")
	for i := range n {
		d := 1 + i%28
		fmt.Fprintf(w, "INC-%07d,2024-03-%02d 14:%02d:05,%s,机器审核,用户诱导生成虚假新闻第%d例,停止生成、消除,是,2024-03-%02d 18:00,2024-03-%02d 20:00,是,\n",
			i+1, d, i%60, benchCategories[i%len(benchCategories)], i, d, d)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// writeBenchJSON writes n incident records as a JSON array.
func writeBenchJSON(tb testing.TB, path string, n int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	w.WriteString("[")
	for i := range n {
		if i > 0 {
			w.WriteString(",\n")
		}
		d := 1 + i%28
		fmt.Fprintf(w, `{"事件编号":"INC-%07d","发现时间":"2024-03-%02d 14:%02d:05","事件类别":%q,"处置":{"措施":"停止生成、消除","上报":true},"是否反馈":false,"序":%d}`,
			i+1, d, i%60, benchCategories[i%len(benchCategories)], i)
	}
	w.WriteString("]\n")
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// writeBenchXLSX writes n data-source rows under a title row with
// excelize's StreamWriter.
func writeBenchXLSX(tb testing.TB, path string, n int) {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	sw.SetRow("A1", []any{"训练数据来源说明"})
	sw.SetRow("A2", []any{"编号", "数据来源名称", "来源类别", "境内外", "数据类型", "数据规模", "是否含个人信息", "抽检样本量", "违法不良信息占比", "备注"})
	cats := []string{"互联网公开数据", "授权或采购", "自有数据", "合成数据", "其他"}
	for i := range n {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		sw.SetRow(cell, []any{fmt.Sprintf("DS-%06d", i), fmt.Sprintf("语料集%d", i), cats[i%len(cats)], "境内", "文本、图片",
			fmt.Sprintf("%d万条", 1+i%500), "否", 1000 + i%100, float64(i%100) / 10000, ""})
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
}

// benchRead imports path through ReadFile b.N times and reports rows/s.
func benchRead(b *testing.B, path string, rows int) {
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	b.ResetTimer()
	total := 0
	for b.Loop() {
		res, err := ReadFile(context.Background(), path, filepath.Base(path), Options{}, func(Record) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
		if res.Records != rows {
			b.Fatalf("%d records, want %d", res.Records, rows)
		}
		total += res.Records
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkReadFileCSV reads a 100,000-row incident log, end to end but
// without a store.
func BenchmarkReadFileCSV(b *testing.B) {
	const rows = 100_000
	path := filepath.Join(b.TempDir(), "incidents.csv")
	writeBenchCSV(b, path, rows)
	benchRead(b, path, rows)
}

// BenchmarkReadFileJSON reads 50,000 incident objects with a nested object
// each.
func BenchmarkReadFileJSON(b *testing.B) {
	const rows = 50_000
	path := filepath.Join(b.TempDir(), "incidents.json")
	writeBenchJSON(b, path, rows)
	benchRead(b, path, rows)
}

// BenchmarkReadFileXLSX reads a 30,000-row data-source workbook.
func BenchmarkReadFileXLSX(b *testing.B) {
	const rows = 30_000
	path := filepath.Join(b.TempDir(), "sources.xlsx")
	writeBenchXLSX(b, path, rows)
	benchRead(b, path, rows)
}
