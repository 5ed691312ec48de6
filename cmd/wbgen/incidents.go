package main

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"
)

// The incident categories, in the order of categoryNames.
const (
	catIllegal     = iota // 违法内容 (Art. 14 ¶1)
	catUserIllegal        // 用户违法活动 (Art. 14 ¶2)
	catComplaint          // 投诉举报 (Art. 15)
	catPIRequest          // 个人信息请求 (Art. 11)
	catSecurity           // 安全事件
	numCategories
)

// categoryNames are the 事件类别 values, canonical terms of the importer's
// vocabulary.
var categoryNames = [numCategories]string{"违法内容", "用户违法活动", "投诉举报", "个人信息请求", "安全事件"}

// categoryWeights is the share of each category in a log, in percent.
var categoryWeights = [numCategories]int{30, 15, 35, 12, 8}

// incidentHeader is the header row of an incident log.
var incidentHeader = []string{
	"事件编号", "发现时间", "事件类别", "发现方式", "事件描述", "处置措施",
	"是否报告主管部门", "报告时间", "办结时间", "是否反馈", "备注",
}

// The time formats of a log's date columns. Most rows use the first; the
// others stand for rows pasted in from other systems.
const (
	timeISO     = iota // 2024-03-05 14:03:05
	timeSlash          // 2024/3/5 14:03
	timeChinese        // 2024年3月5日
)

// Bounds of the found times: 2024-01-01 00:00 up to, not including,
// 2025-07-01 00:00 — every row is found on or before 2025-06-30.
var (
	logStart = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	logEnd   = time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)
)

// incidentTemplate is one kind of event within a category, with the
// actions that clean handling of it takes.
type incidentTemplate struct {
	desc     string
	actions  []string // one is picked; each is compliant for the category
	how      []string // 发现方式 when it is not the category's
	reported bool     // reported to the authority (used for security events)
}

// categoryProfile says how the clean rows of one category look.
type categoryProfile struct {
	how       []string // 发现方式, picked uniformly (repeat to weight)
	templates []incidentTemplate
	// reportAll: every row is reported to the authority, reportDelay after
	// it was found; otherwise only templates with reported set are.
	reportAll   bool
	reportDelay [2]time.Duration
	resolve     [2]time.Duration // 办结时间 - 发现时间
	// feedback is "always" (complaints and requests: 是), "reporter" (是
	// when a user reported it, else empty) or "" (always empty).
	feedback string
}

