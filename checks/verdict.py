"""A site's verdict (合格/不合格) and score, computed from its findings (INDICATORS.md: Scoring).

Vetoes decide alone; the column counts of 栏目不更新 turn a site 不合格 once reached;
otherwise 100 points less the deductions, each indicator capped. Notices never count.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

# (points per finding, points when on the home page, cap for the indicator). Provinces re-weight these.
DEDUCTIONS = {
    "dead_link": (0.1, 1.0, 10.0),
    "column_stale": (2.0, 2.0, 20.0),
    "column_empty": (2.0, 2.0, 10.0),
    "identity_missing": (1.0, 1.0, 4.0),
    "reply_overdue": (0.5, 0.5, 10.0),
    "message_unanswered": (1.0, 1.0, 15.0),
    "interpretation_missing": (1.0, 1.0, 10.0),
    "interpretation_late": (0.5, 0.5, 5.0),
    "interpretation_unlinked": (0.5, 0.5, 5.0),
    "typo": (0.5, 0.5, 5.0),
    "outdated_term": (0.5, 0.5, 5.0),
    "service_guide_incomplete": (1.0, 1.0, 10.0),
}
DEFAULT_DEDUCTION = (1.0, 1.0, 10.0)
STALE_KEY_COLUMNS = 5  # 动态要闻 + 通知公告/政策文件 not updated, in total
STALE_COLUMNS = 10  # columns that should be updated and are not
EMPTY_COLUMNS = 5  # 空白栏目
PASS_SCORE = 60
BONUS_SCORE = 80  # above this a portal is assessed on the 加分 part


@dataclass
class Verdict:
    site: str
    passed: bool
    score: float
    reasons: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return "合格" if self.passed else "不合格"

    @property
    def band(self) -> str:
        """The indicator's bands: < 60 (or any veto) 不合格; 60–80 合格; > 80 合格, and portals go on to the
        30-point 加分 part (assessed by people, not by zwgk)."""
        if not self.passed:
            return "不合格"
        return "80分以上（可评加分项）" if self.score > BONUS_SCORE else "60–80分"


def verdict(site: str, findings: list[dict], scoring: dict | None = None, account: bool = False) -> Verdict:
    """`scoring`: a run's [scoring] config (a province's weights and thresholds), else the national defaults.
    A 政务新媒体 account (`account`) passes or fails on the veto items alone; its score is only shown."""
    rules = scoring or {}
    stale_key_limit = rules.get("stale_key_columns", STALE_KEY_COLUMNS)
    stale_limit = rules.get("stale_columns", STALE_COLUMNS)
    empty_limit = rules.get("empty_columns", EMPTY_COLUMNS)
    pass_score = rules.get("pass_score", PASS_SCORE)
    counted = [f for f in findings if f["severity"] != "notice"]
    counts: dict[str, int] = {}
    for finding in counted:
        counts[finding["check_code"]] = counts.get(finding["check_code"], 0) + 1
    reasons = sorted({f"单项否决：{f['detail']}" for f in counted if f["severity"] == "veto"})
    if account:
        score = 100.0 - _deductions(counted, rules.get("deductions", {}))
        return Verdict(site, not reasons, round(score, 1), reasons, counts)
    stale = [f for f in counted if f["check_code"] == "column_stale"]
    key_stale = sum(1 for f in stale if _evidence(f).get("kind") in ("news", "notice", "policy"))
    if key_stale >= stale_key_limit:
        reasons.append(f"栏目不更新：动态要闻、通知公告、政策文件类栏目{key_stale}个未按时更新")
    if len(stale) >= stale_limit:
        reasons.append(f"栏目不更新：{len(stale)}个栏目未按时更新")
    empty = counts.get("column_empty", 0)
    if empty >= empty_limit:
        reasons.append(f"栏目不更新：空白栏目{empty}个")
    score = 100.0 - _deductions(counted, rules.get("deductions", {}))
    if score < pass_score:
        reasons.append(f"得分{score:.1f}分，低于{pass_score:g}分")
    return Verdict(site, not reasons, round(score, 1), reasons, counts)


def _deductions(findings: list[dict], weights: dict) -> float:
    totals: dict[str, float] = {}
    for finding in findings:
        if finding["severity"] != "deduct":
            continue
        each, on_home, cap = weights.get(finding["check_code"]) or DEDUCTIONS.get(finding["check_code"],
                                                                                  DEFAULT_DEDUCTION)
        points = on_home if _evidence(finding).get("on_home") else each
        code = finding["check_code"]
        totals[code] = min(cap, totals.get(code, 0.0) + points)
    return sum(totals.values())


def _evidence(finding: dict) -> dict:
    value = finding.get("evidence")
    if isinstance(value, dict):
        return value
    try:
        return json.loads(value or "{}")
    except ValueError:
        return {}
