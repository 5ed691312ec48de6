package importers

import (
	"encoding/json"
	"testing"

	"github.com/inspection-workbench/workbench/importers/document"
)

func TestKeyFacts(t *testing.T) {
	ps := []document.Passage{
		{Seq: 1, Page: 1, Text: "星河对话 算法机制机理说明"},
		{Seq: 2, Page: 1, Text: "备案号：Beijing-XingheChat-20240315\n基础模型：星河基座大模型 XH-Base v2\n说明：本文件仅供检查使用"},
		{Seq: 3, Page: 2, Text: "参数量: 700亿\n模型通过以下方式训练：预训练、微调和强化学习，覆盖多个阶段并持续迭代优化"},
		{Seq: 4, Page: 3, Text: "备案号：另一个（不应覆盖）"},
	}
	var warnings []Warning
	rec, ok := KeyFacts(Algorithm, ps, func(l, m string) { warnings = append(warnings, Warning{l, m}) })
	if !ok {
		t.Fatal("no key facts found")
	}
	var fields map[string]any
	var extra map[string]string
	if err := json.Unmarshal(rec.Fields, &fields); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(rec.Extra, &extra); err != nil {
		t.Fatal(err)
	}
	if fields["filing_no"] != "Beijing-XingheChat-20240315" || fields["base_model"] != "星河基座大模型 XH-Base v2" ||
		fields["parameters"].(map[string]any)["value"] != 7e10 || len(fields) != 3 {
		t.Errorf("fields = %v", fields)
	}
	if extra["source.filing_no"] != "passage 2 (p. 1)" || extra["source.parameters"] != "passage 3 (p. 2)" {
		t.Errorf("sources = %v", extra)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings %v", warnings)
	}
	if _, ok := KeyFacts(Algorithm, []document.Passage{{Seq: 1, Text: "没有任何字段。"}}, nil); ok {
		t.Error("facts found in a passage without labels")
	}
}
