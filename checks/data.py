"""Load what the checks read about one site from the store, as plain data."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from zwgk.workdays import Calendar


@dataclass
class ColumnData:
    url: str
    name: str
    kind: str
    fetched: bool = False
    empty: bool = False
    entries: int = 0
    dated: list[date] = field(default_factory=list)

    @property
    def newest(self) -> date | None:
        return max(self.dated) if self.dated else None


@dataclass
class DeadLink:
    url: str
    status: int | None
    error: str
    sources: list[str]
    kinds: list[str]
    on_home: bool


@dataclass
class Probe:
    at: datetime
    ok: bool
    elapsed: float | None


@dataclass
class MessageData:
    """One citizen message, its list row and its detail page merged."""

    url: str
    board: str  # the list that shows it (or the detail page when no list was seen)
    board_name: str = ""
    title: str = ""
    asked: str | None = None
    replied: str | None = None
    unit: str = ""
    status: str = ""
    reply: str = ""
    detail: bool = False  # its own page was read
    board_shows_asked: bool = False
    board_shows_replied: bool = False


@dataclass
class DocumentPage:
    """A policy document or an interpretation page, with what its page and its list said."""

    url: str
    title: str
    published: date | None
    number: str = ""
    quoted: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)  # 发文字号 an interpretation names
    in_policy_column: bool = False


@dataclass
class SiteData:
    id: str
    name: str = ""
    home: str = ""
    identifier: str = ""
    organizer: str = ""
    services: bool = True
    home_fetched: bool = False
    home_dates: list[date] = field(default_factory=list)
    home_entries: int = 0
    identity: dict = field(default_factory=dict)
    columns: list[ColumnData] = field(default_factory=list)
    dead_links: list[DeadLink] = field(default_factory=list)
    probes: list[Probe] = field(default_factory=list)
    notices: list[dict] = field(default_factory=list)
    guides: list[dict] = field(default_factory=list)  # {url, title, elements: {element: present}}
    service_links: int = 0  # links to a 政务服务 platform
    rules: dict = field(default_factory=dict)  # 留言 reply limits in working days
    calendar: Calendar = field(default_factory=Calendar)
    messages: list[MessageData] = field(default_factory=list)
    documents: list[DocumentPage] = field(default_factory=list)
    interpretations: list[DocumentPage] = field(default_factory=list)
    doc_links: set[tuple[str, str]] = field(default_factory=set)  # (source, target) between those pages
    annual_reports: list[dict] = field(default_factory=list)  # {url, title, year, published, sections}
    spam_links: list[dict] = field(default_factory=list)  # outside links whose page shows spam words
    db: object = None  # the store, for the checks that read big columns lazily (texts)
    run_id: int = 0
    kind: str = "site"  # "site" (a website) or "account" (a 政务新媒体 account)


# A link to a 政务服务 platform (national, provincial or local): by its text or its address.
# an entry to 办事服务: a menu or banner link named so (short: an article titled “关于开展政务服务……的通知”
# is news about services, not an entry to them), or a link to a 政务服务 platform
SERVICE_LINK = "(length(text) <= 12 and text not like '%12345%' and (" + " or ".join(  # 12345 is a hotline, not 办事
    [f"text like '%{word}%'" for word in ("政务服务", "网上办事", "一网通办", "办事大厅", "网上服务大厅", "便民服务平台")]
    + ["(internal = 0 and text like '%办事服务%')"]  # the usual menu item, leading to the province's platform
) + ")) or " + " or ".join(
    [f"target_url like '%{host}%'" for host in ("zwfw", "gjzwfw", "zwdt", "ythbg", "bsdt", "zwzx", "banshi")]
)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def load_site(db, run_id: int, site_id: str, calendar: Calendar | None = None) -> SiteData:
    info = db["sites"].get(site_id) if db["sites"].count_where("id = ?", [site_id]) else {"id": site_id}
    site = SiteData(id=site_id, name=info.get("name") or site_id, home=info.get("home") or "",
                    identifier=info.get("identifier") or "", organizer=info.get("organizer") or "",
                    services=bool(info.get("services", 1)), rules=json.loads(info.get("rules") or "{}"),
                    calendar=calendar or Calendar(), db=db, run_id=run_id, kind=info.get("kind") or "site")
    home_rows = list(db.query("select url, facts from pages where run_id = ? and site = ? and role = 'home'",
                              [run_id, site_id]))
    if home_rows:
        site.home_fetched = True
        site.home = home_rows[0]["url"]
        home_facts = json.loads(home_rows[0]["facts"] or "{}")
        site.identity = home_facts.get("identity") or {}
        rows = list(db.query(  # 首页: only dates a visitor sees count (undated items are not updates)
            "select distinct url, date, shown from entries where run_id = ? and site = ? and list_url = ?",
            [run_id, site_id, site.home]))
        site.home_entries = len(rows)
        site.home_dates = [d for d in (_date(row["date"]) for row in rows if row["shown"]) if d]
    site.columns = _columns(db, run_id, site_id)
    site.guides = [
        {"url": row["url"], "title": row["title"] or row["url"], "elements": json.loads(row["facts"])["guide"]}
        for row in db.query("select url, title, facts from pages where run_id = ? and site = ? and "
                            "json_extract(facts, '$.guide') is not null order by url", [run_id, site_id])
    ]
    site.service_links = db.execute(
        f"select count(*) from (select 1 from links where run_id = ? and site = ? and ({SERVICE_LINK}) limit 1)",
        [run_id, site_id]).fetchone()[0]
    site.dead_links = _dead_links(db, run_id, site_id, site.home if site.kind == "site" else None)
    site.spam_links = [
        {"url": row["url"], "title": row["title"] or "", "final_url": row["final_url"] or "",
         "words": row["spam"].split(","), "sources": sorted(set(row["sources"].split("\x1f")))}
        for row in db.query(  # from the site's own links (index on run_id, site), not from the run's targets
            """select t.url, t.title, t.final_url, t.spam, group_concat(l.source_url, char(31)) as sources
               from links l cross join targets t on t.run_id = l.run_id and t.url = l.target_url
               where l.run_id = ? and l.site = ? and l.internal = 0 and t.spam != '' group by t.url order by t.url""",
            [run_id, site_id])]
    site.probes = [
        Probe(datetime.fromisoformat(row["at"]).replace(tzinfo=None), bool(row["ok"]), row["elapsed"])
        for row in db.query("select at, ok, elapsed from probes where site = ? order by at", [site_id])
    ]
    site.notices = list(db.query(
        "select url, reason, detail from notices where run_id = ? and site = ?", [run_id, site_id]))
    site.messages = _messages(db, run_id, site_id)
    _documents(db, run_id, site)
    return site


def load_interaction(db, run_id: int, site_id: str, calendar: Calendar) -> SiteData:
    """Only what the message and interpretation statistics read."""
    info = db["sites"].get(site_id) if db["sites"].count_where("id = ?", [site_id]) else {}
    site = SiteData(id=site_id, name=info.get("name") or site_id, rules=json.loads(info.get("rules") or "{}"),
                    calendar=calendar)
    site.messages = _messages(db, run_id, site_id)
    _documents(db, run_id, site)
    return site


def _messages(db, run_id: int, site_id: str) -> list[MessageData]:
    names = {row["url"]: row["name"] for row in db.query(
        "select url, name from columns where run_id = ? and site = ?", [run_id, site_id])}
    titles = {row["url"]: row["title"] for row in db.query(
        "select url, title from pages where run_id = ? and site = ? and url in "
        "(select distinct list_url from messages where run_id = ? and site = ?)", [run_id, site_id, run_id, site_id])}
    merged: dict[str, MessageData] = {}
    boards: dict[str, list[bool]] = {}  # board → [shows asked, shows replied]
    for row in db.query("select * from messages where run_id = ? and site = ? order by source = 'detail', rowid",
                        [run_id, site_id]):
        detail = row["source"] == "detail"
        board = row["list_url"] or row["page_url"]
        message = merged.get(row["url"])
        if message is None:
            message = merged[row["url"]] = MessageData(row["url"], board)
        if not detail:
            shows = boards.setdefault(board, [False, False])
            shows[0] |= bool(row["shows_asked"])
            shows[1] |= bool(row["shows_replied"])
        message.detail |= detail
        message.title = message.title or row["title"] or ""
        if row["asked"] and len(row["asked"]) > len(message.asked or ""):
            message.asked = row["asked"]  # a date-time beats a date
        if row["replied"] and (detail or not message.replied):
            message.replied = row["replied"]
        message.unit = row["unit"] or message.unit
        message.status = message.status or row["status"] or ""
        message.reply = row["reply"] or message.reply
    for message in merged.values():
        message.board_shows_asked, message.board_shows_replied = boards.get(message.board, [False, False])
        message.board_name = names.get(message.board) or titles.get(message.board) or ""
    return list(merged.values())


def _documents(db, run_id: int, site: SiteData) -> None:
    """Policy documents, interpretations and annual reports: from their pages, and from the lists of
    policy and interpretation columns (an entry whose page was not read still counts)."""
    listed: dict[str, tuple[str, str | None, str]] = {}  # url → (column kind, entry date, entry title)
    for row in db.query(
            """select e.url, e.date, e.title, c.kind from entries e join columns c
               on c.run_id = e.run_id and c.site = e.site and c.url = e.list_url
               where e.run_id = ? and e.site = ? and e.main = 1 and c.kind in ('policy', 'interpretation')""",
            [run_id, site.id]):
        listed.setdefault(row["url"], (row["kind"], row["date"], row["title"]))
    pages = {row["url"]: row for row in db.query(
        "select url, title, pub_date, json_extract(facts, '$.document') as document from pages "
        "where run_id = ? and site = ? and role = 'page' and (json_extract(facts, '$.document') is not null or url in "
        "(select e.url from entries e join columns c on c.run_id = e.run_id and c.site = e.site and "
        "c.url = e.list_url where e.run_id = ? and e.site = ? and c.kind in ('policy', 'interpretation')))",
        [run_id, site.id, run_id, site.id])}
    columns = {row["url"] for row in db.query("select url from columns where run_id = ? and site = ?",
                                               [run_id, site.id])}
    for url in (set(pages) | set(listed)) - columns:
        row = pages.get(url) or {"title": "", "pub_date": None, "document": None}
        facts = json.loads(row["document"]) if row["document"] else {}
        column, entry_date, entry_title = listed.get(url, ("", None, ""))
        kind = "interpretation" if column == "interpretation" else facts.get("kind") or ("document" if column else "")
        published = _date(facts.get("published")) or _date(row["pub_date"]) or _date(entry_date)
        title = facts.get("title") or entry_title or row["title"] or ""
        if kind == "annual_report":
            site.annual_reports.append({"url": url, "title": title, "year": facts["year"], "published": published,
                                        "sections": facts.get("sections"), "read": True})
            continue
        if kind not in ("document", "interpretation"):
            continue
        page = DocumentPage(url, title, published, facts.get("number", ""), facts.get("quoted", []),
                            facts.get("mentions", []), column == "policy")
        (site.documents if kind == "document" else site.interpretations).append(page)
    for row in db.query("select url, title, date from entries where run_id = ? and site = ? and "
                        "title like '%政府信息公开%报告%'", [run_id, site.id]):
        site.annual_reports.append({"url": row["url"], "title": row["title"], "year": None,
                                    "published": _date(row["date"]), "sections": None, "read": False})
    wanted = {p.url for p in site.documents + site.interpretations}
    if wanted:  # one pass over the site's links (index on run_id, site)
        for source, target in db.execute("select source_url, target_url from links where run_id = ? and site = ?",
                                         [run_id, site.id]):
            if source in wanted and target in wanted and target != source:
                site.doc_links.add((source, target))


def _columns(db, run_id: int, site_id: str) -> list[ColumnData]:
    pages = {row["url"]: row for row in db.query(
        "select url, facts from pages where run_id = ? and site = ?", [run_id, site_id])}
    columns = []
    for row in db.query("select url, name, kind from columns where run_id = ? and site = ? order by rowid",
                        [run_id, site_id]):
        column = ColumnData(row["url"], row["name"], row["kind"])
        page = pages.get(row["url"])
        if page:
            column.fetched = True
            column.empty = bool(json.loads(page["facts"] or "{}").get("empty"))
        entries = list(db.query(
            """select distinct e.url, e.date, p.pub_date from entries e
               left join pages p on p.run_id = e.run_id and p.url = e.url
               where e.run_id = ? and e.site = ? and e.list_url = ? and e.main = 1""",
            [run_id, site_id, row["url"]]))
        column.entries = len(entries)
        column.dated = [d for d in (_date(e["date"] or e["pub_date"]) for e in entries) if d]
        columns.append(column)
    return columns


def _dead_links(db, run_id: int, site_id: str, home: str) -> list[DeadLink]:
    found: dict[str, dict] = {}
    rows = db.execute(
        """select t.url, t.status, t.error, l.source_url, l.kind from links l
           cross join targets t on t.run_id = l.run_id and t.url = l.target_url
           where l.run_id = ? and l.site = ? and t.outcome = 'dead' order by t.url""",
        [run_id, site_id])
    for url, status, error, source, kind in rows:
        row = found.setdefault(url, {"status": status, "error": error or "", "sources": set(), "kinds": set()})
        row["sources"].add(source)
        row["kinds"].add(kind)
    dead = []
    for url, row in found.items():
        sources = sorted(row["sources"], key=lambda s: (s != home, len(s), s))
        dead.append(DeadLink(url, row["status"], row["error"], sources, sorted(row["kinds"]), home in sources))
    return dead


def within(probes: list[Probe], end: datetime, days: int) -> list[Probe]:
    start = end - timedelta(days=days)
    return [p for p in probes if start <= p.at <= end]
