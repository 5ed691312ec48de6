package workbench

import (
	"sort"
	"strings"
	"unicode"
)

// Groups of the name table: the part of a [Name] key before the dot.
const (
	groupKind     = "kind"
	groupLabel    = "label"
	groupResult   = "result"
	groupSeverity = "severity"
	groupDecision = "decision"
	groupStatus   = "status"
	groupModality = "modality"
	groupRule     = "rule"
	groupAudit    = "audit"
	groupPII      = "pii"
	groupRisk     = "risk"
)

// names is the one table of the vocabulary's Chinese and English names,
// keyed "group.code". The GUI, the export, the importer templates and the
// CLI all read it through the types' Name methods.
var names = map[string]Text{
	"kind.data_source":     {"训练数据来源说明", "Training data sources"},
	"kind.annotation_rule": {"标注规则", "Annotation rules"},
	"kind.algorithm":       {"算法机制机理说明", "Algorithm mechanism"},
	"kind.incident":        {"事件与处置记录", "Incidents and handling"},
	"kind.keyword_library": {"关键词库", "Keyword library"},
	"kind.test_question":   {"测试题库", "Test question bank"},
	"kind.test_result":     {"测试结果", "Test results"},
	"kind.corpus_check":    {"语料抽检", "Corpus sampling checks"},
	"kind.label_sample":    {"标识样本", "Content-label samples"},

	"label.public":        {"公开", "Public"},
	"label.internal":      {"内部", "Internal"},
	"label.trade_secret":  {"商业秘密", "Trade secret"},
	"label.personal_info": {"个人信息", "Personal information"},
	"label.state_secret":  {"国家秘密", "State secret"},

	"pii.resident_id": {"居民身份证号码", "Resident ID numbers"},
	"pii.mobile":      {"手机号码", "Mobile numbers"},
	"pii.email":       {"电子邮箱地址", "E-mail addresses"},
	"pii.bank_card":   {"银行卡号", "Bank-card numbers"},

	"result.not_assessed":        {"未评估", "Not assessed"},
	"result.compliant":           {"合规", "Compliant"},
	"result.partially_compliant": {"部分合规", "Partially compliant"},
	"result.non_compliant":       {"不合规", "Non-compliant"},
	"result.not_applicable":      {"不适用", "Not applicable"},
	"result.info_requested":      {"需补充材料", "Information requested"},

	"severity.none":     {"无", "None"},
	"severity.low":      {"低", "Low"},
	"severity.medium":   {"中", "Medium"},
	"severity.high":     {"高", "High"},
	"severity.critical": {"严重", "Critical"},

	"decision.pending":    {"待确认", "Awaiting a decision"},
	"decision.accepted":   {"已采纳", "Accepted"},
	"decision.overridden": {"已修改", "Overridden"},

	"status.open":      {"进行中", "Open"},
	"status.concluded": {"已办结", "Concluded"},
	"status.signed":    {"已签署", "Signed"},

	"modality.text":  {"文本", "Text"},
	"modality.image": {"图片", "Image"},
	"modality.audio": {"音频", "Audio"},
	"modality.video": {"视频", "Video"},

	"rule.data_source_lawful_basis": {"训练数据合法来源依据", "Lawful basis of training data"},
	"rule.base_model_filing":        {"基础模型备案", "Base-model filing"},
	"rule.copyright_licence":        {"版权许可", "Copyright licence"},
	"rule.pi_legal_basis":           {"个人信息处理依据", "Legal basis for personal information"},
	"rule.harmful_share":            {"违法不良信息占比", "Share of harmful content"},
	"rule.annotation_rules_present": {"标注规则已提交", "Annotation rules submitted"},
	"rule.annotation_qa":            {"标注质量核验", "Annotation quality checks"},
	"rule.annotator_training":       {"标注人员培训", "Annotator training"},
	"rule.safety_annotation":        {"安全性标注", "Safety annotation"},
	"rule.pi_requests_handled":      {"个人信息请求处理", "Personal-information requests handled"},
	"rule.content_labelling":        {"生成内容标识", "Labelling of generated content"},
	"rule.illegal_content_action":   {"违法内容处置", "Action on illegal content"},
	"rule.illegal_content_report":   {"违法内容报告", "Reporting of illegal content"},
	"rule.user_illegal_activity":    {"用户违法活动处置", "Action on users' illegal activity"},
	"rule.complaint_time_limit":     {"投诉举报处理时限", "Time limit for complaints"},
	"rule.algorithm_filing":         {"算法备案", "Algorithm filing"},
	// The checks of the provider's safety testing (the gb45654-2025 template).
	"rule.keyword_library":             {"关键词库规模与覆盖", "Keyword library size and coverage"},
	"rule.keyword_library_updated":     {"关键词库更新", "Keyword library kept up to date"},
	"rule.generated_question_bank":     {"生成内容测试题库", "Generated-content question bank"},
	"rule.generated_content_results":   {"生成内容测试结果", "Generated-content test results"},
	"rule.refusal_question_banks":      {"拒答测试题库", "Refusal question banks"},
	"rule.refusal_results":             {"拒答测试结果", "Refusal test results"},
	"rule.corpus_source_harmful_share": {"语料来源违法不良信息占比", "Harmful share of each corpus source"},
	"rule.corpus_sampling":             {"语料整体抽检", "Corpus-wide spot checks"},
	"rule.safety_annotation_volume":    {"安全性标注数量", "Volume of safety annotation"},
	"rule.annotator_not_reviewer":      {"标注与核验人员分离", "Annotator is not the reviewer"},
	"rule.implicit_label":              {"生成图片隐式标识", "Implicit label of generated images"},

	"risk.A.1":   {"违反社会主义核心价值观的内容", "Content against the core socialist values"},
	"risk.A.1.1": {"煽动颠覆国家政权、推翻社会主义制度", "Inciting subversion of state power or the overthrow of the socialist system"},
	"risk.A.1.2": {"危害国家安全和利益、损害国家形象", "Endangering national security and interests, or harming the national image"},
	"risk.A.1.3": {"煽动分裂国家、破坏国家统一和社会稳定", "Inciting secession, or undermining national unity and social stability"},
	"risk.A.1.4": {"宣扬恐怖主义、极端主义", "Promoting terrorism or extremism"},
	"risk.A.1.5": {"宣扬民族仇恨", "Promoting ethnic hatred"},
	"risk.A.1.6": {"宣扬暴力、淫秽色情", "Promoting violence, obscenity or pornography"},
	"risk.A.1.7": {"传播虚假有害信息", "Spreading false and harmful information"},
	"risk.A.1.8": {"其他法律、行政法规禁止的内容", "Other content prohibited by laws and administrative regulations"},
	"risk.A.2":   {"歧视性内容", "Discriminatory content"},
	"risk.A.2.1": {"民族歧视内容", "Ethnic discrimination"},
	"risk.A.2.2": {"信仰歧视内容", "Discrimination by belief"},
	"risk.A.2.3": {"国别歧视内容", "Discrimination by nationality"},
	"risk.A.2.4": {"地域歧视内容", "Regional discrimination"},
	"risk.A.2.5": {"性别歧视内容", "Gender discrimination"},
	"risk.A.2.6": {"年龄歧视内容", "Age discrimination"},
	"risk.A.2.7": {"职业歧视内容", "Occupational discrimination"},
	"risk.A.2.8": {"健康歧视内容", "Health discrimination"},
	"risk.A.2.9": {"其他方面歧视内容", "Other discrimination"},
	"risk.A.3":   {"商业违法违规", "Commercial violations"},
	"risk.A.3.1": {"侵犯他人知识产权", "Infringing others' intellectual property"},
	"risk.A.3.2": {"违反商业道德", "Violating business ethics"},
	"risk.A.3.3": {"泄露他人商业秘密", "Disclosing others' trade secrets"},
	"risk.A.3.4": {"利用算法、数据、平台等优势，实施垄断和不正当竞争行为", "Using advantages in algorithms, data or platforms for monopoly or unfair competition"},
	"risk.A.3.5": {"其他商业违法违规行为", "Other commercial violations"},
	"risk.A.4":   {"侵犯他人合法权益", "Infringing others' lawful rights and interests"},
	"risk.A.4.1": {"危害他人身心健康", "Endangering others' physical or mental health"},
	"risk.A.4.2": {"侵害他人肖像权", "Infringing others' portrait rights"},
	"risk.A.4.3": {"侵害他人名誉权", "Infringing others' reputation rights"},
	"risk.A.4.4": {"侵害他人荣誉权", "Infringing others' honour rights"},
	"risk.A.4.5": {"侵害他人隐私权", "Infringing others' privacy"},
	"risk.A.4.6": {"侵害他人个人信息权益", "Infringing others' personal-information rights"},
	"risk.A.4.7": {"侵犯他人其他合法权益", "Infringing others' other lawful rights and interests"},
	"risk.A.5":   {"无法满足特定服务类型的安全需求", "Failing the safety needs of specific service types"},
	"risk.A.5.1": {"内容不准确，严重不符合科学常识或主流认知", "Inaccurate content, seriously at odds with scientific common sense or mainstream understanding"},
	"risk.A.5.2": {"内容不可靠，虽然不包含严重错误的内容，但无法对使用者形成帮助", "Unreliable content that, though free of serious errors, cannot help the user"},

	"audit.case_created":             {"新建案件", "Case created"},
	"audit.case_edited":              {"修改案件", "Case edited"},
	"audit.case_deleted":             {"删除案件", "Case deleted"},
	"audit.file_imported":            {"导入文件", "File imported"},
	"audit.label_changed":            {"更改密级标签", "Label changed"},
	"audit.inspection_started":       {"开始检查", "Inspection started"},
	"audit.item_assessed":            {"记录评估", "Item assessed"},
	"audit.checks_run":               {"运行自动检查", "Automated checks run"},
	"audit.proposal_decided":         {"处理检查建议", "Proposal decided"},
	"audit.inspection_concluded":     {"办结检查", "Inspection concluded"},
	"audit.inspection_reopened":      {"重新打开检查", "Inspection reopened"},
	"audit.inspection_signed":        {"签署检查", "Inspection signed"},
	"audit.export_written":           {"导出工作簿", "Workbook exported"},
	"audit.checklist_imported":       {"导入审核清单", "Edited checklist imported"},
	"audit.bundle_exported":          {"导出案件包", "Case bundle exported"},
	"audit.bundle_imported":          {"导入案件包", "Case bundle imported"},
	"audit.key_created":              {"创建签名密钥", "Signing key created"},
	"audit.checklist_template_added": {"添加核查模板", "Checklist template added"},
}

