"""Citizen messages (留言, 来信, 咨询) on the list and detail pages of message boards.

Three layouts cover what boards print: a list under a header row (a table, or a grid of
spans under a header of labels), list items or a detail page with labelled fields
(“留言时间：…”, th/td, dt/dd), and — for a board page whose items carry no labels at
all — the plain list entries with their dates. What a message says about itself is kept
as read (times as ISO text, the status label as printed); whether it was answered is
decided by the checks, which trust timestamps over labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .html import clean
from .labels import first_line, label_pattern, labelled, parse_datetime, segments
from .links import absolute

FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("留言标题", "信件标题", "来信标题", "咨询标题", "投诉标题", "诉求标题", "问题标题",
              "留言主题", "信件主题", "来信主题", "主题", "标题"),
    "asker": ("留言人", "来信人", "咨询人", "提问人", "留言用户", "写信人", "投诉人"),
    "asked": ("留言时间", "来信时间", "提问时间", "咨询时间", "写信时间", "提交时间", "投诉时间", "反映时间",
              "来件时间", "发信时间", "诉求时间", "留言日期", "来信日期", "提问日期", "咨询日期", "提交日期"),
    "question": ("留言内容", "来信内容", "信件内容", "咨询内容", "问题描述", "诉求内容", "投诉内容", "提问内容",
                 "内容"),
    "unit": ("回复单位", "答复单位", "办理单位", "处理单位", "承办单位", "回复部门", "答复部门", "办理部门",
             "答复机构", "回复机构", "回复人"),
    "replied": ("回复时间", "答复时间", "办理时间", "处理时间", "反馈时间", "办结时间", "回复日期", "答复日期",
                "办结日期"),
    "status": ("办理状态", "处理状态", "回复状态", "答复状态", "信件状态", "留言状态", "状态"),
    "reply": ("回复内容", "答复内容", "办理结果", "处理结果", "回复意见", "答复意见", "办理情况", "处理情况",
              "回复", "答复"),
}
LABELS = label_pattern(FIELDS)
ASKED = label_pattern({"asked": FIELDS["asked"]})
ASKED_WORDS = re.compile("|".join(FIELDS["asked"]))  # a cheap first test on a page's text
FIELD_OF = {label: name for name, labels in FIELDS.items() for label in labels}
ROW_TAGS = {"tr", "li", "div", "dl", "p", "ul"}
NO_REPLY_TEXT = re.compile(r"^(暂无|暂未|尚未|未|待|正在|无)(回复|答复|办理|处理)|^(该信件|该留言)?(正在|尚在)?(办理|处理)中|^无$")
MAX_TEXT = 2000
PAGE_TOOLS = re.compile(r"^[【\[]?(返回列表|返回|返回顶部|打印(本页)?|关闭(窗口|本页)?|(上|下)一篇.*|分享到.*)[】\]]?$")


@dataclass(slots=True)
class Message:
    url: str
    title: str = ""
    asked: str | None = None  # ISO date or date-time
    replied: str | None = None
    unit: str = ""
    status: str = ""
    reply: str = ""
    source: str = "list"  # list | detail
    shows_asked: bool = False  # the layout has a 留言时间 field or column
    shows_replied: bool = False  # … and a 答复时间 one


def page_messages(root, url: str, chrome: set, entries=(), board: bool = False) -> list[Message]:
    """Every message a page shows: list rows, labelled items, or the one message of a detail page."""
    found = _header_lists(root, url, chrome)
    if found:
        return found
    found = _labelled(root, url, chrome)
    if found or not board:
        return found
    return [Message(e.url, e.title, e.date.isoformat(), shows_asked=True) for e in entries if e.main and e.date]


def has_reply(message: Message) -> bool:
    return bool(message.replied or (message.reply and not NO_REPLY_TEXT.match(message.reply)))


# -- a list under a header row of labels --------------------------------------------------------


def _header_lists(root, url: str, chrome: set) -> list[Message]:
    found: list[Message] = []
    for header in root.iter(*ROW_TAGS):
        if header in chrome:
            continue
        columns = _header_columns(header)
        if not columns:
            continue
        for row in _rows_after(header, len(columns)):
            message = _row_message(row, columns, url)
            if message:
                found.append(message)
    return found


def _header_columns(row) -> list[str] | None:
    """The field of each cell when `row` is a header of labels with at least a title and a time."""
    cells = [child for child in row if isinstance(child.tag, str)]
    if len(cells) < 2:
        return None
    names = [FIELD_OF.get(clean(cell.text_content()).strip(":："), "") for cell in cells]
    named = set(names) - {""}
    if len(named) < 2 or not named & {"asked", "replied"} or any(cell.find(".//a") is not None for cell in cells):
        return None
    return names


def _rows_after(header, width: int) -> list:
    rows = [sibling for sibling in header.itersiblings() if sibling.tag == header.tag]
    if not rows:  # header in <thead>, rows in <tbody>; or a header div above a <ul> of items
        following = header.getnext() if header.getnext() is not None else header.getparent().getnext()
        rows = [child for child in following if isinstance(child.tag, str)] if following is not None else []
    return [row for row in rows if len([c for c in row if isinstance(c.tag, str)]) == width]


def _row_message(row, columns: list[str], base: str) -> Message | None:
    cells = [child for child in row if isinstance(child.tag, str)]
    values = {name: clean(cell.text_content()) for name, cell in zip(columns, cells) if name}
    anchor = next((a for a in row.iter("a") if absolute(base, a.get("href"))), None)
    asked = parse_datetime(values.get("asked"))
    if anchor is None and not asked:
        return None
    title = values.get("title") or (clean(anchor.get("title")) or clean(anchor.text_content()) if anchor is not None
                                    else "")
    return Message(
        url=absolute(base, anchor.get("href")) if anchor is not None else base, title=title, asked=asked,
        replied=parse_datetime(values.get("replied")), unit=values.get("unit", ""),
        status=values.get("status", ""), reply=values.get("reply", "")[:MAX_TEXT],
        shows_asked="asked" in values, shows_replied="replied" in values,
    )


# -- labelled fields: list items, or a whole detail page -----------------------------------------


def _without_page_tools(value: str | None) -> str:
    """A reply runs to the next label: drop the page's own buttons (返回列表, 打印, 关闭) after it."""
    lines = (value or "").split("\n")
    while lines and PAGE_TOOLS.match(lines[-1].strip()):
        lines.pop()
    return "".join(lines)


