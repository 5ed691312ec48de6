#!/usr/bin/env python3
"""Generate testdata/sample2: a second, independently written provider submission.

Fictional provider 苏州澜图智能科技有限公司 (service 澜图绘言, model LanTu-MM), text and image
generation, self-developed model. Everything here is made up: company, people, numbers.

Regenerate (from the repository root):

    python3 testdata/sample2/src/make_sample2.py

Needs only the Python 3 standard library and LibreOffice (`soffice`) on PATH. The flat ODF
sources (*.fods / *.fodt) are written next to this script and converted by LibreOffice into
the XLSX / DOCX / PDF files one folder up; the CSV and JSON are written directly. Zip entry
times and PDF dates are pinned afterwards so that reruns give identical bytes where
LibreOffice allows.
"""

import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
SEED = 20250612
FIXED_TS = (2025, 6, 12, 10, 0, 0)

# ---------------------------------------------------------------------------
# The provider
# ---------------------------------------------------------------------------

COMPANY = "苏州澜图智能科技有限公司"
SERVICE = "澜图绘言"
MODEL = "LanTu-MM"
MODEL_VERSION = "V2.1"
ORG_BODY = "MA1W7K3P"  # first 8 characters of the organisation code segment
FILING_NO = "网信算备320508574619301240037号"
SUBMIT_DATE = "2025-06-16"
EXPORT_DATE = dt.date(2025, 6, 10)

PEOPLE = {
    "filler": "周晓岚",      # 数据合规部
    "checker": "许文博",     # 法务部
    "cso": "沈亦舟",         # 首席安全官
    "ops": "顾晨阳",         # 内容安全运营
    "label_lead": "钱嘉禾",  # 标注平台负责人
}


# WORKBENCH_NOTE was added by the workbench team after the sample was
# written: why the workbench proposes info_requested where the author
# expected non_compliant.
WORKBENCH_NOTE = (
    "Note (added by the workbench team, not by the sample's author): the two\n"
    "planted illegal-content actions are free text that names no action of the\n"
    "Measures (\"已记录，转策略组评估\", \"提示使用者修改提示词后重新生成\"). The\n"
    "workbench reads actions against the vocabulary of Art. 14, also inside\n"
    "prose, and a value it cannot classify is listed as *unclear* rather than\n"
    "as a problem — it could be a stop action under a name the workbench does\n"
    "not know. So `illegal_content_action` proposes `info_requested` with both\n"
    "records listed as unclear; the inspector reads them and decides. The\n"
    "sample's author expected `non_compliant`, which is what an inspector\n"
    "reading the two records would conclude.\n")


def org_check(s8):
    """GB 11714 check character of the 9-character organisation code."""
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    val = lambda c: int(c) if c.isdigit() else ord(c) - 55
    r = 11 - sum(val(c) * wi for c, wi in zip(s8, w)) % 11
    return "X" if r == 10 else ("0" if r == 11 else str(r))


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_check(p17):
    """GB 32100-2015 check character of the unified social credit code."""
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(p17, USCC_W))
    return USCC_CHARS[(31 - s % 31) % 31]


_P17 = "91320508" + ORG_BODY + org_check(ORG_BODY)
CREDIT_CODE = _P17 + uscc_check(_P17)
assert sum(USCC_CHARS.index(c) * w for c, w in zip(CREDIT_CODE, USCC_W + [1])) % 31 == 0


# ---------------------------------------------------------------------------
# Flat ODF helpers
# ---------------------------------------------------------------------------

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"'
)


def meta(title, creator):
    return (
        "<office:meta>"
        f"<dc:title>{escape(title)}</dc:title>"
        f"<meta:initial-creator>{escape(creator)}</meta:initial-creator>"
        f"<dc:creator>{escape(creator)}</dc:creator>"
        "<meta:creation-date>2025-06-12T10:00:00</meta:creation-date>"
        "<dc:date>2025-06-12T10:00:00</dc:date>"
        "<meta:generator>LanTu compliance toolkit</meta:generator>"
        "</office:meta>"
    )


def x(s):
    return escape(str(s))


class Sheet:
    """A table:table builder. Cells: str, int, float, or (kind, value[, extra])."""

    def __init__(self, name, widths):
        self.name = name
        self.widths = widths
        self.rows = []

    def row(self, cells, height=None):
        self.rows.append((cells, height))

    def xml(self, colstyle_prefix):
        out = [f'<table:table table:name="{x(self.name)}">']
        for i, _ in enumerate(self.widths):
            out.append(f'<table:table-column table:style-name="{colstyle_prefix}{i}"/>')
        for cells, height in self.rows:
            rs = f' table:style-name="{height}"' if height else ""
            out.append(f"<table:table-row{rs}>")
            for c in cells:
                out.append(cell_xml(c))
            out.append("</table:table-row>")
        out.append("</table:table>")
        return "".join(out)


def cell_xml(c):
    """Cell spec: None | str | int | float | dict(v=..., t=..., style=..., span=..., f=...)."""
    if c is None:
        return "<table:table-cell/>"
    if c == "COVERED":
        return "<table:covered-table-cell/>"
    if not isinstance(c, dict):
        c = {"v": c}
    v = c.get("v")
    style = c.get("style")
    attrs = ""
    if style:
        attrs += f' table:style-name="{style}"'
    if c.get("span"):
        attrs += f' table:number-columns-spanned="{c["span"]}" table:number-rows-spanned="1"'
    if c.get("f"):
        attrs += f' table:formula="{x(c["f"])}"'
    t = c.get("t")
    if t == "pct":
        attrs += f' office:value-type="percentage" office:value="{v!r}"'
        shown = c.get("shown") or f"{v * 100:.2f}%"
        return f"<table:table-cell{attrs}><text:p>{x(shown)}</text:p></table:table-cell>"
    if isinstance(v, (int, float)) and not isinstance(v, bool) and t != "str":
        attrs += f' office:value-type="float" office:value="{v}"'
        shown = c.get("shown") or (f"{v:,}" if isinstance(v, int) else str(v))
        return f"<table:table-cell{attrs}><text:p>{x(shown)}</text:p></table:table-cell>"
    if v is None or v == "":
        return f"<table:table-cell{attrs}/>"
    paras = "".join(f"<text:p>{x(p)}</text:p>" for p in str(v).split("\n"))
    return f'<table:table-cell{attrs} office:value-type="string">{paras}</table:table-cell>'


def merged(v, span, style=None):
    return [{"v": v, "span": span, "style": style}] + ["COVERED"] * (span - 1)


CALC_STYLES = """
<office:font-face-decls>
 <style:font-face style:name="宋体" svg:font-family="宋体" style:font-family-generic="roman"/>
 <style:font-face style:name="黑体" svg:font-family="黑体" style:font-family-generic="swiss"/>
 <style:font-face style:name="Arial" svg:font-family="Arial" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Default" style:family="table-cell">
  <style:text-properties style:font-name="Arial" fo:font-size="10pt" style:font-name-asian="宋体" style:font-size-asian="10pt"/>
 </style:style>
</office:styles>
"""


def calc_auto_styles(prefix, widths_cm):
    cols = "".join(
        f'<style:style style:name="{prefix}{i}" style:family="table-column">'
        f'<style:table-column-properties style:column-width="{w}cm"/></style:style>'
        for i, w in enumerate(widths_cm)
    )
    return cols


CELL_STYLES = """
<number:percentage-style style:name="Npct"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<number:number-style style:name="Nint"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:row-height="0.9cm" style:use-optimal-row-height="false"/></style:style>
<style:style style:name="ro2" style:family="table-row"><style:table-row-properties style:row-height="1.6cm" style:use-optimal-row-height="false"/></style:style>
<style:style style:name="ceTitle" style:family="table-cell" style:parent-style-name="Default">
 <style:table-cell-properties style:vertical-align="middle"/>
 <style:paragraph-properties fo:text-align="center"/>
 <style:text-properties fo:font-size="16pt" fo:font-weight="bold" style:font-name-asian="黑体" style:font-size-asian="16pt" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="ceBig" style:family="table-cell" style:parent-style-name="Default">
 <style:paragraph-properties fo:text-align="center"/>
 <style:text-properties fo:font-size="22pt" fo:font-weight="bold" style:font-name-asian="黑体" style:font-size-asian="22pt" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="ceHead" style:family="table-cell" style:parent-style-name="Default">
 <style:table-cell-properties fo:background-color="#d9e2f3" fo:border="0.5pt solid #000000" fo:wrap-option="wrap" style:vertical-align="middle"/>
 <style:paragraph-properties fo:text-align="center"/>
 <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="ceBody" style:family="table-cell" style:parent-style-name="Default">
 <style:table-cell-properties fo:border="0.5pt solid #000000" fo:wrap-option="wrap" style:vertical-align="top"/>
</style:style>
<style:style style:name="ceInt" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Nint">
 <style:table-cell-properties fo:border="0.5pt solid #000000" style:vertical-align="top"/>
</style:style>
<style:style style:name="cePct" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Npct">
 <style:table-cell-properties fo:border="0.5pt solid #000000" style:vertical-align="top"/>
</style:style>
<style:style style:name="ceTotal" style:family="table-cell" style:parent-style-name="Default">
 <style:table-cell-properties fo:background-color="#f2f2f2" fo:border="0.5pt solid #000000"/>
 <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="ceTotalInt" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Nint">
 <style:table-cell-properties fo:background-color="#f2f2f2" fo:border="0.5pt solid #000000"/>
 <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
</style:style>
<style:style style:name="ceNote" style:family="table-cell" style:parent-style-name="Default">
 <style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="top"/>
 <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
</style:style>
<style:style style:name="ceLeft" style:family="table-cell" style:parent-style-name="Default">
 <style:paragraph-properties fo:text-align="start"/>
 <style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/>
</style:style>
"""


def write_fods(path, title, creator, sheets):
    auto = CELL_STYLES
    body = []
    for k, sh in enumerate(sheets):
        prefix = f"co{k}_"
        auto += calc_auto_styles(prefix, sh.widths)
        body.append(sh.xml(prefix))
    doc = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {NS} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
        + meta(title, creator)
        + CALC_STYLES
        + "<office:automatic-styles>" + auto + "</office:automatic-styles>"
        + "<office:body><office:spreadsheet>" + "".join(body)
        + "</office:spreadsheet></office:body></office:document>\n"
    )
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)


# ---------------------------------------------------------------------------
# 1. Training-data sources (XLSX: 封面 / 训练数据来源 / 填表说明)
# ---------------------------------------------------------------------------

DS_HEADERS = [
    "No. 编号",
    "Source Name 来源名称",
    "Type 类别",
    "Origin 境内/境外",
    "训练阶段 Stage",
    "Data Type 数据类型",
    "Scale 规模",
    "合法性来源说明 Lawful Source",
    "授权许可",
    "是否含个人信息 PI",
    "个人信息处理依据 PI Legal Basis",
    "是否含著作权作品 Copyright",
    "著作权授权情况 Copyright Licence",
    "Collection Period 采集时间",
    "抽检样本量 Sample Size",
    "违法不良信息占比 Harmful %",
    "Quality Measures 质量措施",
    "备注 Remarks",
]

