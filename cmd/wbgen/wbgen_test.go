package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// committedSample is where the sample is kept in the repository.
var committedSample = filepath.Join("..", "..", "testdata", "sample")

// TestSampleMatchesCommitted regenerates the sample and compares it byte for
// byte with testdata/sample: the committed files are what the generator
// writes, and the generator is deterministic.
func TestSampleMatchesCommitted(t *testing.T) {
	dir := t.TempDir()
	files, err := writeSample(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(committedSample, f.name))
		if err != nil {
			t.Errorf("%v (run: go run ./cmd/wbgen sample)", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("testdata/sample/%s differs from what cmd/wbgen writes (run: go run ./cmd/wbgen sample)", f.name)
		}
	}
	again, err := buildSample()
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range again {
		if !bytes.Equal(f.data, files[i].data) {
			t.Errorf("%s: two runs differ", f.name)
		}
	}
}

// sampleData generates the sample in memory, by name.
func sampleData(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := buildSample()
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, f := range files {
		m[f.name] = f.data
	}
	return m
}

// readmeIDs returns the identifiers the README lists for a file, from the
// first word of the row column of the problems table.
func readmeIDs(readme []byte, file string) []string {
	var ids []string
	for line := range strings.Lines(string(readme)) {
		if cells := strings.Split(line, " | "); len(cells) == 4 && cells[0] == "| `"+file+"`" {
			ids = append(ids, strings.Fields(cells[1])[0])
		}
	}
	return ids
}

