#!/usr/bin/env python3
"""A simulated province for zwgk: many small government sites on one nginx, crawled night after night.

    .venv/bin/python benchmarks/province.py [--sites 1000] [--pages 60] [--only full-1p,incr-1p,full-redis]
                                            [--dir /tmp/zwgk-province] [--keep] [--out FILE]

1. generates N sites of about --pages HTML pages each, and the outside hosts they share, with
   `province_sites.py` into DIR/sites/<address>/ (kept and reused with --keep);
2. serves all of them with ONE Debian nginx: every site on its own loopback address
   (127.1.A.B:PORT), the shared outside hosts on 127.2.0.x, with an access log that records
   address, status, body bytes and bytes sent of every request (ETag, Last-Modified and 304s on);
3. runs these nights, each in fresh processes, and measures wall time, pages stored
   (`pages` of that run), pages/s, the requests and bytes nginx served during the night (by status),
   findings by check_code (`findings` of that run, compared with the problems planted in the sites)
   and the peak RSS of every process (psutil, every 0.2 s, whole process trees):
     full-1p     zwgk crawl province.toml --db A.db --as-of 2026-11-20          (first night)
     incr-1p     the same command again: the next night, same DB, unchanged sites
     full-redis  redis-server + 2 × `zwgk worker --redis URL`, then
                 zwgk crawl province.toml --db B.db --as-of 2026-11-20 --redis URL;
                 its findings are compared with A's first run;
4. prints a Markdown table, ratios and an extrapolation to 2,000,000 pages, and writes --out (JSON).

A night whose command fails is reported (exit status, last lines of stderr) and the others still
run. Everything this script starts (nginx, redis, workers, crawls) is stopped on exit, on Ctrl-C
and on errors. Nothing here touches anything but 127.x addresses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import province_sites
from run import (
    NGINX,
    OUT,
    ROOT,
    ZWGK,
    ensure_nginx,
    fmt,
    free_port,
    scrapy_elapsed,
    tail,
)

REDIS = Path("/usr/bin/redis-server")
NIGHTS = ("full-1p", "incr-1p", "full-redis")
AS_OF = province_sites.AS_OF.isoformat()
SAMPLE_EVERY = 0.2
WORKERLESS_GRACE = 30  # seconds a distributed crawl may go on after its last worker exited
TARGET_PAGES = 2_000_000  # the extrapolation: a province of ~1,000 sites of a few hundred pages
LOG_FORMAT = ('$msec $server_addr $status $body_bytes_sent $bytes_sent $request_length "$request" '
              '"$http_if_none_match" "$http_if_modified_since"')
LOG_LINE = re.compile(r'^(\S+) (\S+) (\d+) (\d+) (\d+) (\d+) "([^"]*)" "([^"]*)" "([^"]*)"$')


def log(msg: str) -> None:
    print(f"[province {time.strftime('%H:%M:%S')}] {msg}", flush=True)


# --- processes we start ----------------------------------------------------------------------

class Children:
    """Every process this script starts, each in its own session; all stopped by stop_all()."""

    def __init__(self):
        self.procs: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, cmd: list, stdout: Path | None, stderr: Path, cwd: Path | None = None
              ) -> subprocess.Popen:
        """Start cmd in its own session, its output into the files (stdout None: discarded)."""
        with open(stderr, "wb") as err, open(stdout or os.devnull, "wb") as out:
            proc = subprocess.Popen([str(c) for c in cmd], stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                    cwd=cwd, start_new_session=True)
        self.procs.append((name, proc))
        return proc

    @staticmethod
    def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM, grace: float = 10) -> None:
        """Signal the process group, wait, then SIGKILL what is left of it."""
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, sig)
                proc.wait(grace)
            except ProcessLookupError:
                pass
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # leftovers of the session, if any
        except (ProcessLookupError, PermissionError):
            pass
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            pass

    def stop_all(self) -> None:
        for name, proc in reversed(self.procs):
            if proc.poll() is None:
                log(f"stopping {name} (pid {proc.pid})")
            self.stop(proc, signal.SIGQUIT if name == "nginx" else signal.SIGTERM, grace=5)
        self.procs.clear()


def raise_fd_limit() -> int:
    """Children inherit it: one crawl holds sockets to hundreds of sites, nginx 1,000+ listeners."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    for want in (65536, hard):
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, want), max(hard, want)))
            break
        except (ValueError, OSError):
            continue
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


# --- measuring process trees ----------------------------------------------------------------

