"""The standards index and a standard's page (the views of their routes, see home/routing.py).

Both read the standards with their measurements prefetched (StandardQuerySet.with_history), so
the number of queries does not grow with the number of standards or periods.
"""

import datetime

from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.cache.fragments import page_fragment
from home.deadlines import standards_grace_days
from home.formats import format_number, format_share
from home.pages import per_request
from home.params import QueryParams
from home.routing import render_page
from home.translated import in_locale
from missions.models import MissionPage

from .chart import chart
from .choices import Channel, Status
from .display import BADGES, format_target, format_value, language, period_label, status_label
from .models import StandardPage
from .opendata import StandardsDataset

CHART_PERIODS = 24


def current_state(standard, today, grace_days):
    """{status, label, badge, period, value, target} of what a reader should see now."""
    current = standard.current(today, grace_days)
    lang = language()
    if current is None:
        return {
            "status": Status.NO_DATA,
            "label": status_label(Status.NO_DATA),
            "badge": "neutral",
            "period": "",
            "value": "",
            "target": format_target(standard, lang),
        }
    period, row, status = current
    return {
        "status": status,
        "label": status_label(status),
        "badge": BADGES[status],
        "period": period_label(period, standard.frequency),
        "value": format_value(row.value, standard.unit, lang) if row is not None else "",
        "target": format_target(standard, lang),
    }


def index_standards(index):
    return StandardPage.objects.child_of(index).live().public().with_history().order_by("title")


def index_rows(page, today, grace_days):
    """([{page, state}], units) of the index: every standard's current state, computed from
    its whole history. Kept across requests while the content generation is unchanged
    (home/cache/shared.py): exact, as saving a standard or a measurement, publishing,
    unpublishing or a view restriction bumps the generation, and the key holds the day, the
    grace period and the language (the state's labels). The kept pages drop their
    measurements once their state is computed: the rows read only the page's own fields."""

    def compute():
        standards = list(index_standards(page))
        rows = [{"page": s, "state": current_state(s, today, grace_days)} for s in standards]
        for standard in standards:
            getattr(standard, "_prefetched_objects_cache", {}).pop("measurements", None)
        return rows, sorted({s.responsible_unit for s in standards})

    key = ("standards-index", page.pk, today, grace_days, language())
    return per_request(key, compute, shared=True)


def listing(page, request):
    today = timezone.localdate()
    grace = standards_grace_days(request=request)
    rows, units = index_rows(page, today, grace)
    params = QueryParams(request.GET)
    chosen = {
        "unit": params.choice("unit", units),
        "channel": params.choice("channel", Channel.values),
        "state": params.choice("state", Status.values),
    }
    met = sum(1 for row in rows if row["state"]["status"] == Status.MET)
    summary = _("%(met)s of %(total)s standards met in the last period") % {
        "met": met,
        "total": len(rows),
    }
    shown = [
        row
        for row in rows
        if (not chosen["unit"] or row["page"].responsible_unit == chosen["unit"])
        and (not chosen["channel"] or row["page"].channel == chosen["channel"])
        and (not chosen["state"] or row["state"]["status"] == chosen["state"])
    ]
    filters = [
        ("unit", _("Responsible unit"), [(u, u) for u in units]),
        ("channel", _("Channel"), Channel.choices),
        ("state", _("State"), [(s.value, s.label) for s in Status]),
    ]
    return render_page(
        page,
        request,
        {
            "rows": shown,
            "summary": summary,
            "counts": [
                {
                    "status": s,
                    "label": s.label,
                    "count": sum(1 for r in rows if r["state"]["status"] == s),
                }
                for s in Status
            ],
            "filters": [
                {"name": n, "label": label, "choices": choices, "value": chosen[n]}
                for n, label, choices in filters
            ],
            "is_filtered": any(chosen.values()),
            "open_data": StandardsDataset(page, request).links(),
            "notices": params.notices({name: label for name, label, _c in filters}),
        },
    )


