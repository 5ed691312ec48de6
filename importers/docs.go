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

**Headers.** The header row is the first row, among the first 30, that
names at least two fields of a kind. Headers are matched ignoring case,
spaces, punctuation, full-width forms, bracketed notes ("数据规模（条）")
and line breaks of bilingual headers ("数据来源名称\nSource name" matches
either line). A longer header that contains a known spelling of at least
three Chinese characters or six letters also names its field
("事件发现时间" → found_at), unless what it adds names another attribute
(日期, 时间, 编号, 数量 …: "安全评估完成日期" is not security_assessment).
Columns whose header matches no field are kept verbatim as
extra attributes of each record, never dropped. Two columns under one field
— a merged header over a number and its unit — are read together.

**Key facts down a column.** A table with no header row whose first column
names at least three fields of one kind, values beside them ("项目 | 内容"),
is read as one record — the usual layout of an algorithm's key facts.

**Kind.** Without --kind, the kind is the one whose fields the header names
best, counting fields that are not generic (identifiers, notes, dates);
when two kinds fit equally well the import stops and asks for --kind.

**Values.** A value that cannot be read as its field's type is kept as text
and reported as a warning naming its row and column.

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
| bool | 是/否, 有/无, Y/N, yes/no, true/false, 1/0, √/× | true / false |
| date | 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, an Excel date or serial; a month (2024-03, 2024年3月) or a year (2024年) alone | "2024-03-05", "2024-03", "2024" |
| datetime | a date as above with an optional time and zone: 2024/3/5 14:03, 2024-03-05T14:03:05+08:00, 2024年3月5日14时 | as precise as written: "2024-03-05T14:03", "2024-03-05T14:03:05+08:00", "2024-03-05T14", "2024-03-05" |
| period | 2023年1月至2023年6月, 2023.01-2023.06, 2023-01-01~2023-06-30, 2023年1月-6月, 2023年1月至今, 2023年 | ISO 8601 interval: "2023-01/2023-06", "2023-01/.." for an open end |
| percent | 3.5%, 0.035, 5‰ (a bare number above 1 is read as percent, with a warning) | fraction: 0.035 |
| scale | 1.2TB, 3亿 tokens, 50万条, 800小时, 70B | {"value": 1.2e12, "unit": "bytes"}; units tokens, items, bytes, hours, parameters or "" |
| count | 1,234, 1.2万, 3K | whole number |
| duration | 15个工作日, 7天, 48小时 | {"value": 15, "unit": "working_days"}; units hours, days, working_days |
| enum | one value of the field's vocabulary, in Chinese or English | the canonical value |
| enum list | several values separated by 、 , ; or / | array of canonical values |

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
