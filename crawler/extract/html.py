"""Parse HTML once into an lxml tree, and small helpers shared by the extractors."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
NAV_HINT = re.compile(r"nav|menu|daohang|lanmu|(^|[\s_-])dh([\s_-]|$)|channel|sidebar|side-?bar|subnav|zlm|topbar", re.I)
SPACE = re.compile(r"\s+")
_PARSER = lxml.html.HTMLParser(recover=True, remove_comments=True, huge_tree=False)


def parse_html(text: str) -> lxml.html.HtmlElement | None:
    text = XML_DECLARATION.sub("", text.replace("\x00", ""), count=1)
    if not text.strip():
        return None
    try:
        root = lxml.html.fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
    if not isinstance(root.tag, str):
        return None
    return root


def clean(text: str | None) -> str:
    return SPACE.sub(" ", text or "").strip()


def element_text(element) -> str:
    return clean(element.text_content())


def meta_tags(root) -> dict[str, str]:
    """<meta name=… content=…> (and property=…) with lower-case names."""
    meta = {}
    for tag in root.iter("meta"):
        name = tag.get("name") or tag.get("property") or tag.get("itemprop")
        if name and tag.get("content") is not None:
            meta.setdefault(name.strip().lower(), tag.get("content").strip())
    return meta


def title_of(root) -> str:
    title = root.find(".//title")
    return clean(title.text_content()) if title is not None else ""


def nav_containers(root) -> set:
    """Every element inside navigation: <nav>, <header>, or a class/id that says menu/nav/栏目."""
    tops = list(root.iter("nav", "header"))
    for element in root.xpath("//*[@class or @id]"):
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if NAV_HINT.search(marker):
            tops.append(element)
    return descendants(tops)


def descendants(tops) -> set:
    found: set = set()
    for top in tops:
        if top not in found:
            found.update(top.iter())
    return found


def inside(element, region: set) -> bool:
    """`region` holds every element of some containers (see `descendants`)."""
    return element in region


def visible_text(root) -> str:
    """Text a reader sees: no script, style or template content."""
    return clean(" ".join(_visible_parts(root)))


def _visible_parts(root):
    for element in root.iter():
        if not isinstance(element.tag, str):
            if element.tail:
                yield element.tail
            continue
        if element.tag in ("script", "style", "noscript", "template"):
            if element.tail:
                yield element.tail
            continue
        if element.text:
            yield element.text
        if element.tail:
            yield element.tail
