"""A mission's travel legs and the versioned conversion factors their emissions come from.

A leg stores the figures it was estimated with (distance, haul, the factor row, kg CO2e with
and without radiative forcing): totals are then plain sums in the database, and a new edition
of the factors changes past figures only when ``recompute_travel_emissions`` is run.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail_localize.fields import SynchronizedField

from missions.models.rows import MissionChild

from .. import carbon


class TravelMode(models.TextChoices):
    AIR = "air", _("Flight")
    RAIL = "rail", _("Train")
    COACH = "coach", _("Bus or coach")
    CAR = "car", _("Car")


class CabinClass(models.TextChoices):
    ECONOMY = "economy", _("Economy")
    PREMIUM_ECONOMY = "premium_economy", _("Premium economy")
    BUSINESS = "business", _("Business")
    FIRST = "first", _("First")


class Haul(models.TextChoices):
    DOMESTIC = "domestic", _("Domestic flight")
    SHORT = "short", _("Short-haul flight (under 3,700 km)")
    LONG = "long", _("Long-haul flight (3,700 km or more)")


AVERAGE_CABIN = "average"  # the factor for an unknown or unpublished cabin class


class EmissionFactorQuerySet(models.QuerySet):
    def latest_edition(self):
        return self.order_by("-edition").values_list("edition", flat=True).first()

    def for_leg(self, mode, haul, cabin, edition):
        """The factor row for this leg: the cabin's own, else the haul's average (DESNZ
        publishes only an average for domestic flights, and no first class on short-haul)."""
        rows = {row.cabin: row for row in self.filter(edition=edition, mode=mode, haul=haul or "")}
        return rows.get(cabin or "") or rows.get(AVERAGE_CABIN) or rows.get("")


class EmissionFactor(models.Model):
    """One published conversion factor: kg CO2e per passenger-km (per vehicle-km for cars)."""

    edition = models.PositiveSmallIntegerField(
        _("edition"), help_text=_("The year of the published factor set, e.g. 2024.")
    )
    mode = models.CharField(_("mode"), max_length=10, choices=TravelMode.choices)
    haul = models.CharField(_("haul"), max_length=10, choices=Haul.choices, blank=True)
    cabin = models.CharField(_("cabin class"), max_length=20, blank=True)
    kg_per_km_with_rf = models.DecimalField(
        _("kg CO2e per km, with radiative forcing"), max_digits=8, decimal_places=5
    )
    kg_per_km_without_rf = models.DecimalField(
        _("kg CO2e per km, without radiative forcing"), max_digits=8, decimal_places=5
    )
    per_vehicle = models.BooleanField(
        _("per vehicle"), default=False, help_text=_("The factor is per vehicle-km.")
    )
    distance_uplift = models.DecimalField(
        _("distance uplift"), max_digits=4, decimal_places=3, default=0
    )
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source address"), max_length=400)

    objects = EmissionFactorQuerySet.as_manager()

    class Meta:
        verbose_name = _("emission factor")
        verbose_name_plural = _("emission factors")
        ordering = ["-edition", "mode", "haul", "cabin"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "mode", "haul", "cabin"], name="one_factor_per_case"
            )
        ]

    def __str__(self):
        return f"{self.edition} {self.mode} {self.haul} {self.cabin}".strip()

    @property
    def cabin_label(self):
        return dict(CabinClass.choices).get(self.cabin, self.cabin)


class TravelLeg(MissionChild):
    """One journey of the delegation: from, to, how, in which class, how many, one way or return."""

    page = ParentalKey("missions.MissionPage", on_delete=models.CASCADE, related_name="travel_legs")
    mode = models.CharField(_("mode"), max_length=10, choices=TravelMode.choices)
    origin = models.CharField(
        _("from"),
        max_length=120,
        help_text=_("Flights: the airport's IATA code (SCL). Else the city."),
    )
    destination = models.CharField(
        _("to"),
        max_length=120,
        help_text=_("Flights: the airport's IATA code (MAD). Else the city."),
    )
    cabin_class = models.CharField(
        _("cabin class"),
        max_length=20,
        choices=CabinClass.choices,
        blank=True,
        help_text=_("Flights only."),
    )
    travellers = models.PositiveSmallIntegerField(
        _("travellers"), default=1, validators=[MinValueValidator(1)]
    )
    return_trip = models.BooleanField(_("return journey"), default=True)
    distance_km = models.DecimalField(
        _("distance (km, one way)"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_(
            "Train, bus or car: the distance travelled. Flights: computed from the airports."
        ),
    )
    haul = models.CharField(
        _("haul"), max_length=10, choices=Haul.choices, blank=True, editable=False
    )
    factor = models.ForeignKey(
        EmissionFactor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        editable=False,
        related_name="+",
    )
    emissions_kg = models.DecimalField(
        _("kg CO2e with radiative forcing"),
        max_digits=10,
        decimal_places=1,
        null=True,
        editable=False,
    )
    emissions_kg_without_rf = models.DecimalField(
        _("kg CO2e without radiative forcing"),
        max_digits=10,
        decimal_places=1,
        null=True,
        editable=False,
    )

    panels = [
        FieldRowPanel([FieldPanel("mode"), FieldPanel("origin"), FieldPanel("destination")]),
        FieldRowPanel(
            [
                FieldPanel("cabin_class"),
                FieldPanel("travellers"),
                FieldPanel("return_trip"),
                FieldPanel("distance_km"),
            ]
        ),
    ]
    translatable_fields = [
        SynchronizedField(name)
        for name in (
            "mode",
            "origin",
            "destination",
            "cabin_class",
            "travellers",
            "return_trip",
            "distance_km",
        )
    ]

    class Meta(MissionChild.Meta):
        verbose_name = _("travel leg")
        verbose_name_plural = _("travel legs")

    def __str__(self):
        return f"{self.origin} – {self.destination} ({self.get_mode_display()})"

    def clean(self):
        super().clean()
        errors = self.estimate_errors()
        if errors:
            raise ValidationError(errors)
        self.estimate()

    def estimate_errors(self):
        """{field: message} for what stops an estimate; {} when it can be made."""
        errors = {}
        if self.travellers is not None and self.travellers < 1:
            errors["travellers"] = _("A leg needs at least one traveller.")
        if self.mode == TravelMode.AIR:
            for name in ("origin", "destination"):
                if carbon.airport(getattr(self, name)) is None:
                    errors[name] = _(
                        "“%(code)s” is not a known airport IATA code (three letters, e.g. SCL)."
                    ) % {"code": getattr(self, name)}
        elif self.mode:
            if self.cabin_class:
                errors["cabin_class"] = _(
                    "A cabin class applies to flights only: leave it empty for a train, bus or car."
                )
            if self.distance_km is None:
                errors["distance_km"] = _("Give the distance travelled by train, bus or car.")
        return errors

    def estimate(self, edition=None):
        """Fill distance, haul, factor and emissions from the factor set ``edition`` (the
        newest when None). Leaves them empty when the leg cannot be estimated."""
        if self.estimate_errors():
            return
        factors = EmissionFactor.objects.all()
        edition = edition or factors.latest_edition()
        if self.mode == TravelMode.AIR:
            origin, destination = carbon.airport(self.origin), carbon.airport(self.destination)
            self.origin, self.destination = (
                self.origin.strip().upper(),
                self.destination.strip().upper(),
            )
            self.distance_km = carbon.flight_distance_km(origin, destination)
            self.haul = carbon.flight_haul(origin, destination, self.distance_km)
        else:
            self.haul = ""
        factor = (
            factors.for_leg(self.mode, self.haul, self.cabin_class, edition) if edition else None
        )
        self.factor = factor
        if factor is None:
            self.emissions_kg = self.emissions_kg_without_rf = None
            return
        args = (self.distance_km, factor.distance_uplift)
        rest = (self.travellers, self.return_trip, factor.per_vehicle)
        self.emissions_kg = carbon.leg_emissions_kg(*args, factor.kg_per_km_with_rf, *rest)
        self.emissions_kg_without_rf = carbon.leg_emissions_kg(
            *args, factor.kg_per_km_without_rf, *rest
        )

    def save(self, *args, **kwargs):
        if self.emissions_kg is None or self.factor_id is None:
            self.estimate()
        super().save(*args, **kwargs)
