"""The objectives overview's chart: municipal cost and value obtained, per objective."""

from django.utils.translation import gettext as _

from home.formats import format_clp, format_compact_clp, format_count
from missions.charts import Table, _horizontal


def overview_chart(rows):
    """Horizontal bars of each objective's value obtained, with the full comparison as its
    table (cost, value, results, missions); None when no objective has any cost or value."""
    if not any(row["municipal_cost"] or row["value"] for row in rows):
        return None
    items = [
        (f"{row['objective'].code} {row['objective'].title}", row["value"] or 0) for row in rows
    ]
    best = max(rows, key=lambda row: row["value"] or 0)
    description = _(
        "Horizontal bars, one per objective: the value obtained from achieved results. Highest: "
        "%(objective)s, %(amount)s. The table gives the municipal cost beside it."
    ) % {"objective": best["objective"].title, "amount": format_clp(best["value"] or 0)}
    table = Table(
        caption=_("Objectives compared: missions, municipal cost, results achieved and value"),
        columns=[
            _("Objective"),
            _("Missions"),
            _("Cost to the municipality"),
            _("Results achieved"),
            _("Value obtained"),
        ],
        rows=[
            (
                items[position][0],
                [
                    format_count(row["missions"]),
                    format_clp(row["municipal_cost"]),
                    format_count(row["results_achieved"]),
                    format_clp(row["value"]) if row["value"] is not None else _("not recorded"),
                ],
            )
            for position, row in enumerate(rows)
        ],
    )
    return _horizontal(
        "objectives-value",
        _("Value obtained by objective"),
        description,
        items,
        table,
        format_compact_clp,
    )
