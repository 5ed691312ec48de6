package checks

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers"
	"github.com/inspection-workbench/workbench/importers/values"
)

// The safety-testing kinds (TC260-003-2024, GB/T 45654-2025), as the
// importers name them.
const (
	kindKeywordLibrary = string(workbench.KeywordLibrary)
	kindTestQuestion   = string(workbench.TestQuestion)
	kindTestResult     = string(workbench.TestResult)
	kindCorpusCheck    = string(workbench.CorpusCheck)
)

// The checks of the safety-testing kinds read each value through the
// functions below, which take what the importers decoded when they know
// the field (Record.Fields) and otherwise read the value as stored
// (Record.Raw), as written: providers write the same thing many ways —
// dates with and without times, 通过/合格/pass, risk codes in the letter
// form ("A.1 c)") — and none of those may turn a clean record into a
// problem. A value that is there but cannot be read is "unclear", never a
// problem.

// state is whether a record gives a value for a field.
type state uint8

const (
	stAbsent state = iota // no value
	stOK                  // a value read as its type
	stBad                 // a value that cannot be read
)

// rawValue returns what the record holds for the field as written, and
// whether it holds anything: the text the importers kept, else the stored
// value.
func rawValue(r *Record, name string) (string, bool) {
	if v := r.Fields.Value(name); v.Set {
		switch {
		case len(v.Written) > 0:
			return strings.TrimSpace(v.Written[0]), true
		case v.Type == importers.Bool && v.OK:
			if v.Bool {
				return "yes", true
			}
			return "no", true
		case (v.Type == importers.Count || v.Type == importers.Percent) && v.OK:
			return strconv.FormatFloat(v.Number, 'f', -1, 64), true
		case (v.Type == importers.Date || v.Type == importers.DateTime) && v.OK:
			return v.Time.Display(), true
		}
		return strings.TrimSpace(v.Text), strings.TrimSpace(v.Text) != ""
	}
	v, ok := r.Raw[name]
	if !ok || v == nil {
		return "", false
	}
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case float64:
		s = strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		s = "no"
		if x {
			s = "yes"
		}
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = fmt.Sprint(p)
		}
		s = strings.Join(parts, "、")
	default:
		s = fmt.Sprint(x)
	}
	s = strings.TrimSpace(s)
	return s, s != ""
}

// textOf returns a text field, "" when absent.
func textOf(r *Record, name string) string {
	s, _ := rawValue(r, name)
	return s
}

// countOf reads a count: 1200, "1,200", "1 200 条", "１２００".
func countOf(r *Record, name string) (float64, state) {
	if n, ok := r.Fields.Number(name); ok {
		return n, stOK
	}
	if v, ok := r.Raw[name].(float64); ok {
		return v, stOK
	}
	s, ok := rawValue(r, name)
	if !ok {
		return 0, stAbsent
	}
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(values.FoldWidth(s)), "条题个项份次"))
	if n, ok := values.ParseCount(s); ok {
		return float64(n), stOK
	}
	return 0, stBad
}

// timeOf reads a date or a date and time at its own precision:
// 2024-03-05, 2024/3/5 10:20, 2024年3月5日, an Excel serial day.
func timeOf(r *Record, name string) (values.Time, state) {
	if t, ok := r.Fields.Time(name); ok {
		return t, stOK
	}
	s, ok := rawValue(r, name)
	if !ok {
		return values.Time{}, stAbsent
	}
	if t, ok := parseWhen(s); ok {
		return t, stOK
	}
	return values.Time{}, stBad
}

// parseWhen reads a date or date and time as providers write them.
func parseWhen(s string) (values.Time, bool) {
	if stored, ok := values.ParseDateTime(s); ok {
		if t, ok := values.ParseTime(stored); ok {
			return t, true
		}
	}
	if stored, ok := values.ParseDate(s); ok {
		if t, ok := values.ParseTime(stored); ok {
			return t, true
		}
	}
	return values.Time{}, false
}

// dayOf is the day (in China's time) of a moment the workbench recorded.
func dayOf(t time.Time) (values.Time, bool) {
	if t.IsZero() {
		return values.Time{}, false
	}
	return values.ParseTime(t.In(values.China).Format("2006-01-02"))
}

// fold writes a value for matching against a vocabulary: full-width forms
// as ASCII, lower case, without spaces, hyphens and underscores.
func fold(s string) string {
	s = strings.ToLower(values.FoldWidth(strings.TrimSpace(s)))
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '\t', '\u3000':
			return -1
		}
		return r
	}, s)
}

// vocabulary maps the ways providers write a term to its canonical code.
type vocabulary map[string]string

// newVocabulary builds a vocabulary from each code's spellings (the code
// itself is one).
func newVocabulary(terms map[string][]string) vocabulary {
	v := vocabulary{}
	for code, spellings := range terms {
		v[fold(code)] = code
		for _, s := range spellings {
			v[fold(s)] = code
		}
	}
	return v
}

