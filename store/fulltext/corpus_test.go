package fulltext

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/store"
)

// A generated corpus for the evaluator's tests: records whose fields are
// {"t": text, "d": found day} and passages, over several cases,
// submissions, kinds, files and labels.

var (
	corpusCJK = []string{"违法", "内容", "生成", "赌博", "推广", "信息", "停止", "删除", "个人", "账号", "被误", "限制",
		"钓鱼", "邮件", "模板", "虚假", "新闻", "提示词", "注入", "的", "了", "和", "模型", "训练", "数据", "来源",
		"标注", "规则", "安全", "事件", "投诉", "举报", "违法内容", "停止生成", "哈哈哈"}
	corpusEN   = []string{"report", "e-mail", "AI", "model", "data", "INC-0042", "v1.2", "don't", "1,234", "3.5", "Test", "ＡＩ", "ｍｏｄｅｌ", "gambling", "phishing"}
	corpusSeps = []string{"", "", "", "", " ", " ", "，", "、", "。", "-", "：", "\n", "（", "）", "!"}
)

// corpusText is one generated text: Chinese words (often run together, so
// bigrams cross word boundaries), English words and punctuation.
func corpusText(rng *rand.Rand) string {
	var b strings.Builder
	n := 3 + rng.IntN(14)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(corpusSeps[rng.IntN(len(corpusSeps))])
		}
		if rng.IntN(10) < 7 {
			b.WriteString(corpusCJK[rng.IntN(len(corpusCJK))])
		} else {
			b.WriteString(corpusEN[rng.IntN(len(corpusEN))])
		}
	}
	return b.String()
}

// corpusRecordText reads a generated record.
func corpusRecordText(_ string, r workbench.RecordRow) (string, time.Time, error) {
	var f struct {
		T string `json:"t"`
		D string `json:"d"`
	}
	if err := json.Unmarshal([]byte(r.Fields), &f); err != nil {
		return "", time.Time{}, err
	}
	var found time.Time
	if f.D != "" {
		var err error
		if found, err = time.Parse("2006-01-02", f.D); err != nil {
			return "", time.Time{}, err
		}
	}
	return f.T, found, nil
}

type corpus struct {
	st    *store.Store
	x     *Index
	rng   *rand.Rand
	cases []int64
	subs  []workbench.Submission // every submission added (deleted ones too)
	files []string
	texts []string         // texts indexed, for queries that match
	subOf map[string]int64 // hit id → submission
	n     int
}

func newCorpus(t testing.TB, seed uint64, batchDocs int) *corpus {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "ws"), store.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	x, err := Open(ctx, st, Options{RecordText: corpusRecordText, TextVersion: "test", BatchDocs: batchDocs})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	c := &corpus{st: st, x: x, rng: rand.New(rand.NewPCG(seed, 15)), subOf: map[string]int64{}}
	for i := range 3 {
		id, err := st.CreateCase(ctx, store.NewCase{ProviderName: fmt.Sprintf("供应商%d", i), ServiceName: "对话", Title: fmt.Sprintf("检查 %d", i),
			Inspectors: []string{"张明"}, OpenedOn: "2026-11-24", ChecklistTemplate: "art19-measures-2023"})
		if err != nil {
			t.Fatal(err)
		}
		c.cases = append(c.cases, id)
	}
	return c
}

