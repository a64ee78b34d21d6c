"""The standard's edit form: the rules that span its measurement rows.

Each row's own rules (dates, volumes, unit, reason and action when not met) are in
StandardMeasurement.clean(), which the inline forms run; here: no two rows for overlapping
periods, and no typed rows on a standard measured from the site's records.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .periods import overlap_message, overlapping
from .rules import measurement_errors

COMPUTED_ROWS_REFUSED = _(
    "This standard is measured from the site's records: its measurements are recomputed, "
    "not typed. Clear “measured from the site's records” to type them."
)


class StandardPageForm(WagtailAdminPageForm):
    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("measurements")
        if not valid or formset is None:
            return valid
        kept = [
            form
            for form in formset.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]
        if self.cleaned_data.get("computed_from") and formset.has_changed():
            self.add_error("computed_from", COMPUTED_ROWS_REFUSED)
            return False
        valid = True
        for form in kept:
            # The page's own fields (unit, target, frequency) as this form has just set them.
            form.instance.derive_value()
            for name, message in measurement_errors(form.instance, self.instance).items():
                form.add_error(name, message)
                valid = False
        overlap = overlapping([form.cleaned_data | {"form": form} for form in kept])
        if overlap:
            overlap[1]["form"].add_error("period_start", overlap_message(*overlap))
            valid = False
        return valid
