from .choices import (
    AuthorizationActType,
    CostCategory,
    MissionType,
    Payer,
    ReportStatus,
    ResultKind,
    ResultStatus,
)
from .index import MissionIndexPage
from .mission import (
    AgendaItem,
    CostLine,
    DelegationMember,
    MissionCorrection,
    MissionDestination,
    MissionPage,
    MissionResult,
    ResultFollowUp,
)
from .queryset import CostLineQuerySet, MissionQuerySet, report_days_setting

__all__ = [
    "AgendaItem",
    "AuthorizationActType",
    "CostCategory",
    "CostLine",
    "CostLineQuerySet",
    "DelegationMember",
    "MissionCorrection",
    "MissionDestination",
    "MissionIndexPage",
    "MissionPage",
    "MissionQuerySet",
    "MissionResult",
    "MissionType",
    "Payer",
    "ReportStatus",
    "ResultFollowUp",
    "ResultKind",
    "ResultStatus",
    "report_days_setting",
]
