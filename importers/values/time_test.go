package values

import (
	"strings"
	"testing"
	"time"
)

func mustTime(t *testing.T, written string) Time {
	t.Helper()
	stored, ok := ParseDateTime(written)
	if !ok {
		t.Fatalf("ParseDateTime(%q) failed", written)
	}
	tm, ok := ParseTime(stored)
	if !ok {
		t.Fatalf("ParseTime(%q) failed", stored)
	}
	return tm
}

// TestTimeCompare covers comparisons at the coarser precision of the two
// sides: dates against date-times in both orders, the same day, the day
// before and after, with and without zones.
func TestTimeCompare(t *testing.T) {
	tests := []struct {
		name string
		a, b string // as a provider writes them
		want int    // a.Compare(b)
	}{
		{"date vs date-time same day", "2024-06-06", "2024-06-06 12:00", 0},
		{"date-time vs date same day", "2024-06-06 12:00", "2024-06-06", 0},
		{"date vs date-time day before", "2024-06-05", "2024-06-06 12:00", -1},
		{"date-time vs date day after", "2024-06-06 12:00", "2024-06-05", 1},
		{"date vs date-time day after", "2024-06-07", "2024-06-06 23:59", 1},
		{"date-time vs date day before", "2024-06-06 23:59", "2024-06-07", -1},
		{"date vs date", "2024-06-06", "2024-06-06", 0},
		{"date vs next date", "2024-06-06", "2024-06-07", -1},
		{"date-times", "2024-06-06 12:00", "2024-06-06 11:59", 1},
		{"minute vs second same minute", "2024-06-06 12:00", "2024-06-06 12:00:30", 0},
		{"minute vs second earlier minute", "2024-06-06 11:59", "2024-06-06 12:00:30", -1},
		{"hour vs minute", "2024年6月6日14时", "2024-06-06 14:45", 0},
		{"month vs date", "2024年6月", "2024-06-30", 0},
		{"month vs date next month", "2024-06", "2024-07-01", -1},
		{"year vs date-time", "2024", "2024-12-31 23:59", 0},
		{"midnight reads as the day", "2024-06-06 00:00:00", "2024-06-06 14:20", 0},
		{"midnight day before", "2024-06-05 00:00", "2024-06-06 14:20", -1},
		{"zone UTC vs China", "2024-06-06T23:30:00Z", "2024-06-07 07:00", 1},
		{"zone UTC vs China later", "2024-06-06T23:30:00Z", "2024-06-07 08:00", -1},
		{"zone UTC vs China same minute", "2024-06-06T23:30Z", "2024-06-07 07:30:45", 0},
		{"zone +08:00 vs none", "2024-06-06T14:20:00+08:00", "2024-06-06 14:20:00", 0},
		{"zone UTC date crosses day", "2024-06-06T18:00:00Z", "2024-06-07", 0},
		{"zone UTC vs date before", "2024-06-06T15:00:00Z", "2024-06-06", 0},
		{"zone -05:00 vs date", "2024-06-06T20:00:00-05:00", "2024-06-07", 0},
		{"zone UTC midnight keeps its time", "2024-06-06T00:00:00Z", "2024-06-06 07:59", 1},
		{"zones both", "2024-06-06T10:00:00+02:00", "2024-06-06T08:00:00Z", 0},
		{"hour in a half-hour zone", "2024年6月6日10时+05:30", "2024-06-06 13:10", 0},
		{"hour in a half-hour zone, after", "2024年6月6日10时+05:30", "2024-06-06 13:30", -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := mustTime(t, tc.a), mustTime(t, tc.b)
			if got := a.Compare(b); got != tc.want {
				t.Errorf("%q.Compare(%q) = %d, want %d (starts %v, %v)", tc.a, tc.b, got, tc.want, a.Start(), b.Start())
			}
			if got := b.Compare(a); got != -tc.want {
				t.Errorf("%q.Compare(%q) = %d, want %d", tc.b, tc.a, got, -tc.want)
			}
			if a.Before(b) != (tc.want < 0) || a.After(b) != (tc.want > 0) {
				t.Errorf("Before/After disagree with Compare for %q, %q", tc.a, tc.b)
			}
		})
	}
}

func TestCalendarDaysAndElapsed(t *testing.T) {
	tests := []struct {
		name         string
		a, b         string
		days         int
		daysOK       bool
		short, long_ time.Duration
	}{
		{"same day date and time", "2024-06-06 14:20", "2024-06-06", 0, true, -(14*time.Hour + 20*time.Minute + 59*time.Second), 9*time.Hour + 39*time.Minute + 59*time.Second},
		{"next day", "2024-06-06 14:20", "2024-06-07", 1, true, 9*time.Hour + 39*time.Minute + time.Second, 33*time.Hour + 39*time.Minute + 59*time.Second},
		{"exact seconds", "2024-06-06 14:20:00", "2024-06-08 14:20:00", 2, true, 48 * time.Hour, 48 * time.Hour},
		{"dates", "2024-06-06", "2024-06-21", 15, true, 14*24*time.Hour + time.Second, 16*24*time.Hour - time.Second},
		{"zone moves the day", "2024-06-06T20:00:00Z", "2024-06-07 09:00:00", 0, true, 5 * time.Hour, 5 * time.Hour},
		{"month is coarser than a day", "2024-06", "2024-06-30", 0, false, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := mustTime(t, tc.a), mustTime(t, tc.b)
			days, ok := CalendarDays(a, b)
			if days != tc.days || ok != tc.daysOK {
				t.Errorf("CalendarDays = %d, %v; want %d, %v", days, ok, tc.days, tc.daysOK)
			}
			if !tc.daysOK {
				return
			}
			short, long := Elapsed(a, b)
			if short != tc.short || long != tc.long_ {
				t.Errorf("Elapsed = %v, %v; want %v, %v", short, long, tc.short, tc.long_)
			}
		})
	}
}

