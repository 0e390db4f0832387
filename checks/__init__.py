"""The check registry and `run_checks(db, run_id, as_of)`.

A check is a function from a site's stored data and the 监测时间点 to findings:
it reads, never writes, and never asks the clock. A new family is one module
plus one import line below.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterator

from zwgk.findings import Finding, fingerprint
from zwgk.workdays import Calendar

from .data import SiteData, load_site


@dataclass(frozen=True)
class Check:
    code: str
    severity: str
    function: Callable[[SiteData, date], Iterator[Finding]]
    title: str
    kinds: tuple[str, ...] = ("site",)  # what it judges: websites ("site"), 政务新媒体 accounts ("account")


REGISTRY: dict[str, Check] = {}


def check(severity: str, title: str, kinds: tuple[str, ...] = ("site",)):
    """Register a check under its function's name, which is its SPEC check code."""

    def register(function):
        REGISTRY[function.__name__] = Check(function.__name__, severity, function, title, kinds)
        return function

    return register


from . import (annual_report, availability, content, freshness, identity, interpretation, links,  # noqa: E402,F401
               messages, newmedia,
               notices, services)  # (registration)

BEYOND_SPEC = {"newmedia_no_interaction"}  # codes this project adds to SPEC's table (SPEC: "extend it freely")

CHECK_TITLES = {code: c.title for code, c in REGISTRY.items()}


def findings_for(site: SiteData, as_of: date) -> Iterator[tuple[Check, Finding]]:
    for registered in REGISTRY.values():
        if site.kind not in registered.kinds:
            continue  # a website check says nothing about an account, and the other way round
        for finding in registered.function(site, as_of):
            yield registered, finding


def interaction_stats(db, run_id: int, site_id: str, as_of: date) -> dict:
    """Per site: messages seen / answered / on time / median working days; documents interpreted."""
    from .data import load_interaction
    from .interpretation import interpretation_ratio
    from .messages import board_stats

    site = load_interaction(db, run_id, site_id, run_calendar(db["runs"].get(run_id)))
    return {"messages": board_stats(site, as_of), "interpretations": interpretation_ratio(site, as_of)}


def run_calendar(run: dict) -> Calendar:
    """The working-day calendar of a run: chinese-calendar plus the config's [calendar] days."""
    days = json.loads(run.get("config") or "{}").get("calendar", {})
    return Calendar(extra_holidays={date.fromisoformat(d) for d in days.get("holidays", [])},
                    extra_workdays={date.fromisoformat(d) for d in days.get("workdays", [])})


PARALLEL_SITES = 16


def _site_findings(db, run_id: int, site_ids: list[str], as_of: date) -> list[dict]:
    """The finding rows of these sites (`db` a database or, in a forked worker, the path to open)."""
    if isinstance(db, str):
        from zwgk.db import open_db

        db = open_db(db)
    calendar = run_calendar(db["runs"].get(run_id))
    rows = []
    for site_id in site_ids:
        site = load_site(db, run_id, site_id, calendar)
        seen = set()
        for registered, finding in findings_for(site, as_of):
            fp = fingerprint(site_id, registered.code, finding.url, finding.key)
            if fp in seen:
                continue
            seen.add(fp)
            rows.append({
                "run_id": run_id, "site": site_id, "check_code": registered.code,
                "severity": finding.severity or registered.severity, "url": finding.url,
                "source_url": finding.source_url, "detail": finding.detail,
                "evidence": json.dumps(finding.evidence, ensure_ascii=False, default=str),
                "fingerprint": fp, "first_seen": as_of.isoformat(), "last_seen": as_of.isoformat(),
            })
    return rows


def run_checks(db, run_id: int, as_of: date) -> int:
    """Run every check on every site of the run and store the findings (replacing earlier ones of the run)."""
    site_ids = [row["site"] for row in db.query("select distinct site from pages where run_id = ?", [run_id])]
    run = db["runs"].get(run_id)
    site_ids = sorted(set(site_ids) | set(json.loads(run["sites"] or "[]")))
    path = db.conn.execute("pragma database_list").fetchone()[2]
    if path and len(site_ids) >= PARALLEL_SITES:  # a province: its sites checked on every core
        from zwgk.text.proofread import WORKERS, on_every_core

        shares = [site_ids[n::WORKERS] for n in range(WORKERS)]
        rows = [row for share in on_every_core(_site_findings, [(path, run_id, share, as_of) for share in shares])
                for row in share]
        order = {site_id: n for n, site_id in enumerate(site_ids)}
        rows.sort(key=lambda row: order[row["site"]])  # the same order as on one core
    else:
        rows = _site_findings(db, run_id, site_ids, as_of)
    earliest = {
        row["fingerprint"]: row["first_seen"]
        for row in db.query(
            "select fingerprint, min(first_seen) as first_seen from findings where run_id < ? group by fingerprint",
            [run_id],
        )
    }
    for row in rows:
        if row["fingerprint"] in earliest:
            row["first_seen"] = min(earliest[row["fingerprint"]], row["first_seen"])
    with db.conn:
        db.conn.execute("delete from findings where run_id = ?", [run_id])
        if rows:
            db["findings"].insert_all(rows)
    return len(rows)
