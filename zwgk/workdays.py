"""Working days in China: public holidays and make-up workdays (调休), from `chinese-calendar`.

Every "N working days" rule in zwgk (reply limits, 政策解读 within 3 working days) counts with
this module. The package knows the years the State Council has announced; a date outside them
is a clear error, never a silent guess. Provinces' extra days off (or on) come from the config.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import chinese_calendar

from .errors import ZwgkError


@dataclass
class Calendar:
    extra_holidays: set[date] = field(default_factory=set)
    extra_workdays: set[date] = field(default_factory=set)

    def is_workday(self, day: date) -> bool:
        if day in self.extra_holidays:
            return False
        if day in self.extra_workdays:
            return True
        try:
            return chinese_calendar.is_workday(day)
        except NotImplementedError:
            raise ZwgkError(
                f"工作日历中没有 {day.year} 年的节假日安排（chinese-calendar 只收录已公布的年份），"
                f"请升级 chinesecalendar 包，或在配置中补充该年的节假日"
            ) from None

    def workdays_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            count += self.is_workday(day)
        return count

    def add_workdays(self, start: date, days: int) -> date:
        """The date `days` working days after `start`: the deadline of an N-working-day limit."""
        day, left = start, days
        while left > 0:
            day += timedelta(days=1)
            left -= self.is_workday(day)
        return day


DEFAULT = Calendar()
