"""One message catalog for domain errors and verdicts, in Russian (default) and English.

The CLI and the UI both render ``DomainError`` through :func:`render`, so a refusal reads the same
everywhere. Modules add their own entries with :func:`register` next to the code that raises them.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_LANGUAGE = "ru"
_language = DEFAULT_LANGUAGE

# code -> {language: template}; templates use str.format(**params)
CATALOG: dict[str, dict[str, str]] = {
    "entitlement.covered": {
        "ru": "Услуга входит в пакет.",
        "en": "The service is covered by the package.",
    },
    "entitlement.initial_setup": {
        "ru": "Первоначальная установка и настройка не входят в техническую поддержку "
        "и приобретаются отдельно (R1.1).",
        "en": "Initial installation and configuration are not support services; "
        "they are sold separately (R1.1).",
    },
    "entitlement.not_covered": {
        "ru": "Услуга не входит в действующий пакет; нужен пакет «Расширенный» (R1.2).",
        "en": "The service is not covered by the effective package; "
        "the Extended package is needed (R1.2).",
    },
    "db.unreachable": {
        "ru": "Не удалось подключиться к базе данных {url}: {reason}",
        "en": "Cannot connect to the database {url}: {reason}",
    },
    "db.not_a_database": {
        "ru": "Файл {path} не является базой данных SQLite.",
        "en": "The file {path} is not an SQLite database.",
    },
    "db.newer_schema": {
        "ru": "База данных создана более новой версией программы (схема {found}); "
        "эта версия знает схемы до {known}. Обновите программу.",
        "en": "The database was created by a newer version of the program (schema {found}); "
        "this version knows schemas up to {known}. Please upgrade the program.",
    },
    "db.not_initialised": {
        "ru": "База данных не инициализирована: выполните centaur-desk-admin init-db.",
        "en": "The database is not initialised: run centaur-desk-admin init-db.",
    },
    "db.bad_url": {
        "ru": "Неверный адрес базы данных: {url}",
        "en": "Invalid database URL: {url}",
    },
    "validation.email": {
        "ru": "Неверный адрес электронной почты «{value}»: {reason}",
        "en": "Invalid e-mail address “{value}”: {reason}",
    },
    "validation.phone": {
        "ru": "Неверный номер телефона «{value}».",
        "en": "Invalid phone number “{value}”.",
    },
    "validation.required": {
        "ru": "Поле «{field}» обязательно.",
        "en": "The field “{field}” is required.",
    },
    "validation.inn": {
        "ru": "Неверный ИНН «{value}»: нужно 10 или 12 цифр с верной контрольной суммой.",
        "en": "Invalid INN “{value}”: 10 or 12 digits with a valid checksum are required.",
    },
    "validation.choice": {
        "ru": "Недопустимое значение «{value}» поля «{field}»; допустимо: {allowed}.",
        "en": "Invalid value “{value}” for “{field}”; allowed: {allowed}.",
    },
    "validation.date": {
        "ru": "Неверная дата «{value}» в поле «{field}» (ожидается ГГГГ-ММ-ДД).",
        "en": "Invalid date “{value}” in “{field}” (expected YYYY-MM-DD).",
    },
    "validation.number": {
        "ru": "Поле «{field}» должно быть целым неотрицательным числом, а не «{value}».",
        "en": "The field “{field}” must be a non-negative whole number, not “{value}”.",
    },
    "contract.period": {
        "ru": "Дата окончания договора ({valid_to}) раньше даты начала ({valid_from}).",
        "en": "The contract ends ({valid_to}) before it starts ({valid_from}).",
    },
    "contract.duplicate_number": {
        "ru": "Договор с номером «{number}» уже есть.",
        "en": "A contract numbered “{number}” already exists.",
    },
    "user.duplicate_login": {
        "ru": "Пользователь с логином «{login}» уже существует.",
        "en": "A user with the login “{login}” already exists.",
    },
    "user.bad_login": {
        "ru": "Логин «{login}» недопустим: 2–64 латинские буквы, цифры, точка, дефис "
        "или подчёркивание.",
        "en": "The login “{login}” is invalid: 2–64 Latin letters, digits, dot, hyphen "
        "or underscore.",
    },
    "user.weak_password": {
        "ru": "Пароль слишком короткий: нужно не менее {min} символов.",
        "en": "The password is too short: at least {min} characters are required.",
    },
    "import.file": {
        "ru": "Не удалось прочитать файл {path}: {reason}",
        "en": "Cannot read the file {path}: {reason}",
    },
    "import.columns": {
        "ru": "В файле нет обязательных столбцов: {missing}.",
        "en": "The file lacks required columns: {missing}.",
    },
    "import.rows": {
        "ru": "Файл не импортирован, ошибок: {count}.",
        "en": "Nothing imported; errors: {count}.",
    },
    "import.line": {
        "ru": "строка {line}: {message}",
        "en": "line {line}: {message}",
    },
}


def register(entries: Mapping[str, Mapping[str, str]]) -> None:
    for code, texts in entries.items():
        CATALOG[code] = dict(texts)


def set_language(language: str) -> None:
    global _language
    _language = language if language in ("ru", "en") else DEFAULT_LANGUAGE


def language() -> str:
    return _language


def render(code: str, params: Mapping[str, object] | None = None, lang: str | None = None) -> str:
    texts = CATALOG.get(code)
    if texts is None:
        return code if not params else f"{code} {dict(params)}"
    template = texts.get(lang or _language) or texts[DEFAULT_LANGUAGE]
    try:
        return template.format(**(params or {}))
    except (KeyError, IndexError):
        return template
