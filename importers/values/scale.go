package values

import (
	"math"
	"strings"
)

// Units of a Scale.
const (
	UnitTokens     = "tokens"
	UnitItems      = "items"
	UnitBytes      = "bytes"
	UnitHours      = "hours"
	UnitParameters = "parameters"
)

// Scale is a quantity read by ParseScale.
type Scale struct {
	// Value is the quantity in Unit, multipliers applied: "3亿 tokens" is
	// 3e8 and "1.2TB" is 1.2e12 (bytes).
	Value float64
	// Unit is UnitTokens, UnitItems, UnitBytes, UnitHours, UnitParameters,
	// or "" for a bare number.
	Unit string
}

// scaleUnit is a unit word of ParseScale; the value is multiplied by
// 10^exp and by 2^bin.
type scaleUnit struct {
	text string
	unit string
	exp  int
	bin  int
}

// scaleUnits are matched without regard to case; all matching words are
// tried, so a word may be the prefix of another.
var scaleUnits = []scaleUnit{
	{text: "tokens", unit: UnitTokens},
	{text: "token", unit: UnitTokens},
	{text: "toks", unit: UnitTokens},
	{text: "tok", unit: UnitTokens},
	{text: "词元", unit: UnitTokens},
	{text: "个token", unit: UnitTokens},
	{text: "个词元", unit: UnitTokens},

	{text: "条数据", unit: UnitItems},
	{text: "条样本", unit: UnitItems},
	{text: "条记录", unit: UnitItems},
	{text: "个样本", unit: UnitItems},
	{text: "条", unit: UnitItems},
	{text: "个", unit: UnitItems},
	{text: "张", unit: UnitItems},
	{text: "篇", unit: UnitItems},
	{text: "段", unit: UnitItems},
	{text: "幅", unit: UnitItems},
	{text: "份", unit: UnitItems},
	{text: "组", unit: UnitItems},
	{text: "对", unit: UnitItems},
	{text: "句", unit: UnitItems},
	{text: "册", unit: UnitItems},
	{text: "本", unit: UnitItems},
	{text: "首", unit: UnitItems},
	{text: "部", unit: UnitItems},
	{text: "行", unit: UnitItems},
	{text: "样本", unit: UnitItems},
	{text: "样例", unit: UnitItems},
	{text: "items", unit: UnitItems},
	{text: "item", unit: UnitItems},
	{text: "samples", unit: UnitItems},
	{text: "sample", unit: UnitItems},
	{text: "records", unit: UnitItems},
	{text: "record", unit: UnitItems},
	{text: "rows", unit: UnitItems},
	{text: "row", unit: UnitItems},

	{text: "bytes", unit: UnitBytes},
	{text: "byte", unit: UnitBytes},
	{text: "字节", unit: UnitBytes},
	{text: "kb", unit: UnitBytes, exp: 3},
	{text: "mb", unit: UnitBytes, exp: 6},
	{text: "gb", unit: UnitBytes, exp: 9},
	{text: "tb", unit: UnitBytes, exp: 12},
	{text: "pb", unit: UnitBytes, exp: 15},
	{text: "eb", unit: UnitBytes, exp: 18},
	{text: "kib", unit: UnitBytes, bin: 10},
	{text: "mib", unit: UnitBytes, bin: 20},
	{text: "gib", unit: UnitBytes, bin: 30},
	{text: "tib", unit: UnitBytes, bin: 40},
	{text: "pib", unit: UnitBytes, bin: 50},
	{text: "eib", unit: UnitBytes, bin: 60},

	{text: "时长小时", unit: UnitHours},
	{text: "个小时", unit: UnitHours},
	{text: "小时", unit: UnitHours},
	{text: "hours", unit: UnitHours},
	{text: "hour", unit: UnitHours},
	{text: "hrs", unit: UnitHours},
	{text: "hr", unit: UnitHours},
	{text: "h", unit: UnitHours},

	{text: "parameters", unit: UnitParameters},
	{text: "parameter", unit: UnitParameters},
	{text: "params", unit: UnitParameters},
	{text: "param", unit: UnitParameters},
	{text: "个参数", unit: UnitParameters},
	{text: "参数量", unit: UnitParameters},
	{text: "参数", unit: UnitParameters},
}

// scaleUnitIndex holds scaleUnits by the lower-cased first byte of their
// text.
var scaleUnitIndex = func() (index [256][]scaleUnit) {
	for _, u := range scaleUnits {
		c := lowerByte(u.text[0])
		index[c] = append(index[c], u)
	}
	return index
}()

