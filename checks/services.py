"""办事服务 (国办秘函〔2019〕19号, 服务不实用): complete guides, and a service entry at all."""

from __future__ import annotations

from datetime import date
from typing import Iterator

from zwgk.findings import Finding

from . import check
from .data import SiteData


@check(severity="deduct", title="办事指南要素缺失")
def service_guide_incomplete(site: SiteData, as_of: date) -> Iterator[Finding]:
    for guide in site.guides:
        missing = [element for element, present in guide["elements"].items() if not present]
        if missing:
            yield Finding(url=guide["url"], detail=f"办事指南“{guide['title']}”缺少{'、'.join(missing)}",
                          evidence={"missing": missing, "present": [e for e, ok in guide["elements"].items() if ok],
                                    "title": guide["title"]})


@check(severity="veto", title="无办事服务")
def service_missing(site: SiteData, as_of: date) -> Iterator[Finding]:
    if not site.services or not site.home_fetched or site.guides or site.service_links:
        return
    yield Finding(url=site.home, detail="网站未提供办事指南，也未链接政务服务平台（无办事服务）",
                  evidence={"guides": 0, "service_links": 0})
