package checks

import (
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app/checklist"
	"github.com/inspection-workbench/workbench/importers"
)

// rec builds a record of a kind with its identifier and fields, given as
// the importers store them.
func rec(kind, ref string, fields map[string]any) Record {
	data, err := json.Marshal(fields)
	if err != nil {
		panic(err)
	}
	f, err := importers.DecodeFields(workbench.Kind(kind), data)
	if err != nil {
		panic(err)
	}
	return Record{HitID: "rec-" + ref, Ref: ref, File: kind + ".csv", Kind: kind, Row: 2, Location: "line 2", Fields: f}
}

func ds(ref string, fields map[string]any) Record { return rec(kindDataSource, ref, fields) }
func qa(ref string, fields map[string]any) Record { return rec(kindAnnotation, ref, fields) }
func inc(ref string, fields map[string]any) Record {
	return rec(kindIncident, ref, fields)
}
func algo(fields map[string]any) Record { return rec(kindAlgorithm, "", fields) }

func records(rs ...Record) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		for _, r := range rs {
			if !yield(r, nil) {
				return
			}
		}
	}
}

// cleanSource is a data source every data-source check accepts.
func cleanSource(ref string) map[string]any {
	return map[string]any{"id": ref, "lawful_basis": "公开网页", "contains_personal_info": true, "pi_legal_basis": "已合法公开",
		"contains_copyrighted": false, "copyright_licence": "不适用", "harmful_share": 0.001, "sample_size": 1000.0}
}

func with(m map[string]any, kv ...any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == nil {
			delete(out, kv[i].(string))
		} else {
			out[kv[i].(string)] = kv[i+1]
		}
	}
	return out
}

func cleanBatch(ref string) map[string]any {
	return map[string]any{"batch": ref, "annotation_type": "functional", "training_given": true, "training_date": "2024-01-02",
		"sample_size": 500.0, "accuracy": 0.97}
}

func cleanIncident(ref, category string) map[string]any {
	m := map[string]any{"id": ref, "category": category, "found_at": "2024-03-01T10:00:00", "resolved_at": "2024-03-04T10:00:00",
		"description": "描述", "reported": true, "reported_at": "2024-03-01T12:00:00", "feedback_given": true}
	switch category {
	case "illegal_content":
		m["action"] = []any{"stop_generation", "eliminate"}
	case "user_illegal_activity":
		m["action"] = []any{"warn", "restrict"}
	default:
		m["action"] = []any{"none"}
	}
	return m
}

func cleanAlgorithm() map[string]any {
	return map[string]any{"model_name": "M", "base_model": "B", "base_model_filing_no": "BF-1", "filing_no": "AF-1",
		"content_labelling": "显式水印", "public_opinion": true, "complaint_time_limit": map[string]any{"value": 15.0, "unit": "working_days"}}
}

var visualService = Service{FilingNo: "AF-1", Modalities: []string{"text", "image"}, PublicOpinion: true}

type ruleCase struct {
	name    string
	check   string
	params  map[string]any
	service Service
	kinds   map[string]int
	records []Record
	texts   []Passage
	result  string
	flagged []string // the refs (or file names) flagged
	missing bool     // the flags are unclear
	unclear []string // the flags that are unclear, when missing does not say
	summary string   // a piece of the English summary
	problem string   // a piece of every flag's English problem
}

