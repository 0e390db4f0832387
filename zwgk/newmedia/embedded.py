"""douyin, toutiao: the public account page rendered in Chromium, read from the data embedded in it.

The data is found generically, not by one page's layout: `<script id="RENDER_DATA">` (URL-encoded JSON),
`window._ROUTER_DATA`, `window._SSR_HYDRATED_DATA`, `__NEXT_DATA__`, any `<script type="application/json">`,
the same globals as the rendered page holds them, and the JSON answers the page fetched while loading.
The JSON is walked for objects that look like posts (a time key such as create_time / behot_time and a
text key such as desc / title / abstract) and for the author (nickname, verification). Every request
Chromium makes passes the network policy; images, media and fonts are not loaded.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import Counter
from urllib.parse import unquote, urljoin

from .model import AccountFacts, Post, Reading, unreadable
from .web import Context, plain_text

NAMES = {"douyin": "抖音号", "toutiao": "头条号"}
TIME_KEYS = ("create_time", "createTime", "publish_time", "publishTime", "behot_time", "behotTime",
             "created_at", "createdAt", "publish_date", "pubDate", "ctime")
TEXT_KEYS = ("desc", "title", "abstract", "content", "description", "item_title")
URL_KEYS = ("share_url", "article_url", "display_url", "url", "source_url", "link", "shareUrl", "articleUrl")
ID_KEYS = ("aweme_id", "awemeId", "group_id", "groupId", "item_id", "itemId", "id")
COMMENT_KEYS = ("comment_count", "commentCount", "comments_count", "commentsCount")
PIN_KEYS = ("is_top", "isTop", "is_stick", "isSticky", "stick")
NAME_KEYS = ("nickname", "screen_name", "name", "user_name", "nickName", "screenName")
VERIFY_KEYS = ("custom_verify", "enterprise_verify_reason", "verify_info", "verified_content", "verified_reason",
               "verifyInfo", "customVerify", "enterpriseVerifyReason", "auth_info", "authInfo", "verify_reason")
OPEN_KEYS = {"can_comment": True, "allow_comment": True, "comment_enabled": True, "commentable": True,
             "ban_comment": False, "comment_closed": False, "forbid_comment": False}
MESSAGE_KEYS = {"can_message": True, "allow_message": True, "message_enabled": True, "enable_message": True,
                "ban_message": False, "message_closed": False}
NOT_POSTS = {"cid", "reply_id", "reply_to_reply_id", "reply_comment"}  # comments, not posts
SCRIPT_JSON = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
GLOBALS = ("_ROUTER_DATA", "_SSR_HYDRATED_DATA", "__NEXT_DATA__", "__INITIAL_STATE__", "__NUXT__", "SSR_RENDER_DATA",
           "RENDER_DATA", "__INIT_PROPS__", "__APOLLO_STATE__")
ASSIGNED = re.compile(r"(?:window\.|var\s+|let\s+|const\s+)(%s)\s*=\s*" % "|".join(re.escape(g) for g in GLOBALS))
MAX_DEPTH = 40
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SKIPPED_TYPES = {"image", "media", "font"}
_chromium = threading.Lock()  # one Chromium at a time: the machine is small


def read(account, context: Context) -> Reading:
    name = NAMES.get(account.platform, account.platform)
    try:
        page, blobs = render(account.url, context)
    except RenderFailed as why:
        return unreadable(name, str(why))
    return read_page(page, blobs, account.platform, account.url, context)


class RenderFailed(Exception):
    pass


def read_page(page: str, blobs: list, platform: str, base: str, context: Context) -> Reading:
    """The reading of a rendered page: its HTML and the JSON the page held or fetched."""
    name = NAMES.get(platform, platform)
    data = embedded_json(page) + list(blobs)
    if not data:
        shown = dom_posts(page, base, context)
        if shown:  # no data behind the page, but its script wrote the list with dates: read what it shows
            return Reading(AccountFacts(), shown)
        return unreadable(name, "页面中没有找到账号数据，平台格式可能已变化或需要登录")
    found = Found()
    for blob in data:
        found.walk(blob, 0)
    posts: dict[str, Post] = {}
    for node in found.posts:
        post = _post(node, platform, base, context)
        if post and post.url not in posts:
            posts[post.url] = post
    if not posts:
        return unreadable(name, "页面中没有读到作品或文章列表，平台格式可能已变化或需要登录")
    facts = _facts(found)
    if any(post.comments for post in posts.values()):
        facts.interactive = True
    return Reading(facts, list(posts.values()))


POST_LINK = re.compile(r"""<a\b[^>]*?href=["']([^"']*/(?:video|article|note|group|item)/[\w-]+[^"']*)["'][^>]*>(.*?)</a>""",
                       re.S | re.I)
