package importers

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/inspection-workbench/workbench/importers/imagemeta"
)

// Image formats: a label sample (workbench.LabelSample) is one image.
const (
	PNG  Format = "png"
	JPEG Format = "jpeg"
	WebP Format = "webp"
)

// LabelSampleSpec describes the one record a label sample (an image the
// provider generated) imports as: what its metadata says of the implicit
// label of GB 45438-2025. It has no headers: the fields are read from the
// image, never from a table.
var LabelSampleSpec = KindSpec{
	Kind: workbench.LabelSample, ZH: workbench.LabelSample.Name().Zh, EN: workbench.LabelSample.Name().En,
	Articles: "Art. 12; 标识办法 Art. 5; GB 45438-2025 §6.1",
	Fields: []Field{
		{Name: "format", Type: Enum, ZH: "图片格式", EN: "Image format", Checked: true,
			Meaning: "The image's format, told from its content whatever its name.",
			Terms: []Term{
				{Value: "png", ZH: "PNG", EN: "PNG"},
				{Value: "jpeg", ZH: "JPEG", EN: "JPEG"},
				{Value: "webp", ZH: "WebP", EN: "WebP"},
			}},
		{Name: "width", Type: Count, ZH: "宽度（像素）", EN: "Width (pixels)",
			Meaning: "The width the image's header gives."},
		{Name: "height", Type: Count, ZH: "高度（像素）", EN: "Height (pixels)",
			Meaning: "The height the image's header gives."},
		{Name: "implicit_label", Type: Bool, ZH: "含隐式标识", EN: "Implicit label", Checked: true, Presence: true,
			Meaning: "Whether the file's metadata holds the AIGC field of GB 45438-2025 (标识办法 Art. 5)."},
		{Name: "label_location", Type: Enum, ZH: "标识位置", EN: "Found in",
			Meaning: "Where in the file the label was found.",
			Terms: []Term{
				{Value: string(imagemeta.InPNGText), ZH: "PNG 文本块", EN: "PNG text chunk"},
				{Value: string(imagemeta.InXMP), ZH: "XMP 元数据", EN: "XMP metadata"},
				{Value: string(imagemeta.InEXIF), ZH: "EXIF 元数据", EN: "EXIF metadata"},
			}},
		{Name: "aigc_label", Type: Text, ZH: "生成合成标签", EN: "Label", Checked: true,
			Meaning: "The Label sub-field: 1 generated, 2 possibly, 3 suspected of being generated."},
		{Name: "aigc_content_producer", Type: Text, ZH: "生成合成服务提供者", EN: "Content producer", Checked: true,
			Meaning: "The ContentProducer sub-field: the name or code of the service provider that generated the content."},
		{Name: "aigc_produce_id", Type: Text, ZH: "内容制作编号", EN: "Produce ID", Checked: true,
			Meaning: "The ProduceID sub-field: the provider's unique number of the content."},
		{Name: "aigc_content_propagator", Type: Text, ZH: "内容传播服务提供者", EN: "Content propagator",
			Meaning: "The ContentPropagator sub-field: the name or code of the platform that spread the content."},
		{Name: "aigc_propagate_id", Type: Text, ZH: "内容传播编号", EN: "Propagate ID",
			Meaning: "The PropagateID sub-field: the platform's unique number of the content."},
		{Name: "aigc_raw", Type: Text, ZH: "AIGC 字段原文", EN: "AIGC field as found",
			Meaning: "The AIGC field's value as found in the file, clipped to 4 KB."},
	},
}

func init() { Specs = append(Specs, LabelSampleSpec) }

// imageFormat tells whether a file is to be read as an image, and as
// which: a file whose name says it is an image (.png, .jpg, .jpeg, .webp),
// or any file when the kind asked for is label_sample, is read as the
// format its content has, whatever the name says; an image name over other
// content is an error. A file named as a table or a document is left to
// the other readers, which say what it is when it is an image (a PNG
// renamed .csv is "not a text file … looks like a PNG image").
func imageFormat(f io.ReaderAt, name string, kind workbench.Kind) (format imagemeta.Format, named imagemeta.Format, err error) {
	ext := strings.ToLower(filepath.Ext(name))
	named = imagemeta.FormatOfName(ext)
	if named == "" && kind != workbench.LabelSample {
		return "", "", nil
	}
	head := make([]byte, 12)
	n, _ := f.ReadAt(head, 0)
	format = imagemeta.Sniff(head[:n])
	if format == "" && named != "" {
		return "", named, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonNotImage, "Named", ext)
	}
	return format, named, nil
}

// IsImageName reports whether a file's name says it is an image the
// importers read as a label sample.
func IsImageName(name string) bool {
	return imagemeta.FormatOfName(strings.ToLower(filepath.Ext(name))) != ""
}

// readImage reads an image as the one record of a label sample: its
// format, dimensions and implicit label, from its metadata only.
func readImage(ctx context.Context, f *os.File, size int64, name string, format, named imagemeta.Format, opts Options, sink func(Record) error) (Result, error) {
	res := Result{Kind: workbench.LabelSample, Format: Format(format)}
	if opts.Kind != "" && opts.Kind != workbench.LabelSample {
		return Result{}, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonImageOtherKind, "Kind", string(opts.Kind))
	}
	info, err := imagemeta.Read(f, size)
	if err != nil {
		var e *imagemeta.Error
		if errors.As(err, &e) {
			return res, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonImageMalformed,
				"Format", e.Format.Name(), "What", string(e.Problem), "Detail", e.Detail)
		}
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if named != "" && named != info.Format {
		ext := strings.ToLower(filepath.Ext(name))
		res.Warnings = append(res.Warnings, workbench.Warning{Location: filepath.Base(name),
			Message: fmt.Sprintf("the file is named %s but is a %s image; it was read as %s", ext, info.Format.Name(), info.Format.Name()),
			Reason:  workbench.ReasonImageMisnamed, Args: map[string]any{"Named": ext, "Format": info.Format.Name()}})
		res.WarningCount = len(res.Warnings)
	}
	fields, err := json.Marshal(labelFields(info))
	if err != nil {
		return res, err
	}
	if opts.Start != nil {
		if err := opts.Start(res); err != nil {
			return res, err
		}
	}
	if err := sink(Record{Ref: filepath.Base(name), Fields: fields, Extra: []byte("{}")}); err != nil {
		return res, err
	}
	res.Records = 1
	return res, nil
}

// labelFields are the canonical fields of a label sample's record
// (LabelSampleSpec); the sub-fields only as found.
func labelFields(info imagemeta.Info) map[string]any {
	m := map[string]any{"format": string(info.Format), "implicit_label": info.Label.Found}
	if info.Width > 0 && info.Height > 0 {
		m["width"], m["height"] = info.Width, info.Height
	}
	l := info.Label
	if !l.Found {
		return m
	}
	m["label_location"] = string(l.Location)
	for k, v := range map[string]string{"aigc_label": l.Label, "aigc_content_producer": l.ContentProducer,
		"aigc_produce_id": l.ProduceID, "aigc_content_propagator": l.ContentPropagator,
		"aigc_propagate_id": l.PropagateID, "aigc_raw": l.Raw} {
		if v != "" {
			m[k] = v
		}
	}
	return m
}