// add stores a submission of case ci with records and passages, and
// returns it.
func (c *corpus) add(t testing.TB, ci, records, passages int) workbench.Submission {
	t.Helper()
	ctx := context.Background()
	c.n++
	kind := workbench.Kinds[c.rng.IntN(len(workbench.Kinds))]
	label := workbench.Labels[c.rng.IntN(len(workbench.Labels))]
	name := fmt.Sprintf("文件 %d.csv", c.n)
	if c.rng.IntN(3) == 0 {
		name = fmt.Sprintf("log-%d.xlsx", c.n%4) // the same name in several submissions
	}
	sum := fmt.Sprintf("%064x", c.n)
	w, err := c.st.BeginSubmission(ctx, workbench.Submission{CaseID: c.cases[ci], SHA256: sum, FileName: name, Kind: string(kind), Label: string(label),
		Format: "csv", ImporterVersion: "1"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range records {
		text := corpusText(c.rng)
		c.texts = append(c.texts, text)
		d := ""
		if c.rng.IntN(10) < 7 {
			d = time.Date(2024, 1, 1+c.rng.IntN(90), 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		}
		f, _ := json.Marshal(map[string]string{"t": text, "d": d})
		if err := w.Add(workbench.RecordRow{Row: i + 2, Fields: string(f)}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range passages {
		text := corpusText(c.rng)
		c.texts = append(c.texts, text)
		if err := w.AddPassage(workbench.PassageRow{Seq: i + 1, Paragraph: i + 1, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	sub, err := w.Commit(nil, records+passages)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := c.st.Records(ctx, sub.ID, 0, records+1)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		c.subOf[RecordHitID(r.ID)] = sub.ID
	}
	ps, err := c.st.Passages(ctx, sub.ID, 0, passages+1)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		c.subOf[PassageHitID(p.ID)] = sub.ID
	}
	c.subs = append(c.subs, sub)
	c.files = append(c.files, name)
	return sub
}

func (c *corpus) sync(t testing.TB) {
	t.Helper()
	if _, err := c.x.Sync(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
}

// randQuery is a random query in the workbench's syntax, mostly built
// from indexed text so that it matches something.
func (c *corpus) randQuery() string {
	rng := c.rng
	var parts []string
	for range 1 + rng.IntN(3) {
		parts = append(parts, c.randAlt())
	}
	for range rng.IntN(3) / 2 * (1 + rng.IntN(2)) {
		parts = append(parts, "-"+c.randTerm(false))
	}
	for range rng.IntN(4) / 2 {
		parts = append(parts, c.randFilter())
	}
	rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
	return strings.Join(parts, " ")
}

func (c *corpus) randAlt() string {
	s := c.randTerm(true)
	for c.rng.IntN(4) == 0 {
		s += " OR " + c.randTerm(true)
	}
	return s
}

func (c *corpus) randTerm(filters bool) string {
	rng := c.rng
	switch k := rng.IntN(20); {
	case k < 7:
		return c.cjkWord()
	case k < 13:
		return `"` + c.phraseText() + `"`
	case k < 16:
		w := corpusEN[rng.IntN(len(corpusEN))]
		if rng.IntN(3) == 0 {
			w = strings.ToUpper(w)
		}
		return w
	case k < 18 && filters:
		return c.randFilter()
	default:
		// A word of random characters of the vocabulary, usually absent.
		var b strings.Builder
		for range 1 + rng.IntN(3) {
			w := []rune(corpusCJK[rng.IntN(len(corpusCJK))])
			b.WriteRune(w[rng.IntN(len(w))])
		}
		return b.String()
	}
}

// cjkWord is a run of 1–4 CJK characters taken from an indexed text.
func (c *corpus) cjkWord() string {
	for range 20 {
		r := []rune(c.texts[c.rng.IntN(len(c.texts))])
		i := c.rng.IntN(len(r))
		n := 1 + c.rng.IntN(4)
		var w []rune
		for j := i; j < len(r) && len(w) < n && r[j] >= 0x4e00 && r[j] <= 0x9fff; j++ {
			w = append(w, r[j])
		}
		if len(w) > 0 {
			return string(w)
		}
	}
	return "违法"
}

// phraseText is a stretch of 1–10 characters of an indexed text,
// punctuation and spaces included.
func (c *corpus) phraseText() string {
	for range 20 {
		r := []rune(c.texts[c.rng.IntN(len(c.texts))])
		i := c.rng.IntN(len(r))
		j := min(len(r), i+1+c.rng.IntN(10))
		s := strings.ReplaceAll(string(r[i:j]), "\n", " ")
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return "违法内容"
}

func (c *corpus) randFilter() string {
	rng := c.rng
	day := func() string { return time.Date(2024, 1, 1+rng.IntN(95), 0, 0, 0, 0, time.UTC).Format("2006-01-02") }
	switch rng.IntN(6) {
	case 0:
		return "kind:" + string(workbench.Kinds[rng.IntN(len(workbench.Kinds))])
	case 1:
		return "label:" + string(workbench.Labels[rng.IntN(len(workbench.Labels))])
	case 2:
		return `file:"` + c.files[rng.IntN(len(c.files))] + `"`
	case 3:
		a, b := day(), day()
		if a > b {
			a, b = b, a
		}
		return "found:" + a + ".." + b
	case 4:
		if rng.IntN(2) == 0 {
			return "found:" + day() + ".."
		}
		return "found:.." + day()
	}
	return "found:" + day()
}

// randRequest is a random request around a random query.
func (c *corpus) randRequest() workbench.SearchRequest {
	rng := c.rng
	req := workbench.SearchRequest{Query: c.randQuery()}
	if rng.IntN(3) == 0 {
		req.CaseID = c.cases[rng.IntN(len(c.cases))]
	}
	switch rng.IntN(8) {
	case 0:
		req.Kind = string(workbench.Kinds[rng.IntN(len(workbench.Kinds))])
	case 1:
		req.File = c.files[rng.IntN(len(c.files))]
	case 2:
		req.Label = string(workbench.Labels[rng.IntN(len(workbench.Labels))])
	}
	return req
}
