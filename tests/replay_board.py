"""Build a fixture government site whose message board replays real citizen messages.

Data source: the 2020 第八届泰迪杯数据挖掘挑战赛 C题 "智慧政务" message tables
(附件4: 2,816 answered messages; 附件3: a random 1,000 of the unanswered ones),
from `15625103741/Text-Mining`. No licence stated; 第八届泰迪杯数据挖掘挑战赛 C题 data,
copied in ../shared/corpus (see /work/shared/corpus/README.md). The corpus is only read.

`build_board(dest)` writes a static site folder servable by
`zwgk.fixtures.FixtureServer(root=dest.parent, names=[dest.name])`:

    /index.html                    home page (navigation bar, footer)
    /zwgk/ /zwfw/ /zjas/           plain section pages, so no nav link is dead
    /hdjl/index.html               互动交流 landing page, links to the board
    /hdjl/szxx/index.html          市长信箱 list page 1; page N is index_<N-1>.html
    /hdjl/szxx/detail_<id>.html    one detail page per message
"""

from __future__ import annotations

import csv
import html
import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "data" / "tipdm2020c"
ANSWERED_CSV = CORPUS / "附件4_留言答复.csv"
UNANSWERED_CSV = CORPUS / "附件3_留言无答复_sample1000.csv"

SITE_NAME = "西地省A市人民政府"
BOARD_NAME = "市长信箱"
BOARD_DIR = "/hdjl/szxx/"
DEFAULT_UNIT = "A市人民政府办公室"
NAV = [
    ("首页", "/index.html"),
    ("政务公开", "/zwgk/index.html"),
    ("政务服务", "/zwfw/index.html"),
    ("互动交流", "/hdjl/index.html"),
    ("走进A市", "/zjas/index.html"),
]
ON = ' class="on"'  # marks the current navigation item
SECTIONS = {
    "/zwgk/index.html": ("政务公开", "政府信息公开指南、政府信息公开制度、法定主动公开内容和政府信息公开年报。"),
    "/zwfw/index.html": ("政务服务", "个人办事、法人办事、部门服务和便民服务事项。"),
    "/zjas/index.html": ("走进A市", "A市概况、历史沿革、行政区划和人口资源。"),
}

# The CSV timestamps: "2019/4/25 9:32:09", a few "2019-04-25 09:32:09", one reply "2018/4/24".
TIME_FORMATS = ("%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M:%S")
DATE_FORMATS = ("%Y/%m/%d", "%Y-%m-%d")
# A reply may end with its unit, then a date: "…支持。 A7县环境保护局 2014年2月26日".
TRAILING_DATE = re.compile(r"[\s\u3000\xa0]*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?)?[\s\u3000\xa0。.]*$")
LAST_CLAUSE = re.compile(r"[。！!？?；;，,：:\s\u3000\xa0]")
UNIT = re.compile(r"[\w（）()]{2,30}?(?:人民政府|办公室|管理委员会|委员会|管委会|办事处|局|委|办|中心"
                  r"|街道|政府|公司|医院|学校|大队|支队|所|院|厅|处|站|镇|乡)")
NOT_A_UNIT = re.compile(r"[您你我请已转确咨询]")  # clauses like "您反映的问题已转区教育局"


@dataclass
class Message:
    key: str  # file-name id: the 留言编号, prefixed with "n" if it clashes
    number: int
    user: str
    title: str
    asked: datetime
    body: str
    replied: datetime | date | None = None
    reply: str = ""
    unit: str = ""

    @property
    def path(self) -> str:
        return f"{BOARD_DIR}detail_{self.key}.html"


def parse_time(text: str) -> datetime | date:
    """A CSV timestamp as a datetime, or as a date when it has no time part."""
    for fmt in TIME_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise ValueError(f"unknown timestamp format: {text!r}")


