package importers

import "github.com/inspection-workbench/workbench"

// ValueType says how a field's text is read and normalised.
type ValueType string

// The value types. The normalised JSON value of each is given in brackets.
const (
	Text     ValueType = "text"      // free text [string]
	Bool     ValueType = "bool"      // 是/否, Y/N, true/false, 有/无 [true|false]
	Date     ValueType = "date"      // a calendar date ["YYYY-MM-DD"]
	DateTime ValueType = "datetime"  // a date with an optional time ["YYYY-MM-DDTHH:MM:SS" or "YYYY-MM-DD"]
	Percent  ValueType = "percent"   // 3.5%, 0.035 [fraction, 0.035]
	Scale    ValueType = "scale"     // 1.2TB, 3亿 tokens, 50万条 [{"value": number, "unit": "tokens|items|bytes|hours|parameters|"}]
	Count    ValueType = "count"     // a whole number, 1,234 or 1.2万 [integer]
	Duration ValueType = "duration"  // 15个工作日, 48小时 [{"value": number, "unit": "hours|days|working_days"}]
	Period   ValueType = "period"    // 2023年1月至2023年6月, 2023-01~至今 ["2023-01/2023-06", "2023-01/.."]
	Enum     ValueType = "enum"      // one term of the field's vocabulary [canonical term]
	EnumList ValueType = "enum_list" // several terms, separated by 、 , ; / [array of canonical terms]
)

// Term is one value of a field's vocabulary.
type Term struct {
	Value    string   // canonical value stored
	ZH, EN   string   // how templates and the GUI show it
	Synonyms []string // other accepted spellings
	// Whole marks a term read only from a value that is one of its
	// spellings, never found inside longer text: its words (咨询, 建议)
	// also stand in values that name another term.
	Whole bool
	// Aside marks a term no article of the Measures is concerned with (an
	// inquiry in a ticket log): a summary lists it only where records
	// have it.
	Aside bool
}

// Field is one canonical field of a submission kind.
type Field struct {
	Name     string    // canonical name, e.g. "contains_personal_info"
	Type     ValueType // how values are read
	ZH, EN   string    // header labels (always accepted as headers)
	Meaning  string    // what the field means, for docs and templates
	Synonyms []string  // other accepted header spellings, Chinese and English
	Terms    []Term    // vocabulary of Enum and EnumList fields
	// ID marks the provider's own identifier of a row (DS-07, INC-0042, a
	// batch name): it becomes the record's reference.
	ID bool
	// Generic fields (identifiers, notes, dates) appear under several kinds
	// and do not count when the kind is guessed from the headers.
	Generic bool
	// Checked marks a field the automated checks read to judge a record
	// of a table (the key facts of an algorithm, spread over documents,
	// are not marked): a table none of whose columns names it imports
	// with a warning (workbench.ReasonFieldsUnmapped).
	Checked bool
	// Presence marks a yes/no field asking whether something is there
	// (是否含个人信息): "不涉及" answers it no. Any other yes/no field asks
	// whether something was done (是否报告, 是否反馈), where 不涉及, 不适用 or
	// N/A says the question does not apply: kept as written, neither yes
	// nor no (see values.NotApplicable).
	Presence bool
	// Parse, when set, reads the values of an Enum field instead of its
	// vocabulary's spellings: it returns the value to store and whether
	// it read one (workbench.ParseRisk's codes, letter forms and names,
	// stored as the code). Terms still list the vocabulary for templates,
	// documentation and search.
	Parse func(string) (string, bool) `json:"-"`
	// FromName marks an Enum field a table may give by its sheet's name,
	// else its file's (a workbook keeping each question bank on its own
	// sheet, 应拒答测试题 and 非拒答测试题; generated_questions.csv): when
	// no column names the field and the name holds one of its spellings,
	// every record of the table takes that value, and the import says so
	// (workbench.ReasonFieldFromName).
	FromName bool `json:"-"`
	// Batch marks a field that describes one batch of work rather than a
	// statistic (a count per risk): a table of a kind with such fields
	// whose columns name none of them is a statistics table. The checks
	// read its records as statistics (app/checks), and its import does
	// not warn that it lacks the batch fields the checks read.
	Batch bool
	// TotalLabel marks the field that holds the label of a total row
	// (合计, 安全标注合计, 全部标注数据总量): a kind with such a field keeps its
	// tables' total rows as records — the provider's stated totals, which
	// the checks read — with the label moved here, instead of leaving
	// them out.
	TotalLabel bool `json:"-"`
	// OrFrom names the fields from which the checks work a Checked field
	// out when no column names it (an accuracy from the sample size and
	// the number passed): a table naming them all does not lack it.
	OrFrom []string `json:"-"`
}

// KindSpec describes one submission kind and its canonical fields.
type KindSpec struct {
	Kind     workbench.Kind
	ZH, EN   string // the kind's names, read from the workbench name table
	Articles string // the articles of the Measures the kind serves
	Fields   []Field
}

