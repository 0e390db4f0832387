"""wechat: an account's article list, read from the web.

`url` is either a history page holding the `msgList` JSON (mp.weixin.qq.com's profile_ext page, Sogou's
copy of it, HTML-escaped or not), any HTML or text page listing article links (`mp.weixin.qq.com/s/…`,
`/s?__biz=…`), or a feed of such links. The article pages are then read for their publish time
(`var ct`, `publish_time`, `<em id="publish_time">`, `article:published_time`) and their text, and show
when an article was deleted or blocked (该内容已被发布者删除, 此内容因违规无法查看 …): a dead post link.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, time
from urllib.parse import parse_qs, urljoin, urlsplit

from lxml import html as lxml_html

from crawler.extract.dates import date_in_text

from .model import AccountFacts, Post, Reading, unreadable
from .web import BLOCKED, Context, html_of, plain_text, why_not

NAME = "微信公众号"
MAX_ARTICLES = 20  # article pages read per account and night
MSG_LIST = re.compile(r"msgList\s*=\s*(['\"]?)")
ARTICLE_PATH = re.compile(r"^/(s|mp/appmsg/show)(/|$)")
ARTICLE_URL = re.compile(r"https?://[\w.:-]+/s(?:/[\w-]+|\?[^\s\"'<>]+)")
GONE = ("该内容已被发布者删除", "此内容因违规无法查看", "此内容被投诉且经审核涉嫌侵权", "此内容发送失败无法查看",
        "该内容已被删除", "该内容因违规无法查看", "此内容因涉嫌违反相关法律法规和政策无法查看", "该公众号已迁移",
        "此帐号已被屏蔽", "此账号已被屏蔽", "此帐号已自主注销", "此账号已自主注销", "该账号因违规无法查看",
        "内容已删除", "链接已过期")
VERIFY = ("环境异常", "请在微信客户端打开链接", "完成验证后即可继续访问", "访问过于频繁")
TIME_PATTERNS = [
    re.compile(r"\bvar\s+ct\s*=\s*[\"']?(\d{10})"),
    re.compile(r"\bct\s*=\s*[\"'](\d{10})[\"']"),
    re.compile(r"\bcreate_time\s*[:=]\s*[\"']?(\d{10})"),
    re.compile(r"\bpublish_time\s*=\s*[\"']([^\"']+)[\"']"),
    re.compile(r"<em[^>]+id=[\"']publish_time[\"'][^>]*>\s*([^<]+?)\s*</em>"),
    re.compile(r"<meta[^>]+property=[\"']article:published_time[\"'][^>]+content=[\"']([^\"']+)"),
    re.compile(r"<meta[^>]+content=[\"']([^\"']+)[\"'][^>]+property=[\"']article:published_time"),
    re.compile(r"\bcreateTime\s*=\s*[\"']([^\"']+)[\"']"),
]


def read(account, context: Context) -> Reading:
    answer = context.get(account.url)
    reason = why_not(answer)
    if reason:
        return unreadable(NAME, reason)
    page = html_of(answer)
    base = answer.final_url or account.url
    if any(word in page for word in VERIFY) and "msgList" not in page:
        return unreadable(NAME, "平台要求验证，未返回文章列表")
    posts, facts = history(page, base, context)
    if posts is None:
        feed = _feed(answer.body, base, context)
        if feed is not None:
            posts, facts = feed.posts, feed.facts
        else:
            posts, facts = listed(page, base, context)
    if posts is None:
        posts = _articles_among_links(page, base, context)
    if not posts:
        return unreadable(NAME, "页面中没有找到文章列表或文章链接，平台格式可能已变化")
    for post in posts[:MAX_ARTICLES]:
        _read_article(post, context, facts)
    return Reading(facts, posts)


def history(page: str, base: str, context: Context) -> tuple[list[Post] | None, AccountFacts]:
    """The `msgList` JSON of a history page: every message with its time, multi-article messages too."""
    facts = AccountFacts(name=_js_var(page, "nickname") or _js_var(page, "name"))
    data = _msg_list(page)
    if data is None:
        return None, facts
    posts = []
    for message in data.get("list") or []:
        info = message.get("comm_msg_info") or {}
        published = context.when(info.get("datetime"))
        main = message.get("app_msg_ext_info") or {}
        for item in [main, *(main.get("multi_app_msg_item_list") or [])]:
            link = html.unescape(item.get("content_url") or "").replace("\\/", "/")
            if not link:
                continue
            posts.append(Post(url=urljoin(base, link), title=html.unescape(item.get("title") or ""),
                              text=html.unescape(item.get("digest") or ""), published=published))
    return posts, facts


def _msg_list(page: str) -> dict | None:
    match = MSG_LIST.search(page)
    if not match:
        return None
    start, quote = match.end(), match.group(1)
    if quote:  # var msgList = '{&quot;list&quot;:…}';
        end = page.find(quote, start)
        raw = html.unescape(page[start:end]) if end > 0 else ""
    else:
        raw = page[start:]
    try:
        data, _ = json.JSONDecoder().raw_decode(raw.strip())
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def listed(page: str, base: str, context: Context) -> tuple[list[Post] | None, AccountFacts]:
    """Article links on an HTML or plain-text page, with the date the list shows beside each, if any."""
    facts = AccountFacts()
    posts: dict[str, Post] = {}
    try:
        root = lxml_html.fromstring(page) if "<" in page else None
    except (ValueError, lxml_html.etree.ParserError):
        root = None
    if root is not None:
        facts.name = (root.findtext(".//title") or "").strip()
        for anchor in root.iter("a"):
            url = urljoin(base, (anchor.get("href") or "").strip())
            text = " ".join(anchor.text_content().split())
            if _is_article(url):
                holder = anchor.getparent()
                around = " ".join(holder.text_content().split()) if holder is not None else text
                day = date_in_text(around, context.as_of)
                post = posts.setdefault(url, Post(url=url, title=text))
                post.published = post.published or (datetime.combine(day, time(0, 0)) if day else None)
            elif url.startswith("http") and _in_menu(anchor):
                facts.menu.append((text, url))
    else:
        for url in ARTICLE_URL.findall(page):
            posts.setdefault(url, Post(url=url))
    if not posts:
        return None, facts
    return list(posts.values()), facts


def _articles_among_links(page: str, base: str, context: Context) -> list[Post]:
    """A list whose links are not shaped like WeChat's (an archive on another host): the linked pages that
    are WeChat articles (or WeChat's page for a deleted one) are the posts."""
    try:
        root = lxml_html.fromstring(page)
    except (ValueError, lxml_html.etree.ParserError):
        return []
    seen, posts = {base.split("#")[0]}, []
    for anchor in root.iter("a"):
        url = urljoin(base, (anchor.get("href") or "").strip()).split("#")[0]
        if not url.startswith("http") or url in seen or _in_menu(anchor):
            continue
        seen.add(url)
        if len(seen) > MAX_ARTICLES * 2:
            break
        answer = context.get(url)
        if answer.status != 200:
            continue
        article = html_of(answer)
        if article_gone(article, url) or article_time(article, context) and (
                "js_content" in article or "rich_media" in article or "msg_title" in article):
            holder = anchor.getparent()
            day = date_in_text(" ".join(holder.text_content().split()) if holder is not None else "", context.as_of)
            posts.append(Post(url=url, title=" ".join(anchor.text_content().split()),
                              published=datetime.combine(day, time(0, 0)) if day else None))
    return posts


def _in_menu(anchor) -> bool:
    for element in anchor.iterancestors():
        marks = f"{element.get('id', '')} {element.get('class', '')}".lower()
        if "menu" in marks or "caidan" in marks:
            return True
    return False


def _is_article(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    if not ARTICLE_PATH.match(parts.path):
        return False
    return parts.path.rstrip("/") not in ("/s", "/mp/appmsg/show") or bool(parts.query)


def _feed(body: bytes, base: str, context: Context) -> Reading | None:
    head = body[:512].lstrip().lower()
    if not (head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed")):
        return None
    from .rss import parse_feed

    reading = parse_feed(body, base, context)
    return None if reading.problem else reading


def _read_article(post: Post, context: Context, facts: AccountFacts) -> None:
    answer = context.get(post.url)
    if answer.status is None or answer.status in BLOCKED:
        return  # not answered, or the platform refused us: unchecked, never dead
    if answer.status >= 400:
        post.checked, post.deleted = True, f"HTTP {answer.status}"
        return
    page = html_of(answer)
    gone = article_gone(page, post.url)
    if gone is None:
        return  # a temporary link that expired, or a verification wall: unchecked
    post.checked = True
    if gone:
        post.deleted = gone
        return
    post.published = article_time(page, context) or post.published
    title = _js_var(page, "msg_title") or _meta(page, "og:title")
    post.title = html.unescape(title) if title else post.title
    post.text = article_text(page) or post.text
    facts.name = facts.name or _js_var(page, "nickname")


def article_gone(page: str, url: str) -> str | None:
    """Why an article page shows no article ("" when it shows one; None when that cannot be told)."""
    if 'id="js_content"' in page or "id='js_content'" in page:
        return ""
    text = plain_text(page)
    if any(word in text for word in VERIFY):
        return None
    for word in GONE:
        if word in text:
            if word == "链接已过期" and _temporary(url):
                return None  # history-page links carry a signature that expires in hours
            return word
    return ""


def _temporary(url: str) -> bool:
    query = parse_qs(urlsplit(url).query)
    return "signature" in query or "timestamp" in query


def article_time(page: str, context: Context):
    for pattern in TIME_PATTERNS:
        match = pattern.search(page)
        if match:
            moment = context.when(match.group(1))
            if moment:
                return moment
    return None


def article_text(page: str) -> str:
    try:
        root = lxml_html.fromstring(page)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    found = root.xpath('//*[@id="js_content"]')
    if not found:
        return ""
    for hidden in found[0].xpath(".//script|.//style"):
        hidden.drop_tree()
    return "\n".join(line.strip() for line in found[0].text_content().splitlines() if line.strip())


def _js_var(page: str, name: str) -> str:
    match = re.search(r"\bvar\s+%s\s*=\s*[\"']([^\"']*)[\"']" % re.escape(name), page)
    return html.unescape(match.group(1)).strip() if match else ""


def _meta(page: str, name: str) -> str:
    match = re.search(r"<meta[^>]+property=[\"']%s[\"'][^>]+content=[\"']([^\"']*)" % re.escape(name), page)
    return match.group(1) if match else ""
