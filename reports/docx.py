"""The circular draft (通报草稿) as a docx in 公文 layout: GB/T 9704-2012 as far as python-docx allows.

Portrait A4 body (版心 156 x 225 mm, 22 lines of 28 characters in 三号仿宋), then the attachments
(问题清单, 已整改问题) in a landscape section. Every run names its East Asian font explicitly so Word
and WPS show the Chinese fonts; every text from the crawled sites is stripped of characters XML
cannot hold before it reaches python-docx.
"""

from __future__ import annotations

import re
from copy import deepcopy
from datetime import date, timedelta

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.text.run import Run

# Fonts named as Chinese government templates name them; the font table gives each a fallback.
XIAOBIAOSONG = "方正小标宋简体"
FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
SONGTI = "宋体"
FALLBACKS = {XIAOBIAOSONG: SONGTI, FANGSONG: "仿宋", KAITI: "楷体", HEITI: "SimHei", SONGTI: "SimSun"}

TITLE_SIZE = 22  # 二号
BODY_SIZE = 16  # 三号
PAGE_NUMBER_SIZE = 14  # 四号
TABLE_SIZE = 10.5  # 五号
LINE = Twips(579)  # 28.95 pt: 22 lines in the 225 mm 版心
CHAR_SPACE = -849  # docGrid pitch delta (1/4096 pt) from the 16 pt Normal font: 28 characters in 156 mm
RED = RGBColor(0xC0, 0x00, 0x00)

ISSUER = "××市人民政府办公室"  # placeholders the drafting office replaces
DOC_NUMBER = "×政办函〔{year}〕×号"
ADDRESSEES = "各县（市、区）人民政府，市政府各部门："
CONTACT = "联系人：×××，联系电话：××××××××。"
RECTIFY_DAYS = 21  # calendar days: 15 working days from the circular's date

# Attachment columns: (header, width in mm); each table spans the 225 mm landscape 版心.
PROBLEM_COLUMNS = [("序号", 10), ("地区/单位名称", 24), ("网站标识码", 24), ("问题类型", 20), ("单项否决/扣分", 15),
                   ("问题描述", 53), ("问题链接", 40), ("发现时间", 22), ("整改情况", 17)]
ACCOUNT_COLUMNS = [("序号", 10), ("账号名称", 24), ("平台", 16), ("主办单位", 24), ("问题类型", 20),
                   ("单项否决/扣分", 15), ("问题描述", 50), ("最近发布时间", 22), ("问题链接", 34)]
FIXED_COLUMNS = [("序号", 10), ("地区/单位名称", 30), ("问题类型", 25), ("问题描述", 75), ("问题链接", 63),
                 ("首次发现时间", 22)]

# XML 1.0 cannot hold C0 controls other than \t \n \r, lone surrogates, U+FFFE and U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[\t\r\n]+")

# The children of w:pPr that follow w:pBdr and w:snapToGrid (schema order matters to Word).
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_SNAP = _AFTER_PBDR[_AFTER_PBDR.index("w:snapToGrid") + 1:]


def clean(value) -> str:
    """Text safe for XML: characters XML 1.0 forbids are dropped."""
    return "" if value is None else _ILLEGAL.sub("", str(value))


