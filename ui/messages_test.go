package ui

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/importers"
)

// sampleArgs fills every argument a reason takes with a value of the kind
// the workbench gives it.
func sampleArgs(r workbench.Reason) map[string]any {
	a := map[string]any{}
	for _, name := range workbench.ReasonArgs(r) {
		switch name {
		case "Valid", "Kinds":
			valid := map[workbench.Reason][]string{
				workbench.ReasonUnknownLabel:    workbench.Strings(workbench.Labels),
				workbench.ReasonUnknownResult:   workbench.Strings(workbench.Results),
				workbench.ReasonUnknownSeverity: workbench.Strings(workbench.Severities),
				workbench.ReasonUnknownModality: workbench.Strings(workbench.Modalities),
				workbench.ReasonUnknownRisk:     {"A.1.1 … A.5.2"},
			}[r]
			if r == workbench.ReasonTermsUnknown || r == workbench.ReasonValuesUnknown {
				valid = []string{"文本", "图片"} // a field's terms, in Chinese
			}
			if valid == nil {
				valid = workbench.Strings(workbench.Kinds)
			}
			a[name] = valid
		case "Known":
			a[name] = []string{"file", "found", "kind", "label"}
		case "Status":
			a[name] = "concluded"
		case "Case", "Pos", "Rows", "Min":
			a[name] = 7
		case "Field":
			a[name] = "kind"
		case "Kind":
			a[name] = "incident"
		case "Type":
			a[name] = "date"
		case "Document":
			a[name] = false
		case "Value":
			a[name] = "2027-02-30"
		case "Headers":
			a[name] = `"编号", "名称"`
		case "Format":
			a[name] = "a legacy Excel 97–2003 workbook (.xls)"
		case "Save":
			a[name] = ".xlsx"
		case "Item":
			a[name] = "art7-3-pi-consent"
		case "Expected":
			a[name] = "a date"
		default:
			a[name] = "甲"
		}
	}
	return a
}

// english finds English words left in a Chinese message once the values
// the user gave or must type (dates, codes, the query syntax) are taken out.
var english = regexp.MustCompile(`[A-Za-z]{3,}`)

// allowedInChinese are the words of the query syntax and date format a
// Chinese message may show, because the user types them.
var allowedInChinese = map[string]bool{"YYYY": true, "OR": true, "kind": true, "file": true, "found": true, "label": true, "xls": true, "xlsx": true,
	"UTF": true, "CSV": true, "PDF": true, "csv": true, "docx": true}

func checkChinese(t *testing.T, what, msg string) {
	t.Helper()
	for _, bad := range []string{"--", "docs/", "wb ", "pi_legal_basis"} {
		if strings.Contains(msg, bad) {
			t.Errorf("%s: %q shows %q", what, msg, bad)
		}
	}
	// Codes in brackets after their names and values the user gave (in
	// quotes) may stay as they are.
	rest := regexp.MustCompile(`（[a-z_]+）|“[^”]*”|art7-3-pi-consent`).ReplaceAllString(msg, "")
	for _, w := range english.FindAllString(rest, -1) {
		if !allowedInChinese[w] {
			t.Errorf("%s: %q has the English word %q", what, msg, w)
		}
	}
	if !regexp.MustCompile(`\p{Han}`).MatchString(msg) {
		t.Errorf("%s: %q is not in Chinese", what, msg)
	}
}

// TestErrorTextEveryReasonInChinese words every reason the workbench
// classifies in the Chinese GUI: no CLI syntax, no file of our docs, no
// rule id, no English sentence.
func TestErrorTextEveryReasonInChinese(t *testing.T) {
	inLanguage(t, "zh_CN.UTF-8")
	for _, r := range workbench.Reasons() {
		err := fmt.Errorf("import x.csv: %w", &workbench.Error{Code: workbench.CodeInvalid, Reason: r, Args: sampleArgs(r)})
		checkChinese(t, string(r), errorText(err))
	}
}

// TestErrorTextEveryReasonInEnglish checks that the English GUI words
// every reason without CLI advice too.
func TestErrorTextEveryReasonInEnglish(t *testing.T) {
	inLanguage(t, "en_US.UTF-8")
	for _, r := range workbench.Reasons() {
		msg := errorText(&workbench.Error{Code: workbench.CodeInvalid, Reason: r, Args: sampleArgs(r)})
		if strings.Contains(msg, "--") || strings.Contains(msg, "docs/") || strings.Contains(msg, "{{") || msg == string(r) {
			t.Errorf("%s: %q", r, msg)
		}
	}
}

