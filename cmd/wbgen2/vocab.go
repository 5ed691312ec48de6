package main

// The word lists the generator draws from. Each list is in rank order: the
// first entry is the most frequent, and the rest follow a Zipf-like law
// (weight 1/(rank+1)^s), so a few words are everywhere and most are rare —
// the shape a real incident log has. The lists belong to one fictional
// provider, 杭州云栖语智科技有限公司, whose services all carry the brand 语智
// (YuZhi); none of them is taken from, or meant to match, cmd/wbgen.

// products are the provider's services; a row names one in its 所属产品
// column and its description often repeats it.
var products = []string{
	"语智助手App", "语智开放平台API", "语智写作", "语智绘图", "语智客服机器人",
	"语智编程助手", "语智翻译", "语智会议纪要", "语智搜索", "语智教育版",
	"语智小程序", "语智企业版", "语智浏览器插件", "语智输入法", "语智车载助手",
	"语智数字人直播", "语智PPT生成", "语智法律咨询", "语智健康问答", "语智海外版YuZhi Global",
	"语智语音助手", "语智视频脚本", "语智简历优化", "语智电商文案", "语智小说续写",
	"语智政务问答试点", "语智儿童故事", "语智图片修复", "语智代码审查Bot", "语智知识库RAG",
}

// models are the models behind the services, with the version as the team
// writes it in the 涉及模型 column.
var models = []string{
	"YuZhi-72B-Chat v3.2", "YuZhi-14B-Instruct v2.8", "YZ-VL-34B v1.5", "YuZhi-Turbo 2024-06",
	"YZ-Coder-33B v2.1", "YuZhi-7B-Chat v3.0", "YZ-Draw-XL v4.0", "YuZhi-MoE-A22B v1.0",
	"YZ-Audio-2 v2.0", "YuZhi-72B-Chat v3.1", "YZ-Embed-1.5", "YuZhi-Lite-1.8B v1.2",
	"YZ-Reranker v1", "YZ-Video-Gen beta", "YuZhi-Turbo 2025-01", "YZ-Guard-7B v2（安全分类模型）",
}

// cities appear in rumours, false-news cases and report destinations.
var cities = []string{
	"杭州", "上海", "北京", "深圳", "广州", "成都", "武汉", "南京", "西安", "重庆",
	"苏州", "天津", "长沙", "郑州", "青岛", "合肥", "宁波", "厦门", "昆明", "沈阳",
	"济南", "福州", "南昌", "哈尔滨", "石家庄", "南宁", "贵阳", "兰州", "太原", "乌鲁木齐",
	"温州", "东莞", "佛山", "无锡", "常州", "绍兴", "嘉兴", "金华", "台州", "湖州",
}

// platforms are third-party places where generated content was spread or
// misuse was advertised.
var platforms = []string{
	"微博", "抖音", "小红书", "微信群", "知乎", "B站", "QQ群", "快手", "贴吧", "闲鱼",
	"Telegram 群组", "GitHub 仓库", "淘宝店铺", "拼多多店铺", "豆瓣小组", "视频号", "Discord 频道", "X (Twitter)",
	"Reddit", "百家号",
}

// enTerms are the English terms the team leaves untranslated.
var enTerms = []string{
	"prompt injection", "jailbreak", "API key", "system prompt", "role-play", "token",
	"rate limit", "DAN 模式", "SQL", "RAG", "fine-tune", "base64", "LoRA", "embedding",
	"webhook", "OCR", "access token", "OAuth", "SSRF", "XSS", "S3 bucket", "CDN", "WAF",
	"DDoS", "Unicode 同形字", "zero-width 字符", "markdown 渲染", "function calling", "plugin",
	"agent", "few-shot", "temperature", "top_p", "context window", "hallucination", "watermark",
	"C2PA", "SDK", "CAPTCHA", "proxy pool", "user-agent", "cookie", "session replay",
}

