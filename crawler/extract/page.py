"""Parse one HTML page once and return everything the crawl stores about it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .columns import ColumnLink, Entry, built_by_script, find_columns, list_entries, looks_empty, pagination
from .dates import page_date
from .html import clean, descendants, inside, meta_tags, nav_containers, parse_html, title_of, _visible_parts
from .documents import DOC_NUMBER, INTERPRETATION_TITLE, document_facts
from .guides import guide_elements, looks_like_guide
from .labels import segments
from .messages import ASKED_WORDS, Message, page_messages
from .identity import identity_marks
from .injected import Injection, find_injections, spam_signature
from .links import Link, absolute, page_links
from .status import is_error_page, spam_words
from zwgk.text.documents import html_lines

CHROME_HINT = re.compile(
    r"foot|copyright|crumb|position|location|weizhi|dqwz|bread|banner|"
    r"(^|[\s_-])(bottom|head|header|top|topbar|search|logo)([\s_-]|$)",
    re.I,
)


@dataclass
class PageFacts:
    title: str = ""
    pub_date: date | None = None
    meta: dict[str, str] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    columns: list[ColumnLink] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    identity: dict[str, str | None] = field(default_factory=dict)
    error_page: bool = False
    empty_list: bool = False
    scripted: bool = False
    text_length: int = 0
    guide: dict[str, bool] | None = None
    messages: list[Message] = field(default_factory=list)
    document: dict | None = None  # a policy document, an interpretation or an annual report
    lines: list[str] = field(default_factory=list)  # the main text, a line per block, without menus and footers
    injected: list[Injection] = field(default_factory=list)
    signature: tuple = ()  # (spam words, foreign hosts): compared with what a search engine is shown


def parse_page(html: str, url: str, site_key: str, reference: date | None, home: bool = False,
               board: bool = False) -> PageFacts:
    root = parse_html(html)
    if root is None:
        return PageFacts(empty_list=True)
    navs = nav_containers(root)
    meta = meta_tags(root)
    title = title_of(root)
    text = clean(" ".join(_visible_parts(root.find("body") if root.find("body") is not None else root)))
    facts = PageFacts(title=title, meta=meta, text_length=len(text))
    facts.error_page = is_error_page(title, text)
    facts.pub_date = page_date(meta, text, url)
    facts.links = page_links(root, url)
    facts.columns = find_columns(root, url, site_key, navs)
    chrome = navs | descendants(
        el for el in root.xpath("//footer|//*[@class or @id]")
        if el.tag == "footer" or CHROME_HINT.search(f"{el.get('class', '')} {el.get('id', '')}")
    )
    facts.entries = list_entries(root, url, reference, chrome, html if "<record>" in html else "")
    facts.pages = pagination(root, url, html)
    content_text, content_links = _content(root, chrome, url, site_key)
    facts.empty_list = looks_empty(content_text, facts.entries, content_links)
    facts.scripted = not facts.entries and built_by_script(html)
    if home:
        facts.identity = identity_marks(root, text, meta)
        facts.signature = spam_signature(root, url, site_key)
    facts.injected = find_injections(root, url, site_key)
    body = root.find("body")
    facts.lines = html_lines(body if body is not None else root, skip=chrome)
    if looks_like_guide(title, text):
        facts.guide = guide_elements(root, title)
    if board or ASKED_WORDS.search(text):
        facts.messages = page_messages(root, url, chrome, facts.entries, board)
    if not home and (DOC_NUMBER.search(text[:4000]) or "索引号" in text or INTERPRETATION_TITLE.search(title)
                     or "年度报告" in title):
        body = root.find("body")
        lines = segments(body if body is not None else root, chrome)
        facts.document = document_facts(title, meta, lines, _heading(root, chrome))
    return facts


def _heading(root, chrome: set) -> str:
    for heading in root.iter("h1", "h2"):
        if heading not in chrome:
            text = clean(heading.text_content())
            if len(text) >= 6:
                return text
    return ""


def outside_page(html: str) -> tuple[str, bool, list[str]]:
    """(title, an error page served with 200?, spam words) — all a checked outside link needs, no full parse."""
    root = parse_html(html)
    if root is None:
        return "", False, []
    body = root.find("body")
    title = title_of(root)
    text = clean(" ".join(_visible_parts(body if body is not None else root)))
    meta = meta_tags(root)
    head = " ".join((title, meta.get("description", ""), meta.get("keywords", "")))
    return title, is_error_page(title, text), spam_words(head, text[:5000])


def _content(root, chrome: set, url: str, key: str) -> tuple[str, int]:
    """Text and link count outside navigation, header and footer."""
    body = root.find("body")
    if body is None:
        body = root
    links = sum(1 for a in body.iter("a") if not inside(a, chrome) and absolute(url, a.get("href")))
    parts = []
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "noscript"):
            continue
        if inside(element, chrome):
            continue
        if element.text and element.text.strip():
            parts.append(element.text)
        parent = element.getparent()
        if element.tail and element.tail.strip() and parent is not None and not inside(parent, chrome):
            parts.append(element.tail)
    return clean(" ".join(parts)), links