QM_WEB = "去重（MinHash）、低质过滤、关键词库与安全分类模型双重过滤、人工抽检"
QM_LIC = "去重、格式清洗、关键词库过滤、人工抽检"
QM_IMG = "去重（感知哈希）、图文一致性打分、安全分类模型过滤、人工抽检"
QM_SFT = "双人标注、交叉复核、批次抽样核验"

# id, name, type, origin, stage, dtype, scale, lawful, licence, pi, pi_basis, cr, cr_lic,
# period, sample, harmful, qm, remark
DATA_SOURCES = [
    ("YL-01", "中文公开网页语料", "自采语料-互联网采集", "境内", "预训练", "文本", "约 8,600 亿 tokens",
     "采集公开可访问网页，遵守 robots 协议，未绕过登录、付费及反爬措施；保留采集日志",
     "网站公开页面（遵守 robots 协议及网站声明）", "是",
     "个人自行公开或其他已经合法公开的个人信息，依据《个人信息保护法》第十三条第一款第（六）项在合理范围内处理；已去标识化",
     "是", "已与 6 家主要内容平台签订数据授权协议（LT-SQ-2023-011 至 016）；声明禁止转载的站点已整站剔除",
     "2023-02 ~ 2024-10", 20000, 0.0085, QM_WEB, ""),
    ("YL-02", "中文维基百科（2023-11 转储）", "开源语料", "境外", "预训练", "文本", "2.3 GB（约 9.8 亿 tokens）",
     "维基媒体基金会公开发布的数据转储，按许可协议使用",
     "CC BY-SA 4.0", "否", "不涉及", "是", "CC BY-SA 4.0（署名、相同方式共享）",
     "2023-11", 5000, 0.0012, QM_LIC, ""),
    ("YL-03", "英文通用网页语料（Common Crawl 过滤子集）", "开源语料", "境外", "预训练", "文本", "约 4,200 亿 tokens",
     "Common Crawl 公开发布的网页抓取数据，按其使用条款使用",
     "Common Crawl Terms of Use", "是",
     "已经合法公开的个人信息，依据《个人信息保护法》第十三条第一款第（六）项；已去标识化",
     "是", "按 Common Crawl 使用条款；版权方声明退出的域名已剔除",
     "2022-05 ~ 2023-12", 8000, 0.076, QM_WEB, "入库前已按关键词库及安全分类模型过滤"),
    ("YL-04", "图书授权语料", "商业语料", "境内", "预训练", "文本", "12.6 万册（约 310 亿 tokens）",
     "与出版单位签订《数字内容授权使用协议》，约定可用于模型训练",
     "数字内容授权使用协议（LT-CG-2023-021）", "否", "不涉及",
     "是", "出版单位授权，协议编号 LT-CG-2023-021，授权期限 2023-06 至 2028-06",
     "2023-06 ~ 2024-03", 6000, 0.0005, QM_LIC, ""),
    ("YL-05", "网络文学公开章节", "自采语料-互联网采集", "境内", "预训练", "文本", "310 GB",
     "采集文学网站免费公开章节，遵守 robots 协议",
     "网站公开页面（遵守 robots 协议）", "否", "不涉及",
     "是", "未单独取得授权",
     "2023-04 ~ 2023-12", 6000, 0.021, QM_WEB, "付费章节未采集"),
    ("YL-06", "新闻资讯授权语料", "商业语料", "境内", "预训练", "文本", "2,450 万篇",
     "向具备互联网新闻信息服务资质的单位采购，签订数据采购合同",
     "数据采购合同（LT-CG-2023-007）", "是",
     "新闻报道中依法公开的个人信息，依据《个人信息保护法》第十三条第一款第（五）项（为公共利益实施新闻报道）",
     "是", "供应方授权用于模型训练（合同 LT-CG-2023-007 第 4 条）",
     "2015-01 ~ 2024-06", 10000, 0.0018, QM_LIC, ""),
    ("YL-07", "开源代码语料", "开源语料", "境外", "预训练", "代码", "1.8 TB",
     "公开代码托管平台上的开源仓库，仅保留宽松许可证仓库",
     "MIT / Apache-2.0 / BSD-2-Clause / BSD-3-Clause", "否", "不涉及",
     "是", "仅收录 MIT、Apache-2.0、BSD 许可证仓库，保留许可证文本",
     "2023-01 ~ 2024-02", 4000, 0.0, "去重、许可证识别、敏感信息（密钥）扫描、人工抽检", ""),
    ("YL-08", "采购中文图文对", "商业语料", "境内", "预训练", "图片+文本", "3.2 亿对",
     "向数据服务商采购，供应方承诺数据来源合法并提供来源证明",
     "图文数据采购合同（LT-CG-2024-003）", "是",
     "图片中可识别人物已取得肖像使用授权（供应方提供授权书）",
     "是", "供应方取得著作权人授权并转授权用于模型训练（合同 LT-CG-2024-003）",
     "2024-01 ~ 2024-05", 12000, 0.0042, QM_IMG, ""),
    ("YL-09", "开源图文对数据集（CC 协议子集）", "开源语料", "境外", "预训练", "图片+文本", "1.1 亿对",
     "公开发布的图文对数据集，仅保留 CC BY / CC0 许可条目",
     "CC BY 4.0 / CC0 1.0", "否", "不涉及（已用人脸检测剔除含人脸图片）",
     "是", "CC BY 4.0 / CC0 1.0，逐条保留署名信息",
     "2023-08 ~ 2023-10", 10000, 0.0095, QM_IMG, ""),
    ("YL-10", "自有摄影图库", "自采语料-自行生产", "境内", "预训练", "图片", "86 万张",
     "本公司委托摄影团队拍摄，著作权归本公司所有",
     "自有版权（委托创作合同约定著作权归本公司）", "是",
     "出镜模特均签署《肖像使用授权书》，取得书面同意",
     "是", "本公司享有著作权（委托创作合同 LT-WT-2023-002）",
     "2023-03 ~ 2024-08", 4000, 0.0, "人工筛选、元数据校验、人工抽检", ""),
    ("YL-11", "行业知识问答语料", "自采语料-互联网采集", "境内", "优化训练（SFT）", "文本", "1,600 万条",
     "待补充", "", "否", "不涉及", "否", "不涉及",
     "2022-09 ~ 2023-03", 5000, 0.013, QM_LIC, "历史积累数据，沿用自 V1.x 版本"),
    ("YL-12", "人工编写指令数据", "自采语料-自行生产", "境内", "优化训练（SFT）", "文本", "42 万条",
     "本公司标注团队依据标注规则编写，权利归本公司所有",
     "自有数据", "否", "不涉及", "否", "不涉及",
     "2024-01 ~ 2025-03", 8000, 0.0, QM_SFT, ""),
    ("YL-13", "使用者输入信息（已授权部分）", "使用者输入信息", "境内", "优化训练（SFT）", "文本", "180 万条",
     "使用者在《用户协议》《隐私政策》中单独同意将其输入用于模型优化",
     "《隐私政策》第 5.3 条授权记录", "是",
     "取得使用者单独同意（《隐私政策》第 5.3 条，可在“设置-隐私”中随时撤回）；已去标识化",
     "否", "不涉及",
     "2024-08 ~ 2025-02", 10000, 0.0061, "去标识化、关键词库与安全分类模型过滤、人工抽检", "未授权使用者数据不进入训练"),
    ("YL-14", "客服对话记录", "使用者输入信息", "境内", "优化训练（SFT）", "文本", "36 万条",
     "本公司客服系统留存的对话记录",
     "内部数据", "是", "待法务确认",
     "否", "不涉及",
     "2023-09 ~ 2024-09", 4000, 0.0025, "去标识化、人工抽检", ""),
    ("YL-15", "合成指令数据", "合成语料", "境内", "优化训练（SFT）", "文本", "95 万条",
     "由本公司自研模型生成，经人工审核后使用",
     "自有数据", "否", "不涉及", "否", "不涉及",
     "2024-05 ~ 2025-01", 6000, 0.0033, "生成后经安全分类模型过滤、人工抽检、去重", ""),
    ("YL-16", "偏好对比数据", "自采语料-自行生产", "境内", "优化训练（偏好对齐）", "文本", "28 万对",
     "本公司标注团队对模型输出进行排序标注",
     "自有数据", "否", "不涉及", "否", "不涉及",
     "2024-03 ~ 2025-03", 4000, 0.0, QM_SFT, ""),
    ("YL-17", "安全对齐语料（拒答与正向引导）", "自采语料-自行生产", "境内", "优化训练（偏好对齐）", "文本", "6.5 万条",
     "本公司安全团队依据 TC260-003 附录 A 的 31 类风险编写",
     "自有数据", "否", "不涉及", "否", "不涉及",
     "2024-02 ~ 2025-04", 4000, 0.0, QM_SFT, "违法不良样例仅作负例，已单独存放"),
    ("YL-18", "境外图片素材（采购）", "商业语料", "境外", "预训练", "图片", "2,100 万张",
     "向境外图片素材平台采购训练许可",
     "图片素材训练许可合同（LT-CG-2024-009）", "是", "",
     "是", "素材平台训练许可（合同 LT-CG-2024-009）",
     "2024-03 ~ 2024-07", 8000, 0.0071, QM_IMG, "部分图片含可识别人物"),
    ("YL-19", "早期实验语料", "自采语料-互联网采集", "境内", "预训练", "文本", "43 GB",
     "", "", "否", "不涉及", "否", "不涉及",
     "2021-06 ~ 2022-08", 4000, 0.028, QM_WEB, "V1.0 研发期间积累"),
]


