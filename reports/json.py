"""The run as JSON: sites with their verdicts, and every finding with its evidence."""

from __future__ import annotations

import json


def write(report, path: str) -> None:
    data = {
        "run": {key: report.run[key] for key in ("id", "started", "finished", "as_of", "status")},
        "sites": [
            {"id": site.id, "name": site.name, "home": site.home, "identifier": site.identifier,
             "organizer": site.organizer, "verdict": site.verdict.label, "score": site.verdict.score,
             "reasons": site.verdict.reasons, "counts": site.verdict.counts, "service_guides": site.guides,
             "interaction": site.interaction,
             "findings": [{**finding, "evidence": json.loads(finding["evidence"] or "{}")}
                          for finding in site.findings],
             "marked": [{**finding, "evidence": json.loads(finding["evidence"] or "{}")} for finding in site.marked],
             "fixed": [{**finding, "evidence": json.loads(finding["evidence"] or "{}")} for finding in site.fixed]}
            for site in report.sites
        ],
        "accounts": [
            {"id": account.id, "name": account.name, "platform": account.platform, "url": account.home,
             "organizer": account.organizer, "verdict": account.verdict.label, "reasons": account.verdict.reasons,
             "counts": account.verdict.counts, "newest": account.newest or None, "problem": account.problem,
             "findings": [{**finding, "evidence": json.loads(finding["evidence"] or "{}")}
                          for finding in account.findings],
             "marked": [{**finding, "evidence": json.loads(finding["evidence"] or "{}")} for finding in account.marked],
             "fixed": [{**finding, "evidence": json.loads(finding["evidence"] or "{}")} for finding in account.fixed]}
            for account in report.accounts
        ],
        "pass_rate": report.pass_rates()["全部"] if report.sites else None,
        "trend": report.trend,
    }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
