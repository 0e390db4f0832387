"""The inspector's workflow: history across runs, marks, sampling, the watcher and the database browser."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

from tests.conftest import AS_OF, ROOT, run_zwgk
from zwgk.fixtures import FixtureServer, free_port

PAGE = ('<html><head><meta charset="utf-8"><title>{title}</title></head><body><div class="nav">'
        '<a href="/">首页</a></div><ul>{items}</ul><p>2026-11-18 县政府召开常务会议</p>'
        '<div class="footer">网站标识码：2107000099 辽ICP备12345678号 辽公网安备 21070002000001号</div></body></html>')


def write_site(folder, links: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    items = "".join(f'<li><a href="{href}">通知{n}</a><span>2026-11-1{n % 9}</span></li>' for n, href in enumerate(links))
    (folder / "index.html").write_text(PAGE.format(title="和兴县人民政府", items=items), "utf-8")


def crawl(config, db, *extra):
    result = run_zwgk("crawl", str(config), "--db", str(db), "--as-of", AS_OF, *extra)
    assert result.returncode == 0, result.stderr
    return result


def report(db, tmp_path, *extra) -> dict:
    out = tmp_path / "r.json"
    result = run_zwgk("report", "--db", str(db), "--format", "json", "--out", str(out), *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text("utf-8"))


def dead_links(data: dict) -> dict[str, dict]:
    return {f["url"].rsplit("/", 1)[-1]: f for site in data["sites"] for f in site["findings"]
            if f["check_code"] == "dead_link"}


def test_history_new_open_fixed_reappeared_and_marks(tmp_path):
    root = tmp_path / "sites"
    write_site(root / "gov", ["/a.html", "/b.html"])  # both missing: two dead links
    server = FixtureServer(root).start()
    config = tmp_path / "zwgk.toml"
    config.write_text(server.config_toml(), "utf-8")
    db = tmp_path / "z.db"
    try:
        crawl(config, db)
        first = dead_links(report(db, tmp_path))
        assert {name: f["state"] for name, f in first.items()} == {"a.html": "新发现", "b.html": "新发现"}

        write_site(root / "gov", ["/b.html", "/c.html"])  # a fixed, b still there, c new
        crawl(config, db)
        second = report(db, tmp_path)
        states = {name: (f["state"], f["runs_seen"]) for name, f in dead_links(second).items()}
        assert states == {"b.html": ("仍存在", 2), "c.html": ("新发现", 1)}
        assert [f["url"].rsplit("/", 1)[-1] for f in second["sites"][0]["fixed"]] == ["a.html"]
        assert [f["state"] for f in second["sites"][0]["fixed"]] == ["已整改"]

        finding_id = dead_links(second)["c.html"]["id"]
        marked = run_zwgk("mark", str(finding_id), "--db", str(db), "--false-positive", "--reason", "测试链接，已下线")
        assert marked.returncode == 0, marked.stderr
        assert run_zwgk("mark", str(finding_id), "--db", str(db), "--accepted").returncode == 2  # no reason

        write_site(root / "gov", ["/a.html", "/b.html", "/c.html"])  # a is back
        crawl(config, db)
        third = report(db, tmp_path)
        states = {name: (f["state"], f["runs_seen"]) for name, f in dead_links(third).items()}
        assert states == {"a.html": ("再次出现", 2), "b.html": ("仍存在", 3)}  # c stays marked
        assert [(f["url"].rsplit("/", 1)[-1], f["mark"]["status"]) for f in third["sites"][0]["marked"]] == [
            ("c.html", "误报")]
        repeated = report(db, tmp_path, "--open-runs", "3")
        assert set(dead_links(repeated)) == {"b.html"}
    finally:
        server.stop()


def test_sample_is_random_recorded_and_reproducible(tmp_path):
    root = tmp_path / "sites"
    for name in ("s1", "s2", "s3", "s4"):
        write_site(root / name, [])
    server = FixtureServer(root).start()
    config = tmp_path / "zwgk.toml"
    config.write_text(server.config_toml(), "utf-8")
    try:
        chosen = []
        for db in (tmp_path / "a.db", tmp_path / "b.db"):
            crawl(config, db, "--sample", "50%", "--seed", "7")
            run = sqlite3.connect(db).execute("select sites, config from runs").fetchone()
            chosen.append(json.loads(run[0]))
            assert json.loads(run[1])["sample"]["seed"] == 7
        assert len(chosen[0]) == 2 and chosen[0] == chosen[1]
    finally:
        server.stop()


def test_watch_probes_all_day_and_crawls_at_night(tmp_path):
    root = tmp_path / "sites"
    write_site(root / "up", [])
    write_site(root / "flaky", [])
    server = FixtureServer(root).start()
    config = tmp_path / "zwgk.toml"
    config.write_text(server.config_toml() + "\n[crawl]\ntimeout = 3\n", "utf-8")
    db = tmp_path / "w.db"
    watch = subprocess.Popen([sys.executable, "-m", "zwgk", "watch", str(config), "--db", str(db), "--interval",
                              "0.2", "--night", "00:00", "--for", "10"], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(5)
        flaky = server.sites["flaky"].server
        flaky.shutdown()
        flaky.server_close()  # the flaky site goes down for the rest of the watch
        out, err = watch.communicate(timeout=60)
        assert watch.returncode == 0, err
        conn = sqlite3.connect(db)
        for _ in range(120):  # the nightly crawl the watcher started runs on in its own process
            if conn.execute("select count(*) from runs where status = 'done'").fetchone()[0]:
                break
            time.sleep(0.5)
        probes = dict(conn.execute("select site, count(*) from probes group by site").fetchall())
        failures = dict(conn.execute("select site, sum(ok = 0) from probes group by site").fetchall())
        assert probes["up"] >= 20 and probes["flaky"] >= 20
        assert failures["up"] == 0 and failures["flaky"] / probes["flaky"] > 0.05
        assert conn.execute("select count(*) from runs where status = 'done'").fetchone()[0] == 1
        assert (db.parent / "w.watch.log").read_text("utf-8").count("开始夜间检查") == 1
    finally:
        if watch.poll() is None:
            watch.kill()
        server.stop()
    result = run_zwgk("check", "--db", str(db))
    assert result.returncode == 0, result.stderr
    unreachable = {row[0] for row in sqlite3.connect(db).execute(
        "select site from findings where check_code = 'site_unreachable' and run_id = (select max(id) from runs)")}
    assert unreachable == {"flaky"}


def test_serve_shows_findings_and_the_inspectors_queries(demo_crawl, tmp_path):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "zwgk", "serve", "--db", demo_crawl["db"], "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)

        def get(path):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
                return json.loads(response.read())

        name = demo_crawl["db"].rsplit("/", 1)[-1].removesuffix(".db")
        findings = get(f"/{name}/findings.json?_shape=array&_size=max")
        total = sqlite3.connect(demo_crawl["db"]).execute("select count(*) from findings").fetchone()[0]
        assert len(findings) == total
        failed = get(f"/{name}/failed_sites.json?_shape=array")
        assert {row["站点"] for row in failed} == {"xq-gov"}
        meta = get("/-/metadata.json")
        assert meta["databases"][name]["tables"]["findings"]["facets"] == ["site", "check_code", "severity"]
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_screenshots_outline_the_problem(tmp_path):
    from PIL import Image

    root = tmp_path / "sites"
    (root / "gov").mkdir(parents=True)
    (root / "outside-casino").mkdir()
    (root / "outside-casino" / "index.html").write_text("<p>casino</p>", "utf-8")
    (root / "gov" / "index.html").write_text(
        '<html><head><meta charset="utf-8"><title>和兴县人民政府</title></head><body>'
        '<p>2026-11-18 会议要求，坚持全面从严治档，推动工作落实。</p>'
        '<img src="{{site:outside-casino}}/pixel.gif">'
        '<div style="display:none"><a href="{{site:outside-casino}}/">澳门新葡京</a></div></body></html>', "utf-8")
    server = FixtureServer(root).start()
    config = tmp_path / "zwgk.toml"
    config.write_text(server.config_toml(), "utf-8")
    db = tmp_path / "z.db"
    try:
        crawl(config, db)
        data = report(db, tmp_path, "--screenshots")
    finally:
        server.stop()
    shots = {f["check_code"]: f["screenshot"] for site in data["sites"] for f in site["findings"] if f["screenshot"]}
    assert set(shots) >= {"wording_error", "injected_link"}
    for code in ("wording_error", "injected_link"):
        image = Image.open(tmp_path / shots[code]).convert("RGB")
        red = sum(1 for r, g, b in image.getdata() if r > 200 and g < 40 and b < 40)
        assert red > 200  # the outline is drawn


def test_a_province_reweights_the_score(tmp_path):
    root = tmp_path / "sites"
    write_site(root / "gov", [f"/gone{n}.html" for n in range(6)])  # six dead links on the home page
    server = FixtureServer(root).start()
    config = tmp_path / "zwgk.toml"
    try:
        config.write_text(server.config_toml(), "utf-8")
        crawl(config, tmp_path / "national.db")
        config.write_text(server.config_toml() + "\n[scoring]\npass_score = 99\n[scoring.deductions]\n"
                          "dead_link = [0.5, 2, 20]\n", "utf-8")
        crawl(config, tmp_path / "province.db")
    finally:
        server.stop()
    national = report(tmp_path / "national.db", tmp_path)["sites"][0]
    province = report(tmp_path / "province.db", tmp_path)["sites"][0]
    lost = {name: 100 - data["score"] for name, data in (("national", national), ("province", province))}
    dead = sum(1 for f in national["findings"] if f["check_code"] == "dead_link")
    assert dead == 6
    assert lost["province"] - lost["national"] == 6 * (2 - 1)  # home-page dead links: 2 points each, not 1
    assert province["verdict"] == "不合格" and any("低于99分" in r for r in province["reasons"])
    bad = tmp_path / "bad.toml"
    bad.write_text('[scoring]\n[scoring.deductions]\ndead_link = [1, 2]\n', "utf-8")
    result = run_zwgk("crawl", str(bad), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2 and "dead_link" in result.stderr


def test_xlsx_carries_the_scorecard_and_the_history(demo_crawl, tmp_path):
    import openpyxl

    out = tmp_path / "r.xlsx"
    assert run_zwgk("report", "--db", demo_crawl["db"], "--format", "xlsx", "--out", str(out)).returncode == 0
    book = openpyxl.load_workbook(out)
    score = {row[1]: row for row in book["计分"].iter_rows(min_row=2, values_only=True) if row[0]}
    assert score["义县人民政府"][5] == "不合格" and score["义县人民政府"][7] == "不合格"
    assert score["锦州市司法局"][5] == "合格" and score["锦州市司法局"][7] == "80分以上（可评加分项）"
    header = [cell.value for cell in book["问题清单"][1]]
    states = {row[header.index("整改情况")] for row in book["问题清单"].iter_rows(min_row=2, values_only=True)}
    assert states == {"新发现"}
    assert any(row[0] == "合格率（全部）" for row in book["计分"].iter_rows(values_only=True))
