"""Scrapy settings for zwgk: polite per site, fast per process.

`crawl_settings()` adds what depends on the config ([crawl] limits) and on the
machine (Debian's Chromium for pages built by script).
"""

from __future__ import annotations

import os
import shutil

BOT_NAME = "zwgk"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 zwgk/0.1 (政务公开检查)"
ROBOTSTXT_OBEY = False  # inspectors check what citizens see
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "WARNING"
LOG_INSTALL_ROOT_HANDLER = False  # the CLI owns logging (errors only, everything with --debug)
COOKIES_ENABLED = True
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

# Broad-crawl settings (Scrapy docs, "Broad Crawls"): many sites at once, each polite.
CONCURRENT_REQUESTS = 64
CONCURRENT_REQUESTS_PER_DOMAIN = 4
SCHEDULER_PRIORITY_QUEUE = "scrapy.pqueues.DownloaderAwarePriorityQueue"
REACTOR_THREADPOOL_MAXSIZE = 20
DNSCACHE_ENABLED = True
DUPEFILTER_CLASS = "scrapy.dupefilters.BaseDupeFilter"  # the spider never builds a request twice
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.2
AUTOTHROTTLE_MAX_DELAY = 10
DOWNLOAD_DELAY = 0

# Slow is not dead: one retry after a timeout or a dropped connection, challenges retried by the spider.
RETRY_ENABLED = True
RETRY_TIMES = 1
RETRY_HTTP_CODES = [502, 503, 504, 408, 429]
REDIRECT_MAX_TIMES = 10
DOWNLOAD_TIMEOUT = 15
DOWNLOAD_WARNSIZE = 0
HTTPERROR_ALLOW_ALL = True
METAREFRESH_ENABLED = True
AJAXCRAWL_ENABLED = False
# Hot-path costs measured with cProfile on a 2,000-page site: Scrapy re-reads each callback's
# source to warn about `return` in generators (~0.7 ms per response), and processes each
# callback's output with up to CONCURRENT_ITEMS asyncio tasks; our pipeline is synchronous.
WARN_ON_GENERATOR_RETURN_VALUE = False
CONCURRENT_ITEMS = 4

ITEM_PIPELINES = {"crawler.pipelines.StorePipeline": 300}
DNS_RESOLVER = "crawler.network.PolicyResolver"
DOWNLOADER_MIDDLEWARES = {
    "crawler.network.NetworkPolicyMiddleware": 50,
    "crawler.network.RetryAfterMiddleware": 600,  # before Scrapy's RetryMiddleware (550) sees the answer
    # Not used by zwgk (no allowed_domains, robots.txt, auth, proxies or HTTP cache): each costs per request.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "scrapy.downloadermiddlewares.httpauth.HttpAuthMiddleware": None,
    "scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware": None,
    "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware": None,
    "scrapy.downloadermiddlewares.stats.DownloaderStats": None,
}
SPIDER_MIDDLEWARES = {  # the spider tracks depth and URL sanity itself
    "scrapy.spidermiddlewares.referer.RefererMiddleware": None,
    "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
}
EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    "scrapy.extensions.memdebug.MemoryDebugger": None,
    "scrapy.extensions.feedexport.FeedExporter": None,
    "scrapy.extensions.spiderstate.SpiderState": None,
    "scrapy.extensions.throttle.AutoThrottle": None,
    "crawler.throttle.LinkCheckThrottle": 0,
}

CHROMIUM = os.environ.get("ZWGK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    return shutil.which("chromium") or shutil.which("chromium-browser")


def crawl_settings(limits, db_path: str, run_id: int, network=None, homes=()) -> dict:
    settings = {
        "CONCURRENT_REQUESTS_PER_DOMAIN": limits.per_site_concurrency,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(limits.per_site_concurrency),
        "DOWNLOAD_TIMEOUT": limits.timeout,
        "RETRY_TIMES": limits.retries,
        "DOWNLOAD_MAXSIZE": int(limits.max_download_mb * 1024 * 1024),
        "ZWGK_DB": db_path,
        "ZWGK_RUN_ID": run_id,
        "ZWGK_PARSE_PROCESSES": limits.parse_processes,
        "ZWGK_NETWORK": {"allow": list(getattr(network, "allow", [])), "deny": list(getattr(network, "deny", [])),
                         "homes": list(homes)},
    }
    chromium = chromium_path()
    if chromium:
        settings.update({
            "ZWGK_RENDER": True,
            "DOWNLOAD_HANDLERS": {
                "http": "crawler.render.LazyPlaywrightHandler",
                "https": "crawler.render.LazyPlaywrightHandler",
            },
            "PLAYWRIGHT_BROWSER_TYPE": "chromium",
            "PLAYWRIGHT_LAUNCH_OPTIONS": {"executable_path": chromium, "args": CHROMIUM_ARGS, "headless": True},
            "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": limits.timeout * 2000,
            "PLAYWRIGHT_MAX_CONTEXTS": 2,
            "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
            "PLAYWRIGHT_ABORT_REQUEST": "crawler.network.playwright_abort",
        })
    return settings