// harms are what a harmful output or a misuse produced.
var harms = []string{
	"虚假新闻稿", "赌博推广话术", "色情擦边文案", "诈骗话术脚本", "仿冒政府公文", "毒品合成步骤",
	"枪支改装教程", "极端主义宣传口号", "地域歧视段子", "歪曲历史的文章", "虚假医疗广告", "非法集资宣传材料",
	"代开发票广告", "刷单引流文案", "洗钱操作指南", "考试作弊答案", "伪造证件模板", "人肉搜索结果",
	"恶意代码", "钓鱼邮件模板", "冒充客服的退款话术", "虚假招聘信息", "辱骂他人的评论", "侵权盗版小说章节",
	"他人肖像的换脸图片", "未成年人不宜内容", "自残自杀方法", "虚假地震预警", "假冒名人代言广告", "贬损英烈的内容",
	"性别歧视招聘文案", "宗教极端言论", "非法放贷催收话术", "网络水军评论", "黑客攻击教程", "翻墙工具推广",
	"传销拉人头话术", "野生动物交易信息", "虚假股票荐股内容", "伪造的法院判决书",
}

// tricks are how users tried to get round the safeguards.
var tricks = []string{
	"角色扮演", "多轮对话逐步诱导", "拆分敏感词", "拼音替代", "谐音字替换", "繁体字",
	"外语翻译绕过", "base64 编码", "虚构小说情节", "“奶奶讲故事”模板", "代码注释夹带", "图片内嵌文字",
	"长文本稀释", "假设场景提问", "开发者模式指令", "Markdown 表格拼接", "emoji 替代关键字", "反向提问",
	"学术研究名义", "“忽略以上指令”", "插件返回值注入", "上传文档内嵌指令", "方言转写", "藏头诗",
}

// contentTypes are the kinds of output a description talks about.
var contentTypes = []string{
	"文本回答", "生成图片", "代码片段", "摘要", "翻译结果", "海报", "视频脚本", "语音回复",
	"表格", "PPT 大纲", "商品文案", "小说章节", "邮件草稿", "会议纪要", "简历", "歌词",
}

// risks are the TC260-003 Appendix A risks, written the way the team
// records them in its 风险细类 column (code and name).
var risks = []string{
	"A.1.7 传播虚假有害信息", "A.1.6 宣扬暴力、淫秽色情", "A.4.5 侵害他人隐私权", "A.1.8 其他法律、行政法规禁止的内容",
	"A.3.1 侵犯他人知识产权", "A.4.6 侵害他人个人信息权益", "A.2.4 地域歧视内容", "A.1.2 危害国家安全和利益、损害国家形象",
	"A.4.3 侵害他人名誉权", "A.5.1 内容不准确，严重不符合科学常识或主流认知", "A.2.5 性别歧视内容", "A.1.4 宣扬恐怖主义、极端主义",
	"A.4.2 侵害他人肖像权", "A.3.2 违反商业道德", "A.1.5 宣扬民族仇恨", "A.4.1 危害他人身心健康",
	"A.2.1 民族歧视内容", "A.1.3 煽动分裂国家、破坏国家统一和社会稳定", "A.2.2 信仰歧视内容", "A.3.3 泄露他人商业秘密",
	"A.2.6 年龄歧视内容", "A.2.7 职业歧视内容", "A.2.8 健康歧视内容", "A.4.4 侵害他人荣誉权",
	"A.1.1 煽动颠覆国家政权、推翻社会主义制度", "A.2.3 国别歧视内容", "A.3.4 利用算法、数据、平台等优势，实施垄断和不正当竞争行为",
	"A.5.2 内容不可靠，无法对使用者形成帮助", "A.2.9 其他方面歧视内容", "A.3.5 其他商业违法违规行为", "A.4.7 侵犯他人其他合法权益",
}

// complaintTopics are what users complain about.
var complaintTopics = []string{
	"账号被误封", "生成内容事实错误", "会员自动续费未提醒", "回答中出现广告", "图片生成结果涉嫌抄袭",
	"客服响应太慢", "生成内容冒犯用户", "无法注销账号", "未成年人模式无法关闭", "积分被异常扣除",
	"翻译结果歪曲原意", "生成的代码含后门", "语音识别把方言识别错", "对话记录丢失", "隐私政策看不懂",
	"拒答过多影响正常使用", "AI 标识不明显", "数字人形象与真人相似", "退款申请被拒", "API 计费与账单不符",
	"生成的法律意见有误", "健康问答建议不当", "开发票流程繁琐", "被推荐了不相关的付费功能",
}

