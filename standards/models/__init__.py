from ..choices import ActionStatus, Channel, ComputedFrom, Direction, Frequency, Status, Unit
from .measurement import StandardMeasurement, share_of
from .page import StandardIndexPage, StandardPage, standards_serving

__all__ = [
    "ActionStatus",
    "Channel",
    "ComputedFrom",
    "Direction",
    "Frequency",
    "StandardIndexPage",
    "StandardMeasurement",
    "StandardPage",
    "Status",
    "Unit",
    "share_of",
    "standards_serving",
]
