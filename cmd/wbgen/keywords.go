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
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// A keyword library (关键词库) of the kind providers hand over with their
// test material (TC260-003): Chinese words and short compounds of two to
// six characters by risk category, some English, some phrases of two
// words, and a few lines holding the query syntax's characters (a colon, a
// leading minus, OR) as keyword lists do. A small share are words of the
// generated incident logs, so that some lines have hits, as in a real
// inspection most do not.

// keywordTopic is a risk category with its root words.
type keywordTopic struct {
	category string
	roots    []string
}

var keywordTopics = []keywordTopic{
	{"赌博", []string{"赌博", "博彩", "赌场", "赌球", "六合彩", "百家乐", "老虎机", "时时彩", "赌资", "押注"}},
	{"色情", []string{"色情", "裸聊", "约炮", "黄片", "成人", "援交", "招嫖", "情色", "艳照", "偷拍"}},
	{"诈骗", []string{"诈骗", "刷单", "套现", "杀猪盘", "钓鱼", "冒充", "假冒", "骗贷", "传销", "洗钱"}},
	{"违禁品", []string{"毒品", "枪支", "弹药", "管制刀具", "迷药", "假币", "假证", "办证", "发票", "窃听器"}},
	{"暴恐", []string{"暴力", "恐怖", "爆炸", "砍人", "血腥", "极端", "袭击", "爆炸物", "自制炸药", "劫持"}},
	{"谣言", []string{"谣言", "虚假新闻", "不实信息", "造谣", "抹黑", "内幕", "小道消息", "假消息", "煽动", "炒作"}},
	{"个人信息", []string{"身份证", "银行卡", "手机号", "人肉", "开房记录", "户籍", "定位", "住址", "聊天记录", "征信"}},
	{"网络安全", []string{"黑客", "外挂", "木马", "翻墙", "破解", "盗号", "撞库", "肉鸡", "挖矿", "漏洞利用"}},
	{"歧视", []string{"歧视", "地域黑", "侮辱", "辱骂", "低俗", "恶搞", "仇恨", "排外", "丑化", "谩骂"}},
}

var keywordPrefixes = []string{"网络", "线上", "境外", "海外", "免费", "正规", "专业", "低价", "私人", "高额", "代办", "批量", "快速", "匿名"}

var keywordSuffixes = []string{"推广", "网站", "平台", "教程", "代理", "群", "链接", "下载", "软件", "技巧", "渠道", "出售", "购买", "交易", "攻略", "团伙", "工具", "服务", "广告", "资源", "联系方式", "中介", "代理商", "入口", "话术"}

var keywordEnglish = []string{"casino", "gambling", "porn", "escort", "drugs", "weed", "VPN", "crack", "cheat", "hack", "phishing", "scam",
	"bitcoin", "fake ID", "deepfake", "nude", "bet", "lottery", "darknet", "malware", "botnet", "spam", "fraud", "bomb", "terror"}

var keywordEnglishMods = []string{"online", "free", "cheap", "buy", "sell", "download", "tutorial", "service", "site", "app", "group", "link"}

// keywordFromLogs are words of the generated incident logs (and the
// sample's), which an incident log does hold.
var keywordFromLogs = []string{"赌博推广", "虚假新闻", "钓鱼邮件", "个人信息", "异常账号", "虚假商品评价", "垃圾营销", "提示词注入", "鉴权漏洞", "歧视性",
	"低俗描述", "仿冒商标", "医疗功效", "损害他人名誉", "冒充他人", "注销账号", "对话记录", "模型优化训练", "停止生成", "违法内容", "暴力元素", "不实信息"}

// keywordSyntax are lines that hold the query syntax's characters.
var keywordSyntax = []string{"联系QQ:", "微信:", "-d", "赌博 OR 博彩", "\"内部资料\"", "VX：", "http://", "加群:", "-退订", "A OR B"}

// keywordGen makes unique keyword lines.
type keywordGen struct {
	rng  *rand.Rand
	seen map[string]bool
}

// next returns a new keyword and its category.
func (g *keywordGen) next() (string, string) {
	for {
		kw, cat := g.candidate()
		if kw != "" && !g.seen[kw] {
			g.seen[kw] = true
			return kw, cat
		}
	}
}

