"""Administrators' use cases: staff accounts, settings and calendar overrides (R3.3, R7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.db.models import CalendarOverride, Setting, Ticket
from app.domain.enums import Role
from app.services import permissions as perm
from app.services.dto import Actor, TicketChanges
from app.services.history import record
from app.services.queries import OPEN_STATUSES, QueriesMixin
from app.services.users import create_user_unchecked
from app.sla.config import KEY_SHORTEN_PREHOLIDAY, CalendarConfig, DayOverride, config_from_db
from app.sla.working_time import WorkingTime

ADMINS = frozenset({Role.ADMIN})


@dataclass(frozen=True, slots=True)
class CalendarChange:
    """What an administrator is about to change in the calendar."""

    add: tuple[DayOverride, ...] = ()
    remove: tuple[date, ...] = ()
    shorten_preholiday: bool | None = None


class AdminMixin(QueriesMixin):
    def create_user(
        self,
        actor: Actor,
        *,
        login: str,
        display_name: str,
        role: Role,
        password: str,
        email: str | None = None,
    ) -> int:
        perm.require_role(actor, ADMINS, "create_user")
        now = self.now()
        with self._write() as s:
            user_id = create_user_unchecked(
                s,
                now,
                login=login,
                display_name=display_name,
                role=role,
                password=password,
                email=email,
            )
            record(
                s,
                at=now,
                actor_id=actor.user_id,
                entity="user",
                entity_id=user_id,
                action="created",
                after={"login": login, "role": role},
            )
            return user_id

    def _config_after(self, current: CalendarConfig, change: CalendarChange) -> CalendarConfig:
        removed = set(change.remove) | {o.day for o in change.add}
        overrides = tuple(o for o in current.overrides if o.day not in removed) + change.add
        shorten = (
            current.shorten_preholiday
            if change.shorten_preholiday is None
            else change.shorten_preholiday
        )
        return CalendarConfig(
            current.timezone, current.work_start, current.work_end, shorten, overrides
        )

    def preview_calendar_change(self, actor: Actor, change: CalendarChange) -> list[int]:
        """R3.3: the open, not yet reacted-to tickets whose deadline the change would move."""
        perm.require_role(actor, ADMINS, "calendar")
        with self._read() as s:
            wt = WorkingTime(self._config_after(config_from_db(s), change))
            return [ticket.id for ticket, _ in self._moved_deadlines(s, wt)]

    @staticmethod
    def _moved_deadlines(s: Session, wt: WorkingTime) -> list[tuple[Ticket, datetime]]:
        """(ticket, new deadline) of the open tickets not yet reacted to whose deadline ``wt``
        moves (R3.3): what the preview lists and the change applies."""
        tickets = s.scalars(
            select(Ticket).where(
                Ticket.status.in_(OPEN_STATUSES),
                Ticket.notified_at.is_(None),
                Ticket.reaction_target_seconds.is_not(None),
            )
        ).all()
        derived = wt.add_many(
            [t.received_at for t in tickets], [t.reaction_target_seconds for t in tickets]
        )
        return [
            (ticket, deadline)
            for ticket, deadline in zip(tickets, derived, strict=True)
            if deadline != ticket.reaction_deadline
        ]

    def apply_calendar_change(self, actor: Actor, change: CalendarChange) -> TicketChanges:
        """Store the overrides and re-derive the deadlines of tickets not yet reacted to;
        recorded reaction results stay as they are (R3.3)."""
        perm.require_role(actor, ADMINS, "calendar")
        now = self.now()
        with self._write() as s:
            config = self._config_after(config_from_db(s), change)
            wt = WorkingTime(config)
            days = set(change.remove) | {o.day for o in change.add}
            if days:
                s.execute(delete(CalendarOverride).where(CalendarOverride.day.in_(days)))
            for o in change.add:
                s.add(
                    CalendarOverride(
                        day=o.day,
                        kind=o.kind,
                        start_time=o.start,
                        end_time=o.end,
                        note=o.note,
                        created_by_id=actor.user_id,
                        created_at=now,
                    )
                )
            if change.shorten_preholiday is not None:
                setting = s.get(Setting, KEY_SHORTEN_PREHOLIDAY)
                if setting is None:
                    s.add(Setting(key=KEY_SHORTEN_PREHOLIDAY, value=change.shorten_preholiday))
                else:
                    setting.value = change.shorten_preholiday
            record(
                s,
                at=now,
                actor_id=actor.user_id,
                entity="calendar",
                entity_id=None,
                action="changed",
                after={
                    "add": [(o.day, o.kind) for o in change.add],
                    "remove": list(change.remove),
                    "shorten_preholiday": change.shorten_preholiday,
                },
            )
            moved = []
            for ticket, deadline in self._moved_deadlines(s, wt):
                old = ticket.reaction_deadline
                ticket.reaction_deadline = deadline
                self._save_change(
                    s,
                    actor,
                    ticket,
                    "deadline_rederived",
                    now,
                    before={"reaction_deadline": old},
                    after={"reaction_deadline": deadline},
                )
                moved.append(ticket.id)
        self.reload_settings()
        self._wt = wt  # the calendar just stored: no need to read it back
        return TicketChanges(tuple(moved), (), True, None)
