//go:build ci || android || ios || mobile || wasm || js || test_web_driver || tamago || noos || tinygo

package ui

import "fyne.io/fyne/v2"

// keyIntercept decides about one key press before Fyne sees it: true
// when it took the key.
type keyIntercept func(ev *fyne.KeyEvent, mod fyne.KeyModifier) bool

// hookKeys does nothing where Fyne does not drive the window with GLFW:
// keys reach the window through the canvas only when no widget has the
// focus.
func hookKeys(fyne.Window, keyIntercept) {}
