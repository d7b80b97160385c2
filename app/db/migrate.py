"""Schema versions through Alembic: upgrade, downgrade, and the refusal to run on a newer schema.

The migration scripts ship inside the package (``app.db:migrations``), so an installed copy
migrates without the source tree.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.db.engine import Database
from app.domain.errors import DatabaseError

SCRIPT_LOCATION = "app.db:migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_schema(db: Database) -> str | None:
    """Raise if the database's schema comes from a newer program; return its revision."""
    rev = current_revision(db)
    if rev is None:
        return None
    known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if rev not in known:
        raise DatabaseError("db.newer_schema", found=rev, known=head_revision())
    return rev


def upgrade(db: Database, target: str = "head") -> str:
    check_schema(db)
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return current_revision(db) or "base"


def downgrade(db: Database, target: str = "base") -> str:
    check_schema(db)
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)
    return current_revision(db) or "base"


def ensure_current(db: Database) -> None:
    """Local databases are upgraded on start; a shared one newer than us is refused."""
    rev = check_schema(db)
    if rev != head_revision():
        upgrade(db)
