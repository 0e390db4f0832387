"""`zwgk recheck` on the rectification deadline: each open finding gets one of four typed outcomes."""

from __future__ import annotations

import json
import sqlite3

from tests.conftest import AS_OF, run_zwgk
from zwgk.fixtures import FixtureServer

PAGE = '<html><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>'


def write(path, title, body):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(title=title, body=body), "utf-8")


def test_recheck_gives_each_of_its_four_outcomes(tmp_path):
    root = tmp_path / "sites"
    site, other = root / "gov", root / "bureau"
    write(site / "index.html", "和兴县人民政府",
          '<div class="nav"><a href="/">首页</a></div><p>2026-11-18 县政府召开常务会议</p>'
          '<ul><li><a href="/a.html">通知一</a><span>2026-11-18</span></li>'
          '<li><a href="/b.html">通知二</a><span>2026-11-17</span></li>'
          '<li><a href="/c.html">通知三</a><span>2026-11-16</span></li>'
          '<li><a href="/missing.html">通知四</a><span>2026-11-15</span></li></ul>')
    write(site / "a.html", "通知一", "<p>2026-11-18 要坚持全面从严治档，推动工作落实。</p>")  # will be fixed
    write(site / "b.html", "通知二", "<p>2026-11-17 会同县国土资源局开展检查。</p>")  # will stay
    write(site / "c.html", "通知三", "<p>2026-11-16 认真贯彻洛实会议精神。</p>")  # will be deleted
    write(other / "index.html", "和兴县市场监督管理局",
          "<p>2026-11-18 市场监管工作</p><p>要加强市环保局与各部门协作。</p>")  # the site will go down
    server = FixtureServer(root).start()
    config = tmp_path / "zwgk.toml"
    config.write_text(server.config_toml(), "utf-8")
    db = tmp_path / "z.db"
    try:
        assert run_zwgk("crawl", str(config), "--db", str(db), "--as-of", AS_OF).returncode == 0
        conn = sqlite3.connect(db)
        ids = {(code, url.rsplit("/", 1)[-1] or "/"): i for i, code, url in conn.execute(
            "select id, check_code, url from findings where severity != 'notice'")}
        assert {("wording_error", "a.html"), ("outdated_term", "b.html"), ("typo", "c.html"),
                ("dead_link", "missing.html"), ("outdated_term", "/")} <= set(ids)

        write(site / "a.html", "通知一", "<p>2026-11-18 要坚持全面从严治党，推动工作落实。</p>")
        write(site / "missing.html", "通知四", "<p>2026-11-15 补上的通知。</p>")
        (site / "c.html").unlink()
        bureau = server.sites["bureau"].server
        bureau.shutdown()
        bureau.server_close()

        wanted = [ids[key] for key in (("wording_error", "a.html"), ("outdated_term", "b.html"), ("typo", "c.html"),
                                       ("dead_link", "missing.html"), ("outdated_term", "/"))]
        args = [arg for i in wanted for arg in ("--finding", str(i))]
        result = run_zwgk("recheck", "--db", str(db), *args, "--as-of", AS_OF)
        assert result.returncode == 0, result.stderr
    finally:
        server.stop()
    outcomes = {(code, url.rsplit("/", 1)[-1] or "/"): outcome for code, url, outcome in sqlite3.connect(db).execute(
        "select check_code, url, outcome from rechecks")}
    assert outcomes[("wording_error", "a.html")] == "已整改"
    assert outcomes[("outdated_term", "b.html")] == "仍存在"
    assert outcomes[("typo", "c.html")] == "页面已删除"
    assert outcomes[("dead_link", "missing.html")] == "已整改"
    assert outcomes[("outdated_term", "/")] == "无法访问"
    out = tmp_path / "r.json"
    assert run_zwgk("report", "--db", str(db), "--format", "json", "--out", str(out)).returncode == 0
    states = {f["url"].rsplit("/", 1)[-1]: f["state"] for s in json.loads(out.read_text("utf-8"))["sites"]
              for f in s["findings"] if f["check_code"] == "typo"}
    assert states["c.html"].endswith("页面已删除")
