"""Rows of the three open-data resources, streamed so that memory and the number of queries stay
the same whatever the number of missions.

A file reads its main table in one streamed query (``iterator()``: a server-side cursor on
PostgreSQL, ``fetchmany`` on SQLite) and each list-valued column (destinations, delegation,
objectives, travel legs; a result's organizations) in one more streamed query of the same rows
left-joined to that table, in the same order. ``_merged`` walks them side by side (a merge
join), so no query is repeated per chunk and no table is held whole. Rows are dicts keyed by
the schema's column names.
"""

from itertools import groupby

from django.db.models import (
    Case,
    CharField,
    Count,
    DecimalField,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from wagtail.models import Page

from home.opendata.schema import LIST_SEPARATOR

from ..models import CostLine, MissionResult, ResultFollowUp
from ..models.choices import ReportStatus

CHUNK_SIZE = 500


def _merged(main, *sides):
    """Each row of ``main`` (tuples whose first value is a key) with, from each of ``sides``
    (streams of (key, …) tuples in the same order of keys, at least one row per key), the
    list of its rows' other values. The streams are read as they go, never held whole.

    Each query sees the data as it is when it starts (they start together, at the first row):
    a mission published or withdrawn in that instant can put one stream out of step, and the
    download then stops with an error (logged) rather than give a row another's lists."""
    groups = [groupby(side, key=_first) for side in sides]
    for row in main:
        key = row[0]
        found = []
        for group in groups:
            side_key, side_rows = next(group)
            if side_key != key:
                raise RuntimeError(f"Open-data streams out of step: {side_key!r} != {key!r}")
            found.append([side_row[1:] for side_row in side_rows])
        yield row, found


def _first(row):
    return row[0]


def _stream(queryset, *fields):
    return queryset.values_list(*fields).iterator(chunk_size=CHUNK_SIZE)


def _joined(values):
    return LIST_SEPARATOR.join(value for value in values if value)


MISSION_FIELDS = (
    "pk",
    "translation_key",
    "title",
    "slug",
    "start_date",
    "end_date",
    "days_abroad",
    "mission_type",
    "purpose",
    "total_cost_clp",
    "municipal_cost_clp",
    "others_cost_clp",
    "cost_per_day_clp",
    "no_municipal_cost",
    "results_count",
    "results_achieved",
    "value_obtained_clp",
    "report_status",
    "report_date",
    "authorization_act_type",
    "authorization_number",
    "authorization_date",
    "withdrawn",
    "withdrawn_at",
    "withdrawal_reason",
    "first_published_at",
    "last_published_at",
)


def _copied(*columns):
    """(column, position in MISSION_FIELDS) of columns copied from a mission's values as they
    are; a column whose field has another name is given as (column, field)."""
    pairs = [(column, column) if isinstance(column, str) else column for column in columns]
    return tuple((column, MISSION_FIELDS.index(field)) for column, field in pairs)


_DATES = _copied("start_date", "end_date", "days_abroad", "mission_type", "purpose")
_FIGURES = _copied(*MISSION_FIELDS[9:17])  # total_cost_clp … value_obtained_clp
_REPORT = _copied(*MISSION_FIELDS[17:23], ("withdrawn_on", "withdrawn_at"), *MISSION_FIELDS[24:])


def _keyed(missions, ordering):
    """``missions`` ordered as the file is, with the total when the order needs it."""
    by_cost = any(name.lstrip("-") == "total_cost_clp" for name in ordering)
    return missions.with_total_cost() if by_cost else missions


_REPORT_STATUSES = {status: number for number, status in enumerate(ReportStatus.values)}


def mission_stamps(missions, ordering=("pk",)):
    """(pk, live revision, publication time, report status) of ``missions`` (annotated with
    their report status) in the file's order, streamed: the page's stamp (home/cache/
    STAMP_FIELDS) changes with each publication, the report status with the date (so a new day
    writes again only the rows whose status it changes), and any other change of a mission's
    row changes the rows generation (home/opendata/chunks.py). The time is read as the
    database's text: no conversion per row, the same text for the same time."""
    ordered = _keyed(missions, ordering).order_by(*ordering)
    published = Cast("last_published_at", CharField())
    for pk, revision, text, status in (
        ordered.annotate(published_text=published)
        .values_list("pk", "live_revision_id", "published_text", "report_status")
        .iterator(chunk_size=2000)
    ):
        yield pk, revision, text or "", _REPORT_STATUSES[status]


def mission_rows(missions, language, index_url, ordering=("pk",)):
    """``missions``: a MissionQuerySet annotated with its report status (not ordered);
    ``ordering``: the file's order, names of mission fields or of ``total_cost_clp``, ending
    with ``pk`` so that every stream has the same order."""
    for _pk, row in keyed_mission_rows(missions, language, index_url, ordering):
        yield row


def keyed_mission_rows(missions, language, index_url, ordering=("pk",)):
    """(pk, row) of each of ``missions``, as ``mission_rows``."""
    # The side streams only need the total to be ordered by it.
    keyed = _keyed(missions, ordering)

    def side(relation, *fields):
        return _stream(keyed.order_by(*ordering, *relation), "pk", *fields)

    streams = _merged(
        _stream(missions.with_totals().order_by(*ordering), *MISSION_FIELDS),
        side(
            ("destinations__sort_order", "destinations__pk"),
            "destinations__city",
            "destinations__country",
        ),
        side(("delegation__sort_order", "delegation__pk"), "delegation__person__name"),
        side(("objectives__code",), "objectives__code"),
        _stream(_travel(keyed.order_by(*ordering)), *TRAVEL_FIELDS),
    )
    for record, (places, delegation, objectives, legs) in streams:
        places = [(city, country) for city, country in places if city is not None]
        countries = list(dict.fromkeys(country for _city, country in places))
        row = {
            "mission_id": str(record[1]),
            "language": language,
            "title": record[2],
            "url": f"{index_url}{record[3]}/",
        }
        for name, position in _DATES:
            row[name] = record[position]
        row["destinations"] = _joined(f"{city}, {country}" for city, country in places)
        row["countries"] = _joined(countries)
        row["delegation"] = _joined(name for (name,) in delegation)
        row["objectives"] = _joined(code for (code,) in objectives)
        for name, position in _FIGURES:
            row[name] = record[position]
        row.update(zip(TRAVEL_COLUMNS, legs[0], strict=True))
        for name, position in _REPORT:
            row[name] = record[position]
        yield record[0], row


TRAVEL_FIELDS = ("pk", "legs", "km", "kg", "kg_without_rf")
TRAVEL_COLUMNS = (
    "travel_legs",
    "travel_distance_km",
    "emissions_kg_co2e",
    "emissions_kg_co2e_without_rf",
)


def _travel(missions):
    """``missions`` grouped one row each, with their travel columns: legs, route distance and
    summed estimates; the estimates stay empty when a leg has none (an unknown factor)."""
    route_km = Case(
        When(travel_legs__return_trip=True, then=F("travel_legs__distance_km") * 2),
        default=F("travel_legs__distance_km"),
        output_field=DecimalField(max_digits=12, decimal_places=1),
    )
    complete = Q(legs=F("estimated"))
    return (
        missions.values("pk")
        .annotate(
            legs=Count("travel_legs"),
            estimated=Count("travel_legs__emissions_kg"),
            km=Sum(route_km),
            all_kg=Sum("travel_legs__emissions_kg"),
            all_kg_without_rf=Sum("travel_legs__emissions_kg_without_rf"),
        )
        .annotate(
            kg=Case(When(complete, then=F("all_kg")), default=None),
            kg_without_rf=Case(When(complete, then=F("all_kg_without_rf")), default=None),
        )
    )


def _windowed(rows, window, key):
    """``rows`` narrowed to the line whose translation key is ``key`` and to the slice
    ``window``, both in the database."""
    if key:
        rows = rows.filter(translation_key=key)
    return rows[window] if window else rows


def cost_line_rows(mission_pks, window=None, key=None):
    """``mission_pks``: a values("pk") queryset of the missions whose lines to publish;
    ``window``, a slice of them (the API's page); ``key``, only the line with that id."""
    lines = _windowed(
        CostLine.objects.filter(page__in=mission_pks)
        .with_clp()
        .order_by("page_id", "sort_order", "pk"),
        window,
        key,
    )
    for line in _stream(
        lines,
        "translation_key",
        "page__translation_key",
        "category",
        "description",
        "amount",
        "currency",
        "exchange_rate",
        "amount_clp",
        "payer",
        "paying_organization__name",
    ):
        yield {
            "cost_line_id": str(line[0]),
            "mission_id": str(line[1]),
            "category": line[2],
            "description": line[3],
            "amount": line[4],
            "currency": line[5],
            "exchange_rate": line[6],
            "amount_clp": line[7],
            "paid_by": line[8],
            "paying_organization": line[9] or "",
        }


def _follow_up_subquery(aggregate, output_field=None):
    rows = (
        ResultFollowUp.objects.filter(result=OuterRef("pk"))
        .order_by()
        .values("result")
        .annotate(value=aggregate)
        .values("value")
    )
    return Subquery(rows, output_field=output_field) if output_field else Subquery(rows)


def _practices(page_ids, locale_id, request=None):
    """{practice page id: (title, url)}: each practice named, and linked, in ``locale_id``
    when it has a live translation there, else in its own language; a practice that is not
    public keeps its title and gets no link. ``page_ids``: a queryset of the ids (two
    queries whatever their number; as many entries as practices, not as results)."""
    originals = list(Page.objects.filter(pk__in=page_ids))
    keys = {page.translation_key for page in originals}
    public = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.live().public().filter(translation_key__in=keys)
    }
    shown = {}
    for original in originals:
        key = original.translation_key
        page = public.get((key, locale_id)) or public.get((key, original.locale_id))
        if page is None:
            shown[original.pk] = (original.title, "")
        else:
            shown[original.pk] = (page.title, page.get_full_url(request) or "")
    return shown


