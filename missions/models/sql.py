"""SQL expressions for exact money arithmetic, shared by the mission and cost-line querysets.

Databases differ in how they do decimal arithmetic: PostgreSQL's NUMERIC is exact; SQLite has
no decimal type and computes in binary floating point. ``Rounded`` rounds each figure in SQL and
quantizes it again in Python, so both return the same Decimal for amounts of up to 15
significant digits, and ``Quotient`` stops SQLite from dividing integers as integers.
``Year`` groups by year without a Python call per row on SQLite.
"""

from decimal import Decimal

from django.db.models import DecimalField, F, Func, Value
from django.db.models.functions import ExtractYear

CENTS = 2
SHARE_PLACES = 4


def money_field(places=CENTS):
    return DecimalField(max_digits=20, decimal_places=places)


class Rounded(Func):
    """ROUND(expression, places), returned as a Decimal with exactly ``places`` decimals."""

    function = "ROUND"

    def __init__(self, expression, places=CENTS, **extra):
        self.places = int(places)
        self.quantum = Decimal(1).scaleb(-self.places)  # once, not per value
        super().__init__(
            expression,
            output_field=money_field(self.places),
            template=f"%(function)s(%(expressions)s, {self.places})",
            **extra,
        )

    def get_db_converters(self, connection):
        return [*super().get_db_converters(connection), self._quantize]

    def _quantize(self, value, expression, connection):
        if value is None:
            return None
        return Decimal(value).quantize(self.quantum)


class Quotient(Func):
    """dividend / divisor as a decimal (NULL when the divisor is NULL)."""

    arity = 2
    output_field = money_field(6)

    def as_sql(self, compiler, connection, **extra_context):
        dividend, dividend_params = compiler.compile(self.source_expressions[0])
        divisor, divisor_params = compiler.compile(self.source_expressions[1])
        return f"({dividend} / {divisor})", (*dividend_params, *divisor_params)

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite divides two integers as integers (300 / 7 = 42): make the dividend real first.
        dividend, dividend_params = compiler.compile(self.source_expressions[0])
        divisor, divisor_params = compiler.compile(self.source_expressions[1])
        return f"(CAST({dividend} AS REAL) / {divisor})", (*dividend_params, *divisor_params)


def line_clp():
    """A cost line's amount in Chilean pesos, rounded to the cent (CLP lines carry rate 1)."""
    return Rounded(F("amount") * F("exchange_rate"))


def zero(places=CENTS):
    return Value(Decimal(0), output_field=money_field(places))


class Year(ExtractYear):
    """The year of a date, as Django's ``ExtractYear`` (``start_date__year``) gives it. On
    SQLite Django computes that with a Python function called once per row (the charts'
    grouping of 17,000 cost lines by their mission's year: most of the missions index's first
    request after a change at 5,000 missions); SQLite's own ``strftime`` gives the same
    integer (NULL for NULL) natively."""

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(strftime('%%Y', {sql}) AS INTEGER)", params
