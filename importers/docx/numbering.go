package docx

import (
	"strconv"
	"strings"
)

// level is a w:lvl of numbering.xml.
type level struct {
	start    int
	hasStart bool
	format   string // w:numFmt
	text     string // w:lvlText, e.g. "%1.%2."
	hasText  bool
	pStyle   string
	suff     string // tab (default), space, nothing
	isLgl    bool
}

// abstractNum is a w:abstractNum.
type abstractNum struct {
	id                      string
	lvls                    [9]*level
	styleLink, numStyleLink string
}

// numInst is a w:num: an instance of an abstract numbering, with overrides.
type numInst struct {
	abs      string
	start    [9]int
	hasStart [9]bool
	lvls     [9]*level
	override bool
}

// numDefs holds numbering.xml.
type numDefs struct {
	abstract map[string]*abstractNum
	nums     map[string]*numInst
}

// parseNumbering reads numbering.xml.
func parseNumbering(x *xmlReader, nd *numDefs) error {
	var (
		abs                  *abstractNum
		num                  *numInst
		lvl                  *level
		absD, numD, lvlD, ov = 0, 0, 0, -1
		ovD                  = 0
	)
	for {
		t, err := x.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokEOF:
			return nil
		case tokEnd:
			if lvl != nil && x.depth < lvlD {
				lvl = nil
			}
			if ov >= 0 && x.depth < ovD {
				ov = -1
			}
			if abs != nil && x.depth < absD {
				abs = nil
			}
			if num != nil && x.depth < numD {
				num = nil
			}
		case tokStart:
			se := t.start
			val := strings.TrimSpace(attr(se, "val"))
			switch se.Name.Local {
			case "abstractNum":
				if len(nd.abstract)+len(nd.nums) >= maxStyles {
					return errTooManyStyles
				}
				abs, absD, num = &abstractNum{id: strings.TrimSpace(attr(se, "abstractNumId"))}, x.depth, nil
				if _, dup := nd.abstract[abs.id]; !dup {
					nd.abstract[abs.id] = abs
				}
			case "num":
				if len(nd.abstract)+len(nd.nums) >= maxStyles {
					return errTooManyStyles
				}
				num, numD, abs = &numInst{}, x.depth, nil
				id := strings.TrimSpace(attr(se, "numId"))
				if _, dup := nd.nums[id]; !dup {
					nd.nums[id] = num
				}
			case "abstractNumId":
				if num != nil {
					num.abs = val
				}
			case "lvlOverride":
				if num != nil {
					if n, err := strconv.Atoi(strings.TrimSpace(attr(se, "ilvl"))); err == nil && n >= 0 && n < 9 {
						ov, ovD = n, x.depth
					}
				}
			case "startOverride":
				if num != nil && ov >= 0 {
					if n, err := strconv.Atoi(val); err == nil {
						num.start[ov], num.hasStart[ov], num.override = n, true, true
					}
				}
			case "styleLink":
				if abs != nil && x.depth == absD+1 {
					abs.styleLink = val
				}
			case "numStyleLink":
				if abs != nil && x.depth == absD+1 {
					abs.numStyleLink = val
				}
			case "lvl":
				n, err := strconv.Atoi(strings.TrimSpace(attr(se, "ilvl")))
				if err != nil || n < 0 || n >= 9 {
					if err := x.skip(); err != nil {
						return err
					}
					continue
				}
				lvl, lvlD = &level{start: 1}, x.depth
				switch {
				case num != nil && ov >= 0:
					num.lvls[ov], num.override = lvl, true
				case abs != nil:
					abs.lvls[n] = lvl
				default:
					lvl = nil
				}
			case "start":
				if lvl != nil {
					if n, err := strconv.Atoi(val); err == nil {
						lvl.start, lvl.hasStart = n, true
					}
				}
			case "numFmt":
				if lvl != nil && (lvl.format == "" || lvl.format == "custom") {
					lvl.format = val
				}
			case "lvlText":
				if lvl != nil {
					lvl.text, lvl.hasText = attr(se, "val"), true
				}
			case "pStyle":
				if lvl != nil {
					lvl.pStyle = val
				}
			case "suff":
				if lvl != nil {
					lvl.suff = val
				}
			case "isLgl":
				if lvl != nil {
					v, ok := hasAttr(se, "val")
					lvl.isLgl = onOff(v, ok)
				}
			case "pPr", "rPr":
				if err := x.skip(); err != nil {
					return err
				}
			}
		}
	}
}

// numState is the running counters of one list.
type numState struct {
	n       [9]int
	started [9]bool
}

// numberer renders list numbers in document order.
type numberer struct {
	defs   *numDefs
	styles *styles
	state  map[string]*numState
}

// resolve finds the abstract numbering of a w:num, following one
// numStyleLink hop, and the key its counters are kept under.
func (nb *numberer) resolve(numID string) (*numInst, *abstractNum, string) {
	inst := nb.defs.nums[numID]
	if inst == nil {
		return nil, nil, ""
	}
	abs := nb.defs.abstract[inst.abs]
	if abs == nil {
		return nil, nil, ""
	}
	if abs.numStyleLink != "" {
		if linked, _ := nb.styles.numbering(abs.numStyleLink); linked != "" && linked != numID {
			if li := nb.defs.nums[linked]; li != nil {
				if la := nb.defs.abstract[li.abs]; la != nil {
					abs = la
				}
			}
		}
	}
	key := "a" + abs.id
	if inst.override {
		key = "n" + numID
	}
	return inst, abs, key
}

