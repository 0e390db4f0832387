"""The inspector's report of one run as ONE self-contained HTML file.

No network requests at all: styles and the filter script are inline, charts are inline SVG drawn here,
screenshots are embedded as data: URIs, and a Content-Security-Policy forbids anything else. Every piece
of text that comes from the database (page titles, details, URLs: written by hostile websites) is
escaped; the filter script reads only data-* attributes and never builds code from database text.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
import re
from datetime import datetime

def _csp() -> str:
    """Only the report's own script runs: it is allowed by its hash, so any script a page smuggled in
    (were escaping ever to fail) would be refused."""
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode()
    return f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"
SAFE_URL = re.compile(r"https?://", re.IGNORECASE)
SEVERITY_CLASS = {"veto": "veto", "deduct": "deduct", "notice": "notice"}
STATE_CLASS = {"新发现": "st-new", "仍存在": "st-open", "再次出现": "st-again"}
VETO_COLOR, DEDUCT_COLOR, BAR_COLOR = "#c62828", "#ef8a17", "#3a6ea5"
IMAGE_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))
MAX_SHOT_BYTES = 8 * 1024 * 1024
FONT_STACK = ('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", '
              '"Source Han Sans SC", "WenQuanYi Micro Hei", "SimHei", "SimSun", sans-serif')


def write(report, path: str) -> None:
    from . import check_title, evidence_text, severity_name

    page = _Page(report, check_title, evidence_text, severity_name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(page.render())


def esc(value) -> str:
    """Escape any value for HTML text and attribute values (None is empty)."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_href(url) -> str | None:
    """The URL if it may become a link (http/https only), else None: never javascript:, data: and the like."""
    if not isinstance(url, str) or not SAFE_URL.match(url):
        return None
    if any(ord(char) < 0x20 or char == "\x7f" for char in url):
        return None
    return url


def link(url, text=None) -> str:
    """A link that opens apart and sends no referrer, or the escaped text when the URL is not http(s)."""
    href = safe_href(url)
    label = esc(url if text is None else text)
    if not href:
        return label
    return f'<a href="{esc(href)}" rel="noopener noreferrer" target="_blank">{label}</a>'


def screenshot_uri(base: str, relative: str) -> str | None:
    """A screenshot (relative to the database's folder) as a data: URI; None when missing or not an image."""
    if not relative:
        return None
    path = os.path.join(base or ".", relative)
    try:
        if not os.path.isfile(path) or os.path.getsize(path) > MAX_SHOT_BYTES:
            return None
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    for magic, mime in IMAGE_MAGIC:
        if data.startswith(magic):
            return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return None


def text_width(text: str, size: float) -> float:
    """Roughly how wide `text` is in px at font size `size` (CJK full width, Latin about half)."""
    return sum(size if ord(char) > 0x2E7F else size * 0.6 for char in text)


