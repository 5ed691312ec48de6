#!/usr/bin/env python3
"""Writes the small hand-made PDF fixtures (Python standard library only).

These are the cases no office suite writes on purpose: a page tree with a
page that cannot be loaded, an unsupported security handler, an XFA form
that shows only its "Please wait" placeholder, and every kind of
annotation text side by side. Chinese text uses the standard Adobe-GB1 font STSong-Light
(not embedded) with the UniGB-UCS2-H encoding, which PDFium maps back to
Unicode without a ToUnicode table.

Run from this directory: python3 handmade.py
"""

import zlib


class PDF:
    """A minimal PDF writer: numbered objects, a classic xref table."""

    def __init__(self):
        self.objs = {}

    def add(self, num, body):
        if isinstance(body, str):
            body = body.encode("latin-1")
        self.objs[num] = body

    def stream(self, num, data, extra=""):
        if isinstance(data, str):
            data = data.encode("latin-1")
        packed = zlib.compress(data)
        self.add(num, b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(packed), extra.encode())
                 + packed + b"\nendstream")

    def write(self, path, root=1, size=None, trailer=""):
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for num in sorted(self.objs):
            offsets[num] = len(out)
            out += b"%d 0 obj\n" % num + self.objs[num] + b"\nendobj\n"
        size = size or max(self.objs) + 1
        xref = len(out)
        out += b"xref\n0 %d\n" % size
        out += b"0000000000 65535 f \n"
        for num in range(1, size):
            if num in offsets:
                out += b"%010d 00000 n \n" % offsets[num]
            else:
                out += b"0000000000 65535 f \n"
        out += b"trailer\n<< /Size %d /Root %d 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, trailer.encode(), xref)
        with open(path, "wb") as f:
            f.write(out)


def zh(s):
    """A UniGB-UCS2-H hex string for s."""
    return "<" + s.encode("utf-16-be").hex().upper() + ">"


def utf16(s):
    """A PDF text string (UTF-16BE with BOM) for s."""
    return "<FEFF" + s.encode("utf-16-be").hex().upper() + ">"


FONTS = """<< /Font << /F1 10 0 R /F2 11 0 R >> >>"""