SHOWN_DATE = re.compile(r"20\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2})?|\d+\s*(?:分钟|小时|天)前|"
                        r"昨天\s*\d{1,2}:\d{2}|刚刚|(?<!\d)\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?(?!\d)")


def dom_posts(page: str, base: str, context: Context) -> list[Post]:
    """Posts as the rendered page shows them: links to a video or article whose text carries a date."""
    from html import unescape

    posts: dict[str, Post] = {}
    for href, inner in POST_LINK.findall(page):
        text = plain_text(inner)
        shown = SHOWN_DATE.search(text)
        when = shown and context.when(shown.group(0))
        if not when:
            continue
        words = re.sub(r"(发布|更新)?时间[:：]?", "", (text[:shown.start()] + " " + text[shown.end():])).strip()
        url = urljoin(base, unescape(href))
        posts.setdefault(url, Post(url=url, title=words[:200], text=words, published=when))
    return list(posts.values())


def embedded_json(page: str) -> list:
    """Every JSON document the page's markup carries."""
    found = []
    for attributes, body in SCRIPT_JSON.findall(page):
        body = body.strip()
        if not body:
            continue
        if "json" in attributes.lower():
            value = _loads(body) or _loads(unquote(body))
            if value is not None:
                found.append(value)
            continue
        for match in ASSIGNED.finditer(body):
            value = _decode_at(body, match.end())
            if value is not None:
                found.append(value)
    return found


