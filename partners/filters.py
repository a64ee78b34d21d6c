"""The directory's filter: GET parameters read by the shared parser (home/params.py) against the
filter's options, applied to the organisations.

As on the missions list, a parameter that is not one of the options is dropped and named in a
notice; the others apply. ``kind`` is "local", "international" or one kind; ``country`` is where
an organisation is or works; ``theme`` a theme's slug in the page's language; ``agreement=in_force``
keeps the organisations that are party to an agreement in force today.
"""

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy
from django_countries import countries

from directory.models import Organization
from home.params import QueryParams
from practices.models import Theme

from .models import Agreement

LOCAL, INTERNATIONAL = "local", "international"
IN_FORCE = "in_force"


def kind_choices():
    return [
        ("", gettext_lazy("Every kind")),
        (LOCAL, gettext_lazy("Local actors (all)")),
        (INTERNATIONAL, gettext_lazy("International partners (all)")),
        *Organization.Kind.choices,
    ]


class DirectoryFilterForm(forms.Form):
    FILTER_FIELDS = ("kind", "country", "theme", "agreement")

    kind = forms.ChoiceField(label=gettext_lazy("Kind"), required=False)
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)
    theme = forms.ChoiceField(label=gettext_lazy("Theme"), required=False)
    agreement = forms.ChoiceField(label=gettext_lazy("Agreements"), required=False)

    def __init__(self, themes, initial=None):
        super().__init__(initial=initial)
        self.fields["kind"].choices = kind_choices()
        self.fields["country"].choices = [("", gettext_lazy("Every country")), *countries]
        self.fields["theme"].choices = [("", gettext_lazy("Every theme"))] + [
            (theme.slug, theme.name) for theme in themes
        ]
        self.fields["agreement"].choices = [
            ("", gettext_lazy("With or without")),
            (IN_FORCE, gettext_lazy("Has an agreement in force")),
        ]


def in_force_keys(on=None):
    """Translation keys of the organisations that are party to an agreement in force."""
    return Organization.objects.filter(
        agreement_parties__agreement__in=Agreement.objects.in_force(on).values("pk")
    ).values("translation_key")


class DirectoryFilter:
    """The organisations of ``index``'s language that match ``params``, and what was ignored."""

    def __init__(self, index, params, municipality_id=None):
        self.index = index
        # The city itself (Site settings) is neither an international partner nor another city.
        self.municipality = Organization.objects.filter(pk=municipality_id).values(
            "translation_key"
        )
        self.themes = list(Theme.objects.filter(locale_id=index.locale_id).order_by("name"))
        form = DirectoryFilterForm(self.themes)
        self.params = QueryParams(params)
        self.cleaned = {
            name: self.params.choice(
                name, [str(value) for value, _label in form.fields[name].choices if value]
            )
            for name in DirectoryFilterForm.FILTER_FIELDS
        }
        self.labels = {name: form.fields[name].label for name in DirectoryFilterForm.FILTER_FIELDS}
        # The form only draws the filter, showing what applies.
        self.form = DirectoryFilterForm(self.themes, initial=self.cleaned)

    @property
    def is_filtered(self):
        return any(self.cleaned.get(name) for name in DirectoryFilterForm.FILTER_FIELDS)

    @property
    def applied(self):
        return {name: value for name, value in self.cleaned.items() if value}

    def notices(self):
        return self.params.notices(self.labels)

    def organisations(self, base=None):
        """The matching organisations, not yet ordered (``base``: default the page's language)."""
        organisations = self.index.records() if base is None else base
        value = self.cleaned.get
        kind = value("kind")
        if kind == LOCAL:
            organisations = organisations.filter(kind__in=Organization.LOCAL_KINDS)
        elif kind == INTERNATIONAL:
            organisations = organisations.exclude(kind__in=Organization.LOCAL_KINDS).exclude(
                translation_key__in=self.municipality
            )
        elif kind:
            organisations = organisations.filter(kind=kind).exclude(
                translation_key__in=self.municipality
            )
        if value("country"):
            code = value("country")
            organisations = organisations.filter(
                Q(country=code) | Q(works_with_countries__contains=code)
            )
        if value("theme"):
            theme = next(theme for theme in self.themes if theme.slug == value("theme"))
            # An English organisation may point at the Spanish theme it is synchronised with.
            keys = [theme.translation_key]
            organisations = organisations.filter(themes__translation_key__in=keys).distinct()
        if value("agreement") == IN_FORCE:
            organisations = organisations.filter(translation_key__in=in_force_keys())
        return organisations

    def kind_counts(self):
        """{kind: number of organisations} of the page's language, whatever the filter, the
        municipality itself left out (the page names it apart)."""
        counts = dict.fromkeys(Organization.Kind.values, 0)
        records = self.index.records().exclude(translation_key__in=self.municipality)
        for row in records.order_by().values("kind").annotate(n=Count("pk")):
            counts[row["kind"]] = row["n"]
        return counts

    def municipality_record(self):
        """The municipality's record in the page's language (else its own), or None."""
        records = self.index.records().filter(translation_key__in=self.municipality)
        return (
            records.first()
            or Organization.objects.filter(translation_key__in=self.municipality).first()
        )
