"""History rows in words: "severity: Low → Critical (agreed by …)" in the user's language."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from app.db.models import HistoryEntry
from app.domain import labels, messages
from app.domain.enums import Channel, Severity, TicketStatus

messages.register(
    {
        "history.registered": {
            "ru": "Зарегистрировано {reg_number}; срок реакции {deadline}",
            "en": "Registered {reg_number}; reaction due {deadline}",
        },
        "history.notified": {
            "ru": "Заказчик уведомлён ({channel}): {result}",
            "en": "Customer notified ({channel}): {result}",
        },
        "history.severity_changed": {
            "ru": "Критичность: {old} → {new}; согласовал(а) {agreed_by} ({channel}); "
            "срок реакции {deadline}",
            "en": "Severity: {old} → {new}; agreed by {agreed_by} ({channel}); "
            "reaction due {deadline}",
        },
        "history.package_confirmed": {
            "ru": "Пакет подтверждён договором {contract}: «Расширенный»; срок реакции {deadline}",
            "en": "Package confirmed by contract {contract}: Extended; reaction due {deadline}",
        },
        "history.assigned": {
            "ru": "Исполнитель: {old} → {new}",
            "en": "Assignee: {old} → {new}",
        },
        "history.status": {"ru": "Статус: {old} → {new}", "en": "Status: {old} → {new}"},
        "history.closed": {"ru": "Закрыто: {reason}", "en": "Closed: {reason}"},
        "history.comment": {"ru": "Комментарий", "en": "Comment"},
        "history.visit_requested": {
            "ru": "Запрошен выезд: {city}",
            "en": "On-site visit requested: {city}",
        },
        "history.visit_agreed": {"ru": "Дата выезда: {date}", "en": "Visit date: {date}"},
        "history.visit_finished": {"ru": "Выезд: {status}", "en": "Visit: {status}"},
        "history.nobody": {"ru": "не назначен", "en": "unassigned"},
    }
)


def describe(
    entry: HistoryEntry, names: dict[int, str], tz: ZoneInfo, lang: str | None = None
) -> str:
    """``tz`` is the SLA zone: times read as the deadlines shown beside them."""

    def _time(value: str | None) -> str:
        if not value:
            return "—"
        return datetime.fromisoformat(value).astimezone(tz).strftime("%d.%m.%Y %H:%M")

    before, after = entry.before or {}, entry.after or {}
    p: dict[str, object] = {}
    action = entry.action
    if action == "registered":
        p = {
            "reg_number": after.get("reg_number"),
            "deadline": _time(after.get("reaction_deadline")),
        }
    elif action == "notified":
        p = {
            "channel": labels.label(Channel(after["channel"]), lang),
            "result": messages.render(
                "reaction.met" if after.get("reaction_met") else "reaction.breached", None, lang
            ),
        }
    elif action == "severity_changed":
        p = {
            "old": labels.label(Severity(before["severity"]), lang),
            "new": labels.label(Severity(after["severity"]), lang),
            "agreed_by": after.get("agreed_by"),
            "channel": labels.label(Channel(after["channel"]), lang),
            "deadline": _time(after.get("reaction_deadline")),
        }
    elif action == "package_confirmed":
        p = {"contract": after.get("contract"), "deadline": _time(after.get("reaction_deadline"))}
    elif action == "assigned":
        nobody = messages.render("history.nobody", None, lang)
        p = {
            "old": names.get(before.get("assignee_id"), nobody),
            "new": names.get(after.get("assignee_id"), nobody),
        }
    elif action == "status":
        p = {
            "old": labels.label(TicketStatus(before["status"]), lang),
            "new": labels.label(TicketStatus(after["status"]), lang),
        }
    elif action == "closed":
        p = {"reason": messages.render(f"closing.{after.get('reason')}", None, lang)}
    elif action in ("visit_requested", "visit_agreed", "visit_finished"):
        p = {"city": after.get("city"), "date": after.get("date"), "status": after.get("status")}
    text = messages.render(f"history.{action}", p, lang)
    if entry.note:
        text += f" — {entry.note}"
    return text


__all__ = ["describe"]