func runCase(t *testing.T, c ruleCase) Outcome {
	t.Helper()
	spec, ok := checklist.LookupCheck(c.check)
	if !ok {
		t.Fatalf("no check %s", c.check)
	}
	params := map[string]any{}
	for _, p := range spec.Params {
		params[p.Name] = p.Default
	}
	for k, v := range c.params {
		params[k] = v
	}
	kinds := c.kinds
	if kinds == nil {
		kinds = map[string]int{}
		for _, r := range c.records {
			kinds[r.Kind] = 1
		}
	}
	in := Input{Service: c.service, Kinds: kinds, Records: records(c.records...)}
	if c.texts != nil {
		in.Passages = func(yield func(Passage, error) bool) {
			for _, p := range c.texts {
				if !yield(p, nil) {
					return
				}
			}
		}
	}
	out, err := Run(in, []Ref{{Item: "item-1", Check: checklist.CheckRef{ID: c.check, Params: params}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 {
		t.Fatalf("%d outcomes", len(out))
	}
	return out[0]
}

func TestRules(t *testing.T) {
	d := checklist.CheckDataSourceLawfulBasis
	cases := []ruleCase{
		// Art. 7(1) lawful-source basis.
		{name: "lawful basis given", check: d, records: []Record{ds("DS-1", cleanSource("DS-1"))}, result: Compliant},
		{name: "lawful basis empty", check: d, records: []Record{ds("DS-1", cleanSource("DS-1")), ds("DS-2", with(cleanSource("DS-2"), "lawful_basis", nil))},
			result: NonCompliant, flagged: []string{"DS-2"}},
		{name: "lawful basis says none", check: d, records: []Record{ds("DS-3", with(cleanSource("DS-3"), "lawful_basis", "无"))},
			result: NonCompliant, flagged: []string{"DS-3"}},
		{name: "lawful basis still to come", check: d, records: []Record{ds("DS-3", with(cleanSource("DS-3"), "lawful_basis", "待补充"))},
			result: NonCompliant, flagged: []string{"DS-3"}},
		{name: "no sources", check: d, records: []Record{qa("B-1", cleanBatch("B-1"))}, result: InfoRequested},

		// Art. 7(2) copyright licence.
		{name: "copyright licensed", check: checklist.CheckCopyrightLicence,
			records: []Record{ds("DS-1", with(cleanSource("DS-1"), "contains_copyrighted", true, "copyright_licence", "CC BY 4.0"))}, result: Compliant},
		{name: "no copyrighted works", check: checklist.CheckCopyrightLicence, records: []Record{ds("DS-1", cleanSource("DS-1"))},
			result: Compliant, summary: "no training-data source contains copyrighted works"},
		{name: "copyright without licence", check: checklist.CheckCopyrightLicence,
			records: []Record{ds("DS-1", cleanSource("DS-1")), ds("DS-11", with(cleanSource("DS-11"), "contains_copyrighted", true, "copyright_licence", nil))},
			result:  NonCompliant, flagged: []string{"DS-11"}},
		// A table whose rows name no copyright licence, and no licence
		// either (no such column): the check cannot judge, and asks.
		{name: "copyright licence column absent", check: checklist.CheckCopyrightLicence,
			records: []Record{ds("DS-1", with(cleanSource("DS-1"), "copyright_licence", nil)), ds("DS-11", with(cleanSource("DS-11"), "contains_copyrighted", true, "copyright_licence", nil))},
			result:  InfoRequested, flagged: []string{"DS-11"}, missing: true, problem: "no row of its table names a copyright licence"},
		// A register with a copyright-licence column is read by it: the
		// data's terms of use do not stand in for a blank there.
		{name: "copyright licence blank beside the data's licence", check: checklist.CheckCopyrightLicence,
			records: []Record{ds("DS-1", cleanSource("DS-1")), ds("DS-11", with(cleanSource("DS-11"), "contains_copyrighted", true, "copyright_licence", nil, "licence", "数据集发布方使用条款"))},
			result:  NonCompliant, flagged: []string{"DS-11"}},
		// The licence the data is used under names the basis of the
		// copyrighted works in it in a register with no copyright-licence
		// column.
		{name: "copyright under the data's licence", check: checklist.CheckCopyrightLicence,
			records: []Record{ds("DS-13", with(cleanSource("DS-13"), "contains_copyrighted", true, "copyright_licence", nil, "licence", "与某报业集团签订数据授权合同"))},
			result:  Compliant},
		{name: "copyright, the data's licence says none", check: checklist.CheckCopyrightLicence,
			records: []Record{ds("DS-13", with(cleanSource("DS-13"), "contains_copyrighted", true, "copyright_licence", nil, "licence", "无"))},
			result:  NonCompliant, flagged: []string{"DS-13"}},
		// A register with no lawful-basis column at all: unclear, not a
		// problem in every row.
		{name: "lawful basis column absent", check: d,
			records: []Record{ds("DS-1", with(cleanSource("DS-1"), "lawful_basis", nil)), ds("DS-2", with(cleanSource("DS-2"), "lawful_basis", nil))},
			result:  InfoRequested, flagged: []string{"DS-1", "DS-2"}, missing: true, problem: "no row of its table states a lawful-source basis"},
		{name: "copyright licence not applicable", check: checklist.CheckCopyrightLicence,
			records: []Record{ds("DS-12", with(cleanSource("DS-12"), "contains_copyrighted", true))},
			result:  NonCompliant, flagged: []string{"DS-12"}},
		{name: "copyright not stated", check: checklist.CheckCopyrightLicence,
			records: []Record{ds("DS-1", cleanSource("DS-1")), ds("DS-5", with(cleanSource("DS-5"), "contains_copyrighted", nil))},
			result:  InfoRequested, flagged: []string{"DS-5"}, missing: true},

		// Art. 7(3) personal information.
		{name: "pi with basis", check: checklist.CheckPILegalBasis, records: []Record{ds("DS-1", cleanSource("DS-1"))}, result: Compliant},
		{name: "pi without basis", check: checklist.CheckPILegalBasis,
			records: []Record{ds("DS-1", cleanSource("DS-1")), ds("DS-7", with(cleanSource("DS-7"), "pi_legal_basis", nil))},
			result:  NonCompliant, flagged: []string{"DS-7"}},
		{name: "pi basis awaiting legal review", check: checklist.CheckPILegalBasis,
			records: []Record{ds("DS-14", with(cleanSource("DS-14"), "pi_legal_basis", "待法务确认"))}, result: NonCompliant, flagged: []string{"DS-14"}},
		{name: "pi basis of minors' data is a basis", check: checklist.CheckPILegalBasis,
			records: []Record{ds("DS-15", with(cleanSource("DS-15"), "pi_legal_basis", "未成年人信息经监护人同意"))}, result: Compliant},
		{name: "pi answer unreadable", check: checklist.CheckPILegalBasis,
			records: []Record{ds("DS-16", with(cleanSource("DS-16"), "contains_personal_info", "部分"))}, result: InfoRequested, flagged: []string{"DS-16"}, missing: true},
		{name: "copyright licence not obtained", check: checklist.CheckCopyrightLicence,
			records: []Record{ds("DS-5", with(cleanSource("DS-5"), "contains_copyrighted", true, "copyright_licence", "未单独取得授权"))}, result: NonCompliant, flagged: []string{"DS-5"}},
		{name: "no pi, basis not applicable", check: checklist.CheckPILegalBasis,
			records: []Record{ds("DS-2", with(cleanSource("DS-2"), "contains_personal_info", false, "pi_legal_basis", "不适用"))}, result: Compliant},

		// Art. 7(4) harmful share.
		{name: "share at threshold", check: checklist.CheckHarmfulShare, params: map[string]any{"max_share": 0.01},
			records: []Record{ds("DS-1", with(cleanSource("DS-1"), "harmful_share", 0.01))}, result: Compliant},
		{name: "share above threshold", check: checklist.CheckHarmfulShare, params: map[string]any{"max_share": 0.01},
			records: []Record{ds("DS-1", cleanSource("DS-1")), ds("DS-4", with(cleanSource("DS-4"), "harmful_share", 0.012))},
			result:  NonCompliant, flagged: []string{"DS-4"}, summary: "1 with a harmful share above 1.00%: DS-4"},
		// TC260-003 §5.1 a: above 5 % is a problem, 5 % itself is not.
		{name: "share above default threshold", check: checklist.CheckHarmfulShare,
			records: []Record{ds("DS-1", with(cleanSource("DS-1"), "harmful_share", 0.051))}, result: NonCompliant, flagged: []string{"DS-1"}},
		{name: "share at default threshold", check: checklist.CheckHarmfulShare,
			records: []Record{ds("DS-1", with(cleanSource("DS-1"), "harmful_share", 0.05))}, result: Compliant},
		{name: "share unreadable", check: checklist.CheckHarmfulShare,
			records: []Record{ds("DS-1", with(cleanSource("DS-1"), "harmful_share", "待统计"))}, result: InfoRequested, flagged: []string{"DS-1"}, missing: true},
		{name: "share unclear beside a problem", check: checklist.CheckHarmfulShare,
			records: []Record{ds("DS-1", with(cleanSource("DS-1"), "harmful_share", nil)), ds("DS-2", with(cleanSource("DS-2"), "harmful_share", 0.2))},
			result:  NonCompliant, flagged: []string{"DS-1", "DS-2"}, unclear: []string{"DS-1"},
			summary: "2 records checked, 1 with a harmful share above 5.00%: DS-2; 1 unclear (saying too little to judge): DS-1."},
		{name: "share not given", check: checklist.CheckHarmfulShare,
			records: []Record{ds("DS-9", with(cleanSource("DS-9"), "harmful_share", nil))}, result: InfoRequested, flagged: []string{"DS-9"}, missing: true},

		// Art. 7(1) base model filing.
		{name: "base model filed", check: checklist.CheckBaseModelFiling, records: []Record{algo(cleanAlgorithm())}, result: Compliant},
		{name: "base model filing in another record", check: checklist.CheckBaseModelFiling,
			records: []Record{algo(with(cleanAlgorithm(), "base_model_filing_no", nil)), algo(map[string]any{"base_model_filing_no": "BF-1"})},
			result:  Compliant},
		{name: "base model without filing", check: checklist.CheckBaseModelFiling,
			records: []Record{algo(with(cleanAlgorithm(), "base_model_filing_no", nil))}, result: NonCompliant, flagged: []string{"algorithm.csv line 2"}},
		{name: "base model not stated", check: checklist.CheckBaseModelFiling,
			records: []Record{algo(with(cleanAlgorithm(), "base_model", nil))}, result: InfoRequested},
		{name: "no base model", check: checklist.CheckBaseModelFiling,
			records: []Record{algo(with(cleanAlgorithm(), "base_model", "无", "base_model_filing_no", nil))}, result: NotApplicable},
		{name: "own model", check: checklist.CheckBaseModelFiling,
			records: []Record{algo(with(cleanAlgorithm(), "base_model", "无。本模型为本公司自研，未使用第三方基础模型", "base_model_filing_no", "不适用（自研模型）"))},
			result:  NotApplicable, summary: "built its own model"},
		{name: "fine-tuned on a base model is not its own", check: checklist.CheckBaseModelFiling,
			records: []Record{algo(with(cleanAlgorithm(), "base_model", "基于 Qwen2 自研微调", "base_model_filing_no", nil))},
			result:  NonCompliant, flagged: []string{"algorithm.csv line 2"}},
		{name: "no algorithm description", check: checklist.CheckBaseModelFiling, records: []Record{ds("DS-1", cleanSource("DS-1"))}, result: InfoRequested},

		// Art. 8 annotation rules, QA, training, safety annotation.
		{name: "annotation rules submitted", check: checklist.CheckAnnotationRules, kinds: map[string]int{kindAnnotation: 1}, result: Compliant},
		{name: "annotation rules missing", check: checklist.CheckAnnotationRules, kinds: map[string]int{kindDataSource: 1}, result: NonCompliant},
		{name: "nothing imported yet", check: checklist.CheckAnnotationRules, kinds: map[string]int{}, result: InfoRequested},
		{name: "qa sampled", check: checklist.CheckAnnotationQA, records: []Record{qa("B-1", cleanBatch("B-1"))}, result: Compliant},
		{name: "qa not sampled", check: checklist.CheckAnnotationQA,
			records: []Record{qa("B-1", cleanBatch("B-1")), qa("B-3", with(cleanBatch("B-3"), "sample_size", nil, "accuracy", nil))},
			result:  NonCompliant, flagged: []string{"B-3"}},
		{name: "qa accuracy too low", check: checklist.CheckAnnotationQA, params: map[string]any{"min_accuracy": 0.95},
			records: []Record{qa("B-4", with(cleanBatch("B-4"), "accuracy", 0.93))}, result: NonCompliant, flagged: []string{"B-4"}},
		// GB/T 45674-2025 §8.2: no accuracy figure for functional batches.
		{name: "functional accuracy not judged by default", check: checklist.CheckAnnotationQA,
			records: []Record{qa("B-4", with(cleanBatch("B-4"), "accuracy", 0.80))}, result: Compliant},
		// §8.3: a safety batch with more than 5 % failures is void.
		{name: "safety batch void", check: checklist.CheckAnnotationQA,
			records: []Record{qa("S-9", with(cleanBatch("S-9"), "annotation_type", "safety", "accuracy", 0.931))}, result: NonCompliant, flagged: []string{"S-9"}},
		{name: "safety batch at 95%", check: checklist.CheckAnnotationQA,
			records: []Record{qa("S-8", with(cleanBatch("S-8"), "annotation_type", "safety", "accuracy", 0.95))}, result: Compliant},
		{name: "safety batch without accuracy", check: checklist.CheckAnnotationQA,
			records: []Record{qa("S-7", with(cleanBatch("S-7"), "annotation_type", "safety", "accuracy", nil))}, result: InfoRequested, flagged: []string{"S-7"}, missing: true},
		{name: "batch of unknown type below the safety bar", check: checklist.CheckAnnotationQA,
			records: []Record{qa("X-1", with(cleanBatch("X-1"), "annotation_type", "混合", "accuracy", 0.9))}, result: InfoRequested, flagged: []string{"X-1"}, missing: true},
		{name: "sample of zero", check: checklist.CheckAnnotationQA,
			records: []Record{qa("B-6", with(cleanBatch("B-6"), "sample_size", 0.0, "accuracy", nil))}, result: NonCompliant, flagged: []string{"B-6"}},
		{name: "qa sample too small", check: checklist.CheckAnnotationQA, params: map[string]any{"min_sample_size": 1000},
			records: []Record{qa("B-5", cleanBatch("B-5"))}, result: NonCompliant, flagged: []string{"B-5"}},
		{name: "annotators trained", check: checklist.CheckAnnotatorTraining, records: []Record{qa("B-1", cleanBatch("B-1"))}, result: Compliant},
		{name: "annotators not trained", check: checklist.CheckAnnotatorTraining,
			records: []Record{qa("S-2", with(cleanBatch("S-2"), "training_given", false, "training_date", nil))}, result: NonCompliant, flagged: []string{"S-2"}},
		{name: "trained without date", check: checklist.CheckAnnotatorTraining,
			records: []Record{qa("S-3", with(cleanBatch("S-3"), "training_date", nil))}, result: NonCompliant, flagged: []string{"S-3"}},
		{name: "training not stated", check: checklist.CheckAnnotatorTraining,
			records: []Record{qa("S-4", with(cleanBatch("S-4"), "training_given", nil, "training_date", nil))}, result: InfoRequested, flagged: []string{"S-4"}, missing: true},
		{name: "safety batches", check: checklist.CheckSafetyAnnotation,
			records: []Record{qa("B-1", cleanBatch("B-1")), qa("S-1", with(cleanBatch("S-1"), "annotation_type", "safety"))}, result: Compliant},
		{name: "safety in the rules document", check: checklist.CheckSafetyAnnotation, kinds: map[string]int{kindAnnotation: 1},
			texts: []Passage{{Kind: kindAnnotation, File: "rules.docx", Location: "¶3", Text: "3.2 安全性标注"}}, result: Compliant},
		{name: "no safety annotation", check: checklist.CheckSafetyAnnotation,
			records: []Record{qa("B-1", cleanBatch("B-1"))}, texts: []Passage{{Kind: kindAnnotation, Text: "功能性标注"}}, result: NonCompliant},
		{name: "no annotation material", check: checklist.CheckSafetyAnnotation, kinds: map[string]int{}, result: InfoRequested},

		// Art. 11 ¶2 personal-information requests.
		{name: "requests handled", check: checklist.CheckPIRequestsHandled, records: []Record{inc("I-1", cleanIncident("I-1", "pi_request"))}, result: Compliant},
		// An inquiry in the same log is none of the regulated categories:
		// passed over, not unclear.
		{name: "inquiry passed over", check: checklist.CheckPIRequestsHandled,
			records: []Record{inc("I-1", cleanIncident("I-1", "pi_request")), inc("I-9", with(cleanIncident("I-9", "咨询建议"), "resolved_at", nil))}, result: Compliant},
		{name: "inquiry is no illegal content", check: checklist.CheckIllegalContentAction,
			records: []Record{inc("I-1", cleanIncident("I-1", "illegal_content")), inc("I-9", with(cleanIncident("I-9", "产品咨询"), "action", nil))}, result: Compliant},
		{name: "request unhandled", check: checklist.CheckPIRequestsHandled,
			records: []Record{inc("I-1", cleanIncident("I-1", "pi_request")), inc("I-2", with(cleanIncident("I-2", "pi_request"), "resolved_at", nil, "feedback_given", false))},
			result:  NonCompliant, flagged: []string{"I-2"}},
		{name: "request late", check: checklist.CheckPIRequestsHandled, params: map[string]any{"max_days": 15},
			records: []Record{inc("I-3", with(cleanIncident("I-3", "pi_request"), "resolved_at", "2024-03-17T10:00:01"))}, result: NonCompliant, flagged: []string{"I-3"}},
		{name: "request just in time", check: checklist.CheckPIRequestsHandled, params: map[string]any{"max_days": 15},
			records: []Record{inc("I-4", with(cleanIncident("I-4", "pi_request"), "resolved_at", "2024-03-16T10:00:00"))}, result: Compliant},
		{name: "request with dates only", check: checklist.CheckPIRequestsHandled, params: map[string]any{"max_days": 15},
			// The day of receipt does not count: the 15th day after it is in time.
			records: []Record{inc("I-5", with(cleanIncident("I-5", "pi_request"), "found_at", "2024-03-05", "resolved_at", "2024-03-20T23:00:00"))},
			result:  Compliant},
		{name: "request resolved before receipt", check: checklist.CheckPIRequestsHandled,
			records: []Record{inc("I-6", with(cleanIncident("I-6", "pi_request"), "resolved_at", "2024-02-20T10:00:00"))},
			result:  InfoRequested, flagged: []string{"I-6"}, missing: true},
		{name: "request without receipt time", check: checklist.CheckPIRequestsHandled,
			records: []Record{inc("I-7", with(cleanIncident("I-7", "pi_request"), "found_at", nil))},
			result:  InfoRequested, flagged: []string{"I-7"}, missing: true},
		{name: "no requests", check: checklist.CheckPIRequestsHandled, records: []Record{inc("I-1", cleanIncident("I-1", "complaint"))}, result: InfoRequested},

		// Art. 12 content labelling.
		{name: "images labelled", check: checklist.CheckImplicitLabel, records: []Record{sample("a.png", fullLabel)}, result: Compliant},
		{name: "image unlabelled", check: checklist.CheckImplicitLabel, records: []Record{sample("b.png", map[string]any{"format": "png", "implicit_label": false})},
			result: NonCompliant, flagged: []string{"b.png"}},
		{name: "labelling described", check: checklist.CheckContentLabelling, service: visualService, records: []Record{algo(cleanAlgorithm())}, result: Compliant},
		{name: "labelling missing", check: checklist.CheckContentLabelling, service: visualService,
			records: []Record{algo(with(cleanAlgorithm(), "content_labelling", nil))}, result: NonCompliant, flagged: []string{"algorithm.csv line 2"}},
		{name: "text only service", check: checklist.CheckContentLabelling, service: Service{Modalities: []string{"text"}},
			records: []Record{algo(with(cleanAlgorithm(), "content_labelling", nil))}, result: NotApplicable},

		// Art. 14 ¶1 illegal content.
		{name: "illegal content stopped", check: checklist.CheckIllegalContentAction,
			records: []Record{inc("I-1", cleanIncident("I-1", "illegal_content"))}, result: Compliant},
		{name: "illegal content only warned", check: checklist.CheckIllegalContentAction,
			records: []Record{inc("I-2", with(cleanIncident("I-2", "illegal_content"), "action", []any{"warn"})), inc("I-3", cleanIncident("I-3", "complaint"))},
			result:  NonCompliant, flagged: []string{"I-2"}, summary: "1 not stopped or eliminated: I-2"},
		{name: "illegal content without action", check: checklist.CheckIllegalContentAction,
			records: []Record{inc("I-4", with(cleanIncident("I-4", "illegal_content"), "action", nil))}, result: NonCompliant, flagged: []string{"I-4"}},
		{name: "illegal content reported", check: checklist.CheckIllegalContentReport,
			records: []Record{inc("I-1", cleanIncident("I-1", "illegal_content"))}, result: Compliant},
		{name: "illegal content not reported", check: checklist.CheckIllegalContentReport,
			records: []Record{inc("I-5", with(cleanIncident("I-5", "illegal_content"), "reported", false, "reported_at", nil))}, result: NonCompliant, flagged: []string{"I-5"}},
		{name: "illegal content reported without time", check: checklist.CheckIllegalContentReport,
			records: []Record{inc("I-6", with(cleanIncident("I-6", "illegal_content"), "reported_at", nil))}, result: NonCompliant, flagged: []string{"I-6"}},

		{name: "illegal content reported before found", check: checklist.CheckIllegalContentReport,
			records: []Record{inc("I-7", with(cleanIncident("I-7", "illegal_content"), "reported_at", "2024-02-01T12:00:00"))},
			result:  InfoRequested, flagged: []string{"I-7"}, missing: true},

		// Art. 14 ¶2 user illegal activity.
		{name: "user activity handled", check: checklist.CheckUserIllegalActivity,
			records: []Record{inc("I-1", cleanIncident("I-1", "user_illegal_activity"))}, result: Compliant},
		{name: "user activity without action", check: checklist.CheckUserIllegalActivity,
			records: []Record{inc("I-7", with(cleanIncident("I-7", "user_illegal_activity"), "action", nil))}, result: NonCompliant, flagged: []string{"I-7"}},
		{name: "user activity not reported", check: checklist.CheckUserIllegalActivity,
			records: []Record{inc("I-8", with(cleanIncident("I-8", "user_illegal_activity"), "reported", false))}, result: NonCompliant, flagged: []string{"I-8"}},
		{name: "user activity not recorded", check: checklist.CheckUserIllegalActivity,
			records: []Record{inc("I-9", with(cleanIncident("I-9", "user_illegal_activity"), "description", nil))}, result: NonCompliant, flagged: []string{"I-9"}},

		// Art. 15 complaints.
		{name: "complaints in time", check: checklist.CheckComplaintTimeLimit, records: []Record{algo(cleanAlgorithm()), inc("C-1", cleanIncident("C-1", "complaint"))},
			result: Compliant, summary: "15 working days"},
		{name: "complaint beyond published working days", check: checklist.CheckComplaintTimeLimit,
			// Friday 2024-03-01 to Monday 2024-03-25: 24 calendar days, 16 working days.
			records: []Record{algo(cleanAlgorithm()), inc("C-2", with(cleanIncident("C-2", "complaint"), "resolved_at", "2024-03-25T09:00:00"))},
			result:  NonCompliant, flagged: []string{"C-2"}},
		{name: "complaint within published working days", check: checklist.CheckComplaintTimeLimit, params: map[string]any{"default_days": 5},
			// Friday 2024-03-01 to Friday 2024-03-22: 21 calendar days, 15 working days.
			records: []Record{algo(cleanAlgorithm()), inc("C-3", with(cleanIncident("C-3", "complaint"), "resolved_at", "2024-03-22T18:00:00"))},
			result:  Compliant},
		{name: "complaint beyond template days", check: checklist.CheckComplaintTimeLimit, params: map[string]any{"default_days": 5},
			records: []Record{inc("C-4", with(cleanIncident("C-4", "complaint"), "resolved_at", "2024-03-07T10:00:00"))},
			result:  NonCompliant, flagged: []string{"C-4"}, summary: "the template's default limit"},
		{name: "complaint published in hours", check: checklist.CheckComplaintTimeLimit,
			records: []Record{algo(with(cleanAlgorithm(), "complaint_time_limit", map[string]any{"value": 48.0, "unit": "hours"})),
				inc("C-5", cleanIncident("C-5", "complaint"))},
			result: NonCompliant, flagged: []string{"C-5"}},
		{name: "complaint resolved before receipt", check: checklist.CheckComplaintTimeLimit,
			records: []Record{inc("C-8", with(cleanIncident("C-8", "complaint"), "resolved_at", "2024-02-28T10:00:00"))},
			result:  InfoRequested, flagged: []string{"C-8"}, missing: true},
		{name: "complaint unresolved", check: checklist.CheckComplaintTimeLimit,
			records: []Record{inc("C-6", with(cleanIncident("C-6", "complaint"), "resolved_at", nil))}, result: NonCompliant, flagged: []string{"C-6"}},
		{name: "complaint not answered", check: checklist.CheckComplaintTimeLimit,
			records: []Record{inc("C-7", with(cleanIncident("C-7", "complaint"), "feedback_given", false))}, result: NonCompliant, flagged: []string{"C-7"}},

		// Art. 17 algorithm filing.
		{name: "filed", check: checklist.CheckAlgorithmFiling, service: visualService, result: Compliant},
		{name: "filing number in the submission", check: checklist.CheckAlgorithmFiling, service: Service{PublicOpinion: true},
			records: []Record{algo(cleanAlgorithm())}, result: Compliant},
		{name: "public opinion without filing", check: checklist.CheckAlgorithmFiling, service: Service{PublicOpinion: true},
			records: []Record{algo(with(cleanAlgorithm(), "filing_no", nil))}, result: NonCompliant, flagged: []string{"algorithm.csv line 2"}},
		{name: "public opinion stated only by the provider", check: checklist.CheckAlgorithmFiling,
			records: []Record{algo(with(cleanAlgorithm(), "filing_no", "无"))}, result: NonCompliant, flagged: []string{"algorithm.csv line 2"}},
		{name: "no public opinion", check: checklist.CheckAlgorithmFiling,
			records: []Record{algo(with(cleanAlgorithm(), "filing_no", nil, "public_opinion", false))}, result: NotApplicable},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := runCase(t, c)
			if o.Result != c.result {
				t.Errorf("result %s, want %s (%s)", o.Result, c.result, o.Summary.En)
			}
			var got []string
			for _, f := range o.Flags {
				got = append(got, f.Record.Name())
				want := c.missing || slices.Contains(c.unclear, f.Record.Name())
				if f.Unclear != want {
					t.Errorf("%s: unclear %v, want %v", f.Record.Name(), f.Unclear, want)
				}
				if f.Problem.Zh == "" || f.Problem.En == "" {
					t.Errorf("%s: problem not given in both languages: %+v", f.Record.Name(), f.Problem)
				}
				if !strings.Contains(f.Problem.En, c.problem) {
					t.Errorf("%s: problem %q lacks %q", f.Record.Name(), f.Problem.En, c.problem)
				}
			}
			if !slices.Equal(got, c.flagged) {
				t.Errorf("flagged %q, want %q", got, c.flagged)
			}
			if o.Flagged != len(o.Flags) || o.Problems+o.Unclear != o.Flagged {
				t.Errorf("Flagged %d (%d problems, %d unclear), but %d flags", o.Flagged, o.Problems, o.Unclear, len(o.Flags))
			}
			if !strings.Contains(o.Summary.En, c.summary) || o.Summary.Zh == "" {
				t.Errorf("summary %+v lacks %q", o.Summary, c.summary)
			}
			if o.Rule != c.check || o.Item != "item-1" || o.Article.Article == 0 {
				t.Errorf("outcome names %s/%s %v", o.Item, o.Rule, o.Article)
			}
		})
		if c.result == NonCompliant {
			covered[c.check+"+"] = true
		} else {
			covered[c.check+"-"] = true
		}
	}
	for _, spec := range checklist.Checks() {
		if newSafetyRule(checklist.CheckRef{ID: spec.ID}) != nil {
			continue // at, under and over each figure in safety_test.go
		}
		if !covered[spec.ID+"+"] || !covered[spec.ID+"-"] {
			t.Errorf("check %s lacks a positive or a negative case", spec.ID)
		}
	}
}

func TestWorkingDays(t *testing.T) {
	at := func(s string) time.Time { t0, _ := time.Parse("2006-01-02", s); return t0 }
	for _, c := range []struct {
		from string
		days int
		want int
	}{
		{"2024-03-01", 0, 0},   // same day
		{"2024-03-01", 3, 1},   // Friday to Monday
		{"2024-03-01", 7, 5},   // a week
		{"2024-03-02", 1, 0},   // a weekend
		{"2024-03-01", 21, 15}, // Friday 1 to Friday 22 March
	} {
		if got := workingDays(at(c.from), c.days); got != c.want {
			t.Errorf("workingDays(%s, %d) = %d, want %d", c.from, c.days, got, c.want)
		}
	}
}

func TestRunSharesRulesAndStopsOnErrors(t *testing.T) {
	refs := []Ref{
		{Item: "a", Check: checklist.CheckRef{ID: checklist.CheckDataSourceLawfulBasis}},
		{Item: "b", Check: checklist.CheckRef{ID: checklist.CheckDataSourceLawfulBasis}},
	}
	out, err := Run(Input{Records: records(ds("DS-2", map[string]any{}))}, refs)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[0].Item != "a" || out[1].Item != "b" || out[0].Flagged != 1 || out[1].Flagged != 1 {
		t.Fatalf("outcomes %+v", out)
	}
	boom := errors.New("disk gone")
	_, err = Run(Input{Records: func(yield func(Record, error) bool) { yield(Record{}, boom) }}, refs)
	if !errors.Is(err, boom) {
		t.Errorf("a failing record source gives %v", err)
	}
	late := records(inc("I-1", cleanIncident("I-1", "complaint")), algo(cleanAlgorithm()))
	if _, err := Run(Input{Records: late}, refs); err == nil || !strings.Contains(err.Error(), "must come first") {
		t.Errorf("an algorithm record after the others gives %v", err)
	}
	if _, err := Run(Input{}, []Ref{{Item: "x", Check: checklist.CheckRef{ID: "no_such_check"}}}); err == nil || !strings.Contains(err.Error(), "no_such_check") {
		t.Errorf("an unknown check gives %v", err)
	}
}

func TestFlagsAreBounded(t *testing.T) {
	var rs []Record
	for i := 0; i < MaxFlags+5; i++ {
		rs = append(rs, ds("DS", map[string]any{}))
	}
	out, err := Run(Input{Records: records(rs...)}, []Ref{{Item: "a", Check: checklist.CheckRef{ID: checklist.CheckDataSourceLawfulBasis}}})
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Flagged != MaxFlags+5 || len(out[0].Flags) != MaxFlags {
		t.Errorf("flagged %d, listed %d", out[0].Flagged, len(out[0].Flags))
	}
}

// TestTimePrecision: every comparison and duration works at the coarser
// precision of its two times. Dates against date-times in both orders, the
// same day, the day before and after, zones given and not, and the
// calendar-day, working-day and hour limits.
func TestTimePrecision(t *testing.T) {
	limit := func(v float64, unit string) []Record {
		return []Record{algo(with(cleanAlgorithm(), "complaint_time_limit", map[string]any{"value": v, "unit": unit}))}
	}
	const (
		report   = checklist.CheckIllegalContentReport
		pi       = checklist.CheckPIRequestsHandled
		complain = checklist.CheckComplaintTimeLimit
	)
	for _, tc := range []struct {
		name         string
		check        string
		facts        []Record // algorithm key facts (the published limit)
		found        string
		field, value string
		result       string // compliant, non_compliant or info_requested (unclear)
	}{
		// Reports against the time found.
		{"report date on the day found at noon", report, nil, "2024-06-06T12:00", "reported_at", "2024-06-06", Compliant},
		{"report time on the day found (date only)", report, nil, "2024-06-06", "reported_at", "2024-06-06T08:00", Compliant},
		{"report date the day before", report, nil, "2024-06-06T12:00", "reported_at", "2024-06-05", InfoRequested},
		{"report time the day before a found date", report, nil, "2024-06-06", "reported_at", "2024-06-05T23:59", InfoRequested},
		{"report date the day after", report, nil, "2024-06-06T12:00", "reported_at", "2024-06-07", Compliant},
		{"report minutes before, to the minute", report, nil, "2024-06-06T12:00:30", "reported_at", "2024-06-06T12:00", Compliant},
		{"report a minute before", report, nil, "2024-06-06T12:00:30", "reported_at", "2024-06-06T11:59", InfoRequested},
		{"report midnight reads as the day", report, nil, "2024-06-06T14:20:00", "reported_at", "2024-06-06T00:00:00", Compliant},
		{"zone: UTC found, China report earlier", report, nil, "2024-06-06T23:30:00Z", "reported_at", "2024-06-07T07:00", InfoRequested},
		{"zone: UTC found, China report date same day", report, nil, "2024-06-06T23:30:00Z", "reported_at", "2024-06-07", Compliant},
		{"zone: China found, UTC report later", report, nil, "2024-06-06T12:00+08:00", "reported_at", "2024-06-06T05:00:00Z", Compliant},
		{"zone: China found, UTC report earlier", report, nil, "2024-06-06T12:00+08:00", "reported_at", "2024-06-06T03:00:00Z", InfoRequested},

		// Personal-information requests: 30 calendar days, the default.
		{"request resolved the day received (date only)", pi, nil, "2024-06-06T14:20", "resolved_at", "2024-06-06", Compliant},
		{"request resolved on the 30th day", pi, nil, "2024-06-06T14:20", "resolved_at", "2024-07-06", Compliant},
		{"request resolved on the 31st day", pi, nil, "2024-06-06T14:20", "resolved_at", "2024-07-07", NonCompliant},
		{"request resolved the day before it came", pi, nil, "2024-06-06", "resolved_at", "2024-06-05T10:00", InfoRequested},
		{"request date-time against a later date-time", pi, nil, "2024-06-06", "resolved_at", "2024-06-21T23:00", Compliant},

		// Complaints: the provider's 7 working days (Friday 7 June 2024).
		{"complaint on the 7th working day", complain, limit(7, "working_days"), "2024-06-07T16:00", "resolved_at", "2024-06-18", Compliant},
		{"complaint on the 8th working day", complain, limit(7, "working_days"), "2024-06-07T16:00", "resolved_at", "2024-06-19", NonCompliant},
		{"complaint resolved the same day", complain, limit(7, "working_days"), "2024-06-07T16:00", "resolved_at", "2024-06-07", Compliant},
		// The template's default of 15 calendar days.
		{"complaint on the 15th calendar day", complain, nil, "2024-06-06T23:59", "resolved_at", "2024-06-21", Compliant},
		{"complaint on the 16th calendar day", complain, nil, "2024-06-06T23:59", "resolved_at", "2024-06-22", NonCompliant},
		// 48 hours: a date may or may not be in time.
		{"complaint in hours, next day's date", complain, limit(48, "hours"), "2024-06-06T14:20", "resolved_at", "2024-06-07", Compliant},
		{"complaint in hours, date two days on", complain, limit(48, "hours"), "2024-06-06T14:20", "resolved_at", "2024-06-08", InfoRequested},
		{"complaint in hours, date three days on", complain, limit(48, "hours"), "2024-06-06T14:20", "resolved_at", "2024-06-09", NonCompliant},
		{"complaint in hours, 48h40m", complain, limit(48, "hours"), "2024-06-06T14:20", "resolved_at", "2024-06-08T15:00", NonCompliant},
		{"complaint in hours, 47h", complain, limit(48, "hours"), "2024-06-06T14:20", "resolved_at", "2024-06-08T13:20", Compliant},
	} {
		t.Run(tc.name, func(t *testing.T) {
			category := map[string]string{report: "illegal_content", pi: "pi_request", complain: "complaint"}[tc.check]
			r := inc("I-1", with(cleanIncident("I-1", category), "found_at", tc.found, tc.field, tc.value))
			o := runCase(t, ruleCase{check: tc.check, records: append(tc.facts, r)})
			if o.Result != tc.result {
				t.Errorf("found %s, %s %s: %s, want %s (%s)", tc.found, tc.field, tc.value, o.Result, tc.result, o.Summary.En)
			}
			if tc.result == InfoRequested && (o.Unclear != 1 || o.Problems != 0) {
				t.Errorf("%d problems, %d unclear; want the record unclear", o.Problems, o.Unclear)
			}
		})
	}
}

// TestUnclassifiedRecordsAreUnclear: a value outside a vocabulary is never
// skipped silently; every check that reads the field lists the record as
// unclear.
func TestUnclassifiedRecordsAreUnclear(t *testing.T) {
	odd := inc("I-9", with(cleanIncident("I-9", "complaint"), "category", "舆情线索"))
	empty := inc("I-8", with(cleanIncident("I-8", "complaint"), "category", nil))
	for _, check := range []string{checklist.CheckIllegalContentAction, checklist.CheckIllegalContentReport, checklist.CheckUserIllegalActivity,
		checklist.CheckComplaintTimeLimit, checklist.CheckPIRequestsHandled} {
		o := runCase(t, ruleCase{check: check, records: []Record{odd, empty}})
		if o.Result != InfoRequested || o.Unclear != 2 || o.Problems != 0 || o.Checked != 2 {
			t.Errorf("%s: %s with %d unclear, %d problems, %d checked: %s", check, o.Result, o.Unclear, o.Problems, o.Checked, o.Summary.En)
		}
		if len(o.Flags) != 2 || !strings.Contains(o.Flags[0].Problem.Zh, "舆情线索") || !strings.Contains(o.Summary.En, "2 unclear") {
			t.Errorf("%s: flags %+v, summary %q", check, o.Flags, o.Summary.En)
		}
	}
	// An action outside the vocabulary cannot be judged either.
	for _, c := range []struct {
		check, category string
		action          []any
	}{
		{checklist.CheckIllegalContentAction, "illegal_content", []any{"转策略组评估"}},
		{checklist.CheckUserIllegalActivity, "user_illegal_activity", []any{"约谈"}},
	} {
		o := runCase(t, ruleCase{check: c.check, records: []Record{inc("I-7", with(cleanIncident("I-7", c.category), "action", c.action))}})
		if o.Result != InfoRequested || o.Unclear != 1 {
			t.Errorf("%s with action %v: %s (%s)", c.check, c.action, o.Result, o.Summary.En)
		}
	}
	// A known action beside an unknown one decides.
	o := runCase(t, ruleCase{check: checklist.CheckIllegalContentAction,
		records: []Record{inc("I-6", with(cleanIncident("I-6", "illegal_content"), "action", []any{"转策略组评估", "stop_generation"}))}})
	if o.Result != Compliant {
		t.Errorf("a stop action beside an unknown one: %s", o.Result)
	}
	// Unknown annotation types: the safety-annotation check cannot tell.
	o = runCase(t, ruleCase{check: checklist.CheckSafetyAnnotation, kinds: map[string]int{kindAnnotation: 1},
		records: []Record{qa("B-1", cleanBatch("B-1")), qa("B-2", with(cleanBatch("B-2"), "annotation_type", "红队标注"))}})
	if o.Result != InfoRequested || o.Unclear != 1 {
		t.Errorf("unknown annotation type: %s (%s)", o.Result, o.Summary.En)
	}
}

// TestLabellingUsesDeclaredContent: what the provider's key facts say the
// service generates counts beside the case's modalities, and a
// disagreement is said.
func TestLabellingUsesDeclaredContent(t *testing.T) {
	textOnly := Service{Modalities: []string{"text"}}
	facts := with(cleanAlgorithm(), "generates", []any{"text", "image"}, "content_labelling", nil)
	o := runCase(t, ruleCase{check: checklist.CheckContentLabelling, service: textOnly, records: []Record{algo(facts)}})
	if o.Result != NonCompliant || !strings.Contains(o.Summary.En, "disagree") || !strings.Contains(o.Summary.Zh, "不一致") {
		t.Errorf("declared images, no labelling: %s (%s)", o.Result, o.Summary.En)
	}
	o = runCase(t, ruleCase{check: checklist.CheckContentLabelling, service: textOnly, records: []Record{algo(with(facts, "content_labelling", "显式水印+元数据隐式标识"))}})
	if o.Result != Compliant || !strings.Contains(o.Summary.En, "disagree") {
		t.Errorf("declared images, labelling described: %s (%s)", o.Result, o.Summary.En)
	}
	// Labelling described in the algorithm description's text.
	o = runCase(t, ruleCase{check: checklist.CheckContentLabelling, service: visualService, records: []Record{algo(with(cleanAlgorithm(), "content_labelling", nil))},
		texts: []Passage{{Kind: kindAlgorithm, File: "algo.pdf", Location: "page 3", Text: "生成的图片均添加显式标识和隐式标识"}}})
	if o.Result != Compliant || !strings.Contains(o.Summary.En, "algo.pdf (page 3)") {
		t.Errorf("labelling in the description: %s (%s)", o.Result, o.Summary.En)
	}
	// 去标识化 (de-identification) is not labelling.
	o = runCase(t, ruleCase{check: checklist.CheckContentLabelling, service: visualService, records: []Record{algo(with(cleanAlgorithm(), "content_labelling", nil))},
		texts: []Passage{{Kind: kindAlgorithm, File: "algo.pdf", Location: "page 2", Text: "训练数据经去标识化处理"}}})
	if o.Result != NonCompliant {
		t.Errorf("去标识化 read as labelling: %s (%s)", o.Result, o.Summary.En)
	}
	// Agreement is not remarked on.
	o = runCase(t, ruleCase{check: checklist.CheckContentLabelling, service: visualService, records: []Record{algo(with(cleanAlgorithm(), "generates", []any{"image", "text"}))}})
	if o.Result != Compliant || strings.Contains(o.Summary.En, "disagree") {
		t.Errorf("agreement: %s (%s)", o.Result, o.Summary.En)
	}
}

// TestFoundInReview covers what a review of the checks found: coarse
// times, unreadable values and huge limits are judged, not passed.
func TestFoundInReview(t *testing.T) {
	for _, c := range []ruleCase{
		{name: "request with months only", check: checklist.CheckPIRequestsHandled,
			records: []Record{inc("I-1", with(cleanIncident("I-1", "pi_request"), "found_at", "2024-01", "resolved_at", "2024-09"))},
			result:  InfoRequested, flagged: []string{"I-1"}, missing: true},
		{name: "request answer unreadable", check: checklist.CheckPIRequestsHandled,
			records: []Record{inc("I-2", with(cleanIncident("I-2", "pi_request"), "feedback_given", "电话沟通中"))},
			result:  InfoRequested, flagged: []string{"I-2"}, missing: true},
		{name: "complaint answer unreadable", check: checklist.CheckComplaintTimeLimit,
			records: []Record{inc("C-1", with(cleanIncident("C-1", "complaint"), "feedback_given", "电话沟通中"))},
			result:  InfoRequested, flagged: []string{"C-1"}, missing: true},
		{name: "accuracy unreadable, no sample size", check: checklist.CheckAnnotationQA,
			records: []Record{qa("B-1", with(cleanBatch("B-1"), "sample_size", nil, "accuracy", "约九成"))},
			result:  InfoRequested, flagged: []string{"B-1"}, missing: true},
		{name: "functional without accuracy when a bar is set", check: checklist.CheckAnnotationQA, params: map[string]any{"min_accuracy": 0.9},
			records: []Record{qa("B-2", with(cleanBatch("B-2"), "accuracy", nil))},
			result:  InfoRequested, flagged: []string{"B-2"}, missing: true},
		{name: "a huge published limit in hours", check: checklist.CheckComplaintTimeLimit,
			records: []Record{algo(with(cleanAlgorithm(), "complaint_time_limit", map[string]any{"value": 1e300, "unit": "hours"})),
				inc("C-2", cleanIncident("C-2", "complaint"))},
			result: Compliant},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := runCase(t, c)
			if o.Result != c.result || len(o.Flags) != len(c.flagged) {
				t.Errorf("%s with %d flags (%s), want %s with %v", o.Result, len(o.Flags), o.Summary.En, c.result, c.flagged)
			}
			for _, f := range o.Flags {
				if f.Unclear != c.missing {
					t.Errorf("%s: unclear %v", f.Record.Name(), f.Unclear)
				}
			}
		})
	}
}

