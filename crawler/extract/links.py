"""Links, images and attachments on a page, and which of them to check or follow."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

from w3lib.url import safe_url_string

from .html import clean

ATTACHMENT = re.compile(
    r"\.(pdf|docx?|xlsx?|wps|et|pptx?|zip|rar|7z|txt|csv|ofd|ceb|tif|mp4|mp3|avi|flv|wmv|apk|exe)$", re.I
)
IMAGE = re.compile(r"\.(jpe?g|png|gif|bmp|webp|svg|ico)$", re.I)
NOT_LINKS = ("mailto:", "tel:", "javascript:", "data:", "about:", "sms:", "weixin:", "file:")
ARTICLE_URL = re.compile(
    r"/t(?:19|20)\d{6}_\d+|/art/(?:19|20)\d{2}/|/(?:19|20)\d{6}/|content_\d+|/(?:19|20)\d{2}-\d{2}/|art_\d+_\d+|/(?:19|20)\d{2}/\d{1,2}/\d{1,2}/",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    kind: str  # page | image | attachment
    text: str


PLAIN_URL = re.compile(r"https?://[a-z0-9.\-]+(:\d+)?/[A-Za-z0-9\-._~:/?&=%+,;@!$'()*]*")


def absolute(base: str, href: str | None) -> str | None:
    """The absolute, normalised http(s) URL of an href, or None for what is not a link."""
    if not href:
        return None
    href = href.strip()
    if not href or href[0] == "#" or href[:11].lower().startswith(NOT_LINKS):
        return None
    if href.startswith(("http://", "https://")):
        return _resolve("", href)
    if href[0] == "/" and href[:2] != "//":
        return _resolve(_origin(base), href)  # root-relative: the same on every page of the site
    return _resolve(base, href)


@lru_cache(maxsize=65536)
def _resolve(base: str, href: str) -> str | None:
    href = href.replace("\\", "/")
    try:
        url = urljoin(base, href) if base else href
    except ValueError:
        return None
    if PLAIN_URL.fullmatch(url) and "/." not in url:
        return url  # the common case: already normal, no need to parse and re-quote
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    try:
        return normalise(urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", parts.query, "")))
    except ValueError:
        return None


def _origin(url: str) -> str:
    slash = url.find("/", url.find("//") + 2)
    return url if slash < 0 else url[:slash]


def normalise(url: str) -> str:
    """One spelling per resource: percent-encoded UTF-8 path, no fragment."""
    return safe_url_string(url.split("#", 1)[0], encoding="utf-8")


def link_kind(url: str) -> str:
    parts = urlsplit(url)
    if IMAGE.search(parts.path):
        return "image"
    # a download servlet names the file in its query: downfile.jsp?filename=2611061530218.xlsx
    if ATTACHMENT.search(parts.path) or any(ATTACHMENT.search(value) for _, value in parse_qsl(parts.query)):
        return "attachment"
    return "page"


def page_links(root, base: str) -> list[Link]:
    """Every <a href> and <img src> of the page, each URL once."""
    seen: dict[str, Link] = {}
    for anchor in root.iter("a", "area"):
        url = absolute(base, anchor.get("href"))
        if url and url not in seen:
            seen[url] = Link(url, link_kind(url), clean(anchor.text_content())[:200])
    for image in root.iter("img"):
        url = absolute(base, image.get("src"))
        if url and url not in seen:
            seen[url] = Link(url, "image", clean(image.get("alt"))[:200])
    return list(seen.values())


def site_key(url: str) -> str:
    """host[:port] without a leading www.: the unit that counts as one site."""
    netloc = urlsplit(url).netloc.lower()
    return netloc[4:] if netloc.startswith("www.") else netloc


def same_site(url: str, key: str) -> bool:
    """True for the site itself and its sub-domains (xxgk.jz.gov.cn belongs to jz.gov.cn)."""
    start = url.find("//") + 2
    if url.startswith(key, start) and url[start + len(key):start + len(key) + 1] in ("/", ""):
        return True
    other = site_key(url)
    return other == key or other.endswith("." + key)


def looks_like_article(url: str) -> bool:
    return bool(ARTICLE_URL.search(url))
