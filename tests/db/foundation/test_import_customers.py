"""``import-customers``: a good file imports whole, a broken one imports nothing (R1 contracts)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import Contact, Contract, Organisation
from app.domain.enums import Package
from app.domain.errors import DomainError, ValidationError
from app.importer import import_customers

HEADER = (
    "organisation,city,inn,contact,email,phone,package,contract_number,valid_from,valid_to,"
    "visits_per_incident,cities\n"
)
GOOD = HEADER + (
    "ООО «Ромашка»,Казань,7707083893,Иванов Пётр,ivanov@romashka.ru,8 (843) 567-34-58,"
    "Расширенный,ТП-2026/001,2026-01-01,2026-12-31,2,Казань|Москва\n"
    "ООО «Ромашка»,Казань,7707083893,Смирнова Анна,smirnova@romashka.ru,+7 843 200-00-00,,,,,,\n"
    "АО «Водоканал»,Уфа,,Петров Иван,petrov@vodokanal.ru,,basic,Б-17,2025-03-01,2026-02-28,0,\n"
)


def _counts(db: Database) -> tuple[int, int, int]:
    with db.session_factory() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m)) for m in (Organisation, Contact, Contract)
        )


def test_good_file_imports_everything(db: Database, tmp_path: Path, clock) -> None:
    path = tmp_path / "customers.csv"
    path.write_text(GOOD, encoding="utf-8")
    result = import_customers(db, path, now=clock.now())
    assert (result.organisations_created, result.contacts, result.contracts) == (2, 3, 2)
    assert _counts(db) == (2, 3, 2)
    with db.session_factory() as s:
        contract = s.scalar(select(Contract).where(Contract.number == "ТП-2026/001"))
        assert contract.package is Package.EXTENDED
        assert contract.cities == ["Казань", "Москва"]
        assert contract.valid_to == date(2026, 12, 31)
        phones = set(s.scalars(select(Contact.phone)))
    assert "+78435673458" in phones


def test_broken_file_imports_nothing_and_names_each_bad_line(
    db: Database, tmp_path: Path, clock
) -> None:
    path = tmp_path / "broken.csv"
    path.write_text(
        GOOD
        + "ООО «Лютик»,Казань,,Сидоров,not-an-email,,,,,,,\n"
        + "ООО «Одуванчик»,Казань,,Орлова,,12345,,,,,,\n"
        + "ООО «Астра»,Казань,,,,,basic,A-1,2026-05-01,2026-04-01,0,\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as err:
        import_customers(db, path, now=clock.now())
    text = err.value.message("ru")
    assert "ошибок: 3" in text
    assert "строка 5" in text and "not-an-email" in text
    assert "строка 6" in text and "12345" in text
    assert "строка 7" in text and "раньше даты начала" in text
    assert _counts(db) == (0, 0, 0)


def test_contract_number_already_in_database_rolls_back_whole_file(
    db: Database, tmp_path: Path, clock
) -> None:
    path = tmp_path / "customers.csv"
    path.write_text(GOOD, encoding="utf-8")
    import_customers(db, path, now=clock.now())
    again = tmp_path / "again.csv"
    again.write_text(
        HEADER + "ООО «Новая»,Казань,,,,,basic,НОВ-1,2026-01-01,2026-12-31,0,\n"
        "ООО «Другая»,Казань,,,,,basic,Б-17,2026-01-01,2026-12-31,0,\n",
        encoding="utf-8",
    )
    with pytest.raises(DomainError) as err:
        import_customers(db, again, now=clock.now())
    assert err.value.code == "contract.duplicate_number"
    assert _counts(db) == (2, 3, 2)


def test_missing_required_column(db: Database, tmp_path: Path, clock) -> None:
    path = tmp_path / "x.csv"
    path.write_text("name;city\nООО «Ромашка»;Казань\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        import_customers(db, path, now=clock.now())
    assert err.value.code == "import.columns"
