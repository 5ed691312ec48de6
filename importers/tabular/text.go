package tabular

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffSize is how much of a file is examined to choose its encoding and,
// for CSV, its delimiter.
const sniffSize = 64 << 10

// Encoding names reported in CSVInfo.
const (
	encUTF8    = "UTF-8"
	encUTF8BOM = "UTF-8 BOM"
	encGB18030 = "GB18030"
	encUTF16LE = "UTF-16LE"
	encUTF16BE = "UTF-16BE"
)

// textStream is a file opened as UTF-8 text.
type textStream struct {
	// r yields the text as UTF-8, without byte order mark.
	r io.Reader
	// sample is the start of the text as UTF-8 (at most sniffSize bytes of
	// the file), cut at a character boundary. It is a copy.
	sample []byte
	// complete says the sample holds the whole file.
	complete bool
	// encoding is one of the enc* names.
	encoding string
}

// openText sniffs the encoding of the file read by src from its first
// sniffSize bytes and returns a stream of its text as UTF-8. Nothing is lost:
// the sniffed bytes are buffered.
func openText(src io.Reader) (*textStream, error) {
	br := bufio.NewReaderSize(src, sniffSize)
	raw, err := br.Peek(sniffSize)
	complete := false
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		complete = true
	default:
		return nil, fmt.Errorf("reading the start of the file: %w", err)
	}
	if len(raw) == 0 {
		return nil, ErrEmpty
	}

	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		body := raw[3:]
		if i := bytes.IndexByte(body, 0); i >= 0 {
			return nil, fmt.Errorf("%w: NUL byte at offset %d", ErrNotText, i+3)
		}
		n, partial := validUTF8(body)
		if n < len(body) && (!partial || complete) {
			return nil, fmt.Errorf("%w: starts with a UTF-8 byte order mark but holds invalid UTF-8 at offset %d", ErrNotText, n+3)
		}
		if _, err := br.Discard(3); err != nil {
			return nil, fmt.Errorf("reading the start of the file: %w", err)
		}
		ts := &textStream{
			r:        &validReader{br: br, mode: modeUTF8, off: 3},
			sample:   bytes.Clone(body[:n]),
			complete: complete,
			encoding: encUTF8BOM,
		}
		return ts.checkEmpty()

	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}), bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		var order binary.ByteOrder = binary.LittleEndian
		endian, name := xunicode.LittleEndian, encUTF16LE
		if raw[0] == 0xFE {
			order, endian, name = binary.BigEndian, xunicode.BigEndian, encUTF16BE
		}
		sample, err := decodeUTF16Sample(raw[2:], order, complete)
		if err != nil {
			return nil, err
		}
		if _, err := br.Discard(2); err != nil {
			return nil, fmt.Errorf("reading the start of the file: %w", err)
		}
		dec := xunicode.UTF16(endian, xunicode.IgnoreBOM).NewDecoder()
		ts := &textStream{
			r:        transform.NewReader(br, dec),
			sample:   sample,
			complete: complete,
			encoding: name,
		}
		return ts.checkEmpty()
	}

	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return nil, fmt.Errorf("%w: NUL byte at offset %d", ErrNotText, i)
	}
	if n, partial := validUTF8(raw); n == len(raw) || (partial && !complete) {
		mode := modeUTF8
		if !complete && asciiPrefix(raw) == len(raw) {
			// Pure ASCII so far: whether later bytes are UTF-8 or GB18030
			// is decided when the first non-ASCII byte arrives.
			mode = modeUndecided
		}
		ts := &textStream{
			r:        &validReader{br: br, mode: mode},
			sample:   bytes.Clone(raw[:n]),
			complete: complete,
			encoding: encUTF8,
		}
		return ts.checkEmpty()
	}
	n, partial := validGB18030(raw)
	if n == len(raw) || (partial && !complete) {
		dec := simplifiedchinese.GB18030.NewDecoder()
		sample, err := dec.Bytes(raw[:n])
		if err != nil {
			return nil, fmt.Errorf("decoding GB18030: %w", err)
		}
		ts := &textStream{
			r:        transform.NewReader(&validReader{br: br, mode: modeGB18030}, simplifiedchinese.GB18030.NewDecoder()),
			sample:   sample,
			complete: complete,
			encoding: encGB18030,
		}
		return ts.checkEmpty()
	}
	u, _ := validUTF8(raw)
	return nil, fmt.Errorf("%w: neither UTF-8 (invalid at offset %d) nor GB18030 (invalid at offset %d)", ErrNotText, u, n)
}

// checkEmpty returns ErrEmpty if the whole file is white space.
func (ts *textStream) checkEmpty() (*textStream, error) {
	if !ts.complete {
		return ts, nil
	}
	for _, r := range string(ts.sample) {
		if !unicode.IsSpace(r) && r != '\uFEFF' {
			return ts, nil
		}
	}
	return nil, ErrEmpty
}

// decodeUTF16Sample checks the start of a UTF-16 file (after its byte order
// mark) and returns it as UTF-8. A trailing incomplete code unit or lone high
// surrogate is ignored unless the sample is the whole file.
func decodeUTF16Sample(b []byte, order binary.ByteOrder, complete bool) ([]byte, error) {
	if len(b)%2 != 0 {
		if complete {
			return nil, fmt.Errorf("%w: UTF-16 text of odd length", ErrNotText)
		}
		b = b[:len(b)-1]
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = order.Uint16(b[2*i:])
	}
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case u == 0:
			return nil, fmt.Errorf("%w: NUL character in UTF-16 text at offset %d", ErrNotText, 2+2*i)
		case utf16.IsSurrogate(rune(u)) && u < 0xDC00: // high surrogate
			if i+1 == len(units) {
				if complete {
					return nil, fmt.Errorf("%w: unpaired surrogate in UTF-16 text at offset %d", ErrNotText, 2+2*i)
				}
				units = units[:i]
				break
			}
			if v := units[i+1]; v < 0xDC00 || v > 0xDFFF {
				return nil, fmt.Errorf("%w: unpaired surrogate in UTF-16 text at offset %d", ErrNotText, 2+2*i)
			}
			i++
		case utf16.IsSurrogate(rune(u)): // low surrogate without high
			return nil, fmt.Errorf("%w: unpaired surrogate in UTF-16 text at offset %d", ErrNotText, 2+2*i)
		}
	}
	out := make([]byte, 0, len(units)*3/2)
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

// asciiPrefix returns the length of the longest all-ASCII prefix of b.
func asciiPrefix(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= utf8.RuneSelf {
			return i
		}
	}
	return i
}

// validUTF8 returns the length n of the longest prefix of b made of whole,
// valid UTF-8 characters, and whether b[n:] may be the start of a character
// cut short by the end of b (partial). If n < len(b) and !partial, the byte
// at n is invalid.
func validUTF8(b []byte) (n int, partial bool) {
	if utf8.Valid(b) {
		return len(b), false
	}
	// Common case: valid but for a character cut at the end.
	for k := len(b) - 1; k >= 0 && k >= len(b)-utf8.UTFMax; k-- {
		if utf8.RuneStart(b[k]) {
			if !utf8.FullRune(b[k:]) && utf8.Valid(b[:k]) {
				return k, true
			}
			break
		}
	}
	i := 0
	for i < len(b) {
		i += asciiPrefix(b[i:])
		if i == len(b) {
			break
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i, !utf8.FullRune(b[i:])
		}
		i += size
	}
	return i, false
}

// validGB18030 is like validUTF8 for GB18030 (which includes GBK and
// GB2312), checking the byte structure only. The single byte 0x80 is
// accepted as the euro sign of code page 936.
func validGB18030(b []byte) (n int, partial bool) {
	i := 0
	for i < len(b) {
		i += asciiPrefix(b[i:])
		if i == len(b) {
			break
		}
		c0 := b[i]
		if c0 == 0x80 {
			i++
			continue
		}
		if c0 == 0xFF {
			return i, false
		}
		if i+1 >= len(b) {
			return i, true
		}
		c1 := b[i+1]
		switch {
		case (0x40 <= c1 && c1 <= 0x7E) || (0x80 <= c1 && c1 <= 0xFE):
			i += 2
		case 0x30 <= c1 && c1 <= 0x39:
			if i+2 >= len(b) {
				return i, true
			}
			if c2 := b[i+2]; c2 < 0x81 || c2 > 0xFE {
				return i, false
			}
			if i+3 >= len(b) {
				return i, true
			}
			c3 := b[i+3]
			if c3 < 0x30 || c3 > 0x39 {
				return i, false
			}
			lin := ((int(c0-0x81)*10+int(c1-0x30))*126+int(b[i+2]-0x81))*10 + int(c3-0x30)
			if lin >= 39420 && (lin < 189000 || lin >= 189000+0x100000) {
				return i, false
			}
			i += 4
		default:
			return i, false
		}
	}
	return i, false
}

// Modes of a validReader.
const (
	// modeUndecided: only ASCII seen so far; the first non-ASCII byte
	// decides between UTF-8 and GB18030.
	modeUndecided = iota
	modeUTF8
	modeGB18030
)

// validReader passes on the bytes of br after checking that they are valid
// in its encoding, so that text whose encoding changes after the sniffed
// start is reported instead of silently garbled. In modeUndecided it turns
// into a UTF-8 checker or a GB18030 decoder at the first non-ASCII byte.
type validReader struct {
	br   *bufio.Reader
	mode int
	// off is the offset in the file of the next byte to return.
	off int64
	// through is how many bytes of an already checked character remain to
	// be returned without checking (when p was shorter than the character).
	through int
	// gb decodes GB18030 once an undecided reader chose it.
	gb  io.Reader
	err error
}

