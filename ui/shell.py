"""Owns the signed-in operator's main window and rebuilds it when the interface language changes.

Qt widgets do not re-read their texts when a translator changes; rebuilding the window is the
one way every string, including menus and tooltips, follows. What the operator had set up (the
selected ticket, filters, sort, unsent comments, window size) is carried over, so the switch
costs them nothing but the moment it takes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from app import config
from app.services.desk import Desk
from app.services.dto import Actor
from ui import i18n
from ui.main_window import MainWindow


class Shell(QObject):
    def __init__(self, desk: Desk, actor: Actor, settings: config.LocalSettings) -> None:
        super().__init__()
        self.desk, self.actor, self.settings = desk, actor, settings
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.desk, self.actor)
        window.language_requested.connect(self.switch_language)
        return window

    def show(self) -> None:
        self.window.show()

    def switch_language(self, language: str) -> None:
        """Install ``language``, remember it for the next start and rebuild the window."""
        language = i18n.install(language)
        self.settings.language = language
        config.save(self.settings)
        old = self.window
        state = old.capture_state()
        self.window = self._new_window()
        self.window.restore_state(state)
        self.window.show()  # before the old one closes: the last closed window ends the app
        old.timer.stop()
        old.close()
        old.deleteLater()
