package tabular

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestValidUTF8(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		n       int
		partial bool
	}{
		{"empty", "", 0, false},
		{"ASCII", "abc", 3, false},
		{"Chinese", "中文", 6, false},
		{"cut after one byte", "a中"[:2], 1, true},
		{"cut after two bytes", "a中"[:3], 1, true},
		{"cut four-byte character", "a😀"[:4], 1, true},
		{"invalid byte", "ab\xffcd", 2, false},
		{"invalid continuation", "a\xe4\x41", 1, false},
		{"overlong", "a\xc0\x80", 1, false},
		{"invalid then cut", "\xff中"[:3], 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, partial := validUTF8([]byte(tt.in))
			if n != tt.n || partial != tt.partial {
				t.Errorf("validUTF8(%q) = %d, %v; want %d, %v", tt.in, n, partial, tt.n, tt.partial)
			}
		})
	}
}

func TestValidGB18030(t *testing.T) {
	zhong := string(gb18030(t, "中")) // two bytes
	emoji := string(gb18030(t, "😀")) // four bytes
	tests := []struct {
		name    string
		in      string
		n       int
		partial bool
	}{
		{"ASCII", "abc", 3, false},
		{"two-byte", "a" + zhong, 3, false},
		{"four-byte", "a" + emoji, 5, false},
		{"euro as 0x80", "a\x80", 2, false},
		{"cut two-byte", "a" + zhong[:1], 1, true},
		{"cut four-byte after 1", "a" + emoji[:1], 1, true},
		{"cut four-byte after 2", "a" + emoji[:2], 1, true},
		{"cut four-byte after 3", "a" + emoji[:3], 1, true},
		{"0xFF", "a\xff", 1, false},
		{"bad trail byte", "a\x81\x20", 1, false},
		{"bad third byte", "a\x81\x30\x20\x30", 1, false},
		{"four-byte out of range", "a\xfe\x39\xfe\x39", 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, partial := validGB18030([]byte(tt.in))
			if n != tt.n || partial != tt.partial {
				t.Errorf("validGB18030(% x) = %d, %v; want %d, %v", tt.in, n, partial, tt.n, tt.partial)
			}
		})
	}
}

// TestOpenTextReads checks that the decoded text comes through whole
// however the source splits its reads.
func TestOpenTextReads(t *testing.T) {
	long := strings.Repeat("名称,说明,€ 😀 abc\n", 9000) // > 64 KiB
	tests := []struct {
		name string
		data []byte
		enc  string
	}{
		{"UTF-8", []byte(long), encUTF8},
		{"UTF-8 BOM", append(bytes.Clone(bom), long...), encUTF8BOM},
		{"GB18030", gb18030(t, long), encGB18030},
		{"UTF-16LE", utf16BOM(t, long, false), encUTF16LE},
		{"UTF-16BE", utf16BOM(t, long, true), encUTF16BE},
		{"ASCII then UTF-8", []byte(strings.Repeat("x", 70000) + long), encUTF8},
		{"ASCII then GB18030", append([]byte(strings.Repeat("x", 70000)), gb18030(t, long)...), encUTF8},
	}
	for _, tt := range tests {
		for _, wrap := range []struct {
			name string
			f    func(io.Reader) io.Reader
		}{
			{"whole", func(r io.Reader) io.Reader { return r }},
			{"one byte", iotest.OneByteReader},
			{"half", iotest.HalfReader},
		} {
			t.Run(tt.name+"/"+wrap.name, func(t *testing.T) {
				ts, err := openText(wrap.f(bytes.NewReader(tt.data)))
				if err != nil {
					t.Fatal(err)
				}
				if ts.encoding != tt.enc {
					t.Errorf("encoding %s, want %s", ts.encoding, tt.enc)
				}
				// Read with small buffers too, to split characters.
				var got bytes.Buffer
				buf := make([]byte, 3)
				for {
					n, err := ts.r.Read(buf)
					got.Write(buf[:n])
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						t.Fatal(err)
					}
				}
				want := long
				if strings.HasPrefix(tt.name, "ASCII") {
					want = strings.Repeat("x", 70000) + long
				}
				if got.String() != want {
					t.Errorf("text differs: got %d bytes, want %d", got.Len(), len(want))
				}
			})
		}
	}
}

func TestInvalidLater(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		msg  string
	}{
		{"UTF-8", []byte("中文" + strings.Repeat("x", 70000) + "\xff"), "invalid UTF-8 text at byte offset 70006"},
		{"UTF-8 cut at the end", []byte("中文" + strings.Repeat("x", 70000) + "\xe4\xb8"), "invalid UTF-8 text at byte offset 70006"},
		{"GB18030", append(gb18030(t, "中文"+strings.Repeat("x", 70000)), 0xff), "invalid GB18030 text at byte offset 70004"},
		{"ASCII then neither", []byte(strings.Repeat("x", 70000) + "\xff\xfe"), "invalid UTF-8 text at byte offset 70000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts, err := openText(bytes.NewReader(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			_, err = io.ReadAll(ts.r)
			if err == nil || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %v, want %q", err, tt.msg)
			}
		})
	}
}
