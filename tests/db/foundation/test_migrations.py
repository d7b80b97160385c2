"""Schema lifecycle on both back ends: empty → head → empty, and refusals of unusable databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import DBAPIError

from app.db import migrate
from app.db.engine import Database, open_database
from app.db.models import Base, HistoryEntry, Organisation
from app.domain.errors import DatabaseError
from tests.pg import temporary_pg_database


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path):
    if request.param == "sqlite":
        db = open_database(f"sqlite:///{tmp_path / 'empty.db'}")
        yield db
        db.dispose()
    else:
        with temporary_pg_database() as url:
            db = open_database(url)
            yield db
            db.dispose()


def _tables(db: Database) -> set[str]:
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def test_upgrade_to_head_and_downgrade_to_empty(empty_db: Database) -> None:
    assert _tables(empty_db) == set()
    assert migrate.upgrade(empty_db) == migrate.head_revision()
    assert _tables(empty_db) == set(Base.metadata.tables)
    assert migrate.downgrade(empty_db, "base") == "base"
    assert _tables(empty_db) == set()
    # and up again: downgrade left nothing behind that blocks a second upgrade
    assert migrate.upgrade(empty_db) == migrate.head_revision()


def test_models_match_migrations(db: Database) -> None:
    """The migrated schema is exactly the models' schema (no forgotten revision)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_times_round_trip_as_aware_utc(db: Database) -> None:
    """ARCHITECTURE "Time": stored instants come back timezone-aware UTC on both back ends."""
    moscow_noon = datetime(2026, 1, 12, 12, 0, tzinfo=timezone(timedelta(hours=3)))
    with db.session_factory.begin() as s:
        s.add(Organisation(name="ООО «Ромашка»", search_key="ооо ромашка", created_at=moscow_noon))
    with db.session_factory() as s:
        stored = s.scalar(select(Organisation.created_at))
    assert stored == moscow_noon
    assert stored.tzinfo is not None and stored.utcoffset() == timedelta(0)


def test_naive_times_are_refused(db: Database) -> None:
    with pytest.raises(Exception, match="naive datetime"), db.session_factory.begin() as s:
        s.add(Organisation(name="X", search_key="x", created_at=datetime(2026, 1, 1)))
        s.flush()


def test_r7_history_rows_are_insert_only(db: Database) -> None:
    """R7: the audit trail cannot be edited or deleted, not even with plain SQL."""
    with db.session_factory.begin() as s:
        s.add(HistoryEntry(entity="ticket", entity_id=1, action="create", at=datetime.now(UTC)))
    for statement in ("UPDATE history SET action = 'forged'", "DELETE FROM history"):
        with pytest.raises(DBAPIError, match="insert-only"), db.engine.begin() as conn:
            conn.execute(text(statement))
    with db.session_factory() as s:
        assert s.scalar(select(HistoryEntry.action)) == "create"


def test_sqlite_pragmas_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'p.db'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    db.dispose()


def test_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("это не база данных, а заметки оператора\n" * 50, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as err:
        open_database(f"sqlite:///{path}")
    assert err.value.code == "db.not_a_database"
    assert "не является базой данных" in err.value.message("ru")
    assert path.read_bytes() == before


def test_database_from_newer_program_is_refused(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'newer.db'}")
    migrate.upgrade(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(DatabaseError) as err:
        migrate.ensure_current(db)
    assert err.value.code == "db.newer_schema"
    assert "9999_future" in err.value.message("en")
    with db.engine.connect() as conn:  # nothing was changed
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "9999_future"
        )
    db.dispose()


def test_unreachable_server_gives_one_clear_message() -> None:
    with pytest.raises(DatabaseError) as err:
        open_database("postgresql+psycopg://nobody:secret@127.0.0.1:1/none")
    assert err.value.code == "db.unreachable"
    text_ru = err.value.message("ru")
    assert text_ru.startswith("Не удалось подключиться к базе данных")
    assert "secret" not in text_ru  # the password never reaches a message


def test_bad_url_is_named() -> None:
    with pytest.raises(DatabaseError) as err:
        open_database("mysql+nothing://x/y")
    assert err.value.code == "db.bad_url"
