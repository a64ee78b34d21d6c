"""Check every row of a workbook and plan what saving it would do; collect every error.

Each error names its sheet, row, column and value, with a message in the editor's language.
Rows are checked with the models' own rules (``clean()`` and field validation, as the admin
form does) and the publishing requirements; people, organisations and objectives are matched
by name, acronym or code, never created. A mission is found again by its ``mission_ref`` (its
slug under the missions index), so importing the same workbook twice changes nothing.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from directory.models import Organization, Person, StrategicObjective
from missions import corrections
from missions.models import (
    AgendaItem,
    CostLine,
    DelegationMember,
    MissionDestination,
    MissionPage,
    MissionResult,
)

from .cells import CellReader
from .columns import SHEETS, match_column, sheet_label

ROW_MODELS = {
    "destinations": MissionDestination,
    "delegation": DelegationMember,
    "agenda": AgendaItem,
    "cost_lines": CostLine,
    "results": MissionResult,
}
PROGRESS_EVERY = 250


@dataclass
class Problem:
    sheet: str  # sheet key
    row: int | None
    column: str | None  # column key
    value: str
    message: str

    def as_dict(self, locate):
        return {
            "sheet": sheet_label(self.sheet),
            "row": self.row,
            "column": locate(self.sheet, self.column),
            "value": self.value,
            "message": self.message,
            "sheet_key": self.sheet,
            "column_key": self.column,
        }

    @classmethod
    def from_dict(cls, data):
        return cls(
            data["sheet_key"], data["row"], data["column_key"], data["value"], data["message"]
        )


@dataclass
class Planned:
    ref: str
    row: int
    fields: dict
    rows: dict = field(default_factory=dict)  # relation → [model instances]
    objectives: list = field(default_factory=list)
    existing: MissionPage | None = None
    action: str = "create"  # create, update, unchanged

    def total_clp(self):
        return sum(
            (line.amount * (line.exchange_rate or 1) for line in self.rows.get("cost_lines", [])),
            Decimal(0),
        )


class Checker(CellReader):
    def __init__(self, tables, index, progress=None):
        """``progress(rows_checked)`` is called every ``PROGRESS_EVERY`` rows (a status page)."""
        self.tables, self.index = tables, index
        self.progress = progress
        self.rows_checked = 0
        self.problems = []
        self._cells_in_error = set()
        self.people = self._lookup(Person, ["name"])
        self.organizations = self._lookup(Organization, ["name", "acronym"])
        self.objectives = self._lookup(StrategicObjective, ["code", "title"])

    def _lookup(self, model, names):
        table = {}
        for record in model.objects.filter(locale_id=self.index.locale_id):
            for name in names:
                value = (getattr(record, name) or "").strip().casefold()
                if value:
                    table.setdefault(value, record)
            table.setdefault(str(record.pk), record)
        return table

    def problem(self, sheet, row, column, value, message):
        # One error per cell: a value that could not be read is not also reported as missing.
        if column is not None and (sheet, row, column) in self._cells_in_error:
            return
        self._cells_in_error.add((sheet, row, column))
        self.problems.append(
            Problem(sheet, row, column, "" if value is None else str(value), message)
        )

    # Sheets ----------------------------------------------------------------------------------

    def columns_of(self, sheet):
        """{position: Col} of a table's header row; missing required columns are problems."""
        table = self.tables[sheet]
        found = {}
        for position, header in enumerate(table.headers):
            col = match_column(sheet, header) if header not in (None, "") else None
            if col is not None:
                found[position] = col
        present = {col.key for col in found.values()}
        for col in SHEETS[sheet][1]:
            if col.required and col.key not in present:
                self.problem(
                    sheet,
                    1,
                    col.key,
                    "",
                    _("The column “%(column)s” is missing.") % {"column": col.label},
                )
        return found if all(c.key in present for c in SHEETS[sheet][1] if c.required) else None

    def records(self, sheet):
        columns = self.columns_of(sheet)
        if columns is None:
            return
        for number, values in self.tables[sheet].rows:
            data = {}
            for position, col in columns.items():
                raw = values[position] if position < len(values) else None
                data[col.key] = self.parse(sheet, number, col, raw)
            yield number, data
            self.rows_checked += 1
            if self.progress is not None and self.rows_checked % PROGRESS_EVERY == 0:
                self.progress(self.rows_checked)

    def run(self, require_all_sheets):
        missing = [key for key in SHEETS if key not in self.tables]
        if require_all_sheets:
            for key in missing:
                self.problem(
                    key,
                    None,
                    None,
                    "",
                    _("The sheet “%(sheet)s” is missing.") % {"sheet": sheet_label(key)},
                )
        plans = {}
        if "missions" in self.tables:
            for number, data in self.records("missions"):
                self._plan_mission(plans, number, data)
        for sheet, model in ROW_MODELS.items():
            if sheet in self.tables:
                for number, data in self.records(sheet):
                    self._add_row(plans, sheet, model, number, data)
        for plan in plans.values():
            self._finish(plan)
        return list(plans.values())

    def _plan_mission(self, plans, number, data):
        ref = data.pop("mission_ref")
        if not ref:
            return
        if slugify(ref) != ref.lower():
            self.problem(
                "missions", number, "mission_ref", ref, _("Use only letters, digits and hyphens.")
            )
            return
        if ref.lower() in plans:
            self.problem(
                "missions", number, "mission_ref", ref, _("This mission reference is used twice.")
            )
            return
        objectives = data.pop("objectives", None) or []
        fields = {k: v for k, v in data.items() if v is not None}
        fields.setdefault("no_municipal_cost", False)
        page = MissionPage(
            title=fields.get("title") or "",
            slug=ref.lower(),
            locale_id=self.index.locale_id,
            **{k: v for k, v in fields.items() if k != "title"},
        )
        try:
            page.clean_fields(
                exclude=[
                    f.name
                    for f in MissionPage._meta.fields
                    if f.name not in fields or f.name == "title"
                ]
            )
            page.clean()
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                self.problem(
                    "missions",
                    number,
                    key if key != "__all__" else None,
                    fields.get(key, ""),
                    " ".join(messages),
                )
        plans[ref.lower()] = Planned(ref.lower(), number, fields, objectives=objectives)

    def _add_row(self, plans, sheet, model, number, data):
        ref = (data.pop("mission_ref") or "").lower()
        if not ref:
            return
        plan = plans.get(ref)
        if plan is None:
            plan = plans.get(("stored", ref))
        if plan is None:
            existing = self._existing(ref)
            if existing is None:
                self.problem(
                    sheet,
                    number,
                    "mission_ref",
                    ref,
                    _("No mission with this reference on the missions sheet."),
                )
                return
            plan = Planned(ref, number, {}, existing=existing)
            plans[("stored", ref)] = plan
        instance = model(**{k: v for k, v in data.items() if v is not None})
        try:
            instance.clean_fields(exclude=["page", "locale", "translation_key", "sort_order", "id"])
            instance.clean()
        except ValidationError as error:
            for key, messages in error.message_dict.items():
                self.problem(
                    sheet,
                    number,
                    key if key != "__all__" else None,
                    data.get(key, ""),
                    " ".join(messages),
                )
        plan.rows.setdefault(sheet, []).append(instance)

    def _existing(self, ref):
        return MissionPage.objects.descendant_of(self.index).filter(slug=ref).first()

    def _finish(self, plan):
        plan.existing = plan.existing or self._existing(plan.ref)
        current = plan.existing.get_latest_revision_as_object() if plan.existing else None
        if current is not None:
            for sheet in ROW_MODELS:
                if sheet not in self.tables:  # a table left out keeps what is stored
                    plan.rows[sheet] = list(getattr(current, sheet).all())
            if not plan.fields:
                plan.fields = {f: getattr(current, f) for f in self._mission_keys()}
                plan.objectives = list(current.objectives.all())
        if plan.fields and current is None:
            self._publish_requirements(plan)
        if current is None:
            plan.action = "create"
            return
        plan.action = "unchanged" if signature(plan) == signature_of_page(current) else "update"
        live = plan.existing.live and MissionPage.objects.get(pk=plan.existing.pk)
        if (
            plan.action == "update"
            and live
            and not (plan.fields.get("correction_note") or "").strip()
        ):
            changed = corrections.changed_parts(
                corrections.page_snapshot(live), planned_snapshot(plan)
            )
            if changed:
                self.problem(
                    "missions",
                    plan.row,
                    "correction_note",
                    "",
                    _(
                        "This mission is published and the row changes its %(parts)s: give a correction note."
                    )
                    % {"parts": ", ".join(str(p) for p in changed)},
                )

    def _mission_keys(self):
        return [c.key for c in SHEETS["missions"][1] if c.key not in ("mission_ref", "objectives")]

    def _publish_requirements(self, plan):
        if not plan.objectives:
            self.problem(
                "missions",
                plan.row,
                "objectives",
                "",
                _("Choose at least one strategic objective that this mission serves."),
            )
        if not plan.rows.get("destinations"):
            self.problem(
                "missions",
                plan.row,
                None,
                plan.ref,
                _("Add at least one destination (city and country) on the destinations sheet."),
            )
        if not plan.rows.get("cost_lines") and not plan.fields.get("no_municipal_cost"):
            self.problem(
                "missions",
                plan.row,
                "no_municipal_cost",
                "",
                _("Add the mission's cost lines, or write “yes” in “no cost to the municipality”."),
            )


