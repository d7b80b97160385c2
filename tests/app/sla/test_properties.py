"""Property tests of the working-time arithmetic (hypothesis), over 2024–2027 and any zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.sla.working_time import WorkingTime

wt = WorkingTime()

instants = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2027, 12, 1), timezones=st.just(UTC)
).map(lambda t: t.replace(microsecond=0))
amounts = st.integers(min_value=1, max_value=400 * 3600)  # up to 50 working days, in seconds

FAST = settings(max_examples=300, deadline=None)


@FAST
@given(instants, amounts, amounts)
def test_add_is_additive(t: datetime, a: int, b: int) -> None:
    assert wt.add(wt.add(t, a), b) == wt.add(t, a + b)


@FAST
@given(instants, amounts)
def test_between_inverts_add(t: datetime, a: int) -> None:
    assert wt.between(t, wt.add(t, a)) == timedelta(seconds=a)


@FAST
@given(instants, amounts)
def test_results_are_inside_working_time(t: datetime, a: int) -> None:
    result = wt.add(t, a)
    # a result is a working moment or the end of a working period (R3.4)
    assert wt.is_working_time(result) or wt.is_working_time(result - timedelta(seconds=1))
    assert result > t


@FAST
@given(instants, instants, amounts)
def test_monotone_in_t(t1: datetime, t2: datetime, a: int) -> None:
    early, late = sorted((t1, t2))
    assert wt.add(early, a) <= wt.add(late, a)
    assert wt.between(early, late) >= timedelta(0)


@FAST
@given(instants)
def test_next_working_moment_is_working_and_not_earlier(t: datetime) -> None:
    moment = wt.next_working_moment(t)
    assert moment >= t and wt.is_working_time(moment)
    assert wt.between(t, moment) == timedelta(0)
