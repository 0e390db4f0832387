"""Accounts a site's own pages point to that the config does not list: candidates to add (never checked).

A link is a candidate when its target is an account on a platform (weibo.com/u/…, douyin.com/user/…,
toutiao.com/c/user/…, a WeChat profile page), or when it sits on a page about 政务新媒体 (title or link
text with 新媒体 / 政务微博 / 公众号 / 矩阵) and either names a platform account in its text (微信公众号,
政务微博, 抖音号, 头条号) or leads to a platform's host. Articles shared from a platform elsewhere on the
site (mp.weixin.qq.com/s/…) are not accounts.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

HOSTS = {"weibo.com": "weibo", "m.weibo.cn": "weibo", "weibo.cn": "weibo", "mp.weixin.qq.com": "wechat",
         "douyin.com": "douyin", "v.douyin.com": "douyin", "iesdouyin.com": "douyin", "toutiao.com": "toutiao",
         "m.toutiao.com": "toutiao"}
ACCOUNT_PATHS = {
    "weibo": re.compile(r"^/(u/\d+|profile/\d+|p/100505\d+|\d{5,}|[A-Za-z][\w-]{2,})/?$"),
    "douyin": re.compile(r"^/(user|share/user)/[\w-]+"),
    "toutiao": re.compile(r"^/(c/user|c/user/token|user)/[\w/=-]+"),
    "wechat": re.compile(r"^/mp/(profile_ext|homepage|getmasssendmsg)"),
}
# an account's own page, recognised by its path alone on a page about 政务新媒体 (the platform host may be
# a mirror, a short-link service or, in tests, 127.0.0.1)
SHAPES = [("weibo", re.compile(r"^/(u|profile)/\d{5,}/?$")), ("douyin", re.compile(r"^/(share/)?user/MS4wLj[\w-]+")),
          ("toutiao", re.compile(r"^/c/user/(token/)?[\w=-]+")), ("wechat", re.compile(r"^/mp/profile_ext"))]
GENERIC_TEXT = re.compile(r"^((点击)?(进入|访问|查看)(账号|主页)?|链接|详情|关注|更多|>+|»)$")
WORDS = [("wechat", re.compile(r"微信公众号|公众号|微信")), ("weibo", re.compile(r"政务微博|微博")),
         ("douyin", re.compile(r"抖音")), ("toutiao", re.compile(r"头条号|今日头条|头条"))]
ABOUT = re.compile(r"新媒体|政务微博|公众号|矩阵")
NOT_ACCOUNT_PATHS = {"login", "signup", "explore", "discover", "hot", "search", "home", "download", "about", "video"}
SQL_FILTER = " or ".join([f"l.target_url like '%{host}%'" for host in ("weibo.c", "weixin.qq.com", "douyin.com",
                                                                      "toutiao.com")]
                         + [f"l.text like '%{word}%'" for word in ("公众号", "微博", "抖音", "头条", "新媒体", "微信")])


def platform_of_host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    for known, platform in HOSTS.items():
        if host == known or host.endswith("." + known):
            return platform
    return ""


def is_account_url(url: str) -> str:
    """The platform when `url` is an account's own page on it, else ""."""
    platform = platform_of_host(url)
    path = urlsplit(url).path or "/"
    if not platform or path.strip("/").split("/")[0].lower() in NOT_ACCOUNT_PATHS:
        return ""
    return platform if ACCOUNT_PATHS[platform].match(path) else ""


def platform_in_text(text: str) -> str:
    return next((platform for platform, words in WORDS if words.search(text or "")), "")


def candidates(rows: list[dict], configured: set[str]) -> list[dict]:
    """rows: {site, source_url, target_url, text, title} (title: of the page holding the link)."""
    found: dict[str, dict] = {}
    for row in rows:
        url, text = row["target_url"], " ".join((row["text"] or "").split())
        if not url.startswith("http") or row.get("kind", "page") != "page" or url in found:
            continue  # an image (the account's QR code) is not a link to the account
        platform = is_account_url(url)
        about = ABOUT.search(row.get("title") or "") or ABOUT.search(text)
        if not platform and about:
            path = urlsplit(url).path or "/"
            platform = next((name for name, shape in SHAPES if shape.match(path)), "")
        if not platform and about:
            host_platform = platform_of_host(url)
            named = platform_in_text(text)
            if host_platform and not urlsplit(url).path.startswith("/s"):
                platform = host_platform
            elif named and re.search(r"公众号|微博|抖音号|头条号|账号|帐号", text):
                platform = host_platform or named
        if platform:
            if identity(url, platform) in configured:
                continue
            if identity(url, platform) in {identity(known, c["platform"]) for known, c in found.items()}:
                continue  # the same account linked twice (/u/… and /profile/…)
            found[url] = {"site": row["site"], "platform": platform, "url": url,
                          "name": "" if GENERIC_TEXT.match(text) else text[:60], "source_url": row["source_url"]}
    return list(found.values())


def identity(url: str, platform: str = "") -> str:
    """Who an account URL names, whatever form it takes: a Weibo uid (/u/…, /profile/…, containerid=107603…,
    weibo.com/<uid>), a Douyin sec_uid, a Toutiao user, a WeChat __biz; otherwise the URL without scheme
    and fragment."""
    parts = urlsplit(url.replace("&amp;", "&"))
    query = parse_qs(parts.query)
    container = (query.get("containerid") or [""])[0]
    if re.fullmatch(r"(100505|107603|230413|231567)\d{5,}", container):
        return "weibo:" + container[6:]
    if query.get("uid") and re.fullmatch(r"\d{5,}", query["uid"][0]):
        return "weibo:" + query["uid"][0]
    if query.get("__biz"):
        return "wechat:" + query["__biz"][0]
    path = parts.path.rstrip("/")
    if platform == "weibo" and re.fullmatch(r"/\d{5,}", path):
        return "weibo:" + path[1:]
    for pattern, platform in ((r"/(?:u|profile|p/100505)/?(\d{5,})", "weibo"), (r"/(?:share/)?user/([\w-]{10,})", "douyin"),
                              (r"/c/user/(?:token/)?([\w=-]+)", "toutiao")):
        match = re.search(pattern, path)
        if match:
            return f"{platform}:{match.group(1)}"
    return f"{(parts.hostname or '').lower()}{path}?{parts.query}"


def discover(db, run_id: int, config) -> list[dict]:
    """Store (and return) the run's candidates, replacing earlier ones of the run."""
    configured = {identity(account.url, account.platform) for account in config.accounts}
    rows = [dict(row) for row in db.query(
        f"""select l.site, l.source_url, l.target_url, l.text, l.kind, p.title from links l
            left join pages p on p.run_id = l.run_id and p.url = l.source_url
            where l.run_id = ? and ({SQL_FILTER} or p.title like '%新媒体%' or p.title like '%矩阵%'
                                    or p.title like '%政务微博%' or p.title like '%公众号%')
            order by l.rowid""", [run_id])]
    accounts = {row["id"] for row in db.query("select id from sites where kind = 'account'")}
    found = candidates([row for row in rows if row["site"] not in accounts], configured)
    with db.conn:
        db.conn.execute("delete from account_candidates where run_id = ?", [run_id])
        db.conn.executemany("insert into account_candidates (run_id, site, platform, url, name, source_url) "
                            "values (?,?,?,?,?,?)", [(run_id, c["site"], c["platform"], c["url"], c["name"],
                                                       c["source_url"]) for c in found])
    return found