def shown(value: datetime | date | None) -> str:
    """YYYY-MM-DD HH:MM:SS, or YYYY-MM-DD for a bare date, or "" for none."""
    if value is None:
        return ""
    return value.strftime("%Y-%m-%d %H:%M:%S" if isinstance(value, datetime) else "%Y-%m-%d")


def reply_unit(reply: str) -> str:
    """The unit a reply signs with at its end, or the default unit."""
    clause = LAST_CLAUSE.split(TRAILING_DATE.sub("", reply))[-1]
    if UNIT.fullmatch(clause) and not NOT_A_UNIT.search(clause):
        return clause
    return DEFAULT_UNIT


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def load_messages() -> tuple[list[Message], list[str]]:
    """All messages newest first by 来信时间, and the 留言编号 found in both files."""
    messages = []
    for row in read_rows(ANSWERED_CSV):
        messages.append(Message(
            key=row["留言编号"], number=int(row["留言编号"]), user=row["留言用户"],
            title=row["留言主题"], asked=parse_time(row["留言时间"]), body=row["留言详情"],
            replied=parse_time(row["答复时间"]), reply=row["答复意见"], unit=reply_unit(row["答复意见"])))
    answered_ids = {m.key for m in messages}
    duplicates = []
    for row in read_rows(UNANSWERED_CSV):
        number = row["留言编号"]
        if number in answered_ids:
            duplicates.append(number)
        messages.append(Message(
            key=f"n{number}" if number in answered_ids else number, number=int(number),
            user=row["留言用户"], title=row["留言主题"], asked=parse_time(row["留言时间"]),
            body=row["留言详情"]))
    messages.sort(key=lambda m: (m.asked, m.number, m.key), reverse=True)
    return messages, sorted(duplicates, key=int)


def text(value: str) -> str:
    """Escaped text with its line breaks kept."""
    return html.escape(value).replace("\r\n", "\n").replace("\n", "<br>\n")


def page(title: str, body: str, current: str) -> str:
    """A full page in the site's frame: header, navigation bar, body, footer."""
    nav = "\n".join(
        f'      <li{ON if label == current else ""}><a href="{href}">{label}</a></li>' for label, href in NAV)
    heading = SITE_NAME if title == SITE_NAME else f"{html.escape(title)}_{SITE_NAME}"
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="SiteName" content="{SITE_NAME}">
<meta name="ColumnName" content="{current}">
<title>{heading}</title>
</head>
<body>
<div class="header">
  <div class="logo"><a href="/index.html">{SITE_NAME}</a></div>
  <div class="nav">
    <ul>
{nav}
    </ul>
  </div>
</div>
<div class="main">
{body}
</div>
<div class="footer">
  <p>主办：{SITE_NAME}办公室　承办：A市数据资源管理局</p>
  <p>地址：A市行政中心　邮编：410000</p>
</div>
</body>
</html>
"""


def position(*crumbs: tuple[str, str]) -> str:
    links = " &gt; ".join(f'<a href="{href}">{label}</a>' for label, href in (("首页", "/index.html"), *crumbs))
    return f'<div class="position">当前位置：{links}</div>'


def home_page() -> str:
    return page(SITE_NAME, f"""<div class="banner"><h1>{SITE_NAME}</h1></div>
<div class="column">
  <h2><a href="/hdjl/index.html">互动交流</a></h2>
  <ul>
    <li><a href="{BOARD_DIR}index.html">{BOARD_NAME}</a></li>
  </ul>
</div>""", "首页")


def section_page(label: str, href: str, intro: str) -> str:
    return page(label, f"""{position((label, href))}
<div class="content"><h2>{label}</h2><p>{intro}</p></div>""", label)


def landing_page() -> str:
    return page("互动交流", f"""{position(("互动交流", "/hdjl/index.html"))}
<div class="content">
  <h2>互动交流</h2>
  <ul class="hdjl_list">
    <li><a href="{BOARD_DIR}index.html">{BOARD_NAME}</a><span>市民来信，市长办公室受理并转办答复。</span></li>
  </ul>
