"""办事服务: guides in every layout real sites use, and whether a site offers a service entry at all."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from checks.data import SiteData
from checks.services import service_guide_incomplete, service_missing
from crawler.extract.guides import guide_elements
from crawler.extract.html import parse_html
from tests.conftest import AS_OF, run_zwgk
from zwgk.fixtures import FixtureServer

ROOT = Path(__file__).resolve().parent / "services"
GUIDES = ROOT / "guides" / "bszn"
EXPECTED = json.loads((ROOT / "guides" / "expected.json").read_text("utf-8"))


def elements(name: str) -> dict[str, bool] | None:
    html = (GUIDES / name).read_text("utf-8").replace("{{", "").replace("}}", "")
    root = parse_html(html)
    return guide_elements(root, root.findtext(".//title") or "")


@pytest.mark.parametrize("name", [Path(p).name for p in EXPECTED["complete"]])
def test_complete_guides_in_every_layout_written_with_synonyms(name):
    assert elements(name) == dict.fromkeys(elements(name), True) and len(elements(name)) == 8


@pytest.mark.parametrize("path, missing", sorted(EXPECTED["service_guide_incomplete"].items()))
def test_incomplete_guides_name_exactly_the_missing_elements(path, missing):
    found = elements(Path(path).name)
    assert sorted(k for k, v in found.items() if not v) == sorted(missing)


def test_a_news_article_mentioning_procedures_is_not_a_guide():
    root = parse_html((ROOT / "guides" / "news.html").read_text("utf-8"))
    assert guide_elements(root, "县政府召开常务会议") is None


def test_service_missing_rules():
    bare = SiteData(id="x", home="http://x/", home_fetched=True)
    assert len(list(service_missing(bare, date(2026, 11, 20)))) == 1
    assert not list(service_missing(SiteData(id="x", home="http://x/", home_fetched=True, service_links=1), date.today()))
    assert not list(service_missing(SiteData(id="x", home="http://x/", home_fetched=True, services=False), date.today()))
    with_guide = SiteData(id="x", home="http://x/", home_fetched=True,
                          guides=[{"url": "http://x/g", "title": "g", "elements": {"事项名称": True, "办理地点": False}}])
    assert not list(service_missing(with_guide, date.today()))
    [finding] = service_guide_incomplete(with_guide, date.today())
    assert finding.evidence["missing"] == ["办理地点"] and "办理地点" in finding.detail


@pytest.fixture(scope="module")
def services_crawl(tmp_path_factory):
    folder = tmp_path_factory.mktemp("services")
    with FixtureServer(ROOT) as server:
        config = folder / "zwgk.toml"
        config.write_text(server.config_toml() + "\n[crawl]\ntimeout = 8\n", "utf-8")
        result = run_zwgk("crawl", str(config), "--db", str(folder / "s.db"), "--as-of", AS_OF)
        assert result.returncode == 0, result.stderr
        origins = {name: site.origin for name, site in server.sites.items()}
    conn = sqlite3.connect(folder / "s.db")
    rows = conn.execute("select site, check_code, url, evidence from findings "
                        "where check_code like 'service%'").fetchall()
    return origins, rows


def test_crawl_finds_the_incomplete_guides_and_the_site_without_services(services_crawl):
    origins, rows = services_crawl
    incomplete = {url.replace(origins["guides"], ""): sorted(json.loads(ev)["missing"])
                  for site, code, url, ev in rows if code == "service_guide_incomplete"}
    assert incomplete == {path: sorted(m) for path, m in EXPECTED["service_guide_incomplete"].items()}
    missing = {site for site, code, url, ev in rows if code == "service_missing"}
    assert missing == {"no-entry"}  # platform-only links a 政务服务网; no-services has services = false


def test_reports_give_guide_counts_per_site(tmp_path):
    with FixtureServer(ROOT, names=["guides"]) as server:
        config = tmp_path / "zwgk.toml"
        config.write_text(server.config_toml(), "utf-8")
        assert run_zwgk("crawl", str(config), "--db", str(tmp_path / "g.db"), "--as-of", AS_OF).returncode == 0
    assert run_zwgk("report", "--db", str(tmp_path / "g.db"), "--format", "json", "--out",
                    str(tmp_path / "g.json")).returncode == 0
    stats = json.loads((tmp_path / "g.json").read_text("utf-8"))["sites"][0]["service_guides"]
    assert (stats["found"], stats["complete"], stats["incomplete"]) == (9, 6, 3)
    assert {m["element"] for m in stats["most_missing"]} == {"设定依据", "办理地点", "联系电话", "申请条件"}
