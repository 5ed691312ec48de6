package checklist

import (
	"fmt"
	"github.com/inspection-workbench/workbench"
	"math"
	"strconv"
)

// ParamType is the type of an automated check's parameter.
type ParamType string

// The parameter types.
const (
	ParamNumber  ParamType = "number"  // a real number (YAML int or float), held as float64
	ParamInteger ParamType = "integer" // a whole number, held as int
	ParamString  ParamType = "string"  // a text, held as string
)

// ParamSpec describes one parameter of an automated check.
type ParamSpec struct {
	// Name is the parameter's key under params in a template.
	Name string
	// Type is the parameter's type.
	Type ParamType
	// Min and Max bound number and integer parameters, both inclusive;
	// ±Inf when open.
	Min, Max float64
	// Default is the value used when a template leaves the parameter out:
	// float64, int or string, after Type.
	Default any
	// Doc says what the parameter means, in English.
	Doc string
	// Source says where the default comes from: a clause of a standard,
	// or, where no standard gives a number, that the inspector sets it.
	Source Text
}

// SetByInspector is the source of a parameter no standard or provision
// gives a number for.
var SetByInspector = Text{Zh: "由检查人员设定（无标准给出数值）", En: "set by the inspector (no standard gives a figure)"}

// SetByTemplate is the source of a parameter a template sets to a value of
// its own without saying where it comes from.
var SetByTemplate = Text{Zh: "检查模板设定，未注明依据", En: "set in the checklist template; no source given"}

// RangeText writes the parameter's range as it appears in messages and
// documentation: "0 to 1", "at least 1"; "" for string parameters.
func (p ParamSpec) RangeText() string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	switch {
	case p.Type == ParamString:
		return ""
	case math.IsInf(p.Min, -1) && math.IsInf(p.Max, 1):
		return "any value"
	case math.IsInf(p.Max, 1):
		return "at least " + f(p.Min)
	case math.IsInf(p.Min, -1):
		return "at most " + f(p.Max)
	}
	return f(p.Min) + " to " + f(p.Max)
}

// CheckSpec describes an automated check of the registry: its id, the
// provision it tests, what it tests and its parameters. The checks
// themselves run over a case's structured records elsewhere; the registry
// is what templates are validated against.
type CheckSpec struct {
	// ID is how templates name the check.
	ID string
	// Article is the provision the check tests.
	Article workbench.ArticleRef
	// Summary says what the check tests.
	Summary Text
	// Params are the check's parameters, if any.
	Params []ParamSpec
}

// Param returns the parameter with the given name.
func (c CheckSpec) Param(name string) (ParamSpec, bool) {
	for _, p := range c.Params {
		if p.Name == name {
			return p, true
		}
	}
	return ParamSpec{}, false
}

// defaults returns the check's parameters set to their defaults.
func (c CheckSpec) defaults() map[string]any {
	m := make(map[string]any, len(c.Params))
	for _, p := range c.Params {
		m[p.Name] = p.Default
	}
	return m
}

// The ids of the checks in the registry.
const (
	CheckDataSourceLawfulBasis = "data_source_lawful_basis"
	CheckCopyrightLicence      = "copyright_licence"
	CheckPILegalBasis          = "pi_legal_basis"
	CheckHarmfulShare          = "harmful_share"
	CheckBaseModelFiling       = "base_model_filing"
	CheckAnnotationRules       = "annotation_rules_present"
	CheckAnnotationQA          = "annotation_qa"
	CheckAnnotatorTraining     = "annotator_training"
	CheckSafetyAnnotation      = "safety_annotation"
	CheckPIRequestsHandled     = "pi_requests_handled"
	CheckContentLabelling      = "content_labelling"
	CheckIllegalContentAction  = "illegal_content_action"
	CheckIllegalContentReport  = "illegal_content_report"
	CheckUserIllegalActivity   = "user_illegal_activity"
	CheckComplaintTimeLimit    = "complaint_time_limit"
	CheckAlgorithmFiling       = "algorithm_filing"
	CheckImplicitLabel         = "implicit_label"
)