def inline(value) -> str:
    """Text for a sentence of the body: clean, on one line."""
    return _SPACES.sub(" ", clean(value)).strip()


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def cn_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一, 105 -> 一百零五: the numbering of （一）-level headings."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if not rest else ("零" + digits[rest] if rest < 10 else
                                    digits[rest // 10] + "十" + (digits[rest % 10] if rest % 10 else ""))
        return digits[n // 100] + "百" + tail
    return str(n)


def percent(rate: float) -> str:
    """0.6667 -> 66.7%, 1.0 -> 100%."""
    text = f"{rate * 100:.1f}"
    return (text.removesuffix(".0")) + "%"


def _as_of(report) -> date:
    try:
        return date.fromisoformat(str(report.run.get("as_of") or "")[:10])
    except ValueError:
        return date.today()


def write(report, path: str) -> None:
    from . import check_title, severity_name

    as_of = _as_of(report)
    quarter = (as_of.month - 1) // 3 + 1
    scope = "政府网站和政务新媒体" if report.accounts else "政府网站"
    title = f"关于{as_of.year}年第{quarter}季度全市{scope}检查情况的通报"
    builder = _Circular(title, as_of)
    problems = report.problems
    # The list follows the body: the 不合格 sites first, each site's problems in the report's order.
    ordered = sorted(problems, key=lambda pair: pair[0].verdict.passed)
    attachments = []
    if problems:
        attachments.append(("政府网站检查问题清单", PROBLEM_COLUMNS, [
            [site.name, site.identifier, check_title(f["check_code"]), severity_name(f["severity"]), f["detail"],
             f["url"], f["last_seen"], _state(f)] for site, f in ordered]))
    account_problems = sorted(report.account_problems, key=lambda pair: pair[0].verdict.passed)
    if account_problems:  # websites and new media go in separate attachments
        attachments.append(("政务新媒体检查问题清单", ACCOUNT_COLUMNS, [
            [account.name, account.platform_name, account.organizer, check_title(f["check_code"]),
             severity_name(f["severity"]), f["detail"], account.newest.replace("T", " ")[:16], f["url"]]
            for account, f in account_problems]))
    if report.fixed:
        attachments.append(("已整改问题清单", FIXED_COLUMNS, [
            [site.name, check_title(f["check_code"]), f["detail"], f["url"], f["first_seen"]]
            for site, f in report.fixed]))

    builder.letterhead()
    builder.title(title)
    builder.body(ADDRESSEES, indent=False)
    builder.body("为推进政府网站规范化建设，根据《政府网站发展指引》和《政府网站与政务新媒体检查指标》有关要求，"
                 f"市政府办公室对全市{scope}进行了检查。现将有关情况通报如下：")
    builder.heading1("一、总体情况")
    for text in _overview(report, as_of, check_title):
        builder.body(text)
    if report.accounts:
        builder.body(_accounts_overview(report, check_title))
    builder.heading1("二、主要问题")
    _main_problems(builder, report, check_title)
    if report.accounts:
        _account_problems(builder, report, check_title, len([s for s in report.sites if s.problems
                                                             or not s.verdict.passed]))
    builder.heading1("三、工作要求")
    _requirements(builder, as_of, bool(problems or account_problems), [name for name, _, _ in attachments])
    builder.closing([name for name, _, _ in attachments])
    if attachments:
        builder.landscape()
        for number, (name, columns, rows) in enumerate(attachments, start=1):
            builder.attachment(number, name, columns, rows)
    builder.document.save(path)


def _accounts_overview(report, check_title) -> str:
    """政务新媒体 in 一、总体情况: accounts pass or fail on the veto items alone."""
    accounts = report.accounts
    passed = sum(1 for account in accounts if account.verdict.passed)
    text = (f"共检查政务新媒体账号{len(accounts)}个，其中合格{passed}个、不合格{len(accounts) - passed}个，"
            f"合格率{percent(passed / len(accounts))}。")
    problems = [f for _, f in report.account_problems]
    if problems:
        vetoes = sum(1 for f in problems if f["severity"] == "veto")
        text += (f"政务新媒体共发现问题{len(problems)}个，其中单项否决问题{vetoes}个、扣分问题{len(problems) - vetoes}个，"
                 f"{_by_type(problems, check_title)}。")
    unread = [account for account in accounts if account.problem]
    if unread:
        text += f"另有{len(unread)}个账号因平台无法读取未判断更新情况（见提示）。"
    return text


def _account_problems(builder: _Circular, report, check_title, numbered: int) -> None:
    """二、主要问题, continued: each 政务新媒体 account with problems, the 不合格 ones first."""
    listed = sorted((a for a in report.accounts if a.problems or not a.verdict.passed),
                    key=lambda account: account.verdict.passed)
    if not listed:
        return
    failed = [account for account in listed if not account.verdict.passed]
    text = f"政务新媒体方面，{sum(1 for account in listed if account.problems)}个账号存在问题"
    if failed:
        text += f"，其中{len(failed)}个账号不合格（{'、'.join(inline(a.name) for a in failed)}）"
    builder.body(text + "。")
    for number, account in enumerate(listed, start=numbered + 1):
        problems = account.problems
        sentence = f"该账号{account.verdict.label}"
        if account.newest:
            sentence += f"，最近发布时间为{account.newest[:10]}"
        if problems:
            sentence += f"，存在问题{len(problems)}个，其中{_by_type(problems, check_title)}"
        sentence += "。"
        if failed and not account.verdict.passed:
            sentence += f"不合格原因：{'；'.join(inline(r).rstrip('。；;') for r in account.verdict.reasons)}。"
        builder.heading2(f"（{cn_number(number)}）{inline(account.name)}（{inline(account.platform_name)}）：", sentence)


def _state(finding: dict) -> str:
    state = finding.get("state") or ""
    runs = finding.get("runs_seen") or 1
    return f"{state}（累计发现{runs}次）" if runs >= 2 and state else state


def _repeated(findings) -> list[dict]:
    """多次通报仍未整改: seen in two runs or more and present now."""
    return [f for f in findings if (f.get("runs_seen") or 1) >= 2 and f.get("state") in ("仍存在", "再次出现")]


def _by_type(findings, check_title) -> str:
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding["check_code"]] = counts.get(finding["check_code"], 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], check_title(item[0])))
    return "、".join(f"“{inline(check_title(code))}”{n}个" for code, n in ranked)


