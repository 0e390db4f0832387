"""What the spider hands to the store.

One `Bundle` per response: the fetch result, the parsed page and everything found on it,
plus the requests it led to (the frontier). The pipeline writes a bundle in one
transaction, so a crawl killed at any moment resumes from the database alone: every URL in
the frontier without a target row is fetched again, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class TargetItem:
    """The result of fetching one URL: a crawled page or a checked link."""

    url: str
    outcome: str  # ok | dead | blocked | refused
    status: int | None = None
    error: str = ""
    final_url: str = ""
    elapsed: float | None = None
    title: str = ""
    method: str = "GET"
    spam: str = ""  # spam words the page shows, comma-separated (外链变异)


@dataclass(slots=True)
class PageItem:
    url: str
    final_url: str
    status: int
    content_type: str
    title: str
    pub_date: str | None
    depth: int
    role: str  # home | column | page
    rendered: bool
    size: int
    facts: str  # JSON: identity marks, meta, list facts


@dataclass(slots=True)
class FrontierRow:
    """A request the crawl decided to make (kept so that a resumed run makes it too)."""

    url: str
    depth: int
    role: str  # home | column | page | check
    list_url: str = ""
    kind: str = "page"  # page | image | attachment


@dataclass(slots=True)
class Bundle:
    site: str
    source_url: str = ""
    target: TargetItem | None = None
    page: PageItem | None = None
    links: list[tuple[str, str, str, bool]] = field(default_factory=list)  # target, kind, text, internal
    # list url, url, title, date, main list?, date shown beside the title?
    entries: list[tuple[str, str, str, str | None, bool, bool]] = field(default_factory=list)
    columns: list[tuple[str, str, str, str]] = field(default_factory=list)  # url, name, kind, source
    frontier: list[FrontierRow] = field(default_factory=list)
    notices: list[tuple[str, str, str]] = field(default_factory=list)  # url, reason, detail
    # (board list url or "" on a detail page, crawler.extract.messages.Message) seen on this page
    messages: list = field(default_factory=list)
    # the main text of a page or attachment: (url, kind page|attachment, publication date, text, unreadable why)
    texts: list[tuple[str, str, str | None, str, str]] = field(default_factory=list)
    injections: list[tuple[str, str, str, str]] = field(default_factory=list)  # page url, target, why, text
