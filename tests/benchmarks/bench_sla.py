"""SLA engine benchmark: our working-time arithmetic against pandas and businesstimedelta.

Run: ``python -m tests.benchmarks.bench_sla``. Not part of the test suite (pytest's testpaths
exclude ``tests/benchmarks``); it prints a table and never fails.

What is measured, per item:

* deadline — received + target working hours (1/4/8/24 h) on the production calendar;
* time left — working time between "received" and a "now" 0..72 wall-clock hours later.

Ours runs over all N inputs (aware instants, Europe/Moscow) twice: as one batch
(``add_many`` / ``between_many``: the binary searches in numpy, the issue's "vectorised" path;
the verdict) and as one call per item (``add`` / ``between``, what a single registration pays;
its ratio is printed beside). Both give identical results, which the run checks. The
baselines are far slower, so they run on a subsample and their per-item cost is extrapolated;
they get naive local (Moscow) times, weekdays Mon–Fri 09:00–17:00 and the production calendar's
days off as holidays. Neither can express the working Saturdays of the decree, so inputs whose
span touches one are left out of the agreement check (they are a known disagreement, not a bug).
"""

from __future__ import annotations

import platform
import random
import sys
import time as clock
from bisect import bisect_left
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from importlib.metadata import PackageNotFoundError, version
from zoneinfo import ZoneInfo

from app.sla.working_time import WorkingTime

N = 100_000
PANDAS_SAMPLE = 2_000
BTD_SAMPLE = 5_000
SEED = 2026
TARGET_HOURS = (1, 4, 8, 24)
MAX_NOW_HOURS = 72
TARGET_RATIO = 30.0  # ours must be at least this many times faster than a baseline
REPEAT = 3  # every timing is the best of this many runs
CAL_YEARS = range(2023, 2030)  # covers every input, deadline and "now"
MSK = ZoneInfo("Europe/Moscow")
FIRST = datetime(2024, 1, 1, tzinfo=MSK)
LAST = datetime(2027, 12, 20, tzinfo=MSK)

Item = tuple[datetime, int, datetime]  # received (aware, Moscow), target hours, now (aware)


# --- inputs -----------------------------------------------------------------------------------
def make_inputs(n: int = N, seed: int = SEED) -> list[Item]:
    rng = random.Random(seed)
    span = int((LAST - FIRST).total_seconds())
    items = []
    for _ in range(n):
        received = FIRST + timedelta(seconds=rng.randrange(span))
        hours = rng.choice(TARGET_HOURS)
        now = received + timedelta(seconds=rng.randrange(MAX_NOW_HOURS * 3600 + 1))
        items.append((received, hours, now))
    return items


def naive_local(t: datetime) -> datetime:
    return t.astimezone(MSK).replace(tzinfo=None)


def calendar_sets(wt: WorkingTime) -> tuple[list[date], list[date]]:
    """(non-working weekdays, working weekend days) of the effective calendar, sorted."""
    days_off, working_weekends = [], []
    for year in CAL_YEARS:
        for d in wt.year_days(year):
            if d.day.weekday() < 5 and not d.working:
                days_off.append(d.day)
            elif d.day.weekday() >= 5 and d.working:
                working_weekends.append(d.day)
    return days_off, working_weekends


# --- timing -----------------------------------------------------------------------------------
def per_item_us(fn: Callable[[list], list], data: list, repeat: int = 1) -> tuple[float, list]:
    """Best-of-``repeat`` wall time of ``fn(data)`` in µs per item, and its last result."""
    best, result = float("inf"), []
    for _ in range(repeat):
        start = clock.perf_counter()
        result = fn(data)
        best = min(best, clock.perf_counter() - start)
    return best / len(data) * 1e6, result


def ours_deadlines(wt: WorkingTime) -> Callable[[list[Item]], list[datetime]]:
    add = wt.add
    return lambda items: [add(r, h * 3600) for r, h, _ in items]


def ours_deadlines_batch(wt: WorkingTime) -> Callable[[list[Item]], list[datetime]]:
    return lambda items: wt.add_many([r for r, _, _ in items], [h * 3600 for _, h, _ in items])


def ours_left_batch(wt: WorkingTime) -> Callable[[list[Item]], list[timedelta]]:
    return lambda items: wt.between_many([r for r, _, _ in items], [n for _, _, n in items])


def ours_left(wt: WorkingTime) -> Callable[[list[Item]], list[timedelta]]:
    between = wt.between
    return lambda items: [between(r, now) for r, _, now in items]


