"""What international work cost and brought to each city objective, for a chosen period.

Everything is summed in the database, per objective, in a fixed number of queries whatever the
number of missions or objectives. A mission serving two objectives counts in full for each (it
served both), so the objectives' figures are not added up across objectives.
"""

from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Sum, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page

from directory.models import StrategicObjective
from home.opendata.together import Totals, read_together
from home.pages import default_locale
from home.translated import in_locale
from missions.models import (
    CostLine,
    MissionPage,
    MissionResult,
    Payer,
    ResultKind,
    ResultStatus,
)
from missions.models.sql import Rounded, line_clp
from missions.models.sql import zero as money_zero
from missions.outcome import results_in_words, value_to_cost

from .emissions import emission_totals_from, emission_totals_part
from .models import ProjectNeed, TravelLeg, need_state


def standing_missions(year=None):
    """The published, not withdrawn missions (that started in ``year``), in the site's source
    language: a mission's figures are synchronised into its translations, so counting the
    source records counts every mission once, translated or not. Build it once per request
    (``public()`` reads the view restrictions when called)."""
    missions = MissionPage.objects.live().public().not_withdrawn().filter(locale=default_locale())
    return missions.in_year(year) if year else missions


def objective_missions(objective, standing):
    """The missions among ``standing`` serving ``objective`` (in any of its languages)."""
    return standing.filter(objectives__translation_key=objective.translation_key)


def in_reader_language(pages, locale_id):
    """Each page's live translation in ``locale_id`` as ``page.shown`` (else the page itself)."""
    pages = list(pages)
    if any(page.locale_id != locale_id for page in pages):
        shown = in_locale(pages, locale_id, Page.objects.live().public(), False)
    else:
        shown = pages
    for page, translation in zip(pages, shown, strict=True):
        page.shown = translation
    return pages


def _sum(rows, name):
    return sum((row[name] or 0 for row in rows), Decimal(0))


_KIND_FIGURES = (
    "results_count",
    "value_obtained_clp",
    *(f"results_{status}" for status in ResultStatus.values),
)


def _by_kind_aggregates():
    """For each result kind: its results, the value obtained by those achieved, and its
    results of each status (``{kind}__{figure}``)."""
    aggregates = {}
    for kind in ResultKind.values:
        of_kind = Q(kind=kind)
        aggregates[f"{kind}__results_count"] = Count("pk", filter=of_kind)
        aggregates[f"{kind}__value_obtained_clp"] = Coalesce(
            Sum("value_clp", filter=of_kind & Q(status=ResultStatus.ACHIEVED)), money_zero()
        )
        for status in ResultStatus.values:
            aggregates[f"{kind}__results_{status}"] = Count("pk", filter=of_kind & Q(status=status))
    return aggregates


def objective_summary(objective, standing):
    """The figures, missions, results and practices of one objective's page, from the
    ``standing`` missions of the chosen period (see standing_missions)."""
    missions = objective_missions(objective, standing)
    listed = in_reader_language(
        missions.with_totals().order_by("-start_date", "-pk"), objective.locale_id
    )
    results = MissionResult.objects.filter(page__in=missions.values("pk"))
    kinds = dict(ResultKind.choices)
    # The results by kind and the emissions in one query: each kind's figures are aggregates
    # of the one results table (a Totals part), as a GROUP BY kind would give them.
    read = read_together(
        results=Totals(results, **_by_kind_aggregates()),
        emissions=emission_totals_part(missions),
    )
    rows = [
        {"kind": kind, **{name: read["results"][f"{kind}__{name}"] for name in _KIND_FIGURES}}
        for kind in sorted(ResultKind.values)
        if read["results"][f"{kind}__results_count"]
    ]
    by_kind = [
        {
            "kind": kinds.get(row["kind"], row["kind"]),
            "words": results_in_words(row),
            "count": row["results_count"],
            "value": row["value_obtained_clp"],
        }
        for row in rows
    ]
    # The page's totals from the rows already read: the missions' own figures and the results
    # by kind (with_totals() and totals() follow the same Decimal rules).
    figures = [mission.__dict__ for mission in listed]
    totals = {
        "count": len(listed),
        "total_cost_clp": _sum(figures, "total_cost_clp"),
        "municipal_cost_clp": _sum(figures, "municipal_cost_clp"),
        "results_count": sum(row["results_count"] for row in rows),
        "value_obtained_clp": _sum(rows, "value_obtained_clp"),
        **{
            f"results_{status}": sum(row[f"results_{status}"] for row in rows)
            for status in ResultStatus.values
        },
    }
    practice_results = list(results.filter(practice__isnull=False).select_related("practice"))
    practices = in_reader_language(
        {result.practice_id: result.practice for result in practice_results}.values(),
        objective.locale_id,
    )
    return {
        "missions": listed,
        "totals": totals,
        "results_in_words": results_in_words(totals),
        "by_kind": by_kind,
        "practices": [page.shown for page in practices if page.shown.live],
        "value_to_cost": value_to_cost(totals["value_obtained_clp"], totals["municipal_cost_clp"]),
        "emissions": emission_totals_from(read),
        "missions_queryset": missions,
    }


