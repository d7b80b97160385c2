"""R3.8: how a deadline was derived, day by day, in words an operator can read to a customer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.domain import labels, messages
from app.domain.enums import Package, Severity
from app.sla.policy import reaction_deadline, reaction_target_seconds
from app.sla.production_calendar import holiday_name
from app.sla.working_time import DayKind, WorkingTime

messages.register(
    {
        "explain.header": {
            "ru": "Пакет «{package}», критичность «{severity}»: норматив {hours} раб. ч (R3.2).",
            "en": "Package {package}, severity {severity}: target {hours} working hours (R3.2).",
        },
        "explain.received": {"ru": "Получено: {at}.", "en": "Received: {at}."},
        "explain.start": {
            "ru": "Отсчёт начинается: {at} (ближайшее рабочее время, R3.4).",
            "en": "The clock starts: {at} (next working moment, R3.4).",
        },
        "explain.start_now": {
            "ru": "Отсчёт начинается сразу: получено в рабочее время.",
            "en": "The clock starts at once: received during working time.",
        },
        "explain.counted": {
            "ru": "{day}: учтено {hours} ({start}–{end}).",
            "en": "{day}: {hours} counted ({start}–{end}).",
        },
        "explain.skipped": {
            "ru": "{day}: не учитывается — {why}.",
            "en": "{day}: not counted — {why}.",
        },
        "explain.deadline": {
            "ru": "Срок реакции: {at}.",
            "en": "Reaction deadline: {at}.",
        },
        "explain.unchecked": {
            "ru": "Внимание: календарь {year} г. ещё не сверен с постановлением — возможна ошибка.",
            "en": "Warning: the {year} calendar is not yet checked against a decree.",
        },
        "day.weekend": {"ru": "выходной", "en": "weekend"},
        "day.holiday": {"ru": "праздник ({name})", "en": "public holiday ({name})"},
        "day.transferred": {
            "ru": "выходной, перенесённый постановлением с {source}",
            "en": "day off moved by decree from {source}",
        },
        "day.override_off": {
            "ru": "выходной по решению администратора{note}",
            "en": "day off set by an administrator{note}",
        },
        "day.working_weekend": {
            "ru": "рабочий выходной по постановлению",
            "en": "weekend day made working by decree",
        },
        "day.preholiday": {
            "ru": "предпраздничный день, на час короче",
            "en": "pre-holiday day, one hour shorter",
        },
    }
)


@dataclass(frozen=True, slots=True)
class DayStep:
    day: date
    kind: str
    name: str | None
    transferred_from: date | None
    counted_seconds: int
    start: time | None
    end: time | None


@dataclass(frozen=True, slots=True)
class Explanation:
    received: datetime
    clock_start: datetime
    package: Package
    severity: Severity
    target_seconds: int
    steps: tuple[DayStep, ...]
    deadline: datetime
    unchecked_years: tuple[int, ...]


def explain_deadline(
    wt: WorkingTime, received: datetime, package: Package, severity: Severity
) -> Explanation:
    deadline = reaction_deadline(wt, received, package, severity)
    start = wt.next_working_moment(received)
    local_received, local_deadline = wt.local(received), wt.local(deadline)
    steps = []
    day = local_received.date()
    while day <= local_deadline.date():
        info = wt.day(day)
        counted, begin, end = 0, None, None
        if info.working and info.start and info.end:
            lo = datetime.combine(day, info.start, tzinfo=wt.tz)
            hi = datetime.combine(day, info.end, tzinfo=wt.tz)
            lo, hi = max(lo, local_received), min(hi, local_deadline)
            if hi > lo:
                counted = int((hi - lo).total_seconds())
                begin, end = lo.timetz(), hi.timetz()
        steps.append(DayStep(day, info.kind, info.name, info.transferred_from, counted, begin, end))
        day += timedelta(days=1)
    years = sorted({s.day.year for s in steps if not wt.is_checked_year(s.day.year)})
    return Explanation(
        received,
        start,
        package,
        severity,
        reaction_target_seconds(package, severity),
        tuple(steps),
        deadline,
        tuple(years),
    )


def _fmt(t: datetime, wt: WorkingTime) -> str:
    local = wt.local(t)
    return local.strftime("%d.%m.%Y %H:%M") + f" ({local.tzname()})"


def _hours(seconds: int) -> str:
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}"


def render_explanation(expl: Explanation, wt: WorkingTime, lang: str | None = None) -> str:
    lang = lang or messages.language()

    def say(code: str, **params: object) -> str:
        return messages.render(code, params, lang)

    lines = [
        say(
            "explain.header",
            package=labels.label(expl.package, lang),
            severity=labels.label(expl.severity, lang),
            hours=expl.target_seconds // 3600,
        ),
        say("explain.received", at=_fmt(expl.received, wt)),
        say("explain.start_now")
        if expl.clock_start == expl.received
        else say("explain.start", at=_fmt(expl.clock_start, wt)),
    ]
    for step in expl.steps:
        label = f"{step.day:%d.%m.%Y} {labels.weekday_short(step.day.weekday(), lang)}"
        if step.counted_seconds:
            line = say(
                "explain.counted",
                day=label,
                hours=_hours(step.counted_seconds),
                start=step.start.strftime("%H:%M") if step.start else "",
                end=step.end.strftime("%H:%M") if step.end else "",
            )
            if step.kind in (DayKind.WORKING_WEEKEND, DayKind.PREHOLIDAY):
                line += f" {say('day.' + step.kind)}."
            lines.append(line)
        elif step.kind in (DayKind.WEEKEND, DayKind.HOLIDAY, DayKind.TRANSFERRED):
            why = say(
                f"day.{step.kind}",
                name=holiday_name(step.day, lang) or step.name or "",
                source=step.transferred_from.strftime("%d.%m.%Y") if step.transferred_from else "",
            )
            lines.append(say("explain.skipped", day=label, why=why))
        elif step.kind == DayKind.OVERRIDE_OFF:
            note = f": {step.name}" if step.name else ""
            lines.append(say("explain.skipped", day=label, why=say("day.override_off", note=note)))
    lines.append(say("explain.deadline", at=_fmt(expl.deadline, wt)))
    lines.extend(say("explain.unchecked", year=y) for y in expl.unchecked_years)
    return "\n".join(lines)
