"""政务新媒体 accounts: each adapter on recorded answers, the checks on stored readings, the real CLI end to end."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import run_zwgk
from zwgk.config import Account, parse_config
from zwgk.errors import ConfigError
from zwgk.fetch import Fetched
from zwgk.fixtures import FixtureServer
from zwgk.newmedia import Context, read_account
from zwgk.newmedia.dates import parse_time
from zwgk.newmedia.discover import candidates, is_account_url
from zwgk.newmedia.embedded import read_page
from zwgk.newmedia.model import AccountFacts, Post, Reading
from zwgk.newmedia.rss import parse_feed
from zwgk.newmedia.wechat import article_gone, article_time, history
from zwgk.newmedia.weibo import api_url

HERE = Path(__file__).resolve().parent / "newmedia" / "accounts"
AS_OF = date(2026, 11, 20)
AT = datetime(2026, 11, 20, 23, 59)
WEBSITE_CODES = {"homepage_stale", "column_stale", "column_empty", "identity_missing", "site_unreachable",
                 "annual_report_missing", "service_missing", "message_unanswered", "interpretation_missing"}


def context(answers: dict[str, Fetched] | None = None) -> Context:
    """A reading context whose answers are given (no network at all)."""
    ctx = Context(AS_OF, now=AT)
    ctx.fetched.update(answers or {})
    return ctx


def json_answer(data, status: int = 200) -> Fetched:
    body = data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode()
    return Fetched(status, body, "application/json")


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("value, expected", [
    (1795050900, "2026-11-19 09:15"),
    (1795050900000, "2026-11-19 09:15"),
    ("1795050900", "2026-11-19 09:15"),
    ("Thu, 19 Nov 2026 09:15:00 +0800", "2026-11-19 09:15"),
    ("Thu, 19 Nov 2026 01:15:00 GMT", "2026-11-19 09:15"),
    ("Thu Nov 19 09:15:00 +0800 2026", "2026-11-19 09:15"),
    ("2026-11-19T01:15:00Z", "2026-11-19 09:15"),
    ("2026-11-19T09:15:00+08:00", "2026-11-19 09:15"),
    ("2026-11-19 09:15", "2026-11-19 09:15"),
    ("2026年11月19日 09:15", "2026-11-19 09:15"),
    ("11-19", "2026-11-19 00:00"),
    ("12-25", "2025-12-25 00:00"),  # a month-day after the 监测时间点 is last year's
    ("昨天 10:20", "2026-11-19 10:20"),
    ("前天", "2026-11-18 00:00"),
    ("3小时前", "2026-11-20 20:59"),
    ("5分钟前", "2026-11-20 23:54"),
    ("2天前", "2026-11-18 23:59"),
    ("刚刚", "2026-11-20 23:59"),
    ("置顶", None),
    ("", None),
    (12, None),
])
def test_publication_times_in_every_form_the_platforms_show(value, expected):
    parsed = parse_time(value, AT)
    assert (parsed.strftime("%Y-%m-%d %H:%M") if parsed else None) == expected


# ---------------------------------------------------------------- rss

def test_rss_and_atom_feeds_give_posts_with_local_times():
    fresh = parse_feed((HERE / "rss-fresh" / "feed.xml").read_bytes(), "http://x/feed.xml", context())
    assert fresh.problem == "" and fresh.facts.name == "锦州市场监管"
    assert [p.published.isoformat() for p in fresh.posts] == ["2026-11-19T09:15:00", "2026-11-17T15:00:00",
                                                              "2026-10-30T10:00:00"]
    assert "国家工商行政管理总局" in fresh.posts[0].text and "<p>" not in fresh.posts[0].text
    assert fresh.posts[0].comments == 0
    atom = parse_feed((HERE / "atom-stale" / "atom.xml").read_bytes(), "http://x/atom.xml", context())
    assert atom.problem == "" and atom.newest == datetime(2026, 11, 2, 11, 0)  # published, not updated


def test_an_empty_feed_is_an_account_without_posts_not_a_problem():
    empty = parse_feed((HERE / "rss-empty" / "rss.xml").read_bytes(), "http://x/rss.xml", context())
    assert empty.problem == "" and empty.posts == [] and empty.newest is None


@pytest.mark.parametrize("body", [(HERE / "rss-notfeed" / "index.html").read_bytes(), b"\x00\x01garbage{",
                                  b'{"ok": 1}', b""])
def test_a_document_that_is_no_feed_is_a_problem(body):
    reading = parse_feed(body, "http://x/feed", context())
    assert reading.problem.startswith("无法读取") and not reading.posts


# ---------------------------------------------------------------- wechat

def test_wechat_history_page_msglist():
    page = (HERE / "wechat-history" / "index.html").read_text("utf-8")
    posts, _ = history(page, "http://127.0.0.1:1/", context())
    assert [(p.url, p.published.date().isoformat()) for p in posts] == [
        ("http://127.0.0.1:1/s/h1", "2026-11-10"), ("http://127.0.0.1:1/s/h2", "2026-11-05"),
        ("http://127.0.0.1:1/s/h3", "2026-10-28")]
    assert posts[0].title == "帝都深处好修行"


def test_wechat_history_page_with_html_escaped_msglist_and_multi_article_messages():
    data = {"list": [{"comm_msg_info": {"datetime": 1795050900, "type": 49},
                      "app_msg_ext_info": {"title": "主稿", "content_url": "http://mp.weixin.qq.com/s?__biz=MzA=&amp;mid=1&amp;idx=1",
                                           "multi_app_msg_item_list": [{"title": "次条", "content_url": "/s/second"}]}}]}
    escaped = json.dumps(data, ensure_ascii=False).replace('"', "&quot;")
    posts, _ = history(f"<script>var msgList = '{escaped}';</script>", "https://mp.weixin.qq.com/mp/profile_ext", context())
    assert [p.title for p in posts] == ["主稿", "次条"]
    assert posts[0].url == "http://mp.weixin.qq.com/s?__biz=MzA=&mid=1&idx=1"
    assert posts[1].url == "https://mp.weixin.qq.com/s/second"
    assert {p.published for p in posts} == {datetime(2026, 11, 19, 9, 15)}


def test_wechat_article_pages_say_when_and_whether_they_are_gone():
    fresh = (HERE / "wechat-list" / "s" / "fresh" / "index.html").read_text("utf-8")
    assert article_gone(fresh, "https://mp.weixin.qq.com/s/abc") == ""
    assert article_time(fresh, context()) == datetime(2026, 11, 18, 16, 20)
    deleted = (HERE / "wechat-list" / "s" / "deleted" / "index.html").read_text("utf-8")
    blocked = (HERE / "wechat-list" / "s" / "blocked" / "index.html").read_text("utf-8")
    assert article_gone(deleted, "https://mp.weixin.qq.com/s/abc") == "该内容已被发布者删除"
    assert article_gone(blocked, "https://mp.weixin.qq.com/s/abc") == "此内容因违规无法查看"
    expired = deleted.replace("该内容已被发布者删除", "链接已过期")
    assert article_gone(expired, "https://mp.weixin.qq.com/s/abc") == "链接已过期"  # a permanent link
    assert article_gone(expired, "https://mp.weixin.qq.com/s?timestamp=1&signature=x") is None  # a temporary one
    assert article_time('<em id="publish_time" class="rich_media_meta">2026-11-17</em>', context()) == \
        datetime(2026, 11, 17)
    assert article_time('<meta property="article:published_time" content="2026-11-17T10:00:00+08:00">',
                        context()) == datetime(2026, 11, 17, 10)


def test_wechat_plain_text_list_of_article_urls():
    ctx = context({
        "http://127.0.0.1:9/list.txt": Fetched(200, b"https://mp.weixin.qq.com/s/AAA\nhttps://mp.weixin.qq.com/s/BBB\n",
                                               "text/plain"),
        "https://mp.weixin.qq.com/s/AAA": Fetched(200, b'<div id="js_content">x</div><script>var ct = "1795050900";</script>'),
        "https://mp.weixin.qq.com/s/BBB": Fetched(404, b""),
    })
    reading = read_account(Account("w", "wechat", "http://127.0.0.1:9/list.txt"), AS_OF, context=ctx)
    assert reading.problem == "" and reading.newest == datetime(2026, 11, 19, 9, 15)
    assert [(p.url[-3:], p.deleted, p.checked) for p in reading.posts] == [("AAA", "", True), ("BBB", "HTTP 404", True)]


def test_wechat_verification_wall_is_a_problem_not_a_stale_account():
    ctx = context({"http://127.0.0.1:9/": Fetched(200, "<html><p>环境异常</p><p>完成验证后即可继续访问</p></html>".encode())})
    reading = read_account(Account("w", "wechat", "http://127.0.0.1:9/"), AS_OF, context=ctx)
    assert reading.problem.startswith("无法读取微信公众号")


# ---------------------------------------------------------------- weibo

@pytest.mark.parametrize("url, api", [
    ("https://weibo.com/u/1234567890", "https://m.weibo.cn/api/container/getIndex?containerid=1076031234567890"),
    ("https://www.weibo.com/1234567890", "https://m.weibo.cn/api/container/getIndex?containerid=1076031234567890"),
    ("https://m.weibo.cn/profile/1234567890", "https://m.weibo.cn/api/container/getIndex?containerid=1076031234567890"),
    ("https://weibo.com/p/1005051234567890/home", "https://m.weibo.cn/api/container/getIndex?containerid=1076031234567890"),
    ("https://m.weibo.cn/api/container/getIndex?type=uid&value=1234567890",
     "https://m.weibo.cn/api/container/getIndex?containerid=1076031234567890"),
    ("http://127.0.0.1:8080/u/1234567890", "http://127.0.0.1:8080/api/container/getIndex?containerid=1076031234567890"),
    ("https://weibo.com/jzfb", None),
])
def test_weibo_profile_urls_map_to_the_container_api(url, api):
    assert api_url(url) == api


API = "http://127.0.0.1:9/api/container/getIndex?containerid=1076031234567890"


@pytest.mark.parametrize("answer, why", [
    (Fetched(418, b"", "text/html", "HTTP 418"), "HTTP 418"),
    (Fetched(432, b"", "text/html", "HTTP 432"), "HTTP 432"),
    (Fetched(403, b"", "text/html", "HTTP 403"), "HTTP 403"),
    (json_answer(b'{"ok":1,"data":{"cards":[{"card_type":9,'), "不是有效的 JSON"),
    (json_answer({"ok": 0, "errno": "100005", "msg": "请求过于频繁"}), "请求过于频繁"),
    (json_answer({"ok": -100, "url": "https://passport.weibo.com/sso/signin"}), "接口返回错误"),
    (json_answer({"ok": 1, "data": {"user": {}}}), "没有 cards"),
    (Fetched(200, "<html><title>Sina Visitor System</title><p>安全验证</p></html>".encode(), "text/html"),
     "登录或验证页面"),
    (Fetched(None, error="超时"), "超时"),
])
def test_weibo_answers_that_cannot_be_read_are_problems(answer, why):
    reading = read_account(Account("w", "weibo", "http://127.0.0.1:9/u/1234567890"), AS_OF,
                           context=context({API: answer}))
    assert reading.problem.startswith("无法读取微博") and why in reading.problem and not reading.posts


def test_weibo_plain_no_content_answer_is_an_account_without_posts():
    reading = read_account(Account("w", "weibo", "http://127.0.0.1:9/u/1234567890"), AS_OF,
                           context=context({API: json_answer({"ok": 0, "msg": "这里还没有内容", "data": {"cards": []}})}))
    assert reading.problem == "" and reading.posts == []


@pytest.fixture(scope="module")
def accounts_server():
    with FixtureServer(HERE) as server:
        yield server


def read_fixture(server, account_id: str) -> Reading:
    config = parse_config(server.config_toml())
    account = next(a for a in config.accounts if a.id == account_id)
    return read_account(account, AS_OF, context=Context(AS_OF, now=AT))


def test_weibo_two_pages_a_pinned_old_post_and_comments(accounts_server):
    reading = read_fixture(accounts_server, "wb-deduct")
    assert reading.problem == "" and reading.facts.name == "锦州发布"
    assert reading.facts.verified == "锦州市人民政府新闻办公室官方微博" and reading.facts.interactive is True
    by_id = {p.url.rsplit("/", 1)[1]: p for p in reading.posts}
    assert set(by_id) == {"Pa1", "Pa2", "Pa3", "Pa4", "Pa5"}  # page 2 came through since_id
    assert by_id["Pa1"].pinned and reading.newest == datetime(2026, 11, 10, 10, 0)  # the pin hides nothing
    assert (by_id["Pa2"].replied, by_id["Pa3"].replied, by_id["Pa1"].replied) == (True, False, None)
    stale = read_fixture(accounts_server, "wb-stale")
    assert stale.newest == datetime(2026, 10, 30, 10, 0) and len(stale.posts) == 4  # &page=2, then old enough


def test_weibo_malformed_json_and_captcha_page(accounts_server):
    assert "不是有效的 JSON" in read_fixture(accounts_server, "wb-malformed").problem
    assert "登录或验证页面" in read_fixture(accounts_server, "wb-captcha").problem


def test_wechat_list_with_menu_deleted_and_blocked_articles(accounts_server):
    reading = read_fixture(accounts_server, "wx-list")
    gone = {p.url.rsplit("/", 1)[1]: p.deleted for p in reading.posts}
    assert gone == {"fresh": "", "deleted": "该内容已被发布者删除", "older": "", "blocked": "此内容因违规无法查看"}
    assert [text for text, _ in reading.facts.menu] == ["办事指南", "咨询投诉"]
    assert reading.newest == datetime(2026, 11, 18, 16, 20)  # the article's own time beats the list's date


# ---------------------------------------------------------------- douyin, toutiao

def test_toutiao_page_data_in_ssr_hydrated_data():
    page = (HERE / "toutiao-stale" / "c" / "user.html").read_text("utf-8")
    reading = read_page(page, [], "toutiao", "https://www.toutiao.com/c/user/token/x/", context())
    assert reading.problem == "" and reading.facts.name == "义县发布"
    assert reading.facts.verified == "义县人民政府新闻办公室官方账号"
    assert len(reading.posts) == 3 and reading.newest == datetime(2026, 10, 25, 8, 0)
    assert [p.url for p in reading.posts if p.pinned] == ["https://www.toutiao.com/article/7100000000000000001/"]


def test_douyin_page_built_by_script_shows_nothing_without_a_browser():
    page = (HERE / "douyin-fresh" / "user" / "MS4wLjABAAAAjzgagong.html").read_text("utf-8")
    reading = read_page(page, [], "douyin", "https://www.douyin.com/user/x", context())
    assert reading.problem.startswith("无法读取抖音号") and not reading.posts


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian's Chromium is not installed")
def test_douyin_page_rendered_in_chromium(accounts_server):
    reading = read_fixture(accounts_server, "dy-fresh")
    assert reading.problem == "", reading.problem
    assert reading.facts.name == "锦州公安" and reading.facts.verified == "锦州市公安局官方账号"
    assert sorted(p.published.date().isoformat() for p in reading.posts) == ["2025-12-01", "2026-11-17", "2026-11-18"]
    assert reading.newest == datetime(2026, 11, 18, 20, 0)
    assert {p.url for p in reading.posts if p.pinned} == {"https://www.douyin.com/video/7310000000000000001"}


def test_closed_comments_and_messages_only_when_the_page_says_so():
    def page(comment: bool | None, message: bool | None) -> str:
        user = {"uid": "1", "nickname": "某县发布", **({} if message is None else {"can_message": message})}
        post = {"aweme_id": "9", "desc": "通知", "create_time": 1795050900,
                **({} if comment is None else {"aweme_control": {"can_comment": comment}})}
        data = {"user": user, "post": {"data": [post]}}
        return f'<script id="RENDER_DATA" type="application/json">{json.dumps(data)}</script>'

    assert read_page(page(False, False), [], "douyin", "http://x/", context()).facts.interactive is False
    assert read_page(page(False, None), [], "douyin", "http://x/", context()).facts.interactive is None
    assert read_page(page(None, None), [], "douyin", "http://x/", context()).facts.interactive is None
    assert read_page(page(True, False), [], "douyin", "http://x/", context()).facts.interactive is True


# ---------------------------------------------------------------- candidates, config

def test_candidates_are_account_links_and_named_accounts_on_a_new_media_page():
    rows = [
        {"site": "a", "source_url": "http://a/n.html", "target_url": "https://weibo.com/u/1234567", "text": "锦州发布",
         "title": "新闻"},
        {"site": "a", "source_url": "http://a/n.html", "target_url": "https://mp.weixin.qq.com/s/xyz", "text": "阅读原文",
         "title": "新闻"},  # an article shared from WeChat: not an account
        {"site": "a", "source_url": "http://a/xmt.html", "target_url": "http://a/wx.html", "text": "锦州司法微信公众号",
         "title": "政务新媒体矩阵"},
        {"site": "a", "source_url": "http://a/xmt.html", "target_url": "http://a/about.html", "text": "关于本站",
         "title": "政务新媒体矩阵"},
        {"site": "a", "source_url": "http://a/xmt.html", "target_url": "https://www.douyin.com/user/MS4wLjAB",
         "text": "抖音号", "title": "政务新媒体矩阵"},
    ]
    found = candidates(rows, configured={"www.douyin.com/user/MS4wLjAB?"})
    assert [(c["platform"], c["url"]) for c in found] == [("weibo", "https://weibo.com/u/1234567"),
                                                          ("wechat", "http://a/wx.html")]
    assert is_account_url("https://weibo.com/login") == ""


def test_newmedia_thresholds_are_configurable_and_checked():
    config = parse_config('[[account]]\nid = "a"\nplatform = "rss"\nurl = "https://a.cn/feed"\n'
                          '[newmedia]\nstale_veto_days = 10\nstale_deduct_days = 5\n')
    assert config.newmedia == {"stale_veto_days": 10, "stale_deduct_days": 5}
    for text, message in [("stale_days = 3", "第 6 行：[newmedia] 中有未知的配置项“stale_days”"),
                          ("stale_veto_days = 0", "第 6 行：[newmedia] stale_veto_days 应是 1 到 365 之间的天数"),
                          ('stale_veto_days = "14"', "第 6 行：[newmedia] stale_veto_days"),
                          ("stale_deduct_days = 20", "stale_deduct_days 不能大于 stale_veto_days")]:
        with pytest.raises(ConfigError) as error:
            parse_config('[[account]]\nid = "a"\nplatform = "rss"\nurl = "https://a.cn/feed"\n[newmedia]\n' + text)
        assert message in str(error.value)


# ---------------------------------------------------------------- checks on stored readings

def judge(tmp_path, reading: Reading, rules: dict | None = None, platform: str = "weibo") -> list[tuple]:
    """Store one account's reading as a run would and run every check: (code, severity, url) sorted."""
    from checks import run_checks
    from zwgk.db import open_db, start_run
    from zwgk.newmedia.store import store

    db = open_db(tmp_path / f"judge{len(list(tmp_path.iterdir()))}.db")
    db["sites"].insert({"id": "acc", "name": "某县发布", "home": "https://weibo.com/u/1", "kind": "account",
                        "rules": json.dumps(rules or {})})
    run_id = start_run(db, "crawl", AS_OF.isoformat(), ["acc"], {})
    store(db, run_id, Account("acc", platform, "https://weibo.com/u/1", name="某县发布"), reading, {})
    run_checks(db, run_id, AS_OF)
    return sorted((r["check_code"], r["severity"], r["url"]) for r in db.query("select * from findings"))


