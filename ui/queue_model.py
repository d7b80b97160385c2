"""The live queue: one table model, a filtering proxy, and the per-tick SLA snapshot.

Rows hold the ticket fields plus their positions on the working-time axis, computed once per
load; a tick computes "now" once (``Now.at``) and each painted row costs a few integer
operations (``sla_state_fast``). Only the visible part of the SLA column is repainted, so a
tick does not grow with the tickets off screen. Sorting happens in the source model with a
Python key (100 000 rows in tens of milliseconds), not through per-pair ``lessThan`` calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from app.domain import labels
from app.domain.enums import Package, Severity
from app.services.dto import QueueRow
from app.sla.policy import Now, SlaPhase, SlaState, sla_state_fast
from app.sla.working_time import WorkingTime, to_us
from ui.formatting import local_text

COL_REG, COL_SLA, COL_SEVERITY, COL_PACKAGE, COL_CUSTOMER = range(5)
COL_SUBJECT, COL_ASSIGNEE, COL_STATUS, COL_RECEIVED = range(5, 9)
COLUMN_COUNT = 9
SLA_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_SEVERITY_RANK = {Severity.CRITICAL: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
SEVERITY_COLOURS = {
    Severity.CRITICAL: QColor("#c62828"),
    Severity.MEDIUM: QColor("#ef6c00"),
    Severity.LOW: QColor("#546e7a"),
}


@dataclass(slots=True)
class _Entry:
    row: QueueRow
    w_received: int
    deadline_us: int
    target: int
    w_notified: int | None
    notified_us: int | None


class QueueModel(QAbstractTableModel):
    def __init__(self, wt: WorkingTime, warning_fraction: float, parent=None) -> None:
        super().__init__(parent)
        self.wt = wt
        self.warning_fraction = warning_fraction
        self._entries: list[_Entry] = []
        self._index_map: dict[int, int] = {}
        self._index_valid = True
        self._now: Now | None = None
        self._sort = (COL_SLA, Qt.SortOrder.AscendingOrder)

    # --- loading ---------------------------------------------------------------------------
    def _entry(self, row: QueueRow) -> _Entry:
        wt = self.wt
        received_us = to_us(row.received_at)
        deadline = row.reaction_deadline or row.received_at
        notified_us = to_us(row.notified_at) if row.notified_at else None
        return _Entry(
            row,
            wt.w_us(received_us),
            to_us(deadline),
            row.reaction_target_seconds or 0,
            wt.w_us(notified_us) if notified_us is not None else None,
            notified_us,
        )

    def set_rows(self, rows: list[QueueRow]) -> None:
        self.beginResetModel()
        self._entries = [self._entry(r) for r in rows]
        self._sort_entries()
        self.endResetModel()

    def upsert(self, row: QueueRow | None, ticket_id: int) -> None:
        """Replace, add or drop one ticket after a change (closed tickets leave the queue)."""
        position = self._index.get(ticket_id)
        if row is None or not row.status.is_open:
            if position is not None:
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._entries[position]
                self._reindex()
                self.endRemoveRows()
            return
        if position is None:
            self.beginInsertRows(QModelIndex(), len(self._entries), len(self._entries))
            self._entries.append(self._entry(row))
            self._reindex()
            self.endInsertRows()
        else:
            self._entries[position] = self._entry(row)
            self.dataChanged.emit(self.index(position, 0), self.index(position, COLUMN_COUNT - 1))
        self.sort(*self._sort)

    def _reindex(self) -> None:
        self._index_valid = False  # rebuilt on demand: a re-sort should not pay for it

    @property
    def _index(self) -> dict[int, int]:
        if not self._index_valid:
            self._index_map = {e.row.id: i for i, e in enumerate(self._entries)}
            self._index_valid = True
        return self._index_map

    def row_at(self, position: int) -> QueueRow:
        return self._entries[position].row

    def position_of(self, ticket_id: int) -> int | None:
        return self._index.get(ticket_id)

    def rows(self) -> list[QueueRow]:
        return [e.row for e in self._entries]

    def schedule(self) -> list[tuple[int, int, int, int]]:
        """(ticket id, w received, deadline µs, target s) of tickets awaiting a reaction."""
        return [
            (e.row.id, e.w_received, e.deadline_us, e.target)
            for e in self._entries
            if e.notified_us is None and e.target
        ]

    # --- time -------------------------------------------------------------------------------
    def set_now(self, now: datetime) -> Now:
        """One tick: compute "now" on the working-time axis once for all rows."""
        self._now = Now.at(self.wt, now)
        return self._now

    def state(self, position: int) -> SlaState | None:
        if self._now is None:
            return None
        e = self._entries[position]
        if not e.target:
            return None
        n = self._now
        return sla_state_fast(
            now_us=n.us,
            w_now=n.w,
            now_is_working=n.working,
            resume_at_us=n.resume_at_us,
            w_received=e.w_received,
            deadline_us=e.deadline_us,
            target_seconds=e.target,
            w_notified=e.w_notified,
            notified_us=e.notified_us,
            warning_fraction=self.warning_fraction,
        )

    # --- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("Queue", "Number"),
            QCoreApplication.translate("Queue", "Reaction SLA"),
            QCoreApplication.translate("Queue", "Severity"),
            QCoreApplication.translate("Queue", "Package"),
            QCoreApplication.translate("Queue", "Customer"),
            QCoreApplication.translate("Queue", "Subject"),
            QCoreApplication.translate("Queue", "Assignee"),
            QCoreApplication.translate("Queue", "Status"),
            QCoreApplication.translate("Queue", "Received"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        e = self._entries[index.row()]
        row, col = e.row, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_REG:
                return row.reg_number or f"#{row.id}"
            if col == COL_SLA:
                return None  # painted by the SLA delegate
            if col == COL_SEVERITY:
                return labels.label(row.severity)
            if col == COL_PACKAGE:
                text = labels.label(row.effective_package)
                if row.claimed_package is not row.effective_package:
                    text += (
                        " ("
                        + QCoreApplication.translate("Queue", "claimed: %1").replace(
                            "%1", labels.label(row.claimed_package)
                        )
                        + ")"
                    )
                return text
            if col == COL_CUSTOMER:
                return row.organisation
            if col == COL_SUBJECT:
                return row.subject
            if col == COL_ASSIGNEE:
                return row.assignee or "—"
            if col == COL_STATUS:
                return labels.label(row.status)
            if col == COL_RECEIVED:
                return local_text(row.received_at, self.wt.tz)
        elif role == SLA_ROLE:
            return self.state(index.row())
        elif role == ROW_ROLE:
            return row
        elif role == Qt.ItemDataRole.ForegroundRole and col == COL_SEVERITY:
            return SEVERITY_COLOURS[row.severity]
        elif role == Qt.ItemDataRole.ToolTipRole and col == COL_SUBJECT:
            return row.subject
        return None

    # --- sorting ----------------------------------------------------------------------------
    def _key(self, column: int):
        if column == COL_SLA:
            # Waiting for a reaction first, nearest deadline first (so breached on top).
            return lambda e: (e.notified_us is not None, e.deadline_us)
        if column == COL_SEVERITY:
            return lambda e: (_SEVERITY_RANK[e.row.severity], e.deadline_us)
        if column == COL_PACKAGE:
            return lambda e: (e.row.effective_package is Package.BASIC, e.deadline_us)
        if column == COL_RECEIVED:
            return lambda e: e.row.received_at
        if column == COL_REG:
            return lambda e: e.row.reg_number or ""
        attribute = {
            COL_CUSTOMER: "organisation",
            COL_SUBJECT: "subject",
            COL_ASSIGNEE: "assignee",
            COL_STATUS: "status",
        }[column]
        return lambda e: (getattr(e.row, attribute) or "").casefold()

    def _sort_entries(self) -> None:
        column, order = self._sort
        self._entries.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._reindex()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_entries()
        self.layoutChanged.emit()


@dataclass
class QueueFilter:
    mine: bool = False
    unassigned: bool = False
    breached: bool = False
    warning: bool = False
    severity: Severity | None = None
    package: Package | None = None
    text: str = ""


_NO_FILTER = QueueFilter()


class QueueProxy(QSortFilterProxyModel):
    """Filtering only; sorting is delegated to the source model (see the module docstring)."""

    def __init__(self, user_id: int, parent=None) -> None:
        super().__init__(parent)
        self.user_id = user_id
        self.filter = QueueFilter()
        self.setDynamicSortFilter(False)

    def set_filter(self, value: QueueFilter) -> None:
        self.beginFilterChange()
        self.filter = value
        self.endFilterChange()

    def refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        f = self.filter
        model: QueueModel = self.sourceModel()
        row = model.row_at(source_row)
        if f.mine and row.assignee_id != self.user_id:
            return False
        if f.unassigned and row.assignee_id is not None:
            return False
        if f.severity is not None and row.severity is not f.severity:
            return False
        if f.package is not None and row.effective_package is not f.package:
            return False
        if f.breached or f.warning:
            state = model.state(source_row)
            if state is None:
                return False
            if f.breached and state.phase is not SlaPhase.BREACHED:
                return False
            if f.warning and not (state.warning and state.phase is not SlaPhase.BREACHED):
                return False
        if f.text:
            needle = f.text.casefold()
            haystack = f"{row.reg_number} {row.organisation} {row.subject}".casefold()
            if needle not in haystack:
                return False
        return True
