"""Columns (栏目) and their lists: discovery from navigation, classification by name,
list entries with dates (ul/li, tables, Hanweb datastore), pagination."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

import lxml.html

from .dates import date_in_text, date_in_url
from .html import clean, element_text, inside, _PARSER
from .links import absolute, link_kind, looks_like_article, same_site

# Name → kind, first match wins (解读 before 政策: “政策解读” is an interpretation column).
KIND_PATTERNS = [
    ("interpretation", re.compile(r"解读|图解|问答")),
    ("message", re.compile(r"留言|信箱|咨询|互动|找错|来信|诉求|问政|投诉|建言|民意征集")),
    ("personnel", re.compile(r"人事|任免|招录|招聘|干部任前")),
    ("plan", re.compile(r"规划|计划")),
    ("policy", re.compile(r"政策文件|规范性文件|政府文件|政策法规|文件|法规|规章|政策")),
    ("notice", re.compile(r"通知|公告|公示|通告|公报")),
    ("news", re.compile(r"要闻|动态|新闻|资讯|快讯|头条|工作信息|政务信息|信息速递|基层")),
]
NOT_COLUMNS = re.compile(
    r"^(网站)?首\s*页$|返回首页|网站地图|无障碍|长者|关怀|适老|登录|注册|english|繁體|繁体|简体|收藏|设为|"
    r"联系我们|关于我们|纠错|更多|^more|^>+$|^\+$|上一页|下一页|尾页|首页\s*$|rss|打印|关闭|分享",
    re.I,
)
BOARD_NAME = re.compile(r"^.{0,8}(信箱|留言板?|咨询|互动|互动交流|找错|来信|问政|诉求|建言献策)$")  # 市长信箱, 在线咨询
MORE = re.compile(r"^(更多|more|>>|»|＞＞|\+|查看更多|更多>+)", re.I)
EMPTY_MARKER = re.compile(r"暂无(信息|数据|内容|记录|相关|文章)|没有(找到)?(相关)?(信息|记录|数据)|无相关信息|信息正在更新")
TRS_PAGER = re.compile(r"createPage(?:HTML)?\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]([\w-]+)['\"]\s*,\s*['\"](\w+)['\"]")
NEXT_PAGE = re.compile(r"^(下一页|下页|后一页|next)\s*[>›»]*$", re.I)
# Other pager links: followed as pages of the same list only when they stay in the list's folder
PAGER = re.compile(r"^[<‹«]*\s*(首页|上一页|上页|前一页|尾页|末页|最后一页|\[?\d{1,4}\]?)\s*[>›»]*$")
CDATA_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)


@dataclass(frozen=True, slots=True)
class ColumnLink:
    url: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Entry:
    url: str
    title: str
    date: date | None
    group: int  # entries of one list share a group
    main: bool = False
    shown: bool = False  # the date is printed beside the title (not only in the URL)


def column_kind(name: str) -> str:
    for kind, pattern in KIND_PATTERNS:
        if pattern.search(name):
            return kind
    return "other"


def find_columns(root, base: str, key: str, navs: set) -> list[ColumnLink]:
    """Columns named in the page's navigation, the “更多” links of home-page blocks, and message boards."""
    found: dict[str, ColumnLink] = {}
    for anchor in root.iter("a"):
        text = clean(anchor.text_content()) or clean(anchor.get("title"))
        url = absolute(base, anchor.get("href"))
        if not url or not same_site(url, key) or link_kind(url) != "page" or looks_like_article(url):
            continue
        if MORE.match(text):
            name = _block_title(anchor)
        elif 2 <= len(text) <= 12 and (inside(anchor, navs) or BOARD_NAME.search(text)):
            name = text  # navigation, or a message board linked from anywhere (市长信箱, 在线咨询 …)
        else:
            continue
        if not name or NOT_COLUMNS.search(name) or url.rstrip("/") == base.rstrip("/"):
            continue
        found.setdefault(url, ColumnLink(url, name, column_kind(name)))
    return list(found.values())


def _block_title(anchor) -> str:
    """The title of the block a “更多” link closes: the nearest short text before it."""
    node = anchor
    for _ in range(3):
        parent = node.getparent()
        if parent is None:
            return ""
        for child in parent:
            if child is node or child is anchor:
                break
            text = clean(element_text(child)) if isinstance(child.tag, str) else ""
            text = MORE.sub("", text).strip(" >»+")
            if 2 <= len(text) <= 12:
                return text
        own = clean(parent.text)
        if 2 <= len(own) <= 12:
            return own
        node = parent
    return ""


