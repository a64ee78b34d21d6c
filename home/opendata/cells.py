"""Spreadsheet formula neutralisation: the one rule for every CSV and XLSX cell the site writes
(open-data files, admin exports and reports).

A spreadsheet runs a cell as a formula (or a DDE command) when its text starts with ``=``,
``+``, ``-`` or ``@``, also after leading spaces, and some read the full-width forms ``＝ ＋ －
＠`` the same way; a leading tab, carriage return or line feed hides such a start from the eye.
Such a text gets a leading single quote, which spreadsheets show as plain text. A text that is
a plain number (``-12.5``, ``+3``) is left as it is: a spreadsheet reads it as that number,
never as a formula. Numbers, dates and booleans are never text and are never touched.
"""

import re

FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
PLAIN_NUMBER = re.compile(r"[ ]*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def looks_like_formula(text):
    """True when the first character that is not a space starts a formula."""
    if text and text[0] not in FORMULA_STARTS and not text[0].isspace():
        return False  # most cells: decided by their first character
    for character in text:
        if character in FORMULA_STARTS:
            return PLAIN_NUMBER.fullmatch(text) is None
        if not character.isspace():
            return False
    return False


def neutralise_text(text):
    """``text`` (a str) made safe for a spreadsheet cell. Most texts are decided here by their
    first character, without a further call: a file of 5,000 rows has 50,000 text cells."""
    first = text[:1]
    if (first in FORMULA_STARTS or first.isspace()) and looks_like_formula(text):
        return "'" + text
    return text


def neutralise(value):
    """``value`` made safe for a spreadsheet cell: a formula-like text gets a leading ``'``;
    anything else (numbers, dates, None, ordinary text) is returned unchanged."""
    return neutralise_text(value) if isinstance(value, str) else value
