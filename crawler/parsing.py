"""Parse pages in worker processes so that one crawl uses both cores.

The reactor process keeps the network, the scheduler and the store; decoding and parsing a
page (about a third of the CPU per page, measured with cProfile on the 2,000-page benchmark
site) runs in a process pool. `[crawl] parse_processes = 0` parses inline.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from datetime import date

from crawler.extract.encoding import decode_html
from crawler.extract.guides import ELEMENTS, extend_elements
from crawler.extract.page import PageFacts, parse_page


def extract(body: bytes, content_type: str, url: str, key: str, reference: date | None, home: bool,
            board: bool = False) -> PageFacts:
    text, _ = decode_html(body, content_type)
    return parse_page(text, url, key, reference, home=home, board=board)


def read_attachment(body: bytes, url: str, content_type: str) -> tuple[str, str]:
    """(text, why it could not be read) of a downloaded attachment."""
    from zwgk.text.documents import read_document

    document = read_document(url, body, content_type)
    return document.text, document.problem


class PageParser:
    def __init__(self, processes: int):
        self.pool = None
        if processes > 0:
            self.pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=extend_elements, initargs=({k: list(v) for k, v in
                                                                                    ELEMENTS.items()},))

    async def parse(self, *args) -> PageFacts:
        if self.pool is None:
            return extract(*args)
        return await asyncio.wrap_future(self.pool.submit(extract, *args))

    async def read(self, *args) -> tuple[str, str]:
        if self.pool is None:
            return read_attachment(*args)
        return await asyncio.wrap_future(self.pool.submit(read_attachment, *args))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
