"""The missions index's filter: GET parameters validated by a form, applied to MissionQuerySet.

The same filter drives the listing, the totals, the charts, the open-data files and the feed,
so a shared address always means the same set of missions. A parameter that is not valid is
dropped and named in a notice (the page) or in ``ignored`` (the exports); the rest applies.

Withdrawn missions stay listed by default, marked, because withdrawing a record must not make
it disappear from public view; the totals and charts count only the missions that stand, as
the home page's figures do. ``withdrawn=hide`` leaves them out of the listing as well.
"""

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from directory.models import Person, StrategicObjective

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
    report_days_setting,
)

NOTICE_VALUE_LENGTH = 40

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


def _with_blank(label, choices):
    return [("", label), *choices]


def _shorten(value, length=NOTICE_VALUE_LENGTH):
    return value if len(value) <= length else value[: length - 1] + "…"


def _prefer_locale(objects, locale_id):
    """One object per translation_key, the one in ``locale_id`` when there is one."""
    chosen = {}
    for obj in objects:
        current = chosen.get(obj.translation_key)
        if current is None or (obj.locale_id == locale_id and current.locale_id != locale_id):
            chosen[obj.translation_key] = obj
    return list(chosen.values())


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
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

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
    )

    def __init__(self, data, missions, locale_id):
        super().__init__(data)
        self.people = {}
        self.objectives = {}
        years = [day.year for day in missions.dates("start_date", "year", order="DESC")]
        self.fields["year"].choices = _with_blank(_("Every year"), [(y, y) for y in years])

        people = _prefer_locale(
            Person.objects.filter(mission_delegations__page__in=missions.values("pk")).distinct(),
            locale_id,
        )
        people.sort(key=lambda person: person.name.casefold())
        self.people = {str(person.pk): person for person in people}
        self.fields["person"].choices = _with_blank(
            _("Anyone"), [(pk, person.name) for pk, person in self.people.items()]
        )

        codes = (
            MissionDestination.objects.filter(page__in=missions.values("pk"))
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        )
        names = sorted(((code, countries.name(code) or code) for code in codes), key=_by_label)
        self.fields["country"].choices = _with_blank(_("Every country"), names)

        self.fields["type"].choices = _with_blank(_("Every type"), MissionType.choices)

        objectives = _prefer_locale(
            StrategicObjective.objects.filter(missions__in=missions.values("pk")).distinct(),
            locale_id,
        )
        objectives.sort(key=lambda objective: (objective.code, objective.title))
        self.objectives = {str(objective.pk): objective for objective in objectives}
        self.fields["objective"].choices = _with_blank(
            _("Every objective"),
            [(pk, f"{o.code} {o.title}".strip()) for pk, o in self.objectives.items()],
        )

        self.fields["paid_by"].choices = _with_blank(_("Anyone"), Payer.choices)
        self.fields["result_status"].choices = _with_blank(_("Any status"), ResultStatus.choices)
        self.fields["report_status"].choices = _with_blank(_("Any"), ReportStatus.choices)


def _by_label(choice):
    return choice[1].casefold()


class MissionFilter:
    """The missions of ``index`` that match ``params`` (a QueryDict), and what was ignored.

    ``applied`` maps each valid, non-empty parameter to its value (in a stable order, for the
    links to the open data and the JSON metadata); ``ignored`` lists the invalid ones.
    """

    def __init__(self, index, params):
        self.index = index
        self.params = params
        self.base = MissionPage.objects.child_of(index).live().public()
        self.form = MissionFilterForm(params, self.base, index.locale_id)
        self.form.is_valid()
        self.cleaned = {}
        self.ignored = []
        for name, field in self.form.fields.items():
            if name in self.form.errors:
                self.ignored.append((name, field.label, params.get(name, "")))
            else:
                self.cleaned[name] = self.form.cleaned_data.get(name) or ""
        self.sort = self.cleaned.get("sort") or DEFAULT_SORT
        self.report_days = report_days_setting()

    @property
    def applied(self):
        names = [*MissionFilterForm.FILTER_FIELDS, "sort"]
        return {name: self.cleaned[name] for name in names if self.cleaned.get(name)}

    @property
    def is_filtered(self):
        return any(self.cleaned.get(name) for name in MissionFilterForm.FILTER_FIELDS)

    def notices(self):
        notices = []
        for name, label, value in self.ignored:
            if name == "sort":
                message = _(
                    "%(field)s: “%(value)s” is not one of the options; the default order is used."
                )
            else:
                message = _(
                    "%(field)s: “%(value)s” is not one of the options, so this filter was ignored."
                )
            notices.append(message % {"field": label, "value": _shorten(value)})
        return notices

    def missions(self):
        """The matching missions, withdrawn ones included unless hidden, not yet ordered."""
        missions = self.base.with_report_status(days=self.report_days)
        value = self.cleaned.get
        if value("year"):
            missions = missions.in_year(int(value("year")))
        if value("person"):
            person = self.form.people[value("person")]
            missions = missions.filter(
                Exists(
                    DelegationMember.objects.filter(
                        page=OuterRef("pk"), person__translation_key=person.translation_key
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
            objective = self.form.objectives[value("objective")]
            missions = missions.filter(
                pk__in=MissionPage.objects.filter(
                    objectives__translation_key=objective.translation_key
                ).values("pk")
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
        if value("withdrawn") == "hide":
            missions = missions.not_withdrawn()
        return missions

    def ordered(self, missions):
        """``missions`` in the requested order (sorting by cost needs ``with_totals()``)."""
        return missions.order_by(*SORTS[self.sort])

    def counted(self):
        """The missions that count in totals and charts: the matching ones that stand."""
        return self.missions().not_withdrawn()