def clip(text: str, size: float, width: float) -> str:
    """`text` cut with … to fit `width` px."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


def percent(rate: float) -> str:
    return f"{rate * 100:.1f}%"


# ---------------------------------------------------------------- charts (inline SVG)

def hbar_chart(items: list[tuple[str, int]], color: str = BAR_COLOR, label: str = "") -> str:
    """Horizontal bars: one per (label, value)."""
    size, row, gap = 13, 22, 6
    label_w = min(260, max(60, max(text_width(name, size) for name, _ in items) + 12))
    bar_w = 420
    width = label_w + bar_w + 60
    height = len(items) * (row + gap) + gap
    top = max(value for _, value in items) or 1
    parts = [(f'<svg class="chart" role="img" aria-label="{esc(label)}" xmlns="http://www.w3.org/2000/svg" '
             f'width="{width:.0f}" height="{height}" viewBox="0 0 {width:.0f} {height}">')]
    for index, (name, value) in enumerate(items):
        y = gap + index * (row + gap)
        length = max(1.0, bar_w * value / top) if value else 0.0
        parts.append(
            f'<g><title>{esc(name)}：{value}</title>'
            f'<text x="{label_w - 8:.0f}" y="{y + row / 2 + 4.5:.1f}" text-anchor="end" font-size="{size}">'
            f'{esc(clip(name, size, label_w - 12))}</text>'
            f'<rect x="{label_w:.0f}" y="{y}" width="{length:.1f}" height="{row}" rx="2" fill="{color}"/>'
            f'<text x="{label_w + length + 6:.1f}" y="{y + row / 2 + 4.5:.1f}" font-size="{size}">{value}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def stacked_chart(items: list[tuple[str, int, int]], label: str = "") -> str:
    """Horizontal stacked bars per (label, veto, deduct), with a legend."""
    size, row, gap, legend = 13, 22, 6, 26
    label_w = min(260, max(60, max(text_width(name, size) for name, _, _ in items) + 12))
    bar_w = 420
    width = label_w + bar_w + 90
    height = legend + len(items) * (row + gap) + gap
    top = max(veto + deduct for _, veto, deduct in items) or 1
    parts = [(f'<svg class="chart" role="img" aria-label="{esc(label)}" xmlns="http://www.w3.org/2000/svg" '
             f'width="{width:.0f}" height="{height}" viewBox="0 0 {width:.0f} {height}">'),
             _legend(label_w, 4)]
    for index, (name, veto, deduct) in enumerate(items):
        y = legend + gap + index * (row + gap)
        veto_w = bar_w * veto / top
        deduct_w = bar_w * deduct / top
        parts.append(
            f'<g><title>{esc(name)}：单项否决 {veto}，扣分 {deduct}</title>'
            f'<text x="{label_w - 8:.0f}" y="{y + row / 2 + 4.5:.1f}" text-anchor="end" font-size="{size}">'
            f'{esc(clip(name, size, label_w - 12))}</text>'
            f'<rect x="{label_w:.0f}" y="{y}" width="{veto_w:.1f}" height="{row}" fill="{VETO_COLOR}"/>'
            f'<rect x="{label_w + veto_w:.1f}" y="{y}" width="{deduct_w:.1f}" height="{row}" fill="{DEDUCT_COLOR}"/>'
            f'<text x="{label_w + veto_w + deduct_w + 6:.1f}" y="{y + row / 2 + 4.5:.1f}" font-size="{size}">'
            f'{veto + deduct}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def trend_chart(runs: list[dict], label: str = "") -> str:
    """Vertical stacked bars (单项否决 + 扣分) per run, oldest first, with the total above each bar."""
    size, legend, left, bottom, plot_h = 12, 26, 44, 40, 180
    slot = 64
    width = max(240, left + max(1, len(runs)) * slot + 20)
    height = legend + 16 + plot_h + bottom
    step_value = -(-max([run.get("veto", 0) + run.get("deduct", 0) for run in runs] + [1]) // 4)  # whole ticks
    top = step_value * 4
    base_y = legend + 16 + plot_h
    parts = [(f'<svg class="chart" role="img" aria-label="{esc(label)}" xmlns="http://www.w3.org/2000/svg" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'),
             _legend(left, 4)]
    for step in range(5):  # gridlines with their values
        y = base_y - plot_h * step / 4
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="{size - 1}" fill="#666">'
                     f'{step_value * step}</text>')
    for index, run in enumerate(runs):
        veto, deduct = int(run.get("veto", 0) or 0), int(run.get("deduct", 0) or 0)
        x = left + index * slot + 14
        veto_h, deduct_h = plot_h * veto / top, plot_h * deduct / top
        parts.append(
            f'<g><title>第 {esc(run.get("run_id"))} 次运行（{esc(run.get("as_of"))}）：'
            f'单项否决 {veto}，扣分 {deduct}</title>'
            f'<rect x="{x}" y="{base_y - veto_h:.1f}" width="36" height="{veto_h:.1f}" fill="{VETO_COLOR}"/>'
            f'<rect x="{x}" y="{base_y - veto_h - deduct_h:.1f}" width="36" height="{deduct_h:.1f}" '
            f'fill="{DEDUCT_COLOR}"/>'
            f'<text x="{x + 18}" y="{base_y - veto_h - deduct_h - 4:.1f}" text-anchor="middle" '
            f'font-size="{size}">{veto + deduct}</text>'
            f'<text x="{x + 18}" y="{base_y + 15}" text-anchor="middle" font-size="{size}">'
            f'#{esc(run.get("run_id"))}</text>'
            f'<text x="{x + 18}" y="{base_y + 30}" text-anchor="middle" font-size="{size - 2}" fill="#555">'
            f'{esc(str(run.get("as_of") or "")[5:])}</text></g>')
    parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{base_y}" y2="{base_y}" stroke="#888"/></svg>')
    return "".join(parts)


def _legend(x: float, y: float) -> str:
    return (f'<g font-size="12"><rect x="{x:.0f}" y="{y}" width="12" height="12" fill="{VETO_COLOR}"/>'
            f'<text x="{x + 16:.0f}" y="{y + 11}">单项否决</text>'
            f'<rect x="{x + 80:.0f}" y="{y}" width="12" height="12" fill="{DEDUCT_COLOR}"/>'
            f'<text x="{x + 96:.0f}" y="{y + 11}">扣分</text></g>')


# ---------------------------------------------------------------- the page

class _Page:
    def __init__(self, report, check_title, evidence_text, severity_name):
        self.report = report
        self.check_title = check_title
        self.evidence_text = evidence_text
        self.severity_name = severity_name
        self.problems = report.problems
        self.notices = report.notices + report.account_notices
        self.marked = report.marked
        self.fixed = report.fixed

    def render(self) -> str:
        run = self.report.run or {}
        title = f"政府网站检查报告（监测时间点 {run.get('as_of') or ''}）"
        body = [self.header(), self.nav(), self.charts(), self.scorecard(), self.problem_table(),
                self.accounts_section(), self.fixed_section(), self.marked_section(), self.notice_section(),
                (f'<footer>本报告由 zwgk 生成于 {esc(datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"))}'
                f'，为离线单文件，不引用任何外部资源。</footer>')]
        return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                f'<meta http-equiv="Content-Security-Policy" content="{_csp()}">\n'
                '<meta name="referrer" content="no-referrer">\n'
                '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
                + "\n".join(body) + f"\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n")

    # -- 1. header and counts
    def header(self) -> str:
        report, run = self.report, self.report.run or {}
        total = report.pass_rates().get("全部", {"sites": 0, "passed": 0, "rate": 0.0}) if report.sites else \
            {"sites": 0, "passed": 0, "rate": 0.0}
        veto = sum(1 for _, f in self.problems if f["severity"] == "veto")
        deduct = sum(1 for _, f in self.problems if f["severity"] == "deduct")
        meta = [("监测时间点", run.get("as_of")), ("运行编号", f"#{run.get('id', '')}"),
                ("开始时间", run.get("started")), ("结束时间", run.get("finished"))]
        cards = [("检查网站", total["sites"], ""), ("合格", total["passed"], "ok"),
                 ("不合格", total["sites"] - total["passed"], "bad" if total["sites"] - total["passed"] else ""),
                 ("合格率", percent(total["rate"]), ""), ("单项否决", veto, "bad" if veto else ""),
                 ("扣分", deduct, ""), ("提示（不计分）", len(self.notices), ""),
                 ("已整改", len(self.fixed), "ok" if self.fixed else ""), ("误报/已接受", len(self.marked), "")]
        out = ['<header id="top"><h1>政府网站检查报告</h1><p class="meta">',
               "".join(f'<span><b>{esc(name)}</b> {esc(value)}</span>' for name, value in meta if value),
               "</p>"]
        notes = []
        if report.filters.get("new_since"):
            notes.append(f"仅列出第 {esc(report.filters['new_since'])} 次运行之后新发现的问题")
        if report.filters.get("open_runs"):
            notes.append(f"仅列出至少连续出现 {esc(report.filters['open_runs'])} 次运行的问题（多次通报仍未整改）")
        if notes:
            out.append(f'<p class="note">筛选：{"；".join(notes)}。结论与得分按全部问题计算。</p>')
        out.append('<div class="cards">')
        out += [f'<div class="card {cls}"><div class="num">{esc(value)}</div><div class="lbl">{esc(name)}</div></div>'
                for name, value, cls in cards]
        out.append("</div>")
        for by, name in (("region", "地区"), ("unit_type", "单位类型")):
            rates = report.pass_rates(by) if report.sites else {}
            if len(rates) > 1:
                out.append(f'<h3>按{name}统计合格率</h3><table class="rates"><thead><tr><th>{name}</th>'
                           "<th>网站数</th><th>合格</th><th>不合格</th><th>合格率</th></tr></thead><tbody>")
                out += [f"<tr><td>{esc(group)}</td><td>{esc(r['sites'])}</td><td>{esc(r['passed'])}</td>"
                        f"<td>{esc(r['sites'] - r['passed'])}</td><td>{esc(percent(r['rate']))}</td></tr>"
                        for group, r in rates.items()]
                out.append("</tbody></table>")
        out.append("</header>")
        return "".join(out)

    def nav(self) -> str:
        entries = [("charts", "统计图"), ("scorecard", "网站结论"), ("problems", f"问题清单（{len(self.problems)}）"),
                   ("fixed", f"已整改（{len(self.fixed)}）"), ("marked", f"误报/已接受（{len(self.marked)}）"),
                   ("notices", f"提示（{len(self.notices)}）")]
        if self.report.accounts:
            entries.insert(3, ("newmedia", f"政务新媒体（{len(self.report.accounts)}）"))
        return '<nav class="toc">' + "".join(f'<a href="#{key}">{esc(name)}</a>' for key, name in entries) + "</nav>"

    # -- 2. charts
    def charts(self) -> str:
        by_code: dict[str, int] = {}
        for _, finding in self.problems:
            by_code[finding["check_code"]] = by_code.get(finding["check_code"], 0) + 1
        types = sorted(((self.check_title(code), n) for code, n in by_code.items()), key=lambda item: (-item[1], item[0]))
        per_site = [(site.name, sum(1 for f in site.problems if f["severity"] == "veto"),
                     sum(1 for f in site.problems if f["severity"] == "deduct")) for site in self.report.sites]
        runs = list(self.report.trend or [])
        run = self.report.run or {}
        if not runs:  # a run without problems still shows its (empty) bar
            runs = [{"run_id": run.get("id"), "as_of": run.get("as_of"), "veto": 0, "deduct": 0, "by_code": {}}]
        empty = '<p class="empty">本次检查未发现问题。</p>'
        return ('<section id="charts"><h2>统计图</h2><div class="charts">'
                f'<figure id="chart-types"><figcaption>各类问题数量</figcaption>'
                f'{hbar_chart(types, label="各类问题数量") if types else empty}</figure>'
                f'<figure id="chart-sites"><figcaption>各网站问题数量</figcaption>'
                f'{stacked_chart(per_site, label="各网站问题数量") if per_site else empty}</figure>'
                f'<figure id="chart-trend"><figcaption>历次运行问题数量趋势（最近 {len(runs)} 次）</figcaption>'
                f'{trend_chart(runs, label="历次运行问题数量趋势")}</figure>'
                "</div></section>")

    # -- 3. scorecard
    def scorecard(self) -> str:
        sites = self.report.sites
        with_region = any(site.region for site in sites)
        with_type = any(site.unit_type for site in sites)
        with_guides = any((site.guides or {}).get("found") for site in sites)
        head = ["网站名称", "网站标识码", "主办单位", *(["地区"] if with_region else []),
                *(["单位类型"] if with_type else []), "结论", "得分", "不合格原因", "单项否决", "扣分", "提示",
                "已整改", "误报/已接受", *(["办事指南（完整/总数）"] if with_guides else [])]
        rows = []
        for site in sites:
            v = site.verdict
            cells = [(f'{link(site.home, site.name) if site.home else esc(site.name)}'
                     f'<div class="sub">{esc(site.id)}</div>'), esc(site.identifier), esc(site.organizer)]
            if with_region:
                cells.append(esc(site.region))
            if with_type:
                cells.append(esc(site.unit_type))
            reasons = "".join(f"<li>{esc(reason)}</li>" for reason in v.reasons)
            cells += [f'<span class="verdict {"pass" if v.passed else "fail"}">{esc(v.label)}</span>',
                      esc(f"{v.score:.1f}" if isinstance(v.score, (int, float)) else v.score),
                      f"<ul>{reasons}</ul>" if reasons else "—",
                      esc(sum(1 for f in site.problems if f["severity"] == "veto")),
                      esc(sum(1 for f in site.problems if f["severity"] == "deduct")),
                      esc(len(site.notices)), esc(len(site.fixed)), esc(len(site.marked))]
            if with_guides:
                guides = site.guides or {}
                cells.append(esc(f"{guides.get('complete', 0)}/{guides.get('found', 0)}"))
            rows.append(f'<tr class="{"" if v.passed else "failed"}">' +
                        "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
        return ('<section id="scorecard"><h2>网站结论</h2>'
                + _table("scores", head, rows, "没有检查任何网站。") + "</section>")

    # -- 4. the problem table with its filters
    def problem_table(self) -> str:
        sites: dict[str, str] = {}
        codes: dict[str, str] = {}
        states: list[str] = []
        rows = []
        for index, (site, f) in enumerate(self.problems, start=1):
            sites.setdefault(site.id, site.name)
            codes.setdefault(f["check_code"], self.check_title(f["check_code"]))
            state = f.get("state") or ""
            if state and state not in states:
                states.append(state)
            severity = f["severity"]
            shot = screenshot_uri(self.report.base, f.get("screenshot") or "")
            evidence = esc(self.evidence_text(f))
            if shot:
                evidence += (f'<div><img class="shot" src="{esc(shot)}" alt="页面截图" '
                             'title="点击放大/缩小"></div>')
            cells = [f'{index}<div class="sub" title="问题编号（可用于 zwgk mark）">#{esc(f.get("id"))}</div>',
                     esc(site.name), esc(self.check_title(f["check_code"])),
                     f'<span class="sev {SEVERITY_CLASS.get(severity, "")}">{esc(self.severity_name(severity))}</span>',
                     esc(f.get("detail")), link(f.get("url")), link(f.get("source_url")),
                     esc(f.get("first_seen")), esc(f.get("runs_seen")),
                     f'<span class="state {STATE_CLASS.get(state, "")}">{esc(state)}</span>', evidence]
            rows.append(f'<tr data-site="{esc(site.id)}" data-type="{esc(f["check_code"])}" '
                        f'data-sev="{esc(severity)}" data-state="{esc(state)}">'
                        + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
        head = ["序号", "网站", "问题类型", "否决/扣分", "问题描述", "问题链接", "所在页面", "首次发现", "连续出现次数",
                "整改情况", "证据"]
        severities = [(key, self.severity_name(key)) for key in ("veto", "deduct")
                      if any(f["severity"] == key for _, f in self.problems)]
        filters = (
            '<div class="filters" id="problem-filters">'
            '<label>搜索 <input type="search" id="f-text" placeholder="输入关键词，如网站名、链接、描述" '
            'autocomplete="off"></label>'
            + _select("f-site", "网站", sites.items())
            + _select("f-type", "问题类型", sorted(codes.items(), key=lambda item: item[1]))
            + _select("f-sev", "否决/扣分", severities)
            + _select("f-state", "整改情况", [(state, state) for state in states])
            + '<button type="button" id="f-reset">清除筛选</button>'
            f'<span class="count">显示 <b id="f-shown">{len(rows)}</b> / <b id="f-total">{len(rows)}</b> 条</span>'
            "</div>")
        return ('<section id="problems"><h2>问题清单</h2>'
                '<p class="hint">不含提示类信息和已标记为误报/已接受的问题。链接为被检查网站的地址，请谨慎打开。</p>'
                + (filters if rows else "")
                + _table("problem-table", head, rows, "本次检查未发现问题。", "problems-table") + "</section>")

    # -- 5. fixed, marked, notices
    # -- 4b. 政务新媒体, apart from the websites as circulars keep them
    def accounts_section(self) -> str:
        accounts = self.report.accounts
        if not accounts:
            return ""
        rows = []
        for account in accounts:
            v = account.verdict
            reasons = "".join(f"<li>{esc(reason)}</li>" for reason in v.reasons)
            state = esc(account.problem) if account.problem else esc(account.newest.replace("T", " ") or "无")
            cells = [f'{link(account.home, account.name)}<div class="sub">{esc(account.id)}</div>',
                     esc(account.platform_name), esc(account.organizer),
                     f'<span class="verdict {"pass" if v.passed else "fail"}">{esc(v.label)}</span>', state,
                     f"<ul>{reasons}</ul>" if reasons else "—",
                     esc(sum(1 for f in account.problems if f["severity"] == "veto")),
                     esc(sum(1 for f in account.problems if f["severity"] == "deduct")), esc(len(account.notices))]
            rows.append(f'<tr class="{"" if v.passed else "failed"}">' +
                        "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
        head = ["账号名称", "平台", "主办单位", "结论", "最近发布时间", "不合格原因", "单项否决", "扣分", "提示"]
        problems = []
        for index, (account, f) in enumerate(self.report.account_problems, start=1):
            severity = f["severity"]
            cells = [str(index), esc(account.name), esc(account.platform_name), esc(self.check_title(f["check_code"])),
                     f'<span class="sev {SEVERITY_CLASS.get(severity, "")}">{esc(self.severity_name(severity))}</span>',
                     esc(f.get("detail")), link(f.get("url")), link(f.get("source_url")), esc(f.get("first_seen")),
                     esc(self.evidence_text(f))]
            problems.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
        problem_head = ["序号", "账号名称", "平台", "问题类型", "否决/扣分", "问题描述", "问题链接", "发现位置", "首次发现",
                        "证据"]
        return ('<section id="newmedia"><h2>政务新媒体</h2>'
                '<p class="hint">政务新媒体账号按单项否决项判定合格与否；平台无法读取的账号列在提示中，不判断更新情况。</p>'
                + _table("account-scores", head, rows, "没有检查任何政务新媒体账号。")
                + "<h3>政务新媒体问题清单</h3>"
                + _table("account-problems", problem_head, problems, "政务新媒体账号未发现问题。") + "</section>")

    def fixed_section(self) -> str:
        rows = []
        for index, (site, row) in enumerate(self.fixed, start=1):
            cells = [esc(index), esc(site.name), esc(self.check_title(row.get("check_code"))),
                     esc(self.severity_name(row.get("severity") or "")), esc(row.get("detail")),
                     link(row.get("url")), esc(row.get("first_seen")), esc(row.get("last_seen"))]
            rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
        head = ["序号", "网站", "问题类型", "否决/扣分", "问题描述", "问题链接", "首次发现", "最后发现"]
        return ('<section id="fixed"><h2>已整改</h2><p class="hint">上一次检查发现、本次检查不再出现的问题。</p>'
                + _table("fixed-table", head, rows, "与上一次检查相比，没有已整改的问题。") + "</section>")

    def marked_section(self) -> str:
        rows = []
        for index, (site, row) in enumerate(self.marked, start=1):
            mark = row.get("mark") or {}
            cells = [esc(index), esc(site.name), esc(self.check_title(row.get("check_code"))),
                     esc(self.severity_name(row.get("severity") or "")), esc(row.get("detail")),
                     link(row.get("url")), esc(mark.get("status")), esc(mark.get("reason")), esc(mark.get("at"))]
            rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
        head = ["序号", "网站", "问题类型", "否决/扣分", "问题描述", "问题链接", "标记", "理由", "标记时间"]
        return ('<section id="marked"><h2>误报/已接受</h2><p class="hint">检查人员标记的问题，不计入结论和问题清单。</p>'
                + _table("marked-table", head, rows, "没有标记为误报或已接受的问题。") + "</section>")

    def notice_section(self) -> str:
        rows = []
        for index, (site, row) in enumerate(self.notices, start=1):
            cells = [esc(index), esc(site.name), esc(self.check_title(row.get("check_code"))), esc(row.get("detail")),
                     link(row.get("url")), link(row.get("source_url")), esc(self.evidence_text(row))]
            rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
        head = ["序号", "网站", "问题类型", "问题描述", "问题链接", "所在页面", "证据"]
        return ('<section id="notices"><h2>提示</h2><p class="hint">供参考的提示信息，不计入结论和得分。</p>'
                + _table("notice-table", head, rows, "没有提示信息。") + "</section>")


def _table(table_id: str, head: list[str], rows: list[str], empty: str, tbody_id: str = "") -> str:
    if not rows:
        return f'<p class="empty">{esc(empty)}</p>'
    return (f'<table id="{table_id}"><thead><tr>' + "".join(f"<th>{esc(name)}</th>" for name in head)
            + "</tr></thead><tbody" + (f' id="{tbody_id}"' if tbody_id else "") + ">" + "".join(rows)
            + "</tbody></table>")


def _select(select_id: str, label: str, options) -> str:
    return (f'<label>{esc(label)} <select id="{select_id}"><option value="">全部</option>'
            + "".join(f'<option value="{esc(value)}">{esc(name)}</option>' for value, name in options)
            + "</select></label>")


STYLE = """
:root { --fg: #1f2328; --muted: #5c6370; --line: #d6d9de; --head: #eef2f7; --bad: #c62828; --ok: #2e7d32; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #f6f7f9; font: 14px/1.55 FONTS; }
main { max-width: 1480px; margin: 0 auto; padding: 20px 24px 40px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 6px; letter-spacing: 2px; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #3a6ea5; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.meta span { margin-right: 22px; color: var(--muted); }
.meta b { color: var(--fg); font-weight: 600; }
.note { background: #fff8e1; border-left: 4px solid #f0b400; padding: 6px 10px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { min-width: 104px; padding: 8px 14px; border: 1px solid var(--line); border-radius: 6px; text-align: center; }
.card .num { font-size: 22px; font-weight: 700; }
.card .lbl { color: var(--muted); font-size: 13px; }
.card.bad .num { color: var(--bad); }
.card.ok .num { color: var(--ok); }
.toc { position: sticky; top: 0; z-index: 2; background: #fff; padding: 8px 0; border-bottom: 1px solid var(--line); }
.toc a { margin-right: 18px; color: #2b5b8c; text-decoration: none; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
figure { margin: 0; max-width: 100%; overflow-x: auto; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg.chart text { fill: #333; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 5px 7px; vertical-align: top; text-align: left; }
th { background: var(--head); font-weight: 600; white-space: nowrap; position: sticky; top: 38px; }
table.rates { width: auto; }
td { overflow-wrap: anywhere; word-break: break-word; }
#problem-table td:nth-child(2) { min-width: 7em; }
#problem-table td:nth-child(3) { min-width: 6.5em; }
#problem-table td:nth-child(5) { min-width: 15em; }
#problem-table td:nth-child(6), #problem-table td:nth-child(7) { min-width: 11em; max-width: 20em; font-size: 12.5px; }
#problem-table td:nth-child(8) { white-space: nowrap; }
#problem-table td:nth-child(11) { min-width: 15em; max-width: 26em; font-size: 12px; color: var(--muted); }
#scores td:nth-child(1) { min-width: 8em; }
#scores td:nth-child(2) { white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafbfc; }
tr[hidden] { display: none; }
tr.failed td { background: #fdecea; }
.verdict { font-weight: 700; padding: 1px 8px; border-radius: 3px; white-space: nowrap; }
.verdict.fail { color: #fff; background: var(--bad); }
.verdict.pass { color: var(--ok); border: 1px solid var(--ok); }
.sev, .state { white-space: nowrap; }
.sev.veto { color: var(--bad); font-weight: 700; }
.sev.deduct { color: #b35c00; }
.st-new { color: #1565c0; }
.st-again { color: var(--bad); }
.sub { color: var(--muted); font-size: 12px; white-space: nowrap; }
td ul { margin: 0; padding-left: 1.2em; }
.filters { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: center; padding: 8px 10px;
  background: var(--head); border-radius: 6px; }
.filters input[type=search] { width: 20em; padding: 3px 6px; }
.filters select { max-width: 16em; padding: 2px 4px; }
.filters .count { margin-left: auto; }
.hint, .empty { color: var(--muted); }
img.shot { max-width: 160px; max-height: 110px; margin-top: 4px; border: 1px solid var(--line); cursor: zoom-in; }
img.shot.big { position: fixed; inset: 3vh 3vw; max-width: 94vw; max-height: 94vh; margin: auto; z-index: 10;
  background: #fff; box-shadow: 0 0 0 100vmax rgba(0,0,0,.55); cursor: zoom-out; }
a { color: #2b5b8c; }
footer { margin-top: 30px; color: var(--muted); font-size: 12px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .toc, .filters { display: none; }
  th { position: static; white-space: normal; }
  table { font-size: 9pt; }
  td, #problem-table td:nth-child(n), #scores td:nth-child(n) { min-width: 0; max-width: none; }
  #problem-table td:nth-child(6), #problem-table td:nth-child(7), #problem-table td:nth-child(11) { font-size: 8pt; }
  thead { display: table-header-group; }
  tr, figure, .card { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  tr.failed td, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  img.shot.big { position: static; box-shadow: none; }
}
""".replace("FONTS", FONT_STACK)

# The filter script: compares data-* attributes with the selected values and searches each row's text.
SCRIPT = """
(function () {
  "use strict";
  var body = document.getElementById("problems-table");
  var text = document.getElementById("f-text");
  if (body && text) {
    var rows = Array.prototype.slice.call(body.rows);
    var haystack = rows.map(function (row) { return row.textContent.toLowerCase(); });
    var selects = [["f-site", "site"], ["f-type", "type"], ["f-sev", "sev"], ["f-state", "state"]].map(
      function (pair) { return [document.getElementById(pair[0]), pair[1]]; });
    var shown = document.getElementById("f-shown");
    var apply = function () {
      var words = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
      var count = 0;
      rows.forEach(function (row, index) {
        var ok = selects.every(function (pair) { return !pair[0].value || row.dataset[pair[1]] === pair[0].value; })
          && words.every(function (word) { return haystack[index].indexOf(word) !== -1; });
        row.hidden = !ok;
        if (ok) { count += 1; }
      });
      shown.textContent = String(count);
    };
    text.addEventListener("input", apply);
    selects.forEach(function (pair) { pair[0].addEventListener("change", apply); });
    document.getElementById("f-reset").addEventListener("click", function () {
      text.value = "";
      selects.forEach(function (pair) { pair[0].value = ""; });
      apply();
    });
    apply();
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.classList && target.classList.contains("shot")) { target.classList.toggle("big"); }
  });
})();
"""
