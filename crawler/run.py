"""Run the site spider for a config in this process (Scrapy's CrawlerProcess)."""

from __future__ import annotations

import logging
import sqlite3
from collections import Counter
from datetime import date

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler import settings as default_settings
from crawler.cache import PageCache
from crawler.extract.guides import extend_elements
from crawler.network import policy_from_settings, set_playwright_policy
from crawler.spiders.site import SiteSpider


def resume_state(db_path: str, run_id: int) -> dict:
    """What a killed run already did (fetched URLs) and still has to do (its frontier without results)."""
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        done = {row[0] for row in conn.execute("select url from targets where run_id = ?", [run_id])}
        frontier = list(conn.execute("select * from frontier where run_id = ? order by rowid", [run_id]))
        columns = [row[0] for row in conn.execute("select url from columns where run_id = ?", [run_id])]
        boards = [row[0] for row in conn.execute("select url from columns where run_id = ? and kind = 'message'",
                                                 [run_id])]
        pages = Counter(dict(conn.execute("select site, count(*) from pages where run_id = ? group by site",
                                          [run_id]).fetchall()))
    finally:
        conn.close()
    return {"seen": done | {row["url"] for row in frontier}, "columns": columns, "boards": boards, "pages": pages,
            "pending": [dict(row) for row in frontier if row["url"] not in done]}


def spider_settings(config, db_path: str = "", run_id: int = 0) -> Settings:
    """Scrapy settings of a crawl of this config (also a distributed crawl's workers, without the store)."""
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    homes = [site.home for site in config.sites] + [account.url for account in config.accounts]
    settings.setdict(default_settings.crawl_settings(config.crawl, db_path, run_id, config.network, homes),
                     priority="cmdline")
    set_playwright_policy(policy_from_settings(settings))
    extend_elements(config.guide_words)
    # a dead link given up after its retry is a finding, not an error of zwgk: keep it out of the terminal
    if not any(handler.level <= logging.INFO for handler in logging.getLogger().handlers):  # not --debug
        logging.getLogger("scrapy.downloadermiddlewares.retry").setLevel(logging.CRITICAL)
    return settings


def run_crawl(config, db_path: str, run_id: int, as_of: date, sites, progress=None, resume: bool = False,
              full: bool = False) -> dict:
    process = CrawlerProcess(spider_settings(config, db_path, run_id))
    crawler = process.create_crawler(SiteSpider)
    cache = PageCache(db_path)
    process.crawl(crawler, sites=sites, as_of=as_of, limits=config.crawl, progress=progress,
                  resume=resume_state(db_path, run_id) if resume else None, cache=cache,
                  incremental=config.crawl.incremental and not full)
    process.start()
    cache.close()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    if stats.get("zwgk_store_failed"):
        raise sqlite3.OperationalError(stats["zwgk_store_failed"])
    return stats
