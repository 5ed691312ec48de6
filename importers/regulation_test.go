package importers

import (
	"github.com/inspection-workbench/workbench"
	"os"
	"regexp"
	"strings"
	"testing"
)

// measures returns the Chinese text of the Measures from the reference
// copy in testdata.
func measures(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/reference/measures-2023-zh-en.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// clause returns the first match of re's group 1 in the Measures, failing
// the test when the text has none (the reference changed).
func clause(t *testing.T, text, re string) string {
	t.Helper()
	m := regexp.MustCompile(re).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("the Measures have no text matching %s", re)
	}
	return m[1]
}

// termOf looks a value up in a field's vocabulary as the importer does.
func termOf(k workbench.Kind, field, value string) (string, bool) {
	v, ok := termIndex[k][field][normTerm(value)]
	return v, ok
}

// TestRegulationWordsUnderstood reads the Measures' own wording of the
// incident categories and actions, as a provider copying the law into its
// forms writes them, and checks each is in the vocabulary.
func TestRegulationWordsUnderstood(t *testing.T) {
	text := measures(t)

	// Art. 14 ¶1: 停止生成、停止传输、消除等处置措施 … 采取模型优化训练等措施
	stop := clause(t, text, `应当及时采取(停止生成[^等]*)等处置措施`)
	for _, w := range strings.Split(stop, "、") {
		if v, ok := termOf(workbench.Incident, "action", w); !ok || !strings.HasPrefix(v, "stop_") && v != "eliminate" {
			t.Errorf("Art. 14 ¶1 action %q reads as %q, %v", w, v, ok)
		}
	}
	opt := clause(t, text, `采取(模型优化训练)等措施进行整改`)
	if v, ok := termOf(workbench.Incident, "action", opt); !ok || v != "model_optimisation" {
		t.Errorf("Art. 14 ¶1 %q reads as %q, %v", opt, v, ok)
	}

	// Art. 14 ¶2: 采取警示、限制功能、暂停或者终止向其提供服务等处置措施
	user := clause(t, text, `依法依约采取(警示[^等]*)等处置措施`)
	for _, w := range strings.Split(user, "、") {
		if v, ok := termOf(workbench.Incident, "action", w); !ok || !strings.Contains("warn restrict suspend terminate", v) {
			t.Errorf("Art. 14 ¶2 action %q reads as %q, %v", w, v, ok)
		}
	}
	for _, w := range []string{"暂停服务", "终止服务", "暂停向其提供服务", "终止向其提供服务"} {
		if _, ok := termOf(workbench.Incident, "action", w); !ok {
			t.Errorf("action %q not understood", w)
		}
	}

	// Art. 14 ¶2: 使用者利用生成式人工智能服务从事违法活动
	activity := clause(t, text, `提供者发现(使用者利用生成式人工智能服务从事违法活动)的`)
	for _, w := range []string{activity, "使用者违法活动", "使用者利用服务从事违法活动", "违法活动", "用户违法行为"} {
		if v, ok := termOf(workbench.Incident, "category", w); !ok || v != "user_illegal_activity" {
			t.Errorf("category %q reads as %q, %v", w, v, ok)
		}
	}
	// Art. 14 ¶1: 违法内容
	if v, ok := termOf(workbench.Incident, "category", clause(t, text, `提供者发现(违法内容)的`)); !ok || v != "illegal_content" {
		t.Errorf("违法内容 reads as %q, %v", v, ok)
	}

	// Art. 11 ¶2: 个人关于查阅、复制、更正、补充、删除其个人信息等的请求
	kinds := clause(t, text, `个人关于(查阅[^其]*)其个人信息等的请求`)
	for _, w := range strings.Split(kinds, "、") {
		for _, form := range []string{"个人信息" + w + "请求", w + "个人信息", "个人信息" + w + "申请"} {
			if v, ok := termOf(workbench.Incident, "category", form); !ok || v != "pi_request" {
				t.Errorf("category %q reads as %q, %v", form, v, ok)
			}
		}
	}

	// Art. 15: 投诉、举报
	complaint := clause(t, text, `建立健全(投诉、举报)机制`)
	if v, ok := termOf(workbench.Incident, "category", complaint); !ok || v != "complaint" {
		t.Errorf("category %q reads as %q, %v", complaint, v, ok)
	}
}

// TestProviderWordsUnderstood covers the wording of providers' own forms
// and of TC260-003-2024's corpus categories (开源语料, 自采语料, 商业语料,
// 使用者输入信息).
func TestProviderWordsUnderstood(t *testing.T) {
	for _, tc := range []struct {
		kind         workbench.Kind
		field, value string
		want         string
	}{
		{workbench.DataSource, "category", "开源语料", "open_dataset"},
		{workbench.DataSource, "category", "自采语料", "self_produced"},
		{workbench.DataSource, "category", "自采语料-自行生产", "self_produced"},
		{workbench.DataSource, "category", "自采语料（互联网采集）", "public_web"},
		{workbench.DataSource, "category", "商业语料", "licensed"},
		{workbench.DataSource, "category", "使用者输入信息", "user_data"},
		{workbench.DataSource, "category", "合成语料", "synthetic"},
		{workbench.Incident, "category", "投诉/举报", "complaint"},
		{workbench.Incident, "category", "网络安全事件", "security_event"},
		{workbench.Incident, "action", "暂未处置", "none"},
		{workbench.Incident, "action", "删除内容", "eliminate"},
		{workbench.Algorithm, "generates", "图片", "image"},
	} {
		if v, ok := termOf(tc.kind, tc.field, tc.value); !ok || v != tc.want {
			t.Errorf("%s.%s %q reads as %q, %v; want %s", tc.kind, tc.field, tc.value, v, ok, tc.want)
		}
	}
	for _, tc := range []struct {
		kind   workbench.Kind
		header string
		want   string
	}{
		{workbench.DataSource, "授权许可", "licence"},
		{workbench.DataSource, "著作权授权情况", "copyright_licence"},
		{workbench.DataSource, "合法性来源说明", "lawful_basis"},
		{workbench.Algorithm, "生成内容类型", "generates"},
		{workbench.Algorithm, "Generated content 生成内容类型", "generates"},
		{workbench.Incident, "是否上报", "reported"},
		{workbench.Incident, "上报日期", "reported_at"},
		{workbench.Incident, "办结日期", "resolved_at"},
	} {
		spec := SpecFor(tc.kind)
		i := matchHeader(tc.kind, tc.header)
		if i < 0 || spec.Fields[i].Name != tc.want {
			got := "none"
			if i >= 0 {
				got = spec.Fields[i].Name
			}
			t.Errorf("%s header %q names %s, want %s", tc.kind, tc.header, got, tc.want)
		}
	}
}
