"""The missions index's filter: GET parameters validated by a form, applied to MissionQuerySet.

The same filter drives the listing, the totals, the charts, the open-data files and the feed,
so a shared address always means the same set of missions. A parameter that is not valid is
dropped and named in a notice (the page) or in ``ignored`` (the exports); the rest applies.

Withdrawn missions stay listed by default, marked, because withdrawing a record must not make
it disappear from public view; the totals and charts count only the missions that stand, as
the home page's figures do. ``withdrawn=hide`` leaves them out of the listing as well.
"""

import datetime
import hashlib

from django import forms
from django.core.cache import cache
from django.db.models import Exists, IntegerField, OuterRef, UUIDField, Value
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.models import Site

from directory.models import Person, StrategicObjective
from home.cache.fragments import content_key
from home.deadlines import report_days
from home.pages import per_request
from home.pagination import shorten
from home.params import NOT_AN_OPTION, REASONS, QueryParams
from home.translated import in_locale

from .models import (
    CostLine,
    DelegationMember,
    MissionDestination,
    MissionPage,
    MissionResult,
    MissionType,
    Payer,
    ReportStatus,
    ResultStatus,
)
from .models.sql import Year

# Kept values carry the content generation, so this only bounds how long they take room.
CACHE_SECONDS = 24 * 60 * 60

SORTS = {
    "newest": ("-start_date", "title", "pk"),
    "oldest": ("start_date", "title", "pk"),
    "cost_desc": ("-total_cost_clp", "-start_date", "pk"),
    "cost_asc": ("total_cost_clp", "-start_date", "pk"),
}
DEFAULT_SORT = "newest"
SORT_CHOICES = [
    ("newest", _("Newest first")),
    ("oldest", _("Oldest first")),
    ("cost_desc", _("Highest total cost first")),
    ("cost_asc", _("Lowest total cost first")),
]
WITHDRAWN_CHOICES = [
    ("", _("Listed and marked")),
    ("hide", _("Hidden")),
]


DATE_WIDGET = {"format": "%Y-%m-%d", "attrs": {"type": "date"}}
DATE_RANGE = (datetime.date(1900, 1, 1), datetime.date(2200, 12, 31))


def _with_blank(label, choices):
    return [("", label), *choices]


