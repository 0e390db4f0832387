"""Incremental nights: the second crawl of an unchanged site asks conditionally and replays the cache.

The site is generated the way county sites look: three columns of three list pages, twenty
articles per list page (about 3 KB of text each), a docx attachment on some. The fixture
server answers conditional requests as nginx does (ETag, Last-Modified, 304); six articles
are served without validators, so they come back 200 and are recognised by their body.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import AS_OF, run_zwgk
from zwgk.fixtures import FixtureServer

COLUMNS = {"zwyw": "政务要闻", "tzgg": "通知公告", "zcwj": "政策文件"}
PARAGRAPH = ("为深入贯彻落实省委、省政府关于优化营商环境的决策部署，县政府召开专题会议，研究部署当前重点工作。"
             "会议强调，各乡镇、各部门要切实提高政治站位，压实工作责任，确保各项任务落地见效。")


def build_site(root: Path) -> None:
    from docx import Document

    site = root / "hx-county"
    nav = "".join(f'<li><a href="/{key}/index.html">{name}</a></li>' for key, name in COLUMNS.items())
    home_items = []
    for key, name in COLUMNS.items():
        for page in range(3):
            items = []
            for n in range(20):
                number = page * 20 + n
                day = 18 - number % 15
                path = f"/{key}/202611/t202611{day:02d}_{number}.html"
                title = f"{name}第{number}号：关于做好冬季安全生产工作的通知"
                items.append(f'<li><a href="{path}" title="{title}">{title}</a><span>2026-11-{day:02d}</span></li>')
                attachment = f'<p>附件：<a href="/{key}/files/a{number}.docx">附件{number}.docx</a></p>' \
                    if number % 10 == 0 else ""
                body = "".join(f"<p>{PARAGRAPH}（{number}-{i}）</p>" for i in range(12))
                write(site / path.lstrip("/"), f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{title}_华县人民政府</title><meta name="PubDate" content="2026-11-{day:02d} 09:00"></head><body>
<div class="header"><ul class="nav">{nav}</ul></div>
<div class="article"><h1>{title}</h1><div class="info">发布日期：2026-11-{day:02d} 来源：县政府办公室</div>
<div class="TRS_Editor">{body}{attachment}</div></div>
<div class="footer">华县人民政府 主办 网站标识码：3400000001</div></body></html>""")
                if attachment:
                    document = Document()
                    for i in range(20):
                        document.add_paragraph(PARAGRAPH)
                    (site / key / "files").mkdir(parents=True, exist_ok=True)
                    document.save(site / key / "files" / f"a{number}.docx")
                if page == 0 and n < 3:
                    home_items.append(items[-1])
            pager = "".join(f'<a href="index{"" if p == 0 else f"_{p}"}.html">{p + 1}</a>' for p in range(3))
            following = f'<a href="index_{page + 1}.html">下一页</a>' if page < 2 else ""
            write(site / key / ("index.html" if page == 0 else f"index_{page}.html"),
                  f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{name}_华县人民政府</title></head><body>
<div class="header"><ul class="nav">{nav}</ul></div><div class="crumb">当前位置：首页 &gt; {name}</div>
<ul class="list">{"".join(items)}</ul><div class="page">{pager}{following}</div>
<div class="footer">华县人民政府 主办</div></body></html>""")
    write(site / "index.html", f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>华县人民政府</title></head>
<body><div class="header"><ul class="nav">{nav}</ul></div><div class="news"><h2>要闻</h2><ul>{"".join(home_items)}</ul></div>
<div class="footer">华县人民政府 主办 网站标识码：3400000001 皖ICP备12345678号</div></body></html>""")
    # dynamic pages that come with no ETag / Last-Modified: six of the policy column's articles
    routes = [f'["/zcwj/202611/{file.name}"]\nvalidators = false\n'
              for file in sorted((site / "zcwj" / "202611").iterdir())[:6]]
    write(site / "_routes.toml", "\n".join(routes))


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def night(config: Path, db: Path, *extra: str) -> dict:
    result = run_zwgk("crawl", str(config), "--db", str(db), "--as-of", AS_OF, *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    with sqlite3.connect(db) as conn:
        run_id, stats = conn.execute("select id, stats from runs order by id desc limit 1").fetchone()
        findings = set(conn.execute("select check_code, url, fingerprint from findings where run_id = ?", [run_id]))
        tables = {table: conn.execute(f"select count(*) from {table} where run_id = ?", [run_id]).fetchone()[0]
                  for table in ("pages", "links", "entries", "texts", "targets", "columns")}
    return {"run": run_id, "stats": json.loads(stats), "findings": findings, "tables": tables, "out": result.stdout}


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    root = tmp_path_factory.mktemp("incremental")
    build_site(root)
    with FixtureServer(root) as server:
        config = root / "zwgk.toml"
        config.write_text(server.config_toml() + "\n[crawl]\ntimeout = 8\nper_site_concurrency = 8\n", "utf-8")
        yield {"root": root / "hx-county", "config": config, "db": root / "zwgk.db", "server": server}


def test_second_night_fetches_a_tenth_of_the_bytes_and_finds_the_same(county):
    first = night(county["config"], county["db"])
    second = night(county["config"], county["db"])
    assert first["tables"]["pages"] >= 190
    assert first["stats"]["fetched"] >= 180 and first["stats"]["not_modified"] == 0
    assert second["stats"]["not_modified"] >= 170  # served with ETag / Last-Modified: 304
    assert second["stats"]["unchanged"] == 6  # served without: the same body, not parsed again
    assert second["stats"]["fetched"] == 0 and second["stats"]["changed"] == 0
    assert second["stats"]["bytes"] <= 0.10 * first["stats"]["bytes"], (first["stats"], second["stats"])
    assert second["findings"] == first["findings"]
    assert second["tables"] == first["tables"]
    assert "未修改（304）" in second["out"]


def test_a_changed_article_is_read_again_and_its_problem_found(county):
    article = next((county["root"] / "zwyw" / "202611").glob("*_7.html"))
    origin = county["server"].sites["hx-county"].origin
    before = night(county["config"], county["db"])
    text = article.read_text("utf-8").replace("</h1>", f'</h1><p>详见<a href="{origin}/zwyw/missing.html">原文</a>'
                                                        "，请国家工商行政管理总局各处室配合。</p>")
    article.write_text(text, "utf-8")
    after = night(county["config"], county["db"])
    assert after["stats"]["changed"] == 1
    new = {(code, url) for code, url, _ in after["findings"] - before["findings"]}
    assert ("dead_link", f"{origin}/zwyw/missing.html") in new
    assert any(code == "outdated_term" for code, _ in new)
    assert before["findings"] - after["findings"] == set()


def test_full_crawl_ignores_the_cache(county):
    result = night(county["config"], county["db"], "--full")
    assert result["stats"]["not_modified"] == 0 and result["stats"]["unchanged"] == 0
    assert result["stats"]["fetched"] >= 180 and result["stats"]["changed"] == 0
