"""Serve fixture government sites on 127.0.0.1, one port per site.

A fixture site is a folder of files. `_routes.toml` in it (optional) gives
paths a behaviour a static server cannot show: a status, a delay, a hang,
a redirect, extra headers, another file for search-engine crawlers
(`spider_file`, the cloaking of hacked sites), `validators = false` for a server that sends
no ETag / Last-Modified. Files are served with both, and conditional requests answered with
304 as nginx does. A route key may carry a query string
(`["/hdjl/view.jsp?id=12"]`), for the dynamic pages of message boards. Text files may name other sites or a closed port
with `{{site:NAME}}` and `{{dead}}`; these are replaced with real origins
when served, so one fixture set can link across sites. Folders named `outside-*` are
served but left out of the config: the foreign hosts (a casino, a hijacker) sites link to.
Folders named `media-*` are demo 政务新媒体 accounts (their `site.toml` holds an `[[account]]`): in the
config only when asked for (`zwgk demo`), so the website fixtures' own expectations stay as they are.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
import socket
import threading
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

SITES = Path(__file__).resolve().parent.parent / "tests" / "sites"
PLACEHOLDER = re.compile(rb"\{\{(site:[\w-]+|dead)\}\}")
TEXT_TYPES = {".html", ".htm", ".shtml", ".xml", ".js", ".css", ".json", ".txt"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class FixtureSite:
    name: str
    root: Path
    routes: dict
    port: int = 0
    server: ThreadingHTTPServer | None = None

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass
class FixtureServer:
    """All fixture sites under `root`, each served on its own free port."""

    root: Path = SITES
    names: list[str] | None = None
    sites: dict[str, FixtureSite] = field(default_factory=dict)
    dead_port: int = 0
    hits: Counter = field(default_factory=Counter)  # (site, method, path) → requests served

    def start(self) -> "FixtureServer":
        self.dead_port = free_port()  # nothing listens there: connection refused
        for folder in sorted(p for p in self.root.iterdir() if p.is_dir()):
            if self.names and folder.name not in self.names:
                continue
            routes_file = folder / "_routes.toml"
            routes = tomllib.loads(routes_file.read_text("utf-8")) if routes_file.exists() else {}
            self.sites[folder.name] = FixtureSite(folder.name, folder, routes)
        for site in self.sites.values():
            handler = type("Handler", (_Handler,), {"site": site, "fixtures": self})
            site.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
            site.server.daemon_threads = True
            site.port = site.server.server_address[1]
            threading.Thread(target=site.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        for site in self.sites.values():
            if site.server:
                site.server.shutdown()
                site.server.server_close()

    def __enter__(self) -> "FixtureServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def substitute(self, body: bytes) -> bytes:
        def replace(match: re.Match) -> bytes:
            token = match.group(1).decode()
            if token == "dead":
                return f"http://127.0.0.1:{self.dead_port}".encode()
            site = self.sites.get(token.split(":", 1)[1])
            return site.origin.encode() if site else match.group(0)

        return PLACEHOLDER.sub(replace, body)

    def config_toml(self, accounts: bool = False) -> str:
        """A zwgk config naming every served site (from each `site.toml`); `accounts`: the media-* accounts too."""
        parts = []
        for site in self.sites.values():
            if site.name.startswith("outside-"):  # a foreign host the sites link to, not a site to check
                continue
            if site.name.startswith("media-") and not accounts:
                continue
            extra = site.root / "site.toml"
            body = extra.read_text("utf-8") if extra.exists() else f'[[site]]\nid = "{site.name}"\nhome = "{{{{home}}}}"\n'
            body = self.substitute(body.encode()).decode()
            parts.append(body.replace("{{home}}", site.origin + "/").rstrip() + "\n")
        return "\n".join(parts)


class _Handler(BaseHTTPRequestHandler):
    site: FixtureSite
    fixtures: FixtureServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_HEAD(self) -> None:
        self.respond(head=True)

    def do_GET(self) -> None:
        self.respond(head=False)

    def respond(self, head: bool) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        self.fixtures.hits[self.site.name, "HEAD" if head else "GET", path] += 1
        route = (parts.query and (self.site.routes.get(f"{path}?{unquote(parts.query)}")
                                  or self.site.routes.get(f"{parts.path}?{parts.query}"))
                 or self.site.routes.get(path) or self.site.routes.get(parts.path) or {})
        if route.get("hang"):
            time.sleep(route.get("hang_seconds", 120))
            self.close_connection = True
            return
        if route.get("delay"):
            time.sleep(float(route["delay"]))
        if "redirect" in route:
            target = self.fixtures.substitute(route["redirect"].encode()).decode()
            self.send(route.get("status", 302), b"", {"Location": target}, head)
            return
        if head and route.get("head_status"):
            self.send(route["head_status"], b"", {}, head)
            return
        file = self.resolve(path, route)
        agent = self.headers.get("User-Agent", "").lower()
        if route.get("spider_file") and any(bot in agent for bot in ("spider", "bot", "slurp")):
            file = self.site.root / route["spider_file"]  # cloaking: search engines see another page
        status = route.get("status", 200 if file else 404)
        if file:
            body = file.read_bytes()
            if file.suffix in TEXT_TYPES:
                body = self.fixtures.substitute(body)
        else:
            body = "<html><head><title>404 Not Found</title></head><body>404</body></html>".encode()
        content_type = route.get("content_type") or _content_type(file)
        if route.get("charset"):
            content_type += f"; charset={route['charset']}"
        headers = {"Content-Type": content_type, **route.get("headers", {})}
        if file and status == 200 and route.get("validators", True):
            headers["ETag"] = f'"{hashlib.sha1(body).hexdigest()[:16]}"'
            headers["Last-Modified"] = formatdate(int(file.stat().st_mtime), usegmt=True)
            if self.not_modified(headers, int(file.stat().st_mtime)):
                self.send(304, b"", {"ETag": headers["ETag"]}, head=True)
                return
        self.send(status, body, headers, head)

    def not_modified(self, headers: dict, mtime: int) -> bool:
        tag = self.headers.get("If-None-Match")
        if tag is not None:
            return headers["ETag"] in [part.strip() for part in tag.split(",")]
        since = self.headers.get("If-Modified-Since")
        try:
            return since is not None and mtime <= parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False

    def resolve(self, path: str, route: dict) -> Path | None:
        if "file" in route:
            return self.site.root / route["file"]
        candidate = (self.site.root / path.lstrip("/")).resolve()
        if not str(candidate).startswith(str(self.site.root.resolve())):
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        if candidate.is_file() and not candidate.name.startswith("_") and candidate.name != "site.toml":
            return candidate
        return None

    def send(self, status: int, body: bytes, headers: dict, head: bool) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass


def _content_type(file: Path | None) -> str:
    if file is None:
        return "text/html"
    if file.suffix in {".html", ".htm", ".shtml"}:
        return "text/html"  # no charset: real GBK sites rarely send one
    return mimetypes.guess_type(file.name)[0] or "application/octet-stream"
