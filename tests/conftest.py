"""Shared fixtures: migrated databases on SQLite and PostgreSQL, a fixed clock.

``db`` is parametrised over both back ends, so every data-layer test runs on each. A migrated
database is prepared once per session and back end; each test gets it clean (SQLite: a copy of
the migrated file; PostgreSQL: tables truncated).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from app.db import migrate
from app.db.clock import FixedClock
from app.db.engine import Database, open_database
from app.db.models import Base
from tests.pg import temporary_pg_database

# Widgets render offscreen unless a display is really there (CI machines and servers have none).
if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MSK = ZoneInfo("Europe/Moscow")


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tmpl") / "template.db"
    db = open_database(f"sqlite:///{path}")
    migrate.upgrade(db)
    db.dispose()
    return path


@pytest.fixture(scope="session")
def _pg_url() -> Iterator[str]:
    with temporary_pg_database() as url:
        db = open_database(url)
        migrate.upgrade(db)
        db.dispose()
        yield url


def _truncate_all(db: Database) -> None:
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database on each back end."""
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copy(request.getfixturevalue("_sqlite_template"), path)
        database = open_database(f"sqlite:///{path}")
        yield database
        database.dispose()
    else:
        database = open_database(request.getfixturevalue("_pg_url"))
        _truncate_all(database)
        yield database
        database.dispose()


@pytest.fixture
def clock() -> FixedClock:
    """Wednesday 2026-11-25 11:00 Moscow: a working moment."""
    return FixedClock(datetime(2026, 11, 25, 11, 0, tzinfo=MSK))
