"""Distributed crawl on scrapy-redis: a real redis-server on a free port, real `zwgk worker` processes.

The same fixture sites crawled by one process (the shared `demo_crawl`) and by a coordinator
with workers must give the same findings, the same pages and the same links; a worker killed
with SIGKILL half-way, replaced by another, must lose nothing.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import AS_OF, ROOT, ZWGK, run_zwgk
from zwgk.fixtures import free_port


@pytest.fixture
def redis_url(tmp_path):
    binary = shutil.which("redis-server")
    assert binary, "redis-server is missing: scripts/install-system.sh installs Debian's redis-server"
    port = free_port()
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                               "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    import redis

    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(10)


def start_worker(redis_url: str, log) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([*ZWGK, "worker", "--redis", redis_url], cwd=ROOT, env=env, stdout=log, stderr=log,
                            start_new_session=True)


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
        process.wait(20)


def rows(db: str, sql: str) -> set:
    with sqlite3.connect(db) as conn:
        return set(conn.execute(sql))


FINDINGS = "select site, check_code, severity, url, fingerprint from findings"


def test_two_workers_give_the_findings_of_one_process(demo_crawl, redis_url, tmp_path):
    log = open(tmp_path / "workers.log", "w")
    workers = [start_worker(redis_url, log) for _ in range(2)]
    try:
        db = str(tmp_path / "distributed.db")
        result = run_zwgk("crawl", demo_crawl["config"], "--db", db, "--as-of", AS_OF, "--redis", redis_url)
        assert result.returncode == 0, result.stdout + result.stderr
    finally:
        for worker in workers:
            stop(worker)
    one = demo_crawl["db"]
    assert rows(db, FINDINGS) == rows(one, "select site, check_code, severity, url, fingerprint from findings "
                                           "where run_id = 1")
    assert len(rows(db, FINDINGS)) > 30
    for table, key in (("pages", "url, role"), ("links", "site, source_url, target_url"), ("texts", "url"),
                       ("targets", "url, outcome"), ("columns", "site, url, kind"), ("entries", "list_url, url")):
        assert rows(db, f"select {key} from {table}") == rows(one, f"select {key} from {table} where run_id = 1"), table
    # both workers took part: each sent bundles (their stderr says nothing but the wait line)
    assert "意外错误" not in (tmp_path / "workers.log").read_text()


def test_a_killed_worker_loses_nothing(demo_crawl, redis_url, tmp_path):
    log = open(tmp_path / "workers.log", "w")
    first = start_worker(redis_url, log)
    db = str(tmp_path / "distributed.db")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    crawl = subprocess.Popen([*ZWGK, "crawl", demo_crawl["config"], "--db", db, "--as-of", AS_OF, "--redis", redis_url],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = None
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # kill it half-way: some pages stored, most not
            if os.path.exists(db):
                try:
                    with sqlite3.connect(db, timeout=5) as conn:
                        if conn.execute("select count(*) from pages").fetchone()[0] >= 10:
                            break
                except sqlite3.OperationalError:
                    pass
            time.sleep(0.1)
        stop(first, signal.SIGKILL)
        assert crawl.poll() is None  # the crawl was not over: the killed worker held requests
        with sqlite3.connect(db, timeout=5) as conn:
            done_when_killed = conn.execute("select count(*) from targets").fetchone()[0]
        with sqlite3.connect(demo_crawl["db"]) as conn:
            assert done_when_killed < conn.execute("select count(*) from targets where run_id = 1").fetchone()[0]
        second = start_worker(redis_url, log)
        out, err = crawl.communicate(timeout=240)
        assert crawl.returncode == 0, out + err
    finally:
        stop(first, signal.SIGKILL)
        if second:
            stop(second)
        if crawl.poll() is None:
            crawl.kill()
    one = demo_crawl["db"]
    assert rows(db, FINDINGS) == rows(one, FINDINGS + " where run_id = 1")
    assert rows(db, "select url from pages") == rows(one, "select url from pages where run_id = 1")
    with sqlite3.connect(db) as conn:  # nothing doubled
        assert conn.execute("select count(*) from (select source_url, target_url, count(*) c from links "
                            "group by source_url, target_url, text having c > 1)").fetchone()[0] == \
            sqlite3.connect(one).execute("select count(*) from (select source_url, target_url, count(*) c from links "
                                         "where run_id = 1 group by source_url, target_url, text having c > 1)"
                                         ).fetchone()[0]


def test_without_redis_the_crawl_says_so(demo_crawl, tmp_path):
    port = free_port()
    result = run_zwgk("crawl", demo_crawl["config"], "--db", str(tmp_path / "x.db"), "--redis",
                      f"redis://127.0.0.1:{port}/0")
    assert result.returncode == 2
    assert "无法连接 Redis" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_worker_help_is_chinese():
    result = subprocess.run([sys.executable, "-m", "zwgk", "worker", "--help"], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0 and "--processes" in result.stdout and "工作进程" in result.stdout


def test_a_killed_coordinator_resumes_with_the_same_command(demo_crawl, redis_url, tmp_path):
    log = open(tmp_path / "workers.log", "w")
    workers = [start_worker(redis_url, log) for _ in range(2)]
    db = str(tmp_path / "distributed.db")
    command = [*ZWGK, "crawl", demo_crawl["config"], "--db", db, "--as-of", AS_OF, "--redis", redis_url]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        first = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and first.poll() is None:
            try:
                with sqlite3.connect(db, timeout=5) as conn:
                    if conn.execute("select count(*) from pages").fetchone()[0] >= 10:
                        break
            except sqlite3.OperationalError:
                pass
            time.sleep(0.1)
        first.kill()
        first.wait(10)
        with sqlite3.connect(db) as conn:
            assert conn.execute("select status from runs").fetchall() == [("running",)]
        again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
        assert again.returncode == 0, again.stdout + again.stderr
    finally:
        for worker in workers:
            stop(worker)
    assert rows(db, FINDINGS) == rows(demo_crawl["db"], FINDINGS + " where run_id = 1")
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*), min(status) from runs").fetchone() == (1, "done")
