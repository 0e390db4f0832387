"""The problem list as CSV (UTF-8 with BOM so that Excel/WPS open it right); formulas neutralised."""

from __future__ import annotations

import csv

HEADER = ["序号", "站点ID", "网站名称", "网站标识码", "问题代码", "问题类型", "单项否决/扣分", "问题描述", "问题链接",
          "所在页面", "发现时间", "首次发现", "指纹", "证据", "类别", "平台"]


def write(report, path: str) -> None:
    from . import check_title, neutralise, severity_name

    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        rows = report.problems + report.account_problems + report.notices + report.account_notices
        for index, (site, finding) in enumerate(rows, start=1):
            writer.writerow([neutralise(value) for value in (
                index, site.id, site.name, site.identifier, finding["check_code"], check_title(finding["check_code"]),
                severity_name(finding["severity"]), finding["detail"], finding["url"], finding["source_url"] or "",
                finding["last_seen"], finding["first_seen"], finding["fingerprint"], finding["evidence"],
                "政务新媒体" if site.kind == "account" else "网站", site.platform_name if site.kind == "account" else "",
            )])