func (v *validReader) Read(p []byte) (int, error) {
	if v.err != nil {
		return 0, v.err
	}
	if v.gb != nil {
		return v.gb.Read(p)
	}
	if len(p) == 0 {
		return 0, nil
	}
	for {
		avail := v.br.Buffered()
		if avail == 0 {
			if _, err := v.br.Peek(1); err != nil {
				if !errors.Is(err, io.EOF) {
					err = fmt.Errorf("reading at offset %d: %w", v.off, err)
				}
				v.err = err
				return 0, err
			}
			continue
		}
		buf, _ := v.br.Peek(avail)
		if len(buf) > len(p) {
			buf = buf[:len(p)]
		}
		if v.through > 0 {
			return v.pass(p, buf[:min(len(buf), v.through)]), nil
		}
		switch v.mode {
		case modeUndecided:
			i := asciiPrefix(buf)
			if i > 0 {
				return v.pass(p, buf[:i]), nil
			}
			if err := v.decide(); err != nil {
				v.err = err
				return 0, err
			}
			if v.gb != nil {
				return v.gb.Read(p)
			}
			continue
		}
		check := validUTF8
		if v.mode == modeGB18030 {
			check = validGB18030
		}
		n, partial := check(buf)
		if n > 0 {
			return v.pass(p, buf[:n]), nil
		}
		if !partial && len(buf) > 0 {
			v.err = v.invalid()
			return 0, v.err
		}
		// A character straddles the end of what is buffered (or of p):
		// look at enough bytes to check it whole.
		look, err := v.br.Peek(4)
		if len(look) == 0 && err != nil {
			v.err = err
			return 0, err
		}
		n, partial = check(look)
		if n == 0 {
			if partial && err != nil && !errors.Is(err, io.EOF) {
				v.err = fmt.Errorf("reading at offset %d: %w", v.off, err)
				return 0, v.err
			}
			v.err = v.invalid()
			return 0, v.err
		}
		// The first character is valid; return what fits of it.
		v.through = v.firstLen(look)
		return v.pass(p, look[:min(v.through, len(p))]), nil
	}
}

// firstLen returns the length of the valid character that b starts with.
func (v *validReader) firstLen(b []byte) int {
	if v.mode == modeUTF8 {
		_, size := utf8.DecodeRune(b)
		return size
	}
	switch {
	case b[0] <= 0x80:
		return 1
	case b[1] >= 0x30 && b[1] <= 0x39:
		return 4
	}
	return 2
}

// pass copies the checked bytes b (from the buffer) to p and consumes them.
func (v *validReader) pass(p, b []byte) int {
	n := copy(p, b)
	_, _ = v.br.Discard(n)
	v.off += int64(n)
	if v.through > 0 {
		v.through = max(0, v.through-n)
	}
	return n
}

// invalid describes invalid bytes at the current offset.
func (v *validReader) invalid() error {
	name := encUTF8
	if v.mode == modeGB18030 {
		name = encGB18030
	}
	return fmt.Errorf("invalid %s text at byte offset %d (the encoding was detected from the start of the file)", name, v.off)
}

// decide chooses UTF-8 or GB18030 for an undecided reader from the bytes
// starting at the first non-ASCII byte.
func (v *validReader) decide() error {
	look, err := v.br.Peek(sniffSize)
	atEOF := false
	switch {
	case err == nil:
	case errors.Is(err, io.EOF):
		atEOF = true
	default:
		return fmt.Errorf("reading at offset %d: %w", v.off, err)
	}
	if n, partial := validUTF8(look); n == len(look) || (partial && !atEOF) {
		v.mode = modeUTF8
		return nil
	}
	if n, partial := validGB18030(look); n == len(look) || (partial && !atEOF) {
		v.mode = modeGB18030
		v.gb = transform.NewReader(&validReader{br: v.br, mode: modeGB18030, off: v.off}, simplifiedchinese.GB18030.NewDecoder())
		return nil
	}
	// Neither: check as UTF-8 so the error names the exact offset.
	v.mode = modeUTF8
	return nil
}

// crReader turns every carriage return into a line feed, for text whose
// lines end in a lone CR (old Mac line endings).
type crReader struct{ r io.Reader }

func (c crReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	b := p[:n]
	for {
		i := bytes.IndexByte(b, '\r')
		if i < 0 {
			break
		}
		b[i] = '\n'
		b = b[i+1:]
	}
	return n, err
}

// crOnly reports whether the sample's lines end in a lone CR.
func crOnly(sample []byte) bool {
	return bytes.IndexByte(sample, '\n') < 0 && bytes.IndexByte(sample, '\r') >= 0
}
