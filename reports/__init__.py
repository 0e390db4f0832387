"""Exports of the problem list. FORMATS maps a format name to `write(report, path)`."""

from __future__ import annotations

import json as jsonlib  # reports.json is the export module
from dataclasses import dataclass, field
from datetime import date

from checks import CHECK_TITLES, interaction_stats
from checks.verdict import Verdict, verdict
from zwgk.findings import SEVERITY_NAMES

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class SiteReport:
    id: str
    name: str
    home: str
    identifier: str
    organizer: str
    verdict: Verdict
    findings: list[dict] = field(default_factory=list)
    guides: dict = field(default_factory=dict)  # 办事指南: found, complete, incomplete, most often missing
    interaction: dict = field(default_factory=dict)  # 留言 statistics and the 政策解读 ratio

    region: str = ""
    unit_type: str = ""
    marked: list[dict] = field(default_factory=list)  # problems an inspector marked 误报 or 已接受
    fixed: list[dict] = field(default_factory=list)  # problems of the previous run gone in this one: 已整改
    kind: str = "site"  # "site" or "account" (政务新媒体)
    platform: str = ""  # accounts: wechat | weibo | rss | douyin | toutiao
    newest: str = ""  # accounts: the newest post's date-time ("" when none or unread)
    problem: str = ""  # accounts: why the platform could not be read

    @property
    def platform_name(self) -> str:
        from zwgk.newmedia import PLATFORM_NAMES

        return PLATFORM_NAMES.get(self.platform, self.platform)

    @property
    def problems(self) -> list[dict]:
        return [f for f in self.findings if f["severity"] != "notice"]

    @property
    def notices(self) -> list[dict]:
        return [f for f in self.findings if f["severity"] == "notice"]


@dataclass
class Report:
    """What every export shows. Each finding is a `findings` row (a dict) plus `state` (新发现 / 仍存在 /
    再次出现), `runs_seen` (runs it has been seen in, this one included), `mark` (None or {status, reason,
    at}) and `screenshot` (a path relative to the database's folder, or "")."""

    run: dict
    sites: list[SiteReport]
    trend: list[dict] = field(default_factory=list)  # per run: {run_id, as_of, veto, deduct, by_code: {code: n}}
    filters: dict = field(default_factory=dict)  # {"new_since": run id, "open_runs": N} when the list is narrowed
    base: str = ""  # the database's folder: screenshot paths are relative to it
    accounts: list[SiteReport] = field(default_factory=list)  # 政务新媒体, kept apart from the websites (`sites`)

    @property
    def problems(self) -> list[tuple[SiteReport, dict]]:
        return [(site, f) for site in self.sites for f in site.problems]

    @property
    def account_problems(self) -> list[tuple[SiteReport, dict]]:
        return [(account, f) for account in self.accounts for f in account.problems]

    @property
    def account_notices(self) -> list[tuple[SiteReport, dict]]:
        return [(account, f) for account in self.accounts for f in account.notices]

    @property
    def notices(self) -> list[tuple[SiteReport, dict]]:
        return [(site, f) for site in self.sites for f in site.notices]

    @property
    def marked(self) -> list[tuple[SiteReport, dict]]:
        return [(site, f) for site in self.sites for f in site.marked]

    @property
    def fixed(self) -> list[tuple[SiteReport, dict]]:
        return [(site, f) for site in self.sites for f in site.fixed]

    def pass_rates(self, by: str = "") -> dict[str, dict]:
        """合格率 of all sites (key "全部"), or per `region` / `unit_type`."""
        groups: dict[str, list[SiteReport]] = {}
        for site in self.sites:
            groups.setdefault(getattr(site, by) or "未分类" if by else "全部", []).append(site)
        return {name: {"sites": len(members), "passed": sum(s.verdict.passed for s in members),
                       "rate": sum(s.verdict.passed for s in members) / len(members)}
                for name, members in sorted(groups.items())}


