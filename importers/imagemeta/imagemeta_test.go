package imagemeta

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// labels is the folder of the label-sample fixtures (testdata/README.md
// says how each was made).
var labels = filepath.Join("..", "..", "testdata", "labels")

func readFixture(t *testing.T, name string) (Info, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(labels, name))
	if err != nil {
		t.Fatal(err)
	}
	return Read(bytes.NewReader(data), int64(len(data)))
}

func TestReadLabelled(t *testing.T) {
	for _, tc := range []struct {
		file   string
		format Format
		w, h   int
		loc    Location
	}{
		{"labelled-text.png", PNG, 96, 64, InPNGText},
		{"labelled-ztxt.png", PNG, 96, 64, InPNGText},
		{"labelled-itxt.png", PNG, 96, 64, InPNGText},
		{"labelled-xmp.png", PNG, 96, 64, InXMP},
		{"labelled-xmp.jpg", JPEG, 80, 60, InXMP},
		{"labelled-exif.jpg", JPEG, 80, 60, InEXIF},
		{"labelled-xmp.webp", WebP, 72, 48, InXMP},
		{"jpeg-named.png", JPEG, 80, 60, InEXIF},
	} {
		t.Run(tc.file, func(t *testing.T) {
			info, err := readFixture(t, tc.file)
			if err != nil {
				t.Fatal(err)
			}
			l := info.Label
			if info.Format != tc.format || info.Width != tc.w || info.Height != tc.h {
				t.Errorf("format %s %dx%d, want %s %dx%d", info.Format, info.Width, info.Height, tc.format, tc.w, tc.h)
			}
			if !l.Found || l.Location != tc.loc {
				t.Fatalf("label %+v, want one found in %s", l, tc.loc)
			}
			if l.Label != "1" || l.ContentProducer != "001191110108MA7XH2TQ5E00000" || l.ProduceID != "XH-IMG-20261120-0001" ||
				l.ContentPropagator != "001191110108MA7XH2TQ5E00000" || l.PropagateID != "XH-PUB-20261120-0001" {
				t.Errorf("sub-fields %+v", l)
			}
			if !strings.Contains(l.Raw, `"ProduceID":"XH-IMG-20261120-0001"`) {
				t.Errorf("raw %q", l.Raw)
			}
		})
	}
}

func TestReadUnlabelled(t *testing.T) {
	for _, file := range []string{"unlabelled.png", "unlabelled.jpg", "unlabelled.webp"} {
		info, err := readFixture(t, file)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if info.Label.Found || info.Width == 0 || info.Height == 0 {
			t.Errorf("%s: %+v", file, info)
		}
	}
	info, err := readFixture(t, "labelled-partial.png")
	if err != nil {
		t.Fatal(err)
	}
	if l := info.Label; !l.Found || l.Label != "1" || l.ContentProducer != "" || l.ProduceID != "" {
		t.Errorf("partial label %+v", l)
	}
}

func TestReadMalformed(t *testing.T) {
	for _, tc := range []struct {
		file    string
		problem Problem
	}{
		{"malformed-truncated.png", ChunkLength}, // cut inside IDAT: its length runs past the end
		{"malformed-crc.png", BadCRC},
		{"malformed-chunk-length.png", ChunkLength},
		{"malformed-ztxt-bomb.png", TextTooLarge},
		{"malformed-truncated.jpg", Truncated},
		{"malformed-segment.jpg", ChunkLength},
		{"malformed-riff-size.webp", RIFFSize},
	} {
		_, err := readFixture(t, tc.file)
		var e *Error
		if !errors.As(err, &e) || e.Problem != tc.problem {
			t.Errorf("%s: error %v, want the problem %s", tc.file, err, tc.problem)
			continue
		}
		t.Logf("%s: %v", tc.file, err)
	}
	if _, err := readFixture(t, "not-an-image.png"); !errors.Is(err, ErrNotImage) {
		t.Errorf("not an image: %v", err)
	}
}
