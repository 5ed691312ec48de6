package tabular

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// byKey chooses the first array whose records have key, and notes what
// it was offered.
type byKey struct {
	key     string
	offered [][]JSONArray
	meta    [][]string
}

func (b *byKey) choose(meta []string, arrays []JSONArray) int {
	b.offered = append(b.offered, slices.Clone(arrays))
	b.meta = append(b.meta, slices.Clone(meta))
	for i, a := range arrays {
		if slices.Contains(a.Keys, b.key) {
			return i
		}
	}
	return -1
}

func TestJSONWrappedRecords(t *testing.T) {
	tests := []struct {
		name, data, key string
		container       string
		want            []Record
		meta            []string // what the chooser was told last
	}{
		{
			name:      "metadata beside the records",
			data:      `{"provider": "星河", "exported_at": "2025-06-01", "count": 2, "batches": [{"batch": "B1", "qa": {"accuracy": 0.97}}, {"batch": "B2"}], "signed": true}`,
			key:       "batch",
			container: "batches",
			want:      []Record{kv(1, "batch", "B1", "qa.accuracy", "0.97"), kv(2, "batch", "B2")},
			meta:      []string{"provider", "exported_at", "count", "signed"},
		},
		{
			name:      "records two objects down",
			data:      `{"code": 0, "data": {"total": 1, "items": [{"事件编号": "A"}]}}`,
			key:       "事件编号",
			container: "data.items",
			want:      []Record{kv(1, "事件编号", "A")},
			meta:      []string{"code", "data.total"},
		},
		{
			name:      "the better of two arrays",
			data:      `{"schema": [{"name": "事件编号", "type": "string"}], "rows": [{"事件编号": "A"}, {"事件编号": "B"}]}`,
			key:       "事件编号",
			container: "rows",
			want:      []Record{kv(1, "事件编号", "A"), kv(2, "事件编号", "B")},
		},
		{
			name: "no array chosen: the object is one record",
			data: `{"模型名称": "M", "训练数据": [{"名称": "网页"}], "参数量": "70B"}`,
			key:  "absent",
			want: []Record{kv(1, "模型名称", "M", "训练数据.0.名称", "网页", "参数量", "70B")},
			meta: []string{"模型名称", "参数量"},
		},
		{
			name: "deeper than four objects: part of the record",
			data: `{"a": {"b": {"c": {"d": {"items": [{"x": 1}]}}}}}`,
			key:  "x",
			want: []Record{kv(1, "a.b.c.d.items.0.x", "1")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := &byKey{key: tt.key}
			jr, err := OpenJSONChoosing(strings.NewReader(tt.data), Limits{}, ch.choose)
			if err != nil {
				t.Fatal(err)
			}
			recs, err := readRecords(jr)
			if err != nil {
				t.Fatal(err)
			}
			if jr.Container() != tt.container || !reflect.DeepEqual(recs, tt.want) {
				t.Errorf("container %q, records %v; want %q, %v", jr.Container(), recs, tt.container, tt.want)
			}
			if tt.meta != nil && (len(ch.meta) == 0 || !reflect.DeepEqual(ch.meta[len(ch.meta)-1], tt.meta)) {
				t.Errorf("chooser told of metadata %q, want %q", ch.meta, tt.meta)
			}
		})
	}
	t.Run("empty array chosen", func(t *testing.T) {
		_, err := OpenJSONChoosing(strings.NewReader(`{"provider": "P", "items": []}`), Limits{}, func([]string, []JSONArray) int { return 0 })
		if !errors.Is(err, ErrNoRecords) || !strings.Contains(err.Error(), `"items" is an empty array`) {
			t.Errorf("err = %v", err)
		}
	})
}

