"""Chromium for pages built by script, started only when one is met.

scrapy-playwright starts Playwright's driver (a node process of ~125 MB, one per download
handler) when the engine starts, even on a night where no page needs rendering. This handler
starts it on the first request that asks for `meta={"playwright": True}`.
"""

from __future__ import annotations

import asyncio

from scrapy import signals
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler


class LazyPlaywrightHandler(ScrapyPlaywrightDownloadHandler):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        for receiver in ("_maybe_launch_in_thread", "_engine_started"):
            if hasattr(self, receiver):
                crawler.signals.disconnect(getattr(self, receiver), signals.engine_started)
        self._started: asyncio.Future | None = None

    async def _download_request(self, request, spider=None):
        if self._started is None:
            self._started = asyncio.ensure_future(self._launch())
        await asyncio.shield(self._started)
        return await super()._download_request(request, spider)