// piRequests are the personal-information requests users make (Art. 11).
var piRequests = []string{
	"删除全部历史对话记录", "注销账号并删除个人信息", "导出个人数据副本", "查阅平台收集的个人信息清单",
	"更正实名认证信息", "撤回个人信息用于模型训练的同意", "删除上传的身份证照片", "复制其生成的全部图片",
	"补充完善紧急联系人信息", "关闭个性化推荐", "删除声纹样本", "删除人脸识别数据",
	"说明个人信息处理规则", "查询第三方共享清单",
}

// securityEvents are the security incidents the SOC records.
var securityEvents = []string{
	"API key 泄露", "撞库登录", "SQL 注入尝试", "越权访问他人对话", "DDoS 攻击", "恶意爬虫批量调用",
	"第三方依赖漏洞", "对象存储配置错误", "TLS 证书过期", "内部账号异常登录", "日志中明文记录手机号",
	"模型权重文件异常访问", "训练数据集误公开", "供应链投毒告警", "短信验证码被刷", "管理后台弱口令",
}

// depts are the teams a case is handed between.
var depts = []string{
	"内容安全组", "风控中心", "法务部", "隐私合规组", "安全运营中心（SOC）", "模型安全团队",
	"客服中心", "红队", "算法策略组", "数据治理组", "公共关系部", "运维值班",
}

// handlers are the people who close tickets (处理人 column).
var handlers = []string{
	"王婧", "陈立", "李思远", "张萌", "刘畅", "周子涵", "吴昊", "赵一鸣", "孙悦", "郑凯",
	"黄晓雯", "林峰", "何佳", "高翔", "罗敏", "梁宇", "宋佳琪", "谢斌", "韩雪", "唐磊",
	"冯倩", "许可", "邓超然", "曹颖", "彭博", "曾慧", "萧然", "田甜", "董洁", "袁野",
	"潘婷", "蒋涛", "蔡文静", "余航", "杜若", "叶青", "程远", "魏来", "苏航", "吕思",
}

// domains build the URLs pasted into descriptions.
var domains = []string{
	"m.yuzhi.cn", "open.yuzhi.cn", "share.yuzhi.cn", "pan.example-cloud.cn", "t.cn",
	"www.example-news.com", "mp.example-wx.com", "github.com", "bbs.example-forum.net", "img.yuzhi-cdn.cn",
	"docs.yuzhi.cn", "shop.example-mall.cn",
}

// channels are the 线索来源 values: how the case came in.
var channels = []string{
	"机审模型拦截", "关键词命中", "人工抽检", "用户举报（App内）", "客服热线 400", "12377 转办",
	"安全运营中心告警", "红队测试", "舆情监测", "隐私邮箱 privacy@yuzhi.cn", "应用商店评论", "合作方通报",
	"漏洞奖励计划 SRC", "网信部门转办", "内部员工反馈",
}

// statuses are the 工单状态 values; the first two are closed tickets.
var statuses = []string{"已办结", "已关闭", "处理中", "待复核", "已转法务", "挂起"}

// languages are the languages a prompt was written in.
var languages = []string{"英文", "日文", "粤语", "韩语", "俄语", "法语", "阿拉伯语", "西班牙语", "德语", "越南语"}

// apiPaths are endpoints of the open platform.
var apiPaths = []string{
	"/v1/chat/completions", "/v1/images/generations", "/v1/embeddings", "/v2/agents/run",
	"/v1/audio/speech", "/v1/files", "/v1/moderations", "/v1/fine_tuning/jobs",
}

// keywordLibs name the keyword library version a hit came from.
var keywordLibs = []string{"涉政", "涉黄", "涉赌", "涉毒", "涉恐", "诈骗", "歧视", "侵权", "隐私", "广告法"}
