package imagemeta

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image/png"
	"io"
	"strings"
	"unicode/utf8"
)

const pngSignature = "\x89PNG\r\n\x1a\n"

// xmpKeyword is the iTXt keyword of an XMP packet in PNG.
const xmpKeyword = "XML:com.adobe.xmp"

// readPNG walks a PNG's chunks from the signature to IEND, checking every
// chunk's length and CRC, and reads the text chunks and the EXIF chunk.
func readPNG(r io.ReaderAt, size int64) (Info, error) {
	info := Info{Format: PNG}
	cfg, err := png.DecodeConfig(io.NewSectionReader(r, 0, size))
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return info, errorf(PNG, Truncated, size, "the file ends inside the image header")
		}
		return info, errorf(PNG, BadHeader, 8, "the image header (IHDR) cannot be read: %s", strings.TrimPrefix(err.Error(), "png: "))
	}
	info.Width, info.Height = cfg.Width, cfg.Height

	br := bufio.NewReaderSize(io.NewSectionReader(r, 0, size), 64<<10)
	if _, err := br.Discard(len(pngSignature)); err != nil {
		return info, errorf(PNG, Truncated, size, "the file ends inside the signature")
	}
	var b budget
	off := int64(len(pngSignature))
	var hdr [8]byte
	for n := 0; ; n++ {
		if n == maxChunks {
			return info, errorf(PNG, ChunkLength, off, "more than %d chunks", maxChunks)
		}
		if _, err := io.ReadFull(br, hdr[:]); err != nil {
			return info, errorf(PNG, Truncated, off, "the file ends before the IEND chunk")
		}
		length := int64(binary.BigEndian.Uint32(hdr[:4]))
		typ := string(hdr[4:8])
		if !isChunkType(hdr[4:8]) {
			return info, errorf(PNG, BadChunk, off+4, "a chunk type %q that is not four letters", typ)
		}
		if length > 1<<31-1 || off+12+length > size {
			return info, errorf(PNG, ChunkLength, off, "chunk %s says it is %d bytes long, past the end of the file (%d bytes): the file is cut short or the length is wrong", typ, length, size)
		}
		keep := isTextChunk(typ) || typ == "eXIf"
		crc := crc32.NewIEEE()
		crc.Write(hdr[4:8])
		var data []byte
		if keep && length <= MaxText {
			data = make([]byte, length)
			if _, err := io.ReadFull(br, data); err != nil {
				return info, errorf(PNG, Truncated, off, "the file ends inside chunk %s", typ)
			}
			crc.Write(data)
		} else {
			if keep {
				// Too large to keep: only the keyword matters, to tell
				// whether it is a label.
				peek, _ := br.Peek(int(min(length, 80)))
				if typ == "eXIf" || isLabelKeyword(keywordOf(peek)) {
					return info, errorf(PNG, TextTooLarge, off, "chunk %s is %d bytes long, over the limit of %d", typ, length, MaxText)
				}
			}
			if _, err := io.CopyN(crc, br, length); err != nil {
				return info, errorf(PNG, Truncated, off, "the file ends inside chunk %s", typ)
			}
		}
		var sum [4]byte
		if _, err := io.ReadFull(br, sum[:]); err != nil {
			return info, errorf(PNG, Truncated, off, "the file ends inside chunk %s", typ)
		}
		if binary.BigEndian.Uint32(sum[:]) != crc.Sum32() {
			return info, errorf(PNG, BadCRC, off, "the CRC of chunk %s does not match its content", typ)
		}
		if data != nil {
			if err := pngText(&info, typ, data, off, &b); err != nil {
				return info, err
			}
		}
		off += 12 + length
		if typ == "IEND" {
			return info, nil
		}
	}
}

func isChunkType(b []byte) bool {
	for _, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func isTextChunk(typ string) bool { return typ == "tEXt" || typ == "zTXt" || typ == "iTXt" }

// keywordOf is the keyword a text chunk's data starts with.
func keywordOf(data []byte) string {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return string(data[:i])
	}
	return ""
}

func isLabelKeyword(k string) bool { return strings.EqualFold(k, "AIGC") || k == xmpKeyword }

// pngText reads a text or EXIF chunk's data for the label.
func pngText(info *Info, typ string, data []byte, off int64, b *budget) error {
	if typ == "eXIf" {
		l, err := exifLabel(data, PNG, off+8)
		if err != nil {
			return err
		}
		info.found(l)
		return nil
	}
	nul := bytes.IndexByte(data, 0)
	if nul < 0 {
		return nil // no keyword: not a text chunk anyone could read; it passed its CRC, so leave it
	}
	keyword, rest := string(data[:nul]), data[nul+1:]
	if !isLabelKeyword(keyword) {
		return nil
	}
	var text []byte
	switch typ {
	case "tEXt":
		text = rest
	case "zTXt":
		if len(rest) < 1 {
			return errorf(PNG, BadText, off, "the zTXt chunk %s has no compression method", keyword)
		}
		t, err := inflate(rest[1:], off, b)
		if err != nil {
			return err
		}
		text = t
	case "iTXt":
		if len(rest) < 2 {
			return errorf(PNG, BadText, off, "the iTXt chunk %s is cut short", keyword)
		}
		compressed := rest[0] == 1
		rest = rest[2:]
		for range 2 { // the language tag and the translated keyword
			i := bytes.IndexByte(rest, 0)
			if i < 0 {
				return errorf(PNG, BadText, off, "the iTXt chunk %s is cut short", keyword)
			}
			rest = rest[i+1:]
		}
		text = rest
		if compressed {
			t, err := inflate(rest, off, b)
			if err != nil {
				return err
			}
			text = t
		}
	}
	if err := b.take(PNG, len(text), off); err != nil {
		return err
	}
	if keyword == xmpKeyword {
		l, err := xmpLabel(text, PNG, off)
		if err != nil {
			return err
		}
		info.found(l)
		return nil
	}
	info.found(aigcValue(textString(text), InPNGText))
	return nil
}

// inflate unpacks zlib data, refusing more than MaxText bytes.
func inflate(data []byte, off int64, b *budget) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, errorf(PNG, BadText, off, "compressed text that cannot be unpacked: %v", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, MaxText+1))
	if err != nil {
		return nil, errorf(PNG, BadText, off, "compressed text that cannot be unpacked: %v", err)
	}
	if len(out) > MaxText {
		return nil, errorf(PNG, TextTooLarge, off, "compressed text unpacks to more than %d bytes", MaxText)
	}
	return out, nil
}

// textString reads a text chunk's bytes as UTF-8 when they are, else as
// Latin-1, as the PNG specification has tEXt.
func textString(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}
