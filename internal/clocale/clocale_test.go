package clocale

import "testing"

func TestLanguage(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"LANG": "C.UTF-8"}, true},
		{map[string]string{"LANG": "POSIX.utf8"}, true},
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}, true},
		{map[string]string{"LC_MESSAGES": "C.UTF-8", "LANG": "zh_CN.UTF-8"}, true},
		{map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "C.UTF-8"}, false},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "zh_CN"}, false},
		{map[string]string{"LANG": "C"}, false}, // go-locale handles a bare C
		{map[string]string{"LANG": "zh_CN.UTF-8"}, false},
		{map[string]string{}, false},
	} {
		lang, ok := Language(func(k string) string { return tc.env[k] })
		if ok != tc.want || ok && lang != "en" {
			t.Errorf("%v: %q %v, want %v", tc.env, lang, ok, tc.want)
		}
	}
}
