"""The SLA engine (PRODUCT.md R3): production calendar, working-time arithmetic, reaction policy.

Pure Python, no Qt and no database access except :func:`app.sla.config.config_from_db`.
"""
