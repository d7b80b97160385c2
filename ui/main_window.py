"""The operator's main window: the live queue, the selected ticket, filters, status bar, alerts."""

from __future__ import annotations

import gc
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QSystemTrayIcon,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain import labels
from app.domain.enums import Package, Severity
from app.services.desk import Desk
from app.services.dto import Actor, TicketChanges
from ui import i18n
from ui.alerts import AlertSchedule
from ui.intake_dialog import NewRequestDialog
from ui.queue_model import COL_SLA, COL_SUBJECT, QueueFilter, QueueModel, QueueProxy
from ui.sla_delegate import SlaDelegate
from ui.ticket_view import TicketView


@dataclass
class WindowState:
    """What the operator has set up in the window, carried over when it is rebuilt (a language
    switch): place and size, the selected ticket, filters, sort and unsent comments."""

    geometry: QByteArray
    splitter: QByteArray
    ticket_id: int | None
    quick: dict[str, bool]
    severity: Severity | None
    package: Package | None
    search: str
    sort: tuple[int, Qt.SortOrder]
    drafts: dict[int, str]


class MainWindow(QMainWindow):
    alert = Signal(str, object)  # "warning" | "breached", QueueRow
    language_requested = Signal(str)  # "ru" | "en"

    def __init__(self, desk: Desk, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.actor = desk, actor
        wt = desk.working_time()
        self.tz = wt.tz
        self.setWindowTitle(self.tr("Centaur Support Desk"))
        self.resize(1500, 860)

        self.model = QueueModel(wt, desk.warning_fraction(), self)
        self.proxy = QueueProxy(actor.user_id, self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(COL_SLA, SlaDelegate(self.tz, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(COL_SLA, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((125, 210, 95, 120, 220, 260, 170, 120, 120)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(COL_SUBJECT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _index: self.detail.setFocus())

        self.detail = TicketView(desk, actor)
        self.detail.changed.connect(self.apply_changes)

        self._build_toolbar()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self._build_menu()

        self.db_label = QLabel(self.tr("Database: %1").replace("%1", desk.db.describe()))
        self.user_label = QLabel(f"{actor.display_name} ({labels.label(actor.role)})")
        self.clock_label = QLabel()
        self.count_label = QLabel()
        for widget in (self.db_label, self.user_label, self.count_label, self.clock_label):
            self.statusBar().addPermanentWidget(widget)
        self.tray = QSystemTrayIcon(self) if QSystemTrayIcon.isSystemTrayAvailable() else None

        self.alerts = AlertSchedule(wt, desk.warning_fraction())
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self.refresh()
        self.timer.start()

    # --- building -------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main"))
        bar.setMovable(False)
        self.addToolBar(bar)
        new = QAction(self.tr("New request"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.new_request)
        refresh = QAction(self.tr("Refresh"), self)
        refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        refresh.triggered.connect(self.refresh)
        bar.addAction(new)
        bar.addAction(refresh)
        self.new_action = new

        self.filter_bar = QToolBar()
        self.quick: dict[str, QAction] = {}
        for key, text in (
            ("mine", self.tr("Mine")),
            ("unassigned", self.tr("Unassigned")),
            ("breached", self.tr("Breached")),
            ("warning", self.tr("Warning")),
        ):
            action = QAction(text, self)
            action.setCheckable(True)
            action.toggled.connect(self._apply_filter)
            self.filter_bar.addAction(action)
            self.quick[key] = action
        self.severity_filter = QComboBox()
        self.severity_filter.addItem(self.tr("Any severity"), None)
        for s in Severity:
            self.severity_filter.addItem(labels.label(s), s)
        self.package_filter = QComboBox()
        self.package_filter.addItem(self.tr("Any package"), None)
        for p in Package:
            self.package_filter.addItem(labels.label(p), p)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: number, customer, subject (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        for widget in (self.severity_filter, self.package_filter):
            widget.currentIndexChanged.connect(self._apply_filter)
            self.filter_bar.addWidget(widget)
        self.search.textChanged.connect(self._apply_filter)
        self.filter_bar.addWidget(self.search)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)

    def _build_menu(self) -> None:
        settings = self.menuBar().addMenu(self.tr("&Settings"))
        language = settings.addMenu(self.tr("Interface &language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in i18n.LANGUAGES:
            action = QAction(i18n.NATIVE_NAMES[code], self)
            action.setCheckable(True)
            action.setChecked(code == i18n.current())
            action.triggered.connect(lambda _checked=False, c=code: self._language_chosen(c))
            group.addAction(action)
            language.addAction(action)
            self.language_actions[code] = action

    def _language_chosen(self, code: str) -> None:
        if code != i18n.current():
            self.language_requested.emit(code)

    def capture_state(self) -> WindowState:
        return WindowState(
            geometry=self.saveGeometry(),
            splitter=self.splitter.saveState(),
            ticket_id=self.current_ticket_id(),
            quick={key: action.isChecked() for key, action in self.quick.items()},
            severity=self.severity_filter.currentData(),
            package=self.package_filter.currentData(),
            search=self.search.text(),
            sort=self.model.sort_order(),
            drafts=self.detail.all_drafts(),
        )

    def restore_state(self, state: WindowState) -> None:
        self.restoreGeometry(state.geometry)
        self.splitter.restoreState(state.splitter)
        for key, checked in state.quick.items():
            self.quick[key].setChecked(checked)
        self.severity_filter.setCurrentIndex(self.severity_filter.findData(state.severity))
        self.package_filter.setCurrentIndex(self.package_filter.findData(state.package))
        self.search.setText(state.search)
        self.table.horizontalHeader().setSortIndicator(*state.sort)  # sorts the model too
        self.detail.drafts = dict(state.drafts)
        self.select_ticket(state.ticket_id)

    # --- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a second at 100 000 tickets
        try:
            self._reload()
        finally:
            QApplication.restoreOverrideCursor()

    def _reload(self) -> None:
        current = self.current_ticket_id()
        rows = self.desk.queue_rows(self.actor)
        tick = self.model.set_now(self.desk.now())
        self.model.set_rows(rows)
        del rows
        # The queue's objects live until the next refresh: keep the collector from rescanning
        # them, which otherwise shows up as pauses in the 1 Hz tick with 100 000 tickets.
        # Unfreezing first lets the full collection reclaim what the previous load left.
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.alerts.load(self.model, tick)
        self._update_count()  # set_rows applied the current filter already
        self.select_ticket(current)
        self.tick()

    def apply_changes(self, changes: TicketChanges) -> None:
        """Reload just the tickets a command changed (the same path serves pushed changes)."""
        rows = {ticket_id: self.desk.queue_row(ticket_id) for ticket_id in changes.ticket_ids}
        self.model.apply(rows)
        for ticket_id, row in rows.items():
            if row is not None and row.status.is_open:
                self.alerts.add(row)
            else:
                self.alerts.forget(ticket_id)
        if changes.message:
            self.statusBar().showMessage(changes.message, 8000)
        self._update_count()

    def current_ticket_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row()).id

    def select_ticket(self, ticket_id: int | None) -> None:
        if ticket_id is None:
            return
        position = self.model.position_of(ticket_id)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.show_ticket(None)
            return
        self.detail.show_ticket(self.model.row_at(self.proxy.mapToSource(current).row()).id)

    def _apply_filter(self) -> None:
        self.proxy.set_filter(
            QueueFilter(
                mine=self.quick["mine"].isChecked(),
                unassigned=self.quick["unassigned"].isChecked(),
                breached=self.quick["breached"].isChecked(),
                warning=self.quick["warning"].isChecked(),
                severity=self.severity_filter.currentData(),
                package=self.package_filter.currentData(),
                text=self.search.text().strip(),
            )
        )
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("Shown %1 of %2")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )

    # --- the 1 Hz tick ----------------------------------------------------------------------
    def tick(self) -> None:
        """Recompute "now" once and repaint only the visible part of the SLA column."""
        now = self.desk.now()
        tick = self.model.set_now(now)
        self.table.viewport().update(self.sla_column_rect())
        working = self.tr("working time") if tick.working else self.tr("non-working time")
        local = now.astimezone(self.tz)
        self.clock_label.setText(f"{local:%H:%M:%S} {local.tzname()} · {working}")
        due = self.alerts.due(tick)
        for kind, row in due:
            self._raise_alert(kind, row)
        if due and (self.proxy.filter.breached or self.proxy.filter.warning):
            self.proxy.refilter()  # the ticket that just entered warning or breach joins the view
            self._update_count()
        self.detail.tick(now, tick)

    def sla_column_rect(self) -> QRect:
        viewport = self.table.viewport()
        x = self.table.columnViewportPosition(COL_SLA)
        return QRect(x, 0, self.table.columnWidth(COL_SLA), viewport.height())

    def _raise_alert(self, kind: str, row) -> None:
        text = (
            (
                self.tr("SLA breached: %1 %2")
                if kind == "breached"
                else self.tr("SLA warning: %1 %2")
            )
            .replace("%1", row.reg_number or "")
            .replace("%2", row.organisation)
        )
        self.statusBar().showMessage(text, 15000)
        if self.tray is not None:
            self.tray.showMessage(self.tr("Centaur Support Desk"), text)
        self.alert.emit(kind, row)

    # --- actions ----------------------------------------------------------------------------
    def new_request(self) -> NewRequestDialog:
        dialog = NewRequestDialog(self.desk, self.actor, self)
        dialog.registered.connect(self._registered)
        dialog.open()
        return dialog

    def _registered(self, changes: TicketChanges) -> None:
        self.apply_changes(changes)
        if changes.created:
            self.select_ticket(changes.created[0])
