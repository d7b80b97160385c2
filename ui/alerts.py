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
        self._armed = False

    def load(self, model: QueueModel, now: Now) -> None:
        """Schedule every pending ticket of the queue; thresholds already passed do not alert
        (the queue shows them), so they are left out instead of being popped one by one."""
        self._rows = {row.id: row for row in model.rows()}
        warning, breach = [], []
        for ticket_id, w_received, deadline_us, target in model.schedule():
            w_warning = warning_position(w_received, target, self.fraction)
            if w_warning >= now.w:
                warning.append((w_warning, ticket_id))
            if deadline_us >= now.us:
                breach.append((deadline_us, ticket_id))
        heapq.heapify(warning)
        heapq.heapify(breach)
        self._warning, self._breach = warning, breach
        self._armed = True

    def add(self, row: QueueRow) -> None:
        self._rows[row.id] = row
        if row.notified_us is not None or row.deadline_us is None:
            return
        target = row.reaction_target_seconds or 0
        w_warning = warning_position(self.wt.w_us(row.received_us), target, self.fraction)
        heapq.heappush(self._warning, (w_warning, row.id))
        heapq.heappush(self._breach, (row.deadline_us, row.id))

    def due(self, now: Now) -> list[tuple[str, QueueRow]]:
        """Alerts that came due since the last tick: ("warning" | "breached", row)."""
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
