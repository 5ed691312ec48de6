package tabular

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestOpenCSV(t *testing.T) {
	const header = "模型名称,备案号,上线日期\n"
	const body = "文心一言,Beijing-WenXin-20230821,2023-08-31\n通义千问,Zhejiang-TongYi-20230903,2023-09-13\n"
	want := []gotRow{
		{1, []string{"模型名称", "备案号", "上线日期"}},
		{2, []string{"文心一言", "Beijing-WenXin-20230821", "2023-08-31"}},
		{3, []string{"通义千问", "Zhejiang-TongYi-20230903", "2023-09-13"}},
	}
	tests := []struct {
		name     string
		data     func(t *testing.T) []byte
		encoding string
		delim    rune
		want     []gotRow
	}{
		{
			name:     "UTF-8",
			data:     func(*testing.T) []byte { return []byte(header + body) },
			encoding: "UTF-8", delim: ',', want: want,
		},
		{
			name:     "UTF-8 BOM",
			data:     func(*testing.T) []byte { return append(bytes.Clone(bom), header+body...) },
			encoding: "UTF-8 BOM", delim: ',', want: want,
		},
		{
			name:     "GB18030",
			data:     func(t *testing.T) []byte { return gb18030(t, header+body) },
			encoding: "GB18030", delim: ',', want: want,
		},
		{
			name:     "GB18030 four-byte characters",
			data:     func(t *testing.T) []byte { return gb18030(t, "名称,说明\n𠀀字,€ ½ 😀\n") },
			encoding: "GB18030", delim: ',',
			want: []gotRow{{1, []string{"名称", "说明"}}, {2, []string{"𠀀字", "€ ½ 😀"}}},
		},
		{
			name: "UTF-16LE BOM with CRLF and tabs",
			data: func(t *testing.T) []byte {
				return utf16BOM(t, strings.ReplaceAll(strings.ReplaceAll(header+body, ",", "\t"), "\n", "\r\n"), false)
			},
			encoding: "UTF-16LE", delim: '\t', want: want,
		},
		{
			name:     "UTF-16BE BOM",
			data:     func(t *testing.T) []byte { return utf16BOM(t, header+body, true) },
			encoding: "UTF-16BE", delim: ',', want: want,
		},
		{
			name:     "tab delimiter with commas in text",
			data:     func(*testing.T) []byte { return []byte("a\tb\tc\n1,5\t北京, 上海\tx\n2\t3\t4\n") },
			encoding: "UTF-8", delim: '\t',
			want: []gotRow{{1, []string{"a", "b", "c"}}, {2, []string{"1,5", "北京, 上海", "x"}}, {3, []string{"2", "3", "4"}}},
		},
		{
			name:     "semicolon delimiter with decimal commas",
			data:     func(*testing.T) []byte { return []byte("名称;得分;比例\nA;3,5;0,1\nB;4;1,25\n") },
			encoding: "UTF-8", delim: ';',
			want: []gotRow{{1, []string{"名称", "得分", "比例"}}, {2, []string{"A", "3,5", "0,1"}}, {3, []string{"B", "4", "1,25"}}},
		},
		{
			name:     "pipe delimiter",
			data:     func(*testing.T) []byte { return []byte("a|b\n1|2\n3|4\n") },
			encoding: "UTF-8", delim: '|',
			want: []gotRow{{1, []string{"a", "b"}}, {2, []string{"1", "2"}}, {3, []string{"3", "4"}}},
		},
		{
			name:     "quoted delimiters do not count when sniffing",
			data:     func(*testing.T) []byte { return []byte("\"a;b;c\",d\n\"1;2;3;4\",e\n\"x\",f\n") },
			encoding: "UTF-8", delim: ',',
			want: []gotRow{{1, []string{"a;b;c", "d"}}, {2, []string{"1;2;3;4", "e"}}, {3, []string{"x", "f"}}},
		},
		{
			name: "quoted commas, quotes and newlines; line numbers after them",
			data: func(*testing.T) []byte {
				return []byte("id,说明\n1,\"含逗号,和\"\"引号\"\"\"\n2,\"第一行\n第二行\n第三行\"\n3,末行\n")
			},
			encoding: "UTF-8", delim: ',',
			want: []gotRow{
				{1, []string{"id", "说明"}},
				{2, []string{"1", "含逗号,和\"引号\""}},
				{3, []string{"2", "第一行\n第二行\n第三行"}},
				{6, []string{"3", "末行"}},
			},
		},
		{
			name:     "CRLF, also inside quoted fields",
			data:     func(*testing.T) []byte { return []byte("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n") },
			encoding: "UTF-8", delim: ',',
			want: []gotRow{{1, []string{"a", "b"}}, {2, []string{"1", "x\ny"}}, {4, []string{"2", "z"}}},
		},
		{
			name:     "CR CR LF leaves no CR",
			data:     func(*testing.T) []byte { return []byte("a,b\r\r\n1,2\r\r\n") },
			encoding: "UTF-8", delim: ',',
			want: []gotRow{{1, []string{"a", "b"}}, {2, []string{"1", "2"}}},
		},
		{
			name:     "old Mac CR line endings",
			data:     func(*testing.T) []byte { return []byte("a,b\r1,2\r3,4") },
			encoding: "UTF-8", delim: ',',
			want: []gotRow{{1, []string{"a", "b"}}, {2, []string{"1", "2"}}, {3, []string{"3", "4"}}},
		},
		{
			name:     "no final newline",
			data:     func(*testing.T) []byte { return []byte("a,b\n1,2") },
			encoding: "UTF-8", delim: ',',
			want: []gotRow{{1, []string{"a", "b"}}, {2, []string{"1", "2"}}},
		},
		{
			name:     "ragged rows",
			data:     func(*testing.T) []byte { return []byte("a,b,c\n1\n1,2,3,4,5\n,x\n") },
			encoding: "UTF-8", delim: ',',
			want: []gotRow{
				{1, []string{"a", "b", "c"}}, {2, []string{"1"}}, {3, []string{"1", "2", "3", "4", "5"}}, {4, []string{"", "x"}},
			},
		},
		{
			name:     "blank lines and blank rows are skipped",
			data:     func(*testing.T) []byte { return []byte("\n\na,b\n\n,\n  ,\t\n\r\n1,2\n,,,\n \n\"\",\"\"\n3,4\n\n") },
			encoding: "UTF-8", delim: ',',
			want: []gotRow{{3, []string{"a", "b"}}, {8, []string{"1", "2"}}, {12, []string{"3", "4"}}},
		},
		{
			name:     "one column",
			data:     func(*testing.T) []byte { return []byte("名称\n甲\n乙\n") },
			encoding: "UTF-8", delim: ',',
			want: []gotRow{{1, []string{"名称"}}, {2, []string{"甲"}}, {3, []string{"乙"}}},
		},
		{
			name:     "stray quotes are literal",
			data:     func(*testing.T) []byte { return []byte("a,b\n5\" screen,x\"y\"z\n\"q\"r,s\n") },
			encoding: "UTF-8", delim: ',',
			want: []gotRow{{1, []string{"a", "b"}}, {2, []string{"5\" screen", "x\"y\"z"}}, {3, []string{"q\"r,s\n"}}}, // as encoding/csv reads it
		},
		{
			name:     "unterminated quote runs to the end",
			data:     func(*testing.T) []byte { return []byte("a,b\n1,\"open\n2,3\n") },
			encoding: "UTF-8", delim: ',',
			want: []gotRow{{1, []string{"a", "b"}}, {2, []string{"1", "open\n2,3\n"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, info, err := readCSV(t, tt.data(t), Limits{})
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if info.Encoding != tt.encoding || info.Delimiter != tt.delim {
				t.Errorf("info = %q %q, want %q %q", info.Encoding, info.Delimiter, tt.encoding, tt.delim)
			}
			if !reflect.DeepEqual(rows, tt.want) {
				t.Errorf("rows:\n got %v\nwant %v", rows, tt.want)
			}
		})
	}
}

func TestOpenCSVErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"only BOM", bom, ErrEmpty},
		{"only white space", []byte(" \r\n\t\n  \n"), ErrEmpty},
		{"BOM and white space", append(bytes.Clone(bom), "\r\n\r\n"...), ErrEmpty},
		{"UTF-16 BOM only", []byte{0xFF, 0xFE}, ErrEmpty},
		{"PNG", pngBytes, ErrNotText},
		{"NUL in text", []byte("a,b\n1,\x00\n"), ErrNotText},
		{"neither UTF-8 nor GB18030", []byte("a,b\n\xff\xfe\xfd,1\n"), ErrNotText},
		{"invalid UTF-8 after UTF-8 BOM", append(bytes.Clone(bom), "a,\xff\n"...), ErrNotText},
		{"UTF-16 with NUL characters", []byte{0xFF, 0xFE, 'a', 0, 0, 0, 'b', 0}, ErrNotText},
		{"UTF-16 with lone surrogate", []byte{0xFF, 0xFE, 'a', 0, 0x00, 0xDC, 'b', 0}, ErrNotText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := OpenCSV(bytes.NewReader(tt.data), Limits{})
			if !errors.Is(err, tt.want) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}
		})
	}
}

