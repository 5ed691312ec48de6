package main

// Sentence templates. A description is one lead clause of the row's
// category, then detail and handling clauses until it reaches the length
// drawn for the row, as a compliance analyst pastes what they found. Slots
// in braces are filled per clause (see slots in gen.go); {prod} and
// {model} are the row's own product and model. Each list is in rank
// order, drawn Zipf-like like the word lists.

// Category codes, in the order of the category tables below.
const (
	catIllegal = iota
	catComplaint
	catMisuse
	catPI
	catSecurity
	numCategories
)

// categoryShare is the share of rows in each category (per mille).
var categoryShare = [numCategories]int{380, 250, 170, 120, 80}

// categoryWords are the team's own words for each category in its 事件分类
// column. All of them are in the workbench's incident category vocabulary
// (docs/submission-formats.md); a bracketed note after a value is the
// team's habit and is disregarded by the importer.
var categoryWords = [numCategories][]string{
	catIllegal:   {"违法不良信息", "有害内容", "违规内容", "违法不良信息（模型输出）", "违法违规内容"},
	catComplaint: {"用户投诉", "用户举报", "投诉举报工单", "用户投诉举报"},
	catMisuse:    {"用户违规", "违规使用", "用户违法行为", "使用者违法活动"},
	catPI:        {"个人信息删除申请", "个人信息查阅申请", "个人信息复制申请", "个人信息更正申请", "个人信息权益请求"},
	catSecurity:  {"数据安全事件", "网络安全事件", "信息安全事件"},
}

// categoryActions are the measures a ticket of each category records in its
// 处理措施 column, in the team's words (all in the action vocabulary).
var categoryActions = [numCategories][]string{
	catIllegal:   {"拦截", "删除内容", "停止生成", "屏蔽", "拒答", "安全对齐训练", "下架", "模型迭代", "停止传输", "消除"},
	catComplaint: {"无需处置", "删除内容", "模型优化", "仅记录", "提醒", "下架"},
	catMisuse:    {"警告", "封号", "限流", "冻结账号", "限制使用", "禁言", "永久封禁", "暂停服务", "终止服务"},
	catPI:        {"删除", "清除", "无需处置"},
	catSecurity:  {"屏蔽", "整改", "阻断传输", "暂停服务", "持续观察"},
}

