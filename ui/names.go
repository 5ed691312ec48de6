package ui

import (
	"github.com/inspection-workbench/workbench"
)

// The names of the vocabulary in the GUI's language, all read from the
// one table of package workbench (see workbench.Name); an unknown code is
// shown as it is.

// nameIn is t in the GUI's language.
func nameIn(t workbench.Text) string { return t.In(chinese()) }

// ruleText is an automated check's name in the GUI's language, never its
// id: "个人信息处理依据" for pi_legal_basis.
func ruleText(id string) string { return nameIn(workbench.RuleID(id).Name()) }

// resultName is a result in the GUI's language.
func resultName(r string) string { return nameIn(workbench.Result(r).Name()) }

// severityName is a severity in the GUI's language; "" is "None".
func severityName(s string) string { return nameIn(workbench.Severity(s).Name()) }

// kindName is a submission kind in the GUI's language.
func kindName(k string) string { return nameIn(workbench.Kind(k).Name()) }

// labelName is a confidentiality label in the GUI's language.
func labelName(l string) string { return nameIn(workbench.Label(l).Name()) }

// statusName is a case state in the GUI's language.
func statusName(s string) string { return nameIn(workbench.CaseStatus(s).Name()) }

// modalityName is a modality in the GUI's language.
func modalityName(m string) string { return nameIn(workbench.Modality(m).Name()) }

// decisionName is a proposal decision in the GUI's language.
func decisionName(d string) string { return nameIn(workbench.Decision(d).Name()) }

// locationText words a location the importers or the index stored in
// English ("sheet \"数据来源\", row 12") in the GUI's language.
func locationText(loc string) string { return workbench.LocationText(loc, chinese()) }
