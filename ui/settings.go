package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/inspection-workbench/workbench/assets"
)

// Preference keys. Fyne keeps preferences per application id (AppID).
const (
	prefLanguage     = "language"        // "", "zh" or "en"
	prefWindowWidth  = "window.width"    // the window's size when last closed
	prefWindowHeight = "window.height"   //
	prefLastCase     = "case.last"       // id of the case last shown
	prefCaseList     = "caseList.hidden" // the case list is hidden
	prefCaseListSize = "caseList.offset" // the case list's share of the width
	defaultListShare = 0.24              // of the width, for the case list
	languageSystem   = ""                // follow the system's language
	languageChinese  = "zh"              //
	languageEnglish  = "en"              //
	minWindowWidth   = 800               // a remembered size is not trusted below this
	minWindowHeight  = 500               //
)

// uiLanguage is the language chosen in the settings (languageSystem,
// languageChinese or languageEnglish), set by applyLanguage.
var uiLanguage = languageSystem

// applyLanguage makes lang.L speak the language chosen. Fyne picks a
// translation by the system's locale and has no call to prefer another,
// so the chosen language's messages are loaded under the locales Fyne may
// pick: English and Chinese. Fyne's own few texts (in its file dialog)
// keep the system's language.
func applyLanguage(choice string) {
	en, errEn := assets.Translations.ReadFile("translations/wb.en.json")
	zh, errZh := assets.Translations.ReadFile("translations/wb.zh_Hans.json")
	if errEn != nil || errZh != nil {
		fyne.LogError("read translations", errEn)
		return
	}
	forEn, forZh := en, zh
	switch choice {
	case languageChinese:
		forEn = zh
	case languageEnglish:
		forZh = en
	default:
		choice = languageSystem
	}
	for _, t := range []struct {
		data []byte
		loc  fyne.Locale
	}{{forEn, "en"}, {forZh, "zh-Hans"}} {
		if err := lang.AddTranslationsForLocale(t.data, t.loc); err != nil {
			fyne.LogError("load translations for "+string(t.loc), err)
		}
	}
	uiLanguage = choice
}

// speaksChinese reports whether the GUI speaks Chinese: the language
// chosen in the settings, else the system's.
func speaksChinese() bool {
	switch uiLanguage {
	case languageChinese:
		return true
	case languageEnglish:
		return false
	}
	return strings.HasPrefix(lang.SystemLocale().LanguageString(), "zh")
}

// windowSize is the size the window had when last closed, else one that
// fits a 1366×768 screen.
func (mw *MainWindow) windowSize() fyne.Size {
	w := mw.prefs.Float(prefWindowWidth)
	h := mw.prefs.Float(prefWindowHeight)
	if w < minWindowWidth || h < minWindowHeight {
		return fyne.NewSize(1280, 720)
	}
	return fyne.NewSize(float32(w), float32(h))
}

// remember keeps the window's size and the case list's width for the
// next start.
func (mw *MainWindow) remember() {
	size := mw.win.Canvas().Size()
	if size.Width >= minWindowWidth && size.Height >= minWindowHeight {
		mw.prefs.SetFloat(prefWindowWidth, float64(size.Width))
		mw.prefs.SetFloat(prefWindowHeight, float64(size.Height))
	}
	if mw.split != nil {
		mw.prefs.SetFloat(prefCaseListSize, mw.split.Offset)
	}
}

// lastCase is the id of the case last shown, 0 for none.
func (mw *MainWindow) lastCase() int64 { return int64(mw.prefs.Int(prefLastCase)) }

func (mw *MainWindow) setLastCase(id int64) { mw.prefs.SetInt(prefLastCase, int(id)) }

// caseListShown reports whether the case list is shown (it is unless the
// user hid it).
func (mw *MainWindow) caseListShown() bool { return !mw.prefs.Bool(prefCaseList) }

// setCaseListShown shows or hides the case list, and remembers it. A
// hidden list leaves a narrow strip with a button that brings it back.
func (mw *MainWindow) setCaseListShown(shown bool) {
	mw.prefs.SetBool(prefCaseList, !shown)
	if mw.split != nil {
		mw.prefs.SetFloat(prefCaseListSize, mw.split.Offset)
	}
	if mw.listItem != nil {
		mw.listItem.Checked = shown
		if menu := mw.win.MainMenu(); menu != nil {
			menu.Refresh()
		}
	}
	content := container.NewPadded(mw.content)
	if shown {
		mw.split = container.NewHSplit(mw.nav, content)
		offset := mw.prefs.FloatWithFallback(prefCaseListSize, defaultListShare)
		if offset <= 0.05 || offset >= 0.7 {
			offset = defaultListShare
		}
		mw.split.SetOffset(offset)
		mw.body.Objects = []fyne.CanvasObject{mw.split}
	} else {
		mw.split = nil
		show := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { mw.setCaseListShown(true) })
		show.Importance = widget.LowImportance
		strip := container.NewVBox(show)
		mw.body.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, strip, nil, content)}
	}
	mw.body.Refresh()
}

// closeRequested saves the typed work and the window's size, then closes.
func (mw *MainWindow) closeRequested() {
	mw.saveThen(func() {
		mw.remember()
		mw.win.Close()
	})
}

// beforeClose saves what the window keeps when it closes.
func (mw *MainWindow) beforeClose() {
	_ = mw.saveWork()
	mw.remember()
}

// ShowSettings opens the settings: the language (follow the system,
// Chinese, English). A new language applies at once: the window is built
// again in it.
func (mw *MainWindow) ShowSettings() dialog.Dialog {
	options := []string{lang.L("Follow the system"), "中文", "English"}
	values := []string{languageSystem, languageChinese, languageEnglish}
	choice := widget.NewRadioGroup(options, nil)
	choice.Required = true
	current := mw.prefs.String(prefLanguage)
	for i, v := range values {
		if v == current {
			choice.SetSelected(options[i])
		}
	}
	note := widget.NewLabel(lang.L("The window is redrawn in the language chosen. Fyne's own file chooser keeps the system's language."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	items := []*widget.FormItem{
		{Text: lang.L("Language"), Widget: choice},
		{Widget: note},
	}
	d := newForm(lang.L("Settings"), lang.L("Apply"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		for i, o := range options {
			if o == choice.Selected {
				mw.setLanguage(values[i])
			}
		}
	}, mw.win)
	d.Resize(fyne.NewSize(520, d.MinSize().Height))
	d.Show()
	return d
}

// setLanguage switches the GUI to language choice, remembers it, and
// builds the window again in it, on the same case and tab.
func (mw *MainWindow) setLanguage(choice string) {
	if choice == uiLanguage {
		mw.prefs.SetString(prefLanguage, choice)
		return
	}
	// The window is built again: the typed assessment is stored first.
	mw.saveThen(func() { mw.rebuildIn(choice) })
}

// rebuildIn remembers language choice and builds the window again in it.
func (mw *MainWindow) rebuildIn(choice string) {
	mw.prefs.SetString(prefLanguage, choice)
	applyLanguage(choice)
	mw.win.SetTitle(lang.L("Inspection Workbench"))
	selected, tab := mw.selected, mw.tab
	mw.build()
	mw.tab = tab
	if selected != 0 {
		mw.list.Refresh()
		for i, c := range mw.cases {
			if c.ID == selected {
				mw.list.Select(i)
				mw.list.ScrollTo(i)
			}
		}
	}
}
