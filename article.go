package workbench

import (
	"fmt"
	"strings"
)

// ArticleRef points at a provision of the Measures: an article, and
// optionally one of its paragraphs (款) and one of its enumerated items
// (项). Paragraph 0 means the whole article, or, with an item, the only
// paragraph that has items; item 0 means the whole paragraph.
type ArticleRef struct {
	Article   int `json:"article"`
	Paragraph int `json:"paragraph,omitempty"`
	Item      int `json:"item,omitempty"`
}

// String writes the reference the English way: "Art. 7(1)", "Art. 14 ¶1",
// "Art. 8".
func (r ArticleRef) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Art. %d", r.Article)
	if r.Paragraph > 0 {
		fmt.Fprintf(&b, " ¶%d", r.Paragraph)
	}
	if r.Item > 0 {
		fmt.Fprintf(&b, "(%d)", r.Item)
	}
	return b.String()
}

// Zh writes the reference the Chinese way: "第七条第（一）项",
// "第十四条第一款", "第八条".
func (r ArticleRef) Zh() string {
	s := "第" + zhNumber(r.Article) + "条"
	if r.Paragraph > 0 {
		s += "第" + zhNumber(r.Paragraph) + "款"
	}
	if r.Item > 0 {
		s += "第（" + zhNumber(r.Item) + "）项"
	}
	return s
}

// zhNumber writes 1…99 in Chinese numerals (十四, 二十三).
func zhNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 0 || n > 99:
		return fmt.Sprint(n)
	case n < 10:
		return digits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + digits[n%10]
	case n%10 == 0:
		return digits[n/10] + "十"
	}
	return digits[n/10] + "十" + digits[n%10]
}
