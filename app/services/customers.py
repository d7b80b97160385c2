"""Customers: organisations, contacts, contracts, the package on file (R5) and intake search."""

from __future__ import annotations

from contextlib import suppress
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db.models import Contact, Contract, Organisation, User
from app.domain.enums import Package, Role
from app.domain.errors import NotFoundError, ValidationError
from app.domain.text import digits, query_variants, search_key
from app.domain.validation import (
    check_contract_period,
    normalise_email,
    normalise_inn,
    normalise_phone,
    require_text,
)
from app.services import permissions
from app.services.base import DeskBase
from app.services.dto import Actor, CustomerHit
from app.services.history import record

ADMINS = frozenset({Role.ADMIN})


def active_contracts(s: Session, organisation_ids: set[int], day: date) -> dict[int, Contract]:
    """Per organisation, the contract in force on ``day`` (one query); EXTENDED wins when two
    overlap, then the one running longer."""
    best: dict[int, Contract] = {}
    contracts = s.scalars(
        select(Contract).where(
            Contract.organisation_id.in_(organisation_ids),
            Contract.valid_from <= day,
            Contract.valid_to >= day,
        )
    )
    for c in contracts:
        current = best.get(c.organisation_id)
        key = (c.package is Package.EXTENDED, c.valid_to)
        if current is None or key > (current.package is Package.EXTENDED, current.valid_to):
            best[c.organisation_id] = c
    return best


def active_contract(s: Session, organisation_id: int, day: date) -> Contract | None:
    return active_contracts(s, {organisation_id}, day).get(organisation_id)


