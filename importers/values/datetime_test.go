package values

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// dateTimeTests lists the text of a cell and what ParseDateTime returns for
// it, "" for ok=false. ParseDate returns the first ten characters of that.
var dateTimeTests = []struct {
	name string
	in   string
	want string
}{
	// dates
	{"iso", "2024-03-05", "2024-03-05"},
	{"dash single digits", "2024-3-5", "2024-03-05"},
	{"dash mixed digits", "2024-03-5", "2024-03-05"},
	{"slash", "2024/3/5", "2024-03-05"},
	{"slash padded", "2024/03/05", "2024-03-05"},
	{"dot", "2024.3.5", "2024-03-05"},
	{"compact", "20240305", "2024-03-05"},
	{"chinese", "2024年3月5日", "2024-03-05"},
	{"chinese padded", "2024年03月05日", "2024-03-05"},
	{"chinese hao", "2024年3月5号", "2024-03-05"},
	{"chinese no ri", "2024年3月5", "2024-03-05"},
	{"chinese spaced", "2024 年 3 月 5 日", "2024-03-05"},
	{"spaces around", "  2024-03-05  ", "2024-03-05"},
	{"full width", "２０２４－０３－０５", "2024-03-05"},
	{"full width slash", "２０２４／３／５", "2024-03-05"},
	{"leap day", "2024-02-29", "2024-02-29"},
	{"leap day 2000", "2000-02-29", "2000-02-29"},
	{"year 1900", "1900-01-01", "1900-01-01"},
	{"year 2200", "2200-12-31", "2200-12-31"},
	{"end of month", "2024-04-30", "2024-04-30"},

	// dates and times
	{"slash minutes", "2024/3/5 14:03", "2024-03-05T14:03"},
	{"dash seconds", "2024-03-05 14:03:05", "2024-03-05T14:03:05"},
	{"iso T", "2024-03-05T14:03:05", "2024-03-05T14:03:05"},
	{"iso lower t", "2024-03-05t14:03:05", "2024-03-05T14:03:05"},
	{"iso Z", "2024-03-05T14:03:05Z", "2024-03-05T14:03:05Z"},
	{"iso offset", "2024-03-05T14:03:05+08:00", "2024-03-05T14:03:05+08:00"},
	{"iso negative offset", "2024-03-05T23:59:59-05:00", "2024-03-05T23:59:59-05:00"},
	{"iso compact offset", "2024-03-05T14:03:05+0800", "2024-03-05T14:03:05+08:00"},
	{"iso hour offset", "2024-03-05T14:03:05+08", "2024-03-05T14:03:05+08:00"},
	{"iso millis Z", "2024-03-05T14:03:05.123Z", "2024-03-05T14:03:05Z"},
	{"iso nanos offset", "2024-03-05T14:03:05.123456789+08:00", "2024-03-05T14:03:05+08:00"},
	{"fraction dropped not rounded", "2024-03-05 14:03:05.999", "2024-03-05T14:03:05"},
	{"comma fraction", "2024-03-05 14:03:05,5", "2024-03-05T14:03:05"},
	{"iso minutes only", "2024-03-05T14:03", "2024-03-05T14:03"},
	{"space offset", "2024-03-05 14:03:05 +0800", "2024-03-05T14:03:05+08:00"},
	{"utc name", "2024-03-05 14:03:05 UTC", "2024-03-05T14:03:05Z"},
	{"gmt offset", "2024-03-05 14:03 GMT+8", "2024-03-05T14:03+08:00"},
	{"cst", "2024-03-05 14:03:05 CST", "2024-03-05T14:03:05+08:00"},
	{"single digit hour", "2024/3/5 9:03", "2024-03-05T09:03"},
	{"midnight", "2024-03-05 00:00:00", "2024-03-05T00:00:00"},
	{"last second", "2024-03-05 23:59:59", "2024-03-05T23:59:59"},
	{"dot date time", "2024.3.5 14:03", "2024-03-05T14:03"},
	{"compact date time", "20240305 14:03", "2024-03-05T14:03"},
	{"several spaces", "2024-03-05   14:03", "2024-03-05T14:03"},
	{"chinese hours minutes", "2024年3月5日 14时03分", "2024-03-05T14:03"},
	{"chinese hms", "2024年3月5日 14时03分05秒", "2024-03-05T14:03:05"},
	{"chinese no space colon", "2024年3月5日14:03", "2024-03-05T14:03"},
	{"chinese no space hours", "2024年3月5日14时", "2024-03-05T14"},
	{"chinese dian", "2024年3月5日 14点03分", "2024-03-05T14:03"},
	{"chinese dian no fen", "2024年3月5日 14点03", "2024-03-05T14:03"},
	{"chinese half", "2024年3月5日14点半", "2024-03-05T14:30"},
	{"chinese afternoon", "2024年3月5日下午2点半", "2024-03-05T14:30"},
	{"chinese afternoon colon", "2024-03-05 下午2:03", "2024-03-05T14:03"},
	{"chinese afternoon 24h", "2024-03-05 下午14:03", "2024-03-05T14:03"},
	{"chinese morning", "2024-03-05 上午9:03", "2024-03-05T09:03"},
	{"chinese early midnight", "2024-03-05 凌晨12点", "2024-03-05T00"},
	{"chinese noon", "2024-03-05 中午12:30", "2024-03-05T12:30"},
	{"chinese noon one", "2024-03-05 中午1点", "2024-03-05T13"},
	{"chinese evening", "2024-03-05 晚上8点", "2024-03-05T20"},
	{"pm", "2024-03-05 2:03 PM", "2024-03-05T14:03"},
	{"pm lower no space", "2024-03-05 2:03pm", "2024-03-05T14:03"},
	{"am", "2024-03-05 9:03:05 AM", "2024-03-05T09:03:05"},
	{"12 am", "2024-03-05 12:15 AM", "2024-03-05T00:15"},
	{"12 pm", "2024-03-05 12:15 PM", "2024-03-05T12:15"},
	{"p.m.", "2024-03-05 2:03 p.m.", "2024-03-05T14:03"},
	{"full width time", "２０２４－０３－０５　１４：０３", "2024-03-05T14:03"},

	// Excel serial day numbers
	{"serial", "45356", "2024-03-05"},
	{"serial half day", "45356.5", "2024-03-05T12:00:00"},
	{"serial quarter", "45356.25", "2024-03-05T06:00:00"},
	{"serial zero fraction", "45356.0", "2024-03-05T00:00:00"},
	{"serial rounds to second", "45356.00001", "2024-03-05T00:00:01"},
	{"serial rounds up to next day", "45356.999999999", "2024-03-06T00:00:00"},
	{"serial 14:03:05", "45356.585474537", "2024-03-05T14:03:05"},
	{"serial first", "18264", "1950-01-01"},
	{"serial last", "73050", "2099-12-31"},
	{"serial leap", "45351", "2024-02-29"},
	{"serial spaces", " 45356 ", "2024-03-05"},
	{"serial full width", "４５３５６", "2024-03-05"},

	// not dates
	{"empty", "", ""},
	{"spaces", "   ", ""},
	{"n/a", "N/A", ""},
	{"dash", "-", ""},
	{"tbd chinese", "待定", ""},
	{"unknown", "unknown", ""},
	{"month 13", "2024-13-01", ""},
	{"month 0", "2024-00-10", ""},
	{"day 0", "2024-03-00", ""},
	{"feb 30", "2024-02-30", ""},
	{"feb 29 non leap", "2023-02-29", ""},
	{"feb 29 1900", "1900-02-29", ""},
	{"april 31", "2024-04-31", ""},
	{"year 1899", "1899-12-31", ""},
	{"year 2201", "2201-01-01", ""},
	{"year 0000", "0000-01-01", ""},
	{"mixed separators", "2024-03/05", ""},
	{"three digit month", "2024-003-05", ""},
	{"year month", "2024-03", "2024-03"},
	{"year only", "2024", "2024"},
	{"chinese year month", "2024年3月", "2024-03"},
	{"chinese no month", "2024年abc", ""},
	{"chinese no month marker", "2024年3-5", ""},
	{"chinese no day", "2024年3月日", ""},
	{"chinese seconds without miao", "2024年3月5日 14时03分05", ""},
	{"chinese hour marker missing", "2024年3月5日 14分", ""},
	{"two digit year", "24-03-05", ""},
	{"us order", "3/5/2024", ""},
	{"day first", "05.03.2024", ""},
	{"trailing garbage", "2024-03-05 abc", ""},
	{"trailing dash", "2024-03-05-", ""},
	{"no space before time", "2024-03-0514:03", ""},
	{"bare time", "14:03", ""},
	{"bare time seconds", "14:03:05", ""},
	{"chinese bare time", "14时03分", ""},
	{"bare hour after date", "2024-03-05 14", ""},
	{"hour 24", "2024-03-05 24:00", ""},
	{"minute 60", "2024-03-05 14:60", ""},
	{"second 60", "2024-03-05 14:03:60", ""},
	{"13 pm", "2024-03-05 13:03 PM", ""},
	{"0 am", "2024-03-05 0:03 AM", ""},
	{"T without time", "2024-03-05T", ""},
	{"dangling colon", "2024-03-05 14:", ""},
	{"bad zone", "2024-03-05T14:03:05+8:00:00", ""},
	{"zone minutes 60", "2024-03-05T14:03:05+08:60", ""},
	{"zone dangling colon", "2024-03-05T14:03:05+08:", ""},
	{"unknown zone name", "2024-03-05 14:03 TBD", ""},
	{"zone named twice", "2024-06-06 10:00 CST+8", ""},
	{"zone named twice, west", "2024-06-06 10:00 PST-23:00", ""},
	{"utc plus offset", "2024-06-06 10:00 UTC+08:00", "2024-06-06T10:00+08:00"},
	{"lower zone name", "2024-03-05 14:03 utc", ""},
	{"compact 13th month", "20241301", ""},
	{"compact with fraction", "20240305.5", ""},
	{"nine digits", "202403051", ""},
	{"serial too small", "18263", ""},
	{"serial too large", "73051", ""},
	{"serial small number", "12345", ""},
	{"serial negative", "-45356", ""},
	{"serial trailing dot", "45356.", ""},
	{"serial comma", "45,356", ""},
	{"serial with unit", "45356 天", ""},
	{"serial exponent", "4.5356e4", ""},
	{"serial two dots", "45356.5.5", ""},
	{"plain number", "3.5", ""},
	{"percent", "50%", ""},
	{"invalid utf8", "2024-03-05\xff", ""},
}

