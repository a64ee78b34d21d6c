"""The rows of a mission record: destinations, delegation, agenda and cost lines.

Each row belongs to its mission page through a ParentalKey (by name, "missions.MissionPage", so
this module never imports the page), is translatable with it, and is kept in editing order.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.translated import in_locale

from .choices import CostCategory, Payer
from .currency import ISO_CURRENCIES, LOCAL_CURRENCY, non_negative, validate_currency
from .sql import Rounded, line_clp

PAGE = "missions.MissionPage"


class CostLineQuerySet(models.QuerySet):
    def with_clp(self):
        """Annotate ``amount_clp``: the amount converted at the line's rate, to the cent."""
        return self.annotate(amount_clp=line_clp())

    def breakdown(self, *fields):
        """[{field: value, …, "total_clp": Decimal}] summed by ``fields`` (e.g. "payer",
        "category", "page__start_date__year"), in the order of ``fields``."""
        return (
            self.order_by()
            .values(*fields)
            .annotate(total_clp=Rounded(Sum(line_clp())))
            .order_by(*fields)
        )


CostLineManager = models.Manager.from_queryset(CostLineQuerySet)


class MissionChild(TranslatableMixin, Orderable):
    """A row of a mission (destination, delegate, meeting, cost line, correction).

    Children are translatable so that wagtail-localize synchronises them with the Spanish
    source and translates their text; ``localized_foreign_keys`` are swapped on save for their
    translation in the row's own language.
    """

    localized_foreign_keys = ()

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "pk"]

    def _own_locale_id(self):
        if self.locale_id:
            return self.locale_id
        try:
            return self.get_default_locale().pk
        except models.ObjectDoesNotExist:
            return None

    def save(self, *args, **kwargs):
        locale_id = self._own_locale_id()
        for name in self.localized_foreign_keys:
            related = getattr(self, name)
            if locale_id and related is not None and related.locale_id != locale_id:
                setattr(self, name, in_locale([related], locale_id)[0])
        super().save(*args, **kwargs)


class MissionDestination(MissionChild):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="destinations")
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"), help_text=_("ISO 3166 country."))

    panels = [FieldRowPanel([FieldPanel("city"), FieldPanel("country")])]
    translatable_fields = [TranslatableField("city"), SynchronizedField("country")]

    class Meta(MissionChild.Meta):
        verbose_name = _("destination")
        verbose_name_plural = _("destinations")

    def __str__(self):
        return f"{self.city}, {self.country.name}"


class DelegationMember(MissionChild):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="delegation")
    person = models.ForeignKey(
        "directory.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="mission_delegations",
    )
    role = models.CharField(
        _("role on the trip"), max_length=200, help_text=_("For example: head of delegation.")
    )

    localized_foreign_keys = ("person",)
    panels = [FieldPanel("person"), FieldPanel("role")]
    translatable_fields = [TranslatableField("person"), TranslatableField("role")]

    class Meta(MissionChild.Meta):
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation")

    def __str__(self):
        return f"{self.person.name}: {self.role}"


class AgendaItem(MissionChild):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="agenda")
    date = models.DateField(_("date"))
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("counterpart organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mission_agenda_items",
    )
    subject = models.CharField(_("subject"), max_length=300)

    localized_foreign_keys = ("organization",)
    panels = [FieldPanel("date"), FieldPanel("organization"), FieldPanel("subject")]
    translatable_fields = [
        SynchronizedField("date"),
        TranslatableField("organization"),
        TranslatableField("subject"),
    ]

    class Meta(MissionChild.Meta):
        verbose_name = _("meeting")
        verbose_name_plural = _("agenda")
        ordering = ["date", "sort_order", "pk"]

    def __str__(self):
        return f"{self.date}: {self.subject}"


class CostLine(MissionChild):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="cost_lines")
    category = models.CharField(_("category"), max_length=30, choices=CostCategory.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        validators=[non_negative()],
        help_text=_("In the currency below, as on the invoice or receipt."),
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        default=LOCAL_CURRENCY,
        validators=[validate_currency],
        help_text=_("ISO 4217 code: CLP, USD, EUR…"),
    )
    exchange_rate = models.DecimalField(
        _("exchange rate to CLP"),
        max_digits=18,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_(
            "Chilean pesos for one unit of the currency on the payment date. "
            "Leave empty for amounts in CLP."
        ),
    )
    payer = models.CharField(_("paid by"), max_length=30, choices=Payer.choices)
    paying_organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("paying organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mission_cost_lines",
        help_text=_("Who paid, when it was not the municipality."),
    )

    objects = CostLineManager()

    localized_foreign_keys = ("paying_organization",)
    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("payer")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("currency"), FieldPanel("exchange_rate")]),
        FieldPanel("paying_organization"),
    ]
    translatable_fields = [
        SynchronizedField("category"),
        TranslatableField("description"),
        SynchronizedField("amount"),
        SynchronizedField("currency"),
        SynchronizedField("exchange_rate"),
        SynchronizedField("payer"),
        TranslatableField("paying_organization"),
    ]

    class Meta(MissionChild.Meta):
        verbose_name = _("cost line")
        verbose_name_plural = _("cost lines")

    def __str__(self):
        return f"{self.get_category_display()}: {self.amount} {self.currency}"

    def clean(self):
        super().clean()
        self.currency = (self.currency or "").strip().upper()
        if self.currency == LOCAL_CURRENCY:
            self.exchange_rate = Decimal(1)
        elif self.currency in ISO_CURRENCIES:
            if self.exchange_rate is None:
                raise ValidationError(
                    {
                        "exchange_rate": _(
                            "Give the exchange rate: how many Chilean pesos one %(currency)s "
                            "was worth when it was paid."
                        )
                        % {"currency": self.currency}
                    }
                )
            if self.exchange_rate <= 0:
                raise ValidationError(
                    {"exchange_rate": _("The exchange rate must be greater than zero.")}
                )

    def save(self, *args, **kwargs):
        self.currency = (self.currency or "").strip().upper()
        if self.currency == LOCAL_CURRENCY:
            self.exchange_rate = Decimal(1)
        super().save(*args, **kwargs)

    @property
    def amount_in_clp(self):
        """Python twin of the SQL conversion, for rows not saved yet (previews)."""
        if self.amount is None or self.exchange_rate is None:
            return None
        return (self.amount * self.exchange_rate).quantize(Decimal("0.01"))