def collect(db, run_id: int, site_ids: list[str] | None = None, new_since: int | None = None,
            open_runs: int | None = None) -> Report:
    """The report of one run. `new_since`: only problems first seen after that run; `open_runs`: only problems
    seen in at least that many runs (多次通报仍未整改)."""
    from zwgk.history import annotate, trend
    run = db["runs"].get(run_id)
    rows = list(db.query("select * from findings where run_id = ? order by site, severity = 'notice', "
                         "case severity when 'veto' then 0 when 'deduct' then 1 else 2 end, check_code, url",
                         [run_id]))
    ids = jsonlib.loads(run["sites"] or "[]") or sorted({row["site"] for row in rows})
    as_of = date.fromisoformat(run["as_of"])
    if site_ids:
        ids = [i for i in ids if i in site_ids]
    rows = [row for row in rows if row["site"] in ids]
    scoring = jsonlib.loads(run.get("config") or "{}").get("scoring") or {}
    fixed = annotate(db, run_id, rows)
    shots = _screenshots(db, run_id)
    rechecked = _rechecks(db, run.get("started") or "")
    for row in rows:
        row["screenshot"] = shots.get(row["id"], "")
        row["recheck"] = rechecked.get(row["fingerprint"])
        if row["recheck"]:
            row["state"] = f"{row['state']}；复查{row['recheck']['at'][:10]}：{row['recheck']['outcome']}"
    first_run_of = _first_runs(db, [row["fingerprint"] for row in rows]) if new_since else {}
    sites, accounts = [], []
    read = {row["account"]: row for row in db.query("select * from accounts where run_id = ?", [run_id])}
    for site_id in ids:
        info = db["sites"].get(site_id) if db["sites"].count_where("id = ?", [site_id]) else {}
        findings = [row for row in rows if row["site"] == site_id and not row["mark"]]
        marked = [row for row in rows if row["site"] == site_id and row["mark"]]
        account = read.get(site_id) or ({"platform": "", "newest": "", "problem": ""}
                                         if info.get("kind") == "account" else None)
        judged = verdict(site_id, findings, scoring, account=account is not None)
        if new_since:
            findings = [f for f in findings if f["severity"] == "notice" or first_run_of.get(f["fingerprint"], 0) > new_since]
        if open_runs:
            findings = [f for f in findings if f["severity"] == "notice" or f["runs_seen"] >= open_runs]
        if account is not None:
            accounts.append(SiteReport(site_id, info.get("name") or site_id, info.get("home") or "", "",
                                       info.get("organizer") or "", judged, findings, marked=marked,
                                       fixed=[f for f in fixed if f["site"] == site_id], kind="account",
                                       platform=account["platform"] or "", newest=account["newest"] or "",
                                       problem=account["problem"] or ""))
            continue
        sites.append(SiteReport(site_id, info.get("name") or site_id, info.get("home") or "",
                                info.get("identifier") or "", info.get("organizer") or "",
                                judged, findings, guide_stats(db, run_id, site_id),
                                interaction_stats(db, run_id, site_id, as_of), info.get("region") or "",
                                info.get("unit_type") or "", marked, [f for f in fixed if f["site"] == site_id]))
    filters = {key: value for key, value in (("new_since", new_since), ("open_runs", open_runs)) if value}
    return Report(run, sites, trend(db, [site.id for site in sites], run_id), filters, accounts=accounts)


def _rechecks(db, since: str) -> dict[str, dict]:
    """The latest `zwgk recheck` outcome of each fingerprint, made after the run's crawl began."""
    if not db["rechecks"].exists():
        return {}
    return {row["fingerprint"]: {"outcome": row["outcome"], "at": row["at"], "detail": row["detail"]}
            for row in db.query("select * from rechecks where at >= ? order by at, rowid", [since])}


def _screenshots(db, run_id: int) -> dict[int, str]:
    if not db["screenshots"].exists():
        return {}
    return {row["finding_id"]: row["path"] for row in db.query(
        "select finding_id, path from screenshots where run_id = ?", [run_id])}


def _first_runs(db, fingerprints: list[str]) -> dict[str, int]:
    if not fingerprints:
        return {}
    marks = ",".join("?" * len(fingerprints))
    return {row["fingerprint"]: row["first"] for row in db.query(
        f"select fingerprint, min(run_id) as first from findings where fingerprint in ({marks}) group by fingerprint",
        fingerprints)}


def guide_stats(db, run_id: int, site_id: str) -> dict:
    """Per site: guides found, complete, incomplete, and the elements most often missing."""
    missing: dict[str, int] = {}
    found = complete = 0
    for (elements,) in db.execute("select json_extract(facts, '$.guide') from pages where run_id = ? and site = ? "
                                  "and json_extract(facts, '$.guide') is not null", [run_id, site_id]):
        found += 1
        absent = [name for name, present in jsonlib.loads(elements).items() if not present]
        complete += not absent
        for name in absent:
            missing[name] = missing.get(name, 0) + 1
    ranked = sorted(missing.items(), key=lambda item: (-item[1], item[0]))
    return {"found": found, "complete": complete, "incomplete": found - complete,
            "most_missing": [{"element": name, "guides": count} for name, count in ranked]}


def check_title(code: str) -> str:
    return CHECK_TITLES.get(code, code)


def severity_name(severity: str) -> str:
    return SEVERITY_NAMES.get(severity, severity)


def evidence_text(finding: dict) -> str:
    """Evidence as one readable line for tables."""
    try:
        evidence = jsonlib.loads(finding["evidence"] or "{}")
    except ValueError:
        return finding["evidence"] or ""
    parts = []
    for key, value in evidence.items():
        if value in (None, "", [], {}):
            continue
        if isinstance(value, (list, dict)):
            value = jsonlib.dumps(value, ensure_ascii=False)
        parts.append(f"{key}={value}")
    return "; ".join(parts)


def neutralise(value):
    """Text that a spreadsheet would run as a formula is kept as text (CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


from . import csv, json, xlsx  # noqa: E402


def _docx(report: Report, path: str) -> None:
    from . import docx
    docx.write(report, path)


def _html(report: Report, path: str) -> None:
    from . import html
    html.write(report, path)


FORMATS = {"xlsx": xlsx.write, "csv": csv.write, "json": json.write, "docx": _docx, "html": _html}
