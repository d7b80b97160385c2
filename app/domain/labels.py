"""Names of the enumerations as users read them, Russian and English (one catalog for all)."""

from __future__ import annotations

from enum import StrEnum

from app.domain import messages

_LABELS: dict[str, tuple[str, str]] = {
    "package.basic": ("Базовый", "Basic"),
    "package.extended": ("Расширенный", "Extended"),
    "severity.critical": ("Критический", "Critical"),
    "severity.medium": ("Средний", "Medium"),
    "severity.low": ("Низкий", "Low"),
    "channel.phone": ("Телефон", "Phone"),
    "channel.email": ("Эл. почта", "E-mail"),
    "channel.other": ("Другой согласованный канал", "Other agreed channel"),
    "status.new": ("Новое", "New"),
    "status.registered": ("Зарегистрировано", "Registered"),
    "status.in_progress": ("В работе", "In progress"),
    "status.waiting_customer": ("Ожидает заказчика", "Waiting for customer"),
    "status.resolved": ("Решено", "Resolved"),
    "status.closed": ("Закрыто", "Closed"),
    "status.refused": ("Отказано", "Refused"),
    "role.operator": ("Оператор", "Operator"),
    "role.team_lead": ("Руководитель группы", "Team lead"),
    "role.admin": ("Администратор", "Administrator"),
    "closing.resolved": ("Решено", "Resolved"),
    "closing.outdated_version": (
        "Устаревшая версия: даны известные решения / рекомендация обновиться (R6.2)",
        "Outdated version: known fixes / upgrade advice given (R6.2)",
    ),
    "closing.customer_withdrew": ("Заказчик отозвал обращение", "Customer withdrew the request"),
    "closing.duplicate": ("Дубликат", "Duplicate"),
    "closing.misuse": ("Отказ: нарушение правил эксплуатации (R6.3)", "Refusal: misuse (R6.3)"),
    "closing.etiquette": (
        "Отказ: нарушение деловой этики (R6.4)",
        "Refusal: breach of business etiquette (R6.4)",
    ),
    "closing.out_of_scope": (
        "Отказ: вне рамок техподдержки (R1.1)",
        "Refusal: outside the scope of support (R1.1)",
    ),
    "service.S1": ("S1 Консультации по эл. почте", "S1 Consultation by e-mail"),
    "service.S2": ("S2 Рекомендации по установке", "S2 Installation recommendations"),
    "service.S3": ("S3 Рекомендации по настройке", "S3 Configuration recommendations"),
    "service.S4": ("S4 Предоставление обновлений", "S4 Software updates"),
    "service.S5": ("S5 Диагностика ошибки продукта", "S5 Diagnostics of a product error"),
    "service.S6": ("S6 Консультации по горячей линии", "S6 Hotline consultation"),
    "service.S7": ("S7 Удалённое подключение и помощь", "S7 Remote connection and help"),
    "service.S8": ("S8 «Тонкая настройка»", "S8 Fine tuning"),
    "service.S9": ("S9 Удалённое обновление", "S9 Remote update by the vendor"),
    "service.S10": ("S10 Персональный специалист", "S10 Personal specialist"),
    "service.S11": ("S11 Выезд специалиста", "S11 On-site visit"),
    "service.initial_setup": (
        "Первоначальная установка и настройка",
        "Initial installation and configuration",
    ),
    "visit.requested": ("Запрошен", "Requested"),
    "visit.agreed": ("Дата согласована", "Date agreed"),
    "visit.done": ("Выполнен", "Done"),
    "visit.cancelled": ("Отменён", "Cancelled"),
    "severity_meaning.critical": (
        "основные функции продукта полностью остановлены",
        "the product's main functions stop completely",
    ),
    "severity_meaning.medium": (
        "основные функции в какой-то степени нарушены",
        "the main functions are degraded to some extent",
    ),
    "severity_meaning.low": (
        "основные функции работают, но страдает качество работы",
        "main functions work, but the quality of work suffers",
    ),
}

_PREFIX = {
    "Package": "package",
    "Severity": "severity",
    "Channel": "channel",
    "TicketStatus": "status",
    "Role": "role",
    "ClosingReason": "closing",
    "Service": "service",
    "VisitStatus": "visit",
}

messages.register({k: {"ru": ru, "en": en} for k, (ru, en) in _LABELS.items()})


_WEEKDAYS = {
    "ru": ("пн", "вт", "ср", "чт", "пт", "сб", "вс"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def weekday_short(weekday: int, lang: str | None = None) -> str:
    """Short name of ``date.weekday()`` in the user's language."""
    return _WEEKDAYS.get(lang or messages.language(), _WEEKDAYS["en"])[weekday]


def label(value: StrEnum, lang: str | None = None) -> str:
    return messages.render(f"{_PREFIX[type(value).__name__]}.{value.value}", None, lang)


def severity_meaning(value: StrEnum, lang: str | None = None) -> str:
    return messages.render(f"severity_meaning.{value.value}", None, lang)
