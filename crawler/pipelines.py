"""Store crawl bundles in SQLite: raw executemany in batches, one transaction per flush.

A bundle is never split across transactions, so the database always holds whole pages.
"""

from __future__ import annotations

import json
import sqlite3
import time

from zwgk.db import now_iso, open_db

from .cache import STORE as CACHE_STORE, cache_row
from .items import Bundle

FLUSH_ROWS = 5000
FLUSH_SECONDS = 1.0

STATEMENTS = {
    "frontier": "insert or ignore into frontier (run_id, site, url, depth, role, list_url, kind) values (?,?,?,?,?,?,?)",
    "pages": "insert or replace into pages (run_id, site, url, final_url, status, content_type, title, pub_date,"
             " depth, role, rendered, size, facts, fetched_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "links": "insert into links (run_id, site, source_url, target_url, kind, text, internal) values (?,?,?,?,?,?,?)",
    "entries": "insert into entries (run_id, site, list_url, url, title, date, main, shown)"
               " values (?,?,?,?,?,?,?,?)",
    "messages": "insert into messages (run_id, site, page_url, list_url, url, title, asked, replied, unit, status,"
                " reply, source, shows_asked, shows_replied) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "columns": "insert or ignore into columns (run_id, site, url, name, kind, source) values (?,?,?,?,?,?)",
    "texts": "insert or replace into texts (run_id, site, url, source_url, kind, pub_date, text, problem)"
             " values (?,?,?,?,?,?,?,?)",
    "injections": "insert into injections (run_id, site, url, target, why, text) values (?,?,?,?,?,?)",
    "notices": "insert into notices (run_id, site, url, reason, detail) values (?,?,?,?,?)",
    "targets": "insert or replace into targets (run_id, url, outcome, status, error, final_url, elapsed, title,"
               " method, spam) values (?,?,?,?,?,?,?,?,?,?)",
    "page_cache": CACHE_STORE,
}
FETCH_STATES = ("fetched", "changed", "not_modified", "unchanged")


class StorePipeline:
    def __init__(self, db_path: str, run_id: int):
        self.db_path = db_path
        self.run_id = run_id
        self.buffers: dict[str, list[tuple]] = {name: [] for name in STATEMENTS}
        self.pending = 0
        self.last_flush = time.monotonic()
        self.conn: sqlite3.Connection | None = None
        # what the night cost: responses, bytes, and how the cached pages came back (run summary)
        self.fetch = {"responses": 0, "bytes": 0, **{state: 0 for state in FETCH_STATES}}

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler.settings["ZWGK_DB"], crawler.settings.getint("ZWGK_RUN_ID"))
        pipeline.crawler = crawler
        return pipeline

    crawler = None
    failed: sqlite3.Error | None = None  # the store stopped taking writes (disk full): the crawl stops

    def open_spider(self, spider=None):
        open_db(self.db_path).conn.close()  # make sure every table exists
        self.conn = sqlite3.connect(self.db_path, timeout=30)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")

    def close_spider(self, spider=None):
        self.flush()
        if self.conn:
            self.save_fetch_stats()
            self.conn.close()

    def save_fetch_stats(self) -> None:
        """Add this process's figures to the run's (a resumed run keeps counting)."""
        try:
            with self.conn:
                row = self.conn.execute("select stats from runs where id = ?", [self.run_id]).fetchone()
                stats = json.loads(row[0]) if row and row[0] else {}
                for key, value in self.fetch.items():
                    stats[key] = stats.get(key, 0) + value
                self.conn.execute("update runs set stats = ? where id = ?", [json.dumps(stats), self.run_id])
        except sqlite3.Error:
            pass  # figures only; the store failure itself is reported by flush

    def process_item(self, item: Bundle, spider=None):
        run, site, buffers = self.run_id, item.site, self.buffers
        before = sum(map(len, buffers.values()))
        buffers["frontier"].extend((run, site, r.url, r.depth, r.role, r.list_url, r.kind) for r in item.frontier)
        if item.page:
            p = item.page
            buffers["pages"].append((run, site, p.url, p.final_url, p.status, p.content_type, p.title, p.pub_date,
                                     p.depth, p.role, int(p.rendered), p.size, p.facts, now_iso()))
        buffers["links"].extend((run, site, item.source_url, target, kind, text, int(internal))
                                for target, kind, text, internal in item.links)
        buffers["entries"].extend((run, site, list_url, url, title, date, int(main), int(shown))
                                  for list_url, url, title, date, main, shown in item.entries)
        buffers["messages"].extend(
            (run, site, item.source_url, list_url, m.url, m.title, m.asked,
             m.replied, m.unit, m.status, m.reply, m.source, int(m.shows_asked), int(m.shows_replied))
            for list_url, m in item.messages)
        buffers["columns"].extend((run, site, url, name, kind, source) for url, name, kind, source in item.columns)
        buffers["texts"].extend((run, site, url, item.source_url, kind, published, text, problem)
                                for url, kind, published, text, problem in item.texts)
        buffers["injections"].extend((run, site, url, target, why, text) for url, target, why, text in item.injections)
        buffers["notices"].extend((run, site, url, reason, detail) for url, reason, detail in item.notices)
        if item.validators and not item.unchanged:
            buffers["page_cache"].append(cache_row(item, run))
        self.count(item)
        if item.target:
            t = item.target
            buffers["targets"].append((run, t.url, t.outcome, t.status, t.error, t.final_url, t.elapsed, t.title,
                                       t.method, t.spam))
        self.pending += sum(map(len, buffers.values())) - before
        if self.pending >= FLUSH_ROWS or time.monotonic() - self.last_flush > FLUSH_SECONDS:
            self.flush()
        return item

    def count(self, item: Bundle) -> None:
        if item.fetched or item.done:
            self.fetch["responses"] += 1
        self.fetch["bytes"] += item.fetched
        if item.state:
            self.fetch[item.state] += 1

    def flush(self) -> None:
        if not self.conn or not self.pending:
            return
        try:
            with self.conn:  # one transaction: whole bundles or nothing
                for table, rows in self.buffers.items():
                    if rows:
                        self.conn.executemany(STATEMENTS[table], rows)
        except sqlite3.OperationalError as error:
            # disk full or read-only: the transaction rolled back, the file stays whole. Stop the crawl;
            # the bundles not stored are fetched again when the same command resumes the run.
            self.failed = error
            if self.crawler and self.crawler.stats:
                self.crawler.stats.set_value("zwgk_store_failed", str(error))
            for rows in self.buffers.values():
                rows.clear()
            self.pending = 0
            if self.crawler and self.crawler.engine:
                self.crawler.engine.close_spider(self.crawler.spider, "store_failed")
            return
        for rows in self.buffers.values():
            rows.clear()
        self.pending = 0
        self.last_flush = time.monotonic()
