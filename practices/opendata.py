"""The practices and their indicators as open data, on the shared mechanism (home/opendata):
two tables joined by ``practice_id`` (the page's translation key, the same in both languages),
served under the practices index (practices/routes/index.py) and listed by the portal.

The files hold every practice published in the index's language; the rows are read in chunks
with their themes, goals and partners prefetched, so memory and queries do not grow with the
number of practices.
"""

from decimal import Decimal

from django.db.models import Count, Max
from django.utils.translation import gettext_lazy as _

from directory.models import Organization
from home.opendata.dataset import Dataset
from home.opendata.schema import (
    BOOLEAN,
    DATE,
    DATETIME,
    INTEGER,
    LIST_SEPARATOR,
    NUMBER,
    STRING,
    Column,
    Resource,
)
from home.opendata.together import Latest, Rows
from home.translated import in_locale

from .models import PracticeIndicator, PracticePage, Theme

CHUNK_SIZE = 200
CLP = _("Chilean pesos (CLP)")
PRACTICE_ID = Column(
    "practice_id",
    STRING,
    _(
        "Stable identifier of the practice: the same in Spanish and English and across edits. "
        "Joins the two files."
    ),
    format="uuid",
    required=True,
)

PRACTICES = Resource(
    name="practices",
    slug="practices",
    title=_("Good practices"),
    description=_("One row per published good-practice case study, with its resources."),
    primary_key="practice_id",
    columns=(
        PRACTICE_ID,
        Column("language", STRING, _("Language of the record's text (es or en)."), required=True),
        Column("title", STRING, _("Title of the practice."), required=True),
        Column("url", STRING, _("Address of the practice's public page."), format="uri"),
        Column("summary", STRING, _("What the practice is, in a few sentences.")),
        Column("status", STRING, _("Where the practice stands."), choices=PracticePage.Status),
        Column("start_year", INTEGER, _("The year the practice started."), minimum=1950),
        Column("themes", STRING, _("Themes of the practice, separated by “; ”.")),
        Column(
            "sdgs",
            STRING,
            _("Numbers of the UN Sustainable Development Goals served, separated by “; ”."),
        ),
        Column("responsible_unit", STRING, _("The municipal unit in charge.")),
        Column("budget_clp", NUMBER, _("Total cost of the practice."), unit=CLP, minimum=0),
        Column("team_size", INTEGER, _("People working on it, in total."), minimum=0),
        Column("duration_months", INTEGER, _("How long it ran or has run."), unit=_("months")),
        Column("partners", STRING, _("Partner organizations, separated by “; ”.")),
        Column("contact_name", STRING, _("Name of the person to contact about it.")),
        Column("contact_role", STRING, _("Role of that person.")),
        Column("indicators_count", INTEGER, _("Number of measured indicators."), minimum=0),
        Column("first_published_at", DATETIME, _("When the record was first published.")),
        Column(
            "last_published_at",
            DATETIME,
            _("When the record was last published (a correction or an update)."),
        ),
    ),
)

INDICATORS = Resource(
    name="practice_indicators",
    slug="indicators",
    title=_("Practice indicators"),
    description=_(
        "One row per measured indicator of a practice: baseline, target, latest value and progress."
    ),
    primary_key="indicator_id",
    foreign_keys=(("practice_id", "practices", "practice_id"),),
    columns=(
        Column(
            "indicator_id",
            STRING,
            _("Stable identifier of the indicator (the same in both languages)."),
            format="uuid",
            required=True,
        ),
        PRACTICE_ID,
        Column("name", STRING, _("What is measured."), required=True),
        Column("unit", STRING, _("Unit of the values (%, tonnes of CO₂, households…).")),
        Column("baseline", NUMBER, _("The value before the practice started."), unit=_("unit")),
        Column("target", NUMBER, _("The value the practice aims for."), unit=_("unit")),
        Column("current_value", NUMBER, _("The latest measured value."), unit=_("unit")),
        Column(
            "progress",
            NUMBER,
            _(
                "Share of the way from baseline to target (1 = reached, above 1 = overshot, "
                "below 0 = moved the wrong way); empty when baseline and target are equal."
            ),
        ),
        Column("target_reached", BOOLEAN, _("The latest value reaches the target.")),
        Column("measured_on", DATE, _("Date of the latest value.")),
        Column("source", STRING, _("Where the figure comes from.")),
    ),
)

