package xlsx

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// The parts of a workbook are read with a small pull tokenizer instead of
// encoding/xml: on a 112 MB worksheet encoding/xml's RawToken alone takes
// about 3.7 s (excelize's Rows iterator 6.8 s) where this scanner needs a
// fraction of a second. It understands exactly what SpreadsheetML needs:
// elements (namespace prefixes are dropped), attributes, character data with
// the predefined and numeric entities, CDATA, comments and processing
// instructions. A DOCTYPE is refused, so no entity can be declared, and
// nothing is ever fetched.

// testWrapReader, when set by a test, wraps every part reader (to feed the
// scanner a byte at a time, say).
var testWrapReader func(io.Reader) io.Reader

type tokKind uint8

const (
	tokStart tokKind = iota + 1 // <name ...> or <name .../>
	tokEnd                      // </name>
	tokText                     // character data, still entity-encoded
	tokCDATA                    // the content of a CDATA section, literal
	tokEOF
)

const (
	scanBufSize = 64 << 10
	// maxToken bounds one tag, text node, comment or CDATA section. A cell
	// holds at most 32,767 characters, so anything near this is hostile.
	maxToken = 16 << 20
)

var errTokenTooLarge = fmt.Errorf("XML token larger than %d bytes", maxToken)

// maxText bounds the text of one cell or shared string. Excel allows
// 32,767 characters, at most 128 KiB in UTF-8.
const maxText = 1 << 20

var errTextTooLong = fmt.Errorf("text longer than %d bytes", maxText)

// scanner is a pull tokenizer over one XML part. The slices it returns
// (name, attrs, text) stay valid only until the next call of next.
type scanner struct {
	r        io.Reader
	buf      []byte
	pos, end int
	rerr     error // sticky error from r, io.EOF at the end

	kind      tokKind
	name      []byte // local name of a start or end tag
	attrs     []byte // raw attribute text of a start tag
	selfClose bool
	text      []byte // tokText or tokCDATA
}

// newScanner returns a scanner over r after turning the part into UTF-8:
// a UTF-8 byte order mark is skipped, UTF-16 (with a byte order mark) and a
// non-UTF-8 encoding named in the XML declaration are transcoded.
func newScanner(r io.Reader) (*scanner, error) {
	return newScannerSize(r, scanBufSize)
}

// newScannerSize is newScanner for a part of about size bytes, so that
// small parts get small buffers.
func newScannerSize(r io.Reader, size int64) (*scanner, error) {
	if testWrapReader != nil {
		r = testWrapReader(r)
	}
	br := bufio.NewReaderSize(r, 512)
	head, err := br.Peek(512)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	var src io.Reader = br
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		_, _ = br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}), bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		src = dec.Reader(br)
	default:
		if enc := declaredEncoding(head); enc != "" {
			e, err := htmlindex.Get(enc)
			if err != nil {
				return nil, fmt.Errorf("unsupported XML encoding %q", enc)
			}
			if name, _ := htmlindex.Name(e); name != "utf-8" {
				src = e.NewDecoder().Reader(br)
			}
		}
	}
	n := int(min(max(size+1, 512), scanBufSize))
	return &scanner{r: src, buf: make([]byte, n)}, nil
}

// newBytesScanner scans an XML part already in memory, in place when it
// is UTF-8.
func newBytesScanner(b []byte) (*scanner, error) {
	if testWrapReader != nil || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) ||
		declaredEncoding(b[:min(len(b), 512)]) != "" {
		return newScannerSize(bytes.NewReader(b), int64(len(b)))
	}
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	return &scanner{buf: b, end: len(b), rerr: io.EOF}, nil
}

// declaredEncoding returns the encoding named in an XML declaration at the
// start of head, or "" when there is none or it is UTF-8.
func declaredEncoding(head []byte) string {
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := head[5:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return ""
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	j := bytes.IndexByte(rest[1:], q)
	if j < 0 {
		return ""
	}
	enc := strings.ToLower(string(rest[1 : 1+j]))
	if enc == "utf-8" || enc == "utf8" || enc == "" {
		return ""
	}
	return enc
}

// fill reads more input, first moving the unread bytes to the front of the
// buffer and growing it when it is full. It reports whether it got bytes.
func (s *scanner) fill() (bool, error) {
	if s.rerr != nil {
		return false, nil
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:s.end])
		s.pos, s.end = 0, n
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= maxToken {
			return false, errTokenTooLarge
		}
		nb := make([]byte, min(2*len(s.buf), maxToken))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for range 100 {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.rerr = err
			if err != io.EOF {
				return n > 0, err
			}
			return n > 0, nil
		}
		if n > 0 {
			return true, nil
		}
	}
	s.rerr = io.ErrNoProgress
	return false, io.ErrNoProgress
}

