package docx

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// maxDepth bounds element nesting in any part: real documents stay below
// a hundred levels, and encoding/xml keeps a heap entry per open element.
const maxDepth = 512

type tokKind uint8

const (
	tokOther tokKind = iota
	tokStart
	tokEnd
	tokText
	tokEOF
)

// token is one XML token. start is set for tokStart, name for tokEnd, text
// (valid until the next call) for tokText.
type token struct {
	kind  tokKind
	start xml.StartElement
	name  xml.Name
	text  []byte
}

// xmlReader streams one part's XML through encoding/xml's Decoder.Token,
// tracking the element depth.
type xmlReader struct {
	dec   *xml.Decoder
	part  string
	depth int
}

func newXMLReader(r io.Reader, part string) *xmlReader {
	br := bufio.NewReaderSize(r, 64<<10)
	var src io.Reader = br
	if bom, _ := br.Peek(2); len(bom) == 2 && (bom[0] == 0xFF && bom[1] == 0xFE || bom[0] == 0xFE && bom[1] == 0xFF) {
		// OPC allows UTF-16 parts; transcode them to UTF-8.
		src = transform.NewReader(br, unicode.BOMOverride(encoding.Nop.NewDecoder()))
	}
	dec := xml.NewDecoder(src)
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(strings.TrimSpace(label)) {
		case "utf-16", "utf-16le", "utf-16be", "utf16", "ascii", "us-ascii":
			return in, nil // already UTF-8 (transcoded above) or a subset of it
		}
		return nil, fmt.Errorf("unsupported XML encoding %q", label)
	}
	return &xmlReader{dec: dec, part: part}
}

var ErrTooDeep = fmt.Errorf("elements nested deeper than %d levels", maxDepth)

// next returns the next token; processing instructions, comments and
// directives come back as tokOther.
func (x *xmlReader) next() (token, error) {
	t, err := x.dec.Token()
	if err == io.EOF {
		return token{kind: tokEOF}, nil
	}
	if err != nil {
		return token{}, err
	}
	switch t := t.(type) {
	case xml.StartElement:
		x.depth++
		if x.depth > maxDepth {
			return token{}, ErrTooDeep
		}
		return token{kind: tokStart, start: t}, nil
	case xml.EndElement:
		x.depth--
		return token{kind: tokEnd, name: t.Name}, nil
	case xml.CharData:
		return token{kind: tokText, text: t}, nil
	}
	return token{kind: tokOther}, nil
}

// errUnexpectedEOF is returned when a part ends inside an element.
var errUnexpectedEOF = errors.New("unexpected end of XML")

// children calls fn for every start tag inside the element whose start tag
// was just read, until that element ends; d is the element's own depth, so
// x.depth == d+1 marks a direct child. fn may read or skip the child; a
// child it leaves alone is read through, its own children visited too.
func (x *xmlReader) children(fn func(t token, d int) error) error {
	d := x.depth
	for {
		t, err := x.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokEOF:
			return errUnexpectedEOF
		case tokEnd:
			if x.depth < d {
				return nil
			}
		case tokStart:
			if fn != nil {
				if err := fn(t, d); err != nil {
					return err
				}
			}
		}
	}
}

// skip reads past the end of the element whose start tag was just read.
func (x *xmlReader) skip() error { return x.children(nil) }

// text returns the character data of the element whose start tag was just
// read, skipping any child elements, and appends it to dst.
func (x *xmlReader) text(dst []byte, maxLen int) ([]byte, error) {
	d := x.depth
	for {
		t, err := x.next()
		if err != nil {
			return dst, err
		}
		switch t.kind {
		case tokEOF:
			return dst, errUnexpectedEOF
		case tokText:
			if x.depth == d && len(dst) < maxLen {
				dst = append(dst, t.text...)
			}
		case tokEnd:
			if x.depth < d {
				return dst, nil
			}
		}
	}
}

// wrap names the part, and for damaged XML the line and byte offset.
func (x *xmlReader) wrap(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("docx: part %s is damaged: XML error at line %d (byte %d): %s", x.part, se.Line, x.dec.InputOffset(), se.Msg)
	}
	if errors.Is(err, errUnexpectedEOF) || errors.Is(err, ErrTooDeep) {
		line, _ := x.dec.InputPos()
		return fmt.Errorf("docx: part %s is damaged at line %d: %w", x.part, line, err)
	}
	if strings.HasPrefix(err.Error(), "docx: ") {
		return err
	}
	return fmt.Errorf("docx: part %s: %w", x.part, err)
}

// attr returns the value of the attribute with the given local name.
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// hasAttr reports whether the attribute is present.
func hasAttr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// onOff reads a boolean property element such as <w:vanish/> or
// <w:customMarkFollows w:val="0"/>.
func onOff(v string, present bool) bool {
	if !present {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "1", "true", "on":
		return true
	}
	return false
}
