package export

import (
	"github.com/inspection-workbench/workbench"
)

// Results are the result codes an item can have, in display order: the
// codes of workbench.Results.
var Results = workbench.Strings(workbench.Results)

// Severities are the severity codes a finding can have, least severe first
// ("" means none): the codes of workbench.Severities.
var Severities = workbench.Strings(workbench.Severities)

// The labels the workbook shows for each code, all read from the
// workbench's one table of names (workbench.Name); the drop-down lists,
// the colours and ParseResult derive from them.
var (
	resultLabels          = labelsOf("result", Results)
	severityLabels        = labelsOf("severity", Severities)
	decisionLabels        = labelsOf("decision", workbench.Strings(workbench.Decisions))
	statusLabels          = labelsOf("status", workbench.Strings(workbench.CaseStatuses))
	kindLabels            = labelsOf("kind", workbench.Strings(workbench.Kinds))
	confidentialityLabels = labelsOf("label", workbench.Strings(workbench.Labels))
)

// labelsOf reads the names of a group's codes from the workbench's table.
func labelsOf(group string, codes []string) map[string]workbench.Text {
	m := make(map[string]workbench.Text, len(codes))
	for _, c := range codes {
		n, ok := workbench.Name(group, c)
		if !ok {
			panic("export: the workbench names no " + group + " " + c)
		}
		m[c] = workbench.Text{Zh: n.Zh, En: n.En}
	}
	return m
}

// ResultLabel is the label of a result code in lang (workbench.ExportLangZh, workbench.ExportLangEn or
// workbench.ExportLangBoth, where it reads "合规 / Compliant"); an unknown code is returned
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
	r, err := workbench.ParseResult(s)
	return string(r), err == nil
}

// ParseSeverity turns a severity code or label in either language into its
// code; blank is "" and valid (no severity).
func ParseSeverity(s string) (code string, ok bool) {
	sev, err := workbench.ParseSeverity(s)
	return string(sev), err == nil
}

// parseLabel looks s up in lookup as the workbench's names are looked up
// (workbench.LookupFolded).
func parseLabel(lookup map[string]string, s string) (string, bool) {
	return workbench.LookupFolded(lookup, s)
}

// foldLabel folds a label for comparison (see workbench.Fold).
func foldLabel(s string) string { return workbench.Fold(s) }

// labelOf is the label of code in lang; "" for "" and code itself when the
// map does not know it.
func labelOf(labels map[string]workbench.Text, code, lang string) string {
	if code == "" {
		return ""
	}
	t, ok := labels[code]
	if !ok {
		return code
	}
	return short(t, lang)
}

// short is t in lang for a header or label: with workbench.ExportLangBoth "中文 / English".
func short(t workbench.Text, lang string) string { return pick(t, lang, " / ") }

// long is t in lang for a longer text: with workbench.ExportLangBoth Chinese and English on
// separate lines.
func long(t workbench.Text, lang string) string { return pick(t, lang, "\n") }

func pick(t workbench.Text, lang, sep string) string {
	switch lang {
	case workbench.ExportLangZh:
		return t.In(true)
	case workbench.ExportLangEn:
		return t.In(false)
	}
	return t.Both(sep)
}
