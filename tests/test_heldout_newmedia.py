"""The blind held-out new-media set (tests/heldout-newmedia, built from a description of the platforms
without seeing the adapters; see its README). Scored once before any change (stale 16/16, notices 3/3,
content 3/3, unanswered 1/1; dead post links 0/2 and candidates 0/2 — both fixed in general ways since),
now kept as a regression test: every account exactly as expected.json says."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import run_zwgk
from zwgk.fixtures import FixtureServer

ROOT = Path(__file__).parent / "heldout-newmedia"
EXPECTED = json.loads((ROOT / "expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("heldout-newmedia")
    with FixtureServer(ROOT) as server:
        def sub(text: str) -> str:
            return server.substitute(text.encode()).decode()

        config = folder / "accounts.toml"
        config.write_text(sub((ROOT / "accounts.toml").read_text("utf-8")), "utf-8")
        db = folder / "zwgk.db"
        result = run_zwgk("crawl", str(config), "--db", str(db), "--as-of", EXPECTED["as_of"])
        assert result.returncode == 0, result.stdout + result.stderr
        conn = sqlite3.connect(db)
        conn.row_factory = sqlite3.Row
        yield {"findings": [dict(row) for row in conn.execute("select * from findings")], "sub": sub,
               "candidates": [dict(row) for row in conn.execute("select * from account_candidates")],
               "output": result.stdout}


@pytest.mark.parametrize("account", sorted(EXPECTED["accounts"]))
def test_each_account_as_expected(crawled, account):
    expected = EXPECTED["accounts"][account]
    mine = [f for f in crawled["findings"] if f["site"] == account]
    stale = [f for f in mine if f["check_code"] == "newmedia_stale"]
    assert [f["severity"] for f in stale] == ([expected["newmedia_stale"]] if expected["newmedia_stale"] else [])
    if stale and expected.get("newest_post_date"):
        assert json.loads(stale[0]["evidence"])["newest"][:10] == expected["newest_post_date"]
    notices = [f for f in mine if f["check_code"] == "crawl_notice"]
    assert bool(notices) == expected["crawl_notice_expected"]
    dead = {f["url"] for f in mine if f["check_code"] == "dead_link"}
    assert dead == {crawled["sub"](link["url"]) for link in expected["dead_post_links"]}
    unanswered = [f["url"] for f in mine if f["check_code"] == "newmedia_unanswered"]
    assert len(unanswered) == len(expected["newmedia_unanswered"])
    for post in expected["newmedia_unanswered"]:
        assert any(post["bid"] in url or post["mid"] in url for url in unanswered)


def test_planted_content_found_and_nothing_else(crawled):
    content = {"privacy_leak", "outdated_term", "wording_error", "typo"}
    found = {(f["site"], f["check_code"]) for f in crawled["findings"]
             if f["check_code"] in content and f["site"] in EXPECTED["accounts"]}
    assert found == {(c["account"], c["code"]) for c in EXPECTED["content_findings"]}


def test_candidates_from_the_matrix_page(crawled):
    got = {(c["platform"], c["url"]) for c in crawled["candidates"]}
    assert got == {(c["platform"], crawled["sub"](c["url"])) for c in EXPECTED["candidates"]}
    assert "未登记的政务新媒体账号" in crawled["output"]


# -- the second blind set (tests/heldout-newmedia2: other feed producers, relative Weibo times, RENDER_DATA,
# __INITIAL_STATE__, a verification wall). First score: stale 14/14 with no false one, dead links 1/1, the
# outdated term found (twice: title and text both held it), the citizen ID missed (table cells were run
# together), candidates 2/2 plus 7 false (QR-code images, a configured account linked as weibo.com/<uid>).
# The one Douyin page whose posts exist only as script-built DOM gave a notice (allowed, never a stale);
# it is now read from the rendered DOM (video links with their shown dates).

ROOT2 = Path(__file__).parent / "heldout-newmedia2"
EXPECTED2 = json.loads((ROOT2 / "expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def crawled2(tmp_path_factory):
    folder = tmp_path_factory.mktemp("heldout-newmedia2")
    with FixtureServer(ROOT2) as server:
        def sub(text: str) -> str:
            return server.substitute(text.encode()).decode()

        config = folder / "accounts.toml"
        config.write_text(sub((ROOT2 / "accounts.toml").read_text("utf-8")), "utf-8")
        db = folder / "zwgk.db"
        result = run_zwgk("crawl", str(config), "--db", str(db), "--as-of", EXPECTED2["as_of"])
        assert result.returncode == 0, result.stdout + result.stderr
        conn = sqlite3.connect(db)
        conn.row_factory = sqlite3.Row
        yield {"findings": [dict(row) for row in conn.execute("select * from findings")], "sub": sub,
               "candidates": [dict(row) for row in conn.execute("select * from account_candidates")]}


@pytest.mark.parametrize("account", sorted(EXPECTED2["accounts"]))
def test_second_set_each_account(crawled2, account):
    expected = EXPECTED2["accounts"][account]
    mine = [f for f in crawled2["findings"] if f["site"] == account]
    stale = [f["severity"] for f in mine if f["check_code"] == "newmedia_stale"]
    assert stale == ([expected["newmedia_stale"]] if expected["newmedia_stale"] else [])
    notices = [f for f in mine if f["check_code"] == "crawl_notice"]
    if expected["cannot_read_notice"] == "required":
        assert notices
    elif expected["cannot_read_notice"] == "not_expected":
        assert not notices
    dead = {f["url"] for f in mine if f["check_code"] == "dead_link"}
    assert {crawled2["sub"](url) for url in expected["dead_post_links"]} <= dead
    assert not dead & {crawled2["sub"](url) for url in expected["must_not_be_dead"]}
    assert not [f for f in mine if f["check_code"] == "newmedia_unanswered"]


def test_second_set_content_and_candidates(crawled2):
    content = {"privacy_leak", "outdated_term", "wording_error", "typo"}
    found = [(f["site"], f["check_code"]) for f in crawled2["findings"]
             if f["check_code"] in content and f["site"] in EXPECTED2["accounts"]]
    assert sorted(found) == sorted((c["account"], c["check_code"]) for c in EXPECTED2["content_findings"])
    got = {(c["platform"], c["url"]) for c in crawled2["candidates"]}
    assert got == {(c["platform"], crawled2["sub"](c["url"])) for c in EXPECTED2["candidates"]["expected"]}
