"""Domain errors: a stable code plus parameters; the text comes from app.domain.messages."""

from __future__ import annotations

from typing import Any

from app.domain import messages


class DomainError(Exception):
    """A refusal the user can read as is. ``code`` is stable; ``params`` fill the message."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code)

    def message(self, lang: str | None = None) -> str:
        return messages.render(self.code, self.params, lang)

    def __str__(self) -> str:
        return self.message()


class ValidationError(DomainError):
    """Bad input; may carry several problems (e.g. all bad rows of an import)."""

    def __init__(self, code: str, problems: list[str] | None = None, **params: Any) -> None:
        super().__init__(code, **params)
        self.problems = problems or []

    def message(self, lang: str | None = None) -> str:
        head = super().message(lang)
        return "\n".join([head, *self.problems]) if self.problems else head


class NotFoundError(DomainError):
    pass


class PermissionDenied(DomainError):
    pass


class ConflictError(DomainError):
    """A save made on a stale copy (optimistic locking): carries who changed the row and when."""


class DatabaseError(DomainError):
    """The database cannot be used: unreachable, not a database, newer schema."""