def list_entries(root, base: str, reference: date | None, navs: set, raw_html: str = "") -> list[Entry]:
    """Dated list items of the page; the list with the most dated items is marked `main`.

    Markup varies endlessly (ul/li, tables, dl/dt/dd, div.item, Hanweb datastore records), so an
    item is found from its title link upwards: the smallest ancestor that holds this one title and
    a date, stopping before it would take in a neighbouring title.
    """
    items: dict = {}  # item element -> (anchor, date); holding the element keeps its lxml proxy
    counts: dict = {}
    for anchor in root.iter("a"):
        if anchor in navs:
            continue
        _add_item(anchor, base, reference, items, counts)
    if CDATA_RECORD.search(raw_html):
        for record_html in CDATA_RECORD.findall(raw_html):
            fragment = lxml.html.fragment_fromstring(record_html, create_parent="div", parser=_PARSER)
            for anchor in fragment.iter("a"):
                _add_item(anchor, base, reference, items, counts, record=True)
    groups: dict = {}
    entries: list[Entry] = []
    for item, (anchor, when, record) in items.items():
        parent = item.getparent()
        group = -1 if record else groups.setdefault(parent if parent is not None else item, len(groups) + 1)
        entries.append(Entry(absolute(base, anchor.get("href")), _title(anchor)[:200], when[0], group,
                             shown=when[1]))
    if not entries:
        return entries
    tally: dict[int, list[int]] = {}
    for entry in entries:
        dated, total = tally.get(entry.group, [0, 0])
        tally[entry.group] = [dated + (entry.date is not None), total + 1]
    main = max(tally, key=lambda group: (tally[group][0], tally[group][1], group == -1))
    return [Entry(e.url, e.title, e.date, e.group, e.group == main, e.shown) for e in entries]


ITEM_CONTAINERS = {"li", "tr", "dl", "dd", "dt", "p", "div", "span", "td", "em", "h3", "h4", "h5", "section"}
MULTI_ANCHOR_ITEMS = {"li", "tr", "dl"}  # a title plus an attachment or 来源 link is still one item


def _title(anchor) -> str:
    return clean(anchor.get("title")) or clean(anchor.text_content())


def _is_title(anchor, base: str) -> bool:
    title = _title(anchor)
    return len(title) >= 4 and not NOT_COLUMNS.search(title) and absolute(base, anchor.get("href")) is not None


def _title_count(element, base: str, counts: dict) -> int:
    if element not in counts:
        counts[element] = sum(1 for a in element.iter("a") if _is_title(a, base))
    return counts[element]


def _add_item(anchor, base: str, reference, items: dict, counts: dict, record: bool = False) -> None:
    if not _is_title(anchor, base):
        return
    own = clean(anchor.text_content())
    node, when = anchor, None
    for _ in range(4):
        parent = node.getparent()
        if parent is None or parent.tag not in ITEM_CONTAINERS:
            break
        titles = _title_count(parent, base, counts)
        if titles > (3 if parent.tag in MULTI_ANCHOR_ITEMS else 1):
            break
        text = element_text(parent)
        if len(text) > 400:
            break
        node = parent
        when = date_in_text(text.replace(own, " "), reference)
        if when:
            break
    url = absolute(base, anchor.get("href"))
    shown = when is not None
    when = (when or date_in_url(url) or date_in_text(_title(anchor), None), shown)
    if node is anchor:
        node = anchor.getparent() if anchor.getparent() is not None else anchor
    previous = items.get(node)
    if previous is None or len(_title(anchor)) > len(_title(previous[0])):
        items[node] = (anchor, when, record)


def pagination(root, base: str, raw_html: str) -> list[str]:
    """Further pages of a list: TRS createPageHTML(total, current, "index", "html"), 下一页 links, and the
    pager's other links (尾页, 上一页, page numbers) that stay in the list's folder."""
    pages: list[str] = []
    match = TRS_PAGER.search(raw_html)
    if match:
        total, current, name, ext = int(match.group(1)), int(match.group(2)), match.group(3), match.group(4)
        for number in range(1, min(total, 500)):
            if number != current:
                pages.append(urljoin(base, f"{name}_{number}.{ext}"))
    folder = base.split("?", 1)[0].rsplit("/", 1)[0] + "/"
    for anchor in root.iter("a"):
        text = clean(anchor.text_content())
        url = absolute(base, anchor.get("href"))
        if url and (NEXT_PAGE.match(text) or PAGER.match(text) and url.startswith(folder) and "/" not in
                    url[len(folder):].split("?", 1)[0]):
            pages.append(url)
    return [absolute(base, page) or page for page in dict.fromkeys(pages)]


def looks_empty(text: str, entries: list[Entry], content_links: int) -> bool:
    """An empty column: no entries, and either says 暂无信息 or shows nothing but navigation."""
    if entries:
        return False
    if EMPTY_MARKER.search(text):
        return True
    return content_links == 0 and len(text) < 30


def built_by_script(raw_html: str) -> bool:
    """Inline or external scripts that may fill a list after load (worth rendering)."""
    lowered = raw_html.lower()
    return "<script" in lowered and any(
        hint in lowered
        for hint in ("innerhtml", "appendchild", "document.write", "$.ajax", "$.get", "fetch(", "xmlhttprequest",
                     ".append(", ".html(", "template", "vue", "render", "insertadjacenthtml", "createelement")
    )
