package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Description lengths, in characters (runes).
const (
	minDescRunes = 80
	maxDescRunes = 300
)

// zipfS is the exponent of the rank-frequency law every list is drawn with.
const zipfS = 1.1

// config says what log to write.
type config struct {
	rows       int       // records to write
	seed       uint64    // the same seed writes the same bytes
	start      time.Time // the first 受理日期
	days       int       // the span of 受理日期, in days
	altHeaders bool      // headers the workbench does not recognise (a finding to reproduce)
}

// headers are the columns of the log as this provider's compliance team
// names them. Every mapped one is a header the workbench recognises for an
// incident (docs/submission-formats.md); 所属产品, 风险细类, 涉及模型, 处理人
// and 工单状态 are the team's own columns, kept verbatim.
var headers = []string{
	"工单编号", "受理日期", "所属产品", "事件分类", "风险细类", "线索来源", "情况描述", "涉及模型",
	"处理措施", "处理人", "工单状态", "是否上报", "上报日期", "办结日期", "是否反馈", "备注",
}

// altHeaders are the same columns under other names a team might well
// choose, which the workbench does not map to incident fields (see the
// report of issue #15 point 8); written with --alt-headers.
var altHeaders = []string{
	"工单号", "登记日期", "所属产品", "风险类别", "风险细类", "受理渠道", "问题详情", "涉及模型",
	"处置结果", "处理人", "工单状态", "是否报送", "报送日期", "结案日期", "是否回复用户", "备注",
}

// picker draws an index from 0..n-1 with Zipf-like weights 1/(k+1)^s.
type picker struct {
	cum   []float64
	total float64
}

func newPicker(n int, s float64) picker {
	p := picker{cum: make([]float64, n)}
	for k := range n {
		p.total += 1 / math.Pow(float64(k+1), s)
		p.cum[k] = p.total
	}
	return p
}

func (p picker) pick(r *rand.Rand) int {
	i := sort.SearchFloat64s(p.cum, r.Float64()*p.total)
	if i >= len(p.cum) {
		i = len(p.cum) - 1
	}
	return i
}

// list is a word list with its picker.
type list struct {
	items []string
	p     picker
}

func newList(items []string) *list { return &list{items: items, p: newPicker(len(items), zipfS)} }

func (l *list) pick(r *rand.Rand) string { return l.items[l.p.pick(r)] }

// segment is a piece of a parsed template: literal text, then a slot.
type segment struct {
	lit  string
	slot func(g *generator, b []byte) []byte
}

type template []segment

// tmplList is a list of parsed templates with its picker.
type tmplList struct {
	ts []template
	p  picker
}

func (t *tmplList) pick(r *rand.Rand) template { return t.ts[t.p.pick(r)] }

// generator writes rows. It holds everything a row needs, so that writing
// a row allocates nothing.
type generator struct {
	cfg config
	r   *rand.Rand

	products, models, cities, platforms, enTerms, harms, tricks, contentTypes,
	risks, topics, piReqs, piEn, secEvents, depts, handlers, domains, channels,
	languages, apiPaths, kwLibs, notes *list
	categoryWords, categoryActions [numCategories]*list
	leads, handlings               [numCategories]*tmplList
	details, closers               *tmplList
	statusP                        picker

	// the row being written
	day      time.Time
	prod     string
	model    string
	risk     string
	desc     []byte
	clause   []byte
	row      []byte
	dayISO   [][]byte // per day of the span: 2024-03-05
	daySlash [][]byte // per day: 2024/3/5
	dayMD    [][]byte // per day: 3月5日
	dayIdx   int
}

// statusWeights are the shares of the statuses (per cent), in the order of
// statuses; the first two are closed tickets.
var statusWeights = []float64{72, 12, 6, 5, 3, 2}

