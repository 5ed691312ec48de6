package importers

import (
	"strings"

	"github.com/inspection-workbench/workbench"
)

// The kinds of the provider's safety testing (issue #17): its keyword
// library, its test question banks, its test results and its corpus
// sampling checks, judged against TC260-003-2024 and GB/T 45654-2025. The
// canonical field names are a contract with the automated checks
// (app/checks), which read them by name.

// riskTerms are the vocabulary of a risk field: the five groups and 31
// risks of TC260-003 Appendix A, each shown as "code name" (the form
// templates offer and ParseRisk reads), read from the workbench's one
// table of risk names rather than written again here.
var riskTerms = func() []Term {
	var out []Term
	for _, g := range workbench.RiskGroups {
		for _, r := range append([]workbench.Risk{g}, workbench.RisksIn(g)...) {
			n := r.Name()
			out = append(out, Term{Value: string(r), ZH: string(r) + " " + n.Zh, EN: string(r) + " " + n.En})
		}
	}
	return out
}()

// parseRisk reads a risk category as workbench.ParseRisk does — a code
// ("A.1.3"), the letter form of the standard's lists ("A.1 c)"), a name in
// either language, or a code and a name — and gives its code.
func parseRisk(s string) (string, bool) {
	r, err := workbench.ParseRisk(s)
	return string(r), err == nil
}

// shouldAnswerTopics are the topic areas a should-answer question bank
// covers (TC260-003 §9.3; GB/T 45654 B.1.3: 我国制度、信仰、形象、文化、习俗、
// 民族、地理、历史、英烈, and a person's 性别、年龄、职业、健康), by their
// Chinese word and English spellings. A should-answer question gives one
// of them, as written, where others give a risk.
var shouldAnswerTopics = [][]string{
	{"制度", "system", "institutions", "political system"},
	{"信仰", "belief", "beliefs", "religion", "faith"},
	{"形象", "image", "national image"},
	{"文化", "culture"},
	{"习俗", "custom", "customs", "风俗"},
	{"民族", "ethnicity", "ethnic groups", "ethnic"},
	{"地理", "geography"},
	{"历史", "history"},
	{"英烈", "heroes", "martyrs", "heroes and martyrs", "英雄烈士"},
	{"性别", "gender", "sex"},
	{"年龄", "age"},
	{"职业", "occupation", "profession", "job"},
	{"健康", "health"},
}

// parseRiskOrTopic reads a test question's risk category: a risk as
// parseRisk reads it, given by its code, or a should-answer topic area
// (历史, 我国制度, 个人健康, "history"), kept as written.
func parseRiskOrTopic(s string) (string, bool) {
	if code, ok := parseRisk(s); ok {
		return code, true
	}
	n := normTerm(s)
	if n == "" {
		return "", false
	}
	for _, topic := range shouldAnswerTopics {
		for _, sp := range topic {
			m := normTerm(sp)
			if n == m || hasHan(sp) && strings.Contains(n, m) {
				return strings.TrimSpace(s), true
			}
		}
	}
	return "", false
}

// modalityTerms are the workbench's modalities as a vocabulary, with the
// spellings providers use for them.
var modalityTerms = func() []Term {
	var out []Term
	for _, t := range dataTypeTerms {
		if m := workbench.Modality(t.Value); workbench.Valid(workbench.Modalities, m) {
			t.Synonyms = append(append([]string(nil), t.Synonyms...), m.Name().Zh, m.Name().En)
			switch m {
			case workbench.ModalityText:
				t.Synonyms = append(t.Synonyms, "文生文", "文本生成", "纯文本")
			case workbench.ModalityImage:
				t.Synonyms = append(t.Synonyms, "文生图", "图片生成", "图像生成", "图文")
			case workbench.ModalityAudio:
				t.Synonyms = append(t.Synonyms, "文生音频", "语音合成", "音频生成")
			case workbench.ModalityVideo:
				t.Synonyms = append(t.Synonyms, "文生视频", "视频生成")
			}
			out = append(out, t)
		}
	}
	return out
}()

// methodTerms are how a sample was judged: by people, by keywords or by
// a classification model (GB/T 45654 B.2).
var methodTerms = []Term{
	{Value: "manual", ZH: "人工抽检", EN: "manual", Synonyms: []string{"人工", "人工评估", "人工审核", "人工判定", "人工检查", "人工评测", "人工标注", "人工复核", "manual review", "manual check", "human", "human review"}},
	{Value: "keyword", ZH: "关键词抽检", EN: "keyword", Synonyms: []string{"关键词", "关键字", "关键词匹配", "关键词检测", "关键词过滤", "关键词评估", "关键字抽检", "keywords", "keyword matching", "keyword filter"}},
	{Value: "classifier", ZH: "分类模型抽检", EN: "classifier", Synonyms: []string{"分类模型", "模型", "分类器", "模型判定", "模型评估", "模型抽检", "机器审核", "机审", "自动评估", "模型自动评估", "安全分类模型", "classification model", "classifier model", "model", "automatic", "machine"}},
}

