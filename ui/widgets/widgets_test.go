package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// objects lists o and everything drawn under it.
func objects(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			out = append(out, objects(child)...)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			out = append(out, objects(child)...)
		}
	}
	return out
}

func buttons(o fyne.CanvasObject) []*widget.Button {
	var bs []*widget.Button
	for _, x := range objects(o) {
		if b, ok := x.(*widget.Button); ok {
			bs = append(bs, b)
		}
	}
	return bs
}

func labels(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range objects(o) {
		if l, ok := x.(*widget.Label); ok && l.Visible() {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

func TestItemTree(t *testing.T) {
	test.NewTempApp(t)
	tree := NewItemTree()
	var picked []string
	tree.OnSelected = func(id string) { picked = append(picked, id) }
	tree.SetGroups([]TreeGroup{
		{ID: "g1", Title: "第一组", Items: []TreeItem{{ID: "a", Title: "甲"}, {ID: "b", Title: "乙"}}},
		{ID: "g2", Title: "第二组", Items: []TreeItem{{ID: "c", Title: "丙"}}},
	})
	w := test.NewTempWindow(t, tree)
	w.Resize(fyne.NewSize(300, 400))
	if got := tree.Children(""); len(got) != 2 || tree.Children("g1")[1] != "b" {
		t.Errorf("children %v, %v", got, tree.Children("g1"))
	}

	// The owner moves the highlight without hearing back.
	tree.Select("b")
	if tree.Selected() != "b" || len(picked) != 0 || tree.tree.IsBranchOpen("g1") == false {
		t.Errorf("Select: selected %q, reported %v", tree.Selected(), picked)
	}
	// The user's pick is reported; a group opens or closes and the item
	// stays highlighted.
	tree.tree.Select("c")
	if tree.Selected() != "c" || len(picked) != 1 || picked[0] != "c" {
		t.Errorf("user picks c: selected %q, reported %v", tree.Selected(), picked)
	}
	tree.tree.Select("g1")
	if tree.Selected() != "c" || len(picked) != 1 || tree.tree.IsBranchOpen("g1") {
		t.Errorf("user picks a group: selected %q, reported %v, open %v", tree.Selected(), picked, tree.tree.IsBranchOpen("g1"))
	}
	// Items gone from the tree lose the highlight.
	tree.SetGroups([]TreeGroup{{ID: "g1", Title: "第一组", Items: []TreeItem{{ID: "a", Title: "甲"}}}})
	if tree.Selected() != "" {
		t.Errorf("selected %q after its item went", tree.Selected())
	}
	if it, ok := tree.Item("a"); !ok || it.Title != "甲" {
		t.Errorf("item a: %+v", it)
	}
}

func TestTreeShowsWholeTitle(t *testing.T) {
	test.NewTempApp(t)
	long := strings.Repeat("生成式人工智能服务提供者应当依法开展预训练", 3)
	tree := NewItemTree()
	tree.SetGroups([]TreeGroup{{ID: "g", Title: "组", Items: []TreeItem{{ID: "x", Title: long}, {ID: "y", Title: "短"}}}})
	w := test.NewTempWindow(t, tree)
	w.Resize(fyne.NewSize(200, 300))
	var leaves []*treeLeaf
	for _, o := range objects(tree) {
		if l, ok := o.(*treeLeaf); ok {
			leaves = append(leaves, l)
		}
	}
	if len(leaves) != 2 {
		t.Fatalf("%d rows", len(leaves))
	}
	long1, short := leaves[0], leaves[1]
	if long1.label.Text != long {
		long1, short = short, long1
	}
	before := fyne.CurrentApp().Driver().AbsolutePositionForObject(short)
	long1.MouseIn(nil)
	if tree.Hovered() != long || !strings.Contains(labels(tree), long) {
		t.Fatalf("hovering a cut-off title shows %q", tree.Hovered())
	}
	if after := fyne.CurrentApp().Driver().AbsolutePositionForObject(short); after != before {
		t.Errorf("the rows moved from %v to %v", before, after)
	}
	long1.MouseOut()
	short.MouseIn(nil)
	if tree.Hovered() != "" {
		t.Errorf("a title shown whole is repeated: %q", tree.Hovered())
	}
}

func TestProposalCard(t *testing.T) {
	test.NewTempApp(t)
	accepted, overridden := 0, 0
	card := NewProposalCard(Proposal{Heading: "自动检查建议：不符合", Summary: "2 条缺少合法性基础", Lines: []string{"• DS-07"},
		Decision: "待决定", AcceptText: "采纳", OverrideText: "改判…",
		OnAccept: func() { accepted++ }, OnOverride: func() { overridden++ }})
	bs := buttons(card)
	if len(bs) != 2 || bs[0].Text != "采纳" || bs[1].Text != "改判…" {
		t.Fatalf("buttons %v", bs)
	}
	test.Tap(bs[0])
	test.Tap(bs[1])
	if accepted != 1 || overridden != 1 {
		t.Errorf("accepted %d, overridden %d", accepted, overridden)
	}
	if s := labels(card); !strings.Contains(s, "• DS-07") || !strings.Contains(s, "待决定") {
		t.Errorf("card shows %q", s)
	}
	if bs := buttons(NewProposalCard(Proposal{Heading: "h", Decision: "已采纳"})); len(bs) != 0 {
		t.Errorf("a decided proposal offers %d buttons", len(bs))
	}
}

func TestEvidenceList(t *testing.T) {
	test.NewTempApp(t)
	l := NewEvidenceList("加载中…")
	if !strings.Contains(labels(l), "加载中…") {
		t.Errorf("shows %q", labels(l))
	}
	l.SetEvidence(nil, "尚无证据")
	if !strings.Contains(labels(l), "尚无证据") || len(buttons(l)) != 0 {
		t.Errorf("empty list shows %q", labels(l))
	}
	var removed []int
	l.OnRemove = func(i int) { removed = append(removed, i) }
	l.SetEvidence([]Evidence{{Head: "DS-07 · data-sources.xlsx · 第8行", Quote: "未取得同意"}, {Head: "INC-0684", Quote: "q"}}, "尚无证据")
	bs := buttons(l)
	if len(bs) != 2 {
		t.Fatalf("%d remove buttons", len(bs))
	}
	test.Tap(bs[1])
	if len(removed) != 1 || removed[0] != 1 || !strings.Contains(labels(l), "未取得同意") {
		t.Errorf("removed %v; shows %q", removed, labels(l))
	}
}
