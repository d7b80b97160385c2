"""Small action dialogs of the ticket detail. Each keeps what was typed when the service refuses
(an error or a conflict is shown inside the dialog, which stays open)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import labels
from app.domain.enums import Channel, ClosingReason, Severity
from app.domain.errors import ConflictError, DomainError
from app.services.dto import StaffItem
from ui.formatting import datetime_edit, from_qdatetime

ERROR_STYLE = "color: #b71c1c; font-weight: bold;"


def fill_enum(combo: QComboBox, values, selected=None) -> None:
    for value in values:
        combo.addItem(labels.label(value), value)
    if selected is not None:
        combo.setCurrentIndex(combo.findData(selected))


class ActionDialog(QDialog):
    """A form with OK/Cancel whose OK runs ``submit``; refusals show in ``error`` in place."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.submit: Callable[[], object] | None = None
        self.conflicted = False

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _ok(self) -> None:
        if self.submit is None:
            self.accept()
            return
        try:
            self.submit()
        except ConflictError as exc:
            self.conflicted = True
            self.show_error(exc.message())
            return
        except DomainError as exc:
            self.show_error(exc.message())
            return
        self.accept()


class SeverityDialog(ActionDialog):
    """R2.2: a new severity only with the customer's agreement (who, when, channel)."""

    def __init__(
        self,
        current: Severity,
        now: datetime,
        tz,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Change severity"), parent)
        self.severity = QComboBox()
        fill_enum(self.severity, [s for s in Severity if s is not current])
        self.agreed_by = QLineEdit()
        self.agreed_by.setPlaceholderText(self.tr("Customer's person who agreed"))
        self.agreed_at = datetime_edit(now, tz)
        self.agreed_at.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.channel = QComboBox()
        fill_enum(self.channel, Channel)
        hint = QLabel(self.tr("The severity changes only with the customer's agreement (R2.2)."))
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.form.addRow(self.tr("New severity"), self.severity)
        self.form.addRow(self.tr("Agreed by"), self.agreed_by)
        self.form.addRow(self.tr("Agreed at"), self.agreed_at)
        self.form.addRow(self.tr("Channel"), self.channel)

    def agreed_at_value(self) -> datetime:
        return from_qdatetime(self.agreed_at.dateTime())


class CloseDialog(ActionDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Close or refuse"), parent)
        self.reason = QComboBox()
        fill_enum(self.reason, ClosingReason)
        self.justification = QPlainTextEdit()
        self.justification.setPlaceholderText(self.tr("Required for a refusal (R6.3, R6.4, R1.1)"))
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Justification"), self.justification)


class AssignDialog(ActionDialog):
    def __init__(self, staff: list[StaffItem], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Assign"), parent)
        self.assignee = QComboBox()
        for person in staff:
            self.assignee.addItem(f"{person.display_name} ({labels.label(person.role)})", person.id)
        self.comment = QLineEdit()
        self.form.addRow(self.tr("Specialist"), self.assignee)
        self.form.addRow(self.tr("Comment"), self.comment)


class NotifyDialog(ActionDialog):
    """R3.1: the customer is told the registration number; this stops the reaction clock."""

    def __init__(self, notice: str, channel: Channel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Notify the customer"), parent)
        self.channel = QComboBox()
        fill_enum(self.channel, Channel, channel)
        self.info_request = QLineEdit()
        self.info_request.setPlaceholderText(self.tr("Optional: information we need"))
        self.notice = QPlainTextEdit(notice)
        self.notice.setReadOnly(True)
        self.notice.setMinimumHeight(180)
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("Request for information"), self.info_request)
        self.form.addRow(self.tr("Notice text"), self.notice)


class VisitDialog(ActionDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Request an on-site visit"), parent)
        self.city = QLineEdit()
        self.address = QLineEdit()
        self.agreement = QLineEdit()
        self.agreement.setPlaceholderText(
            self.tr("Only for a city outside the cities of presence (R1.3)")
        )
        self.form.addRow(self.tr("City"), self.city)
        self.form.addRow(self.tr("Address"), self.address)
        self.form.addRow(self.tr("Separate agreement"), self.agreement)


def label_row(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label
