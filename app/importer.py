"""``import-customers``: organisations, contacts and contracts from a CSV file, all or nothing.

Every row is validated first; a file with any bad row imports nothing and reports each bad row
with its line number. A good file is written in one transaction.

Columns (header row, UTF-8, comma or semicolon separated):
``organisation`` (required), ``city``, ``inn``, ``contact``, ``email``, ``phone``, ``package``
(basic/extended or Базовый/Расширенный), ``contract_number``, ``valid_from``, ``valid_to``,
``visits_per_incident``, ``cities`` (separated by ``|``). Rows naming the same organisation (by INN,
else by name) add contacts and contracts to it; an organisation already in the database is reused.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models import Contact, Contract, Organisation
from app.domain import messages
from app.domain.enums import Package
from app.domain.errors import DomainError, ValidationError
from app.domain.text import search_key
from app.domain.validation import (
    check_contract_period,
    normalise_email,
    normalise_inn,
    normalise_phone,
)
from app.services.history import record

REQUIRED_COLUMNS = ("organisation",)
KNOWN_COLUMNS = (
    "organisation",
    "city",
    "inn",
    "contact",
    "email",
    "phone",
    "package",
    "contract_number",
    "valid_from",
    "valid_to",
    "visits_per_incident",
    "cities",
)
_PACKAGE_WORDS = {
    "basic": Package.BASIC,
    "базовый": Package.BASIC,
    "базовая": Package.BASIC,
    "extended": Package.EXTENDED,
    "расширенный": Package.EXTENDED,
    "расширенная": Package.EXTENDED,
}


@dataclass
class _ContractRow:
    package: Package
    number: str
    valid_from: date
    valid_to: date
    visits: int
    cities: list[str]


@dataclass
class _OrgPlan:
    name: str
    city: str | None
    inn: str | None
    contacts: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    contracts: list[_ContractRow] = field(default_factory=list)


@dataclass(frozen=True)
class ImportResult:
    organisations_created: int
    organisations_reused: int
    contacts: int
    contracts: int


def _parse_date(value: str, column: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ValidationError("validation.date", value=value, field=column) from exc


def _parse_row(
    row: dict[str, str],
) -> tuple[str, str | None, str | None, tuple | None, _ContractRow | None]:
    get = {k: (row.get(k) or "").strip() for k in KNOWN_COLUMNS}
    if not get["organisation"]:
        raise ValidationError("validation.required", field="organisation")
    inn = normalise_inn(get["inn"]) if get["inn"] else None
    contact = None
    if get["contact"] or get["email"] or get["phone"]:
        if not get["contact"]:
            raise ValidationError("validation.required", field="contact")
        email = normalise_email(get["email"]) if get["email"] else None
        phone = normalise_phone(get["phone"]) if get["phone"] else None
        contact = (get["contact"], email, phone)
    contract = None
    if get["package"] or get["contract_number"]:
        package = _PACKAGE_WORDS.get(get["package"].casefold())
        if package is None:
            raise ValidationError(
                "validation.choice",
                field="package",
                value=get["package"],
                allowed="basic, extended",
            )
        if not get["contract_number"]:
            raise ValidationError("validation.required", field="contract_number")
        valid_from = _parse_date(get["valid_from"], "valid_from")
        valid_to = _parse_date(get["valid_to"], "valid_to")
        check_contract_period(valid_from, valid_to)
        visits_text = get["visits_per_incident"] or "0"
        if not visits_text.isdigit():
            raise ValidationError(
                "validation.number", field="visits_per_incident", value=visits_text
            )
        cities = [c.strip() for c in get["cities"].split("|") if c.strip()]
        contract = _ContractRow(
            package, get["contract_number"], valid_from, valid_to, int(visits_text), cities
        )
    return get["organisation"], get["city"] or None, inn, contact, contract


def read_plan(text: str) -> list[_OrgPlan]:
    """Validate the whole file; raise one ValidationError listing every bad line."""
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ValidationError("import.columns", missing=", ".join(missing))
    plans: dict[str, _OrgPlan] = {}
    problems: list[str] = []
    numbers_seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        try:
            name, city, inn, contact, contract = _parse_row(row)
        except DomainError as exc:
            problems.append(messages.render("import.line", {"line": line, "message": exc}))
            continue
        if contract is not None:
            first = numbers_seen.setdefault(contract.number, line)
            if first != line:
                err = DomainError("contract.duplicate_number", number=contract.number)
                problems.append(messages.render("import.line", {"line": line, "message": err}))
                continue
        key = f"inn:{inn}" if inn else f"name:{search_key(name)}"
        plan = plans.setdefault(key, _OrgPlan(name, city, inn))
        if contact:
            plan.contacts.append(contact)
        if contract:
            plan.contracts.append(contract)
    if problems:
        raise ValidationError("import.rows", problems=problems, count=len(problems))
    return list(plans.values())


def _existing_org(s: Session, plan: _OrgPlan) -> Organisation | None:
    if plan.inn:
        found = s.scalar(select(Organisation).where(Organisation.inn == plan.inn))
        if found:
            return found
    return s.scalars(
        select(Organisation).where(Organisation.search_key == search_key(plan.name))
    ).first()


def import_customers(
    db: Database, path: Path, *, now: datetime, actor_id: int | None = None
) -> ImportResult:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError("import.file", path=str(path), reason=str(exc)) from exc
    plans = read_plan(text)
    created = reused = contacts = contracts = 0
    with db.session_factory.begin() as s:
        numbers = {c.number for p in plans for c in p.contracts}
        if numbers:
            taken = s.scalars(select(Contract.number).where(Contract.number.in_(numbers))).all()
            if taken:
                raise DomainError("contract.duplicate_number", number=", ".join(sorted(taken)))
        for plan in plans:
            org = _existing_org(s, plan)
            if org is None:
                org = Organisation(
                    name=plan.name,
                    city=plan.city,
                    inn=plan.inn,
                    search_key=search_key(plan.name),
                    created_at=now,
                )
                s.add(org)
                s.flush()
                created += 1
                record(
                    s,
                    at=now,
                    actor_id=actor_id,
                    entity="organisation",
                    entity_id=org.id,
                    action="import",
                    after={"name": org.name, "inn": org.inn},
                )
            else:
                reused += 1
            for name, email, phone in plan.contacts:
                s.add(
                    Contact(
                        organisation_id=org.id,
                        name=name,
                        email=email,
                        phone=phone,
                        search_key=search_key(name),
                    )
                )
                contacts += 1
            for c in plan.contracts:
                s.add(
                    Contract(
                        organisation_id=org.id,
                        package=c.package,
                        number=c.number,
                        valid_from=c.valid_from,
                        valid_to=c.valid_to,
                        visits_per_incident=c.visits,
                        cities=c.cities,
                    )
                )
                contracts += 1
    return ImportResult(created, reused, contacts, contracts)
