"""Working-time settings (R3.3): zone, hours window, pre-holiday option, administrators' overrides.

The defaults follow the support terms: 09:00–17:00 in Europe/Moscow (Kazan), no shortened
pre-holiday days. Shared settings live in the database (``settings`` and ``calendar_overrides``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import CalendarOverride, Setting
from app.domain import messages
from app.domain.enums import OverrideKind
from app.domain.errors import ValidationError

messages.register(
    {
        "calendar.bad_hours": {
            "ru": "{day}: рабочее время {start}–{end} заканчивается не позже, чем начинается.",
            "en": "{day}: working hours {start}–{end} do not end after they start.",
        },
    }
)

KEY_TIMEZONE = "sla.timezone"
KEY_WORK_START = "sla.work_start"
KEY_WORK_END = "sla.work_end"
KEY_SHORTEN_PREHOLIDAY = "sla.shorten_preholiday"
KEY_WARNING_FRACTION = "sla.warning_fraction"
KEY_CURRENT_VERSION = "product.current_version"

DEFAULT_TIMEZONE = "Europe/Moscow"
DEFAULT_WORK_START = time(9, 0)
DEFAULT_WORK_END = time(17, 0)
DEFAULT_WARNING_FRACTION = 0.25  # R3.7


@dataclass(frozen=True, slots=True)
class DayOverride:
    """An administrator's override for one day; it takes precedence over the decree."""

    day: date
    kind: OverrideKind
    start: time | None = None  # for HOURS (and optionally WORKING_DAY)
    end: time | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class CalendarConfig:
    timezone: str = DEFAULT_TIMEZONE
    work_start: time = DEFAULT_WORK_START
    work_end: time = DEFAULT_WORK_END
    shorten_preholiday: bool = False
    overrides: tuple[DayOverride, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.work_end <= self.work_start:
            raise ValueError("working hours must end after they start")
        # A working override takes what it leaves out from the usual hours; the window it ends
        # up with must still be a window, or the working-time axis would run backwards.
        for o in self.overrides:
            if o.kind is not OverrideKind.DAY_OFF:
                start, end = o.start or self.work_start, o.end or self.work_end
                if end <= start:
                    raise ValidationError(
                        "calendar.bad_hours",
                        day=o.day.strftime("%d.%m.%Y"),
                        start=start.strftime("%H:%M"),
                        end=end.strftime("%H:%M"),
                    )


def _time(value: object, default: time) -> time:
    return time.fromisoformat(str(value)) if value else default


def load_settings(session: Session) -> dict[str, object]:
    return {s.key: s.value for s in session.scalars(select(Setting))}


def config_from_db(session: Session) -> CalendarConfig:
    settings = load_settings(session)
    overrides = tuple(
        DayOverride(o.day, o.kind, o.start_time, o.end_time, o.note)
        for o in session.scalars(select(CalendarOverride).order_by(CalendarOverride.day))
    )
    return CalendarConfig(
        timezone=str(settings.get(KEY_TIMEZONE) or DEFAULT_TIMEZONE),
        work_start=_time(settings.get(KEY_WORK_START), DEFAULT_WORK_START),
        work_end=_time(settings.get(KEY_WORK_END), DEFAULT_WORK_END),
        shorten_preholiday=bool(settings.get(KEY_SHORTEN_PREHOLIDAY, False)),
        overrides=overrides,
    )


def warning_fraction_from_db(session: Session) -> float:
    value = session.get(Setting, KEY_WARNING_FRACTION)
    return float(value.value) if value is not None else DEFAULT_WARNING_FRACTION
