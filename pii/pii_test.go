package pii

import (
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench"
)

// found is a match as the tests write it: its type and its text.
type found struct {
	typ  workbench.PIIType
	text string
}

func TestFind(t *testing.T) {
	const (
		id     = workbench.PIIResidentID
		mobile = workbench.PIIMobile
		email  = workbench.PIIEmail
		card   = workbench.PIIBankCard
	)
	tests := []struct {
		name string
		in   string
		want []found
	}{
		{"id X", "11010519491231002X", []found{{id, "11010519491231002X"}}},
		{"id lower x", "证件号11010519491231002x。", []found{{id, "11010519491231002x"}}},
		{"id digit check", "110101199003071233", []found{{id, "110101199003071233"}}},
		{"id 6-8-4", "身份证 110101 19900307 1233 已核实", []found{{id, "110101 19900307 1233"}}},
		{"id wrong check digit", "110101199003071234", nil},
		{"id wrong check X", "110105194912310021", nil},
		{"id bad date", "110101199002301234", nil},
		{"id in longer run", "1110101199003071233", nil},
		{"id followed by digit", "1101011990030712330", nil},
		{"id X glued to letters", "11010519491231002XYZ", nil},

		{"mobile", "手机13912345678联系", []found{{mobile, "13912345678"}}},
		{"mobile +86", "电话 +86 138 0013 8000。", []found{{mobile, "+86 138 0013 8000"}}},
		{"mobile 86-", "86-13800138000", []found{{mobile, "86-13800138000"}}},
		{"mobile +86 compact", "+8613800138000", []found{{mobile, "+8613800138000"}}},
		{"mobile 12 prefix", "12800138000", nil},
		{"mobile in longer run", "013800138000", nil},
		{"mobile in order number", "订单号2024031513800138000", nil},
		{"mobile after date", "2024-03-15 13800138000", []found{{mobile, "13800138000"}}},
		{"full-width mobile", "手机１３８００１３８０００", []found{{mobile, "１３８００１３８０００"}}},

		{"email", "联系zhangsan@example.com处理", []found{{email, "zhangsan@example.com"}}},
		{"email of digits", "13800138000@qq.com", []found{{email, "13800138000@qq.com"}}},
		{"not email", "user@localhost", nil},

		{"card", "卡号6222021234567890128。", []found{{card, "6222021234567890128"}}},
		{"card groups of 4", "6222 0212 3456 7890 128", []found{{card, "6222 0212 3456 7890 128"}}},
		{"card dashes", "9558-8012-3456-7897", []found{{card, "9558-8012-3456-7897"}}},
		{"card Luhn fails", "4111111111111112", nil},
		{"card 20 digits", "41111111111111111113", nil},

		{"compact timestamp", "20240315103000", nil},
		{"millisecond timestamp", "1710480000000", nil},
		{"unix seconds", "1710480000", nil},
		{"order number 18", "202403151030001234", nil},
		{"sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", nil},
		{"credit code", "91110108MA7XH2TQ5E", nil},
		{"decimal", "3.13800138000", nil},

		{"several", "张三 110101199003071233，13800138000，a.b@example.cn，4111 1111 1111 1111",
			[]found{{id, "110101199003071233"}, {mobile, "13800138000"}, {email, "a.b@example.cn"}, {card, "4111 1111 1111 1111"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Find(tt.in)
			if len(ms) > 0 && !Possible(tt.in) {
				t.Errorf("Possible(%q) rules out what Find finds", tt.in)
			}
			var got []found
			for _, m := range ms {
				got = append(got, found{m.Type, tt.in[m.Start:m.End]})
				sameLen := m.Type == workbench.PIIEmail || len([]rune(m.Masked)) == len([]rune(tt.in[m.Start:m.End]))
				if !sameLen || !strings.Contains(m.Masked, "*") {
					t.Errorf("%q masked as %q", tt.in[m.Start:m.End], m.Masked)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %v, want %v", tt.in, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("Find(%q)[%d] = %v, want %v", tt.in, i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestMask(t *testing.T) {
	for in, want := range map[string]string{
		"身份证号310115198506122347，已核实": "身份证号310**************7，已核实",
		"11010519491231002x":         "110**************x",
		"+86 138 0013 8000":          "+86 138 **** 8000",
		"13800138000@qq.com":         "1***@qq.com",
		"卡号4111111111111111。":        "卡号************1111。",
		"3782 822463 10005":          "**** ****** *0005",
		"手机１３８００１３８０００":              "手机１３８****８０００",
		"未发现问题":                      "未发现问题",
		"":                           "",
	} {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
		if got := Mask(Mask(in)); got != Mask(in) {
			t.Errorf("masking %q twice gives %q", in, got)
		}
		if len(Find(Mask(in))) != 0 {
			t.Errorf("Find finds something in masked %q", Mask(in))
		}
	}
}

func TestPossible(t *testing.T) {
	for s, want := range map[string]bool{
		"":                                false,
		"a@b":                             true,
		"2024-01-01T00:03:13":             false,
		"INC-0000005":                     false,
		"13800138000":                     true,
		"1380013800":                      false,
		`{"d":"\n13800138000"}`:           true,
		"138 0013 8000":                   true,
		"138  0013 8000":                  false, // two blanks end a number
		"１３８００１３８０００":                     true,
		"2024-03-15 10:30:00 13800138000": true,
		"2024-03-15 10:30:00":             false, // 10 digits before the colon
	} {
		if got := Possible(s); got != want {
			t.Errorf("Possible(%q) = %v", s, got)
		}
		if !Possible(s) && len(Find(s)) > 0 {
			t.Errorf("Find finds something in %q, which Possible rules out", s)
		}
	}
}

func TestCounts(t *testing.T) {
	c := Counts{}
	c.Count("13800138000 和 13912345678")
	c.Count("110101199003071233 a@b.cn 110101199003071234")
	if c[workbench.PIIMobile] != 2 || c[workbench.PIIResidentID] != 1 || c[workbench.PIIEmail] != 1 || c[workbench.PIIBankCard] != 0 || c.Total() != 4 {
		t.Errorf("counts %v", c)
	}
}

func TestValidResidentID(t *testing.T) {
	for id, want := range map[string]bool{
		"11010519491231002X": true,
		"110101199003071233": true,
		"320102199202291234": true, // leap day
		"110101199003071234": false,
		"11010519491231002x": false, // callers upper-case the X
		"440524188001010014": false, // born before 1900
		"990101199003071233": false, // no such province
		"1101011990030712":   false,
		"11010119900307123A": false,
	} {
		if got := ValidResidentID(id); got != want {
			t.Errorf("ValidResidentID(%s) = %v", id, got)
		}
	}
}

func TestLuhn(t *testing.T) {
	for d, want := range map[string]bool{"4111111111111111": true, "4111111111111112": false, "79927398713": true, "": false, "4111a": false} {
		if Luhn(d) != want {
			t.Errorf("Luhn(%s) = %v", d, !want)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	s := strings.Repeat("投诉人张三于2024-03-15 10:30:00来电，手机 13800138000，订单号 202403151030001234，处理完毕。", 4)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Find(s)
	}
}
