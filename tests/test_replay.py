"""Real citizen messages replayed as a message board: zwgk's counts equal those computed from the data.

3,816 real messages (tests/data/tipdm2020c) are served as a paginated 市长信箱 with one detail page
each; zwgk crawls the board and checks it at the 监测时间点 2019-12-31. The expected counts are
computed here straight from the CSV times with chinese-calendar, without zwgk's code.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import chinese_calendar
import pytest

from tests.conftest import run_zwgk
from tests.replay_board import build_board
from zwgk.fixtures import FixtureServer

AS_OF = date(2019, 12, 31)
WINDOW_START = date(2018, 12, 31)  # the inspection year
VETO_BEFORE = date(2019, 9, 30)  # unanswered for more than 3 months
LIMIT = 5


def workdays(start: date, end: date) -> int:
    return sum(chinese_calendar.is_workday(start + timedelta(days=n)) for n in range(1, (end - start).days + 1))


def expected_counts(times: dict[str, tuple[str, str | None]]) -> dict[str, int]:
    counts = {"unanswered_deduct": 0, "unanswered_veto": 0, "overdue": 0, "messages": 0, "answered": 0}
    for asked_text, replied_text in times.values():
        asked = date.fromisoformat(asked_text[:10])
        replied = date.fromisoformat(replied_text[:10]) if replied_text else None
        if asked > AS_OF:
            continue
        counts["messages"] += 1
        answered = replied is not None and replied <= AS_OF
        counts["answered"] += answered
        in_year = WINDOW_START <= asked
        if in_year and answered and workdays(asked, replied) > LIMIT:
            counts["overdue"] += 1
        if not answered and workdays(asked, AS_OF) > LIMIT:  # still open: a veto within the year, else a deduction
            counts["unanswered_veto" if in_year and asked < VETO_BEFORE else "unanswered_deduct"] += 1
    return counts


@pytest.fixture(scope="module")
def replay(tmp_path_factory):
    root = tmp_path_factory.mktemp("replay")
    board = build_board(root / "board", per_page=30)
    server = FixtureServer(root).start()
    config = root / "zwgk.toml"
    config.write_text(server.config_toml() + "\n[crawl]\nper_site_concurrency = 16\ntimeout = 10\n", "utf-8")
    db = root / "replay.db"
    result = run_zwgk("crawl", str(config), "--db", str(db), "--as-of", AS_OF.isoformat(), timeout=600)
    server.stop()
    assert result.returncode == 0, result.stderr
    yield board, sqlite3.connect(db)


def test_replayed_board_counts_match_the_data(replay):
    board, conn = replay
    want = expected_counts(board["detail_paths"])
    assert want["overdue"] > 100 and want["unanswered_veto"] > 100 and want["unanswered_deduct"] > 10  # a real test

    def count(code: str, severity: str) -> int:
        return conn.execute("select count(*) from findings where check_code = ? and severity = ?",
                            [code, severity]).fetchone()[0]

    got = {"unanswered_deduct": count("message_unanswered", "deduct"),
           "unanswered_veto": count("message_unanswered", "veto"),
           "overdue": count("reply_overdue", "deduct")}
    assert got == {k: want[k] for k in got}


def test_every_message_read_once_with_its_times(replay):
    board, conn = replay
    origin = conn.execute("select home from sites").fetchone()[0].rstrip("/")
    stored = {}
    for url, asked, replied in conn.execute(
            "select url, asked, replied from messages where source = 'detail'"):
        stored[url.removeprefix(origin)] = (asked, replied)
    assert len(stored) == board["messages"]
    assert stored == {path: (asked, replied) for path, (asked, replied) in board["detail_paths"].items()}


def test_overdue_finding_evidence(replay):
    _, conn = replay
    detail, evidence = conn.execute(
        "select detail, evidence from findings where check_code = 'reply_overdue' order by url limit 1").fetchone()
    assert "答复超期" in detail and '"workdays"' in evidence and '"asked"' in evidence
