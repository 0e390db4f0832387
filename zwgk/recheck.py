"""`zwgk recheck`: on the rectification deadline, re-fetch only what the open findings are about.

Each finding gets one typed outcome, stored in `rechecks` and shown in reports' history:
- 已整改: the object is there and the problem is gone (the link works, the words are corrected, the column
  has a new item);
- 仍存在: the object is there and so is the problem;
- 页面已删除: the page answers 404/410 (or an error page) — for a dead link, the page that held it;
- 无法访问: the site did not answer (timeout, refused, 5xx).
Codes whose state depends on the whole site (identity, annual reports, interpretations …) are left to the
next full crawl and reported as such. The network policy applies as in a crawl.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from .db import now_iso
from .fetch import Fetched, fetch

FIXED, OPEN, DELETED, UNREACHABLE = "已整改", "仍存在", "页面已删除", "无法访问"
TEXT_CODES = {"wording_error", "typo", "outdated_term", "privacy_leak", "injected_link"}
CHECKABLE = TEXT_CODES | {"dead_link", "external_link_bad", "column_stale", "homepage_stale", "column_empty"}


def outcome_of(finding: dict, as_of: date, policy=None) -> tuple[str, str]:
    """(outcome, a Chinese sentence saying what was seen)."""
    code = finding["check_code"]
    evidence = json.loads(finding["evidence"] or "{}")
    if code in ("dead_link", "external_link_bad"):
        return _link(finding, evidence, policy)
    page = fetch(finding["url"], policy)
    if not page.answered:
        return UNREACHABLE, f"无法访问：{page.error or f'HTTP {page.status}'}"
    if page.gone:
        return DELETED, f"页面已删除（HTTP {page.status}）"
    from crawler.extract.encoding import decode_html
    from crawler.extract.page import parse_page
    from crawler.extract.links import site_key

    html, _ = decode_html(page.body, page.content_type)
    facts = parse_page(html, finding["url"], site_key(finding["url"]), as_of, home=code == "homepage_stale")
    if facts.error_page:
        return DELETED, "页面显示“不存在”或已删除"
    if code in TEXT_CODES:
        return _text(finding, evidence, facts, page, code)
    window = evidence.get("window") or evidence.get("window_days") or 14
    dates = [entry.date for entry in facts.entries if entry.date]
    if code == "column_empty":
        return (FIXED, f"栏目已有 {len(facts.entries)} 条内容") if facts.entries else (OPEN, "栏目仍为空")
    newest = max(dates) if dates else None
    if newest and newest >= as_of - timedelta(days=int(window)):
        return FIXED, f"最新内容日期 {newest.isoformat()}，已在 {window} 天内更新"
    return OPEN, f"最新内容日期 {newest.isoformat() if newest else '无'}，仍未在 {window} 天内更新"


def _link(finding: dict, evidence: dict, policy) -> tuple[str, str]:
    source = finding["source_url"] or (evidence.get("sources") or [""])[0]
    if source:
        holder = fetch(source, policy)
        if not holder.answered:
            return UNREACHABLE, f"所在页面无法访问：{holder.error or f'HTTP {holder.status}'}"
        if holder.gone:
            return DELETED, f"所在页面已删除（HTTP {holder.status}）"
        if finding["url"].encode() not in holder.body and finding["url"].split("/", 3)[-1].encode() not in holder.body:
            return FIXED, "所在页面已不再链接该地址"
    target = fetch(finding["url"], policy)
    if finding["check_code"] == "external_link_bad":
        from crawler.extract.page import outside_page
        from crawler.extract.encoding import decode_html

        if target.status and target.status < 400:
            _, _, words = outside_page(decode_html(target.body, target.content_type)[0])
            return (OPEN, f"目标页面仍含违规内容（{'、'.join(words[:5])}）") if words else (FIXED, "目标页面已无违规内容")
        return FIXED, "外部链接已失效或已移除"
    if target.status and target.status < 400:
        return FIXED, f"链接已可访问（HTTP {target.status}）"
    return OPEN, f"链接仍无法访问（{target.error or f'HTTP {target.status}'}）"


def _text(finding: dict, evidence: dict, facts, page: Fetched, code: str) -> tuple[str, str]:
    if code == "injected_link":
        targets = {i.target for i in facts.injected}
        still = evidence.get("target") in targets if evidence.get("target") else bool(facts.injected)
        return (OPEN, "页面上仍有该暗链或跳转") if still else (FIXED, "页面上已无该暗链或跳转")
    text = "\n".join(facts.lines)
    if page.content_type and "html" not in page.content_type.lower():  # an attachment
        from .text.documents import read_document

        text = read_document(finding["url"], page.body, page.content_type).text
    if code == "privacy_leak":
        from .text.privacy import find_leaks

        masked = {leak.masked for leak in find_leaks(text)}
        return (OPEN, f"仍公开 {evidence.get('masked')}") if evidence.get("masked") in masked else (
            FIXED, "已不再公开该信息")
    wrong = evidence.get("text", "")
    quote = (evidence.get("quote") or "").strip("…")
    around = quote[:12] if quote else wrong
    if wrong and wrong in text and (not around or around in text or quote.replace("…", "") in text):
        return OPEN, f"页面上仍写作“{wrong}”"
    return FIXED, f"页面上已无“{wrong}”"


def recheck(db, findings: list[dict], as_of: date, policy=None) -> list[dict]:
    rows = []
    for finding in findings:
        if finding["check_code"] not in CHECKABLE:
            rows.append({"finding_id": finding["id"], "fingerprint": finding["fingerprint"], "site": finding["site"],
                         "check_code": finding["check_code"], "url": finding["url"], "at": now_iso(),
                         "outcome": "待下次全面检查", "detail": "此类问题需完整检查全站后判断"})
            continue
        outcome, detail = outcome_of(finding, as_of, policy)
        rows.append({"finding_id": finding["id"], "fingerprint": finding["fingerprint"], "site": finding["site"],
                     "check_code": finding["check_code"], "url": finding["url"], "at": now_iso(),
                     "outcome": outcome, "detail": detail})
    if rows:
        db["rechecks"].insert_all(rows, alter=True)
    return rows
