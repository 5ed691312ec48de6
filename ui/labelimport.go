package ui

import (
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/inspection-workbench/workbench/ui/dialogs"
)

// imageExtensions are the names of the images read as label samples
// (PNG, JPEG, WebP). The file dialog lists them beside importExtensions.
var imageExtensions = []string{".png", ".jpg", ".jpeg", ".webp"}

// isImageName reports whether a file's name says it is an image the
// workbench reads as a label sample.
func isImageName(name string) bool {
	return slices.Contains(imageExtensions, strings.ToLower(filepath.Ext(name)))
}

// folderFilter is what a folder import takes. An inspector importing a
// provider's folder should not find every screenshot and logo in it
// turned into a content-label sample without asking for it: images are
// taken only when the kind chosen is label samples, and then only images
// (a table in that folder is not a sample). A file chosen or dropped by
// itself is imported whatever it is: the inspector named it.
func folderFilter(images bool) dialogs.Filter {
	if images {
		return dialogs.Filter{Extensions: imageExtensions}
	}
	return dialogs.Filter{Extensions: importExtensions}
}

// skippedImagesNote says, under the files a folder import left out, how
// to import its images as label samples; "" when it left out none.
func skippedImagesNote(skipped []skippedFile) string {
	if !slices.ContainsFunc(skipped, func(s skippedFile) bool { return s.image }) {
		return ""
	}
	return lang.L("Images in a folder are imported only as content-label samples: choose that kind and import the folder again to take its images (and nothing else), or import the images themselves.")
}
