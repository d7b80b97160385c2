"""``centaur-desk``: start the desktop client (``--demo`` on a fresh throw-away demo database)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from app import config
from app.db import migrate
from app.db.engine import open_database
from app.domain.errors import DomainError
from app.services.desk import Desk
from ui import i18n
from ui.login import LoginDialog
from ui.shell import Shell


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="centaur-desk", description="Centaur Support Desk")
    parser.add_argument("--db", metavar="URL", help="database URL (default: the local file)")
    parser.add_argument("--demo", action="store_true", help="start on a fresh demo database")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help="interface language (ru, en)")
    return parser.parse_args(argv)


def _open(args: argparse.Namespace, settings: config.LocalSettings):
    if args.demo:
        from app.demo import DEMO_PASSWORD, create_demo_database

        progress = QProgressDialog(
            QCoreApplication.translate("Main", "Creating the demo database…"), "", 0, 0
        )
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.show()
        QApplication.processEvents()
        try:
            db = create_demo_database()
        finally:
            progress.close()
        hint = QCoreApplication.translate(
            "Main", "Demo: op.petrov, lead.sokolova or admin; password %1"
        ).replace("%1", DEMO_PASSWORD)
        return db, hint, "op.petrov"
    db = open_database(args.db or settings.db_url)
    migrate.ensure_current(db)
    return db, None, settings.last_login


def run(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Centaur Support Desk")
    settings = config.load()
    i18n.install(args.lang or settings.language)
    try:
        db, hint, last_login = _open(args, settings)
    except DomainError as exc:
        QMessageBox.critical(
            None, QCoreApplication.translate("Main", "Cannot open the database"), exc.message()
        )
        return 1
    desk = Desk(db)
    login = LoginDialog(desk, last_login, hint)
    if not login.exec() or login.actor is None:
        return 0
    if not args.demo:
        settings.last_login = login.actor.login
        config.save(settings)
    shell = Shell(desk, login.actor, settings)
    shell.show()

    import qasync  # the asyncio loop inside Qt's: the shared-mode listener runs on it

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    with loop:
        loop.run_until_complete(closed.wait())
    db.dispose()
    return 0


def main() -> None:
    sys.exit(run())


if __name__ == "__main__":
    main()
