"""Enumerations named after the support terms (PRODUCT.md R1–R7).

Values are stable strings: they are stored in the database and printed by the CLI.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OPERATOR = "operator"
    TEAM_LEAD = "team_lead"
    ADMIN = "admin"


class Package(StrEnum):
    """R1: support packages."""

    BASIC = "basic"
    EXTENDED = "extended"


class Severity(StrEnum):
    """R2: incident severity, most severe first."""

    CRITICAL = "critical"
    MEDIUM = "medium"
    LOW = "low"


class Service(StrEnum):
    """R1: services from the terms' table, plus initial setup (not a support service, R1.1)."""

    S1 = "S1"
    S2 = "S2"
    S3 = "S3"
    S4 = "S4"
    S5 = "S5"
    S6 = "S6"
    S7 = "S7"
    S8 = "S8"
    S9 = "S9"
    S10 = "S10"
    S11 = "S11"
    INITIAL_SETUP = "initial_setup"


class Channel(StrEnum):
    """R4.1: how a request arrived or how the customer was notified."""

    PHONE = "phone"
    EMAIL = "email"
    OTHER = "other"


class TicketStatus(StrEnum):
    NEW = "new"
    REGISTERED = "registered"
    IN_PROGRESS = "in_progress"
    WAITING_CUSTOMER = "waiting_customer"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REFUSED = "refused"

    @property
    def is_open(self) -> bool:
        return self not in (TicketStatus.CLOSED, TicketStatus.REFUSED)


class ClosingReason(StrEnum):
    RESOLVED = "resolved"
    OUTDATED_VERSION = "outdated_version"  # R6.2: known fixes / upgrade advice given
    CUSTOMER_WITHDREW = "customer_withdrew"
    DUPLICATE = "duplicate"
    MISUSE = "misuse"  # R6.3 refusal
    ETIQUETTE = "etiquette"  # R6.4 refusal
    OUT_OF_SCOPE = "out_of_scope"  # R1.1 refusal

    @property
    def is_refusal(self) -> bool:
        return self in (ClosingReason.MISUSE, ClosingReason.ETIQUETTE, ClosingReason.OUT_OF_SCOPE)

    @property
    def needs_justification(self) -> bool:
        return self.is_refusal


class VisitStatus(StrEnum):
    """R1.3: on-site visit life cycle."""

    REQUESTED = "requested"
    AGREED = "agreed"
    DONE = "done"
    CANCELLED = "cancelled"


class OverrideKind(StrEnum):
    """R3.3: administrators' calendar overrides."""

    DAY_OFF = "day_off"
    WORKING_DAY = "working_day"
    HOURS = "hours"  # a working day with a different working-hours window