class MissionFilterForm(forms.Form):
    """Every field is optional; the option lists come from the missions of the index."""

    year = forms.ChoiceField(label=_("Year"), required=False)
    person = forms.ChoiceField(label=_("Person"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    objective = forms.ChoiceField(label=_("Strategic objective"), required=False)
    paid_by = forms.ChoiceField(label=_("Paid by"), required=False)
    result_status = forms.ChoiceField(label=_("Result status"), required=False)
    report_status = forms.ChoiceField(label=_("Trip report"), required=False)
    withdrawn = forms.ChoiceField(
        label=_("Withdrawn missions"), required=False, choices=WITHDRAWN_CHOICES
    )
    start_date__gte = forms.DateField(
        label=_("Starting on or after"), required=False, widget=forms.DateInput(**DATE_WIDGET)
    )
    start_date__lte = forms.DateField(
        label=_("Starting on or before"), required=False, widget=forms.DateInput(**DATE_WIDGET)
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    DATE_FIELDS = ("start_date__gte", "start_date__lte")
    FILTER_FIELDS = (
        "year",
        "person",
        "country",
        "type",
        "objective",
        "paid_by",
        "result_status",
        "report_status",
        "withdrawn",
        *DATE_FIELDS,
    )

    def __init__(self, data, options):
        super().__init__(data)
        self.options = options
        self.fields["year"].choices = _with_blank(
            _("Every year"), [(year, year) for year in options["years"]]
        )
        self.fields["person"].choices = _with_blank(
            _("Anyone"), [(pk, name) for pk, (name, _key) in options["people"].items()]
        )
        self.fields["country"].choices = _with_blank(_("Every country"), options["countries"])
        self.fields["type"].choices = _with_blank(_("Every type"), MissionType.choices)
        self.fields["objective"].choices = _with_blank(
            _("Every objective"),
            [(pk, label) for pk, (label, _key) in options["objectives"].items()],
        )
        self.fields["paid_by"].choices = _with_blank(_("Anyone"), Payer.choices)
        self.fields["result_status"].choices = _with_blank(_("Any status"), ResultStatus.choices)
        self.fields["report_status"].choices = _with_blank(_("Any"), ReportStatus.choices)


def filter_options(missions, locale_id):
    """The values present in ``missions``, labelled in the active language: years (newest
    first), people who travelled and objectives served ({pk: (label, translation_key)}, one
    per translation, the reader's language first) and countries visited [(code, name)].

    One query: the four small lists read together (``UNION ALL``), each row (kind, number,
    translation key, locale, first text, second text); in_locale() then reads the reader's
    translations of people and objectives picked in the other language, if any."""
    pks = missions.values("pk")
    # Typed NULLs: PostgreSQL matches each column's type across the parts.
    no_key, no_number = Cast(Value(None), UUIDField()), Cast(Value(None), IntegerField())
    people = (
        Person.objects.filter(mission_delegations__page__in=pks)
        .values_list(Value("person"), "pk", "translation_key", "locale_id", "name", Value(""))
        .distinct()
    )
    objectives = (
        StrategicObjective.objects.filter(missions__in=pks)
        .values_list(Value("objective"), "pk", "translation_key", "locale_id", "code", "title")
        .distinct()
    )
    years = (
        missions.filter(start_date__isnull=False)
        .annotate(year=Cast(Year("start_date"), IntegerField()))
        .values_list(Value("year"), "year", no_key, no_number, Value(""), Value(""))
        .distinct()
    )
    codes = (
        MissionDestination.objects.filter(page__in=pks)
        .values_list(Value("country"), no_number, no_key, no_number, "country", Value(""))
        .distinct()
    )
    found = {"person": [], "objective": [], "year": [], "country": []}
    for kind, number, key, locale, first, second in people.order_by().union(
        objectives.order_by(), years.order_by(), codes.order_by(), all=True
    ):
        if kind == "person":
            row = Person(pk=number, translation_key=key, locale_id=locale, name=first)
        elif kind == "objective":
            row = StrategicObjective(
                pk=number, translation_key=key, locale_id=locale, code=first, title=second
            )
        else:
            row = number if kind == "year" else first
        found[kind].append(row)
    people = in_locale(found["person"], locale_id)
    people.sort(key=lambda person: person.name.casefold())
    objectives = in_locale(found["objective"], locale_id)
    objectives.sort(key=lambda objective: (objective.code, objective.title))
    return {
        "years": sorted(found["year"], reverse=True),
        "people": {str(p.pk): (p.name, p.translation_key) for p in people},
        "countries": sorted(
            ((code, countries.name(code) or code) for code in found["country"]), key=_by_label
        ),
        "objectives": {
            str(o.pk): (f"{o.code} {o.title}".strip(), o.translation_key) for o in objectives
        },
    }


def _by_label(choice):
    return choice[1].casefold()


# The options of a filter given no value: reading an absent value gives the field's default
# whatever its choices.
NO_OPTIONS = {"years": [], "people": {}, "countries": [], "objectives": {}}
# The fields whose choices are those options (the others' choices are fixed).
OPTION_FIELDS = ("year", "person", "country", "objective")


def _report_days(index, request):
    """The report deadline of the index's site: the request's settings when the index is on
    the request's site (read with the layout's, no query of its own), else the index's site's,
    kept while the content is unchanged."""
    site = Site.find_for_request(request)
    # The site the index's address belongs to, from Wagtail's kept root paths (one for each
    # language's home): no query.
    parts = index.get_url_parts(request) if site is not None else None
    if parts is not None and parts[0] == site.pk:
        return report_days(request=request)
    return per_request(
        ("index_report_days", index.pk),
        lambda: report_days(site=index.get_site()),
        shared=True,
    )


class MissionFilter:
    """The missions of ``index`` that match ``params`` (a QueryDict), and what was ignored.

    ``applied`` maps each valid, non-empty parameter to its value (in a stable order, for the
    links to the open data and the JSON metadata); ``ignored`` lists the invalid ones.
    """

    def __init__(self, index, params, request=None):
        self.index = index
        self.params = params
        self.base = MissionPage.objects.child_of(index).live().public()
        self.report_days = _report_days(index, request)
        # Each value is read by the shared parser against the field's options; the form is
        # then bound to the valid values only, to render the filter as applied. Without a value
        # for a field whose choices are the options (the unfiltered index, a sorted file, the
        # portal's figures) nothing is read against them, so they are only computed if the form
        # is shown.
        reader = QueryParams(params)
        given = any(reader.raw(name).strip() for name in OPTION_FIELDS)
        fields = MissionFilterForm(None, self.options if given else NO_OPTIONS).fields
        self.cleaned = {name: self._read(reader, name, field) for name, field in fields.items()}
        self.ignored = [
            (problem.name, fields[problem.name].label, problem.value) for problem in reader.invalid
        ]
        self.reasons = {  # lazy, so that the API words them in English
            problem.name: REASONS.get(problem.reason, REASONS[NOT_AN_OPTION])
            for problem in reader.invalid
        }
        self._check_range(fields)
        self.sort = self.cleaned.get("sort") or DEFAULT_SORT

    @cached_property
    def options(self):
        return self.cached("options", lambda: filter_options(self.base, self.index.locale_id))

    @cached_property
    def form(self):
        form = MissionFilterForm(self.cleaned, self.options)
        form.is_valid()
        return form

    @staticmethod
    def _read(reader, name, field):
        if name in MissionFilterForm.DATE_FIELDS:
            return reader.date(name, minimum=DATE_RANGE[0], maximum=DATE_RANGE[1])
        return reader.choice(name, field.choices)

    def _check_range(self, fields):
        """A range whose end is before its start selects nothing by mistake: its end is
        dropped, and named, as any invalid value is."""
        start, end = self.cleaned.get("start_date__gte"), self.cleaned.get("start_date__lte")
        if start and end and end < start:
            self.cleaned["start_date__lte"] = None
            label = fields["start_date__lte"].label
            self.ignored.append(("start_date__lte", label, end.isoformat()))
            self.reasons["start_date__lte"] = _("is before start_date__gte")

    @cached_property
    def today(self):
        return timezone.localdate()

    @cached_property
    def base_freshness(self):
        """(last publication, count) of all the index's missions, as ``freshness()`` says."""
        return self.base.freshness(days=self.report_days, today=self.today)

    @cached_property
    def stamp(self):
        """What the index's kept values depend on, or None when they must not be kept.

        The content generation (home/cache/): every save, publish, withdrawal, rename of a
        person, country option or objective bumps it, in every process, so a kept value is
        never shown after a change; it is read before the value is computed, so a value
        computed while a change commits is labelled with the old generation. The date and the
        report deadline change report statuses. None when the generation cannot be read
        (Redis down): then nothing is kept.
        """
        return content_key(self.index.pk, self.report_days)

    def cached(self, name, compute):
        """``compute()``, kept in the cache while the content is unchanged (see ``stamp``)."""
        if self.stamp is None:
            return compute()
        digest = hashlib.sha256(repr((self.stamp, name)).encode()).hexdigest()
        return cache.get_or_set(f"missions-index:{digest}", compute, CACHE_SECONDS)

    @property
    def applied(self):
        names = [*MissionFilterForm.FILTER_FIELDS, "sort"]
        return {name: str(self.cleaned[name]) for name in names if self.cleaned.get(name)}

    @property
    def is_filtered(self):
        return any(self.cleaned.get(name) for name in MissionFilterForm.FILTER_FIELDS)

    def notices(self):
        notices = []
        for name, label, value in self.ignored:
            if name in MissionFilterForm.DATE_FIELDS:
                message = _("%(field)s: “%(value)s” %(reason)s, so this filter was ignored.")
            elif name == "sort":
                message = _(
                    "%(field)s: “%(value)s” is not one of the options; the default order is used."
                )
            else:
                message = _(
                    "%(field)s: “%(value)s” is not one of the options, so this filter was ignored."
                )
            reason = self.reasons.get(name, "")
            notices.append(message % {"field": label, "value": shorten(value), "reason": reason})
        return notices

    def missions(self):
        """The matching missions, withdrawn ones included unless hidden, not yet ordered."""
        missions = self.base.with_report_status(days=self.report_days)
        value = self.cleaned.get
        if value("year"):
            missions = missions.in_year(int(value("year")))
        if value("person"):
            _name, key = self.form.options["people"][value("person")]
            missions = missions.filter(
                Exists(
                    DelegationMember.objects.filter(
                        page=OuterRef("pk"), person__translation_key=key
                    )
                )
            )
        if value("country"):
            missions = missions.filter(
                Exists(
                    MissionDestination.objects.filter(page=OuterRef("pk"), country=value("country"))
                )
            )
        if value("type"):
            missions = missions.filter(mission_type=value("type"))
        if value("objective"):
            _label, key = self.form.options["objectives"][value("objective")]
            missions = missions.filter(
                pk__in=MissionPage.objects.filter(objectives__translation_key=key).values("pk")
            )
        if value("paid_by"):
            missions = missions.filter(
                Exists(CostLine.objects.filter(page=OuterRef("pk"), payer=value("paid_by")))
            )
        if value("result_status"):
            missions = missions.filter(
                Exists(
                    MissionResult.objects.filter(page=OuterRef("pk"), status=value("result_status"))
                )
            )
        if value("report_status"):
            missions = missions.filter(report_status=value("report_status"))
        if value("start_date__gte"):
            missions = missions.filter(start_date__gte=value("start_date__gte"))
        if value("start_date__lte"):
            missions = missions.filter(start_date__lte=value("start_date__lte"))
        if value("withdrawn") == "hide":
            missions = missions.not_withdrawn()
        return missions

    @property
    def ordering(self):
        """The requested order as order_by() names (a cost sort needs ``total_cost_clp``)."""
        return SORTS[self.sort]

    def ordered(self, missions):
        """``missions`` in the requested order (sorting by cost needs ``with_totals()``)."""
        return missions.order_by(*self.ordering)

    def counted(self):
        """The missions that count in totals and charts: the matching ones that stand."""
        return self.missions().not_withdrawn()
