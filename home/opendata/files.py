"""CSV and JSON text for a resource, produced row by row for a StreamingHttpResponse.

CSV: UTF-8, comma-separated, a header row of the schema's column names, numbers with a point
as decimal separator. A text cell that a spreadsheet would read as a formula gets a leading
single quote (``cells.neutralise_text``); number, date and code columns are never touched, so
numeric columns stay numeric.

JSON: one document per resource, ``{"metadata": {…}, "data": [{column: value, …}, …]}``,
with amounts written as exact JSON numbers (the Decimal's digits, never a float).
"""

import csv
import datetime
import json
from decimal import Decimal

from .cells import neutralise_text
from .schema import BOOLEAN, DATE, DATETIME, INTEGER, NUMBER

ROWS_PER_WRITE = 200


def _number(value):
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _datetime(value):
    # "YYYY-MM-DDTHH:MM:SSZ": isoformat's first 19 characters, at half strftime's cost.
    return value.astimezone(datetime.UTC).isoformat(timespec="seconds")[:19] + "Z"


def _boolean(value):
    return "true" if value else "false"


def _date(value):
    return value.isoformat()


def _text(value):
    return neutralise_text(str(value))


def csv_converter(column):
    """The function that writes a non-empty value of ``column`` as CSV text, chosen once per
    column (a file of 5,000 rows and 35 columns asks 175,000 times otherwise)."""
    if column.type == BOOLEAN:
        return _boolean
    if column.type in (NUMBER, INTEGER):
        return _number
    if column.type == DATE:
        return _date
    if column.type == DATETIME:
        return _datetime
    return _text if column.is_text else str


def json_value(column, value):
    """The JSON text of one value."""
    if value is None or (value == "" and column.type != "string"):
        return "null"
    if column.type == BOOLEAN:
        return "true" if value else "false"
    if column.type in (NUMBER, INTEGER):
        return _number(value)
    if column.type == DATE:
        return json.dumps(value.isoformat())
    if column.type == DATETIME:
        return json.dumps(_datetime(value))
    return json.dumps(str(value), ensure_ascii=False)


class _Line:
    """A file-like object whose write() hands back what csv.writer wrote."""

    def write(self, text):
        return text


def csv_writer(resource):
    """The function that writes rows of ``resource`` (an iterable) as CSV text (no header)."""
    writer = csv.writer(_Line())
    cells = [(column.name, csv_converter(column)) for column in resource.columns]

    def write(rows):
        return "".join(
            writer.writerow(
                ["" if (value := row[name]) is None else convert(value) for name, convert in cells]
            )
            for row in rows
        )

    return write


def csv_header(resource):
    return csv.writer(_Line()).writerow(resource.header)


def csv_stream(resource, rows):
    write = csv_writer(resource)
    yield csv_header(resource)
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= ROWS_PER_WRITE:
            yield write(batch)
            batch = []
    if batch:
        yield write(batch)


def csv_text(resource, texts):
    """The CSV file whose rows' text is ``texts`` (chunks of rows, from home/opendata/chunks.py)."""
    yield csv_header(resource)
    yield from texts


def json_row(resource, row):
    return (
        "{"
        + ", ".join(
            f"{json.dumps(column.name)}: {json_value(column, row[column.name])}"
            for column in resource.columns
        )
        + "}"
    )


def json_stream(resource, rows, metadata):
    yield '{"metadata": ' + json.dumps(metadata, ensure_ascii=False) + ', "data": ['
    separator = "\n"
    batch = []
    for row in rows:
        batch.append(separator + json_row(resource, row))
        separator = ",\n"
        if len(batch) >= ROWS_PER_WRITE:
            yield "".join(batch)
            batch = []
    yield "".join(batch) + "\n]}\n"
