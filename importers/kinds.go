// Package importers turns the files a provider submits into records and
// passages: bytes in, structured data out, no database. It knows the four
// submission kinds and the confidentiality labels — the vocabulary of
// package workbench — and imports neither app nor store, so each importer
// can be tested and fuzzed on its own.
package importers

import "github.com/inspection-workbench/workbench"

// Kind is one of the four kinds of submission (see [workbench.Kind]).
type Kind = workbench.Kind

// The submission kinds.
const (
	DataSource     = workbench.DataSource
	AnnotationRule = workbench.AnnotationRule
	Algorithm      = workbench.Algorithm
	Incident       = workbench.Incident
)

// Kinds lists the submission kinds in their usual order.
var Kinds = workbench.Kinds

// ParseKind reads a kind by its code or its name in either language; an
// unknown kind is a *workbench.Error listing the valid ones.
func ParseKind(s string) (Kind, error) { return workbench.ParseKind(s) }

// Label is the confidentiality label every submission carries (see
// [workbench.Label]).
type Label = workbench.Label

// The confidentiality labels, least to most sensitive.
const (
	Public       = workbench.Public
	Internal     = workbench.Internal
	TradeSecret  = workbench.TradeSecret
	PersonalInfo = workbench.PersonalInfo
	StateSecret  = workbench.StateSecret
)

// Labels lists the labels from least to most sensitive.
var Labels = workbench.Labels

// ParseLabel reads a label by its code or its name in either language.
func ParseLabel(s string) (Label, error) { return workbench.ParseLabel(s) }
