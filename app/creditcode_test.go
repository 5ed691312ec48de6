package app

import (
	"errors"
	"testing"
)

func TestValidateCreditCode(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   string           // normalised code when valid
		reason CreditCodeReason // when invalid
		pos    int
	}{
		// Valid codes, including the GB 32100-2015 example and codes of
		// each registration-department kind.
		{name: "standard example", in: "91350100M000100Y43", want: "91350100M000100Y43"},
		{name: "enterprise", in: "91110108MA01KPGK0L", want: "91110108MA01KPGK0L"},
		{name: "public institution", in: "12100000400000624D", want: "12100000400000624D"},
		{name: "check character 0", in: "91110000802100433B", want: "91110000802100433B"},
		{name: "demo provider", in: "91110108MA7XH2TQ5E", want: "91110108MA7XH2TQ5E"},
		{name: "lower case", in: "91310115ma1k4rj73d", want: "91310115MA1K4RJ73D"},
		{name: "surrounding and inner spaces", in: "  9131 0115 MA1K 4RJ7 3D ", want: "91310115MA1K4RJ73D"},
		{name: "full-width characters", in: "９１３１０１１５ＭＡ１Ｋ４ＲＪ７３Ｄ", want: "91310115MA1K4RJ73D"},

		// Each kind of bad code.
		{name: "empty", in: "  ", reason: CreditCodeEmpty},
		{name: "too short", in: "91310115MA1K4RJ73", reason: CreditCodeLength},
		{name: "too long", in: "91310115MA1K4RJ73DD", reason: CreditCodeLength},
		{name: "old 15-digit licence number", in: "110108012345678", reason: CreditCodeLength},
		{name: "letter I", in: "91310115MI1K4RJ73D", reason: CreditCodeCharacter, pos: 10},
		{name: "letter O", in: "91310115MA1K4OJ73D", reason: CreditCodeCharacter, pos: 14},
		{name: "letter Z", in: "Z1310115MA1K4RJ73D", reason: CreditCodeCharacter, pos: 1},
		{name: "letter S", in: "91310115MA1K4RJ73S", reason: CreditCodeCharacter, pos: 18},
		{name: "letter V", in: "91310115MA1V4RJ73D", reason: CreditCodeCharacter, pos: 12},
		{name: "punctuation", in: "91310115MA1K4RJ7.D", reason: CreditCodeCharacter, pos: 17},
		{name: "Chinese character", in: "91310115MA1K4RJ7三D", reason: CreditCodeCharacter, pos: 17},
		{name: "letter in division code", in: "9131A115MA1K4RJ73D", reason: CreditCodeRegion, pos: 5},
		{name: "wrong check character", in: "91310115MA1K4RJ73E", reason: CreditCodeCheckDigit, pos: 18},
		{name: "transposed characters", in: "91310115MA1K4JR73D", reason: CreditCodeCheckDigit, pos: 18},
		{name: "one digit changed", in: "91350100M000100Y44", reason: CreditCodeCheckDigit, pos: 18},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ValidateCreditCode(tt.in)
			if tt.reason == 0 {
				if err != nil || got != tt.want {
					t.Fatalf("ValidateCreditCode(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
				}
				return
			}
			var ce *CreditCodeError
			if !errors.As(err, &ce) {
				t.Fatalf("ValidateCreditCode(%q) = %q, %v; want a *CreditCodeError", tt.in, got, err)
			}
			if ce.Reason != tt.reason || ce.Position != tt.pos {
				t.Errorf("reason %d at %d, want %d at %d (%v)", ce.Reason, ce.Position, tt.reason, tt.pos, err)
			}
			if got != "" || err.Error() == "" {
				t.Errorf("invalid code returned %q with message %q", got, err)
			}
		})
	}
}

func TestCheckCharacterMessageNamesExpected(t *testing.T) {
	_, err := ValidateCreditCode("91310115MA1K4RJ73E")
	var ce *CreditCodeError
	if !errors.As(err, &ce) || ce.Want != 'D' {
		t.Fatalf("err = %v, want expected check character D", err)
	}
}
