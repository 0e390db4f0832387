"""The nightly job: crawl the configured sites, record probes, run the checks, summarise."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from .db import finish_run, latest_run, now_iso, open_db, start_run, unfinished_run
from .errors import ConfigError


def crawl_and_check(config, db_path: str, as_of: date, site_ids: list[str], progress=None,
                    sample: dict | None = None, full: bool = False, redis_url: str | None = None) -> dict:
    sites, accounts = chosen(config, site_ids)
    db = open_db(db_path)
    for site in sites:
        db["sites"].upsert({"id": site.id, "name": site.name, "home": site.home, "identifier": site.identifier,
                            "organizer": site.organizer, "services": int(site.services), "region": site.region,
                            "unit_type": site.unit_type, "kind": "site",
                            "rules": json.dumps(board_rules(site.messages))}, pk="id", alter=True)
    for account in accounts:
        db["sites"].upsert({"id": account.id, "name": account.name or account.id, "home": account.url,
                            "organizer": account.organizer, "services": 0, "kind": "account",
                            "rules": json.dumps(config.newmedia)}, pk="id", alter=True)
    ids = [site.id for site in sites] + [account.id for account in accounts]
    resumed = unfinished_run(db, "crawl", ids)
    if resumed:
        run_id = resumed["id"]
        as_of = date.fromisoformat(resumed["as_of"])
    else:
        run_id = start_run(db, "crawl", as_of.isoformat(), ids,
                           {"crawl": asdict(config.crawl), "network": asdict(config.network),
                            "calendar": {"holidays": sorted(map(str, config.calendar.extra_holidays)),
                                         "workdays": sorted(map(str, config.calendar.extra_workdays))},
                            "scoring": config.scoring, "newmedia": config.newmedia,
                            **({"sample": sample} if sample else {})})
    db.conn.close()

    try:
        if sites and redis_url:
            from crawler.distributed import coordinate

            coordinate(config, db_path, run_id, as_of, sites, redis_url, progress=progress, resume=bool(resumed),
                       full=full)
        elif sites:
            from crawler.run import run_crawl  # imports Scrapy and the reactor: only when crawling

            run_crawl(config, db_path, run_id, as_of, sites, progress=progress, resume=bool(resumed), full=full)
    finally:
        if progress and hasattr(progress, "stop"):
            progress.stop()
    db = open_db(db_path)
    record_probes(db, run_id, sites)
    if accounts:
        from .newmedia.run import read_accounts

        read_accounts(db, run_id, as_of, accounts, config)
    if sites:
        from .newmedia.discover import discover

        discover(db, run_id, config)
    from checks import run_checks

    run_checks(db, run_id, as_of)
    finish_run(db, run_id)
    return summarise(db, run_id, as_of, resumed=bool(resumed))


def chosen(config, site_ids: list[str]) -> tuple[list, list]:
    """The sites and accounts a run covers: all of them, or those named with --site (site or account ids)."""
    if not site_ids:
        return list(config.sites), list(config.accounts)
    accounts = {account.id: account for account in config.accounts}
    return ([config.site(site_id) for site_id in site_ids if site_id not in accounts],
            [accounts[site_id] for site_id in site_ids if site_id in accounts])


def sample_sites(site_ids: list[str], share: str, seed: int | None) -> tuple[list[str], dict]:
    """抽查: a random share of the sites ("30%" or a count), reproducible with the seed (recorded in the run)."""
    import random

    text = share.strip()
    try:
        count = round(len(site_ids) * float(text[:-1]) / 100) if text.endswith("%") else int(text)
    except ValueError:
        raise ConfigError(f"--sample “{share}” 应写成百分比（如 30%）或站点数") from None
    count = max(1, min(len(site_ids), count))
    seed = seed if seed is not None else random.SystemRandom().randrange(1, 10**9)
    chosen = sorted(random.Random(seed).sample(sorted(site_ids), count))
    return chosen, {"share": text, "seed": seed, "sites": chosen, "of": len(site_ids)}


def board_rules(rules: dict) -> dict:
    """Reply limits as the checks read them: board URLs spelled as the crawler spells them."""
    from crawler.extract.links import normalise

    return {**rules, "boards": {normalise(url): days for url, days in rules.get("boards", {}).items()}}


def recheck_stored(db_path: str, as_of: date) -> dict:
    db = open_db(db_path)
    run = latest_run(db)
    if not run:
        raise ConfigError(f"数据库 {db_path} 中还没有任何抓取记录，请先运行 zwgk crawl")
    from checks import run_checks

    run_checks(db, run["id"], as_of)
    db["runs"].update(run["id"], {"as_of": as_of.isoformat()})
    return summarise(db, run["id"], as_of)


def record_probes(db, run_id: int, sites) -> None:
    """The crawl's own fetch of each home page is one availability probe."""
    rows = []
    for site in sites:
        target = next(iter(db.query(
            "select t.outcome, t.status, t.error, t.elapsed from targets t where t.run_id = ? and t.url in "
            "(select url from pages where run_id = ? and site = ? and role = 'home' union select ?)",
            [run_id, run_id, site.id, site.home])), None)
        if target:
            rows.append({"site": site.id, "url": site.home, "at": now_iso(), "ok": int(target["outcome"] == "ok"),
                         "elapsed": target["elapsed"], "status": target["status"], "error": target["error"] or ""})
    if rows:
        db["probes"].insert_all(rows)


