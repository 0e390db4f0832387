"""Page parsing as pure functions: encodings, lists, columns, identity marks, error pages."""

from __future__ import annotations

from datetime import date

from crawler.extract.columns import column_kind
from crawler.extract.encoding import decode_html
from crawler.extract.page import parse_page
from crawler.extract.status import is_challenge, is_error_page

REF = date(2026, 11, 20)
BASE = "http://127.0.0.1:8000/zwyw/index.html"
KEY = "127.0.0.1:8000"


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>t</title>{head}</head><body>{body}</body></html>"


def test_gbk_without_declaration_is_decoded():
    raw = page("<p>锦州市人民政府办公室关于做好冬季供暖工作的通知</p>").encode("gbk")
    text, encoding = decode_html(raw)
    assert encoding == "gb18030" and "冬季供暖" in text


def test_declared_gb2312_with_gbk_only_characters():
    raw = page("<p>镕基 喆 堃</p>", '<meta charset="gb2312">').encode("gbk")
    text, _ = decode_html(raw)
    assert "喆" in text and "堃" in text


def test_utf8_page_declared_gbk_is_read_as_utf8():
    raw = page("<p>政务公开</p>", '<meta charset="gbk">').encode("utf-8")
    assert "政务公开" in decode_html(raw)[0]


def test_trs_list_entries_dates_and_pagination():
    html = page(
        '<div class="nav"><ul><li><a href="/zwyw/">政务要闻</a></li><li><a href="/tzgg/">通知公告</a></li></ul></div>'
        '<ul class="list">'
        '<li><a href="./202611/t20261118_1.html" title="市政府召开常务会议">市政府召开常务会议</a><span>2026-11-18</span></li>'
        '<li><a href="./202611/t20261105_2.html">市长调研重点项目建设工作</a><span>[11-05]</span></li>'
        '</ul><script>createPageHTML(3, 0, "index", "html");</script>'
    )
    facts = parse_page(html, BASE, KEY, REF)
    main = [e for e in facts.entries if e.main]
    assert [(e.title, e.date) for e in main] == [
        ("市政府召开常务会议", date(2026, 11, 18)), ("市长调研重点项目建设工作", date(2026, 11, 5))]
    assert facts.pages == ["http://127.0.0.1:8000/zwyw/index_1.html", "http://127.0.0.1:8000/zwyw/index_2.html"]
    assert {c.name: c.kind for c in facts.columns} == {"政务要闻": "news", "通知公告": "notice"}


def test_hanweb_datastore_records_are_entries():
    html = page('<div id="372"><script type="text/xml"><datastore><recordset>'
                '<record><![CDATA[<li><a href="/art/2026/11/10/art_1229_1.html">县政府召开防汛工作会议</a><span>2026-11-10</span></li>]]></record>'
                '<record><![CDATA[<li><a href="/art/2026/10/30/art_1229_2.html">县长调研乡村振兴工作</a><span>2026-10-30</span></li>]]></record>'
                '</recordset></datastore></script></div>')
    facts = parse_page(html, BASE, KEY, REF)
    assert sorted(e.date for e in facts.entries if e.main) == [date(2026, 10, 30), date(2026, 11, 10)]


def test_table_list_with_chinese_dates():
    html = page('<table><tr><td><a href="/zcwj/a.html">关于印发某某实施办法的通知</a></td><td>2026年8月5日</td></tr>'
                '<tr><td><a href="/zcwj/b.html">关于进一步加强安全生产的意见</a></td><td>2026年7月1日</td></tr></table>')
    facts = parse_page(html, BASE, KEY, REF)
    assert max(e.date for e in facts.entries if e.main) == date(2026, 8, 5)


def test_empty_column_and_hub_page():
    empty = parse_page(page('<div class="nav"><a href="/a/">政务要闻</a></div><div class="list">暂无信息</div>'),
                       BASE, KEY, REF)
    assert empty.empty_list
    hub = parse_page(page('<div class="main"><a href="/zfxxgk/zn/">政府信息公开指南</a>'
                          '<a href="/zfxxgk/zd/">政府信息公开制度</a></div>'), BASE, KEY, REF)
    assert not hub.empty_list
    about = parse_page(page("<div class='content'><p>" + "锦州市司法局是市政府工作部门，负责全市法治建设。" * 5 + "</p></div>"),
                       BASE, KEY, REF)
    assert not about.empty_list


def test_list_built_by_script_is_flagged_for_rendering():
    facts = parse_page(page('<ul id="list"></ul><script>var d=[["a","/x.html"]];'
                            'document.getElementById("list").innerHTML = d.map(x => "<li>"+x[0]+"</li>").join("");</script>'),
                       BASE, KEY, REF)
    assert facts.scripted and not facts.entries


def test_identity_marks():
    footer = ('<div class="footer"><a href="https://bszs.conac.cn/sitename?method=show&id=1"><img src="/images/red.png"></a>'
              '网站标识码：2107000001 辽ICP备05001234号-1 辽公网安备 21070202000123号</div>')
    facts = parse_page(page(footer), BASE, KEY, REF, home=True)
    assert facts.identity == {"网站标识码": "2107000001", "ICP备案号": "辽ICP备05001234号-1",
                              "公安备案号": "辽公网安备21070202000123号", "党政机关标识": "present"}
    bare = parse_page(page('<div class="footer">主办单位：某某县人民政府</div>'), BASE, KEY, REF, home=True)
    assert not any(bare.identity.values())


def test_links_skip_non_links_and_normalise_chinese_paths():
    facts = parse_page(page('<a href="mailto:a@b.cn">信箱</a><a href="tel:12345">电话</a><a href="javascript:void(0)">x</a>'
                            '<a href="#top">顶部</a><a href="/xxgk/政策汇编.html">汇编</a>'
                            '<a href="/xxgk/%E6%94%BF%E7%AD%96%E6%B1%87%E7%BC%96.html">汇编</a><img src="/a.png">'),
                       BASE, KEY, REF)
    assert [(link.url, link.kind) for link in facts.links] == [
        ("http://127.0.0.1:8000/xxgk/%E6%94%BF%E7%AD%96%E6%B1%87%E7%BC%96.html", "page"),
        ("http://127.0.0.1:8000/a.png", "image")]


def test_error_pages_and_challenges():
    assert is_error_page("404", "对不起，您访问的页面不存在")
    assert is_error_page("锦州市人民政府", "对不起，您访问的页面不存在 返回首页")
    assert not is_error_page("市政府召开常务会议", "会议指出，要坚决防止出现页面不存在等问题。" + "正文" * 1000)
    assert is_challenge(521, b"<script>document.cookie='__jsl_clearance=1';location.href=location.href</script>")
    assert not is_challenge(200, b"<html><body>normal</body></html>")


def test_column_kinds():
    assert [column_kind(n) for n in ("政务要闻", "部门动态", "通知公告", "政策文件", "政策解读", "人事信息",
                                     "规划计划", "机构简介")] == [
        "news", "news", "notice", "policy", "interpretation", "personnel", "plan", "other"]
