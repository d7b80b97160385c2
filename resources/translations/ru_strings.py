"""Russian texts of the UI's English source strings; ``fill_ts`` writes them into the .ts file.

Run after ``pyside6-lupdate`` (see ui/i18n.py):
``python -m resources.translations.ru_strings`` then ``pyside6-lrelease …centaur_ru.ts``.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

RU = {
    "%1, working time used %2": "%1, затрачено рабочего времени %2",
    "(claimed: %1)": "(заявлен: %1)",
    "claimed: %1": "заявлен: %1",
    "(not specified)": "(не указан)",
    "&Settings": "&Настройки",
    "Add comment": "Добавить комментарий",
    "Address": "Адрес",
    "Agreed at": "Когда согласовано",
    "Agreed by": "Кто согласовал",
    "Any package": "Любой пакет",
    "Any severity": "Любая критичность",
    "Assign": "Назначение",
    "Assignee": "Исполнитель",
    "Assign…": "Назначить…",
    "Breached": "Просрочено",
    "Cannot open the database": "Не удалось открыть базу данных",
    "Centaur Support Desk": "Центавр: служба поддержки",
    "Centaur Support Desk — sign in": "Центавр: служба поддержки — вход",
    "Change severity": "Изменение критичности",
    "Changed by someone else": "Изменено другим сотрудником",
    "Channel": "Канал",
    "Choose the customer first.": "Сначала выберите заказчика.",
    "Choose the customer to see the reaction deadline": "Выберите заказчика, чтобы увидеть срок реакции",
    "City": "Город",
    "Close or refuse": "Закрытие или отказ",
    "Close…": "Закрыть…",
    "Comment": "Комментарий",
    "Comments": "Комментарии",
    "Confirm package": "Подтвердить пакет",
    "Contact": "Контакт",
    "Creating the demo database…": "Создаётся демонстрационная база…",
    "Customer": "Заказчик",
    "Customer's person who agreed": "Представитель заказчика, давший согласие",
    "Database: %1": "База данных: %1",
    "Deadline": "Срок реакции",
    "Demo: op.petrov, lead.sokolova or admin; password %1": "Демо: op.petrov, lead.sokolova или admin; пароль %1",
    "Description": "Описание",
    "History": "История",
    "Justification": "Обоснование",
    "Login": "Логин",
    "Interface &language": "&Язык интерфейса",
    "Main": "Основная",
    "Mine": "Мои",
    "Needed when the request came earlier": "Нужна, если обращение поступило раньше",
    "New comment": "Новый комментарий",
    "New request": "Новое обращение",
    "New severity": "Новая критичность",
    "No customer chosen": "Заказчик не выбран",
    "Not possible": "Действие невозможно",
    "Notice text": "Текст уведомления",
    "Notified": "Уведомлён",
    "Notify the customer": "Уведомление заказчика",
    "Notify the customer now (registration number)": "Сразу уведомить заказчика (номер регистрации)",
    "Notify…": "Уведомить…",
    "Now": "Сейчас",
    "Number": "Номер",
    "Only for a city outside the cities of presence (R1.3)": "Только для города вне городов присутствия (R1.3)",
    "Optional: information we need": "Необязательно: какие сведения нужны",
    "Organisation, contact, phone or e-mail — type to search": "Организация, контакт, телефон или e-mail — начните вводить",
    "Package": "Пакет",
    "Package claimed": "Заявленный пакет",
    "Password": "Пароль",
    "Personal specialist: %1": "Персональный специалист: %1",
    "Product version": "Версия продукта",
    "Reaction (SLA)": "Реакция (SLA)",
    "Reaction SLA": "Срок реакции",
    "Reaction due by %1, target %2 working h (package %3)": "Реакция до %1, норматив %2 раб. ч (пакет «%3»)",
    "Reason": "Причина",
    "Received": "Получено",
    "Refresh": "Обновить",
    "Register": "Зарегистрировать",
    "Request": "Обращение",
    "Request an on-site visit": "Запрос выезда специалиста",
    "Request for information": "Запрос сведений",
    "Required for a refusal (R6.3, R6.4, R1.1)": "Обязательно при отказе (R6.3, R6.4, R1.1)",
    "Result": "Результат",
    "SLA breached: %1 %2": "Срок реакции нарушен: %1 %2",
    "SLA warning: %1 %2": "Срок реакции на исходе: %1 %2",
    "Search: number, customer, subject (Ctrl+F)": "Поиск: номер, заказчик, тема (Ctrl+F)",
    "Select a ticket in the queue": "Выберите обращение в очереди",
    "Separate agreement": "Отдельная договорённость",
    "Service": "Услуга",
    "Severity": "Критичность",
    "Severity…": "Критичность…",
    "Shown %1 of %2": "Показано %1 из %2",
    "Specialist": "Специалист",
    "Status": "Статус",
    "Subject": "Тема",
    "Take": "Взять себе",
    "The severity changes only with the customer's agreement (R2.2).": "Критичность меняется только с согласия заказчика (R2.2).",
    "Unassigned": "Без исполнителя",
    "Visits": "Выезды",
    "Visit…": "Выезд…",
    "Warning": "На исходе",
    "breached": "с нарушением срока",
    "contract %1, %2, valid to %3": "договор %1, %2, действует до %3",
    "late by %1": "опоздание %1",
    "met": "в срок",
    "met, %1 used": "в срок, затрачено %1",
    "no active contract": "нет действующего договора",
    "no active contract on file": "действующего договора нет",
    "non-working time": "нерабочее время",
    "overdue %1": "просрочено на %1",
    "until %1": "до %1",
    "working time": "рабочее время",
}


def fill_ts(path: Path) -> list[str]:
    """Write the Russian texts into the .ts; return the sources that still lack one."""
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        text = RU.get(source)
        if text:
            translation.text = text
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    ts = Path(__file__).with_name("centaur_ru.ts")
    left = fill_ts(ts)
    print("\n".join(left) or "all strings translated")
    sys.exit(1 if left else 0)
