"""Are citizens answered, and in time? message_unanswered, reply_overdue, board statistics and hints.

Rules (INDICATORS.md, 互动回应差): a reply within the local limit, 5 working days by default and
3 for 我为政府网站找错 boards, counted on the Chinese calendar; unanswered for more than 3 months
within the year before the check is a veto, and an older message still unanswered a deduction. Late replies
count within the inspection year. Timestamps decide, not status labels.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from datetime import date
from typing import Iterator

from crawler.extract.messages import NO_REPLY_TEXT
from zwgk.findings import Finding

from . import check
from .data import MessageData, SiteData
from .freshness import months_before

ERROR_BOARD = re.compile(r"找错|纠错|网站纠错|错误报告")
STATUS_OPEN = re.compile(r"待|未|处理中|办理中|受理中|已受理|转办|正在")
PERFUNCTORY = re.compile(r"收悉|收到|已转|转交|转至|转给|转相关|转有关")
OUTCOME = re.compile(r"经(核实|调查|了解|研究|查|核查|协调)|答复如下|回复如下|现(答复|回复)|已(解决|处理完毕|整改|修复|落实|办理完毕)|"
                     r"建议您|您可|可以|将于|目前|计划|根据|按照|依据")
VETO_MONTHS = 3
WINDOW_MONTHS = 12  # the inspection year
REPEATED = 3  # the same reply text under this many messages of a board


def day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def has_reply_text(message: MessageData) -> bool:
    return bool(message.reply and not NO_REPLY_TEXT.match(message.reply))


def answered(message: MessageData, as_of: date) -> bool | None:
    """Answered by the 监测时间点: True, False, or None when the board shows neither a reply time nor a reply.

    A reply dated after `as_of` did not exist yet at that time (a replay of an earlier date)."""
    if message.replied:
        return day(message.replied) <= as_of
    if has_reply_text(message):
        return True
    if message.detail or message.board_shows_replied:
        return False  # its page (or its list row) shows where the reply would be, and there is none
    if message.status and STATUS_OPEN.search(message.status):
        return False
    return None  # 已办结 without a time or a reply, or nothing at all: the board does not say


def reply_limit(site: SiteData, message: MessageData) -> int:
    """[[site.board]] reply_days, else 3 working days on 找错 boards, else the site's (or [messages]) limit."""
    if message.board in site.rules.get("boards", {}):
        return site.rules["boards"][message.board]
    if ERROR_BOARD.search(message.board_name):
        return site.rules.get("error_reply_days", 3)
    return site.rules.get("reply_days", 5)


def in_window(asked: date | None, as_of: date) -> bool:
    return asked is not None and months_before(as_of, WINDOW_MONTHS) <= asked <= as_of


@check(severity="deduct", title="留言未回复")
def message_unanswered(site: SiteData, as_of: date) -> Iterator[Finding]:
    for message in site.messages:  # still open, however old: a deduction; in the inspection year, a veto
        asked = day(message.asked)
        if asked is None or asked > as_of or answered(message, as_of) is not False:
            continue
        limit = reply_limit(site, message)
        waited = site.calendar.workdays_between(asked, as_of)
        if waited <= limit:
            continue
        veto = in_window(asked, as_of) and asked < months_before(as_of, VETO_MONTHS)
        detail = (f"群众留言“{message.title or message.url}”超过3个月未回复（留言时间 {asked}，已等待 {waited} 个工作日）"
                  if veto else
                  f"群众留言“{message.title or message.url}”超过{limit}个工作日未回复（留言时间 {asked}，已等待 {waited} 个工作日）")
        yield Finding(url=message.url, source_url=message.board, severity="veto" if veto else "deduct", detail=detail,
                      evidence={"asked": message.asked, "workdays_waiting": waited, "limit_workdays": limit,
                                "status": message.status, "title": message.title, "board": message.board_name})


@check(severity="deduct", title="留言回复超期")
def reply_overdue(site: SiteData, as_of: date) -> Iterator[Finding]:
    for message in site.messages:
        asked, replied = day(message.asked), day(message.replied)
        if not in_window(asked, as_of) or replied is None or replied < asked or replied > as_of:
            continue
        limit = reply_limit(site, message)
        took = site.calendar.workdays_between(asked, replied)
        if took <= limit:
            continue
        yield Finding(
            url=message.url, source_url=message.board,
            detail=f"群众留言“{message.title or message.url}”答复超期：{asked} 留言，{replied} 答复，"
                   f"用时 {took} 个工作日（时限 {limit} 个工作日）",
            evidence={"asked": message.asked, "replied": message.replied, "workdays": took, "limit_workdays": limit,
                      "title": message.title, "unit": message.unit, "board": message.board_name},
        )


def message_hints(site: SiteData, as_of: date) -> Iterator[Finding]:
    """Soft problems circulars name: perfunctory and copied replies, lists without the two times."""
    by_board: dict[str, list[MessageData]] = defaultdict(list)
    for message in site.messages:
        by_board[message.board].append(message)
        text = _plain(message.reply)
        if text and len(text) <= 60 and PERFUNCTORY.search(text) and not OUTCOME.search(text):
            yield Finding(url=message.url, source_url=message.board, key="perfunctory",
                          detail=f"留言答复疑似敷衍（仅告知收悉或转办，无办理结果）：“{text}”",
                          evidence={"reason": "perfunctory_reply", "reply": text, "title": message.title})
    for board, messages in by_board.items():
        repeated = Counter(_plain(m.reply) for m in messages if len(_plain(m.reply)) >= 10)
        for text, count in repeated.items():
            if count >= REPEATED:
                yield Finding(url=board, key=f"repeated:{text[:40]}",
                              detail=f"{count} 条留言的答复内容完全相同：“{text[:60]}”",
                              evidence={"reason": "identical_replies", "count": count, "reply": text[:200]})
        listed = [m for m in messages if m.board != m.url]
        if len(listed) >= 3:
            for shown, label in ((messages[0].board_shows_asked, "留言时间"), (messages[0].board_shows_replied, "答复时间")):
                if not shown:
                    yield Finding(url=board, key=f"no_{label}", detail=f"留言列表未显示{label}",
                                  evidence={"reason": "list_without_time", "field": label, "messages": len(listed)})


def board_stats(site: SiteData, as_of: date) -> dict:
    """Per site: messages seen, answered, answered on time, median reply time in working days."""
    seen = [m for m in site.messages if day(m.asked) and day(m.asked) <= as_of]
    answered_ = [m for m in seen if answered(m, as_of)]
    times = []
    on_time = 0
    for message in answered_:
        asked, replied = day(message.asked), day(message.replied)
        if not replied or replied < asked:
            continue
        took = site.calendar.workdays_between(asked, replied)
        times.append(took)
        on_time += took <= reply_limit(site, message)
    return {"messages": len(seen), "answered": len(answered_), "on_time": on_time,
            "median_workdays": statistics.median(times) if times else None}


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text or "")
