"""The one generic site spider: home page → columns → lists → articles, every link checked once.

Driven by the config, no per-site code. Each URL is requested at most once per run (the
spider keeps the set; no Request is built for a URL already seen). Pages of the audited
sites are parsed and followed; outside links, images and attachments are only checked
(HEAD, falling back to GET, never downloaded whole). Each response yields one `Bundle`.

The callbacks only turn a response into a bundle; `advance()` moves the crawl's state on
(counts, the page cache replay, the requests the page leads to). In one process the spider
does both; as a worker of a distributed crawl (`remote`) it only fetches and parses, and the
coordinator, which alone keeps the state, calls `advance()` on the bundles it receives.
"""

from __future__ import annotations

import functools
import inspect
import json
from dataclasses import replace
from urllib.parse import urlsplit
from collections import Counter
from datetime import date

import scrapy
from scrapy import signals
from scrapy import exceptions as scrapy_exceptions
from scrapy.exceptions import IgnoreRequest, StopDownload
from twisted.internet import error as net_error
from twisted.internet import task

from crawler.extract.encoding import decode_html
from crawler.extract.links import normalise, same_site, site_key
from crawler.extract.traps import trap, url_shape, without_session
from crawler.extract.html import parse_html
from crawler.extract.injected import GOVERNMENT_HOST, spam_signature
from crawler.extract.page import outside_page
from zwgk.text.documents import ATTACHMENT_KINDS, kind_of
from crawler.parsing import PageParser
from crawler.extract.status import is_challenge
from crawler.network import NetworkRefused
from crawler.cache import conditional_headers, digest
from crawler.items import Bundle, Found, FrontierRow, PageItem, TargetItem

HTML_TYPES = ("text/html", "application/xhtml", "text/xml", "application/xml")
SPIDER_AGENT = "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)"
CLOAK_SUFFIX = "#zwgk-spider"
MAX_PAGE_TEXT = 300_000  # characters of a page's main text proofread: a 20 MB one-line page stays bounded  # the frontier row of the same home page fetched as a search engine
HEAD_FALLBACK = {400, 403, 404, 405, 406, 409, 500, 501, 502, 503}
META_KEPT = ("siteidcode", "sitename", "columnname", "columntype", "pubdate", "articletitle", "contentsource")


def advancing(callback):
    """Bundles a callback yields go through `advance()` first, unless this spider is a remote worker."""
    if inspect.isasyncgenfunction(callback):
        async def wrapper(self, answer):
            async for output in callback(self, answer):
                for item in self.settle(output, answer):
                    yield item
    else:
        def wrapper(self, answer):
            for output in callback(self, answer):
                yield from self.settle(output, answer)
    return functools.wraps(callback)(wrapper)