def _overview(report, as_of: date, check_title) -> list[str]:
    """The paragraphs of 一、总体情况."""
    everything = report.pass_rates().get("全部", {"sites": 0, "passed": 0, "rate": 0.0})
    sites, passed = everything["sites"], everything["passed"]
    text = (f"本次检查的监测时间点为{cn_date(as_of)}。共检查政府网站{sites}个，其中合格{passed}个、"
            f"不合格{sites - passed}个，合格率{percent(everything['rate'])}。")
    regions = report.pass_rates("region")
    if len(regions) > 1:
        for name, group in regions.items():
            label = "未标注地区的网站" if name == "未分类" else inline(name)
            text += (f"{label}检查网站{group['sites']}个，合格{group['passed']}个、不合格"
                     f"{group['sites'] - group['passed']}个，合格率{percent(group['rate'])}。")
    paragraphs = [text]

    problems = [f for _, f in report.problems]
    if problems:
        vetoes = sum(1 for f in problems if f["severity"] == "veto")
        text = (f"共发现问题{len(problems)}个，其中单项否决问题{vetoes}个、扣分问题{len(problems) - vetoes}个。"
                f"从问题类型看，{_by_type(problems, check_title)}。")
    else:
        text = "本次检查未发现问题。"
    if report.notices:
        text += f"另有提示信息{len(report.notices)}条，不计入检查结论。"
    if report.marked:
        text += f"经人工核实，{len(report.marked)}个问题已标记为误报或已接受，未列入本次通报。"
    if report.fixed:
        text += f"上次检查发现的问题中，已整改{len(report.fixed)}个（见附件）。"
    text += _trend_sentence(report, len(problems))
    if report.filters.get("new_since"):
        text += f"本通报仅列出第{report.filters['new_since']}次检查之后新发现的问题。"
    if report.filters.get("open_runs"):
        text += f"本通报仅列出连续{report.filters['open_runs']}次及以上检查中均被发现的问题。"
    paragraphs.append(text)
    return paragraphs


def _trend_sentence(report, problems: int) -> str:
    """The change since the previous run, only when the trend counts are the ones this circular shows."""
    trend = report.trend or []
    if len(trend) < 2 or report.filters or report.marked or trend[-1].get("run_id") != report.run.get("id"):
        return ""
    current = trend[-1]["veto"] + trend[-1]["deduct"]
    before = trend[-2]["veto"] + trend[-2]["deduct"]
    if current != problems:
        return ""
    try:
        when = f"（{cn_date(date.fromisoformat(str(trend[-2]['as_of'])[:10]))}）"
    except ValueError:
        when = ""
    if current == before:
        return f"与上次检查{when}相比，问题数量持平。"
    return f"与上次检查{when}相比，问题数量由{before}个{'减少' if current < before else '增加'}至{current}个。"


def _main_problems(builder: _Circular, report, check_title) -> None:
    """二、主要问题: one （一）-level paragraph per site with problems, the 不合格 sites first."""
    listed = [site for site in report.sites if site.problems or not site.verdict.passed]
    if not listed:
        builder.body("本次检查未发现问题。")
        return
    listed.sort(key=lambda site: site.verdict.passed)  # stable: 不合格 first, in the report's order
    failed = [site for site in listed if not site.verdict.passed]
    repeated = _repeated(f for _, f in report.problems)
    text = f"检查发现，{sum(1 for site in listed if site.problems)}个网站存在问题"
    if failed:
        text += f"，其中{len(failed)}个网站不合格（{'、'.join(inline(site.name) for site in failed)}）"
    text += "。"
    if repeated:
        text += f"有{len(repeated)}个问题多次通报仍未整改，整改工作不到位。"
    builder.body(text)
    for number, site in enumerate(listed, start=1):
        builder.heading2(f"（{cn_number(number)}）{inline(site.name)}（网站标识码 {inline(site.identifier) or '未填写'}）：",
                         _site_sentence(site, check_title))