var methodSynonyms = []string{"评估方式", "抽检方式", "评估方法", "抽检方法", "测试方式", "检测方式", "判定方式", "评测方式", "审核方式", "method", "assessment method", "evaluation method", "sampling method"}

var keywordLibrarySpec = KindSpec{
	Kind: workbench.KeywordLibrary, ZH: workbench.KeywordLibrary.Name().Zh, EN: workbench.KeywordLibrary.Name().En, Articles: "TC260-003-2024 §8.1; GB/T 45654-2025 B.1.1",
	Fields: []Field{
		{Name: "keyword", Type: Text, ZH: "关键词", EN: "Keyword", ID: true, Checked: true,
			Meaning:  "One keyword or phrase of the library (or the pattern, for a regular expression).",
			Synonyms: []string{"敏感词", "词条", "关键字", "违禁词", "屏蔽词", "过滤词", "风险词", "关键词内容", "敏感词内容", "keyword", "keywords", "term", "word", "sensitive word", "pattern"}},
		{Name: "risk", Type: Enum, ZH: "风险类别", EN: "Risk category", Checked: true, Parse: parseRisk,
			Meaning:  "The security risk of TC260-003 Appendix A the keyword guards against, by code (A.1.3), by the letter form of the standard's lists (A.1 c)) or by name; stored as its code.",
			Synonyms: []string{"风险类型", "所属类别", "分类", "类别", "风险分类", "所属风险", "所属风险类别", "安全风险", "安全风险类别", "风险", "risk", "risk category", "risk type", "category"},
			Terms:    riskTerms},
		{Name: "match_type", Type: Enum, ZH: "匹配方式", EN: "Match type",
			Meaning:  "How the keyword is matched: exactly, fuzzily (variants, pinyin, look-alike characters) or as a regular expression.",
			Synonyms: []string{"匹配类型", "匹配规则", "匹配模式", "匹配", "match", "match type", "match mode", "matching"},
			Terms: []Term{
				{Value: "exact", ZH: "精确", EN: "exact", Synonyms: []string{"精确匹配", "完全匹配", "精准", "精准匹配", "全匹配", "exact match"}},
				{Value: "fuzzy", ZH: "模糊", EN: "fuzzy", Synonyms: []string{"模糊匹配", "包含", "包含匹配", "近似", "近似匹配", "变体", "fuzzy match", "contains", "partial"}},
				{Value: "regex", ZH: "正则", EN: "regex", Synonyms: []string{"正则表达式", "正则匹配", "正则式", "regular expression", "regexp", "re"}},
			}},
		{Name: "updated", Type: Date, ZH: "更新日期", EN: "Updated", Checked: true, Generic: true,
			Meaning:  "When the keyword was added to the library or last changed (the library is to be updated weekly).",
			Synonyms: []string{"入库日期", "添加日期", "新增日期", "更新时间", "入库时间", "添加时间", "最后更新", "最后更新日期", "最近更新日期", "修改日期", "日期", "date added", "added", "added on", "updated", "updated on", "last updated", "update date", "date"}},
		{Name: "version", Type: Text, ZH: "词库版本", EN: "Library version", Generic: true,
			Meaning:  "The version of the library the keyword belongs to.",
			Synonyms: []string{"版本号", "版本", "词库版本号", "关键词库版本", "library version", "version"}},
		notesField,
	},
}

