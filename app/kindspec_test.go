package app

import (
	"testing"

	"github.com/inspection-workbench/workbench"
)

// TestSpecOfAndDecodeRecord checks the GUI's view of a kind: the fields
// of the importer's specification in order with their header labels, and
// a stored record's values written for people in either language.
func TestSpecOfAndDecodeRecord(t *testing.T) {
	if SpecOf("no_such_kind") != nil {
		t.Error("SpecOf of an unknown kind is not nil")
	}
	spec := SpecOf(string(workbench.DataSource))
	if spec == nil || spec.Kind != workbench.DataSource || spec.ZH != "训练数据来源说明" || spec.EN != "Training data sources" {
		t.Fatalf("SpecOf(data_source) = %+v", spec)
	}
	if len(spec.Fields) < 3 || spec.Fields[0] != (FieldSpec{Name: "id", ZH: "编号", EN: "ID"}) ||
		spec.Fields[2] != (FieldSpec{Name: "category", ZH: "来源类别", EN: "Source category"}) {
		t.Errorf("SpecOf(data_source).Fields = %+v", spec.Fields)
	}
	rec := workbench.RecordRow{ID: 7, Row: 2, Fields: `{"id":"DS-01","category":"public_web","contains_personal_info":true}`}
	f, err := DecodeRecord(string(workbench.DataSource), rec)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		zh   bool
		want string
	}{
		{"id", true, "DS-01"},
		{"category", true, "互联网公开数据"},
		{"category", false, "public web"},
		{"contains_personal_info", true, "是"},
		{"contains_personal_info", false, "yes"},
		{"origin", true, ""},
	} {
		if got := f.Display(tc.name, tc.zh); got != tc.want {
			t.Errorf("Display(%q, zh=%v) = %q, want %q", tc.name, tc.zh, got, tc.want)
		}
	}
	if _, err := DecodeRecord(string(workbench.DataSource), workbench.RecordRow{ID: 8, Fields: "{"}); err == nil {
		t.Error("DecodeRecord of malformed JSON gave no error")
	}
}