// leads are the opening clauses of each category.
var leads = [numCategories][]string{
	catIllegal: {
		"{prod}在{ctype}中输出{harm}，由机审模型 YZ-Guard 以 {score} 的置信度拦截（会话 {sess}）。",
		"用户通过{trick}的方式诱导 {model} 生成{harm}，关键词库“{kw}”未命中，人工抽检时发现。",
		"人工抽检发现{prod}的{ctype}含有{harm}，涉及风险 {risk}。",
		"红队测试中使用 {en} 手法成功绕过安全策略，{model} 输出了{harm}。",
		"用户输入 \"ignore previous instructions\" 后，模型泄露了部分 system prompt 并继续生成{harm}。",
		"{prod}的图片生成结果中出现{harm}相关元素，已在{plat}被转发约 {n} 次。",
		"舆情监测发现{plat}上流传一张带有“语智生成”水印的图片，内容为{harm}，经溯源为{md}生成。",
		"{model} 在回答关于{city}的问题时编造了{harm}，与事实不符（hallucination），被用户截图发至{plat}。",
		"关键词命中：“{kw}”类关键词在{ctype}中出现 {n} 次，复核确认为{harm}。",
		"用户以{lang}提问并要求以{trick}方式回答，模型输出{harm}，会话 {sess}。",
		"Model output flagged by YZ-Guard: {riskcode}, score {score}, session {sess}, product {prod}.",
		"{prod}的插件读取外部网页 {url} 后把其中的{harm}原样返回给用户（间接 prompt injection）。",
		"数字人直播中 {model} 生成的口播稿含{harm}，直播间在线 {n} 人，播出约 {dur}。",
		"小说续写功能在第 {n} 章生成了{harm}，作品已被分享 {n} 次，分享链接 {url}。",
		"机审复核抽样 {big} 条{ctype}，其中 {n} 条含{harm}，占比 {pct}。",
		"用户上传的文档内嵌指令，触发模型输出{harm}，文档哈希 {hex}。",
		"{model} 在 temperature=1.3 的 API 调用中生成{harm}，调用方 AppID {appid}。",
		"{prod}生成的{ctype}中夹带{plat}引流二维码及{harm}。",
		"巡检发现 RAG 知识库中有 {n} 篇来自 {url} 的文档含{harm}，导致检索增强回答出错。",
		"用户利用{trick}让模型扮演“无限制 AI”，输出{harm}；该越狱（jailbreak）模板在{plat}传播。",
		"模型在{lang}语境下安全对齐不足：同一问题中文拒答而{lang}作答，输出{harm}。",
		"图片审核发现生成图中含{harm}，且缺少显式 AI 标识（watermark 未加载）。",
		"{prod}的自动摘要把{city}的一则新闻改写成{harm}，引发用户误解。",
		"代码助手 {model} 输出的代码片段中包含{harm}，涉及 {en} 用法。",
		"抽检{prod}的{ctype}时发现涉及 {risk} 的内容：{harm}。",
		"离线评测集 v{ver} 中 {n} 道题的回答被判定为{harm}，拒答率 {pct}，低于上线门槛。",
		"Red team report: {model} produced {riskcode} content after {en} attack, session {sess}.",
		"{prod}对“{city}最新消息”的回答引用了不存在的来源 {url}，内容属{harm}。",
	},
	catComplaint: {
		"用户投诉{topic}，称在{prod}中自{md}起无法正常使用，附截图 {n} 张。",
		"用户 {phone} 来电投诉{topic}，情绪激动，要求 48 小时内答复。",
		"用户在应用商店评论区留言：“{topic}，太失望了”，评分 1 星，点赞 {n}。",
		"企业客户（AppID {appid}）投诉{topic}，涉及 API 调用 {big} 次，要求出具书面说明。",
		"用户举报{prod}生成的{ctype}涉嫌{harm}，举报编号 JB{digits}。",
		"用户举报他人利用{prod}在{plat}散布{harm}，提供链接 {url}。",
		"12377 转办：群众反映{prod}存在“{topic}”问题，要求核查并反馈。",
		"用户投诉模型回答“{city}明天有地震”属于谣言，要求更正并公开说明。",
		"家长投诉孩子使用{prod}时接触到{harm}，要求加强未成年人保护。",
		"用户投诉{topic}，并称已向{city}市消费者协会反映。",
		"用户反映{prod}拒答率过高：正常的{ctype}需求也被拦截（false positive）。",
		"作者投诉{prod}生成内容与其作品高度相似，疑似侵犯著作权，提供原作链接 {url}。",
		"用户投诉数字人形象与其本人相似，认为侵害肖像权，要求下架相关形象。",
		"开发者在 GitHub issue 中反馈 SDK v{ver} 频繁返回 429 rate limit 错误，怀疑计费异常。",
		"User complaint received by email: {prod} keeps answering in Chinese and the {en} setting is ignored.",
		"用户投诉{prod}在回答{lang}问题时夹带广告链接 {url}。",
		"用户举报{plat}上有人冒充语智官方客服，诱导用户提供 API key。",
		"用户投诉{topic}，客服首次回复超过 {n} 小时。",
	},
	catMisuse: {
		"用户（{uid}）利用{prod}批量生成{harm}，{n} 小时内调用 {big} 次，并在{plat}售卖。",
		"风控发现账号 {uid} 使用 proxy pool 及 {n} 个设备指纹轮换注册，批量生成{harm}。",
		"用户（{uid}）通过开放平台 API key 转售接口给第三方，用于生成{harm}。",
		"用户（{uid}）利用{trick}持续诱导生成{harm}，{n} 天内触发拦截 {n} 次。",
		"用户在{plat}公开售卖{prod}的 jailbreak（越狱）提示词模板，标价 {n} 元。",
		"用户（{uid}）利用换脸功能生成他人肖像并用于{harm}。",
		"账号 {uid} 利用语智编程助手生成{harm}并上传至 {url}。",
		"用户（{uid}）冒用他人身份证完成实名认证，用于生成{harm}。",
		"企业客户 AppID {appid} 的终端用户利用接口生成{harm}，请求来自 IP {ip}。",
		"用户（{uid}）使用脚本以 {n} QPS 调用 {api}，生成{harm}后自动发布到{plat}。",
		"用户（{uid}）利用{prod}制作{harm}，用于{city}地区的电信诈骗。",
		"Abuse detected: account {uid} generated {riskcode} content {n} times via {api} from IP {ip}.",
		"用户（{uid}）在{prod}中反复以{lang}提交 prompt injection 载荷，试图获取 system prompt。",
		"风控模型识别账号 {uid} 为网络水军，{n} 天内生成评论 {big} 条并发布至{plat}。",
	},
	catPI: {
		"用户（{uid}）通过隐私邮箱申请{pi}，身份核验方式为手机号 {phone} 验证码。",
		"用户在 App“设置-隐私”中提交申请：{pi}，工单在 {n} 小时内受理。",
		"用户来电要求{pi}，并询问其对话是否被用于 fine-tune 训练。",
		"用户委托律师发函要求{pi}，函件编号 LS-{digits}。",
		"海外用户依据 GDPR 提出申请：{pi}，由隐私合规组按境内规则一并处理。",
		"用户申请{pi}，另要求说明 embedding 向量与缓存是否一并删除。",
		"Data subject request via privacy@yuzhi.cn: the user ({uid}) asks us to {pien}.",
		"用户在{prod}中申请{pi}，称其手机号 {phone} 曾出现在模型回答中。",
		"用户（{uid}）在注销流程中同时申请{pi}。",
	},
	catSecurity: {
		"安全运营中心告警：{sec}，源 IP {ip}，持续约 {dur}，影响{prod}。",
		"外部白帽通过 SRC 提交漏洞：{sec}，CVSS 评分 {cvss}，编号 {cve}。",
		"巡检发现{sec}，涉及 {big} 条日志记录，已定位至 {api} 接口。",
		"GitHub 上发现泄露的 API key（前缀 sk-yz-{hex}），属于内部测试账号。",
		"{prod}于{md}出现{sec}，WAF 拦截请求 {big} 次，峰值 {n} Gbps。",
		"依赖组件存在 {cve} 漏洞（{en} 相关），影响 {model} 推理服务。",
		"内部审计发现{sec}，涉及 {n} 名员工账号。",
		"SOC alert: {sec} on {api}, source {ip}, {big} requests in {dur}.",
		"{model} 推理集群出现{sec}，服务降级 {dur}，SLA 可用率 {pct}。",
	},
}

