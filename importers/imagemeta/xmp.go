package imagemeta

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// xmpLabel looks for an AIGC property, in any namespace, in an XMP packet:
// an attribute (TC260:AIGC="{…}") or an element whose text is the JSON
// object (<TC260:AIGC>{…}</TC260:AIGC>) or whose properties are the
// sub-fields (<TC260:AIGC rdf:parseType="Resource"><TC260:Label>1</…>).
// A packet that is not well-formed XML is an *Error.
func xmpLabel(packet []byte, f Format, off int64) (Label, error) {
	packet = bytes.TrimRight(packet, "\x00")
	d := xml.NewDecoder(bytes.NewReader(packet))
	d.Strict = true
	bad := func(err error) error {
		return errorf(f, BadText, off, "the XMP metadata is not well-formed XML: %v", strings.TrimPrefix(err.Error(), "XML syntax error on "))
	}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return Label{}, nil
		}
		if err != nil {
			return Label{}, bad(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range se.Attr {
			if a.Name.Local == "AIGC" && a.Name.Space != "xmlns" {
				return aigcValue(a.Value, InXMP), nil
			}
		}
		if se.Name.Local != "AIGC" {
			continue
		}
		l, err := xmpStruct(d, se)
		if err != nil {
			return Label{}, bad(err)
		}
		return l, nil
	}
}

// xmpStruct reads an AIGC element: its text, or its sub-field properties
// (as attributes or child elements at any depth).
func xmpStruct(d *xml.Decoder, start xml.StartElement) (Label, error) {
	sub := map[string]string{}
	for _, a := range start.Attr {
		addSub(sub, a.Name.Local, a.Value)
	}
	var text strings.Builder
	depth, field := 1, ""
	for depth > 0 {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = errors.New("the packet ends inside the AIGC property")
			}
			return Label{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			field = t.Name.Local
			for _, a := range t.Attr {
				addSub(sub, a.Name.Local, a.Value)
			}
		case xml.EndElement:
			depth--
			field = ""
		case xml.CharData:
			switch {
			case depth == 1:
				text.Write(t)
			case field != "":
				if v := strings.TrimSpace(string(t)); v != "" {
					addSub(sub, field, v)
				}
			}
		}
	}
	if len(sub) == 0 {
		return aigcValue(text.String(), InXMP), nil
	}
	raw, _ := json.Marshal(sub)
	l := Label{Found: true, Location: InXMP, Raw: clipRaw(string(raw))}
	for k, v := range sub {
		l.set(k, v)
	}
	return l, nil
}

// addSub keeps a sub-field's value by its canonical key.
func addSub(sub map[string]string, key, value string) {
	for _, f := range subFields {
		if strings.EqualFold(key, f) {
			sub[f] = value
			return
		}
	}
}
