"""weibo: the m.weibo.cn container API of an account, with paging, and its comments API.

Profile URLs (`/u/<uid>`, `/profile/<uid>`, `/<uid>`, `/p/100505<uid>`) map to
`<origin>/api/container/getIndex?containerid=107603<uid>`, where origin is m.weibo.cn for weibo.com and
the configured origin otherwise (so a recorded API served on 127.0.0.1 works). Posts are the cards of
type 9 (`mblog`). A post is unanswered when citizens commented and no comment or reply comes from the
account's own user id. `{"ok":0}` that is not a plain "no content", malformed JSON, a login or captcha
page where JSON was expected, or 403/418/432 is a reading problem, never a stale account.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

from .model import AccountFacts, Post, Reading, unreadable
from .web import Context, plain_text, why_not

NAME = "微博"
MAX_PAGES = 3  # pages of 10 posts: enough to see two weeks of a government account
MAX_COMMENTED = 10  # posts whose comments are read per night
OLD_ENOUGH = timedelta(days=30)  # stop paging once the list is this far behind the 监测时间点
WEIBO_HOSTS = {"weibo.com", "www.weibo.com", "m.weibo.cn", "weibo.cn", "m.weibo.com"}
EMPTY = ("这里还没有内容", "暂无", "还没有人评论", "快来发表你的评论吧", "没有更多")
UID = [re.compile(r"^/(?:u|profile)/(\d{5,})"), re.compile(r"^/p/100505(\d{5,})"), re.compile(r"^/(\d{5,})(?:/|$)")]


class Refused(Exception):
    """The platform did not give usable JSON: the Chinese reason."""


def api_url(url: str) -> str | None:
    """The container API address of a configured URL, or None when no user id can be found in it."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    origin = "https://m.weibo.cn" if host in WEIBO_HOSTS else f"{parts.scheme}://{parts.netloc}"
    if "/api/container/getIndex" in parts.path:
        query = parse_qs(parts.query)
        if "containerid" in query:
            return f"{origin}{parts.path}?containerid={query['containerid'][0]}"
        if "value" in query:  # ?type=uid&value=<uid>
            return f"{origin}{parts.path}?containerid=107603{query['value'][0]}"
        return None
    for pattern in UID:
        match = pattern.match(parts.path)
        if match:
            return f"{origin}/api/container/getIndex?containerid=107603{match.group(1)}"
    uid = parse_qs(parts.query).get("uid")
    return f"{origin}/api/container/getIndex?containerid=107603{uid[0]}" if uid and uid[0].isdigit() else None


def read(account, context: Context) -> Reading:
    first = api_url(account.url)
    if not first:
        return unreadable(NAME, "网址中没有用户 ID，请写成 https://weibo.com/u/数字ID")
    uid = first.rsplit("107603", 1)[1]
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(first))
    headers = {"Referer": f"{origin}/u/{uid}", "X-Requested-With": "XMLHttpRequest", "MWeibo-Pwa": "1",
               "Accept": "application/json, text/plain, */*"}
    facts, posts, mids = AccountFacts(), [], {}
    url, page = first, 1
    while url and page <= MAX_PAGES:
        try:
            data = _json(context, url, headers)
        except Refused as why:
            if page == 1:
                return unreadable(NAME, str(why))
            break  # a later page failed: what was read stands
        if data is None:
            break
        cards = _cards(data.get("data") or {})
        if page == 1 and not isinstance((data.get("data") or {}).get("cards"), list):
            return unreadable(NAME, "接口返回的数据中没有 cards，平台格式可能已变化")
        fresh = 0
        for mblog in cards:
            post = _post(mblog, origin, context)
            if post.url in mids:
                continue
            mids[post.url] = str(mblog.get("mid") or mblog.get("id") or "")
            fresh += 1
            posts.append(post)
            _author(mblog.get("user") or {}, facts)
        info = (data.get("data") or {}).get("cardlistInfo") or {}
        dated = [p.published for p in posts if p.published and not p.pinned]
        if not fresh or (dated and context.reference - min(dated) > OLD_ENOUGH):
            break
        page += 1
        since = info.get("since_id")
        url = f"{first}&since_id={since}" if since else f"{first}&page={page}"
    _comments(posts, mids, uid, origin, headers, context)
    if any(post.comments for post in posts):
        facts.interactive = True  # citizens can and do comment
    return Reading(facts, posts)


