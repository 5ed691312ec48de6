package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // the formats of label samples
	_ "image/png"
	"io"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp"
)

// MaxPreviewPixels bounds the images LabelSamplePreview decodes: a sample
// larger than this (width × height) is not decoded for display.
const MaxPreviewPixels = 40 << 20

// ErrPreviewTooLarge is a label sample too large to decode for display.
var ErrPreviewTooLarge = errors.New("the image is too large to preview")

// LabelSamplePreview decodes a label sample's stored image for display,
// scaled down so that neither side exceeds maxSide pixels. It is the only
// place an image's pixels are decoded, and only for the interface to show
// it; the import reads its metadata alone. An image that cannot be
// decoded is an error (the record of what its metadata says stands).
func (a *App) LabelSamplePreview(ctx context.Context, submissionID int64, maxSide int) (image.Image, error) {
	sub, err := a.store.GetSubmission(ctx, submissionID)
	if err != nil {
		return nil, err
	}
	if sub.Kind != string(workbench.LabelSample) {
		return nil, fmt.Errorf("submission %d is a %s, not a label sample", submissionID, sub.Kind)
	}
	f, err := a.store.Blobs().Open(sub.SHA256)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", sub.FileName, err)
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", sub.FileName, err)
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPreviewPixels {
		return nil, fmt.Errorf("%s (%d×%d): %w", sub.FileName, cfg.Width, cfg.Height, ErrPreviewTooLarge)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	img, _, err := image.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", sub.FileName, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	b := img.Bounds()
	if maxSide <= 0 || b.Dx() <= maxSide && b.Dy() <= maxSide {
		return img, nil
	}
	scale := float64(maxSide) / float64(max(b.Dx(), b.Dy()))
	dst := image.NewRGBA(image.Rect(0, 0, max(1, int(float64(b.Dx())*scale)), max(1, int(float64(b.Dy())*scale))))
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	return dst, nil
}