def _site_sentence(site, check_title) -> str:
    problems = site.problems
    text = f"该网站{site.verdict.label}，得分{site.verdict.score:g}分"
    if problems:
        vetoes = sum(1 for f in problems if f["severity"] == "veto")
        kinds = "、".join(part for part in (f"单项否决{vetoes}个" if vetoes else "",
                                            f"扣分{len(problems) - vetoes}个" if len(problems) > vetoes else "") if part)
        text += f"，存在问题{len(problems)}个（{kinds}），其中{_by_type(problems, check_title)}"
    text += "。"
    if not site.verdict.passed and site.verdict.reasons:
        reasons = [inline(reason).rstrip("。；;") for reason in site.verdict.reasons]
        text += f"不合格原因：{'；'.join(reasons)}。"
    repeated = _repeated(problems)
    if repeated:
        text += f"其中{len(repeated)}个问题多次通报仍未整改。"
    return text


def _requirements(builder: _Circular, as_of: date, any_problems: bool, attachments: list[str]) -> None:
    deadline = cn_date(as_of + timedelta(days=RECTIFY_DAYS))
    if any_problems:
        builder.heading2("（一）抓紧整改到位。",
                         f"各单位要对照附件1所列问题逐项核查、立行立改，请各单位于{deadline}前完成整改（15个工作日内），"
                         f"整改情况经本单位主要负责同志审核后书面报送市政府办公室。{CONTACT}")
    else:
        builder.heading2("（一）巩固检查成果。",
                         f"各单位要对照检查指标定期开展自查，发现问题及时整改，整改情况及时报送市政府办公室。{CONTACT}")
    builder.heading2("（二）健全长效机制。",
                     "各单位要落实政府网站日常监测和内容保障责任，健全信息发布审核、链接巡检和留言办理等工作机制，"
                     "及时更新栏目内容，防止问题反弹。")
    builder.heading2("（三）强化督查问责。",
                     "市政府办公室将对整改情况进行复查。对多次通报仍未整改或问题反复出现的单位，"
                     "将约谈其主要负责同志，并在全市范围内予以通报。")


