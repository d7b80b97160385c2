"""Shared mode (PostgreSQL) under concurrency: R4.3 unique registration numbers from many
processes at once, optimistic locking between two clients (R7), and the insert-only history."""

from __future__ import annotations

import multiprocessing
import queue
import threading
import traceback
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import select, text

from app.db import migrate
from app.db.clock import FixedClock
from app.db.engine import Database, open_database
from app.db.models import HistoryEntry, RegistrationCounter, Ticket
from app.domain.enums import Channel, Package, Service, Severity
from app.domain.errors import ConflictError
from app.services.desk import Desk
from app.services.dto import Actor, Agreement, IntakeForm
from tests.conftest import _truncate_all
from tests.pg import temporary_pg_database

pytestmark = pytest.mark.pg

MSK = ZoneInfo("Europe/Moscow")
NOW = datetime(2026, 11, 25, 11, 0, tzinfo=MSK)
PROCESSES = 8
PER_PROCESS = 100


# --- (a) R4.3: 8 processes × 100 registrations -------------------------------------------


def _register_many(
    url: str, actor: Actor, organisation_id: int, count: int, start, results
) -> None:  # pragma: no cover - runs in a spawned process
    """One operator's client: wait for the others, then register ``count`` requests."""
    try:
        db = open_database(url)
        desk = Desk(db, FixedClock(NOW))
        desk.working_time()
        form = IntakeForm(
            organisation_id=organisation_id,
            contact_id=None,
            channel=Channel.EMAIL,
            claimed_package=Package.BASIC,
            severity=Severity.LOW,
            requested_service=Service.S1,
            subject=f"Нагрузочный тест {actor.login}",
        )
        start.wait(timeout=120)
        created = [desk.register_request(actor, form).created[0] for _ in range(count)]
        db.dispose()
        results.put(("ok", created))
    except BaseException:
        results.put(("error", traceback.format_exc()))


@pytest.fixture
def fresh_pg() -> Iterator[Database]:
    """A fresh, migrated PostgreSQL database of its own."""
    with temporary_pg_database() as url:
        db = open_database(url)
        migrate.upgrade(db)
        yield db
        db.dispose()


def test_r4_3_concurrent_registration_from_8_processes(fresh_pg: Database) -> None:
    from tests.db.services.conftest import build_world

    world = build_world(fresh_pg, FixedClock(NOW))
    actors = [world.op1, world.op2, world.lead, world.admin]
    fresh_pg.engine.dispose()  # no inherited connections (spawn anyway, but be explicit)

    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(PROCESSES)
    results = ctx.Queue()
    procs = [
        ctx.Process(
            target=_register_many,
            args=(
                fresh_pg.url,
                actors[i % len(actors)],
                world.basic_org,
                PER_PROCESS,
                start,
                results,
            ),
        )
        for i in range(PROCESSES)
    ]
    for p in procs:
        p.start()
    outcomes = []
    try:
        for _ in procs:
            outcomes.append(results.get(timeout=120))
    except queue.Empty:
        pytest.fail(f"only {len(outcomes)} of {PROCESSES} workers answered")
    finally:
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()
    errors = [detail for kind, detail in outcomes if kind == "error"]
    assert errors == []
    created = [tid for _, ids in outcomes for tid in ids]
    assert len(created) == len(set(created)) == PROCESSES * PER_PROCESS

    with fresh_pg.session_factory() as s:
        numbers = list(s.scalars(select(Ticket.reg_number)))
        last = s.scalar(
            select(RegistrationCounter.last_value).where(RegistrationCounter.year == 2026)
        )
    total = PROCESSES * PER_PROCESS
    assert len(numbers) == total
    assert set(numbers) == {f"CS-2026-{n:06d}" for n in range(1, total + 1)}
    assert last == total


# --- (b) optimistic locking between two clients -----------------------------------------


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with temporary_pg_database() as url:
        db = open_database(url)
        migrate.upgrade(db)
        db.dispose()
        yield url


@pytest.fixture
def two_clients(pg_url: str):
    """The world on a clean database, plus two clients each with its own engine."""
    from tests.db.services.conftest import build_world

    clock = FixedClock(NOW)
    setup_db = open_database(pg_url)
    _truncate_all(setup_db)
    world = build_world(setup_db, clock)
    a_db, b_db = open_database(pg_url), open_database(pg_url)
    a, b = Desk(a_db, clock), Desk(b_db, clock)
    a.working_time(), b.working_time()
    yield world, a, b
    for db in (a_db, b_db, setup_db):
        db.dispose()


def _agreement() -> Agreement:
    return Agreement("Иванов Иван", NOW, Channel.PHONE)


