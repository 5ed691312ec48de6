package xlsx

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// tokens renders every token of an XML text.
func tokens(t *testing.T, xml string, oneByte bool) string {
	t.Helper()
	var r io.Reader = strings.NewReader(xml)
	if oneByte {
		r = iotest.OneByteReader(r)
	}
	sc, err := newScanner(r)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for {
		if err := sc.next(); err != nil {
			return strings.Join(out, " ") + " ERR " + err.Error()
		}
		switch sc.kind {
		case tokEOF:
			return strings.Join(out, " ")
		case tokStart:
			s := "<" + string(sc.name)
			a := sc.attrs
			for {
				name, val, rest, ok, err := nextAttr(a)
				if err != nil {
					return strings.Join(out, " ") + " ERR " + err.Error()
				}
				if !ok {
					break
				}
				v, err := attrString(val)
				if err != nil {
					return strings.Join(out, " ") + " ERR " + err.Error()
				}
				s += " " + string(name) + "=" + v
				a = rest
			}
			if sc.selfClose {
				s += "/"
			}
			out = append(out, s+">")
		case tokEnd:
			out = append(out, "</"+string(sc.name)+">")
		case tokText, tokCDATA:
			b, err := sc.appendText(nil)
			if err != nil {
				return strings.Join(out, " ") + " ERR " + err.Error()
			}
			out = append(out, "'"+string(b)+"'")
		}
	}
}

func TestScanner(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<?xml version="1.0"?><a x="1" y='2>3'><b/>t&amp;&lt;&#x4E2D;&#20013;</a>`, `<a x=1 y=2>3> <b/> 't&<中中' </a>`},
		{`<x:row r="1"><x:c/></x:row>`, `<row r=1> <c/> </row>`},
		{"<t>a\r\nb\rc</t>", "<t> 'a\nb\nc' </t>"},
		{`<t><![CDATA[<&>]]></t><!-- <no> --><?pi <no>?>`, `<t> '<&>' </t>`},
		{`<a v="a&#10;b	c"/>`, "<a v=a\nb c/>"},
		{"\xEF\xBB\xBF<a/>", `<a/>`},
		{`<a>&nope;</a>`, `<a> ERR unknown entity &nope;`},
		{`<a>&#0;</a>`, `<a> ERR invalid character reference &#0;`},
		{`<a>&#xD800;</a>`, `<a> ERR invalid character reference &#xD800;`},
		{`<a>&amp</a>`, `<a> ERR malformed entity reference near "amp"`},
		{`<!DOCTYPE a><a/>`, ` ERR malformed XML: DOCTYPE and other <! declarations are not allowed`},
		{`<a b="1`, ` ERR malformed start tag: unexpected EOF`},
		{`<a b=1/>`, ` ERR malformed attribute "b=1"`},
		{`</>`, ` ERR malformed XML: empty end tag`},
		{`< a/>`, ` ERR malformed XML: start tag without a name`},
		{`<a><!-- never closed`, `<a> ERR malformed comment: unexpected EOF`},
		{`<a>text at the end`, `<a> 'text at the end'`},
	} {
		for _, oneByte := range []bool{false, true} {
			if got := tokens(t, c.in, oneByte); got != c.want {
				t.Errorf("%q (one byte %v):\n got %s\nwant %s", c.in, oneByte, got, c.want)
			}
		}
	}
}

func TestScannerEncodings(t *testing.T) {
	utf16 := "\xFF\xFE" + "<\x00a\x00>\x00-N" + "<\x00/\x00a\x00>\x00" // <a>中</a> in UTF-16LE
	if got := tokens(t, utf16, false); got != "<a> '中' </a>" {
		t.Errorf("UTF-16: %s", got)
	}
	big5 := "<?xml version=\"1.0\" encoding=\"big5\"?><a>\xa4\xa4</a>"
	if got := tokens(t, big5, false); got != "<a> '中' </a>" {
		t.Errorf("Big5: %s", got)
	}
	if _, err := newScanner(strings.NewReader(`<?xml version="1.0" encoding="klingon"?><a/>`)); err == nil {
		t.Error("unknown encoding accepted")
	}
}

func TestTokenTooLarge(t *testing.T) {
	sc, _ := newScanner(io.MultiReader(strings.NewReader("<a>"), iotest.HalfReader(strings.NewReader(strings.Repeat("x", maxToken+10)))))
	var err error
	for err == nil && sc.kind != tokEOF {
		err = sc.next()
	}
	if err != errTokenTooLarge {
		t.Errorf("got %v, want %v", err, errTokenTooLarge)
	}
}

func TestUnescapeOOXML(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                   "plain",
		"a_x000D_b":               "a\rb",
		"_x005F_x000D_":           "_x000D_",
		"_x4E2D__x6587_":          "中文",
		"_xD83D__xDE00_":          "😀",
		"_xD83D_":                 "\uFFFD",
		"_x00G0_ and _x12_":       "_x00G0_ and _x12_",
		"trailing _x":             "trailing _x",
		"_x0009_tab_x000a_lf":     "\ttab\nlf",
		"x_x005f_y":               "x_y",
		"_x005F__x005F_x000D_end": "__x000D_end",
	} {
		if got := string(unescapeOOXML([]byte(in))); got != want {
			t.Errorf("unescapeOOXML(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTextTooLong(t *testing.T) {
	piece := "<![CDATA[" + strings.Repeat("长", 1000) + "]]>"
	sc, _ := newScanner(strings.NewReader("<v>" + strings.Repeat(piece, maxText/3000+10) + "</v>"))
	sc.next()
	if _, err := sc.collect(nil); err != errTextTooLong {
		t.Errorf("got %v, want %v", err, errTextTooLong)
	}
	sc, _ = newScanner(strings.NewReader("<si>" + strings.Repeat("<r><t>"+strings.Repeat("x", 1000)+"</t></r>", maxText/1000+10) + "</si>"))
	sc.next()
	if _, err := collectRichText(sc, nil); err != errTextTooLong {
		t.Errorf("rich text: got %v, want %v", err, errTextTooLong)
	}
}
