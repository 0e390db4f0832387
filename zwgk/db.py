"""The SQLite store (sqlite-utils): one file holds runs, what was crawled and the findings.

Hot tables (pages, links, entries, targets) are written in batches by the crawl
pipeline; everything else goes through sqlite-utils. WAL mode keeps the file
consistent when a crawl is killed half-way.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

SCHEMA = {
    "runs": {
        "columns": {"id": int, "started": str, "finished": str, "as_of": str, "status": str,
                    "command": str, "config": str, "sites": str, "stats": str},
        "pk": "id",
    },
    "sites": {
        "columns": {"id": str, "name": str, "home": str, "identifier": str, "organizer": str,
                    "services": int, "region": str, "unit_type": str, "kind": str, "rules": str},
        "pk": "id",
    },
    "pages": {
        "columns": {"run_id": int, "site": str, "url": str, "final_url": str, "status": int,
                    "content_type": str, "title": str, "pub_date": str, "depth": int,
                    "role": str, "rendered": int, "size": int, "facts": str, "fetched_at": str},
        "pk": ("run_id", "url"),
    },
    "frontier": {
        "columns": {"run_id": int, "site": str, "url": str, "depth": int, "role": str, "list_url": str,
                    "kind": str},
        "pk": ("run_id", "url"),
    },
    "columns": {
        "columns": {"run_id": int, "site": str, "url": str, "name": str, "kind": str, "source": str},
        "pk": ("run_id", "site", "url"),
    },
    "entries": {
        "columns": {"run_id": int, "site": str, "list_url": str, "url": str, "title": str,
                    "date": str, "main": int, "shown": int},
        "pk": None,
    },
    "messages": {
        "columns": {"run_id": int, "site": str, "page_url": str, "list_url": str, "url": str, "title": str,
                    "asked": str, "replied": str, "unit": str, "status": str, "reply": str, "source": str,
                    "shows_asked": int, "shows_replied": int},
        "pk": None,
    },
    "links": {
        "columns": {"run_id": int, "site": str, "source_url": str, "target_url": str, "kind": str,
                    "text": str, "internal": int},
        "pk": None,
    },
    "targets": {
        "columns": {"run_id": int, "url": str, "outcome": str, "status": int, "error": str,
                    "final_url": str, "elapsed": float, "title": str, "method": str, "spam": str},
        "pk": ("run_id", "url"),
    },
    "texts": {
        "columns": {"run_id": int, "site": str, "url": str, "source_url": str, "kind": str, "pub_date": str,
                    "text": str, "problem": str},
        "pk": ("run_id", "url"),
    },
    "injections": {
        "columns": {"run_id": int, "site": str, "url": str, "target": str, "why": str, "text": str},
        "pk": None,
    },
    "notices": {
        "columns": {"run_id": int, "site": str, "url": str, "reason": str, "detail": str},
        "pk": None,
    },
    "page_cache": {  # incremental nights: the last full fetch of each article page (crawler/cache.py)
        "columns": {"url": str, "site": str, "etag": str, "last_modified": str, "digest": str, "run_id": int,
                    "blob": bytes},
        "pk": "url",
    },
    "accounts": {  # 政务新媒体: what each account's platform showed in a run (zwgk.newmedia)
        "columns": {"run_id": int, "account": str, "platform": str, "name": str, "url": str, "site": str,
                    "organizer": str, "verified": str, "interactive": int, "menu": str, "newest": str, "posts": int,
                    "problem": str},
        "pk": ("run_id", "account"),
    },
    "posts": {
        "columns": {"run_id": int, "account": str, "url": str, "title": str, "published": str, "comments": int,
                    "replied": int, "deleted": str, "pinned": int},
        "pk": None,
    },
    "account_candidates": {  # accounts a site's 政务新媒体 page links that the config does not list
        "columns": {"run_id": int, "site": str, "platform": str, "url": str, "name": str, "source_url": str},
        "pk": None,
    },
    "marks": {  # an inspector's judgement on a problem, kept across runs by fingerprint
        "columns": {"fingerprint": str, "status": str, "reason": str, "at": str, "site": str, "check_code": str,
                    "url": str},
        "pk": "fingerprint",
    },
    "rechecks": {  # zwgk recheck: one typed outcome per open finding, on the rectification deadline
        "columns": {"finding_id": int, "fingerprint": str, "site": str, "check_code": str, "url": str, "at": str,
                    "outcome": str, "detail": str},
        "pk": None,
    },
    "probes": {
        "columns": {"site": str, "url": str, "at": str, "ok": int, "elapsed": float,
                    "status": int, "error": str},
        "pk": None,
    },
    "findings": {
        "columns": {"id": int, "run_id": int, "site": str, "check_code": str, "severity": str,
                    "url": str, "source_url": str, "detail": str, "evidence": str,
                    "fingerprint": str, "first_seen": str, "last_seen": str},
        "pk": "id",
    },
}

INDEXES = [  # the checks read a run site by site: every per-site table is indexed by (run_id, site)
    ("links", ["run_id", "target_url"]),
    ("links", ["run_id", "site"]),
    ("pages", ["run_id", "site"]),
    ("texts", ["run_id", "site"]),
    ("entries", ["run_id", "site"]),
    ("notices", ["run_id", "site"]),
    ("entries", ["run_id", "list_url"]),
    ("messages", ["run_id", "site"]),
    ("injections", ["run_id", "site"]),
    ("findings", ["run_id", "site"]),
    ("findings", ["fingerprint"]),
    ("probes", ["site", "at"]),
    ("posts", ["run_id", "account"]),
]


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (and create if needed) the zwgk database."""
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA journal_mode=WAL")
    db.conn.execute("PRAGMA synchronous=NORMAL")
    db.conn.execute("PRAGMA busy_timeout=30000")
    for name, table in SCHEMA.items():
        if not db[name].exists():
            db[name].create(table["columns"], pk=table["pk"], not_null=None)
        else:  # a database written by an older zwgk: add the columns it lacks
            present = db[name].columns_dict
            for column, kind in table["columns"].items():
                if column not in present:
                    db[name].add_column(column, kind)
    existing = {tuple(index.columns) for name, _ in INDEXES for index in db[name].indexes}
    for name, columns in INDEXES:
        if tuple(columns) not in existing:
            db[name].create_index(columns, if_not_exists=True)
    return db


def now_iso() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def start_run(db: sqlite_utils.Database, command: str, as_of: str, sites: list[str], config: dict) -> int:
    table = db["runs"]
    table.insert({"started": now_iso(), "as_of": as_of, "status": "running", "command": command,
                  "config": json.dumps(config, ensure_ascii=False), "sites": json.dumps(sites)})
    return table.last_pk


def unfinished_run(db: sqlite_utils.Database, command: str, sites: list[str]) -> dict | None:
    """The last run of the same command and sites that never finished (a crash): resume it."""
    rows = list(db.query(
        "select * from runs where status = 'running' and command = ? and sites = ? order by id desc limit 1",
        [command, json.dumps(sites)],
    ))
    return rows[0] if rows else None


def finish_run(db: sqlite_utils.Database, run_id: int) -> None:
    db["runs"].update(run_id, {"status": "done", "finished": now_iso()})


def latest_run(db: sqlite_utils.Database) -> dict | None:
    rows = list(db.query("select * from runs order by id desc limit 1"))
    return rows[0] if rows else None
