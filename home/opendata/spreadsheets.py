"""Wagtail's own spreadsheet exports (admin reports, form submissions, listings with
``list_export``) pass every cell through ``SpreadsheetExportMixin.preprocess_field_value``
before writing CSV or XLSX. ``protect_wagtail_exports()`` (called once by HomeConfig.ready)
runs that method's result through ``cells.neutralise``, so the admin's files follow the same
rule as the open-data files. Wagtail offers no setting for this; the wrapper keeps Wagtail's
own preprocessing and only adds the neutralisation."""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from .cells import neutralise


def protect_wagtail_exports():
    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(original(self, field, value, export_format))

    preprocess_field_value.neutralises_formulas = True
    preprocess_field_value.__doc__ = original.__doc__
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
