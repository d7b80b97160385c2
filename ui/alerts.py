"""Warning and breach alerts, raised once per ticket, without scanning the queue every tick.

Each pending ticket's warning and breach moments are known in advance (positions on the
working-time axis and the deadline instant), so they sit in two heaps and a tick pops only the
ones that have come due.
"""

from __future__ import annotations

import heapq

from app.services.dto import QueueRow
from app.sla.policy import Now, warning_position
from app.sla.working_time import WorkingTime
from ui.queue_model import QueueModel


class AlertSchedule:
    def __init__(self, wt: WorkingTime, warning_fraction: float) -> None:
        self.wt, self.fraction = wt, warning_fraction
        self._warning: list[tuple[int, int]] = []  # (w position, ticket id)
        self._breach: list[tuple[int, int]] = []  # (deadline µs, ticket id)
        self._raised: set[tuple[int, str]] = set()
        self._rows: dict[int, QueueRow] = {}
        self._now: Now | None = None  # the last tick's; set by load() and due()
        self._armed = False

    def _pending(
        self, ticket_id: int, w_received: int, deadline_us: int, target: int, now: Now | None
    ) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """(warning, breach) heap entries of a ticket; a threshold already passed at ``now``
        does not alert (the queue shows it), so it is left out."""
        w_warning = warning_position(w_received, target, self.fraction)
        return (
            (w_warning, ticket_id) if now is None or w_warning >= now.w else None,
            (deadline_us, ticket_id) if now is None or deadline_us >= now.us else None,
        )

    def load(self, model: QueueModel, now: Now) -> None:
        """Schedule every pending ticket of the queue."""
        self._rows = {row.id: row for row in model.rows()}
        self._now = now
        warning, breach = [], []
        for item in model.schedule():
            w, b = self._pending(*item, now)
            if w is not None:
                warning.append(w)
            if b is not None:
                breach.append(b)
        heapq.heapify(warning)
        heapq.heapify(breach)
        self._warning, self._breach = warning, breach
        self._armed = True

    def add(self, row: QueueRow) -> None:
        """(Re)schedule a ticket after a change; thresholds it passed before the last tick
        stay quiet, as at load: editing an overdue ticket must not alert again."""
        self._rows[row.id] = row
        target = row.reaction_target_seconds or 0
        if row.notified_us is not None or row.deadline_us is None or not target:
            return
        w_received = self.wt.w_us(row.received_us)
        for heap, entry in zip(
            (self._warning, self._breach),
            self._pending(row.id, w_received, row.deadline_us, target, self._now),
            strict=True,
        ):
            if entry is not None:
                heapq.heappush(heap, entry)

    def due(self, now: Now) -> list[tuple[str, QueueRow]]:
        """Alerts that came due since the last tick: ("warning" | "breached", row)."""
        self._now = now
        out: list[tuple[str, QueueRow]] = []
        # Warning from the threshold itself (left <= fraction); breach only after the deadline.
        for heap, limit, kind in (
            (self._warning, now.w + 1, "warning"),
            (self._breach, now.us, "breached"),
        ):
            while heap and heap[0][0] < limit:
                _, ticket_id = heapq.heappop(heap)
                row = self._rows.get(ticket_id)
                if row is None or (ticket_id, kind) in self._raised or row.notified_us is not None:
                    continue
                self._raised.add((ticket_id, kind))
                if self._armed:
                    out.append((kind, row))
        return out

    def forget(self, ticket_id: int) -> None:
        self._rows.pop(ticket_id, None)
