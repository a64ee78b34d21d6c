"""The fixed vocabularies of a mission record (stored codes are English, labels are translated)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MissionType(models.TextChoices):
    CONFERENCE = "conference", _("Conference or forum")
    BILATERAL = "bilateral", _("Bilateral meeting")
    NETWORK_ASSEMBLY = "network_assembly", _("Network assembly")
    COOPERATION = "cooperation", _("Cooperation or funding search")
    TRAINING = "training", _("Training")
    PROMOTION = "promotion", _("Trade or investment promotion")
    AWARD = "award", _("Award")
    OTHER = "other", _("Other")


class CostCategory(models.TextChoices):
    AIRFARE = "airfare", _("Airfare")
    LODGING = "lodging", _("Lodging")
    PER_DIEM = "per_diem", _("Per diem")
    REGISTRATION = "registration", _("Registration")
    LOCAL_TRANSPORT = "local_transport", _("Local transport")
    INSURANCE = "insurance", _("Insurance")
    OTHER = "other", _("Other")


class Payer(models.TextChoices):
    MUNICIPALITY = "municipality", _("The municipality")
    HOST = "host", _("The host")
    PARTNER = "partner_or_sponsor", _("A partner or sponsor")
    NATIONAL_GOVERNMENT = "national_government", _("The national government")
    OTHER = "other", _("Other")


class ResultKind(models.TextChoices):
    AGREEMENT = "agreement", _("Agreement or MoU signed")
    FUNDING = "funding", _("Funding obtained")
    TECHNICAL_ASSISTANCE = "technical_assistance", _("Technical assistance")
    PRACTICE_TRANSFER = "practice_transfer", _("Practice or knowledge transferred")
    NETWORK_MEMBERSHIP = "network_membership", _("Network membership")
    INVESTMENT_LEAD = "investment_lead", _("Investment or trade lead")
    RECOGNITION = "recognition", _("Recognition")
    OTHER = "other", _("Other")


class ResultStatus(models.TextChoices):
    COMMITTED = "committed", _("Committed")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    NOT_ACHIEVED = "not_achieved", _("Not achieved")
    CANCELLED = "cancelled", _("Cancelled")


class AuthorizationActType(models.TextChoices):
    MAYORAL_DECREE = "mayoral_decree", _("Mayoral decree")
    COUNCIL_AGREEMENT = "council_agreement", _("Council agreement")
    RESOLUTION = "resolution", _("Resolution")
    OTHER = "other", _("Other")


class ReportStatus(models.TextChoices):
    """Where a mission's trip report stands (computed, never stored)."""

    SUBMITTED = "submitted", _("Report submitted")
    OVERDUE = "overdue", _("Report overdue")
    PENDING = "pending", _("Report due")
    NOT_DUE = "not_due", _("Trip not over yet")
    # A withdrawn record (a duplicate, a trip that never took place) owes no report.
    WITHDRAWN = "withdrawn", _("No report due: mission withdrawn")


TRIP_NOT_STARTED = _("Trip not started yet")
TRIP_UNDER_WAY = _("Trip under way")


def report_status_label(status, start_date=None, today=None):
    """What a reader is told about one mission's report: a trip not over yet says whether it
    has started (the status itself, used by filters, covers both)."""
    if status == ReportStatus.NOT_DUE and start_date is not None:
        today = today or timezone.localdate()
        return TRIP_NOT_STARTED if start_date > today else TRIP_UNDER_WAY
    return ReportStatus(status).label
