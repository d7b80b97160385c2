"""R3.3/R3.4: working-time arithmetic — deadlines, time between, pauses, overrides, zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain.enums import OverrideKind
from app.domain.errors import ValidationError
from app.sla.config import CalendarConfig, DayOverride
from app.sla.working_time import WorkingTime

MSK = ZoneInfo("Europe/Moscow")
H = 3600


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)


@pytest.fixture(scope="module")
def wt() -> WorkingTime:
    return WorkingTime()


def test_r3_4_received_on_a_holiday_starts_next_working_morning(wt: WorkingTime) -> None:
    # 8 Jan is a holiday, 9 Jan a transferred day off, 10–11 Jan a weekend.
    assert wt.add(msk(2026, 1, 8, 16, 30), 4 * H) == msk(2026, 1, 12, 13, 0)


def test_r3_4_deadline_exactly_at_end_of_day_is_that_end(wt: WorkingTime) -> None:
    assert wt.add(msk(2026, 11, 25, 9, 0), 8 * H) == msk(2026, 11, 25, 17, 0)
    assert wt.add(msk(2026, 11, 25, 13, 0), 4 * H) == msk(2026, 11, 25, 17, 0)
    assert wt.add(msk(2026, 11, 24, 20, 0), 8 * H) == msk(2026, 11, 25, 17, 0)


def test_r3_4_received_at_night(wt: WorkingTime) -> None:
    assert wt.add(msk(2026, 11, 25, 2, 15), 1 * H) == msk(2026, 11, 25, 10, 0)
    assert wt.add(msk(2026, 11, 25, 23, 59), 1 * H) == msk(2026, 11, 26, 10, 0)


def test_r3_4_friday_16_59_runs_into_monday(wt: WorkingTime) -> None:
    deadline = wt.add(msk(2026, 11, 27, 16, 59), 4 * H)
    assert deadline == msk(2026, 11, 30, 12, 59)


def test_r3_4_holiday_eve_skips_the_holiday(wt: WorkingTime) -> None:
    # 3 Nov 2026 (Tue) precedes Unity Day on 4 Nov.
    assert wt.add(msk(2026, 11, 3, 15, 0), 4 * H) == msk(2026, 11, 5, 11, 0)


def test_r3_4_across_new_year(wt: WorkingTime) -> None:
    # 31 Dec 2026 is a transferred day off, 1–8 Jan 2027 holidays, 9–10 Jan a weekend.
    assert wt.add(msk(2026, 12, 30, 16, 0), 8 * H) == msk(2027, 1, 11, 16, 0)


def test_r3_3_working_saturday_counts(wt: WorkingTime) -> None:
    assert wt.is_working_time(msk(2025, 11, 1, 10, 0))
    assert wt.add(msk(2025, 10, 31, 16, 0), 4 * H) == msk(2025, 11, 1, 12, 0)
    assert not wt.is_working_time(msk(2025, 11, 3, 10, 0))


def test_r3_4_between_is_working_time_only_and_negative_when_reversed(wt: WorkingTime) -> None:
    a, b = msk(2026, 11, 27, 16, 0), msk(2026, 11, 30, 10, 30)
    assert wt.between(a, b) == timedelta(hours=2, minutes=30)
    assert wt.between(b, a) == -timedelta(hours=2, minutes=30)
    assert wt.between(msk(2026, 11, 28, 10), msk(2026, 11, 29, 10)) == timedelta(0)


def test_r3_7_next_working_moment(wt: WorkingTime) -> None:
    assert wt.next_working_moment(msk(2026, 11, 25, 12, 0)) == msk(2026, 11, 25, 12, 0)
    assert wt.next_working_moment(msk(2026, 11, 27, 17, 0)) == msk(2026, 11, 30, 9, 0)
    assert wt.next_working_moment(msk(2026, 12, 31, 10, 0)) == msk(2027, 1, 11, 9, 0)
    assert wt.is_working_time(msk(2026, 11, 25, 9, 0))
    assert not wt.is_working_time(msk(2026, 11, 25, 17, 0))


def test_r3_3_any_input_zone_gives_the_same_instant(wt: WorkingTime) -> None:
    received = msk(2026, 3, 2, 10, 0)
    in_vladivostok = received.astimezone(ZoneInfo("Asia/Vladivostok"))
    in_utc = received.astimezone(UTC)
    assert wt.add(in_vladivostok, 8 * H) == wt.add(in_utc, 8 * H) == msk(2026, 3, 3, 10, 0)


def test_naive_times_are_refused(wt: WorkingTime) -> None:
    with pytest.raises(ValueError, match="naive"):
        wt.add(datetime(2026, 1, 1, 10), 60)


def test_r3_3_working_hours_from_settings() -> None:
    wt = WorkingTime(CalendarConfig(work_start=time(8), work_end=time(20)))
    assert wt.add(msk(2026, 11, 25, 19, 0), 2 * H) == msk(2026, 11, 26, 9, 0)


def test_r3_3_other_vendor_zone_with_dst() -> None:
    """Any zone works, including one with daylight saving: 09:00–17:00 local on both sides."""
    berlin = ZoneInfo("Europe/Berlin")
    wt = WorkingTime(CalendarConfig(timezone="Europe/Berlin"))
    # Friday 27 Mar 2026 16:00 CET; clocks go forward on Sunday 29 Mar.
    got = wt.add(datetime(2026, 3, 27, 16, tzinfo=berlin), 2 * H)
    assert got == datetime(2026, 3, 30, 10, tzinfo=berlin)


def test_r3_3_overrides_take_precedence() -> None:
    overrides = (
        DayOverride(date(2026, 11, 26), OverrideKind.DAY_OFF, note="Санитарный день"),
        DayOverride(date(2026, 11, 28), OverrideKind.WORKING_DAY),
        DayOverride(date(2026, 11, 30), OverrideKind.HOURS, time(10), time(12)),
    )
    wt = WorkingTime(CalendarConfig(overrides=overrides))
    assert not wt.is_working_time(msk(2026, 11, 26, 10))
    assert wt.is_working_time(msk(2026, 11, 28, 10))
    assert wt.day(date(2026, 11, 30)).seconds == 2 * H
    # Wed 16:00 + 2 h: 1 h on Wed, Thu off, 1 h from Fri 09:00.
    assert wt.add(msk(2026, 11, 25, 16), 2 * H) == msk(2026, 11, 27, 10)
    # Fri 16:00 + 12 h: 1 h Fri, 8 h Sat (override), 2 h Mon 10–12, 1 h Tue.
    assert wt.add(msk(2026, 11, 27, 16), 12 * H) == msk(2026, 12, 1, 10)


def test_r3_3_years_outside_the_first_range_load_lazily(wt: WorkingTime) -> None:
    assert wt.add(msk(2019, 12, 31, 16, 0), 2 * H) == msk(2020, 1, 9, 10, 0)
    assert wt.between(msk(2019, 12, 31, 16, 0), msk(2020, 1, 9, 10, 0)) == timedelta(hours=2)
    # positions handed out before the range grew stay valid
    assert wt.add(msk(2026, 1, 8, 16, 30), 4 * H) == msk(2026, 1, 12, 13, 0)


def test_first_and_last_known_years_work_and_later_ones_are_refused() -> None:
    fresh = WorkingTime()  # its preloaded range is 2023–2028: both ends must be reached lazily
    assert fresh.add(msk(1992, 6, 1, 16, 30), 3600) == msk(1992, 6, 2, 9, 30)
    assert fresh.add(msk(2100, 6, 1, 16, 30), 3600) == msk(2100, 6, 2, 9, 30)
    with pytest.raises(ValueError, match="1992–2100"):
        fresh.add(msk(2101, 6, 1, 12), 3600)


def test_r3_3_override_whose_window_ends_before_it_starts_is_refused() -> None:
    late_start = DayOverride(date(2026, 11, 25), OverrideKind.WORKING_DAY, start=time(18, 0))
    with pytest.raises(ValidationError) as exc:
        WorkingTime(CalendarConfig(overrides=(late_start,)))
    assert "25.11.2026: рабочее время 18:00–17:00" in exc.value.message("ru")
