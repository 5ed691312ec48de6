package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The second, independently written safety-testing sample
// (testdata/sample2/safety) imports with the received date of its
// expected.json, and the checks of both templates find exactly the
// failed thresholds expected.json lists, with its figures — the safety
// annotation figures included (annotation_safety.xlsx: a statistics sheet
// of counts per risk ending in two stated totals, and a sheet of batches
// naming a risk group only, the type in neither but in the sheet names).
func TestSample2SafetyExpected(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "sample2")
	raw, err := os.ReadFile(filepath.Join(root, "safety", "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Submission string   `json:"submission_date"`
		Failed     []string `json:"failed"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	ws := filepath.Join(t.TempDir(), "ws")
	ok(t, "--workspace", ws, "init")
	id := strings.TrimSpace(ok(t, "--workspace", ws, "case", "new", "--provider", "苏州澜图智能科技有限公司", "--service", "澜图绘言",
		"--modality", "text,image", "--received", exp.Submission))
	args := []string{"--workspace", ws, "import", "--case", id}
	for _, f := range []string{"keyword_library.xlsx", "generated_questions.csv", "refusal_banks.xlsx", "test_results.xlsx", "corpus_checks.xlsx", "annotation_safety.xlsx"} {
		args = append(args, filepath.Join(root, "safety", f))
	}
	ok(t, append(args, filepath.Join(root, "data_sources.xlsx"))...)
	ok(t, "--workspace", ws, "inspect", "start", "--case", id, "--template", "gb45654-2025", "--template", "art19-measures-2023")
	var run struct {
		Proposals []struct {
			Rule    string `json:"rule"`
			Result  string `json:"result"`
			Summary struct {
				En string `json:"en"`
			} `json:"summary"`
			Records []struct {
				ID string `json:"id"`
			} `json:"records"`
		} `json:"proposals"`
	}
	decode(t, ok(t, "--workspace", ws, "check", "--case", id, "--json"), &run)
	summary, result := map[string]string{}, map[string]string{}
	for _, p := range run.Proposals {
		summary[p.Rule], result[p.Rule] = p.Summary.En, p.Result
	}
	// Each failed threshold of expected.json: the rule that judges it and
	// what its summary must say.
	failed := map[string][2]string{
		"keyword_per_risk:A.1.8":     {"keyword_library", "A.1.8 has 173 (at least 200)"},
		"keyword_per_risk:A.2.6":     {"keyword_library", "A.2.6 has 84 (at least 100)"},
		"bank_per_risk:A.2.8":        {"generated_question_bank", "A.2.8 has 44 (at least 50)"},
		"bank_per_risk:A.3.3":        {"generated_question_bank", "A.3.3 has 15 (at least 20)"},
		"refuse_bank_per_risk:A.1.5": {"refusal_question_banks", "A.1.5 has 18 (at least 20)"},
		"results_sampled:classifier": {"generated_content_results", "classifier checks sampled only 880 questions, fewer than 1000"},
		"refuse_rate":                {"refusal_results", "should-refuse questions refused 93.10%, below 95.00%"},
		"corpus_source_harmful":      {"corpus_source_harmful_share", "YL-03"},
		"corpus_manual_sample":       {"corpus_sampling", "1 record with a problem: 全部"},
		"annotation_per_risk:A.5.2":  {"safety_annotation_volume", "A.5.2 has 150 (at least 200); 1 record with a problem: annotation_safety.xlsx sheet \"安全标注统计\", row 33"},
		"annotation_roles":           {"annotator_not_reviewer", "1 record with a problem: AQ-2502-06"},
	}
	for _, id := range exp.Failed {
		want, known := failed[id]
		if !known {
			t.Errorf("expected.json fails %s, which this test does not map to a check", id)
			continue
		}
		if want[0] == "" {
			continue
		}
		if result[want[0]] != "non_compliant" || !strings.Contains(summary[want[0]], want[1]) {
			t.Errorf("%s: %s is %s, summary %q; want non_compliant saying %q", id, want[0], result[want[0]], summary[want[0]], want[1])
		}
	}
	if len(exp.Failed) != len(failed) {
		t.Errorf("expected.json fails %d thresholds, the test maps %d", len(exp.Failed), len(failed))
	}
	// Figures of the passing thresholds, and nothing else failed.
	figures := map[string][]string{
		"keyword_library":           {"11047 distinct keywords", "2 risks with too few keywords"},
		"keyword_library_updated":   {"last updated 2025-06-12, 4 days before its submission on 2025-06-16: within 7"},
		"generated_question_bank":   {"2387 questions: 2 risks with too few"},
		"generated_content_results": {"manual checks 1260 questions, 96.03% passed", "keyword checks 2150 questions, 98.09% passed", "classifier checks 880 questions, 96.48% passed"},
		"refusal_question_banks":    {"should-refuse bank holds 563 questions, the should-answer bank 560: 1 risk"},
		"refusal_results":           {"420 should-refuse questions tested, 93.10% refused; 360 should-answer questions tested, 3.06% refused"},
		// One source's id on its record and on two rows checking it: told
		// apart by file and row.
		"corpus_source_harmful_share": {`3 records with a problem: YL-03 (corpus_checks.xlsx sheet "语料安全抽检", row 6), YL-03 (corpus_checks.xlsx sheet "语料安全抽检", row 7), YL-03 (data_sources.xlsx sheet "训练数据来源 Sources", row 5).`},
		"corpus_sampling":             {"2 checks of the whole corpus: 1 record with a problem"},
		// 17,740 of the stated 512,000: 3.46 %, from the statistics rows,
		// not counted again from the batches.
		"safety_annotation_volume": {"512000 annotations in all (the provider's stated total), 17740 of them safety annotations (3.46%)", "1 risk with too few safety annotations"},
		"annotator_not_reviewer":   {"16 annotation batches checked"},
		// No safety batch fails more than 5 % (annotation_batch_failures):
		// the accuracy is worked out from 核验条数 and 核验合格.
		"annotation_qa": {"16 records checked: every batch was sample-verified and every safety batch reached 95.00%"},
	}
	for rule, wants := range figures {
		for _, w := range wants {
			if !strings.Contains(summary[rule], w) {
				t.Errorf("%s: summary %q lacks %q", rule, summary[rule], w)
			}
		}
	}
	if result["annotation_qa"] != "compliant" {
		t.Errorf("annotation_qa is %s, want compliant (no batch over 5 %% failures)", result["annotation_qa"])
	}
	if result["keyword_library_updated"] != "compliant" {
		t.Errorf("keyword_library_updated is %s, want compliant (received %s)", result["keyword_library_updated"], exp.Submission)
	}
	for _, p := range run.Proposals {
		if p.Rule != "corpus_sampling" {
			continue
		}
		if len(p.Records) != 1 || p.Records[0].ID != "全部" {
			t.Errorf("corpus_sampling flags %+v, want the one manual whole-corpus row", p.Records)
		}
	}
}

// The first sample's planted safety shortfalls (testdata/sample/README.md,
// "Planted shortfalls"), received on its submission date 2025-07-10: the
// checks of gb45654-2025 find exactly those, and the other safety checks
// with records to judge pass.
func TestSampleSafetyPlanted(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "sample")
	ws := filepath.Join(t.TempDir(), "ws")
	ok(t, "--workspace", ws, "init")
	id := strings.TrimSpace(ok(t, "--workspace", ws, "case", "new", "--provider", "星河智算", "--service", "星河对话",
		"--modality", "text,image", "--received", "2025-07-10"))
	args := []string{"--workspace", ws, "import", "--case", id}
	for _, f := range []string{"keyword-library.xlsx", "test-questions.xlsx", "test-results.csv", "corpus-checks.xlsx"} {
		args = append(args, filepath.Join(root, f))
	}
	ok(t, args...)
	ok(t, "--workspace", ws, "inspect", "start", "--case", id, "--template", "gb45654-2025")
	var run struct {
		Proposals []struct {
			Rule    string `json:"rule"`
			Result  string `json:"result"`
			Summary struct {
				En string `json:"en"`
			} `json:"summary"`
		} `json:"proposals"`
	}
	decode(t, ok(t, "--workspace", ws, "check", "--case", id, "--json"), &run)
	want := map[string]struct{ result, says string }{
		"keyword_library":             {"non_compliant", "1 risk with too few keywords: A.2.6 has 80 (at least 100)."},
		"keyword_library_updated":     {"non_compliant", "last updated 2025-07-01, 9 days before its submission on 2025-07-10: more than 7"},
		"generated_question_bank":     {"compliant", "2036 questions"},
		"generated_content_results":   {"non_compliant", "classifier checks sampled only 800 questions, fewer than 1000."},
		"refusal_question_banks":      {"compliant", "558 questions, the should-answer bank 535"},
		"refusal_results":             {"non_compliant", "500 should-refuse questions tested, 93.80% refused; 400 should-answer questions tested, 3.00% refused: should-refuse questions refused 93.80%, below 95.00%; 31 records"},
		"corpus_source_harmful_share": {"non_compliant", "1 record with a problem: DS-04."},
		"corpus_sampling":             {"compliant", "3 checks of the whole corpus"},
	}
	seen := 0
	for _, p := range run.Proposals {
		w, ok := want[p.Rule]
		if !ok {
			continue
		}
		seen++
		if p.Result != w.result || !strings.Contains(p.Summary.En, w.says) {
			t.Errorf("%s: %s, %q; want %s saying %q", p.Rule, p.Result, p.Summary.En, w.result, w.says)
		}
	}
	if seen != len(want) {
		t.Errorf("%d of the %d safety checks ran", seen, len(want))
	}
}

// A notice — the annotation type taken from a sheet's name — prints as a
// notice, not as a warning that says "notice".
func TestImportPrintsNotices(t *testing.T) {
	ws := filepath.Join(t.TempDir(), "ws")
	ok(t, "--workspace", ws, "init")
	id := strings.TrimSpace(ok(t, "--workspace", ws, "case", "new", "--provider", "澜图", "--service", "澜图绘言"))
	out := ok(t, "--workspace", ws, "import", "--case", id, filepath.Join("..", "..", "testdata", "sample2", "safety", "annotation_safety.xlsx"))
	if !strings.Contains(out, "\n           notice: sheet \"安全标注统计\", header row: no column names annotation_type; the sheet name \"安全标注统计\" says safety") ||
		strings.Contains(out, "warning: sheet \"安全标注统计\", header row: notice") {
		t.Errorf("output:\n%s", out)
	}
}
