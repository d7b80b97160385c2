"""R1: which package covers which service, and the verdict shown at intake (R1.1, R1.2)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.enums import Package, Service

BASIC_SERVICES = frozenset({Service.S1, Service.S2, Service.S3, Service.S4, Service.S5, Service.S6})
EXTENDED_SERVICES = BASIC_SERVICES | {Service.S7, Service.S8, Service.S9, Service.S10, Service.S11}

COVERAGE: dict[Package, frozenset[Service]] = {
    Package.BASIC: BASIC_SERVICES,
    Package.EXTENDED: frozenset(EXTENDED_SERVICES),
}


@dataclass(frozen=True, slots=True)
class Entitlement:
    """Verdict for a requested service under an effective package.

    ``code`` is a message-catalog key (app.domain.messages) so that UI and CLI explain it alike.
    """

    covered: bool
    code: str
    needed_package: Package | None = None


def check_entitlement(service: Service, effective: Package) -> Entitlement:
    if service is Service.INITIAL_SETUP:
        return Entitlement(False, "entitlement.initial_setup")  # R1.1: sold separately
    if service in COVERAGE[effective]:
        return Entitlement(True, "entitlement.covered")
    return Entitlement(False, "entitlement.not_covered", needed_package=Package.EXTENDED)  # R1.2
