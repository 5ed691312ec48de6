package tabular

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"
)

// kv builds the keys and values of a record from alternating arguments.
func kv(num int, pairs ...string) Record {
	rec := Record{Number: num, Keys: []string{}, Values: []string{}}
	for i := 0; i < len(pairs); i += 2 {
		rec.Keys = append(rec.Keys, pairs[i])
		rec.Values = append(rec.Values, pairs[i+1])
	}
	return rec
}

func TestOpenJSON(t *testing.T) {
	keyFacts := `{
  "模型名称": "智言大模型",
  "参数量": "70B",
  "安全机制": {"内容过滤": true, "人工复核": {"比例": 0.035, "人数": 12}},
  "语言": ["中文", "英文", 3, null, false],
  "训练数据": [{"名称": "公开网页", "规模": 45356}, {"名称": "图书"}],
  "备注": null,
  "空对象": {},
  "空数组": []
}`
	keyFactsRec := kv(1,
		"模型名称", "智言大模型",
		"参数量", "70B",
		"安全机制.内容过滤", "true",
		"安全机制.人工复核.比例", "0.035",
		"安全机制.人工复核.人数", "12",
		"语言", "中文; 英文; 3; ; false",
		"训练数据.0.名称", "公开网页",
		"训练数据.0.规模", "45356",
		"训练数据.1.名称", "图书",
		"备注", "",
		"空对象", "",
		"空数组", "",
	)
	tests := []struct {
		name      string
		data      func(t *testing.T) []byte
		container string
		want      []Record
	}{
		{
			name: "array of objects",
			data: func(*testing.T) []byte {
				return []byte(`[{"id": 1, "big": 123456789012345678901234567890, "x": 1.50e3}, {"id": 2, "tags": ["a", "b"], "id": 3}, {}]`)
			},
			want: []Record{
				kv(1, "id", "1", "big", "123456789012345678901234567890", "x", "1.50e3"),
				kv(2, "id", "3", "tags", "a; b"),
				kv(3),
			},
		},
		{
			name: "container object",
			data: func(*testing.T) []byte {
				return []byte(` {"incidents": [{"编号": "E-1", "损失": 0.035}, {"编号": "E-2", "处置": {"结果": "已整改"}}]} `)
			},
			container: "incidents",
			want: []Record{
				kv(1, "编号", "E-1", "损失", "0.035"),
				kv(2, "编号", "E-2", "处置.结果", "已整改"),
			},
		},
		{
			name: "single object",
			data: func(*testing.T) []byte { return []byte(keyFacts) },
			want: []Record{keyFactsRec},
		},
		{
			name: "single object starting with an array of objects",
			data: func(*testing.T) []byte {
				return []byte(`{"训练数据": [{"名称": "公开网页"}, {}], "模型名称": "M"}`)
			},
			want: []Record{kv(1, "训练数据.0.名称", "公开网页", "训练数据.1", "", "模型名称", "M")},
		},
		{
			name: "single object with a mixed array first",
			data: func(*testing.T) []byte { return []byte(`{"a": [{"x": 1}, 2, [3, 4], {"y": [5]}]}`) },
			want: []Record{kv(1, "a.0.x", "1", "a.1", "2", "a.2", "3; 4", "a.3.y", "5")},
		},
		{
			name: "single object with a scalar array first",
			data: func(*testing.T) []byte { return []byte(`{"a": [1, 2], "b": {"c": [true, {"d": null}]}}`) },
			want: []Record{kv(1, "a", "1; 2", "b.c.0", "true", "b.c.1.d", "")},
		},
		{
			name: "single object with an empty array first",
			data: func(*testing.T) []byte { return []byte(`{"a": [], "b": 1}`) },
			want: []Record{kv(1, "a", "", "b", "1")},
		},
		{
			name: "single member that is not an array",
			data: func(*testing.T) []byte { return []byte(`{"a": {"b": "c"}}`) },
			want: []Record{kv(1, "a.b", "c")},
		},
		{
			name: "duplicate keys keep the last value at the first place",
			data: func(*testing.T) []byte { return []byte(`[{"a": 1, "b": 2, "a": 3, "c": {"d": 4}, "c.d": 5}]`) },
			want: []Record{kv(1, "a", "3", "b", "2", "c.d", "5")},
		},
		{
			name: "strings unchanged, escapes decoded",
			data: func(*testing.T) []byte {
				return []byte(`[{"s": " 含空格\t\"引号\" \u4e2d ", "n": -0.0, "e": ""}]`)
			},
			want: []Record{kv(1, "s", " 含空格\t\"引号\" 中 ", "n", "-0.0", "e", "")},
		},
		{
			name: "UTF-8 BOM",
			data: func(*testing.T) []byte { return append(bytes.Clone(bom), `[{"名称": "甲"}]`...) },
			want: []Record{kv(1, "名称", "甲")},
		},
		{
			name: "GB18030",
			data: func(t *testing.T) []byte { return gb18030(t, keyFacts) },
			want: []Record{keyFactsRec},
		},
		{
			name:      "UTF-16LE BOM",
			data:      func(t *testing.T) []byte { return utf16BOM(t, `{"items": [{"名称": "甲"}]}`, false) },
			container: "items",
			want:      []Record{kv(1, "名称", "甲")},
		},
		{
			name: "UTF-16BE BOM",
			data: func(t *testing.T) []byte { return utf16BOM(t, `[{"名称": "乙"}]`, true) },
			want: []Record{kv(1, "名称", "乙")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			jr, err := OpenJSON(bytes.NewReader(tt.data(t)), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if jr.Container() != tt.container {
				t.Errorf("Container() = %q, want %q", jr.Container(), tt.container)
			}
			recs, err := readRecords(jr)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(recs, tt.want) {
				t.Errorf("records:\n got %v\nwant %v", recs, tt.want)
			}
			if _, err := jr.Next(); !errors.Is(err, io.EOF) {
				t.Errorf("Next after the end: %v", err)
			}
		})
	}
}

func TestOpenJSONErrors(t *testing.T) {
	deep := func(open, close string, n int) string {
		return strings.Repeat(open, n) + strings.Repeat(close, n)
	}
	tests := []struct {
		name string
		data string
		lim  Limits
		want error  // matched with errors.Is, if set
		msg  string // contained in the message
	}{
		{name: "empty", data: "", want: ErrEmpty},
		{name: "white space", data: " \n\t ", want: ErrNoRecords},
		{name: "binary", data: string(pngBytes), want: ErrNotText},
		{name: "empty array", data: " [ ] ", want: ErrNoRecords},
		{name: "empty object", data: "{}", want: ErrNoRecords},
		{name: "empty container", data: `{"incidents": []}`, want: ErrNoRecords, msg: `"incidents" is an empty array`},
		{name: "top-level number", data: "42", msg: "top level is a number, not an array or object of records"},
		{name: "top-level string", data: `"x"`, msg: "top level is a string"},
		{name: "array of numbers", data: "[1, 2, 3]", msg: "top level is an array of numbers, not of objects"},
		{name: "array of arrays", data: "[[{}]]", msg: "top level is an array of arrays, not of objects"},
		{name: "array of nulls", data: "[null]", msg: "top level is an array of nulls"},
		{name: "later element not an object", data: "[{}, {},\n 3]", msg: "line 2 (offset 11): record 3 of the top-level array is a number, not an object"},
		{name: "container element not an object", data: `{"x": [{}, "s"]}`, lim: Limits{MaxRecordBytes: 5}, msg: `record 2 of "x" is a string, not an object`},
		{name: "syntax error names the line", data: "[\n{\"a\": 1},\n{\"b\" 2}\n]", msg: "record 2, line 3 (offset 17): invalid character '2' after object key"},
		{name: "syntax error in a single object", data: "{\n\"a\": 1,\n\"b\": tru\n}", msg: "line 3"},
		{name: "truncated", data: `[{"a": 1}, {"b": `, msg: "unexpected end of file"},
		{name: "truncated single object", data: `{"a": [1, 2`, msg: "unexpected end of file"},
		{name: "trailing garbage", data: `[{"a": 1}] x`, msg: "line 1 (offset 11): invalid character 'x'"},
		{name: "second value", data: "{\"a\": 1}\n{\"b\": 2}", msg: "line 2 (offset 10): unexpected data after the top-level value"},
		{name: "too deep record", data: `[{"a": {"b": {"c": 1}}}]`, lim: Limits{MaxDepth: 3}, want: ErrTooDeep, msg: "record 1"},
		{name: "too deep single object", data: `{"a": {"b": [[1]]}}`, lim: Limits{MaxDepth: 3}, want: ErrTooDeep},
		{name: "depth at the limit", data: `[{"a": {"b": 1}}, 2]`, lim: Limits{MaxDepth: 3}, msg: "record 2 of the top-level array is a number"},
		{name: "deep arrays refused at once", data: deep("[", "]", 100000), msg: "array of arrays"},
		{name: "deep arrays in a record", data: `[{"a": ` + deep("[", "]", 100000) + `}]`, want: ErrTooDeep},
		{name: "deep objects in a single object", data: strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000), want: ErrTooDeep},
		{name: "deep arrays in a container", data: `{"x": [{"a": ` + deep("[", "]", 100000) + `}]}`, want: ErrTooDeep},
		{name: "record too large", data: `[{"a": "short"}, {"a": "` + strings.Repeat("长", 100) + `"}]`, lim: Limits{MaxRecordBytes: 100}, want: ErrRecordTooLarge, msg: "record 2"},
		{name: "single object too large", data: `{"a": "` + strings.Repeat("x", 200) + `", "b": 1}`, lim: Limits{MaxRecordBytes: 100}, want: ErrRecordTooLarge},
		{name: "too many keys", data: `[{"a": 1, "b": 2, "c": 3}]`, lim: Limits{MaxFields: 2}, want: ErrTooManyFields},
		{name: "too many keys from an array", data: `[{"a": [1, 2, 3, {}]}]`, lim: Limits{MaxFields: 2}, want: ErrTooManyFields},
		{name: "long scalar array is one key", data: `[{"a": [1, 2, 3, 4, 5]}, 1]`, lim: Limits{MaxFields: 2}, msg: "record 2 of the top-level array is a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			jr, err := OpenJSON(strings.NewReader(tt.data), tt.lim)
			if err == nil {
				_, err = readRecords(jr)
			}
			if err == nil {
				t.Fatal("no error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error = %q, want it to contain %q", err, tt.msg)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestJSONStreams checks that a large array is read one record at a time.
func TestJSONStreams(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"records": [`)
	const n = 20000
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"序号": %d, "说明": "第%d条记录的说明文字", "嵌套": {"值": [%d, %d]}}`, i+1, i+1, i, i+1)
	}
	b.WriteString("]}")
	data := b.String()
	cr := &countingReader{r: strings.NewReader(data)}
	jr, err := OpenJSON(cr, Limits{MaxRecordBytes: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	if jr.Container() != "records" {
		t.Errorf("Container() = %q", jr.Container())
	}
	first, err := jr.Next()
	if err != nil {
		t.Fatal(err)
	}
	if read := cr.n; read > 512<<10 {
		t.Errorf("read %d of %d bytes before the first record", read, len(data))
	}
	if !reflect.DeepEqual(first, kv(1, "序号", "1", "说明", "第1条记录的说明文字", "嵌套.值", "0; 1")) {
		t.Errorf("first record %v", first)
	}
	count := 1
	for {
		rec, err := jr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		count++
		if rec.Number != count || rec.Values[0] != fmt.Sprint(count) {
			t.Fatalf("record %d: %v", count, rec)
		}
	}
	if count != n {
		t.Errorf("%d records, want %d", count, n)
	}
}

// TestJSONRunaway checks that an endless string is refused after reading
// about the limit.
func TestJSONRunaway(t *testing.T) {
	for _, prefix := range []string{`[{"a": "`, `{"a": "`, `{"x": [{"a": "`} {
		t.Run(prefix, func(t *testing.T) {
			cr := &countingReader{r: io.MultiReader(strings.NewReader(prefix), endless('x'))}
			jr, err := OpenJSON(cr, Limits{MaxRecordBytes: 1 << 20})
			if err == nil {
				_, err = readRecords(jr)
			}
			if !errors.Is(err, ErrRecordTooLarge) {
				t.Fatalf("error = %v", err)
			}
			if cr.n > 2<<20 {
				t.Errorf("read %d bytes for a limit of 1 MiB", cr.n)
			}
		})
	}
}

func BenchmarkJSON(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("[")
	for i := range 20000 {
		if i > 0 {
			sb.WriteString(",\n")
		}
		fmt.Fprintf(&sb, `{"序号": %d, "服务名称": "智能助手服务%d", "安全机制": {"内容过滤": true, "比例": 0.035}, "标签": ["甲", "乙"]}`, i, i%100)
	}
	sb.WriteString("]")
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		jr, err := OpenJSON(bytes.NewReader(data), Limits{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := readRecords(jr); err != nil {
			b.Fatal(err)
		}
	}
}