func TestParseTimeStored(t *testing.T) {
	tests := []struct {
		in      string
		prec    Precision
		display string
	}{
		{"2024", Year, "2024"},
		{"2024-06", Month, "2024-06"},
		{"2024-06-06", Day, "2024-06-06"},
		{"2024-06-06T14", Hour, "2024-06-06 14时"},
		{"2024-06-06T14:20", Minute, "2024-06-06 14:20"},
		{"2024-06-06T14:20:05", Second, "2024-06-06 14:20:05"},
		{"2024-06-06T00:00:00", Day, "2024-06-06"},
		{"2024-06-06T06:20:05Z", Second, "2024-06-06 14:20:05"},
		{"2024-06-06T14:20:05+08:00", Second, "2024-06-06 14:20:05"},
		{"2024-06-06T14:20-05:00", Minute, "2024-06-07 03:20"},
	}
	for _, tc := range tests {
		tm, ok := ParseTime(tc.in)
		if !ok || tm.Precision() != tc.prec || tm.Display() != tc.display {
			t.Errorf("ParseTime(%q) = %v (precision %d, %q); want precision %d, %q", tc.in, ok, tm.Precision(), tm.Display(), tc.prec, tc.display)
		}
		if tc.prec != Day && tm.String() != tc.in {
			t.Errorf("ParseTime(%q).String() = %q", tc.in, tm.String())
		}
	}
	for _, bad := range []string{"", "20240606", "2024-6-6", "2024-06-06 14:20", "2024-06-06T14:20+8", "2024-13", "2024-06-31", "2024-06T14", "abcd", "2024-06-06T24:00"} {
		if tm, ok := ParseTime(bad); ok {
			t.Errorf("ParseTime(%q) = %v, want failure", bad, tm)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2023-01-01至2023-06-30", "2023-01-01/2023-06-30"},
		{"2023年1月-2023年6月", "2023-01/2023-06"},
		{"2023.01–2023.06", "2023-01/2023-06"},
		{"2023.01-2023.06", "2023-01/2023-06"},
		{"2023-01-2023-06", "2023-01/2023-06"},
		{"2023-01-01-2023-06-30", "2023-01-01/2023-06-30"},
		{"2023年1月-6月", "2023-01/2023-06"},
		{"2023年1月5日至6月30日", "2023-01-05/2023-06-30"},
		{"2023年1月至今", "2023-01/.."},
		{"2020/1/1 ~ 2023/12/31", "2020-01-01/2023-12-31"},
		{"2020 - 2023", "2020/2023"},
		{"2020年—2023年", "2020/2023"},
		{"2023年", "2023/2023"},
		{"2023-03", "2023-03/2023-03"},
		{"2023-03-05", "2023-03-05/2023-03-05"},
		{"截至2023年6月", "../2023-06"},
		{"截止2023年6月30日", "../2023-06-30"},
		{"2023年6月以前", "../2023-06"},
		{"2023年1月起", "2023-01/.."},
		{"2023年10月版本", "2023-10/2023-10"},
		{"2022年版本", "2022/2022"},
		{"2018年—2023年", "2018/2023"},
		{"2019年1月—2023年12月", "2019-01/2023-12"},
		{"2020-01 至 2023-06", "2020-01/2023-06"},
		{"2019-01 to present", "2019-01/.."},
		{"until" + strings.Repeat("Ⱥ", 10), ""},
		{strings.Repeat("Ⱥ", 20) + "version", ""},
		{"2023-05 VERSION", "2023-05/2023-05"},
		{"UNTIL 2023-06", "../2023-06"},
		{"2019-01 to 2020-02", "2019-01/2020-02"},
		{"2023-06至2023-01", ""},
		{"长期采集", ""},
		{"", ""},
	}
	for _, tc := range tests {
		got, ok := ParsePeriod(tc.in)
		if ok != (tc.want != "") || got != tc.want {
			t.Errorf("ParsePeriod(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
		if ok {
			p, ok := ParseStoredPeriod(got)
			if !ok || p.From.IsZero() && p.To.IsZero() {
				t.Errorf("ParseStoredPeriod(%q) = %+v, %v", got, p, ok)
			}
		}
	}
}

func TestDaysFromCivil(t *testing.T) {
	epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	for days := int64(-30000); days <= 90000; days += 3 {
		y, m, d := civilFromDays(days)
		if got := daysFromCivil(y, m, d); got != days {
			t.Fatalf("daysFromCivil(%d, %d, %d) = %d, want %d (%v)", y, m, d, got, days, epoch.AddDate(0, 0, int(days)))
		}
	}
}
