"""Database and mailbox passwords in the OS keyring, never in config files or logs.

A shared-mode URL is kept without its password; :func:`url_with_secret` puts the password back
just before connecting. When no keyring backend exists (a bare Linux session), :class:`NoKeyring`
is raised so that the UI can ask for the password each time and say why.
"""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, NoKeyringError
from sqlalchemy.engine import URL, make_url

SERVICE = "centaur-desk"


class NoKeyring(Exception):
    """No usable keyring backend on this machine."""


def _key(url: str) -> str:
    parsed = make_url(url)
    return (
        f"{parsed.get_backend_name()}://{parsed.username}@{parsed.host}:{parsed.port or ''}/"
        f"{parsed.database}"
    )


def split_password(url: str) -> tuple[str, str | None]:
    """The URL without its password, and the password (None if it had none)."""
    parsed = make_url(url)
    password = parsed.password
    # URL.set(password=None) keeps the old value: rebuild the URL without it.
    bare = URL.create(
        parsed.drivername,
        parsed.username,
        None,
        parsed.host,
        parsed.port,
        parsed.database,
        parsed.query,
    )
    return bare.render_as_string(hide_password=False), (
        str(password) if password is not None else None
    )


def store_password(url: str, password: str) -> None:
    try:
        keyring.set_password(SERVICE, _key(url), password)
    except NoKeyringError as exc:
        raise NoKeyring(str(exc)) from exc
    except KeyringError as exc:
        raise NoKeyring(str(exc)) from exc


def url_with_secret(url: str) -> str:
    """Add the stored password to a URL that has none (SQLite URLs pass through)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" or parsed.password is not None:
        return url
    try:
        password = keyring.get_password(SERVICE, _key(url))
    except (NoKeyringError, KeyringError) as exc:
        raise NoKeyring(str(exc)) from exc
    if password is None:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)
