"""Shared fixtures: the fixture sites served on 127.0.0.1, and the real CLI run against them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from zwgk.fixtures import FixtureServer

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "tests" / "sites"
ZWGK = [sys.executable, "-m", "zwgk"]
AS_OF = "2026-11-20"


def run_zwgk(*args: str, timeout: int = 300, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Drive the real CLI in a child process (Scrapy's reactor runs once per process)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*ZWGK, *args], capture_output=True, text=True, timeout=timeout, cwd=cwd or ROOT, env=env)


def run_zwgk_measured(*args: str, timeout: int = 300) -> tuple[subprocess.CompletedProcess, float]:
    """Run the CLI and return the peak RSS in MB of the largest process it started (itself included)."""
    wrapper = ("import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", wrapper, *ZWGK, *args], capture_output=True, text=True,
                            timeout=timeout, cwd=ROOT, env=env)
    *rest, peak = result.stderr.rstrip("\n").rsplit("\n", 1) if "\n" in result.stderr.strip() else ["", result.stderr]
    result.stderr = rest[0] if rest else ""
    return result, int(peak.strip()) / 1024


@pytest.fixture(scope="session")
def fixture_server():
    with FixtureServer(SITES) as server:
        yield server


@pytest.fixture(scope="session")
def demo_crawl(fixture_server, tmp_path_factory):
    """One crawl of all demo sites, shared by the tests that read its findings."""
    folder = tmp_path_factory.mktemp("demo")
    config = folder / "zwgk.toml"
    config.write_text(fixture_server.config_toml() + "\n[crawl]\ntimeout = 8\nper_site_concurrency = 8\n", "utf-8")
    db = folder / "zwgk.db"
    result = run_zwgk("crawl", str(config), "--db", str(db), "--as-of", AS_OF)
    assert result.returncode == 0, result.stdout + result.stderr
    return {"db": str(db), "config": str(config), "server": fixture_server, "output": result.stdout}
