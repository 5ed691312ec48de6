package checks

import (
	"github.com/inspection-workbench/workbench"

	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench/app/checklist"
	"github.com/inspection-workbench/workbench/importers"
)

func sample(file string, fields map[string]any) Record {
	r := rec(kindLabelSample, file, fields)
	r.File = file
	return r
}

var fullLabel = map[string]any{"format": "png", "implicit_label": true, "label_location": "xmp", "aigc_label": "1",
	"aigc_content_producer": "001191110108MA7XH2TQ5E00000", "aigc_produce_id": "XH-IMG-1"}

func TestImplicitLabelRule(t *testing.T) {
	c := checklist.CheckImplicitLabel
	image := Service{Modalities: []string{"text", "image"}}
	for _, tc := range []ruleCase{
		{name: "all labelled", check: c, service: image, records: []Record{sample("a.png", fullLabel), sample("b.png", fullLabel)},
			result: Compliant, summary: "2 label samples checked; each carries the implicit label"},
		{name: "one unlabelled", check: c, service: image,
			records: []Record{sample("a.png", fullLabel), sample("b.png", map[string]any{"format": "png", "implicit_label": false})},
			result:  NonCompliant, flagged: []string{"b.png"}, summary: "1 without an implicit label: b.png"},
		{name: "label lacking sub-fields", check: c, service: image,
			records: []Record{sample("c.jpg", with(fullLabel, "aigc_produce_id", nil, "aigc_content_producer", nil))},
			result:  NonCompliant, flagged: []string{"c.jpg"}, summary: "1 with a label lacking required sub-fields (Label, ContentProducer, ProduceID): c.jpg"},
		{name: "propagator required too", check: c, service: image, params: map[string]any{"required_subfields": "Label, ContentPropagator"},
			records: []Record{sample("a.png", fullLabel)}, result: NonCompliant, flagged: []string{"a.png"}},
		{name: "label value unclear", check: c, service: image, records: []Record{sample("d.png", with(fullLabel, "aigc_label", "AI"))},
			result: InfoRequested, missing: true, flagged: []string{"d.png"}, summary: "1 unclear"},
		{name: "record says nothing", check: c, service: image, records: []Record{sample("e.png", map[string]any{"format": "png"})},
			result: InfoRequested, missing: true, flagged: []string{"e.png"}},
		{name: "no samples", check: c, service: image, records: []Record{ds("DS-1", cleanSource("DS-1"))}, result: InfoRequested,
			summary: "No label samples"},
		{name: "text-only service", check: c, service: Service{Modalities: []string{"text"}}, result: NotApplicable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := runCase(t, tc)
			if o.Result != tc.result {
				t.Errorf("result %s, want %s: %s", o.Result, tc.result, o.Summary.En)
			}
			var got []string
			for _, f := range o.Flags {
				got = append(got, f.Record.Name())
				if f.Unclear != tc.missing {
					t.Errorf("flag %s unclear %v", f.Record.Name(), f.Unclear)
				}
			}
			if !slices.Equal(got, tc.flagged) {
				t.Errorf("flagged %v, want %v", got, tc.flagged)
			}
			if !strings.Contains(o.Summary.En, tc.summary) || o.Summary.Zh == "" {
				t.Errorf("summary %q lacks %q", o.Summary.En, tc.summary)
			}
			if o.Result != NotApplicable && o.Result != InfoRequested || len(o.Flags) > 0 {
				if !strings.Contains(o.Summary.Zh, "第五条") || !strings.Contains(o.Summary.En, "GB 45438-2025 §6.1") {
					t.Errorf("summary does not cite its clauses: %+v", o.Summary)
				}
			}
		})
	}
}

// TestImplicitLabelOnFixtures reads the fixtures of testdata/labels with
// the importer and checks that the rule flags exactly the unlabelled and
// the incomplete ones.
func TestImplicitLabelOnFixtures(t *testing.T) {
	var recs []Record
	for _, file := range []string{"labelled-text.png", "labelled-xmp.jpg", "labelled-exif.jpg", "labelled-xmp.webp",
		"labelled-partial.png", "unlabelled.png", "unlabelled.jpg"} {
		_, err := importers.ReadFile(context.Background(), filepath.Join("..", "..", "testdata", "labels", file), file, importers.Options{},
			func(r importers.Record) error {
				f, err := importers.DecodeFields(workbench.LabelSample, r.Fields)
				recs = append(recs, Record{Ref: r.Ref, File: file, Kind: kindLabelSample, Fields: f})
				return err
			})
		if err != nil {
			t.Fatal(err)
		}
	}
	o := runCase(t, ruleCase{check: checklist.CheckImplicitLabel, records: recs})
	var got []string
	for _, f := range o.Flags {
		got = append(got, f.Record.Name()+": "+f.Problem.En)
	}
	want := []string{"labelled-partial.png: the implicit label lacks the sub-fields ContentProducer, ProduceID",
		"unlabelled.png: no implicit label (AIGC field) in the file's metadata",
		"unlabelled.jpg: no implicit label (AIGC field) in the file's metadata"}
	if o.Result != NonCompliant || o.Checked != 7 || !slices.Equal(got, want) {
		t.Errorf("result %s, %d checked, flags %q\n%s", o.Result, o.Checked, got, o.Summary.En)
	}
}

// TestImplicitLabelOnSampleProvider: over the sample provider's four label
// samples the check flags exactly the two planted shortfalls listed in
// testdata/sample/labels/README.md.
func TestImplicitLabelOnSampleProvider(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "sample", "labels")
	var recs []Record
	for _, file := range []string{"xinghe-gen-0001.png", "xinghe-gen-0002.png", "xinghe-gen-0003.png", "xinghe-gen-0004.png"} {
		_, err := importers.ReadFile(context.Background(), filepath.Join(dir, file), file, importers.Options{Kind: workbench.LabelSample},
			func(r importers.Record) error {
				f, err := importers.DecodeFields(workbench.LabelSample, r.Fields)
				recs = append(recs, Record{Ref: r.Ref, File: file, Kind: kindLabelSample, Fields: f})
				return err
			})
		if err != nil {
			t.Fatal(err)
		}
	}
	o := runCase(t, ruleCase{check: checklist.CheckImplicitLabel, service: Service{Modalities: []string{"text", "image"}}, records: recs})
	var got []string
	for _, f := range o.Flags {
		got = append(got, f.Record.Name())
	}
	if o.Result != NonCompliant || !slices.Equal(got, []string{"xinghe-gen-0003.png", "xinghe-gen-0004.png"}) ||
		!strings.Contains(o.Summary.En, "1 without an implicit label: xinghe-gen-0003.png; 1 with a label lacking required sub-fields") {
		t.Errorf("result %s, flagged %v: %s", o.Result, got, o.Summary.En)
	}
}