def posts(*days: str, pinned: str = "") -> list[Post]:
    made = [Post(url=f"https://m.weibo.cn/status/{day}", title="动态", text="今日动态",
                 published=datetime.fromisoformat(day + "T10:00")) for day in days]
    if pinned:
        made.append(Post(url="https://m.weibo.cn/status/top", title="置顶", text="置顶内容", pinned=True,
                         published=datetime.fromisoformat(pinned + "T10:00")))
    return made


@pytest.mark.parametrize("days, pinned, expected", [
    (("2026-11-19",), "", None),
    (("2026-11-13",), "", None),  # 7 days: within the week
    (("2026-11-12",), "", "deduct"),  # 8 days
    (("2026-11-06",), "", "deduct"),  # 14 days: still within two weeks
    (("2026-11-05",), "", "veto"),  # 15 days
    ((), "", "veto"),  # no post at all
    (("2026-10-01",), "2025-01-01", "veto"),  # an old pin does not help
    (("2026-11-18",), "2025-01-01", None),  # and does not hide a newer post
    (("2026-10-01",), "2026-11-19", None),  # a pin that is itself recent is a recent post
    (("2026-11-25",), "", None),  # only posts after the 监测时间点: active, not stale
])
def test_newmedia_stale_severity_by_the_newest_post(tmp_path, days, pinned, expected):
    found = [f for f in judge(tmp_path, Reading(AccountFacts(), posts(*days, pinned=pinned))) if f[0] == "newmedia_stale"]
    assert [f[1] for f in found] == ([expected] if expected else [])
    assert all(f[2] == "https://weibo.com/u/1" for f in found)


