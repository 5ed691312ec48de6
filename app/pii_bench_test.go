package app

import (
	"testing"

	"github.com/inspection-workbench/workbench/pii"
)

// BenchmarkScanRecord is the scan's work on one stored incident record
// without personal information, as a million-row log has them.
func BenchmarkScanRecord(b *testing.B) {
	const fields = `{"id":"INC-0000005","found_at":"2024-01-01T00:03:13","category":"user_illegal_activity","how_found":"机器审核","description":"用户利用接口批量生成垃圾营销信息","action":["restrict"],"reported":true,"reported_at":"2024-01-01T06:25:39","resolved_at":"2024-01-02T05:59:59"}`
	for b.Loop() {
		n := 0
		if err := scanJSON(fields, func(field, s string) { n += len(pii.Find(s)) }); err != nil || n != 0 {
			b.Fatal(err, n)
		}
	}
}
