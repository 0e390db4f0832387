"""政务新媒体: read the configured accounts (WeChat, Weibo, feeds, Douyin, Toutiao) into posts and facts.

One adapter per platform turns what it reads into a `Reading`; `read_account` picks the adapter and
makes sure a platform that could not be read is said so (`Reading.problem`), never mistaken for an
account that stopped posting.
"""

from __future__ import annotations

import logging
from datetime import date

from . import embedded, rss, wechat, weibo
from .model import AccountFacts, Post, Reading, unreadable
from .web import Context

__all__ = ["ADAPTERS", "PLATFORM_NAMES", "AccountFacts", "Context", "Post", "Reading", "read_account"]

ADAPTERS = {"rss": rss.read, "wechat": wechat.read, "weibo": weibo.read, "douyin": embedded.read,
            "toutiao": embedded.read}
PLATFORM_NAMES = {"rss": "RSS订阅源", "wechat": "微信公众号", "weibo": "微博", "douyin": "抖音",
                  "toutiao": "今日头条"}
RENDERED = {"douyin", "toutiao"}  # read in Chromium: one at a time

log = logging.getLogger(__name__)


def read_account(account, as_of: date, policy=None, limits=None, context: Context | None = None) -> Reading:
    """What the account's platform shows, as of the 监测时间点."""
    if context is None:
        context = Context(as_of, policy)
        if limits is not None:
            context.timeout = limits.timeout
            context.max_bytes = int(limits.max_download_mb * 1024 * 1024)
    name = PLATFORM_NAMES.get(account.platform, account.platform)
    try:
        reading = ADAPTERS[account.platform](account, context)
    except Exception as error:  # noqa: BLE001 - one account's surprise must not stop the night's run
        log.exception("reading %s failed", account.id)
        return unreadable(name, f"读取时出错：{type(error).__name__}")
    if not reading.problem and reading.posts and reading.newest is None:
        return unreadable(name, f"读到 {len(reading.posts)} 条内容，但都没有发布时间，平台格式可能已变化")
    return reading
