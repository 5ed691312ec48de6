package fulltext

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/store"
)

// The incident descriptions, actions and ways of finding of cmd/wbgen's
// generated log (which is a command, not a package): every description is
// one of a few dozen sentences, so words and phrases match broadly.
var (
	benchDescs = []string{"用户诱导生成虚假新闻，模型输出含不实信息", "生成文本含歧视性表述", "生成图片含不当暴力元素", "生成内容含低俗描述",
		"生成内容含赌博推广信息", "生成虚假医疗功效宣传文案", "生成内容涉嫌损害他人名誉", "生成图片含仿冒商标标识", "用户批量生成虚假商品评价",
		"用户尝试利用服务生成钓鱼邮件模板", "用户多次诱导生成违法内容", "用户利用接口批量生成垃圾营销信息", "用户试图生成冒充他人身份的文案",
		"用户传播生成的虚假信息", "投诉回答内容不准确", "投诉生成图片与描述不符", "投诉翻译结果存在错误", "举报生成内容与事实不符",
		"举报他人分享的生成内容含不实信息", "投诉拒答过多影响正常使用", "投诉账号被误限制使用", "用户要求删除个人信息", "用户要求查阅个人信息",
		"用户要求更正个人信息", "用户撤回个人信息处理同意", "发现提示词注入攻击尝试", "接口漏洞导致越权访问", "训练数据疑似含未授权个人信息",
		"模型输出泄露系统提示词", "检测到批量注册账号", "钓鱼邮件冒充平台客服", "第三方插件数据异常", "内容审核服务短时中断",
		"日志存储容量告警", "异常流量触发限流"}
	benchActions = []string{"停止生成、消除、模型优化训练", "停止生成、消除", "消除、模型优化训练", "停止生成、停止传输、消除", "停止传输、消除、模型优化训练",
		"警示、限制功能", "暂停服务", "警示", "限制功能", "终止服务", "消除", "模型优化训练"}
	benchHow = []string{"机器审核", "人工巡查", "用户举报", "关键词过滤", "风控模型", "应用内投诉入口", "客服热线", "电子邮件", "官网投诉页面"}
)

const benchRows = 200000

// openBenchIndex indexes a 200,000-row generated incident log.
func openBenchIndex(b *testing.B) *Index {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "ws"), store.Options{Create: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	caseID, err := st.CreateCase(ctx, store.NewCase{ProviderName: "供应商", ServiceName: "对话", Title: "检查", Inspectors: []string{"张明"},
		OpenedOn: "2026-11-24", ChecklistTemplate: "art19-measures-2023"})
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(6, 15))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	w, err := st.BeginSubmission(ctx, workbench.Submission{CaseID: caseID, SHA256: strings.Repeat("ab", 32), FileName: "incidents.csv",
		Kind: "incident", Label: "internal", Format: "csv", ImporterVersion: "1"})
	if err != nil {
		b.Fatal(err)
	}
	for i := range benchRows {
		day := start.AddDate(0, 0, rng.IntN(547))
		text := fmt.Sprintf("INC-%07d %s %s %s %s", i+1, day.Format("2006-01-02"), benchHow[rng.IntN(len(benchHow))],
			benchDescs[rng.IntN(len(benchDescs))], benchActions[rng.IntN(len(benchActions))])
		f, _ := json.Marshal(map[string]string{"t": text, "d": day.Format("2006-01-02")})
		if err := w.Add(workbench.RecordRow{Row: i + 2, Fields: string(f)}); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := w.Commit(nil, benchRows); err != nil {
		b.Fatal(err)
	}
	x, err := Open(ctx, st, Options{RecordText: corpusRecordText, TextVersion: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { x.Close() })
	t0 := time.Now()
	if _, err := x.Sync(ctx, nil); err != nil {
		b.Fatal(err)
	}
	b.Logf("indexed %d rows in %s", benchRows, time.Since(t0).Round(time.Millisecond))
	return x
}

// BenchmarkSearch200k times the first page of 20 hits with exact totals
// and kind/file facets on a 200,000-row log: bleve's own search (old) and
// the bitmap evaluator (new) in the same run. It reports the median
// (p50-ms) of the b.N runs and the median CPU time (p50-cpu-ms); for the new path also the median time until
// the exact counts are known (p50-exact-ms) and the first run after the
// cache is emptied (cold-ms). Run with -benchtime=20x.
func BenchmarkSearch200k(b *testing.B) {
	x := openBenchIndex(b)
	ctx := context.Background()
	for _, q := range []struct{ class, query string }{
		{"and", "赌博 推广"},
		{"and", "删除 个人信息"},
		{"phrase", `"钓鱼邮件模板"`},
		{"phrase", `"生成内容含赌博推广信息"`},
		{"broad-phrase", `"停止生成"`},
		{"broad-phrase", `"账号被误限制"`},
		{"narrowed", `赌博 推广 found:2024-03-01..2024-03-07`},
	} {
		req := workbench.SearchRequest{Query: q.query, Limit: 20}
		b.Run(q.class+"/"+q.query+"/old", func(b *testing.B) {
			pq, err := ParseQuery(q.query)
			if err != nil {
				b.Fatal(err)
			}
			bq, err := x.searchQuery(pq, req)
			if err != nil {
				b.Fatal(err)
			}
			var ds, cpu []time.Duration
			total := 0
			for b.Loop() {
				t0, c0 := time.Now(), cpuTime()
				x.swap.RLock()
				res, err := x.searchBleve(ctx, req, pq, bq, t0)
				x.swap.RUnlock()
				if err != nil {
					b.Fatal(err)
				}
				ds = append(ds, time.Since(t0))
				cpu = append(cpu, cpuTime()-c0)
				total = res.Total
			}
			b.ReportMetric(p50ms(ds), "p50-ms")
			b.ReportMetric(p50ms(cpu), "p50-cpu-ms")
			b.ReportMetric(float64(total), "hits")
		})
		b.Run(q.class+"/"+q.query+"/new", func(b *testing.B) {
			x.bits.reset()
			t0 := time.Now()
			res, err := x.Search(ctx, req)
			if err == nil {
				err = res.WaitCounts(ctx)
			}
			if err != nil {
				b.Fatal(err)
			}
			cold := time.Since(t0)
			var ds, exact, cpu []time.Duration
			for b.Loop() {
				t0, c0 := time.Now(), cpuTime()
				res, err = x.Search(ctx, req)
				if err != nil {
					b.Fatal(err)
				}
				ds = append(ds, time.Since(t0))
				if err := res.WaitCounts(ctx); err != nil {
					b.Fatal(err)
				}
				exact = append(exact, time.Since(t0))
				cpu = append(cpu, cpuTime()-c0)
			}
			b.ReportMetric(p50ms(ds), "p50-ms")
			b.ReportMetric(p50ms(cpu), "p50-cpu-ms")
			b.ReportMetric(p50ms(exact), "p50-exact-ms")
			b.ReportMetric(float64(cold.Microseconds())/1000, "cold-ms")
			b.ReportMetric(float64(res.Total), "hits")
			if res.Order == workbench.OrderFile {
				b.ReportMetric(1, "file-order")
			}
		})
	}
}

func p50ms(ds []time.Duration) float64 {
	if len(ds) == 0 {
		return 0
	}
	ds = slices.Clone(ds)
	slices.Sort(ds)
	return float64(ds[len(ds)/2].Microseconds()) / 1000
}
