package importers

import (
	"context"
	"encoding/json"
	"github.com/inspection-workbench/workbench"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzFormats are the file names FuzzReadFile gives its input, chosen by
// its second argument.
var fuzzFormats = []string{"in.csv", "in.json", "in.jsonl", "in.xlsx"}

// FuzzReadFile imports arbitrary bytes as each structured format, with and
// without a kind: whatever the input, ReadFile returns (no panic), every
// record it hands on is valid JSON, and the result adds up.
func FuzzReadFile(f *testing.F) {
	for _, s := range []struct {
		data         string
		format, kind uint8
	}{
		{"id,description\n1,x,,y\n", 0, 4}, // a ragged row with blanks before the extra value
		{"事件编号,发现时间,事件类别\nINC-1,2024-03-05,违法内容,,,多出\n合计,,3\n注：以上为示例\n", 0, 0},
		{"项目,内容\n模型名称,星河\n参数量,700亿,含嵌入层\n基础模型,星河基座\n注：截至2025年\n", 0, 3},
		{`{"provider":"P","batches":[{"batch":"B1","qa":{"sample_size":500,"accuracy":0.97}}]}`, 1, 0},
		{`{"data":{"items":[{"事件编号":"A","事件类别":"投诉"},{"注":"说明"}]}}`, 1, 4},
		{"{\"事件编号\":\"A\",\"事件类别\":\"投诉\"}\n{\"注\":\"x\"}\n", 2, 0},
	} {
		f.Add([]byte(s.data), s.format, s.kind)
	}
	// The workbooks of testdata, so that the fuzzer starts from real
	// sheets (notes, merges, key facts) rather than from random bytes.
	for _, name := range []string{"notes-lo.xlsx", "keyfacts-lo.xlsx", "ragged-lo.xlsx", "empty-sst-index.xlsx"} {
		if b, err := os.ReadFile(fixture(name)); err == nil {
			f.Add(b, uint8(3), uint8(0))
		}
	}
	if b, err := os.ReadFile(fixture("notes-gbk.csv")); err == nil {
		f.Add(b, uint8(0), uint8(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, format, kind uint8) {
		name := fuzzFormats[int(format)%len(fuzzFormats)]
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		opts := Options{MaxBytes: 1 << 20}
		if k := int(kind) % (len(workbench.Kinds) + 1); k > 0 {
			opts.Kind = workbench.Kinds[k-1]
		}
		n := 0
		res, err := ReadFile(context.Background(), path, name, opts, func(r Record) error {
			n++
			if !json.Valid(r.Fields) || !json.Valid(r.Extra) {
				t.Fatalf("record %d: invalid JSON %s / %s", r.Row, r.Fields, r.Extra)
			}
			return nil
		})
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("ReadFile: %v", err)
			}
			return
		}
		if n != res.Records || n == 0 {
			t.Fatalf("%d records handed on, result says %d", n, res.Records)
		}
		if len(res.Warnings) > res.WarningCount || len(res.Warnings) > maxWarnings {
			t.Fatalf("%d warnings kept of %d", len(res.Warnings), res.WarningCount)
		}
	})
}
