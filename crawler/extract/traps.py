"""Crawler traps: URLs that lead on forever. Each is recognised by its shape and named in a notice.

- a session id in the URL (;jsessionid=…, ?PHPSESSID=…): the same page under endless names, so the id
  is removed before the URL is used (`without_session`);
- a path that repeats itself (/a/b/a/b/a/b/…), a relative link resolved against its own page;
- an ever-growing URL or query string;
- a calendar paging to years nobody published in (?year=1875, ?month=2093-04).
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SESSION = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.I)
SESSION_KEYS = {"jsessionid", "phpsessid", "aspsessionid", "sessionid", "session_id", "cfid", "cftoken"}
YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|2[0-9]{3})(?:[-/年]?(0?[1-9]|1[0-2]))?(?!\d)")
MAX_URL = 1000
MAX_QUERY = 400
CALENDAR_KEYS = re.compile(r"date|day|month|year|yr|ym|time|riqi|rq|nian|yue|cal", re.I)
FIRST_YEAR = 1990  # government sites started in the late 1990s


def without_session(url: str) -> str:
    """The URL without session ids, so one page has one name."""
    url = SESSION.sub("", url)
    parts = urlsplit(url)
    if not parts.query:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if k.lower() not in SESSION_KEYS and not k.lower().startswith("aspsessionid")]
    if len(kept) == len(pairs):
        return url
    return urlunsplit(parts._replace(query=urlencode(kept)))


def trap(url: str, today: date | None = None) -> str:
    """Why this URL looks like a trap (Chinese, naming its shape), or ''."""
    parts = urlsplit(url)
    if len(url) > MAX_URL or len(parts.query) > MAX_QUERY:
        return f"网址越来越长（{len(url)} 个字符）：{url_shape(url)}"
    segments = [s for s in parts.path.split("/") if s]
    for size in (1, 2, 3):
        for start in range(0, max(0, len(segments) - 3 * size + 1)):
            block = segments[start:start + size]
            if segments[start + size:start + 2 * size] == block and segments[start + 2 * size:start + 3 * size] == block:
                return f"路径不断重复（/{'/'.join(block)}/…）：{url_shape(url)}"
    this_year = (today or date.today()).year
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if not CALENDAR_KEYS.search(key):
            continue
        match = YEAR.search(value)
        if match and not FIRST_YEAR <= int(match.group(1)) <= this_year + 1:
            return f"日历翻页到 {match.group(1)} 年：{url_shape(url)}"
    return ""


def url_shape(url: str) -> str:
    """The URL with its numbers and values blanked: what a trap's URLs have in common."""
    parts = urlsplit(url)
    path = re.sub(r"\d+", "N", parts.path)
    if len(path) > 80:
        path = path[:80] + "…"
    keys = "&".join(f"{k}=…" for k, _ in parse_qsl(parts.query, keep_blank_values=True))[:120]
    return path + (f"?{keys}" if keys else "")