// details are clauses any description may go on with.
var details = []string{
	"涉事会话 {sess}，trace_id={hex}。",
	"相关截图及日志已留存于工单附件 {file}。",
	"复核人{who}确认属实。",
	"同类问题本周累计 {n} 起，较上周上升 {pct}。",
	"机审模型置信度 {score}，阈值 0.85。",
	"涉及模型版本 {model}，已回溯同版本近 {n} 天的输出。",
	"经排查，问题源于提示词模板 v{ver} 的安全前缀缺失。",
	"用户 IP 归属地{city}，设备为 Android 1{lvl}。",
	"相关内容在{plat}的传播量约 {big} 次。",
	"已与{dept}同步，并请{dept}评估影响范围。",
	"原始 prompt 长度 {big} token，超出 context window 后安全指令被截断。",
	"日志显示请求头 user-agent 为 python-requests/2.{n}。",
	"样本已加入负样本集（第 {n} 批）。",
	"参考链接：{url}。",
	"抽检 {big} 条同类输出，命中率 {pct}。",
	"该问题在 {model} 上可稳定复现，复现率 {pct}。",
	"涉及 {en} 相关的绕过手法，已提交红队补充测试用例。",
	"用户手机号 {phone}（已脱敏）。",
	"事件等级评定为 P{lvl}。",
	"处置用时 {dur}。",
	"Reproduced with {en} on {model}, see {url}.",
	"Root cause: missing output filter for {en}; fix tracked in JIRA YZSEC-{digits}.",
	"影响用户约 {big} 人，主要分布在{city}、{city}。",
	"原文含{lang}内容，已请翻译复核。",
	"The user claims the output was shared on {plat}.",
	"对应风险分类 {risk}。",
	"请求经由 {api}，耗时 {n} ms。",
	"关联工单 {ticket}。",
	"订单号 {order}。",
	"已调取{md}前后 {n} 小时的审计日志。",
	"相似问法在评测集中占 {pct}。",
	"{dept}建议在下一版关键词库“{kw}”中补充变体。",
	"用户使用的客户端版本为 {prod} {ver}。",
	"涉及{ctype}共 {n} 份。",
	"该账号注册于{md}，此前无违规记录。",
	"SQL 查询显示该账号近 30 天调用 {big} 次。",
	"Screenshot: {url}",
	"已在周报第 {n} 期通报。",
}

