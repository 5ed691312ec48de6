package workbench

import (
	"errors"
	"testing"
)

// The appendix has 31 risks in five groups, 17 of them in A.1 and A.2,
// and every one is named in both languages.
func TestRiskVocabulary(t *testing.T) {
	if len(Risks) != 31 {
		t.Fatalf("%d risks, want 31", len(Risks))
	}
	core, per := 0, map[Risk]int{}
	for _, r := range Risks {
		if r.CoreRisk() {
			core++
		}
		per[r.Group()]++
		if _, ok := Name(groupRisk, string(r)); !ok {
			t.Errorf("%s has no name", r)
		}
		if n := r.Name(); n.Zh == "" || n.En == "" || n.Zh == n.En {
			t.Errorf("%s is named %+v", r, n)
		}
	}
	if core != 17 {
		t.Errorf("%d core risks (A.1, A.2), want 17", core)
	}
	want := map[Risk]int{"A.1": 8, "A.2": 9, "A.3": 5, "A.4": 7, "A.5": 2}
	for g, n := range want {
		if per[g] != n || len(RisksIn(g)) != n {
			t.Errorf("group %s holds %d (RisksIn %d), want %d", g, per[g], len(RisksIn(g)), n)
		}
		if _, ok := Name(groupRisk, string(g)); !ok || !g.IsGroup() || g.CoreRisk() {
			t.Errorf("group %s: named %v, IsGroup %v, CoreRisk %v", g, ok, g.IsGroup(), g.CoreRisk())
		}
	}
}

func TestParseRisk(t *testing.T) {
	for in, want := range map[string]Risk{
		"A.1.3":  "A.1.3",
		"a.1.3":  "A.1.3",
		"A1.3":   "A.1.3",
		"Ａ．１．３":  "A.1.3",
		"A.1 c)": "A.1.3",
		"A.1（c）": "A.1.3",
		"A.2 i)": "A.2.9",
		"A.1.3 煽动分裂国家、破坏国家统一和社会稳定": "A.1.3",
		"煽动分裂国家、破坏国家统一和社会稳定":       "A.1.3",
		"Gender discrimination": "A.2.5",
		"性别歧视内容":                "A.2.5",
		"A.4":                   "A.4",
		"歧视性内容":                 "A.2",
		" A.5.2 ":               "A.5.2",
	} {
		got, err := ParseRisk(in)
		if err != nil || got != want {
			t.Errorf("ParseRisk(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "A.6", "A.1.9", "A.11", "A.1.10", "A.5 c)", "B.1.1", "色情", "Abc"} {
		got, err := ParseRisk(in)
		var we *Error
		if err == nil || !errors.As(err, &we) || we.Reason != ReasonUnknownRisk {
			t.Errorf("ParseRisk(%q) = %q, %v; want an unknown_risk error", in, got, err)
		}
	}
}
