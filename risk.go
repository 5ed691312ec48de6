package workbench

import (
	"regexp"
	"strconv"
	"strings"
)

// Risk is one of the security risks of Appendix A of TC260-003-2024
// 《生成式人工智能服务安全基本要求》 (and of GB/T 45654-2025, Appendix A),
// by its code: "A.1" to "A.5" are the five groups, "A.1.1" to "A.5.2" the
// 31 risks in them. The codes and Chinese names are the appendix's, as
// listed in ../shared/reference/tc260-003-risks-and-thresholds.md; the
// English names are the workbench's translation.
type Risk string

// RiskGroups lists the five groups of risks in the appendix's order.
var RiskGroups = []Risk{"A.1", "A.2", "A.3", "A.4", "A.5"}

// Risks lists the 31 risks in the appendix's order.
var Risks = []Risk{
	"A.1.1", "A.1.2", "A.1.3", "A.1.4", "A.1.5", "A.1.6", "A.1.7", "A.1.8",
	"A.2.1", "A.2.2", "A.2.3", "A.2.4", "A.2.5", "A.2.6", "A.2.7", "A.2.8", "A.2.9",
	"A.3.1", "A.3.2", "A.3.3", "A.3.4", "A.3.5",
	"A.4.1", "A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6", "A.4.7",
	"A.5.1", "A.5.2",
}

// Group is the risk's group ("A.1" for "A.1.3"); a group is its own group.
func (r Risk) Group() Risk {
	if i := strings.LastIndexByte(string(r), '.'); i > 1 {
		return r[:i]
	}
	return r
}

// IsGroup reports whether r is one of the five groups.
func (r Risk) IsGroup() bool { return Valid(RiskGroups, r) }

// CoreRisk reports whether r is one of the 17 risks of groups A.1 and A.2,
// the ones many of the standard's thresholds count by.
func (r Risk) CoreRisk() bool {
	g := r.Group()
	return !r.IsGroup() && Valid(Risks, r) && (g == "A.1" || g == "A.2")
}

// Name is the risk's Chinese and English name.
func (r Risk) Name() Text { return nameOf(groupRisk, string(r)) }

// RisksIn lists the risks of group g in order.
func RisksIn(g Risk) []Risk {
	var out []Risk
	for _, r := range Risks {
		if r.Group() == g {
			out = append(out, r)
		}
	}
	return out
}

// riskCode matches a code at the start of a value: "A.1.3", "A1.3",
// "Ａ．１．３", and the letter form of the original lists, "A.1 c)" or
// "A.1(c)" for A.1.3.
var riskCode = regexp.MustCompile(`^a\s*\.?\s*([1-5])(?:\s*\.\s*([0-9]{1,2})|\s*[(（]?\s*([a-i])\s*[)）])?`)

// ParseRisk reads a risk or group by its code ("A.1.3"), the letter form of
// the original lists ("A.1 c)"), its name in either language, or a code
// followed by a name ("A.1.3 煽动分裂国家…"). Full-width letters, digits
// and dots are read as their ASCII forms. A value that names none is an
// *Error with [ReasonUnknownRisk].
func ParseRisk(s string) (Risk, error) {
	if code, ok := parseName(groupRisk, s); ok {
		return Risk(code), nil
	}
	f := Fold(halfWidth(s))
	if m := riskCode.FindStringSubmatch(f); m != nil && !continues(f[len(m[0]):]) {
		code := "A." + m[1]
		switch {
		case m[2] != "":
			n, _ := strconv.Atoi(m[2])
			code += "." + strconv.Itoa(n)
		case m[3] != "":
			code += "." + strconv.Itoa(int(m[3][0]-'a'+1))
		}
		if r := Risk(code); Valid(Risks, r) || r.IsGroup() {
			return r, nil
		}
	}
	return "", Errorf(CodeInvalid, ReasonUnknownRisk, "Value", s, "Valid", []string{"A.1.1 … A.5.2"})
}

// continues reports whether rest goes on with a letter or digit, so that
// the code before it was only the start of a longer word ("A.11").
func continues(rest string) bool {
	return rest != "" && (rest[0] >= '0' && rest[0] <= '9' || rest[0] >= 'a' && rest[0] <= 'z')
}

// halfWidth turns full-width ASCII forms (Ａ, １, ．, （) into ASCII.
func halfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '！' && r <= '～' {
			return r - '！' + '!'
		}
		return r
	}, s)
}