def summarise(db, run_id: int, as_of: date, resumed: bool = False) -> dict:
    from checks.verdict import verdict

    run = db["runs"].get(run_id)
    scoring = json.loads(run.get("config") or "{}").get("scoring") or {}
    marked = {row["fingerprint"] for row in db.query("select fingerprint from marks")}
    summary = {"run_id": run_id, "as_of": as_of.isoformat(), "sites": [], "hints": [], "resumed": resumed,
               "fetch": json.loads(run.get("stats") or "{}")}
    for site_id in json.loads(run["sites"] or "[]"):
        info = db["sites"].get(site_id) if db["sites"].count_where("id = ?", [site_id]) else {}
        findings = [row for row in db.query("select * from findings where run_id = ? and site = ?", [run_id, site_id])
                    if row["fingerprint"] not in marked]
        account = info.get("kind") == "account"
        if account:  # 政务新媒体: posts read instead of pages
            read = list(db.query("select posts, problem from accounts where run_id = ? and account = ?",
                                 [run_id, site_id]))
            pages = read[0]["posts"] if read else 0
        else:
            pages = db["pages"].count_where("run_id = ? and site = ?", [run_id, site_id])
        result = verdict(site_id, findings, scoring, account=account)
        counts = {level: sum(1 for f in findings if f["severity"] == level) for level in ("veto", "deduct", "notice")}
        summary["sites"].append({"id": site_id, "name": info.get("name") or site_id, "pages": pages,
                                 "verdict": result.label, "score": result.score, "kind": info.get("kind") or "site",
                                 **counts})
        if account and read and read[0]["problem"]:
            summary["hints"].append(f"账号“{info.get('name') or site_id}”{read[0]['problem']}，未判断更新情况")
        elif pages == 0 and not account:
            summary["hints"].append(f"站点“{info.get('name') or site_id}”首页无法访问，未抓取到任何页面")
    blocked = db.execute(
        "select count(distinct site) from notices where run_id = ? and reason = 'blocked'", [run_id]).fetchone()[0]
    if blocked:
        summary["hints"].append(f"{blocked} 个站点有请求被拦截（403/521 等），可能拦截了爬虫，请将 User-Agent “zwgk” 加入白名单")
    summary["candidates"] = [dict(row) for row in db.query(
        "select site, platform, url, name, source_url from account_candidates where run_id = ? order by site, url",
        [run_id])]
    return summary
