"""The live queue: one table model, a filtering proxy, and the per-tick SLA snapshot.

Rows hold the ticket fields plus their positions on the working-time axis, computed once per
load; a tick computes "now" once (``Now.at``) and each painted row costs a few integer
operations (``sla_state_fast``). Only the visible part of the SLA column is repainted, so a
tick does not grow with the tickets off screen.

Sorting and filtering are decided in the source model, in bulk: a sort is one ``list.sort`` with
a Python key (100 000 rows in tens of milliseconds) instead of per-pair ``lessThan`` calls, and a
filter is computed once per change into ``accepted``, so the proxy's ``filterAcceptsRow`` is a
list lookup. Every call from C++ into Python costs about half a microsecond before it does
anything, and the proxy asks for every row after each layout change.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
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
from app.sla.working_time import WorkingTime
from ui.formatting import local_text

COL_REG, COL_SLA, COL_SEVERITY, COL_PACKAGE, COL_CUSTOMER = range(5)
COL_SUBJECT, COL_ASSIGNEE, COL_STATUS, COL_RECEIVED = range(5, 9)
COLUMN_COUNT = 9
SLA_ROLE = Qt.ItemDataRole.UserRole + 1

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


class _Reversed:
    """Inverts a sort key's order (keys are tuples and strings, which cannot be negated)."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key

    def __lt__(self, other: _Reversed) -> bool:
        return other.key < self.key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and other.key == self.key

    __hash__ = None  # type: ignore[assignment]


Predicate = Callable[["QueueModel", _Entry], bool]


