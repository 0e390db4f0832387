"""What pages and attachments say: wording errors, typos, outdated names, personal data, injected links.

The main text of every page and the text of every attachment the site links were stored by
the crawl (table `texts`); they are proofread once per site here (`proofread_site`) and the four
text checks pick their code from the result. A problem quoted on an article is not reported
again on the list or home page that repeats its title.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from zwgk.findings import Finding
from zwgk.text.proofread import KIND_NAMES, WORKERS, Issue, drop_recurring, on_every_core, proofread

from . import check
from .data import SiteData

SITE_PARALLEL_CHARS = 2_000_000  # a site with more text than this is proofread on every core (forked workers)
BOTH = ("site", "account")  # websites' pages and accounts' posts are proofread alike
CLOAK_MIN_HOSTS = 3  # foreign hosts only a search engine is shown: a link farm, not a changed banner


@dataclass(frozen=True)
class Located:
    url: str
    source_url: str
    kind: str  # page | attachment
    issue: Issue


_cache: dict[tuple[int, int, str], list[Located]] = {}


def proofread_site(site: SiteData) -> list[Located]:
    key = (id(site.db), site.run_id, site.id)
    if key not in _cache:
        _cache.clear()
        _cache[key] = _proofread(site)
    return _cache[key]


def _proofread(site: SiteData) -> list[Located]:
    if site.db is None:
        return []
    rows = [dict(row) for row in site.db.query(
        """select t.url, t.kind, t.pub_date, t.text, p.role,
                  (select min(l.source_url) from links l where l.run_id = t.run_id and l.target_url = t.url)
                      as source_url,
                  (select min(p2.pub_date) from links l join pages p2 on p2.run_id = l.run_id and p2.url = l.source_url
                    where l.run_id = t.run_id and l.target_url = t.url) as linked_from_date
           from texts t left join pages p on p.run_id = t.run_id and p.url = t.url
           where t.run_id = ? and t.site = ? and t.kind in ('page', 'attachment', 'post') and t.text != ''
           order by (p.role in ('home', 'column')), t.url""", [site.run_id, site.id])]
    found: list[Located] = []
    reported: set[tuple[str, str, str]] = set()
    # names and terms recur across a site's articles and attachments; lists and the home page repeat titles
    texts = ["" if row["role"] in ("home", "column") else row["text"] for row in rows]
    for row, issues in zip(rows, drop_recurring(texts, _proofread_all(rows))):
        listing = row["role"] in ("home", "column")
        for issue in issues:
            what = (issue.code, issue.text, issue.quote)
            if listing and what in reported:
                continue  # the title of an article already reported
            reported.add(what)
            source = row["source_url"] if row["kind"] == "attachment" else row["url"]
            found.append(Located(row["url"], source or row["url"], row["kind"], issue))
    return found


def _proofread_rows(rows: list[dict]) -> list[list[Issue]]:
    result = []
    for row in rows:
        published = row["pub_date"] or row["linked_from_date"]
        when = date.fromisoformat(published[:10]) if published else None
        result.append(proofread(row["text"], when, strict=True))
    return result


def _proofread_all(rows: list[dict]) -> list[list[Issue]]:
    """A big site's texts are proofread on every core."""
    if sum(len(row["text"]) for row in rows) < SITE_PARALLEL_CHARS:
        return _proofread_rows(rows)
    size = -(-len(rows) // (WORKERS * 4))
    parts = on_every_core(_proofread_rows, [(rows[i:i + size],) for i in range(0, len(rows), size)])
    return [issues for part in parts for issues in part]


def _findings(site: SiteData, code: str) -> Iterator[Finding]:
    for located in proofread_site(site):
        issue = located.issue
        if issue.code != code:
            continue
        where = {"attachment": "附件", "post": "文章"}.get(located.kind, "页面")
        if code == "privacy_leak":
            detail = f"{where}公开了完整的{KIND_NAMES[issue.rule]}（{issue.text}），应遮盖或删除"
            evidence = {"masked": issue.text, "kind": issue.rule, "kind_name": KIND_NAMES[issue.rule],
                        "quote": issue.quote, "line": issue.line}
        else:
            detail = f"{where}中“{issue.text}”应为“{issue.suggestion}”：{issue.quote}"
            evidence = {"text": issue.text, "suggestion": issue.suggestion, "quote": issue.quote,
                        "line": issue.line, "rule": issue.rule}
        yield Finding(url=located.url, source_url=located.source_url, detail=detail, evidence=evidence,
                      key=f"{issue.text}\x1f{issue.quote}")


@check(severity="veto", title="严重表述错误", kinds=BOTH)
def wording_error(site: SiteData, as_of: date) -> Iterator[Finding]:
    yield from _findings(site, "wording_error")


@check(severity="deduct", title="错别字", kinds=BOTH)
def typo(site: SiteData, as_of: date) -> Iterator[Finding]:
    yield from _findings(site, "typo")


@check(severity="deduct", title="使用过时名称", kinds=BOTH)
def outdated_term(site: SiteData, as_of: date) -> Iterator[Finding]:
    yield from _findings(site, "outdated_term")


@check(severity="veto", title="泄露个人信息", kinds=BOTH)
def privacy_leak(site: SiteData, as_of: date) -> Iterator[Finding]:
    yield from _findings(site, "privacy_leak")


DIRECTORY_INDEX = re.compile(r"/(index|default)\.(s?html?|php|jsp|aspx?)$", re.I)


@check(severity="veto", title="被植入暗链或违规内容")
def injected_link(site: SiteData, as_of: date) -> Iterator[Finding]:
    if site.db is None:
        return
    reported = set()
    for row in site.db.query("select url, target, why, text from injections where run_id = ? and site = ? "
                             "order by url, target", [site.run_id, site.id]):
        same = (DIRECTORY_INDEX.sub("/", row["url"]), row["target"], row["why"], row["text"])
        if same in reported:
            continue  # the home page again as /index.html: one page, one finding
        reported.add(same)
        target = f"，指向 {row['target']}" if row["target"] else ""
        shown = f"“{row['text'][:40]}”" if row["text"] else ""
        yield Finding(url=row["url"], source_url=row["url"], detail=f"页面被植入{shown}：{row['why']}{target}",
                      evidence={"target": row["target"], "why": row["why"], "text": row["text"]},
                      key=f"{row['target']}\x1f{row['why']}")
    yield from _cloaking(site)


def _cloaking(site: SiteData) -> Iterator[Finding]:
    """A page shows a search engine's crawler spam words or foreign links its browser copy lacks."""
    reported = set()
    for row in site.db.query(
            """select t.url, t.text, p.facts, p.role from texts t
               left join pages p on p.run_id = t.run_id and p.url = substr(t.url, 1, instr(t.url, '#') - 1)
               where t.run_id = ? and t.site = ? and t.kind = 'spider'""", [site.run_id, site.id]):
        shown = json.loads(row["text"])
        browser_words, browser_hosts = (set(part) for part in
                                        (json.loads(row["facts"] or "{}").get("signature") or ((), ())))
        words = sorted(set(shown["words"]) - browser_words)
        hosts = sorted(set(shown["hosts"]) - browser_hosts)
        page = row["url"].split("#", 1)[0]
        if (words or len(hosts) >= CLOAK_MIN_HOSTS) and DIRECTORY_INDEX.sub("/", page) not in reported:
            reported.add(DIRECTORY_INDEX.sub("/", page))  # the home page served again as /index.html
            which = "首页" if row["role"] == "home" else "页面"
            yield Finding(
                url=page, source_url=page,
                detail=f"{which}对搜索引擎爬虫显示另一套内容（{'、'.join(words[:5]) or f'{len(hosts)} 个外部网站的链接'}），"
                       "浏览器访问看不到：网站可能已被入侵（黑帽 SEO 劫持）",
                evidence={"target": hosts[0] if hosts else "", "why": "cloaking：搜索引擎看到的页面不同",
                          "words": words, "hosts": hosts[:20]},
                key="cloaking")