// The actions of Art. 14 ¶1 (illegal content) are 停止生成, 停止传输 and 消除,
// usually followed by 模型优化训练; those of Art. 14 ¶2 (users' illegal
// activities) are 警示, 限制功能, 暂停服务 and 终止服务.
var profiles = [numCategories]categoryProfile{
	catIllegal: {
		how: []string{"机器审核", "机器审核", "机器审核", "机器审核", "机器审核", "人工巡查", "人工巡查", "用户举报", "用户举报", "关键词过滤"},
		templates: []incidentTemplate{
			{desc: "用户诱导生成虚假新闻，模型输出含不实信息", actions: []string{"停止生成、消除、模型优化训练", "停止生成、消除"}},
			{desc: "生成文本含歧视性表述", actions: []string{"消除、模型优化训练", "停止生成、消除、模型优化训练"}},
			{desc: "生成图片含不当暴力元素", actions: []string{"停止生成、停止传输、消除", "停止传输、消除、模型优化训练"}},
			{desc: "生成内容含低俗描述", actions: []string{"停止生成、消除", "消除、模型优化训练"}},
			{desc: "生成内容含赌博推广信息", actions: []string{"停止生成、停止传输、消除"}},
			{desc: "生成虚假医疗功效宣传文案", actions: []string{"停止生成、消除、模型优化训练"}},
			{desc: "生成内容涉嫌损害他人名誉", actions: []string{"消除", "停止传输、消除"}},
			{desc: "生成图片含仿冒商标标识", actions: []string{"停止生成、消除"}},
		},
		reportAll:   true,
		reportDelay: [2]time.Duration{10 * time.Minute, 12 * time.Hour},
		resolve:     [2]time.Duration{5 * time.Minute, 48 * time.Hour},
		feedback:    "reporter",
	},
	catUserIllegal: {
		how: []string{"风控模型", "风控模型", "风控模型", "人工巡查", "用户举报", "机器审核"},
		templates: []incidentTemplate{
			{desc: "用户批量生成虚假商品评价", actions: []string{"警示、限制功能", "暂停服务"}},
			{desc: "用户尝试利用服务生成钓鱼邮件模板", actions: []string{"警示", "限制功能"}},
			{desc: "用户多次诱导生成违法内容", actions: []string{"警示、限制功能", "暂停服务", "终止服务"}},
			{desc: "用户利用接口批量生成垃圾营销信息", actions: []string{"限制功能", "暂停服务"}},
			{desc: "用户试图生成冒充他人身份的文案", actions: []string{"警示"}},
			{desc: "用户传播生成的虚假信息", actions: []string{"消除、终止服务", "暂停服务"}},
		},
		reportAll:   true,
		reportDelay: [2]time.Duration{time.Hour, 24 * time.Hour},
		resolve:     [2]time.Duration{30 * time.Minute, 72 * time.Hour},
		feedback:    "reporter",
	},
	catComplaint: {
		how: []string{"应用内投诉入口", "应用内投诉入口", "应用内投诉入口", "客服热线", "客服热线", "电子邮件", "官网投诉页面"},
		templates: []incidentTemplate{
			{desc: "投诉回答内容不准确", actions: []string{"模型优化训练"}},
			{desc: "投诉生成图片与描述不符", actions: []string{"模型优化训练"}},
			{desc: "投诉翻译结果存在错误", actions: []string{"模型优化训练"}},
			{desc: "举报生成内容与事实不符", actions: []string{"消除、模型优化训练"}},
			{desc: "举报他人分享的生成内容含不实信息", actions: []string{"消除"}},
			{desc: "投诉拒答过多影响正常使用", actions: []string{"模型优化训练"}},
			{desc: "投诉账号被误限制使用", actions: []string{"无需处置"}},
			{desc: "Complaint: answers in English contain factual errors", actions: []string{"模型优化训练"}},
		},
		resolve:  [2]time.Duration{time.Hour, 10 * 24 * time.Hour},
		feedback: "always",
	},
	catPIRequest: {
		how: []string{"应用内个人信息权利入口", "应用内个人信息权利入口", "客服热线", "电子邮件"},
		templates: []incidentTemplate{
			{desc: "请求删除其个人对话记录", actions: []string{"消除"}},
			{desc: "申请查阅其个人信息处理情况", actions: []string{"无需处置"}},
			{desc: "请求复制其历史对话记录", actions: []string{"无需处置"}},
			{desc: "请求更正账号绑定信息", actions: []string{"无需处置"}},
			{desc: "请求注销账号并删除个人信息", actions: []string{"消除"}},
			{desc: "要求其输入信息不用于模型训练", actions: []string{"无需处置"}},
		},
		resolve:  [2]time.Duration{2 * time.Hour, 10 * 24 * time.Hour},
		feedback: "always",
	},
	catSecurity: {
		how: []string{"安全监测", "安全监测", "日志审计"},
		templates: []incidentTemplate{
			{desc: "检测到异常高频接口调用", actions: []string{"限制功能"}},
			{desc: "发现提示词注入攻击尝试", actions: []string{"模型优化训练", "限制功能"}},
			{desc: "服务节点短时不可用，已切换备用节点", actions: []string{"无需处置"}, how: []string{"安全监测"}},
			{desc: "外部报告接口鉴权漏洞，已修复", actions: []string{"限制功能"}, how: []string{"外部漏洞报告"}, reported: true},
			{desc: "发现批量注册的异常账号", actions: []string{"暂停服务", "终止服务"}, reported: true},
		},
		reportDelay: [2]time.Duration{2 * time.Hour, 24 * time.Hour},
		resolve:     [2]time.Duration{30 * time.Minute, 72 * time.Hour},
	},
}

