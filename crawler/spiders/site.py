"""The one generic site spider: home page → columns → lists → articles, every link checked once.

Driven by the config, no per-site code. Each URL is requested at most once per run
(the spider keeps the set; no Request is built for a URL already seen). Pages of
the audited sites are parsed and followed; outside links, images and attachments
are only checked (HEAD, falling back to GET, never downloaded whole).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest, StopDownload
from twisted.internet import error as net_error
from twisted.internet import task

from crawler.extract.encoding import decode_html
from crawler.extract.links import link_kind, normalise, same_site, site_key
from crawler.extract.page import parse_page
from crawler.extract.status import is_challenge
from crawler.items import ColumnsItem, EntriesItem, LinksItem, NoticeItem, PageItem, TargetItem

HTML_TYPES = ("text/html", "application/xhtml", "text/xml", "application/xml")
HEAD_FALLBACK = {400, 403, 404, 405, 406, 409, 500, 501, 502, 503}


class SiteSpider(scrapy.Spider):
    name = "site"

    def __init__(self, sites=(), as_of: date | None = None, limits=None, done_urls=(), progress=None,
                 render=True, **kwargs):
        super().__init__(**kwargs)
        self.sites = {site.id: site for site in sites}
        self.keys = {site.id: site_key(site.home) for site in sites}
        self.as_of = as_of
        self.limits = limits
        self.seen: set[str] = set(done_urls)
        self.column_urls: set[str] = set()
        self.pages = Counter()
        self.queued = Counter()
        self.dead = Counter()
        self.capped: set[str] = set()
        self.progress = progress
        self.render = render

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.headers_received, signal=signals.headers_received)
        spider.render = spider.render and "playwright" in str(crawler.settings.getdict("DOWNLOAD_HANDLERS"))
        return spider

    async def start(self):
        if self.progress:
            self._ticker = task.LoopingCall(self.report_progress)
            self._ticker.start(0.5, now=False)
        for site in self.sites.values():
            request = self.page_request(site.home, site.id, depth=0, role="home")
            if request:
                yield request
            for column in site.columns:
                url = normalise(column.url)
                self.column_urls.add(url)
                yield ColumnsItem(site.id, [(url, column.name, column.kind, "config")])
                request = self.page_request(url, site.id, depth=1, role="column")
                if request:
                    yield request

    # -- requests -------------------------------------------------------------------------------

    def page_request(self, url: str, site: str, depth: int, role: str = "page", list_url: str = "",
                     render: bool = False) -> scrapy.Request | None:
        if url in self.seen and not render:
            return None
        if self.pages[site] + self.queued[site] >= self.limits.max_pages_per_site:
            if site not in self.capped:
                self.capped.add(site)
                self.logger.warning("site %s reached max_pages_per_site", site)
            return None
        self.seen.add(url)
        self.queued[site] += 1
        meta = {"site": site, "depth": depth, "role": role, "url": url, "list_url": list_url or url}
        if render:
            meta.update(playwright=True, rendered=True,
                        playwright_page_goto_kwargs={"wait_until": "networkidle"})
        return scrapy.Request(url, callback=self.parse_page, errback=self.failed, dont_filter=True,
                              priority=-depth, meta=meta)

    def check_request(self, url: str, site: str, kind: str) -> scrapy.Request | None:
        if url in self.seen:
            return None
        self.seen.add(url)
        self.queued[site] += 1
        method = "HEAD" if kind != "page" else "GET"
        return scrapy.Request(url, method=method, callback=self.checked, errback=self.failed, dont_filter=True,
                              priority=-50, meta={"site": site, "url": url, "check": True, "kind": kind})

    def headers_received(self, headers, body_length, request, spider):
        """Checked links and non-HTML pages: the status is enough, never download them whole."""
        if request.method == "HEAD":
            return
        content_type = headers.get(b"Content-Type", b"").decode("latin-1").lower()
        if request.meta.get("check") and request.meta.get("kind") != "page":
            raise StopDownload(fail=False)
        if content_type and not content_type.startswith(HTML_TYPES):
            raise StopDownload(fail=False)

    # -- responses ------------------------------------------------------------------------------

    def parse_page(self, response):
        meta = response.meta
        site, url = meta["site"], meta["url"]
        self.queued[site] -= 1
        status = response.status
        elapsed = meta.get("download_latency")
        if is_challenge(status, response.body):
            yield from self.challenged(response)
            return
        if status >= 400:
            self.dead[site] += 1
            yield TargetItem(url, "dead", status, f"HTTP {status}", response.url, elapsed)
            return
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
        if content_type and not content_type.startswith(HTML_TYPES):
            yield TargetItem(url, "ok", status, "", response.url, elapsed)
            return
        if not same_site(response.url, self.keys[site]):  # redirected off the site: alive, not ours to crawl
            yield TargetItem(url, "ok", status, "", response.url, elapsed)
            return
        self.pages[site] += 1
        text, _ = decode_html(response.body, content_type)
        role = meta["role"]
        if role == "page" and url in self.column_urls:
            role = "column"
        facts = parse_page(text, response.url, self.keys[site], self.as_of, home=role == "home")
        if facts.error_page:
            self.dead[site] += 1
            yield TargetItem(url, "dead", status, "错误页面（返回200）", response.url, elapsed, facts.title)
            return
        if role == "column" and facts.scripted and self.render and not meta.get("rendered"):
            self.pages[site] -= 1
            request = self.page_request(url, site, meta["depth"], role, meta["list_url"], render=True)
            if request:
                yield request
                return
        yield TargetItem(url, "ok", status, "", response.url, elapsed, facts.title)
        yield PageItem(
            site=site, url=url, final_url=response.url, status=status, content_type=content_type,
            title=facts.title, pub_date=facts.pub_date.isoformat() if facts.pub_date else None,
            depth=meta["depth"], role=role, rendered=bool(meta.get("rendered")), size=len(response.body),
            facts=json.dumps({"identity": facts.identity, "empty": facts.empty_list, "scripted": facts.scripted,
                              "meta": {k: v for k, v in facts.meta.items() if k[:1].isupper() or k in
                                       ("siteidcode", "columnname", "columntype", "pubdate", "sitename")}},
                             ensure_ascii=False),
        )
        yield from self.follow(response, facts, site, role, meta)

    def follow(self, response, facts, site: str, role: str, meta: dict):
        key, depth = self.keys[site], meta["depth"]
        url = meta["url"]
        if facts.entries:
            list_url = meta["list_url"]
            yield EntriesItem(site, list_url, [
                (e.url, e.title, e.date.isoformat() if e.date else None, e.main) for e in facts.entries])
        if role in ("home", "column") and facts.columns:
            new = [c for c in facts.columns if c.url not in self.column_urls]
            if new:
                self.column_urls.update(c.url for c in new)
                yield ColumnsItem(site, [(c.url, c.name, c.kind, role) for c in new])
            for column in new:
                request = self.page_request(column.url, site, depth + 1, "column")
                if request:
                    yield request
        if role == "column" or meta["list_url"] != url:
            for page in facts.pages:
                request = self.page_request(page, site, depth, "page", list_url=meta["list_url"])
                if request:
                    yield request
        rows = []
        for link in facts.links:
            internal = same_site(link.url, key)
            rows.append((link.url, link.kind, link.text, internal))
            if link.url in self.seen:
                continue
            if internal and link.kind == "page":
                if depth + 1 <= self.limits.max_depth:
                    request = self.page_request(link.url, site, depth + 1)
                    if request:
                        yield request
            else:
                request = self.check_request(link.url, site, link.kind if internal else
                                             ("page" if link.kind == "page" else link.kind))
                if request:
                    yield request
        if rows:
            yield LinksItem(site, url, rows)

    def checked(self, response):
        meta = response.meta
        site, url = meta["site"], meta["url"]
        status = response.status
        elapsed = meta.get("download_latency")
        if response.request.method == "HEAD" and status in HEAD_FALLBACK:
            yield response.request.replace(method="GET", meta={**meta, "head_status": status})
            return
        self.queued[site] -= 1
        if is_challenge(status, response.body):
            yield from self.challenged(response)
            return
        method = response.request.method
        if status >= 400:
            self.dead[site] += 1
            yield TargetItem(url, "dead", status, f"HTTP {status}", response.url, elapsed, method=method)
            return
        title = ""
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
        if method == "GET" and content_type.startswith("text/html") and response.body:
            text, _ = decode_html(response.body, content_type)
            facts = parse_page(text, response.url, site_key(response.url), self.as_of)
            title = facts.title
            if facts.error_page:
                self.dead[site] += 1
                yield TargetItem(url, "dead", status, "错误页面（返回200）", response.url, elapsed, title, method)
                return
        yield TargetItem(url, "ok", status, "", response.url, elapsed, title, method)

    def challenged(self, response):
        """Anti-bot answers: retry once, then record as blocked (never dead)."""
        meta = response.meta
        if not meta.get("challenge_retry"):
            self.queued[meta["site"]] += 1
            yield response.request.replace(dont_filter=True, meta={**meta, "challenge_retry": True})
            return
        yield TargetItem(meta["url"], "blocked", response.status, "反爬虫验证/访问被拦截", response.url,
                         meta.get("download_latency"))
        yield NoticeItem(meta["site"], meta["url"], "blocked",
                         f"HTTP {response.status}，疑似防火墙或反爬虫验证，请将 User-Agent “zwgk” 加入白名单")

    def failed(self, failure):
        request = failure.request
        meta = request.meta
        site, url = meta["site"], meta["url"]
        self.queued[site] -= 1
        reason = describe_failure(failure)
        if reason is None:
            return
        self.dead[site] += 1
        yield TargetItem(url, "dead", None, reason, "", None, method=request.method)

    def report_progress(self):
        stats = {site: {"pages": self.pages[site], "queued": max(self.queued[site], 0), "dead": self.dead[site]}
                 for site in self.sites}
        self.progress(stats)


def describe_failure(failure) -> str | None:
    """A short Chinese reason for a failed fetch (None: not a link failure)."""
    if failure.check(net_error.DNSLookupError):
        return "域名解析失败"
    if failure.check(net_error.ConnectionRefusedError):
        return "连接被拒绝"
    if failure.check(net_error.TimeoutError, net_error.TCPTimedOutError):
        return "访问超时"
    if failure.check(IgnoreRequest):
        message = str(failure.value)
        if "redirect" in message:
            return "重定向循环或次数过多"
        return None
    if failure.check(net_error.ConnectionLost, net_error.ConnectionDone):
        return "连接中断"
    name = type(failure.value).__name__
    if "ResponseNeverReceived" in name or "ResponseFailed" in name:
        return "服务器无响应或连接被重置"
    if "Timeout" in name:
        return "访问超时"
    return f"无法访问（{name}）"
