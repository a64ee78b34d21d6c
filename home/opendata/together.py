"""Several figures of several tables read in one query.

A page that shows a dataset's row counts and last change (the portal lists every dataset)
would otherwise spend one query per count and per date. ``read_together(name=part, ...)``
reads them all in a single ``SELECT (…), (…), …`` of scalar subqueries, each compiled by
Django from an ordinary queryset, with Django's own converters applied to the values (a
datetime comes back as an aware datetime on SQLite as on PostgreSQL):

    figures = read_together(
        practices=Rows(pages),                        # rows of the queryset, as .count()
        changed=Latest(pages, "last_published_at"),   # as .aggregate(Max(...)), None if none
        costs=Totals(lines, total=Sum("amount")),     # as .aggregate(...): a dict
    )

A ``Totals`` part is several aggregates of one table, read as a one-row derived table in the
query's ``FROM`` (an aggregate without ``GROUP BY`` is exactly one row, also over no rows), so
that its table is scanned once for all of them.
"""

from django.db import connections
from django.db.models.expressions import Ref


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
        compiler = self.queryset.query.get_compiler(using=self.queryset.db, elide_empty=False)
        sql, params = compiler.as_sql()
        expression = compiler.select[0][0]
        return f"({sql})", params, (compiler, expression)


class Earliest(Latest):
    """The smallest non-null value of ``field`` over ``queryset`` (as ``Min(field)``)."""

    order = ""


class Totals:
    """``queryset.aggregate(**aggregates)``, as a dict, read with the other parts. Only a plain
    queryset (no grouping, slicing, ``distinct()`` or aggregate annotation) can be read so;
    its non-aggregate annotations may be used (``CostLine.objects.with_clp()``)."""

    def __init__(self, queryset, **aggregates):
        query = queryset.query.chain()
        if (
            isinstance(query.group_by, tuple)
            or query.is_sliced
            or query.distinct
            or query.combinator
            or any(getattr(a, "contains_aggregate", True) for a in query.annotations.values())
        ):
            raise ValueError("Totals() reads a plain queryset; use queryset.aggregate()")
        # What QuerySet.aggregate() does with such a queryset (Query.get_aggregation), without
        # running it: the aggregates, with the annotations they name written out, and nothing else.
        resolved = {
            alias: expression.resolve_expression(query, allow_joins=True, summarize=True)
            for alias, expression in aggregates.items()
        }
        inline = {
            Ref(alias, annotation): annotation for alias, annotation in query.annotations.items()
        }
        query.annotations = {
            alias: aggregate.replace_expressions(inline) for alias, aggregate in resolved.items()
        }
        query.set_annotation_mask(aggregates)
        query.select, query.selected, query.default_cols, query.extra = (), None, False, {}
        query.clear_ordering(force=True)
        query.clear_limits()
        query.select_for_update = query.select_related = False
        self.query, self.db, self.names = query, queryset.db, list(aggregates)

    def compiled(self):
        compiler = self.query.get_compiler(using=self.db, elide_empty=False)
        sql, params = compiler.as_sql()
        return sql, params, compiler


def _compile(queryset):
    # A queryset that can match nothing (``none()``, ``pk__in=[]``) is compiled as such
    # ("WHERE 0 = 1"): its count is 0 and its latest value None, as Django's own answers.
    return queryset.query.get_compiler(using=queryset.db, elide_empty=False).as_sql()


def read_together(using="default", **parts):
    """{name: value} of every part (``Rows``, ``Latest``, ``Earliest``, or ``Totals``, whose
    value is a dict), in one query."""
    if not parts:
        return {}
    connection = connections[using]
    quote = connection.ops.quote_name
    selects, tables, params, table_params, shapes = [], [], [], [], []
    for name, part in parts.items():
        sql, part_params, converter = part.compiled()
        if isinstance(part, Totals):
            table = quote(f"totals_{len(tables)}")
            tables.append(f"({sql}) AS {table}")
            table_params.extend(part_params)
            selects.extend(f"{table}.{quote(alias)}" for alias in part.names)
            shapes.append((name, len(part.names), converter))
        else:
            selects.append(sql)
            params.extend(part_params)
            shapes.append((name, None, converter))
    sql = "SELECT " + ", ".join(selects)
    if tables:
        sql += " FROM " + ", ".join(tables)
    with connection.cursor() as cursor:
        cursor.execute(sql, params + table_params)
        row = list(cursor.fetchone())
    values = {}
    for name, width, converter in shapes:
        if width is not None:
            values[name] = _totals(row[:width], converter)
            del row[:width]
            continue
        value = row.pop(0)
        if converter is not None and value is not None:
            compiler, expression = converter
            for function in compiler.get_converters([expression]).get(0, ((), None))[0]:
                value = function(value, expression, connection)
        values[name] = value
    return values


def _totals(row, compiler):
    """The dict ``aggregate()`` gives from the columns of a ``Totals`` part."""
    columns = list(compiler.query.annotation_select.values())
    (converted,) = compiler.apply_converters([row], compiler.get_converters(columns))
    return dict(zip(compiler.query.annotation_select, converted, strict=True))
