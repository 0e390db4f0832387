"""Dates the way government CMS write them."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.extract.dates import date_in_text, date_in_url, page_date

REF = date(2026, 11, 20)


@pytest.mark.parametrize("text, expected", [
    ("2026-11-05", date(2026, 11, 5)),
    ("2026/11/05", date(2026, 11, 5)),
    ("2026年11月5日", date(2026, 11, 5)),
    ("2026.11.05", date(2026, 11, 5)),
    ("[11-05]", date(2026, 11, 5)),
    ("（11-18）", date(2026, 11, 18)),
    ("12-30", date(2025, 12, 30)),  # a month-day after the reference date is last year
    ("发布时间：2026-11-05 09:30", date(2026, 11, 5)),
    ("第12期", None),
    ("2026-13-45", None),
    ("电话 0416-2812345", None),
])
def test_date_in_text(text, expected):
    assert date_in_text(text, REF) == expected


@pytest.mark.parametrize("url, expected", [
    ("http://www.jz.gov.cn/zwyw/202611/t20261105_123456.html", date(2026, 11, 5)),
    ("http://www.yx.gov.cn/art/2026/11/10/art_1229_123.html", date(2026, 11, 10)),
    ("http://x.gov.cn/zcwj/2026-09/28/content_3128.html", None),
    ("http://x.gov.cn/news/20261103/1.html", date(2026, 11, 3)),
    ("http://x.gov.cn/col/col1229/index.html", None),
])
def test_date_in_url(url, expected):
    assert date_in_url(url) == expected


def test_page_date_prefers_meta_then_label_then_url():
    url = "http://x.gov.cn/a/202601/t20260101_1.html"
    assert page_date({"pubdate": "2026-11-18 09:30"}, "发布时间：2026-10-01", url) == date(2026, 11, 18)
    assert page_date({}, "来源：本站 发布日期：2026/10/01 浏览次数", url) == date(2026, 10, 1)
    assert page_date({}, "正文没有日期", url) == date(2026, 1, 1)
    assert page_date({}, "正文没有日期", "http://x.gov.cn/jgjj/index.html") is None
