"""Staff accounts: creation and sign-in (argon2 hashes; a plain password is never stored)."""

from __future__ import annotations

import re
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import User
from app.domain.enums import Role
from app.domain.errors import ValidationError
from app.domain.validation import normalise_email, require_text

MIN_PASSWORD = 8
_LOGIN = re.compile(r"^[A-Za-z0-9._-]{2,64}$")
# Moderate cost: a sign-in should take well under a second on an office PC.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValidationError("user.weak_password", min=MIN_PASSWORD)
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    if not stored_hash:
        return False
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def create_user_unchecked(
    session: Session,
    now: datetime,
    *,
    login: str,
    display_name: str,
    role: Role,
    password: str,
    email: str | None = None,
) -> int:
    """Create a staff account without a permission check (the admin CLI and the demo use it;
    the UI goes through ``Desk.create_user``, which checks R7)."""
    login = login.strip().lower()
    if not _LOGIN.match(login):
        raise ValidationError("user.bad_login", login=login)
    if session.scalar(select(User.id).where(User.login == login)) is not None:
        raise ValidationError("user.duplicate_login", login=login)
    user = User(
        login=login,
        display_name=require_text(display_name, "ФИО"),
        role=role,
        active=True,
        password_hash=hash_password(password),
        email=normalise_email(email) if email else None,
        created_at=now,
    )
    session.add(user)
    session.flush()
    return user.id
