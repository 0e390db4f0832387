"""annual_report_missing: last year's 政府信息公开工作年度报告 not published, or published late.

《政府信息公开条例》 art. 49–50: departments publish by 31 January; county-level and higher
people's governments publish their own report by 31 March. The 2021 format (国办公开办函〔2021〕30号)
has six sections; those a report lacks are named in the evidence.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterator

from crawler.extract.documents import ANNUAL_REPORT, SECTIONS
from zwgk.findings import Finding

from . import check
from .data import SiteData

GOVERNMENT = re.compile(r"(省|市|县|区|州|盟|旗)人民政府$")
OTHER_BODY = re.compile(r"(局|委员会|委|办公室|办|中心|院|所|站|队|馆|厅|处|镇|乡|街道|公司|集团)$")


def is_government(site: SiteData) -> bool:
    """A county-level or higher people's government (its own report is due on 31 March)."""
    return bool(GOVERNMENT.search(site.name) or GOVERNMENT.search(site.organizer))


def deadline(site: SiteData, year: int) -> date:
    return date(year + 1, 3, 31) if is_government(site) else date(year + 1, 1, 31)


def report_year(site: SiteData, as_of: date) -> int:
    """The latest year whose report is already due."""
    year = as_of.year - 1
    return year if as_of > deadline(site, year) else year - 1


def own_reports(site: SiteData, year: int) -> list[dict]:
    """Reports of `year` published by the site's own body (a portal also lists its departments')."""
    found = []
    for report in site.annual_reports:
        match = ANNUAL_REPORT.search(report["title"])
        if not match or int(match.group(1)) != year:
            continue
        body = report["title"][:match.start()].strip()
        if is_government(site) and body and not GOVERNMENT.search(body) and OTHER_BODY.search(body):
            continue
        found.append(report)
    return found


@check(severity="deduct", title="政府信息公开年报未按时发布")
def annual_report_missing(site: SiteData, as_of: date) -> Iterator[Finding]:
    if not site.home_fetched:
        return
    year = report_year(site, as_of)
    due = deadline(site, year)
    reports = own_reports(site, year)
    if not reports:
        yield Finding(url=site.home, key=str(year),
                      detail=f"未找到{year}年政府信息公开工作年度报告（应于 {due} 前发布）",
                      evidence={"year": year, "deadline": due.isoformat(), "found": None})
        return
    read = [r for r in reports if r["read"]] or reports
    report = min(read, key=lambda r: r["published"] or date.max)
    missing = [s for s in SECTIONS if report["sections"] is not None and s not in report["sections"]]
    published = min((r["published"] for r in reports if r["published"]), default=None)
    if published and published > due:
        yield Finding(url=site.home, key=str(year), source_url=report["url"],
                      detail=f"{year}年政府信息公开工作年度报告 {published} 才发布，晚于 {due} 的时限",
                      evidence={"year": year, "deadline": due.isoformat(), "published": published.isoformat(),
                                "report": report["url"], "missing_sections": missing})
    elif missing:
        yield Finding(url=report["url"], key=f"{year}:sections", severity="notice", source_url=site.home,
                      detail=f"{year}年政府信息公开工作年度报告缺少规定内容：{'、'.join(missing)}",
                      evidence={"year": year, "report": report["url"], "missing_sections": missing})