var testQuestionSpec = KindSpec{
	Kind: workbench.TestQuestion, ZH: workbench.TestQuestion.Name().Zh, EN: workbench.TestQuestion.Name().En, Articles: "GB/T 45654-2025 B.1.2, B.1.3",
	Fields: []Field{
		{Name: "question_id", Type: Text, ZH: "题目编号", EN: "Question ID", ID: true, Generic: true, Checked: true,
			Meaning:  "The provider's identifier of the question; test results name it.",
			Synonyms: []string{"试题ID", "试题编号", "题号", "问题编号", "测试题编号", "题目ID", "编号", "序号", "question id", "question no", "qid", "id", "no"}},
		{Name: "question", Type: Text, ZH: "测试题目", EN: "Question",
			Meaning:  "The question or prompt put to the model.",
			Synonyms: []string{"问题", "题目内容", "题目", "试题", "测试题", "试题内容", "测试问题", "问题内容", "测试内容", "提示词", "question", "question text", "test question", "prompt"}},
		{Name: "bank", Type: Enum, ZH: "题库类型", EN: "Bank", Checked: true, FromName: true,
			Meaning:  "Which bank the question belongs to: generated-content questions (B.1.2), questions the model should refuse, or questions it should answer (B.1.3).",
			Synonyms: []string{"题库", "题库类别", "题库名称", "所属题库", "测试题库类型", "测试题库", "bank", "question bank", "bank type"},
			Terms: []Term{
				{Value: "generated", ZH: "生成内容测试题库", EN: "generated content", Synonyms: []string{"生成内容测试题", "生成内容测试", "生成内容", "生成内容题库", "内容安全测试题库", "generated-content", "generated content questions", "generation"}},
				{Value: "should_refuse", ZH: "应拒答测试题库", EN: "should refuse", Synonyms: []string{"应拒答", "应拒答题库", "应拒答测试题", "拒答测试题库", "拒答题库", "should-refuse", "refusal", "refuse"}},
				{Value: "should_answer", ZH: "非拒答测试题库", EN: "should answer", Synonyms: []string{"非拒答", "非拒答题库", "非拒答测试题", "不应拒答", "应回答", "应答题库", "should-answer", "non-refusal", "answer"}},
			}},
		{Name: "risk", Type: Enum, ZH: "风险类别", EN: "Risk category or topic", Checked: true, Parse: parseRiskOrTopic,
			Meaning:  "The security risk of TC260-003 Appendix A the question tests, by code, letter form or name (stored as its code); for a should-answer question, the topic area (制度, 信仰, 形象, 文化, 习俗, 民族, 地理, 历史, 英烈, 性别, 年龄, 职业, 健康), kept as written.",
			Synonyms: []string{"风险类型", "所属类别", "分类", "类别", "风险分类", "所属风险", "测试类别", "题目类别", "覆盖领域", "主题领域", "主题", "领域", "话题", "risk", "risk category", "category", "topic", "topic area"},
			Terms:    riskTerms},
		{Name: "modality", Type: Enum, ZH: "模态", EN: "Modality",
			Meaning:  "What the question asks the model to generate: text, image, audio or video.",
			Synonyms: []string{"内容类型", "模态类型", "题目模态", "生成模态", "输出模态", "modality", "content type", "mode"},
			Terms:    modalityTerms},
		{Name: "version", Type: Text, ZH: "题库版本", EN: "Bank version", Generic: true,
			Meaning:  "The version of the bank.",
			Synonyms: []string{"版本号", "版本", "题库版本号", "bank version", "version"}},
		{Name: "date", Type: Date, ZH: "更新日期", EN: "Date", Generic: true,
			Meaning:  "When the question was added or the bank last updated (banks are to be updated monthly).",
			Synonyms: []string{"日期", "入库日期", "编制日期", "添加日期", "创建日期", "更新时间", "入库时间", "date", "updated", "date added", "created"}},
		notesField,
	},
}

