"""Several figures of several tables read in one query.

A page that shows a dataset's row counts and last change (the portal lists every dataset)
would otherwise spend one query per count and per date. ``read_together(name=part, ...)``
reads them all in a single ``SELECT (…), (…), …`` of scalar subqueries, each compiled by
Django from an ordinary queryset, with Django's own converters applied to the values (a
datetime comes back as an aware datetime on SQLite as on PostgreSQL):

    figures = read_together(
        practices=Rows(pages),                        # rows of the queryset, as .count()
        changed=Latest(pages, "last_published_at"),   # as .aggregate(Max(...)), None if none
    )
"""

from django.db import connections


class Rows:
    """How many rows ``queryset`` has: the same figure as ``queryset.count()``."""

    def __init__(self, queryset):
        queryset = queryset.order_by()
        # Only the key of each row is read, unless the rows are made distinct by what they select.
        self.queryset = queryset if queryset.query.distinct else queryset.values("pk")

    def compiled(self):
        sql, params = _compile(self.queryset)
        return f"(SELECT COUNT(*) FROM ({sql}) AS counted)", params, None


class Latest:
    """The greatest non-null value of ``field`` over ``queryset`` (as ``Max(field)``)."""

    order = "-"

    def __init__(self, queryset, field):
        self.queryset = (
            queryset.filter(**{f"{field}__isnull": False})
            .order_by(f"{self.order}{field}")
            .values_list(field, flat=True)[:1]
        )

    def compiled(self):
        compiler = self.queryset.query.get_compiler(using=self.queryset.db)
        sql, params = compiler.as_sql()
        expression = compiler.select[0][0]
        return f"({sql})", params, (compiler, expression)


class Earliest(Latest):
    """The smallest non-null value of ``field`` over ``queryset`` (as ``Min(field)``)."""

    order = ""


def _compile(queryset):
    return queryset.query.get_compiler(using=queryset.db).as_sql()


def read_together(using="default", **parts):
    """{name: value} of every part (``Rows``, ``Latest`` or ``Earliest``), in one query."""
    if not parts:
        return {}
    selects, params, converters = [], [], []
    for part in parts.values():
        sql, part_params, converter = part.compiled()
        selects.append(sql)
        params.extend(part_params)
        converters.append(converter)
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        row = cursor.fetchone()
    values = {}
    for name, value, converter in zip(parts, row, converters, strict=True):
        if converter is not None and value is not None:
            compiler, expression = converter
            for function in compiler.get_converters([expression]).get(0, ((), None))[0]:
                value = function(value, expression, connection)
        values[name] = value
    return values