class _Circular:
    """The document and the paragraph kinds of a 公文."""

    def __init__(self, title: str, as_of: date):
        self.as_of = as_of
        self.document = document = Document()
        _font_table(document)
        _defaults(document)
        props = document.core_properties
        props.title = title
        props.subject = "政府网站检查情况通报（草稿）"
        props.author = "zwgk"
        props.comments = "由 zwgk 根据检查结果自动生成的通报草稿，发文前请核对并替换“×”占位内容。"
        section = document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.orientation = WD_ORIENT.PORTRAIT
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        section.header_distance, section.footer_distance = Mm(15), Mm(25)
        _grid(section, chars=True)
        _page_numbers(document, section)

    # --- paragraph kinds -------------------------------------------------------------------------
    def paragraph(self, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True, grid: bool = True):
        paragraph = self.document.add_paragraph()
        _format(paragraph, align, indent, grid)
        return paragraph

    def body(self, text: str, indent: bool = True):
        paragraph = self.paragraph(indent=indent)
        _run(paragraph, inline(text), FANGSONG, BODY_SIZE)
        return paragraph

    def blank(self, lines: int = 1) -> None:
        for _ in range(lines):
            self.paragraph(indent=False)

    def heading1(self, text: str) -> None:
        paragraph = self.paragraph()
        paragraph.paragraph_format.keep_with_next = True
        _run(paragraph, text, HEITI, BODY_SIZE)

    def heading2(self, head: str, text: str = "") -> None:
        """A （一）-level heading in 楷体, the body text following on the same paragraph."""
        paragraph = self.paragraph()
        _run(paragraph, inline(head), KAITI, BODY_SIZE)
        if text:
            _run(paragraph, inline(text), FANGSONG, BODY_SIZE)

    def title(self, text: str) -> None:
        self.blank(2)
        paragraph = self.paragraph(WD_ALIGN_PARAGRAPH.CENTER, indent=False, grid=False)
        _run(paragraph, text, XIAOBIAOSONG, TITLE_SIZE)
        self.blank()

    def letterhead(self) -> None:
        """发文机关标志 in red with the red rule under it (信函格式), then the 发文字号."""
        paragraph = self.paragraph(WD_ALIGN_PARAGRAPH.CENTER, indent=False, grid=False)
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        _run(paragraph, ISSUER, XIAOBIAOSONG, 26, color=RED)
        _bottom_rule(paragraph)
        number = self.paragraph(WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        _run(number, DOC_NUMBER.format(year=self.as_of.year), FANGSONG, BODY_SIZE)

    def closing(self, attachments: list[str]) -> None:
        """附件说明, then the issuing office and the date (落款), right-aligned."""
        if attachments:
            self.blank()
            first = self.paragraph()
            _run(first, f"附件：1. {attachments[0]}", FANGSONG, BODY_SIZE)
            for number, name in enumerate(attachments[1:], start=2):
                more = self.paragraph(WD_ALIGN_PARAGRAPH.LEFT, indent=False)
                more.paragraph_format.left_indent = Pt(BODY_SIZE * 5)  # under the name after "附件："
                _char_indent(more, "leftChars", 500)
                _run(more, f"{number}. {name}", FANGSONG, BODY_SIZE)
        self.blank(3)
        office = self.paragraph(WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        office.paragraph_format.right_indent = Pt(BODY_SIZE * 2)
        _run(office, ISSUER, FANGSONG, BODY_SIZE)
        day = self.paragraph(WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
        day.paragraph_format.right_indent = Pt(BODY_SIZE * 4)
        _run(day, cn_date(self.as_of), FANGSONG, BODY_SIZE)

    # --- the attachments -------------------------------------------------------------------------
    def landscape(self) -> None:
        """A new section, starting on a new page, for the attachments: A4 landscape."""
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(28), Mm(26)
        section.left_margin, section.right_margin = Mm(37), Mm(35)
        section.header_distance, section.footer_distance = Mm(12), Mm(12)
        _grid(section, chars=False)

    def attachment(self, number: int, name: str, columns: list[tuple[str, int]], rows: list[list]) -> None:
        mark = self.paragraph(WD_ALIGN_PARAGRAPH.LEFT, indent=False)
        mark.paragraph_format.page_break_before = number > 1
        _run(mark, f"附件{number}", HEITI, BODY_SIZE)
        heading = self.paragraph(WD_ALIGN_PARAGRAPH.CENTER, indent=False, grid=False)
        _run(heading, name, XIAOBIAOSONG, TITLE_SIZE)
        heading.paragraph_format.space_after = Pt(6)
        table = self.document.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        widths = [Mm(width) for _, width in columns]
        table_width = table._tbl.tblPr.find(qn("w:tblW"))
        if table_width is not None:
            table_width.set(qn("w:type"), "dxa")
            table_width.set(qn("w:w"), str(sum(width.twips for width in widths)))
        for column, width in zip(table.columns, widths):
            column.width = width
        header = table.rows[0]
        _repeat_header(header)
        for cell, (text, _), width in zip(header.cells, columns, widths):
            _cell(cell, text, width, HEITI, WD_ALIGN_PARAGRAPH.CENTER)
        # One formatted row, copied for every problem: python-docx per cell is too slow for thousands of rows.
        template = table.add_row()
        for position, (cell, width) in enumerate(zip(template.cells, widths)):
            _cell(cell, "", width, FANGSONG, WD_ALIGN_PARAGRAPH.CENTER if position == 0 else WD_ALIGN_PARAGRAPH.LEFT)
        template_tr = template._tr
        template_tr.getparent().remove(template_tr)
        for index, values in enumerate(rows, start=1):
            tr = deepcopy(template_tr)
            table._tbl.append(tr)
            for r, value in zip(tr.iter(qn("w:r")), [index, *values]):
                Run(r, None).text = clean(value).strip()


# --- formatting helpers ------------------------------------------------------------------------------

def _run(paragraph, text: str, font: str, size: float, color: RGBColor | None = None):
    run = paragraph.add_run(clean(text))
    _set_font(run, font, size)
    if color is not None:
        run.font.color.rgb = color
    return run


def _set_font(run, font: str, size: float) -> None:
    run.font.size = Pt(size)
    run.font.name = font  # w:ascii and w:hAnsi
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:cs"), font)
    fonts.set(qn("w:hint"), "eastAsia")


def _format(paragraph, align, indent: bool, grid: bool) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    if indent:  # 首行缩进二字: characters for Word/WPS, points for other readers
        fmt.first_line_indent = Pt(BODY_SIZE * 2)
        _char_indent(paragraph, "firstLineChars", 200)
    else:
        fmt.first_line_indent = Pt(0)
    if not grid:  # large type must not snap to the 16 pt character grid
        _snap_off(paragraph)


def _char_indent(paragraph, attribute: str, hundredths: int) -> None:
    paragraph._p.get_or_add_pPr().get_or_add_ind().set(qn(f"w:{attribute}"), str(hundredths))


def _snap_off(paragraph) -> None:
    pPr = paragraph._p.get_or_add_pPr()
    if pPr.find(qn("w:snapToGrid")) is None:
        pPr.insert_element_before(OxmlElement("w:snapToGrid", {qn("w:val"): "0"}), *_AFTER_SNAP)


def _bottom_rule(paragraph) -> None:
    """The red separating rule of the letterhead: a thick-thin double bottom border, 4 mm below."""
    border = OxmlElement("w:pBdr")
    border.append(OxmlElement("w:bottom", {qn("w:val"): "thickThinSmallGap", qn("w:sz"): "24",
                                           qn("w:space"): "11", qn("w:color"): "C00000"}))
    paragraph._p.get_or_add_pPr().insert_element_before(border, *_AFTER_PBDR)


def _cell(cell, text: str, width, font: str, align) -> None:
    cell.width = width
    paragraph = cell.paragraphs[0]
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    _snap_off(paragraph)
    _run(paragraph, text, font, TABLE_SIZE)


def _repeat_header(row) -> None:
    """The header row repeats on every page (w:tblHeader) and is never split."""
    trPr = row._tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:cantSplit"))
    trPr.append(OxmlElement("w:tblHeader"))


def _grid(section, chars: bool) -> None:
    """The document grid: 22 lines of 28 characters for the body; lines only for the attachments."""
    sectPr = section._sectPr
    grid = sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sectPr.append(grid)
    for attribute in ("w:type", "w:charSpace"):
        grid.attrib.pop(qn(attribute), None)
    if chars:
        grid.set(qn("w:type"), "linesAndChars")
        grid.set(qn("w:linePitch"), str(LINE.twips))
        grid.set(qn("w:charSpace"), str(CHAR_SPACE))
    else:
        grid.set(qn("w:linePitch"), "312")


def _page_numbers(document, section) -> None:
    """Page numbers "— 1 —" in 四号宋体: odd pages right, even pages left, one character in."""
    document.settings.odd_and_even_pages_header_footer = True
    for footer, align, side in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
                                (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left")):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.paragraph_format.alignment = align
        setattr(paragraph.paragraph_format, f"{side}_indent", Pt(PAGE_NUMBER_SIZE))
        _snap_off(paragraph)
        _run(paragraph, "— ", SONGTI, PAGE_NUMBER_SIZE)
        field = OxmlElement("w:fldSimple", {qn("w:instr"): " PAGE "})
        paragraph._p.append(field)
        number = OxmlElement("w:r")
        field.append(number)
        placeholder = OxmlElement("w:t")
        placeholder.text = "1"
        number.append(placeholder)
        _set_font_element(number)
        _run(paragraph, " —", SONGTI, PAGE_NUMBER_SIZE)


def _set_font_element(r) -> None:
    _set_font(Run(r, None), SONGTI, PAGE_NUMBER_SIZE)


def _defaults(document) -> None:
    """Normal style: 三号仿宋, exact 28.95 pt lines, no paragraph spacing; Chinese as the East Asian language."""
    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_SIZE)
    normal.font.name = FANGSONG
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), FANGSONG)
    fonts.set(qn("w:cs"), FANGSONG)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    fmt.widow_control = False
    for lang in document.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:eastAsia"), "zh-CN")
    for lang in document.settings.element.iter(qn("w:themeFontLang")):
        lang.set(qn("w:eastAsia"), "zh-CN")


def _font_table(document) -> None:
    """Declare the Chinese fonts with their fallbacks (w:altName) for machines that lack them."""
    try:
        part = document.part.part_related_by(RT.FONT_TABLE)
    except KeyError:
        return
    fonts = parse_xml(part.blob)
    present = {font.get(qn("w:name")) for font in fonts.findall(qn("w:font"))}
    for name, fallback in FALLBACKS.items():
        if name in present:
            continue
        font = OxmlElement("w:font", {qn("w:name"): name})
        font.append(OxmlElement("w:altName", {qn("w:val"): fallback}))
        font.append(OxmlElement("w:charset", {qn("w:val"): "86"}))
        font.append(OxmlElement("w:family", {qn("w:val"): "auto"}))
        font.append(OxmlElement("w:pitch", {qn("w:val"): "variable"}))
        fonts.append(font)
    from lxml import etree
    part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)
