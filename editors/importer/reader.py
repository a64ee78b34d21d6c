"""Reading an upload into rows: XLSX (openpyxl, read-only), one CSV table, or a zip of CSVs.

Every refusal is a ``Refused`` with a message for the editor; nothing is ever guessed.
"""

import csv
import io
import zipfile

from django.utils.translation import gettext as _

from .columns import match_sheet

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # encrypted XLSX and old .xls files


class Refused(Exception):
    pass


class Table:
    """One sheet: its header row and its rows as (row number, [cell values])."""

    def __init__(self, name, headers, rows):
        self.name, self.headers, self.rows = name, headers, rows


def read_upload(name, data):
    """{sheet key: Table} from an uploaded file's bytes."""
    if not data:
        raise Refused(_("The file is empty."))
    if data.startswith(OLE_SIGNATURE):
        raise Refused(
            _(
                "The workbook is password-protected or in the old .xls format: save it as an unprotected .xlsx."
            )
        )
    if data.startswith(b"PK"):
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            names = archive.namelist()
        except zipfile.BadZipFile as exc:
            raise Refused(_("The file is damaged: it cannot be opened as a workbook.")) from exc
        if "xl/workbook.xml" in names:
            return _read_xlsx(data)
        return _read_csv_zip(archive)
    if name.lower().endswith(".csv"):
        return _read_one_csv(name, data)
    raise Refused(
        _(
            "This is not a spreadsheet: upload an .xlsx workbook, a .csv file or a .zip of .csv files."
        )
    )


def _read_xlsx(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds of errors on damaged files
        raise Refused(_("The file is damaged: it cannot be opened as a workbook.")) from exc
    tables = {}
    try:
        for sheet in workbook.worksheets:
            key = match_sheet(sheet.title)
            if key is None:
                continue
            rows = sheet.iter_rows()
            header = next(rows, None)
            headers = [cell.value for cell in header] if header else []
            body = []
            for number, row in enumerate(rows, start=2):
                values = [_cell(cell) for cell in row]
                if any(value not in (None, "") for value in values):
                    body.append((number, values))
            tables[key] = Table(sheet.title, headers, body)
    finally:
        workbook.close()
    return tables


class Formula(str):
    """A cell holding a formula where a value is expected."""


def _cell(cell):
    if getattr(cell, "data_type", None) == "f":
        return Formula(cell.value)
    return cell.value


def _decode(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Refused(_("The CSV file is not UTF-8 text: save it as “CSV UTF-8”.")) from exc


def _csv_table(name, text):
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    body = []
    for number, row in enumerate(reader, start=2):
        if any(value.strip() for value in row):
            body.append((number, [Formula(v) if v.startswith("=") else v for v in row]))
    return Table(name, header, body)


def _read_one_csv(name, data):
    from .columns import SHEETS, match_column

    table = _csv_table(name, _decode(data))
    key = match_sheet(name.rsplit("/", 1)[-1])
    if key is None:  # the file's name does not say: the table whose columns it has
        for candidate in SHEETS:
            if all(match_column(candidate, header) for header in table.headers if header):
                key = candidate
                break
    if key is None or not table.headers:
        raise Refused(
            _("The CSV file's columns match none of the tables: start from the template.")
        )
    return {key: table}


def _read_csv_zip(archive):
    tables = {}
    for member in archive.namelist():
        key = match_sheet(member.rsplit("/", 1)[-1]) if member.lower().endswith(".csv") else None
        if key:
            tables[key] = _csv_table(member, _decode(archive.read(member)))
    if not tables:
        raise Refused(_("The zip file holds no CSV table named after a sheet of the template."))
    return tables
