package docx

import (
	"errors"
	"strconv"
	"strings"
)

// maxStyles bounds the styles and numbering definitions of a document;
// real documents have a few hundred.
const maxStyles = 100_000

var errTooManyStyles = errors.New("too many style or numbering definitions")

// style is what the reader needs of a w:style.
type style struct {
	id, name, basedOn string
	outline           int // w:outlineLvl, or -1
	numID             string
	hasNum            bool
	ilvl              int // -1 when the style's numPr has none
}

// styles holds the paragraph styles by id.
type styles struct {
	byID map[string]*style
}

// parseStyles reads styles.xml.
func parseStyles(x *xmlReader, st *styles) error {
	var cur *style
	curDepth := 0
	for {
		t, err := x.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokEOF:
			return nil
		case tokEnd:
			if cur != nil && x.depth < curDepth {
				cur = nil
			}
		case tokStart:
			local := t.start.Name.Local
			if cur == nil {
				if local == "style" {
					if len(st.byID) >= maxStyles {
						return errTooManyStyles
					}
					cur = &style{id: attr(t.start, "styleId"), outline: -1, ilvl: -1}
					curDepth = x.depth
					if _, dup := st.byID[cur.id]; !dup {
						st.byID[cur.id] = cur
					}
				}
				continue
			}
			switch local {
			case "name":
				if x.depth == curDepth+1 {
					cur.name = attr(t.start, "val")
				}
			case "basedOn":
				if x.depth == curDepth+1 {
					cur.basedOn = attr(t.start, "val")
				}
			case "outlineLvl":
				if n, err := strconv.Atoi(strings.TrimSpace(attr(t.start, "val"))); err == nil && n >= 0 {
					cur.outline = n
				}
			case "numId":
				cur.numID = strings.TrimSpace(attr(t.start, "val"))
				cur.hasNum = true
			case "ilvl":
				if n, err := strconv.Atoi(strings.TrimSpace(attr(t.start, "val"))); err == nil && n >= 0 && n < 9 {
					cur.ilvl = n
				}
			case "rPr", "tblPr", "trPr", "tcPr", "tblStylePr", "pPrChange", "rPrChange":
				if err := x.skip(); err != nil {
					return err
				}
			}
		}
	}
}

// maxChain bounds w:basedOn chains (which may loop in a hostile file).
const maxChain = 16

// headingLevel returns the heading level (1-9) a paragraph style gives,
// or 0. The nearest style in the basedOn chain with an outline level or a
// heading name decides; outline level 9 means body text.
func (st *styles) headingLevel(id string) int {
	s := st.byID[id]
	for range maxChain {
		if s == nil {
			return 0
		}
		if s.outline >= 0 {
			if s.outline < 9 {
				return s.outline + 1
			}
			return 0
		}
		if n := headingName(s.name); n > 0 {
			return n
		}
		s = st.byID[s.basedOn]
	}
	return 0
}

// headingName recognizes "heading 1", "Heading 1", "标题 1" (any spacing),
// and the names Chinese writers give their own heading styles: "一级标题",
// "1级标题", "标题一".
func headingName(name string) int {
	n := strings.ToLower(strings.ReplaceAll(name, " ", ""))
	var rest string
	switch {
	case strings.HasPrefix(n, "heading"):
		rest = n[len("heading"):]
	case strings.HasPrefix(n, "标题"):
		rest = n[len("标题"):]
	case strings.HasSuffix(n, "级标题"):
		rest = strings.TrimSuffix(n, "级标题")
	default:
		return 0
	}
	if len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
		return int(rest[0] - '0')
	}
	if i := strings.Index(chineseDigits, rest); rest != "" && i >= 0 && i%len("一") == 0 && len(rest) == len("一") {
		return i/len("一") + 1
	}
	return 0
}

// chineseDigits are the Chinese numerals of heading levels 1 to 9.
const chineseDigits = "一二三四五六七八九"

// numbering returns the numbering a paragraph style gives through its
// basedOn chain: numID "" means none; ilvl is -1 when unspecified.
func (st *styles) numbering(id string) (numID string, ilvl int) {
	s := st.byID[id]
	ilvl = -1
	for range maxChain {
		if s == nil {
			return "", -1
		}
		if ilvl < 0 && s.ilvl >= 0 {
			ilvl = s.ilvl
		}
		if s.hasNum {
			return s.numID, ilvl
		}
		s = st.byID[s.basedOn]
	}
	return "", -1
}
