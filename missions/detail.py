"""What a mission's public page shows, gathered in a fixed number of queries.

Every row of the record (destinations, delegation, agenda, cost lines, results and their
follow-ups, corrections) is prefetched once, so the page costs the same number of queries
whether the site holds ten missions or ten thousand. A preview keeps its unsaved rows in
memory: nothing is fetched for them. ``mission_page`` is the view of the page's route
(missions/routes/mission.py, see home/routing.py).
"""

from datetime import timedelta

from django.db.models import CharField, DateField, Prefetch, Value, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from home.cache.fragments import page_fragment
from home.deadlines import report_days
from home.formats import format_count
from home.ordering import in_model_order
from home.routing import render_page
from home.translated import in_locale
from returns.emissions import mission_travel
from returns.models import TravelLeg

from .models import (
    AgendaItem,
    CostLine,
    DelegationMember,
    MissionCorrection,
    MissionDestination,
    MissionResult,
    Payer,
    ReportStatus,
    ResultFollowUp,
    ResultStatus,
    report_status_label,
)
from .models.queryset import compute_figures
from .outcome import results_in_words, value_to_cost

# Status badges carry their label as text; the class only adds colour.
STATUS_TONES = {
    ResultStatus.COMMITTED: "neutral",
    ResultStatus.IN_PROGRESS: "warn",
    ResultStatus.ACHIEVED: "ok",
    ResultStatus.NOT_ACHIEVED: "bad",
    ResultStatus.CANCELLED: "bad",
}


def report_state(page, days, today=None):
    """(ReportStatus value, due date): the Python twin of MissionQuerySet.with_report_status()."""
    today = today or timezone.localdate()
    due = page.end_date + timedelta(days=days) if page.end_date else None
    if page.report_document_id:
        return ReportStatus.SUBMITTED, due
    if page.withdrawn:
        return ReportStatus.WITHDRAWN, due
    if page.end_date is None or page.end_date >= today:
        return ReportStatus.NOT_DUE, due
    if page.end_date < today - timedelta(days=days):
        return ReportStatus.OVERDUE, due
    return ReportStatus.PENDING, due


def _prefetch(page):
    """Read the page's rows; {result pk: its follow-ups} (None for a preview)."""
    if not page.pk or getattr(page, "_cluster_related_objects", None):
        return None  # a preview: its rows are in memory
    prefetch_related_objects(
        [page],
        "objectives",
        # Each row with what it names, in one query per relation.
        Prefetch("delegation", queryset=DelegationMember.objects.select_related("person")),
        Prefetch("agenda", queryset=AgendaItem.objects.select_related("organization")),
        Prefetch(
            "results",
            queryset=MissionResult.objects.select_related("evidence_document", "practice__locale"),
        ),
        "results__organizations",
        Prefetch("travel_legs", queryset=TravelLeg.objects.select_related("factor")),
    )
    return _small_rows(page)


# The destinations, the corrections and the results' follow-ups: three small tables of plain
# rows, read together (UNION ALL) in the columns they share, each row in its model's order.
SMALL_ROWS = {
    "correction": (MissionCorrection, ("page_id", "date", "note", None)),
    "destination": (MissionDestination, ("page_id", None, "city", "country")),
    "follow_up": (ResultFollowUp, ("result_id", "date", "note", "new_status")),
}
NO_VALUE = (Value(None, output_field=DateField()), Value(None, output_field=CharField()))


def _small_rows(page):
    """Keep the page's destinations and corrections as prefetched (``page.destinations.all()``
    reads no more); return {result pk: its follow-ups}. One query."""
    branches = []
    for kind, (model, columns) in SMALL_ROWS.items():
        rows = ResultFollowUp.objects.filter(result__page=page) if kind == "follow_up" else None
        rows = model.objects.filter(page=page) if rows is None else rows
        wanted = [name or NO_VALUE[0 if index == 1 else 1] for index, name in enumerate(columns)]
        branches.append(
            rows.order_by().values_list(
                Value(kind), "pk", "translation_key", "locale_id", "sort_order", *wanted
            )
        )
    found = {kind: [] for kind in SMALL_ROWS}
    for kind, *values in branches[0].union(*branches[1:], all=True):
        model, columns = SMALL_ROWS[kind]
        names = ["id", "translation_key", "locale_id", "sort_order", *columns]
        row = dict(zip(names, values, strict=True))
        attnames = [field.attname for field in model._meta.concrete_fields]
        found[kind].append(model.from_db(page._state.db, attnames, [row[n] for n in attnames]))

    for name, kind, order in (
        ("destinations", "destination", ("sort_order", "pk")),
        ("corrections", "correction", ("date", "pk")),
    ):
        kept = getattr(page, name).all()
        kept._result_cache, kept._prefetch_done = in_model_order(found[kind], *order), True
        page.__dict__.setdefault("_prefetched_objects_cache", {})[name] = kept
    follow_ups = {}
    for follow_up in in_model_order(found["follow_up"], "date", "sort_order", "pk"):
        follow_ups.setdefault(follow_up.result_id, []).append(follow_up)
    return follow_ups


