"""SQL expressions that need different spellings per back end.

``epoch_us(column)`` turns a stored instant into integer microseconds since the Unix epoch inside
the database. The live queue reads 100 000 instants at start; letting the database hand over
integers skips building (and time-zone converting) a Python datetime for each of them, and the
working-time axis works in microseconds anyway (``app.sla.working_time.to_us``).

Both spellings are exact: whole seconds and the microsecond part are taken separately and added as
integers, so no floating-point epoch is ever rounded.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class epoch_us(FunctionElement[int]):
    type = BigInteger()
    inherit_cache = True
    name = "epoch_us"


@compiles(epoch_us, "sqlite")
def _sqlite(element: epoch_us, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLAlchemy stores SQLite instants as text 'YYYY-MM-DD HH:MM:SS.ffffff' in UTC (always six
    # fraction digits). strftime('%s') of the first 19 characters gives the whole seconds (given
    # the fraction, it rounds .9995 up to the next second), characters 21-26 the microseconds.
    value = compiler.process(element.clauses, **kw)
    return (
        f"(CAST(strftime('%s', substr({value}, 1, 19)) AS INTEGER) * 1000000"
        f" + CAST(substr({value}, 21, 6) AS INTEGER))"
    )


@compiles(epoch_us, "postgresql")
def _postgresql(element: epoch_us, compiler: SQLCompiler, **kw: Any) -> str:
    # EXTRACT(MICROSECONDS) is the seconds field with its fraction, times a million. mod(), not
    # "%": psycopg would read "%" as a placeholder.
    value = compiler.process(element.clauses, **kw)
    return (
        f"(CAST(EXTRACT(EPOCH FROM date_trunc('second', {value})) AS BIGINT) * 1000000"
        f" + mod(CAST(EXTRACT(MICROSECONDS FROM {value}) AS BIGINT), 1000000))"
    )