def build_data_sources():
    cover = Sheet("封面", [3.0, 12.0, 3.0])
    cover.row([None, None, None])
    cover.row([None, None, None])
    cover.row([None, {"v": COMPANY, "style": "ceBig"}, None], "ro2")
    cover.row([None, None, None])
    cover.row([None, {"v": "生成式人工智能服务", "style": "ceTitle"}, None], "ro1")
    cover.row([None, {"v": "训练数据来源说明", "style": "ceTitle"}, None], "ro1")
    cover.row([None, None, None])
    for line in [
        f"服务名称：{SERVICE}",
        f"模型名称：{MODEL}（{MODEL_VERSION}）",
        "文件编号：LT-HG-2025-017",
        "版本：第 3 版",
        f"报送单位：{COMPANY}（盖章）",
        "报送日期：2025年6月16日",
        "密级：商业秘密 □公开 ☑内部",
        "",
        f"编制：{PEOPLE['filler']}（数据合规部）",
        f"审核：{PEOPLE['checker']}（法务部）",
        f"批准：{PEOPLE['cso']}（首席安全官）",
        "签字：______________",
    ]:
        cover.row([None, {"v": line, "style": "ceLeft"}, None])

    widths = [1.8, 5.0, 3.6, 2.0, 2.8, 2.2, 3.6, 6.0, 4.5, 2.0, 6.0, 2.0, 5.5, 3.4, 2.4, 2.4, 5.0, 4.0]
    ds = Sheet("训练数据来源 Sources", widths)
    n = len(DS_HEADERS)
    ds.row(merged("表1  训练数据来源明细 Training Data Sources（数据截至 2025-05-31）", n, "ceTitle"), "ro1")
    ds.row([{"v": h, "style": "ceHead"} for h in DS_HEADERS], "ro2")
    first = 3
    for r in DATA_SOURCES:
        (sid, name, typ, origin, stage, dtype, scale, lawful, lic, pi, pib, cr, crl,
         period, sample, harm, qm, remark) = r
        cells = [sid, name, typ, origin, stage, dtype, scale, lawful, lic, pi, pib, cr, crl, period]
        row = [{"v": c, "style": "ceBody"} for c in cells]
        row.append({"v": sample, "style": "ceInt"})
        row.append({"v": harm, "t": "pct", "style": "cePct"})
        row.append({"v": qm, "style": "ceBody"})
        row.append({"v": remark, "style": "ceBody"})
        ds.row(row)
    last = first + len(DATA_SOURCES) - 1
    total_sample = sum(r[14] for r in DATA_SOURCES)
    ntext = sum(1 for r in DATA_SOURCES if r[5] == "文本")
    nimg = sum(1 for r in DATA_SOURCES if "图片" in r[5])
    ncode = sum(1 for r in DATA_SOURCES if r[5] == "代码")
    total = [{"v": "合计", "style": "ceTotal"},
             {"v": f"{len(DATA_SOURCES)} 个来源（文本 {ntext}、图片/图文 {nimg}、代码 {ncode}）", "style": "ceTotal"}]
    total += [{"v": "", "style": "ceTotal"}] * 12
    total.append({"v": total_sample, "f": f"of:=SUM([.O{first}:.O{last}])", "style": "ceTotalInt"})
    total += [{"v": "", "style": "ceTotal"}] * 3
    ds.row(total)
    ds.row([None] * n)
    ds.row(merged("注：1. 类别按 TC260-003《生成式人工智能服务安全基本要求》的语料来源表述（开源语料、自采语料、商业语料、使用者输入信息），"
                  "合成语料为本公司模型生成的数据；2. 违法不良信息占比 = 抽检中发现的违法不良信息条数 ÷ 抽检样本量；"
                  "3. 规模为入库（清洗后）规模；4. 训练阶段“优化训练”含有监督微调（SFT）及偏好对齐。", n, "ceNote"), "ro2")
    ds.row(merged(f"填报人：{PEOPLE['filler']}        审核人：{PEOPLE['checker']}        填报日期：2025-06-12", n, "ceNote"))

    notes = Sheet("填表说明", [4.0, 16.0])
    notes.row([{"v": "字段", "style": "ceHead"}, {"v": "说明", "style": "ceHead"}])
    for k, v in [
        ("Type 类别", "开源语料 / 自采语料-互联网采集 / 自采语料-自行生产 / 商业语料 / 使用者输入信息 / 合成语料"),
        ("合法性来源说明", "说明数据来源合法的依据：采集方式、合同、许可协议、授权记录等"),
        ("授权许可", "开源许可证名称、采购合同编号或其他授权文件"),
        ("个人信息处理依据", "个人同意或《个人信息保护法》第十三条规定的其他情形；不含个人信息的填“不涉及”"),
        ("著作权授权情况", "含著作权作品的，填写授权方式及文件编号；不含的填“不涉及”"),
        ("违法不良信息占比", "以百分比填写，保留两位小数"),
    ]:
        notes.row([{"v": k, "style": "ceBody"}, {"v": v, "style": "ceBody"}])

    write_fods(os.path.join(SRC, "data_sources.fods"), "训练数据来源说明", PEOPLE["filler"], [cover, ds, notes])


# ---------------------------------------------------------------------------
# 3a. Algorithm key facts (XLSX, 项目 | 内容)
# ---------------------------------------------------------------------------

COMPLAINT_LIMIT_TEXT = "自受理之日起 7 个工作日内处理完毕并反馈处理结果（《澜图绘言用户协议》第 11.2 条，官网“投诉举报”页面公示）"

KEY_FACTS = [
    ("企业名称", COMPANY),
    ("统一社会信用代码", CREDIT_CODE),
    ("服务名称", SERVICE),
    ("服务形式", "App（iOS/Android）、网页端、开放 API"),
    ("模型名称", MODEL),
    ("模型版本", f"{MODEL_VERSION}（2025-04 上线）"),
    ("基础模型", "无。本模型为本公司自研，未使用第三方基础模型"),
    ("基础模型备案号", "不适用（自研模型）"),
    ("模型架构", "文本：Decoder-only Transformer，混合专家（MoE）结构；图片：潜空间扩散模型（DiT 主干），文本编码器复用 LanTu-MM 文本模型"),
    ("参数量", "文本模型总参数 1,460 亿（每 token 激活约 220 亿）；图片生成模型 38 亿"),
    ("训练方法", "大规模预训练 + 有监督微调（SFT）+ 基于人类反馈的强化学习（RLHF，含 DPO）；图片模型为预训练 + 高质量数据微调"),
    ("生成内容类型", "文本;图片"),
    ("安全机制", "输入、输出双向审核；关键词库 1.2 万条，每周更新；安全分类模型覆盖 TC260-003 附录 A 全部 31 类风险；"
                 "拒答与正向引导策略；图片输入输出审核；未成年人模式；违规账号分级处置"),
    ("是否具有舆论属性或者社会动员能力", "是"),
    ("安全评估", "已完成。2024-05 按国家有关规定开展安全评估（自评估并委托第三方测评，报告编号 LT-AQPG-2024-05）"),
    ("算法备案号", FILING_NO),
    ("投诉举报处理流程与反馈时限", COMPLAINT_LIMIT_TEXT),
    ("个人信息权利请求处理时限", "自收到请求之日起 15 日内处理并答复"),
    ("投诉举报入口", "App“我的-帮助与反馈-投诉举报”；网页端页脚“投诉举报”；邮箱 report@lantu-ai.example"),
    ("安全负责人", f"{PEOPLE['cso']}（首席安全官）"),
]


def build_keyfacts():
    sh = Sheet("算法关键信息", [7.5, 16.0])
    sh.row(merged("生成式人工智能服务算法关键信息表", 2, "ceTitle"), "ro1")
    sh.row([{"v": "项目", "style": "ceHead"}, {"v": "内容", "style": "ceHead"}])
    for k, v in KEY_FACTS:
        sh.row([{"v": k, "style": "ceBody"}, {"v": v, "style": "ceBody"}])
    sh.row([None, None])
    sh.row([{"v": f"填表人：{PEOPLE['filler']}   日期：2025-06-12", "style": "ceNote"}, None])
    write_fods(os.path.join(SRC, "algorithm_keyfacts.fods"), "算法关键信息表", PEOPLE["filler"], [sh])


# ---------------------------------------------------------------------------
# Writer documents (FODT): annotation rules (-> DOCX) and algorithm description (-> PDF)
# ---------------------------------------------------------------------------

def writer_doc(title, creator, styles_xml, header, footer, body_xml, font_serif, font_sans, page_styles=""):
    fonts = (
        "<office:font-face-decls>"
        f'<style:font-face style:name="{font_serif}" svg:font-family="&apos;{font_serif}&apos;" style:font-family-generic="roman"/>'
        f'<style:font-face style:name="{font_sans}" svg:font-family="&apos;{font_sans}&apos;" style:font-family-generic="swiss"/>'
        "</office:font-face-decls>"
    )
    base = f"""
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:line-height="150%"/>
  <style:text-properties style:font-name="{font_serif}" fo:font-size="10.5pt" style:font-name-asian="{font_serif}" style:font-size-asian="10.5pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:text-align="center" fo:border-bottom="0.5pt solid #000000" fo:padding-bottom="0.1cm"/>
  <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
 </style:style>
 <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:line-height="120%"/>
  <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>
 </style:style>
 {styles_xml}
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21.0cm" fo:page-height="29.7cm" fo:margin-top="2.0cm" fo:margin-bottom="2.0cm" fo:margin-left="2.6cm" fo:margin-right="2.6cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="15.8cm" table:align="margins"/></style:style>
 <style:style style:name="TblCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="TblHead" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000" fo:background-color="#e7e6e6"/></style:style>
 {page_styles}
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">{x(header)}</text:p></style:header>
  <style:footer><text:p text:style-name="Footer">{x(footer)}  第 <text:page-number text:select-page="current">1</text:page-number> 页  共 <text:page-count>1</text:page-count> 页</text:p></style:footer>
 </style:master-page>
</office:master-styles>
"""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
        + meta(title, creator) + fonts + base
        + "<office:body><office:text>" + body_xml + "</office:text></office:body></office:document>\n"
    )


def p(style, text):
    return f'<text:p text:style-name="{style}">{x(text)}</text:p>'


def table_xml(name, headers, rows, widths_cm, pstyle="Table_20_Contents"):
    out = [f'<table:table table:name="{name}" table:style-name="Tbl">']
    for _ in widths_cm:
        out.append("<table:table-column/>")
    out.append("<table:table-header-rows><table:table-row>")
    for h in headers:
        out.append(f'<table:table-cell table:style-name="TblHead" office:value-type="string">{p(pstyle, h)}</table:table-cell>')
    out.append("</table:table-row></table:table-header-rows>")
    for r in rows:
        out.append("<table:table-row>")
        for c in r:
            out.append(f'<table:table-cell table:style-name="TblCell" office:value-type="string">{p(pstyle, c)}</table:table-cell>')
        out.append("</table:table-row>")
    out.append("</table:table>")
    return "".join(out)


# Custom paragraph styles as a Chinese compliance team would define them in WPS/Word:
# not based on the built-in headings and without outline levels.
ANNOT_STYLES = """
 <style:style style:name="文档标题" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="0.4cm" fo:margin-bottom="0.4cm"/>
  <style:text-properties style:font-name="黑体" fo:font-size="18pt" fo:font-weight="bold" style:font-name-asian="黑体" style:font-size-asian="18pt" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="一级标题" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="黑体" fo:font-size="14pt" fo:font-weight="bold" style:font-name-asian="黑体" style:font-size-asian="14pt" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="二级标题" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="黑体" fo:font-size="12pt" fo:font-weight="bold" style:font-name-asian="黑体" style:font-size-asian="12pt" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="正文缩进" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-indent="0.74cm" fo:margin-bottom="0.1cm"/>
 </style:style>
 <style:style style:name="条款列项" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="0.74cm" fo:margin-bottom="0.05cm"/>
 </style:style>
 <style:style style:name="文档信息" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/>
 </style:style>
"""

