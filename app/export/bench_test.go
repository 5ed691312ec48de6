package export_test

import (
	"github.com/inspection-workbench/workbench"
	"io"
	"runtime"
	"testing"

	"github.com/inspection-workbench/workbench/app/export"
	"github.com/inspection-workbench/workbench/app/export/internal/benchdata"
)

// BenchmarkWrite100kEvidence writes a workbook with 100,000 evidence rows
// (about 150 Chinese characters of quote each, some with personal
// information to mask) and 32 items to io.Discard. Peak memory is
// measured by go run ./app/export/internal/benchexport.
func BenchmarkWrite100kEvidence(b *testing.B) {
	const n = 100000
	var peak uint64
	for b.Loop() {
		if err := export.Write(io.Discard, benchdata.Data(n, workbench.ExportLangZh)); err != nil {
			b.Fatal(err)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.Sys)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(peak)/(1<<20), "MB-sys")
}

func BenchmarkMaskPersonalInfo(b *testing.B) {
	s := "用户在对话中请求生成涉及暴力的内容，系统已拦截并记录，联系电话138 0013 8000，身份证号11010519491231002X，2025-03-15 处理完毕"
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		export.MaskPersonalInfo(s)
	}
}
