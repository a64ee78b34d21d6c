"""Estimated emissions of official travel: per mission, for a set of missions, by year.

Sums are done in the database over the legs' stored estimates (see TravelLeg.estimate), so a
listing of any size costs one query. Shown in tonnes or kilograms of CO2e, always labelled as
an estimate with a link to the methodology.
"""

from decimal import Decimal

from django.db.models import Count, Max, Sum
from django.utils.translation import gettext as _

from home.formats import format_number
from home.opendata.together import Totals, read_together
from missions.charts import Table, _horizontal
from missions.models.sql import Year

from .models import TravelLeg

TONNE = Decimal(1000)


def format_kg(value, language_code=None):
    """ "1.234,5 kg CO₂e" / "1,234.5 kg CO₂e"."""
    if value is None:
        return ""
    return _("%(amount)s kg CO₂e") % {"amount": format_number(value, language_code)}


def format_tonnes(kg, language_code=None):
    """kg as tonnes with one decimal: "12,3 t CO₂e" / "12.3 t CO₂e"."""
    if kg is None:
        return ""
    tonnes = (Decimal(kg) / TONNE).quantize(Decimal("0.1"))
    return _("%(amount)s t CO₂e") % {"amount": format_number(tonnes, language_code)}


def legs_of(missions):
    return TravelLeg.objects.filter(page__in=missions.values("pk"))


def emission_totals(missions):
    """{"legs", "kg", "kg_without_rf", "missions_with_legs", "edition"} for ``missions``."""
    return emission_totals_from(read_together(emissions=emission_totals_part(missions)))


def emission_totals_part(missions):
    """What ``emission_totals()`` reads, as a part of ``home.opendata.together.read_together``
    named ``emissions`` (so that a caller reads it with its other figures)."""
    return Totals(
        legs_of(missions),
        legs=Count("pk"),
        kg=Sum("emissions_kg"),
        kg_without_rf=Sum("emissions_kg_without_rf"),
        missions_with_legs=Count("page", distinct=True),
        edition=Max("factor__edition"),
    )


def emission_totals_from(figures):
    """``emission_totals()`` from the values read with ``emission_totals_part()``."""
    totals = dict(figures["emissions"])
    totals["kg"] = totals["kg"] or Decimal(0)
    totals["kg_without_rf"] = totals["kg_without_rf"] or Decimal(0)
    return totals


def emissions_by_year(missions):
    """[(year, kg with RF, kg without RF)] by the missions' start year, oldest first."""
    rows = (
        legs_of(missions)
        .order_by()
        .annotate(year=Year("page__start_date"))
        .values("year")
        .annotate(kg=Sum("emissions_kg"), kg_without_rf=Sum("emissions_kg_without_rf"))
        .order_by("year")
    )
    return [(row["year"], row["kg"] or 0, row["kg_without_rf"] or 0) for row in rows]


def emissions_chart(missions):
    """Horizontal bars of the estimated tonnes of CO2e by year, with its table; None if empty."""
    years = emissions_by_year(missions)
    if not years or not any(kg for _year, kg, _without in years):
        return None
    items = [(str(year), kg) for year, kg, _without in years]
    highest = max(items, key=lambda item: item[1])
    description = _(
        "Horizontal bars, one per year: the estimated emissions of the year's official travel, "
        "with radiative forcing. Highest year: %(year)s, %(amount)s."
    ) % {"year": highest[0], "amount": format_tonnes(highest[1])}
    table = Table(
        caption=_("Estimated emissions of official travel by year (tonnes of CO₂e)"),
        columns=[_("Year"), _("With radiative forcing"), _("Without radiative forcing")],
        rows=[
            (str(year), [format_tonnes(kg), format_tonnes(without)]) for year, kg, without in years
        ],
    )
    return _horizontal(
        "emissions-by-year",
        _("Estimated emissions of travel by year"),
        description,
        items,
        table,
        format_tonnes,
    )


def mission_travel(page):
    """A mission's legs (prefetched, or in memory for a preview) and their summed estimate."""
    legs = list(page.travel_legs.all())
    estimated = [leg for leg in legs if leg.emissions_kg is not None]
    editions = sorted({leg.factor.edition for leg in estimated if leg.factor_id})
    return {
        "legs": legs,
        "kg": sum((leg.emissions_kg for leg in estimated), Decimal(0)),
        "kg_without_rf": sum((leg.emissions_kg_without_rf for leg in estimated), Decimal(0)),
        "editions": editions,
        "complete": len(estimated) == len(legs),
    }