func TestDataSourcesPlanted(t *testing.T) {
	data := sampleData(t)
	f, err := excelize.OpenReader(bytes.NewReader(data[dataSourcesFile]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{dataSheet, notesSheet}) {
		t.Errorf("sheets %q", got)
	}
	merged, err := f.GetMergeCells(dataSheet)
	if err != nil {
		t.Fatal(err)
	}
	var ranges []string
	for _, m := range merged {
		ranges = append(ranges, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	slices.Sort(ranges)
	if want := []string{"A1:U1", "A2:U2", "G3:H3"}; !slices.Equal(ranges, want) {
		t.Errorf("merged cells %q, want %q", ranges, want)
	}
	rows, err := f.GetRows(dataSheet)
	if err != nil {
		t.Fatal(err)
	}
	header := rows[dsHeaderRow-1]
	col := func(name string) int {
		i := slices.IndexFunc(header, func(h string) bool { return strings.HasPrefix(h, name) })
		if i < 0 {
			t.Fatalf("no column %s in %q", name, header)
		}
		return i
	}
	id, lawful, pi, piBasis, cr, crLic, harmful, reg := col("编号"), col("合法来源依据"), col("是否含个人信息"),
		col("个人信息处理依据"), col("是否含版权作品"), col("版权许可"), col("违法不良信息占比"), col("登记日期")
	var noBasis, noLicence, noLawful, highHarm []string
	cats := map[string]bool{}
	for r, row := range rows[dsHeaderRow:] {
		for len(row) < len(header) {
			row = append(row, "")
		}
		cats[row[2]] = true
		if row[pi] == "是" && row[piBasis] == "" {
			noBasis = append(noBasis, row[id])
		}
		if row[cr] == "是" && row[crLic] == "" {
			noLicence = append(noLicence, row[id])
		}
		if row[lawful] == "" {
			noLawful = append(noLawful, row[id])
		}
		// The harmful share is a real number formatted as a percentage.
		c := cell(harmful, dsFirstDataRow+r)
		raw, err := f.GetCellValue(dataSheet, c, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		v, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			t.Errorf("%s: harmful share %q is not a number", c, raw)
		}
		if !strings.HasSuffix(row[harmful], "%") {
			t.Errorf("%s: harmful share shows as %q, not a percentage", c, row[harmful])
		}
		switch {
		case v > 0.05:
			highHarm = append(highHarm, row[id])
		case v > 0.003:
			t.Errorf("%s: harmful share %v above 0.3%%", row[id], v)
		}
		if _, err := time.Parse(time.DateOnly, row[reg]); err != nil {
			t.Errorf("%s: 登记日期 shows as %q", row[id], row[reg])
		}
		if raw, _ := f.GetCellValue(dataSheet, cell(reg, dsFirstDataRow+r), excelize.Options{RawCellValue: true}); strings.Contains(raw, "-") {
			t.Errorf("%s: 登记日期 is text %q, not an Excel date", row[id], raw)
		}
		for c, v := range row {
			if v == "" && c != len(header)-1 && c != lawful && c != piBasis && c != crLic {
				t.Errorf("%s: empty %s", row[id], header[c])
			}
		}
	}
	check := func(what string, got []string, want ...string) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", what, got, want)
		}
	}
	check("personal information without legal basis", noBasis, "DS-07")
	check("copyrighted works without licence", noLicence, "DS-11")
	check("no lawful-source basis", noLawful, "DS-13")
	check("harmful share above 5%", highHarm, "DS-04")
	check("README", readmeIDs(data[readmeFile], dataSourcesFile), "DS-07", "DS-11", "DS-13", "DS-04")
	if len(cats) != 6 {
		t.Errorf("categories %v, want all six", cats)
	}
}

func TestAnnotationPlanted(t *testing.T) {
	data := sampleData(t)
	b := data[annotationFile]
	if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Error("annotation-qa.csv starts with a BOM")
	}
	r := csv.NewReader(bytes.NewReader(b))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, []byte("\r\n")); n != len(recs) {
		t.Errorf("%d CRLF for %d records", n, len(recs))
	}
	if n := bytes.Count(b, []byte("\n")); n != len(recs)+1 {
		t.Errorf("%d line breaks for %d records: want one inside a quoted field", n, len(recs))
	}
	if !bytes.Contains(b, []byte(`"覆盖写作, 编程, 数学三类任务"`)) {
		t.Error("no quoted field with a comma")
	}
	var untrained, unchecked, void []string
	kinds := map[string]int{}
	for _, rec := range recs[1:] {
		kinds[rec[1]]++
		if rec[3] == "否" && rec[4] == "" {
			if rec[1] != "安全性标注" {
				t.Errorf("%s: the untrained batch is %s", rec[0], rec[1])
			}
			untrained = append(untrained, rec[0])
		}
		if rec[5] == "" && rec[6] == "" {
			unchecked = append(unchecked, rec[0])
		}
		if acc, err := strconv.ParseFloat(strings.TrimSuffix(rec[6], "%"), 64); err == nil && acc < 95 {
			if rec[1] != "安全性标注" {
				t.Errorf("%s: a %s batch below 95%%", rec[0], rec[1])
			}
			void = append(void, rec[0])
		}
		for c, v := range rec[:9] {
			if v == "" && !slices.Contains(untrained, rec[0]) && !slices.Contains(unchecked, rec[0]) {
				t.Errorf("%s: empty %s", rec[0], recs[0][c])
			}
		}
	}
	if len(recs)-1 != 24 || kinds["功能性标注"] == 0 || kinds["安全性标注"] == 0 {
		t.Errorf("%d batches, kinds %v", len(recs)-1, kinds)
	}
	if !slices.Equal(untrained, []string{untrainedBatch}) || !slices.Equal(unchecked, []string{uncheckedBatch}) || !slices.Equal(void, []string{voidBatch}) {
		t.Errorf("untrained %q, unchecked %q, void %q", untrained, unchecked, void)
	}
	if got := readmeIDs(data[readmeFile], annotationFile); !slices.Equal(got, []string{untrainedBatch, uncheckedBatch, voidBatch}) {
		t.Errorf("README lists %q", got)
	}
}

func TestAlgorithmClean(t *testing.T) {
	var m map[string]any
	if err := json.Unmarshal(sampleData(t)[algorithmFile], &m); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{
		"基础模型备案号":         baseModelFiling,
		"算法备案号":           filingNo,
		"是否具有舆论属性或社会动员能力": "是",
		"是否开展安全评估":        "是",
		"投诉处理时限":          "15个工作日",
		"参数量":             "700亿",
	} {
		if m[k] != want {
			t.Errorf("%s = %v, want %s", k, m[k], want)
		}
	}
	if s, _ := m["生成内容标识"].(string); !strings.Contains(s, "图片") {
		t.Errorf("生成内容标识 %q does not describe images", s)
	}
	if _, ok := m["安全机制"].(map[string]any); !ok {
		t.Error("安全机制 is not a nested object")
	}
}

