package version

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestGet(t *testing.T) {
	stamped := func(rev, at string, modified bool) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			bi := &debug.BuildInfo{}
			if rev != "" {
				m := "false"
				if modified {
					m = "true"
				}
				bi.Settings = []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.time", Value: at}, {Key: "vcs.modified", Value: m}}
			}
			return bi, true
		}
	}
	const sha = "e1959a4c0ffee0123456789abcdef0123456789a"
	for _, tc := range []struct {
		name                string
		v, commit, date     string
		read                func() (*debug.BuildInfo, bool)
		wantV, wantC, wantD string
	}{
		{"linker flags win", "v0.2.0", sha, "2026-12-07T05:00:00Z", stamped("ffff", "2020-01-01T00:00:00Z", true),
			"v0.2.0", sha, "2026-12-07T05:00:00Z"},
		{"no tag: the commit names the build", "", "", "", stamped(sha, "2026-12-06T10:00:00Z", false),
			"e1959a4", sha, "2026-12-06T10:00:00Z"},
		{"no tag, uncommitted changes", "", "", "", stamped(sha, "2026-12-06T10:00:00Z", true),
			"e1959a4-dirty", sha, "2026-12-06T10:00:00Z"},
		{"nothing known", "", "", "", stamped("", "", false), Default, "", ""},
		{"no build info", "", "", "", func() (*debug.BuildInfo, bool) { return nil, false }, Default, "", ""},
	} {
		got := get(tc.v, tc.commit, tc.date, tc.read)
		want := Info{Version: tc.wantV, Commit: tc.wantC, Date: tc.wantD, Go: runtime.Version()}
		if got != want {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, want)
		}
	}
}
