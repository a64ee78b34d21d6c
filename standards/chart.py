"""A standard's last periods as an SVG column chart against its target line (no JavaScript).

Each column's fill pattern and the mark under it (✓ met, ✗ not met, – no data) tell its state
without colour; the value is written above it and the same figures are in the table beside it.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from .choices import Status, Unit
from .display import MARKS, format_target, format_value, period_label, status_label

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 28, 56
PATTERNS = {Status.MET: "solid", Status.NOT_MET: "diagonal", Status.NO_DATA: "none"}


def _n(value):
    """An SVG coordinate: never localized (a decimal comma would break the drawing)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def chart(standard, history, language_code=None):
    """The chart of ``history`` [(Period, measurement, Status)] as a dict the template draws."""
    values = [row.value for _p, row, _s in history if row is not None and row.value is not None]
    top = max([standard.target_value, *values]) if values else standard.target_value
    if standard.unit == Unit.PERCENT:
        top = Decimal(100)
    top = float(top) * 1.1 or 1.0
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / max(len(history), 1)

    def y(value):
        return TOP + plot_height - float(value) / top * plot_height

    bars = []
    for i, (period, row, status) in enumerate(history):
        x = LEFT + i * slot + slot * 0.15
        value = row.value if row is not None else None
        bar_y = y(value) if value is not None else TOP + plot_height
        bars.append(
            {
                "x": _n(x),
                "width": _n(slot * 0.7),
                "y": _n(bar_y),
                "height": _n(TOP + plot_height - bar_y),
                "center": _n(x + slot * 0.35),
                "value_y": _n(bar_y - 6),
                "value_label": format_value(value, standard.unit, language_code)
                if value is not None
                else "",
                "label": period_label(period, standard.frequency),
                "mark": MARKS[status],
                "pattern": PATTERNS[status],
                "status": status,
            }
        )
    target_y = y(standard.target_value)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "bars": bars,
        "compact": len(history) > 12,
        "plot": {"left": LEFT, "right": WIDTH - RIGHT, "bottom": _n(TOP + plot_height)},
        "target": {
            "y": _n(target_y),
            "label_y": _n(target_y - 6),
            "label": _("Target: %(target)s") % {"target": format_target(standard, language_code)},
        },
        "description": _(
            "%(periods)s periods: %(met)s met, %(not_met)s not met, %(no_data)s without data."
        )
        % {
            "periods": len(history),
            "met": sum(1 for b in bars if b["status"] == Status.MET),
            "not_met": sum(1 for b in bars if b["status"] == Status.NOT_MET),
            "no_data": sum(1 for b in bars if b["status"] == Status.NO_DATA),
        },
        "legend": [
            {"pattern": PATTERNS[s], "mark": MARKS[s], "label": status_label(s)} for s in Status
        ],
    }