// parseLogTime reads a time in one of the incident log's formats.
func parseLogTime(s string) (time.Time, error) {
	var err error
	for _, layout := range []string{time.DateTime, "2006/1/2 15:04", "2006年1月2日"} {
		var t time.Time
		if t, err = time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, err
}

// incidentCounts are the problems found in an incident log.
type incidentCounts struct {
	unreported, weakAction, noAction, late, unresolved []string
	rows                                               int
}

// countIncidentProblems reads a UTF-8 incident log and applies the checks
// the sample's problems are planted for; it fails the test on anything
// else that is not clean.
func countIncidentProblems(t *testing.T, r io.Reader) incidentCounts {
	t.Helper()
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(incidentHeader)
	header, err := cr.Read()
	if err != nil || !slices.Equal(header, incidentHeader) {
		t.Fatalf("header %q, %v", header, err)
	}
	var c incidentCounts
	var prev time.Time
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		c.rows++
		id, cat, action, reported, reportedAt, resolvedAt, feedback := rec[0], rec[2], rec[5], rec[6], rec[7], rec[8], rec[9]
		if want := string(appendIncidentID(nil, c.rows, len(id)-4)); id != want || len(id)-4 < 4 {
			t.Fatalf("row %d: id %s, want %s", c.rows, id, want)
		}
		found, err := parseLogTime(rec[1])
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		latest := found // a time without seconds, or no time, stands for a range
		switch {
		case strings.HasSuffix(rec[1], "日"):
			latest = found.Add(24*time.Hour - time.Second)
		case strings.Contains(rec[1], "/"):
			latest = found.Add(time.Minute - time.Second)
		}
		if latest.Before(prev) || found.Before(logStart) || !found.Before(logEnd) {
			t.Fatalf("%s: found %s out of order or range", id, rec[1])
		}
		if found.After(prev) {
			prev = found
		}
		var resolved time.Time
		if resolvedAt != "" {
			if resolved, err = parseLogTime(resolvedAt); err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			if resolved.Before(found) {
				t.Errorf("%s: resolved before found", id)
			}
		}
		if reported == "是" {
			rt, err := parseLogTime(reportedAt)
			if err != nil || rt.Before(found) {
				t.Errorf("%s: reported at %q (%v)", id, reportedAt, err)
			}
		} else if reported != "否" || reportedAt != "" {
			t.Errorf("%s: reported %q at %q", id, reported, reportedAt)
		}
		if !slices.Contains(categoryNames[:], cat) {
			t.Fatalf("%s: category %q", id, cat)
		}
		if action == "" && cat != "用户违法活动" {
			t.Errorf("%s: %s without action", id, cat)
		}
		if resolvedAt == "" && cat != "个人信息请求" {
			t.Errorf("%s: %s not resolved", id, cat)
		}
		days := resolved.Sub(found).Hours() / 24
		switch cat {
		case "违法内容":
			if reported == "否" {
				c.unreported = append(c.unreported, id)
			}
			if !strings.Contains(action, "停止生成") && !strings.Contains(action, "停止传输") && !strings.Contains(action, "消除") {
				c.weakAction = append(c.weakAction, id)
			}
		case "用户违法活动":
			if reported != "是" {
				t.Errorf("%s: user illegal activity not reported", id)
			}
			if action == "" {
				c.noAction = append(c.noAction, id)
			}
		case "投诉举报":
			switch {
			case days > 21:
				c.late = append(c.late, id)
			case days > 10:
				t.Errorf("%s: complaint resolved after %.1f days", id, days)
			}
			if feedback != "是" {
				t.Errorf("%s: complaint without feedback", id)
			}
		case "个人信息请求":
			if resolvedAt == "" && feedback == "否" {
				c.unresolved = append(c.unresolved, id)
			} else if resolvedAt == "" || feedback != "是" || days > 10 {
				t.Errorf("%s: request resolved %q, feedback %q", id, resolvedAt, feedback)
			}
		}
	}
	return c
}

