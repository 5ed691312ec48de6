package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
)

// Query classes, as the benchmark of issue #15 point 8 groups its targets.
const (
	classAnd      = "and"      // two words, both required
	classPhrase   = "phrase"   // a quoted phrase, or one word
	classNarrowed = "narrowed" // a date range, an id, a kind, file or label filter
)

// Breadths: the share of the log's rows a query is meant to match, checked
// by the test on a generated log by the text of the rows.
const (
	broad = "broad" // 5 % of rows or more
	mid   = "mid"   // 0.1 % to 5 %
	rare  = "rare"  // under 0.1 %
)

// query is one line of the query set.
type query struct {
	class, breadth, text string
}

// fixedQueries are the queries that do not depend on the log's size or
// dates. Their breadth follows from the rank of the words in the lists
// (vocab.go, templates.go); TestQueryBreadth holds them to it.
var fixedQueries = []query{
	// Two-term ANDs: broad with broad, broad with rare, rare with rare,
	// Chinese, English, mixed, a field value (category, model, handler)
	// with a description word.
	{classAnd, broad, "用户 模型"},
	{classAnd, broad, "机审模型 置信度"},
	{classAnd, broad, "已拦截 关键词库"},
	{classAnd, broad, "语智 已办结"},
	{classAnd, mid, "prompt injection"},
	{classAnd, broad, "API key"},
	{classAnd, broad, "赌博 推广"},
	{classAnd, mid, "诈骗 话术"},
	{classAnd, mid, "SQL 注入"},
	{classAnd, broad, "个人信息 删除"},
	{classAnd, broad, "投诉 退款"},
	{classAnd, mid, "杭州 网信办"},
	{classAnd, mid, "越狱 jailbreak"},
	{classAnd, mid, "system prompt"},
	{classAnd, mid, "王婧 封禁"},
	{classAnd, mid, "YuZhi-72B-Chat 色情"},
	{classAnd, mid, "微博 虚假新闻稿"},
	{classAnd, mid, "GitHub 泄露"},
	{classAnd, mid, "rate limit"},
	{classAnd, broad, "红队 绕过"},
	{classAnd, rare, "hallucination 重庆"},
	{classAnd, rare, "伪造的法院判决书 藏头诗"},
	{classAnd, rare, "野生动物交易信息 Reddit"},
	{classAnd, rare, "CVE-2025 SSRF"},
	{classAnd, rare, "GDPR 声纹"},
	{classAnd, rare, "赌博 乌鲁木齐"},

	// Phrases: short and long, broad and rare; "语智" is in every row.
	{classPhrase, broad, `"语智"`},
	{classPhrase, broad, `"已办结"`},
	{classPhrase, broad, `"置信度"`},
	{classPhrase, broad, `"拦截"`},
	{classPhrase, broad, `"个人信息"`},
	{classPhrase, broad, `"由机审模型 YZ-Guard 以"`},
	{classPhrase, broad, `"相关截图及日志已留存于工单附件"`},
	{classPhrase, broad, `"涉事会话"`},
	{classPhrase, mid, `"prompt injection"`},
	{classPhrase, broad, `"API key"`},
	{classPhrase, mid, `"jailbreak"`},
	{classPhrase, mid, `"网信办"`},
	{classPhrase, broad, `"已电话回访用户，用户表示认可处理结果"`},
	{classPhrase, broad, `"已将样本纳入安全对齐训练数据"`},
	{classPhrase, mid, `"样本已加入负样本集"`},
	{classPhrase, mid, `"ignore previous instructions"`},
	{classPhrase, mid, `"用户委托律师发函要求"`},
	{classPhrase, broad, `"赌博推广话术"`},
	{classPhrase, broad, `"虚假新闻稿"`},
	{classPhrase, mid, `"通过开放平台 API key 转售接口"`},
	{classPhrase, mid, `"同一问题中文拒答而"`},
	{classPhrase, mid, `"依赖组件存在"`},
	{classPhrase, mid, `"Root cause: missing output filter for"`},
	{classPhrase, mid, `"数字人形象与其本人相似"`},
	{classPhrase, mid, `"伪造的法院判决书"`},
	{classPhrase, mid, `"野生动物交易信息"`},
	{classPhrase, rare, `"野生动物交易信息相关元素"`},
	{classPhrase, rare, `"涉嫌伪造的法院判决书，举报编号"`},
	{classPhrase, rare, `"以藏头诗方式回答"`},
	{classPhrase, rare, `"关于乌鲁木齐的问题时编造了"`},
	{classPhrase, rare, `"Root cause: missing output filter for C2PA"`},
	{classPhrase, rare, `"同一问题中文拒答而越南语作答"`},
	{classPhrase, rare, `"说明为压缩设置"`}, // another provider's wording: no hit at all

	// Narrowed by field: kind, file, label (the date and id ones are made
	// per log by writeQueries).
	{classNarrowed, mid, `kind:incident "prompt injection"`},
	{classNarrowed, broad, `kind:incident 拦截`},
	{classNarrowed, mid, `label:internal 撞库`},
}