func newGenerator(cfg config) (*generator, error) {
	if cfg.rows < 0 {
		return nil, fmt.Errorf("rows must not be negative, got %d", cfg.rows)
	}
	if cfg.days < 1 {
		return nil, fmt.Errorf("days must be at least 1, got %d", cfg.days)
	}
	g := &generator{
		cfg:          cfg,
		r:            rand.New(rand.NewPCG(cfg.seed, 0x5eed0001)),
		products:     newList(products),
		models:       newList(models),
		cities:       newList(cities),
		platforms:    newList(platforms),
		enTerms:      newList(enTerms),
		harms:        newList(harms),
		tricks:       newList(tricks),
		contentTypes: newList(contentTypes),
		risks:        newList(risks),
		topics:       newList(complaintTopics),
		piReqs:       newList(piRequests),
		piEn:         newList(piEnglish),
		secEvents:    newList(securityEvents),
		depts:        newList(depts),
		handlers:     newList(handlers),
		domains:      newList(domains),
		channels:     newList(channels),
		languages:    newList(languages),
		apiPaths:     newList(apiPaths),
		kwLibs:       newList(keywordLibs),
		notes:        newList(notes),
		desc:         make([]byte, 0, 2048),
		clause:       make([]byte, 0, 1024),
		row:          make([]byte, 0, 4096),
	}
	var err error
	for c := range numCategories {
		g.categoryWords[c] = newList(categoryWords[c])
		g.categoryActions[c] = newList(categoryActions[c])
		if g.leads[c], err = parseTemplates(leads[c]); err != nil {
			return nil, err
		}
		if g.handlings[c], err = parseTemplates(handlings[c]); err != nil {
			return nil, err
		}
	}
	if g.details, err = parseTemplates(details); err != nil {
		return nil, err
	}
	if len(details) > 64 {
		return nil, fmt.Errorf("%d detail templates: description keeps the used ones in 64 bits", len(details))
	}
	if g.closers, err = parseTemplates(closers); err != nil {
		return nil, err
	}
	g.statusP = picker{}
	for _, w := range statusWeights {
		g.statusP.total += w
		g.statusP.cum = append(g.statusP.cum, g.statusP.total)
	}
	// Dates up to the longest resolution delay past the span's end.
	for d := range cfg.days + 64 {
		t := cfg.start.AddDate(0, 0, d)
		g.dayISO = append(g.dayISO, []byte(t.Format("2006-01-02")))
		g.daySlash = append(g.daySlash, []byte(t.Format("2006/1/2")))
		g.dayMD = append(g.dayMD, []byte(t.Format("1月2日")))
	}
	return g, nil
}