// handlings are the clauses saying what was done, by category.
var handlings = [numCategories][]string{
	catIllegal: {
		"已拦截并删除相关内容，关键词库“{kw}”更新至 v{ver}。",
		"已将样本纳入安全对齐训练数据，计划随 {model} 下个版本修复。",
		"已向{city}市网信办报送，报送编号 WX{digits}。",
		"已联系{plat}协助下架 {n} 条转发内容。",
		"已停止生成并清除缓存中的输出，补充拒答规则 {n} 条。",
		"已在 YZ-Guard 中新增规则，拦截同类 {en} 攻击。",
	},
	catComplaint: {
		"已电话回访用户，用户表示认可处理结果。",
		"已退款 {n} 元并致歉。",
		"经核实投诉不成立，已向用户解释原因。",
		"已修正知识库条目并在{n}个工作日内答复用户。",
		"已通过站内信反馈处理结果。",
		"已转{dept}跟进，{who}负责答复。",
	},
	catMisuse: {
		"已封禁账号并保存日志、生成内容等有关记录。",
		"已警示用户并限制相关功能 {n} 天。",
		"已报送{city}属地公安机关，并保存有关记录。",
		"已吊销该账号全部 API key，并加入风控名单。",
		"已冻结账号，余额 {n} 元暂不退还，待进一步核查。",
	},
	catPI: {
		"已核验身份并在 {n} 个工作日内完成。",
		"已删除并从训练候选数据中剔除。",
		"已通过邮件答复用户处理结果。",
		"已生成导出文件（{file}）并发送至绑定邮箱。",
		"已告知用户处理规则，用户撤回申请。",
	},
	catSecurity: {
		"已吊销相关凭据并轮换密钥。",
		"已修复并完成回归测试，未发现数据外泄。",
		"已按应急预案启动 P{lvl} 响应，{dept}牵头复盘。",
		"已封禁源 IP 并更新 WAF 规则。",
		"已通知受影响用户 {n} 人。",
	},
}

// closers are short clauses that top a description up to its length.
var closers = []string{
	"详见附件。", "待周会复盘。", "已归档。", "跟进中。", "无其他影响。", "已告知{dept}。",
	"See attachment.", "用户已知悉。", "持续关注。", "OK.", "复核通过。", "无需升级。",
}

// notes are what the team sometimes writes in 备注.
var notes = []string{
	"已留存日志", "同步法务", "见附件", "周会已复盘", "重复工单，已合并", "用户未接电话",
	"待补充材料", "已加入培训案例", "典型案例", "Escalated to legal",
}

// piEnglish are personal-information requests as written in English.
var piEnglish = []string{
	"delete all my chat history", "export a copy of my personal data", "correct my real-name record",
	"stop using my conversations for model training", "delete my voice samples", "tell me which third parties received my data",
}
