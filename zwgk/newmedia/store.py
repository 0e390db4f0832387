"""Store one account's reading in one transaction, in its own tables and in those the checks already read.

- `accounts`, `posts`: the reading itself (newmedia_stale, newmedia_unanswered, reports);
- `sites` (kind = "account"): name, organizer and home = url, so summaries, verdicts and reports see it;
- `texts` (kind = "post"): post text, proofread by the content checks;
- `links` + `targets`: menu links and post links with their outcome, so `dead_link` fires unchanged;
- `notices` (reason "platform"): a platform that could not be read, so `crawl_notice` fires.
"""

from __future__ import annotations

import json
import re

from crawler.extract.status import is_challenge, is_error_page

from .model import Post, Reading
from .web import Context, html_of, plain_text

MAX_CHECKED_POSTS = 20  # post links of a feed checked per night (newest first)


def links_to_check(reading: Reading, platform: str) -> list[str]:
    """Menu links, and the post links of a feed (other adapters read their posts from the platform itself)."""
    urls = [url for _, url in reading.facts.menu]
    if platform == "rss":
        newest = sorted((p for p in reading.posts if not p.checked), key=_newest_first)[:MAX_CHECKED_POSTS]
        urls += [post.url for post in newest if post.url.startswith("http")]
    return list(dict.fromkeys(urls))


def _newest_first(post: Post):
    return -(post.published.timestamp() if post.published else 0)


def check_link(url: str, context: Context) -> dict:
    """One GET under the policy: a `targets` row (outcome ok / dead / blocked / refused)."""
    from .wechat import GONE

    answer = context.get(url)
    row = {"url": url, "status": answer.status, "error": "", "final_url": answer.final_url or url,
           "elapsed": answer.elapsed, "title": "", "method": "GET", "spam": "", "outcome": "ok"}
    if answer.status is None:
        refused = answer.error == "网络策略不允许连接"
        return {**row, "outcome": "refused" if refused else "dead", "error": answer.error}
    if is_challenge(answer.status, answer.body):
        return {**row, "outcome": "blocked", "error": "反爬虫验证/访问被拦截"}
    if answer.status >= 400:
        return {**row, "outcome": "dead", "error": f"HTTP {answer.status}"}
    if "html" in (answer.content_type or "html").lower():
        page = html_of(answer)
        text = plain_text(page)
        if 'id="js_content"' not in page:
            gone = next((word for word in GONE if word in text and word != "链接已过期"), "")
            if gone:
                return {**row, "outcome": "dead", "error": f"错误页面：{gone}"}
        title = plain_text(page.split("<title", 1)[1].split(">", 1)[1].split("</title", 1)[0]) if "<title" in page else ""
        if is_error_page(title, text):
            return {**row, "outcome": "dead", "error": "错误页面（返回200）", "title": title}
    return row


def post_target(post: Post) -> dict:
    """The outcome an adapter already saw on a post's own page (a deleted or blocked WeChat article)."""
    status = int(post.deleted[5:]) if post.deleted.startswith("HTTP ") else 200
    dead = bool(post.deleted)
    return {"url": post.url, "status": status, "error": (post.deleted if status != 200 else f"错误页面：{post.deleted}")
            if dead else "", "final_url": post.url, "elapsed": None, "title": post.title, "method": "GET",
            "spam": "", "outcome": "dead" if dead else "ok"}