// slots fill the {name} placeholders of the templates.
var slots = map[string]func(g *generator, b []byte) []byte{
	"prod":     func(g *generator, b []byte) []byte { return append(b, g.prod...) },
	"model":    func(g *generator, b []byte) []byte { return append(b, g.model...) },
	"risk":     func(g *generator, b []byte) []byte { return append(b, g.risk...) },
	"riskcode": func(g *generator, b []byte) []byte { return append(b, riskCode(g.risk)...) },
	"ctype":    func(g *generator, b []byte) []byte { return append(b, g.contentTypes.pick(g.r)...) },
	"harm":     func(g *generator, b []byte) []byte { return append(b, g.harms.pick(g.r)...) },
	"trick":    func(g *generator, b []byte) []byte { return append(b, g.tricks.pick(g.r)...) },
	"kw":       func(g *generator, b []byte) []byte { return append(b, g.kwLibs.pick(g.r)...) },
	"en":       func(g *generator, b []byte) []byte { return append(b, g.enTerms.pick(g.r)...) },
	"plat":     func(g *generator, b []byte) []byte { return append(b, g.platforms.pick(g.r)...) },
	"city":     func(g *generator, b []byte) []byte { return append(b, g.cities.pick(g.r)...) },
	"lang":     func(g *generator, b []byte) []byte { return append(b, g.languages.pick(g.r)...) },
	"api":      func(g *generator, b []byte) []byte { return append(b, g.apiPaths.pick(g.r)...) },
	"dept":     func(g *generator, b []byte) []byte { return append(b, g.depts.pick(g.r)...) },
	"who":      func(g *generator, b []byte) []byte { return append(b, g.handlers.pick(g.r)...) },
	"topic":    func(g *generator, b []byte) []byte { return append(b, g.topics.pick(g.r)...) },
	"pi":       func(g *generator, b []byte) []byte { return append(b, g.piReqs.pick(g.r)...) },
	"pien":     func(g *generator, b []byte) []byte { return append(b, g.piEn.pick(g.r)...) },
	"sec":      func(g *generator, b []byte) []byte { return append(b, g.secEvents.pick(g.r)...) },
	"md":       func(g *generator, b []byte) []byte { return append(b, g.dayMD[g.dayIdx]...) },
	"n":        func(g *generator, b []byte) []byte { return strconv.AppendInt(b, int64(2+g.r.ExpFloat64()*40), 10) },
	"big": func(g *generator, b []byte) []byte {
		return strconv.AppendInt(b, int64(math.Pow(10, 3+3.3*g.r.Float64())), 10)
	},
	"pct": func(g *generator, b []byte) []byte {
		return append(strconv.AppendFloat(b, 0.1+float64(g.r.IntN(999))/10, 'f', 1, 64), '%')
	},
	"score": func(g *generator, b []byte) []byte {
		return strconv.AppendFloat(b, 0.5+float64(g.r.IntN(50))/100, 'f', 2, 64)
	},
	"cvss": func(g *generator, b []byte) []byte {
		return strconv.AppendFloat(b, 4+float64(g.r.IntN(59))/10, 'f', 1, 64)
	},
	"ver": func(g *generator, b []byte) []byte {
		b = strconv.AppendInt(b, int64(1+g.r.IntN(4)), 10)
		b = append(b, '.')
		b = strconv.AppendInt(b, int64(g.r.IntN(10)), 10)
		b = append(b, '.')
		return strconv.AppendInt(b, int64(g.r.IntN(21)), 10)
	},
	"lvl":    func(g *generator, b []byte) []byte { return strconv.AppendInt(b, int64(1+g.r.IntN(4)), 10) },
	"digits": func(g *generator, b []byte) []byte { return appendDigits(b, g.r, 8) },
	"hex":    func(g *generator, b []byte) []byte { return appendHex(b, g.r, 12) },
	"sess":   func(g *generator, b []byte) []byte { return appendHex(append(b, "cs_"...), g.r, 10) },
	"uid":    func(g *generator, b []byte) []byte { return appendDigits(append(b, "UID 1"...), g.r, 8) },
	"appid":  func(g *generator, b []byte) []byte { return appendHex(append(b, "yzapp-"...), g.r, 8) },
	"phone": func(g *generator, b []byte) []byte {
		b = append(b, '1', "3589"[g.r.IntN(4)])
		b = appendDigits(b, g.r, 1)
		return appendDigits(append(b, "****"...), g.r, 4)
	},
	"ip": func(g *generator, b []byte) []byte {
		b = strconv.AppendInt(b, int64([]int{36, 39, 58, 101, 110, 112, 114, 117, 120, 183, 223}[g.r.IntN(11)]), 10)
		for range 3 {
			b = strconv.AppendInt(append(b, '.'), int64(g.r.IntN(256)), 10)
		}
		return b
	},
	"url": func(g *generator, b []byte) []byte {
		b = append(append(b, "https://"...), g.domains.pick(g.r)...)
		switch g.r.IntN(4) {
		case 0:
			return appendBase62(append(b, "/s/"...), g.r, 8)
		case 1:
			return appendDigits(append(b, "/item/"...), g.r, 7)
		case 2:
			return appendDigits(append(b, "/p?id="...), g.r, 6)
		default:
			return appendBase62(append(b, "/share/"...), g.r, 12)
		}
	},
	"dur": func(g *generator, b []byte) []byte {
		b = strconv.AppendInt(b, int64(1+g.r.IntN(59)), 10)
		return append(b, []string{" 分钟", " 小时", " 秒", "min"}[g.r.IntN(4)]...)
	},
	"file": func(g *generator, b []byte) []byte {
		b = append(append(b, "evidence_"...), g.dayISO[g.dayIdx]...)
		b = appendDigits(append(b, '_'), g.r, 3)
		return append(b, []string{".zip", ".png", ".xlsx", ".pdf"}[g.r.IntN(4)]...)
	},
	"ticket": func(g *generator, b []byte) []byte { return appendDigits(append(b, "GD"...), g.r, 13) },
	"order":  func(g *generator, b []byte) []byte { return appendDigits(append(b, "DD"...), g.r, 14) },
	"cve": func(g *generator, b []byte) []byte {
		b = strconv.AppendInt(append(b, "CVE-"...), int64(2023+g.r.IntN(3)), 10)
		return strconv.AppendInt(append(b, '-'), int64(1000+g.r.IntN(49000)), 10)
	},
}

