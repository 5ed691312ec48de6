package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// The sample provider and its service (fictional).
const (
	providerName    = "星河智算科技有限公司"
	providerCode    = "91110108MA7XH2TQ5E" // 统一社会信用代码
	serviceName     = "星河对话 Xinghe Chat"
	filingNo        = "Beijing-XingheChat-20240315"
	baseModel       = "星河基座大模型 XH-Base v2"
	baseModelFiling = "Beijing-XingheBase-20231120"
)

// member is one key of a JSON object whose keys keep their order; the value
// is a string or an ordered object ([]member).
type member struct {
	key   string
	value any
}

// algorithmFacts are the key facts of algorithm.json, in the order written.
// Keys are the spec's Chinese labels; a few extra keys are kept by the
// importer as extra attributes. 安全机制 is nested (the importer flattens it
// to 安全机制.…). The file is clean.
var algorithmFacts = []member{
	{"服务提供者", providerName},
	{"统一社会信用代码", providerCode},
	{"服务名称", serviceName},
	{"模型名称", "星河对话大模型"},
	{"模型版本", "v3.1"},
	{"基础模型", baseModel},
	{"基础模型备案号", baseModelFiling},
	{"模型架构", "文本生成：基于Transformer的仅解码器结构；图像生成：潜在扩散模型"},
	{"参数量", "700亿"},
	{"训练方法", "在基础模型上进行有监督微调（SFT）和基于人类反馈的强化学习（RLHF）；图像生成模块以授权及开源图文数据训练"},
	{"安全机制", []member{
		{"训练数据过滤", "训练数据入库前经关键词、分类模型和人工抽检三级过滤"},
		{"输入审核", "对用户输入进行违法不良信息识别，命中即拒绝生成并提示"},
		{"输出审核", "生成文本和图片经机器审核，违规内容停止生成、停止传输并消除"},
		{"拒答与引导", "对诱导生成违法内容的请求拒答并给出正向引导"},
		{"未成年人保护", "提供青少年模式，限制使用时长和功能"},
		{"Red teaming", "Quarterly red-team exercises on text and image generation"},
	}},
	{"生成内容类型", "文本、图片"},
	{"生成内容标识", "依照《互联网信息服务深度合成管理规定》，生成图片添加“AI生成”显式水印和隐式数字水印，并在文件元数据中写入生成标识；对话界面对生成文本作出提示"},
	{"算法备案号", filingNo},
	{"是否具有舆论属性或社会动员能力", "是"},
	{"是否开展安全评估", "是"},
	{"安全评估完成日期", "2024-02-28"},
	{"投诉处理时限", "15个工作日"},
	{"投诉举报入口", "应用内“我的—帮助与反馈—投诉举报”及官网投诉页面"},
	{"备注", "本说明依据2025年6月线上版本填写。An English model card is available on request."},
}

// buildAlgorithm writes algorithm.json: one object, two-space indents, keys
// in the order of algorithmFacts, UTF-8, a final newline.
func buildAlgorithm() ([]byte, error) {
	var b bytes.Buffer
	if err := writeObject(&b, algorithmFacts, 0); err != nil {
		return nil, fmt.Errorf("algorithm.json: %w", err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// writeObject writes members as an indented JSON object.
func writeObject(b *bytes.Buffer, members []member, depth int) error {
	indent := strings.Repeat("  ", depth+1)
	b.WriteString("{\n")
	for i, m := range members {
		b.WriteString(indent)
		if err := writeJSONString(b, m.key); err != nil {
			return err
		}
		b.WriteString(": ")
		switch v := m.value.(type) {
		case string:
			if err := writeJSONString(b, v); err != nil {
				return err
			}
		case []member:
			if err := writeObject(b, v, depth+1); err != nil {
				return err
			}
		default:
			return fmt.Errorf("key %q: unsupported value %T", m.key, v)
		}
		if i < len(members)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(strings.Repeat("  ", depth) + "}")
	return nil
}

// writeJSONString writes s as a JSON string, leaving HTML characters and
// non-ASCII text as they are.
func writeJSONString(b *bytes.Buffer, s string) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return fmt.Errorf("encoding %q: %w", s, err)
	}
	b.Truncate(b.Len() - 1) // Encode ends with a newline
	return nil
}
