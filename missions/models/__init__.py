from home.deadlines import report_days as report_days_setting

from .choices import (
    AuthorizationActType,
    CostCategory,
    MissionType,
    Payer,
    ReportStatus,
    ResultKind,
    ResultStatus,
    report_status_label,
)
from .corrections import MissionCorrection
from .index import MissionIndexPage
from .page import MissionPage
from .queryset import MissionQuerySet
from .results import MissionResult, ResultFollowUp
from .rows import AgendaItem, CostLine, CostLineQuerySet, DelegationMember, MissionDestination

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
    "report_status_label",
]
