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
        return (item["check_code"], absolute(item["url"]), item.get("which", ""))

    must = {key(i) for i in data["findings"] if not codes or i["check_code"] in codes}
    must_not = {key(i) for i in data.get("must_not", []) if not codes or i["check_code"] in codes}
    return must, must_not


def found(db_path: str, site: str, run_id: int | None = None) -> set[tuple[str, str, str]]:
    conn = sqlite3.connect(db_path)
    run_id = run_id or conn.execute("select max(id) from runs").fetchone()[0]
    rows = conn.execute("select check_code, url, evidence from findings where run_id = ? and site = ?",
                        [run_id, site]).fetchall()
    conn.close()
    result = set()
    for code, url, evidence in rows:
        which = json.loads(evidence).get("which", "") if code == "identity_missing" else ""
        result.add((code, url, which))
    return result


def normalise_url(url: str) -> str:
    from crawler.extract.links import normalise

    try:
        return normalise(url)
    except ValueError:
        return url
