"""Rows of the three open-data resources, read in chunks so memory does not grow with the data.

Each generator reads ``values()`` of only the needed columns through ``iterator(chunk_size)``
and, per chunk, one query for each list-valued column (destinations, delegation, objectives,
organizations). Rows are dicts keyed by the schema's column names.
"""

from itertools import islice

from django.db.models import (
    Case,
    Count,
    DecimalField,
    F,
    IntegerField,
    Max,
    OuterRef,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from wagtail.models import Page

from home.opendata.schema import LIST_SEPARATOR
from returns.models import TravelLeg

from ..models import (
    CostLine,
    DelegationMember,
    MissionDestination,
    MissionPage,
    MissionResult,
    ResultFollowUp,
)

CHUNK_SIZE = 500


def chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _grouped(rows):
    """{key: [values…]} from (key, value) pairs, keeping their order."""
    grouped = {}
    for key, value in rows:
        grouped.setdefault(key, []).append(value)
    return grouped


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


def mission_rows(missions, language, index_url, chunk_size=None):
    """``missions``: an ordered MissionQuerySet annotated with with_totals() and report status."""
    chunk_size = chunk_size or CHUNK_SIZE
    records = missions.values(*MISSION_FIELDS).iterator(chunk_size=chunk_size)
    objectives_through = MissionPage.objectives.through
    for chunk in chunks(records, chunk_size):
        pks = [record["pk"] for record in chunk]
        destinations = _grouped(
            (page_id, (city, country))
            for page_id, city, country in MissionDestination.objects.filter(page_id__in=pks)
            .order_by("page_id", "sort_order", "pk")
            .values_list("page_id", "city", "country")
        )
        delegation = _grouped(
            DelegationMember.objects.filter(page_id__in=pks)
            .order_by("page_id", "sort_order", "pk")
            .values_list("page_id", "person__name")
        )
        objectives = _grouped(
            objectives_through.objects.filter(missionpage_id__in=pks)
            .order_by("missionpage_id", "strategicobjective__code")
            .values_list("missionpage_id", "strategicobjective__code")
        )
        travel = _travel(pks)
        for record in chunk:
            pk = record["pk"]
            places = destinations.get(pk, [])
            countries = list(dict.fromkeys(country for _city, country in places))
            yield {
                "mission_id": str(record["translation_key"]),
                "language": language,
                "title": record["title"],
                "url": f"{index_url}{record['slug']}/",
                "start_date": record["start_date"],
                "end_date": record["end_date"],
                "days_abroad": record["days_abroad"],
                "mission_type": record["mission_type"],
                "purpose": record["purpose"],
                "destinations": _joined(f"{city}, {country}" for city, country in places),
                "countries": _joined(countries),
                "delegation": _joined(delegation.get(pk, [])),
                "objectives": _joined(objectives.get(pk, [])),
                "total_cost_clp": record["total_cost_clp"],
                "municipal_cost_clp": record["municipal_cost_clp"],
                "others_cost_clp": record["others_cost_clp"],
                "cost_per_day_clp": record["cost_per_day_clp"],
                "no_municipal_cost": record["no_municipal_cost"],
                "results_count": record["results_count"],
                "results_achieved": record["results_achieved"],
                "value_obtained_clp": record["value_obtained_clp"],
                **travel.get(pk, NO_TRAVEL),
                "report_status": record["report_status"],
                "report_date": record["report_date"],
                "authorization_act_type": record["authorization_act_type"],
                "authorization_number": record["authorization_number"],
                "authorization_date": record["authorization_date"],
                "withdrawn": record["withdrawn"],
                "withdrawn_on": record["withdrawn_at"],
                "withdrawal_reason": record["withdrawal_reason"],
                "first_published_at": record["first_published_at"],
                "last_published_at": record["last_published_at"],
            }


NO_TRAVEL = {
    "travel_legs": 0,
    "travel_distance_km": None,
    "emissions_kg_co2e": None,
    "emissions_kg_co2e_without_rf": None,
}


def _travel(pks):
    """{mission pk: its travel columns}: legs, route distance and summed estimates, in one
    query; the estimates stay empty when a leg has none (an unknown factor)."""
    route_km = Case(
        When(return_trip=True, then=F("distance_km") * 2),
        default=F("distance_km"),
        output_field=DecimalField(max_digits=12, decimal_places=1),
    )
    rows = (
        TravelLeg.objects.filter(page_id__in=pks)
        .order_by()
        .values("page_id")
        .annotate(
            legs=Count("pk"),
            estimated=Count("emissions_kg"),
            km=Sum(route_km),
            kg=Sum("emissions_kg"),
            kg_without_rf=Sum("emissions_kg_without_rf"),
        )
    )
    travel = {}
    for row in rows:
        complete = row["estimated"] == row["legs"]
        travel[row["page_id"]] = {
            "travel_legs": row["legs"],
            "travel_distance_km": row["km"],
            "emissions_kg_co2e": row["kg"] if complete else None,
            "emissions_kg_co2e_without_rf": row["kg_without_rf"] if complete else None,
        }
    return travel


def _windowed(rows, window, key):
    """``rows`` narrowed to the line whose translation key is ``key`` and to the slice
    ``window``, both in the database."""
    if key:
        rows = rows.filter(translation_key=key)
    return rows[window] if window else rows


def cost_line_rows(mission_pks, chunk_size=None, window=None, key=None):
    """``mission_pks``: a values("pk") queryset of the missions whose lines to publish;
    ``window``, a slice of them (the API's page); ``key``, only the line with that id."""
    chunk_size = chunk_size or CHUNK_SIZE
    lines = _windowed(
        CostLine.objects.filter(page__in=mission_pks)
        .with_clp()
        .order_by("page_id", "sort_order", "pk")
        .values(
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
        ),
        window,
        key,
    )
    for line in lines.iterator(chunk_size=chunk_size):
        yield {
            "cost_line_id": str(line["translation_key"]),
            "mission_id": str(line["page__translation_key"]),
            "category": line["category"],
            "description": line["description"],
            "amount": line["amount"],
            "currency": line["currency"],
            "exchange_rate": line["exchange_rate"],
            "amount_clp": line["amount_clp"],
            "paid_by": line["payer"],
            "paying_organization": line["paying_organization__name"] or "",
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
    public keeps its title and gets no link."""
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


def result_rows(mission_pks, chunk_size=None, locale_id=None, request=None, window=None, key=None):
    """``locale_id``: the language of the file, in which practices are named when translated;
    ``window`` and ``key`` as for cost_line_rows."""
    chunk_size = chunk_size or CHUNK_SIZE
    results = _windowed(
        MissionResult.objects.filter(page__in=mission_pks)
        .annotate(
            follow_ups_count=Coalesce(_follow_up_subquery(Count("pk"), IntegerField()), Value(0)),
            last_follow_up_date=_follow_up_subquery(Max("date")),
        )
        .order_by("page_id", "sort_order", "pk")
        .values(
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
        window,
        key,
    )
    through = MissionResult.organizations.through
    for chunk in chunks(results.iterator(chunk_size=chunk_size), chunk_size):
        organizations = _grouped(
            through.objects.filter(missionresult_id__in=[row["pk"] for row in chunk])
            .order_by("missionresult_id", "organization__name")
            .values_list("missionresult_id", "organization__name")
        )
        practices = _practices(
            {row["practice_id"] for row in chunk if row["practice_id"]}, locale_id, request
        )
        for row in chunk:
            practice, practice_url = practices.get(row["practice_id"], ("", ""))
            yield {
                "result_id": str(row["translation_key"]),
                "mission_id": str(row["page__translation_key"]),
                "kind": row["kind"],
                "description": row["description"],
                "status": row["status"],
                "value_clp": row["value_clp"],
                "expected_date": row["expected_date"],
                "achieved_date": row["achieved_date"],
                "evidence_url": row["evidence_url"],
                "practice": practice,
                "practice_url": practice_url,
                "organizations": _joined(organizations.get(row["pk"], [])),
                "follow_ups_count": row["follow_ups_count"],
                "last_follow_up_date": row["last_follow_up_date"],
            }
