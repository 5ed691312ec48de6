package export

import (
	"strings"
	"unicode"
)

// Results are the result codes an item can have, in display order.
var Results = []string{"not_assessed", "compliant", "partially_compliant", "non_compliant", "not_applicable", "info_requested"}

// Severities are the severity codes a finding can have, least severe first
// ("" means none).
var Severities = []string{"low", "medium", "high", "critical"}

// resultLabels are the labels the workbook shows for each result code; the
// drop-down lists, the colours and ParseResult all derive from it.
var resultLabels = map[string]Text{
	"not_assessed":        {"未评估", "Not assessed"},
	"compliant":           {"合规", "Compliant"},
	"partially_compliant": {"部分合规", "Partially compliant"},
	"non_compliant":       {"不合规", "Non-compliant"},
	"not_applicable":      {"不适用", "Not applicable"},
	"info_requested":      {"需补充材料", "Information requested"},
}

// severityLabels are the labels the workbook shows for each severity code.
var severityLabels = map[string]Text{
	"low":      {"低", "Low"},
	"medium":   {"中", "Medium"},
	"high":     {"高", "High"},
	"critical": {"严重", "Critical"},
}

// decisionLabels are the labels of an automated check's decision.
var decisionLabels = map[string]Text{
	"pending":    {"待确认", "Pending"},
	"accepted":   {"已采纳", "Accepted"},
	"overridden": {"已修改", "Overridden"},
}

// statusLabels are the labels of a case's status.
var statusLabels = map[string]Text{
	"open":      {"进行中", "Open"},
	"concluded": {"已结束", "Concluded"},
	"signed":    {"已签署", "Signed"},
}

// kindLabels are the labels of the four kinds of submission.
var kindLabels = map[string]Text{
	"data_source":     {"训练数据来源说明", "Training data sources"},
	"annotation_rule": {"标注规则", "Annotation rules"},
	"algorithm":       {"算法机制机理说明", "Algorithm mechanism"},
	"incident":        {"事件与处置记录", "Incidents and handling"},
}

// confidentialityLabels are the labels of a submission's confidentiality
// label.
var confidentialityLabels = map[string]Text{
	"public":        {"公开", "Public"},
	"internal":      {"内部", "Internal"},
	"trade_secret":  {"商业秘密", "Trade secret"},
	"personal_info": {"个人信息", "Personal information"},
	"state_secret":  {"国家秘密", "State secret"},
}

// ResultLabel is the label of a result code in lang (LangZh, LangEn or
// LangBoth, where it reads "合规 / Compliant"); an unknown code is returned
// as it is.
func ResultLabel(code, lang string) string { return labelOf(resultLabels, code, lang) }

// SeverityLabel is the label of a severity code in lang, "" for "", and an
// unknown code as it is.
func SeverityLabel(code, lang string) string { return labelOf(severityLabels, code, lang) }

// ParseResult turns a result as an auditor may have typed it — the code
// ("non_compliant"), its label in either language ("不合规",
// "Non-compliant") or both ("不合规 / Non-compliant") — into its code. Case,
// surrounding blanks and the spelling of separators (space, "_", "-") do not
// matter. ok is false when s names no result, including when it is blank.
func ParseResult(s string) (code string, ok bool) {
	return parseLabel(resultLookup, s)
}

// ParseSeverity turns a severity code or label in either language into its
// code; blank is "" and valid (no severity).
func ParseSeverity(s string) (code string, ok bool) {
	if strings.TrimFunc(s, unicode.IsSpace) == "" {
		return "", true
	}
	return parseLabel(severityLookup, s)
}

var (
	resultLookup   = lookupOf(resultLabels)
	severityLookup = lookupOf(severityLabels)
)

// lookupOf maps the folded code and labels of each entry to its code.
func lookupOf(labels map[string]Text) map[string]string {
	m := make(map[string]string, 4*len(labels))
	for code, t := range labels {
		for _, s := range []string{code, t.Zh, t.En, t.Zh + " / " + t.En} {
			m[foldLabel(s)] = code
		}
	}
	return m
}

// parseLabel looks s up; failing that, a combined label ("合规/Compliant",
// "Compliant／合规") is accepted when all its parts name the same code.
func parseLabel(lookup map[string]string, s string) (string, bool) {
	k := foldLabel(s)
	if k == "" {
		return "", false
	}
	if code, ok := lookup[k]; ok {
		return code, true
	}
	parts := strings.FieldsFunc(k, func(r rune) bool { return r == '/' || r == '／' })
	if len(parts) < 2 {
		return "", false
	}
	var code string
	for _, p := range parts {
		c, ok := lookup[foldLabel(p)]
		if !ok || (code != "" && c != code) {
			return "", false
		}
		code = c
	}
	return code, true
}

// foldLabel lower-cases s, treats "_" and "-" as spaces, collapses runs of
// blanks (including the ideographic space) and trims them.
func foldLabel(s string) string {
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// labelOf is the label of code in lang; "" for "" and code itself when the
// map does not know it.
func labelOf(labels map[string]Text, code, lang string) string {
	if code == "" {
		return ""
	}
	t, ok := labels[code]
	if !ok {
		return code
	}
	return short(t, lang)
}

// short is t in lang for a header or label: with LangBoth "中文 / English".
func short(t Text, lang string) string { return pick(t, lang, " / ") }

// long is t in lang for a longer text: with LangBoth Chinese and English on
// separate lines.
func long(t Text, lang string) string { return pick(t, lang, "\n") }

func pick(t Text, lang, sep string) string {
	switch {
	case t.Zh == "":
		return t.En
	case t.En == "" || t.Zh == t.En:
		return t.Zh
	}
	switch lang {
	case LangZh:
		return t.Zh
	case LangEn:
		return t.En
	}
	return t.Zh + sep + t.En
}
