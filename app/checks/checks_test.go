package checks

import (
	"errors"
	"iter"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/inspection-workbench/workbench/app/checklist"
)

// rec builds a record of a kind with its identifier and fields.
func rec(kind, ref string, fields map[string]any) Record {
	return Record{HitID: "rec-" + ref, Ref: ref, File: kind + ".csv", Kind: kind, Row: 2, Location: "line 2", Fields: fields}
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
	missing bool     // the flags are Missing
	summary string   // a piece of the English summary
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
		{name: "no sources", check: d, records: []Record{qa("B-1", cleanBatch("B-1"))}, result: InfoRequested},

		// Art. 7(2) copyright licence.
		{name: "copyright licensed", check: checklist.CheckCopyrightLicence,
			records: []Record{ds("DS-1", with(cleanSource("DS-1"), "contains_copyrighted", true, "copyright_licence", "CC BY 4.0"))}, result: Compliant},
		{name: "no copyrighted works", check: checklist.CheckCopyrightLicence, records: []Record{ds("DS-1", cleanSource("DS-1"))},
			result: Compliant, summary: "no training-data source contains copyrighted works"},
		{name: "copyright without licence", check: checklist.CheckCopyrightLicence,
			records: []Record{ds("DS-11", with(cleanSource("DS-11"), "contains_copyrighted", true, "copyright_licence", nil))},
			result:  NonCompliant, flagged: []string{"DS-11"}},
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
		{name: "no pi, basis not applicable", check: checklist.CheckPILegalBasis,
			records: []Record{ds("DS-2", with(cleanSource("DS-2"), "contains_personal_info", false, "pi_legal_basis", "不适用"))}, result: Compliant},

		// Art. 7(4) harmful share.
		{name: "share at threshold", check: checklist.CheckHarmfulShare, params: map[string]any{"max_share": 0.01},
			records: []Record{ds("DS-1", with(cleanSource("DS-1"), "harmful_share", 0.01))}, result: Compliant},
		{name: "share above threshold", check: checklist.CheckHarmfulShare, params: map[string]any{"max_share": 0.01},
			records: []Record{ds("DS-1", cleanSource("DS-1")), ds("DS-4", with(cleanSource("DS-4"), "harmful_share", 0.012))},
			result:  NonCompliant, flagged: []string{"DS-4"}, summary: "1 with a harmful share above 1.00% or none given: DS-4"},
		{name: "share above default threshold", check: checklist.CheckHarmfulShare,
			records: []Record{ds("DS-1", with(cleanSource("DS-1"), "harmful_share", 0.002))}, result: NonCompliant, flagged: []string{"DS-1"}},
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
				if f.Missing != c.missing {
					t.Errorf("%s: missing %v, want %v", f.Record.Name(), f.Missing, c.missing)
				}
				if f.Problem.Zh == "" || f.Problem.En == "" {
					t.Errorf("%s: problem not given in both languages: %+v", f.Record.Name(), f.Problem)
				}
			}
			if !slices.Equal(got, c.flagged) {
				t.Errorf("flagged %q, want %q", got, c.flagged)
			}
			if o.Flagged != len(o.Flags) {
				t.Errorf("Flagged %d, but %d flags", o.Flagged, len(o.Flags))
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
		if !covered[spec.ID+"+"] || !covered[spec.ID+"-"] {
			t.Errorf("check %s lacks a positive or a negative case", spec.ID)
		}
	}
}

func TestWorkingDays(t *testing.T) {
	at := func(s string) time.Time { t0, _ := time.Parse("2006-01-02", s); return t0 }
	for _, c := range []struct {
		from, to string
		want     int
	}{
		{"2024-03-01", "2024-03-01", 0}, // same day
		{"2024-03-01", "2024-03-04", 1}, // Friday to Monday
		{"2024-03-01", "2024-03-08", 5}, // a week
		{"2024-03-02", "2024-03-03", 0}, // a weekend
		{"2024-03-01", "2024-03-22", 15},
	} {
		if got := workingDays(at(c.from), at(c.to)); got != c.want {
			t.Errorf("workingDays(%s, %s) = %d, want %d", c.from, c.to, got, c.want)
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
