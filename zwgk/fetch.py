"""One plain HTTP GET outside a crawl (home-page probes, rechecks, new-media accounts), under the network
policy: the address is checked before connecting, and again on every redirect hop."""

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
    final_url: str = ""  # where the redirects ended

    @property
    def answered(self) -> bool:
        return self.status is not None and self.status < 500

    @property
    def gone(self) -> bool:
        return self.status in (404, 410)


class _Refused(urllib.error.URLError):
    pass


def _permitted(url: str, policy) -> bool:
    if policy is None:
        return True
    from crawler.network import _resolve

    addresses = _resolve(urlsplit(url).hostname or "")
    return not addresses or all(policy.permits(address) for address in addresses)


class _PolicyRedirects(urllib.request.HTTPRedirectHandler):
    """Every redirect hop passes the network policy before it is followed."""

    def __init__(self, policy):
        self.policy = policy

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not _permitted(newurl, self.policy):
            raise _Refused("网络策略不允许连接")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, policy=None, timeout: float = 15.0, max_bytes: int = MAX_BYTES,
          headers: dict[str, str] | None = None) -> Fetched:
    """`headers` are sent beside the User-Agent (a platform API may want a Referer)."""
    started = time.monotonic()
    if not _permitted(url, policy):
        return Fetched(None, error="网络策略不允许连接")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
    opener = urllib.request.build_opener(_PolicyRedirects(policy))
    try:
        with opener.open(request, timeout=timeout) as response:
            body = response.read(max_bytes)
            return Fetched(response.status, body, response.headers.get("Content-Type", ""),
                           elapsed=round(time.monotonic() - started, 3), final_url=response.geturl())
    except urllib.error.HTTPError as error:
        return Fetched(error.code, error.read(65536) if error.fp else b"", error.headers.get("Content-Type", ""),
                       f"HTTP {error.code}", round(time.monotonic() - started, 3))
    except _Refused:
        return Fetched(None, error="网络策略不允许连接", elapsed=round(time.monotonic() - started, 3))
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        text = "超时" if "timed out" in str(reason) else f"无法连接（{reason}）"
        return Fetched(None, error=text, elapsed=round(time.monotonic() - started, 3))