func TestIncidentsPlanted(t *testing.T) {
	data := sampleData(t)
	utf8, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data[incidentsFile])
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(utf8, []byte("\r\n")); n != sampleIncidentRows+1 || n != bytes.Count(utf8, []byte("\n")) {
		t.Errorf("%d CRLF line ends for %d rows", n, sampleIncidentRows)
	}
	c := countIncidentProblems(t, bytes.NewReader(utf8))
	if c.rows != sampleIncidentRows {
		t.Errorf("%d rows", c.rows)
	}
	for _, k := range []struct {
		what string
		ids  []string
		want int
	}{
		{"illegal content not reported", c.unreported, 3},
		{"illegal content without stop or eliminate", c.weakAction, 2},
		{"user illegal activity without action", c.noAction, 2},
		{"complaints resolved after 21 days", c.late, 4},
		{"personal-information requests unresolved", c.unresolved, 2},
	} {
		if len(k.ids) != k.want {
			t.Errorf("%s: %q, want %d", k.what, k.ids, k.want)
		}
	}
	var all []string
	for _, ids := range [][]string{c.unreported, c.weakAction, c.noAction, c.late, c.unresolved} {
		all = append(all, ids...)
	}
	if got := readmeIDs(data[readmeFile], incidentsFile); !slices.Equal(got, all) {
		t.Errorf("README lists %q,\nthe file has %q", got, all)
	}
}

// TestIncidentsCommand runs the incidents subcommand in both encodings: the
// GB18030 file decodes to the UTF-8 one, and the log is consistent.
func TestIncidentsCommand(t *testing.T) {
	dir := t.TempDir()
	utf := filepath.Join(dir, "u.csv")
	gb := filepath.Join(dir, "g.csv")
	var stderr bytes.Buffer
	if err := run([]string{"incidents", "--rows", "20000", "--out", utf, "--seed", "7", "--problem-rate", "0.01"}, io.Discard, &stderr); err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"incidents", "--rows=20000", "--out=" + gb, "--seed=7", "--problem-rate=0.01", "--encoding=gb18030"}, io.Discard, &stderr); err != nil {
		t.Fatal(err)
	}
	u, err := os.ReadFile(utf)
	if err != nil {
		t.Fatal(err)
	}
	g, err := os.ReadFile(gb)
	if err != nil {
		t.Fatal(err)
	}
	dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(g)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dec, u) {
		t.Error("the GB18030 log does not decode to the UTF-8 one")
	}
	c := countIncidentProblems(t, bytes.NewReader(u))
	if c.rows != 20000 {
		t.Errorf("%d rows", c.rows)
	}
	if n := len(c.unreported) + len(c.weakAction) + len(c.noAction) + len(c.late) + len(c.unresolved); n < 100 || n > 300 {
		t.Errorf("%d problems at a rate of 1%% over 20000 rows", n)
	}
	if !strings.HasPrefix(string(u), strings.Join(incidentHeader, ",")+"\r\nINC-00001,") {
		t.Errorf("log starts %q", u[:120])
	}
	for _, args := range [][]string{
		{"incidents", "--rows", "10"},
		{"incidents", "--rows", "0", "--out", utf},
		{"incidents", "--out", utf, "--encoding", "latin1"},
		{"bogus"},
	} {
		if err := run(args, io.Discard, io.Discard); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
}

// BenchmarkIncidents measures generating 100,000 rows in UTF-8 and GB18030.
func BenchmarkIncidents(b *testing.B) {
	for _, enc := range []textEncoding{encUTF8, encGB18030} {
		b.Run(string(enc), func(b *testing.B) {
			var n countWriter
			for b.Loop() {
				w := encodeWriter(&n, enc)
				if err := writeIncidents(w, 100000, 1, 0.001); err != nil {
					b.Fatal(err)
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(n) / int64(b.N))
		})
	}
}

// countWriter counts the bytes written to it.
type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
