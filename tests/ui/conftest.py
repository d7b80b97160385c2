"""UI fixtures: real widgets on a migrated SQLite database with a controllable clock."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from app.db.clock import FixedClock
from app.db.engine import Database, open_database
from app.domain.enums import Package, Role
from app.services import users
from app.services.desk import Desk
from app.services.dto import Actor
from app.services.users import create_user_unchecked
from ui import i18n

PASSWORD = "secret-123"


@dataclass
class World:
    db: Database
    desk: Desk
    clock: FixedClock
    operator: Actor
    other: Actor
    lead: Actor
    org_id: int
    contact_id: int


@pytest.fixture(autouse=True)
def _cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sign-in cost is not under test here."""
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=64))


@pytest.fixture
def world(
    qapp,
    _sqlite_template: Path,
    tmp_path: Path,
    clock: FixedClock,
) -> Iterator[World]:
    i18n.install("ru")
    path = tmp_path / "ui.db"
    shutil.copy(_sqlite_template, path)
    db = open_database(f"sqlite:///{path}")
    with db.session_factory.begin() as s:
        for login, name, role in (
            ("admin", "Администратор", Role.ADMIN),
            ("op.one", "Петров Дмитрий", Role.OPERATOR),
            ("op.two", "Валиева Алсу", Role.OPERATOR),
            ("lead", "Соколова Анна", Role.TEAM_LEAD),
        ):
            create_user_unchecked(
                s, clock.now(), login=login, display_name=name, role=role, password=PASSWORD
            )
    desk = Desk(db, clock)
    admin = desk.authenticate("admin", PASSWORD)
    org = desk.create_organisation(admin, "ООО «Ромашка»", city="Казань")
    contact = desk.create_contact(
        admin, org, "Иванов Сергей", phone="+78432000000", email="ivanov@romashka.ru"
    )
    desk.create_contract(admin, org, Package.BASIC, "ТП-1", date(2026, 1, 1), date(2027, 1, 1))
    yield World(
        db,
        desk,
        clock,
        desk.authenticate("op.one", PASSWORD),
        desk.authenticate("op.two", PASSWORD),
        desk.authenticate("lead", PASSWORD),
        org,
        contact,
    )
    db.dispose()
