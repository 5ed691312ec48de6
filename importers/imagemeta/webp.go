package imagemeta

import (
	"encoding/binary"
	"errors"
	"io"
	"strings"

	"golang.org/x/image/riff"
	"golang.org/x/image/webp"
)

// readWebP checks a WebP's RIFF size against the file and walks its
// chunks (golang.org/x/image/riff), reading the EXIF and XMP chunks.
func readWebP(r io.ReaderAt, size int64) (Info, error) {
	info := Info{Format: WebP}
	var hdr [12]byte
	if _, err := r.ReadAt(hdr[:], 0); err != nil {
		return info, errorf(WebP, Truncated, 0, "the file ends inside the RIFF header")
	}
	riffSize := int64(binary.LittleEndian.Uint32(hdr[4:8]))
	if riffSize+8 > size {
		return info, errorf(WebP, RIFFSize, 4, "the RIFF header says the file is %d bytes long, but it is %d", riffSize+8, size)
	}
	if riffSize < 4 {
		return info, errorf(WebP, RIFFSize, 4, "the RIFF header gives a size of %d bytes, too small for a WebP", riffSize)
	}
	cfg, err := webp.DecodeConfig(io.NewSectionReader(r, 0, riffSize+8))
	if err != nil {
		return info, errorf(WebP, BadHeader, 12, "the image header cannot be read: %s", strings.TrimPrefix(err.Error(), "webp: "))
	}
	info.Width, info.Height = cfg.Width, cfg.Height

	_, chunks, err := riff.NewReader(io.NewSectionReader(r, 0, riffSize+8))
	if err != nil {
		return info, errorf(WebP, BadHeader, 0, "the RIFF header cannot be read")
	}
	var b budget
	off := int64(12)
	for n := 0; ; n++ {
		if n == maxChunks {
			return info, errorf(WebP, ChunkLength, off, "more than %d chunks", maxChunks)
		}
		id, length, data, err := chunks.Next()
		if errors.Is(err, io.EOF) {
			return info, nil
		}
		if err != nil {
			return info, errorf(WebP, ChunkLength, off, "a chunk runs past the end of the RIFF container (%s)", strings.TrimPrefix(err.Error(), "riff: "))
		}
		switch string(id[:]) {
		case "EXIF", "XMP ":
			if length > MaxText {
				return info, errorf(WebP, TextTooLarge, off, "chunk %s is %d bytes long, over the limit of %d", strings.TrimSpace(string(id[:])), length, MaxText)
			}
			buf := make([]byte, length)
			if _, err := io.ReadFull(data, buf); err != nil {
				return info, errorf(WebP, Truncated, off, "the file ends inside chunk %s", strings.TrimSpace(string(id[:])))
			}
			if err := b.take(WebP, len(buf), off); err != nil {
				return info, err
			}
			var l Label
			if id[0] == 'E' {
				// Some writers keep JPEG's "Exif\0\0" before the TIFF header.
				l, err = exifLabel([]byte(strings.TrimPrefix(string(buf), exifAPP1)), WebP, off+8)
			} else {
				l, err = xmpLabel(buf, WebP, off+8)
			}
			if err != nil {
				return info, err
			}
			info.found(l)
		}
		off += 8 + int64(length) + int64(length&1)
	}
}
