"""Contact data validation used by forms and the customer import."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import ValidationError
from app.domain.text import query_variants, search_key
from app.domain.validation import (
    check_contract_period,
    normalise_email,
    normalise_inn,
    normalise_phone,
)


def test_russian_phone_forms_normalise_to_e164() -> None:
    for typed in ("8 (843) 567-34-58", "+7 843 567 34 58", "78435673458"):
        assert normalise_phone(typed) == "+78435673458"


@pytest.mark.parametrize("bad", ["12345", "телефон", "+7 843 567"])
def test_bad_phone_is_named(bad: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalise_phone(bad)
    assert bad in err.value.message("ru")


def test_bad_email_is_named_with_reason() -> None:
    with pytest.raises(ValidationError) as err:
        normalise_email("ivanov@@c-ser")
    assert "ivanov@@c-ser" in err.value.message("ru")


def test_inn_checksum() -> None:
    assert normalise_inn("7707083893") == "7707083893"
    with pytest.raises(ValidationError):
        normalise_inn("7707083894")


def test_contract_end_before_start_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        check_contract_period(date(2026, 5, 1), date(2026, 4, 30))
    assert err.value.code == "contract.period"


def test_search_is_layout_and_case_insensitive() -> None:
    assert search_key("ООО «Ёлка-Телеком»") == "ооо елка телеком"
    assert "ромашка" in query_variants("hjvfirf")  # typed on the wrong keyboard layout
    assert "romashka" in query_variants("ROMASHKA")
