"""The problem list as an xlsx shaped like a circular's attachment: 汇总 + 问题清单 (+ 提示)."""

from __future__ import annotations

import xlsxwriter

PROBLEM_HEADER = ["序号", "单位/网站名称", "网站标识码", "问题类型", "单项否决/扣分", "问题描述", "问题链接",
                  "所在页面", "发现时间", "首次发现", "证据"]
WIDTHS = [6, 22, 13, 14, 12, 48, 48, 40, 12, 12, 60]


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
    if report.notices:
        _findings_sheet(book, "提示（不计入结论）", report.notices, head, cell, check_title, severity_name,
                        evidence_text)
    book.close()


def _or_dash(value):
    return "—" if value is None else value


def _findings_sheet(book, name, rows, head, cell, check_title, severity_name, evidence_text):
    sheet = book.add_worksheet(name)
    sheet.write_row(0, 0, PROBLEM_HEADER, head)
    for index, (site, finding) in enumerate(rows, start=1):
        values = [site.name, site.identifier, check_title(finding["check_code"]),
                  severity_name(finding["severity"]), finding["detail"], finding["url"], finding["source_url"] or "",
                  finding["last_seen"], finding["first_seen"], evidence_text(finding)]
        sheet.write_number(index, 0, index, cell)
        for col, value in enumerate(values, start=1):
            sheet.write_string(index, col, str(value or ""), cell)
    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(PROBLEM_HEADER) - 1)