// Records sharing a name (a source's id on its record and on the rows
// checking it) are told apart by file and place; a record without an id is
// named by its place, in each language; beyond ten, how many more.
func TestListNames(t *testing.T) {
	flags := []Flag{
		{Record: Record{Ref: "YL-03", File: "checks.xlsx", Location: `sheet "抽检", row 6`}},
		{Record: Record{Ref: "YL-03", File: "sources.xlsx", Location: "row 5"}},
		{Record: Record{Ref: "YL-04", File: "sources.xlsx", Location: "row 6"}},
		{Record: Record{File: "log.csv", Location: "line 9"}},
		{Record: Record{Ref: "X", File: "log.csv", Location: "line 10"}, Unclear: true},
	}
	got := listNames(flags, false, 4)
	wantEn := `YL-03 (checks.xlsx sheet "抽检", row 6), YL-03 (sources.xlsx row 5), YL-04, log.csv line 9`
	if got.En != wantEn {
		t.Errorf("en %q\nwant %q", got.En, wantEn)
	}
	for _, w := range []string{"YL-03（checks.xlsx ", "YL-03（sources.xlsx ", "、YL-04、log.csv "} {
		if !strings.Contains(got.Zh, w) {
			t.Errorf("zh %q lacks %q", got.Zh, w)
		}
	}
	if strings.Contains(got.Zh, "row") || strings.Contains(got.Zh, "line") {
		t.Errorf("zh %q has English places", got.Zh)
	}
	var many []Flag
	for i := range 12 {
		many = append(many, Flag{Record: Record{Ref: fmt.Sprintf("B-%d", i)}})
	}
	if got := listNames(many, false, 12); !strings.HasSuffix(got.En, "B-9 … (+2)") || !strings.HasSuffix(got.Zh, "B-9 …（另 2 条）") {
		t.Errorf("twelve: %+v", got)
	}
}

// English counts agree with their number: one record, two records; a
// phrase that opens with no plural noun is kept.
func TestNEn(t *testing.T) {
	for _, tc := range []struct {
		n        int
		in, want string
	}{
		{1, "records with a problem", "1 record with a problem"},
		{2, "records with a problem", "2 records with a problem"},
		{0, "records checked", "0 records checked"},
		{1, "risks not covered", "1 risk not covered"},
		{1, "batches checked", "1 batch checked"},
		{1, "categories", "1 category"},
		{1, "requests not handled in time", "1 request not handled in time"},
		{1, "without trained annotators", "1 without trained annotators"},
		{1, "not adequately verified or void", "1 not adequately verified or void"},
	} {
		if got := nEn(tc.n, tc.in); got != tc.want {
			t.Errorf("nEn(%d, %q) = %q, want %q", tc.n, tc.in, got, tc.want)
		}
	}
}
