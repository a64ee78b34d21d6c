"""The agreement edit form: rules that span the parties and the results.

Dates are checked by Agreement.clean(); here, what needs the inline rows: at least two
parties, no organisation twice (in either language), and no result of a withdrawn mission.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from missions.forms import kept_forms


class ResultChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, result):
        return f"{result.page.title} — {result.get_kind_display()}: {result.description[:80]}"


class AgreementForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "results" in self.fields:
            field = self.fields["results"]
            self.fields["results"] = ResultChoiceField(
                queryset=field.queryset.select_related("page").order_by("-page__start_date"),
                required=False,
                label=field.label,
                help_text=_("The results of missions that this agreement brought about."),
                widget=forms.SelectMultiple(attrs={"size": 8}),
            )

    def clean(self):
        cleaned = super().clean()
        parties = self.formsets.get("parties")
        if parties is not None and parties.is_valid():
            kept = list(kept_forms(parties))
            if len(kept) < 2:
                self.add_error(None, _("An agreement needs at least two parties."))
            seen = {}
            for form in kept:
                organisation = form.cleaned_data.get("organization")
                if organisation is None:
                    continue
                if organisation.translation_key in seen:
                    form.add_error(
                        "organization",
                        _("%(name)s is already a party to this agreement.")
                        % {"name": organisation.name},
                    )
                    self.add_error(None, _("Each organisation can be a party only once."))
                seen[organisation.translation_key] = form
        for result in cleaned.get("results") or []:
            if result.page.withdrawn:
                self.add_error(
                    "results",
                    _("“%(mission)s” was withdrawn: its results cannot be linked to an agreement.")
                    % {"mission": result.page.title},
                )
        return cleaned
