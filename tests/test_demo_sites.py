"""End to end: the real CLI crawls the fixture sites; each planted problem is found, nothing else."""

from __future__ import annotations

import pytest

from tests.conftest import SITES
from tests.expected import found, normalise_url, planted

CODES = {"homepage_stale", "column_stale", "column_empty", "dead_link", "identity_missing", "message_unanswered",
         "reply_overdue", "interpretation_missing", "interpretation_late", "interpretation_unlinked",
         "annual_report_missing", "wording_error", "typo", "outdated_term", "privacy_leak", "injected_link"}


def expectations(crawl, site):
    server = crawl["server"]
    origins = {name: s.origin for name, s in server.sites.items()}
    must, must_not = planted(SITES / site, server.sites[site].origin, f"http://127.0.0.1:{server.dead_port}",
                             CODES, origins)
    normal = lambda items: {(code, normalise_url(url), which) for code, url, which in items}  # noqa: E731
    return normal(must), normal(must_not)


@pytest.mark.parametrize("site", ["jzs-gov", "xq-gov", "sfj-dept"])
def test_every_planted_problem_is_found(demo_crawl, site):
    must, _ = expectations(demo_crawl, site)
    got = {f for f in found(demo_crawl["db"], site) if f[0] in CODES}
    assert must - got == set()


@pytest.mark.parametrize("site", ["jzs-gov", "xq-gov", "sfj-dept"])
def test_nothing_else_is_reported(demo_crawl, site):
    must, must_not = expectations(demo_crawl, site)
    got = {f for f in found(demo_crawl["db"], site) if f[0] in CODES}
    assert got & must_not == set()
    assert got - must == set()


def test_challenge_page_is_a_notice_not_a_dead_link(demo_crawl):
    import sqlite3

    conn = sqlite3.connect(demo_crawl["db"])
    rows = conn.execute("select check_code, severity from findings where url like '%jsl%' or detail like '%拦截%'").fetchall()
    assert rows and all(code == "crawl_notice" and severity == "notice" for code, severity in rows)


def test_summary_names_verdicts(demo_crawl):
    assert "义县人民政府" in demo_crawl["output"] and "不合格" in demo_crawl["output"]


def test_perfunctory_reply_is_a_notice(demo_crawl):
    import sqlite3

    conn = sqlite3.connect(demo_crawl["db"])
    rows = conn.execute("select url, severity from findings where check_code = 'crawl_notice' and "
                        "json_extract(evidence, '$.reason') = 'perfunctory_reply'").fetchall()
    assert [(url.rsplit("/", 1)[1], severity) for url, severity in rows] == [("detail_106.html", "notice")]