// TestCSVSampleBoundary checks encoding sniffing when the sniffed 64 KiB end
// in the middle of a character, and when they are pure ASCII and the first
// non-ASCII text comes later.
func TestCSVSampleBoundary(t *testing.T) {
	asciiRows := func(n int) string {
		var b strings.Builder
		b.WriteString("id,name\n")
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "%d,row%d\n", i, i)
		}
		return b.String()
	}
	t.Run("multi-byte character cut by the sample", func(t *testing.T) {
		for shift := range 3 {
			prefix := "id,名称\n1," + strings.Repeat("x", sniffSize-len("id,名称\n1,")-1-shift)
			data := []byte(prefix + "中文字\n2,完\n")
			rows, info, err := readCSV(t, data, Limits{})
			if err != nil {
				t.Fatalf("shift %d: %v", shift, err)
			}
			if info.Encoding != "UTF-8" || len(rows) != 3 || !strings.HasSuffix(rows[1].Cells[1], "中文字") || rows[2].Cells[1] != "完" {
				t.Fatalf("shift %d: %s %d rows", shift, info.Encoding, len(rows))
			}
		}
	})
	t.Run("GB18030 cut by the sample", func(t *testing.T) {
		data := gb18030(t, "id,名称\n1,"+strings.Repeat("中", sniffSize/2)+"\n2,完\n")
		rows, info, err := readCSV(t, data, Limits{})
		if err != nil || info.Encoding != "GB18030" || len(rows) != 3 || rows[2].Cells[1] != "完" {
			t.Fatalf("%v %s %d", err, info.Encoding, len(rows))
		}
	})
	t.Run("ASCII start then GB18030", func(t *testing.T) {
		text := asciiRows(100<<10) + "999,北京市海淀区\n1000,完\n"
		data := append([]byte(asciiRows(100<<10)), gb18030(t, "999,北京市海淀区\n1000,完\n")...)
		rows, info, err := readCSV(t, data, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if info.Encoding != "UTF-8" {
			t.Errorf("encoding %s", info.Encoding)
		}
		n := strings.Count(text, "\n")
		if len(rows) != n || rows[n-2].Cells[1] != "北京市海淀区" || rows[n-1].Cells[1] != "完" || rows[n-1].N != n {
			t.Fatalf("got %d rows, last %v", len(rows), rows[len(rows)-1])
		}
	})
	t.Run("ASCII start then UTF-8", func(t *testing.T) {
		text := asciiRows(100<<10) + "999,北京市海淀区\n"
		rows, _, err := readCSV(t, []byte(text), Limits{})
		if err != nil || rows[len(rows)-1].Cells[1] != "北京市海淀区" {
			t.Fatalf("%v %v", err, rows[len(rows)-1])
		}
	})
	t.Run("invalid bytes after the sample name their line", func(t *testing.T) {
		text := asciiRows(100<<10) + "中文\n"
		n := strings.Count(text, "\n")
		data := []byte(text + "x,\xff\xff\n")
		rows, _, err := readCSV(t, data, Limits{})
		if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("line %d:", n+1)) || !strings.Contains(err.Error(), "invalid UTF-8") {
			t.Fatalf("error %v", err)
		}
		if len(rows) != n {
			t.Errorf("%d rows before the error, want %d", len(rows), n)
		}
	})
}

