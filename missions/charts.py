"""Charts of the current filter, drawn on the server as SVG (no JavaScript).

Each chart is a plain object the template draws: geometry in SVG user units, labels already
formatted for the reader's language, and the table that carries the same figures in text. The
sums come from the database (CostLineQuerySet.breakdown); floats appear only as coordinates.
"""

import math
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries

from home.formats import format_clp, format_compact_clp, format_count

from .models import CostCategory, MissionDestination, Payer
from .models.sql import Year

WIDTH = 720
TOP_COUNTRIES = 10
LABEL_CHARS = 26
# Payers in stacking order, each with a fill pattern so that no payer is told by colour alone.
PAYER_PATTERNS = {
    Payer.MUNICIPALITY: "solid",
    Payer.HOST: "diagonal",
    Payer.PARTNER: "dots",
    Payer.NATIONAL_GOVERNMENT: "crosshatch",
    Payer.OTHER: "horizontal",
}


def _n(value):
    """An SVG coordinate as text: never localized (a decimal comma would break the drawing)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _clip(label, length=LABEL_CHARS):
    return label if len(label) <= length else label[: length - 1] + "…"


def nice_scale(maximum, ticks=4):
    """(step, top): a round step and the first multiple of it at or above ``maximum``."""
    maximum = float(maximum)
    if maximum <= 0:
        return 1.0, 1.0
    raw = maximum / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return step, step * math.ceil(maximum / step)


@dataclass
class Table:
    caption: str
    columns: list
    rows: list  # [(row header, [cells])]
    footer: tuple | None = None


@dataclass
class Chart:
    key: str
    title: str
    description: str
    width: int
    height: int
    table: Table
    bars: list = field(default_factory=list)
    ticks: list = field(default_factory=list)
    legend: list = field(default_factory=list)
    plot: dict = field(default_factory=dict)


def cost_breakdown(counted):
    """The cost lines of ``counted`` summed by (year, payer, category): both cost charts' data
    in one query. Each sum is of amounts already rounded to the cent, so the charts' sums of
    them are exact."""
    return list(
        counted.cost_lines()
        .annotate(year=Year("page__start_date"))
        .breakdown("year", "payer", "category")
    )


def cost_by_year(rows):
    """Stacked columns: the cost of each year's missions, split by who paid (``rows`` from
    cost_breakdown())."""
    by_year = {}
    for row in rows:
        payers = by_year.setdefault(row["year"], {})
        payers[row["payer"]] = payers.get(row["payer"], 0) + row["total_clp"]
    if not by_year:
        return None
    payers = [payer for payer in PAYER_PATTERNS if any(payer in v for v in by_year.values())]
    labels = dict(Payer.choices)
    years = sorted(by_year)
    totals = {year: sum(by_year[year].values()) for year in years}

    height, left, right, top, bottom = 340, 92, 16, 30, 40
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    step, ceiling = nice_scale(max(totals.values()))
    slot = plot_w / len(years)
    bar_w = min(72.0, slot * 0.6)

    def y(value):
        return top + plot_h - float(value) / ceiling * plot_h

    bars = []
    for position, year in enumerate(years):
        x = left + slot * position + (slot - bar_w) / 2
        base = 0
        segments = []
        for payer in payers:
            amount = by_year[year].get(payer)
            if not amount:
                continue
            segments.append(
                {
                    "pattern": PAYER_PATTERNS[payer],
                    "y": _n(y(base + amount)),
                    "height": _n(y(base) - y(base + amount)),
                }
            )
            base += amount
        bars.append(
            {
                "label": str(year),
                "x": _n(x),
                "width": _n(bar_w),
                "center": _n(x + bar_w / 2),
                "segments": segments,
                "value_label": format_compact_clp(totals[year]),
                "value_y": _n(y(totals[year]) - 6),
            }
        )
    ticks = []
    value = 0.0
    while value <= ceiling + step / 2:
        ticks.append({"y": _n(y(value)), "label": format_compact_clp(value)})
        value += step
    highest = max(years, key=lambda year: totals[year])
    description = _(
        "Stacked columns, one per year from %(first)s to %(last)s; each column is split by who "
        "paid, each payer with its own fill pattern. Highest year: %(year)s, %(amount)s."
    ) % {
        "first": years[0],
        "last": years[-1],
        "year": highest,
        "amount": format_clp(totals[highest]),
    }
    table = Table(
        caption=_("Cost by year and by who paid (CLP)"),
        columns=[_("Year"), *[labels[payer] for payer in payers], _("Total")],
        rows=[
            (
                str(year),
                [format_clp(by_year[year].get(payer, 0)) for payer in payers]
                + [format_clp(totals[year])],
            )
            for year in years
        ],
    )
    return Chart(
        key="cost-by-year",
        title=_("Cost by year, by who paid"),
        description=description,
        width=WIDTH,
        height=height,
        table=table,
        bars=bars,
        ticks=ticks,
        legend=[{"label": labels[payer], "pattern": PAYER_PATTERNS[payer]} for payer in payers],
        plot={"left": left, "right": WIDTH - right, "bottom": top + plot_h, "top": top},
    )


def _horizontal(key, title, description, items, table, value_label):
    """Horizontal bars with the label at the left and the value at the end of each bar."""
    row_h, top, label_w, value_w = 32, 8, 200, 110
    height = top * 2 + row_h * len(items)
    maximum = max(float(value) for _label, value in items) or 1.0
    span = WIDTH - label_w - value_w
    bars = []
    for position, (label, value) in enumerate(items):
        width = float(value) / maximum * span
        y = top + position * row_h
        bars.append(
            {
                "label": _clip(label),
                "x": label_w,
                "y": _n(y + 6),
                "width": _n(max(width, 1.0)),
                "height": row_h - 12,
                "text_y": _n(y + row_h / 2 + 5),
                "value_label": value_label(value),
                "value_x": _n(label_w + width + 6),
            }
        )
    return Chart(
        key=key,
        title=title,
        description=description,
        width=WIDTH,
        height=height,
        table=table,
        bars=bars,
        plot={"label_x": label_w - 8},
    )


def cost_by_category(rows):
    """Horizontal bars: the cost of each category, largest first (``rows`` from
    cost_breakdown())."""
    labels = dict(CostCategory.choices)
    by_category = {}
    for row in rows:
        by_category[row["category"]] = by_category.get(row["category"], 0) + row["total_clp"]
    ordered = sorted(by_category.items(), key=lambda item: (-item[1], item[0]))
    items = [(str(labels.get(category, category)), total) for category, total in ordered]
    if not items or not any(value for _label, value in items):
        return None
    description = _(
        "Horizontal bars, one per cost category, largest first: %(largest)s, %(amount)s."
    ) % {"largest": items[0][0], "amount": format_clp(items[0][1])}
    table = Table(
        caption=_("Cost by category (CLP)"),
        columns=[_("Category"), _("Cost")],
        rows=[(label, [format_clp(value)]) for label, value in items],
    )
    return _horizontal(
        "cost-by-category", _("Cost by category"), description, items, table, format_compact_clp
    )


def top_countries(counted, limit=TOP_COUNTRIES):
    """The countries visited by most missions (a mission counts once per country)."""
    rows = list(
        MissionDestination.objects.filter(page__in=counted.values("pk"))
        .order_by()
        .values("country")
        .annotate(missions=Count("page", distinct=True))
        .order_by("-missions", "country")[:limit]
    )
    if not rows:
        return None
    items = [(countries.name(row["country"]) or row["country"], row["missions"]) for row in rows]
    description = ngettext(
        "Horizontal bars, one per country, most visited first: %(country)s, %(count)s mission.",
        "Horizontal bars, one per country, most visited first: %(country)s, %(count)s missions.",
        items[0][1],
    ) % {"country": items[0][0], "count": format_count(items[0][1])}
    table = Table(
        caption=_("Missions by destination country (top %(limit)s)") % {"limit": limit},
        columns=[_("Country"), _("Missions")],
        rows=[(label, [format_count(value)]) for label, value in items],
    )
    return _horizontal(
        "top-destinations", _("Top destinations"), description, items, table, format_count
    )


def charts(counted):
    """The index's three charts for the missions that count, leaving out empty ones."""
    costs = cost_breakdown(counted)
    return [
        chart
        for chart in (cost_by_year(costs), cost_by_category(costs), top_countries(counted))
        if chart
    ]
