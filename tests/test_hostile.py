"""Hostile and broken servers are data, not failures: each case ends bounded and recorded."""

from __future__ import annotations

import os
import resource
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.conftest import AS_OF, run_zwgk

HOME = """<html><head><meta charset="utf-8"><title>测试县人民政府</title></head><body>
<a href="/huge.html">超大页面</a> <a href="/huge.pdf">超大附件</a> <a href="/trickle.html">逐字节返回</a>
<a href="/garbage.html">二进制乱码</a> <a href="/nul.html">含空字符</a> <a href="/chain/0">长重定向链</a>
<a href="/reset.html">中途断开</a></body></html>"""


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
    result = run_zwgk("crawl", str(config), "--db", str(tmp_path / "h.db"), "--as-of", AS_OF, timeout=120)
    elapsed = time.monotonic() - started
    server.shutdown()
    assert result.returncode == 0, result.stderr
    assert elapsed < 60  # two 5 s timeouts and retries at most, not the 27 h the trickle would take
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 1024 * 1024  # KB: under 1 GB
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
    assert not {url for code, url in codes if code == "dead_link"} & {"/huge.html", "/huge.pdf", "/garbage.html"}


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
    if not _mount_tmpfs(disk, "600k"):
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