def _missions_by_id(history, locale):
    """{mission id: the mission's live page in ``locale``} for every mission the computed
    measurements counted, in two queries."""
    ids = {
        mission["mission_id"]
        for _p, row, _s in history
        if row is not None and row.inputs
        for item in [*row.inputs.get("counted", []), *row.inputs.get("pending", [])]
        for mission in _counted_missions(item)
    }
    if not ids:
        return {}
    missions = list(MissionPage.objects.live().public().filter(pk__in=ids))
    localized = in_locale(missions, locale, among=Page.objects.live().public(), distinct=False)
    return {m.pk: t for m, t in zip(missions, localized, strict=True)}


def standard_page(page, request):
    return render_page(
        page,
        request,
        {
            "standard": page,
            # Computed only when the kept body is missing: a change, the next day (the
            # periods' statuses depend on it), a preview (home/cache/fragments.py).
            "body": SimpleLazyObject(lambda: _standard_body(page, request)),
            "body_fragment": page_fragment(page, request),
        },
    )


def _standard_body(page, request):
    """What a standard's page shows below its title: its state, chart, table of periods, the
    periods not met, its compliance and objectives."""
    today = timezone.localdate()
    lang = language()
    standard = page
    if page.pk and "measurements" not in getattr(page, "_cluster_related_objects", {}):
        prefetch_related_objects([page], "measurements", "objectives")  # a preview keeps its rows
    history = standard.history(today) if standard.measured_since else []
    recent = history[-CHART_PERIODS:]
    missions = _missions_by_id(history, standard.locale_id) if standard.computed_from else {}
    table = []
    for period, row, status in reversed(recent):
        table.append(
            {
                "period": period,
                "label": period_label(period, standard.frequency),
                "row": row,
                "value": format_value(row.value, standard.unit, lang) if row is not None else "",
                "numerator": format_number(row.numerator, lang) if row is not None else "",
                "denominator": format_number(row.denominator, lang) if row is not None else "",
                "status": status,
                "status_label": status_label(status),
                "badge": BADGES[status],
                "inputs": _inputs(row, missions),
            }
        )
    not_met = [
        {
            "label": period_label(p, standard.frequency),
            "row": r,
            "value": format_value(r.value, standard.unit, lang),
        }
        for p, r, s in reversed(history)
        if s == Status.NOT_MET
    ]
    compliance = standard.compliance(today)
    objectives = (
        in_locale(list(standard.objectives.all()), standard.locale_id) if standard.pk else []
    )
    return {
        "target": format_target(standard, lang),
        "state": current_state(standard, today, standards_grace_days(request=request)),
        "chart": chart(standard, recent, lang) if recent else None,
        "table": table,
        "not_met": not_met,
        "compliance": compliance,
        "compliance_share": format_share(compliance["share"], lang)
        if compliance["share"] is not None
        else "",
        "objectives": sorted(objectives, key=lambda objective: objective.code),
    }


def _counted_missions(item):
    """The missions an input item names: itself (a mission's rules) or the month's missions."""
    return item["missions"] if "month" in item else [item]


DATES = ("end_date", "deadline", "done_on", "month", "statement_signed_on")


def _inputs(row, missions):
    if row is None or not row.inputs:
        return None

    def items(key):
        return [
            {
                **item,
                **{name: _day(item.get(name)) for name in DATES},
                "page": missions.get(item.get("mission_id")),
                "pages": [
                    {"page": missions.get(mission["mission_id"]), "title": mission["title"]}
                    for mission in item.get("missions", [])
                ],
            }
            for item in row.inputs.get(key, [])
        ]

    return {
        "rule": row.inputs.get("rule"),
        "days": row.inputs.get("days"),
        "counted": items("counted"),
        "pending": items("pending"),
    }


def _day(text):
    return datetime.date.fromisoformat(text) if text else None
