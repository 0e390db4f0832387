"""政务新媒体 accounts (国办秘函〔2019〕19号, 新媒体部分): newmedia_stale, newmedia_unanswered,
newmedia_no_interaction. Dead menu and post links go through `dead_link`, errors in posts through the
content checks, unreadable platforms through `crawl_notice`.

An account whose platform could not be read is never judged stale: that is a notice, not a fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Iterator

from zwgk.findings import Finding

from . import check
from .data import SiteData

STALE_VETO_DAYS = 14  # 2周内无更新: 单项否决
STALE_DEDUCT_DAYS = 7  # 1周内无更新: 扣分 (local rules range from weekly to 14 days)
UNANSWERED_WINDOW = timedelta(days=365)  # comments on posts of the last year count
ACCOUNT = ("account",)


@dataclass
class AccountData:
    id: str
    platform: str
    name: str
    url: str
    newest: datetime | None
    problem: str
    interactive: bool | None
    posts: list[dict] = field(default_factory=list)
    read: bool = False  # the run stored a reading of it


def load_account(site: SiteData) -> AccountData:
    empty = AccountData(site.id, "", site.name, site.home, None, "", None)
    if site.db is None:
        return empty
    rows = list(site.db.query("select * from accounts where run_id = ? and account = ?", [site.run_id, site.id]))
    if not rows:
        return empty
    row = rows[0]
    account = AccountData(row["account"], row["platform"], row["name"] or site.name, row["url"],
                          datetime.fromisoformat(row["newest"]) if row["newest"] else None, row["problem"] or "",
                          None if row["interactive"] is None else bool(row["interactive"]), read=True)
    account.posts = [dict(post) for post in site.db.query(
        "select * from posts where run_id = ? and account = ? order by published desc", [site.run_id, site.id])]
    return account


def thresholds(site: SiteData) -> tuple[int, int]:
    """([newmedia] stale_veto_days, stale_deduct_days), the national defaults unless configured."""
    return (int(site.rules.get("stale_veto_days", STALE_VETO_DAYS)),
            int(site.rules.get("stale_deduct_days", STALE_DEDUCT_DAYS)))


@check(severity="veto", title="政务新媒体更新不及时", kinds=ACCOUNT)
def newmedia_stale(site: SiteData, as_of: date) -> Iterator[Finding]:
    account = load_account(site)
    if not account.read or account.problem:
        return  # not read, or unreadable: crawl_notice says so; never a guess
    veto_days, deduct_days = thresholds(site)
    dates = [datetime.fromisoformat(p["published"]).date() for p in account.posts if p["published"]]
    counted = [day for day in dates if day <= as_of]
    if dates and not counted:
        return  # every post is dated after the 监测时间点: active, whatever as_of says
    newest = max(counted) if counted else None
    days = (as_of - newest).days if newest else None
    if newest and days <= deduct_days:
        return
    severity = "veto" if newest is None or days > veto_days else "deduct"
    limit = veto_days if severity == "veto" else deduct_days
    if newest is None:
        detail = "账号没有任何已发布的内容"
    else:
        detail = f"账号超过{limit}天未更新，最近发布时间为{newest.isoformat()}（距监测时间点{days}天）"
    yield Finding(url=account.url, severity=severity, detail=detail, evidence={
        "newest": newest.isoformat() if newest else None, "days_since": days, "window_days": limit,
        "veto_days": veto_days, "deduct_days": deduct_days, "posts": len(account.posts),
        "platform": account.platform, "as_of": as_of.isoformat()})


@check(severity="deduct", title="政务新媒体留言评论未回复", kinds=ACCOUNT)
def newmedia_unanswered(site: SiteData, as_of: date) -> Iterator[Finding]:
    account = load_account(site)
    if not account.read:
        return
    for post in account.posts:
        if post["replied"] != 0 or not post["comments"] or post["deleted"]:
            continue  # replied, unknown, or nobody commented
        published = datetime.fromisoformat(post["published"]).date() if post["published"] else None
        if published and not as_of - UNANSWERED_WINDOW <= published <= as_of:
            continue
        title = (post["title"] or "")[:30]
        yield Finding(url=post["url"], source_url=account.url,
                      detail=f"文章“{title}”有{post['comments']}条评论，账号未作任何回复",
                      evidence={"comments": post["comments"], "published": post["published"],
                                "platform": account.platform, "as_of": as_of.isoformat()})


@check(severity="veto", title="政务新媒体无互动功能", kinds=ACCOUNT)
def newmedia_no_interaction(site: SiteData, as_of: date) -> Iterator[Finding]:
    """Comments and messages both closed, as the platform plainly shows (never when it does not say)."""
    account = load_account(site)
    if account.read and not account.problem and account.interactive is False:
        yield Finding(url=account.url, detail="账号关闭了评论和私信，公众无法互动",
                      evidence={"interactive": False, "platform": account.platform})