def _cost_lines(page):
    if page.pk and not page._has_unsaved_rows():
        lines = list(
            CostLine.objects.filter(page=page).with_clp().select_related("paying_organization")
        )
    else:
        lines = list(page.cost_lines.all())
        for line in lines:
            line.amount_clp = line.amount_in_clp
    return lines


def _payer_totals(page, lines):
    """[(code, label, Decimal)] per payer, in the order of the Payer choices, summed from the
    page's lines (each converted to the cent, by the database for a saved mission: the same
    sum ``CostLine.objects.breakdown("payer")`` makes, without a query of its own)."""
    totals = {}
    for line in lines:
        if line.amount_clp is not None:
            totals[line.payer] = totals.get(line.payer, 0) + line.amount_clp
    return [(code, label, totals[code]) for code, label in Payer.choices if code in totals]


def _practices(page, results):
    """{id(result): practice page to link}, in the mission's language when translated, and
    only practices a reader can open."""
    linked = [result for result in results if result.practice_id]
    if not linked:
        return {}
    among = Page.objects.live().public().select_related("locale")
    shown = in_locale([result.practice for result in linked], page.locale_id, among, False)
    return {
        id(result): practice
        for result, practice in zip(linked, shown, strict=True)
        if practice.live
    }


def mission_page(page, request):
    """The mission's public page (and its previews). Its body is rendered once per content
    generation, language and date ({% cache %} in the template); ``mission`` is read only when
    it is rendered, so a kept body costs no query."""
    return render_page(
        page,
        request,
        {
            "mission": SimpleLazyObject(lambda: mission_context(page, request)),
            "body_fragment": page_fragment(page, request, report_days(request=request)),
        },
    )


def _duplicated_record(page):
    """The live record a withdrawn duplicate points at, in the page's language when translated."""
    original = page.duplicate_of if page.withdrawn and page.duplicate_of_id else None
    if original is None:
        return None
    for candidate in (original.get_translation_or_none(page.locale_id), original):
        if candidate is not None and candidate.live:
            return candidate
    return None


def mission_context(page, request=None):
    """Context for missions/mission_page.html."""
    follow_ups = _prefetch(page)
    lines = _cost_lines(page)
    results = list(page.results.all())
    practices = _practices(page, results)
    for result in results:
        result.tone = STATUS_TONES.get(result.status, "neutral")
        result.practice_page = practices.get(id(result))
        timeline = result.follow_ups.all() if follow_ups is None else follow_ups.get(result.pk, [])
        result.timeline = sorted(timeline, key=lambda item: item.date)
    status, due = report_state(page, report_days(request=request))
    if page.pk and not page._has_unsaved_rows():
        # The figures from the rows just read (the same Decimals with_totals() computes,
        # tests/test_missions_figures.py), instead of a query of their own.
        page.figures = compute_figures(page, lines)
    figures = page.figures
    index = page.get_parent().specific_deferred if page.pk else None
    return {
        "cost_lines": lines,
        "payer_totals": _payer_totals(page, lines),
        "figures": figures,
        "results_in_words": results_in_words(figures, format_count),
        "value_to_cost": value_to_cost(
            figures["value_obtained_clp"], figures["municipal_cost_clp"]
        ),
        "results": results,
        "report_status": status,
        "report_status_label": report_status_label(status, page.start_date),
        "report_due": due,
        "report_overdue": status == ReportStatus.OVERDUE,
        "mission_index": index,
        "duplicate_of": _duplicated_record(page),
        "municipal_payer": Payer.MUNICIPALITY.value,
        "travel": mission_travel(page),
        "methodology_url": (
            index.url + index.reverse_subpage("carbon_methodology") if index else ""
        ),
    }
