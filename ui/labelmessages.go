package ui

import (
	"github.com/inspection-workbench/workbench"

	"strings"

	"fyne.io/fyne/v2/lang"
)

// imageFormatName names an image format as the importers give it (PNG,
// JPEG, WebP); "" for any other value, which the wording then leaves out.
func imageFormatName(f string) string {
	switch f {
	case "PNG", "JPEG", "WebP":
		return f
	}
	return ""
}

// imageReasonText words why a label sample (an image) could not be
// imported, or the warning about an image named as another format; "" for
// other reasons. The importer's detail (what, at which byte), in English,
// is the CLI's; the GUI words the problem alone.
func imageReasonText(r workbench.Reason, args map[string]any) string {
	// Without a format name, "The  image" closes up.
	return strings.ReplaceAll(imageReason(r, args), "  ", " ")
}

func imageReason(r workbench.Reason, args map[string]any) string {
	a := map[string]any{
		"Format": imageFormatName(workbench.ArgString(args["Format"])),
		"Named":  workbench.ArgString(args["Named"]),
		"Kind":   kindName(workbench.ArgString(args["Kind"])),
	}
	switch r {
	case workbench.ReasonImageMalformed:
		switch workbench.ArgString(args["What"]) {
		case "truncated":
			return lang.L("The {{.Format}} image is cut short: the file ends before its structure does. Ask the provider for a complete copy.", a)
		case "bad_signature":
			return lang.L("The file does not start as a {{.Format}} image must.", a)
		case "bad_crc":
			return lang.L("The {{.Format}} image is damaged: a chunk's checksum does not match its content. Ask the provider for a new copy.", a)
		case "chunk_length":
			return lang.L("The {{.Format}} image is damaged or cut short: a part of it says it is longer than what is left of the file.", a)
		case "bad_header":
			return lang.L("The header of the {{.Format}} image cannot be read.", a)
		case "bad_segment":
			return lang.L("The {{.Format}} image is malformed: a marker or segment is not well formed.", a)
		case "riff_size":
			return lang.L("The {{.Format}} image is damaged or cut short: its header gives a size that does not match the file.", a)
		case "text_too_large":
			return lang.L("The metadata of the {{.Format}} image unpacks to far more than the limit (possibly a compression bomb), so it was not read.", a)
		case "bad_text":
			return lang.L("The metadata of the {{.Format}} image (a text chunk, XMP or EXIF) is damaged, so its implicit label cannot be read.", a)
		case "bad_chunk":
			return lang.L("The {{.Format}} image is damaged: a chunk's type is not four letters.", a)
		}
		return lang.L("The {{.Format}} image is malformed.", a)
	case workbench.ReasonNotImage:
		return lang.L("The file is named {{.Named}} but is not a PNG, JPEG or WebP image: check what the file is.", a)
	case workbench.ReasonSampleNotImage:
		return lang.L("A content-label sample is an image (PNG, JPEG or WebP), and this file is not one: import it as another kind.", a)
	case workbench.ReasonImageOtherKind:
		return lang.L("An image is imported only as a content-label sample, not as {{.Kind}}: choose that kind, or let the workbench tell it.", a)
	case workbench.ReasonImageMisnamed:
		return lang.L("The file is named {{.Named}} but is a {{.Format}} image; it was read as {{.Format}}.", a)
	}
	return ""
}
