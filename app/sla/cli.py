"""``centaur-desk-admin sla …`` and ``calendar …``: deadlines and the production calendar.

Output formats are a contract (scripts compare them): ISO 8601 with the vendor zone's offset,
CSV with an added ``deadline`` column, and the calendar JSON shape of the issue.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import datetime

from app.domain import messages
from app.domain.enums import Package, Severity
from app.domain.errors import DomainError, ValidationError
from app.sla.config import CalendarConfig
from app.sla.explain import explain_deadline, render_explanation
from app.sla.policy import reaction_target_seconds
from app.sla.working_time import DayKind, WorkingTime

messages.register(
    {
        "sla.bad_time": {
            "ru": "Неверное время «{value}»: нужен ISO 8601 со смещением, "
            "например 2026-01-08T16:30:00+03:00.",
            "en": "Bad time '{value}': ISO 8601 with an offset is needed, "
            "e.g. 2026-01-08T16:30:00+03:00.",
        },
        "sla.bad_row": {
            "ru": "Строка {line}: {problem}",
            "en": "Line {line}: {problem}",
        },
        "sla.bad_columns": {
            "ru": "В файле нужны столбцы received,package,severity; найдены: {found}.",
            "en": "The file needs the columns received,package,severity; found: {found}.",
        },
        "sla.bad_choice": {
            "ru": "недопустимое значение «{value}» (допустимо: {allowed})",
            "en": "invalid value '{value}' (allowed: {allowed})",
        },
        "sla.file": {
            "ru": "Не удалось прочитать файл {path}: {reason}",
            "en": "Cannot read {path}: {reason}",
        },
        "calendar.total": {
            "ru": "{year}: рабочих дней {days}, рабочих часов {hours}",
            "en": "{year}: {days} working days, {hours} working hours",
        },
        "sla.unchecked_year": {
            "ru": "Внимание: производственный календарь {year} г. не сверен с постановлением "
            "Правительства; результат может отличаться от официального.",
            "en": "Warning: the {year} production calendar has not been checked against a "
            "government decree; the result may differ from the official one.",
        },
    }
)


def parse_instant(value: str) -> datetime:
    try:
        t = datetime.fromisoformat(value.strip())
    except ValueError:
        raise DomainError("sla.bad_time", value=value) from None
    if t.tzinfo is None:
        raise DomainError("sla.bad_time", value=value)
    return t


def _choice(enum: type[Package] | type[Severity], value: str):
    try:
        return enum(value.strip().lower())
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise DomainError("sla.bad_choice", value=value, allowed=allowed) from None


def _working_time(args: argparse.Namespace) -> WorkingTime:
    if getattr(args, "db", None):
        from app.cli import _open
        from app.sla.config import config_from_db

        db = _open(args, migrate_to_head=False)
        try:
            with db.session_factory() as s:
                return WorkingTime(config_from_db(s))
        finally:
            db.dispose()
    return WorkingTime(CalendarConfig())


def _warn_unchecked(wt: WorkingTime, *years: int) -> None:
    for year in sorted(set(years)):
        if not wt.is_checked_year(year):
            print(messages.render("sla.unchecked_year", {"year": year}), file=sys.stderr)


def iso(wt: WorkingTime, t: datetime) -> str:
    return wt.local(t).isoformat()


def cmd_deadline(args: argparse.Namespace) -> int:
    wt = _working_time(args)
    received = parse_instant(args.received)
    package, severity = _choice(Package, args.package), _choice(Severity, args.severity)
    explanation = explain_deadline(wt, received, package, severity)
    deadline = explanation.deadline
    _warn_unchecked(wt, wt.local(received).year, wt.local(deadline).year)
    print(iso(wt, deadline))
    if args.explain:
        print(render_explanation(explanation, wt))
    return 0


def cmd_deadlines(args: argparse.Namespace) -> int:
    wt = _working_time(args)
    try:
        with open(args.file, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
            fields = list(rows[0].keys()) if rows else []
    except OSError as exc:
        raise DomainError("sla.file", path=args.file, reason=exc.strerror) from None
    if rows and not {"received", "package", "severity"} <= set(fields):
        raise DomainError("sla.bad_columns", found=",".join(fields))
    received, targets, problems = [], [], []
    for line, row in enumerate(rows, start=2):
        try:
            received.append(parse_instant(row["received"] or ""))
            targets.append(
                reaction_target_seconds(
                    _choice(Package, row["package"]), _choice(Severity, row["severity"])
                )
            )
        except DomainError as exc:
            del received[len(targets) :]  # a row counts whole or not at all
            problem = {"line": line, "problem": exc.message()}
            problems.append(messages.render("sla.bad_row", problem))
    if problems:
        raise ValidationError("import.rows", problems, count=len(problems))
    deadlines = wt.add_many(received, targets)  # R3.4 for the whole file in one batch
    _warn_unchecked(wt, *{wt.local(t).year for t in (*received, *deadlines)})
    out = [
        {**row, "deadline": iso(wt, deadline)}
        for row, deadline in zip(rows, deadlines, strict=True)
    ]
    writer = csv.DictWriter(sys.stdout, fieldnames=[*fields, "deadline"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(out)
    return 0


def _hours(seconds: int) -> int | float:
    """8, not 8.0, in the JSON; a shortened or custom day may be fractional (7.5)."""
    return seconds // 3600 if seconds % 3600 == 0 else seconds / 3600


def cmd_calendar_show(args: argparse.Namespace) -> int:
    wt = _working_time(args)
    _warn_unchecked(wt, args.year)
    days = wt.year_days(args.year)
    if args.json:
        payload = {
            "year": args.year,
            "days": [
                {"date": d.day.isoformat(), "working": d.working, "hours": _hours(d.seconds)}
                for d in days
            ],
        }
        print(json.dumps(payload, ensure_ascii=False))
        return 0
    total = sum(d.working for d in days)
    hours = sum(d.seconds for d in days) / 3600
    for d in days:
        if not d.working or d.kind != DayKind.WORKDAY:
            mark = "+" if d.working else "-"
            window = f"{d.start:%H:%M}-{d.end:%H:%M}" if d.working else ""
            print(f"{d.day.isoformat()} {mark} {d.kind:<16} {window:<11} {d.name or ''}".rstrip())
    print(
        messages.render("calendar.total", {"year": args.year, "days": total, "hours": f"{hours:g}"})
    )
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    def db_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--db",
            metavar="URL",
            help="take working hours, settings and overrides from this database "
            "(default: the official calendar with 09:00-17:00 Europe/Moscow)",
        )

    sla = sub.add_parser("sla", help="reaction deadlines (R3)")
    sla_sub = sla.add_subparsers(dest="sla_command", metavar="SUBCOMMAND", required=True)

    p = sla_sub.add_parser("deadline", help="the reaction deadline of one request")
    db_option(p)
    p.add_argument("--received", required=True, help="ISO 8601 with offset")
    p.add_argument("--package", required=True, choices=[e.value for e in Package])
    p.add_argument("--severity", required=True, choices=[e.value for e in Severity])
    p.add_argument("--explain", action="store_true", help="also print how it was derived (R3.8)")
    p.set_defaults(func=cmd_deadline)

    p = sla_sub.add_parser(
        "deadlines", help="add a deadline column to a CSV of received,package,severity"
    )
    db_option(p)
    p.add_argument("file", metavar="IN.csv")
    p.set_defaults(func=cmd_deadlines)

    cal = sub.add_parser("calendar", help="the production calendar (R3.3)")
    cal_sub = cal.add_subparsers(dest="calendar_command", metavar="SUBCOMMAND", required=True)
    p = cal_sub.add_parser("show", help="every day of a year: working or not, and hours")
    db_option(p)
    p.add_argument("year", type=int)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_calendar_show)