def store(db, run_id: int, account, reading: Reading, targets: dict[str, dict]) -> None:
    """Everything about one account in one transaction (raw SQL: sqlite-utils would commit half-way),
    so a crash never leaves half an account, and a resumed run reads again only the accounts not stored."""
    facts = reading.facts
    name = account.name or facts.name or account.id
    menu_urls = {url for _, url in facts.menu}
    checked = [post for post in reading.posts if post.checked and post.url not in targets]
    seen_gone = [post_target(post) for post in reading.posts if post.checked and post.deleted]
    links = [(run_id, account.id, account.url, url, "menu", text, 0) for text, url in facts.menu]
    links += [(run_id, account.id, account.url, post.url, "post", post.title[:200], 0) for post in reading.posts
              if (post.url in targets or post in checked) and post.url not in menu_urls]
    rows = list(targets.values()) + [post_target(post) for post in checked if not post.deleted]
    notices = [(run_id, account.id, account.url, "platform", reading.problem)] if reading.problem else []
    notices += [(run_id, account.id, r["url"], "refused", f"网络策略不允许连接 {r['url']}")
                for r in targets.values() if r["outcome"] == "refused"]
    notices += [(run_id, account.id, r["url"], "blocked", "访问被拦截，疑似防火墙或反爬虫验证")
                for r in targets.values() if r["outcome"] == "blocked"]
    conn = db.conn
    with conn:
        conn.execute(
            "insert into sites (id, name, home, identifier, organizer, services, region, unit_type, kind, rules) "
            "values (?,?,?,?,?,?,?,?,?,?) on conflict(id) do update set name = excluded.name, home = excluded.home, "
            "organizer = excluded.organizer, kind = excluded.kind",
            [account.id, name, account.url, "", account.organizer, 0, "", "", "account", "{}"])
        conn.execute("delete from posts where run_id = ? and account = ?", [run_id, account.id])
        conn.executemany(
            "insert into posts (run_id, account, url, title, published, comments, replied, deleted, pinned) "
            "values (?,?,?,?,?,?,?,?,?)",
            [(run_id, account.id, post.url, post.title[:500],
              post.published.isoformat(timespec="minutes") if post.published else None, post.comments,
              None if post.replied is None else int(post.replied), post.deleted, int(post.pinned))
             for post in reading.posts])
        conn.executemany(  # a post that is also a page of a crawled site keeps the site's text
            "insert or ignore into texts (run_id, site, url, source_url, kind, pub_date, text, problem) "
            "values (?,?,?,?,?,?,?,?)",
            [(run_id, account.id, post.url, account.url, "post",
              post.published.date().isoformat() if post.published else None, post_text(post), "")
             for post in reading.posts if post_text(post) and not post.deleted])
        conn.executemany("insert into links (run_id, site, source_url, target_url, kind, text, internal) "
                         "values (?,?,?,?,?,?,?)", links)
        for verb, chosen in (("ignore", rows), ("replace", seen_gone)):
            # what the adapter saw on a post's own page (该内容已被发布者删除) outranks a plain status check
            conn.executemany(
                f"insert or {verb} into targets (run_id, url, outcome, status, error, final_url, elapsed, title, "
                "method, spam) values (?,?,?,?,?,?,?,?,?,?)",
                [(run_id, r["url"], r["outcome"], r["status"], r["error"], r["final_url"], r["elapsed"], r["title"],
                  r["method"], r["spam"]) for r in chosen])
        conn.executemany("insert into notices (run_id, site, url, reason, detail) values (?,?,?,?,?)", notices)
        conn.execute(
            "insert or replace into accounts (run_id, account, platform, name, url, site, organizer, verified, "
            "interactive, menu, newest, posts, problem) values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [run_id, account.id, account.platform, name, account.url, account.site, account.organizer,
             facts.verified, None if facts.interactive is None else int(facts.interactive),
             json.dumps([list(item) for item in facts.menu], ensure_ascii=False),
             reading.newest.isoformat(timespec="minutes") if reading.newest else None, len(reading.posts),
             reading.problem])


def post_text(post: Post) -> str:
    """Title and text, the title left out when the text repeats it (Weibo and feed titles are often the
    text's first words, cut with an ellipsis): a problem in it is then reported once."""
    title = re.sub(r"(…+|\.{3,})$", "", post.title or "").strip()
    if title and title not in post.text and not post.text.startswith(title[:20]):
        return f"{post.title}\n{post.text}".strip()
    return post.text or post.title