// Words before a quantity that make it approximate or a lower bound.
var scaleLead = []string{
	"大约", "大概", "约为", "约", "将近", "近", "超过", "逾",
	"总共", "共计", "合计", "总计", "共",
	"approximately", "approx.", "approx", "about", "around", "nearly",
	"more than", "over", "~", ">=", ">", "≥", "≈",
}

// Words after a number or a multiplier that make it approximate or a lower
// bound ("50余万条", "1万多条", "10w+").
var scaleMid = []string{"余", "多", "+"}

// Words at the end of a quantity that make it approximate or a lower bound.
var scaleTrail = []string{"左右", "以上", "上下", "余", "多", "+", "or more", "approx."}

// ParseScale reads a quantity with an optional multiplier and an optional
// unit, such as "1.2TB", "3亿 tokens", "50万条", "1.5B tokens", "70B",
// "700亿参数", "1,234,567 条", "约1.2万小时", "512 GiB" or "12345".
//
// Multipliers: 万 1e4, 十万, 百万, 千万, 亿 1e8, 十亿, 百亿, 千亿, 万亿 1e12, 千 1e3,
// K/thousand 1e3, w 1e4 (Chinese shorthand for 万), M/mn/million 1e6,
// B/bn/billion 1e9, T/trillion 1e12; Latin multipliers are matched without
// regard to case except T. A "B" after a number is a billion ("70B" is 7e10
// with no unit), not bytes; it means bytes only after a Chinese multiplier
// ("5万B").
//
// A note in brackets after the quantity is left out: "2.3 GB（约 9.8 亿
// tokens）" is 2.3 GB.
//
// Units: tokens (token, tok, 词元, 个token), items (条 个 张 篇 段 幅 份 组 对 句 册 本 首 部
// 行 样本 样例 条数据 item sample record row), bytes (byte, 字节, KB MB GB TB PB
// EB in powers of 1000, KiB MiB GiB TiB PiB EiB in powers of 1024), hours
// (小时 h hr hrs hour 时长小时) and parameters (params parameters 参数 个参数
// 参数量); the unit is "" for a bare number.
//
// Leading words that make the quantity approximate or a lower bound (约, 大约,
// 超过, 共, about, approx., over, ~, ≈, >) and trailing ones (左右, 以上, 余, 多,
// +) are ignored. Garbage, negative values, NaN and infinities are ok=false.
func ParseScale(s string) (Scale, bool) {
	if sc, ok := parseScale(s); ok {
		return sc, true
	}
	// "2.3 GB（约 9.8 亿 tokens）": the quantity before a note in brackets.
	if i := strings.IndexAny(s, "(（["); i > 0 {
		return parseScale(s[:i])
	}
	return Scale{}, false
}

func parseScale(s string) (Scale, bool) {
	s = stripPrefixes(clean(s), scaleLead)
	d, n, ok := parseDecimal(s, true)
	if !ok {
		return Scale{}, false
	}
	r := skipMid(s[n:])
	if sc, ok := scaleTail(d, r, false); ok {
		return sc, true
	}
	if r == "" {
		return Scale{}, false
	}
	for _, m := range multiplierIndex[lowerByte(r[0])] {
		if !m.match(r) {
			continue
		}
		dm := d
		dm.exp += m.exp
		if sc, ok := scaleTail(dm, skipMid(r[len(m.text):]), m.chinese); ok {
			return sc, true
		}
	}
	return Scale{}, false
}

// skipMid skips white space and the words of scaleMid.
func skipMid(s string) string {
	for {
		s = skipSpaces(s)
		found := false
		for _, w := range scaleMid {
			if strings.HasPrefix(s, w) {
				s, found = s[len(w):], true
			}
		}
		if !found {
			return s
		}
	}
}

// scaleTail reads the rest r of a quantity after its number and multiplier:
// nothing or a unit, then only trailing words. bytesB allows a bare "B" for
// bytes.
func scaleTail(d decimal, r string, bytesB bool) (Scale, bool) {
	if onlyFillers(r, scaleTrail) {
		return scale(d, "", 0)
	}
	if bytesB && (strings.HasPrefix(r, "B") || strings.HasPrefix(r, "b")) &&
		onlyFillers(r[1:], scaleTrail) {
		return scale(d, UnitBytes, 0)
	}
	if r == "" {
		return Scale{}, false
	}
	for _, u := range scaleUnitIndex[lowerByte(r[0])] {
		if hasPrefixFold(r, u.text) && onlyFillers(r[len(u.text):], scaleTrail) {
			d.exp += u.exp
			return scale(d, u.unit, u.bin)
		}
	}
	return Scale{}, false
}

func scale(d decimal, unit string, bin int) (Scale, bool) {
	v := math.Ldexp(d.float(), bin)
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return Scale{}, false
	}
	return Scale{Value: v, Unit: unit}, true
}
