"""The network policy: a link into another private /24 gets no packet unless `allow` names it."""

from __future__ import annotations

import socket
import sqlite3
import threading

import pytest

from crawler.network import Policy
from tests.conftest import AS_OF, run_zwgk


def test_policy_rules():
    policy = Policy(allow=["10.20.0.0/16"], deny=["10.20.9.0/24"], homes=["http://127.0.0.1:8000/"])
    assert policy.permits("8.8.8.8")  # public
    assert policy.permits("127.0.0.99")  # same /24 as a configured home
    assert not policy.permits("127.0.2.1")
    assert not policy.permits("192.168.1.1") and not policy.permits("169.254.169.254")
    assert not policy.permits("100.64.0.1")  # CGNAT
    assert policy.permits("10.20.1.1") and not policy.permits("10.20.9.1")  # deny wins
    assert not policy.permits("::1") and not policy.permits("::ffff:192.168.0.1")


class CountingListener:
    """A TCP listener on another loopback /24 that counts connections and answers 200."""

    def __init__(self, host: str = "127.0.2.1"):
        self.sock = socket.socket()
        try:
            self.sock.bind((host, 0))
        except OSError:
            pytest.skip(f"cannot bind {host}")
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.host = host
        self.connections = 0
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.recv(4096)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
            conn.close()


def crawl_with(tmp_path, listener, network: str) -> sqlite3.Connection:
    from zwgk.fixtures import FixtureServer

    site = tmp_path / "sites" / "intranet-link"
    site.mkdir(parents=True)
    (site / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>测试</title></head><body>'
        f'<a href="http://{listener.host}:{listener.port}/oa/">内网办公系统</a>'
        f'<img src="http://{listener.host}:{listener.port}/x.png"></body></html>', "utf-8")
    with FixtureServer(tmp_path / "sites") as server:
        config = tmp_path / "zwgk.toml"
        config.write_text(server.config_toml() + "\n[crawl]\ntimeout = 5\n" + network, "utf-8")
        db = tmp_path / "p.db"
        result = run_zwgk("crawl", str(config), "--db", str(db), "--as-of", AS_OF)
        assert result.returncode == 0, result.stderr
    return sqlite3.connect(db)


def test_private_address_is_refused_by_default_and_reported_as_a_notice(tmp_path):
    listener = CountingListener()
    conn = crawl_with(tmp_path, listener, "")
    assert listener.connections == 0
    codes = {row[0] for row in conn.execute("select check_code from findings where url like ?",
                                            [f"%{listener.host}%"])}
    assert codes == {"crawl_notice"}


def test_allow_lets_zwgk_connect(tmp_path):
    listener = CountingListener()
    conn = crawl_with(tmp_path, listener, '[network]\nallow = ["127.0.2.0/24"]\n')
    assert listener.connections > 0
    assert not conn.execute("select count(*) from findings where url like ?", [f"%{listener.host}%"]).fetchone()[0]


def test_redirects_and_rendered_pages_into_a_private_network_are_refused(tmp_path):
    """A redirect hop into a private network, and a page Chromium renders whose script fetches from it and
    inserts an image from it: none of them reaches the listener."""
    from zwgk.fixtures import FixtureServer

    listener = CountingListener()
    target = f"http://{listener.host}:{listener.port}"
    site = tmp_path / "sites" / "gov"
    (site / "tzgg").mkdir(parents=True)
    (site / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>和兴县人民政府</title></head><body>'
        '<div class="nav"><a href="/tzgg/">通知公告</a></div><a href="/go">办公系统入口</a></body></html>', "utf-8")
    for number in (0, 1):
        (site / "tzgg" / f"{number}.html").write_text(f"<html><body><p>2026-11-1{number} 通知</p></body></html>",
                                                      "utf-8")
    (site / "tzgg" / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>通知公告</title></head><body><ul id="list"></ul><script>'
        f'fetch("{target}/api/list").catch(function(){{}});'
        'var ul = document.getElementById("list");'
        '["关于开展安全检查的通知", "关于做好冬季防火工作的通知"].forEach(function (t, i) {'
        ' var li = document.createElement("li"); li.innerHTML = "<a href=\\"/tzgg/" + i + ".html\\">" + t + '
        '"</a><span>2026-11-1" + i + "</span>"; ul.appendChild(li); });'
        f'var img = document.createElement("img"); img.src = "{target}/track.gif"; document.body.appendChild(img);'
        '</script></body></html>', "utf-8")
    (site / "_routes.toml").write_text(f'["/go"]\nredirect = "{target}/login"\n', "utf-8")
    with FixtureServer(tmp_path / "sites") as server:
        config = tmp_path / "zwgk.toml"
        config.write_text(server.config_toml() + "\n[crawl]\ntimeout = 8\n", "utf-8")
        result = run_zwgk("crawl", str(config), "--db", str(tmp_path / "p.db"), "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    assert listener.connections == 0
    conn = sqlite3.connect(tmp_path / "p.db")
    rendered = conn.execute("select rendered from pages where url like '%/tzgg/'").fetchone()
    assert rendered == (1,)  # Chromium did render the list page, and its requests obeyed the policy
    refused = {url for (url,) in conn.execute("select url from notices where reason = 'refused'")}
    assert any(url.endswith("/go") for url in refused) and any(url.endswith("/track.gif") for url in refused)
    assert not conn.execute("select count(*) from findings where check_code = 'dead_link'").fetchone()[0]
