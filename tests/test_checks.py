"""Each check on hand-made site data: cases that find and cases that must not."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from checks.availability import site_unreachable
from checks.data import ColumnData, DeadLink, Probe, SiteData
from checks.freshness import column_empty, column_stale, homepage_stale
from checks.identity import identity_missing
from checks.links import dead_link
from checks.verdict import verdict

HOME = "http://x.gov.cn/"


def column(name, kind, *dates, entries=None, empty=False):
    dated = [date.fromisoformat(d) for d in dates]
    return ColumnData(f"http://x.gov.cn/{name}/", name, kind, fetched=True, empty=empty,
                      entries=len(dated) if entries is None else entries, dated=dated)


def site(**kwargs):
    return SiteData(id="x", home=HOME, home_fetched=True, **kwargs)


def test_news_column_is_stale_after_14_days():
    data = site(columns=[column("政务要闻", "news", "2024-03-01", "2024-02-20")])
    assert not list(column_stale(data, as_of=date(2024, 3, 15)))
    assert len(list(column_stale(data, as_of=date(2024, 3, 16)))) == 1


def test_notice_and_policy_columns_have_six_months():
    data = site(columns=[column("通知公告", "notice", "2026-05-20"), column("政策文件", "policy", "2026-05-19")])
    found = list(column_stale(data, as_of=date(2026, 11, 20)))
    assert [f.evidence["column"] for f in found] == ["政策文件"]


def test_personnel_and_plan_have_one_year_and_other_columns_none():
    data = site(columns=[column("人事信息", "personnel", "2025-11-19"), column("规划计划", "plan", "2025-11-20"),
                         column("机构简介", "other", "2019-01-01")])
    assert [f.evidence["column"] for f in column_stale(data, as_of=date(2026, 11, 20))] == ["人事信息"]


def test_column_with_undated_entries_counts_as_not_updated():
    data = site(columns=[column("工作动态", "news", entries=12)])
    found = list(column_stale(data, as_of=date(2026, 11, 20)))
    assert len(found) == 1 and found[0].evidence["newest"] is None


def test_future_dates_do_not_make_a_column_fresh():
    data = site(columns=[column("工作动态", "news", "2027-01-01", "2026-09-01")])
    assert len(list(column_stale(data, as_of=date(2026, 11, 20)))) == 1


def test_column_empty_only_for_fetched_empty_columns():
    data = site(columns=[column("公示公告", "notice", entries=0, empty=True), column("政务公开", "other", entries=0),
                         ColumnData("http://x.gov.cn/dead/", "死栏目", "news", fetched=False, empty=False)])
    assert [f.evidence["column"] for f in column_empty(data, date(2026, 11, 20))] == ["公示公告"]


def test_homepage_stale_counts_back_14_days_and_undated_items_do_not_count():
    fresh = site(home_dates=[date(2026, 11, 6)], home_entries=5)
    assert not list(homepage_stale(fresh, date(2026, 11, 20)))
    stale = site(home_dates=[date(2026, 11, 5)], home_entries=5)
    assert list(homepage_stale(stale, date(2026, 11, 20)))[0].evidence["newest"] == "2026-11-05"
    undated = site(home_dates=[], home_entries=8, columns=[column("政务要闻", "news", "2026-11-19")])
    assert len(list(homepage_stale(undated, date(2026, 11, 20)))) == 1


def test_portal_home_page_is_judged_by_its_second_level_pages():
    portal = site(home_dates=[], home_entries=0, columns=[column("政务要闻", "news", "2026-11-19")])
    assert not list(homepage_stale(portal, date(2026, 11, 20)))


def test_identity_missing_names_each_mark():
    data = site(identity={"网站标识码": "2107000001", "ICP备案号": None, "公安备案号": "x", "党政机关标识": None})
    assert [f.evidence["which"] for f in identity_missing(data, date(2026, 11, 20))] == ["ICP备案号", "党政机关标识"]
    assert not list(identity_missing(site(identity=dict.fromkeys(["网站标识码", "ICP备案号", "公安备案号", "党政机关标识"], "v")),
                                     date(2026, 11, 20)))


def test_dead_link_reports_target_and_where_it_was_seen():
    data = site(dead_links=[DeadLink("http://x.gov.cn/a.pdf", 404, "HTTP 404", [HOME, "http://x.gov.cn/b.html"],
                                     ["attachment"], True)])
    [finding] = dead_link(data, date(2026, 11, 20))
    assert finding.url == "http://x.gov.cn/a.pdf" and finding.source_url == HOME
    assert "首页" in finding.detail and finding.evidence["status"] == 404


def test_site_unreachable_needs_5_percent_of_a_week_of_probes():
    start = datetime(2026, 11, 14, 0, 0)  # the 7 days ending on the as-of date
    probes = [Probe(start + timedelta(hours=i), ok=True, elapsed=0.3) for i in range(7 * 24)]
    assert not list(site_unreachable(site(probes=probes), date(2026, 11, 20)))
    for probe in probes[:8]:  # 8 of 168 = 4.8 %
        probe.ok = False
    assert not list(site_unreachable(site(probes=probes), date(2026, 11, 20)))
    probes[8].elapsed = 15.0  # a probe that took 15 s counts as failed: 9 of 168 = 5.4 %
    [finding] = site_unreachable(site(probes=probes), date(2026, 11, 20))
    assert finding.evidence["failures"] == 9 and finding.evidence["probes"] == 168


def test_site_unreachable_is_not_judged_on_a_handful_of_probes():
    probes = [Probe(datetime(2026, 11, 19, 3), ok=False, elapsed=None)]
    assert not list(site_unreachable(site(probes=probes), date(2026, 11, 20)))


def test_verdict_from_findings():
    def finding(code, severity="deduct", **evidence):
        return {"check_code": code, "severity": severity, "detail": code, "evidence": evidence}

    assert verdict("x", [finding("dead_link"), finding("crawl_notice", "notice")]).passed
    assert not verdict("x", [finding("homepage_stale", "veto")]).passed
    stale = [finding("column_stale", kind="news") for _ in range(5)]
    assert not verdict("x", stale).passed
    assert verdict("x", stale[:4]).passed
    assert not verdict("x", [finding("column_empty") for _ in range(5)]).passed
