"""What an adapter reads from a platform: the account's facts and its posts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Post:
    url: str
    title: str = ""
    text: str = ""
    published: datetime | None = None  # naive, Asia/Shanghai wall time
    comments: int | None = None  # comments citizens left, where the platform shows the count
    replied: bool | None = None  # the account answered in them (None: not visible)
    deleted: str = ""  # why the post's page is gone (该内容已被发布者删除 …), "" when it is there
    checked: bool = False  # the adapter fetched the post's own page: `deleted` is known
    pinned: bool = False


@dataclass
class AccountFacts:
    name: str = ""
    verified: str = ""  # the body that verified the account (认证主体), "" when not shown
    menu: list[tuple[str, str]] = field(default_factory=list)  # (text, url) of the account's menu
    interactive: bool | None = None  # comments or messages open; None when the platform does not show it


@dataclass
class Reading:
    facts: AccountFacts = field(default_factory=AccountFacts)
    posts: list[Post] = field(default_factory=list)
    problem: str = ""  # why the platform could not be read (Chinese: 无法读取…); "" when it was read

    @property
    def newest(self) -> datetime | None:
        """The newest publication over all posts (a pinned old post never hides a newer one)."""
        dated = [post.published for post in self.posts if post.published]
        return max(dated) if dated else None


def unreadable(platform_name: str, reason: str) -> Reading:
    return Reading(problem=f"无法读取{platform_name}（{reason}）")
