"""What zwgk could not check, and why (crawl_notice): never counted toward a verdict."""

from __future__ import annotations

from datetime import date
from typing import Iterator

from zwgk.findings import Finding

from . import check
from .data import SiteData
from .messages import message_hints

REASONS = {"blocked": "访问被拦截", "trap": "疑似爬虫陷阱，已截断", "refused": "未检查：内网地址",
           "too_large": "文件过大，未完整读取", "max_pages": "页面数达到上限，已截断",
           "unreadable": "附件内容无法检查", "platform": "未检查"}


@check(severity="notice", title="提示", kinds=("site", "account"))
def crawl_notice(site: SiteData, as_of: date) -> Iterator[Finding]:
    for notice in site.notices:
        reason = REASONS.get(notice["reason"], notice["reason"])
        yield Finding(url=notice["url"], key=notice["reason"], detail=f"{reason}：{notice['detail']}".rstrip("："),
                      evidence={"reason": notice["reason"], "detail": notice["detail"]})
    yield from message_hints(site, as_of)