// TestJSONWrappedStreams checks that a large wrapped array is streamed and
// that what follows it is read past, however large.
func TestJSONWrappedStreams(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"provider": "星河", "schema": [{"name": "批次"}], "records": [`)
	const n = 5000
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"批次": "B%d", "准确率": 0.9}`, i+1)
	}
	b.WriteString(`], "summary": {"pages": [` + strings.Repeat(`{"p": "xxxxxxxxxxxxxxxx"},`, 20000) + `{}]}, "end": true}`)
	data := b.String()
	cr := &countingReader{r: strings.NewReader(data)}
	ch := &byKey{key: "批次"}
	jr, err := OpenJSONChoosing(cr, Limits{MaxRecordBytes: 64 << 10}, ch.choose)
	if err != nil {
		t.Fatal(err)
	}
	if read := cr.n; read > 256<<10 {
		t.Errorf("read %d of %d bytes before the first record", read, len(data))
	}
	recs, err := readRecords(jr)
	if err != nil {
		t.Fatal(err)
	}
	if jr.Container() != "records" || len(recs) != n || recs[n-1].Values[0] != fmt.Sprintf("B%d", n) || recs[n-1].Number != n {
		t.Fatalf("container %q, %d records, last %v", jr.Container(), len(recs), recs[len(recs)-1])
	}
	// The unfinished array was offered after the finished schema.
	last := ch.offered[len(ch.offered)-1]
	if len(last) != 2 || !last[0].Complete || last[1].Complete || last[1].Records != sampleRecords || last[1].Path != "records" {
		t.Errorf("offered %+v", last)
	}
	if _, err := jr.Next(); !errors.Is(err, io.EOF) {
		t.Errorf("Next after the end: %v", err)
	}
}

func TestJSONWrappedLimits(t *testing.T) {
	lim := Limits{MaxRecordBytes: 200}
	junk := `[` + strings.Repeat(`{"j": "xxxxxxxxxx"},`, 50) + `{}]`
	t.Run("an earlier array chosen when the object outgrows the limit", func(t *testing.T) {
		ch := &byKey{key: "batch"}
		jr, err := OpenJSONChoosing(strings.NewReader(`{"good": [{"batch": "B1"}], "junk": `+junk+`, "more": `+junk+`}`), lim, ch.choose)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := readRecords(jr)
		if err != nil || jr.Container() != "good" || !reflect.DeepEqual(recs, []Record{kv(1, "batch", "B1")}) {
			t.Errorf("container %q, records %v, err %v", jr.Container(), recs, err)
		}
	})
	t.Run("no array holds records", func(t *testing.T) {
		ch := &byKey{key: "batch"}
		_, err := OpenJSONChoosing(strings.NewReader(`{"p": 1, "junk": `+junk+`}`), lim, ch.choose)
		if !errors.Is(err, ErrRecordTooLarge) || !strings.Contains(err.Error(), "no array in it holds records") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("deep nesting after the records", func(t *testing.T) {
		ch := &byKey{key: "a"}
		// x is long enough to be streamed; y is read past, within limits.
		data := `{"x": [` + strings.Repeat(`{"a": 1},`, 100) + `{"a": 2}], "y": {"z": ` + strings.Repeat("[", 1000) + strings.Repeat("]", 1000) + `}}`
		jr, err := OpenJSONChoosing(strings.NewReader(data), Limits{MaxDepth: 10}, ch.choose)
		if err == nil {
			_, err = readRecords(jr)
		}
		if !errors.Is(err, ErrTooDeep) || jr == nil || jr.Container() != "x" {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("syntax error after the streamed records", func(t *testing.T) {
		var b strings.Builder
		b.WriteString(`{"x": [`)
		for i := range 100 {
			fmt.Fprintf(&b, `{"a": %d},`, i)
		}
		b.WriteString(`{"a": 0}], "y": tru}`)
		jr, err := OpenJSONChoosing(strings.NewReader(b.String()), Limits{}, (&byKey{key: "a"}).choose)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := readRecords(jr)
		if err == nil || len(recs) != 101 || !strings.Contains(err.Error(), "invalid character") {
			t.Errorf("%d records, err %v", len(recs), err)
		}
	})
}
