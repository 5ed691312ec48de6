package app

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// writeIncidentLog writes n incident rows shaped like the sample log.
func writeIncidentLog(b testing.TB, path string, n int) {
	b.Helper()
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "事件编号,发现时间,事件类别,发现方式,事件描述,处置措施,是否报告主管部门,报告时间,办结时间,是否反馈,备注")
	cats := []string{"违法内容", "投诉举报", "用户违法活动", "个人信息请求", "安全事件"}
	for i := 0; i < n; i++ {
		d := 1 + i%28
		fmt.Fprintf(w, "INC-%07d,2024-03-%02d 14:%02d:05,%s,机器审核,用户诱导生成虚假新闻第%d例,停止生成、消除,是,2024-03-%02d 18:00,2024-03-%02d 20:00,是,\n",
			i+1, d, i%60, cats[i%len(cats)], i, d, d)
	}
	w.Flush()
	f.Close()
}

// BenchmarkImportIncidents imports an incident log of 100k rows into a
// fresh workspace per iteration; rows/s is the figure that matters.
func BenchmarkImportIncidents(b *testing.B) {
	rows := 100_000
	if n, err := strconv.Atoi(os.Getenv("WB_BENCH_ROWS")); err == nil && n > 0 {
		rows = n
	}
	path := filepath.Join(b.TempDir(), "incidents.csv")
	writeIncidentLog(b, path, rows)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		a, err := Open(context.Background(), b.TempDir(), true)
		if err != nil {
			b.Fatal(err)
		}
		c, err := a.CreateCase(context.Background(), CaseInput{Provider: "P", Service: "S"})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		reps, err := a.Import(context.Background(), ImportRequest{CaseID: c.ID, Files: []string{path}})
		if err != nil || reps[0].Status != StatusImported || reps[0].Records != rows {
			b.Fatalf("%+v %v", reps, err)
		}
		b.StopTimer()
		a.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkBareCSV is the floor: encoding/csv over the same rows.
func BenchmarkBareCSV(b *testing.B) {
	const rows = 100_000
	path := filepath.Join(b.TempDir(), "incidents.csv")
	writeIncidentLog(b, path, rows)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, _ := os.Open(path)
		r := csv.NewReader(bufio.NewReader(f))
		r.ReuseRecord = true
		n := 0
		for {
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			n++
		}
		f.Close()
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}
