package main

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

const testRows = 20000

func testConfig(seed uint64) config {
	return config{rows: testRows, seed: seed, start: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), days: 731}
}

// generate writes a log of cfg into memory.
func generate(t testing.TB, cfg config) []byte {
	t.Helper()
	g, err := newGenerator(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := g.writeCSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Fatalf("writeCSV says %d bytes, wrote %d", n, buf.Len())
	}
	return buf.Bytes()
}

// parse reads a generated log with encoding/csv, strictly (no lazy
// quotes, every row as wide as the header).
func parse(t testing.TB, data []byte) (header []string, rows [][]string) {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Fatal("the log does not start with a UTF-8 BOM")
	}
	cr := csv.NewReader(bytes.NewReader(data[3:]))
	cr.ReuseRecord = false
	all, err := cr.ReadAll() // fails on a row of another width
	if err != nil {
		t.Fatalf("reading the log as CSV: %v", err)
	}
	return all[0], all[1:]
}

// cached logs, generated once per test binary.
var logs = map[uint64][]byte{}

func testLog(t testing.TB, seed uint64) []byte {
	if logs[seed] == nil {
		logs[seed] = generate(t, testConfig(seed))
	}
	return logs[seed]
}

func TestDeterministic(t *testing.T) {
	a := testLog(t, 7)
	b := generate(t, testConfig(7))
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with seed 7 wrote different bytes")
	}
	c := testLog(t, 8)
	if bytes.Equal(a, c) {
		t.Fatal("seeds 7 and 8 wrote the same bytes")
	}
	// The query set is deterministic too, and the same whether or not the
	// log was written first.
	var q1, q2 bytes.Buffer
	if err := writeQueries(&q1, testConfig(7), "x.csv"); err != nil {
		t.Fatal(err)
	}
	if err := writeQueries(&q2, testConfig(7), "x.csv"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(q1.Bytes(), q2.Bytes()) {
		t.Fatal("two query sets for seed 7 differ")
	}
}

var (
	isoDate   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	slashDate = regexp.MustCompile(`^\d{4}/[1-9]\d?/[1-9]\d?$`)
	idPattern = regexp.MustCompile(`^GD\d{13}$`)
)

// parseDate reads a date-only cell in either of the log's formats.
func parseDate(s string) (time.Time, bool, error) {
	if isoDate.MatchString(s) {
		d, err := time.Parse("2006-01-02", s)
		return d, false, err
	}
	if slashDate.MatchString(s) {
		d, err := time.Parse("2006/1/2", s)
		return d, true, err
	}
	return time.Time{}, false, &time.ParseError{Value: s, Message: ": not a date-only 2024-03-05 or 2024/3/5"}
}

func col(header []string, name string) int {
	i := slices.Index(header, name)
	if i < 0 {
		panic("no column " + name)
	}
	return i
}

