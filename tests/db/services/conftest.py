"""A small world for the ticket services: staff, three customer organisations with contacts and
contracts, and a helper to fill in the new-request form. Runs on both back ends via ``db``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from app.db.clock import FixedClock
from app.db.engine import Database
from app.db.models import HistoryEntry, Ticket
from app.domain.enums import Channel, Package, Role, Service, Severity
from app.services import users
from app.services.desk import Desk
from app.services.dto import Actor, IntakeForm
from app.services.users import create_user_unchecked

MSK = ZoneInfo("Europe/Moscow")
PASSWORD = "secret-pass-1"

STAFF = (
    ("admin", "Админов Артур", Role.ADMIN),
    ("lead", "Лидова Лейла", Role.TEAM_LEAD),
    ("op1", "Первов Олег", Role.OPERATOR),
    ("op2", "Второва Ольга", Role.OPERATOR),
)


def msk(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=MSK)


@dataclass
class World:
    desk: Desk
    clock: FixedClock
    admin: Actor
    lead: Actor
    op1: Actor
    op2: Actor
    ext_org: int  # active EXTENDED contract, personal specialist op2, cities ("Казань",)
    ext_contact: int
    basic_org: int  # only a BASIC contract
    basic_contact: int
    expired_org: int  # an EXTENDED contract that ended
    expired_contact: int

    def form(self, organisation_id: int | None = None, **kw: object) -> IntakeForm:
        return make_form(organisation_id or self.ext_org, **kw)

    def register(self, organisation_id: int | None = None, actor: Actor | None = None, **kw):
        """Register a request; returns the new ticket id."""
        changes = self.desk.register_request(actor or self.op1, self.form(organisation_id, **kw))
        return changes.created[0]

    def row(self, ticket_id: int):
        row = self.desk.queue_row(ticket_id)
        assert row is not None
        return row

    def version(self, ticket_id: int) -> int:
        return self.row(ticket_id).version

    def count(self, model) -> int:
        with self.desk.db.session_factory() as s:
            return s.scalar(select(func.count()).select_from(model))

    def history_count(self, ticket_id: int | None = None) -> int:
        stmt = select(func.count()).select_from(HistoryEntry)
        if ticket_id is not None:
            stmt = stmt.where(HistoryEntry.ticket_id == ticket_id)
        with self.desk.db.session_factory() as s:
            return s.scalar(stmt)

    def tickets(self) -> int:
        return self.count(Ticket)


def make_form(organisation_id: int, **kw: object) -> IntakeForm:
    values: dict[str, object] = {
        "organisation_id": organisation_id,
        "contact_id": None,
        "channel": Channel.PHONE,
        "claimed_package": Package.EXTENDED,
        "severity": Severity.MEDIUM,
        "requested_service": Service.S5,
        "subject": "Не проходят входящие вызовы",
        "description": "С утра абоненты слышат короткие гудки.",
    }
    values.update(kw)
    return IntakeForm(**values)  # type: ignore[arg-type]


def build_world(db: Database, clock: FixedClock) -> World:
    desk = Desk(db, clock)
    with db.session_factory.begin() as s:
        for login, name, role in STAFF:
            create_user_unchecked(
                s, clock.now(), login=login, display_name=name, role=role, password=PASSWORD
            )
    admin, lead, op1, op2 = (desk.authenticate(login, PASSWORD) for login, _, _ in STAFF)

    ext_org = desk.create_organisation(admin, "ООО «Ромашка»", city="Казань")
    ext_contact = desk.create_contact(
        admin, ext_org, "Иванов Иван", email="ivanov@romashka.ru", phone="8 (843) 567-34-58"
    )
    desk.create_contract(
        admin,
        ext_org,
        Package.EXTENDED,
        "EXT-1",
        date(2026, 1, 1),
        date(2026, 12, 31),
        visits_per_incident=1,
        personal_specialist_id=op2.user_id,
        cities=("Казань",),
    )

    basic_org = desk.create_organisation(admin, "АО «Василёк»", city="Уфа")
    basic_contact = desk.create_contact(
        admin, basic_org, "Петрова Мария", email="petrova@vasilek.ru", phone="+7 347 200-11-22"
    )
    desk.create_contract(
        admin, basic_org, Package.BASIC, "BAS-1", date(2026, 1, 1), date(2026, 12, 31)
    )

    expired_org = desk.create_organisation(admin, "ПАО «Лютик»", city="Казань")
    expired_contact = desk.create_contact(
        admin, expired_org, "Сидоров Пётр", email="sidorov@lutik.ru", phone="+7 843 111-22-33"
    )
    desk.create_contract(
        admin,
        expired_org,
        Package.EXTENDED,
        "EXT-OLD",
        date(2025, 1, 1),
        date(2025, 12, 31),
        visits_per_incident=2,
        personal_specialist_id=op1.user_id,
        cities=("Казань",),
    )
    # Load the calendar now: on SQLite a use case that first needs it *inside* its own session
    # waits for its own lock (see test_sqlite_first_use_case_of_a_fresh_desk_does_not_self_lock).
    desk.working_time()
    return World(
        desk,
        clock,
        admin,
        lead,
        op1,
        op2,
        ext_org,
        ext_contact,
        basic_org,
        basic_contact,
        expired_org,
        expired_contact,
    )


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 at production cost is most of a world's set-up time; hashing is not under test."""
    monkeypatch.setattr(
        users, "_hasher", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    )


@pytest.fixture
def world(db: Database, clock: FixedClock) -> World:
    return build_world(db, clock)
