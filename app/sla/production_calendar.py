"""The official Russian production calendar as a workalendar calendar (R3.3).

workalendar's own ``Russia`` ignores the government's transfer decrees. The decrees are taken
from python-holidays (``holidays.Russia``), which carries them year by year, so upgrading that
library brings next year's decree; nothing here is a hand-typed date table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays
from workalendar.core import SAT, SUN, Calendar

# The last year whose decree has been checked against the official calendar by our tests
# (tests/app/sla/test_production_calendar.py). Later years are computed but flagged.
CHECKED_THROUGH_YEAR = 2027

_SUBSTITUTED = re.compile(r"\(substituted from (\d{2})/(\d{2})/(\d{4})\)")
_OBSERVED = "(observed)"


@dataclass(frozen=True, slots=True)
class YearDecree:
    """One year of the production calendar as the decree and the Labour Code make it."""

    year: int
    days_off: dict[date, str]  # every non-weekend or weekend day that is off, with its name
    statutory: frozenset[date]  # art. 112 public holidays (not transfers, not observed days)
    transferred_from: dict[date, date]  # day off by decree -> the weekend day it was moved from
    working_weekends: frozenset[date]  # weekend days made working by decree


@lru_cache(maxsize=64)
def year_decree(year: int) -> YearDecree:
    # English names are stable to parse ("Day off (substituted from MM/DD/YYYY)").
    source = holidays.Russia(years=year, language="en_US")
    days_off: dict[date, str] = {}
    statutory: set[date] = set()
    moved: dict[date, date] = {}
    for day, name in sorted(source.items()):
        if day.year != year:
            continue
        days_off[day] = name
        if match := _SUBSTITUTED.search(name):
            month, dom, yr = (int(g) for g in match.groups())
            moved[day] = date(yr, month, dom)
        elif _OBSERVED not in name:
            statutory.add(day)
    working = frozenset(d for d in source.weekend_workdays if d.year == year)
    return YearDecree(year, days_off, frozenset(statutory), moved, working)


def is_checked(year: int) -> bool:
    """False for years after the last decree the product was checked against: the UI and the
    CLI say so instead of presenting a guess as the official calendar."""
    return year <= CHECKED_THROUGH_YEAR


class RussiaProductionCalendar(Calendar):
    """Mon–Fri working; public holidays and decree transfers off; decree Saturdays working."""

    name = "Russia (official production calendar)"
    WEEKEND_DAYS = (SAT, SUN)

    def get_calendar_holidays(self, year: int) -> list[tuple[date, str]]:
        return sorted(year_decree(year).days_off.items())

    def is_working_day(
        self,
        day: date | datetime,
        extra_working_days: list[date] | None = None,
        extra_holidays: list[date] | None = None,
    ) -> bool:
        day = day.date() if isinstance(day, datetime) else day
        if extra_holidays and day in extra_holidays:
            return False
        if day in year_decree(day.year).working_weekends:
            return True
        return super().is_working_day(day, extra_working_days, extra_holidays)

    def is_preholiday(self, day: date) -> bool:
        """Labour Code art. 95: the working day just before a public holiday is an hour shorter.

        A decree Saturday whose day off was moved to bridge the weekend and the holiday stands
        in for the day before the holiday (1 Nov 2025 before 3–4 Nov, 20 Feb 2027 before
        22–23 Feb), but not when the bridge also holds days moved from elsewhere (27 Apr 2024).
        """
        if not self.is_working_day(day):
            return False
        following = day + timedelta(days=1)
        if following in year_decree(following.year).statutory:
            return True
        if day not in year_decree(day.year).working_weekends:
            return False
        probe = following
        while not self.is_working_day(probe):
            decree = year_decree(probe.year)
            if probe in decree.statutory:
                return True
            moved_from = decree.transferred_from.get(probe)
            if moved_from is not None and moved_from != day:
                return False
            if moved_from is None and probe.weekday() not in self.WEEKEND_DAYS:
                return False
            probe += timedelta(days=1)
        return False


@lru_cache(maxsize=64)
def _names(year: int, language: str) -> dict[date, str]:
    return dict(holidays.Russia(years=year, language=language).items())


def holiday_name(day: date, lang: str) -> str | None:
    """The official name of a day off in the user's language (python-holidays translates)."""
    return _names(day.year, "ru" if lang == "ru" else "en_US").get(day)