var registry = []CheckSpec{
	{
		ID: CheckDataSourceLawfulBasis, Article: workbench.ArticleRef{Article: 7, Item: 1},
		Summary: Text{
			Zh: "每一训练数据来源均说明其合法来源依据（合法来源依据不为空）。",
			En: "Every training-data source states its lawful-source basis (合法来源依据 is not empty).",
		},
	},
	{
		ID: CheckBaseModelFiling, Article: workbench.ArticleRef{Article: 7, Item: 1},
		Summary: Text{
			Zh: "服务所用基础模型均有备案号。",
			En: "A service built on a base model names the base model's filing number.",
		},
	},
	{
		ID: CheckCopyrightLicence, Article: workbench.ArticleRef{Article: 7, Item: 2},
		Summary: Text{
			Zh: "含版权作品的训练数据来源均说明版权许可。",
			En: "Every training-data source that contains copyrighted works names the copyright licence covering them.",
		},
	},
	{
		ID: CheckPILegalBasis, Article: workbench.ArticleRef{Article: 7, Item: 3},
		Summary: Text{
			Zh: "含个人信息的训练数据来源均说明个人同意或其他个人信息处理依据。",
			En: "Every training-data source that contains personal information states the consent or other legal basis for processing it.",
		},
	},
	{
		ID: CheckHarmfulShare, Article: workbench.ArticleRef{Article: 7, Item: 4},
		Summary: Text{
			Zh: "每一训练数据来源抽检样本中的违法不良信息占比不超过 max_share。",
			En: "The share of illegal or harmful items found in each training-data source's sample is at most max_share.",
		},
		Params: []ParamSpec{{
			Name: "max_share", Type: ParamNumber, Min: 0, Max: 1, Default: 0.05,
			Doc: "Highest acceptable share of illegal or harmful items in a source's sample, as a fraction (0.05 = 5%): a source above it is not to be used.",
			Source: Text{
				Zh: "TC260-003-2024 第5.1条a)；GB/T 45654-2025 第5.1条a)（含违法不良信息超过5%的语料来源不应采集使用；草案及二手资料所载）",
				En: "TC260-003-2024 §5.1 a; GB/T 45654-2025 §5.1 a (a corpus source with more than 5 % illegal or harmful content is not to be used; as read in the draft and secondary sources)",
			},
		}},
	},
	{
		ID: CheckAnnotationRules, Article: workbench.ArticleRef{Article: 8},
		Summary: Text{
			Zh: "提供者提交了标注规则（标注规则文档或标注质量核验记录）。",
			En: "The provider has submitted its annotation rules (an annotation-rule document or annotation QA records).",
		},
	},
	{
		ID: CheckAnnotationQA, Article: workbench.ArticleRef{Article: 8},
		Summary: Text{
			Zh: "每一标注批次均经抽样核验（核验样本量不少于 min_sample_size）；安全性标注批次核验准确率不低于 safety_min_accuracy，否则该批次作废；功能性标注批次准确率不低于 min_accuracy（为 0 时不核查）。",
			En: "Every annotation batch was verified by sampling (at least min_sample_size annotations checked); a safety batch whose verified accuracy is below safety_min_accuracy is void; a functional batch's accuracy is at least min_accuracy (not checked when 0).",
		},
		Params: []ParamSpec{
			{
				Name: "min_sample_size", Type: ParamInteger, Min: 1, Max: math.Inf(1), Default: 1,
				Doc:    "Fewest annotations a batch's verification sample may hold.",
				Source: Text{Zh: "由检查人员设定：GB/T 45674-2025 第8.2条g) 要求功能性标注每批均经人工抽检，未规定样本量", En: "set by the inspector: GB/T 45674-2025 §8.2 g requires every functional batch to be sampled by hand but gives no sample size"},
			},
			{
				Name: "min_accuracy", Type: ParamNumber, Min: 0, Max: 1, Default: 0.0,
				Doc:    "Lowest acceptable accuracy of a functional batch's sample, as a fraction (0.9 = 90%); 0 leaves it unchecked.",
				Source: Text{Zh: "由检查人员设定：GB/T 45674-2025 第8.2条未规定功能性标注的准确率", En: "set by the inspector: GB/T 45674-2025 §8.2 gives no accuracy figure for functional annotation"},
			},
			{
				Name: "safety_min_accuracy", Type: ParamNumber, Min: 0, Max: 1, Default: 0.95,
				Doc:    "Lowest accuracy of a safety batch's verification: a batch whose sampled failures exceed 1 − safety_min_accuracy is void.",
				Source: Text{Zh: "GB/T 45674-2025 第8.3条b)–c)（安全性标注逐条核验，不合格超过5%的批次作废）", En: "GB/T 45674-2025 §8.3 b–c (every safety-annotation item is checked; a batch whose failures exceed 5 % is void)"},
			},
		},
	},
	{
		ID: CheckAnnotatorTraining, Article: workbench.ArticleRef{Article: 8},
		Summary: Text{
			Zh: "每一标注批次的标注人员均经培训（是否培训为“是”且有培训日期）。",
			En: "The annotators of every annotation batch were trained (是否培训 is yes and a training date is given).",
		},
	},
	{
		ID: CheckSafetyAnnotation, Article: workbench.ArticleRef{Article: 8},
		Summary: Text{
			Zh: "提供者开展了安全性标注（至少一个标注批次为安全性标注，或标注规则文档规定了安全性标注）。",
			En: "The provider carries out safety annotation (at least one annotation batch is of type safety, or an annotation-rule document provides for 安全性标注).",
		},
	},
	{
		ID: CheckPIRequestsHandled, Article: workbench.ArticleRef{Article: 11, Paragraph: 2},
		Summary: Text{
			Zh: "每一个人信息请求均已办结并反馈，且自受理起不超过 max_days 日。",
			En: "Every personal-information request was resolved and answered within max_days calendar days of its receipt.",
		},
		Params: []ParamSpec{{
			Name: "max_days", Type: ParamInteger, Min: 1, Max: 365, Default: 30,
			Doc:    "Most calendar days between receiving a personal-information request and resolving it.",
			Source: Text{Zh: "由检查人员设定：第十一条第二款要求“及时”受理和处理，未规定天数", En: "set by the inspector: Art. 11 ¶2 requires requests to be handled promptly (及时) and names no number of days"},
		}},
	},
	{
		ID: CheckContentLabelling, Article: workbench.ArticleRef{Article: 12},
		Summary: Text{
			Zh: "生成图片、视频的服务说明了生成内容的标识方式。",
			En: "A service that generates images or video describes how the generated content is labelled.",
		},
	},
	{
		ID: CheckIllegalContentAction, Article: workbench.ArticleRef{Article: 14, Paragraph: 1},
		Summary: Text{
			Zh: "每一违法内容事件均采取了停止生成、停止传输或者消除措施。",
			En: "Every illegal-content incident was met with stopping generation, stopping transmission or elimination.",
		},
	},
	{
		ID: CheckIllegalContentReport, Article: workbench.ArticleRef{Article: 14, Paragraph: 1},
		Summary: Text{
			Zh: "每一违法内容事件均已向有关主管部门报告，并记录报告时间。",
			En: "Every illegal-content incident was reported to the competent authority, with the time of the report.",
		},
	},
	{
		ID: CheckUserIllegalActivity, Article: workbench.ArticleRef{Article: 14, Paragraph: 2},
		Summary: Text{
			Zh: "每一用户违法活动均采取了警示、限制功能、暂停或者终止服务措施，留有记录并已向有关主管部门报告。",
			En: "Every user illegal activity was met with a warning, restriction, suspension or termination, recorded, and reported to the competent authority.",
		},
	},
	{
		ID: CheckComplaintTimeLimit, Article: workbench.ArticleRef{Article: 15},
		Summary: Text{
			Zh: "每一投诉举报均在提供者公布的反馈时限内办结；提供者未说明时限的，以 default_days 日为限。",
			En: "Every complaint or report was resolved within the time limit the provider publishes, or within default_days calendar days when the submissions state none.",
		},
		Params: []ParamSpec{{
			Name: "default_days", Type: ParamInteger, Min: 1, Max: 365, Default: 15,
			Doc:    "Time limit in calendar days used when no submission states the provider's own published time limit.",
			Source: Text{Zh: "由检查人员设定：第十五条要求提供者公布其反馈时限，未规定天数；提交材料载明时限的，以其为准", En: "set by the inspector: Art. 15 requires the provider to publish its own feedback time limit and names no number; a limit a submission states takes precedence"},
		}},
	},
	{
		ID: CheckAlgorithmFiling, Article: workbench.ArticleRef{Article: 17},
		Summary: Text{
			Zh: "具有舆论属性或者社会动员能力的服务有算法备案号。",
			En: "A service with public-opinion attributes or social-mobilisation capacity has an algorithm filing number.",
		},
	},
	{
		ID: CheckImplicitLabel, Article: workbench.ArticleRef{Article: 12},
		Summary: Text{
			Zh: "提供者提交的每一生成图片样本的文件元数据均含隐式标识（GB 45438-2025 的 AIGC 字段），且含 required_subfields 所列子字段（《人工智能生成合成内容标识办法》第五条，GB 45438-2025 第 6.1 条）。",
			En: "Every sample image the provider generated carries the implicit label in its file metadata (the AIGC field of GB 45438-2025) with the sub-fields required_subfields lists (《人工智能生成合成内容标识办法》 Art. 5; GB 45438-2025 §6.1).",
		},
		Params: []ParamSpec{{
			Name: "required_subfields", Type: ParamString, Default: "Label,ContentProducer,ProduceID",
			Doc: "The sub-fields of the AIGC field a label must have, comma-separated, by their GB 45438 names (Label, ContentProducer, ProduceID, ContentPropagator, PropagateID). ContentPropagator and PropagateID are written by platforms that spread content (标识办法 Art. 6), not by the generating service.",
			Source: Text{Zh: "GB 45438-2025 第 6.1 条、附录 E（子字段名称据二手资料）：生成合成服务提供者应在文件元数据中添加生成合成标签、服务提供者名称或编码、内容制作编号",
				En: "GB 45438-2025 §6.1, App. E (sub-field names from secondary sources): the generating service writes the label, its name or code, and the content's produce ID"},
		}},
	},
}