class Monitor:
    """Polls psutil every 0.2 s over the process trees of the labelled roots: the peak RSS of every
    process seen, and the peak of the sum over all of them."""

    def __init__(self):
        self.roots: dict[str, int] = {}
        self.procs: dict[int, dict] = {}
        self.peak_sum = 0
        self.peak_count = 0
        self.samples = 0
        self.series: list[tuple[float, int]] = []  # (time, RSS sum) of every sample
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._lock = threading.Lock()

    def add(self, label: str, pid: int) -> None:
        with self._lock:
            self.roots[label] = pid

    def start(self) -> Monitor:
        self._thread.start()
        return self

    def stop(self) -> dict:
        self._stop.set()
        self._thread.join()
        return self.report()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(SAMPLE_EVERY)

    def sample(self) -> None:
        with self._lock:
            roots = list(self.roots.items())
        total = count = 0
        seen: set[int] = set()
        for label, pid in roots:
            try:
                root = psutil.Process(pid)
                tree = [root, *root.children(recursive=True)]
            except psutil.Error:
                continue
            for proc in tree:
                if proc.pid in seen:
                    continue
                seen.add(proc.pid)
                try:
                    with proc.oneshot():
                        rss = proc.memory_info().rss
                        cpu = proc.cpu_times()
                        name = proc.name()
                        cmd = proc.cmdline()
                except psutil.Error:
                    continue
                row = self.procs.get(proc.pid)
                if row is None:
                    short = " ".join(Path(cmd[0]).name if i == 0 else c for i, c in enumerate(cmd[:3])) if cmd else name
                    row = self.procs[proc.pid] = {
                        "label": label if proc.pid == pid else f"{label}>{name}", "pid": proc.pid,
                        "cmd": short[:80], "max_rss": 0, "cpu_s": 0.0}
                row["max_rss"] = max(row["max_rss"], rss)
                row["cpu_s"] = round(cpu.user + cpu.system, 2)
                total += rss
                count += 1
        self.samples += 1
        self.series.append((time.time(), total))
        self.peak_sum = max(self.peak_sum, total)
        self.peak_count = max(self.peak_count, count)

    def peak_between(self, start: float, end: float) -> float | None:
        values = [total for at, total in self.series if start <= at <= end]
        return round(max(values) / 2**20, 1) if values else None

    def report(self) -> dict:
        procs = sorted(self.procs.values(), key=lambda r: -r["max_rss"])
        return {
            "peak_rss_sum_mb": round(self.peak_sum / 2**20, 1),
            "max_process_rss_mb": round(procs[0]["max_rss"] / 2**20, 1) if procs else None,
            "max_process": procs[0]["label"] if procs else None,
            "max_procs": self.peak_count,
            "samples": self.samples,
            "processes": [{"label": r["label"], "pid": r["pid"], "cmd": r["cmd"],
                           "max_rss_mb": round(r["max_rss"] / 2**20, 1), "cpu_s": r["cpu_s"]} for r in procs],
        }


# --- the generated province -----------------------------------------------------------------

def port_free(port: int, addrs: list[str]) -> bool:
    for addr in addrs:
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind((addr, port))
            except OSError:
                return False
    return True


def ensure_province(work: Path, sites: int, pages: int, seed: int, port: int) -> dict:
    mf = work / "manifest.json"
    probe = [province_sites.site_addr(0), province_sites.GOV, "127.0.0.1"]
    if mf.exists():
        manifest = json.loads(mf.read_text("utf-8"))
        same = all(manifest.get(k) == v for k, v in (("sites", sites), ("pages", pages), ("seed", seed),
                                                     ("generator_version", province_sites.GENERATOR_VERSION)))
        if same and port_free(manifest["port"], probe):
            log(f"province present: {work} ({sites} sites × ~{pages} pages, port {manifest['port']})")
            return manifest
    if not port_free(port, probe):
        old, port = port, free_port()
        log(f"port {old} is taken: using {port}")
    log(f"generating {sites} sites × ~{pages} pages into {work} ...")
    t = time.monotonic()
    manifest = province_sites.generate(work, sites, pages, seed, port)
    log(f"generated in {time.monotonic() - t:.1f} s: {manifest['html_pages']} HTML pages on {manifest['sites_up']} "
        f"sites ({manifest['sites_down']} down, {manifest['gbk_sites']} GBK), {manifest['files']} files, "
        f"{manifest['bytes'] / 2**20:.0f} MB")
    return manifest


# --- nginx -----------------------------------------------------------------------------------