func TestCSVLimits(t *testing.T) {
	big := strings.Repeat("长", 100)
	tests := []struct {
		name     string
		data     string
		lim      Limits
		rows     int // rows returned before the error
		wantLine string
		want     error
	}{
		{"record too large", "a,b\n1,2\n3," + big + "\n4,5\n", Limits{MaxRecordBytes: 100}, 2, "line 3:", ErrRecordTooLarge},
		{"record exactly at the limit", "a,b\n" + strings.Repeat("x", 100) + "\n", Limits{MaxRecordBytes: 100}, 2, "", nil},
		{"quoted record too large", "a,b\n1,\"x\n" + big + "\"\n", Limits{MaxRecordBytes: 100}, 1, "line 2:", ErrRecordTooLarge},
		{"too many fields", "a,b\n1,2,3,4,5\n1,2,3,4,5,6\n", Limits{MaxFields: 5}, 2, "line 3:", ErrTooManyFields},
		{"too many fields in quotes", "a,b\n\"1\",\"2\",\"3\",\"4\",\"5\",\"6\"\n", Limits{MaxFields: 5}, 1, "line 2:", ErrTooManyFields},
		{"quoted delimiters are not fields", "a,b\n\"1,2,3,4,5,6,7\",x\n", Limits{MaxFields: 5}, 2, "", nil},
		{"too many fields after blank lines", "a,b\n\n\r\n,,,,,,\n", Limits{MaxFields: 5}, 1, "line 4:", ErrTooManyFields},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, _, err := readCSV(t, []byte(tt.data), tt.lim)
			if !errors.Is(err, tt.want) || (err != nil && !strings.HasPrefix(err.Error(), tt.wantLine)) {
				t.Fatalf("error = %v, want %v at %q", err, tt.want, tt.wantLine)
			}
			if len(rows) != tt.rows {
				t.Errorf("%d rows before the error, want %d", len(rows), tt.rows)
			}
		})
	}
}

