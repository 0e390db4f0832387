"""Policy documents, their interpretations (政策解读) and annual reports, as their pages describe them.

A document page prints an information table (索引号, 发文字号, 成文日期, 发布日期 …) above its
text; an interpretation names its document by the 《…》 title, by the 发文字号, or only by a
link; a 政府信息公开工作年度报告 has six fixed sections. This module reads those facts; the
checks decide what needs an interpretation and which interpretation belongs to which document.
"""

from __future__ import annotations

import re

from .labels import first_line, label_pattern, labelled, parse_datetime

# 锦政办发〔2026〕12号, also with [ ] ［ ］ ( ) （ ） 【 】 and 號
DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fff]{1,14})\s*[〔\[［(（【]\s*((?:19|20)\d{2})\s*[〕\]］)）】]\s*(?:第\s*)?(\d{1,4})\s*[号號]")
QUOTED = re.compile(r"《([^《》]{4,80})》")
INTERPRETATION_TITLE = re.compile(r"解读|图解|一图读懂|一图看懂|一图了解|图说|政策问答|问答|答记者问|政策吹风")
ANNUAL_REPORT = re.compile(r"((?:19|20)\d{2})\s*年度?.{0,40}?政府信息公开(?:工作)?(?:年度)?(?:工作)?报告")
SECTIONS = ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
            "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项")
SECTION_HINTS = (re.compile(r"总体情况"), re.compile(r"主动公开"), re.compile(r"(收到|受理)和?(处理)?.{0,8}申请"),
                 re.compile(r"行政复议.{0,3}行政诉讼"), re.compile(r"存在的?(主要)?问题"), re.compile(r"其他需要报告"))
FIELDS = {
    "title": ("文件名称", "公文名称", "名称", "标题", "文件标题"),
    "number": ("发文字号", "文号", "发文号", "文件编号"),
    "index": ("索引号", "索 引 号"),
    "written": ("成文日期", "成文时间", "发文日期", "印发日期"),
    "published": ("发布日期", "公开日期", "发布时间", "公开时间"),
}
LABELS = label_pattern(FIELDS)
SITE_SUFFIX = re.compile(r"\s*[-_|｜—]+\s*[^-_|｜—]*(政府|网|门户|局|委员会|办公室|中心|街道|镇|乡)[^-_|｜—]*$")


def number_key(match: re.Match) -> str:
    """A 发文字号 in one spelling: 锦政办发〔2026〕12号."""
    agency, year, serial = match.groups()
    return f"{agency}〔{year}〕{int(serial)}号"


def numbers_in(text: str) -> list[str]:
    return list(dict.fromkeys(number_key(m) for m in DOC_NUMBER.finditer(text)))


def same_number(a: str, b: str) -> bool:
    """Equal year and serial, and one agency code ends the other (“根据锦政发” ~ “锦政发”)."""
    ma, mb = DOC_NUMBER.search(a), DOC_NUMBER.search(b)
    if not ma or not mb or (ma.group(2), int(ma.group(3))) != (mb.group(2), int(mb.group(3))):
        return False
    x, y = ma.group(1), mb.group(1)
    return min(len(x), len(y)) >= 2 and (x.endswith(y) or y.endswith(x))


def document_facts(title: str, meta: dict[str, str], lines: list[str], heading: str = "") -> dict | None:
    """What a document, interpretation or annual-report page says about itself (None: none of these)."""
    values = labelled(lines[:400], FIELDS, LABELS)
    name = first_line(values.get("title")) or meta.get("articletitle") or heading or SITE_SUFFIX.sub("", title)
    name = name.strip()
    head = "\n".join(lines[:60])
    text = "\n".join(lines)
    number = numbers_in(first_line(values.get("number")) or "") or numbers_in(name) or []
    facts = {
        "title": name,
        "number": number[0] if number else "",
        "index": first_line(values.get("index")),
        "written": parse_datetime(first_line(values.get("written"))),
        "published": parse_datetime(first_line(values.get("published"))),
        "quoted": QUOTED.findall(name),
    }
    report = ANNUAL_REPORT.search(name)
    if report:
        facts["kind"] = "annual_report"
        facts["year"] = int(report.group(1))
        facts["sections"] = [s for s, hint in zip(SECTIONS, SECTION_HINTS) if hint.search(text)]
        return facts
    if INTERPRETATION_TITLE.search(name):
        facts["kind"] = "interpretation"
        facts["mentions"] = numbers_in(name + "\n" + text[:6000])
        facts["quoted"] = list(dict.fromkeys(facts["quoted"] + QUOTED.findall(head)[:3]))
        return facts
    if facts["number"] or (facts["index"] and (facts["written"] or values.get("number") is not None)):
        facts["kind"] = "document"
        return facts
    return None