PROGRESS_PLACES = Decimal("0.0001")


def _plain(value):
    """A stored decimal without its padding zeros (12.5000 → 12.5, 1200.0000 → 1200)."""
    if value is None:
        return None
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def _localized_names(objects, locale_id):
    """{pk: name in ``locale_id``} for translatable snippets (themes, organizations)."""
    objects = list(objects)
    swapped = in_locale(objects, locale_id, distinct=False) if objects else []
    return {obj.pk: shown.name for obj, shown in zip(objects, swapped, strict=True)}


def practice_rows(practices, language, locale_id, index_url):
    pks = practices.values("pk")
    themes = _localized_names(Theme.objects.filter(practices__in=pks).distinct(), locale_id)
    partners = _localized_names(
        Organization.objects.filter(practices__in=pks).distinct(), locale_id
    )
    practices = (
        practices.order_by("title", "pk")
        .annotate(indicators_total=Count("indicators"))
        .prefetch_related("themes", "sdgs", "partners")
    )
    for practice in practices.iterator(chunk_size=CHUNK_SIZE):
        yield {
            "practice_id": str(practice.translation_key),
            "language": language,
            "title": practice.title,
            "url": f"{index_url}{practice.slug}/",
            "summary": practice.summary,
            "status": practice.status,
            "start_year": practice.start_year,
            "themes": LIST_SEPARATOR.join(
                sorted({themes[theme.pk] for theme in practice.themes.all()})
            ),
            "sdgs": LIST_SEPARATOR.join(str(goal.number) for goal in practice.sdgs.all()),
            "responsible_unit": practice.responsible_unit,
            "budget_clp": practice.budget_clp,
            "team_size": practice.team_size,
            "duration_months": practice.duration_months,
            "partners": LIST_SEPARATOR.join(
                sorted({partners[partner.pk] for partner in practice.partners.all()})
            ),
            "contact_name": practice.contact_name,
            "contact_role": practice.contact_role,
            "indicators_count": practice.indicators_total,
            "first_published_at": practice.first_published_at,
            "last_published_at": practice.last_published_at,
        }


def indicator_rows(practices):
    indicators = (
        PracticeIndicator.objects.filter(page__in=practices.values("pk"))
        .select_related("page")
        .order_by("page__title", "page_id", "sort_order", "pk")
    )
    for indicator in indicators.iterator(chunk_size=CHUNK_SIZE):
        progress = indicator.progress
        yield {
            "indicator_id": str(indicator.translation_key),
            "practice_id": str(indicator.page.translation_key),
            "name": indicator.name,
            "unit": indicator.unit,
            "baseline": _plain(indicator.baseline),
            "target": _plain(indicator.target),
            "current_value": _plain(indicator.current_value),
            "progress": None if progress is None else progress.quantize(PROGRESS_PLACES),
            "target_reached": indicator.target_reached,
            "measured_on": indicator.measured_on,
            "source": indicator.source,
        }


class PracticesDataset(Dataset):
    name = "practices"
    title = _("Good practices and their indicators")
    description = _(
        "Every published good-practice case study of the city, with its resources and partners, "
        "and each practice's measured indicators. Two tables joined by practice_id."
    )
    resources = (PRACTICES, INDICATORS)
    index_page = "practices.PracticeIndexPage"

    def practices(self):
        return PracticePage.objects.child_of(self.index).live().public()

    def freshness(self):
        figures = self.practices().aggregate(last=Max("last_published_at"), count=Count("pk"))
        return figures["last"], figures["count"]

    def figure_parts(self):
        practices = self.practices()
        return {
            "last": Latest(practices, "last_published_at"),
            "practices": Rows(practices),
            "indicators": Rows(PracticeIndicator.objects.filter(page__in=practices.values("pk"))),
        }

    def figures_from(self, read):
        return read["last"], {
            PRACTICES.slug: read["practices"],
            INDICATORS.slug: read["indicators"],
        }

    def rows(self, resource):
        if resource is PRACTICES:
            return practice_rows(
                self.practices(),
                self.language,
                self.index.locale_id,
                self.index.get_full_url(self.request),
            )
        return indicator_rows(self.practices())

    def row_count(self, resource):
        if resource is PRACTICES:
            return self.practices().count()
        return PracticeIndicator.objects.filter(page__in=self.practices().values("pk")).count()


DATASETS = (PracticesDataset,)
