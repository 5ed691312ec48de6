package importers

import (
	"fmt"
	"strings"
)

// FormatsMarkdown documents the submission kinds — every field's meaning,
// accepted header spellings and value vocabulary — as Markdown. It is the
// body of docs/submission-formats.md, so the documentation cannot drift
// from what the importer accepts.
func FormatsMarkdown() string {
	var b strings.Builder
	b.WriteString(`# Submission formats

<!-- Generated from importers/spec.go by "go test ./importers -run TestFormatsDoc -update". Do not edit by hand. -->

Providers hand over four kinds of structured submission. Each arrives as
CSV (UTF-8, UTF-8 with BOM, GB18030/GBK; comma, tab, semicolon or bar),
XLSX (every sheet; title rows above the header are fine; a sheet named
说明 or Notes is skipped), JSON (an array of objects, an object holding one
such array, or a single object of key facts) or JSONL (one object per line).
An export that wraps its records beside metadata ({"provider": …,
"exported_at": …, "batches": [...]}, or deeper: {"data": {"items": [...]}})
has the array of objects whose keys name the most fields imported as the
records — if they name more than the object's own keys, which are otherwise
one record of key facts; the metadata is not a record. Nested objects in a
record are matched by their path as one phrase ("training.date" is
"training date"), then by their last parts ("qa.sample_size" is
sample_size), then by their first ("安全机制.内容过滤" is safety_mechanisms,
the value labelled 内容过滤) — this last only for a text field that no key
of the record names itself; JSON booleans and numbers read as such.
A legacy or binary format — .xls, .xlsb, WPS's .et and .wps, .doc, a
workbook of an Excel 2007 beta — is refused with what it is and what to
save it as (.xlsx or .docx), whether its name or its content (an OLE2
file renamed .xlsx or .csv) tells.

**Headers.** The header row is the first row, among the first 30, that
names at least two fields of a kind. Headers are matched ignoring case,
spaces, punctuation, full-width forms, bracketed notes ("数据规模（条）")
and headers in two languages — split by a line break, a slash, a space or
brackets, in either order ("数据来源名称\nSource name", "Type 类别",
"发现时间 Found at", "Reported? 是否上报", "类别（Type）") match by either
part. A longer header that contains a known spelling of at least
three Chinese characters or six letters also names its field
("事件发现时间" → found_at), unless what it adds names another attribute
(日期, 时间, 编号, 数量 …: "安全评估完成日期" is not security_assessment).
Columns whose header matches no field are kept verbatim as
extra attributes of each record, never dropped. Two columns under one field
— a merged header over a number and its unit — are read together.

**Where a table ends.** Rows below the header that are not records are
left out and listed in the import report (location, text, and why), unless
` + "`wb import --keep-notes`" + ` keeps them as records:

- a total: the first filled cell is 合计, 总计, 小计, 共计, 汇总, Total, Sum or
  Subtotal (also "合计：", "合计（条）"), whatever else the row holds;
- a note: the first filled cell, in the table's first column, starts with
  注：, 注1：, 注①：, 说明：, 填表说明, 注意：, 资料来源：, 数据来源： or
  Note:, whatever else the row holds (a CSV splits a note at its commas);
- a sign-off: every filled cell is one — 填报人：, 审核人：, 负责人：,
  填报日期：, 联系电话：, 单位（盖章）, Prepared by: …;
- a row holding one text (a merged cell across the row still counts as
  one): a note if it starts with 备注： or is a page header or footer
  (第2页, 共5页, Page 2 of 5); if it stands in the first column
  after a blank row; if it follows a row left out (a note running on); or
  if the header has four columns or more and the text is prose (20
  characters, or 10 with a comma, colon or full stop). But a text in the ID
  column that looks like an identifier — Latin letters or digits, no
  spaces or sentence punctuation, up to 40 characters (DS-07, INC-0042) —
  is a record with only its ID filled.

In JSON, an object whose only keys with a value are 注, 说明, 备注, note,
remarks, comment … is a note, one keyed 合计 or total a total.

**Rows longer than the header.** A value right of the header's last column
is kept as an extra column named by its position ("column E") with a
warning naming the row; in XLSX a merged cell reaching past the table is
read once.

**Key facts down a column.** A table whose key column (one of the first
three) names at least three fields of one kind, values beside them, is read
as one record — the usual layout of an algorithm's key facts — when its
keys name more fields than any header row does. A header row over it
(项目 | 内容, 字段 | 值, Item | Value, 名称 | 说明) is not a fact. Cells right
of a value are remarks, kept under the fact's name and the column's header
("参数量.备注"), not joined to the value; a form laying out two facts a row
(名称 | 值 | 名称 | 值) is read pair by pair. In a workbook with tables, a
sheet of key facts is skipped with a warning.

**Columns the checks read.** When no column of a table names a field the
automated checks read (marked "checked" below), the import warns once per
table, naming those fields and the columns that named no field, so that a
file of another kind, or one whose team named its columns otherwise, does
not import silently with nothing for the checks to judge. Import it again
with --kind, or rename the columns to headers listed here. An algorithm's
key facts are not warned about: they are usually spread over documents.
处理日期 is deliberately no header of resolved_at: it may be the day handling
began as well as the day it ended, and read as the latter it could make a
late answer look on time; it is kept as an extra column (rename it 办结日期
or 结案日期 if it is the day handling ended).

**Kind.** Without --kind, the kind is the one whose fields the header names
best, counting fields that are not generic (identifiers, notes, dates);
when two kinds fit equally well the import stops and asks for --kind.

**Values.** A value that cannot be read as its field's type is kept as text
and reported as a warning naming its row and column. A bracketed note
beside a vocabulary value is disregarded (微调（SFT） is fine-tuning). A
vocabulary value written in the provider's own words — a synonym, with a
note, or prose naming a term (违法不良信息（模型输出）, 拦截生成) — is stored
as written and read as its term (by the checks and the overview); it is
searched by both, the provider's words and the term's Chinese and English
names, and shown as written. A
value outside its field's vocabulary is kept as written and summed up once
per column in the import report, with a few examples, where the first one
stands and the values the field accepts ("处置措施: 538 values not
recognised, e.g. 复核后解除限制; the first at line 2"). It is not warned
about row by row: a provider who words a column its own way does so on
every row, and 500 identical warnings would bury the few that matter. The
count of warnings a file shows — in the report and in the list of
submissions alike — is its warnings, one per such column and one per row
left out as a note.

**Times know their precision.** A date is the whole day, not midnight: a
report dated 2024-06-06 is not earlier than an incident found at
2024-06-06 14:20, and a resolution dated the day of receipt took 0 days.
The checks compare two times at the coarser precision of the two, and flag
a time as earlier only when it is earlier at that precision. A time of
exactly midnight written without a zone (2024-06-06 00:00:00) is read as
the day alone, since systems that export dates through date-time columns
write midnight. Times without a zone are China Standard Time (UTC+8); a
time written with one (Z, +08:00, UTC, GMT+8, CST) is converted to it.

| type | written as | stored as |
| --- | --- | --- |
| text | anything | the text |
| bool | 是/否, 有/无, Y/N, yes/no, true/false, 1/0, √/×; 不涉及, 不适用, 无需, N/A — see below | true / false; a "not applicable" answer as written |
| date | 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, an Excel date or serial; a month (2024-03, 2024年3月) or a year (2024年) alone | "2024-03-05", "2024-03", "2024" |
| datetime | a date as above with an optional time and zone: 2024/3/5 14:03, 2024-03-05T14:03:05+08:00, 2024年3月5日14时 | as precise as written: "2024-03-05T14:03", "2024-03-05T14:03:05+08:00", "2024-03-05T14", "2024-03-05" |
| period | 2023年1月至2023年6月, 2023.01-2023.06, 2023-01-01~2023-06-30, 2023年1月-6月, 2023年1月至今, 2023年 | ISO 8601 interval: "2023-01/2023-06", "2023-01/.." for an open end |
| percent | 3.5%, 0.035, 5‰ (a bare number above 1 is read as percent, with a warning) | fraction: 0.035 |
| scale | 1.2TB, 3亿 tokens, 50万条, 800小时, 70B | {"value": 1.2e12, "unit": "bytes"}; units tokens, items, bytes, hours, parameters or "" |
| count | 1,234, 1.2万, 3K | whole number |
| duration | 15个工作日, 7天, 48小时 | {"value": 15, "unit": "working_days"}; units hours, days, working_days |
| enum | one value of the field's vocabulary, in Chinese or English | the canonical value; a synonym or a value with a note as written |
| enum list | several values separated by 、 , ; or / | array of canonical values (synonyms as written) |


**Not applicable is not no.** In a yes/no column asking whether something
was done — 是否报告主管部门, 是否反馈, 是否培训, 是否开展安全评估 — an answer
saying the question does not apply (不涉及, 不适用, 无需, 无需反馈, 无需报告,
不需要, N/A, not applicable) is kept as written: neither yes nor no. It is
searchable and shown as written; a check that needs the answer lists the
record as unclear for the inspector to judge, rather than counting a
report not made or an answer not given (or passing it). The import warns
once per column and spelling. In a column asking whether something is
there — 是否含个人信息, 是否含版权作品, 是否具有舆论属性 — 不涉及 means no. 无
means no in every yes/no column.

`)
	b.WriteString("Templates: `wb template KIND --out FILE.xlsx` writes a bilingual XLSX for providers to fill in, with drop-down lists for the vocabularies and a notes sheet.\n")
	for _, spec := range Specs {
		fmt.Fprintf(&b, "\n## %s — %s %s (%s)\n\n", spec.Kind, spec.ZH, spec.EN, spec.Articles)
		b.WriteString("| field | header | type | meaning | also accepted as header |\n| --- | --- | --- | --- | --- |\n")
		for _, f := range spec.Fields {
			name := "`" + f.Name + "`"
			if f.ID {
				name += " (the record's reference)"
			}
			if f.Checked {
				name += " (checked)"
			}
			fmt.Fprintf(&b, "| %s | %s / %s | %s | %s | %s |\n", name, f.ZH, f.EN, f.Type, mdEscape(f.Meaning), mdEscape(strings.Join(f.Synonyms, ", ")))
		}
		for _, f := range spec.Fields {
			if len(f.Terms) == 0 {
				continue
			}
			fmt.Fprintf(&b, "\nValues of `%s`:\n\n| value | 中文 | English | also accepted |\n| --- | --- | --- | --- |\n", f.Name)
			for _, t := range f.Terms {
				fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", t.Value, t.ZH, t.EN, mdEscape(strings.Join(t.Synonyms, ", ")))
			}
		}
	}
	return b.String()
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
