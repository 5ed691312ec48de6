// Package widgets holds reusable presentation widgets of the workbench
// GUI: they show what they are given and report what the user does
// through callbacks. They read and write nothing themselves.
package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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
	whole    *widget.Label // the whole title of the item under the pointer
	footer   fyne.CanvasObject
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
	// The whole title of a cut-off item shows under the tree while the
	// pointer rests on it, in room kept for it: a pop-up would swallow
	// the click on the item, and room made then would move the rows.
	t.whole = widget.NewLabel("")
	t.whole.Wrapping = fyne.TextWrapWord
	t.whole.Importance = widget.LowImportance
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, 2*theme.TextSize()+2*theme.InnerPadding()+theme.LineSpacing()))
	t.footer = container.NewStack(room, t.whole)
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer is part of fyne.Widget.
func (t *ItemTree) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), t.footer), nil, nil, t.tree))
}

// Resize lays the tree out at size and brings the highlighted item into
// sight, scrolling no further than needed from the top, so a group's
// heading stays above its first items.
func (t *ItemTree) Resize(size fyne.Size) {
	if size == t.Size() {
		return
	}
	t.BaseWidget.Resize(size)
	if t.selected != "" {
		t.tree.ScrollToTop()
		t.tree.ScrollTo(t.selected)
	}
}

// Hovered returns the whole title shown under the tree, "" for none.
func (t *ItemTree) Hovered() string { return t.whole.Text }

// hover shows the whole title of a cut-off item, or clears it for "".
func (t *ItemTree) hover(title string) { t.whole.SetText(title) }

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
	if t.tree.Size().Height == 0 {
		// Not laid out yet: scrolling "to" the item would scroll it to
		// the top edge of a tree of no height, hiding what is above it.
		t.tree.ScrollToTop()
		return
	}
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
	return newTreeLeaf(t.hover)
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

// treeLeaf is an item's row: an icon and the title, truncated; while the
// pointer rests on a truncated title it is handed to hover whole.
type treeLeaf struct {
	widget.BaseWidget
	icon  *widget.Icon
	label *widget.Label
	hover func(title string)
}

var _ desktop.Hoverable = (*treeLeaf)(nil)

func newTreeLeaf(hover func(string)) *treeLeaf {
	l := &treeLeaf{icon: widget.NewIcon(theme.RadioButtonIcon()), label: widget.NewLabel(""), hover: hover}
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
	if l.truncated() {
		l.hover(l.label.Text)
	}
}

// MouseMoved is part of desktop.Hoverable.
func (l *treeLeaf) MouseMoved(*desktop.MouseEvent) {}

// MouseOut clears the whole title.
func (l *treeLeaf) MouseOut() { l.hover("") }
