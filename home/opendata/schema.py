"""Columns and resources: one definition from which the CSV header, the JSON keys, the data
dictionary page and the Frictionless Table Schemas are all derived.

Names are stable English snake_case; descriptions are translated for the dictionary. Coded
values (types, statuses…) are published as their stable English codes (``choices``, a
TextChoices) and the dictionary lists each code's meaning in the reader's language.
"""

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

LIST_SEPARATOR = "; "

STRING, INTEGER, NUMBER, DATE, DATETIME, BOOLEAN = (
    "string",
    "integer",
    "number",
    "date",
    "datetime",
    "boolean",
)


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: Promise
    unit: Promise | str = ""
    format: str = ""
    required: bool = False
    choices: type | None = None  # a TextChoices: its values are the allowed codes
    minimum: int | None = None

    @property
    def is_text(self):
        """Free text, the only kind of cell a spreadsheet could mistake for a formula."""
        return self.type == STRING and self.choices is None and self.format != "uuid"

    def type_label(self):
        return TYPE_LABELS[self.type]

    def table_schema(self):
        """This column as a Frictionless Table Schema field (text in the active language)."""
        descriptor = {"name": self.name, "type": self.type, "description": str(self.description)}
        if self.format:
            descriptor["format"] = self.format
        if self.unit:
            descriptor["description"] += f" ({_('unit')}: {self.unit})"
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.choices is not None:
            constraints["enum"] = list(self.choices.values)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if constraints:
            descriptor["constraints"] = constraints
        return descriptor


TYPE_LABELS = {
    STRING: _("text"),
    INTEGER: _("whole number"),
    NUMBER: _("decimal number (point as decimal separator)"),
    DATE: _("date (YYYY-MM-DD)"),
    DATETIME: _("date and time, UTC (YYYY-MM-DDThh:mm:ssZ)"),
    BOOLEAN: _("true or false"),
}


@dataclass(frozen=True)
class Resource:
    """One table of a dataset: ``name`` is unique across the site (it names the resource in
    the site-wide Data Package), ``slug`` is its file name (``<slug>.csv``, ``<slug>.json``)."""

    name: str
    slug: str
    title: Promise
    description: Promise
    columns: tuple
    primary_key: str
    foreign_keys: tuple = field(default_factory=tuple)  # (column, resource name, column)

    @property
    def header(self):
        return [column.name for column in self.columns]

    def table_schema(self):
        schema = {
            "fields": [column.table_schema() for column in self.columns],
            "primaryKey": [self.primary_key],
            "missingValues": [""],
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": [name], "reference": {"resource": resource, "fields": [target]}}
                for name, resource, target in self.foreign_keys
            ]
        return schema
