"""Compare a run's findings with the planted problems of fixture sites (`expected.json`)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def planted(site_dir: Path, origin: str, dead_origin: str, codes: set[str] | None = None,
            origins: dict[str, str] | None = None):
    """(check_code, absolute url, extra) sets of what must be found and what must not."""
    data = json.loads((site_dir / "expected.json").read_text("utf-8"))

    def absolute(path: str) -> str:
        path = path.replace("{{dead}}", dead_origin)
        for name, other in (origins or {}).items():
            path = path.replace("{{site:%s}}" % name, other)
        return origin + path if path.startswith("/") else path

    def key(item):
        extra = item.get("severity", "") if item["check_code"] == "message_unanswered" else item.get("which", "")
        return (item["check_code"], absolute(item["url"]), extra)

    must = {key(i) for i in data["findings"] if not codes or i["check_code"] in codes}
    must_not = {key(i) for i in data.get("must_not", []) if not codes or i["check_code"] in codes}
    return must, must_not


def found(db_path: str, site: str, run_id: int | None = None) -> set[tuple[str, str, str]]:
    conn = sqlite3.connect(db_path)
    run_id = run_id or conn.execute("select max(id) from runs").fetchone()[0]
    rows = conn.execute("select check_code, url, evidence, severity from findings where run_id = ? and site = ? "
                        "and severity != 'notice'", [run_id, site]).fetchall()
    conn.close()
    result = set()
    for code, url, evidence, severity in rows:
        extra = json.loads(evidence).get("which", "") if code in ("identity_missing", "interpretation_unlinked") else ""
        result.add((code, url, severity if code == "message_unanswered" else extra))
    return result


def normalise_url(url: str) -> str:
    from crawler.extract.links import normalise

    try:
        return normalise(url)
    except ValueError:
        return url
