package docx

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/document"
)

// paragraph reads a w:p whose start tag was just read.
func (p *parser) paragraph() error {
	p.pCount++
	if p.pCount > p.lim.MaxParagraphs {
		return fmt.Errorf("%w: more than the limit of %d paragraphs", ErrTooManyParagraphs, p.lim.MaxParagraphs)
	}
	d := p.x.depth
	pp := paraProps{ilvl: -1, outline: -1}
	var buf []byte
	cut := false
	add := func(s string) {
		if p.instr == 0 && len(buf) < maxParaBytes {
			buf = append(buf, s...)
		}
	}
	for {
		t, err := p.x.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokEOF:
			return errUnexpectedEOF
		case tokEnd:
			if p.x.depth < d {
				if cut {
					p.warn(p.here(), workbench.ReasonParagraphTooLong, map[string]any{"N": maxParaBytes}, "paragraph longer than %d bytes: the rest is not read", maxParaBytes)
				}
				p.paraDone(buf, pp)
				return nil
			}
		case tokStart:
			se := t.start
			switch se.Name.Local {
			case "pPr":
				if p.x.depth == d+1 {
					err = p.paraProps(&pp)
				} else {
					err = p.x.skip()
				}
			case "t":
				if p.instr == 0 {
					n := len(buf)
					buf, err = p.x.text(buf, maxParaBytes)
					if len(buf) >= maxParaBytes && n < len(buf) {
						cut = true
					}
				} else {
					err = p.x.skip()
				}
			case "tab", "ptab":
				add("\t")
			case "br", "cr":
				add("\n")
			case "noBreakHyphen":
				add("-")
			case "sym":
				if c, err := strconv.ParseUint(strings.TrimSpace(attr(se, "char")), 16, 32); err == nil &&
					c >= 0x20 && c < 0xF000 && utf8.ValidRune(rune(c)) {
					add(string(rune(c)))
				}
			case "fldChar":
				p.fieldChar(attr(se, "fldCharType"))
			case "footnoteReference", "endnoteReference":
				if !p.notesMode {
					v, ok := hasAttr(se, "customMarkFollows")
					mark := p.noteRef(se.Name.Local == "endnoteReference", strings.TrimSpace(attr(se, "id")), onOff(v, ok))
					add(mark)
				}
			case "commentRangeStart", "commentReference":
				p.anchorComment(attr(se, "id"))
				err = p.x.skip()
			case "drawing", "pict":
				err = p.drawing()
			case "object":
				err = p.object()
			case "txbxContent":
				err = p.textBox()
			case "r", "hyperlink", "ins", "moveTo", "smartTag", "sdt", "sdtContent", "customXml",
				"fldSimple", "AlternateContent", "Choice", "dir", "bdo", "ruby", "rubyBase":
				// read through
			default:
				// Properties, deleted and moved-away text, field
				// instructions, ruby guide text, fallbacks, marks.
				if !strings.HasPrefix(se.Name.Space, "http://schemas.openxmlformats.org/officeDocument/2006/math") {
					err = p.x.skip()
				}
			}
			if err != nil {
				return err
			}
		}
	}
}

// paraProps reads a paragraph's w:pPr.
func (p *parser) paraProps(pp *paraProps) error {
	return p.x.children(func(t token, _ int) error {
		val := strings.TrimSpace(attr(t.start, "val"))
		switch t.start.Name.Local {
		case "pStyle":
			pp.style = val
		case "numId":
			pp.numID, pp.hasNum = val, true
		case "ilvl":
			if n, err := strconv.Atoi(val); err == nil && n >= 0 && n < 9 {
				pp.ilvl = n
			}
		case "outlineLvl":
			if n, err := strconv.Atoi(val); err == nil && n >= 0 {
				pp.outline = n
			}
		case "numPr":
		default: // rPr, pPrChange, sectPr, tabs...
			return p.x.skip()
		}
		return nil
	})
}

// fieldChar tracks complex fields: text between begin and separate is the
// instruction (dropped), between separate and end the result (kept).
func (p *parser) fieldChar(typ string) {
	switch typ {
	case "begin":
		if len(p.fields) < maxFields {
			p.fields = append(p.fields, false)
			p.instr++
		}
	case "separate":
		if n := len(p.fields); n > 0 && !p.fields[n-1] {
			p.fields[n-1] = true
			p.instr--
		}
	case "end":
		if n := len(p.fields); n > 0 {
			if !p.fields[n-1] {
				p.instr--
			}
			p.fields = p.fields[:n-1]
		}
	}
}

// noteRef records a footnote or endnote reference and returns the mark
// it adds to the text.
func (p *parser) noteRef(endnote bool, id string, custom bool) string {
	var mark, key string
	if endnote {
		p.enSeq++
		mark, key = "["+strings.ToLower(roman(min(p.enSeq, 3999)))+"]", endnotePrefix+id
	} else {
		p.fnSeq++
		mark, key = "["+strconv.Itoa(p.fnSeq)+"]", id
	}
	if custom {
		mark = ""
	}
	if p.noted == nil {
		p.noted = map[string]bool{}
	}
	if text, ok := p.noteText[key]; ok && !p.noted[key] && p.instr == 0 {
		p.noted[key] = true
		if mark != "" {
			text = mark + " " + text
		}
		p.pending = append(p.pending, document.Passage{Footnote: key, Text: text})
	}
	return mark
}

