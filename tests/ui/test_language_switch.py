"""Issue 5 "Languages": Russian by default, English switchable in the settings menu, kept for the
next start, and nothing the operator had set up or typed is lost by the switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import config
from app.domain.enums import Channel, Package, Service, Severity
from app.services.dto import IntakeForm
from tests.ui.conftest import World
from ui import i18n
from ui.queue_model import COL_RECEIVED, COL_SLA
from ui.shell import Shell


@pytest.fixture
def settings_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(config.ENV_CONFIG_DIR, str(tmp_path / "config"))
    return tmp_path / "config"


def _register(world: World, subject: str) -> int:
    form = IntakeForm(
        world.org_id,
        world.contact_id,
        Channel.PHONE,
        Package.BASIC,
        Severity.MEDIUM,
        Service.S6,
        subject,
    )
    return world.desk.register_request(world.operator, form).created[0]


def _current_window(qtbot: QtBot, shell: Shell):
    window = shell.window
    qtbot.addWidget(window)
    window.timer.stop()  # the tests drive time themselves
    return window


def test_switch_to_english_and_back_keeps_selection_filters_and_drafts(
    qtbot: QtBot, world: World, settings_dir: Path
) -> None:
    first = _register(world, "Нет звука")
    second = _register(world, "Обрыв вызовов")
    shell = Shell(world.desk, world.operator, config.LocalSettings())
    old = _current_window(qtbot, shell)
    old.show()
    assert old.new_action.text() == "Новое обращение"
    old.select_ticket(first)
    old.detail.new_comment.setPlainText("Клиент перезвонит после обеда")
    old.select_ticket(second)
    old.detail.new_comment.setPlainText("Черновик ко второму")
    old.search.setText("CS-2026")
    old.table.horizontalHeader().setSortIndicator(COL_RECEIVED, Qt.SortOrder.DescendingOrder)

    old.language_actions["en"].trigger()

    window = _current_window(qtbot, shell)
    assert window is not old and not old.isVisible() and window.isVisible()
    assert window.new_action.text() == "New request"
    assert window.model.headerData(COL_SLA, Qt.Orientation.Horizontal) == "Reaction SLA"
    assert window.language_actions["en"].isChecked()
    assert config.load().language == "en"  # the next start opens in English
    assert window.current_ticket_id() == second
    assert window.search.text() == "CS-2026"
    assert window.model.sort_order() == (COL_RECEIVED, Qt.SortOrder.DescendingOrder)
    assert window.detail.new_comment.toPlainText() == "Черновик ко второму"
    window.select_ticket(first)
    assert window.detail.new_comment.toPlainText() == "Клиент перезвонит после обеда"

    window.language_actions["ru"].trigger()
    back = _current_window(qtbot, shell)
    assert back.new_action.text() == "Новое обращение"
    assert i18n.current() == "ru" and config.load().language == "ru"
    assert back.current_ticket_id() == first


def test_comment_draft_stays_with_its_ticket(qtbot: QtBot, world: World) -> None:
    """A draft typed on one ticket is neither lost nor posted on the next one selected."""
    first = _register(world, "Нет звука")
    second = _register(world, "Обрыв вызовов")
    window = _current_window(qtbot, Shell(world.desk, world.operator, config.LocalSettings()))
    window.select_ticket(first)
    window.detail.new_comment.setPlainText("Ждём логи")
    window.select_ticket(second)
    assert window.detail.new_comment.toPlainText() == ""
    window.select_ticket(first)
    assert window.detail.new_comment.toPlainText() == "Ждём логи"