class ProvinceServer:
    """One nginx for every site: a listen line per address, root by $server_addr, an access log."""

    def __init__(self, work: Path, manifest: dict, children: Children):
        self.work = work
        self.manifest = manifest
        self.children = children
        self.prefix = work / "nginx"
        self.port = manifest["port"]
        self.addrs = [s["addr"] for s in manifest["site_list"] if not s["down"]] + [
            manifest["outside_hosts"][k] for k in ("gov", "portal", "viewer")]
        self.outside = set(manifest["outside_hosts"].values())
        self.access_log = self.prefix / "access.log"
        self.proc: subprocess.Popen | None = None

    def conf(self) -> str:
        info = subprocess.run([str(NGINX), "-V"], capture_output=True, text=True, check=False).stderr
        temps = []
        for kind, directive in (("client-body", "client_body_temp_path"), ("proxy", "proxy_temp_path"),
                                ("fastcgi", "fastcgi_temp_path"), ("uwsgi", "uwsgi_temp_path"),
                                ("scgi", "scgi_temp_path")):
            if kind == "client-body" or f"--http-{kind}-temp-path" in info:
                (self.prefix / "tmp" / kind).mkdir(parents=True, exist_ok=True)
                temps.append(f"    {directive} {self.prefix}/tmp/{kind};")
        mime = Path("/etc/nginx/mime.types")
        types = (f"    include {mime};" if mime.exists() else
                 "    types { text/html html htm; text/css css; image/png png; application/pdf pdf; }")
        listens = "\n".join(f"        listen {addr}:{self.port};" for addr in self.addrs)
        # every listening socket takes a connection slot in each worker
        connections = 4096 + len(self.addrs)
        temp_lines = "\n".join(temps)
        return f"""# generated by benchmarks/province.py
daemon off;
master_process on;
worker_processes 2;
worker_rlimit_nofile 65536;
pid {self.prefix}/nginx.pid;
error_log {self.prefix}/error.log warn;
events {{ worker_connections {connections}; }}
http {{
{types}
    default_type application/octet-stream;
    log_format province '{LOG_FORMAT}';
    access_log {self.access_log} province;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 15;
    keepalive_requests 100000;
    open_file_cache max=4000 inactive=20s;  # cached descriptors count against the 20,000-file limit
    log_not_found off;  # the sites have dead links on purpose
    server_tokens off;
{temp_lines}
    # static files: ETag and Last-Modified are sent, If-None-Match / If-Modified-Since answered with 304
    server {{
{listens}
        server_name _;
        root {self.work}/sites/$server_addr;
        index index.html;
    }}
}}
"""

    def start(self) -> ProvinceServer:
        ensure_nginx()
        shutil.rmtree(self.prefix, ignore_errors=True)
        self.prefix.mkdir(parents=True)
        conf = self.prefix / "nginx.conf"
        conf.write_text(self.conf())
        self.proc = self.children.start(
            "nginx", [NGINX, "-e", self.prefix / "error.log", "-p", self.prefix, "-c", conf],
            stdout=None, stderr=self.prefix / "stderr.log")
        sites = [a for a in self.addrs if a not in self.outside]
        first, last = sites[0], sites[-1]
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"nginx exited ({self.proc.returncode}):\n{tail(self.prefix / 'stderr.log')}\n"
                                 f"{tail(self.prefix / 'error.log')}")
            if all(self._answers(addr) for addr in (first, last, province_sites.GOV)):
                break
            time.sleep(0.2)
        else:
            raise SystemExit(f"nginx did not answer on {first} and {last} within 20 s")
        log(f"nginx (pid {self.proc.pid}) serving {len(self.addrs)} addresses on port {self.port} "
            f"(sites {first} … {last}, outside hosts {', '.join(sorted(self.outside - {province_sites.NOWHERE}))})")
        self.conditional_check(first)
        return self

    def _answers(self, addr: str) -> bool:
        try:
            with urllib.request.urlopen(f"http://{addr}:{self.port}/", timeout=1) as response:
                return response.status == 200
        except OSError:
            return False

    def conditional_check(self, addr: str) -> None:
        """nginx must answer a repeated request with 304, as the incremental night expects."""
        url = f"http://{addr}:{self.port}/"
        with urllib.request.urlopen(url, timeout=5) as response:
            etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers={"If-None-Match": etag}), timeout=5) as r:
                status = r.status
        except urllib.error.HTTPError as error:
            status = error.code
        if status != 304:
            raise SystemExit(f"nginx answered a conditional GET of {url} with {status}, not 304")
        log(f"conditional requests work: ETag {etag}, Last-Modified {modified} → 304")

    def log_size(self) -> int:
        return self.access_log.stat().st_size if self.access_log.exists() else 0

    def cpu(self) -> float:
        try:
            master = psutil.Process(self.proc.pid)
            return sum(p.cpu_times().user + p.cpu_times().system for p in [master, *master.children()])
        except psutil.Error:
            return 0.0

    def traffic(self, offset: int) -> dict:
        """Requests and bytes logged since `offset`, split by status and by site / outside host."""
        status, status_bytes, methods = Counter(), Counter(), Counter()
        per_outside: Counter = Counter()
        site_addrs: set[str] = set()
        out = {"requests": 0, "bytes_sent": 0, "body_bytes": 0, "conditional": 0, "outside_requests": 0,
               "outside_bytes": 0, "unparsed": 0, "first_at": None, "last_at": None}
        with open(self.access_log, "rb") as f:
            f.seek(offset)
            for raw in f:
                match = LOG_LINE.match(raw.decode("utf-8", "replace").rstrip("\n"))
                if not match:
                    out["unparsed"] += 1
                    continue
                at, addr, code, body, sent, _, request, inm, ims = match.groups()
                sent, body = int(sent), int(body)
                out["first_at"] = out["first_at"] or float(at)
                out["last_at"] = float(at)
                out["requests"] += 1
                out["bytes_sent"] += sent
                out["body_bytes"] += body
                status[code] += 1
                status_bytes[code] += sent
                method, _, rest = request.partition(" ")
                methods[method] += 1
                if inm != "-" or ims != "-":
                    out["conditional"] += 1
                if addr in self.outside:
                    out["outside_requests"] += 1
                    out["outside_bytes"] += sent
                    per_outside[f"{addr}{rest.rsplit(' ', 1)[0]}"] += 1
                else:
                    site_addrs.add(addr)
        out["by_status"] = dict(sorted(status.items()))
        out["bytes_by_status"] = dict(sorted(status_bytes.items()))
        out["methods"] = dict(methods.most_common())
        out["sites_requested"] = len(site_addrs)
        shared = {url: n for url, n in per_outside.items() if "viewer.html?file=" not in url}
        out["outside"] = {
            "distinct_urls": len(per_outside),
            "max_requests_per_url": max(per_outside.values(), default=0),
            "urls_requested_more_than_twice": sum(1 for n in per_outside.values() if n > 2),
            "shared_urls": dict(sorted(shared.items(), key=lambda kv: -kv[1])[:12]),
        }
        return out

    def stop(self) -> None:
        if self.proc:
            Children.stop(self.proc, signal.SIGQUIT)


