package export

import "github.com/inspection-workbench/workbench/pii"

// MaskPersonalInfo masks the personal information in s — what the
// workbook writes in every free-text cell unless Data.IncludePersonalInfo
// is set. It masks exactly what the workbench's one detector, [pii.Find],
// finds (resident ID numbers, mobile numbers, e-mail addresses and
// bank-card numbers; see package pii for what counts and how each is
// masked), so the personal-information scan and the export agree.
//
// MaskPersonalInfo is deterministic: the app can tell that an edited cell
// still holds the masked export of a stored text by comparing it with
// MaskPersonalInfo of that text (see IsMaskedOf).
func MaskPersonalInfo(s string) string { return pii.Mask(s) }

// IsMaskedOf reports whether cell is what the workbook shows for original
// when personal information is masked, that is MaskPersonalInfo(original).
// The app uses it to avoid overwriting a stored note or finding with its
// own masked export; when original holds no personal information it is
// simply cell == original.
func IsMaskedOf(cell, original string) bool {
	return MaskPersonalInfo(original) == cell
}