def test_stale_thresholds_from_the_config(tmp_path):
    reading = Reading(AccountFacts(), posts("2026-11-14"))  # 6 days
    assert judge(tmp_path, reading) == []
    assert judge(tmp_path, reading, {"stale_veto_days": 10, "stale_deduct_days": 5}) == [
        ("newmedia_stale", "deduct", "https://weibo.com/u/1")]
    assert judge(tmp_path, reading, {"stale_veto_days": 5, "stale_deduct_days": 3}) == [
        ("newmedia_stale", "veto", "https://weibo.com/u/1")]


def test_an_unreadable_platform_is_a_notice_and_never_stale(tmp_path):
    found = judge(tmp_path, Reading(problem="无法读取微博（HTTP 418，平台拒绝访问，可能需要登录或验证）"))
    assert found == [("crawl_notice", "notice", "https://weibo.com/u/1")]


def test_unanswered_comments_interaction_and_no_website_checks(tmp_path):
    reading = Reading(AccountFacts(interactive=False), posts("2026-11-19", "2026-11-18"))
    reading.posts[0].comments, reading.posts[0].replied = 4, False
    reading.posts[1].comments, reading.posts[1].replied = 2, True
    found = judge(tmp_path, reading)
    assert found == [("newmedia_no_interaction", "veto", "https://weibo.com/u/1"),
                     ("newmedia_unanswered", "deduct", "https://m.weibo.cn/status/2026-11-19")]
    assert not {code for code, _, _ in found} & WEBSITE_CODES


