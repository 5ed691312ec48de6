package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// sampleSeed seeds every random choice of the sample.
const sampleSeed = 20250630

// sampleIncidentRows is the size of the sample's incident log.
const sampleIncidentRows = 3000

// The sample's file names.
const (
	dataSourcesFile = "data-sources.xlsx"
	annotationFile  = "annotation-qa.csv"
	algorithmFile   = "algorithm.json"
	incidentsFile   = "incidents.csv"
	readmeFile      = "README.md"
)

// problem is one planted compliance problem, as the README lists it.
type problem struct {
	file, where, what, article string
}

// sampleFile is one generated file.
type sampleFile struct {
	name string
	data []byte
}

// runSample is the sample subcommand.
func runSample(args []string, stderr io.Writer) error {
	fs := newFlagSet("sample", stderr)
	out := fs.String("out", filepath.Join("testdata", "sample"), "directory to write the sample files into")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	files, err := writeSample(*out)
	if err != nil {
		return fmt.Errorf("sample: %w", err)
	}
	for _, f := range files {
		fmt.Fprintf(stderr, "wrote %s (%d bytes)\n", filepath.Join(*out, f.name), len(f.data))
	}
	return nil
}

// writeSample generates the sample and writes its files into dir, creating
// dir if need be.
func writeSample(dir string) ([]sampleFile, error) {
	files, err := buildSample()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", dir, err)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil {
			return nil, fmt.Errorf("writing %s: %w", f.name, err)
		}
	}
	return files, nil
}

// buildSample generates every file of the sample, README.md last.
func buildSample() ([]sampleFile, error) {
	var problems []problem

	xlsx, err := buildDataSources()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dataSourcesFile, err)
	}
	problems = append(problems, dataSourceProblems()...)

	qa, qaLines := buildAnnotationQA()
	problems = append(problems,
		problem{annotationFile, fmt.Sprintf("%s (line %d)", untrainedBatch, qaLines[untrainedBatch]),
			"安全性标注 batch: 是否培训 = 否 and no 培训日期 — annotators not trained", "Art. 8"},
		problem{annotationFile, fmt.Sprintf("%s (line %d)", uncheckedBatch, qaLines[uncheckedBatch]),
			"empty 核验样本量 and empty 准确率 — no sample verification of the annotations", "Art. 8"},
		problem{annotationFile, fmt.Sprintf("%s (line %d)", voidBatch, qaLines[voidBatch]),
			"安全性标注 batch verified at 准确率 " + voidAccuracy + ": more than 5% failed, so the batch is void (GB/T 45674-2025 §8.3)", "Art. 8"},
	)

	alg, err := buildAlgorithm()
	if err != nil {
		return nil, err
	}

	inc, incProblems, err := buildSampleIncidents()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", incidentsFile, err)
	}
	problems = append(problems, incProblems...)

	safety, fig, err := buildSafety()
	if err != nil {
		return nil, err
	}

	files := []sampleFile{
		{dataSourcesFile, xlsx},
		{annotationFile, qa},
		{algorithmFile, alg},
		{incidentsFile, inc},
	}
	files = append(files, safety...)
	return append(files, sampleFile{readmeFile, sampleReadme(problems, fig)}), nil
}

// dataSourceProblems lists the problems planted in dataSources.
func dataSourceProblems() []problem {
	where := func(id string) string {
		i := slices.IndexFunc(dataSources, func(d dataSource) bool { return d.id == id })
		return fmt.Sprintf("%s (sheet %s, row %d)", id, dataSheet, dataSourceRow(i))
	}
	return []problem{
		{dataSourcesFile, where("DS-07"), "是否含个人信息 = 是 but 个人信息处理依据 is empty", "Art. 7(3)"},
		{dataSourcesFile, where("DS-11"), "是否含版权作品 = 是 but 版权许可 is empty", "Art. 7(2)"},
		{dataSourcesFile, where("DS-13"), "合法来源依据 is empty", "Art. 7(1)"},
		{dataSourcesFile, where("DS-04"), "违法不良信息占比 = 6.80%, above the 5% of TC260-003-2024 §5.1 a (every other source ≤ 0.30%)", "Art. 7(4)"},
	}
}