func TestRows(t *testing.T) {
	data := testLog(t, 1)
	if !bytes.Contains(data, []byte("\r\n")) || bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
		t.Error("line ends are not all CRLF")
	}
	header, rows := parse(t, data)
	if !slices.Equal(header, headers) {
		t.Fatalf("header %q, want %q", header, headers)
	}
	if len(rows) != testRows {
		t.Fatalf("%d rows, want %d", len(rows), testRows)
	}
	cfg := testConfig(1)
	last := cfg.start.AddDate(0, 0, cfg.days-1)
	idC, foundC, descC := col(header, "工单编号"), col(header, "受理日期"), col(header, "情况描述")
	catC, actC, repC := col(header, "事件分类"), col(header, "处理措施"), col(header, "是否上报")
	repAtC, resC, statC := col(header, "上报日期"), col(header, "办结日期"), col(header, "工单状态")
	ids := map[string]bool{}
	var prev time.Time
	var slashRows, english, lengths = 0, 0, make([]int, 0, len(rows))
	cats := map[string]int{}
	for i, row := range rows {
		line := i + 2
		if len(row) != len(headers) {
			t.Fatalf("line %d: %d columns, want %d", line, len(row), len(headers))
		}
		id := row[idC]
		if !idPattern.MatchString(id) || ids[id] {
			t.Fatalf("line %d: id %q malformed or repeated", line, id)
		}
		ids[id] = true
		found, slash, err := parseDate(row[foundC])
		if err != nil {
			t.Fatalf("line %d: 受理日期: %v", line, err)
		}
		if found.Before(prev) || found.Before(cfg.start) || found.After(last) {
			t.Fatalf("line %d: 受理日期 %s out of order or outside %s..%s", line, row[foundC], cfg.start.Format("2006-01-02"), last.Format("2006-01-02"))
		}
		if want := strings.ReplaceAll(found.Format("2006-01-02"), "-", ""); id[2:10] != want {
			t.Fatalf("line %d: id %s is not of its day %s", line, id, row[foundC])
		}
		prev = found
		if slash {
			slashRows++
		}
		for _, c := range []int{repAtC, resC} {
			if row[c] == "" {
				continue
			}
			d, s, err := parseDate(row[c])
			if err != nil {
				t.Fatalf("line %d: %s: %v", line, header[c], err)
			}
			if s != slash {
				t.Errorf("line %d: %s %q in another format than 受理日期 %q", line, header[c], row[c], row[foundC])
			}
			if d.Before(found) {
				t.Errorf("line %d: %s %s before 受理日期 %s", line, header[c], row[c], row[foundC])
			}
		}
		if (row[repC] == "是") != (row[repAtC] != "") {
			t.Errorf("line %d: 是否上报 %q but 上报日期 %q", line, row[repC], row[repAtC])
		}
		closed := row[statC] == "已办结" || row[statC] == "已关闭"
		if closed != (row[resC] != "") {
			t.Errorf("line %d: 工单状态 %q but 办结日期 %q", line, row[statC], row[resC])
		}
		n := utf8.RuneCountInString(row[descC])
		if n < minDescRunes || n > maxDescRunes {
			t.Fatalf("line %d: description of %d characters, want %d–%d: %s", line, n, minDescRunes, maxDescRunes, row[descC])
		}
		if strings.Contains(row[descC], "{") {
			t.Fatalf("line %d: unfilled slot in %s", line, row[descC])
		}
		lengths = append(lengths, n)
		if hasEnglishWord(row[descC]) {
			english++
		}
		cats[row[catC]]++
		if row[actC] == "" {
			t.Errorf("line %d: no 处理措施", line)
		}
	}
	share := func(n int) float64 { return float64(n) / float64(len(rows)) }
	if s := share(slashRows); s < 0.10 || s > 0.20 {
		t.Errorf("%.1f%% of rows have 2024/3/5 dates, want about 15%%", 100*s)
	}
	if s := share(english); s < 0.5 {
		t.Errorf("only %.1f%% of descriptions have an English word, want mixed Chinese and English", 100*s)
	}
	slices.Sort(lengths)
	p := func(q float64) int { return lengths[int(q*float64(len(lengths)-1))] }
	t.Logf("description length p10 %d, p50 %d, p90 %d, p99 %d; %d bytes a row", p(0.1), p(0.5), p(0.9), p(0.99), len(data)/testRows)
	if p(0.1) > 110 || p(0.5) < 100 || p(0.5) > 180 || p(0.9) < 200 || p(0.99) < 260 {
		t.Errorf("description lengths p10 %d, p50 %d, p90 %d, p99 %d: want most short and a long tail to 300", p(0.1), p(0.5), p(0.9), p(0.99))
	}
	if len(data)/testRows < 225 {
		t.Errorf("%d bytes a row, want at least 225", len(data)/testRows)
	}
	for c, words := range categoryWords {
		n := 0
		for _, w := range words {
			n += cats[w]
		}
		if s, want := share(n), float64(categoryShare[c])/1000; s < want*0.9 || s > want*1.1 {
			t.Errorf("category %d (%s …): %.1f%% of rows, want %.1f%%", c, words[0], 100*s, 100*want)
		}
	}
	if len(cats) != 21 {
		t.Errorf("%d category spellings used, want all 21", len(cats))
	}
}

