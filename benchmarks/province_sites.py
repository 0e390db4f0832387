#!/usr/bin/env python3
"""Generate a simulated province: many small government sites and the outside hosts they share.

    python benchmarks/province_sites.py OUT_DIR [--sites 1000] [--pages 60] [--seed 20261120] [--port 8080]

Every site is a small county government or county bureau (平安县人民政府, 平安县教育局 …), served on
its own loopback address (127.1.A.B) and written to ``OUT_DIR/sites/<address>/``:

* a home page with the navigation 政务要闻 / 通知公告 / 政策文件 / 政策解读 / 人事信息 / 互动交流, blocks
  with the newest items, links to the shared outside hosts, and the identity marks in the footer;
* each column a paginated list (``index.html``, ``index_1.html`` …, 15 items apiece) of dated entries
  ``<li><a href="./202611/t20261118_10023.html">title</a><span>2026-11-18</span></li>``;
* article pages with 发布日期, an image on most news, attachments (small valid .pdf, .docx, .xls and
  .xlsx holding Chinese text) on some notices and policy documents, and a few related links;
* policy documents with an information table (索引号, 发文字号 …) and their 政策解读 linked both ways;
* a message board (信件列表: 信件标题, 来信时间, 回复时间 or 未回复, 办理状态) and one page per letter;
* about one site in seven is GBK (``<meta charset="gbk">``), the rest UTF-8.

The shared outside hosts are a simulated 中国政府网 (127.2.0.1), a provincial 12345 / 政务服务 portal
(127.2.0.2) and a PDF viewer (127.2.0.3); 127.2.0.9 is a friendly site that no longer answers.
Most sites link the same outside URLs, so a crawler should check each of them once per run.

Problems are planted at seeded random, and each is written down as the finding a correct zwgk
run gives (``manifest.json``, per site ``expected``: ``[check_code, url]``): dead internal links,
images and attachments, a dead 中国政府网 link shared by many sites, stale and empty columns,
stale home pages, unanswered and late-answered letters, documents without (or with late, or
one-way linked) interpretations, missing identity marks, a missing or late annual report, no
办事服务 at all, a citizen ID number in a 公示, and sites that are down (not served; no finding is
expected for them from a single crawl: site_unreachable needs a week of probes).

The same seed, site count, page count and port give byte-identical trees. ``OUT_DIR/province.toml``
is the zwgk config for all sites.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import json
import os
import random
import shutil
import struct
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_site import SENTENCES, TITLE_TOPICS, make_png

GENERATOR_VERSION = 1
AS_OF = dt.date(2026, 11, 20)
PER_PAGE = 15
GOV, PORTAL, VIEWER, NOWHERE = "127.2.0.1", "127.2.0.2", "127.2.0.3", "127.2.0.9"
OUTSIDE_HOSTS = {"gov": GOV, "portal": PORTAL, "viewer": VIEWER}
DOWN_EVERY, DOWN_AT = 200, 17  # site index i with i % 200 == 17 is registered but not served

COLUMNS = [  # slug, name, kind (as zwgk classifies the name)
    ("zwyw", "政务要闻", "news"),
    ("tzgg", "通知公告", "notice"),
    ("zcwj", "政策文件", "policy"),
    ("zcjd", "政策解读", "interpretation"),
    ("rsxx", "人事信息", "personnel"),
]
BOARD_SLUG, BOARD_NAME = "hdjl", "互动交流"
HOME_BLOCKS = [("zwyw", 6), ("tzgg", 5), ("zcwj", 4)]  # columns shown on the home page, newest first

# (fresh newest age, stale newest age) in days, and the gap between two entries
AGES = {
    "news": ((0, 5), (20, 90), (1, 5)),
    "notice": ((1, 40), (215, 420), (4, 15)),
    "policy": ((10, 60), (215, 330), (10, 35)),
    "personnel": ((5, 200), (400, 600), (15, 60)),
}
PLANT = {  # share of sites
    "gbk": 0.15, "stale_news": 0.12, "stale_notice": 0.10, "stale_policy": 0.08, "stale_personnel": 0.20,
    "abandoned": 0.03, "empty_personnel": 0.04, "interp_missing": 0.25, "interp_late": 0.20,
    "interp_unlinked": 0.15, "report_missing": 0.06, "report_late": 0.04, "no_service": 0.03,
    "privacy": 0.02, "dead_gov_link": 0.10, "dead_friend": 0.05, "dead_attachment": 0.25,
}
MARK_MISSING = {"网站标识码": 0.03, "ICP备案号": 0.04, "公安备案号": 0.04, "党政机关标识": 0.03}

COUNTIES = [
    "平安", "清河", "安远", "永和", "长宁", "东明", "西丰", "南康", "北川", "新安", "富平", "宁远", "兴隆", "广德",
    "太和", "临泉", "定远", "明光", "来安", "全椒", "凤阳", "五河", "固镇", "怀远", "灵璧", "泗县", "萧山", "桐庐",
    "淳安", "建德", "临安", "安吉", "德清", "长兴", "海盐", "嘉善", "平湖", "桐乡", "海宁", "诸暨", "嵊州", "新昌",
    "天台", "仙居", "三门", "玉环", "温岭", "龙游", "江山", "常山", "开化", "遂昌", "松阳", "云和", "庆元", "景宁",
    "青田", "缙云", "武义", "浦江", "磐安", "兰溪", "义乌", "东阳", "永康", "文成", "泰顺", "平阳", "苍南", "乐清",
    "瑞安", "洞头", "岱山", "嵊泗", "象山", "宁海", "余姚", "慈溪", "奉化", "镇海", "北仑", "鄞州", "海曙", "江北",
    "上虞", "柯桥", "越城", "婺城", "金东", "柯城", "衢江", "莲都", "黄岩", "路桥", "椒江", "吴兴", "南浔", "秀洲",
]
UNITS = [  # (unit, the office that writes its documents' 发文字号, letters are answered by …)
    ("人民政府", "政办发"), ("教育局", "教发"), ("卫生健康局", "卫健发"), ("自然资源和规划局", "自然资发"),
    ("市场监督管理局", "市监发"), ("财政局", "财发"), ("人力资源和社会保障局", "人社发"), ("农业农村局", "农发"),
    ("住房和城乡建设局", "建发"), ("交通运输局", "交发"), ("生态环境分局", "环发"), ("应急管理局", "应急发"),
    ("民政局", "民发"),
]
ANSWERING = ["住房和城乡建设局", "教育局", "卫生健康局", "交通运输局", "市场监督管理局", "人力资源和社会保障局",
             "自然资源和规划局", "综合行政执法局", "民政局", "生态环境分局", "城关镇人民政府", "供电公司"]
NEWS_WHO = ["县委书记", "县长", "副县长", "县政府办公室", "县发展改革局", "县教育局", "县卫生健康局", "县应急管理局",
            "县市场监管局", "县人力社保局", "城关镇", "县政务服务中心"]
NEWS_WHAT = ["召开", "调研", "部署", "推进", "检查", "督导", "座谈", "专题研究"]
NOTICE_HEAD = ["关于做好", "关于开展", "关于进一步加强", "关于组织开展", "关于落实"]
NOTICE_TAIL = ["工作的通知", "有关事项的通知", "的公告", "情况的通报", "工作的提示"]
POLICY_KIND = ["实施方案", "若干措施", "管理办法", "实施意见", "工作方案", "实施细则", "三年行动方案", "暂行办法"]
POLICY_TOPICS = [
    "优化营商环境", "促进民营经济发展", "农村人居环境整治提升", "城乡居民医疗保障", "义务教育优质均衡发展",
    "老旧小区改造", "养老服务体系建设", "就业创业扶持", "乡村振兴产业发展", "数字政府建设", "河湖长制",
    "安全生产治本攻坚", "食品安全监督管理", "生活垃圾分类", "地质灾害防治", "林长制", "耕地保护",
    "高标准农田建设", "住房保障", "公共文化服务", "全民健身", "政务服务增值化改革", "中小企业纾困",
    "新型农业经营主体培育", "职业技能提升", "殡葬改革", "城市管理精细化", "扬尘污染防治", "消防安全",
    "校园安全", "困难群众基本生活保障", "残疾人就业", "科技创新券", "农村集体经济壮大",
]
PERSONNEL = [
    "{year}年公开招聘事业单位工作人员拟聘用人员公示", "关于{name}等同志任职前公示", "{year}年公开招聘社区工作者笔试成绩公告",
    "关于{name}同志任免职务的通知", "{year}年度公务员考试录用拟录用人员公示", "{year}年公开选调工作人员公告",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = ["建国", "丽华", "志强", "秀英", "海燕", "国庆", "晓东", "文静", "永刚", "红梅", "立新", "玉兰"]
LETTER_TOPICS = [
    "小区供暖不热", "义务教育入学政策", "农村道路破损", "老旧小区加装电梯", "医保异地报销", "公交线路调整",
    "噪音扰民", "违章建筑", "养老金发放", "物业收费不规范", "路灯不亮", "农贸市场卫生", "校车安全",
    "自来水水压低", "垃圾清运不及时", "公租房申请", "企业开办流程", "灵活就业社保缴费", "停车位紧张",
    "广场舞噪音", "占道经营", "房屋不动产登记", "新生儿落户", "残疾人补贴", "农田灌溉", "燃气安全",
    "宠物扰民", "学校周边交通", "社区卫生服务", "拆迁补偿",
]
RESOLUTIONS = ["已责成相关单位于一周内整改到位", "已协调施工单位进行维修", "已纳入明年实施计划", "相关政策已在本网站公开",
               "已安排工作人员上门核实处理", "可携带有关材料到县政务服务中心办理", "已约谈相关企业并督促整改",
               "已将该路段列入近期维修计划"]
SECTIONS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
CSS = """body{font-family:"Microsoft YaHei",SimSun,sans-serif;margin:0;color:#333}
.header{background:#b5141b;color:#fff;padding:16px 40px}.nav a{color:#fff;margin:0 10px}
.main{width:1200px;margin:0 auto}.list li{list-style:none;line-height:32px}.list li span{float:right;color:#999}
.xjlb{width:100%}.footer{background:#eee;padding:20px;text-align:center}
"""


# --- small valid attachments ----------------------------------------------------------------

def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF whose Chinese text any extractor reads: the predefined STSong-Light font
    with the UniGB-UCS2-H encoding, so no font file is embedded (about 1 KB)."""
    ops = ["BT", "/F1 12 Tf", "16 TL", "72 770 Td"]
    ops += ["<" + line.encode("utf-16-be").hex().upper() + "> Tj T*" for line in lines]
    stream = "\n".join(ops + ["ET"]).encode("ascii")
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
        b"<</Length %d>>stream\n" % len(stream) + stream + b"\nendstream",
        b"<</Type/Font/Subtype/Type0/BaseFont/STSong-Light/Encoding/UniGB-UCS2-H/DescendantFonts[6 0 R]>>",
        (b"<</Type/Font/Subtype/CIDFontType0/BaseFont/STSong-Light/CIDSystemInfo<</Registry(Adobe)"
        b"/Ordering(GB1)/Supplement 2>>/FontDescriptor 7 0 R>>"),
        (b"<</Type/FontDescriptor/FontName/STSong-Light/Flags 6/FontBBox[-25 -254 1000 880]/ItalicAngle 0"
        b"/Ascent 880/Descent -120/CapHeight 880/StemV 93>>"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def xls_bytes(rows: list[list[str]]) -> bytes:
    """A BIFF8 workbook stream (Excel 97–2003) without the OLE container, as some exporters write it:
    BOF, CODEPAGE, BOUNDSHEET, EOF, then one sheet of LABEL cells. xlrd reads it."""
    def record(kind: int, data: bytes) -> bytes:
        return struct.pack("<HH", kind, len(data)) + data

    def bof(kind: int) -> bytes:
        return record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))

    sheet = bytearray(bof(0x10))
    sheet += record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, max(map(len, rows)), 0))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet += record(0x0204, struct.pack("<HHHHB", r, c, 15, len(value), 1) + value.encode("utf-16-le"))
    sheet += record(0x000A, b"")
    name = "Sheet1"
    head = bof(0x05) + record(0x0042, struct.pack("<H", 1200))
    eof = record(0x000A, b"")
    offset = len(head) + 4 + 6 + 2 + 2 * len(name) + len(eof)
    books = head + record(0x0085, struct.pack("<IHBB", offset, 0, len(name), 1) + name.encode("utf-16-le")) + eof
    return books + bytes(sheet)


ZIP_TIME = (2026, 1, 1, 0, 0, 0)
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/'
      'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
      'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{}</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.'
        'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/{}" Target="{}"/></Relationships>')
