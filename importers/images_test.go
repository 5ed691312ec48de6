package importers

import (
	"github.com/inspection-workbench/workbench"

	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// labelsDir holds the label-sample fixtures (testdata/README.md).
var labelsDir = filepath.Join("..", "testdata", "labels")

func readSample(t *testing.T, name string, kind workbench.Kind) (Result, []Record, error) {
	t.Helper()
	var recs []Record
	res, err := ReadFile(context.Background(), filepath.Join(labelsDir, name), name, Options{Kind: kind}, func(r Record) error {
		recs = append(recs, r)
		return nil
	})
	return res, recs, err
}

func TestReadLabelSample(t *testing.T) {
	for _, kind := range []workbench.Kind{"", workbench.LabelSample} {
		res, recs, err := readSample(t, "labelled-xmp.jpg", kind)
		if err != nil {
			t.Fatal(err)
		}
		if res.Kind != workbench.LabelSample || res.Format != JPEG || res.Records != 1 || len(recs) != 1 {
			t.Fatalf("kind %q: result %+v, %d records", kind, res, len(recs))
		}
		f, err := DecodeFields(workbench.LabelSample, recs[0].Fields)
		if err != nil {
			t.Fatal(err)
		}
		if v, ok := f.Bool("implicit_label"); !ok || !v {
			t.Errorf("implicit_label = %v, %v", v, ok)
		}
		for name, want := range map[string]string{"format": "jpeg", "label_location": "xmp", "aigc_label": "1",
			"aigc_produce_id": "XH-IMG-20261120-0001", "aigc_content_producer": "001191110108MA7XH2TQ5E00000"} {
			if got := f.Text(name); got != want {
				t.Errorf("%s = %q, want %q", name, got, want)
			}
		}
		if got := f.Display("width", false) + "x" + f.Display("height", false); got != "80x60" {
			t.Errorf("size %s", got)
		}
		if recs[0].Ref != "labelled-xmp.jpg" {
			t.Errorf("ref %q", recs[0].Ref)
		}
	}
	_, recs, err := readSample(t, "unlabelled.png", "")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(recs[0].Fields, &m); err != nil || m["implicit_label"] != false || m["format"] != "png" || m["aigc_raw"] != nil {
		t.Errorf("unlabelled fields %s", recs[0].Fields)
	}
}

// TestReadLabelSampleRefusals: malformed images, an image named as
// another format, other kinds, and a table given as a label sample.
func TestReadLabelSampleRefusals(t *testing.T) {
	res, recs, err := readSample(t, "jpeg-named.png", "")
	if err != nil || len(recs) != 1 || res.Format != JPEG {
		t.Fatalf("a JPEG named .png: %v, %+v", err, res)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Reason != workbench.ReasonImageMisnamed || workbench.CheckWarning(res.Warnings[0]) != nil {
		t.Errorf("warnings %+v", res.Warnings)
	}
	for _, tc := range []struct {
		file   string
		kind   workbench.Kind
		reason workbench.Reason
	}{
		{"malformed-crc.png", "", workbench.ReasonImageMalformed},
		{"malformed-truncated.jpg", workbench.LabelSample, workbench.ReasonImageMalformed},
		{"malformed-riff-size.webp", "", workbench.ReasonImageMalformed},
		{"malformed-ztxt-bomb.png", "", workbench.ReasonImageMalformed},
		{"not-an-image.png", "", workbench.ReasonNotImage},
		{"unlabelled.png", workbench.Incident, workbench.ReasonImageOtherKind},
	} {
		var got []Record
		_, recs, err := readSample(t, tc.file, tc.kind)
		got = append(got, recs...)
		we := workbench.ErrorReason(err)
		if we == nil || we.Reason != tc.reason || len(got) != 0 {
			t.Errorf("%s as %q: error %v, %d records; want %s", tc.file, tc.kind, err, len(got), tc.reason)
		}
	}
	_, err = ReadFile(context.Background(), filepath.Join("..", "testdata", "sample", "incidents.csv"), "incidents.csv", Options{Kind: workbench.LabelSample}, func(Record) error { return nil })
	if we := workbench.ErrorReason(err); we == nil || we.Reason != workbench.ReasonSampleNotImage {
		t.Errorf("a CSV as a label sample: %v", err)
	}
	_, err = ReadDocument(context.Background(), filepath.Join("..", "testdata", "sample", "incidents.csv"), PlainText, Options{Kind: workbench.LabelSample})
	if we := workbench.ErrorReason(err); we == nil || we.Reason != workbench.ReasonSampleNotImage {
		t.Errorf("a document as a label sample: %v", err)
	}
}

// TestLabelSampleNotFromHeaders: label_sample is never told from a
// table's headers, even ones naming its fields.
func TestLabelSampleNotFromHeaders(t *testing.T) {
	if k, err := detectKind([]string{"format", "width", "height", "implicit_label", "aigc_label"}); err == nil && k == workbench.LabelSample {
		t.Errorf("detectKind chose %s", k)
	}
}

// TestLabelSampleHasNoTemplate: a label sample is an image; asking for
// its spreadsheet template says so.
func TestLabelSampleHasNoTemplate(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTemplate(workbench.LabelSample, &b); err == nil || !strings.Contains(err.Error(), "no template") || b.Len() != 0 {
		t.Errorf("template of label_sample: %v, %d bytes", err, b.Len())
	}
}