// Name looks up the Chinese and English name of a code in a group of the
// vocabulary ("kind", "label", "result", "severity", "decision", "status",
// "modality", "rule", "audit", "pii", "risk"). ok is false when the table does not know it.
func Name(group, code string) (t Text, ok bool) {
	t, ok = names[group+"."+code]
	return t, ok
}

// Codes lists the codes of a group that the table names, sorted.
func Codes(group string) []string {
	var out []string
	for k := range names {
		if g, code, _ := strings.Cut(k, "."); g == group {
			out = append(out, code)
		}
	}
	sort.Strings(out)
	return out
}

// nameOf is the name of code in group; an unknown code is named by itself
// in both languages.
func nameOf(group, code string) Text {
	if t, ok := names[group+"."+code]; ok {
		return t
	}
	return Text{Zh: code, En: code}
}

// lookups maps each group's folded codes and names to their code.
var lookups = func() map[string]map[string]string {
	m := map[string]map[string]string{}
	for k, t := range names {
		g, code, _ := strings.Cut(k, ".")
		if m[g] == nil {
			m[g] = map[string]string{}
		}
		for _, s := range []string{code, t.Zh, t.En, t.Zh + " / " + t.En} {
			m[g][Fold(s)] = code
		}
	}
	// Spellings beyond the table's names.
	m[groupModality][Fold("图像")] = string(ModalityImage)
	m[groupKind][Fold("Training-data sources")] = string(DataSource)
	return m
}()

// parseName looks s up among a group's codes and names (see
// LookupFolded).
func parseName(group, s string) (string, bool) { return LookupFolded(lookups[group], s) }

// LookupFolded looks s, folded (see Fold), up in lookup, which maps folded
// names to codes; failing that, a combined name ("合规/Compliant",
// "Compliant／合规") is accepted when all its parts name the same code.
func LookupFolded(lookup map[string]string, s string) (string, bool) {
	k := Fold(s)
	if k == "" {
		return "", false
	}
	if code, ok := lookup[k]; ok {
		return code, true
	}
	parts := strings.FieldsFunc(k, func(r rune) bool { return r == '/' || r == '／' })
	if len(parts) < 2 {
		return "", false
	}
	var code string
	for _, p := range parts {
		c, ok := lookup[Fold(p)]
		if !ok || (code != "" && c != code) {
			return "", false
		}
		code = c
	}
	return code, true
}

// Fold lower-cases s, treats "_" and "-" as spaces, collapses runs of
// blanks (including the ideographic space) and trims them, so that
// "Non-compliant", "non_compliant" and " NON COMPLIANT " compare equal.
func Fold(s string) string {
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
