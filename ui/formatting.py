"""Display formats shared by the widgets (times in the SLA zone, durations as h:mm:ss)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from app.domain import labels


def local_text(t: datetime | None, tz: ZoneInfo, *, seconds: bool = False) -> str:
    if t is None:
        return "—"
    return t.astimezone(tz).strftime("%d.%m.%Y %H:%M:%S" if seconds else "%d.%m.%Y %H:%M")


def duration(seconds: float) -> str:
    sign = "−" if seconds < 0 else ""
    total = int(abs(seconds))
    return f"{sign}{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"


def weekday_time(t: datetime, tz: ZoneInfo) -> str:
    local = t.astimezone(tz)
    return f"{labels.weekday_short(local.weekday())} {local:%H:%M}"


def to_qdatetime(t: datetime, tz: ZoneInfo):
    """A QDateTime in the SLA zone (not the machine's), whatever the desktop's zone."""
    from PySide6.QtCore import QDateTime, QTimeZone

    return QDateTime.fromMSecsSinceEpoch(int(t.timestamp() * 1000), QTimeZone(tz.key.encode()))


def datetime_edit(t: datetime, tz: ZoneInfo):
    """An editor for an instant, showing and taking it in the SLA zone. The editor's own zone
    must be set: given a QDateTime in another zone, it converts it to the desktop's."""
    from PySide6.QtCore import QTimeZone
    from PySide6.QtWidgets import QDateTimeEdit

    edit = QDateTimeEdit()
    edit.setTimeZone(QTimeZone(tz.key.encode()))
    edit.setDateTime(to_qdatetime(t, tz))
    edit.setDisplayFormat("dd.MM.yyyy HH:mm:ss")
    edit.setCalendarPopup(True)
    return edit


def from_qdatetime(value) -> datetime:
    from datetime import UTC

    return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, tz=UTC)
