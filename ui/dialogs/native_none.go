//go:build fynedialogs || !(linux || freebsd || netbsd || openbsd || windows || darwin)

package dialogs

// platformDialogs returns nil: on this platform, or built with the tag
// fynedialogs, Fyne's dialogs are used.
func platformDialogs() Platform { return nil }
