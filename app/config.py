"""Per-machine settings, declared once with types and defaults.

Stored as JSON in the platform's config directory (``~/.config/centaur-desk/settings.json``,
``%LOCALAPPDATA%\\centaur-desk\\settings.json``). Database-wide settings (SLA calendar, current
product version) live in the database instead; secrets live only in the OS keyring
(app.secrets) — a URL is stored here without its password.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "centaur-desk"
ENV_CONFIG_DIR = "CENTAUR_CONFIG_DIR"


@dataclass
class LocalSettings:
    db_url: str | None = None  # None: the local SQLite file
    language: str = "ru"
    last_login: str | None = None


def config_path() -> Path:
    folder = os.environ.get(ENV_CONFIG_DIR) or platformdirs.user_config_dir(
        APP_NAME, appauthor=False
    )
    return Path(folder) / "settings.json"


def load() -> LocalSettings:
    path = config_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return LocalSettings()
    except (OSError, ValueError) as exc:
        # A damaged settings file must not stop the desk from starting; defaults are safe.
        log.warning("ignoring unreadable settings %s: %s", path, exc)
        return LocalSettings()
    known = {f.name for f in fields(LocalSettings)}
    return LocalSettings(**{k: v for k, v in raw.items() if k in known})


def save(settings: LocalSettings) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)  # atomic: a crash never leaves half a file
