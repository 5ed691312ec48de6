package values

import "testing"

func TestParseDuration(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		value  float64
		unit   string
		wantOK bool
	}{
		{"working days", "15个工作日", 15, UnitWorkingDays, true},
		{"working days no ge", "15工作日", 15, UnitWorkingDays, true},
		{"working days english", "15 working days", 15, UnitWorkingDays, true},
		{"working day english", "1 working day", 1, UnitWorkingDays, true},
		{"business days", "10 business days", 10, UnitWorkingDays, true},
		{"workdays", "10 Workdays", 10, UnitWorkingDays, true},
		{"tian", "7天", 7, UnitDays, true},
		{"ri", "7日", 7, UnitDays, true},
		{"days", "7 days", 7, UnitDays, true},
		{"day", "1 day", 1, UnitDays, true},
		{"days upper", "7 DAYS", 7, UnitDays, true},
		{"d", "7d", 7, UnitDays, true},
		{"natural days", "30个自然日", 30, UnitDays, true},
		{"calendar days", "30 calendar days", 30, UnitDays, true},
		{"xiao shi", "48小时", 48, UnitHours, true},
		{"ge xiao shi", "48个小时", 48, UnitHours, true},
		{"h", "48h", 48, UnitHours, true},
		{"h upper", "48H", 48, UnitHours, true},
		{"hours", "48 hours", 48, UnitHours, true},
		{"hrs", "48 hrs", 48, UnitHours, true},
		{"decimal hours", "1.5小时", 1.5, UnitHours, true},
		{"zhou chinese", "一周", 7, UnitDays, true},
		{"zhou digit", "1周", 7, UnitDays, true},
		{"week", "1 week", 7, UnitDays, true},
		{"weeks", "2 weeks", 14, UnitDays, true},
		{"liang zhou", "两周", 14, UnitDays, true},
		{"xing qi", "1个星期", 7, UnitDays, true},
		{"liang ge gong zuo ri", "两个工作日", 2, UnitWorkingDays, true},
		{"er", "二天", 2, UnitDays, true},
		{"san", "三个工作日", 3, UnitWorkingDays, true},
		{"si", "四天", 4, UnitDays, true},
		{"liu", "六天", 6, UnitDays, true},
		{"qi", "七个工作日", 7, UnitWorkingDays, true},
		{"ba", "八小时", 8, UnitHours, true},
		{"shi", "十天", 10, UnitDays, true},
		{"shi wu", "十五个工作日", 15, UnitWorkingDays, true},
		{"er shi", "二十天", 20, UnitDays, true},
		{"er shi wu", "二十五天", 25, UnitDays, true},
		{"jiu shi jiu", "九十九天", 99, UnitDays, true},
		{"yi bai", "一百天", 100, UnitDays, true},
		{"yi bai ling wu", "一百零五天", 105, UnitDays, true},
		{"ban tian", "半天", 0.5, UnitDays, true},
		{"ban xiao shi", "半小时", 0.5, UnitHours, true},
		{"minutes chinese", "30分钟", 0.5, UnitHours, true},
		{"minutes", "90 minutes", 1.5, UnitHours, true},
		{"min", "15 min", 0.25, UnitHours, true},
		{"nei", "15个工作日内", 15, UnitWorkingDays, true},
		{"zai nei", "在15个工作日内", 15, UnitWorkingDays, true},
		{"yi nei", "24小时以内", 24, UnitHours, true},
		{"zhi nei", "3日之内", 3, UnitDays, true},
		{"within", "within 48 hours", 48, UnitHours, true},
		{"full width", "１５个工作日", 15, UnitWorkingDays, true},
		{"spaces", " 7 天 ", 7, UnitDays, true},
		{"zero", "0天", 0, UnitDays, true},

		{"months", "1个月", 0, "", false},
		{"years", "1年", 0, "", false},
		{"no unit", "15", 0, "", false},
		{"unit only", "工作日", 0, "", false},
		{"negative", "-7天", 0, "", false},
		{"two digits chinese", "五五天", 0, "", false},
		{"two tens", "十十天", 0, "", false},
		{"mixed", "1天2小时", 0, "", false},
		{"range", "3-5天", 0, "", false},
		{"empty", "", 0, "", false},
		{"spaces only", "   ", 0, "", false},
		{"n/a", "N/A", 0, "", false},
		{"dash", "-", 0, "", false},
		{"tbd", "待定", 0, "", false},
		{"unknown", "unknown", 0, "", false},
		{"date", "2024-13-01", 0, "", false},
		{"immediately", "立即", 0, "", false},
		{"huge", "1e999 days", 0, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ParseDuration(tc.in)
			if ok != tc.wantOK {
				t.Fatalf("ParseDuration(%q) = %+v, %v; want ok=%v", tc.in, got, ok, tc.wantOK)
			}
			if !ok {
				if got != (Duration{}) {
					t.Errorf("ParseDuration(%q) = %+v with ok=false, want zero Duration", tc.in, got)
				}
				return
			}
			if !closeTo(got.Value, tc.value) || got.Unit != tc.unit {
				t.Errorf("ParseDuration(%q) = %+v; want {Value:%v Unit:%q}", tc.in, got, tc.value, tc.unit)
			}
		})
	}
}

