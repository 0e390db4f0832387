"""The circular draft (通报草稿, docx): 公文 layout, numbers that match the store, hostile text that
cannot break the file, and a problem-free run that still gives a valid circular."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn

from checks.verdict import verdict
from reports import Report, SiteReport
from reports.docx import write
from tests.conftest import AS_OF, run_zwgk

HOSTILE = "恶意\x01内容\x0b<w:t>注入</w:t>]]><![CDATA[&amp;</w:p>"
HOSTILE_CLEAN = "恶意内容<w:t>注入</w:t>]]><![CDATA[&amp;</w:p>"
PROBLEM_HEADER = ["序号", "地区/单位名称", "网站标识码", "问题类型", "单项否决/扣分", "问题描述", "问题链接", "发现时间",
                  "整改情况"]


def copy_db(source: str, folder: Path) -> Path:
    """The database with its WAL files, so the copy holds everything the crawl wrote."""
    target = folder / "zwgk.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(source + suffix).exists():
            shutil.copy(source + suffix, str(target) + suffix)
    return target


def export(db: Path, out: Path):
    result = run_zwgk("report", "--db", str(db), "--format", "docx", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return Document(str(out))


def store_facts(db: Path) -> dict:
    """Sites, verdicts and problems of the latest run, straight from SQLite."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        run = conn.execute("select * from runs order by id desc limit 1").fetchone()
        rows = [dict(row) for row in conn.execute("select * from findings where run_id = ?", [run["id"]])]
        marked = {row[0] for row in conn.execute("select fingerprint from marks")}
    finally:
        conn.close()
    sites = json.loads(run["sites"] or "[]") or sorted({row["site"] for row in rows})
    rows = [row for row in rows if row["fingerprint"] not in marked and row["site"] in sites]
    problems = [row for row in rows if row["severity"] != "notice"]
    scoring = json.loads(run["config"] or "{}").get("scoring") or {}  # a province's thresholds, if configured
    passed = sum(verdict(site, [row for row in rows if row["site"] == site], scoring).passed for site in sites)
    return {"sites": len(sites), "passed": passed, "problems": problems,
            "veto": sum(1 for row in problems if row["severity"] == "veto")}


@pytest.fixture(scope="module")
def circular(demo_crawl, tmp_path_factory):
    folder = tmp_path_factory.mktemp("docx")
    db = copy_db(demo_crawl["db"], folder)
    return {"doc": export(db, folder / "通报.docx"), "facts": store_facts(db)}


def texts(doc) -> list[str]:
    return [paragraph.text for paragraph in doc.paragraphs]


def east_asia(run) -> str | None:
    fonts = run._r.rPr.find(qn("w:rFonts")) if run._r.rPr is not None else None
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def paragraph_with(doc, start: str):
    return next(p for p in doc.paragraphs if p.text.startswith(start))


def test_title_headings_and_standard_parts(circular):
    doc = circular["doc"]
    as_of = date.fromisoformat(AS_OF)
    title = f"关于{as_of.year}年第{(as_of.month - 1) // 3 + 1}季度全市政府网站检查情况的通报"
    assert title == "关于2026年第4季度全市政府网站检查情况的通报"
    lines = texts(doc)
    assert title in lines
    for heading in ("一、总体情况", "二、主要问题", "三、工作要求"):
        assert heading in lines
        assert {east_asia(run) for run in paragraph_with(doc, heading).runs} == {"黑体"}
    assert lines.index("一、总体情况") < lines.index("二、主要问题") < lines.index("三、工作要求")
    assert "各县（市、区）人民政府，市政府各部门：" in lines
    assert "×政办函〔2026〕×号" in lines
    body = "\n".join(lines)
    assert "请各单位于2026年12月11日前完成整改" in body
    assert "约谈" in body and "附件：1. 政府网站检查问题清单" in body
    assert lines.index("2026年11月20日") < lines.index("附件1")  # 落款 before the attachment

    letterhead = paragraph_with(doc, "××市人民政府办公室")
    assert letterhead.runs[0].font.color.rgb == (0xC0, 0x00, 0x00)
    border = letterhead._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert border.get(qn("w:color")) == "C00000"
    title_run = paragraph_with(doc, title).runs[0]
    assert east_asia(title_run) == "方正小标宋简体" and title_run.font.size.pt == 22


