"""Messages of the ticket services (domain errors and confirmations), Russian and English."""

from __future__ import annotations

from app.domain import messages

messages.register(
    {
        "auth.failed": {
            "ru": "Неверный логин или пароль.",
            "en": "Wrong login or password.",
        },
        "perm.denied": {
            "ru": "Недостаточно прав для действия «{action}».",
            "en": "You are not allowed to {action}.",
        },
        "perm.assign": {
            "ru": "Назначать и переназначать обращения может только руководитель группы (R7).",
            "en": "Only a team lead can assign or reassign tickets (R7).",
        },
        "perm.not_yours": {
            "ru": "Обращение {reg_number} назначено другому специалисту; изменить его может "
            "исполнитель или руководитель группы (R7).",
            "en": "Ticket {reg_number} is assigned to another specialist; only the assignee or "
            "a team lead can change it (R7).",
        },
        "notfound.ticket": {"ru": "Обращение не найдено.", "en": "The ticket does not exist."},
        "notfound.customer": {
            "ru": "Заказчик не найден: выберите организацию из справочника.",
            "en": "Unknown customer: pick an organisation from the directory.",
        },
        "notfound.contact": {
            "ru": "Контакт не относится к выбранной организации.",
            "en": "The contact does not belong to the chosen organisation.",
        },
        "notfound.visit": {"ru": "Выезд не найден.", "en": "The visit does not exist."},
        "notfound.contract": {"ru": "Договор не найден.", "en": "The contract does not exist."},
        "notfound.user": {"ru": "Сотрудник не найден.", "en": "Unknown staff member."},
        "user.inactive": {
            "ru": "Сотрудник {name} отключён.",
            "en": "Staff member {name} is deactivated.",
        },
        "conflict.ticket": {
            "ru": "Обращение {reg_number} уже изменил(а) {who} в {when}. "
            "Обновите карточку: ваши несохранённые данные останутся в форме.",
            "en": "Ticket {reg_number} was changed by {who} at {when}. "
            "Reload it: what you typed stays in the form.",
        },
        "ticket.version_too_long": {
            "ru": "Версия продукта длиннее {max} символов.",
            "en": "The product version is longer than {max} characters.",
        },
        "ticket.subject_too_long": {
            "ru": "Тема длиннее {max} символов.",
            "en": "The subject is longer than {max} characters.",
        },
        "ticket.description_too_long": {
            "ru": "Описание длиннее {max} символов ({length}).",
            "en": "The description is longer than {max} characters ({length}).",
        },
        "ticket.received_in_future": {
            "ru": "Время получения {at} ещё не наступило.",
            "en": "The received time {at} is in the future.",
        },
        "ticket.received_reason": {
            "ru": "Время получения раньше текущего: укажите причину (например, "
            "«звонок принят на резервный номер»).",
            "en": "The received time is earlier than now: give the reason.",
        },
        "ticket.already_notified": {
            "ru": "Заказчик уже уведомлён о регистрации {reg_number} ({at}).",
            "en": "The customer was already notified of {reg_number} ({at}).",
        },
        "ticket.closed": {
            "ru": "Обращение {reg_number} закрыто: изменения невозможны.",
            "en": "Ticket {reg_number} is closed: it cannot be changed.",
        },
        "ticket.bad_status": {
            "ru": "Нельзя перевести обращение из статуса «{old}» в «{new}».",
            "en": "A ticket cannot go from “{old}” to “{new}”.",
        },
        "ticket.same_severity": {
            "ru": "Критичность уже «{severity}».",
            "en": "The severity is already {severity}.",
        },
        "ticket.notify_before_received": {
            "ru": "Время уведомления раньше времени получения обращения.",
            "en": "The notification time is earlier than the received time.",
        },
        "severity.agreement_required": {
            "ru": "Критичность меняется только с согласия заказчика: укажите, кто согласовал, "
            "когда и по какому каналу (R2.2).",
            "en": "Severity changes only with the customer's agreement: record who agreed, "
            "when and by which channel (R2.2).",
        },
        "severity.agreement_in_future": {
            "ru": "Время согласования ещё не наступило.",
            "en": "The agreement time is in the future.",
        },
        "package.no_extended_contract": {
            "ru": "У организации нет действующего договора с пакетом «Расширенный»: "
            "обращение обслуживается по пакету «Базовый» (R5).",
            "en": "The organisation has no active EXTENDED contract: the request is served "
            "as BASIC (R5).",
        },
        "package.unconfirmed": {
            "ru": "Заявлен пакет «Расширенный», договор есть, но не подтверждён: до "
            "подтверждения — «Базовый» (R5).",
            "en": "EXTENDED is claimed and on file but not confirmed: BASIC until confirmed (R5).",
        },
        "package.as_claimed": {
            "ru": "Пакет подтверждён договором.",
            "en": "The package is confirmed by the contract.",
        },
        "package.basic_claimed": {
            "ru": "Заявлен пакет «Базовый».",
            "en": "BASIC is claimed.",
        },
        "package.already_extended": {
            "ru": "Обращение уже обслуживается по пакету «Расширенный».",
            "en": "The ticket is already served as EXTENDED.",
        },
        "version.outdated": {
            "ru": "Версия {version} устарела (актуальная {current}): предоставляются известные "
            "решения и исправления или рекомендация обновиться (R6.2).",
            "en": "Version {version} is outdated (current {current}): known solutions and fixes "
            "or an upgrade recommendation (R6.2).",
        },
        "version.current": {
            "ru": "Версия {version} актуальна.",
            "en": "Version {version} is current.",
        },
        "closing.justification_required": {
            "ru": "Отказ в обслуживании требует обоснования (R6.3, R6.4, R1.1).",
            "en": "A refusal needs a justification (R6.3, R6.4, R1.1).",
        },
        "visit.basic": {
            "ru": "Выезд специалиста (S11) доступен только по пакету «Расширенный» (R1.3).",
            "en": "On-site visits (S11) are for EXTENDED customers only (R1.3).",
        },
        "visit.limit": {
            "ru": "Лимит выездов по инциденту исчерпан: {limit} по договору (R1.3).",
            "en": "The contract's visit limit per incident is used up: {limit} (R1.3).",
        },
        "visit.city_agreement": {
            "ru": "Город «{city}» вне городов присутствия ({cities}): нужна отдельная "
            "договорённость, запишите её (R1.3).",
            "en": "{city} is outside the cities of presence ({cities}): record the separate "
            "agreement (R1.3).",
        },
        "visit.not_working_day": {
            "ru": "{day} — нерабочий день: выезд возможен в рабочий день 9:00–17:00 (R1.3).",
            "en": "{day} is not a working day: visits are on working days 9:00–17:00 (R1.3).",
        },
        "visit.bad_state": {
            "ru": "Выезд в состоянии «{state}»: действие невозможно.",
            "en": "The visit is “{state}”: not possible now.",
        },
        "done.registered": {
            "ru": "Обращение {reg_number} зарегистрировано, срок реакции {deadline}.",
            "en": "Ticket {reg_number} registered, reaction due {deadline}.",
        },
        "done.notified": {
            "ru": "Заказчик уведомлён о {reg_number}: {result}.",
            "en": "Customer notified of {reg_number}: {result}.",
        },
        "done.saved": {"ru": "Сохранено.", "en": "Saved."},
        "reaction.met": {"ru": "реакция в срок", "en": "reaction in time"},
        "reaction.breached": {"ru": "реакция с нарушением срока", "en": "reaction late"},
    }
)

