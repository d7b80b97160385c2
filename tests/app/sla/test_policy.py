"""R3.2, R3.5–R3.8: reaction targets, deadlines, live SLA state and the explanation."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from app.domain.enums import Package, Severity
from app.sla.explain import explain_deadline, render_explanation
from app.sla.policy import (
    REACTION_TARGET_HOURS,
    SlaPhase,
    reaction_deadline,
    reaction_result,
    reaction_target_seconds,
    sla_state,
)
from app.sla.working_time import WorkingTime

MSK = ZoneInfo("Europe/Moscow")
wt = WorkingTime()


def msk(*args: int) -> datetime:
    return datetime(*args, tzinfo=MSK)


@pytest.mark.parametrize(
    ("package", "severity", "hours"),
    [
        (Package.BASIC, Severity.CRITICAL, 4),
        (Package.BASIC, Severity.MEDIUM, 8),
        (Package.BASIC, Severity.LOW, 24),
        (Package.EXTENDED, Severity.CRITICAL, 1),
        (Package.EXTENDED, Severity.MEDIUM, 4),
        (Package.EXTENDED, Severity.LOW, 8),
    ],
)
def test_r3_2_targets(package: Package, severity: Severity, hours: int) -> None:
    assert REACTION_TARGET_HOURS[(package, severity)] == hours
    assert reaction_target_seconds(package, severity) == hours * 3600


def test_r3_2_basic_low_is_three_working_days() -> None:
    assert reaction_deadline(wt, msk(2026, 11, 25, 11), Package.BASIC, Severity.LOW) == msk(
        2026, 11, 30, 11
    )


def test_r3_5_recompute_from_the_original_received_time() -> None:
    received = msk(2026, 11, 25, 11)
    before = reaction_deadline(wt, received, Package.BASIC, Severity.LOW)
    after = reaction_deadline(wt, received, Package.BASIC, Severity.CRITICAL)
    assert (before, after) == (msk(2026, 11, 30, 11), msk(2026, 11, 25, 15))


def test_r3_6_reaction_result_met_and_breached_with_working_time_used() -> None:
    received = msk(2026, 11, 27, 16)  # Friday
    deadline = reaction_deadline(wt, received, Package.BASIC, Severity.CRITICAL)  # Mon 12:00
    on_time = reaction_result(wt, received, deadline, msk(2026, 11, 30, 12))
    late = reaction_result(wt, received, deadline, msk(2026, 11, 30, 12, 0, 1))
    assert on_time.met and on_time.working_seconds == 4 * 3600
    assert not late.met and late.working_seconds == 4 * 3600 + 1


def _state(now: datetime, notified: datetime | None = None):
    received = msk(2026, 11, 27, 15)  # Friday, BASIC MEDIUM: 8 h -> Mon 15:00
    deadline = reaction_deadline(wt, received, Package.BASIC, Severity.MEDIUM)
    return sla_state(
        wt, now, received=received, deadline=deadline, target_seconds=8 * 3600, notified=notified
    )


def test_r3_7_running_counts_down_only_in_working_time() -> None:
    state = _state(msk(2026, 11, 27, 16))
    assert state.phase is SlaPhase.RUNNING
    assert state.left_seconds == 7 * 3600 and state.fraction_used == pytest.approx(1 / 8)
    assert state.deadline == msk(2026, 11, 30, 15)


def test_r3_7_paused_outside_working_time_with_resume_moment() -> None:
    state = _state(msk(2026, 11, 28, 12))
    assert state.phase is SlaPhase.PAUSED
    assert state.left_seconds == 6 * 3600
    assert state.resume_at == msk(2026, 11, 30, 9)


def test_r3_7_warning_at_a_quarter_left() -> None:
    assert _state(msk(2026, 11, 30, 12, 59)).phase is SlaPhase.RUNNING
    warning = _state(msk(2026, 11, 30, 13))
    assert warning.phase is SlaPhase.WARNING and warning.left_seconds == 2 * 3600


def test_r3_7_breached_with_overdue_working_time() -> None:
    at_deadline = _state(msk(2026, 11, 30, 15))
    assert at_deadline.phase is SlaPhase.WARNING and at_deadline.left_seconds == 0
    breached = _state(msk(2026, 12, 1, 10))
    assert breached.phase is SlaPhase.BREACHED
    assert breached.overdue_seconds == 3 * 3600


def test_r3_7_breached_after_a_17_00_deadline_even_while_paused() -> None:
    received = msk(2026, 11, 25, 9)
    deadline = reaction_deadline(wt, received, Package.BASIC, Severity.MEDIUM)  # 17:00 same day
    state = sla_state(
        wt, msk(2026, 11, 25, 20), received=received, deadline=deadline, target_seconds=8 * 3600
    )
    assert state.phase is SlaPhase.BREACHED and state.overdue_seconds == 0


def test_r3_6_met_and_met_late_are_final() -> None:
    met = _state(msk(2026, 12, 10, 10), notified=msk(2026, 11, 30, 10))
    assert met.phase is SlaPhase.MET and met.used_seconds == 3 * 3600
    late = _state(msk(2026, 12, 10, 10), notified=msk(2026, 12, 1, 10))
    assert late.phase is SlaPhase.MET_LATE and late.left_seconds == -3 * 3600


def test_r3_8_explanation_names_each_skipped_day_and_why() -> None:
    received = msk(2026, 1, 8, 16, 30)
    expl = explain_deadline(wt, received, Package.BASIC, Severity.CRITICAL)
    assert expl.clock_start == msk(2026, 1, 12, 9)
    assert expl.deadline == msk(2026, 1, 12, 13)
    text = render_explanation(expl, wt, "ru")
    assert (
        "09.01.2026 пт: не учитывается — выходной, перенесённый постановлением с 03.01.2026" in text
    )
    assert "08.01.2026 чт: не учитывается — праздник" in text
    assert "12.01.2026 пн: учтено 4:00 (09:00–13:00)" in text
    english = render_explanation(expl, wt, "en")
    assert "Reaction deadline: 12.01.2026 13:00" in english
