"""Plumbing shared by the use cases: one transaction per use case, the clock, the calendar cache,
and the optimistic-locking check that turns a stale save into a readable conflict."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.db.clock import Clock, DatabaseClock, SystemClock
from app.db.engine import Database
from app.db.models import Ticket, User
from app.domain.errors import ConflictError, DatabaseError, NotFoundError
from app.services import catalog  # noqa: F401  (registers the services' messages)
from app.services.dto import Actor
from app.services.history import record
from app.sla.config import config_from_db, warning_fraction_from_db
from app.sla.working_time import WorkingTime


class DeskBase:
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self.db = db
        # Shared mode: the server's clock is "now" for every client (ARCHITECTURE.md, "Time").
        self.clock: Clock = clock or (DatabaseClock(db) if db.is_shared else SystemClock())
        self._wt: WorkingTime | None = None
        self._warning_fraction: float | None = None

    def now(self) -> datetime:
        return self.clock.now()

    # --- sessions ---------------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One use case, one transaction: everything or nothing is stored."""
        try:
            with self.db.session_factory.begin() as session:
                yield session
        except StaleDataError:
            raise ConflictError("conflict.ticket", reg_number="", who="?", when="?") from None
        except sa_exc.OperationalError as exc:
            raise DatabaseError("db.unreachable", url=self.db.describe(), reason=exc.orig) from exc

    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with self.db.read_factory() as session:
                yield session
        except sa_exc.OperationalError as exc:
            raise DatabaseError("db.unreachable", url=self.db.describe(), reason=exc.orig) from exc

    # --- calendar ---------------------------------------------------------------------------
    def working_time(self) -> WorkingTime:
        if self._wt is None:
            with self._read() as s:
                self._wt = WorkingTime(config_from_db(s))
        return self._wt

    def warning_fraction(self) -> float:
        if self._warning_fraction is None:
            with self._read() as s:
                self._warning_fraction = warning_fraction_from_db(s)
        return self._warning_fraction

    def reload_settings(self) -> None:
        """Forget cached calendar and settings (after an administrator's change)."""
        self._wt = None
        self._warning_fraction = None

    # --- tickets ----------------------------------------------------------------------------
    def _ticket(self, s: Session, ticket_id: int, expected_version: int | None = None) -> Ticket:
        ticket = s.get(Ticket, ticket_id)
        if ticket is None:
            raise NotFoundError("notfound.ticket")
        if expected_version is not None and ticket.version != expected_version:
            raise self._conflict(s, ticket)
        return ticket

    def _conflict(self, s: Session, ticket: Ticket) -> ConflictError:
        who = s.get(User, ticket.updated_by_id) if ticket.updated_by_id else None
        when = ticket.updated_at.astimezone(self.working_time().tz)
        return ConflictError(
            "conflict.ticket",
            reg_number=ticket.reg_number or f"#{ticket.id}",
            who=who.display_name if who else "?",
            when=when.strftime("%d.%m.%Y %H:%M:%S"),
            ticket_id=ticket.id,
            version=ticket.version,
        )

    def _history(
        self,
        s: Session,
        actor: Actor,
        ticket: Ticket,
        action: str,
        now: datetime,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        note: str | None = None,
    ) -> None:
        record(
            s,
            at=now,
            actor_id=actor.user_id,
            entity="ticket",
            entity_id=ticket.id,
            ticket_id=ticket.id,
            action=action,
            before=before,
            after=after,
            note=note,
        )

    def _save_change(
        self,
        s: Session,
        actor: Actor,
        ticket: Ticket,
        action: str,
        now: datetime,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        note: str | None = None,
    ) -> None:
        """Every change to a ticket: the version-checked save, then its history row (R7)."""
        self._save(s, ticket, actor.user_id, now)
        self._history(s, actor, ticket, action, now, before, after, note)

    def _save(self, s: Session, ticket: Ticket, actor_id: int, now: datetime) -> None:
        """Stamp and flush: the UPDATE carries ``WHERE version = …``, so a concurrent save that
        slipped in since our read makes this one fail instead of overwriting it."""
        ticket_id = ticket.id  # the object is unusable once the failed flush rolls back
        ticket.updated_by_id = actor_id
        ticket.updated_at = now
        try:
            s.flush()
        except StaleDataError:
            # A second (read-only) connection reads who won while this transaction unwinds.
            with self._read() as fresh:
                current = fresh.get(Ticket, ticket_id)
                raise self._conflict(fresh, current) from None
