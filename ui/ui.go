// Package ui is the Fyne GUI of Inspection Workbench: views and dialogs
// only. Every operation goes through package app; work that touches the
// disk runs on goroutines of its own and hands its results back to the UI
// goroutine with fyne.Do.
package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/inspection-workbench/workbench/app"
	"github.com/inspection-workbench/workbench/assets"
)

// AppID is the application id passed to app.NewWithID; preferences and
// the desktop entry are keyed on it.
const AppID = "org.inspectionworkbench.workbench"

// Icon is the application icon.
var Icon = fyne.NewStaticResource("icon.png", assets.Icon)

var cjkFont = fyne.NewStaticResource("DroidSansFallbackFull.ttf", assets.CJKFont)

// Setup prepares a Fyne app for the workbench: translations in the
// language chosen in the settings, theme, icon, and the process tuned so
// background work leaves the window room (app.Interactive). Call it once,
// before opening a workspace or building any window.
func Setup(a fyne.App) {
	app.Interactive()
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		fyne.LogError("load translations", err)
	}
	applyLanguage(a.Preferences().String(prefLanguage))
	a.Settings().SetTheme(workbenchTheme{})
	a.SetIcon(Icon)
}

// workbenchTheme is Fyne's default theme with an embedded CJK font for
// ordinary text, so Chinese renders whether or not the system has a CJK
// font. Monospace and symbols keep Fyne's own fonts.
type workbenchTheme struct{}

var _ fyne.Theme = workbenchTheme{}

func (workbenchTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, v)
}

func (workbenchTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	return cjkFont
}

func (workbenchTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}

func (workbenchTheme) Size(n fyne.ThemeSizeName) float32 {
	return theme.DefaultTheme().Size(n)
}
