"""rss: any RSS or Atom feed, including those self-hosted WeChat-to-RSS services publish.

A valid feed with no items is an account with no posts; a document that is no feed at all (an
HTML page, a login wall, garbage) is a reading problem, never a stale account.
"""

from __future__ import annotations

import feedparser

from .model import AccountFacts, Post, Reading, unreadable
from .web import Context, plain_text, why_not

NAME = "订阅源"


def read(account, context: Context) -> Reading:
    answer = context.get(account.url, {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"})
    reason = why_not(answer)
    if reason:
        return unreadable(NAME, reason)
    return parse_feed(answer.body, account.url, context)


def parse_feed(body: bytes, url: str, context: Context) -> Reading:
    feed = feedparser.parse(body)
    if not feed.get("version"):
        what = "返回的是网页，不是 RSS/Atom 订阅源" if b"<html" in body[:2048].lower() else "内容不是 RSS/Atom 订阅源"
        return unreadable(NAME, what)
    facts = AccountFacts(name=feed.feed.get("title", "").strip())
    posts = []
    for entry in feed.entries:
        raw = entry.get("published") or entry.get("updated") or entry.get("created") or entry.get("dc_date")
        published = context.when(raw) if raw else None
        if published is None:
            published = _parsed(entry)
        body_html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary", "")
        comments = entry.get("slash_comments")
        posts.append(Post(url=entry.get("link") or url, title=plain_text(entry.get("title", "")),
                          text=plain_text(body_html), published=published,
                          comments=int(comments) if str(comments or "").isdigit() else None))
    return Reading(facts, posts)


def _parsed(entry):
    """feedparser's own parse (UTC) when the raw text defeated ours."""
    from datetime import datetime, timezone

    from .dates import local

    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return local(datetime(*value[:6], tzinfo=timezone.utc))
    return None