// countingReader counts the bytes read from r.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// endless yields the same byte for ever.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// TestCSVRunaway checks that hostile input is refused after reading about
// the limit, not buffered whole.
func TestCSVRunaway(t *testing.T) {
	tests := []struct {
		name string
		src  io.Reader
		want error
	}{
		{"unterminated quote", io.MultiReader(strings.NewReader("a,b\n1,\"never closed"), endless('x')), ErrRecordTooLarge},
		{"endless line", io.MultiReader(strings.NewReader("a,b\n1,2"), endless('y')), ErrRecordTooLarge},
		{"endless delimiters", io.MultiReader(strings.NewReader("a,b\n1,2"), endless(',')), ErrTooManyFields},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cr := &countingReader{r: tt.src}
			tab, _, err := OpenCSV(cr, Limits{MaxRecordBytes: 1 << 20, MaxFields: 1000})
			if err != nil {
				t.Fatal(err)
			}
			var rows int
			for {
				_, err = tab.Next()
				if err != nil {
					break
				}
				rows++
			}
			if !errors.Is(err, tt.want) || !strings.HasPrefix(err.Error(), "line 2:") {
				t.Fatalf("error = %v, want %v on line 2", err, tt.want)
			}
			if rows != 1 {
				t.Errorf("%d rows, want 1", rows)
			}
			if cr.n > 2<<20 {
				t.Errorf("read %d bytes for a limit of 1 MiB", cr.n)
			}
		})
	}
	t.Run("a million delimiters with default limits", func(t *testing.T) {
		data := "a,b\n" + strings.Repeat(",", 1<<20) + "\n"
		start := time.Now()
		rows, _, err := readCSV(t, []byte(data), Limits{})
		if !errors.Is(err, ErrTooManyFields) || len(rows) != 1 {
			t.Fatalf("error %v after %d rows", err, len(rows))
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("took %v", d)
		}
	})
}

