#!/bin/sh
# Regenerates the committed PDF fixtures. Needs LibreOffice Writer, a CJK
# font (fonts-noto-cjk), poppler-utils, img2pdf, qpdf and Python 3; the
# tests only read the committed PDFs and need none of these.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

soffice --headless --writer --convert-to pdf --outdir "$tmp" algorithm-zh.html >/dev/null
cp "$tmp/algorithm-zh.pdf" algorithm-zh.pdf

# scanned.pdf: pages 1-2 rendered to greyscale PNGs and wrapped as images,
# so it has no text layer.
pdftoppm -f 1 -l 2 -r 60 -gray -png algorithm-zh.pdf "$tmp/page"
img2pdf "$tmp"/page-*.png -o scanned.pdf

# encrypted.pdf: user password "user" — cannot be opened without it.
qpdf --encrypt user owner 256 -- algorithm-zh.pdf encrypted.pdf
# owner-only.pdf: empty user password, owner password only (restrictions).
qpdf --encrypt "" owner 256 -- algorithm-zh.pdf owner-only.pdf

# form-lo.pdf: filled text fields (an HTML form read by LibreOffice, whose
# field appearances PDFium cannot draw Chinese with); comments-lo.pdf:
# comments exported as PDF sticky notes.
soffice --headless --infilter="HTML (StarWriter)" --convert-to \
	'pdf:writer_pdf_Export:{"ExportFormFields":{"type":"boolean","value":"true"}}' \
	--outdir "$tmp" form-lo.html >/dev/null
cp "$tmp/form-lo.pdf" form-lo.pdf
soffice --headless --convert-to \
	'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}' \
	--outdir "$tmp" comments-lo.fodt >/dev/null
cp "$tmp/comments-lo.pdf" comments-lo.pdf

# cjk-spaced.pdf: letter-spaced Chinese, which LibreOffice sets glyph by
# glyph, beside ordinary lines.
soffice --headless --convert-to pdf --outdir "$tmp" cjk-spaced.fodt >/dev/null
cp "$tmp/cjk-spaced.pdf" cjk-spaced.pdf

# The malformed and unusual cases no office suite writes on purpose.
python3 handmade.py