def test_accounts_already_stored_in_the_run_are_not_read_again(tmp_path, monkeypatch):
    from zwgk.db import open_db, start_run
    from zwgk.newmedia import run as account_run

    calls = []

    def fake_read(account, as_of, context=None):
        calls.append(account.id)
        return Reading(AccountFacts(name=account.id), posts("2026-11-19"))

    monkeypatch.setattr(account_run, "read_account", fake_read)
    config = parse_config('[[account]]\nid = "a"\nplatform = "weibo"\nurl = "http://127.0.0.1:9/u/1"\n'
                          '[[account]]\nid = "b"\nplatform = "rss"\nurl = "http://127.0.0.1:9/feed"\n')
    db = open_db(tmp_path / "resume.db")
    run_id = start_run(db, "crawl", AS_OF.isoformat(), ["a", "b"], {})
    assert account_run.read_accounts(db, run_id, AS_OF, config.accounts[:1], config) == 1
    assert account_run.read_accounts(db, run_id, AS_OF, config.accounts, config) == 1  # only "b"
    assert sorted(calls) == ["a", "b"]
    assert db["accounts"].count == 2 and db["posts"].count == 2


# ---------------------------------------------------------------- the real CLI, end to end

@pytest.fixture(scope="module")
def crawl(accounts_server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("newmedia")
    config = folder / "zwgk.toml"
    config.write_text(accounts_server.config_toml() + "\n[crawl]\ntimeout = 8\n", "utf-8")
    db = folder / "zwgk.db"
    result = run_zwgk("crawl", str(config), "--db", str(db), "--as-of", AS_OF.isoformat())
    assert result.returncode == 0, result.stdout + result.stderr
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = [dict(row) for row in conn.execute("select * from findings")]
    conn.close()
    origins = {name: site.origin for name, site in accounts_server.sites.items()}
    return {"db": str(db), "config": str(config), "output": result.stdout, "rows": rows, "origins": origins,
            "folder": folder}


def test_end_to_end_findings_have_the_right_codes_severities_and_urls(crawl):
    o = crawl["origins"]
    got = {(r["site"], r["check_code"], r["severity"], r["url"]) for r in crawl["rows"]
           if r["site"] != "matrix-gov"}
    assert got == {
        ("atom-stale", "newmedia_stale", "veto", f"{o['atom-stale']}/atom.xml"),
        ("rss-empty", "newmedia_stale", "veto", f"{o['rss-empty']}/rss.xml"),
        ("tt-stale", "newmedia_stale", "veto", f"{o['toutiao-stale']}/c/user/token/MS4wLjABAAAAyixian/"),
        ("wb-stale", "newmedia_stale", "veto", f"{o['weibo-stale']}/profile/2001000002"),
        ("wb-deduct", "newmedia_stale", "deduct", f"{o['weibo-deduct']}/u/2001000001"),
        ("wx-history", "newmedia_stale", "deduct", f"{o['wechat-history']}/"),
        ("wb-deduct", "newmedia_unanswered", "deduct", f"{o['weibo-deduct']}/status/Pa3"),
        ("rss-fresh", "outdated_term", "deduct", f"{o['rss-fresh']}/art/20261119.html"),
        ("rss-fresh", "dead_link", "deduct", f"{o['rss-fresh']}/art/20261030.html"),
        ("wx-list", "dead_link", "deduct", f"{o['wechat-list']}/s/deleted"),
        ("wx-list", "dead_link", "deduct", f"{o['wechat-list']}/s/blocked"),
        ("wx-list", "dead_link", "deduct", f"{o['wechat-list']}/menu/zxts.html"),
        ("rss-notfeed", "crawl_notice", "notice", f"{o['rss-notfeed']}/wechat/wewe/heishan"),
        ("wb-malformed", "crawl_notice", "notice", f"{o['weibo-malformed']}/u/2001000003"),
        ("wb-captcha", "crawl_notice", "notice", f"{o['weibo-captcha']}/2001000004"),
    }  # dy-fresh (Chromium) and the fresh feed: nothing stale


def test_end_to_end_evidence(crawl):
    by = {(r["site"], r["check_code"], r["url"].rsplit("/", 1)[-1]): r for r in crawl["rows"]}
    stale = json.loads(by[("wb-stale", "newmedia_stale", "2001000002")]["evidence"])
    assert stale["newest"] == "2026-10-30" and stale["days_since"] == 21 and stale["window_days"] == 14
    assert json.loads(by[("rss-empty", "newmedia_stale", "rss.xml")]["evidence"])["newest"] is None
    unanswered = by[("wb-deduct", "newmedia_unanswered", "Pa3")]
    assert json.loads(unanswered["evidence"])["comments"] == 2 and unanswered["source_url"].endswith("/u/2001000001")
    deleted = by[("wx-list", "dead_link", "deleted")]
    assert "该内容已被发布者删除" in deleted["detail"] and "该内容已被发布者删除" in deleted["evidence"]
    assert "此内容因违规无法查看" in by[("wx-list", "dead_link", "blocked")]["detail"]
    assert json.loads(by[("wx-list", "dead_link", "zxts.html")]["evidence"])["kinds"] == ["menu"]
    outdated = json.loads(by[("rss-fresh", "outdated_term", "20261119.html")]["evidence"])
    assert outdated["text"] == "国家工商行政管理总局"
    assert "无法读取微博" in by[("wb-captcha", "crawl_notice", "2001000004")]["detail"]


def test_end_to_end_accounts_get_no_website_findings_and_the_site_no_account_findings(crawl):
    accounts = {r["site"] for r in crawl["rows"]} - {"matrix-gov"}
    assert not {r["check_code"] for r in crawl["rows"] if r["site"] in accounts} & WEBSITE_CODES
    assert not any(r["check_code"].startswith("newmedia_") for r in crawl["rows"] if r["site"] == "matrix-gov")


def test_end_to_end_candidates_are_listed_after_the_summary(crawl):
    output = crawl["output"]
    assert "发现 2 个未登记的政务新媒体账号（候选，需加入配置后才检查）" in output
    assert "锦州司法微信公众号" in output and "凌海司法政务微博" in output
    assert "锦州发布微信公众号" not in output  # already in the config


def test_end_to_end_reports_keep_new_media_apart(crawl):
    out = crawl["folder"] / "problems.xlsx"
    result = run_zwgk("report", "--db", crawl["db"], "--format", "xlsx", "--out", str(out))
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:3] == ["汇总", "问题清单", "政务新媒体"]
    media = list(book["政务新媒体"].iter_rows(min_row=2, values_only=True))
    account_problems = [r for r in crawl["rows"] if r["site"] != "matrix-gov" and r["severity"] != "notice"]
    assert len(media) == len(account_problems) == 12
    header = [cell.value for cell in book["政务新媒体"][1]]
    assert header[:8] == ["序号", "账号名称", "平台", "主办单位", "问题类型", "单项否决/扣分", "问题描述", "最近发布时间"]
    assert ("北镇发布", "微博", "单项否决", "2026-10-30 10:00") in {(r[1], r[2], r[5], r[7]) for r in media}
    websites = list(book["问题清单"].iter_rows(min_row=2, values_only=True))
    assert websites and {r[1] for r in websites} == {"锦州市司法局"}
    scores = {r[1]: r[5] for r in book["计分"].iter_rows(min_row=2, values_only=True) if r[1]}
    assert scores["北镇发布（微博）"] == "不合格" and scores["锦州公安（抖音）"] == "合格"
    assert scores["锦州发布（微博）"] == "合格"  # deductions alone never fail an account

    result = run_zwgk("report", "--db", crawl["db"], "--format", "json", "--out", str(crawl["folder"] / "p.json"))
    assert result.returncode == 0, result.stderr
    data = json.loads((crawl["folder"] / "p.json").read_text("utf-8"))
    assert [s["id"] for s in data["sites"]] == ["matrix-gov"]
    assert {a["id"] for a in data["accounts"]} >= {"wb-stale", "dy-fresh", "wx-list"}
    assert next(a for a in data["accounts"] if a["id"] == "wb-malformed")["problem"].startswith("无法读取微博")