// TestErrorTextOfRealErrors words errors as app, the importers and the
// query parser make them.
func TestErrorTextOfRealErrors(t *testing.T) {
	inLanguage(t, "zh_CN.UTF-8")
	qerr := app.ParseQuery("违法 kind:incidents")
	_, kerr := workbench.ParseKind("incidents")
	_, derr := app.ValidateCaseField(app.FieldOpenedOn, "2027-02-30")
	for _, tc := range []struct {
		name string
		err  error
		want []string
	}{
		{"unknown kind in a query", qerr, []string{"查询第 9 个字符处", "“incidents”", "训练数据来源说明（data_source）", "事件与处置记录（incident）"}},
		{"unknown kind", kerr, []string{"未知的材料类型", "标注规则"}},
		{"impossible date", derr, []string{"2027-02-30 不存在"}},
		{"kind not clear", fmt.Errorf("%w: %w", importers.ErrKind, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonDocumentKind)), []string{"请在导入前选择材料类型"}},
		{"no inspection", &app.NoInspectionError{CaseID: 3}, []string{"案件 3 尚未开始检查"}},
		{"not concluded", fmt.Errorf("sign: %w", workbench.Errorf(workbench.CodeConflict, workbench.ReasonNotConcluded, "Case", 3, "Status", "open")), []string{"进行中"}},
		{"shared case", workbench.Errorf(workbench.CodeConflict, workbench.ReasonCaseShared, "Case", 3, "Other", 1, "Status", "signed", "Fields", []string{"credit_code", "filing_no"}),
			[]string{"案件 1 的统一社会信用代码、备案号", "已签署"}},
		{"field", &app.FieldError{Field: app.FieldNote, Problem: app.ProblemTooLong, Err: errors.New("note is 20001 characters long")}, []string{"备注"}},
	} {
		msg := errorText(tc.err)
		checkChinese(t, tc.name, msg)
		for _, w := range tc.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: %q does not say %q", tc.name, msg, w)
			}
		}
	}
}

// TestNamesFromTheTable checks the GUI's names of the vocabulary, rule
// ids and locations in both languages.
func TestNamesFromTheTable(t *testing.T) {
	inLanguage(t, "zh_CN.UTF-8")
	for got, want := range map[string]string{
		ruleText("pi_legal_basis"): "个人信息处理依据", resultText("non_compliant"): "不合规", severityText(""): "无",
		kindText("incident"): "事件与处置记录", labelText("trade_secret"): "商业秘密", statusText("signed"): "已签署",
		modalityText("image"): "图片", locationText(`sheet "数据来源", row 12`): "工作表“数据来源”，第 12 行",
		decisionText(app.Proposal{Decision: app.DecisionPending}): "待确认",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	inLanguage(t, "en_US.UTF-8")
	if ruleText("pi_legal_basis") != "Legal basis for personal information" || resultText("non_compliant") != "Non-compliant" ||
		locationText("page 3") != "page 3" || kindText("data_source") != "Training data sources" {
		t.Errorf("English names: %q %q %q", ruleText("pi_legal_basis"), resultText("non_compliant"), kindText("data_source"))
	}
}

// TestWarningText words stored importer warnings in Chinese: the location
// and, for a warning with a reason, the problem; an old warning without
// one keeps its English message after a Chinese location.
func TestWarningText(t *testing.T) {
	inLanguage(t, "zh_CN.UTF-8")
	for _, tc := range []struct {
		w    workbench.Warning
		want string
	}{
		{workbench.Warning{Location: "line 3, column 3 (发现时间)", Message: `"2027-02-30" is not a date: that day does not exist; kept as text`,
			Reason: workbench.ReasonDateNotInCalendar, Args: map[string]any{"Value": "2027-02-30"}},
			"第 3 行，第 3 列（发现时间）：“2027-02-30”不是有效日期：这一天不存在；已按文本保留"},
		{workbench.Warning{Location: `sheet "事件", row 4, column C`, Message: `"下周" is not a date or time; kept as text`,
			Reason: workbench.ReasonValueUnreadable, Args: map[string]any{"Value": "下周", "Type": "datetime", "Expected": "a date or time"}},
			"工作表“事件”，第 4 行，C 列：“下周”不是日期或时间；已按文本保留"},
		{workbench.Warning{Location: "page 2", Message: "old English warning"}, "第 2 页：old English warning"},
	} {
		if got := warningText(tc.w); got != tc.want {
			t.Errorf("warningText(%+v) = %q, want %q", tc.w, got, tc.want)
		}
	}
}

// TestFileErrorText words a failed import's error from its reason, with no
// CLI advice, where the report's English text would have it from the CLI.
func TestFileErrorText(t *testing.T) {
	inLanguage(t, "zh_CN.UTF-8")
	err := fmt.Errorf("%w: %w", importers.ErrKind, workbench.Errorf(workbench.CodeInvalid, workbench.ReasonKindAmbiguous, "Kinds", []string{"data_source", "annotation_rule"}))
	msg := fileErrorText(app.FileReport{Status: app.StatusFailed, Err: err, Error: err.Error()})
	checkChinese(t, "failed import", msg)
	if !strings.Contains(msg, "训练数据来源说明（data_source）、标注规则（annotation_rule）") {
		t.Errorf("%q does not name the kinds", msg)
	}
}

// TestSyntaxProblem words what the search view shows after "Query error at
// character N:" in Chinese.
func TestSyntaxProblem(t *testing.T) {
	inLanguage(t, "zh_CN.UTF-8")
	for q, want := range map[string]string{
		"found:2027-02-30":  "字段“found”中的 2027-02-30 不存在：日历上没有这一天",
		"违法 kind:incidents": "“incidents”不是有效的 kind 值：请使用以下之一：训练数据来源说明（data_source）",
		"OR 违法":             "OR 左侧没有内容",
	} {
		var se *workbench.SyntaxError
		if err := app.ParseQuery(q); !errors.As(err, &se) {
			t.Fatalf("%s: %v", q, err)
		}
		got := syntaxProblem(se)
		checkChinese(t, q, got)
		if !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", q, got, want)
		}
	}
}

