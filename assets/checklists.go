package assets

import "embed"

// Checklists holds the built-in checklist templates, one YAML file per
// template named after its id (checklists/art19-measures-2023.yaml); the
// package app/checklist loads and validates them.
//
//go:embed checklists/*.yaml
var Checklists embed.FS
