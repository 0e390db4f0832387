"""Identity marks on the home page (identity_missing), per 《政府网站发展指引》."""

from __future__ import annotations

from datetime import date
from typing import Iterator

from crawler.extract.identity import MARKS
from zwgk.findings import Finding

from . import check
from .data import SiteData


@check(severity="deduct", title="网站标识缺失")
def identity_missing(site: SiteData, as_of: date) -> Iterator[Finding]:
    if not site.home_fetched:
        return
    for mark in MARKS:
        if not site.identity.get(mark):
            yield Finding(url=site.home, key=mark, detail=f"首页未展示{mark}",
                          evidence={"which": mark, "found": {k: v for k, v in site.identity.items() if v}})
