"""The page cache of incremental nights.

For each article page and read attachment of the audited sites, the cache keeps the
validators of its last full fetch (ETag, Last-Modified, sha1 of the body) and what parsing
it gave (the page row, its main text, injections and `Found`). A later night asks the site
conditionally; on `304 Not Modified`, or a 200 with the same body, the stored result is
replayed into the new run instead of downloading and parsing the page again, so the checks
see exactly what a full crawl would give them.

Home pages, column lists and message boards are never cached: they are re-read every night.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import zlib
from dataclasses import dataclass

from .items import Bundle, Found, PageItem


def digest(body: bytes) -> str:
    return hashlib.sha1(body).hexdigest()


def conditional_headers(validators: tuple[str, str, str] | None) -> dict:
    if not validators:
        return {}
    etag, modified, _ = validators
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    return headers


@dataclass(slots=True)
class Cached:
    page: PageItem | None
    texts: list
    injections: list
    found: Found | None


def blob(bundle: Bundle) -> bytes:
    """What a parsed response gave, as the cache keeps it (before the spider decides its requests)."""
    found = bundle.found
    return zlib.compress(pickle.dumps(Cached(bundle.page, bundle.texts, bundle.injections, found),
                                      protocol=pickle.HIGHEST_PROTOCOL), 3)


def cache_row(bundle: Bundle, run_id: int) -> tuple:
    etag, modified, body_digest = bundle.validators
    return (bundle.source_url, bundle.site, etag, modified, body_digest, run_id, blob(bundle))


STORE = ("insert or replace into page_cache (url, site, etag, last_modified, digest, run_id, blob)"
         " values (?,?,?,?,?,?,?)")


class PageCache:
    """Read side, used where requests are made (the one-process spider or the coordinator)."""

    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path, timeout=30, check_same_thread=False)

    def validators(self, url: str) -> tuple[str, str, str] | None:
        row = self.conn.execute("select etag, last_modified, digest from page_cache where url = ?", [url]).fetchone()
        return tuple(value or "" for value in row) if row else None

    def load(self, url: str) -> Cached | None:
        row = self.conn.execute("select blob from page_cache where url = ?", [url]).fetchone()
        if not row:
            return None
        try:
            return pickle.loads(zlib.decompress(row[0]))
        except Exception:  # written by another zwgk version: fetch the page again
            return None

    def close(self) -> None:
        self.conn.close()
