"""Working days with Chinese public holidays and make-up workdays."""

from __future__ import annotations

from datetime import date

import pytest

from zwgk.errors import ZwgkError
from zwgk.workdays import Calendar


def test_national_day_holiday_is_not_counted():
    calendar = Calendar()
    # asked the last working day before the 2025 National Day break, answered when work resumed
    assert calendar.workdays_between(date(2025, 9, 30), date(2025, 10, 9)) == 1
    # 10-09, 10-10, 10-11 (Saturday, 调休上班), 10-13, 10-14
    assert calendar.add_workdays(date(2025, 9, 30), 5) == date(2025, 10, 14)


def test_make_up_workday_on_a_weekend_counts():
    calendar = Calendar()
    assert calendar.is_workday(date(2025, 9, 28))  # Sunday, 调休上班
    assert not calendar.is_workday(date(2025, 10, 1))


def test_config_can_add_days():
    calendar = Calendar(extra_holidays={date(2026, 11, 20)}, extra_workdays={date(2026, 11, 21)})
    assert not calendar.is_workday(date(2026, 11, 20))
    assert calendar.is_workday(date(2026, 11, 21))


def test_unknown_year_is_a_clear_error():
    with pytest.raises(ZwgkError, match="没有 2099 年的节假日安排"):
        Calendar().is_workday(date(2099, 5, 4))


def test_config_calendar_days():
    from zwgk.config import parse_config
    from zwgk.errors import ConfigError

    config = parse_config('[[site]]\nid = "a"\nhome = "https://a.gov.cn/"\n[calendar]\nholidays = [2026-11-20]\n')
    assert not config.calendar.is_workday(date(2026, 11, 20))
    with pytest.raises(ConfigError, match="第 5 行"):
        parse_config('[[site]]\nid = "a"\nhome = "https://a.gov.cn/"\n[calendar]\nholidays = ["tomorrow"]\n')