// paraDone turns a read paragraph into a passage, a cell line or a note
// line.
func (p *parser) paraDone(buf []byte, pp paraProps) {
	if p.instr > 0 {
		if p.instrParas++; p.instrParas > maxInstrParas {
			p.warn(p.here(), workbench.ReasonBrokenField, map[string]any{"N": maxInstrParas}, "a field instruction runs over %d paragraphs; treating the field as broken", maxInstrParas)
			p.fields, p.instr, p.instrParas = p.fields[:0], 0, 0
		}
	} else {
		p.instrParas = 0
	}
	numID, ilvl := p.st.numbering(pp.style)
	switch {
	case pp.hasNum:
		numID, ilvl = pp.numID, max(pp.ilvl, 0)
	case pp.ilvl >= 0:
		ilvl = pp.ilvl
	}
	prefix := p.nb.prefix(numID, ilvl, pp.style)
	text := tidy(string(buf))
	if text == "" {
		return
	}
	text = prefix + text
	if p.collect != nil {
		*p.collect = append(*p.collect, text)
		return
	}
	if c := p.cell; c != nil {
		if c.suppress {
			return
		}
		p.paraCount++
		if c.first == 0 {
			c.first = p.paraCount
		}
		c.lines = append(c.lines, text)
		return
	}
	p.paraCount++
	level := 0
	if p.inTextBox == 0 {
		if pp.outline >= 0 {
			if pp.outline < 9 {
				level = pp.outline + 1
			}
		} else {
			level = p.st.headingLevel(pp.style)
		}
	}
	if level == 0 {
		p.emit(document.Passage{Paragraph: p.paraCount, HeadingPath: p.headPath, Text: text})
		return
	}
	for len(p.heads) > 0 && p.heads[len(p.heads)-1].level >= level {
		p.heads = p.heads[:len(p.heads)-1]
	}
	p.setHeadPath()
	p.emit(document.Passage{Paragraph: p.paraCount, HeadingPath: p.headPath, Heading: true, Text: text})
	p.heads = append(p.heads, heading{level: level, text: strings.ReplaceAll(text, "\n", " ")})
	p.setHeadPath()
}

// setHeadPath snapshots the heading stack; passages share the snapshot.
func (p *parser) setHeadPath() {
	if len(p.heads) == 0 {
		p.headPath = nil
		return
	}
	hp := make([]string, len(p.heads))
	for i, h := range p.heads {
		hp[i] = h.text
	}
	p.headPath = slices.Clip(hp)
}

// flushCell emits the lines of the current cell read so far.
func (p *parser) flushCell() {
	c := p.cell
	if c == nil || len(c.lines) == 0 {
		return
	}
	text := strings.Join(c.lines, "\n")
	c.lines = nil
	first := c.first
	c.first = 0
	if p.collect != nil {
		*p.collect = append(*p.collect, text)
		return
	}
	p.emit(document.Passage{Paragraph: first, HeadingPath: p.headPath,
		Table: c.table, Row: c.row, Cell: c.cell, Text: text})
}

// emit appends a passage, then the notes it references.
func (p *parser) emit(ps document.Passage) {
	ps.Seq = len(p.out) + 1
	p.out = append(p.out, ps)
	for _, n := range p.pending {
		n.Seq = len(p.out) + 1
		n.HeadingPath = p.headPath
		p.out = append(p.out, n)
	}
	p.pending = p.pending[:0]
}

// finish emits notes still pending and summary warnings.
func (p *parser) finish() {
	for _, n := range p.pending {
		n.Seq = len(p.out) + 1
		n.HeadingPath = p.headPath
		p.out = append(p.out, n)
	}
	p.pending = nil
	if p.images > 0 {
		p.warn("document", workbench.ReasonContentSkipped, map[string]any{"What": "images", "N": p.images}, "%d image(s) skipped: text in images is not read", p.images)
	}
}

// tidy collapses runs of spaces and tabs to one space, trims each line,
// drops empty lines and soft hyphens. Full-width characters, including
// the ideographic space U+3000, are left alone.
func tidy(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' || c == 0xC2 ||
			c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s))
	for line := range strings.SplitSeq(s, "\n") {
		lineStart := len(b)
		if lineStart > 0 {
			b = append(b, '\n')
		}
		space, wrote := false, false
		for _, r := range line {
			switch r {
			case ' ', '\t', '\r', '\v', '\f':
				space = true
				continue
			case '\u00AD':
				continue
			}
			if space && wrote {
				b = append(b, ' ')
			}
			space, wrote = false, true
			b = utf8.AppendRune(b, r)
		}
		if !wrote {
			b = b[:lineStart] // an empty line: drop it and its separator
		}
	}
	return string(b)
}
