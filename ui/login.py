"""Sign-in: remembers the last login name (never the password)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.services.desk import Desk
from app.services.dto import Actor
from ui.dialogs import ERROR_STYLE


class LoginDialog(QDialog):
    def __init__(
        self,
        desk: Desk,
        last_login: str | None = None,
        hint: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Centaur Support Desk — sign in"))
        self.login = QLineEdit(last_login or "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Database: %1").replace("%1", desk.db.describe())))
        layout.addLayout(form)
        if hint:
            layout.addWidget(QLabel(hint))
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if last_login else self.login).setFocus()

    def try_login(self) -> None:
        try:
            self.actor = self.desk.authenticate(self.login.text(), self.password.text())
        except DomainError as exc:
            self.error.setText(exc.message())
            self.password.clear()
            return
        self.accept()
