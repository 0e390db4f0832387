"""A crawl killed half-way (SIGKILL) and started again finishes the same run with the same findings."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from tests.conftest import AS_OF, ROOT


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
