"""Hostile and broken servers are data, not failures: each case ends bounded and recorded."""

from __future__ import annotations

import gzip
import io
import os
import zipfile
from urllib.parse import parse_qs, urlsplit
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.conftest import AS_OF, run_zwgk, run_zwgk_measured

HOME = """<html><head><meta charset="utf-8"><title>测试县人民政府</title></head><body>
<a href="/huge.html">超大页面</a> <a href="/huge.pdf">超大附件</a> <a href="/trickle.html">逐字节返回</a>
<a href="/garbage.html">二进制乱码</a> <a href="/nul.html">含空字符</a> <a href="/chain/0">长重定向链</a>
<a href="/reset.html">中途断开</a> <a href="/calendar?date=2026-11">活动日历</a>
<a href="/list.jsp;jsessionid=A1">会话列表</a> <a href="/grow?q=a">越来越长</a> <a href="/x/y/">重复路径</a>
<a href="/gzbomb.html">压缩炸弹</a> <a href="/files/bomb.docx">附件炸弹</a> <a href="/busy.html">稍后再试</a>
<a href="/waf.html">防火墙</a></body></html>"""
GZIP_BOMB = gzip.compress(b"<p>" + b" " * (400 * 1024 * 1024), compresslevel=9)  # 400 MB inflated, ~400 KB sent
COUNTS = {"calendar": 0, "session": 0, "grow": 0, "repeat": 0, "busy": 0}


def docx_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 1024 * 1024) + b"</w:document>")
    return buffer.getvalue()


DOCX_BOMB = docx_bomb()
BUSY: dict[str, float] = {}


class Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.do_GET(head=True)

    def do_GET(self, head=False):
        path = self.path
        if path == "/":
            self.reply(200, HOME.encode(), head=head)
        elif path in ("/huge.html", "/huge.pdf"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html" if path.endswith("html") else "application/pdf")
            self.send_header("Content-Length", str(300 * 1024 * 1024))
            self.end_headers()
            try:
                for _ in range(300 * 16):
                    self.wfile.write(b"<p>" + b"x" * 65530 + b"</p>")
            except OSError:
                return
        elif path == "/trickle.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(100000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                return
        elif path == "/garbage.html":
            self.reply(200, os.urandom(200000), head=head)
        elif path == "/nul.html":
            self.reply(200, "<html><body>\x00\x00<p>\x00正文</p>".encode() + b"<div>" * 5000 + b"</body></html>", head=head)
        elif path.startswith("/chain/"):
            step = int(path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/chain/{step + 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path.startswith("/calendar"):  # an endless calendar: every month links the one before
            COUNTS["calendar"] += 1
            year, month = map(int, parse_qs(urlsplit(path).query)["date"][0].split("-"))
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
            self.reply(200, f'<html><body><a href="/calendar?date={year}-{month:02d}">上月</a></body></html>'.encode(),
                       head=head)
        elif path.startswith("/list.jsp"):  # a new session id in every link: the same page under endless names
            COUNTS["session"] += 1
            token = os.urandom(4).hex()
            self.reply(200, f'<html><body><a href="/list.jsp;jsessionid={token}">列表</a></body></html>'.encode(),
                       head=head)
        elif path.startswith("/grow"):  # the query string grows with every link
            COUNTS["grow"] += 1
            query = parse_qs(urlsplit(path).query)["q"][0]
            self.reply(200, f'<html><body><a href="/grow?q={query}a{query}">下一页</a></body></html>'.encode(),
                       head=head)
        elif path.startswith("/x/"):  # a relative link resolved against itself: /x/y/x/y/x/y/…
            COUNTS["repeat"] += 1
            self.reply(200, b'<html><body><a href="x/y/">\xe7\xbb\xa7\xe7\xbb\xad</a></body></html>', head=head)
        elif path == "/gzbomb.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(GZIP_BOMB)))
            self.end_headers()
            if not head:
                self.wfile.write(GZIP_BOMB)
        elif path == "/files/bomb.docx":
            self.send_response(200)
            self.send_header("Content-Type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            self.send_header("Content-Length", str(len(DOCX_BOMB)))
            self.end_headers()
            if not head:
                self.wfile.write(DOCX_BOMB)
        elif path == "/busy.html":  # 429 with Retry-After: answered after the wait
            COUNTS["busy"] += 1
            if COUNTS["busy"] == 1:
                self.send_response(429)
                self.send_header("Retry-After", "2")
                self.send_header("Content-Length", "0")
                self.end_headers()
                BUSY["first"] = time.monotonic()
            else:
                BUSY["second"] = time.monotonic()
                self.reply(200, "<html><body><p>2026-11-18 正文</p></body></html>".encode(), head=head)
        elif path == "/waf.html":  # a government WAF: 521 and a JS challenge, always
            self.reply(521, b"<html><script>document.cookie='__jsl_clearance=1';location.href=location.href"
                            b"</script></html>", head=head)
        elif path == "/reset.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "50000")
            self.end_headers()
            self.wfile.write(b"<html><body>half")
            self.wfile.flush()
            self.connection.shutdown(2)
        else:
            self.reply(404, b"not found", head=head)

    def reply(self, status, body, head=False):
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)


def test_hostile_server_is_bounded_and_recorded(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    home = f"http://127.0.0.1:{server.server_address[1]}/"
    config = tmp_path / "zwgk.toml"
    config.write_text(f'[[site]]\nid = "hostile"\nhome = "{home}"\n[crawl]\ntimeout = 5\nmax_download_mb = 1\n', "utf-8")
    started = time.monotonic()
    result, peak_mb = run_zwgk_measured("crawl", str(config), "--db", str(tmp_path / "h.db"), "--as-of", AS_OF,
                                        timeout=120)
    elapsed = time.monotonic() - started
    server.shutdown()
    assert result.returncode == 0, result.stderr
    assert elapsed < 60  # two 5 s timeouts and retries at most, not the 27 h the trickle would take
    assert peak_mb < 1024  # the largest process of the crawl, content checks included
    print(f"\nhostile crawl: {elapsed:.1f} s, largest process {peak_mb:.0f} MB, trap requests {COUNTS}")
    conn = sqlite3.connect(tmp_path / "h.db")
    outcome = {url.replace(home, "/"): (kind, error) for url, kind, error in
               conn.execute("select url, outcome, error from targets")}
    assert outcome["/huge.html"][0] == "ok" and "下载上限" in outcome["/huge.html"][1]
    assert outcome["/huge.pdf"][0] == "ok"
    assert outcome["/trickle.html"] == ("dead", "访问超时")
    assert outcome["/chain/0"] == ("dead", "重定向循环或次数过多")
    assert outcome["/reset.html"][0] == "dead"
    assert outcome["/garbage.html"][0] == "ok" and outcome["/nul.html"][0] == "ok"
    codes = {(code, url.replace(home, "/")) for code, url in conn.execute("select check_code, url from findings")}
    assert ("crawl_notice", "/huge.html") in codes
    assert not {url for code, url in codes if code == "dead_link"} & {"/huge.html", "/huge.pdf", "/garbage.html",
                                                                      "/gzbomb.html", "/waf.html", "/busy.html"}
    # traps: stopped within a few requests each, and each named once in a notice
    assert COUNTS["calendar"] <= 60 and COUNTS["session"] <= 2 and COUNTS["grow"] <= 12 and COUNTS["repeat"] <= 4
    traps = [detail for reason, detail in conn.execute("select reason, detail from notices") if reason == "trap"]
    assert any(("日历翻页" in t or "一页接一页" in t) and "/calendar?date=…" in t for t in traps)
    assert any("网址越来越长" in t and "/grow?q=…" in t for t in traps)
    assert any("路径不断重复" in t for t in traps)
    assert len(traps) == 3
    # bombs: cut before they inflate, recorded, no memory blow-up (bound asserted above)
    assert outcome["/gzbomb.html"][0] in ("ok", "dead") and "/gzbomb.html" not in {
        url.replace(home, "/") for (url,) in conn.execute("select url from pages")}
    unreadable = dict(conn.execute("select url, detail from notices where reason = 'unreadable'"))
    assert "压缩炸弹" in unreadable[home + "files/bomb.docx"]
    # Retry-After honoured: asked again after the 2 s the server named, then read
    assert COUNTS["busy"] == 2 and BUSY["second"] - BUSY["first"] >= 1.9
    assert outcome["/busy.html"][0] == "ok"
    # a WAF answer is "blocked" with the User-Agent to whitelist, never a dead link
    assert outcome["/waf.html"][0] == "blocked"
    blocked = dict(conn.execute("select url, detail from notices where reason = 'blocked'"))
    assert "User-Agent" in blocked[home + "waf.html"]


def _mount_tmpfs(folder, size: str) -> bool:
    import subprocess

    folder.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


def test_full_disk_is_one_clear_error_and_the_run_resumes(fixture_server, tmp_path):
    import shutil
    import subprocess

    import pytest

    disk = tmp_path / "tiny"
    if not _mount_tmpfs(disk, "900k"):
        pytest.skip("cannot mount a small tmpfs here")
    try:
        config = tmp_path / "zwgk.toml"
        config.write_text(fixture_server.config_toml() + "\n[crawl]\ntimeout = 8\n", "utf-8")
        result = run_zwgk("crawl", str(config), "--db", str(disk / "z.db"), "--as-of", AS_OF)
        assert result.returncode == 1
        assert "磁盘已满" in result.stderr and "Traceback" not in result.stderr
        conn = sqlite3.connect(disk / "z.db")
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        stored = conn.execute("select count(*) from pages").fetchone()[0]
        assert stored > 0  # the disk filled mid-crawl, not before it started
        conn.close()
        bigger = tmp_path / "big"
        bigger.mkdir()
        for name in ("z.db", "z.db-wal", "z.db-shm"):
            if (disk / name).exists():
                shutil.copy(disk / name, bigger / name)
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)
    resumed = run_zwgk("crawl", str(config), "--db", str(bigger / "z.db"), "--as-of", AS_OF)
    assert resumed.returncode == 0, resumed.stderr
    conn = sqlite3.connect(bigger / "z.db")
    assert conn.execute("select count(*) from runs").fetchone()[0] == 1  # the same run, resumed
    assert conn.execute("select status from runs").fetchone()[0] == "done"
    assert conn.execute("select count(*) from pages").fetchone()[0] > stored


def test_read_only_database_is_one_clear_error(tmp_path):
    import subprocess

    import pytest

    db = tmp_path / "z.db"
    sqlite3.connect(db).execute("create table t (x)").connection.close()
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode:
        pytest.skip("chattr +i is not supported here")
    try:
        result = run_zwgk("check", "--db", str(db))
    finally:
        subprocess.run(["chattr", "-i", str(db)], capture_output=True)
    assert result.returncode == 1 and "只读" in result.stderr and "Traceback" not in result.stderr
