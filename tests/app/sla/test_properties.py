"""Property tests of the working-time arithmetic (hypothesis), over 2024–2027 and any zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.sla.policy import sla_state_fast, warning_position
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


BATCH = settings(max_examples=60, deadline=None)  # each example builds a fresh WorkingTime

# Batch forms: the same answers as the one-call forms, whatever the mix of instants and amounts.
zones = st.sampled_from([UTC, ZoneInfo("Europe/Moscow"), ZoneInfo("Asia/Vladivostok")])
aware = st.builds(
    lambda t, zone: t.astimezone(zone),
    st.datetimes(
        min_value=datetime(2019, 1, 1), max_value=datetime(2031, 12, 1), timezones=st.just(UTC)
    ),
    zones,
)
mixed_amounts = st.one_of(
    st.integers(min_value=0, max_value=400 * 3600),
    st.floats(min_value=0, max_value=400 * 3600, allow_nan=False),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=400)),
)


@BATCH
@given(st.lists(st.tuples(aware, mixed_amounts), max_size=40))
def test_r3_4_add_many_equals_add_per_item(batch: list[tuple[datetime, object]]) -> None:
    fresh = WorkingTime()  # the batch itself must extend the loaded years when needed
    times = [t for t, _ in batch]
    amounts = [a for _, a in batch]
    assert fresh.add_many(times, amounts) == [wt.add(t, a) for t, a in batch]


@BATCH
@given(st.lists(st.tuples(aware, aware), max_size=40))
def test_r3_8_between_many_equals_between_per_pair(pairs: list[tuple[datetime, datetime]]) -> None:
    fresh = WorkingTime()
    starts = [a for a, _ in pairs]
    ends = [b for _, b in pairs]
    assert fresh.between_many(starts, ends) == [wt.between(a, b) for a, b in pairs]


def test_batch_forms_refuse_naive_instants() -> None:
    naive = datetime(2026, 11, 25, 12)
    with pytest.raises(ValueError):
        wt.add_many([naive], [3600])
    with pytest.raises(ValueError):
        wt.between_many([naive], [datetime(2026, 11, 25, 13, tzinfo=UTC)])


@FAST
@given(st.integers(min_value=60, max_value=24 * 3600), st.floats(min_value=0.05, max_value=0.95))
def test_r3_7_row_warning_starts_exactly_where_the_alert_is_scheduled(
    target: int, fraction: float
) -> None:
    """The queue colour and the one-time alert use one threshold, to the microsecond."""
    w_received = 10**12
    threshold = warning_position(w_received, target, fraction)

    def warning_at(w_now: int) -> bool:
        return sla_state_fast(
            now_us=10**15,
            w_now=w_now,
            now_is_working=True,
            resume_at_us=None,
            w_received=w_received,
            deadline_us=10**16,
            target_seconds=target,
            warning_fraction=fraction,
        ).warning

    assert warning_at(threshold) and not warning_at(threshold - 1)
