"""The ticket services against PRODUCT.md R1–R7, each test on SQLite and on PostgreSQL.

The clock is Wednesday 2026-11-25 11:00 Moscow unless a test moves it; ``world`` (conftest) holds
the staff and the three customers: «Ромашка» (active EXTENDED, personal specialist op2, visits in
Казань, 1 visit per incident), «Василёк» (BASIC only) and «Лютик» (EXTENDED contract expired).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from app.db import engine as engine_module
from app.db.engine import open_database
from app.db.models import Comment, SeverityChange, Ticket
from app.domain.enums import (
    Channel,
    ClosingReason,
    OverrideKind,
    Package,
    Service,
    Severity,
    TicketStatus,
    VisitStatus,
)
from app.domain.errors import ConflictError, NotFoundError, PermissionDenied, ValidationError
from app.services import permissions as perm
from app.services.desk import CalendarChange, Desk
from app.services.dto import Agreement
from app.sla.config import DayOverride
from app.sla.working_time import to_us
from tests.db.services.conftest import World, msk

HOUR = 3600


def agreement(world: World, who: str = "Иванов Иван") -> Agreement:
    return Agreement(agreed_by=who, agreed_at=world.clock.now(), channel=Channel.PHONE)


def actions(world: World, ticket_id: int) -> list[tuple[str | None, str]]:
    return [(h.actor, h.action) for h in world.desk.ticket(world.lead, ticket_id).history]


# --- R4: intake search and registration numbers ---------------------------------------------


def test_r4_intake_search_is_case_and_layout_insensitive_prefix(world: World) -> None:
    for query in ("ромашка", "РОМ", "Ром", "hjv", "HJVFIRF"):
        hits = world.desk.search_customers(query)
        assert [h.organisation for h in hits] == ["ООО «Ромашка»"], query
        assert hits[0].contact == "Иванов Иван"
        assert hits[0].package_on_file is Package.EXTENDED
        assert hits[0].contract_number == "EXT-1"


def test_r4_intake_search_does_not_match_inside_words(world: World) -> None:
    assert world.desk.search_customers("машка") == []
    assert world.desk.search_customers("василек")[0].organisation == "АО «Василёк»"  # ё → е


def test_r4_intake_search_by_phone_digits(world: World) -> None:
    for query in ("5673458", "567-34-58", "+7 843 567", "843 567 34"):
        hits = world.desk.search_customers(query)
        assert [(h.organisation, h.phone) for h in hits] == [("ООО «Ромашка»", "+78435673458")]


# Regression: at 3745f7d the national form 8 (843) 567-34-58 found nothing (digits vs E.164).
def test_r4_intake_search_by_phone_in_national_form(world: World) -> None:
    hits = world.desk.search_customers("8 (843) 567-34-58")
    assert [h.organisation for h in hits] == ["ООО «Ромашка»"]


def test_r4_intake_search_by_email(world: World) -> None:
    for query in ("ivanov@romashka.ru", "ivanov@rom", "IVANOV@"):
        hits = world.desk.search_customers(query)
        assert [(h.organisation, h.email) for h in hits] == [
            ("ООО «Ромашка»", "ivanov@romashka.ru")
        ], query


def test_r4_intake_search_expired_contract_has_no_package_on_file(world: World) -> None:
    (hit,) = world.desk.search_customers("Лютик")
    assert hit.package_on_file is None and hit.contract_number is None


def test_r4_intake_search_by_email_with_hyphen(world: World) -> None:
    world.desk.create_contact(
        world.admin, world.ext_org, "Смирнова Анна", email="a-smirnova@romashka.ru"
    )
    hits = world.desk.search_customers("a-smirnova@romashka.ru")
    assert [h.email for h in hits] == ["a-smirnova@romashka.ru"]


def test_r4_3_registration_numbers_are_sequential_and_unique(world: World) -> None:
    ids = [world.register(), world.register(world.basic_org), world.register(actor=world.op2)]
    numbers = [world.row(t).reg_number for t in ids]
    assert numbers == ["CS-2026-000001", "CS-2026-000002", "CS-2026-000003"]
    changes = world.desk.register_request(world.op1, world.form())
    assert "CS-2026-000004" in (changes.message or "")
    assert "зарегистрировано" in (changes.message or "")


def test_r4_3_registration_sequence_restarts_each_year(world: World) -> None:
    world.register()
    world.clock.set(msk(2027, 1, 11, 10))
    assert world.row(world.register()).reg_number == "CS-2027-000001"


# --- R3.4: the deadline at registration --------------------------------------------------


def test_r3_4_deadline_from_received_now(world: World) -> None:
    ext = world.register(severity=Severity.MEDIUM)  # EXTENDED, 4 h
    basic = world.register(world.basic_org, claimed_package=Package.BASIC, severity=Severity.LOW)
    assert world.row(ext).reaction_deadline == msk(2026, 11, 25, 15)
    assert world.row(ext).reaction_target_seconds == 4 * HOUR
    # BASIC LOW 24 h: Wed 6 h + Thu 8 h + Fri 8 h + Mon 2 h
    assert world.row(basic).reaction_deadline == msk(2026, 11, 30, 11)


def test_r3_4_deadline_on_end_of_working_period_is_that_end(world: World) -> None:
    tid = world.register(
        world.basic_org,
        severity=Severity.MEDIUM,  # BASIC: 8 h
        received_at=msk(2026, 11, 25, 9),
        received_at_reason="звонок принят на резервный номер",
    )
    assert world.row(tid).reaction_deadline == msk(2026, 11, 25, 17)


def test_r3_4_received_friday_1659_runs_over_the_weekend(world: World) -> None:
    world.clock.set(msk(2026, 11, 27, 17, 5))
    basic = world.register(
        world.basic_org, severity=Severity.MEDIUM, received_at=msk(2026, 11, 27, 16, 59)
    )
    ext = world.register(severity=Severity.CRITICAL, received_at=msk(2026, 11, 27, 16, 59))
    assert world.row(basic).reaction_deadline == msk(2026, 11, 30, 16, 59)
    assert world.row(ext).reaction_deadline == msk(2026, 11, 30, 9, 59)


def test_r3_4_received_on_saturday_starts_next_working_moment(world: World) -> None:
    world.clock.set(msk(2026, 11, 28, 12))
    tid = world.register(severity=Severity.CRITICAL)  # EXTENDED: 1 h
    assert world.row(tid).reaction_deadline == msk(2026, 11, 30, 10)


def test_r3_4_public_holiday_is_skipped(world: World) -> None:
    world.clock.set(msk(2026, 11, 3, 16))  # Tue; Wed 4 Nov is National Unity Day
    tid = world.register(severity=Severity.MEDIUM)  # EXTENDED: 4 h = 1 h Tue + 3 h Thu
    assert world.row(tid).reaction_deadline == msk(2026, 11, 5, 12)


def test_r3_1_backdated_received_time_needs_a_reason(world: World) -> None:
    earlier = msk(2026, 11, 25, 10)
    with pytest.raises(ValidationError) as exc:
        world.register(received_at=earlier)
    assert "укажите причину" in str(exc.value)
    assert world.tickets() == 0
    tid = world.register(received_at=earlier, received_at_reason="  письмо из спама  ")
    detail = world.desk.ticket(world.op1, tid)
    assert detail.row.received_at == earlier
    assert detail.received_at_reason == "письмо из спама"
    assert detail.row.reaction_deadline == msk(2026, 11, 25, 14)


def test_r3_1_future_received_time_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as exc:
        world.register(
            received_at=world.clock.now() + timedelta(minutes=10), received_at_reason="x"
        )
    assert "ещё не наступило" in exc.value.message()
    assert "is in the future" in exc.value.message("en")
    assert world.tickets() == 0


# --- R5: effective package ---------------------------------------------------------------


def test_r5_extended_claim_without_contract_is_served_as_basic(world: World) -> None:
    form = world.form(world.basic_org, severity=Severity.MEDIUM)
    preview = world.desk.intake_preview(form)
    assert preview.effective_package is Package.BASIC
    assert not preview.package_verdict.ok
    assert "обслуживается по пакету «Базовый»" in preview.package_verdict.text
    assert preview.target_hours == 8
    tid = world.register(world.basic_org, severity=Severity.MEDIUM)
    detail = world.desk.ticket(world.op1, tid)
    assert detail.row.claimed_package is Package.EXTENDED
    assert detail.row.effective_package is Package.BASIC
    assert "package.no_extended_contract" in {f.code for f in detail.flags}
    assert detail.row.reaction_deadline == msk(2026, 11, 26, 11)
    assert "Вы указали пакет «Расширенный»" in world.desk.notice_text(tid)


def test_r5_expired_extended_contract_is_served_as_basic(world: World) -> None:
    preview = world.desk.intake_preview(world.form(world.expired_org))
    assert preview.effective_package is Package.BASIC
    assert preview.personal_specialist is None
    tid = world.register(world.expired_org, severity=Severity.CRITICAL)
    row = world.row(tid)
    assert (row.claimed_package, row.effective_package) == (Package.EXTENDED, Package.BASIC)
    assert row.assignee_id is None  # the expired contract's specialist is not used
    assert row.reaction_target_seconds == 4 * HOUR


def test_r5_active_extended_contract_confirms_the_claim(world: World) -> None:
    preview = world.desk.intake_preview(world.form())
    assert preview.effective_package is Package.EXTENDED and preview.package_verdict.ok
    tid = world.register()
    detail = world.desk.ticket(world.op1, tid)
    assert detail.row.effective_package is Package.EXTENDED
    assert "package.no_extended_contract" not in {f.code for f in detail.flags}


def test_r5_r3_5_confirm_package_after_contract_added_recomputes_deadline(world: World) -> None:
    tid = world.register(world.basic_org, severity=Severity.MEDIUM)
    assert world.row(tid).reaction_deadline == msk(2026, 11, 26, 11)  # BASIC 8 h
    # not offered while it would be refused
    assert perm.CONFIRM_PACKAGE not in world.desk.ticket(world.op1, tid).allowed_actions
    with pytest.raises(ValidationError) as exc:
        world.desk.confirm_package(world.op1, tid, world.version(tid))
    assert "нет действующего договора" in str(exc.value)
    world.desk.create_contract(
        world.admin,
        world.basic_org,
        Package.EXTENDED,
        "EXT-2",
        date(2026, 11, 1),
        date(2027, 10, 31),
    )
    world.clock.advance(hours=1)
    assert perm.CONFIRM_PACKAGE in world.desk.ticket(world.op1, tid).allowed_actions
    changes = world.desk.confirm_package(world.op1, tid, world.version(tid))
    assert changes.sla_changed
    row = world.row(tid)
    assert row.effective_package is Package.EXTENDED
    # recomputed from the original received time (11:00) with the EXTENDED target (4 h)
    assert row.reaction_deadline == msk(2026, 11, 25, 15)
    assert row.reaction_target_seconds == 4 * HOUR
    detail = world.desk.ticket(world.op1, tid)
    assert "package.no_extended_contract" not in {f.code for f in detail.flags}
    assert detail.history[-1].action == "package_confirmed"
    assert (
        perm.CONFIRM_PACKAGE not in detail.allowed_actions and perm.VISIT in detail.allowed_actions
    )
    with pytest.raises(ValidationError):
        world.desk.confirm_package(world.op1, tid, world.version(tid))


# --- R1: entitlements -------------------------------------------------------------------


def test_r1_1_initial_setup_is_flagged_out_of_scope(world: World) -> None:
    form = world.form(requested_service=Service.INITIAL_SETUP)
    verdict = world.desk.intake_preview(form).entitlement
    assert not verdict.ok and verdict.code == "entitlement.initial_setup"
    assert "приобретаются отдельно" in verdict.text
    tid = world.register(requested_service=Service.INITIAL_SETUP)  # flagged, not refused
    flags = world.desk.ticket(world.op1, tid).flags
    assert any(f.code == "entitlement.initial_setup" and not f.ok for f in flags)


def test_r1_2_service_not_covered_by_effective_package_is_flagged(world: World) -> None:
    basic = world.form(world.basic_org, requested_service=Service.S7)
    verdict = world.desk.intake_preview(basic).entitlement
    assert not verdict.ok and verdict.code == "entitlement.not_covered"
    assert "нужен пакет «Расширенный»" in verdict.text
    tid = world.register(world.basic_org, requested_service=Service.S7)
    flags = world.desk.ticket(world.op1, tid).flags
    assert any(f.code == "entitlement.not_covered" and not f.ok for f in flags)
    covered = world.desk.intake_preview(world.form(requested_service=Service.S7)).entitlement
    assert covered.ok and covered.code == "entitlement.covered"


# --- R6.2: product version --------------------------------------------------------------


def test_r6_2_outdated_version_is_flagged(world: World) -> None:
    verdict = world.desk.intake_preview(world.form(product_version="3.3.0")).version_verdict
    assert verdict is not None and not verdict.ok and verdict.code == "version.outdated"
    assert "устарела (актуальная 3.4.2)" in verdict.text
    tid = world.register(product_version="3.3.0")
    detail = world.desk.ticket(world.op1, tid)
    assert detail.product_version == "3.3.0"
    assert any(f.code == "version.outdated" for f in detail.flags)
    for current in ("3.4.2", "3.10.0"):
        verdict = world.desk.intake_preview(world.form(product_version=current)).version_verdict
        assert verdict is not None and verdict.ok, current
    assert world.desk.intake_preview(world.form()).version_verdict is None


# Regression: at 3745f7d 'v3.4.1' was not flagged and '3.4.2 (сборка 15)' was flagged outdated.
@pytest.mark.parametrize(("version", "outdated"), [("v3.4.1", True), ("3.4.2 (сборка 15)", False)])
def test_r6_2_version_with_prefix_or_build_suffix(
    world: World, version: str, outdated: bool
) -> None:
    verdict = world.desk.intake_preview(world.form(product_version=version)).version_verdict
    assert verdict is not None and verdict.ok is not outdated


# --- R1.4: personal specialist --------------------------------------------------------------


def test_r1_4_extended_ticket_goes_to_personal_specialist(world: World) -> None:
    assert world.desk.intake_preview(world.form()).personal_specialist == "Второва Ольга"
    tid = world.register()
    row = world.row(tid)
    assert (row.assignee_id, row.assignee) == (world.op2.user_id, "Второва Ольга")
    assert world.row(world.register(world.basic_org)).assignee_id is None


# --- R3.1 / R3.6: notification ---------------------------------------------------------------


def test_r3_1_r3_6_notify_in_time_records_met_and_working_time(world: World) -> None:
    tid = world.register(severity=Severity.MEDIUM)  # deadline 15:00
    world.clock.advance(hours=2)
    changes = world.desk.notify_registration(world.op1, tid, world.version(tid), Channel.EMAIL)
    assert "реакция в срок" in (changes.message or "")
    detail = world.desk.ticket(world.op1, tid)
    assert detail.row.notified_at == msk(2026, 11, 25, 13)
    assert detail.row.reaction_met is True
    assert detail.reaction_working_seconds == 2 * HOUR
    assert detail.notification_channel is Channel.EMAIL
    assert perm.NOTIFY not in detail.allowed_actions


def test_r3_1_register_and_notify_in_one_step(world: World) -> None:
    changes = world.desk.register_request(world.op1, world.form(), notify_channel=Channel.PHONE)
    (tid,) = changes.created
    assert "зарегистрировано" in (changes.message or "")
    assert "реакция в срок" in (changes.message or "")
    detail = world.desk.ticket(world.op1, tid)
    assert detail.row.notified_at == world.clock.now()
    assert detail.row.reaction_met is True and detail.reaction_working_seconds == 0
    assert detail.notification_channel is Channel.PHONE
    assert [h.action for h in detail.history] == ["registered", "notified"]


def test_r3_6_queue_instants_are_exact_to_the_microsecond(world: World) -> None:
    """The queue reads instants as integer µs computed in the database (epoch_us); they must be
    the very instants stored, on both back ends, at both ends of a second."""
    for micro in (0, 1, 999_999):
        world.clock.set(msk(2026, 11, 25, 12) + timedelta(microseconds=micro))
        received = msk(2026, 11, 25, 9, 30) + timedelta(microseconds=micro)
        tid = world.register(received_at=received, received_at_reason="звонок на резервный")
        world.clock.advance(minutes=7)
        world.desk.notify_registration(world.op1, tid, world.version(tid), Channel.PHONE)
        row = world.row(tid)
        with world.desk.db.session_factory() as s:
            stored = s.get(Ticket, tid)
            assert stored is not None
            expected = (stored.received_at, stored.reaction_deadline, stored.notified_at)
        assert row.received_at == received == expected[0]
        assert (row.reaction_deadline, row.notified_at) == expected[1:]
        assert row.notified_at == msk(2026, 11, 25, 12, 7) + timedelta(microseconds=micro)
        assert row.received_us == to_us(received)


def test_r3_6_late_notify_records_breach_and_second_notify_is_refused(world: World) -> None:
    tid = world.register(world.basic_org, severity=Severity.CRITICAL)  # BASIC 4 h → 15:00
    world.clock.set(msk(2026, 11, 26, 10))
    world.desk.notify_registration(world.op1, tid, world.version(tid), Channel.PHONE)
    detail = world.desk.ticket(world.op1, tid)
    assert detail.row.reaction_met is False
    assert detail.reaction_working_seconds == 7 * HOUR  # Wed 11–17 + Thu 9–10
    history = world.history_count(tid)
    with pytest.raises(ValidationError) as exc:
        world.desk.notify_registration(world.op2, tid, world.version(tid), Channel.EMAIL)
    assert "уже уведомлён" in str(exc.value)
    assert world.history_count(tid) == history
    assert world.desk.ticket(world.op1, tid).notification_channel is Channel.PHONE


# --- R2.2 / R3.5: severity -------------------------------------------------------------------


def test_r2_2_severity_change_without_agreement_is_refused_and_nothing_written(
    world: World,
) -> None:
    tid = world.register(severity=Severity.MEDIUM)
    version, history = world.version(tid), world.history_count()
    empty = Agreement(agreed_by="   ", agreed_at=world.clock.now(), channel=Channel.PHONE)
    for agreed in (None, empty):
        with pytest.raises(ValidationError) as exc:
            world.desk.change_severity(world.op1, tid, version, Severity.CRITICAL, agreed)
        assert "только с согласия заказчика" in str(exc.value)
    assert world.history_count() == history
    assert world.count(SeverityChange) == 0
    row = world.row(tid)
    assert (row.severity, row.version) == (Severity.MEDIUM, version)


def test_r2_2_r3_5_severity_change_before_reaction_recomputes_deadline(world: World) -> None:
    tid = world.register(severity=Severity.MEDIUM)  # EXTENDED 4 h → 15:00
    world.clock.advance(minutes=30)
    changes = world.desk.change_severity(
        world.op1, tid, world.version(tid), Severity.CRITICAL, agreement(world)
    )
    assert changes.sla_changed
    row = world.row(tid)
    assert row.severity is Severity.CRITICAL
    assert row.reaction_deadline == msk(2026, 11, 25, 12)  # from the original 11:00, 1 h
    assert row.reaction_target_seconds == HOUR
    last = world.desk.ticket(world.op1, tid).history[-1]
    assert (last.action, last.actor) == ("severity_changed", "Первов Олег")
    assert world.count(SeverityChange) == 1
    with pytest.raises(ValidationError) as exc:
        world.desk.change_severity(
            world.op1, tid, world.version(tid), Severity.CRITICAL, agreement(world)
        )
    assert "Критичность уже" in str(exc.value)


def test_r2_2_r3_5_severity_change_after_reaction_keeps_result(world: World) -> None:
    tid = world.register(severity=Severity.MEDIUM)  # → 15:00
    world.clock.advance(hours=3)  # 14:00: met
    world.desk.notify_registration(world.op1, tid, world.version(tid), Channel.PHONE)
    changes = world.desk.change_severity(
        world.op1, tid, world.version(tid), Severity.CRITICAL, agreement(world)
    )
    assert not changes.sla_changed
    detail = world.desk.ticket(world.op1, tid)
    assert detail.row.severity is Severity.CRITICAL
    assert detail.row.reaction_deadline == msk(2026, 11, 25, 15)
    assert detail.row.reaction_met is True
    assert detail.reaction_working_seconds == 3 * HOUR


def test_r2_2_agreement_in_future_is_refused(world: World) -> None:
    tid = world.register()
    future = Agreement("Иванов", world.clock.now() + timedelta(hours=1), Channel.EMAIL)
    with pytest.raises(ValidationError):
        world.desk.change_severity(world.op1, tid, world.version(tid), Severity.LOW, future)


# --- R6.3 / R6.4 / R1.1: refusals ------------------------------------------------------------


def test_r6_3_r6_4_r1_1_refusal_needs_justification(world: World) -> None:
    for reason in (ClosingReason.MISUSE, ClosingReason.ETIQUETTE, ClosingReason.OUT_OF_SCOPE):
        tid = world.register(world.basic_org)
        version = world.version(tid)
        for blank in (None, "  "):
            with pytest.raises(ValidationError) as exc:
                world.desk.close(world.op1, tid, version, reason, blank)
            assert "требует обоснования" in str(exc.value)
        assert world.row(tid).status is TicketStatus.REGISTERED
        world.desk.close(world.op1, tid, version, reason, "Нарушение регламента эксплуатации")
        detail = world.desk.ticket(world.op1, tid)
        assert detail.row.status is TicketStatus.REFUSED
        assert detail.closing_reason is reason
        assert detail.closing_justification == "Нарушение регламента эксплуатации"


def test_r6_close_resolved_needs_no_justification_and_closed_is_final(world: World) -> None:
    tid = world.register(world.basic_org)
    world.desk.close(world.op1, tid, world.version(tid), ClosingReason.RESOLVED, None)
    assert world.row(tid).status is TicketStatus.CLOSED
    with pytest.raises(ValidationError) as exc:
        world.desk.set_status(world.op1, tid, world.version(tid), TicketStatus.IN_PROGRESS)
    assert "закрыто" in str(exc.value)


# --- status transitions -----------------------------------------------------------------


def test_r7_status_transitions(world: World) -> None:
    tid = world.register(world.basic_org)
    with pytest.raises(ValidationError) as exc:
        world.desk.set_status(world.op1, tid, world.version(tid), TicketStatus.RESOLVED)
    assert "Нельзя перевести обращение" in str(exc.value)
    with pytest.raises(ValidationError):
        world.desk.set_status(world.op1, tid, world.version(tid), TicketStatus.CLOSED)
    world.desk.set_status(world.op1, tid, world.version(tid), TicketStatus.IN_PROGRESS)
    row = world.row(tid)
    assert row.status is TicketStatus.IN_PROGRESS
    assert row.assignee_id == world.op1.user_id  # whoever starts the work owns it
    for status in (TicketStatus.WAITING_CUSTOMER, TicketStatus.RESOLVED, TicketStatus.IN_PROGRESS):
        world.desk.set_status(world.op1, tid, world.version(tid), status)
        assert world.row(tid).status is status


# --- R1.3: on-site visits -----------------------------------------------------------------


def test_r1_3_visit_for_basic_is_refused(world: World) -> None:
    tid = world.register(world.basic_org)
    with pytest.raises(ValidationError) as exc:
        world.desk.request_visit(world.op1, tid, "Уфа")
    assert "только по пакету «Расширенный»" in str(exc.value)
    expired = world.register(world.expired_org)
    with pytest.raises(ValidationError):
        world.desk.request_visit(world.op1, expired, "Казань")


def test_r1_3_visit_limit_per_incident(world: World) -> None:
    tid = world.register(requested_service=Service.S11)
    first = world.desk.request_visit(world.op2, tid, "казань", address="ул. Баумана, 1")
    with pytest.raises(ValidationError) as exc:
        world.desk.request_visit(world.op2, tid, "Казань")
    assert "Лимит выездов по инциденту исчерпан: 1" in str(exc.value)
    world.desk.finish_visit(world.op2, first, done=False, note="перенос")  # cancelled: not counted
    world.desk.request_visit(world.op2, tid, "Казань")
    visits = world.desk.ticket(world.op2, tid).visits
    assert [v.status for v in visits] == [VisitStatus.CANCELLED, VisitStatus.REQUESTED]


def test_r1_3_visit_outside_cities_needs_recorded_agreement(world: World) -> None:
    tid = world.register()
    with pytest.raises(ValidationError) as exc:
        world.desk.request_visit(world.op2, tid, "Уфа")
    assert "вне городов присутствия (Казань)" in str(exc.value)
    assert world.desk.ticket(world.op2, tid).visits == ()
    world.desk.request_visit(
        world.op2, tid, "Уфа", outside_presence_agreement="Письмо директора от 24.11"
    )
    (visit,) = world.desk.ticket(world.op2, tid).visits
    assert (visit.city, visit.outside_presence_agreement) == ("Уфа", "Письмо директора от 24.11")


def test_r1_3_agree_visit_only_on_a_working_day(world: World) -> None:
    tid = world.register()
    vid = world.desk.request_visit(world.op2, tid, "Казань")
    for day in (date(2026, 11, 28), date(2026, 11, 4)):  # Saturday; National Unity Day
        with pytest.raises(ValidationError) as exc:
            world.desk.agree_visit(world.op2, vid, day)
        assert "нерабочий день" in str(exc.value)
    world.desk.agree_visit(world.op2, vid, date(2026, 11, 30))
    (visit,) = world.desk.ticket(world.op2, tid).visits
    assert (visit.status, visit.agreed_date) == (VisitStatus.AGREED, date(2026, 11, 30))
    world.desk.finish_visit(world.op2, vid, done=True, note="настроено")
    assert world.desk.ticket(world.op2, tid).visits[0].status is VisitStatus.DONE


# --- R7: roles ---------------------------------------------------------------------------


def test_r7_operator_cannot_assign(world: World) -> None:
    tid = world.register(world.basic_org)
    with pytest.raises(PermissionDenied) as exc:
        world.desk.assign(world.op1, [(tid, world.version(tid))], world.op1.user_id)
    assert "только руководитель группы" in str(exc.value)
    assert world.row(tid).assignee_id is None
    assert perm.ASSIGN not in world.desk.ticket(world.op1, tid).allowed_actions
    assert perm.ASSIGN in world.desk.ticket(world.lead, tid).allowed_actions


def test_r7_operator_takes_unassigned_ticket_but_not_a_foreign_one(world: World) -> None:
    free = world.register(world.basic_org)
    world.desk.take(world.op1, free, world.version(free))
    assert world.row(free).assignee_id == world.op1.user_id
    foreign = world.register()  # assigned to op2 (R1.4)
    with pytest.raises(PermissionDenied):
        world.desk.take(world.op1, foreign, world.version(foreign))
    assert world.row(foreign).assignee_id == world.op2.user_id


def test_r7_operator_cannot_change_status_or_close_foreign_ticket(world: World) -> None:
    tid = world.register()  # assigned to op2
    version = world.version(tid)
    with pytest.raises(PermissionDenied) as exc:
        world.desk.set_status(world.op1, tid, version, TicketStatus.IN_PROGRESS)
    assert "назначено другому специалисту" in str(exc.value)
    assert "CS-2026-000001" in str(exc.value)
    with pytest.raises(PermissionDenied):
        world.desk.close(world.op1, tid, version, ClosingReason.RESOLVED, None)
    allowed = world.desk.ticket(world.op1, tid).allowed_actions
    assert perm.CLOSE not in allowed and perm.SET_STATUS not in allowed
    row = world.row(tid)
    assert (row.status, row.version) == (TicketStatus.REGISTERED, version)
    # the assignee and a team lead may
    world.desk.set_status(world.op2, tid, version, TicketStatus.IN_PROGRESS)
    world.desk.close(world.lead, tid, world.version(tid), ClosingReason.DUPLICATE, None)
    assert world.row(tid).status is TicketStatus.CLOSED


def test_r7_team_lead_reassigns_many_at_once_with_comment(world: World) -> None:
    ids = [world.register(), world.register(), world.register(world.basic_org)]
    items = [(t, world.version(t)) for t in ids]
    changes = world.desk.assign(world.lead, items, world.op1.user_id, "  Отпуск Второвой  ")
    assert changes.ticket_ids == tuple(ids)
    for tid in ids:
        detail = world.desk.ticket(world.lead, tid)
        assert detail.row.assignee_id == world.op1.user_id
        assert [c.body for c in detail.comments] == ["Отпуск Второвой"]
        assert (detail.history[-1].actor, detail.history[-1].action) == ("Лидова Лейла", "assigned")


def test_r7_batch_reassign_is_all_or_nothing(world: World) -> None:
    a, b = world.register(), world.register()
    stale = world.version(b)
    world.desk.set_status(world.op2, b, stale, TicketStatus.IN_PROGRESS)
    history = world.history_count()
    with pytest.raises(ConflictError):
        world.desk.assign(
            world.lead, [(a, world.version(a)), (b, stale)], world.op1.user_id, "перераспределение"
        )
    assert world.row(a).assignee_id == world.op2.user_id
    assert world.row(b).assignee_id == world.op2.user_id
    assert world.history_count() == history
    assert world.count(Comment) == 0


def test_r7_assign_to_unknown_user_is_refused(world: World) -> None:
    tid = world.register()
    with pytest.raises(NotFoundError):
        world.desk.assign(world.lead, [(tid, world.version(tid))], 9999)


def test_r7_workload_per_specialist(world: World) -> None:
    t1 = world.register(severity=Severity.MEDIUM)  # op2, 15:00
    world.register(severity=Severity.CRITICAL)  # op2, 12:00
    t3 = world.register(world.basic_org, severity=Severity.MEDIUM)  # Thu 11:00
    world.desk.take(world.op1, t3, world.version(t3))
    world.clock.advance(hours=2)  # 13:00: the CRITICAL one is breached
    rows = {r.display_name: r for r in world.desk.workload(world.lead)}
    assert set(rows) == {"Лидова Лейла", "Первов Олег", "Второва Ольга"}  # no admin
    op2 = rows["Второва Ольга"]
    assert (op2.open_tickets, op2.breached) == (2, 1)
    assert op2.nearest_deadline == msk(2026, 11, 25, 12)
    op1 = rows["Первов Олег"]
    assert (op1.open_tickets, op1.breached, op1.nearest_deadline) == (
        1,
        0,
        msk(2026, 11, 26, 11),
    )
    assert (rows["Лидова Лейла"].open_tickets, rows["Лидова Лейла"].nearest_deadline) == (0, None)
    world.desk.close(world.op2, t1, world.version(t1), ClosingReason.RESOLVED, None)
    rows = {r.display_name: r for r in world.desk.workload(world.lead)}
    assert rows["Второва Ольга"].open_tickets == 1
    with pytest.raises(PermissionDenied) as exc:
        world.desk.workload(world.op1)
    assert "Недостаточно прав" in str(exc.value)


def test_r7_history_row_for_each_change(world: World) -> None:
    tid = world.register(world.basic_org, severity=Severity.MEDIUM)
    world.desk.take(world.op2, tid, world.version(tid))
    world.desk.change_severity(
        world.op2, tid, world.version(tid), Severity.CRITICAL, agreement(world)
    )
    world.desk.notify_registration(world.op1, tid, world.version(tid), Channel.EMAIL)
    world.desk.add_comment(world.op2, tid, "Запросили логи")
    world.desk.set_status(world.op2, tid, world.version(tid), TicketStatus.IN_PROGRESS)
    world.desk.assign(world.lead, [(tid, world.version(tid))], world.op1.user_id)
    world.desk.close(world.op1, tid, world.version(tid), ClosingReason.RESOLVED, None)
    assert actions(world, tid) == [
        ("Первов Олег", "registered"),
        ("Второва Ольга", "assigned"),
        ("Второва Ольга", "severity_changed"),
        ("Первов Олег", "notified"),
        ("Второва Ольга", "comment"),
        ("Второва Ольга", "status"),
        ("Лидова Лейла", "assigned"),
        ("Первов Олег", "closed"),
    ]
    assert all(h.text for h in world.desk.ticket(world.lead, tid).history)


def test_r7_history_is_insert_only(world: World) -> None:
    world.register()
    for sql in ("UPDATE history SET action = 'x'", "DELETE FROM history"):
        with (
            pytest.raises(sa_exc.DBAPIError, match="insert-only"),
            world.desk.db.engine.begin() as conn,
        ):
            conn.execute(text(sql))
    assert world.history_count() > 0


# --- optimistic locking and atomicity ------------------------------------------------------


def test_r7_stale_save_raises_conflict_naming_who_changed_it(world: World) -> None:
    tid = world.register(world.basic_org, severity=Severity.MEDIUM)
    loaded = world.version(tid)  # both operators have this version on screen
    world.clock.advance(minutes=5)
    world.desk.change_severity(world.op1, tid, loaded, Severity.CRITICAL, agreement(world))
    history = world.history_count(tid)
    with pytest.raises(ConflictError) as exc:
        world.desk.take(world.op2, tid, loaded)
    message = str(exc.value)
    assert "CS-2026-000001" in message and "уже изменил(а) Первов Олег" in message
    assert "25.11.2026 11:05" in message
    assert exc.value.params["version"] == world.version(tid)
    assert world.row(tid).assignee_id is None
    assert world.history_count(tid) == history
    world.desk.take(world.op2, tid, world.version(tid))  # after a reload it works


def test_r4_validation_error_leaves_nothing_written(world: World) -> None:
    history = world.history_count()
    with pytest.raises(ValidationError) as exc:
        world.register(description="я" * 20_001)
    assert "Описание длиннее 20000 символов (20001)" in str(exc.value)
    with pytest.raises(ValidationError):
        world.register(subject="   ")
    with pytest.raises(NotFoundError) as nf:
        world.register(contact_id=world.basic_contact)  # a contact of another organisation
    assert "Контакт не относится" in str(nf.value)
    assert world.tickets() == 0
    assert world.history_count() == history
    # the registration counter did not move either
    assert world.row(world.register(contact_id=world.ext_contact)).reg_number == "CS-2026-000001"


# Regression: at 3745f7d a 40-char version was stored on SQLite and raised DataError on PostgreSQL.
def test_r6_2_overlong_product_version_is_a_validation_error(world: World) -> None:
    with pytest.raises(ValidationError):
        world.register(product_version="3.4.2-" + "x" * 34)
    assert world.tickets() == 0


# --- R3.3: calendar administration ---------------------------------------------------------


def test_r3_3_calendar_day_off_moves_pending_deadlines_only(world: World) -> None:
    pending = world.register(world.basic_org, severity=Severity.MEDIUM)  # → Thu 26 11:00
    notified = world.register(world.basic_org, severity=Severity.LOW)  # → Mon 30 11:00
    world.clock.advance(hours=1)
    world.desk.notify_registration(world.op1, notified, world.version(notified), Channel.PHONE)
    before = world.desk.ticket(world.op1, notified)
    change = CalendarChange(
        add=(DayOverride(date(2026, 11, 26), OverrideKind.DAY_OFF, note="Санитарный день"),)
    )
    with pytest.raises(PermissionDenied):
        world.desk.preview_calendar_change(world.op1, change)
    assert world.desk.preview_calendar_change(world.admin, change) == [pending]
    assert world.row(pending).reaction_deadline == msk(2026, 11, 26, 11)  # preview writes nothing
    changes = world.desk.apply_calendar_change(world.admin, change)
    assert changes.ticket_ids == (pending,)
    assert world.row(pending).reaction_deadline == msk(2026, 11, 27, 11)
    assert actions(world, pending)[-1] == ("Админов Артур", "deadline_rederived")
    after = world.desk.ticket(world.op1, notified)
    assert after.row.reaction_deadline == before.row.reaction_deadline == msk(2026, 11, 30, 11)
    assert after.row.reaction_met is True
    assert after.reaction_working_seconds == before.reaction_working_seconds == HOUR
    assert world.row(notified).version == before.row.version
    # new registrations use the changed calendar
    world.desk.working_time()
    preview = world.desk.intake_preview(world.form(world.basic_org, severity=Severity.MEDIUM))
    assert preview.reaction_deadline == msk(2026, 11, 27, 12)
    assert world.desk.preview_calendar_change(world.admin, change) == []


# --- local mode: a fresh Desk must not wait for its own lock ----------------------------


@pytest.mark.parametrize("first_call", ["intake_preview", "change_severity", "confirm_package"])
def test_r5_fresh_desk_first_use_case_does_not_self_lock(
    world: World, monkeypatch: pytest.MonkeyPatch, first_call: str
) -> None:
    """A new Desk (or one whose calendar was just reloaded by apply_calendar_change) loads the
    calendar lazily. On SQLite every session starts with BEGIN IMMEDIATE, so loading it from a
    second session while the use case's own session is open waits for the busy timeout (10 s)
    and then fails with "database is locked"."""
    # Regression: at 3745f7d all three failed on SQLite with "database is locked" (10 s).
    if world.desk.db.dialect == "sqlite":
        monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 300)  # fail fast
    tid = world.register(world.basic_org, severity=Severity.MEDIUM)
    world.desk.create_contract(
        world.admin,
        world.basic_org,
        Package.EXTENDED,
        "EXT-2",
        date(2026, 1, 1),
        date(2026, 12, 31),
    )
    db = open_database(world.desk.db.url)
    try:
        fresh = Desk(db, world.clock)
        if first_call == "intake_preview":
            preview = fresh.intake_preview(world.form(world.basic_org))
            assert preview.effective_package is Package.EXTENDED
        elif first_call == "change_severity":
            fresh.change_severity(
                world.op1, tid, world.version(tid), Severity.CRITICAL, agreement(world)
            )
            assert world.row(tid).reaction_deadline == msk(2026, 11, 25, 15)
        else:
            fresh.confirm_package(world.op1, tid, world.version(tid))
            assert world.row(tid).effective_package is Package.EXTENDED
    finally:
        db.dispose()


def test_r1_contract_and_contact_edits_are_checked_and_kept_in_history(db, clock) -> None:
    """R1/R5 contracts are edited with the same checks as at creation; R7 history keeps both."""
    from datetime import date

    from sqlalchemy import select

    from app.db.models import Contract, HistoryEntry
    from app.domain.enums import Role
    from app.domain.errors import PermissionDenied, ValidationError
    from app.services.desk import Desk
    from app.services.users import create_user_unchecked

    with db.session_factory.begin() as s:
        create_user_unchecked(
            s,
            clock.now(),
            login="adm",
            display_name="Админ",
            role=Role.ADMIN,
            password="password-1",
        )
        create_user_unchecked(
            s,
            clock.now(),
            login="op",
            display_name="Оператор",
            role=Role.OPERATOR,
            password="password-1",
        )
    desk = Desk(db, clock)
    admin, operator = desk.authenticate("adm", "password-1"), desk.authenticate("op", "password-1")
    org = desk.create_organisation(admin, "ООО «Правка»")
    contact = desk.create_contact(admin, org, "Смирнова Анна", phone="+78432000001")
    contract = desk.create_contract(
        admin, org, Package.BASIC, "П-1", date(2026, 1, 1), date(2026, 12, 31)
    )
    with pytest.raises(ValidationError, match="Дата окончания договора"):
        desk.update_contract(admin, contract, valid_to=date(2025, 1, 1))
    with pytest.raises(PermissionDenied):
        desk.update_contract(operator, contract, package=Package.EXTENDED)
    desk.update_contract(
        admin,
        contract,
        package=Package.EXTENDED,
        valid_to=date(2027, 6, 30),
        personal_specialist_id=operator.user_id,
        cities=("Казань",),
    )
    desk.update_contact(admin, contact, email="a-smirnova@pravka.ru")
    with db.session_factory() as s:
        row = s.get(Contract, contract)
        assert (row.package, row.valid_to, row.cities) == (
            Package.EXTENDED,
            date(2027, 6, 30),
            ["Казань"],
        )
        actions = s.scalars(select(HistoryEntry.action).where(HistoryEntry.action == "updated"))
        assert len(list(actions)) == 2
    hit = desk.search_customers("a-smirnova@pravka")[0]
    assert hit.package_on_file is Package.EXTENDED and hit.contract_valid_to == date(2027, 6, 30)
