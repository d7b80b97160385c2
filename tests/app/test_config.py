"""Per-machine settings and secrets: a URL's password goes to the keyring, never to a file."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from app import config, secrets
from app.db.engine import resolve_url


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(config.ENV_CONFIG_DIR, str(tmp_path))
    monkeypatch.delenv("CENTAUR_DB_URL", raising=False)
    return tmp_path


def test_settings_round_trip_and_defaults(config_dir: Path) -> None:
    assert config.load() == config.LocalSettings()
    config.save(config.LocalSettings(db_url="postgresql+psycopg://op@db/centaur", language="en"))
    assert config.load().language == "en"
    (config_dir / "settings.json").write_text("{broken", encoding="utf-8")
    assert config.load() == config.LocalSettings()  # a damaged file never blocks the start


def test_shared_url_password_lives_in_keyring_only(config_dir: Path, memory_keyring) -> None:
    bare, password = secrets.split_password("postgresql+psycopg://op:s3cret@db.local:5432/centaur")
    assert password == "s3cret" and "s3cret" not in bare
    secrets.store_password(bare, password)
    config.save(config.LocalSettings(db_url=bare))
    assert "s3cret" not in (config_dir / "settings.json").read_text(encoding="utf-8")
    assert json.loads((config_dir / "settings.json").read_text())["db_url"] == bare
    assert resolve_url() == "postgresql+psycopg://op:s3cret@db.local:5432/centaur"


def test_explicit_url_wins_and_default_is_local_sqlite(config_dir: Path, monkeypatch) -> None:
    assert resolve_url().startswith("sqlite:///") and resolve_url().endswith("centaur.db")
    monkeypatch.setenv("CENTAUR_DB_URL", "sqlite:///env.db")
    assert resolve_url() == "sqlite:///env.db"
    assert resolve_url("sqlite:///cli.db") == "sqlite:///cli.db"