# --- reading a run from the zwgk database ----------------------------------------------------

def connect(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)


def max_run_id(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = connect(db)
        try:
            return con.execute("select coalesce(max(id), 0) from runs").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def first_done_run(db: Path) -> int | None:
    if not db.exists():
        return None
    con = connect(db)
    try:
        row = con.execute("select min(id) from runs where command = 'crawl' and status = 'done'").fetchone()
        return row[0] if row else None
    except sqlite3.Error:
        return None
    finally:
        con.close()


def run_stats(db: Path, before: int) -> dict:
    con = connect(db)
    try:
        row = con.execute("select id, status, as_of, started, finished from runs order by id desc limit 1").fetchone()
        if not row:
            return {"db_error": "no run in the database"}
        run_id = row[0]
        out = {"run_id": run_id, "run_status": row[1], "new_run": run_id > before}
        out["pages"] = con.execute("select count(*) from pages where run_id = ?", [run_id]).fetchone()[0]
        out["sites_with_pages"] = con.execute(
            "select count(distinct site) from pages where run_id = ?", [run_id]).fetchone()[0]
        out["targets"] = con.execute("select count(*) from targets where run_id = ?", [run_id]).fetchone()[0]
        out["findings"] = dict(con.execute(
            "select check_code, count(*) from findings where run_id = ? group by check_code order by check_code",
            [run_id]).fetchall())
        out["findings_by_severity"] = dict(con.execute(
            "select severity, count(*) from findings where run_id = ? group by severity", [run_id]).fetchall())
        out["findings_total"] = sum(out["findings"].values())
        out["sites_with_findings"] = con.execute(
            "select count(distinct site) from findings where run_id = ? and severity != 'notice'", [run_id]).fetchone()[0]
        return out
    finally:
        con.close()


def run_findings(db: Path, run_id: int) -> list[tuple[str, str, str, str, str, str]]:
    con = connect(db)
    try:
        return con.execute("select site, check_code, url, fingerprint, severity, detail from findings "
                           "where run_id = ?", [run_id]).fetchall()
    finally:
        con.close()


def compare_expected(rows, manifest: dict) -> dict:
    """Findings of a run against the problems planted in the sites, per check_code (key: site, code, url)."""
    expected = Counter((s["id"], code, url) for s in manifest["site_list"] for code, url in s["expected"])
    found = Counter((site, code, url) for site, code, url, *_ in rows)
    details = {(site, code, url): (severity, detail) for site, code, url, _, severity, detail in rows}
    by_code: dict[str, dict] = {}
    for code in sorted({k[1] for k in expected} | {k[1] for k in found}):
        exp = Counter({k: n for k, n in expected.items() if k[1] == code})
        got = Counter({k: n for k, n in found.items() if k[1] == code})
        matched = exp & got
        missing, extra = exp - matched, got - matched
        by_code[code] = {
            "expected": sum(exp.values()), "found": sum(got.values()), "matched": sum(matched.values()),
            "missing": sum(missing.values()), "unexpected": sum(extra.values()),
            "sites_unexpected": len({k[0] for k in extra}),
            "missing_examples": [f"{s} {u}" for s, _, u in sorted(missing)[:4]],
            "unexpected_examples": [f"{s} {u} — {details[(s, c, u)][1][:90]}" for s, c, u in sorted(extra)[:4]],
        }
    return by_code


def fingerprint_diff(db_a: Path, run_a: int, db_b: Path, run_b: int) -> dict:
    a = {(site, code, fp) for site, code, _, fp, *_ in run_findings(db_a, run_a)}
    b = {(site, code, fp) for site, code, _, fp, *_ in run_findings(db_b, run_b)}
    only_a, only_b = sorted(a - b), sorted(b - a)
    return {"equal": a == b, "a": len(a), "b": len(b), "only_in_a": len(only_a), "only_in_b": len(only_b),
            "only_in_a_by_code": dict(Counter(c for _, c, _ in only_a)),
            "only_in_b_by_code": dict(Counter(c for _, c, _ in only_b)),
            "only_in_a_examples": [" ".join(k) for k in only_a[:6]],
            "only_in_b_examples": [" ".join(k) for k in only_b[:6]]}


# --- nights ----------------------------------------------------------------------------------

def remove_db(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def wait_redis(port: int, proc: subprocess.Popen, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def failure(res: dict, what: str, proc: subprocess.Popen, stderr: Path) -> None:
    res.setdefault("error", f"{what} exited with status {proc.returncode}")
    res.setdefault("stderr_tail", tail(stderr, 12))
    log(f"{res['night']}: ERROR: {res['error']}; last stderr lines:\n{res['stderr_tail']}")


def run_night(name: str, ctx: dict) -> dict:
    work, server, children, manifest = ctx["work"], ctx["server"], ctx["children"], ctx["manifest"]
    night_dir = work / "nights" / name
    shutil.rmtree(night_dir, ignore_errors=True)
    night_dir.mkdir(parents=True)
    db = work / ("B.db" if name == "full-redis" else "A.db")
    res: dict = {"night": name, "db": str(db)}
    if name == "full-1p" or name == "full-redis":
        remove_db(db)
    elif first_done_run(db) is None:
        res["error"] = f"{db} holds no finished crawl: run full-1p first (or keep the tree with --keep)"
        log(f"{name}: {res['error']}")
        return res
    cmd = [ZWGK, "crawl", work / "province.toml", "--db", db, "--as-of", AS_OF]
    before = max_run_id(db)
    offset, nginx_cpu = server.log_size(), server.cpu()
    monitor = Monitor().start()
    workers: list[tuple[subprocess.Popen, Path]] = []
    redis = None
    try:
        if name == "full-redis":
            if not REDIS.exists():
                res["error"] = f"{REDIS} missing (apt-get install redis-server)"
                return res
            port = free_port()
            rdir = night_dir / "redis"
            rdir.mkdir()
            redis = children.start("redis", [REDIS, "--port", port, "--bind", "127.0.0.1", "--save", "",
                                             "--appendonly", "no", "--dir", rdir, "--daemonize", "no",
                                             "--logfile", rdir / "redis.log"],
                                   stdout=None, stderr=rdir / "stderr.log")
            monitor.add("redis", redis.pid)
            if not wait_redis(port, redis):
                res["error"] = f"redis-server did not answer on 127.0.0.1:{port}: {tail(rdir / 'redis.log', 5)}"
                return res
            url = f"redis://127.0.0.1:{port}/0"
            res["redis"] = url
            for k in range(1, ctx["workers"] + 1):
                err = night_dir / f"worker{k}.stderr.log"
                proc = children.start(f"worker{k}", [ZWGK, "worker", "--redis", url],
                                      stdout=night_dir / f"worker{k}.stdout.log", stderr=err, cwd=ROOT)
                monitor.add(f"worker{k}", proc.pid)
                workers.append((proc, err))
            res["worker_cmd"] = f"{ZWGK} worker --redis {url}"
            time.sleep(3)  # a worker that cannot start (no such command, no Redis) says so at once
            for k, (proc, err) in enumerate(workers, 1):
                if proc.poll() is not None:
                    failure(res, f"zwgk worker {k}", proc, err)
                    return res
            cmd += ["--redis", url]
        res["cmd"] = " ".join(map(str, cmd))
        log(f"{name}: {res['cmd']}")
        stdout, stderr = night_dir / "stdout.log", night_dir / "stderr.log"
        t0, res["started_at"] = time.monotonic(), time.time()
        proc = children.start("crawl", cmd, stdout=stdout, stderr=stderr, cwd=ROOT)
        monitor.add("crawl", proc.pid)
        workers_gone_at = None
        exited: dict[int, dict] = {}
        while True:
            try:
                proc.wait(1)
                break
            except subprocess.TimeoutExpired:
                pass
            elapsed = time.monotonic() - t0
            if elapsed > ctx["timeout"]:
                res["timed_out"] = True
                log(f"{name}: timeout after {elapsed:.0f} s: stopping the crawl")
                Children.stop(proc)
                break
            for k, (w, err) in enumerate(workers, 1):
                if w.poll() is not None and k not in exited:
                    exited[k] = {"worker": k, "returncode": w.returncode, "after_s": round(elapsed, 1),
                                 "stderr_tail": tail(err, 12)}
                    log(f"{name}: zwgk worker {k} exited with status {w.returncode} during the crawl; "
                        f"last stderr lines:\n{exited[k]['stderr_tail']}")
            if workers and len(exited) == len(workers):
                workers_gone_at = workers_gone_at or time.monotonic()
                if time.monotonic() - workers_gone_at > WORKERLESS_GRACE:
                    res["error"] = (f"every zwgk worker exited while the crawl was still running (status "
                                    f"{', '.join(str(e['returncode']) for e in exited.values())}); crawl stopped "
                                    f"after {WORKERLESS_GRACE} s without workers")
                    res["stderr_tail"] = exited[1]["stderr_tail"]
                    log(f"{name}: {res['error']}")
                    Children.stop(proc)
                    break
        res["wall_s"] = round(time.monotonic() - t0, 2)
        res["ended_at"] = time.time()
        res["returncode"] = proc.returncode
        if proc.returncode != 0:
            failure(res, "zwgk crawl" + (" (timeout)" if res.get("timed_out") else ""), proc, stderr)
        if exited:
            res["worker_errors"] = list(exited.values())
        crawl_s = scrapy_elapsed(stderr) or scrapy_elapsed(stdout)
        if crawl_s:
            res["crawl_phase_s"] = crawl_s
    finally:
        for w, _ in workers:
            Children.stop(w, signal.SIGTERM, grace=15)
        if redis is not None:
            Children.stop(redis, signal.SIGTERM, grace=10)
        res["memory"] = monitor.stop()
        res["nginx_cpu_s"] = round(server.cpu() - nginx_cpu, 2)
        res["traffic"] = server.traffic(offset)
    t = res["traffic"]
    if t["first_at"]:  # is the peak reached while fetching, or in the checks after it?
        res["memory"]["peak_rss_sum_mb_until_last_request"] = monitor.peak_between(0, t["last_at"])
        res["memory"]["peak_rss_sum_mb_after_last_request"] = monitor.peak_between(t["last_at"], float("inf"))
    if t["first_at"] and res.get("ended_at"):
        # from nginx's clock: the fetching, and what the crawl command did before and after it (start-up,
        # the checks, the summary) — at scale the part after the last request is not small
        res["fetch_s"] = round(t["last_at"] - t["first_at"], 1)
        res["before_first_request_s"] = round(t["first_at"] - res["started_at"], 1)
        res["after_last_request_s"] = round(res["ended_at"] - t["last_at"], 1)
    if db.exists():
        try:
            res.update(run_stats(db, before))
            if not res.get("new_run"):
                res.setdefault("error", "no new run in the database")
            rows = run_findings(db, res["run_id"])
            res["vs_planted"] = compare_expected(rows, manifest)
        except sqlite3.Error as error:
            res.setdefault("error", f"cannot read {db}: {error}")
    else:
        res.setdefault("error", f"zwgk wrote no {db}")
    if res.get("wall_s") and res.get("pages") is not None:
        res["pages_per_s"] = round(res["pages"] / res["wall_s"], 1)
        res["pages_found_pct"] = round(100 * res["pages"] / max(1, manifest["html_pages"]), 1)
    t = res["traffic"]
    log(f"{name}: {'ERROR' if res.get('error') else 'done'} in {fmt(res.get('wall_s'), '.1f')} s — "
        f"{fmt(res.get('pages'))} pages ({fmt(res.get('pages_per_s'), '.1f')}/s), {t['requests']} requests "
        f"{t['by_status']}, {t['bytes_sent'] / 2**20:.1f} MB, peak RSS sum {res['memory']['peak_rss_sum_mb']} MB, "
        f"{res.get('findings_total', '-')} findings")
    return res


# --- report ----------------------------------------------------------------------------------

def machine() -> dict:
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "physical_cores": psutil.cpu_count(logical=False), "cpu_model": model,
            "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(), "platform": platform.platform()}


def table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join("---" if i == 0 else "---:" for i in range(len(head))) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def ratio(a, b) -> float | None:
    return round(a / b, 3) if a and b else None


def summary(results: dict, manifest: dict, info: dict) -> tuple[str, dict]:
    out = []
    out.append(f"Machine: {info['cpus']} logical CPUs ({info['physical_cores']} cores, {info['cpu_model']}), "
               f"{info['ram_gb']} GB RAM, load {info['load_avg_at_start']} at start")
    out.append(f"Province: {manifest['sites']} sites ({manifest['sites_down']} down, {manifest['gbk_sites']} GBK), "
               f"{manifest['html_pages']} HTML pages (~{manifest['pages']}/site), {manifest['files']} files, "
               f"{manifest['bytes'] / 2**20:.0f} MB; per_site_concurrency 4; as of {AS_OF}")
    out.append("")
    rows = []
    for name, r in results.items():
        t = r.get("traffic") or {}
        st = t.get("by_status", {})
        other = sum(n for code, n in st.items() if code not in ("200", "304", "404"))
        mem = r.get("memory") or {}
        rows.append([
            name, "ERROR" if r.get("error") else "ok", fmt(r.get("wall_s"), ".1f"), fmt(r.get("pages")),
            fmt(r.get("pages_per_s"), ".1f"), fmt(t.get("requests")), fmt(st.get("200", 0) if t else None),
            fmt(st.get("304", 0) if t else None), fmt(st.get("404", 0) if t else None), fmt(other if t else None),
            fmt(round(t["bytes_sent"] / 2**20, 1) if t else None), fmt(mem.get("peak_rss_sum_mb")),
            fmt(mem.get("max_process_rss_mb")) + (f" ({mem.get('max_process')})" if mem.get("max_process") else ""),
            fmt(r.get("findings_total"))])
    out.append(table(["night", "status", "wall s", "pages", "pages/s", "requests", "200", "304", "404", "other",
                      "MB sent", "peak RSS sum MB", "max process RSS MB", "findings"], rows))
    codes = sorted(set(manifest["expected_findings"]) | {c for r in results.values() for c in r.get("findings", {})})
    if codes:
        out.append("")
        head = ["check_code", "planted"] + [f"{n} found (missing/unexpected)" for n in results]
        rows = []
        for code in codes:
            row = [code, str(manifest["expected_findings"].get(code, 0))]
            for r in results.values():
                cmp = (r.get("vs_planted") or {}).get(code)
                row.append(f"{cmp['found']} ({cmp['missing']}/{cmp['unexpected']})" if cmp else
                           ("-" if "vs_planted" not in r else "0"))
            rows.append(row)
        out.append(table(head, rows))
    out.append("")
    for name, r in results.items():
        if r.get("error"):
            out.append(f"- {name}: ERROR: {r['error']}")
            if r.get("stderr_tail"):
                out.append("    " + r["stderr_tail"].replace("\n", "\n    "))
        for w in r.get("worker_errors", []):
            out.append(f"- {name}: worker {w['worker']} exited with status {w['returncode']} after {w['after_s']} s; "
                       f"its last stderr line: {w['stderr_tail'].splitlines()[-1] if w['stderr_tail'] else '-'}")
        mem = r.get("memory") or {}
        if mem.get("processes"):
            procs = ", ".join(f"{p['label']} {p['max_rss_mb']} MB / {p['cpu_s']} s CPU" for p in mem["processes"][:8])
            out.append(f"- {name}: peak RSS per process: {procs}; nginx CPU {r.get('nginx_cpu_s')} s")
            if mem.get("peak_rss_sum_mb_until_last_request") is not None:
                out.append(f"- {name}: peak RSS sum {mem['peak_rss_sum_mb_until_last_request']} MB until the last "
                           f"request, {mem['peak_rss_sum_mb_after_last_request']} MB after it")
        t = r.get("traffic")
        if t and t["requests"]:
            o = t["outside"]
            out.append(f"- {name}: {t['conditional']} conditional requests, methods {t['methods']}, "
                       f"{t['sites_requested']} site addresses hit; outside hosts: {t['outside_requests']} requests "
                       f"for {o['distinct_urls']} URLs (max {o['max_requests_per_url']} per URL)")
        if r.get("fetch_s") is not None:
            out.append(f"- {name}: of {r.get('wall_s')} s wall, {r['before_first_request_s']} s before the first "
                       f"request, {r['fetch_s']} s from the first to the last request "
                       f"({fmt(round(r['pages'] / r['fetch_s'], 1) if r.get('pages') and r['fetch_s'] else None)} "
                       f"pages/s while fetching), {r['after_last_request_s']} s after the last one (checks, summary)")
        if r.get("crawl_phase_s"):
            out.append(f"- {name}: Scrapy's crawl phase {r['crawl_phase_s']} s of {r.get('wall_s')} s")
    ratios = {}
    full, incr, redis = results.get("full-1p", {}), results.get("incr-1p", {}), results.get("full-redis", {})
    ok = lambda r: r and not r.get("error")
    if ok(full) and ok(redis):
        ratios["redis_over_1p_speed"] = ratio(redis.get("pages_per_s"), full.get("pages_per_s"))
    if ok(full) and ok(incr):
        ratios["incr_over_full_bytes"] = ratio(incr["traffic"]["bytes_sent"], full["traffic"]["bytes_sent"])
        ratios["incr_over_full_requests"] = ratio(incr["traffic"]["requests"], full["traffic"]["requests"])
        ratios["incr_over_full_wall"] = ratio(incr.get("wall_s"), full.get("wall_s"))
    hours = {name: round(TARGET_PAGES / r["pages_per_s"] / 3600, 1)
             for name, r in results.items() if ok(r) and r.get("pages_per_s")}
    fetch_hours = {name: round(TARGET_PAGES / (r["pages"] / r["fetch_s"]) / 3600, 1)
                   for name, r in results.items() if ok(r) and r.get("pages") and r.get("fetch_s")}
    out.append("")
    out.append(f"- {ctx_workers(results)}-worker speed / 1-process speed: {fmt(ratios.get('redis_over_1p_speed'), '.2f')}")
    out.append(f"- second-night bytes / first-night bytes: {fmt(ratios.get('incr_over_full_bytes'), '.3f')} "
               f"(requests {fmt(ratios.get('incr_over_full_requests'), '.3f')}, "
               f"wall time {fmt(ratios.get('incr_over_full_wall'), '.3f')})")
    out.append("- hours for 2,000,000 pages at the measured pages/s: "
               + (", ".join(f"{name} {h} h" for name, h in hours.items()) or "-"))
    out.append("  (fetching alone, first to last request: "
               + (", ".join(f"{name} {h} h" for name, h in fetch_hours.items()) or "-")
               + "; the time after the last request grows with the province, so the linear figures are a floor)")
    for name in ("incr-1p", "full-redis"):
        if results.get(name, {}).get("error"):
            out.append(f"- {name}: findings not compared with full-1p (the night failed)")
    if "full-redis" in results and results["full-redis"].get("same_findings_as_full_1p") is not None:
        diff = results["full-redis"]["fingerprints_vs_full_1p"]
        out.append(f"- full-redis findings (site, check_code, fingerprint) equal to full-1p's: "
                   f"{'yes' if diff['equal'] else 'NO'} ({diff['a']} vs {diff['b']}"
                   + ("" if diff["equal"] else f"; only in full-1p {diff['only_in_a_by_code']}, only in full-redis "
                      f"{diff['only_in_b_by_code']}; e.g. {diff['only_in_a_examples'][:2]} / "
                      f"{diff['only_in_b_examples'][:2]}") + ")")
    if "incr-1p" in results and results["incr-1p"].get("fingerprints_vs_full_1p"):
        diff = results["incr-1p"]["fingerprints_vs_full_1p"]
        out.append(f"- incr-1p findings equal to full-1p's: {'yes' if diff['equal'] else 'NO'} ({diff['a']} vs {diff['b']}"
                   + ("" if diff["equal"] else f"; only in full-1p {diff['only_in_a_by_code']}, only in incr-1p "
                      f"{diff['only_in_b_by_code']}") + ")")
    gaps: dict[tuple, list[str]] = {}  # the same gap in several nights is printed once
    for name, r in results.items():
        if r.get("error"):
            continue  # a failed night: its (partial) findings say nothing about the checks
        for code, v in (r.get("vs_planted") or {}).items():
            if v["missing"] or v["unexpected"]:
                key = (code, v["missing"], v["unexpected"], v["sites_unexpected"], tuple(v["missing_examples"][:2]),
                       tuple(v["unexpected_examples"][:2]))
                gaps.setdefault(key, []).append(name)
    for (code, missing, unexpected, sites, missing_ex, unexpected_ex), names in gaps.items():
        out.append(f"- {', '.join(names)} {code}: {missing} planted not found {list(missing_ex)}, "
                   f"{unexpected} unexpected on {sites} sites {list(unexpected_ex)}")
    return "\n".join(out), {"ratios": ratios, "hours_for_2m_pages": hours, "hours_for_2m_pages_fetching": fetch_hours}


def ctx_workers(results: dict) -> int:
    return results.get("full-redis", {}).get("workers", 2)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="zwgk on a simulated province (one nginx, many sites)")
    ap.add_argument("--sites", type=int, default=1000, help="number of sites (default 1000)")
    ap.add_argument("--pages", type=int, default=60, help="HTML pages per site, about (default 60)")
    ap.add_argument("--only", default=",".join(NIGHTS), help=f"nights to run, comma-separated (default {','.join(NIGHTS)})")
    ap.add_argument("--dir", type=Path, default=Path("/tmp/zwgk-province"), help="work folder (default /tmp/zwgk-province)")
    ap.add_argument("--keep", action="store_true", help="keep the generated tree, databases and logs (and reuse them)")
    ap.add_argument("--out", type=Path, default=OUT / "province.json", help=f"results JSON (default {OUT / 'province.json'})")
    ap.add_argument("--seed", type=int, default=20261120)
    ap.add_argument("--port", type=int, default=8080, help="port of every site address (default 8080, else a free one)")
    ap.add_argument("--workers", type=int, default=2, help="zwgk worker processes for full-redis (default 2)")
    ap.add_argument("--timeout", type=float, default=4 * 3600, help="per night, seconds (default 4 h)")
    args = ap.parse_args(argv)
    nights = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in nights if n not in NIGHTS]
    if unknown:
        ap.error(f"unknown night(s) {unknown}; choose from {', '.join(NIGHTS)}")
    if not ZWGK.exists():
        raise SystemExit(f"zwgk CLI not found at {ZWGK}: .venv/bin/pip install -e .")

    def on_signal(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    limit = raise_fd_limit()
    info = machine()
    log(f"machine: {info['cpus']} CPUs, {info['ram_gb']} GB RAM, load {info['load_avg_at_start']}; open files limit {limit}")
    work = args.dir.resolve()
    children = Children()
    results: dict[str, dict] = {}
    manifest: dict = {}
    created = not work.exists()
    try:
        manifest = ensure_province(work, args.sites, args.pages, args.seed, args.port)
        server = ProvinceServer(work, manifest, children).start()
        ctx = {"work": work, "server": server, "children": children, "manifest": manifest,
               "workers": args.workers, "timeout": args.timeout}
        for name in NIGHTS:
            if name not in nights:
                continue
            results[name] = run_night(name, ctx)
            if name == "full-redis":
                results[name]["workers"] = args.workers
        a_db, b_db = work / "A.db", work / "B.db"
        first = results.get("full-1p", {}).get("run_id") or first_done_run(a_db)
        for name, db in (("incr-1p", a_db), ("full-redis", b_db)):
            r = results.get(name)
            if r and not r.get("error") and r.get("run_id") and first and db.exists() and (
                    name != "incr-1p" or r["run_id"] != first):
                diff = fingerprint_diff(a_db, first, db, r["run_id"])
                r["fingerprints_vs_full_1p"] = diff
                r["same_findings_as_full_1p"] = diff["equal"]
    except KeyboardInterrupt:
        log("interrupted: stopping everything")
        children.stop_all()
        raise SystemExit(130)
    finally:
        children.stop_all()
        if not args.keep and manifest:
            for entry in ("sites", "nginx", "nights", "A.db", "A.db-wal", "A.db-shm", "B.db", "B.db-wal", "B.db-shm",
                          "manifest.json", "province.toml"):
                path = work / entry
                shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
            if created:
                shutil.rmtree(work, ignore_errors=True)
    text, extra = summary(results, manifest, info)
    print()
    print(text)
    print()
    report = {"when": dt.datetime.now().isoformat(timespec="seconds"), "machine": info, "args": {
        k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "province": {k: v for k, v in manifest.items() if k != "site_list"}, "nights": results, **extra}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
    log(f"wrote {args.out}" + ("" if args.keep else f"; removed the generated tree in {work} (--keep keeps it)"))
    return 1 if any(r.get("error") for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
