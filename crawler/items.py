"""What the spider hands to the store: one dataclass per table row kind."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class PageItem:
    site: str
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
class TargetItem:
    """The result of fetching one URL: a crawled page or a checked link."""

    url: str
    outcome: str  # ok | dead | blocked | refused | skipped
    status: int | None = None
    error: str = ""
    final_url: str = ""
    elapsed: float | None = None
    title: str = ""
    method: str = "GET"


@dataclass(slots=True)
class LinksItem:
    site: str
    source_url: str
    rows: list[tuple[str, str, str, bool]] = field(default_factory=list)  # target, kind, text, internal


@dataclass(slots=True)
class EntriesItem:
    site: str
    list_url: str
    rows: list[tuple[str, str, str | None, bool]] = field(default_factory=list)  # url, title, date, main


@dataclass(slots=True)
class ColumnsItem:
    site: str
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)  # url, name, kind, source


@dataclass(slots=True)
class NoticeItem:
    site: str
    url: str
    reason: str
    detail: str = ""
