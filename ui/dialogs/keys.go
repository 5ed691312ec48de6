package dialogs

import (
	"reflect"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyBinding is what Enter and Escape do while one dialog is shown.
type keyBinding struct {
	enter, escape func()
}

// keyStack is the bindings of one canvas's open dialogs, the newest last,
// and the canvas's own key handler from before the first.
type keyStack struct {
	base  func(*fyne.KeyEvent)
	items []*keyBinding
}

var (
	keysMu sync.Mutex
	stacks = map[fyne.Canvas]*keyStack{}
)

// Closer is a dialog whose closing can be observed: every dialog.Dialog.
type Closer interface {
	SetOnClosed(func())
}

// BindKeys makes Enter call enter and Escape call escape while d is
// shown on win (nil leaves that key alone). Keys typed into a focused
// widget, such as an entry, stay with it; keys that no open dialog takes
// go to the window's own handler. It sets d's OnClosed, which then calls
// onClosed. Call it on the UI goroutine, before or after d.Show.
func BindKeys(win fyne.Window, d Closer, enter, escape func(), onClosed ...func()) {
	c := win.Canvas()
	b := &keyBinding{enter: enter, escape: escape}
	keysMu.Lock()
	st := stacks[c]
	if st == nil {
		st = &keyStack{base: c.OnTypedKey()}
		stacks[c] = st
		c.SetOnTypedKey(func(ev *fyne.KeyEvent) { typed(c, ev) })
	}
	st.items = append(st.items, b)
	keysMu.Unlock()
	d.SetOnClosed(func() {
		unbind(c, b)
		for _, f := range onClosed {
			f()
		}
	})
}

// Intercept gives Enter and Escape to the newest dialog shown on c with
// BindKeys, whatever has the focus inside it, and reports whether it took
// the key. Fyne hands a key to the focused widget before the window, and
// a Select, a Check or a button does nothing with Enter or Escape, so a
// dialog whose Select had the focus ignored both. The window calls
// Intercept before Fyne sees a key (see ui.hookKeys); what the focused
// widget does with the key itself is kept:
//
//   - an open drop-down (a Select's list) closes on Escape and picks its
//     item on Enter;
//   - Enter in a multi-line entry starts a new line, and in a one-line
//     entry with an OnSubmitted submits it as that entry does;
//   - Enter on a focused button presses it, as on other desktops (Fyne's
//     button takes only Space), so Enter on Cancel cancels.
//
// Escape goes to the dialog's escape, Enter to its enter; a dialog bound
// without one leaves that key to the focused widget.
func Intercept(c fyne.Canvas, ev *fyne.KeyEvent) bool {
	if ev.Name != fyne.KeyEscape && ev.Name != fyne.KeyReturn && ev.Name != fyne.KeyEnter {
		return false
	}
	keysMu.Lock()
	var top *keyBinding
	if st := stacks[c]; st != nil && len(st.items) > 0 {
		top = st.items[len(st.items)-1]
	}
	keysMu.Unlock()
	if top == nil {
		return false
	}
	focused := c.Focused()
	if _, ok := focused.(*widget.PopUpMenu); ok {
		return false
	}
	if ev.Name == fyne.KeyEscape {
		if top.escape == nil {
			return false
		}
		top.escape()
		return true
	}
	if e := entryOf(focused); e != nil && (e.MultiLine || e.OnSubmitted != nil) {
		return false
	}
	if b := buttonOf(focused); b != nil {
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
		return true
	}
	if top.enter == nil {
		return false
	}
	top.enter()
	return true
}

// Submit does what Enter does in the newest dialog bound on c, whatever
// has the focus, and reports whether there was one to do it: Ctrl+Enter
// submits a dialog from inside its multi-line entry, where Enter starts a
// new line.
func Submit(c fyne.Canvas) bool {
	keysMu.Lock()
	var top *keyBinding
	if st := stacks[c]; st != nil && len(st.items) > 0 {
		top = st.items[len(st.items)-1]
	}
	keysMu.Unlock()
	if top == nil || top.enter == nil {
		return false
	}
	if _, ok := c.Focused().(*widget.PopUpMenu); ok {
		return false
	}
	top.enter()
	return true
}

// Open reports whether a dialog bound with BindKeys shows on c.
func Open(c fyne.Canvas) bool {
	keysMu.Lock()
	defer keysMu.Unlock()
	st := stacks[c]
	return st != nil && len(st.items) > 0
}

// entryOf is the entry o is, or extends by embedding widget.Entry; nil
// for anything else.
func entryOf(o fyne.Focusable) *widget.Entry {
	if e, ok := o.(*widget.Entry); ok {
		return e
	}
	e, _ := embedded(o, reflect.TypeFor[widget.Entry]()).(*widget.Entry)
	return e
}

// buttonOf is the button o is, or extends by embedding widget.Button.
func buttonOf(o fyne.Focusable) *widget.Button {
	if b, ok := o.(*widget.Button); ok {
		return b
	}
	b, _ := embedded(o, reflect.TypeFor[widget.Button]()).(*widget.Button)
	return b
}

// embedded is a pointer to the field of type t that the struct o points
// to embeds, nil when it has none.
func embedded(o any, t reflect.Type) any {
	v := reflect.ValueOf(o)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f, ok := v.Elem().Type().FieldByName(t.Name())
	if !ok || !f.Anonymous || f.Type != t {
		return nil
	}
	return v.Elem().FieldByIndex(f.Index).Addr().Interface()
}

// typed hands a key to the newest dialog's binding, or to the canvas's
// own handler.
func typed(c fyne.Canvas, ev *fyne.KeyEvent) {
	keysMu.Lock()
	st := stacks[c]
	var base func(*fyne.KeyEvent)
	var top *keyBinding
	if st != nil {
		base = st.base
		if n := len(st.items); n > 0 {
			top = st.items[n-1]
		}
	}
	keysMu.Unlock()
	if top != nil {
		switch ev.Name {
		case fyne.KeyEscape:
			if top.escape != nil {
				top.escape()
				return
			}
		case fyne.KeyReturn, fyne.KeyEnter:
			if top.enter != nil {
				top.enter()
				return
			}
		}
	}
	if base != nil {
		base(ev)
	}
}

// unbind removes b; with no dialog left the canvas gets its own handler
// back.
func unbind(c fyne.Canvas, b *keyBinding) {
	keysMu.Lock()
	defer keysMu.Unlock()
	st := stacks[c]
	if st == nil {
		return
	}
	for i, x := range st.items {
		if x == b {
			st.items = append(st.items[:i], st.items[i+1:]...)
			break
		}
	}
	if len(st.items) == 0 {
		c.SetOnTypedKey(st.base)
		delete(stacks, c)
	}
}