class SiteSpider(scrapy.Spider):
    name = "site"

    def __init__(self, sites=(), as_of: date | None = None, limits=None, resume=None, progress=None, cache=None,
                 incremental: bool = False, remote: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.sites = {site.id: site for site in sites}
        self.keys = {site.id: site_key(site.home) for site in sites}
        self.as_of = as_of
        self.limits = limits
        self.progress = progress
        self.render = True
        self.seen: set[str] = set()
        self.checked_only: set[str] = set()  # pages only checked so far (linked from another site)
        self.column_urls: set[str] = set()
        self.board_urls: set[str] = set()  # columns that are message boards (互动交流, 信箱, 咨询 …)
        self.pages = Counter()
        self.queued = Counter()
        self.dead = Counter()
        self.capped: set[str] = set()
        self.traps: set[tuple[str, str]] = set()
        self.resume = resume
        self.cache = cache  # crawler.cache.PageCache: validators of the last full fetch, and its replay
        self.incremental = incremental and cache is not None
        self.remote = remote  # a distributed crawl's worker: fetch and parse, the coordinator advances

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.headers_received, signal=signals.headers_received)
        spider.parser = PageParser(crawler.settings.getint("ZWGK_PARSE_PROCESSES"))
        crawler.signals.connect(spider.parser.close, signal=signals.spider_closed)
        spider.render = crawler.settings.getbool("ZWGK_RENDER")
        return spider

    async def start(self):
        if self.remote:
            return  # a worker takes its requests from the shared queue
        if self.progress:
            self._ticker = task.LoopingCall(self.report_progress)
            self._ticker.start(0.5, now=False)
        for output in self.first_requests():
            yield output

    def first_requests(self):
        """Home pages and configured columns, after what a killed run still had to do."""
        if self.resume:
            yield from self.resume_requests(self.resume)
        for site in self.sites.values():
            bundle = Bundle(site.id)
            request = self.page_request(bundle, normalise(site.home), site.id, depth=0, role="home")
            if request:
                yield request
            for column in site.columns:
                url = normalise(column.url)
                if column.kind == "message":
                    self.board_urls.add(url)
                bundle.columns.append((url, column.name, column.kind, "config"))
                self.column_urls.add(url)
                request = self.page_request(bundle, url, site.id, depth=1, role="column")
                if request:
                    yield request
            yield bundle

    def resume_requests(self, state: dict):
        """A killed run: everything fetched stays fetched; the rest of its frontier is requested again."""
        self.seen.update(state["seen"])
        self.column_urls.update(state["columns"])
        self.board_urls.update(state["boards"])
        self.pages.update(state["pages"])
        for row in state["pending"]:
            if row["site"] in self.sites:
                self.queued[row["site"]] += row["role"] != "cloak"
                yield self.request_for(row)

    def request_for(self, row: dict) -> scrapy.Request:
        """The request of a frontier row (a resumed run, or a distributed one asking again for lost work)."""
        site = row["site"]
        if row["role"] == "check":
            return self._check(row["url"], site, row["kind"])
        if row["role"] == "cloak":
            return self._cloak(row["url"], site)
        return self._page(row["url"], site, row["depth"], row["role"], row["list_url"] or row["url"])

    # -- requests -------------------------------------------------------------------------------

    def page_request(self, bundle: Bundle, url: str, site: str, depth: int, role: str = "page",
                     list_url: str = "") -> scrapy.Request | None:
        url = without_session(url)
        if url in self.seen and url not in self.checked_only:
            return None
        why = trap(url, self.as_of)
        if why:
            shape = why.split("：", 1)[-1]
            if (site, shape) not in self.traps:  # one notice per trap, naming it
                self.traps.add((site, shape))
                bundle.notices.append((url, "trap", why))
            return None
        if self.pages[site] + self.queued[site] >= self.limits.max_pages_per_site:
            if site not in self.capped:
                self.capped.add(site)
                bundle.notices.append((url, "max_pages", f"已达到每站 {self.limits.max_pages_per_site} 页上限"))
            return None
        self.seen.add(url)
        self.checked_only.discard(url)
        self.queued[site] += 1
        bundle.frontier.append(FrontierRow(url, depth, role, list_url if list_url != url else ""))
        return self._page(url, site, depth, role, list_url or url)

    def check_request(self, bundle: Bundle, url: str, site: str, kind: str) -> scrapy.Request | None:
        if url in self.seen:
            return None
        self.seen.add(url)
        if kind == "page":
            self.checked_only.add(url)  # another site's page: that site crawls it too when it links to it
        self.queued[site] += 1
        bundle.frontier.append(FrontierRow(url, 0, "check", "", kind))
        return self._check(url, site, kind)

    def cacheable(self, url: str, role: str, list_url: str) -> bool:
        """Article pages may come from the page cache; home pages, column lists and boards never do."""
        return role == "page" and list_url == url and url not in self.column_urls and url not in self.board_urls

    def validators(self, url: str):
        return self.cache.validators(url) if self.incremental else None

    def _page(self, url, site, depth, role, list_url, render=False, conditional=True):
        meta = {"site": site, "depth": depth, "role": role, "url": url, "list_url": list_url,
                "column": url in self.column_urls, "board": list_url in self.board_urls}
        headers = {}
        if render:
            meta.update(playwright=True, rendered=True, playwright_page_goto_kwargs={"wait_until": "networkidle"})
        elif self.cacheable(url, role, list_url):
            meta["cacheable"] = True
            meta["validators"] = self.validators(url) if conditional else None
            headers = conditional_headers(meta["validators"])
        return scrapy.Request(url, callback=self.parse_page, errback=self.failed, dont_filter=True,
                              priority=-depth, meta=meta, headers=headers)

    def _check(self, url, site, kind, conditional=True):
        if kind == "attachment" and same_site(url, self.keys[site]) and kind_of(url) in ATTACHMENT_KINDS:
            # the site's own documents are read: personal data and wording in attachments count
            validators = self.validators(url) if conditional else None
            return scrapy.Request(url, callback=self.read_attachment, errback=self.failed, dont_filter=True,
                                  priority=-40, headers=conditional_headers(validators),
                                  meta={"site": site, "url": url, "check": True, "kind": kind, "read": True,
                                        "cacheable": True, "validators": validators})
        method = "HEAD" if kind != "page" else "GET"
        return scrapy.Request(url, method=method, callback=self.checked, errback=self.failed, dont_filter=True,
                              priority=-50, meta={"site": site, "url": url, "check": True, "kind": kind})

    def cloak_request(self, bundle: Bundle, found: Found, site: str) -> scrapy.Request | None:
        """Home and column pages are asked for again as a search engine every night; an article only when
        its server sent validators, so that an unchanged page costs a 304 and no body (a page replayed from
        the cache is asked with the cached validators, which still hold)."""
        url = found.url + CLOAK_SUFFIX
        validators = bundle.validators or (self.validators(found.url) if bundle.unchanged else None)
        if url in self.seen or (found.role == "page" and not (self.limits.cloak_every_page and validators
                                                              and (validators[0] or validators[1]))):
            return None
        self.seen.add(url)  # not counted in `queued`: a second look at a page must not use up the page limit
        bundle.frontier.append(FrontierRow(url, 0, "cloak"))
        return self._cloak(url, site, validators)

    def _cloak(self, url, site, validators=None):
        """The page again, as Baiduspider: hacked sites show search engines a page of spam links. Asked
        with the validators the browser's copy came with: a server that answers 304 serves the spider
        the same bytes, and only a page that differs is downloaded twice."""
        return scrapy.Request(url.removesuffix(CLOAK_SUFFIX), callback=self.cloaked, errback=self.failed,
                              dont_filter=True, priority=-60,
                              headers={"User-Agent": SPIDER_AGENT, **conditional_headers(validators)},
                              meta={"site": site, "url": url, "check": True, "kind": "cloak"})

    def headers_received(self, headers, body_length, request, spider):
        """Checked links and non-HTML pages: the status is enough, never download them whole."""
        if request.method == "HEAD" or request.meta.get("playwright"):
            return
        if request.meta.get("read"):
            return  # an attachment to read: DOWNLOAD_MAXSIZE still caps it
        if request.meta.get("check") and request.meta.get("kind") not in ("page", "cloak"):
            raise StopDownload(fail=False)
        content_type = headers.get(b"Content-Type", b"").decode("latin-1").lower()
        if content_type and not content_type.startswith(HTML_TYPES):
            raise StopDownload(fail=False)

    # -- the crawl's state ----------------------------------------------------------------------

    def settle(self, output, answer):
        """`answer` is the response or the failure the output came from."""
        if isinstance(output, Bundle):
            request = getattr(answer, "request", None)
            output.check = bool((request.meta if request is not None else answer.meta).get("check"))
            if not self.remote:
                yield from self.advance(output)
        yield output

    def advance(self, bundle: Bundle):
        """One response's bundle moves the crawl on: replay it if unchanged, count it, request what it leads to."""
        site = bundle.site
        if bundle.unchanged and bundle.target is None:
            request = self.replay(bundle)
            if request is not None:  # no longer in the cache: fetch it whole
                yield request
                return
        if bundle.done and not bundle.source_url.endswith(CLOAK_SUFFIX):
            self.queued[site] -= 1
        if bundle.target is not None and bundle.target.outcome == "dead":
            self.dead[site] += 1
        found = bundle.found
        if found is None:
            return
        if found.role == "page" and found.url in self.column_urls:  # found as a column after it was requested
            found.role = "column"
            if bundle.page is not None:
                bundle.page.role = "column"
        if bundle.page is not None:
            self.pages[site] += 1
            if found.role in ("home", "column", "page"):
                request = self.cloak_request(bundle, found, site)
                if request:
                    yield request
        yield from self.follow(found, bundle)

    def replay(self, bundle: Bundle) -> scrapy.Request | None:
        """A page not modified since the cached night: its stored result, as if parsed again."""
        marker = bundle.found
        cached = self.cache.load(bundle.source_url) if self.cache else None
        if cached is None:
            bundle.state = ""
            if marker.role == "check":
                return self._check(marker.url, bundle.site, "attachment", conditional=False)
            return self._page(marker.url, bundle.site, marker.depth, marker.role, marker.list_url, conditional=False)
        elapsed = bundle.elapsed
        bundle.texts, bundle.injections = cached.texts, cached.injections
        if cached.page is None:  # an attachment
            bundle.target = TargetItem(marker.url, "ok", 200, "", marker.url, elapsed)
            bundle.notices.extend((url, "unreadable", problem) for url, _, _, _, problem in cached.texts if problem)
            bundle.found = None
            return None
        page = replace(cached.page, depth=marker.depth, role=marker.role)
        bundle.page = page
        bundle.target = TargetItem(marker.url, "ok", page.status, "", page.final_url, elapsed, page.title)
        bundle.found = replace(cached.found, role=marker.role, depth=marker.depth, list_url=marker.list_url)
        return None

    def not_modified(self, response, bundle: Bundle, marker: Found) -> bool:
        """Incremental nights: 304, or the same body as the cached fetch; the bundle becomes a replay marker."""
        meta = response.meta
        if not meta.get("cacheable"):
            return False
        validators = meta.get("validators")
        body_digest = digest(response.body)
        if validators and (response.status == 304 or (response.status == 200 and body_digest == validators[2])):
            bundle.state = "not_modified" if response.status == 304 else "unchanged"
            bundle.found, bundle.elapsed = marker, meta.get("download_latency")
            return True
        if response.status == 200:
            headers = response.headers
            bundle.validators = (headers.get(b"ETag", b"").decode("latin-1"),
                                 headers.get(b"Last-Modified", b"").decode("latin-1"), body_digest)
            bundle.state = "changed" if validators else "fetched"
        return False

    # -- responses ------------------------------------------------------------------------------

    @advancing
    async def parse_page(self, response):
        meta = response.meta
        site, url = meta["site"], meta["url"]
        bundle = Bundle(site, url, fetched=len(response.body))
        status, elapsed = response.status, meta.get("download_latency")
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
        if is_challenge(status, response.body):
            for output in self.challenged(response, bundle):
                yield output
            return
        role = "column" if meta["role"] == "page" and (meta.get("column") or url in self.column_urls) \
            else meta["role"]
        if self.not_modified(response, bundle, Found(role, meta["depth"], url, meta["list_url"])):
            yield bundle
            return
        if status >= 400:
            bundle.target = self.dead_target(site, url, status, f"HTTP {status}", response.url, elapsed)
        elif "meta refresh" in meta.get("redirect_reasons", ()) and not same_site(response.url, self.keys[site]) \
                and not GOVERNMENT_HOST.search(urlsplit(response.url).hostname or ""):
            # <meta http-equiv="refresh"> to a foreign site: the hijack of a hacked page
            bundle.target = TargetItem(url, "ok", status, "", response.url, elapsed)
            bundle.injections.append((url, response.url, "meta refresh 跳转到外部网站", ""))
        else:
            board = meta.get("board") or meta["list_url"] in self.board_urls
            facts = await self.parser.parse(response.body, content_type, response.url, self.keys[site], self.as_of,
                                            role == "home", board)
            for output in self.parse_html(response, bundle, content_type, facts, role):
                yield output
        if not bundle.page:
            bundle.validators, bundle.state = None, ""  # nothing parsed: nothing to cache
        yield bundle

    def parse_html(self, response, bundle: Bundle, content_type: str, facts, role: str):
        meta = response.meta
        site, url = meta["site"], meta["url"]
        status, elapsed = response.status, meta.get("download_latency")
        if facts.error_page:
            bundle.target = self.dead_target(site, url, status, "错误页面（返回200）", response.url, elapsed,
                                             facts.title)
            return
        if role == "column" and facts.scripted and self.render and not meta.get("rendered"):
            # the list is built by script: render it in Chromium, store that
            yield self._page(url, site, meta["depth"], role, meta["list_url"], render=True)
            return
        bundle.target = TargetItem(url, "ok", status, "", response.url, elapsed, facts.title)
        bundle.page = PageItem(
            url=url, final_url=response.url, status=status, content_type=content_type, title=facts.title,
            pub_date=facts.pub_date.isoformat() if facts.pub_date else None, depth=meta["depth"], role=role,
            rendered=bool(meta.get("rendered")), size=len(response.body),
            facts=json.dumps({"identity": facts.identity, "empty": facts.empty_list, "scripted": facts.scripted,
                              "guide": facts.guide, "document": facts.document,
                              "signature": [sorted(part) for part in facts.signature],
                              "meta": {k: v for k, v in facts.meta.items() if k in META_KEPT}}, ensure_ascii=False),
        )
        if facts.lines:
            text = "\n".join(facts.lines)
            bundle.texts.append((url, "page", bundle.page.pub_date, text[:MAX_PAGE_TEXT], ""))
        bundle.injections = [(url, i.target, i.why, i.text) for i in facts.injected]
        bundle.found = Found(role, meta["depth"], url, meta["list_url"], facts.columns, facts.pages, facts.links,
                             facts.entries, facts.messages)

    def follow(self, found: Found, bundle: Bundle):
        site, depth, url, list_url, role = bundle.site, found.depth, found.url, found.list_url, found.role
        key = self.keys[site]
        bundle.entries = [(list_url, e.url, e.title, e.date.isoformat() if e.date else None, e.main, e.shown)
                          for e in found.entries]
        bundle.messages = [(list_url if m.source == "list" else "", m) for m in found.messages]
        if role in ("home", "column"):
            new = [c for c in found.columns if c.url not in self.column_urls]
            self.column_urls.update(c.url for c in new)
            self.board_urls.update(c.url for c in new if c.kind == "message")
            bundle.columns = [(c.url, c.name, c.kind, role) for c in new]
            for column in new:
                request = self.page_request(bundle, column.url, site, depth + 1, "column")
                if request:
                    yield request
        if role == "column" or list_url != url:
            for page in found.pages:
                bundle.links.append((page, "page", "下一页", True))
                request = self.page_request(bundle, page, site, depth, "page", list_url=list_url)
                if request:
                    yield request
        for link in found.links:
            internal = same_site(link.url, key)
            bundle.links.append((link.url, link.kind, link.text, internal))
            if link.url in self.seen and not (internal and link.url in self.checked_only):
                continue
            if internal and link.kind == "page":
                if depth + 1 <= self.limits.max_depth:
                    request = self.page_request(bundle, link.url, site, depth + 1)
                    if request:
                        yield request
                elif url_shape(link.url) == url_shape(url) and (site, url_shape(url)) not in self.traps:
                    # a chain of pages of one shape, each linking the next (a calendar's 上月): name it
                    self.traps.add((site, url_shape(url)))
                    bundle.notices.append((link.url, "trap", f"同一形式的网址一页接一页，已到最大层数"
                                                             f" {self.limits.max_depth}：{url_shape(url)}"))
            else:
                request = self.check_request(bundle, link.url, site, link.kind)
                if request:
                    yield request

    @advancing
    def checked(self, response):
        meta = response.meta
        site, url = meta["site"], meta["url"]
        status, elapsed, method = response.status, meta.get("download_latency"), response.request.method
        if method == "HEAD" and status in HEAD_FALLBACK:
            yield response.request.replace(method="GET", meta={**meta, "head_status": status})
            return
        bundle = Bundle(site, url, fetched=len(response.body))
        if is_challenge(status, response.body):
            yield from self.challenged(response, bundle)
            return
        if status >= 400:
            bundle.target = self.dead_target(site, url, status, f"HTTP {status}", response.url, elapsed, method=method)
            yield bundle
            return
        title, spam = "", []
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
        if method == "GET" and content_type.startswith("text/html") and response.body:
            title, is_error, spam = outside_page(decode_html(response.body, content_type)[0])
            if is_error:
                bundle.target = self.dead_target(site, url, status, "错误页面（返回200）", response.url, elapsed,
                                                 title, method)
                yield bundle
                return
        bundle.target = TargetItem(url, "ok", status, "", response.url, elapsed, title, method, ",".join(spam))
        yield bundle

    @advancing
    async def read_attachment(self, response):
        meta = response.meta
        site, url = meta["site"], meta["url"]
        bundle = Bundle(site, url, fetched=len(response.body))
        status, elapsed = response.status, meta.get("download_latency")
        if self.not_modified(response, bundle, Found("check", 0, url, "")):
            yield bundle
            return
        if status >= 400:
            bundle.validators, bundle.state = None, ""
            bundle.target = self.dead_target(site, url, status, f"HTTP {status}", response.url, elapsed)
            yield bundle
            return
        bundle.target = TargetItem(url, "ok", status, "", response.url, elapsed)
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
        if not content_type.startswith(HTML_TYPES):  # a 200 HTML page instead of the file: nothing to read
            text, problem = await self.parser.read(response.body, url, content_type)
            bundle.texts.append((url, "attachment", None, text, problem))
            if problem:
                bundle.notices.append((url, "unreadable", problem))
        yield bundle

    @advancing
    def cloaked(self, response):
        meta = response.meta
        site, url = meta["site"], meta["url"]
        bundle = Bundle(site, url, fetched=len(response.body))
        bundle.target = TargetItem(url, "ok", response.status, "", response.url, meta.get("download_latency"),
                                   method="spider")
        root = parse_html(decode_html(response.body, "")[0]) if response.status < 300 else None
        if root is not None:  # a 304 is the browser's page itself
            words, hosts = spam_signature(root, response.url, self.keys[site])
            text = json.dumps({"words": sorted(words), "hosts": sorted(hosts)}, ensure_ascii=False)
            bundle.texts.append((url, "spider", None, text, ""))
        yield bundle

    def challenged(self, response, bundle: Bundle):
        """Anti-bot answers: retry once, then record as blocked (never dead)."""
        meta = response.meta
        if not meta.get("challenge_retry"):
            yield response.request.replace(dont_filter=True, meta={**meta, "challenge_retry": True})
            return
        bundle.target = TargetItem(meta["url"], "blocked", response.status, "反爬虫验证/访问被拦截", response.url,
                                   meta.get("download_latency"))
        bundle.notices.append((meta["url"], "blocked",
                               f"HTTP {response.status}，疑似防火墙或反爬虫验证，请将 User-Agent “zwgk” 加入白名单"))
        yield bundle

    @advancing
    def failed(self, failure):
        meta = failure.request.meta
        site, url = meta["site"], meta["url"]
        if failure.check(NetworkRefused):
            yield Bundle(site, url, target=TargetItem(url, "refused", None, str(failure.value)),
                         notices=[(url, "refused", f"网络策略不允许连接 {failure.value}")])
            return
        if failure.check(IgnoreRequest) and "decompression" in str(failure.value):
            # a gzip/deflate/br bomb: Scrapy stopped inflating it at DOWNLOAD_MAXSIZE
            limit = self.limits.max_download_mb
            yield Bundle(site, url, target=TargetItem(url, "ok", None, f"解压后超过 {limit:g} MB（疑似压缩炸弹）"),
                         notices=[(url, "too_large", f"解压后超过 {limit:g} MB 下载上限，疑似压缩炸弹，未读取")])
            return
        if TOO_LARGE and failure.check(*TOO_LARGE):  # it answered: alive, but larger than max_download_mb
            limit = self.limits.max_download_mb
            notices = [] if meta.get("check") and not meta.get("read") else [
                (url, "too_large", f"超过 {limit:g} MB 下载上限，未读取")]
            yield Bundle(site, url, target=TargetItem(url, "ok", None, f"超过 {limit:g} MB 下载上限"),
                         notices=notices)
            return
        reason = describe_failure(failure)
        if reason:
            yield Bundle(site, url, target=self.dead_target(site, url, None, reason, "", None,
                                                            method=failure.request.method))
        else:
            yield Bundle(site, url, finished=True)

    def dead_target(self, site, url, status, error, final_url, elapsed, title="", method="GET") -> TargetItem:
        return TargetItem(url, "dead", status, error, final_url, elapsed, title, method)

    def report_progress(self):
        self.progress({site: {"pages": self.pages[site], "queued": max(self.queued[site], 0), "dead": self.dead[site]}
                       for site in self.sites})


def _scrapy_errors(*names: str) -> tuple:
    """Scrapy ≥ 2.14 wraps Twisted's download errors in its own classes."""
    return tuple(getattr(scrapy_exceptions, name) for name in names if hasattr(scrapy_exceptions, name))


TOO_LARGE = _scrapy_errors("DownloadCancelledError")
DNS_ERRORS = (net_error.DNSLookupError, *_scrapy_errors("CannotResolveHostError"))
REFUSED_ERRORS = (net_error.ConnectionRefusedError, *_scrapy_errors("DownloadConnectionRefusedError"))
TIMEOUT_ERRORS = (net_error.TimeoutError, net_error.TCPTimedOutError, *_scrapy_errors("DownloadTimeoutError"))
BROKEN_ERRORS = _scrapy_errors("ResponseDataLossError", "DownloadFailedError")


def describe_failure(failure) -> str | None:
    """A short Chinese reason for a failed fetch (None: not a link failure)."""
    if failure.check(*DNS_ERRORS):
        return "域名解析失败"
    if failure.check(*REFUSED_ERRORS):
        return "连接被拒绝"
    if failure.check(*TIMEOUT_ERRORS):
        return "访问超时"
    if BROKEN_ERRORS and failure.check(*BROKEN_ERRORS):
        return "服务器无响应或连接被重置"
    if failure.check(IgnoreRequest):
        return "重定向循环或次数过多" if "redirect" in str(failure.value) else None
    if failure.check(net_error.ConnectionLost, net_error.ConnectionDone):
        return "连接中断"
    name = type(failure.value).__name__
    if "ResponseNeverReceived" in name or "ResponseFailed" in name:
        return "服务器无响应或连接被重置"
    if "Timeout" in name:
        return "访问超时"
    return f"无法访问（{name}）"