func (g *keywordGen) candidate() (string, string) {
	r := g.rng.IntN(100)
	topic := keywordTopics[g.rng.IntN(len(keywordTopics))]
	root := pick(g.rng, topic.roots)
	switch {
	case r < 4:
		return pick(g.rng, keywordFromLogs), "事件"
	case r < 5:
		return pick(g.rng, keywordSyntax), "其他"
	case r < 13:
		w := pick(g.rng, keywordEnglish)
		if g.rng.IntN(2) == 0 {
			w = pick(g.rng, keywordEnglishMods) + " " + w
		}
		if g.rng.IntN(5) == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		return w, "英文"
	case r < 20:
		// Two words as a phrase.
		return root + " " + pick(g.rng, keywordSuffixes), topic.category
	}
	var w string
	switch g.rng.IntN(4) {
	case 0:
		w = root
	case 1:
		w = pick(g.rng, keywordPrefixes) + root
	case 2:
		w = root + pick(g.rng, keywordSuffixes)
	default:
		w = pick(g.rng, keywordPrefixes) + root + pick(g.rng, keywordSuffixes)
	}
	if n := utf8.RuneCountInString(w); n < 2 || n > 6 {
		return "", ""
	}
	return w, topic.category
}

// keywordLibrary returns n unique keywords with their categories.
func keywordLibrary(n int, seed uint64) (words, cats []string, err error) {
	g := &keywordGen{rng: newRand(seed), seen: map[string]bool{}}
	// Every combination of the vocabulary above comes to about 28,000.
	if n > 20000 {
		return nil, nil, fmt.Errorf("at most 20000 keywords, not %d", n)
	}
	for range n {
		w, c := g.next()
		words, cats = append(words, w), append(cats, c)
	}
	return words, cats, nil
}

// runKeywords is the keywords subcommand.
func runKeywords(args []string, stderr io.Writer) error {
	fs := newFlagSet("keywords", stderr)
	lines := fs.Int("lines", 10000, "number of keywords (at most 20000)")
	out := fs.String("out", "", "output file (required): .txt for one keyword a line, .csv or .xlsx for a table headed 序号, 关键词, 类别")
	encName := fs.String("encoding", "utf-8", "character encoding of .txt and .csv: utf-8 or gb18030")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("keywords: --out is required")
	}
	if *lines < 1 {
		return fmt.Errorf("keywords: --lines must be at least 1, not %d", *lines)
	}
	enc, err := parseEncoding(*encName)
	if err != nil {
		return fmt.Errorf("keywords: %w", err)
	}
	start := time.Now()
	words, cats, err := keywordLibrary(*lines, *seed)
	if err != nil {
		return fmt.Errorf("keywords: %w", err)
	}
	if err := writeKeywordFile(*out, words, cats, enc); err != nil {
		return fmt.Errorf("keywords: %s: %w", *out, err)
	}
	fmt.Fprintf(stderr, "wrote %d keywords to %s in %s\n", len(words), *out, time.Since(start).Round(time.Millisecond))
	return nil
}

// writeKeywordFile writes the library as text, CSV or XLSX by path's
// extension.
func writeKeywordFile(path string, words, cats []string, enc textEncoding) error {
	ext := strings.ToLower(path[strings.LastIndex(path, ".")+1:])
	if ext == "xlsx" {
		f := excelize.NewFile()
		defer f.Close()
		sheet := "关键词库"
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(sheet)
		if err != nil {
			return err
		}
		if err := sw.SetRow("A1", []any{"序号", "关键词", "类别"}); err != nil {
			return err
		}
		for i, w := range words {
			if err := sw.SetRow("A"+strconv.Itoa(i+2), []any{i + 1, w, cats[i]}); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
		return f.SaveAs(path)
	}
	file, err := os.Create(path)
	if err != nil {
		return err
	}
	defer file.Close()
	bw := bufio.NewWriter(file)
	ew := encodeWriter(bw, enc)
	var b []byte
	if ext == "csv" {
		b = appendCSVRecord(b, []string{"序号", "关键词", "类别"})
		for i, w := range words {
			b = appendCSVRecord(b, []string{strconv.Itoa(i + 1), w, cats[i]})
		}
	} else {
		b = append(b, "# 关键词库（生成的测试数据，wbgen keywords）\n# 每行一个关键词；以 # 开头的行为注释\n"...)
		for _, w := range words {
			b = append(append(b, w...), '\n')
		}
	}
	if _, err := ew.Write(b); err != nil {
		return err
	}
	if err := ew.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return file.Close()
}