// Checks returns the registry of automated checks, in a stable order
// (grouped by article).
func Checks() []CheckSpec {
	out := make([]CheckSpec, len(registry))
	for i, c := range registry {
		c.Params = append([]ParamSpec(nil), c.Params...)
		out[i] = c
	}
	return out
}

// LookupCheck returns the check with the given id.
func LookupCheck(id string) (CheckSpec, bool) {
	for _, c := range registry {
		if c.ID == id {
			c.Params = append([]ParamSpec(nil), c.Params...)
			return c, true
		}
	}
	return CheckSpec{}, false
}

// checkIDs lists the registry's ids, for messages.
func checkIDs() []string {
	ids := make([]string, len(registry))
	for i, c := range registry {
		ids[i] = c.ID
	}
	return ids
}

// check reports what is wrong with v, a value of the parameter's type
// (float64, int or string), or "" when it is acceptable.
func (p ParamSpec) check(v any) string {
	var f float64
	switch x := v.(type) {
	case float64:
		f = x
	case int:
		f = float64(x)
	default:
		return ""
	}
	if math.IsNaN(f) || f < p.Min || f > p.Max {
		return fmt.Sprintf("%s is out of range (want %s)", strconv.FormatFloat(f, 'g', -1, 64), p.RangeText())
	}
	return ""
}