# --- baselines --------------------------------------------------------------------------------
def pandas_deadlines(days_off: list[date]) -> Callable[[list[Item]], list[datetime]]:
    import pandas as pd

    cbh = pd.offsets.CustomBusinessHour(
        start="09:00", end="17:00", weekmask="Mon Tue Wed Thu Fri", holidays=days_off
    )
    # Offsets built once per target, outside the timed loop (favours pandas).
    offsets = {h: cbh * h for h in TARGET_HOURS}
    return lambda items: [
        (pd.Timestamp(naive_local(r)) + offsets[h]).to_pydatetime() for r, h, _ in items
    ]


def btd_rules(days_off: list[date]):
    import businesstimedelta as btd

    workday = btd.WorkDayRule(start_time=time(9), end_time=time(17), working_days=[0, 1, 2, 3, 4])
    # A set, not a list: HolidayRule tests membership day by day (favours businesstimedelta).
    holidays = btd.HolidayRule(frozenset(days_off))
    return btd, btd.Rules([workday, holidays])


def btd_deadlines(days_off: list[date]) -> Callable[[list[Item]], list[datetime]]:
    btd, rules = btd_rules(days_off)
    deltas = {h: btd.BusinessTimeDelta(rules, hours=h) for h in TARGET_HOURS}
    # Naive inputs are read as UTC by businesstimedelta (its rules' zone too), so naive local
    # Moscow times work unchanged; the aware-UTC result is stripped back to naive local.
    return lambda items: [(naive_local(r) + deltas[h]).replace(tzinfo=None) for r, h, _ in items]


def btd_left(days_off: list[date]) -> Callable[[list[Item]], list[timedelta]]:
    _, rules = btd_rules(days_off)
    return lambda items: [
        rules.difference(naive_local(r), naive_local(now)).timedelta for r, _, now in items
    ]


# --- agreement --------------------------------------------------------------------------------
class Agreement:
    def __init__(self, name: str, wt: WorkingTime, working_weekends: list[date]) -> None:
        self.name, self.wt, self.ww = name, wt, working_weekends
        self.compared = self.agreed = self.excluded = self.excluded_differ = self.rolled = 0
        self.bad: list[str] = []

    def touches_working_weekend(self, *instants: datetime) -> bool:
        days = [naive_local(t).date() if t.tzinfo else t.date() for t in instants]
        lo, hi = min(days), max(days)
        k = bisect_left(self.ww, lo)
        return k < len(self.ww) and self.ww[k] <= hi

    def deadline(self, item: Item, ours: datetime, theirs: datetime) -> None:
        received, hours, _ = item
        mine = naive_local(ours)
        if self.touches_working_weekend(received, ours, theirs):
            self.excluded += 1
            self.excluded_differ += mine != theirs
            return
        self.compared += 1
        if mine == theirs:
            self.agreed += 1
            return
        # pandas rolls a result landing exactly at 17:00 to the next period's 09:00; ours keeps
        # 17:00 (R3.4). Same working-time position, so count it as agreement.
        if (
            not self.wt.is_working_time(ours)
            and naive_local(self.wt.next_working_moment(ours)) == theirs
            and self.wt.between(ours, self.wt.next_working_moment(ours)) == timedelta()
        ):
            self.agreed += 1
            self.rolled += 1
            return
        self._bad(f"received {received.isoformat()} +{hours}h: ours {mine}, theirs {theirs}")

    def left(self, item: Item, ours: timedelta, theirs: timedelta) -> None:
        received, _, now = item
        if self.touches_working_weekend(received, now):
            self.excluded += 1
            self.excluded_differ += ours != theirs
            return
        self.compared += 1
        if ours == theirs:
            self.agreed += 1
            return
        self._bad(
            f"received {received.isoformat()} now {now.isoformat()}: ours {ours}, theirs {theirs}"
        )

    def _bad(self, text: str) -> None:
        if len(self.bad) < 5:
            self.bad.append(text)

    def report(self) -> None:
        note = f", {self.rolled} of them 17:00 vs next 09:00" if self.rolled else ""
        print(
            f"  {self.name}: agreed {self.agreed}/{self.compared}{note}"
            f" ({self.excluded} excluded: span touches a working Saturday;"
            f" {self.excluded_differ} of those differ)"
        )
        for line in self.bad:
            print(f"    DISAGREE {line}")


# --- main -------------------------------------------------------------------------------------
def verdict(baseline_us: float, ours_us: float, single_us: float | None = None) -> str:
    ratio = baseline_us / ours_us
    mark = "PASS" if ratio >= TARGET_RATIO else "FAIL"
    text = f"→ ours is {ratio:7.2f}× faster  [{mark}, target ≥{TARGET_RATIO:.0f}×]"
    if single_us is not None:
        text += f"; one call per item: {baseline_us / single_us:.1f}×"
    return text


