"""What a check returns, and how a finding gets its stable fingerprint."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

SEVERITIES = ("veto", "deduct", "notice")
SEVERITY_NAMES = {"veto": "单项否决", "deduct": "扣分", "notice": "提示"}


@dataclass
class Finding:
    url: str
    detail: str
    evidence: dict = field(default_factory=dict)
    source_url: str = ""
    key: str = ""  # what makes two findings on the same URL different problems
    severity: str | None = None  # overrides the check's default (message_unanswered: deduct or veto)


def fingerprint(site: str, check_code: str, url: str, key: str = "") -> str:
    """The same problem on the same object has the same fingerprint in every run."""
    raw = "\x1f".join((site, check_code, url, key))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]
