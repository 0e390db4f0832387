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

    @property
    def problems(self) -> list[dict]:
        return [f for f in self.findings if f["severity"] != "notice"]

    @property
    def notices(self) -> list[dict]:
        return [f for f in self.findings if f["severity"] == "notice"]


@dataclass
class Report:
    run: dict
    sites: list[SiteReport]

    @property
    def problems(self) -> list[tuple[SiteReport, dict]]:
        return [(site, f) for site in self.sites for f in site.problems]

    @property
    def notices(self) -> list[tuple[SiteReport, dict]]:
        return [(site, f) for site in self.sites for f in site.notices]


def collect(db, run_id: int, site_ids: list[str] | None = None) -> Report:
    run = db["runs"].get(run_id)
    rows = list(db.query("select * from findings where run_id = ? order by site, severity = 'notice', "
                         "case severity when 'veto' then 0 when 'deduct' then 1 else 2 end, check_code, url",
                         [run_id]))
    ids = jsonlib.loads(run["sites"] or "[]") or sorted({row["site"] for row in rows})
    as_of = date.fromisoformat(run["as_of"])
    if site_ids:
        ids = [i for i in ids if i in site_ids]
    sites = []
    for site_id in ids:
        info = db["sites"].get(site_id) if db["sites"].count_where("id = ?", [site_id]) else {}
        findings = [row for row in rows if row["site"] == site_id]
        sites.append(SiteReport(site_id, info.get("name") or site_id, info.get("home") or "",
                                info.get("identifier") or "", info.get("organizer") or "",
                                verdict(site_id, findings), findings, guide_stats(db, run_id, site_id),
                                interaction_stats(db, run_id, site_id, as_of)))
    return Report(run, sites)


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

FORMATS = {"xlsx": xlsx.write, "csv": csv.write, "json": json.write}
