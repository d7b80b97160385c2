"""After registration: notification (R3.1, R3.6), severity (R2.2, R3.5), package confirmation
(R5), assignment (R7), statuses and closing (R6.2–R6.4), comments, on-site visits (R1.3)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Comment, Contact, OnsiteVisit, SeverityChange, Ticket, User
from app.domain import labels, messages
from app.domain.enums import Channel, ClosingReason, Package, Severity, TicketStatus, VisitStatus
from app.domain.errors import NotFoundError, PermissionDenied, ValidationError
from app.domain.validation import require_text
from app.services import permissions as perm
from app.services.customers import active_contract
from app.services.dto import Actor, Agreement, TicketChanges
from app.services.intake import IntakeMixin, notified_message
from app.sla.policy import reaction_target_seconds

# Status moves a user makes with set_status; closing goes through close() (reason required).
TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    TicketStatus.NEW: frozenset({TicketStatus.REGISTERED, TicketStatus.IN_PROGRESS}),
    TicketStatus.REGISTERED: frozenset({TicketStatus.IN_PROGRESS, TicketStatus.WAITING_CUSTOMER}),
    TicketStatus.IN_PROGRESS: frozenset({TicketStatus.WAITING_CUSTOMER, TicketStatus.RESOLVED}),
    TicketStatus.WAITING_CUSTOMER: frozenset({TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED}),
    TicketStatus.RESOLVED: frozenset({TicketStatus.IN_PROGRESS}),
}


class LifecycleMixin(IntakeMixin):
    def _open_ticket(
        self, s: Session, actor: Actor, ticket_id: int, version: int | None, action: str
    ) -> Ticket:
        ticket = self._ticket(s, ticket_id, version)
        if not ticket.status.is_open:
            raise ValidationError("ticket.closed", reg_number=ticket.reg_number)
        perm.require_ticket_action(actor, ticket, action)
        return ticket

    def _recompute_deadline(self, ticket: Ticket) -> bool:
        """R3.5: before the reaction, the deadline follows severity and effective package,
        always from the original received time. After it, the recorded result stands."""
        if ticket.notified_at is not None:
            return False
        target = reaction_target_seconds(ticket.effective_package, ticket.severity)
        ticket.reaction_target_seconds = target
        ticket.reaction_deadline = self.working_time().add(ticket.received_at, target)
        return True

    # --- R3.1: notification = reaction -------------------------------------------------------
    def notify_registration(
        self,
        actor: Actor,
        ticket_id: int,
        version: int,
        channel: Channel,
        info_request: str | None = None,
        at: datetime | None = None,
    ) -> TicketChanges:
        now = self.now()
        notified = at or now
        if notified > now:
            raise ValidationError("ticket.received_in_future", at=notified.isoformat())
        with self._write() as s:
            ticket = self._open_ticket(s, actor, ticket_id, version, perm.NOTIFY)
            result = self._record_notification(
                s, actor, ticket, channel, notified, now, info_request
            )
            text = notified_message(ticket.reg_number, result)
        return TicketChanges((ticket_id,), (), True, text)

    def notice_text(self, ticket_id: int, lang: str = "ru") -> str:
        """The registration notice sent to the customer (the mail channel sends this text)."""
        wt = self.working_time()
        with self._read() as s:
            ticket = self._ticket(s, ticket_id)
            contact = s.get(Contact, ticket.contact_id) if ticket.contact_id else None
            deadline = wt.local(ticket.reaction_deadline).strftime("%d.%m.%Y %H:%M")
            params = {
                "greeting": contact.name if contact else "",
                "greeting_sep": ", " if contact else "",
                "reg_number": ticket.reg_number,
                "subject": ticket.subject,
                "severity": labels.label(ticket.severity, lang),
                "package": labels.label(ticket.effective_package, lang),
                "claimed": labels.label(ticket.claimed_package, lang),
                "deadline": deadline,
            }
            differs = ticket.claimed_package is not ticket.effective_package
        text = messages.render("notice.body", params, lang)
        if differs:
            text += "\n\n" + messages.render("notice.package_differs", params, lang)
        return text + "\n\n" + messages.render("notice.signature", params, lang)

    # --- R2.2 / R3.5 -------------------------------------------------------------------------
    def change_severity(
        self,
        actor: Actor,
        ticket_id: int,
        version: int,
        new: Severity,
        agreement: Agreement | None,
    ) -> TicketChanges:
        now = self.now()
        if agreement is None or not (agreement.agreed_by or "").strip():
            raise ValidationError("severity.agreement_required")
        if agreement.agreed_at > now:
            raise ValidationError("severity.agreement_in_future")
        with self._write() as s:
            ticket = self._open_ticket(s, actor, ticket_id, version, perm.CHANGE_SEVERITY)
            if ticket.severity is new:
                raise ValidationError("ticket.same_severity", severity=labels.label(new))
            old, old_deadline = ticket.severity, ticket.reaction_deadline
            before_reaction = ticket.notified_at is None
            s.add(
                SeverityChange(
                    ticket_id=ticket.id,
                    old_severity=old,
                    new_severity=new,
                    agreed_by=agreement.agreed_by.strip(),
                    agreed_at=agreement.agreed_at,
                    agreement_channel=agreement.channel,
                    changed_by_id=actor.user_id,
                    changed_at=now,
                    before_reaction=before_reaction,
                )
            )
            ticket.severity = new
            moved = self._recompute_deadline(ticket)
            self._save_change(
                s,
                actor,
                ticket,
                "severity_changed",
                now,
                before={"severity": old, "reaction_deadline": old_deadline},
                after={
                    "severity": new,
                    "reaction_deadline": ticket.reaction_deadline,
                    "agreed_by": agreement.agreed_by,
                    "agreed_at": agreement.agreed_at,
                    "channel": agreement.channel,
                },
            )
        return TicketChanges((ticket_id,), (), moved, messages.render("done.saved"))

    def confirm_package(self, actor: Actor, ticket_id: int, version: int) -> TicketChanges:
        """R5: an EXTENDED contract is now on file and confirmed; R3.5 applies."""
        now = self.now()
        with self._write() as s:
            ticket = self._open_ticket(s, actor, ticket_id, version, perm.CONFIRM_PACKAGE)
            if ticket.effective_package is Package.EXTENDED:
                raise ValidationError("package.already_extended")
            contract = active_contract(s, ticket.organisation_id, self._today())
            if contract is None or contract.package is not Package.EXTENDED:
                raise ValidationError("package.no_extended_contract")
            old_deadline = ticket.reaction_deadline
            ticket.effective_package = Package.EXTENDED
            ticket.package_confirmed_at = now
            moved = self._recompute_deadline(ticket)
            self._save_change(
                s,
                actor,
                ticket,
                "package_confirmed",
                now,
                before={"effective_package": Package.BASIC, "reaction_deadline": old_deadline},
                after={
                    "effective_package": Package.EXTENDED,
                    "contract": contract.number,
                    "reaction_deadline": ticket.reaction_deadline,
                },
            )
        return TicketChanges((ticket_id,), (), moved, messages.render("done.saved"))

    # --- assignment (R7) -----------------------------------------------------------------
    def take(self, actor: Actor, ticket_id: int, version: int) -> TicketChanges:
        now = self.now()
        with self._write() as s:
            ticket = self._open_ticket(s, actor, ticket_id, version, perm.TAKE)
            if ticket.assignee_id is not None and ticket.assignee_id != actor.user_id:
                raise PermissionDenied("perm.assign")
            ticket.assignee_id = actor.user_id
            self._save_change(
                s,
                actor,
                ticket,
                "assigned",
                now,
                before={"assignee_id": None},
                after={"assignee_id": actor.user_id},
            )
        return TicketChanges((ticket_id,), (), False, messages.render("done.saved"))

    def assign(
        self,
        actor: Actor,
        items: list[tuple[int, int]],
        assignee_id: int,
        comment: str | None = None,
    ) -> TicketChanges:
        """A team lead assigns or reassigns one or many tickets at once: all or none."""
        if not perm.is_lead(actor):
            raise PermissionDenied("perm.assign")
        now = self.now()
        comment = (comment or "").strip() or None
        with self._write() as s:
            assignee = s.get(User, assignee_id)
            if assignee is None:
                raise NotFoundError("notfound.user")
            if not assignee.active:
                raise ValidationError("user.inactive", name=assignee.display_name)
            for ticket_id, version in items:
                ticket = self._open_ticket(s, actor, ticket_id, version, perm.ASSIGN)
                old = ticket.assignee_id
                ticket.assignee_id = assignee_id
                self._save_change(
                    s,
                    actor,
                    ticket,
                    "assigned",
                    now,
                    before={"assignee_id": old},
                    after={"assignee_id": assignee_id},
                    note=comment,
                )
                if comment:
                    s.add(
                        Comment(
                            ticket_id=ticket.id,
                            author_id=actor.user_id,
                            created_at=now,
                            body=comment,
                        )
                    )
        ids = tuple(t for t, _ in items)
        return TicketChanges(ids, (), False, messages.render("done.saved"))

    # --- work and closing ---------------------------------------------------------------
    def set_status(
        self, actor: Actor, ticket_id: int, version: int, status: TicketStatus
    ) -> TicketChanges:
        now = self.now()
        with self._write() as s:
            ticket = self._open_ticket(s, actor, ticket_id, version, perm.SET_STATUS)
            old = ticket.status
            if status not in TRANSITIONS.get(old, frozenset()):
                raise ValidationError(
                    "ticket.bad_status", old=labels.label(old), new=labels.label(status)
                )
            ticket.status = status
            if ticket.assignee_id is None and status is TicketStatus.IN_PROGRESS:
                ticket.assignee_id = actor.user_id  # whoever starts the work owns it
            self._save_change(
                s, actor, ticket, "status", now, before={"status": old}, after={"status": status}
            )
        return TicketChanges((ticket_id,), (), False, messages.render("done.saved"))

    def close(
        self,
        actor: Actor,
        ticket_id: int,
        version: int,
        reason: ClosingReason,
        justification: str | None,
    ) -> TicketChanges:
        """Closing with a reason; refusals (R6.3, R6.4, R1.1) need a justification."""
        justification = (justification or "").strip() or None
        if reason.needs_justification and not justification:
            raise ValidationError("closing.justification_required")
        now = self.now()
        with self._write() as s:
            ticket = self._open_ticket(s, actor, ticket_id, version, perm.CLOSE)
            old = ticket.status
            ticket.status = TicketStatus.REFUSED if reason.is_refusal else TicketStatus.CLOSED
            ticket.closing_reason = reason
            ticket.closing_justification = justification
            ticket.closed_at = now
            self._save_change(
                s,
                actor,
                ticket,
                "closed",
                now,
                before={"status": old},
                after={"status": ticket.status, "reason": reason},
                note=justification,
            )
        return TicketChanges((ticket_id,), (), True, messages.render("done.saved"))

    def add_comment(self, actor: Actor, ticket_id: int, body: str) -> TicketChanges:
        body = require_text(body, "Комментарий")
        now = self.now()
        with self._write() as s:
            ticket = self._ticket(s, ticket_id)
            s.add(Comment(ticket_id=ticket.id, author_id=actor.user_id, created_at=now, body=body))
            self._history(s, actor, ticket, "comment", now, after={"length": len(body)})
        return TicketChanges((ticket_id,), (), False, messages.render("done.saved"))

    # --- R1.3: on-site visits ------------------------------------------------------------
    def request_visit(
        self,
        actor: Actor,
        ticket_id: int,
        city: str,
        *,
        address: str | None = None,
        outside_presence_agreement: str | None = None,
    ) -> int:
        city = require_text(city, "Город")
        agreement = (outside_presence_agreement or "").strip() or None
        now = self.now()
        with self._write() as s:
            ticket = self._open_ticket(s, actor, ticket_id, None, perm.VISIT)
            contract = active_contract(s, ticket.organisation_id, self._today())
            if (
                ticket.effective_package is not Package.EXTENDED
                or contract is None
                or (contract.package is not Package.EXTENDED)
            ):
                raise ValidationError("visit.basic")
            used = s.scalar(
                select(func.count())
                .select_from(OnsiteVisit)
                .where(
                    OnsiteVisit.ticket_id == ticket.id,
                    OnsiteVisit.status != VisitStatus.CANCELLED,
                )
            )
            if used >= contract.visits_per_incident:
                raise ValidationError("visit.limit", limit=contract.visits_per_incident)
            presence = [c.casefold() for c in contract.cities or []]
            if city.casefold() not in presence and not agreement:
                raise ValidationError(
                    "visit.city_agreement", city=city, cities=", ".join(contract.cities or [])
                )
            visit = OnsiteVisit(
                ticket_id=ticket.id,
                status=VisitStatus.REQUESTED,
                city=city,
                address=address,
                outside_presence_agreement=agreement if city.casefold() not in presence else None,
                requested_at=now,
                requested_by_id=actor.user_id,
            )
            s.add(visit)
            s.flush()
            self._history(
                s,
                actor,
                ticket,
                "visit_requested",
                now,
                after={"visit_id": visit.id, "city": city},
                note=agreement,
            )
            return visit.id

    def _visit(self, s: Session, visit_id: int, *states: VisitStatus) -> OnsiteVisit:
        visit = s.get(OnsiteVisit, visit_id)
        if visit is None:
            raise NotFoundError("notfound.visit")
        if visit.status not in states:
            raise ValidationError("visit.bad_state", state=labels.label(visit.status))
        return visit

    def agree_visit(self, actor: Actor, visit_id: int, day: date) -> TicketChanges:
        """R1.3: a visit happens on an agreed working day."""
        if not self.working_time().day(day).working:
            raise ValidationError("visit.not_working_day", day=day.strftime("%d.%m.%Y"))
        now = self.now()
        with self._write() as s:
            visit = self._visit(s, visit_id, VisitStatus.REQUESTED, VisitStatus.AGREED)
            ticket = self._ticket(s, visit.ticket_id)
            old = visit.agreed_date
            visit.agreed_date, visit.status = day, VisitStatus.AGREED
            self._history(
                s,
                actor,
                ticket,
                "visit_agreed",
                now,
                before={"date": old},
                after={"visit_id": visit.id, "date": day},
            )
        return TicketChanges((visit.ticket_id,), (), False, messages.render("done.saved"))

    def finish_visit(
        self, actor: Actor, visit_id: int, *, done: bool, note: str | None = None
    ) -> TicketChanges:
        now = self.now()
        with self._write() as s:
            if done:
                visit = self._visit(s, visit_id, VisitStatus.AGREED)
            else:
                visit = self._visit(s, visit_id, VisitStatus.REQUESTED, VisitStatus.AGREED)
            ticket = self._ticket(s, visit.ticket_id)
            visit.status = VisitStatus.DONE if done else VisitStatus.CANCELLED
            visit.finished_at, visit.note = now, (note or "").strip() or None
            self._history(
                s,
                actor,
                ticket,
                "visit_finished",
                now,
                after={"visit_id": visit.id, "status": visit.status},
                note=visit.note,
            )
        return TicketChanges((visit.ticket_id,), (), False, messages.render("done.saved"))
