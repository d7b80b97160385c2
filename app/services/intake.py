"""Intake and registration (R2.1, R3.1–R3.4, R4, R5, R1.1/R1.2, R6.2, R1.4)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert as generic_insert
from sqlalchemy.orm import Session

from app.db.models import (
    DESCRIPTION_MAX,
    SUBJECT_MAX,
    Contact,
    Contract,
    Organisation,
    RegistrationCounter,
    Setting,
    Ticket,
    User,
)
from app.domain import messages
from app.domain.entitlements import check_entitlement
from app.domain.enums import Channel, Package, Service, TicketStatus
from app.domain.errors import NotFoundError, ValidationError
from app.domain.validation import require_text
from app.services.customers import CustomersMixin, active_contract
from app.services.dto import Actor, IntakeForm, IntakePreview, TicketChanges, Verdict
from app.sla.config import KEY_CURRENT_VERSION
from app.sla.policy import ReactionResult, reaction_result, reaction_target_seconds

DEFAULT_CURRENT_VERSION = "3.4.2"
# A phone call is typed in for a minute or two: a received time this close to now needs no reason.
BACKDATE_GRACE = timedelta(minutes=15)
CLOCK_SKEW = timedelta(seconds=5)
VERSION_MAX = Ticket.__table__.c.product_version.type.length


def next_registration_number(s: Session, year: int) -> str:
    """R4.3: ``CS-<year>-<6 digits>``, one atomic upsert on the per-year counter row, so that
    concurrent registrations on PostgreSQL and SQLite never share a number."""
    dialect = s.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - only the two supported back ends
        insert = generic_insert
    stmt = insert(RegistrationCounter).values(year=year, last_value=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=[RegistrationCounter.year],
        set_={"last_value": RegistrationCounter.last_value + 1},
    ).returning(RegistrationCounter.last_value)
    value = s.execute(stmt).scalar_one()
    return f"CS-{year}-{value:06d}"


_VERSION = re.compile(r"\d+(?:\.\d+)*")


def _version_tuple(version: str) -> tuple[int, ...]:
    """The first dotted number: 'v3.4.1' -> (3, 4, 1); '3.4.2 (сборка 15)' -> (3, 4, 2)."""
    match = _VERSION.search(version)
    return tuple(int(p) for p in match.group().split(".")) if match else ()


@dataclass(frozen=True, slots=True)
class _Package:
    effective: Package
    verdict: Verdict
    contract: Contract | None


class IntakeMixin(CustomersMixin):
    def _verdict(self, ok: bool, code: str, **params: object) -> Verdict:
        return Verdict(ok, code, messages.render(code, params))

    def _package(self, s: Session, organisation_id: int, claimed: Package) -> _Package:
        """R5: EXTENDED only when claimed and an EXTENDED contract is in force today."""
        contract = active_contract(s, organisation_id, self._today())
        on_file = contract.package if contract else None
        if claimed is Package.BASIC:
            return _Package(Package.BASIC, self._verdict(True, "package.basic_claimed"), contract)
        if on_file is Package.EXTENDED:
            return _Package(Package.EXTENDED, self._verdict(True, "package.as_claimed"), contract)
        return _Package(
            Package.BASIC, self._verdict(False, "package.no_extended_contract"), contract
        )

    def _current_version(self, s: Session) -> str:
        setting = s.get(Setting, KEY_CURRENT_VERSION)
        return str(setting.value) if setting else DEFAULT_CURRENT_VERSION

    def _version_verdict(self, s: Session, version: str | None) -> Verdict | None:
        """R6.2: versions older than the current release are flagged."""
        if not version:
            return None
        current = self._current_version(s)
        if _version_tuple(version) < _version_tuple(current):
            return self._verdict(False, "version.outdated", version=version, current=current)
        return self._verdict(True, "version.current", version=version)

    def _entitlement(self, service: Service, effective: Package) -> Verdict:
        ent = check_entitlement(service, effective)
        return self._verdict(ent.covered, ent.code)

    def _received(self, form: IntakeForm, now: datetime) -> datetime:
        received = form.received_at or now
        if received.tzinfo is None:
            raise ValidationError("validation.date", field="received_at", value=str(received))
        if received > now + CLOCK_SKEW:
            local = received.astimezone(self.working_time().tz)
            raise ValidationError("ticket.received_in_future", at=local.strftime("%d.%m.%Y %H:%M"))
        if received < now - BACKDATE_GRACE and not (form.received_at_reason or "").strip():
            raise ValidationError("ticket.received_reason")
        return received

    def _check_text(self, form: IntakeForm) -> tuple[str, str]:
        subject = require_text(form.subject, "Тема")
        if len(subject) > SUBJECT_MAX:
            raise ValidationError("ticket.subject_too_long", max=SUBJECT_MAX)
        description = (form.description or "").strip()
        if len(description) > DESCRIPTION_MAX:
            raise ValidationError(
                "ticket.description_too_long", max=DESCRIPTION_MAX, length=len(description)
            )
        version = (form.product_version or "").strip()
        if len(version) > VERSION_MAX:
            raise ValidationError("ticket.version_too_long", max=VERSION_MAX)
        return subject, description

    def _customer(self, s: Session, form: IntakeForm) -> Organisation:
        org = s.get(Organisation, form.organisation_id)
        if org is None:
            raise NotFoundError("notfound.customer")
        if form.contact_id is not None:
            contact = s.get(Contact, form.contact_id)
            if contact is None or contact.organisation_id != org.id:
                raise NotFoundError("notfound.contact")
        return org

    def intake_preview(self, form: IntakeForm) -> IntakePreview:
        """Everything the new-request dialog shows live, without writing (R5, R1.2, R3.4)."""
        now = self.now()
        received = form.received_at or now
        wt = self.working_time()
        with self._read() as s:
            self._customer(s, form)
            pkg = self._package(s, form.organisation_id, form.claimed_package)
            specialist = None
            if pkg.contract is not None and pkg.contract.personal_specialist_id is not None:
                user = s.get(User, pkg.contract.personal_specialist_id)
                specialist = user.display_name if user else None
            version = self._version_verdict(s, form.product_version)
        target = reaction_target_seconds(pkg.effective, form.severity)
        return IntakePreview(
            effective_package=pkg.effective,
            package_verdict=pkg.verdict,
            entitlement=self._entitlement(form.requested_service, pkg.effective),
            version_verdict=version,
            received_at=received,
            reaction_deadline=wt.add(received, target),
            target_hours=target // 3600,
            personal_specialist=specialist,
        )

    def register_request(
        self, actor: Actor, form: IntakeForm, *, notify_channel: Channel | None = None
    ) -> TicketChanges:
        """R4.3 + R3.4: a registration number and the reaction deadline, in one transaction.
        With ``notify_channel`` the customer's notice (R3.1) is recorded in the same
        transaction: a refused notice leaves no ticket behind to be registered twice."""
        now = self.now()
        received = self._received(form, now)
        subject, description = self._check_text(form)
        wt = self.working_time()
        with self._write() as s:
            self._customer(s, form)
            pkg = self._package(s, form.organisation_id, form.claimed_package)
            target = reaction_target_seconds(pkg.effective, form.severity)
            deadline = wt.add(received, target)
            assignee = None
            contract = pkg.contract
            if contract is not None and contract.package is Package.EXTENDED:
                assignee = contract.personal_specialist_id  # R1.4
            reg_number = next_registration_number(s, wt.local(now).year)
            ticket = Ticket(
                reg_number=reg_number,
                organisation_id=form.organisation_id,
                contact_id=form.contact_id,
                channel=form.channel,
                received_at=received,
                received_at_reason=(form.received_at_reason or "").strip() or None,
                claimed_package=form.claimed_package,
                effective_package=pkg.effective,
                package_confirmed_at=now if pkg.effective is Package.EXTENDED else None,
                severity=form.severity,
                subject=subject,
                description=description,
                product_version=(form.product_version or "").strip() or None,
                requested_service=form.requested_service,
                status=TicketStatus.REGISTERED,
                assignee_id=assignee,
                reaction_deadline=deadline,
                reaction_target_seconds=target,
                created_by_id=actor.user_id,
                created_at=now,
                updated_by_id=actor.user_id,
                updated_at=now,
            )
            s.add(ticket)
            s.flush()
            self._history(
                s,
                actor,
                ticket,
                "registered",
                now,
                note=ticket.received_at_reason,
                after={
                    "reg_number": reg_number,
                    "received_at": received,
                    "claimed_package": form.claimed_package,
                    "effective_package": pkg.effective,
                    "severity": form.severity,
                    "requested_service": form.requested_service,
                    "reaction_deadline": deadline,
                    "assignee_id": assignee,
                },
            )
            ticket_id = ticket.id
            if notify_channel is not None:
                result = self._record_notification(s, actor, ticket, notify_channel, now, now)
        text = messages.render(
            "done.registered",
            {"reg_number": reg_number, "deadline": wt.local(deadline).strftime("%d.%m %H:%M")},
        )
        if notify_channel is not None:
            text += " " + notified_message(reg_number, result)
        return TicketChanges((ticket_id,), (ticket_id,), True, text)

    def _record_notification(
        self,
        s: Session,
        actor: Actor,
        ticket: Ticket,
        channel: Channel,
        notified: datetime,
        now: datetime,
        info_request: str | None = None,
    ) -> ReactionResult:
        """R3.1 / R3.6: the notice is the reaction; its result is recorded once."""
        wt = self.working_time()
        if ticket.notified_at is not None:
            raise ValidationError(
                "ticket.already_notified",
                reg_number=ticket.reg_number,
                at=wt.local(ticket.notified_at).strftime("%d.%m.%Y %H:%M"),
            )
        if notified < ticket.received_at:
            raise ValidationError("ticket.notify_before_received")
        result = reaction_result(wt, ticket.received_at, ticket.reaction_deadline, notified)
        ticket.notified_at = notified
        ticket.notification_channel = channel
        ticket.notification_info_request = (info_request or "").strip() or None
        ticket.reaction_met = result.met
        ticket.reaction_working_seconds = result.working_seconds
        self._save_change(
            s,
            actor,
            ticket,
            "notified",
            now,
            after={
                "notified_at": notified,
                "channel": channel,
                "reaction_met": result.met,
                "working_seconds": result.working_seconds,
            },
            note=ticket.notification_info_request,
        )
        return result


def notified_message(reg_number: str | None, result: ReactionResult) -> str:
    return messages.render(
        "done.notified",
        {
            "reg_number": reg_number,
            "result": messages.render("reaction.met" if result.met else "reaction.breached"),
        },
    )
