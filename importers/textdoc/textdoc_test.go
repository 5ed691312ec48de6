package textdoc

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const rules = `# 星河对话 标注规则

本规则适用于所有标注任务。

## 3 标注规则

### 3.2 安全性标注

安全性标注应覆盖违法不良信息
的全部类别。

- 标注人员须经培训
- 抽检比例不低于 5%

| 类别 | 示例 |
| --- | --- |
| 违法内容 | 虚假新闻 |

## 4 质量核验
核验由质检组完成。
`

func TestReadMarkdown(t *testing.T) {
	ps, enc, err := Read([]byte(rules), true)
	if err != nil {
		t.Fatal(err)
	}
	if enc != "UTF-8" {
		t.Errorf("encoding %s", enc)
	}
	var got []string
	for _, p := range ps {
		got = append(got, strings.Join(p.HeadingPath, " > ")+" @"+strconv.Itoa(p.Line)+": "+p.Text)
	}
	want := []string{
		" @1: 星河对话 标注规则",
		"星河对话 标注规则 @3: 本规则适用于所有标注任务。",
		"星河对话 标注规则 @5: 3 标注规则",
		"星河对话 标注规则 > 3 标注规则 @7: 3.2 安全性标注",
		"星河对话 标注规则 > 3 标注规则 > 3.2 安全性标注 @9: 安全性标注应覆盖违法不良信息\n的全部类别。",
		"星河对话 标注规则 > 3 标注规则 > 3.2 安全性标注 @12: - 标注人员须经培训",
		"星河对话 标注规则 > 3 标注规则 > 3.2 安全性标注 @13: - 抽检比例不低于 5%",
		"星河对话 标注规则 > 3 标注规则 > 3.2 安全性标注 @15: 类别 | 示例",
		"星河对话 标注规则 > 3 标注规则 > 3.2 安全性标注 @17: 违法内容 | 虚假新闻",
		"星河对话 标注规则 @19: 4 质量核验",
		"星河对话 标注规则 > 4 质量核验 @20: 核验由质检组完成。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("passages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i, p := range ps {
		if p.Seq != i+1 {
			t.Errorf("passage %d has seq %d", i, p.Seq)
		}
	}
	if !ps[0].Heading || ps[1].Heading {
		t.Error("heading flags wrong")
	}
}

func TestReadPlainTextGB18030(t *testing.T) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("# 不是标题\n第一段。\n\n第二段。\n")
	ps, enc, err := Read([]byte(gb), false)
	if err != nil {
		t.Fatal(err)
	}
	if enc != "GB18030" || len(ps) != 2 || ps[0].Text != "# 不是标题\n第一段。" || ps[1].Line != 4 || len(ps[0].HeadingPath) != 0 {
		t.Errorf("%s %+v", enc, ps)
	}
}

func TestReadRefuses(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":  nil,
		"blank":  []byte("\n  \n"),
		"binary": []byte("\x89PNG\r\n\x1a\n\x00\x00"),
	} {
		t.Run(name, func(t *testing.T) {
			if _, _, err := Read(data, true); !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNotText) {
				t.Fatalf("err = %v", err)
			}
		})
	}
}
