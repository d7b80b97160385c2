"""New request, built for a phone call: find the customer as you type, see the package on file,
the entitlement verdict and the reaction deadline live, register (and notify) in one step."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import labels
from app.domain.enums import Channel, Package, Service, Severity
from app.domain.errors import DomainError
from app.domain.validation import format_phone
from app.services.desk import Desk
from app.services.dto import Actor, CustomerHit, IntakeForm, TicketChanges
from ui.dialogs import ERROR_STYLE, fill_enum
from ui.formatting import datetime_edit, from_qdatetime, local_text

OK_STYLE = "color: #2e7d32;"
FLAG_STYLE = "color: #8a4b00; font-weight: bold;"


class NewRequestDialog(QDialog):
    registered = Signal(object)  # TicketChanges

    def __init__(self, desk: Desk, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.actor = desk, actor
        self.tz = desk.working_time().tz
        self.hit: CustomerHit | None = None
        self.changes: TicketChanges | None = None
        self.setWindowTitle(self.tr("New request"))
        self.setMinimumSize(760, 680)

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Organisation, contact, phone or e-mail — type to search")
        )
        self.hits = QListWidget()
        self.hits.setMaximumHeight(120)
        self.customer = QLabel(self.tr("No customer chosen"))
        self.customer.setWordWrap(True)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self._search)
        self.search.textChanged.connect(self._debounce.start)
        self.hits.currentItemChanged.connect(self._choose)

        self.contact = QComboBox()
        self.channel = QComboBox()
        fill_enum(self.channel, Channel)
        self.claimed = QComboBox()
        fill_enum(self.claimed, Package)
        self.package_verdict = QLabel()
        self.package_verdict.setWordWrap(True)
        self.severity = QComboBox()
        for s in Severity:
            self.severity.addItem(f"{labels.label(s)} — {labels.severity_meaning(s)}", s)
        self.severity.setCurrentIndex(self.severity.findData(Severity.MEDIUM))
        self.service = QComboBox()
        fill_enum(self.service, Service, Service.S6)
        self.entitlement = QLabel()
        self.entitlement.setWordWrap(True)
        self.version = QLineEdit()
        self.version_verdict = QLabel()
        self.subject = QLineEdit()
        self.description = QPlainTextEdit()
        self.received = datetime_edit(desk.now(), self.tz)
        self.received_reason = QLineEdit()
        self.received_reason.setPlaceholderText(self.tr("Needed when the request came earlier"))
        self.preview = QLabel()
        self.preview.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.notify_now = QCheckBox(self.tr("Notify the customer now (registration number)"))

        customer_box = QGroupBox(self.tr("Customer"))
        cl = QVBoxLayout(customer_box)
        cl.addWidget(self.search)
        cl.addWidget(self.hits)
        cl.addWidget(self.customer)
        form = QFormLayout()
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Package claimed"), self.claimed)
        form.addRow("", self.package_verdict)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Service"), self.service)
        form.addRow("", self.entitlement)
        form.addRow(self.tr("Product version"), self.version)
        form.addRow("", self.version_verdict)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Description"), self.description)
        received_row = QHBoxLayout()
        received_row.addWidget(self.received)
        received_row.addWidget(self.received_reason, 1)
        form.addRow(self.tr("Received"), received_row)

        self.buttons = QDialogButtonBox()
        self.register_button = QPushButton(self.tr("Register"))
        self.register_button.setDefault(True)
        self.buttons.addButton(self.register_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.register_button.clicked.connect(self.register)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(customer_box)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(self.notify_now)
        layout.addWidget(self.buttons)

        for signal in (
            self.claimed.currentIndexChanged,
            self.severity.currentIndexChanged,
            self.service.currentIndexChanged,
            self.version.textChanged,
            self.received.dateTimeChanged,
        ):
            signal.connect(self.update_preview)
        self.update_preview()

    # --- customer search ----------------------------------------------------------------
    def _search(self) -> None:
        self.hits.clear()
        for hit in self.desk.search_customers(self.search.text()):
            on_file = (
                labels.label(hit.package_on_file)
                if hit.package_on_file
                else self.tr("no active contract")
            )
            who = f" — {hit.contact}" if hit.contact else ""
            phone = f", {format_phone(hit.phone)}" if hit.phone else ""
            item = QListWidgetItem(f"{hit.organisation}{who}{phone} [{on_file}]")
            item.setData(256, hit)
            self.hits.addItem(item)
        if self.hits.count():
            self.hits.setCurrentRow(0)

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        hit: CustomerHit = item.data(256)
        self.hit = hit
        contract = (
            self.tr("contract %1, %2, valid to %3")
            .replace("%1", hit.contract_number or "")
            .replace("%2", labels.label(hit.package_on_file) if hit.package_on_file else "")
            .replace(
                "%3", hit.contract_valid_to.strftime("%d.%m.%Y") if hit.contract_valid_to else ""
            )
            if hit.contract_number
            else self.tr("no active contract on file")
        )
        self.customer.setText(f"<b>{hit.organisation}</b> ({hit.city or '—'}): {contract}")
        self.contact.clear()
        self.contact.addItem(self.tr("(not specified)"), None)
        seen = set()
        for i in range(self.hits.count()):
            other: CustomerHit = self.hits.item(i).data(256)
            if other.organisation_id == hit.organisation_id and other.contact_id not in seen:
                seen.add(other.contact_id)
                if other.contact_id is not None:
                    self.contact.addItem(other.contact, other.contact_id)
        if hit.contact_id is not None:
            self.contact.setCurrentIndex(self.contact.findData(hit.contact_id))
        if hit.package_on_file is not None:
            self.claimed.setCurrentIndex(self.claimed.findData(hit.package_on_file))
        self.update_preview()

    # --- live preview -------------------------------------------------------------------
    def _received_at(self) -> datetime:
        return from_qdatetime(self.received.dateTime())

    def form(self) -> IntakeForm:
        return IntakeForm(
            organisation_id=self.hit.organisation_id if self.hit else -1,
            contact_id=self.contact.currentData(),
            channel=self.channel.currentData(),
            claimed_package=self.claimed.currentData(),
            severity=self.severity.currentData(),
            requested_service=self.service.currentData(),
            subject=self.subject.text(),
            description=self.description.toPlainText(),
            product_version=self.version.text() or None,
            received_at=self._received_at(),
            received_at_reason=self.received_reason.text() or None,
        )

    @staticmethod
    def _show(label: QLabel, verdict) -> None:
        if verdict is None:
            label.clear()
            return
        label.setText(("✔ " if verdict.ok else "⚠ ") + verdict.text)
        label.setStyleSheet(OK_STYLE if verdict.ok else FLAG_STYLE)

    def update_preview(self) -> None:
        if self.hit is None:
            self.preview.setText(self.tr("Choose the customer to see the reaction deadline"))
            return
        try:
            preview = self.desk.intake_preview(self.form())
        except DomainError as exc:
            self.preview.setText(exc.message())
            return
        self._show(self.package_verdict, preview.package_verdict)
        self._show(self.entitlement, preview.entitlement)
        self._show(self.version_verdict, preview.version_verdict)
        text = (
            self.tr("Reaction due by %1, target %2 working h (package %3)")
            .replace("%1", local_text(preview.reaction_deadline, self.tz))
            .replace("%2", str(preview.target_hours))
            .replace("%3", labels.label(preview.effective_package))
        )
        if preview.personal_specialist:
            text += "\n" + self.tr("Personal specialist: %1").replace(
                "%1", preview.personal_specialist
            )
        self.preview.setText(text)

    # --- registering --------------------------------------------------------------------
    def register(self) -> None:
        if self.hit is None:
            self.error.setText(self.tr("Choose the customer first."))
            return
        channel = self.channel.currentData() if self.notify_now.isChecked() else None
        try:
            # One transaction: a refused notice leaves no ticket to be registered twice.
            changes = self.desk.register_request(self.actor, self.form(), notify_channel=channel)
        except DomainError as exc:
            self.error.setText(exc.message())  # the form keeps what was typed
            return
        self.changes = changes
        self.registered.emit(changes)
        self.accept()