// riskCode is the code of a risk as the team writes it ("A.1.7").
func riskCode(risk string) string {
	if i := strings.IndexByte(risk, ' '); i > 0 {
		return risk[:i]
	}
	return risk
}

func appendDigits(b []byte, r *rand.Rand, n int) []byte {
	for range n {
		b = append(b, byte('0'+r.IntN(10)))
	}
	return b
}

func appendHex(b []byte, r *rand.Rand, n int) []byte {
	const hexDigits = "0123456789abcdef"
	for range n {
		b = append(b, hexDigits[r.IntN(16)])
	}
	return b
}

func appendBase62(b []byte, r *rand.Rand, n int) []byte {
	const chars = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for range n {
		b = append(b, chars[r.IntN(len(chars))])
	}
	return b
}

// parseTemplates parses templates in rank order; an unknown slot is an
// error, so a typo cannot write "{prdo}" into a million rows.
func parseTemplates(src []string) (*tmplList, error) {
	tl := &tmplList{p: newPicker(len(src), zipfS)}
	for _, s := range src {
		var t template
		rest := s
		for {
			i := strings.IndexByte(rest, '{')
			if i < 0 {
				t = append(t, segment{lit: rest})
				break
			}
			j := strings.IndexByte(rest[i:], '}')
			if j < 0 {
				return nil, fmt.Errorf("template %q: unclosed {", s)
			}
			name := rest[i+1 : i+j]
			fn, ok := slots[name]
			if !ok {
				return nil, fmt.Errorf("template %q: unknown slot {%s}", s, name)
			}
			t = append(t, segment{lit: rest[:i], slot: fn})
			rest = rest[i+j+1:]
		}
		tl.ts = append(tl.ts, t)
	}
	return tl, nil
}

// expand writes one clause into g.clause and returns its length in runes.
func (g *generator) expand(t template) int {
	g.clause = g.clause[:0]
	for _, s := range t {
		g.clause = append(g.clause, s.lit...)
		if s.slot != nil {
			g.clause = s.slot(g, g.clause)
		}
	}
	return runeCount(g.clause)
}

