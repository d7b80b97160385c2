"""The reaction policy (R3.2, R3.4–R3.7): targets, deadlines, results and the live SLA state.

``sla_state_fast`` is the per-row hot path of the queue's 1 Hz tick: the caller computes the
working-time position of "now" once per tick and each row costs a few integer operations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain.enums import Package, Severity
from app.sla.config import DEFAULT_WARNING_FRACTION
from app.sla.working_time import US_PER_SECOND, WorkingTime, from_us, to_us

# R3.2: reaction targets in working hours.
REACTION_TARGET_HOURS: dict[tuple[Package, Severity], int] = {
    (Package.BASIC, Severity.CRITICAL): 4,
    (Package.BASIC, Severity.MEDIUM): 8,
    (Package.BASIC, Severity.LOW): 24,
    (Package.EXTENDED, Severity.CRITICAL): 1,
    (Package.EXTENDED, Severity.MEDIUM): 4,
    (Package.EXTENDED, Severity.LOW): 8,
}


def reaction_target_seconds(package: Package, severity: Severity) -> int:
    return REACTION_TARGET_HOURS[(package, severity)] * 3600


def reaction_deadline(
    wt: WorkingTime, received: datetime, package: Package, severity: Severity
) -> datetime:
    """R3.4: received time plus the target in working hours; R3.5 recomputes it the same way
    from the original received time."""
    return wt.add(received, reaction_target_seconds(package, severity))


@dataclass(frozen=True, slots=True)
class ReactionResult:
    """R3.6: recorded when the customer is notified."""

    met: bool
    working_seconds: int


def reaction_result(
    wt: WorkingTime, received: datetime, deadline: datetime, notified: datetime
) -> ReactionResult:
    used = max(0, round(wt.between_seconds(received, notified)))
    return ReactionResult(notified <= deadline, used)


class SlaPhase(StrEnum):
    RUNNING = "running"
    PAUSED = "paused"  # outside working time, not yet breached (R3.7)
    WARNING = "warning"
    BREACHED = "breached"
    MET = "met"
    MET_LATE = "met_late"


@dataclass(frozen=True, slots=True)
class SlaState:
    phase: SlaPhase
    left_seconds: float  # working time left; negative = overdue
    used_seconds: float
    target_seconds: int
    fraction_used: float
    deadline: datetime | None
    resume_at: datetime | None = None  # when paused: the next working moment
    warning: bool = False  # little left (also true while paused)

    @property
    def overdue_seconds(self) -> float:
        return max(0.0, -self.left_seconds)


def sla_state_fast(
    *,
    now_us: int,
    w_now: int,
    now_is_working: bool,
    resume_at_us: int | None,
    w_received: int,
    deadline_us: int,
    target_seconds: int,
    w_notified: int | None = None,
    notified_us: int | None = None,
    warning_fraction: float = DEFAULT_WARNING_FRACTION,
) -> SlaState:
    target_us = target_seconds * US_PER_SECOND
    deadline = from_us(deadline_us)
    if w_notified is not None and notified_us is not None:
        used = max(0, w_notified - w_received)
        phase = SlaPhase.MET if notified_us <= deadline_us else SlaPhase.MET_LATE
        return SlaState(
            phase,
            (target_us - used) / US_PER_SECOND,
            used / US_PER_SECOND,
            target_seconds,
            used / target_us if target_us else 1.0,
            deadline,
        )
    used = max(0, w_now - w_received)
    left = target_us - used
    fraction = used / target_us if target_us else 1.0
    # The same threshold the alerts schedule on, so a row turns amber exactly when it alerts.
    warning = w_now >= warning_position(w_received, target_seconds, warning_fraction)
    if now_us > deadline_us:
        phase, warning = SlaPhase.BREACHED, True
        left = min(left, 0)
    elif not now_is_working:
        phase = SlaPhase.PAUSED
    else:
        phase = SlaPhase.WARNING if warning else SlaPhase.RUNNING
    resume = from_us(resume_at_us) if phase is SlaPhase.PAUSED and resume_at_us else None
    return SlaState(
        phase,
        left / US_PER_SECOND,
        used / US_PER_SECOND,
        target_seconds,
        fraction,
        deadline,
        resume,
        warning,
    )


def warning_position(w_received: int, target_seconds: int, warning_fraction: float) -> int:
    """Working-time position (µs) from which a pending ticket is in warning (R3.7)."""
    return w_received + int(target_seconds * US_PER_SECOND * (1 - warning_fraction))


@dataclass(frozen=True, slots=True)
class Now:
    """One tick's "now" on the working-time axis, computed once and shared by every row."""

    us: int
    w: int
    working: bool
    resume_at_us: int | None

    @classmethod
    def at(cls, wt: WorkingTime, now: datetime) -> Now:
        working = wt.is_working_time(now)
        resume = None if working else to_us(wt.next_working_moment(now))
        us = to_us(now)
        return cls(us, wt.w_us(us), working, resume)


def sla_state(
    wt: WorkingTime,
    now: datetime,
    *,
    received: datetime,
    deadline: datetime,
    target_seconds: int,
    notified: datetime | None = None,
    warning_fraction: float = DEFAULT_WARNING_FRACTION,
    tick: Now | None = None,
) -> SlaState:
    """R3.7: the live state of one ticket at ``now``."""
    tick = tick or Now.at(wt, now)
    return sla_state_fast(
        now_us=tick.us,
        w_now=tick.w,
        now_is_working=tick.working,
        resume_at_us=tick.resume_at_us,
        w_received=wt.w(received),
        deadline_us=to_us(deadline),
        target_seconds=target_seconds,
        w_notified=wt.w(notified) if notified is not None else None,
        notified_us=to_us(notified) if notified is not None else None,
        warning_fraction=warning_fraction,
    )
