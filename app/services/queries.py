"""Read side: the queue, one ticket's detail, workload, staff, sign-in."""

from __future__ import annotations

from sqlalchemy import func, select, type_coerce
from sqlalchemy.orm import Session, aliased
from sqlalchemy.types import NullType

from app.db.expressions import epoch_us
from app.db.models import (
    Comment,
    Contact,
    HistoryEntry,
    OnsiteVisit,
    Organisation,
    Ticket,
    User,
)
from app.domain.enums import Channel, Package, Role, Severity, TicketStatus
from app.domain.errors import PermissionDenied
from app.services import permissions as perm
from app.services.customers import active_contract
from app.services.dto import (
    Actor,
    CommentItem,
    HistoryItem,
    QueueRow,
    StaffItem,
    TicketDetail,
    VisitItem,
    WorkloadRow,
)
from app.services.history_text import describe
from app.services.lifecycle import LifecycleMixin
from app.services.users import verify_password

OPEN_STATUSES = tuple(s for s in TicketStatus if s.is_open)

_Assignee = aliased(User)


def _raw(column):
    # No result processor: the queue converts enums and flags itself (see _queue_row).
    return type_coerce(column, NullType())


_QUEUE_COLUMNS = (
    Ticket.id,
    Ticket.version,
    Ticket.reg_number,
    _raw(Ticket.severity),
    _raw(Ticket.claimed_package),
    _raw(Ticket.effective_package),
    Ticket.organisation_id,
    Organisation.name,
    Ticket.subject,
    Ticket.assignee_id,
    _Assignee.display_name,
    _raw(Ticket.status),
    _raw(Ticket.channel),
    epoch_us(Ticket.received_at),
    epoch_us(Ticket.reaction_deadline),
    Ticket.reaction_target_seconds,
    epoch_us(Ticket.notified_at),
    _raw(Ticket.reaction_met),
)
_SEVERITY = Severity._value2member_map_
_PACKAGE = Package._value2member_map_
_STATUS = TicketStatus._value2member_map_
_CHANNEL = Channel._value2member_map_


def _queue_select():
    return (
        select(*_QUEUE_COLUMNS)
        .join(Organisation, Organisation.id == Ticket.organisation_id)
        .outerjoin(_Assignee, _Assignee.id == Ticket.assignee_id)
    )


def _queue_rows(raw_rows) -> list[QueueRow]:
    """Queue rows from raw values: the database already gave instants as integer µs, and the
    enums are dictionary lookups here rather than a type processor call per value (the start
    of a 100 000-ticket queue spends most of its time in this loop)."""
    return [
        QueueRow(
            id_,
            version,
            reg,
            _SEVERITY[severity],
            _PACKAGE[claimed],
            _PACKAGE[effective],
            org_id,
            org,
            subject,
            assignee_id,
            assignee,
            _STATUS[status],
            _CHANNEL[channel],
            received,
            deadline,
            target,
            notified,
            None if met is None else bool(met),
        )
        for (
            id_,
            version,
            reg,
            severity,
            claimed,
            effective,
            org_id,
            org,
            subject,
            assignee_id,
            assignee,
            status,
            channel,
            received,
            deadline,
            target,
            notified,
            met,
        ) in raw_rows
    ]


