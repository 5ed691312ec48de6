package importers

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/inspection-workbench/workbench"
	"github.com/inspection-workbench/workbench/importers/values"
)

func TestDecodeFields(t *testing.T) {
	stored := `{"id":"240160","found_at":"2024-06-06T14:20:00","category":"illegal_content","action":["stop_generation","约谈"],` +
		`"reported":true,"reported_at":"2024-06-06","resolved_at":"不详","feedback_given":"不涉及","notes":"a \"quoted\" note"}`
	f, err := DecodeFields(workbench.Incident, []byte(stored))
	if err != nil {
		t.Fatal(err)
	}
	if f.Kind() != workbench.Incident || f.Text("id") != "240160" || f.Text("notes") != `a "quoted" note` {
		t.Errorf("text fields: %q %q %q", f.Kind(), f.Text("id"), f.Text("notes"))
	}
	if term, known := f.Term("category"); term != "illegal_content" || !known {
		t.Errorf("category = %q, %v", term, known)
	}
	found, ok := f.Time("found_at")
	reported, ok2 := f.Time("reported_at")
	if !ok || !ok2 || found.Precision() != values.Second || reported.Precision() != values.Day || reported.Before(found) {
		t.Errorf("times: %v %v %v %v", found, ok, reported, ok2)
	}
	if _, ok := f.Time("resolved_at"); ok || !f.Unreadable("resolved_at") || f.Text("resolved_at") != "不详" {
		t.Errorf("an unreadable time must be kept as written and not read as a time")
	}
	if v, ok := f.Bool("reported"); !v || !ok {
		t.Errorf("reported = %v, %v", v, ok)
	}
	if _, ok := f.Bool("feedback_given"); ok || !f.Unreadable("feedback_given") {
		t.Errorf("feedback_given 不涉及 read as a yes/no")
	}
	act := f.Value("action")
	if !slices.Equal(act.Terms, []string{"stop_generation", "约谈"}) || !slices.Equal(f.UnknownTerms("action"), []string{"约谈"}) || act.OK {
		t.Errorf("action = %+v", act)
	}
	if got := f.Display("action", true); got != "停止生成、约谈" {
		t.Errorf("Display(action) = %q", got)
	}
	if got := f.Display("category", false); got != "illegal content" {
		t.Errorf("Display(category) = %q", got)
	}
	if _, ok := f.Bool("no_such_field"); ok || f.Value("no_such_field").Set {
		t.Errorf("an unknown field has a value")
	}
}

func TestDecodeFieldsTypes(t *testing.T) {
	stored := `{"id":"DS-01","category":"其他来源","scale":{"value":1.2e12,"unit":"bytes"},"contains_personal_info":false,` +
		`"sample_size":4000,"harmful_share":0.012,"collection_period":"2023-01/..","data_type":"text"}`
	f, err := DecodeFields(workbench.DataSource, []byte(stored))
	if err != nil {
		t.Fatal(err)
	}
	if term, known := f.Term("category"); term != "其他来源" || known {
		t.Errorf("an unknown category = %q, %v", term, known)
	}
	if v := f.Value("scale"); v.Number != 1.2e12 || v.Unit != "bytes" || !v.OK {
		t.Errorf("scale = %+v", v)
	}
	if v, ok := f.Bool("contains_personal_info"); v || !ok {
		t.Errorf("false read as %v, %v", v, ok)
	}
	if n, ok := f.Number("sample_size"); n != 4000 || !ok {
		t.Errorf("sample_size = %v, %v", n, ok)
	}
	if g, _ := DecodeFields(workbench.AnnotationRule, []byte(`{"accuracy":0.931}`)); g.Display("accuracy", true) != "93.1%" {
		t.Errorf("accuracy 0.931 shows as %q", g.Display("accuracy", true))
	}
	if n, ok := f.Number("harmful_share"); n != 0.012 || !ok || f.Display("harmful_share", true) != "1.2%" {
		t.Errorf("harmful_share = %v, %v, %q", n, ok, f.Display("harmful_share", true))
	}
	if p := f.Value("collection_period").Period; p.From.Display() != "2023-01" || !p.To.IsZero() {
		t.Errorf("collection_period = %+v", p)
	}
	// An enum list stored as a single string (the generic path).
	if v := f.Value("data_type"); !slices.Equal(v.Terms, []string{"text"}) || !v.OK {
		t.Errorf("data_type = %+v", v)
	}
	if _, err := DecodeFields(workbench.DataSource, []byte(`{"id":`)); err == nil {
		t.Error("broken JSON decoded")
	}
	if _, err := DecodeFields("nonsense", []byte(`{}`)); err == nil {
		t.Error("unknown kind decoded")
	}
}

var benchRecord = []byte(`{"id":"INC-0000001","found_at":"2024-01-01T00:00:11","category":"complaint","how_found":"官网投诉页面",` +
	`"description":"投诉账号被限制使用，要求解除并说明原因","action":["none"],"reported":false,"resolved_at":"2024-01-05T10:00:00","feedback_given":true}`)

// BenchmarkDecodeFields compares the typed decoder with decoding into a
// map, as every reader of records did before.
func BenchmarkDecodeFields(b *testing.B) {
	b.Run("typed", func(b *testing.B) {
		for b.Loop() {
			if _, err := DecodeFields(workbench.Incident, benchRecord); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		for b.Loop() {
			var m map[string]any
			if err := json.Unmarshal(benchRecord, &m); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestTermsInProse: an action written as prose is read for the terms it
// names, negated ones left out; the words stay as written for people.
func TestTermsInProse(t *testing.T) {
	for _, tc := range []struct {
		written []string
		terms   []string
		ok      bool
	}{
		{[]string{"已停止生成并消除（删除）相关内容", "已安排模型优化训练"}, []string{"stop_generation", "eliminate", "model_optimisation"}, true},
		{[]string{"限制功能（关闭开放 API 调用权限）"}, []string{"restrict"}, true},
		{[]string{"未停止生成，仅警告用户"}, []string{"warn"}, true},
		{[]string{"复核后解除限制"}, []string{"复核后解除限制"}, false},
		{[]string{"不予删除"}, []string{"不予删除"}, false},
		{[]string{"暂停生成并人工复核"}, []string{"stop_generation"}, true},
		{[]string{"已记录", "转策略组评估"}, []string{"已记录", "转策略组评估"}, false},
		{[]string{"content removed, user warned"}, []string{"eliminate", "warn"}, true},
		{[]string{"未暂停或终止服务"}, []string{"未暂停或终止服务"}, false},
		{[]string{"未永久封禁"}, []string{"未永久封禁"}, false},
		{[]string{"未立即停止生成"}, []string{"未立即停止生成"}, false},
		{[]string{"content now deleted"}, []string{"eliminate"}, true},
		{[]string{"content was not deleted"}, []string{"content was not deleted"}, false},
	} {
		data, _ := json.Marshal(map[string]any{"action": tc.written})
		f, err := DecodeFields(workbench.Incident, data)
		if err != nil {
			t.Fatal(err)
		}
		v := f.Value("action")
		if !slices.Equal(v.Terms, tc.terms) || v.OK != tc.ok || !slices.Equal(v.Written, tc.written) {
			t.Errorf("%q: terms %q (ok %v), want %q (ok %v)", tc.written, v.Terms, v.OK, tc.terms, tc.ok)
		}
	}
}