// Field returns the field with the given canonical name, or nil.
func (k *KindSpec) Field(name string) *Field {
	for i := range k.Fields {
		if k.Fields[i].Name == name {
			return &k.Fields[i]
		}
	}
	return nil
}

// BatchFields names the kind's fields marked Batch, in spec order (none
// for a kind whose tables are not reports of batches).
func (k *KindSpec) BatchFields() []string {
	var out []string
	for i := range k.Fields {
		if k.Fields[i].Batch {
			out = append(out, k.Fields[i].Name)
		}
	}
	return out
}

// SpecFor returns the specification of a kind, or nil for an unknown kind.
func SpecFor(k workbench.Kind) *KindSpec {
	for i := range Specs {
		if Specs[i].Kind == k {
			return &Specs[i]
		}
	}
	return nil
}

var notesField = Field{Name: "notes", Type: Text, ZH: "备注", EN: "Notes", Generic: true,
	Meaning:  "Anything else the provider wrote about the row.",
	Synonyms: []string{"说明", "附注", "其他说明", "备注说明", "remarks", "remark", "comments", "comment", "note"}}

var dataTypeTerms = []Term{
	{Value: "text", ZH: "文本", EN: "text", Synonyms: []string{"文字", "语料", "txt"}},
	{Value: "image", ZH: "图片", EN: "image", Synonyms: []string{"图像", "图片数据", "images", "picture", "pictures"}},
	{Value: "audio", ZH: "音频", EN: "audio", Synonyms: []string{"语音", "声音", "speech", "voice"}},
	{Value: "video", ZH: "视频", EN: "video", Synonyms: []string{"影像", "videos"}},
	{Value: "code", ZH: "代码", EN: "code", Synonyms: []string{"程序代码", "源代码", "source code"}},
}