def test_site_option_takes_account_ids(accounts_server, tmp_path):
    db = tmp_path / "one.db"
    config = tmp_path / "zwgk.toml"
    config.write_text(accounts_server.config_toml(), "utf-8")
    result = run_zwgk("crawl", str(config), "--db", str(db), "--as-of", AS_OF.isoformat(), "--site", "wb-stale")
    assert result.returncode == 0, result.stdout + result.stderr
    conn = sqlite3.connect(db)
    assert json.loads(conn.execute("select sites from runs").fetchone()[0]) == ["wb-stale"]
    assert conn.execute("select count(*) from pages").fetchone()[0] == 0  # no site was crawled
    assert conn.execute("select site, check_code, severity from findings").fetchall() == [
        ("wb-stale", "newmedia_stale", "veto")]


def test_wechat_list_whose_links_are_not_shaped_like_wechat_is_read_by_its_article_pages():
    article = (HERE / "wechat-list" / "s" / "older" / "index.html").read_bytes()
    deleted = (HERE / "wechat-list" / "s" / "deleted" / "index.html").read_bytes()
    ctx = context({
        "http://127.0.0.1:9/": Fetched(200, '<ul><li><a href="/a/1.html">消防检查</a></li><li><a href="/a/2.html">通知'
                                           '</a></li><li><a href="/about.html">关于</a></li></ul>'.encode()),
        "http://127.0.0.1:9/a/1.html": Fetched(200, article, "text/html"),
        "http://127.0.0.1:9/a/2.html": Fetched(200, deleted, "text/html"),
        "http://127.0.0.1:9/about.html": Fetched(200, "<html><title>关于</title><p>本站介绍</p></html>".encode()),
    })
    reading = read_account(Account("w", "wechat", "http://127.0.0.1:9/"), AS_OF, context=ctx)
    assert reading.problem == "" and reading.newest == datetime(2026, 11, 12, 9, 0)
    assert [(p.url[-8:], p.deleted) for p in reading.posts] == [("a/1.html", ""), ("a/2.html", "该内容已被发布者删除")]


