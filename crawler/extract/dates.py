"""Find publication dates the way Chinese government CMS write them.

A cascade of small tries, each returning a date or None: the 发展指引 meta tags,
a 发布时间/发布日期 label, a date in the URL, a date in a list item's text.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

FULL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)"
)
MONTH_DAY = re.compile(r"(?:^|[\[［(（【\s])(\d{1,2})[-/月](\d{1,2})日?(?:[\]］)）】]|\s*$)")
COMPACT_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
LABELLED = re.compile(
    r"(?:发布时间|发布日期|发文日期|成文日期|公开日期|更新时间|时间|日期)\s*[:：]?\s*"
    r"((?:19|20)\d{2}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2})"
)
URL_DATES = [
    re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_"),                         # TRS: /202611/t20261105_123.html
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/"),                   # Hanweb: /art/2026/11/5/art_…
    re.compile(r"/((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})/"),
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/"),                         # /20261105/
    re.compile(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})[_\d]*\.s?html?"),
]
META_NAMES = ("pubdate", "publishdate", "firstpublishedtime", "article:published_time",
              "og:release_date", "pubtime", "releasedate", "publishdate", "dc.date", "dcterms.issued",
              "created", "maketime")


def make_date(year: str | int, month: str | int, day: str | int) -> date | None:
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return value if 1990 <= value.year <= 2100 else None


def first_full_date(text: str) -> date | None:
    for match in FULL_DATE.finditer(text):
        value = make_date(*match.groups())
        if value:
            return value
    return None


def date_in_text(text: str, reference: date | None = None) -> date | None:
    """A date in a list item's text: full, or month-day with the year inferred."""
    value = first_full_date(text)
    if value:
        return value
    if reference is None:
        return None
    match = MONTH_DAY.search(text.strip())
    if not match:
        return None
    month, day = int(match.group(1)), int(match.group(2))
    value = make_date(reference.year, month, day)
    if value and value > reference + timedelta(days=1):
        value = make_date(reference.year - 1, month, day)
    return value


def date_in_url(url: str) -> date | None:
    for pattern in URL_DATES:
        match = pattern.search(url)
        if match:
            value = make_date(*match.groups())
            if value:
                return value
    return None


def date_from_meta(meta: dict[str, str]) -> date | None:
    for name in META_NAMES:
        if meta.get(name):
            value = first_full_date(meta[name]) or _compact(meta[name])
            if value:
                return value
    return None


def labelled_date(text: str) -> date | None:
    for match in LABELLED.finditer(text):
        value = first_full_date(match.group(1))
        if value:
            return value
    return None


def page_date(meta: dict[str, str], text: str, url: str) -> date | None:
    """The publication date of an article page: meta first, then label, then URL."""
    return date_from_meta(meta) or labelled_date(text) or date_in_url(url)


def _compact(value: str) -> date | None:
    match = COMPACT_DATE.search(value)
    return make_date(*match.groups()) if match else None
