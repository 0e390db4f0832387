"""What the spider hands to the store.

One `Bundle` per response: the fetch result, the parsed page and everything found on it,
plus the requests it led to (the frontier). The pipeline writes a bundle in one
transaction, so a crawl killed at any moment resumes from the database alone: every URL in
the frontier without a target row is fetched again, nothing else.

A parsed page also carries `Found`: what it leads to (columns, list pages, links, entries,
messages). The spider turns that into requests: in the same process, or, in a distributed
crawl, on the coordinator, which alone keeps the crawl's state. `Found` is also what the page
cache keeps, so that an unchanged page on a later night leads to the same requests and rows
without being parsed again.
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
class Found:
    """What a parsed page leads to (crawler.extract types), before the spider decides what to request."""

    role: str
    depth: int
    url: str
    list_url: str
    columns: list = field(default_factory=list)  # ColumnLink
    pages: list[str] = field(default_factory=list)  # the list's other pages
    links: list = field(default_factory=list)  # Link
    entries: list = field(default_factory=list)  # Entry
    messages: list = field(default_factory=list)  # Message


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
    found: Found | None = None
    # incremental nights: (etag, last-modified, sha1 of the body) to keep in the page cache, and how
    # the page came back: fetched (no cached copy asked for) | changed | not_modified (304) | unchanged (same body); the last two
    # are replayed from the cache
    validators: tuple[str, str, str] | None = None
    state: str = ""
    fetched: int = 0  # bytes downloaded for this response
    elapsed: float | None = None  # of a not-modified answer, for the replayed target
    finished: bool = False  # the request is over although nothing was recorded (an ignored request)
    check: bool = False  # from a link check, not a page fetch (a page may be both: checked for one site, crawled for another)

    @property
    def done(self) -> bool:
        """This response ends its URL's work (no retry, render or fallback request still to come)."""
        return self.target is not None or self.unchanged or self.finished

    @property
    def unchanged(self) -> bool:
        return self.state in ("not_modified", "unchanged")