def test_site_paragraphs_name_the_failed_sites_first(circular):
    doc = circular["doc"]
    sites = [p.text for p in doc.paragraphs if re.match(r"（[一二三四五六七八九十]+）.*网站标识码", p.text)]
    assert sites[0].startswith("（一）义县人民政府（网站标识码 2107270001）：该网站不合格")
    assert "不合格原因：" in sites[0] and "单项否决" in sites[0]
    verdicts = ["该网站不合格" in text for text in sites]
    assert verdicts == sorted(verdicts, reverse=True)  # every 不合格 site before the 合格 ones
    heading = paragraph_with(doc, "（一）义县人民政府")
    assert [east_asia(run) for run in heading.runs] == ["楷体_GB2312", "仿宋_GB2312"]


def test_pass_rate_and_problem_counts_match_the_store(circular):
    facts = circular["facts"]
    lines = texts(circular["doc"])
    overview = lines[lines.index("一、总体情况") + 1:lines.index("二、主要问题")]
    text = "".join(overview)
    assert "监测时间点为2026年11月20日" in text
    match = re.search(r"共检查政府网站(\d+)个，其中合格(\d+)个、不合格(\d+)个，合格率([\d.]+)%", text)
    assert match, text
    sites, passed, failed, rate = int(match[1]), int(match[2]), int(match[3]), float(match[4])
    assert (sites, passed, failed) == (facts["sites"], facts["passed"], facts["sites"] - facts["passed"])
    assert rate == pytest.approx(100 * facts["passed"] / facts["sites"], abs=0.05)
    problems = len(facts["problems"])
    assert problems > 0
    assert f"共发现问题{problems}个，其中单项否决问题{facts['veto']}个、扣分问题{problems - facts['veto']}个" in text
    assert "“链接不可用”" in text  # counts by problem type use the checks' titles


def test_attachment_table_lists_every_problem_with_a_repeating_header(circular):
    doc, facts = circular["doc"], circular["facts"]
    table = doc.tables[0]
    assert len(table.rows) == len(facts["problems"]) + 1
    assert [cell.text for cell in table.rows[0].cells] == PROBLEM_HEADER
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert [row[0] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]
    assert sorted(row[6] for row in rows) == sorted(f["url"] for f in facts["problems"])
    assert sorted(row[5] for row in rows) == sorted(f["detail"] for f in facts["problems"])
    assert {row[4] for row in rows} <= {"单项否决", "扣分"}
    assert {row[8] for row in rows} <= {"新发现", "仍存在", "再次出现"}
    cell_run = table.rows[1].cells[5].paragraphs[0].runs[0]
    assert east_asia(cell_run) == "仿宋_GB2312" and cell_run.font.size.pt == 10.5


def test_page_layout_and_body_fonts(circular):
    doc = circular["doc"]
    first, last = doc.sections[0], doc.sections[-1]
    assert len(doc.sections) == 2
    assert first.orientation == WD_ORIENT.PORTRAIT
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)
    margins = (first.top_margin.mm, first.bottom_margin.mm, first.left_margin.mm, first.right_margin.mm)
    assert margins == pytest.approx((37, 35, 28, 26), abs=0.1)
    assert last.orientation == WD_ORIENT.LANDSCAPE and last.page_width > last.page_height
    assert (round(last.page_width.mm), round(last.page_height.mm)) == (297, 210)

    lines = texts(doc)
    body = [p for p in doc.paragraphs[lines.index("一、总体情况") + 1:lines.index("二、主要问题")]]
    body.append(paragraph_with(doc, "为推进政府网站规范化建设"))
    for paragraph in body:
        fmt = paragraph.paragraph_format
        assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY and 28 <= fmt.line_spacing.pt <= 29
        assert fmt.first_line_indent.pt == 32
        for run in paragraph.runs:
            assert east_asia(run) == "仿宋_GB2312" and run.font.size.pt == 16


