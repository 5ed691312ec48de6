package dialogs

import (
	"sync"

	"fyne.io/fyne/v2"
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
