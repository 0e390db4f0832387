"""政策解读 三同步: interpretation_missing, interpretation_late, interpretation_unlinked, and the ratio.

Each interpretation is matched to its document by, in order of trust: the 《…》 title it quotes,
the 发文字号 it names, a link between the two pages, and title similarity. A document needs an
interpretation when it is a policy (办法, 意见, 方案 …, or listed in a 政策文件 column) published in
the inspection year; it is late after 3 working days (INDICATORS.md, 政策解读).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Iterator

from crawler.extract.documents import same_number
from zwgk.findings import Finding

from . import check
from .data import DocumentPage, SiteData
from .freshness import months_before

DEADLINE_WORKDAYS = 3
WINDOW_MONTHS = 12
NEEDS = re.compile(r"办法|规定|细则|意见|方案|措施|条例|规划|决定|政策|规则|若干|标准|指引|实施|机制|清单|目录|纲要")
NO_NEED = re.compile(r"会议|任免|任职|免职|聘任|表彰|通报|名单|批复|复函|函$|值班|放假|公示|招聘|录用|更正|勘误|"
                     r"废止|失效|工作要点|总结|报告|讲话|征求意见|意见稿|草案|人事|成立.{0,12}(小组|委员会)|调整.{0,20}组成")
WRAPPER = re.compile(r"^.{0,30}?关于|^(印发|转发|发布|公布)|的?(通知|决定|公告|通告)$|[《》“”\"'\s]")
INTERPRETATION_WORDS = re.compile(r"^(图解|一图读懂|一图看懂|一图了解|图说|解读)[：:｜|丨]?|"
                                  r"的?(政策)?(解读|问答|答记者问|图解)$|政策解读|[《》“”\"'\s]")
SIMILAR = 0.8


@dataclass
class Pair:
    document: DocumentPage
    interpretations: list[DocumentPage] = field(default_factory=list)
    how: str = ""


def core(title: str, pattern: re.Pattern) -> str:
    previous = None
    while previous != title:
        previous, title = title, pattern.sub("", title)
    return title


def needs_interpretation(document: DocumentPage) -> bool:
    return bool(NEEDS.search(document.title) and not NO_NEED.search(document.title))


def match(site: SiteData) -> dict[str, Pair]:
    """document url → its interpretations (each interpretation goes to one document)."""
    pairs = {doc.url: Pair(doc) for doc in site.documents}
    names = {doc.url: {core(t, WRAPPER) for t in [doc.title, *doc.quoted] if t} for doc in site.documents}
    for interpretation in site.interpretations:
        found = _by_quote(interpretation, site.documents, names) or _by_number(interpretation, site.documents) \
            or _by_link(interpretation, site) or _by_similarity(interpretation, site.documents)
        if found:
            document, how = found
            pairs[document.url].interpretations.append(interpretation)
            pairs[document.url].how = pairs[document.url].how or how
    return pairs


def _by_quote(interpretation, documents, names):
    quoted = {core(q, WRAPPER) for q in interpretation.quoted}
    for document in documents:
        if quoted & names[document.url] or any(
                min(len(q), len(name)) >= 8 and (q in name or name in q)
                for q in quoted for name in names[document.url]):
            return document, "书名号标题"
    return None


def _by_number(interpretation, documents):
    for number in interpretation.mentions:
        for document in documents:
            if document.number and same_number(number, document.number):
                return document, "发文字号"
    return None


def _by_link(interpretation, site):
    for document in site.documents:
        if (interpretation.url, document.url) in site.doc_links or (document.url, interpretation.url) in site.doc_links:
            return document, "页面链接"
    return None


def _by_similarity(interpretation, documents):
    mine = core(interpretation.title, INTERPRETATION_WORDS)
    best, score = None, 0.0
    for document in documents:
        ratio = SequenceMatcher(None, mine, core(document.title, WRAPPER)).ratio()
        if ratio > score:
            best, score = document, ratio
    return (best, "标题相似") if best and score >= SIMILAR else None


def recent(document: DocumentPage, as_of: date) -> bool:
    """Published in the inspection year."""
    return document.published is not None and months_before(as_of, WINDOW_MONTHS) <= document.published <= as_of


def due(site: SiteData, document: DocumentPage, as_of: date) -> bool:
    """Published in the inspection year, and its 3 working days are over."""
    return recent(document, as_of) and site.calendar.workdays_between(document.published, as_of) > DEADLINE_WORKDAYS


@check(severity="deduct", title="政策文件无解读")
def interpretation_missing(site: SiteData, as_of: date) -> Iterator[Finding]:
    for pair in match(site).values():
        document = pair.document
        if pair.interpretations or not needs_interpretation(document) or not due(site, document, as_of):
            continue
        yield Finding(url=document.url, detail=f"政策文件《{document.title}》未发布政策解读",
                      evidence={"title": document.title, "number": document.number,
                                "published": document.published.isoformat()})


@check(severity="deduct", title="政策解读不及时")
def interpretation_late(site: SiteData, as_of: date) -> Iterator[Finding]:
    for pair in match(site).values():
        document = pair.document
        dated = [i for i in pair.interpretations if i.published]
        if not dated or not recent(document, as_of):
            continue
        first = min(dated, key=lambda i: i.published)
        took = site.calendar.workdays_between(document.published, first.published)
        if took <= DEADLINE_WORKDAYS:
            continue
        yield Finding(url=document.url, source_url=first.url,
                      detail=f"政策文件《{document.title}》{document.published} 发布，解读 {first.published} 才发布，"
                             f"晚 {took} 个工作日（应在 {DEADLINE_WORKDAYS} 个工作日内）",
                      evidence={"document_published": document.published.isoformat(),
                                "interpretation_published": first.published.isoformat(), "workdays": took,
                                "interpretation": first.url, "matched_by": pair.how})


@check(severity="deduct", title="政策文件与解读未关联")
def interpretation_unlinked(site: SiteData, as_of: date) -> Iterator[Finding]:
    for pair in match(site).values():
        document = pair.document
        if not pair.interpretations or not recent(document, as_of):
            continue
        forward = any((document.url, i.url) in site.doc_links for i in pair.interpretations)
        backward = any((i.url, document.url) in site.doc_links for i in pair.interpretations)
        if forward and backward:
            continue
        which = "both" if not forward and not backward else (
            "document_to_interpretation" if not forward else "interpretation_to_document")
        missing = {"both": "文件与解读互不链接", "document_to_interpretation": "文件页面未链接解读",
                   "interpretation_to_document": "解读页面未链接文件"}[which]
        yield Finding(url=document.url, source_url=pair.interpretations[0].url,
                      detail=f"政策文件《{document.title}》与其解读未双向关联：{missing}",
                      evidence={"which": which, "missing": missing, "interpretation": pair.interpretations[0].url,
                                "matched_by": pair.how})


def interpretation_ratio(site: SiteData, as_of: date) -> dict:
    """Documents needing an interpretation in the inspection year, and how many have one."""
    pairs = [p for p in match(site).values() if needs_interpretation(p.document) and due(site, p.document, as_of)]
    interpreted = sum(1 for p in pairs if p.interpretations)
    return {"documents": len(pairs), "interpreted": interpreted,
            "ratio": round(interpreted / len(pairs), 3) if pairs else None}
