package tabular

import (
	"bytes"
	"encoding/csv"
	"testing"
)

func BenchmarkZZBaseCSV(b *testing.B) {
	data := []byte(makeCSV(100000))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		cr := csv.NewReader(bytes.NewReader(data))
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		cr.ReuseRecord = true
		for {
			_, err := cr.Read()
			if err != nil {
				break
			}
		}
	}
}
