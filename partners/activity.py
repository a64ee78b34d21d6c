"""Everything an organisation appears in across the site, in the reader's language.

An organisation is a group of translations (one record per language). Missions point at the
record of their own language, practices and agreements at the one their editor chose; so
everything is looked up by the group's records and shown in the reader's language where a
translation exists. A fixed number of queries whatever the organisation's activity: one per
kind of thing, plus one to swap each kind for its translations.
"""

from collections import OrderedDict

from django.db.models import (
    BooleanField,
    DateField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from wagtail.models import Page

from directory.models import Organization, OrganizationIdentifier, OrganizationName
from home.ordering import in_model_order
from home.pagination import paginate
from missions.models import AgendaItem, CostLine, MissionPage, MissionResult
from practices.models import PracticePage, Theme

from .models import Agreement, AgreementParty, Membership
from .parties import parties_prefetch, party_organisations, show_in_locale


def in_reader_language(rows, locale_id, record=lambda row: row.page):
    """``rows`` from every language, each record (by default the row's mission) kept only in
    the reader's language when it is translated, else in the language it has."""
    have_mine = {record(row).translation_key for row in rows if record(row).locale_id == locale_id}
    return [
        row
        for row in rows
        if record(row).locale_id == locale_id or record(row).translation_key not in have_mine
    ]


def one_per_record(queryset, locale_id):
    """``queryset``'s records each once, as ``in_reader_language`` keeps them (in the reader's
    language when translated, else in the language they have), chosen by the database, so that
    the result can be paged there."""
    mine = queryset.model._default_manager.filter(
        translation_key=OuterRef("translation_key"), locale_id=locale_id
    )
    return queryset.filter(Q(locale_id=locale_id) | ~Exists(mine))


def _by_mission(rows):
    missions = OrderedDict()
    for row in rows:
        missions.setdefault(row.page.pk, {"mission": row.page, "rows": []})["rows"].append(row)
    return list(missions.values())


def _mission_rows(rows, live_missions, locale_id, order):
    """The ``rows`` (agenda items, cost lines, results) of live public missions with their
    mission, newest first by ``order``, each mission in the reader's language: one query."""
    return in_reader_language(
        list(rows.filter(page__in=live_missions).select_related("page").order_by(order, "pk")),
        locale_id,
    )


def _versions(model, keys, locale_id, queryset=None):
    """The records of ``model`` whose translation key is in ``keys`` (a list or a subquery),
    each in the reader's language when translated: one query."""
    queryset = model._default_manager.all() if queryset is None else queryset
    return in_reader_language(
        list(queryset.filter(translation_key__in=keys)), locale_id, record=lambda row: row
    )


def organisation_activity(organisation, locale_id):
    """{"agenda", "payments", "results", "practices", "agreements", "memberships", "members",
    "parent", "children"} for ``organisation`` as a reader of ``locale_id`` sees it."""
    group = Organization.objects.filter(translation_key=organisation.translation_key).values("pk")
    # Private pages are left out: their restrictions are read once for every list below.
    private = Page.objects.all().private_q()
    live_missions = MissionPage.objects.live().exclude(private)
    agenda = _mission_rows(
        AgendaItem.objects.filter(organization_id__in=group), live_missions, locale_id, "-date"
    )
    payments = _mission_rows(
        CostLine.objects.filter(paying_organization_id__in=group).with_clp(),
        live_missions,
        locale_id,
        "-page__start_date",
    )
    results = _mission_rows(
        MissionResult.objects.filter(organizations__in=group)
        .prefetch_related(
            Prefetch(
                "agreements",
                queryset=Agreement.objects.filter(locale_id=locale_id),
                to_attr="agreements_here",
            )
        )
        .distinct(),
        live_missions,
        locale_id,
        "-page__start_date",
    )
    practices = _versions(
        PracticePage,
        PracticePage.objects.filter(partners__in=group).values("translation_key"),
        locale_id,
        PracticePage.objects.live().exclude(private).order_by("title", "pk"),
    )
    agreement_ids = AgreementParty.objects.filter(organization_id__in=group).values("agreement_id")
    agreements = _versions(
        Agreement,
        Agreement.objects.filter(pk__in=agreement_ids).values("translation_key"),
        locale_id,
        Agreement.objects.prefetch_related(parties_prefetch()).order_by(
            "-signed_date", "title", "pk"
        ),
    )
    memberships = list(
        Membership.objects.filter(Q(member_id__in=group) | Q(organization_id__in=group))
        .select_related("member", "organization")
        .order_by("-start_date", "pk")
    )
    # Every organisation named by an agreement or a membership, in the reader's language, and
    # the organisation's units: one query for both.
    named = [
        *party_organisations(agreements),
        *[(m, "shown_member", m.member) for m in memberships],
        *[(m, "shown_organization", m.organization) for m in memberships],
    ]
    foreign = {o.translation_key for _row, _name, o in named if o.locale_id != locale_id}
    units = Organization.objects.filter(parent_id__in=group).values("translation_key")
    is_unit = Q(translation_key__in=units)
    organisations = list(
        Organization.objects.filter(is_unit | Q(locale_id=locale_id, translation_key__in=foreign))
        .annotate(is_unit=ExpressionWrapper(is_unit, output_field=BooleanField()))
        .order_by("name", "pk")
    )
    show_in_locale(locale_id, named, among=organisations)
    key = organisation.translation_key
    parents = (
        _versions(
            Organization,
            Organization.objects.filter(pk=organisation.parent_id).values("translation_key"),
            locale_id,
        )
        if organisation.parent_id
        else []
    )
    return {
        "agenda": _by_mission(agenda),
        "payments": _by_mission(payments),
        "results": results,
        "practices": practices,
        "agreements": agreements,
        "memberships": [m for m in memberships if m.member.translation_key == key],
        "members": [m for m in memberships if m.organization.translation_key == key],
        "parent": parents[0] if parents else None,
        "children": in_reader_language(
            [row for row in organisations if row.is_unit], locale_id, record=lambda row: row
        ),
    }


def own_lists(organisation, locale_id):
    """(other names, identifiers, themes) of ``organisation``: the names and identifiers in
    their editor's order, each theme in the reader's language (``locale_id``) when it is
    translated, by name. One query: the three small tables read together, ``UNION ALL``."""
    names = OrganizationName.objects.filter(organization=organisation).values_list(
        Value("name"), "pk", "sort_order", "name", "kind", "end_date"
    )
    identifiers = OrganizationIdentifier.objects.filter(organization=organisation).values_list(
        Value("identifier"), "pk", "sort_order", "scheme", "identifier", Value(None, DateField())
    )
    translated = Theme.objects.filter(
        translation_key=OuterRef("translation_key"), locale_id=locale_id
    )
    themes = (
        organisation.themes.annotate(
            shown_pk=Coalesce(Subquery(translated.values("pk")[:1]), "pk"),
            shown_name=Coalesce(Subquery(translated.values("name")[:1]), "name"),
        )
        .order_by()
        .values_list(
            Value("theme"), "shown_pk", Value(0), "shown_name", Value(""), Value(None, DateField())
        )
    )
    found = {"name": [], "identifier": [], "theme": {}}
    rows = names.order_by().union(identifiers.order_by(), themes, all=True)
    # The themes by name as the database orders them (as a list of themes is everywhere).
    for kind, pk, order, first, second, end_date in rows.order_by("sort_order", "name", "pk"):
        if kind == "theme":  # two of its themes may be translations of one another
            found["theme"].setdefault(pk, Theme(pk=pk, name=first, locale_id=locale_id))
            continue
        if kind == "name":
            row = OrganizationName(pk=pk, sort_order=order, name=first, kind=second)
            row.end_date = end_date
        else:
            row = OrganizationIdentifier(pk=pk, sort_order=order, scheme=first, identifier=second)
        row.organization = organisation
        found[kind].append(row)

    # Orderable's order, then as made.
    return (
        in_model_order(found["name"], "sort_order", "pk"),
        in_model_order(found["identifier"], "sort_order", "pk"),
        list(found["theme"].values()),
    )


def page_of_missions(activity, number, per_page, notices):
    """(page_obj, activity) where the agenda, payments and results keep only the missions of
    page ``number`` of every mission the organisation appears in, newest first: a busy
    organisation's page stays readable and its size bounded, and every mission stays reachable."""
    missions = {}
    for group in activity["agenda"] + activity["payments"]:
        missions.setdefault(group["mission"].pk, group["mission"])
    for result in activity["results"]:
        missions.setdefault(result.page.pk, result.page)
    ordered = sorted(
        missions.values(), key=lambda mission: (mission.start_date, mission.pk), reverse=True
    )
    page_obj = paginate(ordered, number, per_page, notices)
    shown = {mission.pk for mission in page_obj}
    return page_obj, {
        **activity,
        "agenda": [group for group in activity["agenda"] if group["mission"].pk in shown],
        "payments": [group for group in activity["payments"] if group["mission"].pk in shown],
        "results": [result for result in activity["results"] if result.page.pk in shown],
    }