def _loads(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return None


def _decode_at(text: str, start: int):
    raw = re.sub(r"\bundefined\b", "null", text[start:])
    try:
        value, _ = json.JSONDecoder().raw_decode(raw.lstrip())
    except ValueError:
        return None
    return value


class Found:
    def __init__(self):
        self.posts: list[dict] = []
        self.authors: list[dict] = []
        self.post_authors: Counter = Counter()

    def walk(self, node, depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        if isinstance(node, dict):
            if _looks_like_post(node):
                self.posts.append(node)
                for key in ("author", "user", "user_info", "userInfo", "media_user", "authorInfo"):
                    if isinstance(node.get(key), dict) and _author_name(node[key]):
                        self.post_authors[_author_name(node[key])] += 1
            if _author_name(node) and any(key in node for key in ("uid", "sec_uid", "user_id", "secUid", "userId",
                                                                   "follower_count", "followerCount", "media_id")):
                self.authors.append(node)
            for value in node.values():
                self.walk(value, depth + 1)
        elif isinstance(node, list):
            for value in node:
                self.walk(value, depth + 1)
        elif isinstance(node, str) and len(node) > 40 and node[:1] in "{[":
            value = _loads(node)  # JSON inside a string (toutiao's auth info, some RENDER_DATA fields)
            if value is not None:
                self.walk(value, depth + 1)


def _looks_like_post(node: dict) -> bool:
    if NOT_POSTS & node.keys():
        return False
    has_time = any(node.get(key) not in (None, "", 0) for key in TIME_KEYS)
    has_text = any(isinstance(node.get(key), str) and node[key].strip() for key in TEXT_KEYS)
    return has_time and has_text


def _author_name(node: dict) -> str:
    for key in NAME_KEYS:
        if isinstance(node.get(key), str) and node[key].strip():
            return node[key].strip()
    return ""


def _post(node: dict, platform: str, base: str, context: Context) -> Post | None:
    published = next((context.when(node[key]) for key in TIME_KEYS if node.get(key) not in (None, "", 0)), None)
    title = next((plain_text(node[key]) for key in ("title", "item_title", "desc") if isinstance(node.get(key), str)
                  and node[key].strip()), "")
    text = "\n".join(plain_text(node[key]) for key in ("desc", "abstract", "content", "description")
                     if isinstance(node.get(key), str) and node[key].strip() and node[key] != title)
    return Post(url=_post_url(node, platform, base), title=title[:200], text="\n".join(filter(None, (title, text))),
                published=published, comments=_count(node), pinned=any(bool(node.get(key)) for key in PIN_KEYS))


def _post_url(node: dict, platform: str, base: str) -> str:
    for key in URL_KEYS:
        value = node.get(key)
        if isinstance(value, str) and (value.startswith("http") or value.startswith("/")):
            return urljoin(base, value)
    share = node.get("share_info") or node.get("shareInfo")
    if isinstance(share, dict) and isinstance(share.get("share_url"), str):
        return share["share_url"]
    ident = next((str(node[key]) for key in ID_KEYS if node.get(key) not in (None, "")), "")
    if platform == "douyin" and ident:
        return f"https://www.douyin.com/video/{ident}"
    if platform == "toutiao" and ident:
        return f"https://www.toutiao.com/article/{ident}/"
    if ident:
        return f"{base}#{ident}"
    # no id at all: a digest of the post's data, stable from night to night (Python's hash() is not)
    return f"{base}#{hashlib.sha1(json.dumps(node, sort_keys=True, default=str).encode()).hexdigest()[:16]}"


def _count(node: dict) -> int | None:
    for holder in (node, node.get("statistics"), node.get("stats"), node.get("interact_info")):
        if isinstance(holder, dict):
            for key in COMMENT_KEYS:
                value = holder.get(key)
                if isinstance(value, (int, float)) or (isinstance(value, str) and value.isdigit()):
                    return int(value)
    return None


def _facts(found: Found) -> AccountFacts:
    facts = AccountFacts()
    owner = found.post_authors.most_common(1)[0][0] if found.post_authors else ""
    candidates = [a for a in found.authors if _author_name(a) == owner] or found.authors
    for author in candidates:
        facts.name = facts.name or _author_name(author)
        for key in VERIFY_KEYS:
            value = author.get(key)
            if isinstance(value, dict):
                value = value.get("auth_info") or value.get("verify_reason") or ""
            if isinstance(value, str) and value.strip() and not facts.verified:
                facts.verified = value.strip()
    facts.name = facts.name or owner
    comments = _switches(found.posts, OPEN_KEYS)
    messages = _switches(candidates, MESSAGE_KEYS)
    if comments and messages and not any(comments) and not any(messages):
        facts.interactive = False  # the page says plainly: comments closed and no messages
    elif any(comments) or any(messages):
        facts.interactive = True
    return facts


def _switches(nodes: list[dict], keys: dict[str, bool]) -> list[bool]:
    """What the nodes say about a switch: True for open, False for closed (each node that says anything)."""
    said = []
    for node in nodes:
        for holder in (node, node.get("status"), node.get("aweme_control"), node.get("permission")):
            if isinstance(holder, dict):
                for key, open_when in keys.items():
                    if isinstance(holder.get(key), (bool, int)) and not isinstance(holder.get(key), float):
                        said.append(bool(holder[key]) == open_when)
    return said


def render(url: str, context: Context) -> tuple[str, list]:
    """The page after its scripts ran, and the JSON it holds in globals or fetched; Chromium serialised."""
    from pathlib import Path

    if not Path(context.chromium).exists():
        raise RenderFailed("本机没有 Chromium，无法渲染页面")
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    with _chromium:
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=context.chromium, args=ARGS, headless=True)
                try:
                    return _load(browser, url, context)
                finally:
                    browser.close()
        except PlaywrightError as error:
            raise RenderFailed(f"页面无法打开：{str(error).splitlines()[0][:80]}") from None


def _load(browser, url: str, context: Context) -> tuple[str, list]:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    from zwgk.fetch import _permitted

    page_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    permitted: dict[str, bool] = {}

    def route(handle) -> None:
        request = handle.request
        host = request.url.split("/", 3)[2] if "://" in request.url else ""
        if request.resource_type in SKIPPED_TYPES:
            handle.abort()
        elif permitted.setdefault(host, _permitted(request.url, context.policy)):
            handle.continue_()
        else:
            handle.abort()

    page_context.route("**/*", route)
    responses = []
    page = page_context.new_page()
    page.on("response", lambda response: responses.append(response)
            if "json" in (response.headers.get("content-type") or "") and len(responses) < 40 else None)
    answer = page.goto(url, wait_until="load", timeout=context.timeout * 1000)
    if answer is not None and answer.status >= 400:
        raise RenderFailed(f"HTTP {answer.status}")
    try:
        page.wait_for_load_state("networkidle", timeout=5000)
    except PlaywrightTimeout:
        pass
    blobs = []
    held = page.evaluate("""(names) => {
        const out = [];
        for (const name of names) {
            try { if (window[name] !== undefined) out.push(JSON.parse(JSON.stringify(window[name]))); } catch (e) {}
        }
        return out;
    }""", list(GLOBALS))
    blobs.extend(held or [])
    for response in responses:
        try:
            blobs.append(response.json())
        except Exception:  # noqa: BLE001 - a body gone or not JSON after all
            continue
    return page.content(), blobs
