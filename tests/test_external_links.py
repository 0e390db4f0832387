"""外链变异 (external_link_bad): a friendly link whose domain now serves gambling or adult pages."""

from __future__ import annotations

import json
import sqlite3

from tests.conftest import AS_OF, run_zwgk
from zwgk.fixtures import FixtureServer

PAGE = '<html><head><meta charset="utf-8"><title>{title}</title>{meta}</head><body>{body}</body></html>'


def write(folder, title, body, meta=""):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(PAGE.format(title=title, body=body, meta=meta), "utf-8")


def test_outside_pages_serving_spam_are_flagged_and_lottery_offices_are_not(tmp_path):
    root = tmp_path / "sites"
    write(root / "gov", "和兴县人民政府",
          '<div class="nav"><a href="/">首页</a></div><p>2026-11-18 县政府召开常务会议</p>'
          '<div class="links">友情链接：<a href="{{site:expired}}/">和兴县旅游网</a> '
          '<a href="{{site:keywords}}/">和兴农业信息网</a> <a href="{{site:lottery}}/">中国福利彩票</a> '
          '<a href="{{site:news}}/">和兴新闻网</a></div>')
    write(root / "expired", "澳门新葡京娱乐城-百家乐真人视讯官方网站", "<p>注册即送彩金</p>")
    write(root / "keywords", "首页", "<p>欢迎</p>", '<meta name="keywords" content="皇冠体育,体育投注,滚球">')
    write(root / "lottery", "中国福利彩票发行管理中心", "<p>福利彩票 扶老 助残 救孤 济困；体育彩票公益金</p>")
    write(root / "news", "和兴新闻网", "<p>打击赌博违法犯罪专项行动取得成效</p>")
    server = FixtureServer(root, names=["gov", "expired", "keywords", "lottery", "news"]).start()
    config = tmp_path / "zwgk.toml"
    config.write_text(f'[[site]]\nid = "gov"\nhome = "{server.sites["gov"].origin}/"\n', "utf-8")
    result = run_zwgk("crawl", str(config), "--db", str(tmp_path / "z.db"), "--as-of", AS_OF)
    server.stop()
    assert result.returncode == 0, result.stderr
    rows = sqlite3.connect(tmp_path / "z.db").execute(
        "select url, severity, evidence from findings where check_code = 'external_link_bad'").fetchall()
    flagged = {url.rstrip("/"): (severity, json.loads(evidence)["words"]) for url, severity, evidence in rows}
    assert flagged == {
        server.sites["expired"].origin: ("veto", sorted(["娱乐城", "百家乐", "葡京", "真人视讯", "注册即送彩金"])),
        server.sites["keywords"].origin: ("veto", sorted(["体育投注", "滚球", "皇冠体育"])),
    }
