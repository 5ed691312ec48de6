package app

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/inspection-workbench/workbench/assets"
)

// TestDemoLabelSamplesMatchTestdata keeps the demo's embedded label
// samples identical to testdata/sample/labels, where make.sh makes them
// and README.md lists their planted shortfalls.
func TestDemoLabelSamplesMatchTestdata(t *testing.T) {
	entries, err := fs.ReadDir(assets.Demo, "demo/labels")
	if err != nil || len(entries) != 4 {
		t.Fatalf("embedded label samples: %d, %v", len(entries), err)
	}
	for _, e := range entries {
		embedded, _ := fs.ReadFile(assets.Demo, "demo/labels/"+e.Name())
		sample, err := os.ReadFile(filepath.Join("..", "testdata", "sample", "labels", e.Name()))
		if err != nil || string(sample) != string(embedded) {
			t.Errorf("assets/demo/labels/%s differs from testdata/sample/labels", e.Name())
		}
	}
}

// TestLabelSampleImportAndPreview imports label samples — the sample
// provider's and the fixtures — and checks the stored record, that a
// malformed image leaves the workspace unchanged, and that the preview
// decodes a sample (scaled down) but not an undecodable one or another
// kind.
func TestLabelSampleImportAndPreview(t *testing.T) {
	ctx := context.Background()
	a, err := Open(ctx, t.TempDir(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	c, err := a.CreateCase(ctx, CaseInput{Provider: "星河智算科技有限公司", Service: "星河对话"})
	if err != nil {
		t.Fatal(err)
	}
	labels := filepath.Join("..", "testdata", "labels")
	reps, err := a.Import(ctx, ImportRequest{CaseID: c.ID, Kind: workbench.LabelSample, Files: []string{
		filepath.Join("..", "testdata", "sample", "labels", "xinghe-gen-0001.png"),
		filepath.Join(labels, "undecodable.png"),
		filepath.Join(labels, "malformed-crc.png"),
		filepath.Join(labels, "malformed-ztxt-bomb.png"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{StatusImported, StatusImported, StatusFailed, StatusFailed}
	for i, r := range reps {
		if r.Status != want[i] {
			t.Errorf("%s: %s (%s), want %s", r.File, r.Status, r.Error, want[i])
		}
	}
	if we := workbench.ErrorReason(reps[2].Err); we == nil || we.Reason != workbench.ReasonImageMalformed || we.Args["What"] != "bad_crc" {
		t.Errorf("malformed-crc.png: %v", reps[2].Err)
	}
	// The failed files left no blob behind.
	for _, r := range reps[2:] {
		if ok, _ := a.store.Blobs().Has(r.SHA256); ok {
			t.Errorf("%s: its blob stayed after the failure", r.File)
		}
	}
	subs, err := a.ListSubmissions(ctx, c.ID)
	if err != nil || len(subs) != 2 {
		t.Fatalf("submissions %v, %v", subs, err)
	}
	recs, err := a.Records(ctx, reps[0].SubmissionID, 0, 10)
	if err != nil || len(recs) != 1 || recs[0].Ref != "xinghe-gen-0001.png" {
		t.Fatalf("records %+v, %v", recs, err)
	}
	f, err := DecodeRecord(string(workbench.LabelSample), recs[0])
	if err != nil || f.Display("aigc_produce_id", false) != "XH-IMG-20261118-0001" || f.Display("label_location", true) != "XMP 元数据" {
		t.Errorf("record fields %s, %v", recs[0].Fields, err)
	}
	img, err := a.LabelSamplePreview(ctx, reps[0].SubmissionID, 160)
	if err != nil || img.Bounds().Dx() != 160 || img.Bounds().Dy() != 120 {
		t.Errorf("preview: %v, %v", img, err)
	}
	if _, err := a.LabelSamplePreview(ctx, reps[1].SubmissionID, 160); err == nil || errors.Is(err, ErrPreviewTooLarge) {
		t.Errorf("undecodable preview: %v", err)
	}
}
