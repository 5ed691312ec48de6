package imagemeta

import (
	"bytes"
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"
)

// The EXIF tags the label is looked for in, in this order, and the
// pointer to the Exif sub-IFD.
const (
	tagImageDescription = 0x010E
	tagMake             = 0x010F
	tagSoftware         = 0x0131
	tagArtist           = 0x013B
	tagXPComment        = 0x9C9C
	tagExifIFD          = 0x8769
	tagUserComment      = 0x9286
)

var exifOrder = []uint16{tagImageDescription, tagUserComment, tagXPComment, tagArtist, tagSoftware, tagMake}

// maxIFDs bounds the IFDs walked in one EXIF block.
const maxIFDs = 16

// exifLabel reads a TIFF-structured EXIF block (from its byte-order mark
// on) for the label in the text tags of IFD0 and the Exif sub-IFD. A block
// whose structure points outside itself is an *Error; tags the label is
// not looked for in are not read.
func exifLabel(data []byte, f Format, off int64) (Label, error) {
	bad := func(what string) error { return errorf(f, BadText, off, "the EXIF metadata is damaged: %s", what) }
	if len(data) < 8 {
		return Label{}, bad("shorter than its header")
	}
	var bo binary.ByteOrder
	switch string(data[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return Label{}, bad("no TIFF header")
	}
	texts := map[uint16][]byte{}
	visited := map[uint32]bool{}
	queue := []uint32{bo.Uint32(data[4:8])}
	for len(queue) > 0 {
		ifd := queue[0]
		queue = queue[1:]
		if ifd == 0 || visited[ifd] {
			continue
		}
		if len(visited) == maxIFDs {
			return Label{}, bad("too many IFDs")
		}
		visited[ifd] = true
		if int64(ifd)+2 > int64(len(data)) {
			return Label{}, bad("an IFD offset past the end of the block")
		}
		n := int(bo.Uint16(data[ifd:]))
		end := int64(ifd) + 2 + int64(n)*12
		if end+4 > int64(len(data)) {
			return Label{}, bad("an IFD running past the end of the block")
		}
		for i := range n {
			e := data[int64(ifd)+2+int64(i)*12:]
			tag, typ, count := bo.Uint16(e), bo.Uint16(e[2:]), bo.Uint32(e[4:])
			if tag == tagExifIFD {
				queue = append(queue, bo.Uint32(e[8:]))
				continue
			}
			if !isLabelTag(tag) {
				continue
			}
			unit := map[uint16]int64{1: 1, 2: 1, 7: 1}[typ]
			if unit == 0 {
				continue // not a text or byte type: nothing to read
			}
			size := unit * int64(count)
			var v []byte
			if size <= 4 {
				v = e[8 : 8+size]
			} else {
				at := int64(bo.Uint32(e[8:]))
				if at+size > int64(len(data)) {
					return Label{}, bad("a tag's value past the end of the block")
				}
				v = data[at : at+size]
			}
			texts[tag] = v
		}
		queue = append(queue, bo.Uint32(data[end:]))
	}
	for _, tag := range exifOrder {
		v, ok := texts[tag]
		if !ok {
			continue
		}
		for _, s := range exifText(tag, v, bo) {
			if l, ok := labelInText(s, InEXIF); ok {
				return l, nil
			}
		}
	}
	return Label{}, nil
}

func isLabelTag(tag uint16) bool {
	for _, t := range exifOrder {
		if t == tag {
			return true
		}
	}
	return false
}

// exifText reads a tag's value as text, in each way it may be written.
func exifText(tag uint16, v []byte, bo binary.ByteOrder) []string {
	switch tag {
	case tagXPComment: // UCS-2, little-endian whatever the block's order
		return []string{ucs2(v, binary.LittleEndian)}
	case tagUserComment:
		if len(v) < 8 {
			return nil
		}
		code, body := string(v[:8]), v[8:]
		switch code {
		case "UNICODE\x00":
			// UCS-2 in the block's byte order, as the standard and
			// ExifTool have it; some writers put UTF-8 there instead.
			out := []string{ucs2(body, bo)}
			if utf8.Valid(body) {
				out = append(out, string(body))
			}
			return out
		case "JIS\x00\x00\x00\x00\x00":
			return nil
		}
		return []string{string(bytes.TrimRight(body, "\x00 "))}
	}
	return []string{string(bytes.TrimRight(v, "\x00"))}
}

// ucs2 decodes UTF-16 text in the given byte order, up to a NUL.
func ucs2(b []byte, bo binary.ByteOrder) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		c := bo.Uint16(b[i:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u))
}