def test_hostile_finding_text_is_cleaned_not_fatal(demo_crawl, tmp_path):
    db = copy_db(demo_crawl["db"], tmp_path)
    conn = sqlite3.connect(db)
    run_id = conn.execute("select max(id) from runs").fetchone()[0]
    columns = [row[1] for row in conn.execute("pragma table_info(findings)") if row[1] != "id"]
    source = conn.execute("select min(id) from findings where run_id = ? and severity = 'deduct'", [run_id]).fetchone()[0]
    copied = ", ".join("'hostile-fingerprint'" if c == "fingerprint" else "?" if c == "detail" else c for c in columns)
    conn.execute(f"insert into findings ({', '.join(columns)}) select {copied} from findings where id = ?",
                 [HOSTILE, source])
    conn.commit()
    conn.close()
    facts = store_facts(db)
    doc = export(db, tmp_path / "hostile.docx")
    details = [row.cells[5].text for row in doc.tables[0].rows[1:]]
    assert len(details) == len(facts["problems"])
    assert HOSTILE_CLEAN in details
    assert not any(ch in "".join(details) for ch in "\x01\x0b")


def _finding(site: str, code: str, severity: str, n: int, state: str = "新发现", runs_seen: int = 1) -> dict:
    return {"id": n, "site": site, "check_code": code, "severity": severity, "url": f"http://{site}.example/{n}",
            "source_url": "", "detail": f"问题{n}", "evidence": "{}", "fingerprint": f"fp{n}",
            "first_seen": "2026-08-20", "last_seen": "2026-11-20", "state": state, "runs_seen": runs_seen,
            "mark": None, "screenshot": ""}


def _site(site_id: str, name: str, findings: list[dict], region: str = "", fixed: list[dict] | None = None):
    return SiteReport(site_id, name, f"http://{site_id}.example/", "1234567890", "某单位", verdict(site_id, findings),
                      findings, region=region, fixed=fixed or [])


def test_regions_repeated_problems_and_fixed_list(tmp_path):
    clean = _site("b", "乙区人民政府", [_finding("b", "dead_link", "deduct", 1, "仍存在", 3)], region="乙区",
                  fixed=[{**_finding("b", "typo", "deduct", 9), "state": "已整改"}])
    failing = _site("a", "甲县人民政府", [_finding("a", "homepage_stale", "veto", 2, "再次出现", 2),
                                          _finding("a", "dead_link", "deduct", 3)], region="甲县")
    report = Report({"id": 3, "as_of": "2026-05-06"}, [clean, failing])
    write(report, str(tmp_path / "r.docx"))
    doc = Document(str(tmp_path / "r.docx"))
    body = "\n".join(texts(doc))
    assert "关于2026年第2季度全市政府网站检查情况的通报" in body
    assert "共检查政府网站2个，其中合格1个、不合格1个，合格率50%" in body
    assert "甲县检查网站1个，合格0个、不合格1个，合格率0%" in body and "乙区检查网站1个，合格1个" in body
    assert "有2个问题多次通报仍未整改" in body
    assert body.index("（一）甲县人民政府") < body.index("（二）乙区人民政府")
    assert "请各单位于2026年5月27日前完成整改" in body
    assert "2. 已整改问题清单" in body and "附件2" in body
    problems, fixed = doc.tables
    assert len(problems.rows) == 4 and problems.rows[1].cells[1].text == "甲县人民政府"
    assert [cell.text for cell in fixed.rows[1].cells] == ["1", "乙区人民政府", "错别字", "问题9",
                                                            "http://b.example/9", "2026-08-20"]
    assert fixed.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_problem_free_report_is_a_valid_circular(tmp_path):
    report = Report({"id": 1, "as_of": "2026-11-20"}, [_site("a", "甲县人民政府", [])])
    write(report, str(tmp_path / "clean.docx"))
    doc = Document(str(tmp_path / "clean.docx"))
    lines = texts(doc)
    main = lines[lines.index("二、主要问题") + 1]
    assert main == "本次检查未发现问题。"
    assert "合格率100%" in "".join(lines)
    assert not doc.tables and len(doc.sections) == 1
    assert not any(line.startswith("附件") for line in lines)
