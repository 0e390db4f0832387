"""The network policy (SPEC [network]): which addresses zwgk may connect to.

Public addresses are fine. A private, loopback, link-local, CGNAT or multicast address only
when it lies in the same /24 (IPv6 /64) as the home page or account URL of something in the
config, or in `allow`; never anything in `deny` (deny wins). The test is made on the address a
name resolves to, just before connecting: in the DNS resolver for names, in a downloader
middleware for literal addresses (every redirect hop passes it again), and in Playwright's
request hook for rendered pages. A refused URL is a notice, never a dead link.
"""

from __future__ import annotations

import ipaddress
import socket
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.resolver import CachingThreadedResolver

SPECIAL = [ipaddress.ip_network(net) for net in (
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
    "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8",
)]


class NetworkRefused(IgnoreRequest):
    """The address is outside what the network policy allows: no packet is sent."""


class Policy:
    def __init__(self, allow=(), deny=(), homes=()):
        self.allow = [ipaddress.ip_network(net, strict=False) for net in allow]
        self.deny = [ipaddress.ip_network(net, strict=False) for net in deny]
        self.homes = [host for host in (urlsplit(url).hostname for url in homes) if host]
        self._home_nets: list | None = None

    def permits(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return False
        if ip.version == 6 and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if any(ip in net for net in self.deny):
            return False
        if not any(ip in net for net in SPECIAL):
            return True
        return any(ip in net for net in self.allow) or any(ip in net for net in self.home_nets())

    def home_nets(self) -> list:
        """The /24s (/64s) of the configured homes, resolved once, only when a special address is met."""
        if self._home_nets is None:
            with ThreadPoolExecutor(16) as pool:
                addresses = [a for found in pool.map(_resolve, self.homes) for a in found]
            nets = set()
            for address in addresses:
                ip = ipaddress.ip_address(address)
                nets.add(ipaddress.ip_network(f"{ip}/{24 if ip.version == 4 else 64}", strict=False))
            self._home_nets = sorted(nets, key=str)
        return self._home_nets

    def check_url(self, url: str) -> str | None:
        """The refused address of a URL whose host is a literal address, else None (names: see resolver)."""
        host = urlsplit(url).hostname or ""
        if _is_address(host) and not self.permits(host):
            return host
        return None


@lru_cache(maxsize=4096)
def _resolve(host: str) -> tuple[str, ...]:
    if _is_address(host):
        return (host,)
    try:
        return tuple({info[4][0] for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)})
    except OSError:
        return ()


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def policy_from_settings(settings) -> Policy:
    network = settings.getdict("ZWGK_NETWORK")
    return Policy(network.get("allow", ()), network.get("deny", ()), network.get("homes", ()))


class PolicyResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, refusing names that resolve to an address the policy forbids."""

    policy: Policy

    @classmethod
    def from_crawler(cls, crawler, reactor):
        resolver = super().from_crawler(crawler, reactor)
        resolver.policy = policy_from_settings(crawler.settings)
        return resolver

    def getHostByName(self, name, timeout=()):
        deferred = super().getHostByName(name, timeout)
        deferred.addCallback(self._checked, name)
        return deferred

    def _checked(self, address: str, name: str) -> str:
        if not self.policy.permits(address):
            raise NetworkRefused(f"{name} → {address}")
        return address


class NetworkPolicyMiddleware:
    """Literal addresses (and every redirect hop) are checked before the request is downloaded."""

    def __init__(self, policy: Policy):
        self.policy = policy

    @classmethod
    def from_crawler(cls, crawler):
        return cls(policy_from_settings(crawler.settings))

    def process_request(self, request, spider=None):
        refused = self.policy.check_url(request.url)
        if refused:
            raise NetworkRefused(refused)
        return None


_playwright_policy: Policy | None = None


def set_playwright_policy(policy: Policy) -> None:
    global _playwright_policy
    _playwright_policy = policy


async def playwright_abort(request) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: Chromium's own requests (scripts, XHR) obey the policy too."""
    if _playwright_policy is None:
        return False
    host = urlsplit(request.url).hostname
    if not host:
        return False
    import asyncio

    addresses = await asyncio.get_running_loop().run_in_executor(None, _resolve, host)
    return not addresses or not all(_playwright_policy.permits(address) for address in addresses)


class RetryAfterMiddleware:
    """A 429 or 503 with `Retry-After`: wait as the server asks (up to `MAX_WAIT` seconds), then ask once
    more. Longer waits are not honoured in the night's crawl: the answer is recorded as blocked."""

    MAX_WAIT = 60.0

    async def process_response(self, request, response, spider=None):
        if response.status not in (429, 503) or request.meta.get("retry_after_done"):
            return response
        wait = _retry_after(response.headers.get(b"Retry-After", b"").decode("latin-1"))
        if wait is None or wait > self.MAX_WAIT:
            return response
        import asyncio

        await asyncio.sleep(wait)
        return request.replace(dont_filter=True, meta={**request.meta, "retry_after_done": True})


def _retry_after(value: str) -> float | None:
    """Seconds from a Retry-After header: delta-seconds or an HTTP date."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime
    from datetime import datetime, timezone

    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return max(0.0, (moment - datetime.now(timezone.utc)).total_seconds())