RESULT_ORDER = ("page_id", "sort_order", "pk")


def result_rows(mission_pks, locale_id=None, request=None, window=None, key=None):
    """``locale_id``: the language of the file, in which practices are named when translated;
    ``window`` and ``key`` as for cost_line_rows."""
    results = MissionResult.objects.filter(page__in=mission_pks)
    if window or key:
        # The API's page: its few ids first, so that the organizations' stream is the same.
        pks = list(
            _windowed(results.order_by(*RESULT_ORDER), window, key).values_list("pk", flat=True)
        )
        results = MissionResult.objects.filter(pk__in=pks)
    practices = _practices(
        results.filter(practice__isnull=False).values("practice_id"), locale_id, request
    )
    streams = _merged(
        _stream(
            results.annotate(
                follow_ups_count=Coalesce(
                    _follow_up_subquery(Count("pk"), IntegerField()), Value(0)
                ),
                last_follow_up_date=_follow_up_subquery(Max("date")),
            ).order_by(*RESULT_ORDER),
            "pk",
            "translation_key",
            "page__translation_key",
            "kind",
            "description",
            "status",
            "value_clp",
            "expected_date",
            "achieved_date",
            "evidence_url",
            "practice_id",
            "follow_ups_count",
            "last_follow_up_date",
        ),
        _stream(
            results.order_by(*RESULT_ORDER, "organizations__name"), "pk", "organizations__name"
        ),
    )
    for row, (organizations,) in streams:
        practice, practice_url = practices.get(row[10], ("", ""))
        yield {
            "result_id": str(row[1]),
            "mission_id": str(row[2]),
            "kind": row[3],
            "description": row[4],
            "status": row[5],
            "value_clp": row[6],
            "expected_date": row[7],
            "achieved_date": row[8],
            "evidence_url": row[9],
            "practice": practice,
            "practice_url": practice_url,
            "organizations": _joined(name for (name,) in organizations),
            "follow_ups_count": row[11],
            "last_follow_up_date": row[12],
        }
