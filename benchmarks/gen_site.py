#!/usr/bin/env python3
"""Generate a static, TRS-style Chinese government website for benchmarking.

    python benchmarks/gen_site.py OUT_DIR [--pages 20000] [--seed 20261120]

The site has exactly ``--pages`` HTML pages:

* 4 fixed pages: home ``/``, site map ``/wzdt/``, ``/gywm/`` (about), ``/lxwm/`` (contact);
* 40 columns in 8 channels (``/zwgk/tzgg/`` ...), each with paginated list pages
  ``index.html``, ``index_1.html`` ... holding 20 items apiece, TRS style:
  ``<li><a href="./202611/t20261105_12345.html">title</a><span>2026-11-05</span></li>``;
* the rest are article pages (``/zwgk/tzgg/202611/t20261105_12345.html``) with
  2–4 KB of Chinese body text, one image (``W0….png``), an attachment on about one
  article in five (``P0….pdf/.docx/.xlsx``), and 5 related links to other articles.

About 5% of the content links (related articles, images, attachments) point to
files that do not exist.  No page links outside the site.  Everything is derived
from ``--seed``, so two runs give byte-identical trees.

A ``manifest.json`` next to the site records what was generated (expected page
count, distinct URLs, dead URLs ...).  The tree is written to a temporary folder
and renamed into place at the end, so a present ``manifest.json`` means a
complete site.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import os
import posixpath
import random
import shutil
import struct
import sys
import zlib
from pathlib import Path

GENERATOR_VERSION = 1
AS_OF = dt.date(2026, 11, 20)
PER_PAGE = 20
RELATED = 5
DEAD_RATE = 0.05
ATTACH_RATE = 0.2
SITE_NAME = "基准市人民政府"
FIXED_PAGES = 4  # home, site map, about, contact

CHANNELS = [
    ("zwgk", "政务公开", [("tzgg", "通知公告"), ("zcwj", "政策文件"), ("zcjd", "政策解读"),
                        ("rsxx", "人事信息"), ("czzj", "财政资金")]),
    ("xwdt", "新闻动态", [("gzdt", "工作动态"), ("bmdt", "部门动态"), ("xzdt", "乡镇动态"),
                        ("tpxw", "图片新闻"), ("mtgz", "媒体关注")]),
    ("zwfw", "政务服务", [("bszn", "办事指南"), ("bmfw", "便民服务"), ("ggfw", "公共服务"),
                        ("xzxk", "行政许可"), ("xzcf", "行政处罚")]),
    ("hdjl", "互动交流", [("ldxx", "领导信箱"), ("zxft", "在线访谈"), ("zjdc", "征集调查"),
                        ("hygz", "回应关切"), ("cjwt", "常见问题")]),
    ("ghjh", "规划计划", [("fzgh", "发展规划"), ("ndjh", "年度计划"), ("tjsj", "统计数据"),
                        ("tjgb", "统计公报"), ("zdxm", "重点项目")]),
    ("zdly", "重点领域", [("jy", "教育"), ("wsjk", "卫生健康"), ("hjbh", "环境保护"),
                        ("aqsc", "安全生产"), ("spyp", "食品药品")]),
    ("jggk", "机构概况", [("jgzn", "机构职能"), ("ldzc", "领导之窗"), ("nsjg", "内设机构"),
                        ("xsdw", "下属单位"), ("ndbg", "信息公开年报")]),
    ("ztzl", "专题专栏", [("yhys", "优化营商环境"), ("xczx", "乡村振兴"), ("fzzf", "法治政府"),
                        ("zfcg", "政府采购"), ("zbtb", "招标投标")]),
]

# --- Chinese text material -------------------------------------------------

TITLE_VERBS = ["关于印发", "关于做好", "关于开展", "关于进一步加强", "关于公布", "关于征求",
               "关于调整", "关于组织开展", "关于落实", "关于推进"]
TITLE_TOPICS = ["安全生产大检查", "政府信息公开工作", "优化营商环境", "冬季供暖保障", "城乡医疗救助",
                "农村人居环境整治", "义务教育招生入学", "食品安全抽检", "生态环境保护督察",
                "就业创业补贴", "城市更新改造", "防汛抗旱", "乡村振兴重点项目", "数字政府建设",
                "老旧小区改造", "河湖长制", "营商环境评价", "政务服务“一网通办”", "消防安全专项整治",
                "预算执行情况", "重大行政决策", "行政执法公示", "公共文化服务", "养老服务体系建设"]
TITLE_TAILS = ["的通知", "实施方案", "工作方案", "的意见", "有关事项的通知", "的公告",
               "情况的通报", "（征求意见稿）", "的决定", "工作要点"]
NEWS_SUBJ = ["市政府", "市长", "副市长", "市发展改革委", "市教育局", "市卫生健康委", "市生态环境局",
             "市应急管理局", "市市场监管局", "市人力资源社会保障局", "区县政府", "市政务服务中心"]
NEWS_ACT = ["召开", "调研", "部署", "推进", "检查", "督导", "座谈", "专题研究"]
SENTENCES = [
    "为深入贯彻落实党中央、国务院决策部署，进一步提升政府治理能力和服务水平，结合本市实际，制定本方案。",
    "各地各部门要高度重视，切实加强组织领导，明确责任分工，细化工作措施，确保各项任务落到实处。",
    "坚持以人民为中心的发展思想，聚焦群众急难愁盼问题，持续优化公共服务供给。",
    "要严格落实安全生产责任制，全面排查整治各类风险隐患，坚决遏制重特大事故发生。",
    "进一步深化“放管服”改革，推动政务服务事项“一网通办”“跨省通办”，切实减轻企业和群众办事负担。",
    "各单位要按照政府信息公开条例的有关规定，及时、准确、完整地公开政府信息，主动回应社会关切。",
    "会议强调，要统筹发展和安全，稳住经济基本盘，兜牢民生底线，保持社会大局稳定。",
    "加大财政资金统筹力度，优化支出结构，重点保障基本民生、基层运转和重点项目建设。",
    "健全完善长效机制，加强日常监督检查，对发现的问题建立台账、限期整改、逐项销号。",
    "充分发挥典型示范引领作用，及时总结推广好经验好做法，营造比学赶超的良好氛围。",
    "本通知自印发之日起施行，有效期五年。此前有关规定与本通知不一致的，以本通知为准。",
    "请各单位于规定时间前将工作开展情况报送至市政府办公室，联系人及联系电话详见附件。",
    "调研中，市领导一行深入企业车间、项目现场和社区网格，详细了解生产经营和民生保障情况。",
    "要加强宣传引导，充分利用政府网站、政务新媒体等渠道，广泛宣传政策措施，提高群众知晓率。",
    "持续推进生态环境综合治理，深入打好蓝天、碧水、净土保卫战，不断改善区域生态环境质量。",
    "落实就业优先政策，强化高校毕业生、退役军人、农民工等重点群体就业帮扶。",
    "建立健全重大行政决策程序，严格执行公众参与、专家论证、风险评估、合法性审查和集体讨论决定制度。",
    "加强公共卫生体系建设，完善疾病预防控制网络，提升基层医疗卫生服务能力。",
    "各乡镇（街道）要结合实际，抓紧制定具体实施细则，明确时间表、路线图，确保按期完成目标任务。",
    "对工作推进不力、敷衍塞责造成不良后果的，将依规依纪严肃追究相关人员责任。",
]
SOURCES = ["市政府办公室", "市发展改革委", "市财政局", "市教育局", "市卫生健康委", "本网", "市融媒体中心"]


def make_png(width: int = 160, height: int = 100, seed: int = 7) -> bytes:
    """A small valid RGB PNG with a little noise (a few KB)."""
    rng = random.Random(seed)
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            base = 180 if (x // 20 + y // 20) % 2 else 220
            v = base + (rng.randrange(4) if rng.random() < 0.3 else 0)
            rows += bytes((v, max(0, v - 60), max(0, v - 90)))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


PDF_BYTES = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
             b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
             b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
             b"trailer<</Root 1 0 R>>\n%%EOF\n")
# Not real Office files, just plausible bytes behind the right extension.
ZIP_BYTES = b"PK\x05\x06" + b"\x00" * 18
CSS = """body{font-family:"Microsoft YaHei",SimSun,sans-serif;margin:0;color:#333}
.header{background:#b5141b;color:#fff;padding:16px 40px}.nav a{color:#fff;margin:0 10px}
.main{width:1200px;margin:0 auto}.list li{list-style:none;line-height:32px}
.list li span{float:right;color:#999}.footer{background:#eee;padding:20px;text-align:center}
"""


# --- site model ------------------------------------------------------------

class Article:
    __slots__ = ("col", "aid", "date", "title", "path", "image", "image_dead",
                 "attach", "attach_dead", "related")

    def __init__(self, col: "Column", aid: int, date: dt.date, title: str):
        self.col = col
        self.aid = aid
        self.date = date
        self.title = title
        d = date.strftime("%Y%m%d")
        self.path = f"{col.path}{date:%Y%m}/t{d}_{aid}.html"
        self.image = f"W0{d}{aid}{aid % 97:02d}.png"
        self.image_dead = False
        self.attach: str | None = None
        self.attach_dead = False
        self.related: list[str] = []  # absolute paths


class Column:
    def __init__(self, channel: str, channel_name: str, slug: str, name: str):
        self.channel = channel
        self.channel_name = channel_name
        self.slug = slug
        self.name = name
        self.path = f"/{channel}/{slug}/"
        self.articles: list[Article] = []
        self.n_articles = 0

    @property
    def n_list_pages(self) -> int:
        return max(1, -(-self.n_articles // PER_PAGE))

    def list_page_path(self, k: int) -> str:
        return self.path if k == 0 else f"{self.path}index_{k}.html"


def rel(from_path: str, to_path: str) -> str:
    """Relative href from the page at from_path to to_path (both absolute)."""
    from_dir = from_path if from_path.endswith("/") else posixpath.dirname(from_path) + "/"
    if to_path.endswith("/"):
        r = posixpath.relpath(to_path, from_dir)
        return "./" if r == "." else r + "/"
    r = posixpath.relpath(to_path, from_dir)
    return r if r.startswith("../") else "./" + r


def plan_counts(columns: list[Column], pages: int, rng: random.Random) -> None:
    """Give each column an article count so that the total HTML pages == pages."""
    weights = [rng.uniform(0.2, 3.0) for _ in columns]
    budget = pages - FIXED_PAGES
    articles = max(len(columns), round(budget * PER_PAGE / (PER_PAGE + 1)))
    total_w = sum(weights)
    for col, w in zip(columns, weights):
        col.n_articles = max(1, int(articles * w / total_w))

    def total() -> int:
        return FIXED_PAGES + sum(c.n_articles + c.n_list_pages for c in columns)

    guard = 0
    while total() != pages:
        guard += 1
        if guard > 10 * pages + 1000:
            raise SystemExit(f"cannot lay out exactly {pages} pages")
        order = columns[:]
        rng.shuffle(order)
        if total() < pages:
            need = pages - total()
            # adding an article to a column whose count is a multiple of 20 adds a list page too
            for c in order:
                if need >= 2 or c.n_articles % PER_PAGE:
                    c.n_articles += 1
                    break
        else:
            excess = total() - pages
            for c in order:
                if c.n_articles <= 1:
                    continue
                if excess >= 2 or (c.n_articles - 1) % PER_PAGE:
                    c.n_articles -= 1
                    break


def make_title(rng: random.Random, col: Column) -> str:
    if col.channel in ("xwdt",) or rng.random() < 0.25:
        return (f"{rng.choice(NEWS_SUBJ)}{rng.choice(NEWS_ACT)}"
                f"{rng.choice(TITLE_TOPICS)}工作")
    return f"{rng.choice(TITLE_VERBS)}{rng.choice(TITLE_TOPICS)}{rng.choice(TITLE_TAILS)}"


def build_model(pages: int, seed: int):
    rng = random.Random(seed)
    columns = [Column(ch, chn, slug, name) for ch, chn, cols in CHANNELS for slug, name in cols]
    plan_counts(columns, pages, rng)

    next_id = 10000
    all_articles: list[Article] = []
    for col in columns:
        # Most columns are fresh; about 1 in 8 stopped updating a year or more ago.
        stale = rng.random() < 0.125
        last = AS_OF - dt.timedelta(days=rng.randrange(400, 900) if stale else rng.randrange(0, 20))
        span_days = rng.randrange(300, 1400)
        dates = sorted((last - dt.timedelta(days=rng.randrange(span_days + 1))
                        for _ in range(col.n_articles - 1)), reverse=True)
        dates.insert(0, last)
        for d in dates:
            next_id += rng.randrange(1, 40)
            art = Article(col, next_id, d, make_title(rng, col))
            col.articles.append(art)
            all_articles.append(art)

    # Ids that exist nowhere, for dead article links.
    dead_paths: list[str] = []
    dead_id = next_id + 100000

    def new_dead_article(near: Article) -> str:
        nonlocal dead_id
        dead_id += rng.randrange(1, 30)
        d = near.date - dt.timedelta(days=rng.randrange(0, 60))
        path = f"{near.col.path}{d:%Y%m}/t{d:%Y%m%d}_{dead_id}.html"
        dead_paths.append(path)
        return path

    for art in all_articles:
        if rng.random() < DEAD_RATE:
            art.image_dead = True
            dead_paths.append(posixpath.dirname(art.path) + "/" + art.image)
        if rng.random() < ATTACH_RATE:
            ext = rng.choice([".pdf", ".pdf", ".docx", ".xlsx"])
            art.attach = f"P0{art.date:%Y%m%d}{art.aid}{rng.randrange(100, 999)}{ext}"
            if rng.random() < DEAD_RATE:
                art.attach_dead = True
                dead_paths.append(posixpath.dirname(art.path) + "/" + art.attach)
        pool = art.col.articles
        for _ in range(RELATED):
            if rng.random() < DEAD_RATE:
                art.related.append(new_dead_article(art))
            elif len(pool) > 1 and rng.random() < 0.7:
                other = pool[rng.randrange(len(pool))]
                art.related.append(other.path if other is not art else pool[0].path)
            else:
                art.related.append(all_articles[rng.randrange(len(all_articles))].path)
    return columns, all_articles, dead_paths


# --- HTML -------------------------------------------------------------------

def head(title: str, extra_meta: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
            f'<meta name="SiteName" content="{SITE_NAME}">\n'
            f'<meta name="SiteDomain" content="127.0.0.1">\n'
            f'<meta name="SiteIDCode" content="1300000099">\n{extra_meta}'
            f'<title>{html.escape(title)}</title>\n'
            f'<link rel="stylesheet" href="/css/style.css">\n</head>\n<body>\n')


def header(page: str, columns_by_channel) -> str:
    out = ['<div class="header"><a href="', rel(page, "/"), '"><img src="/images/logo.png" alt="',
           SITE_NAME, '"></a>\n<div class="nav"><a href="', rel(page, "/"), '">首页</a>']
    for ch, chn, cols in columns_by_channel:
        out.append(f'<a href="{rel(page, cols[0].path)}">{chn}</a>')
    out.append("</div></div>\n")
    return "".join(out)


def sidebar(page: str, col: Column, columns_by_channel) -> str:
    cols = next(c for ch, chn, c in columns_by_channel if ch == col.channel)
    items = "".join(f'<li><a href="{rel(page, c.path)}">{c.name}</a></li>' for c in cols)
    return f'<div class="side"><h3>{col.channel_name}</h3><ul>{items}</ul></div>\n'


def footer(page: str) -> str:
    return (f'<div class="footer"><p><a href="{rel(page, "/wzdt/")}">网站地图</a> | '
            f'<a href="{rel(page, "/gywm/")}">关于我们</a> | <a href="{rel(page, "/lxwm/")}">联系我们</a></p>\n'
            f'<p>主办单位：{SITE_NAME}办公室　网站标识码：1300000099</p>\n'
            f'<p>基ICP备12345678号-1　<img src="/images/ga.png" alt="">基公网安备 13000002000001号</p>\n'
            f'<p><img src="/images/dzjg.png" alt="党政机关"></p></div>\n</body>\n</html>\n')


def body_text(rng: random.Random) -> str:
    target = rng.randrange(2048, 4096)
    paras, size = [], 0
    while size < target:
        para = "".join(rng.choice(SENTENCES) for _ in range(rng.randrange(2, 5)))
        paras.append(f"<p>　　{para}</p>")
        size += len(para.encode("utf-8")) + 14
    return "\n".join(paras)


def article_html(art: Article, rng: random.Random, cbc, titles: dict[str, str]) -> str:
    col, page = art.col, art.path
    hour, minute = rng.randrange(8, 19), rng.randrange(60)
    meta = (f'<meta name="ColumnName" content="{col.name}">\n'
            f'<meta name="ColumnType" content="{col.name}">\n'
            f'<meta name="ArticleTitle" content="{html.escape(art.title)}">\n'
            f'<meta name="PubDate" content="{art.date:%Y-%m-%d} {hour:02d}:{minute:02d}">\n'
            f'<meta name="ContentSource" content="{rng.choice(SOURCES)}">\n')
    parts = [head(f"{art.title}_{col.name}_{SITE_NAME}", meta), header(page, cbc),
             '<div class="main">\n<div class="crumb">当前位置：<a href="', rel(page, "/"), '">首页</a> &gt; ',
             f'<a href="{rel(page, cbc_first(cbc, col.channel).path)}">{col.channel_name}</a> &gt; ',
             f'<a href="{rel(page, col.path)}">{col.name}</a></div>\n', sidebar(page, col, cbc),
             f'<div class="article"><h1>{html.escape(art.title)}</h1>\n'
             f'<div class="info">发布时间：{art.date:%Y-%m-%d} {hour:02d}:{minute:02d}　'
             f'来源：{rng.choice(SOURCES)}　浏览次数：<span>{rng.randrange(30, 5000)}</span></div>\n'
             '<div class="TRS_Editor">\n', body_text(rng),
             f'\n<p style="text-align:center"><img src="./{art.image}" alt="{html.escape(art.title)}"></p>\n']
    if art.attach:
        parts.append(f'<p>附件：<a href="./{art.attach}">{html.escape(art.title)}{art.attach[art.attach.rfind("."):]}</a></p>\n')
    parts.append('</div></div>\n<div class="related"><h3>相关链接</h3><ul>\n')
    for target in art.related:
        href = rel(page, target) if rng.random() < 0.6 else target
        title = titles.get(target) or make_title(rng, col)
        parts.append(f'<li><a href="{href}">{html.escape(title)}</a></li>\n')
    parts.append("</ul></div>\n</div>\n")
    parts.append(footer(page))
    return "".join(parts)


def cbc_first(cbc, channel: str) -> Column:
    return next(cols[0] for ch, chn, cols in cbc if ch == channel)


def list_html(col: Column, k: int, cbc) -> str:
    page = col.list_page_path(k)
    n = col.n_list_pages
    items = col.articles[k * PER_PAGE:(k + 1) * PER_PAGE]
    parts = [head(f"{col.name}_{SITE_NAME}", f'<meta name="ColumnName" content="{col.name}">\n'),
             header(page, cbc), '<div class="main">\n<div class="crumb">当前位置：',
             f'<a href="{rel(page, "/")}">首页</a> &gt; <a href="{rel(page, col.path)}">{col.name}</a></div>\n',
             sidebar(page, col, cbc), f'<div class="list"><h2>{col.name}</h2>\n<ul>\n']
    for a in items:
        href = "./" + a.path[len(col.path):]
        parts.append(f'<li><a href="{href}" target="_blank" title="{html.escape(a.title)}">'
                     f'{html.escape(a.title)}</a><span>{a.date:%Y-%m-%d}</span></li>\n')
    parts.append("</ul>\n")

    def name(i: int) -> str:
        return "./" if i == 0 else f"index_{i}.html"

    # TRS pages the list with a script; the static links below are what a crawler follows.
    parts.append(f'<script>var currentPage = {k}; var countPage = {n};'
                 f'//createPageHTML(countPage, currentPage, "index", "html");</script>\n')
    parts.append(f'<div class="page">共{n}页　<a href="{name(0)}">首页</a> ')
    if k > 0:
        parts.append(f'<a href="{name(k - 1)}">上一页</a> ')
    for i in range(max(0, k - 2), min(n, k + 3)):
        parts.append(f'<span>{i + 1}</span> ' if i == k else f'<a href="{name(i)}">{i + 1}</a> ')
    if k < n - 1:
        parts.append(f'<a href="{name(k + 1)}">下一页</a> ')
    parts.append(f'<a href="{name(n - 1)}">尾页</a></div>\n</div>\n</div>\n')
    parts.append(footer(page))
    return "".join(parts)


def home_html(cbc) -> str:
    page = "/"
    parts = [head(SITE_NAME, '<meta name="ColumnName" content="首页">\n'), header(page, cbc),
             '<div class="main">\n']
    for ch, chn, cols in cbc:
        parts.append(f'<div class="block"><h2>{chn}</h2><div class="tabs">')
        parts.append(" ".join(f'<a href="{rel(page, c.path)}">{c.name}</a>' for c in cols))
        parts.append("</div>\n<ul>\n")
        for a in cols[0].articles[:6]:
            parts.append(f'<li><a href="{rel(page, a.path)}">{html.escape(a.title)}</a>'
                         f'<span>{a.date:%m-%d}</span></li>\n')
        parts.append(f'</ul><a class="more" href="{rel(page, cols[0].path)}">更多&gt;&gt;</a></div>\n')
    parts.append("</div>\n")
    parts.append(footer(page))
    return "".join(parts)


def simple_html(page: str, title: str, body: str, cbc) -> str:
    return (head(f"{title}_{SITE_NAME}") + header(page, cbc)
            + f'<div class="main"><h1>{title}</h1>\n{body}</div>\n' + footer(page))


def sitemap_html(cbc) -> str:
    page = "/wzdt/"
    body = []
    for ch, chn, cols in cbc:
        links = " ".join(f'<a href="{rel(page, c.path)}">{c.name}</a>' for c in cols)
        body.append(f"<dl><dt>{chn}</dt><dd>{links}</dd></dl>\n")
    return simple_html(page, "网站地图", "".join(body), cbc)


# --- writer -----------------------------------------------------------------

def generate(out: Path, pages: int, seed: int) -> dict:
    if pages < 200:
        raise SystemExit("--pages must be at least 200")
    columns, articles, dead_paths = build_model(pages, seed)
    cbc, i = [], 0
    for ch, chn, cols in CHANNELS:
        cbc.append((ch, chn, columns[i:i + len(cols)]))
        i += len(cols)

    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    made_dirs: set[str] = set()
    files = {"html": 0, "image": 0, "attachment": 0, "other": 0}

    def write(path: str, data: str | bytes, kind: str) -> None:
        if path.endswith("/"):
            path += "index.html"
        d = posixpath.dirname(path)
        if d not in made_dirs:
            (tmp / d.lstrip("/")).mkdir(parents=True, exist_ok=True)
            made_dirs.add(d)
        (tmp / path.lstrip("/")).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        files[kind] += 1

    png = make_png()
    write("/css/style.css", CSS, "other")
    for name, seed_ in (("logo", 1), ("ga", 2), ("dzjg", 3)):
        write(f"/images/{name}.png", make_png(120, 40, seed_), "image")
    write("/", home_html(cbc), "html")
    write("/wzdt/", sitemap_html(cbc), "html")
    write("/gywm/", simple_html("/gywm/", "关于我们", f"<p>　　{SENTENCES[0]}{SENTENCES[5]}</p>\n", cbc), "html")
    write("/lxwm/", simple_html("/lxwm/", "联系我们",
                                "<p>地址：基准市人民路1号　邮编：100000　电话：010-12345678</p>\n", cbc), "html")
    for col in columns:
        for k in range(col.n_list_pages):
            write(col.list_page_path(k), list_html(col, k, cbc), "html")

    text_rng = random.Random(seed ^ 0x5EED)
    link_total = link_dead = 0
    titles = {a.path: a.title for a in articles}
    for art in articles:
        write(art.path, article_html(art, text_rng, cbc, titles), "html")
        adir = posixpath.dirname(art.path) + "/"
        link_total += 1 + len(art.related) + (1 if art.attach else 0)
        link_dead += art.image_dead + art.attach_dead
        if not art.image_dead:
            write(adir + art.image, png, "image")
        if art.attach and not art.attach_dead:
            ext = art.attach.rsplit(".", 1)[1]
            write(adir + art.attach, PDF_BYTES if ext == "pdf" else ZIP_BYTES, "attachment")
    link_dead += sum(1 for a in articles for r in a.related if r not in titles)

    assert files["html"] == pages, (files["html"], pages)
    dead_unique = sorted(set(dead_paths))
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "pages": pages,
        "html_pages": files["html"],
        "articles": len(articles),
        "list_pages": sum(c.n_list_pages for c in columns),
        "fixed_pages": FIXED_PAGES,
        "columns": len(columns),
        "images": files["image"],
        "attachments": files["attachment"],
        "other_files": files["other"],
        "dead_urls": len(dead_unique),
        # every distinct same-site URL a complete crawl meets: files plus dead targets
        "distinct_urls": sum(files.values()) + len(dead_unique),
        "content_links": link_total,
        "content_links_dead": link_dead,
        "dead_link_rate": round(link_dead / max(1, link_total), 4),
        "stale_columns": sum(1 for c in columns if (AS_OF - c.articles[0].date).days > 365),
        "as_of": AS_OF.isoformat(),
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8")
    (tmp / "dead_urls.txt").write_text("\n".join(dead_unique) + "\n", "utf-8")
    if out.exists():
        shutil.rmtree(out)
    os.replace(tmp, out)
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to create (replaced if present)")
    ap.add_argument("--pages", type=int, default=20000, help="number of HTML pages (default 20000)")
    ap.add_argument("--seed", type=int, default=20261120)
    args = ap.parse_args(argv)
    manifest = generate(args.out, args.pages, args.seed)
    json.dump(manifest, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
