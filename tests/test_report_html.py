"""The HTML report from a real crawl's database, rendered in headless Chromium: offline, charts drawn,
filters working, hostile page text staying text."""

from __future__ import annotations

import json
import re
import sqlite3
import struct
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import AS_OF, run_zwgk

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
HOSTILE_URL = "javascript:alert(1)"
HOSTILE_SITE = '义县<svg onload="window.__pwned=3">'

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="需要 /usr/bin/chromium")


def copy_db(source: str, folder: Path) -> Path:
    """A consistent copy of the demo database (WAL included) that the test may change."""
    target = folder / "zwgk.db"
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target


def latest_run(conn) -> int:
    return conn.execute("select max(id) from runs").fetchone()[0]


def counted_problems(db: Path, run_id: int | None = None, site: str | None = None) -> int:
    """Non-notice findings of the run that no inspector has marked: the rows of the problem table."""
    conn = sqlite3.connect(db)
    run_id = run_id or latest_run(conn)
    sql = ("select count(*) from findings where run_id = ? and severity != 'notice' "
           "and fingerprint not in (select fingerprint from marks)")
    args = [run_id]
    if site:
        sql += " and site = ?"
        args.append(site)
    count = conn.execute(sql, args).fetchone()[0]
    conn.close()
    return count


def export(db: Path, out: Path) -> str:
    result = run_zwgk("report", "--db", str(db), "--format", "html", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out.read_text("utf-8")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("需要 /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Opened:
    """A rendered report: the page, its console errors and page errors, and every request it made."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1366, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(f"console: {msg.text}"))
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_load_state("load")

    def close(self):
        self.context.close()

    def visible_rows(self) -> int:
        return self.page.locator("#problems-table > tr:visible").count()


@pytest.fixture
def open_report(browser):
    opened = []

    def opener(path: Path) -> Opened:
        opened.append(Opened(browser, path))
        return opened[-1]

    yield opener
    for report in opened:
        report.close()


class Resources(HTMLParser):
    """Every attribute of real tags that could load something."""

    def __init__(self):
        super().__init__()
        self.loads: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "srcset", "poster", "data", "background") or (tag == "link" and name == "href"):
                self.loads.append((tag, name, value or ""))


def assert_self_contained(text: str, report: Opened) -> None:
    parser = Resources()
    parser.feed(text)
    assert all(value.startswith("data:") for _, _, value in parser.loads), parser.loads
    assert not any(tag in ("link", "script") for tag, _, _ in parser.loads), parser.loads
    styles = "".join(re.findall(r"<style[^>]*>(.*?)</style>", text, re.DOTALL | re.IGNORECASE))
    assert styles and "@import" not in styles and "url(" not in styles
    assert len(re.findall(r"<style", text, re.IGNORECASE)) == 1 and "<link" not in text
    assert "Content-Security-Policy" in text
    assert all(url.startswith(("file:", "data:")) for url in report.requests), report.requests


def png(width: int = 8, height: int = 6) -> bytes:
    """A small valid PNG, made here."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes([200, 40, 40]) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@needs_chromium
def test_html_report_renders_offline_with_charts_and_filters(demo_crawl, tmp_path, open_report):
    db = copy_db(demo_crawl["db"], tmp_path)
    out = tmp_path / "报告.html"
    text = export(db, out)
    expected = counted_problems(db)
    assert expected > 5

    report = open_report(out)
    page = report.page
    assert report.errors == []
    assert_self_contained(text, report)
    assert page.title().startswith("政府网站检查报告")
    header = page.inner_text("header")
    assert "政府网站检查报告" in header and AS_OF in header and "合格率" in header

    # the three charts are drawn: each SVG has a size and bars with a size
    for chart in ("#chart-types", "#chart-sites", "#chart-trend"):
        box = page.locator(f"{chart} svg").bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0, chart
        drawn = page.eval_on_selector_all(
            f"{chart} svg rect, {chart} svg path",
            "els => els.filter(e => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length")
        assert drawn > 0, chart
    assert page.locator("#chart-trend svg").text_content().count("#") >= 1  # the run's label

    # the scorecard: 不合格 highlighted
    failed = page.locator("#scores tr.failed")
    assert failed.count() >= 1 and "义县人民政府" in failed.first.inner_text()
    assert "不合格" in failed.first.inner_text()

    # the problem table has every counted finding of the run, and the filters narrow it
    assert page.locator("#problems-table > tr").count() == expected
    assert report.visible_rows() == expected
    assert page.inner_text("#f-shown") == str(expected)
    page.fill("#f-text", "jihua.pdf")
    shown = report.visible_rows()
    assert 1 <= shown < expected
    assert page.inner_text("#f-shown") == str(shown)
    page.click("#f-reset")
    assert report.visible_rows() == expected
    page.select_option("#f-site", "xq-gov")
    assert report.visible_rows() == counted_problems(db, site="xq-gov") < expected
    page.select_option("#f-sev", "veto")
    assert 1 <= report.visible_rows() < counted_problems(db, site="xq-gov")
    page.click("#f-reset")
    assert page.inner_text("#f-shown") == str(expected)
    assert report.errors == []


@needs_chromium
def test_hostile_text_stays_text_in_html(demo_crawl, tmp_path, open_report):
    db = copy_db(demo_crawl["db"], tmp_path)
    conn = sqlite3.connect(db)
    run_id = latest_run(conn)
    columns = [row[1] for row in conn.execute("pragma table_info(findings)") if row[1] != "id"]
    source_id, site = conn.execute("select id, site from findings where run_id = ? and severity != 'notice' "
                                   "order by id limit 1", [run_id]).fetchone()
    changed = {"detail": PAYLOAD, "url": HOSTILE_URL, "source_url": HOSTILE_URL, "fingerprint": "hostile-fingerprint",
               "evidence": json.dumps({"title": PAYLOAD}, ensure_ascii=False)}
    conn.execute(f"insert into findings ({', '.join(columns)}) select "
                 + ", ".join("?" if c in changed else c for c in columns) + " from findings where id = ?",
                 [changed[c] for c in columns if c in changed] + [source_id])
    conn.execute("update sites set name = ? where id = ?", [HOSTILE_SITE, site])
    conn.commit()
    conn.close()
    out = tmp_path / "hostile.html"
    text = export(db, out)

    report = open_report(out)
    page = report.page
    assert report.errors == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    body = page.inner_text("body")
    assert PAYLOAD in body and HOSTILE_SITE in body and HOSTILE_URL in body
    assert page.locator('a[href^="javascript:" i]').count() == 0
    assert page.locator("#problems-table img, #problems-table script, #problems-table svg").count() == 0
    assert 'href="javascript:' not in text.lower()
    assert PAYLOAD not in text  # only ever escaped
    assert page.locator("#problems-table > tr").count() == counted_problems(db)
    # filters still work with the hostile site's name in a select box
    page.fill("#f-text", "__pwned=1")
    assert report.visible_rows() == 1
    assert_self_contained(text, report)
    assert page.evaluate("typeof window.__pwned") == "undefined"


@needs_chromium
def test_history_sections_and_screenshots(demo_crawl, tmp_path, open_report):
    """A second run without two of the first run's problems, with one problem marked 误报 and one screenshot."""
    db = copy_db(demo_crawl["db"], tmp_path)
    conn = sqlite3.connect(db)
    first = latest_run(conn)
    run_columns = [row[1] for row in conn.execute("pragma table_info(runs)") if row[1] != "id"]
    conn.execute(f"insert into runs ({', '.join(run_columns)}) select "
                 + ", ".join("'2026-11-27'" if c == "as_of" else c for c in run_columns)
                 + " from runs where id = ?", [first])
    second = latest_run(conn)
    gone = [row[0] for row in conn.execute("select id from findings where run_id = ? and severity != 'notice' "
                                           "order by id limit 2", [first])]
    columns = [row[1] for row in conn.execute("pragma table_info(findings)") if row[1] != "id"]
    conn.execute(f"insert into findings ({', '.join(columns)}) select "
                 + ", ".join("?" if c == "run_id" else c for c in columns)
                 + f" from findings where run_id = ? and id not in ({', '.join('?' * len(gone))}) order by id",
                 [second, first, *gone])
    kept = [row for row in conn.execute("select id, fingerprint, site, check_code, url from findings "
                                        "where run_id = ? and severity != 'notice' order by id", [second])]
    marked = kept[0]
    conn.execute("insert into marks (fingerprint, status, reason, at, site, check_code, url) values (?, ?, ?, ?, ?, ?, ?)",
                 [marked[1], "false_positive", "<b>单位已说明</b>", "2026-11-25T10:00:00+08:00", *marked[2:]])
    (tmp_path / "shots").mkdir()
    (tmp_path / "shots" / "one.png").write_bytes(png())
    conn.execute("create table if not exists screenshots (finding_id integer, run_id integer, path text)")
    conn.executemany("insert into screenshots (finding_id, run_id, path) values (?, ?, ?)",
                     [(kept[1][0], second, "shots/one.png"), (kept[2][0], second, "shots/missing.png")])
    conn.commit()
    conn.close()
    out = tmp_path / "history.html"
    text = export(db, out)

    report = open_report(out)
    page = report.page
    assert report.errors == []
    assert_self_contained(text, report)
    rows = counted_problems(db, second)
    assert page.locator("#problems-table > tr").count() == rows == len(kept) - 1
    assert page.locator("#fixed-table tbody tr").count() == 2
    assert page.locator("#marked-table tbody tr").count() == 1
    assert "误报" in page.inner_text("#marked-table") and "<b>单位已说明</b>" in page.inner_text("#marked-table")
    states = page.eval_on_selector_all("#problems-table > tr", "rows => rows.map(r => r.dataset.state)")
    assert set(states) == {"仍存在"}
    assert page.inner_text("#problems-table > tr:first-child td:nth-child(9)") == "2"  # runs seen
    trend = page.locator("#chart-trend svg").text_content()
    assert f"#{first}" in trend and f"#{second}" in trend
    # the screenshot is embedded, the missing one skipped without a trace
    shots = page.locator("#problems-table img.shot")
    assert shots.count() == 1
    assert shots.first.get_attribute("src").startswith("data:image/png;base64,")
    assert page.evaluate("document.querySelector('img.shot').naturalWidth") == 8
    shots.first.click()
    assert "big" in shots.first.get_attribute("class")
    assert report.errors == []


def test_small_reports_without_problems_or_sites(tmp_path):
    """Edge cases written directly: no sites at all; sites in several regions with no problems and no trend."""
    from checks.verdict import verdict
    from reports import Report, SiteReport
    from reports.html import write

    run = {"id": 7, "as_of": AS_OF, "started": "", "finished": "", "status": "done"}
    write(Report(run, [], [], {}, str(tmp_path)), str(tmp_path / "empty.html"))
    empty = (tmp_path / "empty.html").read_text("utf-8")
    assert "政府网站检查报告" in empty and "本次检查未发现问题" in empty and "#7" in empty
    sites = [SiteReport(f"s{n}", f"站点{n}", "javascript:alert(1)", "", "", verdict(f"s{n}", []),
                        region=region, unit_type="县级政府") for n, region in enumerate(["锦州市", "义县", ""])]
    write(Report(run, sites, [], {"open_runs": 2}, str(tmp_path)), str(tmp_path / "regions.html"))
    text = (tmp_path / "regions.html").read_text("utf-8")
    assert "按地区统计合格率" in text and "未分类" in text and "按单位类型统计合格率" not in text
    assert "至少连续出现 2 次" in text and "100.0%" in text
    assert 'href="javascript:' not in text and "<svg" in text
