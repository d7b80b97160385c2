"""``Desk``: the one entry point of the use cases for the UI, the CLI and the mail channel.

Each public method is one use case in one transaction; it checks permissions (R7), validates
input (domain errors in the user's language), writes history, and returns plain data or a
``TicketChanges``. The methods are grouped by topic in the mixin modules.
"""

from __future__ import annotations

from app.services.admin import AdminMixin, CalendarChange


class Desk(AdminMixin):
    """Customers, intake, the ticket lifecycle, queries and administration."""


__all__ = ["CalendarChange", "Desk"]
