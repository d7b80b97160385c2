"""``centaur-desk-admin``: database set-up, demo data, users, customer import, SLA tools.

Output for people goes to stdout; every error goes to stderr as one clear message (in the
language of ``CENTAUR_LANG``, Russian by default) with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app.domain import messages
from app.domain.enums import Role
from app.domain.errors import DomainError

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

messages.register(
    {
        "cli.db_ready": {
            "ru": "База данных готова: {where} (схема {revision}).",
            "en": "The database is ready: {where} (schema {revision}).",
        },
        "cli.migrated": {
            "ru": "Схема базы данных {where}: {revision}.",
            "en": "Database schema of {where}: {revision}.",
        },
        "cli.demo_done": {
            "ru": "Демо-данные созданы: организаций {organisations}, сотрудников {users}, "
            "обращений {tickets}. Вход: {login} / {password}",
            "en": "Demo data created: {organisations} organisations, {users} staff, "
            "{tickets} tickets. Sign in: {login} / {password}",
        },
        "cli.user_created": {
            "ru": "Пользователь {login} создан (id {id}).",
            "en": "User {login} created (id {id}).",
        },
        "cli.passwords_differ": {
            "ru": "Пароли не совпадают.",
            "en": "The passwords do not match.",
        },
        "cli.imported": {
            "ru": "Импортировано: новых организаций {created}, существующих {reused}, "
            "контактов {contacts}, договоров {contracts}.",
            "en": "Imported: {created} new organisations, {reused} existing, "
            "{contacts} contacts, {contracts} contracts.",
        },
        "cli.interrupted": {"ru": "Прервано.", "en": "Interrupted."},
    }
)


def _say(code: str, **params: object) -> None:
    print(messages.render(code, params))


def _add_db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        help="database URL (sqlite:///file.db or postgresql+psycopg://user@host/db); "
        "default: $CENTAUR_DB_URL or the local file in the user data directory",
    )


def _open(args: argparse.Namespace, *, migrate_to_head: bool):
    from app.db import migrate
    from app.db.engine import open_database

    db = open_database(args.db)
    if migrate_to_head:
        migrate.upgrade(db)
    else:
        migrate.check_schema(db)
        if migrate.current_revision(db) is None:
            db.dispose()
            raise DomainError("db.not_initialised")
    return db


def cmd_init_db(args: argparse.Namespace) -> int:
    db = _open(args, migrate_to_head=True)
    from app.db.migrate import current_revision

    _say("cli.db_ready", where=db.describe(), revision=current_revision(db))
    db.dispose()
    return EXIT_OK


def cmd_migrate(args: argparse.Namespace) -> int:
    from app.db import migrate
    from app.db.engine import open_database

    db = open_database(args.db)
    try:
        if args.downgrade:
            revision = migrate.downgrade(db, args.downgrade)
        else:
            revision = migrate.upgrade(db, args.to)
        _say("cli.migrated", where=db.describe(), revision=revision)
    finally:
        db.dispose()
    return EXIT_OK


def cmd_demo_data(args: argparse.Namespace) -> int:
    from app.demo import DEMO_PASSWORD, fill_demo_data

    db = _open(args, migrate_to_head=True)
    try:
        summary = fill_demo_data(
            db, seed=args.seed, tickets=args.tickets, organisations=args.organisations
        )
    finally:
        db.dispose()
    _say(
        "cli.demo_done",
        organisations=summary.organisations,
        users=summary.users,
        tickets=summary.tickets,
        login=summary.admin_login,
        password=DEMO_PASSWORD,
    )
    return EXIT_OK


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if env := os.environ.get("CENTAUR_NEW_PASSWORD"):
        return env
    first = getpass.getpass("Пароль / Password: ")
    second = getpass.getpass("Ещё раз / Again: ")
    if first != second:
        raise DomainError("cli.passwords_differ")
    return first


def cmd_create_user(args: argparse.Namespace) -> int:
    from app.db.clock import DatabaseClock
    from app.services.users import create_user_unchecked

    password = _read_password(args)
    db = _open(args, migrate_to_head=False)
    try:
        now = DatabaseClock(db).now()
        with db.session_factory.begin() as s:
            user_id = create_user_unchecked(
                s,
                now,
                login=args.login,
                display_name=args.name or args.login,
                role=Role(args.role),
                password=password,
                email=args.email,
            )
    finally:
        db.dispose()
    _say("cli.user_created", login=args.login, id=user_id)
    return EXIT_OK


def cmd_import_customers(args: argparse.Namespace) -> int:
    from app.db.clock import DatabaseClock
    from app.importer import import_customers

    db = _open(args, migrate_to_head=False)
    try:
        result = import_customers(db, Path(args.file), now=DatabaseClock(db).now())
    finally:
        db.dispose()
    _say(
        "cli.imported",
        created=result.organisations_created,
        reused=result.organisations_reused,
        contacts=result.contacts,
        contracts=result.contracts,
    )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="centaur-desk-admin",
        description="Administration of Centaur Support Desk: database, demo data, users, "
        "customer import, SLA and calendar tools.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("init-db", help="create or upgrade the database schema to the latest")
    _add_db_option(p)
    p.set_defaults(func=cmd_init_db)

    p = sub.add_parser("migrate", help="upgrade (or downgrade) the schema to a revision")
    _add_db_option(p)
    p.add_argument("--to", default="head", metavar="REV", help="target revision (default head)")
    p.add_argument("--downgrade", metavar="REV", help="downgrade to REV instead ('base': empty)")
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("demo-data", help="fill the database with realistic demo data")
    _add_db_option(p)
    p.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")
    p.add_argument("--tickets", type=int, default=300, help="number of tickets (default 300)")
    p.add_argument(
        "--organisations", type=int, default=30, help="number of organisations (default 30)"
    )
    p.set_defaults(func=cmd_demo_data)

    p = sub.add_parser("create-user", help="create a staff account")
    _add_db_option(p)
    p.add_argument("--login", required=True)
    p.add_argument("--name", help="display name (default: the login)")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--email")
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input "
        "(else $CENTAUR_NEW_PASSWORD, else an interactive prompt)",
    )
    p.set_defaults(func=cmd_create_user)

    p = sub.add_parser(
        "import-customers", help="import organisations, contacts and contracts from a CSV file"
    )
    _add_db_option(p)
    p.add_argument("file", metavar="FILE.csv")
    p.set_defaults(func=cmd_import_customers)

    from app.sla.cli import register as register_sla

    register_sla(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=os.environ.get("CENTAUR_LOG", "WARNING"))
    messages.set_language(os.environ.get("CENTAUR_LANG", messages.DEFAULT_LANGUAGE))
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except DomainError as exc:
        print(exc.message(), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(messages.render("cli.interrupted"), file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
