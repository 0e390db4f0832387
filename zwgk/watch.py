"""`zwgk watch`: probe every home page all day, crawl everything once a night.

One process, one loop. Probes (a GET of the home page, 15 s limit) run every `interval` for all
sites at once and go to the `probes` table, which `site_unreachable` reads. The nightly crawl is
`zwgk crawl` in a child process (Scrapy's reactor runs once per process); probing goes on while
it runs, and a second crawl never starts while one is running — also across a restart of the
watcher, since the child's pid and the last crawl date are kept in the database (`watch_state`).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time as clock
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, time
from pathlib import Path
from .db import now_iso, open_db
from .fetch import fetch

PROBE_TIMEOUT = 15.0
log = logging.getLogger("zwgk.watch")


def probe(url: str, policy=None, timeout: float = PROBE_TIMEOUT) -> dict:
    """One availability probe of a home page: ok, seconds, status, error (Chinese)."""
    answer = fetch(url, policy, timeout, max_bytes=65536)
    return {"ok": int(answer.status is not None and answer.status < 400), "elapsed": answer.elapsed,
            "status": answer.status, "error": answer.error}


class Watcher:
    def __init__(self, config_path: str, db_path: str, interval: float, night: time, config,
                 redis_url: str | None = None):
        from crawler.network import Policy

        self.config_path, self.db_path, self.redis_url = config_path, db_path, redis_url
        self.interval, self.night, self.config = interval, night, config
        self.policy = Policy(config.network.allow, config.network.deny, [site.home for site in config.sites])
        self.crawl: subprocess.Popen | None = None
        db = open_db(db_path)
        if not db["watch_state"].exists():
            db["watch_state"].create({"key": str, "value": str}, pk="key")
        db.conn.close()

    # -- state kept in the database ------------------------------------------------------------
    def _get(self, key: str) -> str | None:
        db = open_db(self.db_path)
        rows = list(db.query("select value from watch_state where key = ?", [key]))
        db.conn.close()
        return rows[0]["value"] if rows else None

    def _set(self, key: str, value: str) -> None:
        db = open_db(self.db_path)
        db["watch_state"].upsert({"key": key, "value": value}, pk="key")
        db.conn.close()

    # -- the loop -------------------------------------------------------------------------------
    def run(self, duration: float | None = None) -> None:
        end = clock.monotonic() + duration if duration else None
        next_probe = clock.monotonic()
        log.info("开始监测 %d 个网站，每 %.0f 秒探测一次首页，每晚 %s 全面检查", len(self.config.sites), self.interval,
                 self.night.strftime("%H:%M"))
        with ThreadPoolExecutor(max_workers=min(32, max(1, len(self.config.sites)))) as pool:
            while end is None or clock.monotonic() < end:
                if clock.monotonic() >= next_probe:
                    next_probe = clock.monotonic() + self.interval
                    self.probe_all(pool)
                self.tend_crawl()
                clock.sleep(max(0.05, min(1.0, next_probe - clock.monotonic())))
        if self.crawl and self.crawl.poll() is None:
            log.info("监测结束；夜间检查（进程 %d）仍在运行，完成后结果写入数据库", self.crawl.pid)

    def probe_all(self, pool: ThreadPoolExecutor) -> None:
        sites = list(self.config.sites)
        results = list(pool.map(lambda site: probe(site.home, self.policy), sites))
        at = now_iso()
        rows = [{"site": site.id, "url": site.home, "at": at, **result} for site, result in zip(sites, results)]
        db = open_db(self.db_path)
        db["probes"].insert_all(rows)
        db.conn.close()
        down = [row["site"] for row in rows if not row["ok"]]
        if down:
            log.warning("首页无法访问：%s", "、".join(down))

    def tend_crawl(self) -> None:
        if self.crawl is not None:
            code = self.crawl.poll()
            if code is None:
                return
            log.info("夜间检查结束，退出码 %d", code)
            self.crawl = None
            self._set("crawl_pid", "")
        if self._running_elsewhere():
            return
        today = date.today().isoformat()
        if datetime.now().time() >= self.night and self._get("last_crawl") != today:
            self._set("last_crawl", today)
            log_file = open(Path(self.db_path).with_suffix(".crawl.log"), "a", encoding="utf-8")
            spread = ["--redis", self.redis_url] if self.redis_url else []  # the workers crawl, this process stores
            self.crawl = subprocess.Popen([sys.executable, "-m", "zwgk", "crawl", self.config_path, "--db",
                                           self.db_path, *spread], stdout=log_file, stderr=subprocess.STDOUT)
            self._set("crawl_pid", str(self.crawl.pid))
            log.info("开始夜间检查（进程 %d）", self.crawl.pid)

    def _running_elsewhere(self) -> bool:
        """A crawl started by an earlier watcher that is still running: do not start a second one."""
        pid = self._get("crawl_pid")
        if not pid or (self.crawl and str(self.crawl.pid) == pid):
            return False
        try:
            os.kill(int(pid), 0)
        except (OSError, ValueError):
            self._set("crawl_pid", "")
            return False
        return True
