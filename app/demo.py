"""Realistic Russian demo data, produced through the real use cases.

A :class:`FixedClock` walks through the past weeks and every ticket is registered, notified,
escalated and closed by the same ``Desk`` calls the operators use, so the demo exercises the
product's rules (deadlines, history, reaction results) instead of bypassing them. The same seed
gives the same data relative to "now".
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.db import migrate
from app.db.clock import DatabaseClock, FixedClock
from app.db.engine import Database, open_database
from app.db.models import Installation, Ticket
from app.domain.enums import Channel, ClosingReason, Package, Role, Service, Severity, TicketStatus
from app.domain.errors import DomainError
from app.services.desk import Desk
from app.services.dto import Actor, Agreement, IntakeForm
from app.services.users import create_user_unchecked

DEMO_PASSWORD = "demo12345"
MSK = ZoneInfo("Europe/Moscow")
PRESENCE_CITIES = ("Казань", "Набережные Челны", "Москва")

STAFF = (
    ("admin", "Гарипов Ильдар Ринатович", Role.ADMIN),
    ("lead.sokolova", "Соколова Анна Викторовна", Role.TEAM_LEAD),
    ("lead.hairullin", "Хайруллин Марат Ильдусович", Role.TEAM_LEAD),
    ("op.petrov", "Петров Дмитрий Сергеевич", Role.OPERATOR),
    ("op.valieva", "Валиева Алсу Рамилевна", Role.OPERATOR),
    ("op.kuznetsov", "Кузнецов Артём Андреевич", Role.OPERATOR),
    ("op.nikitina", "Никитина Екатерина Олеговна", Role.OPERATOR),
    ("op.zakirov", "Закиров Тимур Айдарович", Role.OPERATOR),
)

ORG_KINDS = ("ООО", "АО", "ПАО", "ГБУЗ", "МУП", "ГАУ", "ООО", "ООО")
ORG_NAMES = (
    "Телеком-Сервис",
    "Казанские сети связи",
    "Волга-Телеком",
    "Татнефтехим",
    "Камский завод ЖБИ",
    "Республиканская клиническая больница",
    "Водоканал",
    "Центр занятости населения",
    "Медтехника",
    "Поволжская логистика",
    "Агрохолдинг Заречье",
    "Банк Приволжье",
    "Строительный трест №3",
    "Университетская клиника",
    "Горэлектросеть",
    "Тепловые сети",
    "Транспортная компания Восток",
    "Фармацевтический дом",
    "Интернет-Решения",
    "Сити-Такси",
    "Гостиничный комплекс Ривьера",
    "Молочный комбинат Зелёный Дол",
    "Технопарк Идея",
    "Аэропорт Бегишево",
    "Страховой дом Защита",
    "Управляющая компания Уют",
    "Колл-центр Диалог",
    "Завод электроники Элекон",
    "Региональный оператор ТКО",
    "Детская республиканская больница",
    "Стоматология Дента-Плюс",
    "ИТ-Парк Сервис",
)
CITIES = (
    "Казань",
    "Казань",
    "Набережные Челны",
    "Москва",
    "Альметьевск",
    "Нижнекамск",
    "Уфа",
    "Самара",
    "Чебоксары",
    "Елабуга",
)
AREA = {
    "Казань": "843",
    "Набережные Челны": "8552",
    "Москва": "495",
    "Альметьевск": "8553",
    "Нижнекамск": "8555",
    "Уфа": "347",
    "Самара": "846",
    "Чебоксары": "8352",
    "Елабуга": "85557",
}
FIRST_MALE = ("Алексей", "Рустем", "Сергей", "Игорь", "Айрат", "Павел", "Виктор", "Руслан")
FIRST_FEMALE = ("Марина", "Ольга", "Гульнара", "Елена", "Наталья", "Лилия", "Светлана", "Юлия")
LAST = (
    "Иванов",
    "Смирнов",
    "Галиев",
    "Морозов",
    "Волков",
    "Сафин",
    "Лебедев",
    "Козлов",
    "Шарипов",
    "Фёдоров",
    "Белов",
    "Миннуллин",
    "Орлов",
    "Зайцев",
    "Ахметов",
    "Егоров",
)
TRANSLIT = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ё": "e",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "й": "y",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "h",
        "ц": "c",
        "ч": "ch",
        "ш": "sh",
        "щ": "sch",
        "ъ": "",
        "ы": "y",
        "ь": "",
        "э": "e",
        "ю": "yu",
        "я": "ya",
    }
)
VERSIONS = ("3.4.2", "3.4.1", "3.3.0", "3.2.5", "2.9.8")

# (subject, description, severity, service)
PROBLEMS = (
    (
        "Не работают входящие вызовы",
        "С утра не проходят входящие звонки на все номера "
        "многоканального телефона, абоненты слышат короткие гудки.",
        Severity.CRITICAL,
        Service.S6,
    ),
    (
        "Платформа не запускается после перезагрузки сервера",
        "После плановой перезагрузки сервис не стартует, в журнале ошибка подключения к базе.",
        Severity.CRITICAL,
        Service.S5,
    ),
    (
        "Пропадает звук в одну сторону",
        "При звонках на мобильные номера часть абонентов не слышит оператора. Подозреваем NAT.",
        Severity.MEDIUM,
        Service.S5,
    ),
    (
        "Очередь колл-центра не распределяет вызовы",
        "Вызовы висят в очереди, хотя операторы свободны.",
        Severity.MEDIUM,
        Service.S7,
    ),
    (
        "Не записываются разговоры",
        "С прошлой недели в архиве нет записей разговоров отдела продаж.",
        Severity.MEDIUM,
        Service.S5,
    ),
    (
        "Вопрос по настройке IVR",
        "Просим рекомендации по настройке голосового меню в нерабочее время.",
        Severity.LOW,
        Service.S3,
    ),
    (
        "Как обновиться на новую версию",
        "Просим прислать дистрибутив и порядок обновления.",
        Severity.LOW,
        Service.S4,
    ),
    (
        "Просим выполнить удалённое обновление",
        "Нужна помощь специалистов с обновлением на актуальную версию в ночное окно.",
        Severity.LOW,
        Service.S9,
    ),
    (
        "Рекомендации по тонкой настройке под нашу сеть",
        "Хотим оптимизировать кодеки и маршрутизацию между филиалами.",
        Severity.LOW,
        Service.S8,
    ),
    (
        "Нужен выезд специалиста",
        "Требуется диагностика на объекте: перестала работать связь в корпусе Б.",
        Severity.MEDIUM,
        Service.S11,
    ),
    (
        "Установка платформы на новый сервер",
        "Просим установить и первично настроить платформу на новом сервере.",
        Severity.LOW,
        Service.INITIAL_SETUP,
    ),
    (
        "Ошибка при выгрузке статистики",
        "Отчёт по пропущенным вызовам выгружается пустым.",
        Severity.LOW,
        Service.S1,
    ),
    (
        "Рекомендации по установке в кластере",
        "Планируем отказоустойчивую установку, нужны рекомендации по документации.",
        Severity.LOW,
        Service.S2,
    ),
    (
        "Периодически рвутся соединения",
        "Раз в 10–15 минут обрываются активные разговоры.",
        Severity.MEDIUM,
        Service.S5,
    ),
    (
        "Полностью недоступен веб-интерфейс",
        "Администраторы не могут войти в веб-консоль, ошибка 502.",
        Severity.CRITICAL,
        Service.S6,
    ),
)


@dataclass(frozen=True)
class DemoSummary:
    organisations: int
    users: int
    tickets: int
    admin_login: str


def _inn(rng: random.Random) -> str:
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    body = "16" + "".join(str(rng.randint(0, 9)) for _ in range(7))
    check = sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11 % 10
    return body + str(check)


def _phone(rng: random.Random, city: str) -> str:
    area = AREA.get(city, "843")
    local_len = 10 - len(area)
    return "+7" + area + "".join(str(rng.randint(0, 9)) for _ in range(local_len))


def _person(rng: random.Random) -> tuple[str, str]:
    last = rng.choice(LAST)
    if rng.random() < 0.5:
        first = rng.choice(FIRST_MALE)
    else:
        first, last = rng.choice(FIRST_FEMALE), last + "а"  # all LAST end in -ов/-ев/-ин
    login = f"{first.lower().translate(TRANSLIT)}.{last.lower().translate(TRANSLIT)}"
    return f"{first} {last}", login


def _received_times(rng: random.Random, now: datetime, count: int) -> list[datetime]:
    """Mostly during working hours over the last five weeks, some at night and at weekends."""
    times = []
    local_now = now.astimezone(MSK)
    for i in range(count):
        # A quarter of the tickets fall within the last two days, so the queue looks alive.
        days_back = rng.uniform(0, 2) if i % 4 == 0 else rng.uniform(0, 35)
        moment = local_now - timedelta(days=days_back)
        if rng.random() < 0.85:
            minute = rng.randint(9 * 60, 17 * 60 - 1)
            moment = moment.replace(hour=minute // 60, minute=minute % 60)
        if moment >= local_now:
            moment = local_now - timedelta(minutes=rng.randint(5, 240))
        times.append(moment.replace(second=rng.randint(0, 59), microsecond=0).astimezone(UTC))
    return sorted(times)


def fill_demo_data(
    db: Database,
    *,
    seed: int = 2026,
    tickets: int = 300,
    organisations: int = 30,
    now: datetime | None = None,
) -> DemoSummary:
    """Fill an empty, migrated database. Refuses a database that already has tickets."""
    rng = random.Random(seed)
    now = now or DatabaseClock(db).now()
    with db.session_factory() as s:
        if s.scalar(select(func.count()).select_from(Ticket)):
            raise DomainError("demo.not_empty")
    clock = FixedClock(now - timedelta(days=60))
    desk = Desk(db, clock)

    staff: dict[str, Actor] = {}
    with db.session_factory.begin() as s:
        for login, name, role in STAFF:
            create_user_unchecked(
                s,
                clock.now(),
                login=login,
                display_name=name,
                role=role,
                password=DEMO_PASSWORD,
                email=f"{login}@c-ser.ru",
            )
    for login, _name, _role in STAFF:
        staff[login] = desk.authenticate(login, DEMO_PASSWORD)
    admin = staff["admin"]
    operators = [a for a in staff.values() if a.role is Role.OPERATOR]
    leads = [a for a in staff.values() if a.role is Role.TEAM_LEAD]

    today = now.astimezone(MSK).date()
    org_ids: list[int] = []
    contact_ids: dict[int, list[int]] = {}
    versions: dict[int, str] = {}
    for i in range(organisations):
        base = ORG_NAMES[i % len(ORG_NAMES)]
        name = f"{ORG_KINDS[i % len(ORG_KINDS)]} «{base}»"
        if i >= len(ORG_NAMES):
            name += f" ({i // len(ORG_NAMES) + 1})"
        city = rng.choice(CITIES)
        org_id = desk.create_organisation(admin, name, city=city, inn=_inn(rng))
        org_ids.append(org_id)
        contact_ids[org_id] = []
        domain = f"{base.lower().translate(TRANSLIT)}".replace(" ", "-").replace("№", "n")
        for _ in range(rng.randint(1, 3)):
            person, login = _person(rng)
            contact_ids[org_id].append(
                desk.create_contact(
                    admin,
                    org_id,
                    person,
                    email=f"{login}@{domain[:20]}.ru",
                    phone=_phone(rng, city),
                )
            )
        extended = rng.random() < 0.45
        expired = rng.random() < 0.2
        start = today - timedelta(days=rng.randint(200, 700))
        end = (
            today - timedelta(days=rng.randint(5, 60))
            if expired
            else (today + timedelta(days=rng.randint(30, 400)))
        )
        desk.create_contract(
            admin,
            org_id,
            Package.EXTENDED if extended else Package.BASIC,
            f"ТП-{start.year}/{100 + i:03d}",
            start,
            end,
            visits_per_incident=rng.choice((1, 2, 3)) if extended else 0,
            personal_specialist_id=rng.choice(operators).user_id if extended else None,
            cities=PRESENCE_CITIES if extended else (),
        )
        versions[org_id] = rng.choice(VERSIONS)
    with db.session_factory.begin() as s:
        for org_id in org_ids:
            s.add(
                Installation(
                    organisation_id=org_id,
                    product_version=versions[org_id],
                    site="Основная площадка",
                )
            )

    registered = 0
    for received in _received_times(rng, now, tickets):
        org_id = rng.choice(org_ids)
        subject, description, severity, service = rng.choice(PROBLEMS)
        operator = rng.choice(operators)
        claimed = Package.EXTENDED if rng.random() < 0.5 else Package.BASIC
        channel = Channel.PHONE if rng.random() < 0.6 else Channel.EMAIL
        clock.set(received + timedelta(minutes=rng.randint(1, 20)))
        form = IntakeForm(
            organisation_id=org_id,
            contact_id=rng.choice(contact_ids[org_id]),
            channel=channel,
            claimed_package=claimed,
            severity=severity,
            requested_service=service,
            subject=subject,
            description=description,
            product_version=versions[org_id],
            received_at=received,
            received_at_reason="Зарегистрировано по журналу звонков",
        )
        try:
            changes = desk.register_request(operator, form)
        except DomainError:
            continue
        registered += 1
        ticket_id = changes.created[0]
        _play_ticket(rng, desk, clock, now, ticket_id, operator, leads, operators)
    return DemoSummary(len(org_ids), len(STAFF), registered, admin.login)


def _version(desk: Desk, ticket_id: int) -> int:
    row = desk.queue_row(ticket_id)
    assert row is not None
    return row.version


def _play_ticket(
    rng: random.Random,
    desk: Desk,
    clock: FixedClock,
    now: datetime,
    ticket_id: int,
    operator: Actor,
    leads: list[Actor],
    operators: list[Actor],
) -> None:
    """Move one ticket through a plausible life, never past the real "now"."""
    wt = desk.working_time()
    detail = desk.ticket(operator, ticket_id)
    row = detail.row
    if row.reaction_deadline is None or row.reaction_target_seconds is None:
        return

    def at_fraction(fraction: float) -> datetime:
        return wt.add(row.received_at, row.reaction_target_seconds * fraction)

    # Severity agreed with the customer to change, before the reaction (R2.2, R3.5).
    if rng.random() < 0.08 and clock.now() < now:
        new = rng.choice([s for s in Severity if s is not row.severity])
        clock.set(min(now, at_fraction(0.1)))
        if clock.now() > row.received_at:
            desk.change_severity(
                operator,
                ticket_id,
                _version(desk, ticket_id),
                new,
                Agreement(detail.contact or "Заказчик", clock.now(), Channel.PHONE),
            )
            row = desk.queue_row(ticket_id) or row
    # Reaction: most in time, some late (R3.6); the most recent ones still waiting, and a few
    # of the last days' forgotten (the breaches a lead must see, not weeks-old noise).
    fraction = rng.choice((0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.3, 2.0))
    notified = at_fraction(fraction) + timedelta(seconds=rng.randint(0, 59))
    forgotten = now - row.received_at < timedelta(days=3) and rng.random() < 0.15
    if notified >= now or forgotten:
        return
    clock.set(notified)
    desk.notify_registration(operator, ticket_id, _version(desk, ticket_id), row.channel)
    # Work and closing.
    step = notified + timedelta(hours=rng.uniform(0.2, 30))
    if step >= now:
        return
    clock.set(step)
    lead = rng.choice(leads)
    assignee = rng.choice(operators)
    current = desk.queue_row(ticket_id)
    assert current is not None
    if current.assignee_id is None:
        desk.assign(lead, [(ticket_id, current.version)], assignee.user_id, "Передано по профилю")
    else:  # R1.4: already with the customer's personal specialist
        assignee = next((a for a in operators if a.user_id == current.assignee_id), assignee)
    desk.set_status(assignee, ticket_id, _version(desk, ticket_id), TicketStatus.IN_PROGRESS)
    roll = rng.random()
    step += timedelta(hours=rng.uniform(1, 72))
    if step >= now:
        return
    clock.set(step)
    if roll < 0.15:
        desk.set_status(
            assignee, ticket_id, _version(desk, ticket_id), TicketStatus.WAITING_CUSTOMER
        )
        desk.add_comment(assignee, ticket_id, "Запрошены журналы сервера и схема сети.")
        return
    if roll < 0.2:
        reason = rng.choice((ClosingReason.MISUSE, ClosingReason.OUT_OF_SCOPE))
        justification = (
            "Платформа установлена на неподдерживаемую ОС (п. «Ограничения»)."
            if reason is ClosingReason.MISUSE
            else "Первоначальная установка не входит в техподдержку (R1.1)."
        )
        desk.close(assignee, ticket_id, _version(desk, ticket_id), reason, justification)
        return
    if roll < 0.55:
        return  # still in progress
    desk.add_comment(assignee, ticket_id, "Проблема устранена, заказчик подтвердил.")
    desk.set_status(assignee, ticket_id, _version(desk, ticket_id), TicketStatus.RESOLVED)
    step += timedelta(hours=rng.uniform(1, 48))
    if step < now and rng.random() < 0.7:
        clock.set(step)
        desk.close(assignee, ticket_id, _version(desk, ticket_id), ClosingReason.RESOLVED, None)


def create_demo_database(
    directory: Path | None = None, *, seed: int = 2026, tickets: int = 300
) -> Database:
    """A fresh throw-away SQLite demo database (``centaur-desk --demo``)."""
    folder = directory or Path(tempfile.mkdtemp(prefix="centaur-demo-"))
    db = open_database(f"sqlite:///{folder / 'demo.db'}")
    migrate.upgrade(db)
    fill_demo_data(db, seed=seed, tickets=tickets)
    return db


def _demo_messages() -> None:
    from app.domain import messages

    messages.register(
        {
            "demo.not_empty": {
                "ru": "В базе уже есть обращения: демо-данные добавляются только в пустую базу.",
                "en": "The database already has tickets: demo data goes only into an empty one.",
            },
        }
    )


_demo_messages()
