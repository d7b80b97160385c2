"""The insert-only audit trail (R7): one row per change, who, when, what, before → after."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from app.db.models import HistoryEntry


def _plain(value: Any) -> Any:
    """JSON-safe form of a value for the before/after columns."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def record(
    session: Session,
    *,
    at: datetime,
    actor_id: int | None,
    entity: str,
    entity_id: int | None,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    ticket_id: int | None = None,
    note: str | None = None,
) -> HistoryEntry:
    entry = HistoryEntry(
        ticket_id=ticket_id,
        entity=entity,
        entity_id=entity_id,
        action=action,
        actor_id=actor_id,
        at=at,
        before=_plain(before) if before is not None else None,
        after=_plain(after) if after is not None else None,
        note=note,
    )
    session.add(entry)
    return entry
