package checks

import (
	"github.com/inspection-workbench/workbench"

	"fmt"
	"slices"
	"strings"
)

// kindLabelSample is the kind of the sample generated images.
const kindLabelSample = string(workbench.LabelSample)

// labelClause is what the implicit-label check rests on.
var labelClause = Text{
	Zh: "依据《人工智能生成合成内容标识办法》第五条、GB 45438-2025 第 6.1 条",
	En: "per 《人工智能生成合成内容标识办法》 Art. 5 and GB 45438-2025 §6.1",
}

// subFieldsOf maps GB 45438's sub-field names to the fields of a label
// sample's record.
var subFieldsOf = map[string]string{
	"label":             "aigc_label",
	"contentproducer":   "aigc_content_producer",
	"produceid":         "aigc_produce_id",
	"contentpropagator": "aigc_content_propagator",
	"propagateid":       "aigc_propagate_id",
}

// defaultRequiredSubfields are the sub-fields a label must have when the
// template does not say: those the generating service writes.
const defaultRequiredSubfields = "Label,ContentProducer,ProduceID"

// labelValues are the values of the Label sub-field: 1 generated, 2
// possibly generated, 3 suspected of being generated (GB 45438 App. E).
var labelValues = []string{"1", "2", "3"}

// implicitLabel checks each label sample — an image the service
// generated — for the implicit label of 《人工智能生成合成内容标识办法》
// Art. 5 and GB 45438-2025 §6.1: the AIGC field in the file's metadata,
// with the sub-fields the template requires. A sample without the field
// and one whose field lacks a required sub-field are problems, counted
// apart; a sample whose Label sub-field holds something other than 1, 2
// or 3, or whose record does not say whether a label was found, is
// unclear.
type implicitLabel struct {
	required []string // GB 45438 names: Label, ContentProducer, ProduceID …
	b        outcomeBuilder
	missing  int // samples without an implicit label
	partial  int // samples whose label lacks a required sub-field
}

// newImplicitLabel makes the check from its parameter: the required
// sub-fields, comma-separated, by their GB 45438 names.
func newImplicitLabel(required string) (*implicitLabel, error) {
	r := &implicitLabel{}
	for _, name := range strings.FieldsFunc(required, func(c rune) bool { return c == ',' || c == ' ' || c == '，' || c == '、' }) {
		if _, ok := subFieldsOf[strings.ToLower(name)]; !ok {
			return nil, fmt.Errorf("required_subfields: %q is not a sub-field of GB 45438's AIGC field (Label, ContentProducer, ProduceID, ContentPropagator, PropagateID)", name)
		}
		r.required = append(r.required, name)
	}
	return r, nil
}

func (c *implicitLabel) record(r *Record, _ *facts) {
	if r.Kind != kindLabelSample {
		return
	}
	c.b.checked++
	found, ok := r.Fields.Bool("implicit_label")
	switch {
	case !ok:
		c.b.unclearRecord(r, Text{Zh: "记录未说明是否含隐式标识", En: "the record does not say whether the image carries an implicit label"})
		return
	case !found:
		c.missing++
		c.b.problem(r, Text{Zh: "文件元数据中未发现隐式标识（AIGC 字段）", En: "no implicit label (AIGC field) in the file's metadata"})
		return
	}
	var lacking []string
	for _, name := range c.required {
		if strings.TrimSpace(r.Fields.Text(subFieldsOf[strings.ToLower(name)])) == "" {
			lacking = append(lacking, name)
		}
	}
	if len(lacking) > 0 {
		c.partial++
		l := strings.Join(lacking, ", ")
		c.b.problem(r, Text{Zh: "隐式标识缺少必备子字段：" + l, En: "the implicit label lacks the sub-fields " + l})
		return
	}
	if v := strings.TrimSpace(r.Fields.Text("aigc_label")); v != "" && !slices.Contains(labelValues, v) {
		c.b.unclearRecord(r, Text{Zh: fmt.Sprintf("Label 子字段为“%s”，不是 1、2 或 3", clip(v, 20)),
			En: fmt.Sprintf("the Label sub-field is %q, not 1, 2 or 3", clip(v, 20))})
	}
}

func (c *implicitLabel) passage(*Passage) {}

func (c *implicitLabel) finish(f *facts) Outcome {
	b := &c.b
	if b.checked == 0 {
		visual := slices.ContainsFunc(f.service.Modalities, func(m string) bool { return m == "image" || m == "video" })
		if len(f.service.Modalities) > 0 && !visual {
			return Outcome{Result: NotApplicable, Summary: Text{
				Zh: "案件记载服务不生成图片或视频，无需图片标识样本。",
				En: "The case records that the service generates neither images nor video: no image label samples are needed."}}
		}
		return Outcome{Result: InfoRequested, Summary: Text{
			Zh: "未提交生成图片的标识样本，无法核查隐式标识；请向提供者索取其服务生成的样本图片（" + labelClause.Zh + "）。",
			En: "No label samples (images the service generated) were submitted, so the implicit label cannot be checked; ask the provider for sample images (" + labelClause.En + ")."}}
	}
	o := b.outcome(Text{}, Text{}, Text{})
	zh := []string{fmt.Sprintf("已核查 %d 个标识样本", b.checked)}
	en := []string{fmt.Sprintf("%d label samples checked", b.checked)}
	if c.missing > 0 {
		names := c.names(func(fl Flag) bool { return !fl.Unclear && strings.HasPrefix(fl.Problem.En, "no implicit label") }, c.missing)
		zh = append(zh, fmt.Sprintf("%d 个未含隐式标识：%s", c.missing, names))
		en = append(en, fmt.Sprintf("%d without an implicit label: %s", c.missing, names))
	}
	if c.partial > 0 {
		names := c.names(func(fl Flag) bool { return !fl.Unclear && strings.HasPrefix(fl.Problem.En, "the implicit label lacks") }, c.partial)
		zh = append(zh, fmt.Sprintf("%d 个隐式标识缺少必备子字段（%s）：%s", c.partial, strings.Join(c.required, ", "), names))
		en = append(en, fmt.Sprintf("%d with a label lacking required sub-fields (%s): %s", c.partial, strings.Join(c.required, ", "), names))
	}
	if b.unclear > 0 {
		names := c.names(func(fl Flag) bool { return fl.Unclear }, b.unclear)
		zh = append(zh, fmt.Sprintf("%d 个信息不足、无法判断：%s", b.unclear, names))
		en = append(en, fmt.Sprintf("%d unclear (saying too little to judge): %s", b.unclear, names))
	}
	if b.problems+b.unclear == 0 {
		zh = append(zh, "均含隐式标识及必备子字段（"+strings.Join(c.required, ", ")+"）")
		en = append(en, "each carries the implicit label with the required sub-fields ("+strings.Join(c.required, ", ")+")")
	}
	o.Summary = Text{
		Zh: strings.Join(zh, "；") + "（" + labelClause.Zh + "）。",
		En: strings.Join(en, "; ") + " (" + labelClause.En + ").",
	}
	return o
}

// names lists up to ten flagged samples that keep, by name.
func (c *implicitLabel) names(keep func(Flag) bool, total int) string {
	const shown = 10
	var out []string
	for _, fl := range c.b.flags {
		if keep(fl) && len(out) < shown {
			out = append(out, fl.Record.Name())
		}
	}
	s := strings.Join(out, ", ")
	if total > len(out) {
		s += fmt.Sprintf(" … (+%d)", total-len(out))
	}
	return s
}
