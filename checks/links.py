"""Dead links, images and attachments (dead_link); outside links now serving spam (external_link_bad)."""

from __future__ import annotations

from datetime import date
from typing import Iterator

from zwgk.findings import Finding

from . import check
from .data import SiteData

KIND_NAMES = {"page": "链接", "image": "图片", "attachment": "附件", "menu": "菜单链接", "post": "文章"}


@check(severity="deduct", title="链接不可用", kinds=("site", "account"))
def dead_link(site: SiteData, as_of: date) -> Iterator[Finding]:
    for link in site.dead_links:
        what = "、".join(KIND_NAMES.get(kind, kind) for kind in link.kinds) or "链接"
        reason = f"HTTP {link.status}" if link.status and not link.error.startswith("错误页面") else link.error
        where = "账号" if site.kind == "account" else "首页" if link.on_home else f"{len(link.sources)}个页面"
        yield Finding(
            url=link.url,
            source_url=link.sources[0] if link.sources else "",
            detail=f"{where}上的{what}无法访问（{reason or '无法访问'}）",
            evidence={"status": link.status, "error": link.error, "on_home": link.on_home,
                      "source_count": len(link.sources), "sources": link.sources[:5], "kinds": link.kinds},
        )


@check(severity="veto", title="外链变异")
def external_link_bad(site: SiteData, as_of: date) -> Iterator[Finding]:
    """An outbound link whose page now shows gambling, illegal lottery or adult content (a re-registered
    domain behind an old 友情链接): linking to such content is a 安全 veto (国办秘函〔2019〕19号)."""
    for link in site.spam_links:
        yield Finding(
            url=link["url"], source_url=link["sources"][0],
            detail=f"外部链接指向的页面含有违规内容（{'、'.join(link['words'][:5])}），页面标题“{link['title'][:60]}”",
            evidence={"words": link["words"], "title": link["title"], "final_url": link["final_url"],
                      "sources": link["sources"][:5]},
        )
