"""Read the configured accounts in the nightly run: a few at a time, Chromium ones one by one.

Readings are stored by the calling thread as they arrive, one transaction per account; accounts a killed
run already stored are not read again when it resumes. Menu and feed-post links are checked at most once
per URL and run (a link the site crawl already checked keeps that outcome).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor, as_completed
from datetime import date

from . import RENDERED, read_account
from .store import check_link, links_to_check, store
from .web import Context

THREADS = 4


def policy_for(config):
    """The network policy of the config: [network] plus the homes and account URLs (crawler/run.py does the same)."""
    from crawler.network import Policy

    homes = [site.home for site in config.sites] + [account.url for account in config.accounts]
    return Policy(config.network.allow, config.network.deny, homes)


def read_accounts(db, run_id: int, as_of: date, accounts, config, policy=None) -> int:
    """Read and store every account not yet stored in this run; return how many were read."""
    done = {row["account"] for row in db.query("select account from accounts where run_id = ?", [run_id])}
    todo = [account for account in accounts if account.id not in done]
    if not todo:
        return 0
    policy = policy if policy is not None else policy_for(config)
    checked = {row["url"] for row in db.query("select url from targets where run_id = ?", [run_id])}
    lock = threading.Lock()

    def one(account):
        context = Context(as_of, policy, config.crawl.timeout, int(config.crawl.max_download_mb * 1024 * 1024))
        reading = read_account(account, as_of, context=context)
        targets = {}
        for url in links_to_check(reading, account.platform):
            with lock:
                if url in checked:
                    continue
                checked.add(url)
            targets[url] = check_link(url, context)
        return account, reading, targets

    with ThreadPoolExecutor(THREADS) as pool, ThreadPoolExecutor(1) as chromium:
        futures = [(chromium if account.platform in RENDERED else pool).submit(one, account) for account in todo]
        for future in as_completed(futures):
            account, reading, targets = future.result()
            store(db, run_id, account, reading, targets)
    return len(todo)
