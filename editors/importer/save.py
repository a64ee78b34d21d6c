"""Saving a checked workbook (all or nothing), the annotated workbook, and the template."""

import io

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from home.cache import held
from missions.models import MissionPage

from . import indexing
from .check import ROW_MODELS
from .columns import SHEETS, match_column, match_sheet

ERROR_FILL = "FFF2B8B8"


class SaveFailed(Exception):
    """A mission could not be written although the check passed: the records changed in the
    meantime (another editor, a deleted person or organisation). The whole save is rolled back;
    the message, in the editor's language, says which mission and why."""

    def __init__(self, ref, reason):
        super().__init__(
            _(
                "Mission %(ref)s could not be saved: %(reason)s. Nothing was saved. The records "
                "changed after the check (perhaps another editor's work): upload the workbook "
                "again to check it against them."
            )
            % {"ref": ref, "reason": reason}
        )


@transaction.atomic
def save_plans(plans, index, user, progress=None):
    """Create or update every planned mission as a draft, in one transaction.

    Drafts go through the review workflow like any edit: nothing imported is published.
    Per-save side work is done once instead (measured by scripts/bench_import.py): the search
    and reference indexes of the saved missions are updated by one task after the commit
    (indexing.py), and the page cache's generation is bumped once, not at every row saved.
    ``progress(saved)`` follows the work.
    """
    done = {"create": 0, "update": 0, "unchanged": 0}
    with held(), indexing.deferred():
        for plan in plans:
            done[plan.action] += 1
            if plan.action == "unchanged":
                continue
            try:
                _save_draft(plan, index, user)
            except ValidationError as error:
                raise SaveFailed(plan.ref, " ".join(error.messages)) from error
            except DatabaseError as error:
                raise SaveFailed(plan.ref, _("the database refused it")) from error
            if progress is not None:
                progress(done["create"] + done["update"])
    return done


def _save_draft(plan, index, user):
    if plan.existing is None:
        page = MissionPage(
            slug=plan.ref, locale_id=index.locale_id, live=False, has_unpublished_changes=True
        )
    else:
        page = plan.existing.get_latest_revision_as_object()
    for key, value in plan.fields.items():
        setattr(page, key, value)
    for sheet in ROW_MODELS:
        rows = plan.rows.get(sheet, [])
        for row in rows:  # rows know their language: no default-locale query per row
            row.locale_id = row.locale_id or index.locale_id
        setattr(page, sheet, rows)
    page.objectives = plan.objectives
    if plan.existing is None:
        index.add_child(instance=page)  # validated on this save
    # A new page was validated as it was added; a changed one is validated here.
    page.save_revision(user=user, log_action=True, clean=plan.existing is not None)
    return page


def locate(sheet, column):
    """The column's header as the editor reads it ("" for a whole-row or whole-sheet error)."""
    for col in SHEETS.get(sheet, ("", []))[1]:
        if col.key == column:
            return str(col.label)
    return ""


def annotated_workbook(name, data, tables, problems):
    """The upload as an .xlsx with each bad cell highlighted and commented, plus an errors sheet."""
    from openpyxl import Workbook, load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    if name.lower().endswith(".xlsx"):
        workbook = load_workbook(io.BytesIO(data))
    else:
        workbook = Workbook()
        workbook.remove(workbook.active)
        for key, table in tables.items():
            sheet = workbook.create_sheet(str(SHEETS[key][0])[:31])
            sheet.append(list(table.headers))
            for number, values in table.rows:
                for position, value in enumerate(values, start=1):
                    sheet.cell(number, position, str(value) if value is not None else None)
    by_key = {}
    for sheet in workbook.worksheets:
        key = match_sheet(sheet.title)
        if key:
            headers = [cell.value for cell in sheet[1]]
            by_key[key] = (
                sheet,
                {getattr(match_column(key, h), "key", None): i + 1 for i, h in enumerate(headers)},
            )
    fill = PatternFill("solid", start_color=ERROR_FILL, end_color=ERROR_FILL)
    for problem in problems:
        found = by_key.get(problem.sheet)
        if not found or not problem.row:
            continue
        sheet, positions = found
        cell = sheet.cell(problem.row, positions.get(problem.column) or 1)
        cell.fill = fill
        text = (
            problem.message if cell.comment is None else f"{cell.comment.text}\n{problem.message}"
        )
        cell.comment = Comment(text, "Puente")
    listing = workbook.create_sheet(_("Errors")[:31], 0)
    listing.append([_("Sheet"), _("Row"), _("Column"), _("Value"), _("Message")])
    for problem in problems:
        listing.append(
            [
                str(SHEETS[problem.sheet][0]),
                problem.row,
                locate(problem.sheet, problem.column),
                "'" + problem.value if problem.value.startswith("=") else problem.value,
                problem.message,
            ]
        )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def template_workbook():
    """An empty workbook to fill in: instructions, then one sheet per table."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    guide = workbook.active
    guide.title = _("Instructions")[:31]
    guide.append(
        [
            _(
                "Fill in one row per mission on the missions sheet, and the rows of each mission on the other sheets, joined by the mission reference. Dates as date cells or YYYY-MM-DD; amounts with a point for decimals; no formulas. Importing the same file again changes nothing; imported missions are drafts that go to review."
            )
        ]
    )
    guide.append([])
    guide.append([_("Sheet"), _("Column"), _("Required"), _("How to fill it")])
    for cell in guide[3]:
        cell.font = Font(bold=True)
    for _sheet_key, (label, columns) in SHEETS.items():
        sheet = workbook.create_sheet(str(label)[:31])
        sheet.append([str(col.label) for col in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for col in columns:
            how = str(col.help)
            if col.choices is not None:
                how = (how + " " if how else "") + _("One of: %(choices)s.") % {
                    "choices": ", ".join(str(choice) for choice in col.choices.labels)
                }
            guide.append([str(label), str(col.label), _("yes") if col.required else "", how])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
