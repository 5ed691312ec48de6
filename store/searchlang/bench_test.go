package searchlang

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// BenchmarkIndexCJK indexes 20,000 short Chinese incident-like documents in
// batches of 1000 into a default-settings scorch index on disk and reports
// documents per second.
func BenchmarkIndexCJK(b *testing.B) {
	const nDocs, batchSize = 20000, 1000
	subjects := []string{"用户", "商户", "主播", "账号", "群组", "平台"}
	acts := []string{"发布违法内容", "传播违规信息", "涉嫌诈骗", "上传色情图片", "散布谣言", "售卖违禁品"}
	outcomes := []string{"已删除", "已封禁", "已警告", "待复核", "已上报 report", "已整改"}
	docs := make([]map[string]any, nDocs)
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range docs {
		docs[i] = map[string]any{
			"text": fmt.Sprintf("%s%d在第%d号直播间%s，经人工审核%s，编号ＡＢ%05d",
				subjects[i%len(subjects)], i%977, i%131, acts[(i/7)%len(acts)], outcomes[(i/3)%len(outcomes)], i),
			"kind":  "incident",
			"file":  fmt.Sprintf("log %d.xlsx", i%5),
			"label": "internal",
			"found": DayTerm(base.Add(time.Duration(i) * time.Minute)),
		}
	}
	var total time.Duration
	for i := 0; b.Loop(); i++ {
		m := testMapping()
		if err := Register(m); err != nil {
			b.Fatal(err)
		}
		m.DefaultAnalyzer = AnalyzerName
		idx, err := bleve.New(filepath.Join(b.TempDir(), fmt.Sprintf("idx%d", i)), m)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		for lo := 0; lo < nDocs; lo += batchSize {
			batch := idx.NewBatch()
			for j := lo; j < lo+batchSize; j++ {
				if err := batch.Index(fmt.Sprintf("inc-%d", j), docs[j]); err != nil {
					b.Fatal(err)
				}
			}
			if err := idx.Batch(batch); err != nil {
				b.Fatal(err)
			}
		}
		total += time.Since(start)
		if err := idx.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(nDocs)*float64(b.N)/total.Seconds(), "docs/s")
}