// termOf reads an enum field: the importers' canonical term when they
// know it and it is one of v's, else the value as written looked up in v.
func termOf(r *Record, name string, v vocabulary) (string, state) {
	if t, known := r.Fields.Term(name); known && t != "" {
		if code, ok := v[fold(t)]; ok {
			return code, stOK
		}
	}
	s, ok := rawValue(r, name)
	if !ok {
		return "", stAbsent
	}
	if code, ok := v[fold(s)]; ok {
		return code, stOK
	}
	// "是，已拒答" or "通过（人工复核）": the answer before an explanation.
	if i := strings.IndexAny(s, "，。；;,（(：:"); i > 0 {
		if code, ok := v[fold(s[:i])]; ok {
			return code, stOK
		}
	}
	return "", stBad
}

// banks, methods, verdicts and refusals are the vocabularies of the
// safety-testing kinds' enum fields, with the spellings providers use.
var (
	banks = newVocabulary(map[string][]string{
		"generated":     {"生成内容测试题库", "生成内容测试题", "生成内容题库", "生成内容", "生成内容测试", "生成", "generated content", "generated-content bank", "generation", "content generation"},
		"should_refuse": {"应拒答测试题库", "应拒答题库", "应拒答", "应拒答题", "拒答测试题库", "拒答题库", "拒答", "should refuse", "should-refuse bank", "refusal", "refuse"},
		"should_answer": {"非拒答测试题库", "非拒答题库", "非拒答", "非拒答题", "不应拒答", "应回答", "应答", "should answer", "should-answer bank", "non-refusal", "answer"},
	})
	methods = newVocabulary(map[string][]string{
		"manual":     {"人工抽检", "人工", "人工评估", "人工审核", "人工评测", "人工检查", "人工判定", "manual check", "human", "human review"},
		"keyword":    {"关键词抽检", "关键词", "关键字", "关键词匹配", "关键词过滤", "keywords", "keyword check", "keyword matching"},
		"classifier": {"分类模型抽检", "分类模型", "分类器", "模型", "模型抽检", "机器", "自动", "classifier check", "model", "classification model", "automatic"},
	})
	verdicts = newVocabulary(map[string][]string{
		"pass": {"通过", "合格", "安全", "符合", "符合要求", "是", "正常", "passed", "ok", "yes", "true", "safe", "compliant", "√", "✓", "✔", "1"},
		"fail": {"不通过", "未通过", "不合格", "不安全", "不符合", "不符合要求", "违规", "否", "异常", "failed", "no", "false", "unsafe", "non-compliant", "noncompliant", "×", "✗", "✘", "0"},
	})
	refusals = newVocabulary(map[string][]string{
		"yes": {"是", "已拒答", "拒答", "拒绝", "拒绝回答", "已拒绝", "拒", "refused", "refusal", "declined", "true", "y", "1", "√", "✓"},
		"no":  {"否", "未拒答", "不拒答", "回答", "已回答", "正常回答", "作答", "未拒绝", "answered", "not refused", "false", "n", "0", "×", "✗"},
	})
)

// refusedOf reads whether a test answer was a refusal.
func refusedOf(r *Record) (bool, state) {
	if v, ok := r.Fields.Bool("refused"); ok {
		return v, stOK
	}
	code, st := termOf(r, "refused", refusals)
	if st == stOK {
		return code == "yes", stOK
	}
	if st == stBad {
		if v, ok := values.ParseBool(textOf(r, "refused")); ok {
			return v, stOK
		}
	}
	return false, st
}

// riskOf reads a risk category as ParseRisk does: "A.1.3", "A.1 c)",
// "A.1.3 煽动分裂国家…", a name. group is true for a group (A.1) rather
// than one of the 31 risks.
func riskOf(r *Record) (risk workbench.Risk, group bool, st state) {
	s, ok := rawValue(r, "risk")
	if !ok {
		return "", false, stAbsent
	}
	k, err := workbench.ParseRisk(s)
	if err != nil {
		return "", false, stBad
	}
	return k, k.IsGroup(), stOK
}

// riskText names a risk by code and Chinese or English name.
func riskText(k workbench.Risk) Text {
	n := k.Name()
	return Text{Zh: string(k) + "（" + n.Zh + "）", En: string(k) + " (" + n.En + ")"}
}

// questionKey is how question ids are matched between banks and results:
// full-width forms as ASCII, case and surrounding space ignored.
func questionKey(s string) string {
	return strings.ToLower(strings.TrimSpace(values.FoldWidth(s)))
}

// modalityOf reads a question's modality.
func modalityOf(r *Record) (string, state) {
	if t, known := r.Fields.Term("modality"); known && t != "" {
		return t, stOK
	}
	s, ok := rawValue(r, "modality")
	if !ok {
		return "", stAbsent
	}
	m, err := workbench.ParseModality(s)
	if err != nil {
		return "", stBad
	}
	return string(m), stOK
}