class CustomersMixin(DeskBase):
    def _today(self) -> date:
        return self.now().astimezone(self.working_time().tz).date()

    def create_organisation(
        self, actor: Actor, name: str, *, city: str | None = None, inn: str | None = None
    ) -> int:
        name = require_text(name, "Организация")
        inn = normalise_inn(inn) if inn else None
        now = self.now()
        with self._write() as s:
            if inn and s.scalar(select(Organisation.id).where(Organisation.inn == inn)):
                raise ValidationError("organisation.duplicate_inn", inn=inn)
            org = Organisation(
                name=name, city=city or None, inn=inn, search_key=search_key(name), created_at=now
            )
            s.add(org)
            s.flush()
            record(
                s,
                at=now,
                actor_id=actor.user_id,
                entity="organisation",
                entity_id=org.id,
                action="created",
                after={"name": name, "city": city, "inn": inn},
            )
            return org.id

    def create_contact(
        self,
        actor: Actor,
        organisation_id: int,
        name: str,
        *,
        email: str | None = None,
        phone: str | None = None,
    ) -> int:
        name = require_text(name, "Контакт")
        email = normalise_email(email) if email else None
        phone = normalise_phone(phone) if phone else None
        now = self.now()
        with self._write() as s:
            if s.get(Organisation, organisation_id) is None:
                raise NotFoundError("notfound.customer")
            contact = Contact(
                organisation_id=organisation_id,
                name=name,
                email=email,
                phone=phone,
                search_key=search_key(name),
            )
            s.add(contact)
            s.flush()
            record(
                s,
                at=now,
                actor_id=actor.user_id,
                entity="contact",
                entity_id=contact.id,
                action="created",
                after={"name": name, "email": email, "phone": phone},
            )
            return contact.id

    def create_contract(
        self,
        actor: Actor,
        organisation_id: int,
        package: Package,
        number: str,
        valid_from: date,
        valid_to: date,
        *,
        visits_per_incident: int = 0,
        personal_specialist_id: int | None = None,
        cities: tuple[str, ...] | list[str] = (),
    ) -> int:
        permissions.require_role(actor, ADMINS | permissions.LEADS, "create_contract")
        number = require_text(number, "Номер договора")
        check_contract_period(valid_from, valid_to)
        if visits_per_incident < 0:
            raise ValidationError("validation.number", field="visits_per_incident")
        now = self.now()
        with self._write() as s:
            if s.get(Organisation, organisation_id) is None:
                raise NotFoundError("notfound.customer")
            if s.scalar(select(Contract.id).where(Contract.number == number)):
                raise ValidationError("contract.duplicate_number", number=number)
            if personal_specialist_id is not None and s.get(User, personal_specialist_id) is None:
                raise NotFoundError("notfound.user")
            contract = Contract(
                organisation_id=organisation_id,
                package=package,
                number=number,
                valid_from=valid_from,
                valid_to=valid_to,
                visits_per_incident=visits_per_incident,
                personal_specialist_id=personal_specialist_id,
                cities=list(cities),
            )
            s.add(contract)
            s.flush()
            record(
                s,
                at=now,
                actor_id=actor.user_id,
                entity="contract",
                entity_id=contract.id,
                action="created",
                after={
                    "number": number,
                    "package": package,
                    "valid_from": valid_from,
                    "valid_to": valid_to,
                    "personal_specialist_id": personal_specialist_id,
                },
            )
            return contract.id

    def update_contact(
        self,
        actor: Actor,
        contact_id: int,
        *,
        name: str | None = None,
        email: str | None = None,
        phone: str | None = None,
    ) -> None:
        """Change a contact's name, e-mail or phone (None keeps a field; "" clears e-mail/phone)."""
        now = self.now()
        with self._write() as s:
            contact = s.get(Contact, contact_id)
            if contact is None:
                raise NotFoundError("notfound.contact")
            before = {"name": contact.name, "email": contact.email, "phone": contact.phone}
            if name is not None:
                contact.name = require_text(name, "Контакт")
                contact.search_key = search_key(contact.name)
            if email is not None:
                contact.email = normalise_email(email) if email.strip() else None
            if phone is not None:
                contact.phone = normalise_phone(phone) if phone.strip() else None
            after = {"name": contact.name, "email": contact.email, "phone": contact.phone}
            record(
                s,
                at=now,
                actor_id=actor.user_id,
                entity="contact",
                entity_id=contact.id,
                action="updated",
                before=before,
                after=after,
            )

    def update_contract(
        self,
        actor: Actor,
        contract_id: int,
        *,
        package: Package | None = None,
        valid_from: date | None = None,
        valid_to: date | None = None,
        visits_per_incident: int | None = None,
        personal_specialist_id: int | None = None,
        cities: tuple[str, ...] | list[str] | None = None,
    ) -> None:
        """Edit a contract (team leads assign personal specialists, R7; admins the rest).
        Tickets keep the package they were registered with until it is confirmed (R5)."""
        permissions.require_role(actor, ADMINS | permissions.LEADS, "update_contract")
        now = self.now()
        with self._write() as s:
            contract = s.get(Contract, contract_id)
            if contract is None:
                raise NotFoundError("notfound.contract")
            fields = (
                "package",
                "valid_from",
                "valid_to",
                "visits_per_incident",
                "personal_specialist_id",
                "cities",
            )
            before = {f: getattr(contract, f) for f in fields}
            check_contract_period(valid_from or contract.valid_from, valid_to or contract.valid_to)
            if personal_specialist_id is not None and s.get(User, personal_specialist_id) is None:
                raise NotFoundError("notfound.user")
            if visits_per_incident is not None and visits_per_incident < 0:
                raise ValidationError("validation.number", field="visits_per_incident")
            for field, value in (
                ("package", package),
                ("valid_from", valid_from),
                ("valid_to", valid_to),
                ("visits_per_incident", visits_per_incident),
                ("personal_specialist_id", personal_specialist_id),
                ("cities", list(cities) if cities is not None else None),
            ):
                if value is not None:
                    setattr(contract, field, value)
            record(
                s,
                at=now,
                actor_id=actor.user_id,
                entity="contract",
                entity_id=contract.id,
                action="updated",
                before=before,
                after={f: getattr(contract, f) for f in fields},
            )

    def search_customers(self, query: str, limit: int = 20) -> list[CustomerHit]:
        """Prefix search over organisation and contact names (any word, case- and keyboard-
        layout-insensitive), e-mail and phone digits."""
        variants = query_variants(query)
        if not variants:
            return []
        today = self._today()
        conditions = []
        for v in variants:
            conditions += [
                Organisation.search_key.like(f"{v}%"),
                Organisation.search_key.like(f"% {v}%"),
                Contact.search_key.like(f"{v}%"),
                Contact.search_key.like(f"% {v}%"),
            ]
        # E-mails are stored normalised, not as search keys: compare with the text as typed.
        conditions.append(Contact.email.like(f"{query.strip().casefold()}%"))
        phone_digits = digits(query)
        if len(phone_digits) >= 3:
            conditions.append(Contact.phone.like(f"%{phone_digits}%"))
            # A whole number in any form (8 (843) …, +7 843 …) matches its stored E.164 form;
            # a partial one only by the digits above.
            with suppress(ValidationError):
                conditions.append(Contact.phone == normalise_phone(query))
        stmt = (
            select(Organisation, Contact)
            .outerjoin(Contact, Contact.organisation_id == Organisation.id)
            .where(or_(*conditions))
            .order_by(Organisation.search_key, Contact.name)
            .limit(limit)
        )
        hits: list[CustomerHit] = []
        with self._read() as s:
            rows = s.execute(stmt).all()
            contracts = active_contracts(s, {org.id for org, _ in rows}, today)
            for org, contact in rows:
                contract = contracts.get(org.id)
                hits.append(
                    CustomerHit(
                        organisation_id=org.id,
                        organisation=org.name,
                        city=org.city,
                        contact_id=contact.id if contact else None,
                        contact=contact.name if contact else None,
                        email=contact.email if contact else None,
                        phone=contact.phone if contact else None,
                        package_on_file=contract.package if contract else None,
                        contract_number=contract.number if contract else None,
                        contract_valid_to=contract.valid_to if contract else None,
                    )
                )
        return hits
