package importers

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// A question bank's sheet or file name gives the bank when no column
// does; the longest spelling wins (非拒答测试题 holds 拒答测试题 too), and
// a name naming no bank, or two equally, gives none.
func TestTermInName(t *testing.T) {
	f := SpecFor("test_question").Field("bank")
	for name, want := range map[string]string{
		"应拒答测试题":              "should_refuse",
		"非拒答测试题":              "should_answer",
		"非拒答测试题库":             "should_answer",
		"生成内容测试题库":            "generated",
		"generated_questions": "generated",
		"Sheet1":              "",
		"测试结果":                "",
	} {
		if got := termInName(f, name); got != want {
			t.Errorf("termInName(%q) = %q, want %q", name, got, want)
		}
	}
}

// A question file without a bank column, named after its bank, imports
// every question into that bank with a notice (not the warning that no
// column gives the bank); the same table under another name keeps the
// warning and no bank.
func TestBankFromFileName(t *testing.T) {
	res, recs, err := readAll(t, filepath.Join("testdata", "safety", "应拒答测试题.csv"), Options{Kind: workbench.TestQuestion})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0]["fields"].(map[string]any)["bank"] != "should_refuse" || recs[1]["fields"].(map[string]any)["bank"] != "should_refuse" {
		t.Fatalf("records %v, want both in should_refuse", recs)
	}
	var reasons []workbench.Reason
	for _, w := range res.Warnings {
		reasons = append(reasons, w.Reason)
		if err := workbench.CheckWarning(w); err != nil {
			t.Error(err)
		}
	}
	if !slices.Equal(reasons, []workbench.Reason{workbench.ReasonFieldFromName}) || res.Warnings[0].Args["Value"] != "should_refuse" || res.Warnings[0].Args["From"] != "file" {
		t.Errorf("warnings %+v, want the one notice that the file name gives should_refuse", res.Warnings)
	}
	data, err := os.ReadFile(filepath.Join("testdata", "safety", "应拒答测试题.csv"))
	if err != nil {
		t.Fatal(err)
	}
	res, recs, err = readAll(t, writeFile(t, "questions.csv", data), Options{Kind: workbench.TestQuestion})
	if err != nil {
		t.Fatal(err)
	}
	if _, has := recs[0]["fields"].(map[string]any)["bank"]; has || len(res.Warnings) != 1 || res.Warnings[0].Reason != workbench.ReasonFieldsUnmapped {
		t.Errorf("a name naming no bank: records %v, warnings %+v; want no bank and the unmapped warning", recs, res.Warnings)
	}
}
