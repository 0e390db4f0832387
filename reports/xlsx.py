"""The problem list as an xlsx shaped like a circular's attachment: 汇总 + 问题清单 (+ 提示)."""

from __future__ import annotations

import xlsxwriter

PROBLEM_HEADER = ["序号", "单位/网站名称", "网站标识码", "问题类型", "单项否决/扣分", "问题描述", "问题链接",
                  "所在页面", "发现时间", "首次发现", "连续出现次数", "整改情况", "证据", "截图"]
WIDTHS = [6, 22, 13, 14, 12, 48, 48, 40, 12, 12, 10, 10, 60, 30]
ACCOUNT_HEADER = ["序号", "账号名称", "平台", "主办单位", "问题类型", "单项否决/扣分", "问题描述", "最近发布时间", "问题链接",
                  "发现位置", "发现时间", "首次发现", "连续出现次数", "整改情况", "证据"]
ACCOUNT_WIDTHS = [6, 20, 12, 22, 16, 12, 48, 17, 48, 40, 12, 12, 10, 10, 60]
SCORE_HEADER = ["序号", "网站名称", "网站标识码", "地区", "单位类型", "结论", "得分", "分档", "单项否决项", "扣分项",
                "多次出现未整改", "新发现", "已整改", "不合格原因"]


def write(report, path: str) -> None:
    from . import check_title, evidence_text, severity_name

    book = xlsxwriter.Workbook(path, {"strings_to_formulas": False, "strings_to_urls": False,
                                      "strings_to_numbers": False})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"})
    cell = book.add_format({"border": 1, "text_wrap": True, "valign": "top"})
    bad = book.add_format({"border": 1, "font_color": "#C00000", "bold": True, "valign": "top"})

    codes = sorted({f["check_code"] for _, f in report.problems})
    summary = book.add_worksheet("汇总")
    header = ["序号", "网站名称", "网站标识码", "主办单位", "首页地址", "结论", "得分", "问题总数"]
    header += [check_title(code) for code in codes] + ["办事指南数", "要素齐全", "要素缺失", "最常缺失要素"]
    header += ["留言数", "已回复", "按时回复", "回复用时中位数（工作日）", "需解读文件", "已解读", "解读率", "不合格原因"]
    summary.write_row(0, 0, header, head)
    for index, site in enumerate(report.sites, start=1):
        row = [index, site.name, site.identifier, site.organizer, site.home, site.verdict.label,
               site.verdict.score, len(site.problems)]
        row += [site.verdict.counts.get(code, 0) for code in codes]
        row += [site.guides.get("found", 0), site.guides.get("complete", 0), site.guides.get("incomplete", 0),
                "、".join(f"{m['element']}({m['guides']})" for m in site.guides.get("most_missing", [])[:3])]
        messages = site.interaction.get("messages", {})
        documents = site.interaction.get("interpretations", {})
        row += [messages.get("messages", 0), messages.get("answered", 0), messages.get("on_time", 0),
                _or_dash(messages.get("median_workdays")), documents.get("documents", 0),
                documents.get("interpreted", 0),
                "—" if documents.get("ratio") is None else f"{documents['ratio']:.0%}", "；".join(site.verdict.reasons)]
        for col, value in enumerate(row):
            fmt = bad if col == 5 and not site.verdict.passed else cell
            if isinstance(value, str):
                summary.write_string(index, col, value, fmt)
            else:
                summary.write_number(index, col, value, fmt)
    summary.set_column(0, 0, 6)
    summary.set_column(1, 4, 20)
    summary.set_column(len(header) - 1, len(header) - 1, 60)
    summary.freeze_panes(1, 0)

    _findings_sheet(book, "问题清单", report.problems, head, cell, check_title, severity_name, evidence_text)
    if report.accounts:  # websites and new media go in separate attachments, as circulars do
        _accounts_sheet(book, report.account_problems, head, cell, check_title, severity_name, evidence_text)
    _scorecard(book, report, head, cell, bad)
    if report.fixed:
        _findings_sheet(book, "已整改", [(site, {**f, "runs_seen": "", "state": "已整改"}) for site, f in report.fixed],
                        head, cell, check_title, severity_name, evidence_text)
    if report.marked:
        _findings_sheet(book, "误报或已接受", [(site, {**f, "state": f"{f['mark']['status']}：{f['mark']['reason']}"})
                                          for site, f in report.marked], head, cell, check_title, severity_name,
                        evidence_text)
    notices = report.notices + report.account_notices
    if notices:
        _findings_sheet(book, "提示（不计入结论）", notices, head, cell, check_title, severity_name,
                        evidence_text)
    book.close()