// failingReader returns its data and then an error.
type failingReader struct {
	data []byte
	err  error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if len(f.data) == 0 {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

func TestCSVReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	data := "a,b\n" + strings.Repeat("1,2\n", 30000) + "3,"
	tab, _, err := OpenCSV(&failingReader{data: []byte(data), err: boom}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for {
		_, err = tab.Next()
		if err != nil {
			break
		}
		rows++
	}
	if !errors.Is(err, boom) || !strings.HasPrefix(err.Error(), "line 30002:") {
		t.Fatalf("error = %v", err)
	}
	if rows != 30001 {
		t.Errorf("%d rows before the error", rows)
	}
}

func TestSniffDelimiter(t *testing.T) {
	tests := []struct {
		name   string
		sample string
		want   byte
	}{
		{"none", "abc\ndef\n", ','},
		{"comma", "a,b,c\n1,2,3\n", ','},
		{"tab beats occasional comma", "a\tb\n1,2\tx\n3\t4\n5\t6\n", '\t'},
		{"semicolon", "a;b;c\n1,5;2;3\n", ';'},
		{"consistent count wins", "a,b;c\n1;2;3,4,5\n6;7;8\n", ';'},
		{"larger count breaks ties", "a;b,c,d\n", ','},
		{"header only", "名称\t说明\t备注", '\t'},
		{"pipes", "|a|b|\n|1|2|\n", '|'},
		{"quoted newlines", "a,b\n\"x;\ny;\nz;\",1\n\"p;\nq;\nr;\",2\n", ','},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniffDelimiter([]byte(tt.sample), true); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// makeCSV returns about rows rows of realistic CSV text.
func makeCSV(rows int) string {
	var b strings.Builder
	b.WriteString("序号,服务名称,备案编号,事件类型,描述,处置时间,金额\r\n")
	for i := range rows {
		fmt.Fprintf(&b, "%d,智能助手服务%d,Beijing-ZhiNeng-2024%04d,内容安全,\"用户输入包含敏感词,已拦截并记录\",2024-03-%02d 10:%02d:%02d,%d.%02d\r\n",
			i+1, i%100, i%10000, i%28+1, i%60, (i*7)%60, i*13, i%100)
	}
	return b.String()
}

func benchmarkCSV(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		tab, _, err := OpenCSV(bytes.NewReader(data), Limits{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := tab.Next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					b.Fatal(err)
				}
				break
			}
			n++
		}
		if n != 100001 {
			b.Fatalf("%d rows", n)
		}
	}
}

func BenchmarkCSV(b *testing.B) {
	benchmarkCSV(b, []byte(makeCSV(100000)))
}

func BenchmarkCSVGB18030(b *testing.B) {
	benchmarkCSV(b, gb18030(b, makeCSV(100000)))
}

func TestCSVAfterBlank(t *testing.T) {
	data := "\n\na,b\n1,\"two\nlines\"\n2,x\n\n3,y\n,,\n \t\n4,z\n\"5\",\"q\"\r\n6,w\n"
	tab, _, err := OpenCSV(strings.NewReader(data), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		row, err := tab.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d:%s:%v", row.Number, row.Cells[0], row.AfterBlank))
	}
	// The first row is not after a blank, whatever precedes it; a quoted
	// value over two lines is no gap; a line of delimiters or of white
	// space is.
	want := []string{"3:a:false", "4:1:false", "6:2:false", "8:3:true", "11:4:true", "12:5:false", "13:6:false"}
	if !slices.Equal(got, want) {
		t.Errorf("rows %v, want %v", got, want)
	}
}
