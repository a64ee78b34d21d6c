"""The "who does what" view: the territory's local actors against the countries and themes
they work on internationally, with their agreements in force.

The office reads it before starting something abroad, to build on what an actor of the
territory already does there instead of duplicating it. It is a table (one row per actor)
and, as its text equivalent, a list by country of the actors that work there.

With thousands of local actors a table of all of them is unreadable (and a page of megabytes),
so it shows at most ``TABLE_LIMIT`` of them by name, says how many match and points at the
filters (a country, a theme) that narrow it; the open data lists them all.
"""

from collections import defaultdict

from django.db.models import Prefetch
from django_countries import countries

from directory.models import Organization
from home.formats import format_count
from home.translated import in_locale
from practices.models import Theme

from .models import Agreement, AgreementParty

TABLE_LIMIT = 50


def who_does_what(organisations, locale_id, on=None, limit=TABLE_LIMIT):
    """{"rows": [{"organisation", "countries", "themes", "agreements"}], "by_country":
    [(name, [organisation])], "total", "shown"} for the first ``limit`` local actors among
    ``organisations`` by name, in five queries."""
    local = organisations.filter(kind__in=Organization.LOCAL_KINDS)
    actors = list(
        local.prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("name"))
        ).order_by("name", "pk")[:limit]
    )
    total = local.count()  # always asked, so the queries do not depend on the data
    themes = in_locale(
        [theme for actor in actors for theme in actor.themes.all()], locale_id, distinct=False
    )
    position = 0
    keys = [actor.translation_key for actor in actors]
    in_force = defaultdict(list)
    parties = (
        AgreementParty.objects.filter(
            organization__translation_key__in=keys,
            agreement__in=Agreement.objects.in_force(on).filter(locale_id=locale_id).values("pk"),
        )
        .select_related("agreement", "organization")
        .order_by("agreement__title")
    )
    for party in parties:
        in_force[party.organization.translation_key].append(party.agreement)
    rows, by_country = [], defaultdict(list)
    for actor in actors:
        count = len(actor.themes.all())
        actor_themes = list(dict.fromkeys(themes[position : position + count]))
        position += count
        actor_countries = sorted(actor.works_with_countries, key=lambda country: country.name)
        for country in actor_countries:
            by_country[country.code].append(actor)
        rows.append(
            {
                "organisation": actor,
                "countries": actor_countries,
                "themes": actor_themes,
                "agreements": list(dict.fromkeys(in_force[actor.translation_key])),
            }
        )
    return {
        "rows": rows,
        "by_country": sorted(
            ((countries.name(code), names) for code, names in by_country.items()),
            key=lambda item: item[0],
        ),
        "total": total,
        "total_text": format_count(total),
        "shown": len(rows),
    }
