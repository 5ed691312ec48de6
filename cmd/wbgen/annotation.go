package main

import (
	"bytes"
	"fmt"
	"time"
)

// annotationHeader is the header row of annotation-qa.csv.
var annotationHeader = []string{
	"标注批次", "标注类型", "标注人员数", "是否培训", "培训日期", "核验样本量", "准确率", "核验人", "核验日期", "备注",
}

// annotationBatch is one QA row. Empty strings are empty cells.
type annotationBatch struct {
	batch, kind, annotators, trained, trainedOn, sample, accuracy, reviewer, reviewedOn, notes string
}

// The planted annotation problems.
const (
	untrainedBatch = "2025-Q1-SAFE-02" // a safety batch whose annotators were not trained (Art. 8)
	uncheckedBatch = "2024-Q4-SFT-03"  // a batch with no sample verified and no accuracy (Art. 8)
	// voidBatch is a safety batch verified at 93.5%: more than 5% failed,
	// so GB/T 45674-2025 §8.3 voids it, yet it was accepted (Art. 8).
	voidBatch    = "2024-Q3-SAFE-01"
	voidAccuracy = "93.5%"
)

// annotationNotes are the notes of some batches: one with a comma and one
// with a line break, so that they are quoted.
var annotationNotes = map[string]string{
	"2024-Q3-SFT-02":  "覆盖写作, 编程, 数学三类任务",
	"2024-Q4-IMG-01":  "本批次含图文混合样本\n图片标注另行抽检",
	"2025-Q1-SFT-01":  "含多轮对话样本",
	"2025-Q2-SFT-01":  "Re-checked by a second reviewer",
	"2025-Q2-SAFE-01": "依据《安全性标注规则》V2.1执行",
}

// annotationBatches makes the 24 QA rows: six batches a quarter from
// 2024-Q3 to 2025-Q2, four functional (SFT-01..03, IMG-01) and two safety
// (SAFE-01, SAFE-02).
func annotationBatches() []annotationBatch {
	rng := newRand(sampleSeed + 1)
	quarters := []struct {
		name  string
		start time.Time
	}{
		{"2024-Q3", day(2024, 7, 1)}, {"2024-Q4", day(2024, 10, 1)},
		{"2025-Q1", day(2025, 1, 1)}, {"2025-Q2", day(2025, 4, 1)},
	}
	batches := []struct{ suffix, kind string }{
		{"SFT-01", "功能性标注"}, {"SFT-02", "功能性标注"}, {"SFT-03", "功能性标注"},
		{"IMG-01", "功能性标注"}, {"SAFE-01", "安全性标注"}, {"SAFE-02", "安全性标注"},
	}
	var out []annotationBatch
	for _, q := range quarters {
		for _, b := range batches {
			a := annotationBatch{batch: q.name + "-" + b.suffix, kind: b.kind}
			trained := q.start.AddDate(0, 0, 2+rng.IntN(9))
			reviewed := q.start.AddDate(0, 0, 40+rng.IntN(46))
			if b.kind == "安全性标注" {
				a.annotators = fmt.Sprint(6 + rng.IntN(15))
				a.reviewer = "安全评测组"
			} else {
				a.annotators = fmt.Sprint(12 + rng.IntN(29))
				a.reviewer = []string{"质检一组", "质检二组"}[rng.IntN(2)]
			}
			a.trained, a.trainedOn = "是", trained.Format(time.DateOnly)
			a.sample = fmt.Sprint(200 + 50*rng.IntN(37))
			a.accuracy = fmt.Sprintf("%.1f%%", 95+float64(rng.IntN(45))/10)
			a.reviewedOn = reviewed.Format(time.DateOnly)
			a.notes = annotationNotes[a.batch]
			switch a.batch {
			case untrainedBatch:
				a.trained, a.trainedOn = "否", ""
			case uncheckedBatch:
				a.sample, a.accuracy = "", ""
			case voidBatch:
				a.accuracy = voidAccuracy
			}
			out = append(out, a)
		}
	}
	return out
}

// buildAnnotationQA writes annotation-qa.csv: UTF-8 without a BOM, CRLF
// record ends and, as Excel writes them, bare LF line breaks inside quoted
// fields. It returns the file and the line on which each batch's record
// starts.
func buildAnnotationQA() ([]byte, map[string]int) {
	var b []byte
	b = appendCSVRecord(b, annotationHeader)
	lines := map[string]int{}
	for _, a := range annotationBatches() {
		lines[a.batch] = bytes.Count(b, []byte("\n")) + 1
		b = appendCSVRecord(b, []string{
			a.batch, a.kind, a.annotators, a.trained, a.trainedOn, a.sample, a.accuracy, a.reviewer, a.reviewedOn, a.notes,
		})
	}
	return b, lines
}
