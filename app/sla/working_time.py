"""Working-time arithmetic over the production calendar (R3.3, R3.4; ARCHITECTURE.md "Time").

Every working period (one per working day) is kept as integer microseconds since the Unix epoch,
with a prefix sum of working time before it. An instant maps to a position on the "working-time
axis" by one binary search, and back by another, so a deadline costs O(log days) whatever its
length. Positions are anchored at 1 Jan 2024 00:00 (local), so extending the loaded range later
does not move positions already handed out (the queue caches them).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from math import floor
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from app.domain.enums import OverrideKind
from app.sla.config import CalendarConfig
from app.sla.production_calendar import RussiaProductionCalendar, is_checked, year_decree

if TYPE_CHECKING:
    import numpy as np  # imported where used: only batch callers pay its 0.1 s import

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
ONE_US = timedelta(microseconds=1)
US_PER_SECOND = 1_000_000
MIN_YEAR, MAX_YEAR = 1992, 2100  # the decree data starts in 1992
_ANCHOR = date(2024, 1, 1)
_PREHOLIDAY_CUT = timedelta(hours=1)  # Labour Code art. 95


class DayKind:
    """Why a day is (not) working; the codes are message keys of the explanation (R3.8)."""

    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    TRANSFERRED = "transferred"
    WORKING_WEEKEND = "working_weekend"
    PREHOLIDAY = "preholiday"
    OVERRIDE_OFF = "override_off"
    OVERRIDE_WORKING = "override_working"
    OVERRIDE_HOURS = "override_hours"


@dataclass(frozen=True, slots=True)
class WorkDay:
    day: date
    working: bool
    start: time | None
    end: time | None
    kind: str
    name: str | None = None  # holiday name or the override's note
    transferred_from: date | None = None

    @property
    def seconds(self) -> int:
        if not self.working or self.start is None or self.end is None:
            return 0
        return (
            self.end.hour * 60 + self.end.minute - self.start.hour * 60 - self.start.minute
        ) * 60


def to_us(t: datetime) -> int:
    """Microseconds since the epoch of an aware instant; naive times are refused."""
    if t.tzinfo is None:
        raise ValueError(f"naive datetime {t!r}: working time needs an aware instant")
    # C-level timestamp() floored to the second plus the microseconds: exact (a double's spacing
    # stays under 1 µs until 2242) and several times faster than aware datetime subtraction.
    return floor(t.timestamp()) * US_PER_SECOND + t.microsecond


def from_us(us: int) -> datetime:
    # One C-level timedelta addition: exact, and about three times faster than fromtimestamp()
    # plus replace(microsecond=…).
    return EPOCH + timedelta(0, 0, us)


def _seconds_to_us(amount: timedelta | float) -> int:
    if amount.__class__ is int:  # the common case (targets in seconds), checked first
        return amount * US_PER_SECOND
    if isinstance(amount, timedelta):
        return amount // ONE_US
    return round(amount * US_PER_SECOND)


class WorkingTime:
    """Working time of one calendar configuration. Instances are cheap to query, not to build:
    build one per configuration and reuse it (the services cache it)."""

    def __init__(self, config: CalendarConfig | None = None) -> None:
        self.config = config or CalendarConfig()
        self.tz = ZoneInfo(self.config.timezone)
        self.calendar = RussiaProductionCalendar()
        self._overrides = {o.day: o for o in self.config.overrides}
        self._lo_year = self._hi_year = 0
        self._lo_us = self._hi_us = 0
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._cum: list[int] = []  # working µs before each period, 0 at the anchor
        self._load(_ANCHOR.year - 1, _ANCHOR.year + 4)

    # --- the calendar, day by day -------------------------------------------------------
    def day(self, d: date) -> WorkDay:
        """One day of the effective calendar: overrides first, then the decree, then weekdays."""
        cfg = self.config
        override = self._overrides.get(d)
        if override is not None:
            if override.kind is OverrideKind.DAY_OFF:
                return WorkDay(d, False, None, None, DayKind.OVERRIDE_OFF, override.note)
            kind = (
                DayKind.OVERRIDE_HOURS
                if override.kind is OverrideKind.HOURS
                else DayKind.OVERRIDE_WORKING
            )
            return WorkDay(
                d,
                True,
                override.start or cfg.work_start,
                override.end or cfg.work_end,
                kind,
                override.note,
            )
        decree = year_decree(d.year)
        if not self.calendar.is_working_day(d):
            if d in decree.days_off:
                moved = decree.transferred_from.get(d)
                kind = DayKind.TRANSFERRED if moved else DayKind.HOLIDAY
                return WorkDay(d, False, None, None, kind, decree.days_off[d], moved)
            return WorkDay(d, False, None, None, DayKind.WEEKEND)
        kind = DayKind.WORKING_WEEKEND if d in decree.working_weekends else DayKind.WORKDAY
        end = cfg.work_end
        if cfg.shorten_preholiday and self.calendar.is_preholiday(d):
            shortened = datetime.combine(d, end) - _PREHOLIDAY_CUT
            if shortened.time() > cfg.work_start:
                end, kind = shortened.time(), DayKind.PREHOLIDAY
        return WorkDay(d, True, cfg.work_start, end, kind)

    def year_days(self, year: int) -> list[WorkDay]:
        first = date(year, 1, 1)
        return [
            self.day(first + timedelta(days=i)) for i in range((date(year + 1, 1, 1) - first).days)
        ]

    @staticmethod
    def is_checked_year(year: int) -> bool:
        return is_checked(year)

    # --- the loaded range -----------------------------------------------------------------
    def _local_us(self, d: date, t: time) -> int:
        return to_us(datetime.combine(d, t, tzinfo=self.tz))

    def _load(self, lo: int, hi: int) -> None:
        if lo < MIN_YEAR or hi > MAX_YEAR:
            raise ValueError(f"working time is known for {MIN_YEAR}–{MAX_YEAR} only")
        starts, ends, cum = [], [], []
        total = 0
        before_anchor = 0  # every range holds the anchor: the first is 2023–2028, ranges only grow
        day = date(lo, 1, 1)
        stop = date(hi + 1, 1, 1)
        while day < stop:
            if day == _ANCHOR:
                before_anchor = total
            info = self.day(day)
            if info.working and info.start is not None and info.end is not None:
                s, e = self._local_us(day, info.start), self._local_us(day, info.end)
                starts.append(s)
                ends.append(e)
                cum.append(total)
                total += e - s
            day += timedelta(days=1)
        self._starts, self._ends = starts, ends
        self._cum = [c - before_anchor for c in cum]
        self._lo_year, self._hi_year = lo, hi
        self._arrays = None  # numpy copies for the batch forms, built when first needed
        self._lo_us = self._local_us(date(lo, 1, 1), time(0))
        self._hi_us = self._local_us(date(hi + 1, 1, 1), time(0))

    def _cover(self, us: int) -> None:
        if self._lo_us <= us < self._hi_us:
            return
        year = from_us(us).astimezone(self.tz).year
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(f"working time is known for {MIN_YEAR}–{MAX_YEAR} only")
        # A year of margin each side, but never past the known years (1992 and 2100 work too).
        self._load(
            min(self._lo_year, max(MIN_YEAR, year - 1)), max(self._hi_year, min(MAX_YEAR, year + 1))
        )

    # --- the working-time axis --------------------------------------------------------------
    def w_us(self, us: int) -> int:
        """Position of an instant (µs since the epoch) on the working-time axis, in µs."""
        if not self._lo_us <= us < self._hi_us:
            self._cover(us)
        k = bisect_right(self._starts, us) - 1
        if k < 0:
            return self._cum[0]
        into = us - self._starts[k]
        length = self._ends[k] - self._starts[k]
        return self._cum[k] + (into if into < length else length)

    def from_w_us(self, w: int) -> int:
        """The instant at working position ``w``. A position at the end of a period maps to
        that end (17:00), not to the next morning (R3.4)."""
        while w <= self._cum[0]:
            self._load(self._lo_year - 2, self._hi_year)
        while w > self._cum[-1] + (self._ends[-1] - self._starts[-1]):
            self._load(self._lo_year, self._hi_year + 2)
        k = bisect_left(self._cum, w) - 1
        return self._starts[k] + (w - self._cum[k])

    def w(self, t: datetime) -> int:
        return self.w_us(to_us(t))

    # --- the public arithmetic ------------------------------------------------------------
    def add(self, t: datetime, amount: timedelta | float) -> datetime:
        """``t`` plus ``amount`` of working time (a timedelta or seconds). Outside working time
        the clock starts at the next working moment (R3.4); zero returns ``t`` itself."""
        delta = _seconds_to_us(amount)
        if delta == 0:
            return t
        return from_us(self.from_w_us(self.w_us(to_us(t)) + delta))

    # --- the same for whole batches (numpy) -----------------------------------------------
    def _us_array(self, times: Sequence[datetime]) -> np.ndarray:
        """``to_us`` for a batch: timestamp() per item, the flooring in numpy (exact, see
        ``to_us``); the range is extended once to cover them all."""
        import numpy as np

        if any(t.tzinfo is None for t in times):
            raise ValueError("naive datetime: working time needs aware instants")
        seconds = np.floor(np.array([t.timestamp() for t in times])).astype(np.int64)
        us = seconds * US_PER_SECOND + np.array([t.microsecond for t in times], np.int64)
        self._cover(int(us.min()))
        self._cover(int(us.max()))
        return us

    def _numpy_periods(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(starts, ends, cum) as numpy arrays, once per loaded range."""
        if self._arrays is None:
            import numpy as np

            self._arrays = tuple(
                np.asarray(x, np.int64) for x in (self._starts, self._ends, self._cum)
            )
        return self._arrays

    def _w_array(self, us: np.ndarray) -> np.ndarray:
        """``w_us`` for a batch (the range must cover it, see ``_us_array``)."""
        import numpy as np

        starts, ends, cum = self._numpy_periods()
        k = np.searchsorted(starts, us, side="right") - 1
        inside = np.clip(us - starts[k], 0, ends[k] - starts[k])
        return np.where(k < 0, cum[0], cum[k] + inside)

    def add_many(
        self, times: Sequence[datetime], amounts: Sequence[timedelta | float]
    ) -> list[datetime]:
        """``add`` for many instants at once, for bulk callers (a CSV of requests, every pending
        deadline after a calendar change): the same results, with both binary searches and the
        arithmetic done by numpy over the whole batch; only the conversions from and to
        datetime objects remain per item."""
        if not times:
            return []
        import numpy as np

        deltas = np.fromiter(
            (_seconds_to_us(a) for a in amounts),
            np.int64,
            len(times),
        )
        w = self._w_array(self._us_array(times)) + deltas
        self.from_w_us(int(w.min()))  # loads more years when a target lies beyond the range
        self.from_w_us(int(w.max()))
        starts, _, cum = self._numpy_periods()
        j = np.searchsorted(cum, w, side="left") - 1
        result = (starts[j] + (w - cum[j])).tolist()
        return [
            t if d == 0 else EPOCH + timedelta(0, 0, us)
            for t, d, us in zip(times, deltas.tolist(), result, strict=True)
        ]

    def between_many(self, starts: Sequence[datetime], ends: Sequence[datetime]) -> list[timedelta]:
        """``between`` for many pairs at once (SLA figures of many tickets)."""
        if len(starts) != len(ends):
            raise ValueError("between_many needs as many ends as starts")
        if not starts:
            return []
        w_start = self._w_array(self._us_array(starts))
        w_end = self._w_array(self._us_array(ends))
        return [timedelta(0, 0, d) for d in (w_end - w_start).tolist()]

    def between(self, a: datetime, b: datetime) -> timedelta:
        """Working time from ``a`` to ``b``; negative when ``b`` is earlier."""
        return timedelta(microseconds=self.w_us(to_us(b)) - self.w_us(to_us(a)))

    def between_seconds(self, a: datetime, b: datetime) -> float:
        return (self.w_us(to_us(b)) - self.w_us(to_us(a))) / US_PER_SECOND

    def is_working_time(self, t: datetime) -> bool:
        us = to_us(t)
        self._cover(us)
        k = bisect_right(self._starts, us) - 1
        return k >= 0 and us < self._ends[k]

    def next_working_moment(self, t: datetime) -> datetime:
        """``t`` itself inside working time, else the start of the next working period."""
        us = to_us(t)
        self._cover(us)
        while True:
            k = bisect_right(self._starts, us) - 1
            if k >= 0 and us < self._ends[k]:
                return t
            if k + 1 < len(self._starts):
                return from_us(self._starts[k + 1])
            self._load(self._lo_year, self._hi_year + 2)

    def local(self, t: datetime) -> datetime:
        return t.astimezone(self.tz)