// hasEnglishWord says whether s holds a Latin word of three letters or
// more (not an id, hex string or a URL's host alone would do as well, but
// the templates put English terms in most rows).
func hasEnglishWord(s string) bool {
	run := 0
	for _, r := range s {
		if r < unicode.MaxASCII && unicode.IsLetter(r) {
			run++
			if run >= 3 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// TestVocabularySpread checks the descriptions are not a few sentences
// repeated: many distinct descriptions, and the most common word-level
// lead far from dominant.
func TestVocabularySpread(t *testing.T) {
	header, rows := parse(t, testLog(t, 1))
	descC := col(header, "情况描述")
	distinct := map[string]bool{}
	leadsSeen := map[string]int{}
	for _, row := range rows {
		d := row[descC]
		distinct[d] = true
		lead, _, _ := strings.Cut(d, "。")
		leadsSeen[strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '0'
			}
			return r
		}, lead)]++
	}
	if len(distinct) < len(rows)*99/100 {
		t.Errorf("%d distinct descriptions in %d rows", len(distinct), len(rows))
	}
	if len(leadsSeen) < len(rows)/4 {
		t.Errorf("only %d distinct first sentences in %d rows", len(leadsSeen), len(rows))
	}
}

// canonicalNames are the Chinese and English names the workbench gives the
// values of the two vocabulary columns (docs/submission-formats.md): it
// searches those columns by these names, not by the team's words (wb search
// 封号 finds no 处理措施 封号).
var canonicalNames = map[string]string{
	// 事件分类
	"违法不良信息": "违法内容 illegal content", "有害内容": "违法内容 illegal content", "违规内容": "违法内容 illegal content",
	"违法不良信息（模型输出）": "违法内容 illegal content", "违法违规内容": "违法内容 illegal content",
	"用户投诉": "投诉举报 complaint or report", "用户举报": "投诉举报 complaint or report",
	"投诉举报工单": "投诉举报 complaint or report", "用户投诉举报": "投诉举报 complaint or report",
	"用户违规": "用户违法活动 user illegal activity", "违规使用": "用户违法活动 user illegal activity",
	"用户违法行为": "用户违法活动 user illegal activity", "使用者违法活动": "用户违法活动 user illegal activity",
	"个人信息删除申请": "个人信息请求 personal-information request", "个人信息查阅申请": "个人信息请求 personal-information request",
	"个人信息复制申请": "个人信息请求 personal-information request", "个人信息更正申请": "个人信息请求 personal-information request",
	"个人信息权益请求": "个人信息请求 personal-information request",
	"数据安全事件":   "安全事件 security event", "网络安全事件": "安全事件 security event", "信息安全事件": "安全事件 security event",
	// 处理措施
	"拦截": "停止生成 stop generation", "拒答": "停止生成 stop generation", "停止生成": "停止生成 stop generation",
	"屏蔽": "停止传输 stop transmission", "停止传输": "停止传输 stop transmission", "阻断传输": "停止传输 stop transmission",
	"删除内容": "消除 eliminate", "下架": "消除 eliminate", "消除": "消除 eliminate", "删除": "消除 eliminate", "清除": "消除 eliminate",
	"安全对齐训练": "模型优化训练 model optimisation training", "模型迭代": "模型优化训练 model optimisation training",
	"模型优化": "模型优化训练 model optimisation training", "整改": "模型优化训练 model optimisation training",
	"警告": "警示 warn", "提醒": "警示 warn",
	"限流": "限制功能 restrict", "禁言": "限制功能 restrict", "限制使用": "限制功能 restrict",
	"冻结账号": "暂停服务 suspend", "暂停服务": "暂停服务 suspend",
	"封号": "终止服务 terminate", "永久封禁": "终止服务 terminate", "终止服务": "终止服务 terminate",
	"无需处置": "未处置 none", "仅记录": "未处置 none", "持续观察": "未处置 none",
}

// canonical gives a vocabulary cell's searchable names: each value (a
// list split at 、 / ；) by its canonical names.
func canonical(t testing.TB, cell string) string {
	var names []string
	for _, v := range strings.FieldsFunc(cell, func(r rune) bool { return r == '、' || r == '/' || r == '；' }) {
		n, ok := canonicalNames[v]
		if !ok {
			t.Fatalf("no canonical name for %q", v)
		}
		names = append(names, n)
	}
	return strings.Join(names, " ")
}

