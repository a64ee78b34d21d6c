"""A published mission is never silently changed.

Its "figures" are the facts an auditor compares: dates, destinations, cost lines (category,
amount, currency, rate, payer), results (status, value) and whether it is withdrawn. Changing
them on a live mission needs a correction note (checked by MissionPageForm). The note travels
with the draft or the moderation request, and becomes a dated MissionCorrection when the change
is published, whoever publishes it (missions/models/corrections.py). This module compares
figures only: it imports no model, so the edit form and the admin hooks can use it freely.
"""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

CLP = "CLP"
PARTS = {
    "dates": _("dates"),
    "destinations": _("destinations"),
    "cost_lines": _("cost lines"),
    "results": _("results"),
    "withdrawn": _("withdrawal"),
}


def _get(item, name):
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def _decimal(value, places):
    if value in (None, ""):
        return None
    return Decimal(value).quantize(Decimal(1).scaleb(-places))


def destination_key(item):
    return ((_get(item, "city") or "").strip(), str(_get(item, "country") or ""))


def cost_line_key(item):
    currency = (_get(item, "currency") or "").strip().upper()
    rate = Decimal(1) if currency == CLP else _get(item, "exchange_rate")
    return (
        _get(item, "category") or "",
        _decimal(_get(item, "amount"), 2),
        currency,
        _decimal(rate, 6),
        _get(item, "payer") or "",
    )


def result_key(item, status=None):
    return (status or _get(item, "status") or "", _decimal(_get(item, "value_clp"), 2))


def snapshot(start_date, end_date, destinations, cost_lines, results, withdrawn):
    """The comparable figures; rows are sorted, so reordering them is not a change."""
    return {
        "dates": (start_date, end_date),
        "destinations": sorted(destination_key(item) for item in destinations),
        "cost_lines": sorted(cost_line_key(item) for item in cost_lines),
        "results": sorted(result_keys for result_keys in results),
        "withdrawn": bool(withdrawn),
    }


def page_snapshot(page):
    """Figures of a mission as stored (for a live page, what the public sees)."""
    return snapshot(
        page.start_date,
        page.end_date,
        page.destinations.all(),
        page.cost_lines.all(),
        [result_key(result) for result in page.results.all()],
        page.withdrawn,
    )


def changed_parts(before, after):
    """Translated names of the figures that differ, in a stable order.

    Withdrawing is not a correction (it has its own public reason); reinstating a withdrawn
    mission is.
    """
    changed = [label for key, label in PARTS.items() if before[key] != after[key]]
    if before["withdrawn"] is False and after["withdrawn"] is True:
        changed.remove(PARTS["withdrawn"])
    return changed