class QueriesMixin(LifecycleMixin):
    def authenticate(self, login: str, password: str) -> Actor:
        with self._read() as s:
            user = s.scalar(select(User).where(User.login == login.strip().lower()))
            if user is None or not user.active or not verify_password(user.password_hash, password):
                raise PermissionDenied("auth.failed")
            return Actor(user.id, user.login, user.display_name, user.role)

    def queue_rows(self, actor: Actor, *, include_closed: bool = False) -> list[QueueRow]:
        stmt = _queue_select()
        if not include_closed:
            stmt = stmt.where(Ticket.status.in_(OPEN_STATUSES))
        with self._read() as s:
            # Core execution on the session's connection: no ORM row machinery per ticket.
            return _queue_rows(s.connection().execute(stmt).fetchall())

    def queue_row(self, ticket_id: int) -> QueueRow | None:
        with self._read() as s:
            rows = _queue_rows(s.execute(_queue_select().where(Ticket.id == ticket_id)).all())
            return rows[0] if rows else None

    def ticket(self, actor: Actor, ticket_id: int) -> TicketDetail:
        tz = self.working_time().tz
        with self._read() as s:
            ticket = self._ticket(s, ticket_id)
            (row,) = _queue_rows([s.execute(_queue_select().where(Ticket.id == ticket_id)).one()])
            contact = s.get(Contact, ticket.contact_id) if ticket.contact_id else None
            names = dict(s.execute(select(User.id, User.display_name)).all())
            history = tuple(
                HistoryItem(h.at, names.get(h.actor_id), h.action, describe(h, names, tz))
                for h in s.scalars(
                    select(HistoryEntry)
                    .where(HistoryEntry.ticket_id == ticket_id)
                    .order_by(HistoryEntry.at, HistoryEntry.id)
                )
            )
            comments = tuple(
                CommentItem(c.id, c.created_at, names.get(c.author_id, "?"), c.body)
                for c in s.scalars(
                    select(Comment).where(Comment.ticket_id == ticket_id).order_by(Comment.id)
                )
            )
            visits = tuple(
                VisitItem(
                    v.id, v.status, v.city, v.agreed_date, v.outside_presence_agreement, v.note
                )
                for v in s.scalars(
                    select(OnsiteVisit)
                    .where(OnsiteVisit.ticket_id == ticket_id)
                    .order_by(OnsiteVisit.id)
                )
            )
            flags = self._flags(s, ticket)
            return TicketDetail(
                row=row,
                contact=contact.name if contact else None,
                contact_email=contact.email if contact else None,
                contact_phone=contact.phone if contact else None,
                description=ticket.description,
                product_version=ticket.product_version,
                requested_service=ticket.requested_service,
                received_at_reason=ticket.received_at_reason,
                notification_channel=ticket.notification_channel,
                reaction_working_seconds=ticket.reaction_working_seconds,
                closing_reason=ticket.closing_reason,
                closing_justification=ticket.closing_justification,
                updated_at=ticket.updated_at,
                updated_by=names.get(ticket.updated_by_id),
                flags=flags,
                history=history,
                comments=comments,
                visits=visits,
                allowed_actions=perm.allowed_actions(
                    actor, ticket, extended_in_force=self._extended_in_force(s, ticket)
                ),
            )

    def _extended_in_force(self, s: Session, ticket: Ticket) -> bool:
        if ticket.effective_package is Package.EXTENDED:
            return True
        contract = active_contract(s, ticket.organisation_id, self._today())
        return contract is not None and contract.package is Package.EXTENDED

    def _flags(self, s: Session, ticket: Ticket) -> tuple:
        flags = [self._entitlement(ticket.requested_service, ticket.effective_package)]
        if ticket.claimed_package is not ticket.effective_package:
            flags.append(self._verdict(False, "package.no_extended_contract"))
        version = self._version_verdict(s, ticket.product_version)
        if version is not None:
            flags.append(version)
        return tuple(flags)

    def staff(self, *, include_inactive: bool = False) -> list[StaffItem]:
        stmt = select(User).order_by(User.display_name)
        if not include_inactive:
            stmt = stmt.where(User.active.is_(True))
        with self._read() as s:
            return [
                StaffItem(u.id, u.login, u.display_name, u.role, u.active) for u in s.scalars(stmt)
            ]

    def workload(self, actor: Actor) -> list[WorkloadRow]:
        """Per specialist: open tickets, nearest reaction deadline, breached (R7, team leads)."""
        perm.require_role(actor, perm.LEADS, "workload")
        now = self.now()
        open_ = Ticket.status.in_(OPEN_STATUSES)
        pending = open_ & Ticket.notified_at.is_(None)
        breached = (pending & (Ticket.reaction_deadline < now)) | (
            Ticket.reaction_met.is_(False) & open_
        )
        stmt = (
            select(
                User.id,
                User.display_name,
                func.count(Ticket.id).filter(open_),
                func.min(Ticket.reaction_deadline).filter(pending),
                func.count(Ticket.id).filter(breached),
            )
            .outerjoin(Ticket, Ticket.assignee_id == User.id)
            .where(User.active.is_(True), User.role != Role.ADMIN)
            .group_by(User.id, User.display_name)
            .order_by(User.display_name)
        )
        with self._read() as s:
            return [WorkloadRow(*row) for row in s.execute(stmt)]
