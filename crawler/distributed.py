"""A crawl spread over machines, on Scrapy's scheduler in Redis (scrapy-redis).

The coordinator (`zwgk crawl CONFIG --db DB --redis URL`) is the only process that holds
the crawl's state and writes SQLite. It publishes the run (sites, limits, network policy) in
Redis, pushes requests onto the shared scrapy-redis queue, and takes back the bundles the
workers push through scrapy-redis' item pipeline. For each bundle it runs the same
`SiteSpider.advance()` a one-process crawl runs (page cache replay, the requests the page
leads to), stores it, and pushes the new requests. The crawl ends when every request it made
has come back.

A worker (`zwgk worker --redis URL`) is a `SiteSpider` in `remote` mode under scrapy-redis'
scheduler: it pops requests, fetches and parses, and pushes bundles. It keeps nothing: a
request a killed worker had taken is pushed again when the coordinator sees the worker's
heartbeat expire (or, failing that, when the queue has been empty and nothing came back for
a while); a result that comes twice is stored once.
"""

from __future__ import annotations

import os
import pickle
import socket
import time
import uuid
from datetime import date

from collections import deque

from scrapy_redis.pipelines import RedisPipeline
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from crawler.cache import PageCache
from crawler.items import Bundle
from crawler.pipelines import StorePipeline
from crawler.spiders.site import SiteSpider

PREFIX = "zwgk"
RUN_KEY = f"{PREFIX}:run"  # the run being crawled: pickled RunSpec
QUEUE_KEY = f"{PREFIX}:%(spider)s:requests"  # scrapy-redis scheduler queue
DUPEFILTER_KEY = f"{PREFIX}:%(spider)s:dupefilter"
ITEMS_KEY = f"{PREFIX}:%(spider)s:items"  # scrapy-redis item pipeline: pickled bundles
WORKER_KEY = f"{PREFIX}:worker:"  # + worker id, with a short expiry refreshed while it lives
HEARTBEAT_SECONDS = 2
WORKER_EXPIRY = 10
BATCH = 500
FRONTIER = ("site", "url", "depth", "role", "list_url", "kind")


class FairQueue(PriorityQueue):
    """scrapy-redis' priority queue, taking sites in turn within one priority.

    Requests of equal priority are ordered by Redis by their bytes, which would hand a worker a
    run of one site's URLs. Each site's n-th request gets n millionths added to its score, so
    a worker gets the first request of every site before the second of any.
    """

    turns: dict[str, int] = {}

    def push(self, request):
        self.server.execute_command("ZADD", self.key, self.score(request), self._encode_request(request))

    def push_many(self, requests) -> None:
        with self.server.pipeline(transaction=False) as pipe:
            for request in requests:
                pipe.execute_command("ZADD", self.key, self.score(request), self._encode_request(request))
            pipe.execute()

    def pop_many(self, count: int) -> list:
        with self.server.pipeline() as pipe:
            pipe.multi()
            pipe.zrange(self.key, 0, count - 1).zremrangebyrank(self.key, 0, count - 1)
            results, _ = pipe.execute()
        return [self._decode_request(data) for data in results]

    def score(self, request) -> float:
        site = request.meta.get("site", "")
        turn = self.turns[site] = self.turns.get(site, 0) + 1
        return -request.priority + min(turn, 999_999) / 1_000_000


class BatchScheduler(Scheduler):
    """scrapy-redis' scheduler, taking a few requests per round trip to Redis instead of one.

    Requests a worker holds and has not finished are lost if it dies; the coordinator asks for
    them again when the worker's heartbeat expires."""

    batch = 8

    def open(self, spider):
        super().open(spider)
        self.held = deque()

    def next_request(self):
        if not self.held:
            self.held.extend(self.queue.pop_many(self.batch))
        return self.held.popleft() if self.held else None

    def has_pending_requests(self):
        return bool(self.held) or len(self) > 0


class BatchPipeline(RedisPipeline):
    """scrapy-redis' item pipeline, sending bundles in batches (one RPUSH per ~50 or per 0.2 s)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.waiting: list[bytes] = []
        self.sent = time.monotonic()

    def open_spider(self, spider=None):
        from twisted.internet import task

        self.ticker = task.LoopingCall(self.send)  # the last bundles of a quiet moment go too
        self.ticker.start(0.2, now=False)

    def process_item(self, item, spider=None):
        self.waiting.append(self.serialize(item))
        if len(self.waiting) >= 50 or time.monotonic() - self.sent > 0.2:
            self.send(spider)
        return item

    def send(self, spider=None) -> None:
        if self.waiting:
            self.server.rpush(ITEMS_KEY % {"spider": "site"}, *self.waiting)
            self.waiting = []
        self.sent = time.monotonic()

    def close_spider(self, spider=None):
        if self.ticker.running:
            self.ticker.stop()
        self.send(spider)


def redis_server(url: str):
    import redis

    from zwgk.errors import ConfigError

    try:
        server = redis.Redis.from_url(url, socket_connect_timeout=10, socket_timeout=60, health_check_interval=30)
        server.ping()
    except (redis.RedisError, ValueError) as error:
        raise ConfigError(f"无法连接 Redis（{url}）：{error}") from None
    return server


def worker_settings(redis_url: str) -> dict:
    return {
        "SCHEDULER": "crawler.distributed.BatchScheduler",
        "SCHEDULER_QUEUE_CLASS": "crawler.distributed.FairQueue",
        "SCHEDULER_QUEUE_KEY": QUEUE_KEY,
        "SCHEDULER_DUPEFILTER_KEY": DUPEFILTER_KEY,
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # a worker that stops must not empty the shared queue
        "REDIS_URL": redis_url,
        "ITEM_PIPELINES": {"crawler.distributed.BatchPipeline": 300},
        "REDIS_ITEMS_KEY": ITEMS_KEY,
        "REDIS_ITEMS_SERIALIZER": "pickle.dumps",
    }


# -- the coordinator -------------------------------------------------------------------------------


def coordinate(config, db_path: str, run_id: int, as_of: date, sites, redis_url: str, progress=None,
               resume: bool = False, full: bool = False) -> dict:
    from crawler.run import resume_state, spider_settings

    server = redis_server(redis_url)
    spider_settings(config)  # the guide words and the Chromium network policy, as in one process
    cache = PageCache(db_path)
    spider = SiteSpider(sites=sites, as_of=as_of, limits=config.crawl, progress=progress, cache=cache,
                        incremental=config.crawl.incremental and not full,
                        resume=resume_state(db_path, run_id) if resume else None)
    queue = FairQueue(server, spider, QUEUE_KEY)
    items = ITEMS_KEY % {"spider": spider.name}
    server.delete(queue.key, items, DUPEFILTER_KEY % {"spider": spider.name})  # SQLite knows what is left
    token = uuid.uuid4().hex
    server.set(RUN_KEY, pickle.dumps({"token": token, "run_id": run_id, "as_of": as_of, "sites": list(sites),
                                      "config": config}))
    store = StorePipeline(db_path, run_id)
    store.open_spider()
    coordinator = Coordinator(server, spider, queue, store, items, limits=config.crawl)
    import redis

    from zwgk.errors import ZwgkError

    try:
        coordinator.dispatch(spider.first_requests())
        coordinator.run(progress)
    except redis.RedisError as error:
        raise ZwgkError(f"与 Redis 的连接中断（{error}）。已收到的结果已保存，用同一条命令重新运行会从中断处继续。") from None
    finally:
        try:
            server.delete(RUN_KEY)  # the workers go back to waiting
        except redis.RedisError:
            pass
        store.close_spider()
        cache.close()
    if store.failed:
        import sqlite3

        raise sqlite3.OperationalError(str(store.failed))
    return {"requests": coordinator.requested, "repeated": coordinator.repeated}


class Coordinator:
    def __init__(self, server, spider: SiteSpider, queue: FairQueue, store: StorePipeline, items: str, limits):
        self.server, self.spider, self.queue, self.store, self.items = server, spider, queue, store, items
        # (url, is a link check) of each request still out → its frontier row (site, url, depth, role, list_url, kind)
        self.outstanding: dict[tuple[str, bool], tuple] = {}
        self.requested = 0
        self.repeated = 0  # requests pushed again for a worker that died
        # nothing came back and the queue is empty for this long: what is out is lost, ask again
        self.patience = max(30.0, 2 * limits.timeout * (limits.retries + 1) + 10)
        self.workers: set[str] = set()
        self.alone_since = time.monotonic()
        self.warned_alone = False

    def dispatch(self, outputs) -> None:
        requests = []
        for output in outputs:
            if isinstance(output, Bundle):
                self.store.process_item(output)
            else:
                meta = output.meta
                role = meta.get("role", "page")
                if meta.get("check"):
                    role = "cloak" if meta.get("kind") == "cloak" else "check"
                # a tuple, not the request: a province's frontier is held here until it comes back
                self.outstanding[meta["url"], bool(meta.get("check"))] = (
                    meta["site"], meta["url"], meta.get("depth", 0), role, meta.get("list_url", ""),
                    meta.get("kind", "page"))
                requests.append(output)
        if requests:
            self.queue.push_many(requests)
            self.requested += len(requests)

    def receive(self, bundle: Bundle) -> None:
        key = bundle.source_url, bundle.check
        if key not in self.outstanding:
            return  # a result that came twice (its request was asked again): stored once
        outputs = list(self.spider.advance(bundle))
        self.dispatch([*outputs, bundle])
        if bundle.done:
            self.outstanding.pop(key, None)

    def run(self, progress=None) -> None:
        quiet_since = time.monotonic()
        last_look = 0.0
        while self.outstanding and not self.store.failed:
            raw = self.take()
            for data in raw:
                self.receive(pickle.loads(data))
            now = time.monotonic()
            if raw:
                quiet_since = now
            if now - last_look >= 1:
                last_look = now
                if self.look_at_workers():
                    quiet_since = now
                elif now - quiet_since > self.patience and not len(self.queue):
                    self.ask_again()
                    quiet_since = now
                if progress:
                    self.spider.report_progress()
        self.store.flush()

    def take(self) -> list[bytes]:
        with self.server.pipeline() as pipe:
            pipe.lrange(self.items, 0, BATCH - 1)
            pipe.ltrim(self.items, BATCH, -1)
            raw, _ = pipe.execute()
        if raw:
            return raw
        popped = self.server.blpop([self.items], timeout=1)
        return [popped[1]] if popped else []

    def look_at_workers(self) -> bool:
        """Workers come and go: when one is gone, what it had taken is asked again. True if it asked."""
        alive = {key.decode()[len(WORKER_KEY):] for key in self.server.scan_iter(f"{WORKER_KEY}*")}
        gone = self.workers - alive
        self.workers = alive
        if alive:
            self.alone_since, self.warned_alone = time.monotonic(), False
        elif not self.warned_alone and time.monotonic() - self.alone_since > 15:
            self.warned_alone = True
            from zwgk.errors import warn

            warn("15 秒内没有 zwgk worker 连接到这个 Redis：请在抓取机上运行 zwgk worker --redis …（抓取会等待）")
        if gone:
            self.ask_again()
            return True
        return False

    def ask_again(self) -> None:
        rows = [dict(zip(FRONTIER, row)) for row in self.outstanding.values()]
        if rows:
            self.repeated += len(rows)
            self.queue.push_many(self.spider.request_for(row) for row in rows)


# -- the worker --------------------------------------------------------------------------------------


def work(redis_url: str, processes: int = 1) -> None:
    """`zwgk worker`: keep `processes` worker processes alive; each waits for a run, crawls it and exits
    (Scrapy's reactor runs once per process), and is replaced at once by a fresh one that waits."""
    import multiprocessing

    from zwgk.errors import warn

    redis_server(redis_url)  # refuse a wrong URL now, in the terminal
    warn(f"等待抓取任务（Redis {redis_url}）…")
    context = multiprocessing.get_context("spawn")
    children: list = []
    try:
        while True:
            children = [child for child in children if child.is_alive()]
            while len(children) < max(1, processes):
                child = context.Process(target=crawl_as_worker, args=(redis_url,), daemon=False)
                child.start()
                children.append(child)
            time.sleep(0.5)
    except KeyboardInterrupt:
        for child in children:
            child.terminate()
        raise


def load_spec(server) -> dict | None:
    data = server.get(RUN_KEY)
    return pickle.loads(data) if data else None


def share_politeness(crawler, server, per_site: int) -> None:
    """`[crawl] per_site_concurrency` holds for the whole crawl, not for each worker: with N workers alive,
    each opens at most per_site / N connections to one site (at least one)."""
    workers = max(1, sum(1 for _ in server.scan_iter(f"{WORKER_KEY}*")))
    share = max(1, per_site // workers)
    downloader = crawler.engine.downloader if crawler.engine else None
    if downloader is not None and downloader.domain_concurrency != share:
        downloader.domain_concurrency = share
        for slot in downloader.slots.values():
            slot.concurrency = share


def wait_for_run(server, seen: str = "") -> dict:
    while True:
        spec = load_spec(server)
        if spec is not None and spec["token"] != seen:
            return spec
        time.sleep(0.2)


def crawl_as_worker(redis_url: str) -> None:
    """One worker process: wait for a run, crawl it as a remote SiteSpider under the scrapy-redis scheduler.

    A worker process is one core: it parses pages itself (no parse process beside it); start as many
    as the machine has cores."""
    from scrapy import signals
    from scrapy.core.engine import ExecutionEngine
    from scrapy.crawler import CrawlerProcess
    from scrapy.exceptions import DontCloseSpider
    from twisted.internet import task

    from crawler.run import spider_settings

    server = redis_server(redis_url)
    spec = wait_for_run(server)
    token = spec["token"]
    config = spec["config"]
    settings = spider_settings(config)
    settings.setdict(worker_settings(redis_url), priority="cmdline")
    settings.set("ZWGK_PARSE_PROCESSES", 0, priority="cmdline")
    # the engine asks the scheduler for work on each heartbeat when idle (5 s by default): ask often
    ExecutionEngine._SLOT_HEARTBEAT_INTERVAL = 0.2
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SiteSpider)
    worker_id = f"{socket.gethostname()}:{os.getpid()}"

    def current() -> bool:
        spec_now = load_spec(server)
        return spec_now is not None and spec_now["token"] == token

    def beat():
        if current():
            server.set(WORKER_KEY + worker_id, "1", ex=WORKER_EXPIRY)
            share_politeness(crawler, server, config.crawl.per_site_concurrency)
        elif crawler.engine and crawler.spider:
            server.delete(WORKER_KEY + worker_id)
            crawler.engine.close_spider(crawler.spider, "run over")

    def idle(spider):
        if current():
            raise DontCloseSpider

    hearts = []

    def opened(spider):  # the reactor exists only once the crawl runs
        hearts.append(task.LoopingCall(beat))
        hearts[0].start(HEARTBEAT_SECONDS)

    def closed(spider):
        for heart in hearts:
            if heart.running:
                heart.stop()
        server.delete(WORKER_KEY + worker_id)

    crawler.signals.connect(idle, signal=signals.spider_idle)
    crawler.signals.connect(opened, signal=signals.spider_opened)
    crawler.signals.connect(closed, signal=signals.spider_closed)
    process.crawl(crawler, sites=spec["sites"], as_of=spec["as_of"], limits=config.crawl, remote=True)
    process.start()
