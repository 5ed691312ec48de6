// Package imagemeta reads what the workbench needs from a sample image a
// provider submits — its format, its dimensions and the implicit label of
// generated content (the AIGC metadata field of GB 45438-2025, holding
// Label, ContentProducer, ProduceID, ContentPropagator and PropagateID) —
// without decoding a single pixel.
//
// It walks the container only: a PNG's chunks (every CRC checked; tEXt,
// zTXt and iTXt with the keyword AIGC, XMP in iTXt XML:com.adobe.xmp, EXIF
// in eXIf), a JPEG's segments up to the end of the image (EXIF and XMP in
// APP1), a WebP's RIFF chunks (through golang.org/x/image/riff; EXIF and
// XMP chunks). The dimensions come from the standard decoders'
// DecodeConfig, which reads the header only. Anything malformed — a
// truncated file, a wrong CRC, a chunk or segment running past the end, a
// RIFF size larger than the file, compressed text that unpacks out of
// proportion — is an *Error saying what and where.
//
// In XMP the label is an AIGC property in any namespace (the TC260
// practice guide writes TC260:AIGC), as a JSON object in its text or as a
// structure of Label, ContentProducer … properties. In EXIF it is looked
// for in ImageDescription, UserComment, XPComment, Artist, Software and
// Make, as JSON holding an "AIGC" object or the GB 45438 keys themselves,
// or as text "AIGC={…}" / "AIGC: {…}". In PNG text chunks the keyword is
// AIGC and the text is the JSON object.
//
// It imports only the standard library and golang.org/x/image.
package imagemeta

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Format is an image format the reader understands.
type Format string

// The formats.
const (
	PNG  Format = "png"
	JPEG Format = "jpeg"
	WebP Format = "webp"
)

// Name is the format as people write it: PNG, JPEG, WebP.
func (f Format) Name() string {
	switch f {
	case PNG:
		return "PNG"
	case JPEG:
		return "JPEG"
	case WebP:
		return "WebP"
	}
	return string(f)
}

// Location says where in the file the label was found.
type Location string

// The locations.
const (
	InPNGText Location = "png_text" // a PNG tEXt, zTXt or iTXt chunk with the keyword AIGC
	InXMP     Location = "xmp"      // an XMP packet (PNG iTXt, JPEG APP1, WebP "XMP ")
	InEXIF    Location = "exif"     // an EXIF field (PNG eXIf, JPEG APP1, WebP EXIF)
)

// Label is the implicit label of generated content as found in the file.
type Label struct {
	Found    bool
	Location Location
	// The sub-fields of GB 45438's AIGC field, as found ("" when absent).
	Label, ContentProducer, ProduceID, ContentPropagator, PropagateID string
	// ReservedCode1 and ReservedCode2 are the two reserved sub-fields.
	ReservedCode1, ReservedCode2 string
	// Raw is the AIGC value as found, clipped to MaxRaw bytes.
	Raw string
}

// MaxRaw bounds Label.Raw.
const MaxRaw = 4 << 10

// Info is what Read finds in an image.
type Info struct {
	Format        Format
	Width, Height int // 0 when the header does not give them
	Label         Label
}

// Limits on what is read.
const (
	// MaxText bounds one text chunk, XMP packet or EXIF block, packed or
	// unpacked: a zTXt that unpacks to more is refused.
	MaxText = 1 << 20
	// maxTextTotal bounds all the text unpacked from one file.
	maxTextTotal = 8 << 20
	// maxChunks bounds the chunks or segments walked in one file.
	maxChunks = 1 << 20
)

// Problem says what is wrong with a malformed image.
type Problem string

// The problems.
const (
	Truncated    Problem = "truncated"     // the file ends before its structure does
	BadSignature Problem = "bad_signature" // the file does not start as its format must
	BadCRC       Problem = "bad_crc"       // a PNG chunk's CRC does not match its content
	ChunkLength  Problem = "chunk_length"  // a chunk or segment's length runs past the end of the file or its container
	BadHeader    Problem = "bad_header"    // the image header (PNG IHDR, JPEG SOF, WebP VP8 frame) cannot be read
	BadSegment   Problem = "bad_segment"   // a JPEG marker or segment that is not well formed
	RIFFSize     Problem = "riff_size"     // a WebP whose RIFF size does not match the file
	TextTooLarge Problem = "text_too_large"
	BadText      Problem = "bad_text"  // a text chunk, XMP packet or EXIF block that cannot be read
	BadChunk     Problem = "bad_chunk" // a PNG chunk whose type is not four letters
)

// Problems lists every Problem, for interfaces that word them.
var Problems = []Problem{Truncated, BadSignature, BadCRC, ChunkLength, BadHeader, BadSegment, RIFFSize, TextTooLarge, BadText, BadChunk}

// Error is a malformed image: what is wrong, where, in English.
type Error struct {
	Format  Format
	Problem Problem
	// Offset is the byte offset where the problem is, -1 when none.
	Offset int64
	// Detail says what is wrong, in English, with where.
	Detail string
}

func (e *Error) Error() string {
	return fmt.Sprintf("the %s image is malformed: %s", e.Format.Name(), e.Detail)
}

func errorf(f Format, p Problem, off int64, format string, args ...any) *Error {
	d := fmt.Sprintf(format, args...)
	if off >= 0 {
		d += fmt.Sprintf(" (at byte %d)", off)
	}
	return &Error{Format: f, Problem: p, Offset: off, Detail: d}
}

// ErrNotImage is returned by Read for bytes that are no PNG, JPEG or WebP.
var ErrNotImage = errors.New("not a PNG, JPEG or WebP image")

// Sniff tells the format from a file's first bytes (12 are enough); ""
// when they are none of the three.
func Sniff(head []byte) Format {
	switch {
	case bytes.HasPrefix(head, []byte(pngSignature)):
		return PNG
	case len(head) >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF:
		return JPEG
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP":
		return WebP
	}
	return ""
}

// FormatOfName is the format a file's extension names, "" for none.
func FormatOfName(ext string) Format {
	switch ext {
	case ".png":
		return PNG
	case ".jpg", ".jpeg", ".jpe", ".jfif":
		return JPEG
	case ".webp":
		return WebP
	}
	return ""
}

// Read reads the image in r (size bytes long): its format from its
// content, whatever its name, its dimensions and its implicit label. A
// malformed image is an *Error; bytes that are no image of the three
// formats are ErrNotImage.
func Read(r io.ReaderAt, size int64) (Info, error) {
	head := make([]byte, 12)
	n, _ := r.ReadAt(head, 0)
	switch Sniff(head[:n]) {
	case PNG:
		return readPNG(r, size)
	case JPEG:
		return readJPEG(r, size)
	case WebP:
		return readWebP(r, size)
	}
	return Info{}, ErrNotImage
}

// budget counts the text unpacked from one file against maxTextTotal.
type budget struct{ used int }

func (b *budget) take(f Format, n int, off int64) error {
	b.used += n
	if b.used > maxTextTotal {
		return errorf(f, TextTooLarge, off, "the metadata text adds up to more than %d bytes", maxTextTotal)
	}
	return nil
}

// found keeps the first label found: a file may carry it in several
// places (XMP and EXIF both), and the first in file order is recorded.
func (i *Info) found(l Label) {
	if !i.Label.Found && l.Found {
		i.Label = l
	}
}