// readErr is the error to report when the input ends inside a token.
func (s *scanner) readErr() error {
	if s.rerr != nil && s.rerr != io.EOF {
		return s.rerr
	}
	return io.ErrUnexpectedEOF
}

// next advances to the next token.
func (s *scanner) next() error {
	for {
		if s.pos >= s.end {
			if s.rerr != nil {
				if s.rerr == io.EOF {
					s.kind = tokEOF
					return nil
				}
				return s.rerr
			}
			if _, err := s.fill(); err != nil {
				return err
			}
			continue
		}
		if s.buf[s.pos] != '<' {
			i := bytes.IndexByte(s.buf[s.pos:s.end], '<')
			if i < 0 {
				if s.rerr == nil {
					if _, err := s.fill(); err != nil {
						return err
					}
					continue
				}
				i = s.end - s.pos
			}
			s.kind, s.text = tokText, s.buf[s.pos:s.pos+i]
			s.pos += i
			return nil
		}
		done, err := s.markup()
		if err != nil || done {
			return err
		}
	}
}

// need makes sure n bytes from pos are buffered.
func (s *scanner) need(n int) error {
	for s.end-s.pos < n {
		got, err := s.fill()
		if err != nil {
			return err
		}
		if !got && s.rerr != nil {
			return s.readErr()
		}
	}
	return nil
}

// find returns the offset from pos of the first sep at or after offset from,
// reading more input as needed.
func (s *scanner) find(from int, sep []byte) (int, error) {
	for {
		if from < s.end-s.pos {
			if i := bytes.Index(s.buf[s.pos+from:s.end], sep); i >= 0 {
				return from + i, nil
			}
			from = max(from, s.end-s.pos-len(sep)+1)
		}
		got, err := s.fill()
		if err != nil {
			return 0, err
		}
		if !got && s.rerr != nil {
			return 0, s.readErr()
		}
	}
}

// markup reads the construct starting with '<' at pos. It reports whether
// it produced a token (comments and processing instructions produce none).
func (s *scanner) markup() (bool, error) {
	if s.end-s.pos < 2 {
		if err := s.need(2); err != nil {
			return false, fmt.Errorf("malformed XML: %w", err)
		}
	}
	switch s.buf[s.pos+1] {
	case '/':
		i := bytes.IndexByte(s.buf[s.pos+2:s.end], '>') + 2
		if i < 2 {
			var err error
			if i, err = s.find(2, []byte{'>'}); err != nil {
				return false, fmt.Errorf("malformed end tag: %w", err)
			}
		}
		name := s.buf[s.pos+2 : s.pos+i]
		for len(name) > 0 && isSpace(name[len(name)-1]) {
			name = name[:len(name)-1]
		}
		if len(name) == 0 {
			return false, errors.New("malformed XML: empty end tag")
		}
		s.kind, s.name = tokEnd, localName(name)
		s.pos += i + 1
		return true, nil
	case '?':
		i, err := s.find(2, []byte("?>"))
		if err != nil {
			return false, fmt.Errorf("malformed processing instruction: %w", err)
		}
		s.pos += i + 2
		return false, nil
	case '!':
		if err := s.need(4); err != nil {
			return false, fmt.Errorf("malformed XML: %w", err)
		}
		if bytes.HasPrefix(s.buf[s.pos:s.end], []byte("<!--")) {
			i, err := s.find(4, []byte("-->"))
			if err != nil {
				return false, fmt.Errorf("malformed comment: %w", err)
			}
			s.pos += i + 3
			return false, nil
		}
		if err := s.need(9); err != nil {
			return false, fmt.Errorf("malformed XML: %w", err)
		}
		if bytes.HasPrefix(s.buf[s.pos:s.end], []byte("<![CDATA[")) {
			i, err := s.find(9, []byte("]]>"))
			if err != nil {
				return false, fmt.Errorf("malformed CDATA section: %w", err)
			}
			s.kind, s.text = tokCDATA, s.buf[s.pos+9:s.pos+i]
			s.pos += i + 3
			return true, nil
		}
		return false, errors.New("malformed XML: DOCTYPE and other <! declarations are not allowed")
	}
	// A start tag: find its '>' outside quoted attribute values.
	i, quote := 1, byte(0)
	for {
		b := s.buf[s.pos:s.end]
		for ; i < len(b); i++ {
			c := b[i]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				goto found
			case c == '<':
				return false, errors.New("malformed XML: '<' inside a tag")
			}
		}
		got, err := s.fill()
		if err != nil {
			return false, fmt.Errorf("malformed start tag: %w", err)
		}
		if !got && s.rerr != nil {
			return false, fmt.Errorf("malformed start tag: %w", s.readErr())
		}
	}