// buildSampleIncidents makes the sample's incident log: 3000 clean rows
// with a known set of planted problems, encoded in GB18030. Planted rows
// are picked at random among the rows of their category found before
// 2025-06-01, so that late resolutions still fall in 2025.
func buildSampleIncidents() ([]byte, []problem, error) {
	g := newIncidentGen(sampleSeed, sampleIncidentRows)
	rows := make([]incident, sampleIncidentRows)
	byCat := [numCategories][]int{}
	cutoff := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for i := range rows {
		rows[i] = g.next()
		if rows[i].found.Before(cutoff) {
			byCat[rows[i].cat] = append(byCat[rows[i].cat], i)
		}
	}
	rng := newRand(sampleSeed + 2)
	// take picks n rows of a category, in log order.
	take := func(cat, n int) []int {
		c := byCat[cat]
		rng.Shuffle(len(c), func(i, j int) { c[i], c[j] = c[j], c[i] })
		picked := slices.Clone(c[:n])
		byCat[cat] = c[n:]
		slices.Sort(picked)
		return picked
	}
	width := idWidth(sampleIncidentRows)
	var problems []problem
	add := func(idx []int, what, article string) {
		for _, i := range idx {
			id := string(appendIncidentID(nil, rows[i].seq, width))
			problems = append(problems, problem{incidentsFile, fmt.Sprintf("%s (line %d)", id, i+2), what, article})
		}
	}
	unreported := take(catIllegal, 3)
	for _, i := range unreported {
		rows[i].plantUnreported()
	}
	add(unreported, "违法内容 with 是否报告主管部门 = 否 and no 报告时间 — not reported to the competent authority", "Art. 14 ¶1")
	weak := take(catIllegal, 2)
	for k, i := range weak {
		rows[i].plantWeakAction([]string{"警示", "模型优化训练"}[k])
	}
	add(weak[:1], "违法内容 whose 处置措施 is only 警示 — no 停止生成, 停止传输 or 消除", "Art. 14 ¶1")
	add(weak[1:], "违法内容 whose 处置措施 is only 模型优化训练 — no 停止生成, 停止传输 or 消除", "Art. 14 ¶1")
	noAction := take(catUserIllegal, 2)
	for _, i := range noAction {
		rows[i].plantNoAction()
	}
	add(noAction, "用户违法活动 with an empty 处置措施 — no warning, restriction, suspension or termination", "Art. 14 ¶2")
	late := take(catComplaint, 4)
	for _, i := range late {
		rows[i].plantLate(rng)
	}
	for _, i := range late {
		// Days are counted as the law counts them: from the day after
		// receipt to the day of resolution.
		f, r := rows[i].found, rows[i].resolvedAt
		days := int(time.Date(r.Year(), r.Month(), r.Day(), 0, 0, 0, 0, time.UTC).Sub(time.Date(f.Year(), f.Month(), f.Day(), 0, 0, 0, 0, time.UTC)).Hours() / 24)
		add([]int{i}, fmt.Sprintf("投诉举报 resolved %d calendar days after it came in — beyond the published 15 working days (all other complaints: ≤ 10 days)", days), "Art. 15")
	}
	unresolved := take(catPIRequest, 2)
	for _, i := range unresolved {
		rows[i].plantUnresolved()
	}
	add(unresolved, "个人信息请求 with an empty 办结时间 and 是否反馈 = 否 — request not handled", "Art. 11 ¶2")

	b := appendCSVRecord(nil, incidentHeader)
	for i := range rows {
		b = appendIncident(b, &rows[i], width)
	}
	enc, err := encodeGB18030(b)
	if err != nil {
		return nil, nil, err
	}
	return enc, problems, nil
}

