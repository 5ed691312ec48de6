package ui

import (
	"runtime"
	"strings"
	"testing"

	"github.com/inspection-workbench/workbench/internal/version"
)

// TestAboutDialog renders Help → About in English and Chinese in both
// states it can be in: a release build, which knows its version, commit
// and build date, and a plain build that knows none of them.
func TestAboutDialog(t *testing.T) {
	saved := [3]string{version.Version, version.Commit, version.Date}
	t.Cleanup(func() { version.Version, version.Commit, version.Date = saved[0], saved[1], saved[2] })
	const sha = "e1959a4c0ffee0123456789abcdef0123456789a"
	for _, l := range []string{"en", "zh"} {
		t.Run(l, func(t *testing.T) {
			inLanguage(t, l)
			pick := func(en, zh string) string { return pickLang(en, zh, l) }
			mw, _, _ := newShellCaseWindow(t)
			for _, st := range []struct {
				name          string
				v, c, d       string
				want, notWant []string
			}{
				{"release", "v0.2.0", sha, "2026-12-07T05:00:00Z",
					[]string{"v0.2.0", sha, "2026-12-07 05:00 UTC", pick("Commit", "提交编号"), pick("Build date", "构建日期")},
					[]string{pick("unknown", "未知")}},
				// A test binary carries no VCS stamp: nothing is known.
				{"plain", "", "", "", []string{version.Default, pick("unknown", "未知")}, []string{sha}},
			} {
				version.Version, version.Commit, version.Date = st.v, st.c, st.d
				it := menuItem(t, mw, pick("Help", "帮助"), pick("About Inspection Workbench", "关于生成式人工智能服务检查工作台"))
				userAct(mw, it.Action)
				shown := topDialog(mw)
				for _, w := range append(st.want, runtime.Version(), pick("Version", "版本"),
					pick("Works offline: the program makes no network connections.", "离线运行：本程序不进行任何网络连接。")) {
					if !strings.Contains(shown, w) {
						t.Errorf("%s: no %q in the dialog:\n%s", st.name, w, shown)
					}
				}
				for _, w := range st.notWant {
					if strings.Contains(shown, w) {
						t.Errorf("%s: %q in the dialog:\n%s", st.name, w, shown)
					}
				}
				if l == "zh" {
					if en := untranslated(t, onScreen(mw)); len(en) > 0 {
						t.Errorf("%s: English in the Chinese interface: %q", st.name, en)
					}
				}
				screenshot(t, mw, "about-"+st.name+"-"+l)
				dismissDialogs(mw)
			}
		})
	}
}