RISKS = [
    ("A.1.1", "煽动颠覆国家政权、推翻社会主义制度", "S-A11", "输出中出现号召推翻国家政权的口号或行动方案"),
    ("A.1.2", "危害国家安全和利益、损害国家形象", "S-A12", "捏造、歪曲国家重大政策或丑化国家形象的内容"),
    ("A.1.3", "煽动分裂国家、破坏国家统一和社会稳定", "S-A13", "宣扬地区独立、煽动群体对立的言论"),
    ("A.1.4", "宣扬恐怖主义、极端主义", "S-A14", "美化恐怖袭击、传授爆炸物制作"),
    ("A.1.5", "宣扬民族仇恨", "S-A15", "贬损、仇视特定民族的表述"),
    ("A.1.6", "宣扬暴力、淫秽色情", "S-A16", "血腥虐杀细节描写；色情描写或裸露图片"),
    ("A.1.7", "传播虚假有害信息", "S-A17", "编造灾情、疫情、警情；虚假医疗功效"),
    ("A.1.8", "其他法律、行政法规禁止的内容", "S-A18", "赌博引流、毒品制作、枪支买卖"),
    ("A.2.1", "民族歧视内容", "S-A21", "以民族身份评价个人能力"),
    ("A.2.2", "信仰歧视内容", "S-A22", "贬低特定宗教信仰者"),
    ("A.2.3", "国别歧视内容", "S-A23", "以国籍对人群作负面定性"),
    ("A.2.4", "地域歧视内容", "S-A24", "以籍贯、地域给人贴负面标签"),
    ("A.2.5", "性别歧视内容", "S-A25", "招聘文案中限定性别且无正当理由"),
    ("A.2.6", "年龄歧视内容", "S-A26", "贬低老年人学习能力"),
    ("A.2.7", "职业歧视内容", "S-A27", "侮辱特定职业从业者"),
    ("A.2.8", "健康歧视内容", "S-A28", "歧视疾病患者、残疾人"),
    ("A.2.9", "其他方面歧视内容", "S-A29", "基于婚育状况、外貌等的歧视"),
    ("A.3.1", "侵犯他人知识产权", "S-A31", "完整复现受版权保护的作品；仿冒注册商标"),
    ("A.3.2", "违反商业道德", "S-A32", "编写虚假好评、刷单话术"),
    ("A.3.3", "泄露他人商业秘密", "S-A33", "输出未公开的企业内部资料"),
    ("A.3.4", "利用算法、数据、平台等优势，实施垄断和不正当竞争行为", "S-A34", "诋毁竞争对手商誉"),
    ("A.3.5", "其他商业违法违规行为", "S-A35", "虚假宣传、传销话术"),
    ("A.4.1", "危害他人身心健康", "S-A41", "诱导自伤、危险挑战"),
    ("A.4.2", "侵害他人肖像权", "S-A42", "未经同意生成真实人物形象图片"),
    ("A.4.3", "侵害他人名誉权", "S-A43", "捏造事实贬损具名个人"),
    ("A.4.4", "侵害他人荣誉权", "S-A44", "诋毁英雄烈士、否认其荣誉"),
    ("A.4.5", "侵害他人隐私权", "S-A45", "披露他人住址、行踪、病史"),
    ("A.4.6", "侵害他人个人信息权益", "S-A46", "输出身份证号、手机号等个人信息"),
    ("A.4.7", "侵犯他人其他合法权益", "S-A47", "侵害他人姓名权等"),
    ("A.5.1", "内容不准确，严重不符合科学常识或主流认知", "S-A51", "医学、法律等专业问答中的严重事实错误"),
    ("A.5.2", "内容不可靠，虽然不包含严重错误的内容，但无法对使用者形成帮助", "S-A52", "答非所问、空洞套话"),
]


def build_annotation_rules():
    b = []
    b.append(p("文档标题", "澜图多模态大模型数据标注规则"))
    b.append(p("文档信息", "文件编号：LT-BZ-001    版本：V2.1    生效日期：2025-03-01"))
    b.append(p("文档信息", f"编制：数据标注中心    审核：{PEOPLE['checker']}    批准：{PEOPLE['cso']}"))

    b.append(p("一级标题", "1 目的与适用范围"))
    b.append(p("正文缩进", "为落实《生成式人工智能服务管理暂行办法》第八条关于“制定符合本办法要求的清晰、具体、可操作的标注规则；"
                        "开展数据标注质量评估，抽样核验标注内容的准确性；对标注人员进行必要培训”的要求，规范本公司"
                        f"{MODEL} 模型研发过程中的数据标注活动，制定本规则。"))
    b.append(p("正文缩进", "本规则适用于本公司自有标注团队及外包标注供应商开展的文本、图片数据标注工作，包括功能性标注和安全性标注。"))

    b.append(p("一级标题", "2 依据文件"))
    for t in [
        "a) 《生成式人工智能服务管理暂行办法》（国家互联网信息办公室等七部门令第15号）；",
        "b) TC260-003《生成式人工智能服务安全基本要求》；",
        "c) GB/T 45674-2025《网络安全技术 生成式人工智能数据标注安全规范》（本公司提前对标）；",
        "d) 本公司《训练数据管理办法》（LT-SJ-003）。",
    ]:
        b.append(p("条款列项", t))

    b.append(p("一级标题", "3 标注规则"))
    b.append(p("二级标题", "3.1 通用要求"))
    for t in [
        "a) 标注任务按批次下发，每个批次有唯一批次号（格式 LBYY-NNN），批次内数据类型与标注类型单一；",
        "b) 功能性标注规则与安全性标注规则分别制定、分别培训、分别验收；",
        "c) 同一条数据的标注人员与审核人员不得为同一人；",
        "d) 标注结果以 JSON 格式保存，字段包括数据编号、标签、标注人、标注时间、审核人、审核结论。",
    ]:
        b.append(p("条款列项", t))
    b.append(p("二级标题", "3.2 功能性标注"))
    b.append(p("正文缩进", "功能性标注包括指令回复编写、回复质量评分、偏好排序、图文描述编写与图文一致性评分。"
                        "质量指标为准确率（抽样核验合格条数 ÷ 抽样条数），验收标准为不低于 95%。"))
    for t in [
        "a) 指令回复编写：回复应准确、完整、无事实错误，涉及医疗、法律、金融等专业领域的应给出风险提示；",
        "b) 回复质量评分：按“有用性、真实性、无害性”三个维度 1～5 分打分，并写明扣分理由；",
        "c) 偏好排序：对同一指令的 2～4 个模型回复排序，出现安全问题的回复一律排在最后；",
        "d) 图文描述：描述图片主体、场景、风格，不得臆测图片中人物的真实身份。",
    ]:
        b.append(p("条款列项", t))
    b.append(p("二级标题", "3.3 安全性标注"))
    b.append(p("正文缩进", "安全性标注覆盖 TC260-003 附录 A 所列 5 大类 31 种安全风险（见附录A），"
                        "每种风险的标注样例不少于 200 条，安全性标注数据量不低于标注数据总量的 3%。"))
    for t in [
        "a) 对每条数据判断是否包含附录A所列风险，包含的标注风险编号（可多选）及风险程度（高/中/低）；",
        "b) 对“应拒答”类指令，标注期望的拒答方式及正向引导内容；",
        "c) 对“不应拒答”类指令（如正常的医学、历史问题），标注为“应正常回答”，防止过度拒答；",
        "d) 难以判断的数据提交安全审核组仲裁，不得自行跳过。",
    ]:
        b.append(p("条款列项", t))
    b.append(p("二级标题", "3.4 图片标注"))
    b.append(p("正文缩进", "图片数据标注包括画面内容描述、风险判定（淫秽色情、血腥暴力、恐怖主义元素、问题地图、涉及真实人物等）"
                        "和图文一致性评分，风险判定参照 3.3 执行。"))

    b.append(p("一级标题", "4 标注人员培训与管理"))
    for t in [
        "a) 标注人员上岗前须参加培训，内容包括相关法律法规、本规则、安全风险识别，培训后考核合格方可上岗；",
        "b) 本规则或批次任务说明变更时，须重新组织培训，培训日期记入标注平台批次记录；",
        "c) 外包供应商人员与自有人员适用相同的培训和考核要求；",
        "d) 标注人员签署保密承诺书，不得留存、传播标注数据。",
    ]:
        b.append(p("条款列项", t))

    b.append(p("一级标题", "5 质量评估与抽样核验"))
    b.append(p("二级标题", "5.1 功能性标注批次"))
    b.append(p("正文缩进", "每个功能性标注批次完成后，由质检组按不低于 5% 的比例随机抽样核验，准确率不低于 95% 的批次方可验收；"
                        "抽样中发现违法内容的，整批作废。"))
    b.append(p("二级标题", "5.2 安全性标注批次"))
    b.append(p("正文缩进", "安全性标注批次逐条经至少一名审核人员复核，并由安全审核组抽样核验；"
                        "抽样核验不合格比例超过 5%（即准确率低于 95%）的，该批次作废并重新标注。"))
    b.append(p("二级标题", "5.3 记录"))
    b.append(p("正文缩进", "抽样数量、合格数量、准确率、审核人员、审核日期在标注平台逐批记录，可导出备查。"))

    b.append(p("一级标题", "6 记录与保存"))
    b.append(p("正文缩进", "标注规则各版本、培训记录、考核记录、批次质检记录保存不少于 3 年。"))

    b.append(p("一级标题", "附录A 安全性标注风险类别与示例"))
    b.append(table_xml("风险类别", ["风险编号", "风险类别", "标注标签", "示例"],
                       [list(r) for r in RISKS], [2.0, 5.5, 2.0, 6.3]))
    b.append(p("正文缩进", "注：示例为概括性描述，标注平台中每个标签附有正例、反例各不少于 10 条。"))

    doc = writer_doc("数据标注规则", PEOPLE["label_lead"], ANNOT_STYLES,
                     f"{COMPANY}    数据标注规则 V2.1    内部资料 注意保密",
                     "LT-BZ-001 受控文件", "".join(b), "宋体", "黑体")
    with open(os.path.join(SRC, "annotation_rules.fodt"), "w", encoding="utf-8") as f:
        f.write(doc)


ALGO_STYLES = """
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>
  <style:text-properties fo:font-size="18pt" fo:font-weight="bold" style:font-name-asian="Noto Sans CJK SC" style:font-size-asian="18pt" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1">
  <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.15cm"/>
  <style:text-properties fo:font-size="13pt" fo:font-weight="bold" style:font-name-asian="Noto Sans CJK SC" style:font-size-asian="13pt" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-indent="0.74cm" fo:margin-bottom="0.1cm"/>
 </style:style>
 <style:style style:name="Field" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="0.5cm"/>
 </style:style>
"""


def build_algorithm_pdf():
    b = []
    b.append(p("Title", "澜图绘言 算法机制机理说明（摘要）"))
    for line in [
        f"企业名称：{COMPANY}",
        f"服务名称：{SERVICE}",
        f"模型名称：{MODEL}",
        f"模型版本：{MODEL_VERSION}",
        "基础模型：无（自研）",
        f"算法备案号：{FILING_NO}",
        "生成内容类型：文本、图片",
        "参数量：文本模型 1,460 亿（MoE，激活约 220 亿）；图片生成模型 38 亿",
        "舆论属性或社会动员能力：具有",
        "安全评估：已完成（2024 年 5 月）",
    ]:
        b.append(p("Field", line))
    b.append(p("Heading_20_1", "一、算法基本原理"))
    b.append(p("Body", f"{MODEL} 由文本生成模型和图片生成模型组成，均由本公司自主研发、从零训练，未使用第三方基础模型。"
                       "文本模型采用 Decoder-only Transformer 混合专家结构，根据上文逐词预测生成文本；"
                       "图片模型采用潜空间扩散模型，以文本模型编码的提示词为条件，从噪声逐步去噪生成图片。"))
    b.append(p("Heading_20_1", "二、训练流程"))
    b.append(p("Body", "训练分为预训练、有监督微调和基于人类反馈的强化学习三个阶段。训练数据来源、规模、类型及标注规则"
                       "见《训练数据来源说明》（LT-HG-2025-017）和《数据标注规则》（LT-BZ-001）。"))
    b.append(p("Heading_20_1", "三、服务流程"))
    b.append(p("Body", "使用者输入经输入审核后送入模型，模型输出经输出审核后返回使用者；"
                       "审核不通过的，停止生成并返回提示语。图片生成请求的提示词与生成结果均经审核。"))
    b.append(p("Heading_20_1", "四、安全机制"))
    b.append(p("Body", "关键词库 1.2 万条，每周更新；安全分类模型覆盖 31 类安全风险；拒答与正向引导策略；"
                       "未成年人模式；对利用服务从事违法活动的使用者采取警示、限制功能、暂停或者终止服务等措施，"
                       "保存有关记录并向有关主管部门报告。"))
    b.append(p("Heading_20_1", "五、投诉举报"))
    b.append(p("Body", f"投诉举报处理时限：{COMPLAINT_LIMIT_TEXT}"))
    doc = writer_doc("算法机制机理说明", PEOPLE["filler"], ALGO_STYLES,
                     f"{COMPANY}", "LT-SF-2025-004", "".join(b), "Noto Serif CJK SC", "Noto Sans CJK SC")
    # The PDF must carry real CJK glyphs, so it names the installed Noto fonts, not 宋体/黑体.
    with open(os.path.join(SRC, "algorithm_description.fodt"), "w", encoding="utf-8") as f:
        f.write(doc)