messages.register(
    {
        "organisation.duplicate_inn": {
            "ru": "Организация с ИНН {inn} уже есть в справочнике.",
            "en": "An organisation with INN {inn} already exists.",
        },
    }
)

messages.register(
    {
        "notice.body": {
            "ru": "Здравствуйте{greeting_sep}{greeting}!\n\n"
            "Ваше обращение «{subject}» зарегистрировано в системе учёта инцидентов "
            "технической поддержки VoIP платформы «Центавр» под номером {reg_number}.\n"
            "Критичность: {severity}. Пакет поддержки: {package}.\n\n"
            "Что дальше: специалист изучит обращение и свяжется с вами. При переписке "
            "указывайте номер {reg_number} в теме письма. Если нам понадобятся дополнительные "
            "сведения, мы запросим их отдельно.",
            "en": "Hello{greeting_sep}{greeting}!\n\n"
            "Your request “{subject}” has been registered in the incident system of the "
            "Centaur VoIP platform support service under number {reg_number}.\n"
            "Severity: {severity}. Support package: {package}.\n\n"
            "Next: a specialist will study the request and contact you. Please quote "
            "{reg_number} in the subject of your messages. If we need more information, "
            "we will ask for it separately.",
        },
        "notice.package_differs": {
            "ru": "Вы указали пакет «{claimed}», но действующий договор с этим пакетом не "
            "подтверждён, поэтому обращение обслуживается по пакету «{package}». Пришлите "
            "реквизиты договора — после подтверждения пакет будет изменён.",
            "en": "You stated the {claimed} package, but no active contract with it is "
            "confirmed, so the request is served as {package}. Send us the contract details "
            "and we will change the package once it is confirmed.",
        },
        "notice.signature": {
            "ru": "С уважением,\nслужба технической поддержки ООО «Центр-Сервис»",
            "en": "Kind regards,\nCentr-Service support team",
        },
    }
)

messages.register(
    {
        "history.deadline_rederived": {
            "ru": "Срок реакции пересчитан по изменённому календарю",
            "en": "Reaction deadline re-derived from the changed calendar",
        },
    }
)