// writeQueries writes the query set for the log cfg describes, whose file
// is called fileName in the workbench (for file: queries).
func writeQueries(w io.Writer, cfg config, fileName string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Query set for %s: wbgen2 --rows %d --seed %d --start %s --days %d\n",
		fileName, cfg.rows, cfg.seed, cfg.start.Format("2006-01-02"), cfg.days)
	fmt.Fprintf(bw, "# class<TAB>query; class is and (two words), phrase or narrowed (date range, id, kind/file/label).\n")
	fmt.Fprintf(bw, "# Breadth by share of rows matched: broad >= 5%%, mid 0.1-5%%, rare < 0.1%%.\n")
	fmt.Fprintf(bw, "# As a keyword list for wb search --queries: grep -v '^#' FILE | cut -f2\n")
	qs := allQueries(cfg, fileName)
	// Grouped by class, then breadth, each group under a comment.
	order := map[string]int{classAnd: 0, classPhrase: 1, classNarrowed: 2, broad: 0, mid: 1, rare: 2}
	slices.SortStableFunc(qs, func(a, b query) int {
		return cmp.Or(cmp.Compare(order[a.class], order[b.class]), cmp.Compare(order[a.breadth], order[b.breadth]))
	})
	group := ""
	for _, q := range qs {
		if g := q.class + ", " + q.breadth; g != group {
			fmt.Fprintf(bw, "# %s\n", g)
			group = g
		}
		fmt.Fprintf(bw, "%s\t%s\n", q.class, q.text)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing the queries: %w", err)
	}
	return nil
}

// allQueries is the fixed queries and those made from the log's dates and
// ids: a week, a month, a day, open ranges, each with a word or alone;
// ids that exist (the first, one in early March, one on a busy day, the
// last, two drawn at random) and one that does not; a file filter.
func allQueries(cfg config, fileName string) []query {
	qs := append([]query(nil), fixedQueries...)
	day := func(offset int) string {
		offset = max(0, min(offset, cfg.days-1))
		return cfg.start.AddDate(0, 0, offset).Format("2006-01-02")
	}
	span := func(from, to int) string { return day(from) + ".." + day(to) }
	// With the default start (2024-01-01): 2024-03-01..2024-03-07,
	// 2025-06-01..2025-06-30, 2024-11-11.
	qs = append(qs,
		query{classNarrowed, mid, "found:" + span(60, 66)},
		query{classNarrowed, rare, "found:" + span(60, 66) + " jailbreak"},
		query{classNarrowed, rare, "found:" + span(60, 66) + ` "prompt injection"`},
		query{classNarrowed, mid, "found:" + span(517, 546) + ` "个人信息"`},
		query{classNarrowed, rare, "found:" + day(315) + " 拦截"},
		query{classNarrowed, mid, "found:" + day(315)},
		query{classNarrowed, mid, "found:" + day(cfg.days/2) + ".. 赌博"},
		query{classNarrowed, broad, "found:" + day(cfg.days/2) + ".. 拦截"},
		query{classNarrowed, mid, "found:.." + day(30) + " 模型"},
		query{classNarrowed, mid, "file:" + quoteIfSpaced(fileName) + " 越狱"},
	)
	counts := dayCounts(cfg)
	ids := []string{}
	id := func(d, seq int) {
		if d >= 0 && d < len(counts) && counts[d] > 0 {
			seq = max(1, min(seq, counts[d]))
			ids = append(ids, string(ticketID(nil, []byte(day(d)), seq)))
		}
	}
	id(0, 1)
	id(64, 17)
	busiest := 0
	for d := range counts {
		if counts[d] > counts[busiest] {
			busiest = d
		}
	}
	id(busiest, counts[busiest]/2)
	last := len(counts) - 1
	for last > 0 && counts[last] == 0 {
		last--
	}
	id(last, counts[last])
	r := rand.New(rand.NewPCG(cfg.seed, 0x5eed0003))
	for range 2 {
		d := r.IntN(len(counts))
		id(d, 1+r.IntN(max(1, counts[d])))
	}
	for _, s := range ids {
		qs = append(qs, query{classNarrowed, rare, s})
	}
	qs = append(qs, query{classNarrowed, rare, string(ticketID(nil, []byte(cfg.start.AddDate(-1, 0, 0).Format("2006-01-02")), 1))})
	return qs
}

func quoteIfSpaced(s string) string {
	if strings.ContainsAny(s, " \t\"") {
		return `"` + strings.ReplaceAll(s, `"`, ``) + `"`
	}
	return s
}
