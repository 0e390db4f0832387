"""Many sites in one crawl: a link that 30 sites share (中国政府网, the 12345 portal, one PDF viewer) is
checked once per run, not once per site; each site still gets its own dead-link finding for it."""

from __future__ import annotations

import sqlite3
from collections import Counter

from tests.conftest import AS_OF, run_zwgk
from zwgk.fixtures import FixtureServer

SITES = 30


def build(root) -> None:
    for n in range(SITES):
        folder = root / f"county-{n:02d}"
        folder.mkdir()
        (folder / "index.html").write_text(f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>第{n}县人民政府</title></head><body><ul class="nav"><li><a href="/xw/">政务要闻</a></li></ul>
<div class="links"><a href="{{{{site:outside-portal}}}}/">中国政府网</a>
<a href="{{{{site:outside-portal}}}}/12345/">12345政务服务便民热线</a>
<a href="{{{{site:outside-portal}}}}/viewer/closed.html">文件阅读器</a></div></body></html>""", "utf-8")
        (folder / "xw").mkdir()
        (folder / "xw" / "index.html").write_text("""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>政务要闻</title></head><body><ul class="list"><li><a href="/xw/1.html">县政府召开常务会议</a>
<span>2026-11-18</span></li></ul></body></html>""", "utf-8")
        (folder / "xw" / "1.html").write_text("""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>县政府召开常务会议</title></head><body><h1>县政府召开常务会议</h1><p>发布日期：2026-11-18</p>
<p>会议研究了冬季安全生产等工作。</p></body></html>""", "utf-8")
    portal = root / "outside-portal"
    (portal / "12345").mkdir(parents=True)
    (portal / "index.html").write_text("<html><head><title>中国政府网</title></head><body>首页</body></html>", "utf-8")
    (portal / "12345" / "index.html").write_text("<html><head><title>12345</title></head><body>热线</body></html>",
                                                 "utf-8")


def test_a_shared_link_is_checked_once_per_run(tmp_path):
    build(tmp_path)
    with FixtureServer(tmp_path) as server:
        config = tmp_path / "zwgk.toml"
        config.write_text(server.config_toml(), "utf-8")
        db = tmp_path / "zwgk.db"
        result = run_zwgk("crawl", str(config), "--db", str(db), "--as-of", AS_OF)
        assert result.returncode == 0, result.stdout + result.stderr
        portal = Counter()
        for (site, _, path), count in server.hits.items():
            if site == "outside-portal":
                portal[path] += count
        homes = sum(count for (site, method, path), count in server.hits.items() if path == "/" and
                    site.startswith("county-"))
    assert homes >= SITES  # every county's home page was read (twice: browser and search-engine view)
    assert portal == {"/": 1, "/12345/": 1, "/viewer/closed.html": 1}  # 30 sites link each
    with sqlite3.connect(db) as conn:
        dead = conn.execute("select count(distinct site) from findings where check_code = 'dead_link' "
                            "and url like '%/viewer/closed.html'").fetchone()[0]
    assert dead == SITES  # one target checked, a finding for each site that links to it
