// Package importers turns the files a provider submits into records and
// passages: bytes in, structured data out, no database. It reads the four
// submission kinds and the confidentiality labels of package workbench by
// their names there (workbench.Kind, workbench.Label …) and imports neither
// app nor store, so each importer can be tested and fuzzed on its own.
package importers
