"""How practices are classified: the UN Sustainable Development Goals and the office's themes."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

# The official short names as the United Nations publishes them in each language. They are
# fixed texts of the UN rather than interface strings, so they live here as data: they are right
# whatever state the message catalogues are in, and a new language adds a column.
SDG_NAMES = {
    1: {"en": "No poverty", "es": "Fin de la pobreza"},
    2: {"en": "Zero hunger", "es": "Hambre cero"},
    3: {"en": "Good health and well-being", "es": "Salud y bienestar"},
    4: {"en": "Quality education", "es": "Educación de calidad"},
    5: {"en": "Gender equality", "es": "Igualdad de género"},
    6: {"en": "Clean water and sanitation", "es": "Agua limpia y saneamiento"},
    7: {"en": "Affordable and clean energy", "es": "Energía asequible y no contaminante"},
    8: {"en": "Decent work and economic growth", "es": "Trabajo decente y crecimiento económico"},
    9: {
        "en": "Industry, innovation and infrastructure",
        "es": "Industria, innovación e infraestructura",
    },
    10: {"en": "Reduced inequalities", "es": "Reducción de las desigualdades"},
    11: {"en": "Sustainable cities and communities", "es": "Ciudades y comunidades sostenibles"},
    12: {"en": "Responsible consumption and production", "es": "Producción y consumo responsables"},
    13: {"en": "Climate action", "es": "Acción por el clima"},
    14: {"en": "Life below water", "es": "Vida submarina"},
    15: {"en": "Life on land", "es": "Vida de ecosistemas terrestres"},
    16: {
        "en": "Peace, justice and strong institutions",
        "es": "Paz, justicia e instituciones sólidas",
    },
    17: {"en": "Partnerships for the goals", "es": "Alianzas para lograr los objetivos"},
}
SDG_NUMBERS = range(1, 18)


def sdg_name(number, language=None):
    """The goal's official short name in ``language`` (the active one by default), else English."""
    names = SDG_NAMES[number]
    language = (language or translation.get_language() or "en").split("-")[0]
    return names.get(language, names["en"])


class SustainableDevelopmentGoal(models.Model):
    """One of the 17 goals; rows come from a data migration and are never edited."""

    number = models.PositiveSmallIntegerField(
        _("number"),
        unique=True,
        validators=[MinValueValidator(1), MaxValueValidator(17)],
    )

    class Meta:
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name}"

    @classmethod
    def ensure_all(cls):
        """Create any of the 17 rows that are missing (after a database flush, for instance)."""
        existing = set(cls.objects.values_list("number", flat=True))
        cls.objects.bulk_create([cls(number=n) for n in SDG_NUMBERS if n not in existing])

    @property
    def name(self):
        return sdg_name(self.number)

    @property
    def label(self):
        return _("Goal %(number)s: %(name)s") % {"number": self.number, "name": self.name}


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A subject the office groups practices by (mobility, water, participation…)."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=False,
        help_text=_("Used in the address of the filtered practices list, e.g. mobility."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("slug"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="practices_theme_unique_slug")
        ]

    def __str__(self):
        return self.name