func TestParseDateTime(t *testing.T) {
	for _, tc := range dateTimeTests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ParseDateTime(tc.in)
			if ok != (tc.want != "") || got != tc.want {
				t.Errorf("ParseDateTime(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range dateTimeTests {
		t.Run(tc.name, func(t *testing.T) {
			want, _, _ := strings.Cut(tc.want, "T")
			got, ok := ParseDate(tc.in)
			if ok != (want != "") || got != want {
				t.Errorf("ParseDate(%q) = %q, %v; want %q", tc.in, got, ok, want)
			}
		})
	}
}

// TestExcelSerialDates checks every serial number in the accepted range
// against the time package and excelize.
func TestExcelSerialDates(t *testing.T) {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	for serial := minSerial; serial <= maxSerial; serial++ {
		want := epoch.AddDate(0, 0, serial).Format("2006-01-02")
		in := strconv.Itoa(serial)
		if got, ok := ParseDate(in); !ok || got != want {
			t.Fatalf("ParseDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
		x, err := excelize.ExcelDateToTime(float64(serial), false)
		if err != nil || x.Format("2006-01-02") != want {
			t.Fatalf("excelize.ExcelDateToTime(%d) = %v, %v; want %s", serial, x, err, want)
		}
	}
}

// TestExcelSerialTimes checks serial numbers with a fraction against
// excelize, at whole seconds where excelize's rounding agrees with ours.
func TestExcelSerialTimes(t *testing.T) {
	for _, serial := range []int{minSerial, 45351, 45356, maxSerial - 1} {
		for sec := 0; sec < 86400; sec += 37 {
			f := float64(serial) + float64(sec)/86400
			in := strconv.FormatFloat(f, 'f', -1, 64)
			x, err := excelize.ExcelDateToTime(f, false)
			if err != nil {
				t.Fatal(err)
			}
			want := x.Format("2006-01-02T15:04:05")
			if sec == 0 {
				want = want[:10] // written without a fraction: a date
			}
			if got, ok := ParseDateTime(in); !ok || got != want {
				t.Fatalf("ParseDateTime(%q) = %q, %v; want %q", in, got, ok, want)
			}
		}
	}
}

func TestCivilFromDays(t *testing.T) {
	epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	for days := int64(-30000); days <= 90000; days += 7 {
		y, m, d := civilFromDays(days)
		want := epoch.AddDate(0, 0, int(days))
		if y != want.Year() || time.Month(m) != want.Month() || d != want.Day() {
			t.Fatalf("civilFromDays(%d) = %d-%d-%d, want %v", days, y, m, d, want)
		}
	}
}

func TestParseDateNoAlloc(t *testing.T) {
	for _, in := range []string{"2024-03-05", "2024-03-05T14:03:05Z", "2024-03-05 14:03:05"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = ParseDate(in) }); n != 0 {
			t.Errorf("ParseDate(%q) allocates %v times", in, n)
		}
	}
	for _, in := range []string{"2024-03-05", "2024-03-05T14:03:05", "2024-03-05T14:03:05+08:00"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = ParseDateTime(in) }); n != 0 {
			t.Errorf("ParseDateTime(%q) allocates %v times", in, n)
		}
	}
}
