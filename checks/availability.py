"""Can citizens reach the site? site_unreachable from the probe records."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Iterator

from zwgk.findings import Finding

from . import check
from .data import SiteData, within

PROBE_DAYS = 7  # 监测1周
FAILURE_SHARE = 0.05  # 累计超过（含）5%
SLOW_SECONDS = 15  # 超过15秒网站仍打不开
MIN_PROBES = 20  # 每天不少于20次: fewer probes in the week are not enough to judge


def probe_failed(probe) -> bool:
    return not probe.ok or (probe.elapsed is not None and probe.elapsed >= SLOW_SECONDS)


@check(severity="veto", title="站点无法访问")
def site_unreachable(site: SiteData, as_of: date) -> Iterator[Finding]:
    end = datetime.combine(as_of, time.max)
    probes = within(site.probes, end, PROBE_DAYS)
    if len(probes) < MIN_PROBES:
        return
    failures = sum(1 for p in probes if probe_failed(p))
    share = failures / len(probes)
    if share >= FAILURE_SHARE:
        yield Finding(url=site.home, detail=f"近{PROBE_DAYS}天首页探测{len(probes)}次，{failures}次无法访问或超过{SLOW_SECONDS}秒未打开（{share:.1%}）",
                      evidence={"probes": len(probes), "failures": failures, "share": round(share, 4),
                                "days": PROBE_DAYS, "slow_seconds": SLOW_SECONDS})
