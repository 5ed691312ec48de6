package ui

// ruleText names an automated check's rule for the GUI. Temporary: the
// real one, in ui/names.go, replaces this file at merge.
func ruleText(id string) string { return id }