// rowTexts gives each row's cells joined, lower case, as the search sees
// its words: the vocabulary columns by their canonical names.
func rowTexts(t testing.TB) (texts []string, found []time.Time, ids []string) {
	header, rows := parse(t, testLog(t, 1))
	foundC, idC := col(header, "受理日期"), col(header, "工单编号")
	catC, actC := col(header, "事件分类"), col(header, "处理措施")
	for _, row := range rows {
		cells := slices.Clone(row)
		cells[catC], cells[actC] = canonical(t, row[catC]), canonical(t, row[actC])
		texts = append(texts, strings.ToLower(strings.Join(cells, " ")))
		d, _, _ := parseDate(row[foundC])
		found = append(found, d)
		ids = append(ids, row[idC])
	}
	return texts, found, ids
}

// splitQuery splits a query line at spaces outside quotes.
func splitQuery(q string) []string {
	var parts []string
	var cur strings.Builder
	inQuote := false
	for _, r := range q {
		switch {
		case r == '"':
			inQuote = !inQuote
			cur.WriteRune(r)
		case r == ' ' && !inQuote:
			if cur.Len() > 0 {
				parts = append(parts, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		parts = append(parts, cur.String())
	}
	return parts
}

// matches counts the rows a query matches by their text: every word or
// phrase a substring (case folded), found: a range of 受理日期, kind:,
// file: and label: true of every row of the log. An estimate of what the
// workbench finds — it also finds vocabulary values by their canonical
// names — good enough to hold the breadths to their bands.
func matches(t *testing.T, q string, texts []string, found []time.Time) int {
	t.Helper()
	var words []string
	from, to := time.Time{}, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range splitQuery(q) {
		switch {
		case strings.HasPrefix(p, "found:"):
			v := strings.TrimPrefix(p, "found:")
			a, b, isRange := strings.Cut(v, "..")
			if !isRange {
				b = a
			}
			var err error
			if a != "" {
				if from, err = time.Parse("2006-01-02", a); err != nil {
					t.Fatalf("query %q: %v", q, err)
				}
			}
			if b != "" {
				if to, err = time.Parse("2006-01-02", b); err != nil {
					t.Fatalf("query %q: %v", q, err)
				}
			}
		case strings.HasPrefix(p, "kind:"), strings.HasPrefix(p, "file:"), strings.HasPrefix(p, "label:"):
		default:
			words = append(words, strings.ToLower(strings.Trim(p, `"`)))
		}
	}
	n := 0
rows:
	for i, text := range texts {
		if found[i].Before(from) || found[i].After(to) {
			continue
		}
		for _, w := range words {
			if !strings.Contains(text, w) {
				continue rows
			}
		}
		n++
	}
	return n
}

// TestQueryBreadth holds every query of the set to the breadth it is
// labelled with, on the 20,000-row test log, and ids to exactly one row.
func TestQueryBreadth(t *testing.T) {
	texts, found, ids := rowTexts(t)
	cfg := testConfig(1)
	idSet := map[string]bool{}
	for _, id := range ids {
		idSet[id] = true
	}
	for _, q := range allQueries(cfg, "incidents2.csv") {
		n := matches(t, q.text, texts, found)
		share := float64(n) / float64(len(texts))
		t.Logf("%-8s %-5s %6d %6.2f%%  %s", q.class, q.breadth, n, 100*share, q.text)
		if idPattern.MatchString(q.text) {
			want := 0
			if idSet[q.text] {
				want = 1
			}
			if n != want && !(want == 1 && n > 1) { // an id may be cited in another ticket
				t.Errorf("id query %s matches %d rows, want %d", q.text, n, want)
			}
			continue
		}
		var ok bool
		switch q.breadth {
		case broad:
			ok = share >= 0.05
		case mid:
			ok = share >= 0.001 && share < 0.05
		case rare:
			ok = share < 0.001
		}
		if !ok {
			t.Errorf("%s query %s matches %.2f%% of rows, not %s", q.class, q.text, 100*share, q.breadth)
		}
	}
}

// TestQueryFile checks the file --queries-out writes: comment lines, then
// class<TAB>query lines of the three classes, every class present, every
// query parsing by the same rules the test estimates matches with.
func TestQueryFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "incidents2.csv")
	qout := filepath.Join(dir, "queries2.tsv")
	var stderr bytes.Buffer
	if err := run([]string{"--rows", "3000", "--seed", "3", "--out", out, "--queries-out", qout}, io.Discard, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "3000 rows") {
		t.Errorf("stderr %q does not report the rows", stderr.String())
	}
	data, err := os.ReadFile(qout)
	if err != nil {
		t.Fatal(err)
	}
	classes := map[string]int{}
	sawFile, sawFound, sawID := false, false, false
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		class, q, ok := strings.Cut(line, "\t")
		if !ok || strings.Contains(q, "\t") || q == "" {
			t.Fatalf("line %d: %q is not class<TAB>query", i+1, line)
		}
		if class != classAnd && class != classPhrase && class != classNarrowed {
			t.Fatalf("line %d: unknown class %q", i+1, class)
		}
		classes[class]++
		if strings.Count(q, `"`)%2 != 0 {
			t.Errorf("line %d: unbalanced quotes in %q", i+1, q)
		}
		if class == classAnd && len(splitQuery(q)) != 2 {
			t.Errorf("line %d: and query %q is not two terms", i+1, q)
		}
		if class == classPhrase && len(splitQuery(q)) != 1 {
			t.Errorf("line %d: phrase query %q is not one phrase", i+1, q)
		}
		sawFile = sawFile || strings.HasPrefix(q, "file:incidents2.csv ")
		sawFound = sawFound || strings.HasPrefix(q, "found:2024-03-01..2024-03-07")
		sawID = sawID || idPattern.MatchString(q)
	}
	for _, c := range []string{classAnd, classPhrase, classNarrowed} {
		if classes[c] < 10 {
			t.Errorf("%d %s queries, want 10 or more", classes[c], c)
		}
	}
	if !sawFile || !sawFound || !sawID {
		t.Errorf("file: %v, found: 2024-03-01..2024-03-07 %v, id %v: want all three narrowed kinds", sawFile, sawFound, sawID)
	}
	// The ids of the query set are in the log written beside it.
	log, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range allQueries(config{rows: 3000, seed: 3, start: testConfig(3).start, days: 731}, "incidents2.csv") {
		if idPattern.MatchString(q.text) && !strings.HasPrefix(q.text, "GD2023") && !bytes.Contains(log, []byte("\n"+q.text+",")) {
			t.Errorf("id %s of the query set is not in the log", q.text)
		}
	}
}

