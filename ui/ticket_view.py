"""The selected ticket: fields, SLA panel, flags, history, comments, visits, and the actions."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import labels
from app.domain.enums import TicketStatus
from app.domain.errors import ConflictError, DomainError
from app.domain.validation import format_phone
from app.services import permissions as perm
from app.services.desk import Desk
from app.services.dto import Actor, Agreement, TicketChanges, TicketDetail
from app.services.lifecycle import TRANSITIONS
from app.sla.policy import Now, sla_state
from ui.dialogs import (
    AssignDialog,
    CloseDialog,
    NotifyDialog,
    SeverityDialog,
    VisitDialog,
    label_row,
)
from ui.formatting import duration, local_text
from ui.sla_delegate import phase_colour, sla_text


class TicketView(QWidget):
    changed = Signal(object)  # TicketChanges

    def __init__(self, desk: Desk, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.actor = desk, actor
        self.tz = desk.working_time().tz
        self.detail: TicketDetail | None = None
        # Unsent comments per ticket: moving to another ticket neither loses a draft nor lets
        # it be posted on the wrong ticket.
        self.drafts: dict[int, str] = {}

        self.title = QLabel(self.tr("Select a ticket in the queue"))
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setWordWrap(True)
        self.flags = QLabel()
        self.flags.setWordWrap(True)

        fields = QGroupBox(self.tr("Request"))
        self.fields = QFormLayout(fields)
        sla_box = QGroupBox(self.tr("Reaction (SLA)"))
        self.sla = QFormLayout(sla_box)
        self.sla_state = QLabel()
        self.sla_state.setStyleSheet("font-weight: bold;")

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, text, slot in (
            (perm.NOTIFY, self.tr("Notify…"), self.notify),
            (perm.CHANGE_SEVERITY, self.tr("Severity…"), self.change_severity),
            (perm.CONFIRM_PACKAGE, self.tr("Confirm package"), self.confirm_package),
            (perm.TAKE, self.tr("Take"), self.take),
            (perm.ASSIGN, self.tr("Assign…"), self.assign),
            (perm.SET_STATUS, self.tr("Status"), None),
            (perm.CLOSE, self.tr("Close…"), self.close_ticket),
            (perm.VISIT, self.tr("Visit…"), self.request_visit),
        ):
            button = QPushButton(text)
            if slot is not None:
                button.clicked.connect(slot)
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch()
        self.status_menu = QMenu(self)
        self.buttons[perm.SET_STATUS].setMenu(self.status_menu)

        self.tabs = QTabWidget()
        self.description = QPlainTextEdit()
        self.description.setReadOnly(True)
        self.history = QListWidget()
        self.comments = QListWidget()
        comment_box = QWidget()
        comment_layout = QVBoxLayout(comment_box)
        comment_layout.setContentsMargins(0, 0, 0, 0)
        self.new_comment = QPlainTextEdit()
        self.new_comment.setPlaceholderText(self.tr("New comment"))
        self.new_comment.setMaximumHeight(70)
        add_comment = QPushButton(self.tr("Add comment"))
        add_comment.clicked.connect(self.add_comment)
        comment_layout.addWidget(self.comments)
        comment_layout.addWidget(self.new_comment)
        comment_layout.addWidget(add_comment)
        self.visits = QListWidget()
        self.tabs.addTab(self.description, self.tr("Description"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(comment_box, self.tr("Comments"))
        self.tabs.addTab(self.visits, self.tr("Visits"))

        top = QHBoxLayout()
        top.addWidget(fields, 3)
        top.addWidget(sla_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.flags)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        self._enable(frozenset())
        self.new_comment.setEnabled(False)

    # --- showing --------------------------------------------------------------------------
    def _enable(self, allowed: frozenset[str]) -> None:
        for key, button in self.buttons.items():
            button.setEnabled(key in allowed)

    def show_ticket(self, ticket_id: int | None) -> None:
        previous = self.detail.row.id if self.detail is not None else None
        if previous != ticket_id:
            if previous is not None:
                self._keep_draft(previous)
            self.new_comment.setPlainText(
                self.drafts.pop(ticket_id, "") if ticket_id is not None else ""
            )
        self.new_comment.setEnabled(ticket_id is not None)
        if ticket_id is None:
            self.detail = None
            self._enable(frozenset())
            return
        self.detail = self.desk.ticket(self.actor, ticket_id)
        self._render()

    def _keep_draft(self, ticket_id: int) -> None:
        text = self.new_comment.toPlainText()
        if text.strip():
            self.drafts[ticket_id] = text
        else:
            self.drafts.pop(ticket_id, None)

    def all_drafts(self) -> dict[int, str]:
        """Every unsent comment, the shown ticket's included."""
        if self.detail is not None:
            self._keep_draft(self.detail.row.id)
        return dict(self.drafts)

    def reload(self) -> None:
        if self.detail is not None:
            self.show_ticket(self.detail.row.id)

    def _render(self) -> None:
        d, row, tz = self.detail, self.detail.row, self.tz
        self.title.setText(f"{row.reg_number} — {row.subject}")
        flags = [f"{'✔' if v.ok else '⚠'} {v.text}" for v in d.flags]
        self.flags.setText("\n".join(flags))
        self.flags.setStyleSheet(
            "color: #8a4b00;" if any(not v.ok for v in d.flags) else "color: #2e7d32;"
        )
        while self.fields.rowCount():
            self.fields.removeRow(0)
        package = labels.label(row.effective_package)
        if row.claimed_package is not row.effective_package:
            package += " " + self.tr("(claimed: %1)").replace(
                "%1", labels.label(row.claimed_package)
            )
        phone = format_phone(d.contact_phone) if d.contact_phone else None
        contact = ", ".join(x for x in (d.contact, phone, d.contact_email) if x)
        for name, value in (
            (self.tr("Customer"), row.organisation),
            (self.tr("Contact"), contact or "—"),
            (self.tr("Channel"), labels.label(row.channel)),
            (self.tr("Severity"), labels.label(row.severity)),
            (self.tr("Package"), package),
            (self.tr("Service"), labels.label(d.requested_service)),
            (self.tr("Product version"), d.product_version or "—"),
            (self.tr("Status"), labels.label(row.status)),
            (self.tr("Assignee"), row.assignee or "—"),
        ):
            self.fields.addRow(name, label_row(value))
        while self.sla.rowCount():
            self.sla.removeRow(0)
        received = local_text(row.received_at, tz, seconds=True)
        if d.received_at_reason:
            received += f" ({d.received_at_reason})"
        self.sla.addRow(self.tr("Received"), label_row(received))
        self.sla.addRow(self.tr("Deadline"), label_row(local_text(row.reaction_deadline, tz)))
        notified = local_text(row.notified_at, tz, seconds=True)
        if d.notification_channel is not None:
            notified += f" ({labels.label(d.notification_channel)})"
        self.sla.addRow(self.tr("Notified"), label_row(notified))
        if row.reaction_met is not None:
            result = self.tr("met") if row.reaction_met else self.tr("breached")
            used = duration(d.reaction_working_seconds or 0)
            self.sla.addRow(
                self.tr("Result"),
                label_row(
                    self.tr("%1, working time used %2").replace("%1", result).replace("%2", used)
                ),
            )
        self.sla_state = QLabel()  # removeRow deleted the previous one
        self.sla.addRow(self.tr("Now"), self.sla_state)
        self.tick()
        self.description.setPlainText(d.description)
        self.history.clear()
        for item in d.history:
            self.history.addItem(f"{local_text(item.at, tz)}  {item.actor or ''}: {item.text}")
        self.comments.clear()
        for c in d.comments:
            self.comments.addItem(f"{local_text(c.at, tz)}  {c.author}: {c.body}")
        self.visits.clear()
        for v in d.visits:
            day = v.agreed_date.strftime("%d.%m.%Y") if v.agreed_date else "—"
            self.visits.addItem(f"{v.city}: {labels.label(v.status)}, {day}")
        self._enable(d.allowed_actions)
        self.status_menu.clear()
        for status in sorted(TRANSITIONS.get(row.status, ()), key=lambda s: s.value):
            action = self.status_menu.addAction(labels.label(status))
            action.triggered.connect(lambda _=False, s=status: self.set_status(s))

    def tick(self, now: datetime | None = None, tick: Now | None = None) -> None:
        """Refresh the SLA line; the main window's 1 Hz tick passes the "now" (and its working-
        time position) that the queue uses, so both show the same moment."""
        if self.detail is None or self.detail.row.reaction_deadline is None:
            return
        row = self.detail.row
        state = sla_state(
            self.desk.working_time(),
            now or self.desk.now(),
            received=row.received_at,
            deadline=row.reaction_deadline,
            target_seconds=row.reaction_target_seconds or 0,
            notified=row.notified_at,
            warning_fraction=self.desk.warning_fraction(),
            tick=tick,
        )
        self.sla_state.setText(sla_text(state, self.tz))
        self.sla_state.setStyleSheet(f"font-weight: bold; color: {phase_colour(state).name()};")

    # --- actions ------------------------------------------------------------------------
    def _done(self, changes: TicketChanges) -> None:
        self.reload()
        self.changed.emit(changes)

    def _run(self, call) -> bool:
        """Run a one-click action; a conflict offers to reload, other refusals are shown."""
        try:
            changes = call()
        except ConflictError as exc:
            answer = QMessageBox.warning(
                self,
                self.tr("Changed by someone else"),
                exc.message(),
                QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Reset:
                self.reload()
            return False
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Not possible"), exc.message())
            return False
        self._done(changes)
        return True

    def _dialog(self, dialog, submit) -> bool:
        """Run a dialog whose OK calls ``submit``; after a conflict, the ticket is reloaded
        so that a second OK saves on the fresh version with everything typed kept."""
        result: list[TicketChanges] = []

        def run() -> None:
            if dialog.conflicted:
                self.reload()
                dialog.conflicted = False
            result.append(submit())

        dialog.submit = run
        if dialog.exec() and result:
            self._done(result[-1])
            return True
        if dialog.conflicted:
            self.reload()
        return False

    def _version(self) -> int:
        return self.detail.row.version

    def notify(self) -> None:
        row = self.detail.row
        dialog = NotifyDialog(self.desk.notice_text(row.id), row.channel, self)
        self._dialog(
            dialog,
            lambda: self.desk.notify_registration(
                self.actor,
                row.id,
                self._version(),
                dialog.channel.currentData(),
                dialog.info_request.text(),
            ),
        )

    def change_severity(self) -> None:
        row = self.detail.row
        dialog = SeverityDialog(row.severity, self.desk.now(), self.tz, self)
        self._dialog(
            dialog,
            lambda: self.desk.change_severity(
                self.actor,
                row.id,
                self._version(),
                dialog.severity.currentData(),
                Agreement(
                    dialog.agreed_by.text(), dialog.agreed_at_value(), dialog.channel.currentData()
                )
                if dialog.agreed_by.text().strip()
                else None,
            ),
        )

    def confirm_package(self) -> None:
        self._run(
            lambda: self.desk.confirm_package(self.actor, self.detail.row.id, self._version())
        )

    def take(self) -> None:
        self._run(lambda: self.desk.take(self.actor, self.detail.row.id, self._version()))

    def assign(self) -> None:
        dialog = AssignDialog(self.desk.staff(), self)
        self._dialog(
            dialog,
            lambda: self.desk.assign(
                self.actor,
                [(self.detail.row.id, self._version())],
                dialog.assignee.currentData(),
                dialog.comment.text(),
            ),
        )

    def set_status(self, status: TicketStatus) -> None:
        self._run(
            lambda: self.desk.set_status(self.actor, self.detail.row.id, self._version(), status)
        )

    def close_ticket(self) -> None:
        dialog = CloseDialog(self)
        self._dialog(
            dialog,
            lambda: self.desk.close(
                self.actor,
                self.detail.row.id,
                self._version(),
                dialog.reason.currentData(),
                dialog.justification.toPlainText(),
            ),
        )

    def request_visit(self) -> None:
        dialog = VisitDialog(self)
        ticket_id = self.detail.row.id

        def submit() -> TicketChanges:
            self.desk.request_visit(
                self.actor,
                ticket_id,
                dialog.city.text(),
                address=dialog.address.text() or None,
                outside_presence_agreement=dialog.agreement.text(),
            )
            return TicketChanges((ticket_id,))

        self._dialog(dialog, submit)

    def add_comment(self) -> None:
        if self.detail is None:
            return
        body = self.new_comment.toPlainText()
        if self._run(lambda: self.desk.add_comment(self.actor, self.detail.row.id, body)):
            self.new_comment.clear()
