"""Publication times in every form the platforms show them, as naive Asia/Shanghai date-times.

Unix seconds or milliseconds, RFC 822 (feeds), Weibo's `Tue Nov 17 10:00:00 +0800 2026`, ISO 8601,
`2026-11-17 10:00`, `2026年11月17日`, `11-17` (this year, relative to the reference), and the relative
forms of Chinese apps: 刚刚, 5分钟前, 3小时前, 2天前, 昨天 10:20, 前天, 今天 08:00.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from crawler.extract.dates import make_date

SHANGHAI = ZoneInfo("Asia/Shanghai")
WEIBO = re.compile(r"^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$")
MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1)}
FULL = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                  r"(?:[\sT]*(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?)?")
MONTH_DAY = re.compile(r"^(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?(?:\s+(\d{1,2}):(\d{2}))?$")
CLOCK = re.compile(r"(\d{1,2}):(\d{2})")
AGO = re.compile(r"(\d+)\s*(秒|分钟|小时|天|周|个月)前")
AGO_UNITS = {"秒": timedelta(seconds=1), "分钟": timedelta(minutes=1), "小时": timedelta(hours=1),
             "天": timedelta(days=1), "周": timedelta(weeks=1), "个月": timedelta(days=30)}
DAY_WORDS = {"今天": 0, "昨天": 1, "前天": 2}


def reference_time(as_of: date, now: datetime | None = None) -> datetime:
    """What relative times (3小时前) count back from: now when as_of is today, else the end of as_of."""
    now = now or datetime.now(SHANGHAI).replace(tzinfo=None)
    return now if now.date() == as_of else datetime.combine(as_of, time(23, 59))


def local(moment: datetime) -> datetime:
    """A time with a zone as Shanghai wall time; a naive one is taken to be Shanghai time already."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(SHANGHAI).replace(tzinfo=None)


def from_timestamp(value: float) -> datetime | None:
    if value > 1e11:  # milliseconds
        value /= 1000
    if not 631152000 <= value <= 4102444800:  # 1990 … 2100
        return None
    return datetime.fromtimestamp(value, timezone.utc).astimezone(SHANGHAI).replace(tzinfo=None)


def parse_time(value, reference: datetime) -> datetime | None:
    """One publication time, or None when the value is not one."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return from_timestamp(float(value))
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d{9,13}(\.\d+)?", text):
        return from_timestamp(float(text))
    for parse in (_weibo, _iso, _rfc822, _full, _relative, _month_day):
        moment = parse(text, reference)
        if moment:
            return moment
    return None


def _weibo(text: str, reference: datetime) -> datetime | None:
    match = WEIBO.match(text)
    if not match:
        return None
    month, day, hour, minute, second, zone, year = match.groups()
    try:
        moment = datetime(int(year), MONTHS[month], int(day), int(hour), int(minute), int(second),
                          tzinfo=datetime.strptime(zone, "%z").tzinfo)
    except (KeyError, ValueError):
        return None
    return local(moment)


def _iso(text: str, reference: datetime) -> datetime | None:
    if not re.match(r"\d{4}-\d{2}-\d{2}T", text):
        return None
    try:
        return local(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        return None


def _rfc822(text: str, reference: datetime) -> datetime | None:
    if not re.search(r"[A-Za-z]{3},?\s+\d{1,2}\s+[A-Za-z]{3}|\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", text):
        return None
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    if moment.tzinfo is None:  # RFC 822 without a zone ("-0000"): UTC
        moment = moment.replace(tzinfo=timezone.utc)
    return local(moment)


def _full(text: str, reference: datetime) -> datetime | None:
    match = FULL.search(text)
    if not match:
        return None
    year, month, day, hour, minute, second = match.groups()
    day_value = make_date(year, month, day)
    if day_value is None:
        return None
    try:
        clock = time(int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        clock = time(0, 0)
    return datetime.combine(day_value, clock)


def _relative(text: str, reference: datetime) -> datetime | None:
    if text in ("刚刚", "刚才"):
        return reference
    match = AGO.search(text)
    if match:
        return reference - int(match.group(1)) * AGO_UNITS[match.group(2)]
    for word, days in DAY_WORDS.items():
        if text.startswith(word):
            clock = CLOCK.search(text)
            day_value = (reference - timedelta(days=days)).date()
            return datetime.combine(day_value, time(int(clock.group(1)) % 24, int(clock.group(2)) % 60)
                                    if clock else time(0, 0))
    return None


def _month_day(text: str, reference: datetime) -> datetime | None:
    """`11-17` or `11月17日 10:00`: this year, or last year when that would lie in the future."""
    match = MONTH_DAY.match(text)
    if not match:
        return None
    month, day, hour, minute = match.groups()
    value = make_date(reference.year, month, day)
    if value and value > reference.date() + timedelta(days=1):
        value = make_date(reference.year - 1, month, day)
    if value is None:
        return None
    return datetime.combine(value, time(int(hour or 0) % 24, int(minute or 0) % 60))
