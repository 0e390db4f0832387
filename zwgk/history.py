"""Rectification history: every finding followed across runs by its fingerprint.

For a run, each finding is 新发现 (never seen before), 仍存在 (in the previous run that checked its
site) or 再次出现 (seen earlier, gone in the previous run, back now), with the number of runs it has
been seen in. Findings of the previous run that this run no longer reports, on a site this run
checked, are 已整改. An inspector's marks (误报, 已接受) are kept per fingerprint, so a finding marked
once stays marked in every later run.
"""

from __future__ import annotations

import json

NEW, OPEN, REAPPEARED, FIXED = "新发现", "仍存在", "再次出现", "已整改"
MARKS = {"false_positive": "误报", "accepted": "已接受"}


def runs_of_site(db, site: str, up_to: int) -> list[int]:
    """Finished (or this) runs that checked `site`, oldest first, up to and including `up_to`."""
    return [row["id"] for row in db.query(
        "select id, sites from runs where id <= ? order by id", [up_to])
        if _covers(row["sites"], site, db, row["id"])]


def _covers(sites_json: str | None, site: str, db, run_id: int) -> bool:
    sites = json.loads(sites_json or "[]")
    if sites:
        return site in sites
    return bool(db.execute("select 1 from findings where run_id = ? and site = ? limit 1", [run_id, site]).fetchone())


def annotate(db, run_id: int, findings: list[dict]) -> list[dict]:
    """Add `state`, `runs_seen` and `mark` to the findings of one run (in place), return those fixed since
    the previous run."""
    marks = {row["fingerprint"]: row for row in db.query("select * from marks")} if db["marks"].exists() else {}
    fixed: list[dict] = []
    by_site: dict[str, list[dict]] = {}
    for finding in findings:
        by_site.setdefault(finding["site"], []).append(finding)
    for site, rows in by_site.items():
        runs = runs_of_site(db, site, run_id)
        earlier = [r for r in runs if r < run_id]
        previous = earlier[-1] if earlier else None
        seen: dict[str, set[int]] = {}
        if earlier:
            marks_q = ",".join("?" * len(earlier))
            for row in db.query(f"select fingerprint, run_id from findings where site = ? and run_id in ({marks_q})",
                                [site, *earlier]):
                seen.setdefault(row["fingerprint"], set()).add(row["run_id"])
        for finding in rows:
            runs_with = seen.get(finding["fingerprint"], set())
            finding["runs_seen"] = len(runs_with) + 1
            finding["state"] = NEW if not runs_with else OPEN if previous in runs_with else REAPPEARED
            mark = marks.get(finding["fingerprint"])
            finding["mark"] = {"status": MARKS.get(mark["status"], mark["status"]), "reason": mark["reason"],
                               "at": mark["at"]} if mark else None
        if previous is not None:
            current = {f["fingerprint"] for f in rows}
            for row in db.query("select * from findings where run_id = ? and site = ? and severity != 'notice'",
                                [previous, site]):
                if row["fingerprint"] not in current:
                    fixed.append({**row, "state": FIXED})
    for finding in findings:
        finding.setdefault("state", NEW)
        finding.setdefault("runs_seen", 1)
        finding.setdefault("mark", None)
    return fixed


def mark(db, finding_id: int, status: str, reason: str, at: str) -> dict:
    """Mark a finding (and so its fingerprint, in every run) as a false positive or accepted."""
    rows = list(db.query("select * from findings where id = ?", [finding_id]))
    if not rows:
        raise LookupError(finding_id)
    finding = rows[0]
    db["marks"].upsert({"fingerprint": finding["fingerprint"], "status": status, "reason": reason, "at": at,
                        "site": finding["site"], "check_code": finding["check_code"], "url": finding["url"]},
                       pk="fingerprint")
    return finding


def trend(db, site_ids: list[str], up_to: int, limit: int = 12) -> list[dict]:
    """Problem counts of the last runs that checked these sites: the circular's trend."""
    rows = list(db.query(
        f"""select r.id as run_id, r.as_of, f.severity, f.check_code, count(*) as n
            from runs r join findings f on f.run_id = r.id
            where r.id <= ? and f.site in ({",".join("?" * len(site_ids))}) and f.severity != 'notice'
            group by r.id, f.severity, f.check_code order by r.id""", [up_to, *site_ids])) if site_ids else []
    runs: dict[int, dict] = {}
    for row in rows:
        entry = runs.setdefault(row["run_id"], {"run_id": row["run_id"], "as_of": row["as_of"], "veto": 0,
                                                "deduct": 0, "by_code": {}})
        entry[row["severity"]] = entry.get(row["severity"], 0) + row["n"]
        entry["by_code"][row["check_code"]] = entry["by_code"].get(row["check_code"], 0) + row["n"]
    return list(runs.values())[-limit:]
