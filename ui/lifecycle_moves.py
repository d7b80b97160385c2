"""Status moves offered in the Status menu, read from the service layer's transition table."""

from __future__ import annotations

from app.services.lifecycle import TRANSITIONS

NEXT_STATUSES = {old: sorted(new, key=lambda s: s.value) for old, new in TRANSITIONS.items()}
