"""Exports from a real crawl's database; hostile page text never becomes a formula."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3

import openpyxl

from tests.conftest import run_zwgk

HOSTILE = '=HYPERLINK("http://evil.example/","点击")'


def test_xlsx_problem_list_is_shaped_like_a_circular_attachment(demo_crawl, tmp_path):
    out = tmp_path / "问题清单.xlsx"
    result = run_zwgk("report", "--db", demo_crawl["db"], "--format", "xlsx", "--out", str(out))
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:2] == ["汇总", "问题清单"]
    header = [cell.value for cell in book["问题清单"][1]]
    assert header[:8] == ["序号", "单位/网站名称", "网站标识码", "问题类型", "单项否决/扣分", "问题描述", "问题链接", "所在页面"]
    summary = {row[1]: row[5] for row in book["汇总"].iter_rows(min_row=2, values_only=True)}
    assert summary["义县人民政府"] == "不合格" and summary["锦州市司法局"] == "合格"
    rows = list(book["问题清单"].iter_rows(min_row=2, values_only=True))
    assert any(row[3] == "链接不可用" and "jihua.pdf" in row[6] for row in rows)
    assert all(row[4] != "提示" for row in rows)  # notices are listed apart


def test_csv_and_json_exports(demo_crawl, tmp_path):
    for fmt in ("csv", "json"):
        result = run_zwgk("report", "--db", demo_crawl["db"], "--format", fmt, "--out", str(tmp_path / f"p.{fmt}"),
                          "--site", "xq-gov")
        assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader((tmp_path / "p.csv").open(encoding="utf-8-sig")))
    assert {row["问题代码"] for row in rows} >= {"homepage_stale", "identity_missing", "column_empty"}
    data = json.loads((tmp_path / "p.json").read_text("utf-8"))
    assert [site["id"] for site in data["sites"]] == ["xq-gov"]
    assert data["sites"][0]["verdict"] == "不合格"
    assert all(isinstance(f["evidence"], dict) for f in data["sites"][0]["findings"])


def test_hostile_text_stays_text(demo_crawl, tmp_path):
    db = tmp_path / "hostile.db"
    shutil.copy(demo_crawl["db"], db)
    conn = sqlite3.connect(db)
    conn.execute("update findings set detail = ?, source_url = ? where id = (select min(id) from findings)",
                 [HOSTILE, "-2+3"])
    conn.commit()
    conn.close()
    assert run_zwgk("report", "--db", str(db), "--format", "xlsx", "--out", str(tmp_path / "h.xlsx")).returncode == 0
    assert run_zwgk("report", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "h.csv")).returncode == 0
    cells = [cell for row in openpyxl.load_workbook(tmp_path / "h.xlsx").worksheets[1].iter_rows() for cell in row
             if cell.value in (HOSTILE, "-2+3")]
    assert len(cells) == 2 and all(cell.data_type == "s" for cell in cells)
    text = (tmp_path / "h.csv").read_text("utf-8-sig")
    assert "'" + HOSTILE.replace('"', '""') in text and "'-2+3" in text


def test_report_on_missing_database_is_a_clear_error(tmp_path):
    result = run_zwgk("report", "--db", str(tmp_path / "none.db"), "--format", "xlsx", "--out", str(tmp_path / "x.xlsx"))
    assert result.returncode == 2 and "找不到数据库文件" in result.stderr
