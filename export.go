package workbench

// Languages of an exported workbook: how the CLI's --lang and the GUI's
// export dialog name them.
const (
	ExportLangZh   = "zh"   // Chinese sheet names, headers, labels and texts
	ExportLangEn   = "en"   // English sheet names, headers, labels and texts
	ExportLangBoth = "both" // English sheet names; headers and labels "中文 / English"; texts in both
)
