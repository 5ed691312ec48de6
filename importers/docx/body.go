package docx

import (
	"fmt"
	"strings"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/document"
)

const (
	// maxNest bounds the nesting of tables in cells and of text boxes.
	maxNest = 64
	// maxParaBytes bounds the text kept of one paragraph.
	maxParaBytes = 1 << 20
	// maxFields bounds the nesting of complex fields.
	maxFields = 64
	// maxInstrParas is how many paragraphs a field instruction may span
	// before the reader decides the field is broken and shows text again.
	maxInstrParas = 20
	// endnotePrefix keys endnotes apart from footnotes in Passage.Footnote.
	endnotePrefix = "endnote-"
)

// heading is an entry of the heading stack.
type heading struct {
	level int
	text  string
}

// cellState collects the paragraphs of the table cell being read.
type cellState struct {
	table, row, cell int
	first            int // Paragraph of the first line
	lines            []string
	suppress         bool // a vertically merged continuation cell
}

// paraProps is what the reader takes from a w:pPr.
type paraProps struct {
	style   string
	numID   string
	hasNum  bool
	ilvl    int
	outline int
}

// parser turns the tokens of word/document.xml (or of a notes part) into
// passages.
type parser struct {
	x   *xmlReader
	lim Limits
	st  *styles
	nb  numberer

	out   []document.Passage
	warns []workbench.Warning

	pCount     int // all w:p read, for MaxParagraphs
	paraCount  int // non-empty body paragraphs: Passage.Paragraph
	tableCount int
	heads      []heading
	headPath   []string

	cell      *cellState
	collect   *[]string // notes mode: paragraph texts go here
	notesMode bool
	inTextBox int
	nest      int

	fields     []bool // open complex fields; true once past "separate"
	instr      int    // open fields still in their instruction part
	instrParas int

	noteText map[string]string
	noted    map[string]bool
	pending  []document.Passage
	fnSeq    int
	enSeq    int

	images int

	anchors map[string]anchor // comment w:id → where it is anchored
}

// anchor is where a comment is anchored in the body.
type anchor struct {
	paragraph, table, row, cell int
	headPath                    []string
}

// maxComments bounds the comment anchors kept.
const maxComments = 100_000

// anchorComment records the place of comment id's anchor, the first time
// the body names it: the paragraph being read (or, in a table cell, the
// cell's passage), with its heading path.
func (p *parser) anchorComment(id string) {
	if p.notesMode || p.collect != nil {
		return
	}
	if p.anchors == nil {
		p.anchors = map[string]anchor{}
	}
	id = strings.TrimSpace(id)
	if _, ok := p.anchors[id]; ok || len(p.anchors) >= maxComments {
		return
	}
	a := anchor{paragraph: p.paraCount + 1, headPath: p.headPath}
	if c := p.cell; c != nil {
		a.table, a.row, a.cell = c.table, c.row, c.cell
		if c.first != 0 {
			a.paragraph = c.first
		}
	}
	p.anchors[id] = a
}

func newParser(x *xmlReader, lim Limits, st *styles, nd *numDefs) *parser {
	return &parser{x: x, lim: lim, st: st, nb: numberer{defs: nd, styles: st}}
}

// warn records a warning at loc: its reason with its arguments, for the
// interfaces to word, and the English message.
func (p *parser) warn(loc string, reason workbench.Reason, args map[string]any, format string, fargs ...any) {
	if len(p.warns) >= 1000 {
		return
	}
	p.warns = append(p.warns, workbench.Warning{Location: loc, Message: fmt.Sprintf(format, fargs...), Reason: reason, Args: args})
}

// skipped is the arguments of a ReasonContentSkipped warning.
func skipped(what string) map[string]any { return map[string]any{"What": what} }

// here is the location of what is being read, for warnings.
func (p *parser) here() string {
	if p.cell != nil {
		return fmt.Sprintf("table %d, row %d, cell %d", p.cell.table, p.cell.row, p.cell.cell)
	}
	return fmt.Sprintf("paragraph %d", p.paraCount+1)
}

// body reads the document part.
func (p *parser) body() error {
	for {
		t, err := p.x.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokEOF:
			return nil
		case tokStart:
			switch t.start.Name.Local {
			case "document":
			case "body":
				if err := p.block(false); err != nil {
					return err
				}
			default:
				if err := p.x.skip(); err != nil {
					return err
				}
			}
		}
	}
}

// notes reads footnotes.xml or endnotes.xml into texts keyed by
// keyPrefix + w:id.
func (p *parser) notes(elem, keyPrefix string, dst map[string]string) error {
	p.notesMode = true
	for {
		t, err := p.x.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokEOF:
			return nil
		case tokStart:
			if t.start.Name.Local != elem {
				continue
			}
			switch attr(t.start, "type") {
			case "separator", "continuationSeparator", "continuationNotice":
				if err := p.x.skip(); err != nil {
					return err
				}
				continue
			}
			var lines []string
			p.collect = &lines
			if err := p.block(false); err != nil {
				return err
			}
			p.collect = nil
			key := keyPrefix + strings.TrimSpace(attr(t.start, "id"))
			if _, dup := dst[key]; !dup && len(lines) > 0 {
				dst[key] = strings.Join(lines, "\n")
			}
		}
	}
}

// margin reads a header or footer part (w:hdr, w:ftr), appending its
// paragraphs' texts (table cells' included) to lines.
func (p *parser) margin(lines *[]string) error {
	p.notesMode = true
	p.collect = lines
	for {
		t, err := p.x.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokEOF:
			return nil
		case tokStart:
			if err := p.block(false); err != nil {
				return err
			}
		}
	}
}

