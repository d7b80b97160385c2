"""R7: who may do what. Checked in the service layer, so every client gets the same answer."""

from __future__ import annotations

from app.db.models import Ticket
from app.domain.enums import Package, Role
from app.domain.errors import PermissionDenied
from app.services.dto import Actor

LEADS = frozenset({Role.TEAM_LEAD, Role.ADMIN})

# Actions on a ticket; the UI enables its buttons from ``allowed_actions``.
NOTIFY = "notify"
CHANGE_SEVERITY = "change_severity"
CONFIRM_PACKAGE = "confirm_package"
TAKE = "take"
ASSIGN = "assign"
SET_STATUS = "set_status"
CLOSE = "close"
COMMENT = "comment"
VISIT = "visit"


def is_lead(actor: Actor) -> bool:
    return actor.role in LEADS


def require_role(actor: Actor, roles: frozenset[Role], action: str) -> None:
    if actor.role not in roles:
        raise PermissionDenied("perm.denied", action=action)


def allowed_actions(actor: Actor, ticket: Ticket, *, extended_in_force: bool) -> frozenset[str]:
    """``extended_in_force``: the customer has an EXTENDED contract in force today, without which
    confirming the package is refused (R5), so it is not offered."""
    actions = {COMMENT}
    open_ = ticket.status.is_open
    mine_or_free = ticket.assignee_id in (None, actor.user_id)
    if open_:
        if ticket.notified_at is None:
            actions.add(NOTIFY)
        actions.add(CHANGE_SEVERITY)
        # R5 / R1.3: confirming upgrades a BASIC ticket; visits are for EXTENDED ones only.
        if ticket.effective_package is Package.EXTENDED:
            actions.add(VISIT)
        elif extended_in_force:
            actions.add(CONFIRM_PACKAGE)
        if ticket.assignee_id is None:
            actions.add(TAKE)
        if is_lead(actor):
            actions.update({ASSIGN, SET_STATUS, CLOSE})
        elif mine_or_free:
            actions.update({SET_STATUS, CLOSE})
    return frozenset(actions)


def require_ticket_action(actor: Actor, ticket: Ticket, action: str) -> None:
    """Operators work on their own or unassigned tickets; leads and admins on any."""
    if action == ASSIGN and not is_lead(actor):
        raise PermissionDenied("perm.assign")
    foreign = ticket.assignee_id not in (None, actor.user_id)
    if action in (SET_STATUS, CLOSE) and not is_lead(actor) and foreign:
        raise PermissionDenied("perm.not_yours", reg_number=ticket.reg_number or ticket.id)
