"""Dead links, images and attachments (dead_link)."""

from __future__ import annotations

from datetime import date
from typing import Iterator

from zwgk.findings import Finding

from . import check
from .data import SiteData

KIND_NAMES = {"page": "链接", "image": "图片", "attachment": "附件"}


@check(severity="deduct", title="链接不可用")
def dead_link(site: SiteData, as_of: date) -> Iterator[Finding]:
    for link in site.dead_links:
        what = "、".join(KIND_NAMES.get(kind, kind) for kind in link.kinds) or "链接"
        reason = f"HTTP {link.status}" if link.status and not link.error.startswith("错误页面") else link.error
        where = "首页" if link.on_home else f"{len(link.sources)}个页面"
        yield Finding(
            url=link.url,
            source_url=link.sources[0] if link.sources else "",
            detail=f"{where}上的{what}无法访问（{reason or '无法访问'}）",
            evidence={"status": link.status, "error": link.error, "on_home": link.on_home,
                      "source_count": len(link.sources), "sources": link.sources[:5], "kinds": link.kinds},
        )
