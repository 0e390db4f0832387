"""What every adapter shares: the reading context, one GET under the policy, HTML to plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from crawler.extract.encoding import decode_html
from zwgk.fetch import Fetched, fetch

from .dates import parse_time, reference_time

BLOCKED = {403, 412, 418, 429, 432, 521}  # the platform refuses robots (418/432: Weibo's answers)
TAGS = re.compile(r"<[^>]+>")
SPACES = re.compile(r"[ \t\r\f\v\u3000\xa0]+")


@dataclass
class Context:
    as_of: date
    policy: object = None  # crawler.network.Policy
    timeout: float = 15.0
    max_bytes: int = 20 * 1024 * 1024
    now: datetime | None = None  # for tests: the clock relative times count from
    chromium: str = "/usr/bin/chromium"
    fetched: dict = field(default_factory=dict)  # url → Fetched, so one reading never asks twice

    @property
    def reference(self) -> datetime:
        return reference_time(self.as_of, self.now)

    def when(self, value) -> datetime | None:
        return parse_time(value, self.reference)

    def get(self, url: str, headers: dict | None = None) -> Fetched:
        if url not in self.fetched:
            self.fetched[url] = fetch(url, self.policy, self.timeout, self.max_bytes, headers)
        return self.fetched[url]


def why_not(answer: Fetched) -> str:
    """A short Chinese reason an answer cannot be used, or "" when it can."""
    if answer.status is None:
        return answer.error or "无法连接"
    if answer.status in BLOCKED:
        return f"HTTP {answer.status}，平台拒绝访问，可能需要登录或验证"
    if answer.status >= 400:
        return f"HTTP {answer.status}"
    return ""


def html_of(answer: Fetched) -> str:
    return decode_html(answer.body, answer.content_type)[0]


def plain_text(markup: str) -> str:
    """Text of an HTML fragment, lines kept (<br>, </p>)."""
    if not markup:
        return ""
    markup = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</h\d>|</li>|</tr>|</table>", "\n", markup)
    markup = re.sub(r"(?i)</t[dh]>", " ", markup)  # table cells stay apart: 3607…0418 | 2 is not one number
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", markup)
    from html import unescape

    text = unescape(TAGS.sub("", markup))
    lines = [SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)