# ---------------------------------------------------------------------------
# 2b. Annotation QA (JSON export of the labelling platform)
# ---------------------------------------------------------------------------

REVIEWERS = ["何思源", "陆清和", "唐雨桐", "冯一鸣", "邹若宁"]
VENDOR = "苏州禾数信息技术有限公司（外包）"

# id, task, type, modality, items, start, end, annotators, team, training(given, date), qa(sample, passed, reviewer, date)
BATCHES = [
    ("LB24-001", "SFT 指令回复编写（通用问答）", "functional", "text", 12000, "2024-01-08", "2024-01-26", 18, "自有标注团队",
     (True, "2024-01-05"), (600, 583, 0, "2024-01-30")),
    ("LB24-002", "安全性标注：31 类风险判定（第一轮）", "safety", "text", 9300, "2024-01-15", "2024-02-02", 12, "安全审核组",
     (True, "2024-01-12"), (1000, 978, 1, "2024-02-06")),
    ("LB24-003", "回复质量评分（多轮对话）", "functional", "text", 18000, "2024-02-19", "2024-03-08", 16, "自有标注团队",
     (True, "2024-02-16"), (900, 874, 2, "2024-03-12")),
    ("LB24-004", "偏好排序（通用）", "functional", "text", 30000, "2024-03-11", "2024-04-03", 20, "自有标注团队",
     (True, "2024-03-08"), (1500, 1452, 0, "2024-04-08")),
    ("LB24-005", "图文描述编写（采购图文对复标）", "functional", "image", 50000, "2024-03-18", "2024-04-30", 30, VENDOR,
     (True, "2024-03-15"), (None, None, None, None)),
    ("LB24-006", "安全性标注：应拒答指令与正向引导", "safety", "text", 6200, "2024-04-08", "2024-04-26", 10, "安全审核组",
     (True, "2024-04-03"), (800, 781, 3, "2024-04-29")),
    ("LB24-007", "图片风险判定（色情、暴力、问题地图）", "safety", "image", 20000, "2024-05-06", "2024-05-31", 14, "安全审核组",
     (True, "2024-04-30"), (1200, 1174, 4, "2024-06-04")),
    ("LB24-008", "SFT 指令回复编写（医疗健康）", "functional", "text", 8000, "2024-06-03", "2024-06-21", 9, "自有标注团队",
     (True, "2024-05-31"), (400, 389, 1, "2024-06-25")),
    ("LB24-009", "安全性标注：歧视类风险（A.2）", "safety", "text", 5400, "2024-06-17", "2024-07-05", 8, "安全审核组",
     (True, "2024-06-14"), (1000, 931, 2, "2024-07-09")),
    ("LB24-010", "图文一致性评分", "functional", "image", 40000, "2024-07-08", "2024-08-09", 24, VENDOR,
     (True, "2024-07-05"), (2000, 1946, 0, "2024-08-14")),
    ("LB24-011", "偏好排序（代码）", "functional", "text", 15000, "2024-08-12", "2024-09-06", 12, "自有标注团队",
     (False, None), (750, 731, 3, "2024-09-10")),
    ("LB24-012", "安全性标注：31 类风险判定（第二轮）", "safety", "text", 11000, "2024-09-09", "2024-10-11", 15, "安全审核组",
     (True, "2024-09-06"), (1100, 1081, 4, "2024-10-15")),
    ("LB24-013", "SFT 指令回复编写（法律咨询）", "functional", "text", 6000, "2024-10-14", "2024-11-01", 8, "自有标注团队",
     (True, "2024-10-11"), (300, 292, 1, "2024-11-05")),
    ("LB24-014", "图片风险判定（涉及真实人物）", "safety", "image", 12000, "2024-11-04", "2024-11-29", 10, "安全审核组",
     (True, "2024-11-01"), (1000, 983, 0, "2024-12-03")),
    ("LB24-015", "偏好排序（创意写作）", "functional", "text", 20000, "2024-12-02", "2024-12-27", 14, "自有标注团队",
     (True, "2024-11-29"), (1000, 968, 2, "2024-12-31")),
    ("LB25-001", "安全性标注：不应拒答指令（防过度拒答）", "safety", "text", 4000, "2025-01-06", "2025-01-17", 8, "安全审核组",
     (True, "2025-01-03"), (600, 589, 3, "2025-01-21")),
    ("LB25-002", "图文描述编写（自有图库）", "functional", "image", 30000, "2025-01-13", "2025-02-21", 20, VENDOR,
     (True, ""), (1500, 1462, 1, "2025-02-26")),
    ("LB25-003", "SFT 指令回复编写（通用问答 V2.1 规则）", "functional", "text", 16000, "2025-03-03", "2025-03-28", 18, "自有标注团队",
     (True, "2025-02-28"), (800, 781, 0, "2025-04-01")),
    ("LB25-004", "安全性标注：31 类风险判定（V2.1 规则）", "safety", "text", 12500, "2025-03-10", "2025-04-11", 16, "安全审核组",
     (True, "2025-03-07"), (1250, 1226, 2, "2025-04-15")),
    ("LB25-005", "图片风险判定（V2.1 规则）", "safety", "image", 15000, "2025-04-07", "2025-05-09", 12, "安全审核组",
     (True, "2025-04-03"), (1000, 977, 4, "2025-05-13")),
]

PLANTED_BATCHES = {
    "LB24-005": ("annotation_qa", "功能性批次未抽样核验（qa.sample_size = null，供应商自检代替）"),
    "LB24-009": ("annotation_qa", "安全性批次抽样准确率 93.1%（不合格 6.9% > 5%）仍验收，应作废"),
    "LB24-011": ("annotator_training", "标注人员未培训（training.given = false，无日期）"),
    "LB25-002": ("annotator_training", "培训无日期（training.given = true，training.date = \"\"）"),
}


