"""The data model (SQLAlchemy 2.x typed mappings).

Every instant is ``UTCDateTime`` (aware UTC). Enumerations are stored as their string values.
``Ticket.version`` is the optimistic-locking counter (ARCHITECTURE.md, "Data integrity").
``HistoryEntry`` is insert-only; on PostgreSQL a trigger (see the migrations) enforces it.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.db.types import StrEnumType, UTCDateTime
from app.domain.enums import (
    Channel,
    ClosingReason,
    OverrideKind,
    Package,
    Role,
    Service,
    Severity,
    TicketStatus,
    VisitStatus,
)

# Deterministic constraint names, so that migrations can address them on both back ends.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SUBJECT_MAX = 200
DESCRIPTION_MAX = 20_000


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class User(Base):
    """A staff account (R7)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(StrEnumType(Role))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    city: Mapped[str | None] = mapped_column(String(120))
    inn: Mapped[str | None] = mapped_column(String(12), unique=True)
    # Lower-cased, layout-normalised copy of the name for fast prefix search (services fill it).
    search_key: Mapped[str] = mapped_column(String(300), index=True, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    contacts: Mapped[list[Contact]] = relationship(back_populates="organisation")
    contracts: Mapped[list[Contract]] = relationship(back_populates="organisation")
    installations: Mapped[list[Installation]] = relationship(back_populates="organisation")


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(32), index=True)  # E.164
    search_key: Mapped[str] = mapped_column(String(200), index=True, default="")

    organisation: Mapped[Organisation] = relationship(back_populates="contacts")


class Contract(Base):
    """A support contract (R1, R1.3, R1.4, R5)."""

    __tablename__ = "contracts"
    __table_args__ = (CheckConstraint("valid_to >= valid_from", name="period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    package: Mapped[Package] = mapped_column(StrEnumType(Package))
    number: Mapped[str] = mapped_column(String(64), unique=True)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    visits_per_incident: Mapped[int] = mapped_column(Integer, default=0)
    personal_specialist_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    cities: Mapped[list[str]] = mapped_column(JSON, default=list)  # cities covered by S11

    organisation: Mapped[Organisation] = relationship(back_populates="contracts")
    personal_specialist: Mapped[User | None] = relationship()

    def is_active_on(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_to


class Installation(Base):
    """A product installation of a customer (R6.2 needs the version)."""

    __tablename__ = "installations"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    product_version: Mapped[str] = mapped_column(String(32))
    site: Mapped[str | None] = mapped_column(String(200))

    organisation: Mapped[Organisation] = relationship(back_populates="installations")


class Ticket(Base):
    """A customer request (incident). R2–R6."""

    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_status_deadline", "status", "reaction_deadline"),
        Index("ix_tickets_assignee_status", "assignee_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reg_number: Mapped[str | None] = mapped_column(String(32), unique=True)  # R4.3
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    channel: Mapped[Channel] = mapped_column(StrEnumType(Channel))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    received_at_reason: Mapped[str | None] = mapped_column(Text)  # why it was back-dated
    claimed_package: Mapped[Package] = mapped_column(StrEnumType(Package))  # R4.2
    effective_package: Mapped[Package] = mapped_column(StrEnumType(Package))  # R5
    package_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    severity: Mapped[Severity] = mapped_column(StrEnumType(Severity))
    subject: Mapped[str] = mapped_column(String(SUBJECT_MAX))
    description: Mapped[str] = mapped_column(Text, default="")
    product_version: Mapped[str | None] = mapped_column(String(32))
    requested_service: Mapped[Service] = mapped_column(StrEnumType(Service))
    status: Mapped[TicketStatus] = mapped_column(StrEnumType(TicketStatus), index=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reaction_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reaction_target_seconds: Mapped[int | None] = mapped_column(Integer)
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    notification_channel: Mapped[Channel | None] = mapped_column(StrEnumType(Channel))
    notification_info_request: Mapped[str | None] = mapped_column(Text)
    reaction_met: Mapped[bool | None] = mapped_column(Boolean)  # R3.6
    reaction_working_seconds: Mapped[int | None] = mapped_column(Integer)  # R3.6
    closing_reason: Mapped[ClosingReason | None] = mapped_column(StrEnumType(ClosingReason))
    closing_justification: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}

    organisation: Mapped[Organisation] = relationship()
    contact: Mapped[Contact | None] = relationship()
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])
    updated_by: Mapped[User | None] = relationship(foreign_keys=[updated_by_id])


class SeverityChange(Base):
    """R2.2: a severity change with the customer's recorded agreement."""

    __tablename__ = "severity_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    old_severity: Mapped[Severity] = mapped_column(StrEnumType(Severity))
    new_severity: Mapped[Severity] = mapped_column(StrEnumType(Severity))
    agreed_by: Mapped[str] = mapped_column(String(200))  # the customer's person who agreed
    agreed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    agreement_channel: Mapped[Channel] = mapped_column(StrEnumType(Channel))
    changed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    before_reaction: Mapped[bool] = mapped_column(Boolean)


class OnsiteVisit(Base):
    """R1.3: S11 on-site visit for an incident."""

    __tablename__ = "onsite_visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    status: Mapped[VisitStatus] = mapped_column(StrEnumType(VisitStatus))
    city: Mapped[str] = mapped_column(String(120))
    address: Mapped[str | None] = mapped_column(String(300))
    agreed_date: Mapped[date | None] = mapped_column(Date)
    outside_presence_agreement: Mapped[str | None] = mapped_column(Text)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    note: Mapped[str | None] = mapped_column(Text)


class Comment(Base):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    body: Mapped[str] = mapped_column(Text)


class HistoryEntry(Base):
    """Append-only audit trail (R7): who, when, what, before → after."""

    __tablename__ = "history"
    __table_args__ = (Index("ix_history_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(60))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)


class CalendarOverride(Base):
    """R3.3: an administrator's override of the production calendar for one day."""

    __tablename__ = "calendar_overrides"
    __table_args__ = (
        CheckConstraint(
            "kind <> 'hours' OR (start_time IS NOT NULL AND end_time IS NOT NULL "
            "AND end_time > start_time)",
            name="hours_window",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[OverrideKind] = mapped_column(StrEnumType(OverrideKind))
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    note: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Setting(Base):
    """Shared (database-wide) settings; per-machine preferences live in the platform config."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class RegistrationCounter(Base):
    """R4.3: per-year counter behind ``CS-<year>-<6-digit sequence>``.

    Incremented with one ``INSERT … ON CONFLICT DO UPDATE … RETURNING`` inside the registering
    transaction: the row lock serialises concurrent registrations on PostgreSQL, SQLite's write
    lock does on SQLite, and the number restarts each year (a plain sequence would not).
    """

    __tablename__ = "registration_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_value: Mapped[int] = mapped_column(Integer)
