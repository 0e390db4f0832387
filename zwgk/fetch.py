"""One plain HTTP GET outside a crawl (home-page probes, rechecks), under the network policy."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

USER_AGENT = "Mozilla/5.0 (compatible; zwgk)"
MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Fetched:
    status: int | None
    body: bytes = b""
    content_type: str = ""
    error: str = ""  # why there is no answer (Chinese)
    elapsed: float = 0.0

    @property
    def answered(self) -> bool:
        return self.status is not None and self.status < 500

    @property
    def gone(self) -> bool:
        return self.status in (404, 410)


def fetch(url: str, policy=None, timeout: float = 15.0, max_bytes: int = MAX_BYTES) -> Fetched:
    started = time.monotonic()
    if policy is not None:
        from crawler.network import _resolve

        addresses = _resolve(urlsplit(url).hostname or "")
        if addresses and not all(policy.permits(address) for address in addresses):
            return Fetched(None, error="网络策略不允许连接")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(max_bytes)
            return Fetched(response.status, body, response.headers.get("Content-Type", ""),
                           elapsed=round(time.monotonic() - started, 3))
    except urllib.error.HTTPError as error:
        return Fetched(error.code, error.read(65536) if error.fp else b"", error.headers.get("Content-Type", ""),
                       f"HTTP {error.code}", round(time.monotonic() - started, 3))
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        text = "超时" if "timed out" in str(reason) else f"无法连接（{reason}）"
        return Fetched(None, error=text, elapsed=round(time.monotonic() - started, 3))