// incidentNotes are the unremarkable 备注 of a few rows; one holds a comma,
// so that it is quoted.
var incidentNotes = []string{
	"已归档", "同类问题已合并处理", "详见工单系统", "已复核", "已通知相关业务线",
	"Handled by the on-call team", "已复核, 归档",
}

// incident is one row of an incident log. Zero times are empty cells.
type incident struct {
	seq        int // 1-based; the id is INC- and seq padded
	found      time.Time
	format     int // timeISO, timeSlash or timeChinese
	cat        int
	how        string
	desc       string
	action     string
	reported   bool
	reportedAt time.Time
	resolvedAt time.Time
	feedback   string // 是, 否 or ""
	note       string
}

// incidentGen makes clean incident rows in order of their found times,
// spread evenly over logStart..logEnd.
type incidentGen struct {
	rng  *rand.Rand
	n    int
	step float64 // nanoseconds of the log's span per row
}

func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

func newIncidentGen(seed uint64, rows int) *incidentGen {
	return &incidentGen{rng: newRand(seed), step: float64(logEnd.Sub(logStart)) / float64(max(rows, 1))}
}

// between returns a random duration in [lo, hi), whole seconds.
func between(rng *rand.Rand, lo, hi time.Duration) time.Duration {
	return (lo + time.Duration(rng.Int64N(int64(hi-lo)))).Truncate(time.Second)
}

// pick returns one element of s.
func pick(rng *rand.Rand, s []string) string { return s[rng.IntN(len(s))] }

// next returns the next clean row: handled as the Measures require.
func (g *incidentGen) next() incident {
	rng := g.rng
	g.n++
	in := incident{seq: g.n}
	in.found = logStart.Add(time.Duration((float64(g.n-1) + rng.Float64()) * g.step)).Truncate(time.Second)
	switch r := rng.IntN(100); {
	case r < 85:
		in.format = timeISO
	case r < 95:
		in.format = timeSlash
	default:
		in.format = timeChinese
	}
	w := rng.IntN(100)
	for in.cat = 0; in.cat < numCategories-1 && w >= categoryWeights[in.cat]; in.cat++ {
		w -= categoryWeights[in.cat]
	}
	p := &profiles[in.cat]
	t := &p.templates[rng.IntN(len(p.templates))]
	if t.how != nil {
		in.how = pick(rng, t.how)
	} else {
		in.how = pick(rng, p.how)
	}
	in.desc = t.desc
	in.action = pick(rng, t.actions)
	if p.reportAll || t.reported {
		in.reported = true
		in.reportedAt = in.found.Add(between(rng, p.reportDelay[0], p.reportDelay[1]))
	}
	in.resolvedAt = in.found.Add(between(rng, p.resolve[0], p.resolve[1]))
	if in.resolvedAt.Before(in.reportedAt) { // handling ends after the report
		in.resolvedAt = in.reportedAt.Add(between(rng, 10*time.Minute, 4*time.Hour))
	}
	switch {
	case p.feedback == "always", p.feedback == "reporter" && in.how == "用户举报":
		in.feedback = "是"
	}
	if rng.IntN(100) < 8 {
		in.note = pick(rng, incidentNotes)
	}
	return in
}

// The problems a log can carry; the sample plants a known number of each.

// plantUnreported makes illegal content not reported to the authority
// (Art. 14 ¶1).
func (in *incident) plantUnreported() {
	in.reported = false
	in.reportedAt = time.Time{}
}