def test_a_list_written_by_script_is_read_from_the_rendered_page():
    """No data behind the page, only the DOM its script wrote: video links with their dates."""
    from zwgk.newmedia.embedded import read_page

    page = """<html><body><ul data-e2e="scroll-list">
<li><a class="video-card" href="/video/7301"><p>冬季供暖服务热线开通</p><span>发布时间：2026-11-18 19:30</span></a></li>
<li><a class="video-card" href="/video/7299"><p>秋收进行时</p><span>发布时间：2026-10-02 10:00</span></a></li>
<li><a href="/about">关于我们 2026-01-01</a></li></ul></body></html>"""
    reading = read_page(page, [], "douyin", "http://127.0.0.1:1/user/abc", Context(AS_OF, now=AT))
    assert not reading.problem
    assert sorted((post.url.rsplit("/", 1)[-1], post.published.date().isoformat()) for post in reading.posts) == [
        ("7299", "2026-10-02"), ("7301", "2026-11-18")]
    assert reading.posts[0].title == "冬季供暖服务热线开通"
    empty = read_page("<html><body><a href='/video/1'>没有日期</a></body></html>", [], "douyin",
                      "http://127.0.0.1:1/user/abc", Context(AS_OF, now=AT))
    assert empty.problem and not empty.posts  # nothing dated: cannot judge, never stale
