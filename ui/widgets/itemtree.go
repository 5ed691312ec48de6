// Package widgets holds reusable presentation widgets of the workbench
// GUI: they show what they are given and report what the user does
// through callbacks. They read and write nothing themselves.
package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TreeGroup is a branch of an [ItemTree]: a heading and its items.
type TreeGroup struct {
	ID    string // unique among groups and items
	Title string
	Items []TreeItem
}

// TreeItem is a leaf of an [ItemTree].
type TreeItem struct {
	ID         string // unique among groups and items
	Title      string // shown truncated; in full when the pointer rests on it
	Icon       fyne.Resource
	Importance widget.Importance
}

// ItemTree is a two-level tree of groups and items, for a checklist. The
// user's choice of an item is reported to OnSelected; Select changes the
// highlighted item without reporting it, so the owner decides what is
// shown and the highlight follows.
type ItemTree struct {
	widget.BaseWidget

	// OnSelected is called when the user picks an item (not a group).
	// The item is highlighted already; call Select to move the highlight
	// elsewhere, for instance back, when the item cannot be shown.
	OnSelected func(id string)

	tree     *widget.Tree
	groups   []TreeGroup
	items    map[string]TreeItem
	children map[string][]string
	selected string
	syncing  bool
}

// NewItemTree returns an empty tree.
func NewItemTree() *ItemTree {
	t := &ItemTree{items: map[string]TreeItem{}, children: map[string][]string{}}
	t.tree = widget.NewTree(t.childIDs, t.isBranch, t.newNode, t.updateNode)
	t.tree.OnSelected = t.picked
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer is part of fyne.Widget.
func (t *ItemTree) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.tree) }

// SetGroups replaces what the tree shows, keeping the selection when the
// item is still there, and opens every group.
func (t *ItemTree) SetGroups(groups []TreeGroup) {
	t.groups = groups
	t.items = map[string]TreeItem{}
	t.children = map[string][]string{}
	for _, g := range groups {
		t.children[""] = append(t.children[""], g.ID)
		for _, it := range g.Items {
			t.items[it.ID] = it
			t.children[g.ID] = append(t.children[g.ID], it.ID)
		}
	}
	t.tree.Refresh()
	t.tree.OpenAllBranches()
	if _, ok := t.items[t.selected]; !ok {
		t.selected = ""
		t.sync(func() { t.tree.UnselectAll() })
	}
}

// Groups returns the groups shown.
func (t *ItemTree) Groups() []TreeGroup { return t.groups }

// Children returns the ids under a group, or the groups' ids for "".
func (t *ItemTree) Children(id string) []string { return t.children[id] }

// Item returns the item shown under id.
func (t *ItemTree) Item(id string) (TreeItem, bool) {
	it, ok := t.items[id]
	return it, ok
}

// Select highlights item id, opening its group and scrolling to it,
// without calling OnSelected; "" clears the highlight.
func (t *ItemTree) Select(id string) {
	if id == "" {
		t.selected = ""
		t.sync(func() { t.tree.UnselectAll() })
		return
	}
	if _, ok := t.items[id]; !ok {
		return
	}
	for g, ids := range t.children {
		for _, x := range ids {
			if x == id && g != "" {
				t.tree.OpenBranch(g)
			}
		}
	}
	t.selected = id
	t.sync(func() { t.tree.Select(id) })
	t.tree.ScrollTo(id)
}

// Selected returns the highlighted item's id, "" for none.
func (t *ItemTree) Selected() string { return t.selected }

// sync runs f, which changes the underlying tree's selection, without
// reporting it as the user's choice.
func (t *ItemTree) sync(f func()) {
	t.syncing = true
	defer func() { t.syncing = false }()
	f()
}

// picked handles a node chosen in the underlying tree.
func (t *ItemTree) picked(id widget.TreeNodeID) {
	if t.syncing {
		return
	}
	if _, ok := t.items[id]; !ok {
		// A group: open or close it, and keep the item highlighted.
		t.tree.ToggleBranch(id)
		t.sync(func() {
			if t.selected != "" {
				t.tree.Select(t.selected)
			} else {
				t.tree.UnselectAll()
			}
		})
		return
	}
	t.selected = id
	if t.OnSelected != nil {
		t.OnSelected(id)
	}
}

func (t *ItemTree) childIDs(id widget.TreeNodeID) []widget.TreeNodeID { return t.children[id] }

func (t *ItemTree) isBranch(id widget.TreeNodeID) bool {
	if id == "" {
		return true
	}
	_, ok := t.items[id]
	return !ok
}

func (t *ItemTree) newNode(branch bool) fyne.CanvasObject {
	if branch {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	return newTreeLeaf()
}

func (t *ItemTree) updateNode(id widget.TreeNodeID, branch bool, o fyne.CanvasObject) {
	if branch {
		for _, g := range t.groups {
			if g.ID == id {
				o.(*widget.Label).SetText(g.Title)
			}
		}
		return
	}
	if it, ok := t.items[id]; ok {
		o.(*treeLeaf).set(it)
	}
}

// treeLeaf is an item's row: an icon and the title, truncated, with the
// whole title in a pop-up while the pointer rests on a truncated one.
type treeLeaf struct {
	widget.BaseWidget
	icon  *widget.Icon
	label *widget.Label
	popUp *widget.PopUp
}

var _ desktop.Hoverable = (*treeLeaf)(nil)

func newTreeLeaf() *treeLeaf {
	l := &treeLeaf{icon: widget.NewIcon(theme.RadioButtonIcon()), label: widget.NewLabel("")}
	l.label.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

func (l *treeLeaf) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, l.icon, nil, l.label))
}

func (l *treeLeaf) set(it TreeItem) {
	if it.Icon != nil {
		l.icon.SetResource(it.Icon)
	}
	l.label.Importance = it.Importance
	l.label.SetText(it.Title)
}

// truncated reports whether the title is cut off.
func (l *treeLeaf) truncated() bool {
	full := widget.NewLabel(l.label.Text)
	return full.MinSize().Width > l.label.Size().Width+1
}

// MouseIn shows the whole title when it is cut off.
func (l *treeLeaf) MouseIn(*desktop.MouseEvent) {
	if !l.truncated() {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(l)
	if c == nil {
		return
	}
	text := widget.NewLabel(l.label.Text)
	text.Wrapping = fyne.TextWrapWord
	l.popUp = widget.NewPopUp(text, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(l.label)
	width := fyne.Min(480, c.Size().Width-pos.X)
	l.popUp.Resize(fyne.NewSize(width, text.MinSize().Height))
	text.Resize(fyne.NewSize(width, 0))
	l.popUp.Resize(fyne.NewSize(width, text.MinSize().Height))
	l.popUp.ShowAtPosition(pos.AddXY(0, l.Size().Height))
}

// MouseMoved is part of desktop.Hoverable.
func (l *treeLeaf) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the whole title.
func (l *treeLeaf) MouseOut() {
	if l.popUp != nil {
		l.popUp.Hide()
		l.popUp = nil
	}
}