found:
	tag := s.buf[s.pos+1 : s.pos+i]
	s.pos += i + 1
	s.selfClose = len(tag) > 0 && tag[len(tag)-1] == '/'
	if s.selfClose {
		tag = tag[:len(tag)-1]
	}
	n := 0
	for n < len(tag) && !isSpace(tag[n]) {
		n++
	}
	if n == 0 {
		return false, errors.New("malformed XML: start tag without a name")
	}
	s.kind, s.name, s.attrs = tokStart, localName(tag[:n]), tag[n:]
	return true, nil
}

// skipToMarkup hops over text and tags until the next construct that a
// merge scan must tokenize: a comment, CDATA section or processing
// instruction (which may hide a '<'), or a start or end tag whose local
// name begins with "mergeCell". Everything else between is of no interest
// to it. At the end of input it returns with pos at the end.
func (s *scanner) skipToMarkup() error {
	const look = 48
	for {
		i := bytes.IndexByte(s.buf[s.pos:s.end], '<')
		if i < 0 {
			s.pos = s.end
			if s.rerr != nil {
				return nil
			}
			if _, err := s.fill(); err != nil {
				return err
			}
			continue
		}
		s.pos += i
		if s.end-s.pos < look && s.rerr == nil {
			if _, err := s.fill(); err != nil {
				return err
			}
			continue
		}
		b := s.buf[s.pos+1 : min(s.end, s.pos+look)]
		if len(b) == 0 || b[0] == '!' || b[0] == '?' {
			return nil
		}
		if b[0] == '/' {
			b = b[1:]
		}
		n := 0
		for n < len(b) && !isSpace(b[n]) && b[n] != '/' && b[n] != '>' {
			n++
		}
		if bytes.HasPrefix(localName(b[:n]), []byte("mergeCell")) {
			return nil
		}
		s.pos++
	}
}

// skip reads past the end of the element whose start tag is the current
// token.
func (s *scanner) skip() error {
	if s.kind != tokStart || s.selfClose {
		return nil
	}
	depth := 1
	for depth > 0 {
		if err := s.next(); err != nil {
			return err
		}
		switch s.kind {
		case tokStart:
			if !s.selfClose {
				depth++
			}
		case tokEnd:
			depth--
		case tokEOF:
			return io.ErrUnexpectedEOF
		}
	}
	return nil
}

// appendText appends the decoded character data of the current text or
// CDATA token to dst.
func (s *scanner) appendText(dst []byte) ([]byte, error) {
	if s.kind == tokCDATA {
		return appendNewlines(dst, s.text), nil
	}
	return appendDecoded(dst, s.text, false)
}