// TestRowsAllocateNothing checks the generator streams: writing a row
// allocates nothing, so memory does not grow with the log.
func TestRowsAllocateNothing(t *testing.T) {
	g, err := newGenerator(testConfig(1))
	if err != nil {
		t.Fatal(err)
	}
	seq := 0
	allocs := testing.AllocsPerRun(2000, func() {
		seq++
		g.writeRow(10, seq)
		if len(g.row) > 32<<10 {
			g.row = g.row[:0]
		}
	})
	if allocs > 0.01 {
		t.Errorf("%.2f allocations a row, want none", allocs)
	}
}

func TestFlags(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--rows", "10", "--start", "2024-13-01", "--out", filepath.Join(t.TempDir(), "x.csv")},
		{"--rows", "10", "--days", "0", "--out", filepath.Join(t.TempDir(), "x.csv")},
		{"--rows", "10", "stray"},
	} {
		if err := run(args, io.Discard, io.Discard); err == nil {
			t.Errorf("run %q: no error", args)
		}
	}
	// --alt-headers writes the same rows under the other names.
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	if err := run([]string{"--rows", "50", "--out", a}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"--rows", "50", "--out", b, "--alt-headers"}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	_, ra, _ := bytes.Cut(da, []byte("\r\n"))
	hb, rb, _ := bytes.Cut(db, []byte("\r\n"))
	if !bytes.Equal(ra, rb) || !bytes.Contains(hb, []byte("结案日期")) {
		t.Error("--alt-headers changed the rows or not the header")
	}
}

func BenchmarkGenerate(b *testing.B) {
	cfg := testConfig(1)
	cfg.rows = 100000
	b.ResetTimer()
	for range b.N {
		g, err := newGenerator(cfg)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := g.writeCSV(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cfg.rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}