OVERRIDE = '<Override PartName="{}" ContentType="application/vnd.openxmlformats-officedocument.{}+xml"/>'


def _zip(parts: list[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts:
            archive.writestr(zipfile.ZipInfo(name, ZIP_TIME), text)
    return buffer.getvalue()


def docx_bytes(lines: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{xml_escape(line)}</w:t></w:r></w:p>" for line in lines)
    return _zip([
        ("[Content_Types].xml", CT.format(OVERRIDE.format("/word/document.xml", "wordprocessingml.document.main"))),
        ("_rels/.rels", RELS.format("officeDocument", "word/document.xml")),
        ("word/document.xml", ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
                              '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                              f"{body}</w:body></w:document>")),
    ])


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    cells = "".join(
        f'<row r="{r + 1}">' + "".join(f'<c r="{chr(65 + c)}{r + 1}" t="inlineStr"><is><t>{xml_escape(v)}</t></is></c>'
                                       for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows))
    return _zip([
        ("[Content_Types].xml", CT.format(OVERRIDE.format("/xl/workbook.xml", "spreadsheetml.sheet.main")
                                          + OVERRIDE.format("/xl/worksheets/sheet1.xml", "spreadsheetml.worksheet"))),
        ("_rels/.rels", RELS.format("officeDocument", "xl/workbook.xml")),
        ("xl/workbook.xml", ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.'
                            'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
                            'officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
                            "</sheets></workbook>")),
        ("xl/_rels/workbook.xml.rels", RELS.format("worksheet", "worksheets/sheet1.xml")),
        ("xl/worksheets/sheet1.xml", ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns='
                                     '"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                                     f"{cells}</sheetData></worksheet>")),
    ])


# --- dates, as zwgk's rules count them -------------------------------------------------------

def months_before(day: dt.date, months: int) -> dt.date:
    """Same as checks.freshness.months_before: the day `months` calendar months earlier."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


WINDOW_START = {"news": AS_OF - dt.timedelta(days=14), "notice": months_before(AS_OF, 6),
                "policy": months_before(AS_OF, 6), "personnel": months_before(AS_OF, 12)}
YEAR_AGO = months_before(AS_OF, 12)  # policy documents and letters of the inspection year


def valid_id(rng: random.Random) -> str:
    """A citizen ID number with a real area code, birth date and GB 11643 check digit."""
    body = f"370102{rng.randrange(1965, 2002)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}{rng.randrange(1000):03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]


# --- the model of one site ------------------------------------------------------------------

@dataclass
class Article:
    slug: str
    aid: int
    date: dt.date
    title: str
    kind: str  # news | notice | policy | interpretation | personnel | report
    image: str = ""  # path; dead when in `dead`
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (path, shown name)
    related: list[str] = field(default_factory=list)  # paths of other articles (or of removed ones)
    number: str = ""  # 发文字号 of a policy document
    partner: str = ""  # document <-> interpretation
    links_partner: bool = True  # this page links its partner
    gov_link: str = ""  # an interpretation cites a national policy on 中国政府网
    privacy: bool = False

    @property
    def path(self) -> str:
        return f"/{self.slug}/{self.date:%Y%m}/t{self.date:%Y%m%d}_{self.aid}.html"


@dataclass
class Letter:
    lid: int
    title: str
    asked: dt.datetime
    replied: dt.datetime | None
    unit: str
    reply: str

    @property
    def path(self) -> str:
        return f"/{BOARD_SLUG}/xj/{self.lid}.html"


@dataclass
class Site:
    index: int
    id: str
    name: str
    county: str
    office: str  # for 发文字号: 平政办发
    government: bool
    addr: str
    port: int
    encoding: str
    identifier: str
    down: bool = False
    plants: set[str] = field(default_factory=set)
    missing_marks: list[str] = field(default_factory=list)
    columns: dict[str, list[Article]] = field(default_factory=dict)  # newest first
    letters: list[Letter] = field(default_factory=list)  # newest first
    dead: set[str] = field(default_factory=set)  # same-site paths linked but not written
    outside_dead: list[str] = field(default_factory=list)  # absolute outside URLs that fail
    expected: list[list[str]] = field(default_factory=list)
    html_pages: int = 0

    @property
    def home(self) -> str:
        return f"http://{self.addr}:{self.port}/"

    def url(self, path: str) -> str:
        return f"http://{self.addr}:{self.port}{path}"


def site_addr(index: int) -> str:
    return f"127.1.{index // 250}.{index % 250 + 1}"


def outside(host: str, port: int, path: str = "/") -> str:
    return f"http://{host}:{port}{path}"


def site_names(count: int, seed: int) -> list[tuple[str, str, str, bool]]:
    """(county, unit, office code, government?) for each site, unique names, governments first in a county."""
    pairs = [(c, u) for c in COUNTIES for u in range(len(UNITS))]
    random.Random(seed).shuffle(pairs)
    out = []
    for n in range(count):
        county, unit = pairs[n % len(pairs)]
        suffix = "" if n < len(pairs) else str(n // len(pairs) + 1)  # beyond 1,300 sites: 平安二县 …
        name, code = UNITS[unit]
        county_name = county + ("" if not suffix else "第" + suffix) + "县"
        out.append((county_name, name, county[0] + code, unit == 0))
    return out


def plan_site(index: int, seed: int, pages: int, port: int, naming) -> Site:
    rng = random.Random(seed * 1_000_003 + index)
    county, unit, office, government = naming
    site = Site(index=index, id=f"s{index + 1:04d}", name=county + unit, county=county, office=office,
                government=government, addr=site_addr(index), port=port,
                encoding="gbk" if rng.random() < PLANT["gbk"] else "utf-8",
                identifier=f"{3701000000 + index * 7 % 1000000:010d}",
                down=index % DOWN_EVERY == DOWN_AT)
    for plant, share in PLANT.items():
        if plant != "gbk" and rng.random() < share:
            site.plants.add(plant)
    if "abandoned" in site.plants:
        site.plants |= {"stale_news", "stale_notice", "stale_policy", "stale_personnel"}
    if "empty_personnel" in site.plants:
        site.plants.discard("stale_personnel")
    if "report_missing" in site.plants:
        site.plants.discard("report_late")
    site.missing_marks = [mark for mark, share in MARK_MISSING.items() if rng.random() < share]

    # page budget: home + board lists + letters + column lists + articles ≈ pages
    letters = max(2, round(pages * 0.15))
    board_lists = -(-letters // PER_PAGE)
    articles = max(6, pages - 1 - board_lists - letters - len(COLUMNS))
    while True:
        counts = split_articles(articles, site.plants)
        lists = sum(max(1, -(-n // PER_PAGE)) for n in counts.values())
        if 1 + board_lists + letters + lists + articles <= pages or articles <= 6:
            break
        articles -= 1
    next_id = [10000 + rng.randrange(90000) * 10]

    def new_id() -> int:
        next_id[0] += rng.randrange(1, 40)
        return next_id[0]

    # dates of each column, newest first
    dates: dict[str, list[dt.date]] = {}
    for slug, _, kind in COLUMNS:
        if kind not in AGES:
            continue
        fresh, stale, gap = AGES[kind]
        age = rng.randint(*(stale if f"stale_{kind}" in site.plants else fresh))
        day = AS_OF - dt.timedelta(days=age)
        column = []
        for _ in range(counts[slug]):
            column.append(day)
            day -= dt.timedelta(days=rng.randint(*gap))
        dates[slug] = column
    # policy documents: keep clear of the one-year boundary, so the expectations are not a matter of a day
    dates["zcwj"] = sorted((d - dt.timedelta(days=10) if abs((d - YEAR_AGO).days) < 5 else d for d in dates["zcwj"]),
                           reverse=True)

    news = [Article("zwyw", new_id(), d, news_title(rng, county), "news") for d in dates["zwyw"]]
    notices = [Article("tzgg", new_id(), d, notice_title(rng, county), "notice") for d in dates["tzgg"]]
    if "report_missing" not in site.plants and notices:
        # the 2025 annual report: by 31 March for a government, 31 January for a department
        if government:
            day = dt.date(2026, 3, rng.randint(5, 28)) if "report_late" not in site.plants else \
                dt.date(2026, 4, rng.randint(8, 28))
        else:
            day = dt.date(2026, 1, rng.randint(5, 28)) if "report_late" not in site.plants else \
                dt.date(2026, 2, rng.randint(10, 27))
        report = Article("tzgg", new_id(), day, f"{site.name}2025年政府信息公开工作年度报告", "report")
        notices[rng.randrange(len(notices))] = report
        notices.sort(key=lambda a: a.date, reverse=True)
    topics = rng.sample(POLICY_TOPICS, min(len(POLICY_TOPICS), counts["zcwj"]))
    policies = []
    for n, d in enumerate(dates["zcwj"]):
        topic = topics[n % len(topics)] + ("" if n < len(topics) else f"（第{n // len(topics) + 1}批）")
        doc_title = f"{county}{topic}{rng.choice(POLICY_KIND)}"
        a = Article("zcwj", new_id(), d, f"{county}{unit}办公室关于印发《{doc_title}》的通知", "policy")
        a.number = f"{office}〔{d.year}〕{rng.randint(1, 60)}号"
        a.partner = doc_title  # the quoted title, until paired
        policies.append(a)
    personnel = [] if "empty_personnel" in site.plants else [
        Article("rsxx", new_id(), d, personnel_title(rng, d), "personnel") for d in dates["rsxx"]]
    if "privacy" in site.plants and personnel:
        personnel[rng.randrange(len(personnel))].privacy = True

    # interpretations: one per document, same day, linked both ways; planted exceptions
    recent_docs = [a for a in policies if YEAR_AGO <= a.date <= AS_OF]
    missing = rng.choice(recent_docs) if recent_docs and "interp_missing" in site.plants else None
    late_pool = [a for a in policies if a is not missing and a.date <= AS_OF - dt.timedelta(days=45)]
    late = rng.choice(late_pool) if late_pool and "interp_late" in site.plants else None
    unlinked_pool = [a for a in policies if a is not missing and a is not late]
    unlinked = rng.choice(unlinked_pool) if unlinked_pool and "interp_unlinked" in site.plants else None
    interpretations = []
    for doc in policies:
        quoted = doc.partner
        doc.partner = ""
        if doc is missing:
            continue
        day = doc.date + dt.timedelta(days=rng.randint(20, 30)) if doc is late else doc.date
        i = Article("zcjd", new_id(), day, f"《{quoted}》政策解读", "interpretation")
        i.partner, doc.partner = doc.path, i.path
        i.links_partner = doc is not unlinked
        i.gov_link = outside(GOV, port, f"/zhengce/content/202611/content_{7012340 + rng.randrange(10)}.htm")
        interpretations.append(i)
        expected_doc = YEAR_AGO <= doc.date <= AS_OF
        if doc is late and expected_doc:
            site.expected.append(["interpretation_late", site.url(doc.path)])
        if doc is unlinked and expected_doc:
            site.expected.append(["interpretation_unlinked", site.url(doc.path)])
    if missing is not None:
        site.expected.append(["interpretation_missing", site.url(missing.path)])
    interpretations.sort(key=lambda a: a.date, reverse=True)
    site.columns = {"zwyw": news, "tzgg": notices, "zcwj": policies, "zcjd": interpretations, "rsxx": personnel}

    everything = [a for column in site.columns.values() for a in column]
    for a in news:
        if rng.random() < 0.6:
            a.image = f"/zwyw/{a.date:%Y%m}/W0{a.date:%Y%m%d}{a.aid}.png"
    for a in notices + policies:
        if a.kind != "report" and rng.random() < 0.35:
            ext = rng.choice(["pdf", "pdf", "pdf", "pdf", "docx", "docx", "xls", "xlsx"])
            a.attachments.append((f"/{a.slug}/{a.date:%Y%m}/P0{a.date:%Y%m%d}{a.aid}.{ext}", f"附件1.{ext}"))
    for a in everything:
        if a.kind in ("news", "notice") and len(everything) > 3:
            a.related = [b.path for b in rng.sample(everything, 2) if b is not a]
    # planted dead links: removed articles, missing images, a missing attachment
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        a = rng.choice(everything)
        old = AS_OF - dt.timedelta(days=rng.randint(400, 1500))
        path = f"/{a.slug}/{old:%Y%m}/t{old:%Y%m%d}_{rng.randrange(1000, 9999)}.html"
        a.related.append(path)
        site.dead.add(path)
    with_image = [a for a in news if a.image]
    for _ in range(rng.choice([0, 0, 0, 1, 1, 2])):
        if with_image:
            site.dead.add(rng.choice(with_image).image)
    with_files = [a for a in everything if a.attachments]
    if "dead_attachment" in site.plants and with_files:
        site.dead.add(rng.choice(with_files).attachments[0][0])
    if "dead_gov_link" in site.plants:
        site.outside_dead.append(outside(GOV, port, "/zhengce/content/2019-05/15/content_5391234.htm"))
    if "dead_friend" in site.plants:
        site.outside_dead.append(outside(NOWHERE, port, "/"))

    site.letters = plan_letters(rng, site, letters, new_id)
    site.html_pages = 1 + board_lists + letters + sum(
        max(1, -(-len(c) // PER_PAGE)) for c in site.columns.values()) + len(everything)
    expect(site)
    return site


def split_articles(total: int, plants: set[str]) -> dict[str, int]:
    policy = max(2, round(total * 0.14))
    interpretation = policy - ("interp_missing" in plants)
    personnel = 0 if "empty_personnel" in plants else max(1, round(total * 0.15))
    notice = max(2, round(total * 0.22))
    news = max(2, total - policy - interpretation - personnel - notice)
    return {"zwyw": news, "tzgg": notice, "zcwj": policy, "zcjd": interpretation, "rsxx": personnel}


def news_title(rng: random.Random, county: str) -> str:
    who = rng.choice(NEWS_WHO)
    who = county + who[1:] if who.startswith("县") else county + who
    return f"{who}{rng.choice(NEWS_WHAT)}{rng.choice(TITLE_TOPICS)}工作"


def notice_title(rng: random.Random, county: str) -> str:
    return f"{rng.choice(NOTICE_HEAD)}{rng.choice(TITLE_TOPICS)}{rng.choice(NOTICE_TAIL)}"


def personnel_title(rng: random.Random, day: dt.date) -> str:
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    return rng.choice(PERSONNEL).format(year=day.year, name=name)


def plan_letters(rng: random.Random, site: Site, count: int, new_id) -> list[Letter]:
    topics = rng.sample(LETTER_TOPICS, min(count, len(LETTER_TOPICS)))
    letters = []
    for n in range(count):
        topic = topics[n % len(topics)]
        title = f"关于{topic}的{rng.choice(['咨询', '建议', '投诉', '求助', '反映'])}"
        if n < 2:  # the newest letters: asked yesterday or the day before, not yet answered (no finding)
            asked_day = AS_OF - dt.timedelta(days=n + 1)
        else:
            asked_day = AS_OF - dt.timedelta(days=rng.randint(14, 355))
        asked = dt.datetime.combine(asked_day, dt.time(rng.randint(7, 22), rng.randrange(60)))
        unit = site.county + rng.choice(ANSWERING)
        roll = rng.random()
        if n < 2 or roll < 0.06:
            replied = None
        elif roll < 0.16 and asked_day <= AS_OF - dt.timedelta(days=45):
            replied = asked + dt.timedelta(days=rng.randint(20, 40), hours=rng.randint(1, 8))
        else:
            replied = asked + dt.timedelta(days=rng.randint(0, 2), hours=rng.randint(1, 8))
            if replied.date() > AS_OF:
                replied = dt.datetime.combine(AS_OF, dt.time(9, 0))
        reply = (f"您好！您反映的{topic}问题，经{unit}核实，{rng.choice(RESOLUTIONS)}。感谢您对我县工作的关心和支持。"
                 if replied else "")
        letters.append(Letter(new_id(), title, asked, replied, unit, reply))
    letters.sort(key=lambda letter: letter.asked, reverse=True)
    return letters


def expect(site: Site) -> None:
    """The findings a correct crawl of this site gives (besides the interpretation ones, added above)."""
    add = site.expected.append
    if site.down:  # site_unreachable needs >= 20 probes in 7 days (availability.MIN_PROBES): none from one crawl
        site.expected.clear()
        return
    for path in sorted(site.dead):
        add(["dead_link", site.url(path)])
    for url in site.outside_dead:
        add(["dead_link", url])
    for slug, name, kind in COLUMNS:
        articles = site.columns[slug]
        if not articles:
            if kind == "personnel":
                add(["column_empty", site.url(f"/{slug}/index.html")])
            continue
        if kind in WINDOW_START and articles[0].date < WINDOW_START[kind]:
            add(["column_stale", site.url(f"/{slug}/index.html")])
    shown = [a.date for slug, n in HOME_BLOCKS for a in site.columns[slug][:n]]
    if not shown or max(shown) < AS_OF - dt.timedelta(days=14):
        add(["homepage_stale", site.home])
    for letter in site.letters:
        asked = letter.asked.date()
        if letter.replied is None and asked <= AS_OF - dt.timedelta(days=14):
            add(["message_unanswered", site.url(letter.path)])
        elif letter.replied and letter.replied.date() - asked >= dt.timedelta(days=20) and asked >= YEAR_AGO:
            add(["reply_overdue", site.url(letter.path)])
    for mark in site.missing_marks:
        add(["identity_missing", site.home])
    if "report_missing" in site.plants or "report_late" in site.plants or not site.columns["tzgg"]:
        add(["annual_report_missing", site.home])
    if "no_service" in site.plants:
        add(["service_missing", site.home])
    for a in site.columns["rsxx"]:
        if a.privacy:
            add(["privacy_leak", site.url(a.path)])
    site.expected.sort()


# --- rendering ------------------------------------------------------------------------------

def esc(text: str) -> str:
    return html.escape(text, quote=True)


def page_head(site: Site, title: str, meta: str = "") -> str:
    charset = ('<meta charset="gbk">' if site.encoding == "gbk" else
               '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">' if site.index % 2 else
               '<meta charset="utf-8">')
    idcode = "" if "网站标识码" in site.missing_marks else f'<meta name="SiteIDCode" content="{site.identifier}">\n'
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n{charset}\n<title>{esc(title)}</title>\n'
            f'<meta name="SiteName" content="{esc(site.name)}">\n{idcode}{meta}'
            f'<link rel="stylesheet" href="/css/style.css">\n</head>\n<body>\n')


def page_header(site: Site) -> str:
    items = ['<li><a href="/">首页</a></li>']
    items += [f'<li><a href="/{slug}/index.html">{name}</a></li>' for slug, name, _ in COLUMNS]
    items.append(f'<li><a href="/{BOARD_SLUG}/index.html">{BOARD_NAME}</a></li>')
    if "no_service" not in site.plants:
        items.append(f'<li><a href="{outside(PORTAL, site.port, "/bsfw/index.html")}" target="_blank">办事服务</a></li>')
    return (f'<div class="header"><div class="logo"><a href="/"><img src="/images/logo.png" alt="{esc(site.name)}">'
            f"</a><span>{esc(site.name)}</span></div></div>\n"
            f'<div class="nav"><ul>{"".join(items)}</ul></div>\n')


def page_footer(site: Site) -> str:
    marks = []
    if "网站标识码" not in site.missing_marks:
        marks.append(f"网站标识码：{site.identifier}")
    if "ICP备案号" not in site.missing_marks:
        marks.append(f"鲁ICP备{16000000 + site.index * 37 % 999999:08d}号-1")
    if "公安备案号" not in site.missing_marks:
        marks.append(f'<img src="/images/gaba.png" alt="">鲁公网安备 {37010202000000 + site.index:014d}号')
    conac = ("" if "党政机关标识" in site.missing_marks else
             '<span class="dzjg"><img src="/images/red.png" alt="党政机关"></span>\n')
    return (f'<div class="footer">\n{conac}<p>主办单位：{esc(site.name)}　联系电话：0531-{86000000 + site.index:08d}</p>\n'
            f"<p>{'　'.join(marks)}</p>\n<p>建议使用1366×768分辨率浏览本网站</p>\n</div>\n</body>\n</html>\n")


def location(site: Site, slug: str, name: str) -> str:
    return f'<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/{slug}/index.html">{name}</a></div>\n'


def home_html(site: Site) -> str:
    out = [page_head(site, site.name), page_header(site), '<div class="main">\n']
    names = {slug: name for slug, name, _ in COLUMNS}
    for slug, count in HOME_BLOCKS:
        items = "".join(f'<li><a href=".{a.path}" title="{esc(a.title)}">{esc(a.title)}</a><span>{a.date}</span></li>'
                        for a in site.columns[slug][:count]) or "<li>暂无信息</li>"
        out.append(f'<div class="block"><div class="title"><h3>{names[slug]}</h3>'
                   f'<a class="more" href="/{slug}/index.html">更多&gt;&gt;</a></div>\n'
                   f'<ul class="list">{items}</ul></div>\n')
    links = [(outside(GOV, site.port, "/"), "中国政府网"), (outside(GOV, site.port, "/zhengce/"), "国务院政策文件库")]
    if "no_service" not in site.plants:
        links.append((outside(PORTAL, site.port, "/"), "12345政务服务便民热线"))
    links += [(url, "国务院关于优化营商环境的政策" if NOWHERE not in url else f"{site.county}融媒体中心")
              for url in site.outside_dead]
    out.append('<div class="links"><span>相关链接：</span>'
               + " ".join(f'<a href="{esc(url)}" target="_blank">{text}</a>' for url, text in links) + "</div>\n")
    out.append("</div>\n")
    out.append(page_footer(site))
    return "".join(out)


def pager(count: int, k: int) -> str:
    if count <= 1:
        return ""
    name = lambda i: "index.html" if i == 0 else f"index_{i}.html"
    parts = [f"共{count}页　"]
    if k > 0:
        parts.append(f'<a href="{name(0)}">首页</a> <a href="{name(k - 1)}">上一页</a> ')
    if k < count - 1:
        parts.append(f'<a href="{name(k + 1)}">下一页</a> <a href="{name(count - 1)}">尾页</a>')
    return f'<div class="page">{"".join(parts)}</div>\n'


def list_html(site: Site, slug: str, name: str, k: int) -> str:
    articles = site.columns[slug]
    count = max(1, -(-len(articles) // PER_PAGE))
    chunk = articles[k * PER_PAGE:(k + 1) * PER_PAGE]
    items = "".join(f'<li><a href="./{a.date:%Y%m}/t{a.date:%Y%m%d}_{a.aid}.html" title="{esc(a.title)}" '
                    f'target="_blank">{esc(a.title)}</a><span>{a.date}</span></li>\n' for a in chunk)
    body = f'<ul class="list">\n{items}</ul>\n' if items else '<div class="list"><p>暂无信息</p></div>\n'
    return (page_head(site, f"{name}_{site.name}") + page_header(site) + '<div class="main">\n'
            + location(site, slug, name) + f"<h2>{name}</h2>\n" + body + pager(count, k) + "</div>\n"
            + page_footer(site))


def paragraphs(rng: random.Random, count: int) -> str:
    return "\n".join(f"<p>　　{''.join(rng.sample(SENTENCES, rng.randint(2, 3)))}</p>" for _ in range(count))


def article_html(site: Site, a: Article, rng: random.Random, titles: dict[str, str]) -> str:
    names = {slug: name for slug, name, _ in COLUMNS}
    meta = (f'<meta name="ColumnName" content="{names[a.slug]}">\n<meta name="ArticleTitle" content="{esc(a.title)}">\n'
            f'<meta name="PubDate" content="{a.date} {rng.randint(8, 18):02d}:{rng.randrange(60):02d}">\n')
    out = [page_head(site, f"{a.title}_{site.name}", meta), page_header(site), '<div class="main">\n',
           location(site, a.slug, names[a.slug])]
    if a.kind == "policy":
        out.append('<table class="xxgk">\n'
                   f"<tr><th>索引号：</th><td>{site.identifier[:6]}/{a.date.year}-{a.aid % 100000:05d}</td>"
                   f"<th>发文字号：</th><td>{a.number}</td></tr>\n"
                   f"<tr><th>发布机构：</th><td>{esc(site.name)}</td><th>成文日期：</th><td>{a.date}</td></tr>\n"
                   f'<tr><th>文件名称：</th><td colspan="3">{esc(a.title)}</td></tr>\n'
                   f"<tr><th>发布日期：</th><td>{a.date}</td><th>主题分类：</th><td>其他</td></tr>\n</table>\n")
    out.append(f'<div class="article">\n<h1>{esc(a.title)}</h1>\n'
               f'<div class="info">发布日期：{a.date}　来源：{esc(site.name)}</div>\n<div class="content">\n')
    if a.kind == "report":
        for section in SECTIONS:
            out.append(f"<h4>{section}</h4>\n{paragraphs(rng, 1)}\n")
    elif a.kind == "personnel":
        out.append(paragraphs(rng, 1) + "\n")
        rows = []
        for n in range(3):
            name = rng.choice(SURNAMES) + rng.choice(GIVEN)
            number = valid_id(rng)
            shown = number if a.privacy and n == 1 else number[:6] + "********" + number[-4:]
            rows.append(f"<tr><td>{n + 1}</td><td>{name}</td><td>{rng.choice('男女')}</td><td>{shown}</td></tr>")
        out.append("<table><tr><td>序号</td><td>姓名</td><td>性别</td><td>身份证号</td></tr>"
                   + "".join(rows) + "</table>\n<p>　　公示期为5个工作日。如有异议，请向县委组织部反映。</p>\n")
    else:
        out.append(paragraphs(rng, rng.randint(3, 6)) + "\n")
    if a.image:
        out.append(f'<p style="text-align:center"><img src="{a.image}" alt="{esc(a.title[:20])}"></p>\n')
    out.append("</div>\n")
    if a.attachments:
        links = []
        for path, shown in a.attachments:
            links.append(f'<a href="{path}">{shown}</a>')
            if path.endswith(".pdf"):
                viewer = outside(VIEWER, site.port, "/pdfjs/web/viewer.html?file=" + quote(site.url(path), safe=""))
                links.append(f'<a href="{esc(viewer)}" target="_blank">在线预览</a>')
        out.append(f'<div class="fj">附件：{" ".join(links)}</div>\n')
    if a.partner and a.links_partner:
        label = "相关解读" if a.kind == "policy" else "相关文件"
        out.append(f'<div class="xgjd">{label}：<a href="{a.partner}">{esc(titles.get(a.partner, ""))}</a></div>\n')
    if a.gov_link:
        out.append(f'<div class="xgjd">相关政策：<a href="{a.gov_link}" target="_blank">国务院有关政策文件</a></div>\n')
    if a.related:
        items = "".join(f'<li><a href="{path}">{esc(titles.get(path, "相关信息"))}</a></li>' for path in a.related)
        out.append(f'<div class="xgxx"><h4>相关信息</h4><ul>{items}</ul></div>\n')
    out.append("</div>\n</div>\n")
    out.append(page_footer(site))
    return "".join(out)


def attachment_bytes(a: Article, path: str, rng: random.Random) -> bytes:
    lines = [a.title, *rng.sample(SENTENCES, 3)]
    ext = path.rsplit(".", 1)[1]
    if ext == "pdf":
        return pdf_bytes(lines)
    if ext == "docx":
        return docx_bytes(lines)
    rows = [["序号", "单位", "事项", "完成时限"]] + [
        [str(n), rng.choice(ANSWERING), rng.choice(TITLE_TOPICS), f"2026年{rng.randint(1, 12)}月底前"] for n in range(1, 6)]
    return xls_bytes(rows) if ext == "xls" else xlsx_bytes(rows)


def board_html(site: Site, k: int) -> str:
    count = max(1, -(-len(site.letters) // PER_PAGE))
    rows = []
    for letter in site.letters[k * PER_PAGE:(k + 1) * PER_PAGE]:
        replied = f"{letter.replied:%Y-%m-%d}" if letter.replied else "未回复"
        status = "已办结" if letter.replied else "办理中"
        rows.append(f'<tr><td><a href="xj/{letter.lid}.html" target="_blank">{esc(letter.title)}</a></td>'
                    f"<td>{letter.asked:%Y-%m-%d}</td><td>{replied}</td><td>{status}</td></tr>\n")
    return (page_head(site, f"信件列表_{site.name}") + page_header(site) + '<div class="main">\n'
            + location(site, BOARD_SLUG, BOARD_NAME) + "<h2>信件列表</h2>\n"
            + '<table class="xjlb">\n<tr><th>信件标题</th><th>来信时间</th><th>回复时间</th><th>办理状态</th></tr>\n'
            + "".join(rows) + "</table>\n" + pager(count, k) + "</div>\n" + page_footer(site))


def letter_html(site: Site, letter: Letter, rng: random.Random) -> str:
    asker = rng.choice(SURNAMES) + "**"
    body = [f"<p>来信标题：{esc(letter.title)}</p>", f"<p>来信人：{asker}</p>",
            f"<p>来信时间：{letter.asked:%Y-%m-%d %H:%M}</p>",
            f"<p>来信内容：本人反映{esc(letter.title[2:-3])}的问题，希望有关部门尽快协调解决，谢谢！</p>"]
    if letter.replied:
        body += [f"<p>回复单位：{esc(letter.unit)}</p>", f"<p>回复时间：{letter.replied:%Y-%m-%d %H:%M}</p>",
                 f"<p>回复内容：{esc(letter.reply)}</p>"]
    else:
        body += ["<p>办理状态：办理中</p>", "<p>回复内容：暂未回复</p>"]
    return (page_head(site, f"{letter.title}_{site.name}") + page_header(site) + '<div class="main">\n'
            + location(site, BOARD_SLUG, BOARD_NAME) + '<div class="xjxq">\n' + "\n".join(body) + "\n</div>\n</div>\n"
            + page_footer(site))


OUTSIDE_PAGES = {  # host → {path: (title, body)}
    GOV: {"/index.html": ("中国政府网_中央人民政府门户网站", "国务院 总理 新闻 政策 互动 服务 数据 国情"),
          "/zhengce/index.html": ("政策_中国政府网", "国务院政策文件库 最新政策 政策解读")},
    PORTAL: {"/index.html": ("山东省12345政务服务便民热线", "我要咨询 我要投诉 我要建议 办件查询"),
             "/bsfw/index.html": ("办事服务_山东政务服务网", "个人办事 法人办事 部门服务 主题服务")},
    VIEWER: {"/pdfjs/web/viewer.html": ("PDF.js viewer", "在线预览")},
}
for _n in range(10):
    OUTSIDE_PAGES[GOV][f"/zhengce/content/202611/content_{7012340 + _n}.htm"] = (
        f"国务院办公厅关于{POLICY_TOPICS[_n]}的意见_政策_中国政府网", SENTENCES[_n] + SENTENCES[_n + 5])


def outside_html(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n</head>\n'
            f"<body>\n<h1>{title}</h1>\n<p>{body}</p>\n</body>\n</html>\n")


# --- writing the tree -----------------------------------------------------------------------

class Writer:
    def __init__(self, root: Path):
        self.root = root
        self.dirs: set[Path] = set()
        self.files = 0
        self.bytes = 0

    def write(self, path: Path, data: bytes) -> None:
        if path.parent not in self.dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.dirs.add(path.parent)
        path.write_bytes(data)
        self.files += 1
        self.bytes += len(data)


def write_site(writer: Writer, base: Path, site: Site, seed: int, assets: dict[str, bytes]) -> int:
    rng = random.Random(seed * 7_000_003 + site.index)
    pages = 0

    def page(path: str, text: str) -> None:
        nonlocal pages
        writer.write(base / path.lstrip("/"), text.encode(site.encoding))
        pages += 1

    for name, data in assets.items():
        writer.write(base / name, data)
    page("/index.html", home_html(site))
    titles = {a.path: a.title for column in site.columns.values() for a in column}
    for slug, name, _ in COLUMNS:
        count = max(1, -(-len(site.columns[slug]) // PER_PAGE))
        for k in range(count):
            page(f"/{slug}/index.html" if k == 0 else f"/{slug}/index_{k}.html", list_html(site, slug, name, k))
        for a in site.columns[slug]:
            page(a.path, article_html(site, a, rng, titles))
            if a.image and a.image not in site.dead:
                writer.write(base / a.image.lstrip("/"), assets["images/photo.png"])
            for path, _ in a.attachments:
                if path not in site.dead:
                    writer.write(base / path.lstrip("/"), attachment_bytes(a, path, rng))
    for k in range(max(1, -(-len(site.letters) // PER_PAGE))):
        page(f"/{BOARD_SLUG}/index.html" if k == 0 else f"/{BOARD_SLUG}/index_{k}.html", board_html(site, k))
    for letter in site.letters:
        page(letter.path, letter_html(site, letter, rng))
    assert pages == site.html_pages, (site.id, pages, site.html_pages)
    return pages


def generate(out: Path, sites: int, pages: int, seed: int = 20261120, port: int = 8080) -> dict:
    """Write the province into out/ (replacing it); return the manifest."""
    if sites < 1 or pages < 15:
        raise SystemExit("need at least 1 site and --pages 15")
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    writer = Writer(tmp)
    assets = {"css/style.css": CSS.encode("utf-8"), "images/logo.png": make_png(120, 40, 1),
              "images/gaba.png": make_png(20, 20, 2), "images/red.png": make_png(40, 50, 3),
              "images/photo.png": make_png(160, 100, 4)}
    naming = site_names(sites, seed)
    planned, html_pages, gbk = [], 0, 0
    for index in range(sites):
        site = plan_site(index, seed, pages, port, naming[index])
        if not site.down:
            html_pages += write_site(writer, tmp / "sites" / site.addr, site, seed, assets)
        gbk += site.encoding == "gbk"
        planned.append(site)
    for host, files in OUTSIDE_PAGES.items():
        for path, (title, body) in files.items():
            writer.write(tmp / "sites" / host / path.lstrip("/"), outside_html(title, body).encode("utf-8"))
    expected: dict[str, int] = {}
    for site in planned:
        for code, _ in site.expected:
            expected[code] = expected.get(code, 0) + 1
    manifest = {
        "generator_version": GENERATOR_VERSION, "seed": seed, "sites": sites, "pages": pages, "port": port,
        "as_of": AS_OF.isoformat(),
        "outside_hosts": {**OUTSIDE_HOSTS, "nowhere": NOWHERE},
        "sites_up": sum(not s.down for s in planned), "sites_down": sum(s.down for s in planned), "gbk_sites": gbk,
        "html_pages": html_pages, "files": writer.files, "bytes": writer.bytes,
        "expected_findings": dict(sorted(expected.items())),
        "site_list": [{"id": s.id, "name": s.name, "addr": s.addr, "home": s.home, "encoding": s.encoding,
                       "down": s.down, "html_pages": 0 if s.down else s.html_pages, "plants": sorted(s.plants),
                       "missing_marks": s.missing_marks, "expected": s.expected} for s in planned],
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")
    (tmp / "province.toml").write_text(config_toml(planned), "utf-8")
    if out.exists():
        shutil.rmtree(out)
    os.replace(tmp, out)
    return manifest


def config_toml(sites: list[Site], per_site_concurrency: int = 4) -> str:
    lines = ["# generated by benchmarks/province_sites.py", "",
             "[crawl]", f"per_site_concurrency = {per_site_concurrency}", "",
             "[network]", "# the shared outside hosts (127.2.0.x) are not in any site's /24",
             'allow = ["127.0.0.0/8"]', ""]
    for site in sites:
        lines += ["[[site]]", f'id = "{site.id}"', f'name = "{site.name}"', f'home = "{site.home}"',
                  f'identifier = "{site.identifier}"', ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to create (replaced if present)")
    ap.add_argument("--sites", type=int, default=1000)
    ap.add_argument("--pages", type=int, default=60, help="HTML pages per site, about (default 60)")
    ap.add_argument("--seed", type=int, default=20261120)
    ap.add_argument("--port", type=int, default=8080, help="the port every address is served on")
    args = ap.parse_args(argv)
    manifest = generate(args.out, args.sites, args.pages, args.seed, args.port)
    summary = {k: v for k, v in manifest.items() if k != "site_list"}
    json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
