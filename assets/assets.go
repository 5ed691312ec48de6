// Package assets holds everything the program embeds: the application
// icon, the CJK font the GUI renders Chinese with, and the translations.
// It imports nothing but embed, so every layer may use it.
package assets

import "embed"

// Icon is the application icon (PNG, 256×256).
//
//go:embed icon.png
var Icon []byte

// CJKFont is Droid Sans Fallback (Apache License 2.0, see fonts/NOTICE),
// a single-face TrueType font covering Latin and CJK, so Chinese renders on
// machines without a CJK system font.
//
//go:embed fonts/DroidSansFallbackFull.ttf
var CJKFont []byte

// Translations holds the GUI's message catalogues, one JSON file per
// language (wb.en.json, wb.zh_Hans.json), in the folder "translations".
//
//go:embed translations/*.json
var Translations embed.FS

// Demo holds the sample provider's submissions (a copy of testdata/sample,
// kept identical by a test) that the demo workspace imports.
//
//go:embed demo
var Demo embed.FS
