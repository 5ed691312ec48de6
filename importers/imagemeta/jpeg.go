package imagemeta

import (
	"bufio"
	"bytes"
	"image/jpeg"
	"io"
	"strings"
)

// The APP1 signatures of EXIF and XMP in JPEG.
const (
	exifAPP1 = "Exif\x00\x00"
	xmpAPP1  = "http://ns.adobe.com/xap/1.0/\x00"
)

// byteReader counts the bytes read from a buffered reader.
type byteReader struct {
	br  *bufio.Reader
	off int64
}

func (b *byteReader) ReadByte() (byte, error) {
	c, err := b.br.ReadByte()
	if err == nil {
		b.off++
	}
	return c, err
}

func (b *byteReader) full(p []byte) error {
	n, err := io.ReadFull(b.br, p)
	b.off += int64(n)
	return err
}

// readJPEG walks a JPEG's markers and segments from SOI to EOI — through
// the entropy-coded data after each SOS, without decoding it — and reads
// APP1 segments for EXIF and XMP.
func readJPEG(r io.ReaderAt, size int64) (Info, error) {
	info := Info{Format: JPEG}
	br := &byteReader{br: bufio.NewReaderSize(io.NewSectionReader(r, 0, size), 64<<10)}
	var soi [2]byte
	if err := br.full(soi[:]); err != nil {
		return info, errorf(JPEG, Truncated, 0, "the file ends inside the start-of-image marker")
	}
	var b budget
	sawFrame := false
	pending := byte(0) // a marker met while scanning entropy-coded data
	for n := 0; ; n++ {
		if n == maxChunks {
			return info, errorf(JPEG, BadSegment, br.off, "more than %d segments", maxChunks)
		}
		at := br.off
		m := pending
		pending = 0
		if m == 0 {
			c, err := br.ReadByte()
			if err != nil {
				return info, errorf(JPEG, Truncated, at, "the file ends before the end-of-image marker")
			}
			if c != 0xFF {
				return info, errorf(JPEG, BadSegment, at, "byte 0x%02X where a marker (0xFF…) must stand", c)
			}
			for {
				c, err = br.ReadByte()
				if err != nil {
					return info, errorf(JPEG, Truncated, at, "the file ends before the end-of-image marker")
				}
				if c != 0xFF { // 0xFF bytes before a marker are fill
					break
				}
			}
			m = c
		}
		switch {
		case m == 0xD9: // EOI
			if !sawFrame {
				return info, errorf(JPEG, BadHeader, at, "the image ends without a frame header (SOF)")
			}
			cfg, err := jpeg.DecodeConfig(io.NewSectionReader(r, 0, size))
			if err != nil {
				return info, errorf(JPEG, BadHeader, -1, "the frame header cannot be read: %s", strings.TrimPrefix(err.Error(), "invalid JPEG format: "))
			}
			info.Width, info.Height = cfg.Width, cfg.Height
			return info, nil
		case m == 0xD8 || m == 0x00:
			return info, errorf(JPEG, BadSegment, at, "marker 0xFF%02X where a segment must start", m)
		case m >= 0xD0 && m <= 0xD7, m == 0x01: // no length
			continue
		}
		var lb [2]byte
		if err := br.full(lb[:]); err != nil {
			return info, errorf(JPEG, Truncated, at, "the file ends inside segment 0xFF%02X", m)
		}
		length := int64(lb[0])<<8 | int64(lb[1])
		if length < 2 {
			return info, errorf(JPEG, BadSegment, at, "segment 0xFF%02X says it is %d bytes long, less than its own length field", m, length)
		}
		if at+2+length > size {
			return info, errorf(JPEG, ChunkLength, at, "segment 0xFF%02X says it is %d bytes long, past the end of the file (%d bytes): the file is cut short or the length is wrong", m, length, size)
		}
		payload := make([]byte, length-2)
		if err := br.full(payload); err != nil {
			return info, errorf(JPEG, Truncated, at, "the file ends inside segment 0xFF%02X", m)
		}
		switch {
		case m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC: // SOFn
			sawFrame = true
		case m == 0xE1:
			if err := jpegAPP1(&info, payload, at+4, &b); err != nil {
				return info, err
			}
		case m == 0xDA: // SOS: entropy-coded data follows, up to the next marker
			if !sawFrame {
				return info, errorf(JPEG, BadSegment, at, "scan data (SOS) before the frame header (SOF)")
			}
			next, err := skipScan(br)
			if err != nil {
				return info, errorf(JPEG, Truncated, at, "the file ends inside the image data, before the end-of-image marker")
			}
			pending = next
		}
	}
}

// skipScan reads entropy-coded data up to the next marker that is not a
// restart marker and returns it.
func skipScan(br *byteReader) (byte, error) {
	for {
		c, err := br.ReadByte()
		if err != nil {
			return 0, err
		}
		if c != 0xFF {
			continue
		}
		for c == 0xFF {
			if c, err = br.ReadByte(); err != nil {
				return 0, err
			}
		}
		if c == 0x00 || c >= 0xD0 && c <= 0xD7 {
			continue // a stuffed 0xFF, or a restart marker
		}
		return c, nil
	}
}

// jpegAPP1 reads an APP1 segment: EXIF or XMP.
func jpegAPP1(info *Info, payload []byte, off int64, b *budget) error {
	switch {
	case bytes.HasPrefix(payload, []byte(exifAPP1)):
		if err := b.take(JPEG, len(payload), off); err != nil {
			return err
		}
		l, err := exifLabel(payload[len(exifAPP1):], JPEG, off+int64(len(exifAPP1)))
		if err != nil {
			return err
		}
		info.found(l)
	case bytes.HasPrefix(payload, []byte(xmpAPP1)):
		if err := b.take(JPEG, len(payload), off); err != nil {
			return err
		}
		l, err := xmpLabel(payload[len(xmpAPP1):], JPEG, off)
		if err != nil {
			return err
		}
		info.found(l)
	}
	return nil
}
