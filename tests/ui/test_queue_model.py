"""The queue model on its own: where changed tickets land, that the selection follows a ticket
that moves, and that filters hold for rows added while they are on (R3 "nearest deadline first,
breached on top", issue 5 quick filters)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from app.domain.enums import Channel, Package, Severity, TicketStatus
from app.services.dto import QueueRow
from app.sla.working_time import WorkingTime, to_us
from ui.queue_model import COL_RECEIVED, COL_SLA, QueueFilter, QueueModel, QueueProxy

NOON = datetime(2026, 11, 25, 9, tzinfo=UTC)  # Wed 12:00 in Moscow, working time
OPERATOR = 7


def row(
    ticket_id: int,
    deadline_minutes: int,
    *,
    notified: bool = False,
    status: TicketStatus = TicketStatus.REGISTERED,
    subject: str = "Нет звука",
    assignee_id: int | None = None,
) -> QueueRow:
    # Received at 11:30 Moscow time; the target ends at the deadline, all inside one working day.
    received = NOON - timedelta(minutes=30)
    deadline = NOON + timedelta(minutes=deadline_minutes)
    return QueueRow(
        ticket_id,
        1,
        f"CS-2026-{ticket_id:06d}",
        Severity.MEDIUM,
        Package.BASIC,
        Package.BASIC,
        1,
        "ООО «Ромашка»",
        subject,
        assignee_id,
        None,
        status,
        Channel.PHONE,
        to_us(received) + ticket_id,  # distinct received times for the received-column sort
        to_us(deadline),
        (30 + deadline_minutes) * 60,
        to_us(NOON) if notified else None,
        True if notified else None,
    )


@pytest.fixture
def queue(qapp):
    model = QueueModel(WorkingTime(), 0.2)
    proxy = QueueProxy(OPERATOR)
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    model.set_now(NOON)
    model.set_rows([row(1, 60), row(2, 10), row(3, -5), row(4, 30, notified=True)])
    yield model, proxy, view
    view.deleteLater()


def ids(proxy: QueueProxy) -> list[int]:
    source = proxy.sourceModel()
    return [
        source.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).id
        for r in range(proxy.rowCount())
    ]


def test_r3_default_order_breached_on_top_then_nearest_deadline_reacted_last(queue) -> None:
    _model, proxy, _view = queue
    assert ids(proxy) == [3, 2, 1, 4]


def test_r3_new_ticket_lands_at_its_sorted_place_in_either_order(queue) -> None:
    model, proxy, _view = queue
    model.apply({5: row(5, 20)})
    assert ids(proxy) == [3, 2, 5, 1, 4]
    proxy.sort(COL_SLA, Qt.SortOrder.DescendingOrder)
    assert ids(proxy) == [4, 1, 5, 2, 3]
    model.apply({6: row(6, 40)})
    assert ids(proxy) == [4, 1, 6, 5, 2, 3]
    proxy.sort(COL_RECEIVED, Qt.SortOrder.AscendingOrder)
    assert ids(proxy) == [1, 2, 3, 4, 5, 6]


def test_r3_notified_ticket_moves_down_and_the_selection_follows_it(queue) -> None:
    model, proxy, view = queue
    view.selectionModel().setCurrentIndex(
        proxy.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    model.apply({3: row(3, -5, notified=True)})  # the breached ticket is answered (late)
    assert ids(proxy) == [2, 1, 3, 4]  # reacted-to tickets by deadline, after the waiting ones
    current = proxy.mapToSource(view.currentIndex()).row()
    assert model.row_at(current).id == 3


def test_r6_closed_ticket_leaves_the_queue(queue) -> None:
    model, proxy, _view = queue
    model.apply({2: row(2, 10, status=TicketStatus.CLOSED)})
    assert ids(proxy) == [3, 1, 4]
    assert model.position_of(2) is None


def test_filters_apply_to_rows_added_while_they_are_on(queue) -> None:
    model, proxy, _view = queue
    proxy.set_filter(QueueFilter(text="cs-2026-00000"))
    assert ids(proxy) == [3, 2, 1, 4]
    proxy.set_filter(QueueFilter(breached=True))
    assert ids(proxy) == [3]
    model.apply({8: row(8, -1), 9: row(9, 50)})
    assert ids(proxy) == [3, 8]
    proxy.set_filter(QueueFilter(mine=True))
    assert ids(proxy) == []
    model.apply({9: row(9, 50, assignee_id=OPERATOR)})
    assert ids(proxy) == [9]
    proxy.set_filter(QueueFilter(warning=True))
    assert ids(proxy) == []  # 50 of 80 min left; warning at 20 % (16 min)
    model.set_now(NOON + timedelta(minutes=35))
    proxy.refilter()
    assert ids(proxy) == [9]
    proxy.set_filter(QueueFilter())
    assert len(ids(proxy)) == 6