def _json(context: Context, url: str, headers: dict) -> dict | None:
    """The answer as JSON; None for a plain "no content" answer; Refused for anything unusable."""
    answer = context.get(url, headers)
    reason = why_not(answer)
    if reason:
        raise Refused(reason)
    body = answer.body.decode("utf-8", "replace").strip()
    if body.startswith("<"):
        login = any(word in body for word in ("登录", "passport", "验证码", "安全验证", "captcha", "Sina Visitor"))
        raise Refused("返回登录或验证页面而不是数据" if login else "返回网页而不是数据")
    try:
        data = json.loads(body)
    except ValueError:
        raise Refused("返回的数据不是有效的 JSON") from None
    if not isinstance(data, dict):
        raise Refused("返回的数据格式无法识别")
    if str(data.get("ok")) != "1":
        message = str(data.get("msg") or data.get("message") or data.get("errmsg") or "")
        if any(word in message for word in EMPTY) and str(data.get("ok")) == "0" and not data.get("errno"):
            return None
        raise Refused(f"接口返回错误：{message or json.dumps(data, ensure_ascii=False)[:80]}")
    return data


def _cards(data: dict) -> list[dict]:
    """Every mblog of the answer, cards inside card groups too."""
    found = []
    for card in data.get("cards") or []:
        if not isinstance(card, dict):
            continue
        if card.get("mblog") and str(card.get("card_type")) == "9":
            found.append(card["mblog"])
        for inner in card.get("card_group") or []:
            if isinstance(inner, dict) and inner.get("mblog"):
                found.append(inner["mblog"])
    return found


def _post(mblog: dict, origin: str, context: Context) -> Post:
    mid = str(mblog.get("mid") or mblog.get("id") or "")
    bid = mblog.get("bid") or mid
    host = "https://m.weibo.cn" if "weibo" in origin else origin
    title = (mblog.get("title") or {}).get("text", "") if isinstance(mblog.get("title"), dict) else ""
    pinned = bool(mblog.get("isTop")) or title == "置顶"
    text = plain_text(mblog.get("text") or "")
    count = mblog.get("comments_count")
    return Post(url=f"{host}/status/{bid}", title=text[:60], text=text, published=context.when(mblog.get("created_at")),
                comments=int(count) if str(count).isdigit() else None, pinned=pinned)


def _author(user: dict, facts: AccountFacts) -> None:
    if not user:
        return
    facts.name = facts.name or str(user.get("screen_name") or "")
    if user.get("verified") and not facts.verified:
        facts.verified = str(user.get("verified_reason") or "已认证")


def _comments(posts: list[Post], mids: dict[str, str], uid: str, origin: str, headers: dict,
              context: Context) -> None:
    """For the newest posts with comments: did the account itself reply to anyone?"""
    commented = sorted((p for p in posts if p.comments), key=lambda p: p.published or context.reference,
                       reverse=True)[:MAX_COMMENTED]
    for post in commented:
        mid = mids[post.url]
        url = f"{origin}/comments/hotflow?" + urlencode({"id": mid, "mid": mid, "max_id_type": 0})
        try:
            data = _json(context, url, headers)
        except Refused:
            continue  # comments not visible to us: unknown, not unanswered
        if data is None:
            continue
        comments = (data.get("data") or {}).get("data")
        if not isinstance(comments, list):
            continue
        authors = set()
        for comment in comments:
            if not isinstance(comment, dict):
                continue
            authors.add(str((comment.get("user") or {}).get("id") or ""))
            for reply in comment.get("comments") or []:
                if isinstance(reply, dict):
                    authors.add(str((reply.get("user") or {}).get("id") or ""))
        citizens = authors - {uid, ""}
        if citizens:
            post.replied = uid in authors
