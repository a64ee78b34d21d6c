"""The mission edit form: rules that span several inline panels.

Field rules (dates, amounts, currencies, rates, achieved dates) live in the models' clean()
and apply to drafts too. The rules here apply when an editor publishes or submits for
moderation — Wagtail defers required-field validation only for "Save draft", which sets
``is_deferred_validation``:

- publishing needs an objective, a destination, and cost lines or the "no cost to the
  municipality" statement;
- changing the figures of a live mission needs a correction note.
"""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, TranslatableMixin

from . import corrections
from .models.choices import Payer

LIST_SEPARATOR = ", "
UNKNOWN_COUNTRY = _(
    "“%(value)s” is not an ISO 3166 country code: choose the country from the list."
)


def kept_forms(formset):
    """The forms of a valid formset that will be saved: not deleted, not left empty."""
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data or data.get("DELETE"):
            continue
        yield form


def offer_only_locale(form, locale_id):
    """Limit the form's lists of translatable snippets to one language, here and in its inline
    forms (choosers have their own language filter, and rows are localized on save anyway)."""
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if (
            queryset is not None
            and issubclass(queryset.model, TranslatableMixin)
            and not issubclass(queryset.model, Page)
            and isinstance(field.widget, forms.Select | forms.CheckboxSelectMultiple)
        ):
            field.queryset = queryset.filter(locale_id=locale_id)
    for formset in getattr(form, "formsets", {}).values():
        formset.offered_locale_id = locale_id
        formset.__class__ = _localized_formset_class(type(formset))


_LOCALIZED_FORMSETS = {}


def _localized_formset_class(base):
    """``base`` with every form it builds (the JS template included) limited to one language."""
    if getattr(base, "is_localized_formset", False):
        return base
    if base not in _LOCALIZED_FORMSETS:

        class LocalizedFormSet(base):
            is_localized_formset = True

            def _construct_form(self, i, **kwargs):
                form = super()._construct_form(i, **kwargs)
                offer_only_locale(form, self.offered_locale_id)
                return form

            @property
            def empty_form(self):
                form = super().empty_form
                offer_only_locale(form, self.offered_locale_id)
                return form

        LocalizedFormSet.__name__ = base.__name__
        _LOCALIZED_FORMSETS[base] = LocalizedFormSet
    return _LOCALIZED_FORMSETS[base]


class MissionPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or (self.parent_page and self.parent_page.locale_id)
        if locale_id:
            offer_only_locale(self, locale_id)
        for form in getattr(self.formsets.get("destinations"), "forms", []):
            form.fields["country"].error_messages["invalid_choice"] = UNKNOWN_COUNTRY

    def _formset_rows(self, name):
        """Kept forms of formset ``name``, or None when the formset is absent or invalid."""
        formset = self.formsets.get(name)
        if formset is None or not formset.is_valid():
            return None
        return list(kept_forms(formset))

    def clean(self):
        cleaned_data = super().clean()
        cost_rows = self._formset_rows("cost_lines")
        if cleaned_data.get("no_municipal_cost") and cost_rows:
            paid = [
                row
                for row in cost_rows
                if row.cleaned_data.get("payer") == Payer.MUNICIPALITY
                and row.cleaned_data.get("amount")
            ]
            if paid:
                self.add_error(
                    "no_municipal_cost",
                    _(
                        "You stated that the mission cost the municipality nothing, but a cost "
                        "line is paid by the municipality. Untick the statement or correct who "
                        "paid."
                    ),
                )
        self._check_follow_up_statuses()
        if not self.is_deferred_validation:
            self._check_publish_requirements(cleaned_data, cost_rows)
            self._check_correction_note(cleaned_data)
        return cleaned_data

    def _check_publish_requirements(self, cleaned_data, cost_rows):
        if "objectives" in self.fields and not cleaned_data.get("objectives"):
            self.add_error(
                "objectives",
                _("Choose at least one strategic objective that this mission serves."),
            )
        destinations = self._formset_rows("destinations")
        if destinations is not None and not destinations:
            self.add_error(
                None,
                _("Add at least one destination (city and country) before publishing."),
            )
        if cost_rows is not None and not cost_rows and not cleaned_data.get("no_municipal_cost"):
            self.add_error(
                None,
                _(
                    "Add the mission's cost lines, or tick “No cost to the municipality” "
                    "(Costs tab), before publishing."
                ),
            )

    def _check_follow_up_statuses(self):
        """A result's status must be the one its latest follow-up note moved it to."""
        for row in self._formset_rows("results") or []:
            follow_ups = row.formsets.get("follow_ups")
            if follow_ups is None or not follow_ups.is_valid():
                continue
            dated = [
                form.cleaned_data
                for form in kept_forms(follow_ups)
                if form.cleaned_data.get("new_status") and form.cleaned_data.get("date")
            ]
            if not dated:
                continue
            latest = max(dated, key=lambda data: data["date"])
            status = row.cleaned_data.get("status")
            if status and latest["new_status"] != status:
                row.add_error(
                    "status",
                    _(
                        "The latest follow-up note says this result moved to “%(new)s”: set "
                        "its status to match, or correct the note."
                    )
                    % {"new": dict(row.fields["status"].choices).get(latest["new_status"])},
                )

    def _check_correction_note(self, cleaned_data):
        page = self.instance
        if not page.pk or (cleaned_data.get("correction_note") or "").strip():
            return
        live = type(page).objects.filter(pk=page.pk, live=True).first()
        if live is None:
            return
        before = corrections.page_snapshot(live)
        after = self._submitted_snapshot(cleaned_data, live)
        if after is None:
            return
        changed = corrections.changed_parts(before, after)
        if changed:
            self.add_error(
                "correction_note",
                format_lazy(
                    _(
                        "This mission is published and you changed its {parts}. Explain the "
                        "change in the correction note: it will be published with today's date."
                    ),
                    parts=LIST_SEPARATOR.join(str(part) for part in changed),
                ),
            )

    def _submitted_snapshot(self, cleaned_data, live):
        rows = {
            name: self._formset_rows(name) for name in ("destinations", "cost_lines", "results")
        }
        if any(value is None and name in self.formsets for name, value in rows.items()):
            return None  # an invalid formset already blocks saving
        stored_results = {result.pk: result for result in live.results.all()}

        def rows_or_stored(name):
            if rows[name] is None:
                return list(getattr(live, name).all())
            return [form.cleaned_data for form in rows[name]]

        results = []
        if rows["results"] is None:
            results = [corrections.result_key(result) for result in live.results.all()]
        else:
            for form in rows["results"]:
                results.append(self._result_key(form, stored_results.get(form.instance.pk)))
        return corrections.snapshot(
            cleaned_data.get("start_date"),
            cleaned_data.get("end_date"),
            rows_or_stored("destinations"),
            rows_or_stored("cost_lines"),
            results,
            cleaned_data.get("withdrawn"),
        )

    @staticmethod
    def _result_key(form, stored):
        """A status change documented by a new dated follow-up note is an update, not a
        correction: the follow-up is itself the public, dated record of the change."""
        status = form.cleaned_data.get("status")
        if stored is not None and status != stored.status:
            follow_ups = form.formsets.get("follow_ups")
            documented = follow_ups is not None and any(
                not row.instance.pk and row.cleaned_data.get("new_status") == status
                for row in kept_forms(follow_ups)
            )
            if documented:
                status = stored.status
        return corrections.result_key(form.cleaned_data, status=status)

    def clean_expire_at(self):
        expire_at = self.cleaned_data.get("expire_at")
        if expire_at:
            raise forms.ValidationError(
                _(
                    "A mission cannot expire: published missions stay in the public record. "
                    "To take one back, withdraw it with a public reason."
                )
            )
        return expire_at
