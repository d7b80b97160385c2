"""Centaur Support Desk business core: domain rules, SLA engine, data and use cases (no Qt)."""

__version__ = "0.1.0"