// plantWeakAction replaces the action of illegal content with one that
// neither stops generation or transmission nor eliminates it (Art. 14 ¶1).
func (in *incident) plantWeakAction(action string) { in.action = action }

// plantNoAction leaves a user's illegal activity without any action
// (Art. 14 ¶2).
func (in *incident) plantNoAction() { in.action = "" }

// plantLate resolves a complaint 25–44 calendar days after it came in:
// more than 15 working days in any calendar (Art. 15).
func (in *incident) plantLate(rng *rand.Rand) {
	in.resolvedAt = in.found.Add(between(rng, 25*24*time.Hour, 45*24*time.Hour))
	in.feedback = "是"
}

// plantUnresolved leaves a personal-information request unhandled and
// unanswered (Art. 11 ¶2).
func (in *incident) plantUnresolved() {
	in.resolvedAt = time.Time{}
	in.feedback = "否"
}

// spoil plants a random problem fitting the row's category; security
// events are left alone.
func (in *incident) spoil(rng *rand.Rand) {
	switch in.cat {
	case catIllegal:
		if rng.IntN(2) == 0 {
			in.plantUnreported()
		} else {
			in.plantWeakAction(pick(rng, []string{"警示", "模型优化训练"}))
		}
	case catUserIllegal:
		in.plantNoAction()
	case catComplaint:
		in.plantLate(rng)
	case catPIRequest:
		in.plantUnresolved()
	}
}

// idWidth is the number of digits of the ids of a log of rows rows: at
// least 4 (INC-0001), more for larger logs (INC-0000001 for a million).
func idWidth(rows int) int { return max(4, len(strconv.Itoa(rows))) }

// appendIncidentID writes the id of row seq, its number padded to width digits.
func appendIncidentID(b []byte, seq, width int) []byte {
	b = append(b, "INC-"...)
	var d [20]byte
	s := strconv.AppendInt(d[:0], int64(seq), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// appendTime writes t in one of the log's time formats.
func appendTime(b []byte, t time.Time, format int) []byte {
	y, m, d := t.Date()
	switch format {
	case timeSlash:
		b = strconv.AppendInt(b, int64(y), 10)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(m), 10)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(d), 10)
		hh, mm, _ := t.Clock()
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(hh), 10)
		b = append(b, ':')
		return append2(b, mm)
	case timeChinese:
		b = strconv.AppendInt(b, int64(y), 10)
		b = append(b, "年"...)
		b = strconv.AppendInt(b, int64(m), 10)
		b = append(b, "月"...)
		b = strconv.AppendInt(b, int64(d), 10)
		return append(b, "日"...)
	}
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, '-')
	b = append2(b, int(m))
	b = append(b, '-')
	b = append2(b, d)
	hh, mm, ss := t.Clock()
	b = append(b, ' ')
	b = append2(b, hh)
	b = append(b, ':')
	b = append2(b, mm)
	b = append(b, ':')
	return append2(b, ss)
}

// append2 writes a number below 100 with two digits.
func append2(b []byte, v int) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }

// appendCSVField writes one CSV field, quoted when it holds a comma, a
// quote or a line break.
func appendCSVField(b []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\"\r\n") {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// appendCSVRecord writes a whole CSV record ending in CRLF.
func appendCSVRecord(b []byte, fields []string) []byte {
	for i, f := range fields {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCSVField(b, f)
	}
	return append(b, '\r', '\n')
}

// appendIncident writes one incident as a CSV record ending in CRLF.
func appendIncident(b []byte, in *incident, width int) []byte {
	b = appendIncidentID(b, in.seq, width)
	b = append(b, ',')
	b = appendTime(b, in.found, in.format)
	b = append(b, ',')
	b = append(b, categoryNames[in.cat]...)
	b = append(b, ',')
	b = appendCSVField(b, in.how)
	b = append(b, ',')
	b = appendCSVField(b, in.desc)
	b = append(b, ',')
	b = append(b, in.action...)
	b = append(b, ',')
	if in.reported {
		b = append(b, "是"...)
	} else {
		b = append(b, "否"...)
	}
	b = append(b, ',')
	if !in.reportedAt.IsZero() {
		b = appendTime(b, in.reportedAt, in.format)
	}
	b = append(b, ',')
	if !in.resolvedAt.IsZero() {
		b = appendTime(b, in.resolvedAt, in.format)
	}
	b = append(b, ',')
	b = append(b, in.feedback...)
	b = append(b, ',')
	b = appendCSVField(b, in.note)
	return append(b, '\r', '\n')
}

// flushAt is the size at which the row buffer is handed to the writer.
const flushAt = 64 << 10

// writeIncidents streams a log of rows clean rows, a problemRate share of
// which (at random) get a problem of their category, to w. It holds one
// buffer of rows, never the log.
func writeIncidents(w io.Writer, rows int, seed uint64, problemRate float64) error {
	g := newIncidentGen(seed, rows)
	width := idWidth(rows)
	buf := make([]byte, 0, flushAt+1024)
	buf = appendCSVRecord(buf, incidentHeader)
	for range rows {
		in := g.next()
		if problemRate > 0 && g.rng.Float64() < problemRate {
			in.spoil(g.rng)
		}
		buf = appendIncident(buf, &in, width)
		if len(buf) >= flushAt {
			if _, err := w.Write(buf); err != nil {
				return fmt.Errorf("writing incident rows: %w", err)
			}
			buf = buf[:0]
		}
	}
	if _, err := w.Write(buf); err != nil {
		return fmt.Errorf("writing incident rows: %w", err)
	}
	return nil
}

// runIncidents is the incidents subcommand.
func runIncidents(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("incidents", stderr)
	rows := fs.Int("rows", 1000000, "number of incident rows")
	out := fs.String("out", "", `output CSV file, or "-" for standard output (required)`)
	encName := fs.String("encoding", "utf-8", "character encoding: utf-8 or gb18030")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same file")
	rate := fs.Float64("problem-rate", 0.001, "share of rows given a compliance problem of their category (0 for none)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	switch {
	case *out == "":
		return fmt.Errorf("incidents: --out is required")
	case *rows < 1:
		return fmt.Errorf("incidents: --rows must be at least 1, not %d", *rows)
	case *rate < 0 || *rate > 1:
		return fmt.Errorf("incidents: --problem-rate must be between 0 and 1, not %g", *rate)
	}
	enc, err := parseEncoding(*encName)
	if err != nil {
		return fmt.Errorf("incidents: %w", err)
	}

	start := time.Now()
	var dst io.Writer = stdout
	var f *os.File
	if *out != "-" {
		if f, err = os.Create(*out); err != nil {
			return fmt.Errorf("incidents: %w", err)
		}
		defer f.Close()
		dst = f
	}
	bw := bufio.NewWriterSize(dst, 1<<20)
	ew := encodeWriter(bw, enc)
	if err := writeIncidents(ew, *rows, *seed, *rate); err != nil {
		return fmt.Errorf("incidents: %s: %w", *out, err)
	}
	if err := ew.Close(); err != nil {
		return fmt.Errorf("incidents: %s: encoding to %s: %w", *out, enc, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("incidents: %s: %w", *out, err)
	}
	if f == nil {
		fmt.Fprintf(stderr, "wrote %d rows (%s) in %s\n", *rows, enc, time.Since(start).Round(time.Millisecond))
		return nil
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("incidents: %s: %w", *out, err)
	}
	st, err := os.Stat(*out)
	if err != nil {
		return fmt.Errorf("incidents: %w", err)
	}
	fmt.Fprintf(stderr, "wrote %d rows (%s) to %s: %d bytes, %.0f bytes/row, in %s\n",
		*rows, enc, *out, st.Size(), float64(st.Size())/float64(*rows), time.Since(start).Round(time.Millisecond))
	return nil
}