// runeCount counts the characters of valid UTF-8 (its bytes that do not
// continue a character); utf8.RuneCount allocates here.
func runeCount(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// description writes the row's description into g.desc: a lead clause,
// details, what was done, and short closers, until the length drawn for
// the row (80–300 characters, most of them short) is reached.
func (g *generator) description(cat int) {
	target := minDescRunes + int(float64(maxDescRunes-minDescRunes)*math.Pow(g.r.Float64(), 2.5))
	g.desc = g.desc[:0]
	n := g.expand(g.leads[cat].pick(g.r))
	g.desc = append(g.desc, g.clause...)
	handled := false
	var used uint64 // details already in this description
	for tries := 0; n < target && tries < 40; tries++ {
		var t template
		switch {
		case !handled && (target-n < 45 || g.r.IntN(3) == 0):
			t = g.handlings[cat].pick(g.r)
			handled = true
		case target-n < 12:
			t = g.closers.pick(g.r)
		default:
			i := g.details.p.pick(g.r)
			if used&(1<<i) != 0 {
				continue // a ticket does not say the same thing twice
			}
			used |= 1 << i
			t = g.details.ts[i]
		}
		m := g.expand(t)
		if n+m > maxDescRunes {
			continue
		}
		g.desc = append(g.desc, g.clause...)
		n += m
	}
	for tries := 0; n < minDescRunes && tries < 40; tries++ {
		if m := g.expand(g.closers.pick(g.r)); n+m <= maxDescRunes {
			g.desc = append(g.desc, g.clause...)
			n += m
		}
	}
}

// dayCounts spreads rows over the days of the span: fewer at weekends, a
// slow growth over the span, and a few spike days (a viral jailbreak, a
// news event), from a random stream of its own so that the ids are known
// without generating the rows.
func dayCounts(cfg config) []int {
	r := rand.New(rand.NewPCG(cfg.seed, 0x5eed0002))
	w := make([]float64, cfg.days)
	var total float64
	for d := range cfg.days {
		t := cfg.start.AddDate(0, 0, d)
		x := 1 + 0.8*float64(d)/float64(cfg.days)
		if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
			x *= 0.65
		}
		if r.IntN(100) < 3 {
			x *= 2 + 2*r.Float64()
		}
		x *= 0.85 + 0.3*r.Float64()
		w[d] = x
		total += x
	}
	counts := make([]int, cfg.days)
	var cum float64
	prev := 0
	for d := range cfg.days {
		cum += w[d]
		upto := int(math.Floor(float64(cfg.rows) * cum / total))
		if d == cfg.days-1 {
			upto = cfg.rows
		}
		counts[d] = upto - prev
		prev = upto
	}
	return counts
}