var testResultSpec = KindSpec{
	Kind: workbench.TestResult, ZH: workbench.TestResult.Name().Zh, EN: workbench.TestResult.Name().En, Articles: "GB/T 45654-2025 B.2.2, B.2.3",
	Fields: []Field{
		{Name: "question_id", Type: Text, ZH: "题目编号", EN: "Question ID", ID: true, Generic: true, Checked: true,
			Meaning:  "The question tested, by its identifier in the question bank.",
			Synonyms: []string{"试题ID", "试题编号", "题号", "问题编号", "测试题编号", "题目ID", "编号", "序号", "question id", "question no", "qid", "id", "no"}},
		{Name: "model_version", Type: Text, ZH: "模型版本", EN: "Model version",
			Meaning:  "The version of the model tested.",
			Synonyms: []string{"被测模型版本", "模型版本号", "被测模型", "测试模型", "版本号", "版本", "model version", "model", "version", "model tested"}},
		{Name: "answer", Type: Text, ZH: "模型回答", EN: "Answer",
			Meaning:  "What the model answered.",
			Synonyms: []string{"生成内容", "回答", "回答内容", "模型输出", "输出内容", "回复内容", "模型回复", "模型生成内容", "answer", "response", "output", "model answer", "model output"}},
		// Neither verdict nor refused is Checked: a sheet of generated-
		// content results has no refusals, a sheet of refusal results no
		// verdicts, and neither is incomplete for it.
		{Name: "verdict", Type: Enum, ZH: "判定结果", EN: "Verdict",
			Meaning:  "For a generated-content question: whether the answer passed the safety assessment.",
			Synonyms: []string{"评估结果", "是否合格", "是否通过", "测试结果", "检测结果", "审核结果", "判定", "结论", "评估结论", "verdict", "result", "pass/fail", "judgement", "judgment"},
			Terms: []Term{
				{Value: "pass", ZH: "通过", EN: "pass", Synonyms: []string{"合格", "安全", "无风险", "符合", "符合要求", "正常", "是", "passed", "ok", "safe", "compliant"}},
				{Value: "fail", ZH: "不通过", EN: "fail", Synonyms: []string{"不合格", "未通过", "不安全", "有风险", "违规", "不符合", "不符合要求", "否", "failed", "unsafe", "ng", "non-compliant"}},
			}},
		{Name: "refused", Type: Bool, ZH: "是否拒答", EN: "Refused",
			Meaning:  "For a should-refuse or should-answer question: whether the model refused to answer.",
			Synonyms: []string{"拒答", "是否拒绝回答", "拒绝回答", "是否拒绝", "拒答情况", "模型是否拒答", "已拒答", "refused", "refusal", "declined"}},
		{Name: "method", Type: Enum, ZH: "评估方式", EN: "Method", Checked: true,
			Meaning:  "How the answer was judged: by people, by keywords or by a classification model (B.2.2).",
			Synonyms: methodSynonyms, Terms: methodTerms},
		{Name: "assessor", Type: Text, ZH: "评估人", EN: "Assessor",
			Meaning:  "Who judged the answer (a person, or the tool or model used).",
			Synonyms: []string{"评估人员", "评估员", "测试人员", "测试人", "审核人", "判定人", "评测人", "assessor", "evaluator", "reviewer", "tester"}},
		{Name: "date", Type: Date, ZH: "评估日期", EN: "Date", Generic: true,
			Meaning:  "When the question was tested.",
			Synonyms: []string{"测试日期", "日期", "测试时间", "评估时间", "抽检日期", "date", "test date", "tested on", "assessed on"}},
		notesField,
	},
}

var corpusCheckSpec = KindSpec{
	Kind: workbench.CorpusCheck, ZH: workbench.CorpusCheck.Name().Zh, EN: workbench.CorpusCheck.Name().En, Articles: "TC260-003-2024 §5.1 a, §9.2; GB/T 45654-2025 B.2.1",
	Fields: []Field{
		{Name: "source_id", Type: Text, ZH: "数据来源编号", EN: "Source ID", ID: true, Generic: true, Checked: true,
			Meaning:  "The data source sampled, by its identifier in the data-source statement; 全部 or all for the whole corpus.",
			Synonyms: []string{"来源编号", "数据源编号", "语料来源编号", "数据集编号", "语料编号", "数据来源", "语料来源", "source id", "source", "dataset id", "dataset"}},
		{Name: "method", Type: Enum, ZH: "抽检方式", EN: "Method", Checked: true,
			Meaning:  "How the sample was judged: by people, by keywords or by a classification model (B.2.1).",
			Synonyms: methodSynonyms, Terms: methodTerms},
		{Name: "population", Type: Count, ZH: "语料总数", EN: "Population", Checked: true,
			Meaning:  "How many items the source (or the corpus) holds.",
			Synonyms: []string{"总量", "语料总量", "总数", "语料条数", "总条数", "数据总量", "population", "total", "total items", "corpus size"}},
		{Name: "sample", Type: Count, ZH: "抽样数量", EN: "Sample size", Checked: true,
			Meaning:  "How many items were sampled.",
			Synonyms: []string{"样本量", "抽检数量", "抽样量", "抽检样本量", "抽检条数", "抽样条数", "样本数", "sample", "sample size", "sampled"}},
		{Name: "passed", Type: Count, ZH: "合格数量", EN: "Passed", Checked: true,
			Meaning:  "How many sampled items passed (held no illegal or harmful content).",
			Synonyms: []string{"通过数", "合格数", "合格条数", "通过数量", "通过条数", "合格样本数", "passed", "pass count", "passed items"}},
		{Name: "date", Type: Date, ZH: "抽检日期", EN: "Date", Generic: true,
			Meaning:  "When the sample was checked.",
			Synonyms: []string{"日期", "检查日期", "抽样日期", "抽检时间", "date", "checked on", "check date"}},
		notesField,
	},
}