// Specs lists the submission kinds and their canonical fields (DESIGN.md,
// "What a provider submits"), in the order of workbench.Kinds: the four
// kinds of the Measures, then the provider's safety testing (safety.go).
// docs/submission-formats.md is generated from it.
var Specs = []KindSpec{
	{
		Kind: workbench.DataSource, ZH: workbench.DataSource.Name().Zh, EN: workbench.DataSource.Name().En, Articles: "Arts. 7, 19",
		Fields: []Field{
			{Name: "id", Type: Text, ZH: "编号", EN: "ID", ID: true, Generic: true,
				Meaning:  "The provider's identifier of the data source.",
				Synonyms: []string{"序号", "数据编号", "数据集编号", "来源编号", "数据源编号", "id", "no", "no.", "number", "source id", "dataset id"}},
			{Name: "name", Type: Text, ZH: "数据来源名称", EN: "Source name",
				Meaning:  "Name of the data source or dataset.",
				Synonyms: []string{"名称", "数据名称", "数据集名称", "数据集", "数据源名称", "数据源", "来源名称", "name", "dataset", "dataset name", "source", "语料名称", "语料库名称", "数据集名", "corpus", "corpus name"}},
			{Name: "category", Type: Enum, ZH: "来源类别", EN: "Source category",
				Meaning:  "Where the data comes from.",
				Synonyms: []string{"来源类型", "数据来源类别", "数据来源类型", "数据来源", "来源", "获取方式", "类别", "来源分类", "语料来源类别", "category", "source type", "source category", "acquisition", "获取渠道", "获取途径", "数据获取方式", "采集方式", "来源方式", "acquisition method", "source kind"},
				Terms: []Term{
					{Value: "public_web", ZH: "互联网公开数据", EN: "public web", Synonyms: []string{"公开网络", "公开网络数据", "网络公开数据", "互联网公开", "网络爬取", "爬取", "爬虫", "互联网采集", "互联网采集语料", "网络采集", "自采语料-互联网采集", "自采-互联网采集", "互联网公开语料", "网络语料", "web crawl", "crawl", "crawled", "public internet", "web"}},
					{Value: "licensed", ZH: "授权或采购", EN: "licensed or purchased", Synonyms: []string{"授权", "采购", "购买", "商业采购", "商业授权", "第三方授权", "授权使用", "商业语料", "采购语料", "购买语料", "授权语料", "商业数据", "licensed", "purchased", "license", "commercial licence", "commercial corpus", "commercial"}},
					{Value: "self_produced", ZH: "自有数据", EN: "self-produced", Synonyms: []string{"自产", "自行生产", "自建", "自采", "自有", "自行采集", "自采语料", "自产语料", "自有语料", "自行生产语料", "自采语料-自行生产", "自采-自行生产", "self produced", "self-collected", "in-house", "proprietary"}},
					{Value: "user_data", ZH: "用户数据", EN: "user data", Synonyms: []string{"用户输入", "用户输入数据", "用户生成", "使用者输入信息", "使用者输入", "用户输入信息", "使用者数据", "使用者输入数据", "user input", "user-generated", "user input data"}},
					{Value: "synthetic", ZH: "合成数据", EN: "synthetic", Synonyms: []string{"合成", "模型生成", "生成数据", "合成语料", "模型合成", "模型生成语料", "synthetic data", "generated"}},
					{Value: "open_dataset", ZH: "开源数据集", EN: "open dataset", Synonyms: []string{"公开数据集", "开源数据", "开放数据集", "开源语料", "开放语料", "开源训练语料", "公开语料集", "open source dataset", "public dataset", "open data", "open-source corpus", "open source"}},
				}},
			{Name: "origin", Type: Enum, ZH: "境内外", EN: "Origin",
				Meaning:  "Whether the data comes from inside or outside China.",
				Synonyms: []string{"境内/境外", "境内境外", "境内或境外", "来源地域", "数据来源地", "地域", "origin", "domestic/foreign", "region"},
				Terms: []Term{
					{Value: "domestic", ZH: "境内", EN: "domestic", Synonyms: []string{"国内", "中国境内", "境内数据", "china", "cn"}},
					{Value: "foreign", ZH: "境外", EN: "foreign", Synonyms: []string{"国外", "海外", "境外数据", "overseas", "abroad", "international"}},
					{Value: "mixed", ZH: "境内外", EN: "both", Synonyms: []string{"境内和境外", "境内及境外", "境内外均有", "国内外", "混合", "mixed", "domestic and foreign"}},
				}},
			{Name: "stage", Type: Enum, ZH: "训练阶段", EN: "Training stage",
				Meaning:  "Which training stage the data is used in.",
				Synonyms: []string{"阶段", "用途", "使用阶段", "数据用途", "stage", "usage", "training phase"},
				Terms: []Term{
					{Value: "pre_training", ZH: "预训练", EN: "pre-training", Synonyms: []string{"预训练阶段", "pretraining", "pre training", "pretrain"}},
					{Value: "fine_tuning", ZH: "微调", EN: "fine-tuning", Synonyms: []string{"优化训练", "精调", "有监督微调", "指令微调", "对齐", "强化学习", "sft", "rlhf", "finetuning", "fine tuning", "alignment"}},
					{Value: "both", ZH: "预训练及微调", EN: "both", Synonyms: []string{"预训练和微调", "预训练、微调", "预训练/微调", "全部", "all"}},
				}},
			{Name: "data_type", Type: EnumList, ZH: "数据类型", EN: "Data type",
				Meaning:  "What the data is: text, image, audio, video, code (several allowed).",
				Synonyms: []string{"数据模态", "模态", "类型", "type", "modality", "data types"},
				Terms:    dataTypeTerms},
			{Name: "scale", Type: Scale, ZH: "数据规模", EN: "Scale",
				Meaning:  "How much data: a number with its unit (tokens, items, bytes, hours).",
				Synonyms: []string{"规模", "数据量", "数据总量", "数量", "体量", "数据集规模", "语料规模", "scale", "size", "volume", "amount", "语料量", "数据条数", "语料数量", "data volume", "data size"}},
			{Name: "lawful_basis", Type: Text, ZH: "合法来源依据", EN: "Lawful-source basis", Checked: true,
				Meaning:  "Why the data is lawfully sourced (Art. 7(1)).",
				Synonyms: []string{"来源合法性", "合法性依据", "合法来源", "来源合法性说明", "合法性说明", "合法性来源说明", "来源合法性依据", "合法来源说明", "数据来源合法性", "合法来源证明", "lawful basis", "legal basis of source", "lawful source", "legality of source", "source legality"}},
			{Name: "licence", Type: Text, ZH: "许可协议", EN: "Licence",
				Meaning:  "The licence or contract under which the data is used.",
				Synonyms: []string{"许可", "许可证", "授权协议", "授权情况", "协议", "授权许可", "授权许可协议", "许可授权", "开源协议", "开源许可证", "使用许可", "许可协议类型", "licence", "license", "terms", "licence terms", "license type"}},
			{Name: "contains_personal_info", Type: Bool, ZH: "是否含个人信息", EN: "Contains personal information", Checked: true, Presence: true,
				Meaning:  "Whether the data contains personal information (Art. 7(3)).",
				Synonyms: []string{"含个人信息", "包含个人信息", "是否包含个人信息", "涉及个人信息", "个人信息", "contains pi", "personal information", "personal data", "contains personal data", "是否涉及个人信息", "个人信息情况", "含个人信息情况", "includes personal information"}},
			{Name: "pi_legal_basis", Type: Text, ZH: "个人信息处理依据", EN: "Personal-information legal basis", Checked: true,
				Meaning:  "The consent or other legal basis for processing the personal information (Art. 7(3)).",
				Synonyms: []string{"个人信息合法性基础", "个人信息处理的合法性基础", "个人信息授权", "个人同意", "个人信息授权情况", "个人同意情况", "个人信息处理合法性依据", "个人信息处理合法性基础", "个人信息合法性依据", "pi legal basis", "legal basis", "consent", "pi basis", "personal information basis"}},
			{Name: "contains_copyrighted", Type: Bool, ZH: "是否含版权作品", EN: "Contains copyrighted works", Checked: true, Presence: true,
				Meaning:  "Whether the data contains works protected by copyright (Art. 7(2)).",
				Synonyms: []string{"含版权作品", "是否含著作权作品", "含著作权内容", "涉及知识产权", "知识产权", "含著作权作品", "是否涉及知识产权", "是否含知识产权内容", "是否涉及著作权", "copyrighted works", "copyright", "contains copyright", "contains copyrighted material"}},
			{Name: "copyright_licence", Type: Text, ZH: "版权许可", EN: "Copyright licence", Checked: true,
				Meaning:  "The licence covering the copyrighted works (Art. 7(2)).",
				Synonyms: []string{"著作权许可", "著作权授权", "版权授权", "知识产权授权", "著作权授权情况", "版权授权情况", "知识产权授权情况", "版权许可情况", "copyright licence", "copyright license", "ip licence", "copyright licensing"}},
			{Name: "collection_period", Type: Period, ZH: "采集时间段", EN: "Collection period",
				Meaning:  "When the data was collected.",
				Synonyms: []string{"采集时间", "采集期间", "收集时间", "收集时间段", "时间范围", "collection period", "collected", "time range"}},
			{Name: "sample_size", Type: Count, ZH: "抽检样本量", EN: "Sample size checked",
				Meaning:  "How many items were sampled to check the data (Art. 7(4)).",
				Synonyms: []string{"抽检数量", "抽样数量", "抽样量", "样本量", "抽检量", "sample size", "sampled items", "samples checked", "抽检条数", "抽样条数", "抽检样本数", "sample count"}},
			{Name: "harmful_share", Type: Percent, ZH: "违法不良信息占比", EN: "Share of illegal or harmful items", Checked: true,
				Meaning:  "Share of illegal or harmful items found in the sample (Art. 7(4)).",
				Synonyms: []string{"不良信息占比", "违法不良比例", "违法不良信息比例", "抽检违法不良比例", "不良率", "违规率", "抽检违法不良信息占比", "违法不良信息含量", "违规比例", "不合格率", "harmful share", "illegal share", "harmful rate", "illegal or harmful share", "harmful", "harmful ratio", "harmful content share"}},
			{Name: "quality_measures", Type: Text, ZH: "质量提升措施", EN: "Quality measures",
				Meaning:  "What is done to improve the data's truthfulness, accuracy, objectivity and diversity (Art. 7(4)).",
				Synonyms: []string{"质量措施", "数据质量措施", "数据质量提升措施", "清洗措施", "数据清洗", "quality measures", "data quality", "cleaning"}},
			notesField,
		},
	},
	{
		Kind: workbench.AnnotationRule, ZH: workbench.AnnotationRule.Name().Zh, EN: workbench.AnnotationRule.Name().En, Articles: "Arts. 8, 19",
		Fields: []Field{
			{Name: "batch", Type: Text, ZH: "标注批次", EN: "Batch", Batch: true, ID: true,
				Meaning:  "The annotation batch the row reports on.",
				Synonyms: []string{"批次", "批次号", "批次编号", "标注批次号", "任务批次", "batch", "batch id", "batch no", "标注任务", "任务编号", "标注任务编号", "task", "task id"}},
			{Name: "annotation_type", Type: Enum, ZH: "标注类型", EN: "Annotation type", Checked: true, FromName: true,
				Meaning:  "Functional or safety annotation (Art. 8). A table without this column takes it from its sheet's or file's name (安全标注统计, 安全标注批次).",
				Synonyms: []string{"标注类别", "类型", "annotation type", "type"},
				Terms: []Term{
					{Value: "functional", ZH: "功能性标注", EN: "functional", Synonyms: []string{"功能性", "功能", "功能标注", "function"}},
					{Value: "safety", ZH: "安全性标注", EN: "safety", Synonyms: []string{"安全性", "安全", "安全标注", "security"}},
				}},
			{Name: "annotators", Type: Count, ZH: "标注人员数", EN: "Annotators", Batch: true,
				Meaning:  "How many people annotated the batch.",
				Synonyms: []string{"标注人员数量", "标注人数", "标注员人数", "annotator count", "number of annotators", "annotators count"}},
			{Name: "training_given", Type: Bool, ZH: "是否培训", EN: "Training given", Batch: true, Checked: true,
				Meaning:  "Whether the annotators were trained (Art. 8).",
				Synonyms: []string{"已培训", "培训", "是否开展培训", "开展培训", "training given", "trained", "training", "是否经过培训", "是否已培训", "培训情况", "annotators trained"}},
			{Name: "training_date", Type: Date, ZH: "培训日期", EN: "Training date", Batch: true, Checked: true,
				Meaning:  "When the annotators were trained.",
				Synonyms: []string{"培训时间", "培训完成日期", "training date", "trained on"}},
			{Name: "sample_size", Type: Count, ZH: "核验样本量", EN: "Sample size", Batch: true, Checked: true,
				Meaning:  "How many annotations were sampled to verify accuracy (Art. 8).",
				Synonyms: []string{"抽检数量", "抽检样本量", "抽样数量", "核验数量", "样本量", "sample size", "sampled", "抽检条数", "质检数量", "抽样条数", "sample count", "核验条数", "核验数", "核验样本数", "质检条数"}},
			{Name: "passed", Type: Count, ZH: "核验合格数", EN: "Passed", Batch: true,
				Meaning:  "How many of the sampled annotations were found correct: with the sample size it gives the accuracy when no accuracy is stated.",
				Synonyms: []string{"核验合格", "核验合格数量", "核验合格条数", "合格数", "合格数量", "合格条数", "核验通过数", "通过数", "抽检合格数", "passed", "items passed", "number passed", "correct"}},
			{Name: "accuracy", Type: Percent, ZH: "准确率", EN: "Accuracy", Batch: true, Checked: true, OrFrom: []string{"sample_size", "passed"},
				Meaning:  "Share of sampled annotations found correct.",
				Synonyms: []string{"标注准确率", "合格率", "正确率", "核验准确率", "accuracy", "accuracy rate", "pass rate", "质检合格率", "抽检准确率", "抽检合格率", "quality rate"}},
			{Name: "reviewer", Type: Text, ZH: "核验人", EN: "Reviewer", Batch: true,
				Meaning:  "Who verified the sample.",
				Synonyms: []string{"审核人", "复核人", "质检人", "核验人员", "reviewer", "checked by", "质检员", "审核人员", "验收人", "reviewed by", "qa reviewer"}},
			{Name: "annotated_by", Type: Text, ZH: "标注人", EN: "Annotated by", Batch: true,
				Meaning:  "Who annotated the batch, by name: the reviewer must not be one of them (GB/T 45674-2025 §7.2 b, §7.3 e).",
				Synonyms: []string{"标注人姓名", "标注员姓名", "标注人员姓名", "标注人员", "标注员", "annotated by", "annotator names"}},
			{Name: "item_count", Type: Count, ZH: "标注数量", EN: "Annotations",
				Meaning:  "How many items the batch annotated: safety annotations are to be at least 3 % of all and 200 per risk (GB/T 45674-2025 §8.1).",
				Synonyms: []string{"标注条数", "标注数据量", "标注总量", "annotation count", "number of annotations", "items annotated", "安全标注条数", "安全标注数量", "安全性标注条数", "安全性标注数量", "标注数量（条）", "标注条目数"}},
			{Name: "risk", Type: Text, ZH: "风险类别", EN: "Risk category",
				Meaning:  "For a safety batch, the risk of TC260-003-2024 Appendix A it annotates, by code (A.1.3), the letter form (A.1 c)) or name.",
				Synonyms: []string{"安全风险类别", "标注风险类别", "风险编号", "风险代码", "风险类别编号", "风险类型", "风险大类", "risk category", "safety risk", "risk code", "risk"}},
			{Name: "total_of", Type: Text, ZH: "合计项", EN: "Total of", Generic: true, TotalLabel: true,
				Meaning: "The label of a total row below the table (安全标注合计, 全部标注数据总量（功能性＋安全性）): such a row is kept as a record of the provider's stated total, not a batch, and the automated checks read it as such (the share of safety annotations is taken of a stated total of all annotations)."},
			{Name: "date", Type: Date, ZH: "核验日期", EN: "Date", Batch: true, Generic: true,
				Meaning:  "When the sample was verified.",
				Synonyms: []string{"日期", "检查日期", "质检日期", "审核日期", "核验时间", "质检时间", "date", "review date", "checked on", "reviewed on", "verified on", "抽检日期", "验收日期", "qa date"}},
			notesField,
		},
	},
	{
		Kind: workbench.Algorithm, ZH: workbench.Algorithm.Name().Zh, EN: workbench.Algorithm.Name().En, Articles: "Arts. 12, 17, 19",
		Fields: []Field{
			{Name: "model_name", Type: Text, ZH: "模型名称", EN: "Model name", ID: true,
				Meaning:  "Name of the model behind the service.",
				Synonyms: []string{"模型", "大模型名称", "算法名称", "model", "model name", "algorithm name"}},
			{Name: "model_version", Type: Text, ZH: "模型版本", EN: "Model version",
				Meaning:  "Version of the model.",
				Synonyms: []string{"版本", "版本号", "model version", "version", "版本信息", "模型版本号"}},
			{Name: "base_model", Type: Text, ZH: "基础模型", EN: "Base model",
				Meaning:  "The foundation model the service builds on, if any.",
				Synonyms: []string{"基座模型", "底座模型", "所用基础模型", "base model", "foundation model"}},
			{Name: "base_model_filing_no", Type: Text, ZH: "基础模型备案号", EN: "Base model filing number",
				Meaning:  "Filing number of the base model.",
				Synonyms: []string{"基座模型备案号", "基础模型备案编号", "base model filing no", "base model filing number"}},
			{Name: "architecture", Type: Text, ZH: "模型架构", EN: "Architecture",
				Meaning:  "The model's architecture.",
				Synonyms: []string{"架构", "网络结构", "模型结构", "architecture", "model architecture"}},
			{Name: "parameters", Type: Scale, ZH: "参数量", EN: "Parameter count",
				Meaning:  "Number of parameters (70B, 700亿).",
				Synonyms: []string{"参数规模", "参数数量", "模型参数量", "parameters", "parameter count", "params", "size"}},
			{Name: "training_methods", Type: Text, ZH: "训练方法", EN: "Training methods",
				Meaning:  "How the model was trained.",
				Synonyms: []string{"训练方式", "训练方法说明", "training methods", "training method", "training"}},
			{Name: "safety_mechanisms", Type: Text, ZH: "安全机制", EN: "Safety mechanisms",
				Meaning:  "Safety measures in training and serving.",
				Synonyms: []string{"安全措施", "安全防护措施", "安全保障机制", "safety mechanisms", "safety measures", "safeguards"}},
			{Name: "generates", Type: EnumList, ZH: "生成内容类型", EN: "Generated content",
				Meaning:  "What the service generates: text, images, audio, video, code (several allowed). The content-labelling check uses it beside the case's modalities.",
				Synonyms: []string{"生成内容", "服务生成内容类型", "生成内容种类", "生成模态", "输出模态", "输出内容类型", "generated content", "generated content types", "output modality", "output modalities", "generates"},
				Terms:    dataTypeTerms},
			{Name: "content_labelling", Type: Text, ZH: "生成内容标识", EN: "Generated-content labelling",
				Meaning:  "How generated images, video and other content are labelled (Art. 12).",
				Synonyms: []string{"内容标识", "标识方式", "生成内容标识方式", "深度合成标识", "水印", "生成合成内容标识", "内容标识方式", "显式标识", "隐式标识", "content labelling", "content labeling", "labelling", "watermark", "aigc label"}},
			{Name: "filing_no", Type: Text, ZH: "算法备案号", EN: "Algorithm filing number",
				Meaning:  "The algorithm filing number (备案号, Art. 17).",
				Synonyms: []string{"备案号", "备案编号", "算法备案编号", "算法备案号码", "生成式人工智能服务备案号", "filing no", "filing number", "algorithm filing no", "registration number"}},
			{Name: "public_opinion", Type: Bool, ZH: "是否具有舆论属性或社会动员能力", EN: "Public-opinion attributes", Presence: true,
				Meaning:  "Whether the service has public-opinion attributes or social-mobilisation capacity (Art. 17).",
				Synonyms: []string{"舆论属性或社会动员能力", "具有舆论属性或者社会动员能力", "舆论属性", "社会动员能力", "public opinion", "public-opinion attribute", "social mobilisation"}},
			{Name: "security_assessment", Type: Bool, ZH: "是否开展安全评估", EN: "Security assessment done",
				Meaning:  "Whether the security assessment required by Art. 17 was carried out.",
				Synonyms: []string{"安全评估", "已开展安全评估", "安全评估情况", "security assessment", "security assessment done"}},
			{Name: "complaint_time_limit", Type: Duration, ZH: "投诉处理时限", EN: "Complaint time limit",
				Meaning:  "The time limit the provider publishes for handling complaints and reports (Art. 15).",
				Synonyms: []string{"投诉举报处理时限", "投诉反馈时限", "处理时限", "反馈时限", "complaint time limit", "complaint handling time", "response time limit"}},
			notesField,
		},
	},
	{
		Kind: workbench.Incident, ZH: workbench.Incident.Name().Zh, EN: workbench.Incident.Name().En, Articles: "Arts. 10, 11, 14, 15",
		Fields: []Field{
			{Name: "id", Type: Text, ZH: "事件编号", EN: "Incident ID", ID: true, Generic: true,
				Meaning:  "The provider's identifier of the incident or ticket.",
				Synonyms: []string{"编号", "序号", "工单号", "工单编号", "记录编号", "id", "no", "ticket", "ticket id", "incident id", "case no"}},
			{Name: "found_at", Type: DateTime, ZH: "发现时间", EN: "Found at", Checked: true,
				Meaning:  "When the incident was found or the complaint received.",
				Synonyms: []string{"发现日期", "发生时间", "发生日期", "接收时间", "接收日期", "收到时间", "收到日期", "受理时间", "受理日期", "登记时间", "时间", "found at", "found", "received at", "time", "date", "登记日期", "提交日期", "提交时间", "创建时间", "创建日期", "工单创建时间", "事发日期", "事发时间", "事件日期", "事件时间", "created at", "created", "creation date", "date received", "occurred at", "incident date", "event date"}},
			{Name: "category", Type: Enum, ZH: "事件类别", EN: "Category", Checked: true,
				Meaning:  "What kind of incident it is.",
				Synonyms: []string{"类别", "事件类型", "类型", "分类", "事件分类", "category", "type", "incident type", "风险类别", "风险类型", "问题类型", "问题分类", "事件性质", "工单类型", "工单分类", "risk type", "risk category", "issue type", "ticket type"},
				Terms: []Term{
					{Value: "illegal_content", ZH: "违法内容", EN: "illegal content", Synonyms: []string{"违法不良信息", "违法信息", "不良信息", "违规内容", "违法违规内容", "有害内容", "违法和不良信息", "违法不良内容", "违规信息", "违法违规信息", "有害信息", "法律、行政法规禁止的内容", "禁止内容", "illegal", "harmful content", "prohibited content", "illegal information"}},
					{Value: "user_illegal_activity", ZH: "用户违法活动", EN: "user illegal activity", Synonyms: []string{"用户违法", "违法使用", "用户违规", "违法违规使用", "使用者违法活动", "使用者利用服务从事违法活动", "使用者利用生成式人工智能服务从事违法活动", "利用生成式人工智能服务从事违法活动", "违法活动", "用户违法行为", "使用者违法行为", "使用者违法", "违法违规活动", "违规使用", "user illegal", "misuse", "illegal activity", "illegal use", "user misconduct"}},
					{Value: "complaint", ZH: "投诉举报", EN: "complaint or report", Synonyms: []string{"投诉", "举报", "用户投诉", "用户举报", "举报投诉", "公众投诉举报", "用户投诉举报", "投诉举报工单", "complaint", "report", "user complaint", "complaints and reports", "whistleblowing", "public complaint"}},
					{Value: "pi_request", ZH: "个人信息请求", EN: "personal-information request", Synonyms: []string{"个人信息权利请求", "个人信息查阅复制更正补充删除请求", "查阅复制更正删除", "删除请求", "个人信息",
						"个人信息查阅请求", "个人信息复制请求", "个人信息更正请求", "个人信息补充请求", "个人信息删除请求",
						"个人信息查阅申请", "个人信息复制申请", "个人信息更正申请", "个人信息补充申请", "个人信息删除申请",
						"查阅请求", "复制请求", "更正请求", "补充请求", "查阅个人信息", "复制个人信息", "更正个人信息", "补充个人信息", "删除个人信息",
						"个人信息权益请求", "个人权利请求", "个人信息主体请求", "数据主体请求", "个人信息请求", "个人信息相关请求",
						"pi request", "data subject request", "dsr", "access request", "deletion request", "correction request", "personal information request"}},
					{Value: "security_event", ZH: "安全事件", EN: "security event", Synonyms: []string{"网络安全事件", "数据安全事件", "安全", "信息安全事件", "安全事故", "网络安全", "数据安全", "security incident", "security", "cybersecurity incident", "data security incident"}},
					// Inquiries and suggestions: in a provider's ticket log beside the
					// categories the Measures regulate, and none of them, so the
					// checks of those categories pass them over. "其他" stays
					// unknown: it may be any of them.
					{Value: "inquiry", ZH: "咨询建议", EN: "inquiry or suggestion", Whole: true, Aside: true, Synonyms: []string{"咨询", "建议", "意见建议", "咨询类", "业务咨询", "使用咨询", "产品咨询", "产品建议", "功能建议", "用户建议", "咨询及建议", "inquiry", "enquiry", "suggestion", "inquiries and suggestions"}},
				}},
			{Name: "how_found", Type: Text, ZH: "发现方式", EN: "How found",
				Meaning:  "How the incident came to light (patrol, machine review, user report …).",
				Synonyms: []string{"发现途径", "来源", "线索来源", "how found", "source", "detected by", "受理渠道", "来源渠道", "渠道", "发现渠道", "反馈渠道", "线索渠道", "channel", "source channel", "intake channel"}},
			{Name: "description", Type: Text, ZH: "事件描述", EN: "Description", Checked: true,
				Meaning:  "What happened.",
				Synonyms: []string{"描述", "内容", "情况描述", "问题描述", "事件内容", "内容摘要", "事件摘要", "问题摘要", "description", "details", "summary", "问题详情", "详情", "事件详情", "问题说明", "事件经过", "情况说明", "内容描述", "投诉内容", "举报内容", "detail", "incident details", "issue description"}},
			{Name: "action", Type: EnumList, ZH: "处置措施", EN: "Action taken", Checked: true,
				Meaning:  "What the provider did (Art. 14).",
				Synonyms: []string{"处置方式", "处理措施", "处置", "处理方式", "处理结果", "action", "actions", "action taken", "measures", "处置结果", "处理情况", "处置情况", "采取措施", "measures taken", "handling", "disposal"},
				Terms: []Term{
					{Value: "stop_generation", ZH: "停止生成", EN: "stop generation", Synonyms: []string{"停止生成内容", "立即停止生成", "拦截生成", "中断生成", "阻断生成", "拒绝生成", "暂停生成", "中止生成", "拒答", "拦截", "stop generating", "generation stopped", "blocked generation"}},
					{Value: "stop_transmission", ZH: "停止传输", EN: "stop transmission", Synonyms: []string{"停止传播", "阻断传播", "阻断传输", "停止分发", "屏蔽", "stop transmitting", "transmission stopped", "blocked"}},
					{Value: "eliminate", ZH: "消除", EN: "eliminate", Synonyms: []string{"删除", "清除", "消除处置", "下架", "删除内容", "删除违法内容", "清理", "消除违法内容", "delete", "remove", "removed", "deleted", "eliminated", "content removed"}},
					{Value: "model_optimisation", ZH: "模型优化训练", EN: "model optimisation training", Synonyms: []string{"优化训练", "模型优化", "模型整改", "整改", "模型优化训练整改", "模型迭代", "安全对齐训练", "model optimization", "model retraining", "retrain", "model optimisation"}},
					{Value: "warn", ZH: "警示", EN: "warn", Synonyms: []string{"警告", "提醒", "警示提醒", "警示教育", "发送警示", "警告提醒", "warning", "warned", "user warned"}},
					{Value: "restrict", ZH: "限制功能", EN: "restrict", Synonyms: []string{"限制", "限制使用", "功能限制", "限制部分功能", "限制账号功能", "禁言", "限流", "restricted", "restriction", "restrict functions"}},
					{Value: "suspend", ZH: "暂停服务", EN: "suspend", Synonyms: []string{"暂停", "暂停提供服务", "暂停向其提供服务", "暂停账号", "冻结账号", "冻结", "暂停或者终止服务", "暂停或终止服务", "暂停或者终止向其提供服务", "suspended", "suspension", "suspend service"}},
					{Value: "terminate", ZH: "终止服务", EN: "terminate", Synonyms: []string{"终止", "终止提供服务", "终止向其提供服务", "封禁", "封号", "永久封禁", "注销账号", "terminated", "ban", "banned", "terminate service"}},
					{Value: "none", ZH: "未处置", EN: "none", Synonyms: []string{"无", "无需处置", "未处理", "不处理", "暂未处置", "暂不处置", "未采取措施", "未采取处置措施", "无措施", "无处置", "持续观察", "继续观察", "观察", "仅记录", "no action", "no action taken", "monitor only"}},
				}},
			{Name: "reported", Type: Bool, ZH: "是否报告主管部门", EN: "Reported to authority", Checked: true,
				Meaning:  "Whether the incident was reported to the competent authority (Art. 14).",
				Synonyms: []string{"已报告主管部门", "报告主管部门", "是否报告", "是否上报", "上报", "已上报", "是否报送", "已报送", "报送", "是否向主管部门报告", "reported", "reported to authority", "是否通报", "已通报", "reported to regulator", "authority notified"}},
			{Name: "reported_at", Type: DateTime, ZH: "报告时间", EN: "Reported at", Checked: true,
				Meaning:  "When it was reported to the authority.",
				Synonyms: []string{"上报时间", "报告日期", "上报日期", "报送时间", "报送日期", "reported on", "report time", "report date"}},
			{Name: "resolved_at", Type: DateTime, ZH: "办结时间", EN: "Resolved at", Checked: true,
				Meaning:  "When handling was finished.",
				Synonyms: []string{"处理完成时间", "完成时间", "解决时间", "结案时间", "处置完成时间", "办结日期", "resolved at", "resolved", "closed at", "closed", "结案日期", "关闭日期", "关闭时间", "完结日期", "完结时间", "完成日期", "closed on", "close date", "date closed", "completion date", "completed at", "resolution date"}},
			{Name: "feedback_given", Type: Bool, ZH: "是否反馈", EN: "Feedback given", Checked: true,
				Meaning:  "Whether the complainant was told the outcome (Art. 15).",
				Synonyms: []string{"已反馈", "反馈", "是否反馈处理结果", "反馈情况", "feedback", "feedback given", "replied", "是否回复用户", "是否回复", "是否答复", "答复情况", "回复情况", "是否告知用户", "是否告知", "replied to user", "user notified", "answered"}},
			notesField,
		},
	},
	keywordLibrarySpec,
	testQuestionSpec,
	testResultSpec,
	corpusCheckSpec,
}