// prefix advances the counters for a paragraph numbered numID at ilvl
// (-1: find the level by the paragraph style) and returns its rendered
// number with the separator that follows it, or "" for bullets, unknown
// lists and levels without text.
func (nb *numberer) prefix(numID string, ilvl int, styleID string) string {
	if numID == "" || numID == "0" {
		return ""
	}
	inst, abs, key := nb.resolve(numID)
	if abs == nil {
		return ""
	}
	lvlDef := func(i int) *level {
		if inst.lvls[i] != nil {
			return inst.lvls[i]
		}
		return abs.lvls[i]
	}
	if ilvl < 0 {
		ilvl = 0
		for i := range 9 {
			if l := lvlDef(i); l != nil && styleID != "" && l.pStyle == styleID {
				ilvl = i
				break
			}
		}
	}
	lv := lvlDef(ilvl)
	if lv == nil {
		return ""
	}
	startOf := func(i int) int {
		if inst.hasStart[i] {
			return inst.start[i]
		}
		if l := lvlDef(i); l != nil {
			return l.start
		}
		return 1
	}
	if nb.state == nil {
		nb.state = map[string]*numState{}
	}
	s := nb.state[key]
	if s == nil {
		s = &numState{}
		nb.state[key] = s
	}
	if s.started[ilvl] {
		s.n[ilvl]++
	} else {
		s.n[ilvl], s.started[ilvl] = startOf(ilvl), true
	}
	for i := ilvl + 1; i < 9; i++ {
		s.started[i] = false
	}
	if lv.format == "bullet" || !lv.hasText {
		return ""
	}
	var b strings.Builder
	text := lv.text
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '%' || i+1 >= len(text) || text[i+1] < '1' || text[i+1] > '9' {
			b.WriteByte(c)
			continue
		}
		k := int(text[i+1] - '1')
		i++
		if k > ilvl {
			continue // a deeper level than this paragraph's: Word shows nothing
		}
		n := startOf(k)
		if s.started[k] {
			n = s.n[k]
		}
		f := "decimal"
		if l := lvlDef(k); l != nil && l.format != "" {
			f = l.format
		}
		if lv.isLgl && k < ilvl {
			f = "decimal"
		}
		b.WriteString(formatNumber(n, f))
	}
	out := b.String()
	if strings.TrimSpace(out) == "" {
		return ""
	}
	switch lv.suff {
	case "nothing":
		return out
	default: // tab or space
		return out + " "
	}
}

// formatNumber renders n in a w:numFmt. Unknown formats fall back to
// decimal.
func formatNumber(n int, f string) string {
	switch f {
	case "none":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "lowerLetter", "upperLetter":
		if n > 0 {
			s := letters(n)
			if f == "upperLetter" {
				return strings.ToUpper(s)
			}
			return s
		}
	case "lowerRoman", "upperRoman":
		if n > 0 && n < 4000 {
			s := roman(n)
			if f == "lowerRoman" {
				return strings.ToLower(s)
			}
			return s
		}
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "koreanCounting":
		if n >= 0 && n < 100_000_000 {
			return chineseCounting(n, "〇一二三四五六七八九", "十百千")
		}
	case "chineseLegalSimplified", "ideographLegalTraditional", "japaneseLegal":
		if n >= 0 && n < 100_000_000 {
			return chineseCounting(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟")
		}
	case "ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital", "koreanDigital":
		if n >= 0 {
			digits := []rune("〇一二三四五六七八九")
			var b strings.Builder
			for _, c := range strconv.Itoa(n) {
				b.WriteRune(digits[c-'0'])
			}
			return b.String()
		}
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
	case "ideographZodiac":
		if n >= 1 && n <= 12 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[n-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune('⑴' + n - 1))
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune('⒈' + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, c := range strconv.Itoa(n) {
			if c >= '0' && c <= '9' {
				b.WriteRune('０' + c - '0')
			} else {
				b.WriteRune(c)
			}
		}
		return b.String()
	}
	return strconv.Itoa(n)
}

// letters renders 1 → a, 26 → z, 27 → aa, 28 → bb (Word repeats the
// letter).
func letters(n int) string {
	c := byte('a' + (n-1)%26)
	return strings.Repeat(string(c), min((n-1)/26+1, 100))
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// chineseCounting renders n below 10^8 in Chinese counting numerals:
// 10 → 十, 11 → 十一, 21 → 二十一, 101 → 一百零一, 10000 → 一万. digitStr
// holds the digits 0-9 (its zero is used for 0 alone), unitStr 十百千.
func chineseCounting(n int, digitStr, unitStr string) string {
	digits := []rune(digitStr)
	units := []rune(unitStr)
	if n == 0 {
		return string(digits[0])
	}
	group := func(g int, leadingZero bool) string {
		var b strings.Builder
		zero := leadingZero
		for i, p := 3, 1000; i >= 0; i, p = i-1, p/10 {
			d := g / p % 10
			if d == 0 {
				if b.Len() > 0 || leadingZero {
					zero = true
				}
				continue
			}
			if zero && b.Len() > 0 || zero && leadingZero {
				b.WriteRune('零') // an interior zero is 零 in both styles
			}
			zero = false
			b.WriteRune(digits[d])
			if i > 0 {
				b.WriteRune(units[i-1])
			}
		}
		return b.String()
	}
	var s string
	if hi := n / 10000; hi > 0 {
		s = group(hi, false) + "万"
		if lo := n % 10000; lo > 0 {
			s += group(lo, lo < 1000)
		}
	} else {
		s = group(n, false)
	}
	// 一十 → 十 at the start (十一, not 一十一), for the counting digits.
	one := string(digits[1]) + string(units[0])
	if strings.HasPrefix(s, one) && digits[1] == '一' {
		s = strings.TrimPrefix(s, string(digits[1]))
	}
	return s
}
