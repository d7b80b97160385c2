"""Validation of contact data shared by forms, services and the customer import.

Each function returns the normalised value or raises ``ValidationError`` with a catalog code.
"""

from __future__ import annotations

from datetime import date

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from app.domain.errors import ValidationError

DEFAULT_REGION = "RU"


def normalise_email(value: str) -> str:
    try:
        # Deliverability needs DNS, which a support desk cannot rely on (offline sites).
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValidationError("validation.email", value=value, reason=str(exc)) from exc


def normalise_phone(value: str, region: str = DEFAULT_REGION) -> str:
    """E.164 form (+78435673458); Russian numbers may be typed as 8 (843) 567-34-58."""
    try:
        parsed = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError("validation.phone", value=value) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValidationError("validation.phone", value=value)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """Human form for display: +7 843 567-34-58."""
    try:
        parsed = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


_INN10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_A = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_B = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _check_digit(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def normalise_inn(value: str) -> str:
    """A Russian taxpayer number: 10 digits (organisation) or 12 (individual), checksum verified."""
    inn = value.strip()
    ok = inn.isdigit() and (
        (len(inn) == 10 and _check_digit(inn, _INN10) == int(inn[9]))
        or (
            len(inn) == 12
            and _check_digit(inn, _INN12_A) == int(inn[10])
            and _check_digit(inn, _INN12_B) == int(inn[11])
        )
    )
    if not ok:
        raise ValidationError("validation.inn", value=value)
    return inn


def check_contract_period(valid_from: date, valid_to: date) -> None:
    if valid_to < valid_from:
        raise ValidationError(
            "contract.period", valid_from=valid_from.isoformat(), valid_to=valid_to.isoformat()
        )


def require_text(value: str | None, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError("validation.required", field=field)
    return text