def main() -> None:
    t0 = clock.perf_counter()
    print(f"SLA benchmark — {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}")
    print(
        f"Python {sys.version.split()[0]} ({platform.python_implementation()}), {platform.system()}"
    )
    try:
        print(f"pandas {version('pandas')}, businesstimedelta {version('businesstimedelta')}")
    except PackageNotFoundError as exc:  # the dev extras provide both
        sys.exit(f"missing baseline: {exc}")

    wt = WorkingTime()
    days_off, working_weekends = calendar_sets(wt)
    items = make_inputs()
    wt.add(items[0][0], 3600)
    wt.add(items[-1][0], 24 * 3600)
    print(
        f"N={N} received instants {FIRST:%Y-%m-%d}..{LAST:%Y-%m-%d} Europe/Moscow, targets "
        f"{TARGET_HOURS} h, now = received + 0..{MAX_NOW_HOURS} wall-clock h (seed {SEED})"
    )
    print(
        "Working Saturdays (baselines cannot express them): "
        + ", ".join(map(str, working_weekends))
    )

    our_dl_us, our_dl = per_item_us(ours_deadlines(wt), items, REPEAT)
    batch_dl_us, batch_dl = per_item_us(ours_deadlines_batch(wt), items, REPEAT)
    batch_same = sum(a == b for a, b in zip(batch_dl, our_dl, strict=True))
    our_left_us, our_left = per_item_us(ours_left(wt), items, REPEAT)
    batch_left_us, batch_left = per_item_us(ours_left_batch(wt), items, REPEAT)
    batch_same += sum(a == b for a, b in zip(batch_left, our_left, strict=True))

    pd_sample = items[:PANDAS_SAMPLE]
    pd_dl_us, pd_dl = per_item_us(pandas_deadlines(days_off), pd_sample, REPEAT)
    bt_sample = items[:BTD_SAMPLE]
    bt_dl_us, bt_dl = per_item_us(btd_deadlines(days_off), bt_sample, REPEAT)
    bt_left_us, bt_left = per_item_us(btd_left(days_off), bt_sample, REPEAT)

    pd_agree = Agreement("pandas CustomBusinessHour, deadline", wt, working_weekends)
    for i, theirs in enumerate(pd_dl):
        pd_agree.deadline(items[i], our_dl[i], theirs)
    bt_agree = Agreement("businesstimedelta, deadline", wt, working_weekends)
    for i, theirs in enumerate(bt_dl):
        bt_agree.deadline(items[i], our_dl[i], theirs)
    bt_left_agree = Agreement("businesstimedelta, time left", wt, working_weekends)
    for i, theirs in enumerate(bt_left):
        bt_left_agree.left(items[i], our_left[i], theirs)

    print()
    print(f"{'engine':<34}{'items':>8}  {'µs/item':>9}")
    print("-" * 100)
    print("Deadlines (received + target working hours)")
    print(f"  {'ours, batch (add_many)':<32}{N:>8}  {batch_dl_us:9.2f}")
    print(f"  {'ours, one call per item (add)':<32}{N:>8}  {our_dl_us:9.2f}")
    print(
        f"  {'pandas CustomBusinessHour':<32}{PANDAS_SAMPLE:>8}* {pd_dl_us:9.1f}  "
        f"{verdict(pd_dl_us, batch_dl_us, our_dl_us)}"
    )
    print(
        f"  {'businesstimedelta':<32}{BTD_SAMPLE:>8}* {bt_dl_us:9.1f}  "
        f"{verdict(bt_dl_us, batch_dl_us, our_dl_us)}"
    )
    print("Time left (working time between received and now)")
    print(f"  {'ours, batch (between_many)':<32}{N:>8}  {batch_left_us:9.2f}")
    print(f"  {'ours, one call per item':<32}{N:>8}  {our_left_us:9.2f}")
    print(
        f"  {'pandas CustomBusinessHour':<32}{'—':>8}  {'n/a':>9}  no business-duration API; "
        "not measured"
    )
    print(
        f"  {'businesstimedelta':<32}{BTD_SAMPLE:>8}* {bt_left_us:9.1f}  "
        f"{verdict(bt_left_us, batch_left_us, our_left_us)}"
    )
    print("-" * 100)
    print(
        "* subsample (first items of the same input); per-item cost extrapolated to N.\n"
        f"  Every row is the best of {REPEAT} runs. Ours: aware instants in and out; baselines: "
        "naive local times,\n  offsets/deltas prebuilt outside the timed loop."
    )
    print()
    print(f"Batch and one-call results identical: {batch_same}/{2 * N}")
    print("Agreement with ours on the subsamples:")
    for agreement in (pd_agree, bt_agree, bt_left_agree):
        agreement.report()
    print()
    print(f"Total run time {clock.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