def _history(desk: Desk, ticket_id: int) -> list[str]:
    with desk.db.session_factory() as s:
        return list(
            s.scalars(
                select(HistoryEntry.action)
                .where(HistoryEntry.ticket_id == ticket_id)
                .order_by(HistoryEntry.id)
            )
        )


def test_r7_two_clients_same_version_one_wins(two_clients) -> None:
    world, a, b = two_clients
    tid = world.register(world.basic_org, severity=Severity.MEDIUM)
    seen_a, seen_b = a.queue_row(tid), b.queue_row(tid)
    assert seen_a is not None and seen_b is not None and seen_a.version == seen_b.version

    a.change_severity(world.op1, tid, seen_a.version, Severity.CRITICAL, _agreement())
    with pytest.raises(ConflictError) as exc:
        b.take(world.op2, tid, seen_b.version)
    assert "уже изменил(а) Первов Олег" in str(exc.value)
    with pytest.raises(ConflictError):
        b.change_severity(world.op2, tid, seen_b.version, Severity.LOW, _agreement())

    row = b.queue_row(tid)
    assert row is not None
    assert (row.severity, row.assignee_id) == (Severity.CRITICAL, None)
    assert row.version == seen_a.version + 1
    assert _history(b, tid) == ["registered", "severity_changed"]


def _race(world, a: Desk, b: Desk) -> tuple[int, int, dict[str, object]]:
    """Both clients load the same version and pass the version check, meet at a barrier inside
    ``_save``, then flush together: the row lock serialises the two UPDATEs and the second one's
    ``WHERE version = …`` matches nothing. Returns the ticket, its loaded version and outcomes."""
    barrier = threading.Barrier(2)
    tid = world.register(world.basic_org)
    version = world.version(tid)
    outcome: dict[str, object] = {}

    def run(desk: Desk, actor: Actor, key: str) -> None:
        save = desk._save

        def gated_save(s, ticket, actor_id, now) -> None:
            barrier.wait(timeout=10)  # both have read the same version by now
            save(s, ticket, actor_id, now)

        desk._save = gated_save  # type: ignore[method-assign]
        try:
            desk.take(actor, tid, version)
            outcome[key] = "ok"
        except Exception as exc:
            outcome[key] = exc
        finally:
            del desk._save

    threads = [
        threading.Thread(target=run, args=(a, world.op1, "a")),
        threading.Thread(target=run, args=(b, world.op2, "b")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(outcome) == ["a", "b"]
    return tid, version, outcome


def test_r7_real_race_two_threads_exactly_one_save(two_clients) -> None:
    world, a, b = two_clients
    for _ in range(3):
        tid, version, outcome = _race(world, a, b)
        winners = [k for k, v in outcome.items() if v == "ok"]
        assert len(winners) == 1, outcome
        loser = next(v for v in outcome.values() if v != "ok")
        assert isinstance(loser, Exception)
        row = world.row(tid)
        assert row.assignee_id == (world.op1 if winners[0] == "a" else world.op2).user_id
        assert row.version == version + 1
        assert _history(a, tid) == ["registered", "assigned"]  # the loser wrote nothing


# Regression: at 3745f7d the loser got sqlalchemy InvalidRequestError (expired ticket.id).
def test_r7_real_race_loser_gets_conflict_naming_the_winner(two_clients) -> None:
    world, a, b = two_clients
    _, _, outcome = _race(world, a, b)
    winner = next(k for k, v in outcome.items() if v == "ok")
    loser = next(v for v in outcome.values() if v != "ok")
    name = "Первов Олег" if winner == "a" else "Второва Ольга"
    assert isinstance(loser, ConflictError), "".join(traceback.format_exception(loser))
    assert f"уже изменил(а) {name}" in str(loser)


# --- (c) history is insert-only ----------------------------------------------------------


def test_r7_history_insert_only_trigger_on_postgresql(two_clients) -> None:
    world, a, _ = two_clients
    world.register()
    with a.db.session_factory() as s:
        before = s.scalar(select(HistoryEntry.id).order_by(HistoryEntry.id.desc()).limit(1))
    for sql in ("UPDATE history SET action = 'x'", "DELETE FROM history"):
        with pytest.raises(sa_exc.DBAPIError, match="insert-only") as exc, a.db.engine.begin() as c:
            c.execute(text(sql))
        assert exc.value.orig.sqlstate == "42501"  # insufficient_privilege
    with a.db.session_factory() as s:
        actions = set(s.scalars(select(HistoryEntry.action)))
        last = s.scalar(select(HistoryEntry.id).order_by(HistoryEntry.id.desc()).limit(1))
    assert "x" not in actions and "registered" in actions
    assert last == before