def project_needs(projects, standing):
    """Projects with their needs, each need with its answering results (of standing missions,
    in the source language, whatever the need's language) and its state (open, partly met,
    met). Three queries, and a fourth when an agreement answers one of the needs."""
    needs_queryset = Prefetch("needs", queryset=_marked_needs())
    projects = list(projects.select_related("objective").prefetch_related(needs_queryset))
    needs = [need for project in projects for need in project.needs.all()]
    answers = {}
    rows = (
        MissionResult.objects.filter(
            page__in=standing.values("pk"),
            answers_needs__translation_key__in=[need.translation_key for need in needs],
        )
        .select_related("page")
        .annotate(need_key=F("answers_needs__translation_key"))
        .order_by("page__start_date", "pk")
    )
    for row in rows:
        answers.setdefault(row.need_key, []).append(row)
    agreements = answering_agreements([need for need in needs if need.has_agreements])
    for need in needs:
        need.answers = answers.get(need.translation_key, [])
        need.agreements = agreements.get((need.translation_key, need.locale_id), [])
        need.state = need_state(need, need.answers, need.agreements)
    return projects


def _marked_needs():
    """Needs with ``has_agreements``: whether an agreement answers one of its versions (False
    without the partners app, which declares the relation ``answering_agreements``)."""
    try:
        ProjectNeed._meta.get_field("answering_agreements")
    except FieldDoesNotExist:
        return ProjectNeed.objects.annotate(has_agreements=Value(False))
    answered = ProjectNeed.objects.filter(
        translation_key=OuterRef("translation_key"), answering_agreements__isnull=False
    )
    return ProjectNeed.objects.annotate(has_agreements=Exists(answered))


def answering_agreements(needs):
    """{(need translation key, reader's locale id): [agreement]}: the agreements answering
    each of ``needs``, each agreement once, in the need's language when translated. One query;
    none without the partners app, which declares the relation (``answering_agreements``)."""
    try:
        agreement_model = ProjectNeed._meta.get_field("answering_agreements").related_model
    except FieldDoesNotExist:
        return {}
    keys = {need.translation_key for need in needs}
    locales = {need.locale_id for need in needs}
    if not keys:
        return {}
    rows = list(
        agreement_model.objects.filter(answers_needs__translation_key__in=keys)
        .annotate(need_key=F("answers_needs__translation_key"))
        .order_by("-signed_date", "title", "pk")
    )
    found = {}
    for locale_id in locales:
        for row in rows:
            chosen = found.setdefault((row.need_key, locale_id), {})
            current = chosen.get(row.translation_key)
            if current is None or (row.locale_id == locale_id and current.locale_id != locale_id):
                chosen[row.translation_key] = row
    return {key: list(chosen.values()) for key, chosen in found.items()}


def overview(locale, standing):
    """[{objective, missions, total cost, municipal cost, results achieved, value, ratio, kg}]
    for every objective, in ``locale`` when translated, those without activity included, from
    the ``standing`` missions of the period. ``value`` and ``ratio`` are None where no
    achieved result has a money value (shown as "not recorded", never as 0). Seven queries."""
    pks = standing.values("pk")
    # Every objective of the source language, in the reader's language where translated.
    source = StrategicObjective.objects.filter(locale=default_locale()).order_by("code")
    objectives = in_locale(source, locale, distinct=False)
    through = MissionPage.objectives.through
    counts = dict(
        through.objects.filter(missionpage__in=pks)
        .values("strategicobjective__translation_key")
        .annotate(n=Count("missionpage", distinct=True))
        .values_list("strategicobjective__translation_key", "n")
    )
    clp = line_clp()
    costs = {
        row["page__objectives__translation_key"]: row
        for row in CostLine.objects.filter(page__in=pks)
        .order_by()
        .values("page__objectives__translation_key")
        .annotate(
            total=Rounded(Sum(clp)),
            municipal=Rounded(Coalesce(Sum(clp, filter=Q(payer=Payer.MUNICIPALITY)), money_zero())),
        )
    }
    achieved = Q(status=ResultStatus.ACHIEVED)
    results = {
        row["page__objectives__translation_key"]: row
        for row in MissionResult.objects.filter(page__in=pks)
        .order_by()
        .values("page__objectives__translation_key")
        .annotate(
            achieved=Count("pk", filter=achieved),
            # None, not 0, where no achieved result has a money value: "not recorded".
            value=Rounded(Sum("value_clp", filter=achieved)),
        )
    }
    emissions = dict(
        TravelLeg.objects.filter(page__in=pks)
        .order_by()
        .values("page__objectives__translation_key")
        .annotate(kg=Sum("emissions_kg"))
        .values_list("page__objectives__translation_key", "kg")
    )
    rows = []
    for objective in objectives:
        key = objective.translation_key
        cost = costs.get(key, {})
        result = results.get(key, {})
        municipal = cost.get("municipal") or Decimal(0)
        value = result.get("value")  # None: no money value recorded
        rows.append(
            {
                "objective": objective,
                "missions": counts.get(key, 0),
                "total_cost": cost.get("total") or Decimal(0),
                "municipal_cost": municipal,
                "results_achieved": result.get("achieved", 0),
                "value": value,
                "ratio": value_to_cost(value, municipal) if value is not None else None,
                "kg": emissions.get(key) or Decimal(0),
            }
        )
    return rows