// choiceArgs are sampleArgs(r) once for every value of the argument that
// chooses r's wording (workbench.ReasonChoice), or once.
func choiceArgs(r workbench.Reason) []map[string]any {
	c, ok := workbench.ReasonChoice(r)
	if !ok {
		return []map[string]any{sampleArgs(r)}
	}
	var out []map[string]any
	for _, v := range c.Values {
		a := sampleArgs(r)
		a[c.Arg] = v
		out = append(out, a)
	}
	return out
}

// TestEveryReasonAndChoiceInChinese words every reason the workbench
// declares, with every value of the argument that chooses its wording (a
// skipped chart, an ignored footnotes part, a row left out as a total …),
// in the Chinese GUI — as an error and, for a warning's reason, as a
// warning — and checks it is Chinese: Han characters, no English word but
// the names of products and formats (an English sentence from the
// catalogue, left untranslated, has many), and not the English GUI's
// wording.
func TestEveryReasonAndChoiceInChinese(t *testing.T) {
	type worded struct{ what, zh, en string }
	var got []worded
	for _, r := range workbench.Reasons() {
		for _, a := range choiceArgs(r) {
			c, _ := workbench.ReasonChoice(r)
			what := fmt.Sprintf("%s %s=%v", r, c.Arg, a[c.Arg])
			got = append(got, worded{what: what + " (error)"})
			if slices.Contains(workbench.WarningReasons, r) {
				got = append(got, worded{what: what + " (warning)"})
			}
		}
	}
	word := func(lang string) {
		inLanguage(t, lang)
		i := 0
		for _, r := range workbench.Reasons() {
			for _, a := range choiceArgs(r) {
				we := &workbench.Error{Code: workbench.CodeInvalid, Reason: r, Args: a}
				texts := []string{errorText(we)}
				if slices.Contains(workbench.WarningReasons, r) {
					w := workbench.Warning{Location: "page 2", Message: workbench.Format(workbench.EnglishOf(r), a), Reason: r, Args: a}
					if err := workbench.CheckWarning(w); err != nil {
						t.Errorf("sample warning: %v", err)
					}
					texts = append(texts, warningText(w))
				}
				for _, s := range texts {
					if lang == "zh_CN.UTF-8" {
						got[i].zh = s
					} else {
						got[i].en = s
					}
					i++
				}
			}
		}
	}
	word("zh_CN.UTF-8")
	word("en_US.UTF-8")
	for _, g := range got {
		t.Logf("%s: %s | %s", g.what, g.zh, g.en)
		checkWording(t, g.what, g.zh)
		if g.zh == g.en {
			t.Errorf("%s: %q is the same in Chinese and English", g.what, g.zh)
		}
	}
	if len(got) < len(workbench.Reasons())+len(workbench.WarningReasons) {
		t.Errorf("only %d wordings", len(got))
	}
}

// checkWording checks a message of any reason is worded in Chinese: as
// checkChinese, also allowing the names of products and file formats.
func checkWording(t *testing.T, what, msg string) {
	t.Helper()
	for _, bad := range []string{"--", "docs/", "wb ", "pi_legal_basis"} {
		if strings.Contains(msg, bad) {
			t.Errorf("%s: %q shows %q", what, msg, bad)
		}
	}
	rest := fileNames.ReplaceAllString(msg, "")
	rest = regexp.MustCompile(`（[a-z_]+）|“[^”]*”|"[^"]*"|\.[a-z]{3,4}\b|art7-3-pi-consent`).ReplaceAllString(rest, "")
	for _, w := range english.FindAllString(rest, -1) {
		if !allowedInChinese[w] && !productNames[w] && w != "SmartArt" && !strings.EqualFold(w, "png") && !strings.EqualFold(w, "gif") &&
			!strings.EqualFold(w, "rtf") && !strings.EqualFold(w, "xml") && w != "OLE" && w != "JSON" {
			t.Errorf("%s: %q has the English word %q", what, msg, w)
		}
	}
	if !hanChar.MatchString(msg) {
		t.Errorf("%s: %q is not in Chinese", what, msg)
	}
}