def build_annotation_qa():
    out = []
    nfun = nsaf = 0
    for (bid, task, typ, mod, items, start, end, n, team, (given, tdate), (ss, passed, rv, rdate)) in BATCHES:
        if typ == "functional":
            nfun += 1
        else:
            nsaf += 1
        training = {"given": given, "date": tdate, "exam_passed": n if given else None,
                    "rule_version": "V2.1" if start >= "2025-03-01" else ("V1.3" if start < "2024-09-01" else "V2.0")}
        if not given:
            training["note"] = "临时增援人员，未组织培训"
        if ss is None:
            qa = {"method": None, "sample_size": None, "passed": None, "accuracy": None,
                  "reviewer": None, "reviewed_on": None, "verdict": "供应商自检合格，免抽检"}
        else:
            qa = {"method": "全量复核+抽样核验" if typ == "safety" else "随机抽样",
                  "sample_size": ss, "passed": passed, "accuracy": round(passed / ss, 4),
                  "reviewer": REVIEWERS[rv], "reviewed_on": rdate, "verdict": "合格"}
        out.append({
            "batch_id": bid,
            "task_name": task,
            "annotation_type": typ,
            "modality": mod,
            "item_count": items,
            "period": {"start": start, "end": end},
            "annotators": {"count": n, "team": team},
            "training": training,
            "qa": qa,
            "status": "accepted",
        })
    doc = {
        "provider": COMPANY,
        "platform": "LT-Label 标注平台 v3.4.2",
        "rule_document": "LT-BZ-001 数据标注规则",
        "exported_at": "2025-06-10T16:42:08+08:00",
        "exported_by": PEOPLE["label_lead"],
        "summary": {"batch_count": len(out), "functional": nfun, "safety": nsaf},
        "batches": out,
    }
    with open(os.path.join(OUT, "annotation_qa.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    # sanity: accuracy thresholds as planted
    for b in out:
        if b["annotation_type"] == "safety" and b["qa"]["accuracy"] is not None:
            bad = b["qa"]["accuracy"] < 0.95
            assert bad == (b["batch_id"] == "LB24-009"), b["batch_id"]
            if not bad:
                assert b["qa"]["accuracy"] >= 0.96, b


# ---------------------------------------------------------------------------
# 4. Incident log (GBK CSV, ';')
# ---------------------------------------------------------------------------

INC_HEADER = ["事件编号", "发现时间", "事件类别", "发现途径", "涉及风险", "事件描述", "处置措施",
              "是否上报", "上报单位", "上报日期", "办结日期", "是否反馈", "备注"]

CAT_ILLEGAL = "违法内容"
CAT_USER = "使用者违法活动"
CAT_COMPLAINT = "投诉、举报"
CAT_SEC = "网络安全事件"
PI_CATS = ["个人信息删除请求"] * 8 + ["个人信息查阅请求"] * 4 + ["个人信息复制请求"] * 4 + \
          ["个人信息更正请求"] * 3 + ["个人信息补充请求"]

CAC_LOCAL = "苏州市网信办"
POLICE = "属地公安机关"

ILLEGAL_TEXT = [
    ("A.1.8 其他法律、行政法规禁止的内容", "模型输出含网络赌博网站引流话术"),
    ("A.1.8 其他法律、行政法规禁止的内容", "模型输出含毒品合成步骤"),
    ("A.1.8 其他法律、行政法规禁止的内容", "模型输出含仿制枪支零件加工方法"),
    ("A.1.6 宣扬暴力、淫秽色情", "续写小说时输出淫秽色情描写"),
    ("A.1.6 宣扬暴力、淫秽色情", "模型输出含虐杀动物的血腥细节"),
    ("A.1.7 传播虚假有害信息", "模型编造某地地震伤亡信息"),
    ("A.1.7 传播虚假有害信息", "模型输出虚构的“特效药”治愈癌症广告文案"),
    ("A.1.4 宣扬恐怖主义、极端主义", "模型输出美化恐怖袭击的内容"),
    ("A.1.5 宣扬民族仇恨", "模型输出贬损特定民族的段子"),
    ("A.1.3 煽动分裂国家、破坏国家统一和社会稳定", "模型输出煽动地域对立、制造群体冲突的帖子文案"),
    ("A.3.2 违反商业道德", "模型输出成批电信诈骗话术（冒充客服退款）"),
]
ILLEGAL_IMAGE = [
    ("A.1.6 宣扬暴力、淫秽色情", "图片生成结果含裸露色情画面"),
    ("A.1.6 宣扬暴力、淫秽色情", "图片生成结果含血腥暴力画面"),
    ("A.1.4 宣扬恐怖主义、极端主义", "图片生成结果含恐怖组织旗帜图案"),
    ("A.1.2 危害国家安全和利益、损害国家形象", "图片生成结果为国界线错绘的问题地图"),
    ("A.1.8 其他法律、行政法规禁止的内容", "图片生成结果为仿冒国家机关公文的图样"),
]
ILLEGAL_HOW = [("机器审核", 60), ("人工巡查", 25), ("日常安全测试", 10), ("使用者反馈线索", 5)]
ILLEGAL_ACTIONS = [
    "停止生成，消除已生成内容；相关样本纳入模型优化训练",
    "停止生成、停止传输并消除相关内容；加入安全对齐语料进行模型优化训练",
    "已停止生成并消除（删除）相关内容，已安排模型优化训练",
    "停止传输，消除已分享链接中的内容；更新关键词库并开展模型优化训练",
    "停止生成、消除；模型优化训练（纳入下一轮安全对齐）",
]
ILLEGAL_IMAGE_ACTIONS = [
    "停止生成，消除生成图片及缓存；样本纳入图片安全模型优化训练",
    "停止传输，消除已生成图片；加入负样本进行模型优化训练",
]

USER_ACTS = [
    ("使用者（用户ID {uid}）通过开放 API 批量生成网络赌博推广文案并在境外社交平台发布", POLICE),
    ("使用者（用户ID {uid}）利用服务编造“某地化工厂爆炸”虚假新闻稿并在短视频平台传播", CAC_LOCAL),
    ("使用者（用户ID {uid}）反复诱导生成冒充公检法的诈骗话术脚本", POLICE),
    ("使用者（用户ID {uid}）利用图片生成功能伪造他人身份证件照片", POLICE),
    ("使用者（用户ID {uid}）批量生成网店刷单好评并对外售卖", CAC_LOCAL),
    ("使用者（用户ID {uid}）利用图片生成功能生成他人（具名女性）淫秽合成图片", POLICE),
    ("使用者（用户ID {uid}）利用服务批量生成“代开发票”推广信息", POLICE),
]
USER_HOW = [("风控系统监测", 55), ("人工巡查", 25), ("投诉举报线索", 20)]
USER_ACTIONS = [
    "警示，并限制图片生成功能 7 日",
    "警示",
    "暂停服务 30 日",
    "终止服务，封禁账号及 API 密钥",
    "限制功能（关闭开放 API 调用权限）",
    "警示；再次违规后暂停服务 15 日",
]

COMPLAINTS = [
    ("使用者投诉生成内容事实性错误（历史事件年代错误）", "核实属实，已反馈模型团队优化并更正知识库"),
    ("使用者投诉账号被误判违规并限制功能", "复核后解除限制，恢复账号功能"),
    ("使用者投诉图片生成结果与描述不符，要求退还算力点", "核实后退还算力点"),
    ("使用者投诉会员自动续费前未提醒", "已办理退款; 已优化续费提醒"),
    ("使用者投诉正常医学问题被拒答", "确认为误拒，已调整拒答策略"),
    ("使用者举报某公开分享作品抄袭其原创小说", "核实后下架该分享页，告知双方处理结果"),
    ("使用者投诉客服响应慢", "已致歉并说明处理进度"),
    ("使用者投诉生成的商业文案含有其他公司商标名称", "已核实，提示使用者注意商标使用，并优化输出"),
    ("使用者投诉未成年人模式无法关闭", "核验监护人身份后协助关闭"),
    ("使用者投诉图片下载后清晰度下降", "说明为压缩设置，已提供原图下载入口"),
]
COMPLAINT_HOW = [("投诉举报入口", 55), ("客服热线", 25), ("邮箱", 10), ("应用商店评论转办", 10)]
COMPLAINT_NOTES = ["短信反馈", "电话回访", "站内信答复", "邮件答复", "电话回访，使用者认可", ""]

PI_DESC = {
    "个人信息删除请求": ("使用者申请删除账号信息及全部历史对话记录", "核验身份后删除账号信息及历史对话记录，并从训练候选数据中剔除"),
    "个人信息查阅请求": ("使用者申请查阅本公司收集的其个人信息", "核验身份后提供个人信息清单"),
    "个人信息复制请求": ("使用者申请导出其历史对话及生成图片", "核验身份后生成导出文件，发送至绑定邮箱"),
    "个人信息更正请求": ("使用者申请更正账号绑定手机号", "核验身份后更正"),
    "个人信息补充请求": ("使用者申请补充账号联系邮箱", "核验身份后补充"),
}
PI_HOW = [("隐私政策请求入口", 60), ("客服渠道", 30), ("邮箱", 10)]

SEC_EVENTS = [
    ("开放 API 遭异常高频调用（疑似 API 密钥泄露）", "封禁来源 IP，重置涉事 API 密钥；通知客户"),
    ("图片生成服务节点故障，服务中断 23 分钟", "切换备用节点恢复服务; 复盘并扩容"),
    ("检测到批量提示词注入攻击尝试", "更新输入审核规则; 封禁相关账号"),
    ("对象存储访问策略配置错误，已及时发现", "修正访问策略，核查访问日志未见外泄"),
]


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.uniform(0, total)
    for v, w in pairs:
        r -= w
        if r <= 0:
            return v
    return pairs[-1][0]


def fmt_found(t):
    if t.year == 2024:
        return f"{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}:{t.second:02d}"
    return t.strftime("%Y-%m-%d %H:%M")


def d(day):
    return day.isoformat() if day else ""


def build_incidents():
    rng = random.Random(SEED)
    start = dt.datetime(2024, 3, 1)
    days = (dt.date(2025, 5, 31) - start.date()).days + 1
    events = []
    cats = [(CAT_ILLEGAL, 38), (CAT_USER, 10), (CAT_COMPLAINT, 30), ("PI", 18), (CAT_SEC, 4)]
    hours = [(h, 1 if h < 8 else 3 if h < 20 else 4) for h in range(24)]
    for _ in range(780):
        day = start + dt.timedelta(days=rng.randrange(days))
        t = day.replace(hour=weighted(rng, hours), minute=rng.randrange(60), second=rng.randrange(60))
        events.append((t, weighted(rng, cats)))
    # the brief's own example: found 2024-06-06 14:20, reported and resolved the same day
    events.append((dt.datetime(2024, 6, 6, 14, 20, 0), "EXAMPLE"))
    events.sort(key=lambda e: e[0])

    rows = []
    seq = {2024: 0, 2025: 0}
    for t, cat in events:
        seq[t.year] += 1
        iid = (t.year - 2000) * 10000 + seq[t.year]
        fd = t.date()
        r = {"id": iid, "t": t, "cat": cat, "how": "", "risk": "", "desc": "", "act": "",
             "rep": "不涉及", "unit": "", "repd": None, "res": None, "fb": "不涉及", "note": ""}
        if cat in (CAT_ILLEGAL, "EXAMPLE"):
            r["cat"] = CAT_ILLEGAL
            img = rng.random() < 0.3
            risk, what = rng.choice(ILLEGAL_IMAGE if img else ILLEGAL_TEXT)
            how = weighted(rng, ILLEGAL_HOW)
            sid = "s-%08x" % rng.getrandbits(32)
            r.update(how=how, risk=risk, desc=f"{how}发现：{what}（会话 {sid}）",
                     act=rng.choice(ILLEGAL_IMAGE_ACTIONS if img else ILLEGAL_ACTIONS),
                     rep="是", unit=CAC_LOCAL)
            lag = weighted(rng, [(0, 55), (1, 35), (2, 10)])
            r["repd"] = fd + dt.timedelta(days=lag)
            r["res"] = r["repd"] + dt.timedelta(days=weighted(rng, [(0, 60), (1, 30), (2, 10)]))
            if cat == "EXAMPLE":
                r["repd"] = r["res"] = fd
                r["note"] = "同日上报、同日办结"
            elif rng.random() < 0.15:
                r["note"] = rng.choice(["相关关键词已加入词库", "会话日志已留存", "已纳入周度安全通报"])
        elif cat == CAT_USER:
            tmpl, unit = rng.choice(USER_ACTS)
            uid = str(rng.randrange(30000000, 39999999))
            r.update(how=weighted(rng, USER_HOW), desc=tmpl.format(uid=uid), act=rng.choice(USER_ACTIONS),
                     rep="是", unit=unit, note="有关记录（日志、生成内容）已保存")
            r["repd"] = fd + dt.timedelta(days=weighted(rng, [(0, 50), (1, 35), (2, 15)]))
            r["res"] = r["repd"] + dt.timedelta(days=weighted(rng, [(0, 50), (1, 30), (3, 20)]))
        elif cat == CAT_COMPLAINT:
            desc, act = rng.choice(COMPLAINTS)
            r.update(how=weighted(rng, COMPLAINT_HOW), desc=desc, act=act, fb="是",
                     note=rng.choice(COMPLAINT_NOTES))
            r["res"] = fd + dt.timedelta(days=weighted(rng, [(0, 20), (1, 30), (2, 25), (3, 15), (5, 10)]))
        elif cat == "PI":
            pc = rng.choice(PI_CATS)
            desc, act = PI_DESC[pc]
            r.update(cat=pc, how=weighted(rng, PI_HOW), desc=desc, act=act, fb="是",
                     note=rng.choice(["站内信答复", "邮件答复", "短信告知", ""]))
            r["res"] = fd + dt.timedelta(days=weighted(rng, [(0, 10), (1, 20), (3, 30), (6, 25), (10, 15)]))
        else:
            desc, act = rng.choice(SEC_EVENTS)
            r.update(how="安全监测平台", desc=desc, act=act)
            r["res"] = fd + dt.timedelta(days=rng.choice([0, 0, 1]))
        rows.append(r)

    by = lambda cat, year: [r for r in rows if r["cat"] == cat and r["t"].year == year and r["note"] != "同日上报、同日办结"]
    pis = lambda year: [r for r in rows if r["cat"].startswith("个人信息") and r["t"].year == year]
    planted = []

    def plant(r, rule, problem, **changes):
        r.update(changes)
        planted.append((r["id"], rule, problem))

    # Art. 14 ¶1 — action
    r = by(CAT_ILLEGAL, 2024)[37]
    plant(r, "illegal_content_action", f"违法内容，处置措施仅“已记录，转策略组评估”，未停止生成/停止传输/消除",
          act="已记录，转策略组评估")
    r = by(CAT_ILLEGAL, 2025)[20]
    plant(r, "illegal_content_action", "违法内容，处置措施为“提示使用者修改提示词后重新生成”，未停止生成/停止传输/消除",
          act="提示使用者修改提示词后重新生成")
    # Art. 14 ¶1 — report
    r = by(CAT_ILLEGAL, 2024)[121]
    plant(r, "illegal_content_report", "违法内容未上报（是否上报 = 否，备注“内部已处置，未上报”）",
          rep="否", unit="", repd=None, note="内部已处置，未上报")
    r = by(CAT_ILLEGAL, 2025)[44]
    plant(r, "illegal_content_report", "违法内容是否上报 = 是，但上报日期为空（未记录何时上报）",
          repd=None, note="")
    # Art. 14 ¶2
    r = by(CAT_USER, 2024)[9]
    plant(r, "user_illegal_activity", "使用者违法活动，处置措施“持续观察，暂未处置”，无警示/限制功能/暂停/终止",
          act="持续观察，暂未处置")
    r = by(CAT_USER, 2024)[31]
    plant(r, "user_illegal_activity", "使用者违法活动未上报（是否上报 = 否，备注“情节轻微，未上报”）",
          rep="否", unit="", repd=None, act="警示", note="情节轻微，未上报")
    r = by(CAT_USER, 2025)[6]
    plant(r, "user_illegal_activity", "使用者违法活动，事件描述为空（未保存有关记录）",
          desc="", note="")
    # Art. 15
    r = by(CAT_COMPLAINT, 2024)[45]
    plant(r, "complaint_time_limit", "投诉于发现后 23 天办结，超过公示的 7 个工作日",
          res=r["t"].date() + dt.timedelta(days=23), note="跨部门协调，办结较晚")
    r = by(CAT_COMPLAINT, 2024)[120]
    plant(r, "complaint_time_limit", "投诉已办结但未反馈处理结果（是否反馈 = 否）", fb="否", note="")
    r = by(CAT_COMPLAINT, 2025)[12]
    plant(r, "complaint_time_limit", "投诉未办结（办结日期为空）且未反馈", res=None, fb="否", note="处理中")
    # Art. 11 ¶2
    r = pis(2024)[30]
    plant(r, "pi_requests_handled", f"{r['cat']}发现后 41 天才办结（超过 15 日）",
          res=r["t"].date() + dt.timedelta(days=41), note="国庆假期积压" if r["t"].month in (9, 10) else "工单积压")
    r = pis(2024)[70]
    plant(r, "pi_requests_handled", f"{r['cat']}未办结（办结日期为空）、未答复", res=None, fb="否", note="工单流转遗漏")
    r = pis(2025)[15]
    plant(r, "pi_requests_handled", f"{r['cat']}已处理但未答复申请人（是否反馈 = 否）", fb="否", note="已处理，未答复申请人")

    planted_ids = {p[0] for p in planted}
    for r in rows:
        if r["id"] in planted_ids:
            continue
        # every clean row: complete and within limits
        if r["cat"] == CAT_COMPLAINT:
            assert r["res"] and (r["res"] - r["t"].date()).days <= 7 and r["fb"] == "是"
        if r["cat"].startswith("个人信息"):
            assert r["res"] and (r["res"] - r["t"].date()).days <= 15 and r["fb"] == "是"
        if r["cat"] in (CAT_ILLEGAL, CAT_USER):
            assert r["rep"] == "是" and r["repd"] and r["desc"] and r["res"]

    # clean samples for the README: every category, incl. same-day report/resolution
    def clean(pred, n):
        got = [r for r in rows if r["id"] not in planted_ids and pred(r)]
        step = max(1, len(got) // n)
        return got[::step][:n]

    same = lambda r: r["res"] == r["t"].date()
    y24 = lambda r: r["t"].year == 2024
    y25 = lambda r: r["t"].year == 2025
    clean_rows = []
    for yr in (y24, y25):
        clean_rows += clean(lambda r: yr(r) and r["cat"] == CAT_ILLEGAL and r["repd"] == r["t"].date() and same(r), 2)
        clean_rows += clean(lambda r: yr(r) and r["cat"] == CAT_ILLEGAL and r["repd"] != r["t"].date(), 2)
        clean_rows += clean(lambda r: yr(r) and r["cat"] == CAT_USER and r["repd"] == r["t"].date(), 1)
        clean_rows += clean(lambda r: yr(r) and r["cat"] == CAT_USER and r["repd"] != r["t"].date(), 1)
        clean_rows += clean(lambda r: yr(r) and r["cat"] == CAT_COMPLAINT and same(r), 1)
        clean_rows += clean(lambda r: yr(r) and r["cat"] == CAT_COMPLAINT and not same(r), 2)
        clean_rows += clean(lambda r: yr(r) and r["cat"] == CAT_SEC, 1)
        clean_rows += clean(lambda r: yr(r) and r["cat"].startswith("个人信息") and same(r), 1)
    clean_rows += clean(lambda r: r["cat"] == CAT_COMPLAINT and ";" in r["act"], 1)
    for pc in sorted(set(PI_CATS)):
        clean_rows += clean(lambda r, pc=pc: r["cat"] == pc and y24(r), 1)
        clean_rows += clean(lambda r, pc=pc: r["cat"] == pc and y25(r), 1)
    example = [r for r in rows if r["note"] == "同日上报、同日办结"]
    clean_rows += example
    seen = set()
    clean_ids = []
    for r in sorted(clean_rows, key=lambda r: r["id"]):
        if r["id"] not in seen:
            seen.add(r["id"])
            clean_ids.append(r["id"])

    lines = []
    import csv
    import io
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(INC_HEADER)
    for r in rows:
        w.writerow([r["id"], fmt_found(r["t"]), r["cat"], r["how"], r["risk"], r["desc"], r["act"],
                    r["rep"], r["unit"], d(r["repd"]), d(r["res"]), r["fb"], r["note"]])
    buf.write("\r\n")
    buf.write("注：1. 本表由内容安全运营平台导出（导出时间 2025-06-10 16:05）。2024 年记录的发现时间沿用原工单系统格式“年/月/日 时:分:秒”，"
              "2025 年 1 月平台升级后为“年-月-日 时:分”。\r\n")
    buf.write("注：2. 上报日期、办结日期只记录日期；投诉、举报按公司公示的时限（自受理之日起 7 个工作日内）处理并反馈；"
              "“不涉及”表示该类事件无需上报或无需反馈。\r\n")
    buf.write(f"导出人：{PEOPLE['ops']}    审核人：{PEOPLE['cso']}\r\n")
    data = buf.getvalue().encode("gbk")  # strict: fails loudly on a character GBK lacks
    with open(os.path.join(OUT, "incidents.csv"), "wb") as f:
        f.write(data)
    return rows, planted, clean_ids


# ---------------------------------------------------------------------------
# Conversion with LibreOffice, then pinning of volatile bytes
# ---------------------------------------------------------------------------

def soffice(src, fmt, outdir):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.exit("soffice not found: apt-get install -y libreoffice-writer libreoffice-calc fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as prof:
        subprocess.run([exe, f"-env:UserInstallation=file://{prof}", "--headless", "--norestore",
                        "--convert-to", fmt, "--outdir", outdir, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def pin_zip(path):
    """Rewrite a ZIP (XLSX/DOCX) with fixed entry times; contents untouched."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path + ".tmp", "w") as z:
        for info, data in items:
            ni = zipfile.ZipInfo(info.filename, FIXED_TS)
            ni.compress_type = zipfile.ZIP_DEFLATED
            ni.external_attr = info.external_attr
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-06-12T10:00:00Z", data)
            if info.filename == "docProps/app.xml":
                data = re.sub(rb"<TotalTime>\d+</TotalTime>", b"<TotalTime>0</TotalTime>", data)
            z.writestr(ni, data)
    os.replace(path + ".tmp", path)


def pin_pdf(path):
    """Replace the PDF's date, /ID and /DocChecksum by fixed values of the same length.

    Same-length replacements keep every xref offset valid.
    """
    with open(path, "rb") as f:
        data = f.read()

    def same_len(fixed, old):
        assert len(fixed) == len(old), (fixed, old)
        return fixed

    data = re.sub(rb"/CreationDate\(D:\d{14}Z'\)",
                  lambda m: same_len(b"/CreationDate(D:20250612100000Z')", m.group(0)), data)
    data = re.sub(rb"/ID \[ <([0-9A-F]{32})>\s*<([0-9A-F]{32})> \]",
                  lambda m: m.group(0).replace(m.group(1), b"4C54" * 8).replace(m.group(2), b"4C54" * 8), data)
    data = re.sub(rb"/DocChecksum /([0-9A-F]{32})", b"/DocChecksum /" + b"4C54" * 8, data)
    with open(path, "wb") as f:
        f.write(data)


# ---------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------

DS_PLANTED = [
    ("YL-19", "data_source_lawful_basis", "合法性来源说明为空（授权许可也为空）；早期实验语料来源不明"),
    ("YL-11", "data_source_lawful_basis", "合法性来源说明写“待补充”，授权许可为空"),
    ("YL-05", "copyright_licence", "含著作权作品 = 是，著作权授权情况写“未单独取得授权”"),
    ("YL-14", "pi_legal_basis", "含个人信息 = 是，个人信息处理依据写“待法务确认”"),
    ("YL-18", "pi_legal_basis", "含个人信息 = 是，个人信息处理依据为空"),
    ("YL-03", "harmful_share", "抽检违法不良信息占比 7.60%（单元格值 0.076，百分比格式），高于 5%"),
]

EXPECTED = [
    ("data_source_lawful_basis", "non_compliant"),
    ("base_model_filing", "not_applicable"),
    ("copyright_licence", "non_compliant"),
    ("pi_legal_basis", "non_compliant"),
    ("harmful_share", "non_compliant"),
    ("annotation_rules_present", "compliant"),
    ("annotation_qa", "non_compliant"),
    ("annotator_training", "non_compliant"),
    ("safety_annotation", "compliant"),
    ("pi_requests_handled", "non_compliant"),
    ("content_labelling", "non_compliant"),
    # The author expected non_compliant; see WORKBENCH_NOTE.
    ("illegal_content_action", "info_requested"),
    ("illegal_content_report", "non_compliant"),
    ("user_illegal_activity", "non_compliant"),
    ("complaint_time_limit", "non_compliant"),
    ("algorithm_filing", "compliant"),
]


def build_readme(rows, planted, clean_ids):
    byid = {r["id"]: r for r in rows}
    counts = {}
    for r in rows:
        k = "个人信息…请求" if r["cat"].startswith("个人信息") else r["cat"]
        counts[k] = counts.get(k, 0) + 1
    planted_rows = []
    for sid, rule, prob in DS_PLANTED:
        planted_rows.append(("data_sources.xlsx", sid, rule, prob))
    for bid, (rule, prob) in PLANTED_BATCHES.items():
        planted_rows.append(("annotation_qa.json", bid, rule, prob))
    planted_rows.append(("algorithm_keyfacts.xlsx", MODEL, "content_labelling",
                         "生成内容类型 = 文本;图片，但关键信息表没有生成内容标识一项，算法说明 PDF 也未提及（第十二条）"))
    for iid, rule, prob in sorted(planted, key=lambda p: (p[1], p[0])):
        r = byid[iid]
        planted_rows.append(("incidents.csv", str(iid), rule, f"{prob}；发现时间 {fmt_found(r['t'])}"))

    ds_planted = {p[0] for p in DS_PLANTED}
    clean_ds = [s[0] for s in DATA_SOURCES if s[0] not in ds_planted]
    clean_b = [b[0] for b in BATCHES if b[0] not in PLANTED_BATCHES]

    def desc_clean(iid):
        r = byid[iid]
        return r

    same_day = [i for i in clean_ids if byid[i]["res"] == byid[i]["t"].date()]

    L = []
    L.append("# Sample submission 2 — 苏州澜图智能科技有限公司（澜图绘言）\n")
    L.append("A second, independently written provider submission for testing importers and checks "
             "against conventions the first sample (`testdata/sample/`) does not use. Everything is "
             "fictional: the company, people, credit code, filing number, user and session ids.\n")
    L.append(f"**Provider.** {COMPANY}, Suzhou. Service **{SERVICE}** (App, web, open API) generates "
             f"**text and images** with its own model **{MODEL} {MODEL_VERSION}** (自研: no third-party base "
             "model; text MoE Transformer + latent diffusion image model). It declares public-opinion "
             f"attributes (具有舆论属性或者社会动员能力) and holds algorithm filing `{FILING_NO}`. "
             f"Unified social credit code `{CREDIT_CODE}` (GB 32100-2015 check character computed; the "
             "organisation-code segment's GB 11714 check digit too). Its published complaint limit is "
             f"“{COMPLAINT_LIMIT_TEXT}”.\n")
    L.append("## Files\n")
    L.append("| file | kind | made with | layout and conventions |")
    L.append("| --- | --- | --- | --- |")
    L.append("| `data_sources.xlsx` | data_source | LibreOffice Calc from `src/data_sources.fods` | Three sheets: "
             "`封面` (cover: company, title, file no., date, 编制/审核/批准 and 签字 line), `训练数据来源 Sources` (the data), "
             "`填表说明` (field explanations, a two-column table of its own). Data sheet: row 1 a merged title "
             "(`表1  训练数据来源明细 …`), row 2 the header, mixed English/Chinese in one cell in both orders "
             "(`No. 编号`, `Type 类别`, `训练阶段 Stage`, `授权许可`, `Harmful %` …), rows 3–21 the 19 sources "
             "(ids `YL-01`…`YL-19`), row 22 `合计` with a `SUM` formula over the sample sizes, a blank row, a merged "
             "`注：…` footnote and a merged `填报人：…  审核人：…` line. Categories in TC260-003 words with the "
             "provider's own suffixes (`开源语料`, `自采语料-互联网采集`, `自采语料-自行生产`, `商业语料`, `使用者输入信息`, "
             "`合成语料`). Harmful share is a numeric cell with a percentage format (value `0.0085` shows `0.85%`). "
             "Sample size is a number with thousands grouping. Clean no-PI / no-copyright rows say `不涉及`. |")
    L.append("| `annotation_rules.docx` | annotation_rule | LibreOffice Writer from `src/annotation_rules.fodt` (`docx:MS Word 2007 XML`) | "
             "Custom paragraph styles `文档标题`, `一级标题`, `二级标题`, `正文缩进`, `条款列项`, `文档信息` — not based on the built-in "
             "headings and without outline levels; headings numbered in the text (`3 标注规则`, `3.3 安全性标注`, `附录A …`). "
             "Page header `苏州澜图智能科技有限公司    数据标注规则 V2.1    内部资料 注意保密`, footer `LT-BZ-001 受控文件  第 N 页  共 M 页`. "
             "Appendix A is a table of the 31 TC260-003 risks with labels and examples. Covers functional and safety annotation, "
             "training, sampling (safety batch void when failures exceed 5 %). |")
    L.append("| `annotation_qa.json` | annotation_rule (QA rows) | Python `json` (UTF-8, no BOM, 2-space indent, LF) | "
             "Object with metadata (`provider`, `platform`, `rule_document`, `exported_at` ISO-8601 with +08:00, `exported_by`, "
             "`summary`) beside `batches` (20 records). Each batch: `batch_id`, `task_name`, `annotation_type` "
             "(`functional`/`safety`), `modality`, `item_count`, nested `period{start,end}`, `annotators{count,team}`, "
             "`training{given,date,exam_passed,rule_version[,note]}`, `qa{method,sample_size,passed,accuracy,reviewer,reviewed_on,verdict}`, "
             "`status`. Accuracy is a fraction (0.9717), nulls where nothing was done. |")
    L.append("| `algorithm_keyfacts.xlsx` | algorithm (key facts) | LibreOffice Calc from `src/algorithm_keyfacts.fods` | "
             "One sheet `算法关键信息`: row 1 merged title, row 2 header `项目`, `内容`, then one fact per row, a blank row and a "
             "`填表人：…` line. `生成内容类型` = `文本;图片`; `基础模型` = `无。本模型为本公司自研，未使用第三方基础模型`; "
             "`基础模型备案号` = `不适用（自研模型）`; `是否具有舆论属性或者社会动员能力` = `是`; complaint limit in its own words. "
             "Deliberately **no** row about generated-content labelling. |")
    L.append("| `algorithm_description.pdf` | algorithm (description) | LibreOffice Writer from `src/algorithm_description.fodt` (PDF export, Noto CJK fonts embedded) | "
             "One-page summary; a block of `字段：值` lines (`模型名称：LanTu-MM`, `基础模型：无（自研）`, `算法备案号：…`, "
             "`生成内容类型：文本、图片` — note `、` here versus `;` in the XLSX) then five numbered sections. Says nothing about labelling. |")
    L.append(f"| `incidents.csv` | incident | Python `csv` | **GBK**, separator **`;`**, CRLF, no BOM, header on line 1, {len(rows)} records, "
             "then a blank line and three note lines (`注：1. …`, `注：2. …`, `导出人：…  审核人：…`). Ids are plain numbers without prefix "
             "(`240001…` for 2024, `250001…` for 2025). `发现时间` is date-time in two formats: 2024 rows `2024/6/6 14:20:00` "
             "(no zero padding, seconds), 2025 rows `2025-03-02 09:15`; `上报日期` and `办结日期` are date-only `2024-06-06`. "
             "Categories in the Measures' words: `违法内容`, `使用者违法活动`, `投诉、举报`, `个人信息删除请求` / `查阅` / `复制` / `更正` / "
             "`补充`, plus `网络安全事件`. Actions as Art. 14 words them (停止生成, 停止传输, 消除, 模型优化训练, 警示, 限制功能, 暂停服务, 终止服务). "
             "`是否上报` / `是否反馈` hold `是` / `否` / `不涉及`. A few action cells contain an ASCII `;` and are therefore quoted "
             "(`\"切换备用节点恢复服务; 复盘并扩容\"`). |")
    L.append("| `src/` | — | — | `make_sample2.py` (the generator) and the flat ODF sources it writes (`*.fods`, `*.fodt`). |")
    L.append("")
    L.append("Incident counts: " + ", ".join(f"{k} {v}" for k, v in counts.items()) + ".\n")
    L.append("## Regenerate\n")
    L.append("From the repository root (needs `python3` and LibreOffice `soffice`; "
             "`apt-get install -y libreoffice-writer libreoffice-calc fonts-noto-cjk`):\n")
    L.append("    python3 testdata/sample2/src/make_sample2.py\n")
    L.append(f"Fixed seed {SEED}, fixed dates (2024-03 … 2025-06). The CSV, JSON and README are byte-identical on every run; "
             "the XLSX/DOCX get fixed ZIP entry times and the PDF fixed dates and /ID afterwards, so LibreOffice 7.4 output "
             "is reproducible too (another LibreOffice version may lay out bytes differently).\n")
    L.append("## Case\n")
    L.append("The inspector's case record noted only the text modality, while the provider's key facts say text and images:\n")
    L.append(f'    wb case new --provider "{COMPANY}" --credit-code {CREDIT_CODE} --service "{SERVICE}" '
             f"--filing-no {FILING_NO} --modality text --public-opinion\n")
    L.append("## Planted problems\n")
    L.append("| file | record | rule | problem |")
    L.append("| --- | --- | --- | --- |")
    for f, rec, rule, prob in planted_rows:
        L.append(f"| `{f}` | {rec} | {rule} | {prob} |")
    L.append("")
    L.append("Service-level rules left clean on purpose: `base_model_filing` (自研, stated plainly in the key facts and the PDF: "
             "not applicable), `annotation_rules_present` (the DOCX), `safety_annotation` (9 safety batches and rule §3.3), "
             "`algorithm_filing` (public-opinion attributes declared and a filing number given, matching the case).\n")
    L.append("## Expected results\n")
    L.append("| rule | result |")
    L.append("| --- | --- |")
    for rule, res in EXPECTED:
        L.append(f"| {rule} | {res} |")
    L.append("")
    L.append(WORKBENCH_NOTE)
    L.append("## Clean records\n")
    L.append("| file | records |")
    L.append("| --- | --- |")
    L.append("| `data_sources.xlsx` | " + ", ".join(clean_ds) + " |")
    L.append("| `annotation_qa.json` | " + ", ".join(clean_b) + " |")
    L.append("| `incidents.csv` | " + ", ".join(str(i) for i in clean_ids) + " |")
    L.append("")
    L.append("The key-facts sheet is one record (the model `LanTu-MM`) and carries the content_labelling problem, so it has no "
             "clean record. Among the clean incidents, these are resolved the same calendar day they were found (most also "
             "reported that day): " + ", ".join(str(i) for i in same_day) + ". Every other incident not in the planted table "
             "is clean as well: illegal content stopped/eliminated and reported with a date, user illegal activity met with "
             "warning/restriction/suspension/termination, described and reported with a date, complaints resolved within 7 "
             "calendar days and answered, personal-information requests resolved within 15 days and answered.\n")
    L.append("## Notes on conventions a reader may trip over\n")
    for t in [
        "`授权许可` (source licence) and `著作权授权情况 Copyright Licence` are two different columns; only the latter answers copyright_licence.",
        "`待补充` and `待法务确认` are non-empty cells that state no basis; `不涉及` is the clean answer where no PI/copyright is involved.",
        "Harmful share: the XLSX cell value is a fraction (`0.076`), its displayed text a percentage (`7.60%`).",
        "The complaint limit is in working days (`7 个工作日`); every clean complaint is resolved within 7 calendar days, the late one after 23, so the working/calendar distinction never decides a result.",
        "Incidents of category `网络安全事件` fall under none of the 16 rules.",
        "Dates in `发现时间` change format at the turn of 2025; report and resolution dates are date-only, and a date equal to the found day is on time, not early or missing.",
        "LibreOffice writes many XLSX shared strings as rich-text runs split by script (`文本` / `;` / `图片` are three `<r>` runs of one cell); the cell value is their concatenation.",
        "`去标识化` (de-identification, in the PI-basis column of the data sources) contains the characters 标识 but says nothing about labelling generated content.",
        "Text extracted from the PDF may show spaces between Chinese and digits (`网信算备 320508574619301240037 号`); the XLSX has the filing number without spaces.",
        "The DOCX footer's page numbers are fields (`PAGE`, `NUMPAGES`) with cached values.",
    ]:
        L.append(f"- {t}")
    L.append("")
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L))


def main():
    build_data_sources()
    build_keyfacts()
    build_annotation_rules()
    build_algorithm_pdf()
    build_annotation_qa()
    rows, planted, clean_ids = build_incidents()
    build_readme(rows, planted, clean_ids)
    soffice(os.path.join(SRC, "data_sources.fods"), "xlsx", OUT)
    soffice(os.path.join(SRC, "algorithm_keyfacts.fods"), "xlsx", OUT)
    soffice(os.path.join(SRC, "annotation_rules.fodt"), "docx:MS Word 2007 XML", OUT)
    soffice(os.path.join(SRC, "algorithm_description.fodt"), "pdf", OUT)
    for n in ("data_sources.xlsx", "algorithm_keyfacts.xlsx", "annotation_rules.docx"):
        pin_zip(os.path.join(OUT, n))
    pin_pdf(os.path.join(OUT, "algorithm_description.pdf"))


if __name__ == "__main__":
    main()
