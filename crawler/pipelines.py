"""Store crawl items in SQLite in batches (raw executemany: the hot path)."""

from __future__ import annotations

import sqlite3
import time

from zwgk.db import now_iso, open_db

from .items import ColumnsItem, EntriesItem, LinksItem, NoticeItem, PageItem, TargetItem

FLUSH_ROWS = 5000
FLUSH_SECONDS = 2.0

STATEMENTS = {
    "pages": "insert or replace into pages (run_id, site, url, final_url, status, content_type, title, pub_date,"
             " depth, role, rendered, size, facts, fetched_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "targets": "insert or replace into targets (run_id, url, outcome, status, error, final_url, elapsed, title,"
               " method) values (?,?,?,?,?,?,?,?,?)",
    "links": "insert into links (run_id, site, source_url, target_url, kind, text, internal) values (?,?,?,?,?,?,?)",
    "entries": "insert into entries (run_id, site, list_url, url, title, date, main) values (?,?,?,?,?,?,?)",
    "columns": "insert or ignore into columns (run_id, site, url, name, kind, source) values (?,?,?,?,?,?)",
    "notices": "insert into notices (run_id, site, url, reason, detail) values (?,?,?,?,?)",
}


class StorePipeline:
    def __init__(self, db_path: str, run_id: int):
        self.db_path = db_path
        self.run_id = run_id
        self.buffers: dict[str, list[tuple]] = {name: [] for name in STATEMENTS}
        self.pending = 0
        self.last_flush = time.monotonic()
        self.conn: sqlite3.Connection | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings["ZWGK_DB"], crawler.settings.getint("ZWGK_RUN_ID"))

    def open_spider(self, spider=None):
        open_db(self.db_path).conn.close()  # make sure every table exists
        self.conn = sqlite3.connect(self.db_path, timeout=30)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")

    def close_spider(self, spider=None):
        self.flush()
        if self.conn:
            self.conn.close()

    def process_item(self, item, spider=None):
        run = self.run_id
        if isinstance(item, PageItem):
            self._add("pages", [(run, item.site, item.url, item.final_url, item.status, item.content_type, item.title,
                                 item.pub_date, item.depth, item.role, int(item.rendered), item.size, item.facts,
                                 now_iso())])
        elif isinstance(item, TargetItem):
            self._add("targets", [(run, item.url, item.outcome, item.status, item.error, item.final_url,
                                   item.elapsed, item.title, item.method)])
        elif isinstance(item, LinksItem):
            self._add("links", [(run, item.site, item.source_url, target, kind, text, int(internal))
                                for target, kind, text, internal in item.rows])
        elif isinstance(item, EntriesItem):
            self._add("entries", [(run, item.site, item.list_url, url, title, date, int(main))
                                  for url, title, date, main in item.rows])
        elif isinstance(item, ColumnsItem):
            self._add("columns", [(run, item.site, url, name, kind, source) for url, name, kind, source in item.rows])
        elif isinstance(item, NoticeItem):
            self._add("notices", [(run, item.site, item.url, item.reason, item.detail)])
        return item

    def _add(self, table: str, rows: list[tuple]) -> None:
        self.buffers[table].extend(rows)
        self.pending += len(rows)
        if self.pending >= FLUSH_ROWS or time.monotonic() - self.last_flush > FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if not self.conn or not self.pending:
            return
        with self.conn:
            for table, rows in self.buffers.items():
                if rows:
                    self.conn.executemany(STATEMENTS[table], rows)
                    rows.clear()
        self.pending = 0
        self.last_flush = time.monotonic()
