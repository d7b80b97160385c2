"""Plain data crossing the service boundary: what the UI and the CLI get and give.

Sessions and ORM objects never leave ``app.services``; these frozen dataclasses do. Commands
return a :class:`TicketChanges` saying what changed, and each view decides what to refresh.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from app.domain.enums import (
    Channel,
    ClosingReason,
    Package,
    Role,
    Service,
    Severity,
    TicketStatus,
    VisitStatus,
)
from app.sla.working_time import from_us


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in staff member on whose behalf a use case runs (R7 permissions)."""

    user_id: int
    login: str
    display_name: str
    role: Role


@dataclass(frozen=True, slots=True)
class TicketChanges:
    """What a command changed: ids to reload and whether SLA figures moved."""

    ticket_ids: tuple[int, ...] = ()
    created: tuple[int, ...] = ()
    sla_changed: bool = False
    message: str | None = None  # a short, translated confirmation for a status bar


class QueueRow(NamedTuple):
    """One row of the live queue; SLA figures are derived from these fields by app.sla.

    A named tuple rather than a frozen dataclass, and instants as integer microseconds since the
    epoch (``app.sla.working_time.to_us``): the queue builds 100 000 of these at start, and both
    choices cut that cost several times. The datetime properties serve display code.
    """

    id: int
    version: int
    reg_number: str | None
    severity: Severity
    claimed_package: Package
    effective_package: Package
    organisation_id: int
    organisation: str
    subject: str
    assignee_id: int | None
    assignee: str | None
    status: TicketStatus
    channel: Channel
    received_us: int
    deadline_us: int | None
    reaction_target_seconds: int | None
    notified_us: int | None
    reaction_met: bool | None

    @property
    def received_at(self) -> datetime:
        return from_us(self.received_us)

    @property
    def reaction_deadline(self) -> datetime | None:
        return None if self.deadline_us is None else from_us(self.deadline_us)

    @property
    def notified_at(self) -> datetime | None:
        return None if self.notified_us is None else from_us(self.notified_us)


@dataclass(frozen=True, slots=True)
class CustomerHit:
    """A customer search result: the organisation, optionally the contact that matched."""

    organisation_id: int
    organisation: str
    city: str | None
    contact_id: int | None
    contact: str | None
    email: str | None
    phone: str | None
    package_on_file: Package | None  # active contract's package today, None if no active one
    contract_number: str | None
    contract_valid_to: date | None


@dataclass(frozen=True, slots=True)
class IntakeForm:
    """What the operator typed for a new request (R2.1, R4.2)."""

    organisation_id: int
    contact_id: int | None
    channel: Channel
    claimed_package: Package
    severity: Severity
    requested_service: Service
    subject: str
    description: str = ""
    product_version: str | None = None
    received_at: datetime | None = None  # None: the server's now
    received_at_reason: str | None = None  # required when earlier than now


@dataclass(frozen=True, slots=True)
class Verdict:
    """A flag with its explanation, rendered text included (R1.1, R1.2, R5, R6.2)."""

    ok: bool
    code: str
    text: str


@dataclass(frozen=True, slots=True)
class IntakePreview:
    """Live preview while the request is being typed: no database write."""

    effective_package: Package
    package_verdict: Verdict  # R5: why the effective package differs from the claim, if it does
    entitlement: Verdict  # R1.1 / R1.2
    version_verdict: Verdict | None  # R6.2, None when no version given
    received_at: datetime
    reaction_deadline: datetime
    target_hours: int
    personal_specialist: str | None  # R1.4 default assignee


@dataclass(frozen=True, slots=True)
class Agreement:
    """R2.2: the customer's agreement to a severity change."""

    agreed_by: str
    agreed_at: datetime
    channel: Channel


@dataclass(frozen=True, slots=True)
class HistoryItem:
    at: datetime
    actor: str | None
    action: str
    text: str  # rendered, translated description "field: before → after"


@dataclass(frozen=True, slots=True)
class CommentItem:
    id: int
    at: datetime
    author: str
    body: str


@dataclass(frozen=True, slots=True)
class VisitItem:
    id: int
    status: VisitStatus
    city: str
    agreed_date: date | None
    outside_presence_agreement: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class TicketDetail:
    row: QueueRow
    contact: str | None
    contact_email: str | None
    contact_phone: str | None
    description: str
    product_version: str | None
    requested_service: Service
    received_at_reason: str | None
    notification_channel: Channel | None
    reaction_working_seconds: int | None
    closing_reason: ClosingReason | None
    closing_justification: str | None
    updated_at: datetime
    updated_by: str | None
    flags: tuple[Verdict, ...]  # entitlement / package / outdated version verdicts on the ticket
    history: tuple[HistoryItem, ...] = ()
    comments: tuple[CommentItem, ...] = ()
    visits: tuple[VisitItem, ...] = ()
    allowed_actions: frozenset[str] = field(default_factory=frozenset)  # R7, for enabling buttons


@dataclass(frozen=True, slots=True)
class StaffItem:
    id: int
    login: str
    display_name: str
    role: Role
    active: bool


@dataclass(frozen=True, slots=True)
class WorkloadRow:
    user_id: int
    display_name: str
    open_tickets: int
    nearest_deadline: datetime | None
    breached: int
