//go:build !ci && !android && !ios && !mobile && !wasm && !js && !test_web_driver && !tamago && !noos && !tinygo

package ui

import (
	"reflect"
	"strings"
	"sync"
	"time"
	"unsafe"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// Fyne's desktop driver hands a key to the focused widget and only to
// it: the canvas's OnTypedKey and OnKeyDown run when nothing has the
// focus, and shortcuts (canvas.AddShortcut, a menu item's Shortcut) need
// a modifier such as Ctrl. So F1 never reached the window while the
// cursor was in a field, the case list or a Select had the focus, and a
// dialog's Enter and Escape were lost on a focused Select or Check (see
// fyne.io/fyne/v2/internal/driver/glfw window.go, processKeyPressed and
// triggersShortcut). Fyne's answer is to extend every focusable widget;
// instead the workbench puts its own handler in front of the driver's in
// GLFW's key callback, which sees every key of the window first.

// keyIntercept decides about one key press before Fyne sees it: true
// when it took the key, which then reaches no widget.
type keyIntercept func(ev *fyne.KeyEvent, mod fyne.KeyModifier) bool

var (
	hookMu sync.Mutex
	hooked = map[fyne.Window]keyIntercept{}
)

// hookKeys makes intercept see the key presses of w before Fyne does.
// It needs the GLFW window behind w, which the driver creates when w is
// first shown: until then it waits (polling on the UI goroutine), and on
// a window of another driver (Fyne's test driver) it does nothing. A
// second call for the same window replaces the intercept.
func hookKeys(w fyne.Window, intercept keyIntercept) {
	if !hasViewport(w) {
		return
	}
	hookMu.Lock()
	_, done := hooked[w]
	hooked[w] = intercept
	hookMu.Unlock()
	if done {
		return
	}
	go func() {
		for range 6000 { // ten minutes for the window to be shown
			installed := false
			fyne.DoAndWait(func() { installed = installKeyHook(w) })
			if installed {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	}()
}

// viewportField is the field of Fyne's GLFW window that holds the GLFW
// window, when w is one.
func viewportField(w fyne.Window) (reflect.Value, bool) {
	v := reflect.ValueOf(w)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	f := v.Elem().FieldByName("viewport")
	if !f.IsValid() || f.Type() != reflect.TypeFor[*glfw.Window]() {
		if strings.HasSuffix(v.Elem().Type().PkgPath(), "/internal/driver/glfw") {
			// A window of the desktop driver without the field: Fyne has
			// changed. Say so, loudly (the smoke run fails on it).
			missingViewport.Do(func() {
				fyne.LogError("key hook: Fyne's GLFW window has no viewport field any more; F1, Enter and Escape reach only windows without a focused field", nil)
			})
		}
		return reflect.Value{}, false
	}
	return f, true
}

var missingViewport sync.Once

// hasViewport says whether w is a window of Fyne's GLFW driver.
func hasViewport(w fyne.Window) bool {
	_, ok := viewportField(w)
	return ok
}

// installKeyHook puts the intercept of w in front of the driver's key
// callback once the GLFW window exists, and says whether it did. It runs
// on the UI goroutine, where GLFW and the driver set that callback.
func installKeyHook(w fyne.Window) bool {
	f, ok := viewportField(w)
	if !ok {
		return true // nothing to hook, ever
	}
	// The field is unexported: read it through its address.
	vp := *(**glfw.Window)(unsafe.Pointer(f.UnsafeAddr()))
	if vp == nil {
		return false
	}
	var next glfw.KeyCallback
	next = vp.SetKeyCallback(func(gw *glfw.Window, key glfw.Key, scancode int, action glfw.Action, mods glfw.ModifierKey) {
		if action == glfw.Press {
			if name := hookedKeyName(key); name != "" {
				hookMu.Lock()
				intercept := hooked[w]
				hookMu.Unlock()
				if intercept != nil && intercept(&fyne.KeyEvent{Name: name, Physical: fyne.HardwareKey{ScanCode: scancode}}, keyModifier(mods)) {
					return
				}
			}
		}
		if next != nil {
			next(gw, key, scancode, action, mods)
		}
	})
	return true
}

// hookedKeyName names the keys the intercept may take: F1, Escape and
// Enter. The others go straight to Fyne.
func hookedKeyName(k glfw.Key) fyne.KeyName {
	switch k {
	case glfw.KeyF1:
		return fyne.KeyF1
	case glfw.KeyEscape:
		return fyne.KeyEscape
	case glfw.KeyEnter:
		return fyne.KeyReturn
	case glfw.KeyKPEnter:
		return fyne.KeyEnter
	}
	return ""
}

// keyModifier is mods as Fyne names them.
func keyModifier(mods glfw.ModifierKey) fyne.KeyModifier {
	var m fyne.KeyModifier
	if mods&glfw.ModShift != 0 {
		m |= fyne.KeyModifierShift
	}
	if mods&glfw.ModControl != 0 {
		m |= fyne.KeyModifierControl
	}
	if mods&glfw.ModAlt != 0 {
		m |= fyne.KeyModifierAlt
	}
	if mods&glfw.ModSuper != 0 {
		m |= fyne.KeyModifierSuper
	}
	return m
}