def _holders(body, chrome: set, pattern: re.Pattern) -> list:
    """Elements whose own text (or a child's tail) carries a label."""
    found = []
    for element in body.iter():
        if not isinstance(element.tag, str) or element in chrome:
            continue
        if element.text and pattern.search(clean(element.text)):
            found.append(element)
        if element.tail and pattern.search(clean(element.tail)) and element.getparent() is not None:
            found.append(element.getparent())
    return found


def _common_ancestor(elements: list):
    if not elements:
        return None
    path = [elements[0], *elements[0].iterancestors()]
    depth = 0
    for element in elements[1:]:
        chain = {id(e) for e in (element, *element.iterancestors())}
        while id(path[depth]) not in chain:
            depth += 1
    return path[depth]


def _labelled(root, url: str, chrome: set) -> list[Message]:
    body = root.find("body") if root.find("body") is not None else root
    owners = _holders(body, chrome, ASKED)
    if not owners:
        return []
    counts: dict = {}
    for owner in owners:
        for element in (owner, *owner.iterancestors()):
            counts[element] = counts.get(element, 0) + 1
    if counts.get(body, 0) == 1:  # one message: a detail page, read within the block holding its labels
        block = _common_ancestor(_holders(body, chrome, LABELS))
        message = _message_in(body if block is None else block, url, chrome, detail=True)
        return [message] if message else []
    found, seen = [], set()
    for owner in owners:
        container = owner
        while container.getparent() is not None and counts.get(container.getparent(), 0) == 1:
            container = container.getparent()
        if container in seen:
            continue
        seen.add(container)
        message = _message_in(container, url, chrome, detail=False)
        if message:
            found.append(message)
    return found


def _message_in(container, url: str, chrome: set, detail: bool) -> Message | None:
    values = labelled(segments(container, chrome), FIELDS, LABELS)
    asked = parse_datetime(first_line(values.get("asked")))
    if not asked:
        return None
    if detail and not {"replied", "reply", "status", "question"} & values.keys():
        return None  # a date and nothing else a message has: not a message page
    link = None
    if not detail:
        link = next((absolute(url, a.get("href")) for a in container.iter("a")
                     if absolute(url, a.get("href")) and a not in chrome), None)
    title = first_line(values.get("title"))
    if not title and link:
        anchor = next(a for a in container.iter("a") if absolute(url, a.get("href")) == link)
        title = clean(anchor.get("title")) or clean(anchor.text_content())
    return Message(
        url=link or url, title=title, asked=asked, replied=parse_datetime(first_line(values.get("replied"))),
        unit=first_line(values.get("unit")), status=first_line(values.get("status")),
        reply=_without_page_tools(values.get("reply"))[:MAX_TEXT],
        source="detail" if detail else "list", shows_asked=True, shows_replied="replied" in values,
    )