// sampleReadme writes testdata/sample/README.md.
func sampleReadme(problems []problem, fig safetyFigures) []byte {
	var b strings.Builder
	b.WriteString(`# Sample submissions: 星河智算科技有限公司 / 星河对话 Xinghe Chat

Generated by ` + "`go run ./cmd/wbgen sample`" + ` — do not edit by hand; change
` + "`cmd/wbgen`" + ` and regenerate. Output is deterministic (fixed seed, fixed dates,
fixed workbook properties), and ` + "`go test ./cmd/wbgen`" + ` checks that these files are
byte-for-byte what the generator writes and that the planted problems below
are exactly the ones present.

Everything here is fictional: the provider ` + providerName + ` (统一社会信用代码
` + providerCode + `), its service ` + serviceName + ` (算法备案号
` + filingNo + `) built on ` + baseModel + ` (备案号
` + baseModelFiling + `), which generates text and images and has public-opinion
attributes. No real company, person, phone number or ID number appears.

## Files

| file | kind | encoding and layout |
| --- | --- | --- |
| ` + "`data-sources.xlsx`" + ` | data_source 训练数据来源说明 | Sheet ` + "`数据来源`" + `: row 1 a title merged across all columns, row 2 a merged note row, row 3 the header. The header 数据规模 is one cell merged over two columns, the number (1.2, "3亿") and its unit (TB, tokens); two headers are bilingual ("数据来源名称\nSource name", "违法不良信息占比\nHarmful share"). 违法不良信息占比 holds real numbers formatted 0.00%, 抽检样本量 numbers formatted #,##0. Extra columns 负责部门 (text) and 登记日期 (real Excel dates, yyyy-mm-dd) map to no field and are kept as extra attributes. Header frozen. A second sheet ` + "`说明`" + ` holds notes and is skipped by the importer. 15 sources DS-01…DS-15 covering every category, origin and stage. |
| ` + "`annotation-qa.csv`" + ` | annotation_rule 标注规则 QA rows | UTF-8 without BOM, comma-separated, CRLF record ends. 24 batches (2024-Q3…2025-Q2), 功能性标注 and 安全性标注. One quoted 备注 holds commas (2024-Q3-SFT-02), one holds a line break (2024-Q4-IMG-01, a bare LF inside the quotes, as Excel writes it), so the file has one more line than records. |
| ` + "`algorithm.json`" + ` | algorithm 算法机制机理说明 | UTF-8, one JSON object with the spec's Chinese keys; 安全机制 is a nested object (flattened to 安全机制.…); 服务提供者, 统一社会信用代码, 服务名称, 生成内容类型, 安全评估完成日期 and 投诉举报入口 are extra keys. Clean: 参数量 700亿, base model with filing number, image labelling described (Art. 12), public opinion 是 with 算法备案号 and 安全评估 是 (Art. 17), 投诉处理时限 15个工作日 (Art. 15). |
| ` + "`incidents.csv`" + ` | incident 事件与处置记录 | GB18030, comma-separated, CRLF. 3000 rows INC-0001…INC-3000 found 2024-01-01…2025-06-30 in log order. Times mostly "2024-03-05 14:03:05", some "2024/3/5 14:03" and "2024年3月5日" (a row uses one format in all its time columns). 处置措施 joins several actions with 、; 无需处置 (no action needed) appears on complaints, requests and security events. 是否反馈 is filled for complaints, requests and user-reported cases, empty otherwise. A few 备注, one with a comma (quoted). |
| ` + "`annotation-rules.docx`" + ` | annotation_rule 标注规则 (document) | The provider's annotation rules: Heading 1–3 styles (3 标注规则 > 3.2 安全性标注), body text and a table of safety categories. Made by LibreOffice from ` + "`src/annotation-rules.html`" + ` (not by wbgen): ` + "`soffice --headless --convert-to 'docx:MS Word 2007 XML' annotation-rules.html`" + `. Import with ` + "`--kind annotation_rule`" + `. |
| ` + "`algorithm-description.pdf`" + ` | algorithm 算法机制机理说明 (document) | Six pages of Chinese text (a page per section) with "字段：值" lines on page 1 (备案号, 基础模型, 基础模型备案号, 投诉处理时限) that agree with algorithm.json. Made by LibreOffice from ` + "`src/algorithm-description.html`" + `: ` + "`soffice --headless --convert-to pdf:writer_web_pdf_Export algorithm-description.html`" + `. Import with ` + "`--kind algorithm`" + `. |

## Planted problems

The automated checks of the Measures' template (art19-measures-2023)
should find exactly these, and nothing else: every
other row is complete and clean. 备注 gives no hint. Lines are 1-based lines
of the file (the header is line 1); rows are worksheet rows.

| file | row / identifier | problem | article |
| --- | --- | --- | --- |
`)
	for _, p := range problems {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", p.file, p.where, p.what, p.article)
	}
	b.WriteString(`
Clean baselines the checks can rely on:

- data-sources.xlsx: every other source that contains personal information
  or copyrighted works names its legal basis or licence, sources without
  them say "不适用" (not applicable) in those columns, every source has a
  lawful-source basis, and every other harmful share is at most 0.30%.
- annotation-qa.csv: every other batch was trained (with a date) and has a
  sample size and an accuracy of at least 95% (the bar GB/T 45674-2025 §8.3
  sets for safety batches; every functional batch reaches it too).
- incidents.csv: every other 违法内容 is reported with a 报告时间 and has
  停止生成, 停止传输 or 消除 among its actions; every 用户违法活动 is reported,
  and every other one has actions; every other 投诉举报 is resolved within 10
  calendar days with 是否反馈 = 是; every other 个人信息请求 is resolved within
  10 calendar days with 是否反馈 = 是; no time is earlier than the row's
  发现时间.

` + safetyReadme(fig) + `
## Regenerating

    go run ./cmd/wbgen sample            # writes testdata/sample/
    go test ./cmd/wbgen                  # checks the files and the planted problems

A large incident log for benchmarks (same columns, ids INC-0000001…, about
0.1% of rows with problems of the kinds above, ` + "`--problem-rate 0`" + ` for none):

    go run ./cmd/wbgen incidents --rows 1000000 --out /tmp/incidents-1m.csv [--encoding utf-8|gb18030] [--seed N]
`)
	return []byte(b.String())
}
