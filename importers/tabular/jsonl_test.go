package tabular

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestOpenJSONL(t *testing.T) {
	tests := []struct {
		name string
		data func(t *testing.T) []byte
		want []Record
	}{
		{
			name: "objects with blank lines",
			data: func(*testing.T) []byte {
				return []byte("\n{\"事件\": \"泄露\", \"级别\": 2}\n\n  \n{\"事件\": \"越狱\", \"详情\": {\"次数\": 45356, \"比例\": 0.035}}\n{}\n")
			},
			want: []Record{
				kv(2, "事件", "泄露", "级别", "2"),
				kv(5, "事件", "越狱", "详情.次数", "45356", "详情.比例", "0.035"),
				kv(6),
			},
		},
		{
			name: "CRLF, no final newline",
			data: func(*testing.T) []byte { return []byte("{\"a\": [1, 2]}\r\n\r\n{\"a\": null}") },
			want: []Record{kv(1, "a", "1; 2"), kv(3, "a", "")},
		},
		{
			name: "CR line endings",
			data: func(*testing.T) []byte { return []byte("{\"a\": 1}\r{\"a\": 2}\r") },
			want: []Record{kv(1, "a", "1"), kv(2, "a", "2")},
		},
		{
			name: "UTF-8 BOM",
			data: func(*testing.T) []byte { return append(bytes.Clone(bom), "{\"名\": \"甲\"}\n"...) },
			want: []Record{kv(1, "名", "甲")},
		},
		{
			name: "GB18030",
			data: func(t *testing.T) []byte { return gb18030(t, "{\"名\": \"甲\"}\n{\"名\": \"乙\"}\n") },
			want: []Record{kv(1, "名", "甲"), kv(2, "名", "乙")},
		},
		{
			name: "UTF-16LE BOM",
			data: func(t *testing.T) []byte { return utf16BOM(t, "{\"名\": \"甲\"}\r\n{\"名\": \"乙\"}\r\n", false) },
			want: []Record{kv(1, "名", "甲"), kv(2, "名", "乙")},
		},
		{
			name: "line longer than the read buffer",
			data: func(*testing.T) []byte {
				return []byte("{\"a\": \"" + strings.Repeat("长", 50000) + "\"}\n{\"b\": 1}\n")
			},
			want: []Record{kv(1, "a", strings.Repeat("长", 50000)), kv(2, "b", "1")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rr, err := OpenJSONL(bytes.NewReader(tt.data(t)), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			recs, err := readRecords(rr)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(recs, tt.want) {
				t.Errorf("records:\n got %v\nwant %v", recs, tt.want)
			}
		})
	}
}

func TestOpenJSONLErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		lim  Limits
		recs int   // records returned before the error
		want error // matched with errors.Is, if set
		msg  string
	}{
		{name: "empty", data: "", want: ErrNoRecords},
		{name: "blank lines", data: "\n \r\n\n", want: ErrEmpty},
		{name: "many blank lines", data: strings.Repeat("\n", 100000), want: ErrNoRecords},
		{name: "binary", data: string(pngBytes), want: ErrNotText},
		{name: "array line", data: "{\"a\": 1}\n[1, 2]\n{\"a\": 2}\n", recs: 1, msg: "line 2: an array, not an object"},
		{name: "scalar line", data: "\n\n\"x\"\n", msg: "line 3: a string, not an object"},
		{name: "syntax error", data: "{\"a\": 1}\n{\"a\" 1}\n", recs: 1, msg: "line 2: column 6: invalid character '1' after object key"},
		{name: "truncated object", data: "{\"a\": 1}\n{\"a\": \n{\"b\": 1}\n", recs: 1, msg: "line 2: unexpected end of line"},
		{name: "two values on a line", data: "{\"a\": 1} {\"b\": 2}\n", msg: "line 1: column 10: more than one JSON value"},
		{name: "garbage after the object", data: "{\"a\": 1} x\n", msg: "line 1: column 10: invalid character 'x'"},
		{name: "line too long", data: "{\"a\": 1}\n{\"a\": \"" + strings.Repeat("x", 200) + "\"}\n", lim: Limits{MaxRecordBytes: 100}, recs: 1, want: ErrRecordTooLarge, msg: "line 2:"},
		{name: "line too long, longer than the buffer", data: "{\"a\": 1}\n\n{\"a\": \"" + strings.Repeat("x", 200<<10) + "\"}\n", lim: Limits{MaxRecordBytes: 100 << 10}, recs: 1, want: ErrRecordTooLarge, msg: "line 3:"},
		{name: "too deep", data: "{\"a\": {\"b\": [1]}}\n", lim: Limits{MaxDepth: 2}, want: ErrTooDeep, msg: "line 1:"},
		{name: "deep arrays", data: "{\"a\": " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "}\n", want: ErrTooDeep},
		{name: "too many keys", data: "{\"a\": 1, \"b\": 2, \"c\": 3}\n", lim: Limits{MaxFields: 2}, want: ErrTooManyFields},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var recs []Record
			rr, err := OpenJSONL(strings.NewReader(tt.data), tt.lim)
			if err == nil {
				recs, err = readRecords(rr)
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
			if len(recs) != tt.recs {
				t.Errorf("%d records before the error, want %d", len(recs), tt.recs)
			}
			if rr != nil {
				if _, err2 := rr.Next(); err2 == nil || err2.Error() != err.Error() {
					t.Errorf("Next after the error: %v", err2)
				}
			}
		})
	}
}
