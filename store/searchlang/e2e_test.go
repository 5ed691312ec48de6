package searchlang

import (
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
)

func testMapping() *mapping.IndexMappingImpl {
	m := bleve.NewIndexMapping()
	kw := bleve.NewKeywordFieldMapping()
	doc := bleve.NewDocumentMapping()
	doc.AddFieldMappingsAt("kind", kw)
	doc.AddFieldMappingsAt("file", kw)
	doc.AddFieldMappingsAt("label", kw)
	doc.AddFieldMappingsAt("found", kw)
	m.DefaultMapping = doc
	return m
}

func TestEndToEnd(t *testing.T) {
	docs := map[string]any{
		"1": map[string]any{"text": "发现违法内容，已删除", "kind": "incident", "file": "log 1.xlsx", "label": "internal", "found": "2024-01-15"},
		"2": map[string]any{"text": "违规操作 report", "kind": "incident", "file": "log 1.xlsx", "label": "secret", "found": "2024-03-31"},
		"3": map[string]any{"text": "违法的内容 审核记录", "kind": "record", "file": "审核.pdf", "label": "internal", "found": "2024-04-01"},
		"4": map[string]any{"text": "Annual Report 合规说明", "kind": "passage", "file": "report.docx", "label": "public"},
		"5": map[string]any{"text": "违法 内容 测试数据", "kind": "incident", "file": "log 2.xlsx", "label": "internal", "found": "2023-12-31"},
		"6": map[string]any{"text": "INC-0042 已办结", "kind": "passage"},
	}
	idx := newCJKIndex(t, testMapping(), docs)
	tests := []struct {
		q    string
		want []string
	}{
		{"违", []string{"1", "2", "3", "5"}},
		{"违法", []string{"1", "3", "5"}},
		{"违法 内容", []string{"1", "3", "5"}},
		// A phrase is the characters in order, adjacent: doc 3 has 违法的内容,
		// doc 5 违法 内容.
		{`"违法内容"`, []string{"1"}},
		{"违法内容", []string{"1"}}, // bare CJK word is a phrase
		// A space or punctuation in the query matches text with or
		// without one there.
		{`"违法 内容"`, []string{"1", "5"}},
		{`"违法，内容"`, []string{"1", "5"}},
		{`"，"`, []string{}},
		{"INC-0042", []string{"6"}},
		{"inc 0042", []string{"6"}},
		{`"0042 inc"`, []string{}},
		{"违法 OR 违规", []string{"1", "2", "3", "5"}},
		{"违规 OR 合规 report", []string{"2", "4"}},
		{"违法 -删除", []string{"3", "5"}},
		{`违法 -"测试数据"`, []string{"1", "3"}},
		{"REPORT", []string{"2", "4"}},
		{"违规 report", []string{"2"}},
		{"kind:incident", []string{"1", "2", "5"}},
		{"违法 kind:record", []string{"3"}},
		{`file:"log 1.xlsx"`, []string{"1", "2"}},
		{"file：「审核.pdf」", []string{"3"}},
		{"kind:incident -label:secret", []string{"1", "5"}},
		{"kind:Incident", []string{}}, // keyword values are exact
		{"kind:record OR kind:passage", []string{"3", "4", "6"}},
		{"found:2024-01-01..2024-03-31", []string{"1", "2"}},
		{"found:2024-01-01..", []string{"1", "2", "3"}},
		{"found:..2023-12-31", []string{"5"}},
		{"found:2024-04-01", []string{"3"}},
		{"违法 found:2024-01-01..2024-03-31", []string{"1"}},
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			pq, err := Parse(tc.q, testOpts)
			if err != nil {
				t.Fatal(err)
			}
			bq, err := pq.Bleve("text")
			if err != nil {
				t.Fatal(err)
			}
			if got := hits(t, idx, bq); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s: hits = %q, want %q", pq, got, tc.want)
			}
		})
	}
}
