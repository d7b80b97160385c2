"""Where "now" comes from.

In shared mode the database server's clock is the authority (ARCHITECTURE.md, "Time"): the client
measures its offset to the server at connect and reconnect, and ``now()`` is the local clock plus
that offset, so it costs nothing per call. In local mode the machine's clock is the server's.
Tests inject a :class:`FixedClock`.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol

from sqlalchemy import text

from app.db.engine import Database


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock tests move by hand."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._at = at.astimezone(UTC)

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        self._at = at.astimezone(UTC)

    def advance(self, **delta: float) -> None:
        self._at += timedelta(**delta)


class DatabaseClock:
    """The server's clock, read once per (re)connect and followed with the local monotonic clock."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.offset = timedelta(0)
        self.sync()

    def sync(self) -> timedelta:
        if self._db.dialect != "postgresql":
            self.offset = timedelta(0)
            return self.offset
        with self._db.engine.connect() as conn:
            before = time.time()
            server: datetime = conn.execute(text("SELECT clock_timestamp()")).scalar_one()
            after = time.time()
        local_mid = datetime.fromtimestamp((before + after) / 2, UTC)
        self.offset = server.astimezone(UTC) - local_mid
        return self.offset

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset
