"""The operator's day in real widgets: intake by phone, the live countdown, notification,
severity without agreement, queue colours at warning and breach, and a stale save."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.enums import Channel, Package, Service, Severity
from app.services.dto import Agreement, IntakeForm
from app.sla.policy import SlaPhase
from tests.ui.conftest import World
from ui.dialogs import SeverityDialog
from ui.main_window import MainWindow
from ui.queue_model import COL_SLA, SLA_ROLE
from ui.sla_delegate import PHASE_COLOURS, phase_colour


def _window(qtbot: QtBot, world: World, actor=None) -> MainWindow:
    window = MainWindow(world.desk, actor or world.operator)
    qtbot.addWidget(window)
    window.timer.stop()  # the test drives the ticks with its own clock
    window.show()
    return window


def _state(window: MainWindow, ticket_id: int):
    position = window.model.position_of(ticket_id)
    return window.model.index(position, COL_SLA).data(SLA_ROLE)


def _register(world: World, severity: Severity = Severity.MEDIUM) -> int:
    form = IntakeForm(
        world.org_id,
        world.contact_id,
        Channel.PHONE,
        Package.BASIC,
        severity,
        Service.S6,
        "Нет звука",
    )
    return world.desk.register_request(world.operator, form).created[0]


def test_r3_1_register_by_phone_countdown_then_notify_turns_met(qtbot: QtBot, world: World) -> None:
    window = _window(qtbot, world)
    dialog = window.new_request()
    # R3.1 received time defaults to now, shown in the SLA zone whatever the desktop's zone
    assert dialog.received.text() == "25.11.2026 11:00:00"
    qtbot.keyClicks(dialog.search, "hjvfi")  # «ромаш» typed on the Latin layout
    qtbot.waitUntil(lambda: dialog.hits.count() > 0, timeout=2000)
    assert dialog.hit is not None and dialog.hit.organisation == "ООО «Ромашка»"
    dialog.severity.setCurrentIndex(dialog.severity.findData(Severity.CRITICAL))
    dialog.subject.setText("Не работают входящие вызовы")
    # R3.4 preview: BASIC critical, received Wed 11:00 -> due 15:00, 4 working hours
    assert "25.11.2026 15:00" in dialog.preview.text() and "4 раб. ч" in dialog.preview.text()
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    ticket_id = dialog.changes.created[0]
    assert window.current_ticket_id() == ticket_id

    world.clock.advance(minutes=30)
    window.tick()
    state = _state(window, ticket_id)
    assert state.phase is SlaPhase.RUNNING and state.left_seconds == 3.5 * 3600
    assert "CS-2026-000001" in window.detail.title.text()

    # Notify through the detail's dialog (R3.1): the clock stops, the result is "met".
    def accept_notify() -> None:
        box = window.detail.findChild(QDialogButtonBox)
        box.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, accept_notify)
    window.detail.notify()
    window.tick()
    assert _state(window, ticket_id).phase is SlaPhase.MET
    assert "в срок" in window.detail.sla_state.text()


def test_r2_2_severity_change_without_agreement_is_refused(qtbot: QtBot, world: World) -> None:
    ticket_id = _register(world)
    window = _window(qtbot, world)
    window.select_ticket(ticket_id)
    seen: list[str] = []

    def press_ok_without_agreement() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, SeverityDialog)
            seen.append(dialog.agreed_at.text())
            dialog.severity.setCurrentIndex(dialog.severity.findData(Severity.CRITICAL))
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            seen.append(dialog.error.text() if not dialog.error.isHidden() else "")
        finally:
            if dialog is not None:
                dialog.reject()  # the dialog stayed open with the refusal shown

    QTimer.singleShot(0, press_ok_without_agreement)
    window.detail.change_severity()
    assert seen[0] == "25.11.2026 11:00"  # agreement time in the SLA zone's wall clock
    assert "согласия заказчика" in seen[1]
    assert world.desk.queue_row(ticket_id).severity is Severity.MEDIUM


def test_r3_7_queue_colours_at_warning_and_breach(qtbot: QtBot, world: World) -> None:
    ticket_id = _register(world, Severity.MEDIUM)  # 8 h: due Thu 11:00
    window = _window(qtbot, world)
    alerts = []
    window.alert.connect(lambda kind, row: alerts.append((kind, row.id)))
    window.tick()
    assert phase_colour(_state(window, ticket_id)) == PHASE_COLOURS[SlaPhase.RUNNING]
    world.clock.set(datetime.fromisoformat("2026-11-26T09:00:00+03:00"))  # 2 h left = 25 %
    window.tick()
    assert _state(window, ticket_id).phase is SlaPhase.WARNING
    assert phase_colour(_state(window, ticket_id)) == PHASE_COLOURS[SlaPhase.WARNING]
    world.clock.advance(hours=2, seconds=1)
    window.tick()
    assert _state(window, ticket_id).phase is SlaPhase.BREACHED
    assert phase_colour(_state(window, ticket_id)) == PHASE_COLOURS[SlaPhase.BREACHED]
    assert alerts == [("warning", ticket_id), ("breached", ticket_id)]  # once each
    window.tick()
    assert len(alerts) == 2
    window.quick["breached"].setChecked(True)
    assert window.proxy.rowCount() == 1


def test_conflict_on_a_stale_save_offers_reload(qtbot: QtBot, world: World, monkeypatch) -> None:
    ticket_id = _register(world)
    window = _window(qtbot, world)
    window.select_ticket(ticket_id)
    stale = window.detail.detail.row.version
    # Someone else changes the ticket meanwhile.
    world.desk.change_severity(
        world.other,
        ticket_id,
        stale,
        Severity.LOW,
        Agreement("Иванов", world.clock.now() - timedelta(minutes=1), Channel.PHONE),
    )
    shown = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda *args: shown.append(args[2]) or QMessageBox.StandardButton.Reset,
    )
    window.detail.take()
    assert shown and "Валиева Алсу" in shown[0]
    assert window.detail.detail.row.version != stale  # reloaded
    window.detail.take()
    assert world.desk.queue_row(ticket_id).assignee_id == world.operator.user_id


def test_r3_7_editing_an_overdue_ticket_raises_no_new_alert(qtbot: QtBot, world: World) -> None:
    """The queue already shows an old breach; a comment or a take must not alert it again."""
    ticket_id = _register(world, Severity.MEDIUM)  # 8 h: due Thu 11:00
    world.clock.set(datetime.fromisoformat("2026-11-27T12:00:00+03:00"))  # a day overdue
    window = _window(qtbot, world)
    alerts = []
    window.alert.connect(lambda kind, row: alerts.append((kind, row.id)))
    window.tick()
    changes = world.desk.add_comment(world.operator, ticket_id, "Перезвонили, ждём логи")
    window.apply_changes(changes)
    world.clock.advance(seconds=1)
    window.tick()
    assert alerts == []
    assert _state(window, ticket_id).phase is SlaPhase.BREACHED