def _norm(value):
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if value is None or value is False or value == "":
        return ""
    return str(value)


def _row_key(instance):
    skip = {
        "id",
        "page",
        "locale",
        "translation_key",
        "sort_order",
        "evidence_document",
        "practice",
    }
    values = []
    for model_field in instance._meta.fields:
        if model_field.name in skip:
            continue
        if model_field.is_relation:
            values.append(_norm(getattr(instance, model_field.attname)))
        else:
            values.append(_norm(getattr(instance, model_field.name)))
    return tuple(values)


MISSION_KEYS = [
    c.key
    for c in SHEETS["missions"][1]
    if c.key not in ("mission_ref", "objectives", "correction_note")
]


def signature(plan):
    return (
        tuple(_norm(plan.fields.get(key)) for key in MISSION_KEYS),
        tuple(sorted(o.pk for o in plan.objectives)),
        tuple(tuple(sorted(_row_key(r) for r in plan.rows.get(sheet, []))) for sheet in ROW_MODELS),
    )


def signature_of_page(page):
    plan = Planned(
        page.slug,
        0,
        {k: getattr(page, k) for k in MISSION_KEYS},
        objectives=list(page.objectives.all()),
    )
    plan.rows = {sheet: list(getattr(page, sheet).all()) for sheet in ROW_MODELS}
    return signature(plan)


def planned_snapshot(plan):
    return corrections.snapshot(
        plan.fields.get("start_date"),
        plan.fields.get("end_date"),
        plan.rows.get("destinations", []),
        plan.rows.get("cost_lines", []),
        [corrections.result_key(r) for r in plan.rows.get("results", [])],
        False,
    )
