// Package clocale quiets Fyne about the C locale. Fyne reads the user's
// language when its lang package is initialised, and logs "Error parsing
// user locale C" when the locale is C or POSIX with a character set
// (LANG=C.UTF-8, common in containers and under wine): go-locale passes
// the "C" on as a language tag. The workbench's own language comes from
// its settings, so nothing is lost but the message, printed to every user
// of such a machine.
//
// Importing the package for its side effect, before anything imports
// Fyne, sets LANGUAGE=en when the locale is C.* or POSIX.* and LANGUAGE
// is unset: go-locale then reads the language there, as gettext does when
// localisation is on. The character set (LANG, LC_*) is left as it is, so
// file names in other scripts are read as before. Go initialises a
// program's packages in the order of their import paths where the
// imports allow it (the Go specification, "Package initialization"),
// and this package's path sorts before go-locale's, which Fyne's lang
// package waits for.
package clocale

import (
	"os"
	"strings"
)

func init() {
	if lang, ok := Language(os.Getenv); ok {
		_ = os.Setenv("LANGUAGE", lang)
	}
}

// Language is the LANGUAGE value to set for the environment getenv
// reads, and whether one is needed: "en" when LANGUAGE is unset and the
// locale that decides messages (LC_ALL, else LC_MESSAGES, else LANG) is
// C or POSIX with a character set or modifier.
func Language(getenv func(string) string) (string, bool) {
	if getenv("LANGUAGE") != "" {
		return "", false
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		base, _, _ := strings.Cut(v, "@")
		base, _, _ = strings.Cut(base, ".")
		if (base == "C" || base == "POSIX") && v != base {
			return "en", true
		}
		return "", false
	}
	return "", false
}