// comments reads word/comments.xml, calling visit for every comment with
// text: n is its 1-based place among the part's w:comment elements, id its
// w:id, text its paragraphs joined with "\n".
func (p *parser) comments(visit func(n int, id, author, text string)) error {
	p.notesMode = true
	n := 0
	for {
		t, err := p.x.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokEOF:
			return nil
		case tokStart:
			if t.start.Name.Local != "comment" {
				continue
			}
			n++
			var lines []string
			p.collect = &lines
			if err := p.block(false); err != nil {
				return err
			}
			p.collect = nil
			if len(lines) > 0 {
				visit(n, strings.TrimSpace(attr(t.start, "id")), strings.TrimSpace(attr(t.start, "author")), strings.Join(lines, "\n"))
			}
		}
	}
}

// block reads block content (paragraphs, tables, content controls) until
// the element whose start tag was just read ends. inCell says that element
// is a w:tc.
func (p *parser) block(inCell bool) error {
	return p.x.children(func(t token, d int) error {
		switch t.start.Name.Local {
		case "p":
			return p.paragraph()
		case "tbl":
			if p.cell != nil {
				p.flushCell()
			}
			return p.table()
		case "tcPr":
			if inCell && p.x.depth == d+1 {
				return p.cellProps()
			}
			return p.x.skip()
		case "sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo", "AlternateContent", "Choice":
			return nil // read through
		case "altChunk":
			p.warn(p.here(), workbench.ReasonContentSkipped, skipped("altchunk"), "imported content (altChunk) skipped")
		case "commentRangeStart":
			p.anchorComment(attr(t.start, "id"))
		}
		return p.x.skip()
	})
}

// cellProps reads a w:tcPr for vertical merging.
func (p *parser) cellProps() error {
	return p.x.children(func(t token, d int) error {
		switch t.start.Name.Local {
		case "vMerge":
			if p.x.depth == d+1 && p.cell != nil {
				v := attr(t.start, "val")
				p.cell.suppress = v == "" || v == "continue"
			}
		case "tcPrChange":
			return p.x.skip()
		}
		return nil
	})
}

// table reads a w:tbl.
func (p *parser) table() error {
	if p.nest >= maxNest {
		return fmt.Errorf("tables or text boxes nested deeper than %d levels", maxNest)
	}
	p.nest++
	defer func() { p.nest-- }()
	saved := p.cell
	defer func() { p.cell = saved }()
	p.tableCount++
	tno := p.tableCount
	row, cell := 0, 0
	return p.x.children(func(t token, _ int) error {
		switch t.start.Name.Local {
		case "tr":
			row, cell = row+1, 0
		case "tc":
			cell++
			p.cell = &cellState{table: tno, row: row, cell: cell}
			err := p.block(true)
			p.flushCell()
			p.cell = nil
			return err
		case "sdt", "sdtContent", "customXml", "AlternateContent", "Choice":
			// read through
		default: // tblPr, tblGrid, trPr, tblPrEx, stray content
			return p.x.skip()
		}
		return nil
	})
}

// textBox reads a w:txbxContent where it is anchored.
func (p *parser) textBox() error {
	if p.nest >= maxNest {
		return fmt.Errorf("tables or text boxes nested deeper than %d levels", maxNest)
	}
	p.nest++
	defer func() { p.nest-- }()
	if !p.notesMode {
		p.warn(p.here(), workbench.ReasonTextBoxAnchored, nil, "text box read where it is anchored, which may not be where it shows on the page")
	}
	saved := p.cell
	p.cell = nil
	p.inTextBox++
	err := p.block(false)
	p.inTextBox--
	p.cell = saved
	return err
}

// drawing reads a w:drawing or w:pict: the text of text boxes, and notes
// of what is skipped.
func (p *parser) drawing() error {
	return p.x.children(func(t token, _ int) error {
		switch t.start.Name.Local {
		case "txbxContent":
			return p.textBox()
		case "graphicData":
			uri := attr(t.start, "uri")
			switch {
			case strings.HasSuffix(uri, "/chart") || strings.Contains(uri, "/chartex"):
				p.warn(p.here(), workbench.ReasonContentSkipped, skipped("chart"), "chart skipped: its data is not read")
			case strings.HasSuffix(uri, "/diagram"):
				p.warn(p.here(), workbench.ReasonContentSkipped, skipped("smartart"), "diagram (SmartArt) skipped: its text is not read")
			case strings.HasSuffix(uri, "/picture"):
				p.images++
			}
		case "imagedata":
			p.images++
		case "OLEObject":
			prog := attr(t.start, "ProgID")
			p.warn(p.here(), workbench.ReasonContentSkipped, map[string]any{"What": "object", "Object": prog}, "embedded object (%s) skipped: its content is not read", prog)
		case "Fallback":
			return p.x.skip()
		}
		return nil
	})
}

// object reads a w:object (an embedded OLE object) for its kind.
func (p *parser) object() error {
	prog := ""
	err := p.x.children(func(t token, _ int) error {
		if v := attr(t.start, "ProgID"); v != "" && prog == "" {
			prog = v
		}
		return nil
	})
	if err != nil {
		return err
	}
	if prog != "" {
		p.warn(p.here(), workbench.ReasonContentSkipped, map[string]any{"What": "object", "Object": prog}, "embedded object (%s) skipped: its content is not read", prog)
	} else {
		p.warn(p.here(), workbench.ReasonContentSkipped, skipped("object"), "embedded object skipped: its content is not read")
	}
	return nil
}