// ticketID is the 工单编号 of the seq-th ticket (from 1) of a day.
func ticketID(b []byte, day []byte, seq int) []byte {
	b = append(b, "GD"...)
	for _, c := range day {
		if c != '-' {
			b = append(b, c)
		}
	}
	var digits [20]byte
	s := strconv.AppendInt(digits[:0], int64(seq), 10)
	for i := len(s); i < 5; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// appendField appends a CSV field, quoted when it must be.
func appendField(b []byte, s []byte) []byte {
	quote := false
	for _, c := range s {
		if c == ',' || c == '"' || c == '\n' || c == '\r' {
			quote = true
			break
		}
	}
	if !quote {
		return append(b, s...)
	}
	b = append(b, '"')
	for _, c := range s {
		if c == '"' {
			b = append(b, '"')
		}
		b = append(b, c)
	}
	return append(b, '"')
}

// writeCSV writes the log: UTF-8 with a BOM and CRLF line ends, as the
// team's ticket system exports it for Excel. It returns the bytes written.
func (g *generator) writeCSV(w io.Writer) (int64, error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	var written int64
	hdr := headers
	if g.cfg.altHeaders {
		hdr = altHeaders
	}
	g.row = append(g.row[:0], "\ufeff"...)
	g.row = append(g.row, strings.Join(hdr, ",")...)
	g.row = append(g.row, '\r', '\n')
	counts := dayCounts(g.cfg)
	for d, count := range counts {
		g.dayIdx = d
		for seq := 1; seq <= count; seq++ {
			g.writeRow(d, seq)
			if len(g.row) >= 64<<10 {
				n, err := bw.Write(g.row)
				written += int64(n)
				if err != nil {
					return written, fmt.Errorf("writing the log: %w", err)
				}
				g.row = g.row[:0]
			}
		}
	}
	n, err := bw.Write(g.row)
	written += int64(n)
	g.row = g.row[:0]
	if err != nil {
		return written, fmt.Errorf("writing the log: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return written, fmt.Errorf("writing the log: %w", err)
	}
	return written, nil
}

// category draws a category by categoryShare.
func (g *generator) category() int {
	x := g.r.IntN(1000)
	for c, share := range categoryShare {
		if x < share {
			return c
		}
		x -= share
	}
	return catIllegal
}

// writeRow appends one record to g.row.
func (g *generator) writeRow(d, seq int) {
	r := g.r
	slash := r.IntN(100) < 15 // this row's dates typed by hand: 2024/3/5
	date := func(i int) []byte {
		if slash {
			return g.daySlash[i]
		}
		return g.dayISO[i]
	}
	cat := g.category()
	g.prod = g.products.pick(r)
	g.model = g.models.pick(r)
	g.risk = g.risks.pick(r)

	b := g.row
	// 工单编号
	b = ticketID(b, g.dayISO[d], seq)
	// 受理日期
	b = append(append(b, ','), date(d)...)
	// 所属产品
	b = append(append(b, ','), g.prod...)
	// 事件分类
	b = append(append(b, ','), g.categoryWords[cat].pick(r)...)
	// 风险细类
	b = append(b, ',')
	if cat == catIllegal || (cat == catMisuse && r.IntN(2) == 0) {
		b = append(b, g.risk...)
	}
	// 线索来源
	b = append(append(b, ','), g.channels.pick(r)...)
	// 情况描述
	g.description(cat)
	b = appendField(append(b, ','), g.desc)
	// 涉及模型
	b = append(append(b, ','), g.model...)
	// 处理措施: one to three measures, mostly joined with 、
	b = append(b, ',')
	acts := g.categoryActions[cat]
	k := 1 + r.IntN(3)
	first := acts.p.pick(r)
	b = append(b, acts.items[first]...)
	prev := first
	for i := 1; i < k; i++ {
		a := acts.p.pick(r)
		if a == first || a == prev {
			continue
		}
		switch x := r.IntN(10); {
		case x < 8:
			b = append(b, "、"...)
		case x < 9:
			b = append(b, '/')
		default:
			b = append(b, "；"...)
		}
		b = append(b, acts.items[a]...)
		prev = a
	}
	// 处理人, 工单状态
	b = append(append(b, ','), g.handlers.pick(r)...)
	st := g.statusP.pick(r)
	b = append(append(b, ','), statuses[st]...)
	closed := st < 2
	// 是否上报, 上报日期
	reportShare := [numCategories]int{catIllegal: 92, catMisuse: 55, catSecurity: 30}[cat]
	if r.IntN(100) < reportShare {
		b = append(append(b, ",是,"...), date(d+r.IntN(3))...)
	} else {
		b = append(b, ",否,"...)
	}
	// 办结日期: days after receipt, by category
	b = append(b, ',')
	if closed {
		maxDelay := [numCategories]int{catIllegal: 3, catComplaint: 7, catMisuse: 5, catPI: 15, catSecurity: 20}[cat]
		delay := int(math.Min(float64(maxDelay), r.ExpFloat64()*float64(maxDelay)/3))
		b = append(b, date(d+delay)...)
	}
	// 是否反馈
	b = append(b, ',')
	switch {
	case cat == catComplaint || cat == catPI:
		if closed {
			b = append(b, "是"...)
		} else {
			b = append(b, "否"...)
		}
	case r.IntN(10) < 7:
		b = append(b, "不涉及"...)
	}
	// 备注
	b = append(b, ',')
	if r.IntN(100) < 8 {
		b = append(b, g.notes.pick(r)...)
	}
	b = append(b, '\r', '\n')
	g.row = b
}
