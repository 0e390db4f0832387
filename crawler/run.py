"""Run the site spider for a config in this process (Scrapy's CrawlerProcess)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler import settings as default_settings
from crawler.spiders.site import SiteSpider


def jobdir_for(db_path: str, run_id: int) -> str:
    return str(Path(db_path).with_suffix("").as_posix() + f".jobs/run-{run_id}")


def done_urls(db_path: str, run_id: int) -> list[str]:
    """URLs a killed run already fetched: not fetched again when it resumes."""
    conn = sqlite3.connect(db_path)
    try:
        return [row[0] for row in conn.execute("select url from targets where run_id = ?", [run_id])]
    finally:
        conn.close()


def run_crawl(config, db_path: str, run_id: int, as_of: date, sites, progress=None, resume: bool = False) -> dict:
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.setdict(default_settings.crawl_settings(config.crawl, db_path, run_id, jobdir_for(db_path, run_id)),
                     priority="cmdline")
    process = CrawlerProcess(settings, install_root_handler=False)
    crawler = process.create_crawler(SiteSpider)
    process.crawl(crawler, sites=sites, as_of=as_of, limits=config.crawl, progress=progress,
                  done_urls=done_urls(db_path, run_id) if resume else ())
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return stats
