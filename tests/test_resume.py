"""A crawl killed half-way (SIGKILL) and started again finishes the same run with the same findings."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from tests.conftest import AS_OF, ROOT, run_zwgk


def fingerprints(db: str) -> set[str]:
    conn = sqlite3.connect(db)
    run = conn.execute("select max(id) from runs").fetchone()[0]
    rows = {row[0] for row in conn.execute("select fingerprint from findings where run_id = ?", [run])}
    conn.close()
    return rows


def test_sigkill_then_resume_gives_the_uninterrupted_findings(demo_crawl, tmp_path):
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "zwgk", "crawl", demo_crawl["config"], "--db", str(db), "--as-of", AS_OF]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # kill once some pages are stored, well before the end
        time.sleep(0.2)
        if db.exists():
            try:
                conn = sqlite3.connect(db)
                stored = conn.execute("select count(*) from pages").fetchone()[0]
                conn.close()
            except sqlite3.OperationalError:
                continue
            if stored >= 20:
                break
    child.send_signal(signal.SIGKILL)
    child.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("select status from runs").fetchall() == [("running",)]
    assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    conn.close()

    resumed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("select id, status from runs").fetchall() == [(1, "done")]
    conn.close()
    assert fingerprints(str(db)) == fingerprints(demo_crawl["db"])


def test_reports_and_checks_read_while_a_crawl_writes(tmp_path):
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT
    from zwgk.fixtures import FixtureServer

    root = tmp_path / "sites"
    (root / "slow").mkdir(parents=True)
    links = "".join(f'<li><a href="/p{n}.html">通知{n}</a><span>2026-11-1{n}</span></li>' for n in range(6))
    (root / "slow" / "index.html").write_text(f'<html><head><meta charset="utf-8"><title>慢站</title></head>'
                                              f'<body><ul>{links}</ul></body></html>', "utf-8")
    routes = "".join(f'["/p{n}.html"]\ndelay = 4\nfile = "index.html"\n' for n in range(6))
    (root / "slow" / "_routes.toml").write_text(routes, "utf-8")
    server = FixtureServer(root).start()
    config = tmp_path / "zwgk.toml"
    config.write_text(server.config_toml(), "utf-8")
    db = tmp_path / "z.db"
    crawl = subprocess.Popen([sys.executable, "-m", "zwgk", "crawl", str(config), "--db", str(db), "--as-of", AS_OF],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            if db.exists() and sqlite3.connect(db).execute(
                    "select count(*) from sqlite_master where name = 'pages'").fetchone()[0]:
                if sqlite3.connect(db).execute("select count(*) from pages").fetchone()[0]:
                    break
            time.sleep(0.1)
        assert crawl.poll() is None  # still crawling the slow pages
        reading = run_zwgk("report", "--db", str(db), "--format", "json", "--out", str(tmp_path / "r.json"))
        assert reading.returncode == 0, reading.stderr
        assert crawl.poll() is None
        assert crawl.wait(timeout=120) == 0, crawl.stderr.read()
    finally:
        if crawl.poll() is None:
            crawl.kill()
        server.stop()
    assert sqlite3.connect(db).execute("select status from runs").fetchone()[0] == "done"
