"""R3.3: the official production calendar 2024–2027, pinned from the decrees themselves
(not from the library that feeds the product), so a wrong library release fails here."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.sla.config import CalendarConfig
from app.sla.production_calendar import CHECKED_THROUGH_YEAR, RussiaProductionCalendar
from app.sla.working_time import WorkingTime

# decree -> (day off moved from, moved to)
TRANSFERS = {
    2024: [  # No. 1314 of 10.08.2023
        (date(2024, 1, 6), date(2024, 5, 10)),
        (date(2024, 1, 7), date(2024, 12, 31)),
        (date(2024, 4, 27), date(2024, 4, 29)),
        (date(2024, 11, 2), date(2024, 4, 30)),
        (date(2024, 12, 28), date(2024, 12, 30)),
    ],
    2025: [  # No. 1335 of 04.10.2024
        (date(2025, 1, 4), date(2025, 5, 2)),
        (date(2025, 1, 5), date(2025, 12, 31)),
        (date(2025, 2, 23), date(2025, 5, 8)),
        (date(2025, 3, 8), date(2025, 6, 13)),
        (date(2025, 11, 1), date(2025, 11, 3)),
    ],
    2026: [  # No. 1466 of 24.09.2025
        (date(2026, 1, 3), date(2026, 1, 9)),
        (date(2026, 1, 4), date(2026, 12, 31)),
    ],
    2027: [  # No. 1187 of 17.09.2026
        (date(2027, 1, 2), date(2027, 11, 5)),
        (date(2027, 1, 3), date(2027, 12, 31)),
        (date(2027, 2, 20), date(2027, 2, 22)),
    ],
}
WORKING_SATURDAYS = [
    date(2024, 4, 27),
    date(2024, 11, 2),
    date(2024, 12, 28),
    date(2025, 11, 1),
    date(2027, 2, 20),
]
OFFICIAL_WORKING_DAYS = {2024: 248, 2025: 247, 2026: 247, 2027: 247}
SHORTENED = {
    2024: [
        date(2024, 2, 22),
        date(2024, 3, 7),
        date(2024, 5, 8),
        date(2024, 6, 11),
        date(2024, 11, 2),
    ],
    2025: [date(2025, 3, 7), date(2025, 4, 30), date(2025, 6, 11), date(2025, 11, 1)],
    2026: [date(2026, 4, 30), date(2026, 5, 8), date(2026, 6, 11), date(2026, 11, 3)],
    2027: [date(2027, 2, 20), date(2027, 4, 30), date(2027, 6, 11), date(2027, 11, 3)],
}

calendar = RussiaProductionCalendar()


def _days(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days)]


@pytest.mark.parametrize(
    ("moved_from", "moved_to"),
    [pair for pairs in TRANSFERS.values() for pair in pairs],
    ids=lambda d: d.isoformat(),
)
def test_r3_3_every_decree_transfer_is_a_day_off(moved_from: date, moved_to: date) -> None:
    assert not calendar.is_working_day(moved_to)
    if moved_from in WORKING_SATURDAYS:
        assert calendar.is_working_day(moved_from)


@pytest.mark.parametrize("day", WORKING_SATURDAYS, ids=lambda d: d.isoformat())
def test_r3_3_weekend_days_made_working_by_decree(day: date) -> None:
    assert day.weekday() == 5
    assert calendar.is_working_day(day)


def test_r3_3_the_days_workalendar_russia_gets_wrong() -> None:
    assert not calendar.is_working_day(date(2026, 1, 9))
    assert not calendar.is_working_day(date(2025, 11, 3))
    assert calendar.is_working_day(date(2025, 11, 1))


@pytest.mark.parametrize(("year", "total"), OFFICIAL_WORKING_DAYS.items())
def test_r3_3_official_number_of_working_days(year: int, total: int) -> None:
    assert sum(calendar.is_working_day(d) for d in _days(year)) == total


@pytest.mark.parametrize("year", SHORTENED)
def test_r3_3_preholiday_days_match_the_official_list(year: int) -> None:
    assert [d for d in _days(year) if calendar.is_preholiday(d)] == SHORTENED[year]


@pytest.mark.parametrize("year", SHORTENED)
def test_r3_3_shortened_option_gives_the_official_hours_norm(year: int) -> None:
    """Labour Code art. 95: with the option on, the annual norm is 8 h × days − shortened days."""
    wt = WorkingTime(CalendarConfig(shorten_preholiday=True))
    hours = sum(d.seconds for d in wt.year_days(year)) / 3600
    assert hours == OFFICIAL_WORKING_DAYS[year] * 8 - len(SHORTENED[year])
    assert all(wt.day(d).end.hour == 16 for d in SHORTENED[year])


def test_r3_3_shortened_days_are_off_by_default() -> None:
    wt = WorkingTime()
    assert all(wt.day(d).end.hour == 17 for days in SHORTENED.values() for d in days)


def test_r3_3_checked_years_are_marked() -> None:
    assert CHECKED_THROUGH_YEAR == 2027
    wt = WorkingTime()
    assert wt.is_checked_year(2027) and not wt.is_checked_year(2028)
