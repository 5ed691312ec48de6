package values

import "testing"

var (
	sinkString string
	sinkBool   bool
)

// The benchmarks cycle through typical inputs so that no one branch
// dominates.

func BenchmarkParseDateTime(b *testing.B) {
	inputs := []string{
		"2024-03-05 14:03:05",
		"2024-03-05T14:03:05+08:00",
		"2024/3/5 14:03",
		"2024-03-05",
		"2024年3月5日 14时03分",
		"45356.5",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkString, sinkBool = ParseDateTime(inputs[i%len(inputs)])
	}
}

func BenchmarkParseDateTimeISO(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkString, sinkBool = ParseDateTime("2024-03-05T14:03:05")
	}
}

func BenchmarkParseDate(b *testing.B) {
	inputs := []string{"2024-03-05", "2024/3/5", "2024年3月5日", "45356"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkString, sinkBool = ParseDate(inputs[i%len(inputs)])
	}
}

func BenchmarkParseBool(b *testing.B) {
	inputs := []string{"是", "否", "Yes", "no", "TRUE", "1", " √ ", "不涉及"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkBool, sinkBool = ParseBool(inputs[i%len(inputs)])
	}
}

func BenchmarkParsePercent(b *testing.B) {
	inputs := []string{"3.5%", "0.035", "12", "千分之五"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, sinkBool = ParsePercent(inputs[i%len(inputs)])
	}
}

func BenchmarkParseScale(b *testing.B) {
	inputs := []string{"1.2TB", "3亿 tokens", "50万条", "1.5B tokens", "1,234,567 条", "12345"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, sinkBool = ParseScale(inputs[i%len(inputs)])
	}
}

func BenchmarkParseCount(b *testing.B) {
	inputs := []string{"1234", "1,234", "1.2万", "12 名"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, sinkBool = ParseCount(inputs[i%len(inputs)])
	}
}

func BenchmarkParseDuration(b *testing.B) {
	inputs := []string{"15个工作日", "7天", "48 hours", "两个工作日"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, sinkBool = ParseDuration(inputs[i%len(inputs)])
	}
}

func BenchmarkFoldWidth(b *testing.B) {
	inputs := []string{"2024-03-05 14:03:05", "约1.2万条", "３.５％"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkString = FoldWidth(inputs[i%len(inputs)])
	}
}
