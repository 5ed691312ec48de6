package values

import (
	"strings"
	"unicode/utf8"
)

// ParseBool reads a yes/no answer. True: 是 有 已 对 √ ✓ ✔ y yes true t 1 on
// 包含 含 涉及 已报告 已反馈 是的 已完成 已开展 已进行 已通过 已取得 已实施 具有
// 具备. False: 否 无 没有 未 不 × ✗ ✘ ✕ n no false f 0 off 不包含 不含 不涉及
// 未报告 未反馈 不是 未完成 未开展 未进行 未通过 未取得 未实施 不具有 不具备.
// Latin words are matched without regard to case ("YES", "True"). An answer followed by an
// explanation after a punctuation mark counts ("是，已于2024年5月完成",
// "已完成。报告编号…"). Empty text and anything else is ok=false.
func ParseBool(s string) (v bool, ok bool) {
	s = clean(s)
	if v, ok := parseBool(s); ok {
		return v, true
	}
	if i := strings.IndexAny(s, "，。；;,（(：:"); i > 0 {
		return parseBool(trim(s[:i]))
	}
	return false, false
}

func parseBool(s string) (v bool, ok bool) {
	if len(s) == 0 || len(s) > 16 {
		return false, false
	}
	var buf [16]byte
	lower := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			lower = true
		}
		buf[i] = c
	}
	if lower {
		for i := 0; i < len(s); i++ {
			if c := buf[i]; 'A' <= c && c <= 'Z' {
				buf[i] = c + 'a' - 'A'
			}
		}
		return lookupBool(string(buf[:len(s)]))
	}
	return lookupBool(s)
}

func lookupBool(s string) (bool, bool) {
	if len(s) == 1 || (len(s) <= 5 && s[0] < utf8.RuneSelf) {
		switch s {
		case "y", "yes", "true", "t", "1", "on":
			return true, true
		case "n", "no", "false", "f", "0", "off":
			return false, true
		}
		return false, false
	}
	switch s {
	case "是", "有", "已", "对", "√", "✓", "✔", "包含", "含", "涉及", "已报告", "已反馈", "是的",
		"已完成", "已开展", "已进行", "已通过", "已取得", "已实施", "具有", "具备":
		return true, true
	case "否", "无", "没有", "未", "不", "×", "✗", "✘", "✕", "不包含", "不含", "不涉及", "未报告", "未反馈", "不是",
		"未完成", "未开展", "未进行", "未通过", "未取得", "未实施", "不具有", "不具备":
		return false, true
	}
	return false, false
}

// NotApplicable reports whether a yes/no answer says the question does
// not apply: 不涉及 不适用 无需 不需要 无需反馈 无需报告 无需上报 无需报送
// 不适用本项, N/A, NA, "not applicable" (Latin words without regard to
// case), also followed by an explanation after a punctuation mark
// ("不涉及（非投诉类）"). ParseBool reads 不涉及 as no, which is right for a
// question whether something is there (是否含个人信息); the importers ask
// NotApplicable first for questions whether something was done.
func NotApplicable(s string) bool {
	s = clean(s)
	if notApplicable(s) {
		return true
	}
	if i := strings.IndexAny(s, "，。；;,（(：:"); i > 0 {
		return notApplicable(trim(s[:i]))
	}
	return false
}

func notApplicable(s string) bool {
	switch strings.ToLower(s) {
	case "不涉及", "不适用", "无需", "不需要", "无需反馈", "无需报告", "无需上报", "无需报送", "无需回复", "不适用本项",
		"n/a", "na", "not applicable":
		return true
	}
	return false
}