// collect appends the text content of the current element (a start tag)
// to dst, ignoring nested elements' tags but keeping their text.
func (s *scanner) collect(dst []byte) ([]byte, error) {
	if s.kind != tokStart || s.selfClose {
		return dst, nil
	}
	depth := 1
	for {
		if err := s.next(); err != nil {
			return dst, err
		}
		var err error
		switch s.kind {
		case tokText, tokCDATA:
			if dst, err = s.appendText(dst); err != nil {
				return dst, err
			}
			if len(dst) > maxText {
				return dst, errTextTooLong
			}
		case tokStart:
			if !s.selfClose {
				depth++
			}
		case tokEnd:
			if depth--; depth == 0 {
				return dst, nil
			}
		case tokEOF:
			return dst, io.ErrUnexpectedEOF
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func localName(b []byte) []byte {
	if i := bytes.LastIndexByte(b, ':'); i >= 0 {
		return b[i+1:]
	}
	return b
}

// nextAttr splits the first attribute off raw attribute text. name keeps
// its namespace prefix; val is still entity-encoded. ok is false when no
// attribute is left.
func nextAttr(a []byte) (name, val, rest []byte, ok bool, err error) {
	i := 0
	for i < len(a) && isSpace(a[i]) {
		i++
	}
	if i == len(a) {
		return nil, nil, nil, false, nil
	}
	j := i
	for j < len(a) && a[j] != '=' && !isSpace(a[j]) {
		j++
	}
	name = a[i:j]
	for j < len(a) && isSpace(a[j]) {
		j++
	}
	if j == len(a) || a[j] != '=' || len(name) == 0 {
		return nil, nil, nil, false, fmt.Errorf("malformed attribute %q", truncate(a[i:], 40))
	}
	j++
	for j < len(a) && isSpace(a[j]) {
		j++
	}
	if j == len(a) || (a[j] != '"' && a[j] != '\'') {
		return nil, nil, nil, false, fmt.Errorf("malformed attribute %q", truncate(a[i:], 40))
	}
	q := a[j]
	k := bytes.IndexByte(a[j+1:], q)
	if k < 0 {
		return nil, nil, nil, false, fmt.Errorf("malformed attribute %q", truncate(a[i:], 40))
	}
	return name, a[j+1 : j+1+k], a[j+2+k:], true, nil
}

// attrString decodes an attribute value.
func attrString(v []byte) (string, error) {
	if bytes.IndexByte(v, '&') < 0 && !bytes.ContainsAny(v, "\t\r\n") {
		return validString(v), nil
	}
	b, err := appendDecoded(nil, v, true)
	if err != nil {
		return "", err
	}
	return validString(b), nil
}

// attrMap decodes all attributes of a start tag into a map keyed by name
// (with prefix). Used for the small parts only.
func attrMap(a []byte) (map[string]string, error) {
	m := make(map[string]string, 4)
	for {
		name, val, rest, ok, err := nextAttr(a)
		if err != nil || !ok {
			return m, err
		}
		if _, dup := m[string(name)]; !dup {
			v, err := attrString(val)
			if err != nil {
				return m, err
			}
			m[string(name)] = v
		}
		a = rest
	}
}

// appendDecoded appends raw character data with entity and character
// references replaced and line ends normalized; in attribute values
// literal whitespace becomes a space as XML requires.
func appendDecoded(dst, raw []byte, attr bool) ([]byte, error) {
	for len(raw) > 0 {
		i := indexSpecial(raw, attr)
		if i < 0 {
			return append(dst, raw...), nil
		}
		dst = append(dst, raw[:i]...)
		c := raw[i]
		raw = raw[i+1:]
		switch c {
		case '\r':
			if len(raw) > 0 && raw[0] == '\n' {
				raw = raw[1:]
			}
			if attr {
				dst = append(dst, ' ')
			} else {
				dst = append(dst, '\n')
			}
			continue
		case '\t', '\n':
			dst = append(dst, ' ')
			continue
		}
		j := bytes.IndexByte(raw, ';')
		if j < 0 || j > 10 {
			return dst, fmt.Errorf("malformed entity reference near %q", truncate(raw, 12))
		}
		ent := raw[:j]
		raw = raw[j+1:]
		switch string(ent) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			if len(ent) < 2 || ent[0] != '#' {
				return dst, fmt.Errorf("unknown entity &%s;", truncate(ent, 10))
			}
			var n uint64
			var err error
			if ent[1] == 'x' {
				n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
			} else {
				n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
			}
			if err != nil || n == 0 || n > utf8.MaxRune || !utf8.ValidRune(rune(n)) {
				return dst, fmt.Errorf("invalid character reference &%s;", truncate(ent, 10))
			}
			dst = utf8.AppendRune(dst, rune(n))
		}
	}
	return dst, nil
}

func indexSpecial(b []byte, attr bool) int {
	if attr {
		return bytes.IndexAny(b, "&\r\n\t")
	}
	for i, c := range b {
		if c == '&' || c == '\r' {
			return i
		}
	}
	return -1
}

// appendNewlines appends CDATA content with its line ends normalized.
func appendNewlines(dst, raw []byte) []byte {
	for {
		i := bytes.IndexByte(raw, '\r')
		if i < 0 {
			return append(dst, raw...)
		}
		dst = append(append(dst, raw[:i]...), '\n')
		raw = raw[i+1:]
		if len(raw) > 0 && raw[0] == '\n' {
			raw = raw[1:]
		}
	}
}

// validString converts b to a string, replacing invalid UTF-8.
func validString(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// unescapeOOXML resolves the _xHHHH_ escapes OOXML uses for characters XML
// cannot carry ("_x000D_" is a carriage return; "_x005F_" escapes the
// underscore itself, so "_x005F_x000D_" stands for the literal text).
func unescapeOOXML(b []byte) []byte {
	if bytes.Index(b, []byte("_x")) < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		if u, ok := escapeAt(b, i); ok {
			i += 7
			r := rune(u)
			if utf16.IsSurrogate(r) {
				if u2, ok2 := escapeAt(b, i); ok2 {
					if d := utf16.DecodeRune(r, rune(u2)); d != utf8.RuneError {
						out = utf8.AppendRune(out, d)
						i += 7
						continue
					}
				}
				r = utf8.RuneError
			}
			out = utf8.AppendRune(out, r)
			continue
		}
		out = append(out, b[i])
		i++
	}
	return out
}

func escapeAt(b []byte, i int) (uint16, bool) {
	if i+7 > len(b) || b[i] != '_' || b[i+1] != 'x' || b[i+6] != '_' {
		return 0, false
	}
	var u uint16
	for _, c := range b[i+2 : i+6] {
		switch {
		case c >= '0' && c <= '9':
			u = u<<4 | uint16(c-'0')
		case c >= 'a' && c <= 'f':
			u = u<<4 | uint16(c-'a'+10)
		case c >= 'A' && c <= 'F':
			u = u<<4 | uint16(c-'A'+10)
		default:
			return 0, false
		}
	}
	return u, true
}

func truncate(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}
