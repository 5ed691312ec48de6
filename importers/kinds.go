// Package importers turns the files a provider submits into records and
// passages: bytes in, structured data out, no database. It knows the four
// submission kinds and the confidentiality labels, and imports neither app
// nor store, so each importer can be tested and fuzzed on its own.
package importers

import (
	"fmt"
	"strings"
)

// Kind is one of the four kinds of submission Article 19 inspections ask
// providers for.
type Kind string

// The submission kinds.
const (
	DataSource     Kind = "data_source"     // 训练数据来源说明 (Arts. 7, 19)
	AnnotationRule Kind = "annotation_rule" // 标注规则 (Arts. 8, 19)
	Algorithm      Kind = "algorithm"       // 算法机制机理说明 (Arts. 17, 19, 12)
	Incident       Kind = "incident"        // 事件与处置记录 (Arts. 10, 11, 14, 15)
)

// Kinds lists the submission kinds in their usual order.
var Kinds = []Kind{DataSource, AnnotationRule, Algorithm, Incident}

// ParseKind reads a kind name as written on the command line.
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Kinds {
		if k == known {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown kind %q: use one of data_source, annotation_rule, algorithm, incident", s)
}

// Label is the confidentiality label every submission carries (Art. 19 ¶2).
type Label string

// The confidentiality labels, least to most sensitive.
const (
	Public       Label = "public"
	Internal     Label = "internal"
	TradeSecret  Label = "trade_secret"
	PersonalInfo Label = "personal_info"
	StateSecret  Label = "state_secret"
)

// Labels lists the labels from least to most sensitive.
var Labels = []Label{Public, Internal, TradeSecret, PersonalInfo, StateSecret}

// ParseLabel reads a label name as written on the command line.
func ParseLabel(s string) (Label, error) {
	l := Label(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Labels {
		if l == known {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown label %q: use one of public, internal, trade_secret, personal_info, state_secret", s)
}