class QueueModel(QAbstractTableModel):
    def __init__(self, wt: WorkingTime, warning_fraction: float, parent=None) -> None:
        super().__init__(parent)
        self.wt = wt
        self.warning_fraction = warning_fraction
        self._entries: list[_Entry] = []
        self.accepted: list[bool] = []  # per source row: does the current filter show it
        self._predicate: Predicate | None = None
        self._index_map: dict[int, int] = {}
        self._index_valid = True
        self._now: Now | None = None
        self._sort = (COL_SLA, Qt.SortOrder.AscendingOrder)

    # --- loading ---------------------------------------------------------------------------
    def _entry(self, row: QueueRow) -> _Entry:
        w_us = self.wt.w_us
        notified = row.notified_us
        return _Entry(
            row,
            w_us(row.received_us),
            row.deadline_us if row.deadline_us is not None else row.received_us,
            row.reaction_target_seconds or 0,
            None if notified is None else w_us(notified),
        )

    def set_rows(self, rows: list[QueueRow]) -> None:
        self.beginResetModel()
        self._entries = [self._entry(r) for r in rows]
        self._entries.sort(key=self._order_key())
        self._reindex()
        self._refilter()
        self.endResetModel()

    def apply(self, changed: dict[int, QueueRow | None]) -> None:
        """Replace, add or drop the tickets a command changed (closed tickets leave the queue).

        Rows whose sort key is unchanged are updated in place, new rows are inserted at their
        sorted position and gone rows removed, each as a single-row change; only rows that must
        move trigger one layout change for the whole batch, with the persistent indexes (the
        selection) carried along to the same tickets."""
        key = self._order_key()
        moved: list[_Entry] = []
        for ticket_id, row in changed.items():
            position = self._index.get(ticket_id)
            if row is None or not row.status.is_open:
                if position is not None:
                    self.beginRemoveRows(QModelIndex(), position, position)
                    del self._entries[position]
                    del self.accepted[position]
                    self._reindex()
                    self.endRemoveRows()
                continue
            entry = self._entry(row)
            if position is None:
                position = self._insertion_point(entry, key)
                self.beginInsertRows(QModelIndex(), position, position)
                self._entries.insert(position, entry)
                self.accepted.insert(position, self._accepts(entry))
                self._reindex()
                self.endInsertRows()
            elif key(self._entries[position]) == key(entry):
                self._entries[position] = entry
                self.accepted[position] = self._accepts(entry)
                self.dataChanged.emit(
                    self.index(position, 0), self.index(position, COLUMN_COUNT - 1)
                )
            else:
                moved.append(entry)
        if moved:
            ids = {e.row.id for e in moved}
            self._relayout(lambda: self._reposition(moved, ids, key))

    def _reposition(self, moved: list[_Entry], ids: set[int], key) -> None:
        # Timsort on an almost sorted list is about one linear pass.
        self._entries = [e for e in self._entries if e.row.id not in ids] + moved
        self._entries.sort(key=key)

    def _insertion_point(self, entry: _Entry, key) -> int:
        return bisect.bisect_right(self._entries, key(entry), key=key)

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
            if e.w_notified is None and e.target
        ]

    # --- filtering --------------------------------------------------------------------------
    def set_predicate(self, predicate: Predicate | None) -> None:
        """Decide visibility for every row now; the proxy then only looks it up."""
        self._predicate = predicate
        self._refilter()

    def _accepts(self, entry: _Entry) -> bool:
        return True if self._predicate is None else self._predicate(self, entry)

    def _refilter(self) -> None:
        predicate = self._predicate
        if predicate is None:
            self.accepted = [True] * len(self._entries)
        else:
            self.accepted = [predicate(self, e) for e in self._entries]

    # --- time -------------------------------------------------------------------------------
    def set_now(self, now: datetime) -> Now:
        """One tick: compute "now" on the working-time axis once for all rows."""
        self._now = Now.at(self.wt, now)
        return self._now

    def state(self, position: int) -> SlaState | None:
        return self.entry_state(self._entries[position])

    def entry_state(self, e: _Entry) -> SlaState | None:
        if self._now is None:
            return None
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
            notified_us=e.row.notified_us,
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
        elif role == Qt.ItemDataRole.ForegroundRole and col == COL_SEVERITY:
            return SEVERITY_COLOURS[row.severity]
        elif role == Qt.ItemDataRole.ToolTipRole and col == COL_SUBJECT:
            return row.subject
        return None

    # --- sorting ----------------------------------------------------------------------------
    def _key(self, column: int):
        if column == COL_SLA:
            # Waiting for a reaction first, nearest deadline first (so breached on top).
            return lambda e: (e.w_notified is not None, e.deadline_us)
        if column == COL_SEVERITY:
            return lambda e: (_SEVERITY_RANK[e.row.severity], e.deadline_us)
        if column == COL_PACKAGE:
            return lambda e: (e.row.effective_package is Package.BASIC, e.deadline_us)
        if column == COL_RECEIVED:
            return lambda e: e.row.received_us
        if column == COL_REG:
            return lambda e: e.row.reg_number or ""
        attribute = {
            COL_CUSTOMER: "organisation",
            COL_SUBJECT: "subject",
            COL_ASSIGNEE: "assignee",
            COL_STATUS: "status",
        }[column]
        return lambda e: (getattr(e.row, attribute) or "").casefold()

    def _order_key(self):
        """The key of the current column and order; rows are always ascending by it, so bisect
        finds where a new row goes."""
        key = self._key(self._sort[0])
        if self._sort[1] == Qt.SortOrder.DescendingOrder:
            return lambda e: _Reversed(key(e))
        return key

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        key = self._order_key()
        self._relayout(lambda: self._entries.sort(key=key))

    def _relayout(self, reorder: Callable[[], None]) -> None:
        """Reorder the rows as one layout change; persistent indexes follow their tickets."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        tickets = [(self._entries[i.row()].row.id, i.column()) for i in persistent]
        reorder()
        self._reindex()
        self._refilter()
        index = self._index
        self.changePersistentIndexList(
            persistent, [self.index(index[ticket], column) for ticket, column in tickets]
        )
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
    """The view's model: rows the source model's ``accepted`` marks, in the source's order."""

    def __init__(self, user_id: int, parent=None) -> None:
        super().__init__(parent)
        self.user_id = user_id
        self.filter = QueueFilter()
        # Dynamic: a row changed in place is re-filtered (the proxy never sorts, see sort()).
        self.setDynamicSortFilter(True)
        self._model: QueueModel | None = None

    def setSourceModel(self, model: QueueModel) -> None:
        self._model = model
        super().setSourceModel(model)

    def set_filter(self, value: QueueFilter) -> None:
        self.filter = value
        self.refilter()

    def refilter(self) -> None:
        """Re-decide visibility, e.g. after tickets entered warning or breach."""
        self.beginFilterChange()
        self._model.set_predicate(
            None if self.filter == _NO_FILTER else _predicate(self.filter, self.user_id)
        )
        self.endFilterChange()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        return self._model.accepted[source_row]


def _predicate(f: QueueFilter, user_id: int) -> Predicate:
    needle = f.text.casefold()

    def accepts(model: QueueModel, e: _Entry) -> bool:
        row = e.row
        if f.mine and row.assignee_id != user_id:
            return False
        if f.unassigned and row.assignee_id is not None:
            return False
        if f.severity is not None and row.severity is not f.severity:
            return False
        if f.package is not None and row.effective_package is not f.package:
            return False
        if f.breached or f.warning:
            state = model.entry_state(e)
            if state is None:
                return False
            if f.breached and state.phase is not SlaPhase.BREACHED:
                return False
            if f.warning and not (state.warning and state.phase is not SlaPhase.BREACHED):
                return False
        if needle:
            haystack = f"{row.reg_number} {row.organisation} {row.subject}".casefold()
            if needle not in haystack:
                return False
        return True

    return accepts
