"""Paints the SLA countdown cell: time left (h:mm:ss), a bar of the target used, the phase colour,
and "⏸ until Mon 09:00" while the clock is paused (R3.7)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.sla.policy import SlaPhase, SlaState
from ui.formatting import duration, weekday_time
from ui.queue_model import SLA_ROLE

PHASE_COLOURS = {
    SlaPhase.RUNNING: QColor("#2e7d32"),
    SlaPhase.PAUSED: QColor("#607d8b"),
    SlaPhase.WARNING: QColor("#f9a825"),
    SlaPhase.BREACHED: QColor("#c62828"),
    SlaPhase.MET: QColor("#1565c0"),
    SlaPhase.MET_LATE: QColor("#8e24aa"),
}


def phase_colour(state: SlaState) -> QColor:
    if state.phase is SlaPhase.PAUSED and state.warning:
        return PHASE_COLOURS[SlaPhase.WARNING]
    return PHASE_COLOURS[state.phase]


def sla_text(state: SlaState, tz) -> str:
    if state.phase is SlaPhase.BREACHED:
        return QCoreApplication.translate("Sla", "overdue %1").replace(
            "%1", duration(state.overdue_seconds)
        )
    if state.phase is SlaPhase.MET:
        return QCoreApplication.translate("Sla", "met, %1 used").replace(
            "%1", duration(state.used_seconds)
        )
    if state.phase is SlaPhase.MET_LATE:
        return QCoreApplication.translate("Sla", "late by %1").replace(
            "%1", duration(-state.left_seconds)
        )
    text = duration(state.left_seconds)
    if state.phase is SlaPhase.PAUSED and state.resume_at is not None:
        text += "  ⏸ " + QCoreApplication.translate("Sla", "until %1").replace(
            "%1", weekday_time(state.resume_at, tz)
        )
    return text


class SlaDelegate(QStyledItemDelegate):
    def __init__(self, tz, parent=None) -> None:
        super().__init__(parent)
        self.tz = tz

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        state: SlaState | None = index.data(SLA_ROLE)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        if state is None:
            return
        colour = phase_colour(state)
        rect = option.rect.adjusted(4, 3, -4, -3)
        painter.save()
        # The bar: the fraction of the target used, capped at the cell's width.
        bar = QRect(rect.left(), rect.bottom() - 3, rect.width(), 4)
        painter.fillRect(bar, QColor(colour.red(), colour.green(), colour.blue(), 50))
        used = min(1.0, max(0.0, state.fraction_used))
        painter.fillRect(QRect(bar.left(), bar.top(), int(bar.width() * used), 4), colour)
        painter.setPen(
            colour
            if not option.state & QStyle.StateFlag.State_Selected
            else option.palette.highlightedText().color()
        )
        font = painter.font()
        font.setBold(state.phase in (SlaPhase.BREACHED, SlaPhase.WARNING))
        painter.setFont(font)
        text_rect = rect.adjusted(0, 0, 0, -5)
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            sla_text(state, self.tz),
        )
        painter.restore()