</div>""", "互动交流")


def list_file(number: int) -> str:
    """TRS-style list file name of page `number` (1-based)."""
    return "index.html" if number == 1 else f"index_{number - 1}.html"


def list_page(chunk: list[Message], first_seq: int, number: int, pages: int) -> str:
    rows = "\n".join(
        f"""  <tr>
    <td>{seq}</td>
    <td><a href="{m.path}" title="{html.escape(m.title)}">{html.escape(m.title)}</a></td>
    <td>{shown(m.asked)}</td>
    <td>{shown(m.replied)}</td>
    <td>{"已回复" if m.replied else "待回复"}</td>
  </tr>""" for seq, m in enumerate(chunk, first_seq))
    pager = " ".join(f'<a href="{BOARD_DIR}{list_file(n)}">{label}</a>' for label, n in (
        ("首页", 1), ("上一页", max(number - 1, 1)), ("下一页", min(number + 1, pages)), ("尾页", pages)))
    return page(BOARD_NAME, f"""{position(("互动交流", "/hdjl/index.html"), (BOARD_NAME, BOARD_DIR + "index.html"))}
<h2>{BOARD_NAME}</h2>
<table class="xx_list">
  <tr><th>序号</th><th>信件标题</th><th>来信时间</th><th>答复时间</th><th>办理状态</th></tr>
{rows}
</table>
<div class="page">{pager} <span>共{pages}页</span></div>""", "互动交流")


def detail_page(m: Message) -> str:
    rows = [("信件标题", html.escape(m.title)), ("来信人", html.escape(m.user)),
            ("来信时间", shown(m.asked)), ("信件内容", text(m.body))]
    if m.replied:
        rows += [("答复单位", html.escape(m.unit)), ("答复时间", shown(m.replied)), ("答复内容", text(m.reply))]
    table = "\n".join(f'  <tr><td class="xx_label">{label}</td><td>{value}</td></tr>' for label, value in rows)
    pending = "" if m.replied else '\n<p class="blzt">该信件正在办理中</p>'
    return page(m.title, f"""{position(("互动交流", "/hdjl/index.html"), (BOARD_NAME, BOARD_DIR + "index.html"))}
<table class="xx_table">
{table}
</table>{pending}""", "互动交流")


def build_board(dest: Path, per_page: int = 30) -> dict:
    """Write the fixture site at `dest`; return counts and each detail path's CSV times."""
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    messages, duplicates = load_messages()
    pages = math.ceil(len(messages) / per_page)
    board = dest / BOARD_DIR.strip("/")
    board.mkdir(parents=True, exist_ok=True)
    for folder in ("zwgk", "zwfw", "zjas"):
        (dest / folder).mkdir(exist_ok=True)
    (dest / "site.toml").write_text(
        f'[[site]]\nid = "{dest.name}"\nname = "{SITE_NAME}"\nhome = "{{{{home}}}}"\n', encoding="utf-8")
    (dest / "index.html").write_text(home_page(), encoding="utf-8")
    (dest / "hdjl" / "index.html").write_text(landing_page(), encoding="utf-8")
    for href, (label, intro) in SECTIONS.items():
        (dest / href.lstrip("/")).write_text(section_page(label, href, intro), encoding="utf-8")
    for number in range(1, pages + 1):
        start = (number - 1) * per_page
        chunk = messages[start:start + per_page]
        (board / list_file(number)).write_text(list_page(chunk, start + 1, number, pages), encoding="utf-8")
    for m in messages:
        (board / f"detail_{m.key}.html").write_text(detail_page(m), encoding="utf-8")
    answered = sum(1 for m in messages if m.replied)
    return {
        "messages": len(messages),
        "answered": answered,
        "unanswered": len(messages) - answered,
        "list_pages": pages,
        "duplicate_ids": duplicates,
        "detail_paths": {m.path: (m.asked.isoformat(), m.replied.isoformat() if m.replied else None)
                         for m in messages},
    }