func TestDurationHours(t *testing.T) {
	tests := []struct {
		d    Duration
		want float64
	}{
		{Duration{48, UnitHours}, 48},
		{Duration{0.5, UnitHours}, 0.5},
		{Duration{7, UnitDays}, 168},
		{Duration{15, UnitWorkingDays}, 360},
		{Duration{}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.d.Unit, func(t *testing.T) {
			if got := tc.d.Hours(); got != tc.want {
				t.Errorf("%+v.Hours() = %v, want %v", tc.d, got, tc.want)
			}
		})
	}
}

func TestParseChinese(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		n    int // bytes read; 0 for ok=false
	}{
		{"一", 1, 3}, {"两", 2, 3}, {"十", 10, 3}, {"十一", 11, 6}, {"二十", 20, 6},
		{"九十九", 99, 9}, {"一百", 100, 6}, {"一百零五", 105, 12}, {"一百五", 150, 9},
		{"一百二十三", 123, 15}, {"两千", 2000, 6}, {"两千三", 2300, 9}, {"三点五", 3.5, 9},
		{"半", 0.5, 3}, {"零", 0, 0}, {"百", 0, 0}, {"", 0, 0}, {"天", 0, 0},
		{"五五", 5, 3}, {"三点", 3, 3},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d, n, ok := parseChinese(tc.in)
			if ok != (tc.n > 0) || n != tc.n || (ok && !closeTo(d.float(), tc.want)) {
				t.Errorf("parseChinese(%q) = %v, %d, %v; want %v, %d", tc.in, d.float(), n, ok, tc.want, tc.n)
			}
		})
	}
}

func TestDurationInProse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Duration
		ok   bool
	}{
		{"自受理之日起 7 个工作日内处理完毕并反馈处理结果（《用户协议》第 11.2 条）", Duration{7, UnitWorkingDays}, true},
		{"48小时内响应，15个工作日内办结", Duration{15, UnitWorkingDays}, true},
		{"We answer within 3 days of receipt", Duration{3, UnitDays}, true},
		{"第 11.2 条", Duration{}, false},
		{"收到后尽快处理", Duration{}, false},
		{"2024年5月起执行", Duration{}, false},
	} {
		got, ok := ParseDuration(tc.in)
		if ok != tc.ok || got != tc.want {
			t.Errorf("ParseDuration(%q) = %+v, %v; want %+v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestBoolWithExplanation(t *testing.T) {
	for _, tc := range []struct {
		in    string
		v, ok bool
	}{
		{"是，已于2024年5月完成", true, true},
		{"已完成。2024-05 按国家有关规定开展安全评估", true, true},
		{"否（尚未开展）", false, true},
		{"未开展，计划于下季度完成", false, true},
		{"部分完成", false, false},
		{"具有", true, true},
		{"不具备", false, true},
		{"是否开展", false, false},
	} {
		v, ok := ParseBool(tc.in)
		if v != tc.v || ok != tc.ok {
			t.Errorf("ParseBool(%q) = %v, %v; want %v, %v", tc.in, v, ok, tc.v, tc.ok)
		}
	}
}
