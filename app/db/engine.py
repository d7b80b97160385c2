"""Opening the database: URL resolution, engine set-up per back end, clear errors.

Local mode is an SQLite file in the user's data directory (WAL, foreign keys, busy timeout, and
``BEGIN IMMEDIATE`` so that concurrent writers queue instead of failing on a lock upgrade).
Shared mode is PostgreSQL through psycopg 3, selected by a URL.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import DatabaseError

log = logging.getLogger(__name__)

APP_NAME = "centaur-desk"
ENV_URL = "CENTAUR_DB_URL"
SQLITE_BUSY_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 5
READ_ONLY_OPTION = "centaur_read_only"


def default_sqlite_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "centaur.db"


def resolve_url(explicit: str | None = None) -> str:
    """The database URL: ``--db`` option, then ``CENTAUR_DB_URL``, then the settings file,
    then the local default file. A password kept in the keyring is added back here."""
    from app import config, secrets

    url = explicit or os.environ.get(ENV_URL) or config.load().db_url
    if not url:
        return f"sqlite:///{default_sqlite_path()}"
    try:
        return secrets.url_with_secret(url)
    except (secrets.NoKeyring, ArgumentError):
        return url


def redact(url: str) -> str:
    """The URL as it may be shown or logged: never with its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


@dataclass
class Database:
    url: str
    engine: Engine
    session_factory: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def is_shared(self) -> bool:
        return self.dialect == "postgresql"

    def describe(self) -> str:
        if self.dialect == "sqlite":
            return str(self.engine.url.database or ":memory:")
        return redact(self.url)

    @cached_property
    def read_factory(self) -> sessionmaker[Session]:
        """Sessions for queries only: on SQLite they begin DEFERRED, so a read never waits for
        (or holds) the write lock, not even inside a use case's own write transaction."""
        reader = self.engine.execution_options(**{READ_ONLY_OPTION: True})
        return sessionmaker(reader, expire_on_commit=False)

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    db_path = parsed.database
    if db_path and db_path != ":memory:":
        path = Path(db_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_sqlite_file(path)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin (see "begin" below).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if db_path and db_path != ":memory:":
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # IMMEDIATE takes the write lock up front: a read-then-write transaction never dies on
        # a lock upgrade; other writers wait (busy timeout). Read-only sessions begin DEFERRED:
        # WAL readers neither block nor wait.
        read_only = conn.get_execution_options().get(READ_ONLY_OPTION)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise DatabaseError("db.not_a_database", path=str(path))


def _postgres_engine(url: str) -> Engine:
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=5,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": APP_NAME},
    )


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError("db.bad_url", url=url) from exc
    backend = parsed.get_backend_name()
    try:
        if backend == "sqlite":
            return _sqlite_engine(url)
        if backend == "postgresql":
            if parsed.drivername == "postgresql":
                url = parsed.set(drivername="postgresql+psycopg").render_as_string(
                    hide_password=False
                )
            return _postgres_engine(url)
    except NoSuchModuleError as exc:
        raise DatabaseError("db.bad_url", url=redact(url)) from exc
    raise DatabaseError("db.bad_url", url=redact(url))


def open_database(url: str | None = None, *, check: bool = True) -> Database:
    """Open (but do not migrate) the database; with ``check`` prove it is reachable and usable."""
    resolved = resolve_url(url)
    engine = make_engine(resolved)
    db = Database(resolved, engine, sessionmaker(engine, expire_on_commit=False))
    if check:
        ping(db)
    return db


def ping(db: Database) -> None:
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            if db.dialect == "sqlite":
                conn.exec_driver_sql("PRAGMA schema_version").scalar()
    except DBAPIError as exc:
        db.dispose()
        orig = exc.orig
        if isinstance(orig, sqlite3.DatabaseError) and "not a database" in str(orig):
            raise DatabaseError("db.not_a_database", path=db.describe()) from exc
        reason = str(orig).strip().splitlines()[0] if orig else type(exc).__name__
        raise DatabaseError("db.unreachable", url=redact(db.url), reason=reason) from exc
