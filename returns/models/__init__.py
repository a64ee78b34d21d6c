from .pages import ObjectiveIndexPage
from .projects import CityProject, NeedKind, NeedState, ProjectNeed, ProjectStatus, need_state
from .statements import NoTripsStatement, month_end
from .travel import CabinClass, EmissionFactor, Haul, TravelLeg, TravelMode

__all__ = [
    "CabinClass",
    "CityProject",
    "EmissionFactor",
    "Haul",
    "NeedKind",
    "NeedState",
    "NoTripsStatement",
    "ObjectiveIndexPage",
    "ProjectNeed",
    "ProjectStatus",
    "TravelLeg",
    "TravelMode",
    "month_end",
    "need_state",
]
