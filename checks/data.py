"""Load what the checks read about one site from the store, as plain data."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta


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


# A link to a 政务服务 platform (national, provincial or local): by its text or its address.
SERVICE_LINK = " or ".join(
    [f"text like '%{word}%'" for word in ("政务服务", "网上办事", "一网通办", "办事大厅", "网上服务大厅", "便民服务平台")]
    + [f"target_url like '%{host}%'" for host in ("zwfw", "gjzwfw", "zwdt", "ythbg", "bsdt", "zwzx", "banshi")]
)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def load_site(db, run_id: int, site_id: str) -> SiteData:
    info = db["sites"].get(site_id) if db["sites"].count_where("id = ?", [site_id]) else {"id": site_id}
    site = SiteData(id=site_id, name=info.get("name") or site_id, home=info.get("home") or "",
                    identifier=info.get("identifier") or "", organizer=info.get("organizer") or "",
                    services=bool(info.get("services", 1)))
    home_rows = list(db.query("select url, facts from pages where run_id = ? and site = ? and role = 'home'",
                              [run_id, site_id]))
    if home_rows:
        site.home_fetched = True
        site.home = home_rows[0]["url"]
        site.identity = json.loads(home_rows[0]["facts"] or "{}").get("identity") or {}
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
    site.dead_links = _dead_links(db, run_id, site_id, site.home)
    site.probes = [
        Probe(datetime.fromisoformat(row["at"]).replace(tzinfo=None), bool(row["ok"]), row["elapsed"])
        for row in db.query("select at, ok, elapsed from probes where site = ? order by at", [site_id])
    ]
    site.notices = list(db.query(
        "select url, reason, detail from notices where run_id = ? and site = ?", [run_id, site_id]))
    return site


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
        """select t.url, t.status, t.error, l.source_url, l.kind from targets t
           join links l on l.run_id = t.run_id and l.target_url = t.url
           where t.run_id = ? and t.outcome = 'dead' and l.site = ? order by t.url""",
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