def _scorecard(book, report, head, cell, bad) -> None:
    """计分表: each site's verdict and score, and the 合格率 of all, per region and per unit type."""
    sheet = book.add_worksheet("计分")
    sheet.write_row(0, 0, SCORE_HEADER, head)
    for index, site in enumerate(report.sites, start=1):
        problems = site.problems
        row = [index, site.name, site.identifier, site.region, site.unit_type, site.verdict.label, site.verdict.score,
               site.verdict.band, sum(f["severity"] == "veto" for f in problems), sum(f["severity"] == "deduct" for f in problems),
               sum(f.get("runs_seen", 1) >= 2 and f.get("state") != "新发现" for f in problems),
               sum(f.get("state") == "新发现" for f in problems), len(site.fixed), "；".join(site.verdict.reasons)]
        for col, value in enumerate(row):
            fmt = bad if col == 5 and not site.verdict.passed else cell
            (sheet.write_string if isinstance(value, str) else sheet.write_number)(index, col, value, fmt)
    for index, account in enumerate(report.accounts, start=len(report.sites) + 1):  # new media: vetoes decide
        problems = account.problems
        row = [index, f"{account.name}（{account.platform_name}）", "", "", "", account.verdict.label,
               account.verdict.score, "政务新媒体（按单项否决判定）", sum(f["severity"] == "veto" for f in problems),
               sum(f["severity"] == "deduct" for f in problems),
               sum(f.get("runs_seen", 1) >= 2 and f.get("state") != "新发现" for f in problems),
               sum(f.get("state") == "新发现" for f in problems), len(account.fixed),
               "；".join(account.verdict.reasons)]
        for col, value in enumerate(row):
            fmt = bad if col == 5 and not account.verdict.passed else cell
            (sheet.write_string if isinstance(value, str) else sheet.write_number)(index, col, value, fmt)
    line = len(report.sites) + len(report.accounts) + 2
    for by, title in (("", "全部"), ("region", "地区"), ("unit_type", "单位类型")):
        rates = report.pass_rates(by)
        if by and len(rates) < 2:
            continue
        sheet.write_row(line, 0, [f"合格率（{title}）", "检查网站数", "合格", "合格率"], head)
        for name, rate in rates.items():
            line += 1
            sheet.write_row(line, 0, [name, rate["sites"], rate["passed"], f"{rate['rate']:.1%}"], cell)
        line += 2
    sheet.set_column(1, 1, 22)
    sheet.set_column(len(SCORE_HEADER) - 1, len(SCORE_HEADER) - 1, 60)
    sheet.freeze_panes(1, 0)


def _or_dash(value):
    return "—" if value is None else value


def _findings_sheet(book, name, rows, head, cell, check_title, severity_name, evidence_text):
    _numbered_sheet(book.add_worksheet(name), PROBLEM_HEADER, WIDTHS, head, cell, [
        [site.name, site.identifier, check_title(finding["check_code"]), severity_name(finding["severity"]),
         finding["detail"], finding["url"], finding["source_url"] or "", finding["last_seen"], finding["first_seen"],
         finding.get("runs_seen", ""), finding.get("state", ""), evidence_text(finding), finding.get("screenshot", "")]
        for site, finding in rows])


def _accounts_sheet(book, rows, head, cell, check_title, severity_name, evidence_text):
    """政务新媒体: the accounts' problems, one row each, with the platform and the newest post."""
    _numbered_sheet(book.add_worksheet("政务新媒体"), ACCOUNT_HEADER, ACCOUNT_WIDTHS, head, cell, [
        [account.name, account.platform_name, account.organizer, check_title(finding["check_code"]),
         severity_name(finding["severity"]), finding["detail"], account.newest.replace("T", " "), finding["url"],
         finding["source_url"] or "", finding["last_seen"], finding["first_seen"], finding.get("runs_seen", ""),
         finding.get("state", ""), evidence_text(finding)]
        for account, finding in rows])


def _numbered_sheet(sheet, header, widths, head, cell, rows: list[list]) -> None:
    """A problem list: 序号 then the values, numbers as numbers, a frozen header with filters."""
    sheet.write_row(0, 0, header, head)
    for index, values in enumerate(rows, start=1):
        sheet.write_number(index, 0, index, cell)
        for col, value in enumerate(values, start=1):
            if isinstance(value, int):
                sheet.write_number(index, col, value, cell)
            else:
                sheet.write_string(index, col, str(value or ""), cell)
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(header) - 1)
