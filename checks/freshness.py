"""Is the site kept up to date? homepage_stale, column_stale, column_empty (国办秘函〔2019〕19号)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterator

from zwgk.findings import Finding

from . import check
from .data import SiteData

HOME_WINDOW = timedelta(days=14)  # 首页不更新: no new item within 2 weeks
# 栏目不更新: 动态/要闻 2 weeks; 通知公告/政策文件 6 months; 人事/规划计划 1 year.
WINDOW_MONTHS = {"news": None, "notice": 6, "policy": 6, "personnel": 12, "plan": 12}
NEWS_WINDOW = timedelta(days=14)
KIND_NAMES = {"news": "动态要闻类", "notice": "通知公告类", "policy": "政策文件类", "personnel": "人事类",
              "plan": "规划计划类", "interpretation": "政策解读类", "other": "其他"}


def months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def window_start(kind: str, as_of: date) -> date | None:
    """The oldest date that still counts as updated for a column of this kind (None: no rule)."""
    if kind not in WINDOW_MONTHS:
        return None
    months = WINDOW_MONTHS[kind]
    return as_of - NEWS_WINDOW if months is None else months_before(as_of, months)


def window_text(kind: str) -> str:
    months = WINDOW_MONTHS.get(kind)
    if kind == "news":
        return "2周"
    return "1年" if months == 12 else f"{months}个月"


@check(severity="veto", title="首页不更新")
def homepage_stale(site: SiteData, as_of: date) -> Iterator[Finding]:
    if not site.home_fetched:
        return
    dates = [d for d in site.home_dates if d <= as_of]
    basis = "首页"
    if not dates and site.home_entries == 0:
        # a portal home page of links only: judged by its second-level pages (栏目)
        dates = [d for column in site.columns for d in column.dated if d <= as_of]
        basis = "二级页面"
    newest = max(dates) if dates else None
    if newest and as_of - newest <= HOME_WINDOW:
        return
    if newest:
        detail = f"首页超过2周未更新，{basis}最新信息日期为{newest.isoformat()}"
    else:
        detail = "首页信息均无发布日期，视为未更新"
    yield Finding(url=site.home, detail=detail, evidence={
        "newest": newest.isoformat() if newest else None, "window_days": HOME_WINDOW.days,
        "basis": basis, "dated_items": len(dates), "items": site.home_entries,
    })


@check(severity="deduct", title="栏目不更新")
def column_stale(site: SiteData, as_of: date) -> Iterator[Finding]:
    for column in site.columns:
        start = window_start(column.kind, as_of)
        if start is None or not column.fetched or column.entries == 0:
            continue
        dates = [d for d in column.dated if d <= as_of]
        newest = max(dates) if dates else None
        if newest and newest >= start:
            continue
        when = f"最新信息日期为{newest.isoformat()}" if newest else "信息均无发布日期"
        yield Finding(
            url=column.url,
            detail=f"栏目“{column.name}”（{KIND_NAMES[column.kind]}）超过{window_text(column.kind)}未更新，{when}",
            evidence={"column": column.name, "kind": column.kind, "newest": newest.isoformat() if newest else None,
                      "window": window_text(column.kind), "window_start": start.isoformat(),
                      "entries": column.entries},
        )


@check(severity="deduct", title="空白栏目")
def column_empty(site: SiteData, as_of: date) -> Iterator[Finding]:
    for column in site.columns:
        if column.fetched and column.empty and column.entries == 0:
            yield Finding(url=column.url, detail=f"栏目“{column.name}”无任何内容（空白栏目）",
                          evidence={"column": column.name, "kind": column.kind})