def add_fonts(pdf):
    pdf.add(10, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pdf.add(11, "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
                "/DescendantFonts [12 0 R] >>")
    pdf.add(12, "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
                "/FontDescriptor 13 0 R /DW 1000 >>")
    pdf.add(13, "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
                "/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
                "/CapHeight 880 /StemV 93 >>")


def page(pdf, num, content_num, content, annots=""):
    pdf.add(num, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s "
                 "/Contents %d 0 R %s >>" % (FONTS, content_num, annots))
    pdf.stream(content_num, content)


def zh_line(x, y, s, size=14):
    return "BT /F2 %d Tf %d %d Td %s Tj ET\n" % (size, x, y, zh(s))


def latin_line(x, y, s, size=12):
    return "BT /F1 %d Tf %d %d Td (%s) Tj ET\n" % (size, x, y, s)


def bad_page():
    """Three pages; the second is a reference to an object that does not
    exist, so PDFium counts it but cannot load it."""
    pdf = PDF()
    add_fonts(pdf)
    pdf.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
    pdf.add(2, "<< /Type /Pages /Kids [3 0 R 99 0 R 5 0 R] /Count 3 >>")
    page(pdf, 3, 4, zh_line(72, 760, "第一页：训练数据来源说明"))
    page(pdf, 5, 6, zh_line(72, 760, "第三页：安全评估结论"))
    pdf.write("bad-page.pdf")


def all_pages_bad():
    """Two pages, neither of which can be loaded."""
    pdf = PDF()
    pdf.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
    pdf.add(2, "<< /Type /Pages /Kids [98 0 R 99 0 R] /Count 2 >>")
    pdf.write("all-pages-bad.pdf")


def unsupported_encryption():
    """Encrypted with a security handler PDFium does not have (public-key
    encryption names its own /Filter): it cannot be opened at all."""
    pdf = PDF()
    add_fonts(pdf)
    pdf.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
    pdf.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    page(pdf, 3, 4, zh_line(72, 760, "加密正文"))
    pdf.add(9, "<< /Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s5 /V 4 /Length 128 "
               "/Recipients [<00>] >>")
    pdf.write("unsupported-encryption.pdf", trailer="/Encrypt 9 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]")


PLACEHOLDER = [
    "Please wait...",
    "If this message is not eventually replaced by the proper contents of the document, your PDF",
    "viewer may not be able to display this type of document.",
    "You can upgrade to the latest version of Adobe Reader for Windows, Mac, or Linux by",
    "visiting http://www.adobe.com/go/reader_download.",
    "For more assistance with Adobe Reader visit http://www.adobe.com/go/acrreader.",
]


def xfa():
    """A dynamic XFA form (NeedsRendering): its one page holds only the
    placeholder text Adobe's tools put there for viewers without XFA."""
    pdf = PDF()
    add_fonts(pdf)
    pdf.add(1, "<< /Type /Catalog /Pages 2 0 R /NeedsRendering true "
               "/AcroForm << /Fields [] /XFA [(template) 7 0 R (datasets) 8 0 R] >> >>")
    pdf.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    content = "".join(latin_line(30, 800 - 40 * i, s) for i, s in enumerate(PLACEHOLDER))
    page(pdf, 3, 4, content)
    pdf.stream(7, '<template xmlns="http://www.xfa.org/schema/xfa-template/3.3/">'
                  '<subform name="form1"><field name="provider"/></subform></template>')
    pdf.stream(8, '<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/">'
                  '<xfa:data><form1><provider>Xinghe</provider></form1></xfa:data></xfa:datasets>')
    pdf.write("xfa-placeholder.pdf")


def xfa_with_text():
    """A dynamic XFA form whose page shows text of its own rather than the
    placeholder: it is read, with a warning that it may be incomplete."""
    pdf = PDF()
    add_fonts(pdf)
    pdf.add(1, "<< /Type /Catalog /Pages 2 0 R /NeedsRendering true "
               "/AcroForm << /Fields [] /XFA 7 0 R >> >>")
    pdf.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    page(pdf, 3, 4, zh_line(72, 760, "备案申请表（静态预览）"))
    pdf.stream(7, '<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template/></xdp:xdp>')
    pdf.write("xfa-with-text.pdf")


def annotations():
    """Page 1 has body text and a one-word sticky note. Page 2 has body
    text, a filled text field with an appearance, a filled text field
    without one (NeedAppearances), a check box, a free-text note, a sticky
    note with its popup, a highlight with a comment and a link. Page 3 has
    only a sticky note."""
    pdf = PDF()
    add_fonts(pdf)
    pdf.add(1, "<< /Type /Catalog /Pages 2 0 R "
               "/AcroForm << /Fields [20 0 R 22 0 R 23 0 R] /NeedAppearances true /DR %s /DA (/F2 12 Tf 0 g) >> >>" % FONTS)
    pdf.add(2, "<< /Type /Pages /Kids [3 0 R 5 0 R 7 0 R] /Count 3 >>")
    page(pdf, 3, 4, zh_line(72, 760, "第一页正文：算法机制机理说明"), "/Annots [31 0 R]")
    page(pdf, 5, 6,
         zh_line(72, 760, "第二页正文：提供者信息") + zh_line(72, 720, "提供者名称：") + zh_line(72, 680, "联系人："),
         "/Annots [20 0 R 22 0 R 23 0 R 24 0 R 25 0 R 26 0 R 27 0 R 28 0 R]")
    page(pdf, 7, 8, "", "/Annots [29 0 R]")
    # A filled text field whose appearance stream shows its value.
    pdf.add(20, "<< /Type /Annot /Subtype /Widget /FT /Tx /T (provider) /V %s "
                "/Rect [170 715 470 735] /F 4 /P 5 0 R /DA (/F2 12 Tf 0 g) /AP << /N 21 0 R >> >>"
            % utf16("星河智算科技有限公司"))
    pdf.stream(21, "/Tx BMC BT /F2 12 Tf 2 5 Td %s Tj ET EMC" % zh("星河智算科技有限公司"),
               "/Type /XObject /Subtype /Form /BBox [0 0 300 20] /Resources %s" % FONTS)
    # A filled text field without an appearance stream.
    pdf.add(22, "<< /Type /Annot /Subtype /Widget /FT /Tx /T (contact) /V %s "
                "/Rect [170 675 470 695] /F 4 /P 5 0 R /DA (/F2 12 Tf 0 g) >>" % utf16("王五 13800000000"))
    # A check box: its value is a state name, not text.
    pdf.add(23, "<< /Type /Annot /Subtype /Widget /FT /Btn /T (agree) /V /Yes /AS /Yes "
                "/Rect [72 640 84 652] /F 4 /P 5 0 R >>")
    # A free-text note, drawn on the page by its appearance stream.
    pdf.add(24, "<< /Type /Annot /Subtype /FreeText /Rect [300 600 560 630] /F 4 /P 5 0 R "
                "/Contents %s /T %s /DA (/F2 12 Tf 0 g) /AP << /N 30 0 R >> >>"
            % (utf16("自由文本批注：数据比例待核实"), utf16("赵六")))
    pdf.stream(30, "BT /F2 12 Tf 2 10 Td %s Tj ET" % zh("自由文本批注：数据比例待核实"),
               "/Type /XObject /Subtype /Form /BBox [0 0 260 30] /Resources %s" % FONTS)
    # A sticky note and its popup (the popup repeats nothing of its own).
    pdf.add(25, "<< /Type /Annot /Subtype /Text /Rect [40 750 60 770] /F 4 /P 5 0 R "
                "/Contents %s /T %s /Popup 26 0 R /Name /Comment >>"
            % (utf16("请补充训练数据的来源清单"), utf16("张三")))
    pdf.add(26, "<< /Type /Annot /Subtype /Popup /Rect [60 650 260 750] /Parent 25 0 R /P 5 0 R >>")
    # A highlight with a comment.
    pdf.add(27, "<< /Type /Annot /Subtype /Highlight /Rect [72 755 300 775] /F 4 /P 5 0 R "
                "/QuadPoints [72 775 300 775 72 755 300 755] /C [1 1 0] "
                "/Contents %s /T %s >>" % (utf16("此处表述与备案材料不一致"), utf16("李四")))
    pdf.add(28, "<< /Type /Annot /Subtype /Link /Rect [72 500 200 520] "
                "/A << /S /URI /URI (http://example.invalid/) >> >>")
    pdf.add(29, "<< /Type /Annot /Subtype /Text /Rect [40 750 60 770] /F 4 /P 7 0 R "
                "/Contents (Page three has no body text, only this note.) /T (Inspector A) >>")
    # A short sticky note whose words also stand in the page's text: still
    # a comment of its own.
    pdf.add(31, "<< /Type /Annot /Subtype /Text /Rect [40 750 60 770] /F 4 /P 3 0 R "
                "/Contents %s /T %s >>" % (utf16("算法"), utf16("王五")))
    pdf.write("annotations.pdf")


if __name__ == "__main__":
    bad_page()
    all_pages_bad()
    unsupported_encryption()
    xfa()
    xfa_with_text()
    annotations()
