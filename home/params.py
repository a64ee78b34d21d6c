"""URL parameters read safely, in one place: every list filter, export and feed uses these.

A parameter comes from anyone on the internet, so nothing here trusts it: numbers are ASCII
digits only (``str.isdigit()`` and ``int()`` accept "²", "①" or "١" and then fail or mean
something else), bounded, and short; text is bounded and free of control characters (a NUL
breaks PostgreSQL). A value that is not valid is never an error page: it is left out and
recorded in ``QueryParams.invalid``, so the page can tell the reader (a notice) and an export
can say so (``mark_ignored``: a header and a note in the file), while the rest applies.

    params = QueryParams(request.GET)
    sdg = params.integer("sdg", minimum=1, maximum=17)       # int or None
    status = params.choice("status", Status.values)         # str or ""
    since = params.date("since")                            # datetime.date or None
    years = params.values("year", params.parse_year)         # [int, …] (?year=2024&year=2025)
    for problem in params.invalid: ...                      # Invalid(name, value, reason)

The module-level parsers (``parse_int``, ``parse_id``, ``parse_year``, ``parse_date``, ``parse_bool``) take
one string and return the value or raise ``ValueError`` with the reason, for code that has a
single value in hand (a route argument, a form's choice).
"""

import datetime
import re
from typing import NamedTuple

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Longer than any real value (a slug, a date, a record id); anything longer is refused unread.
MAX_LENGTH = 200
# Enough for a year, a page number or a record id; longer digit strings are refused before
# ``int()`` (which is slow on very long strings and refuses more than 4,300 digits).
MAX_DIGITS = 18
YEAR_RANGE = (1900, 2200)
ID_MAX = 2**31 - 1
LIST_LIMIT = 50

_INTEGER = re.compile(r"-?[0-9]+", re.ASCII)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})

# The reasons an Invalid carries, and how a notice words them.
NOT_A_NUMBER = "not_a_number"
OUT_OF_RANGE = "out_of_range"
NOT_AN_OPTION = "not_an_option"
NOT_A_DATE = "not_a_date"
NOT_YES_OR_NO = "not_yes_or_no"
TOO_LONG = "too_long"
CONTROL_CHARACTER = "control_character"
TOO_MANY = "too_many"

REASONS = {
    NOT_A_NUMBER: gettext_lazy("is not a whole number"),
    OUT_OF_RANGE: gettext_lazy("is out of range"),
    NOT_AN_OPTION: gettext_lazy("is not one of the options"),
    NOT_A_DATE: gettext_lazy("is not a date (YYYY-MM-DD)"),
    NOT_YES_OR_NO: gettext_lazy("is not yes or no"),
    TOO_LONG: gettext_lazy("is too long"),
    CONTROL_CHARACTER: gettext_lazy("contains a control character"),
    TOO_MANY: gettext_lazy("has too many values"),
}

IGNORED_HEADER = "Ignored-Parameters"
NOTICE_VALUE_LENGTH = 40


def shorten(value, length=NOTICE_VALUE_LENGTH):
    """A reader's value, cut to ``length`` characters with "…", to echo in a notice."""
    value = str(value)
    return value if len(value) <= length else value[: length - 1] + "…"


class Invalid(NamedTuple):
    """A parameter that was left out: its name, the value as given, and why (a REASONS key)."""

    name: str
    value: str
    reason: str

    @property
    def reason_text(self):
        return str(REASONS.get(self.reason, REASONS[NOT_AN_OPTION]))


class ParamError(ValueError):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def _checked(raw, max_length=MAX_LENGTH):
    """``raw`` stripped of surrounding whitespace, or ParamError if it cannot be a value."""
    if not isinstance(raw, str):
        raise ParamError(NOT_AN_OPTION)
    if len(raw) > max_length:
        raise ParamError(TOO_LONG)
    if _CONTROL.search(raw):
        raise ParamError(CONTROL_CHARACTER)
    return raw.strip()


def parse_int(raw, minimum=None, maximum=None):
    """An integer written in ASCII digits (an optional leading "-"), within the bounds."""
    text = _checked(raw, MAX_DIGITS + 1)
    if not _INTEGER.fullmatch(text) or len(text.lstrip("-")) > MAX_DIGITS:
        raise ParamError(NOT_A_NUMBER)
    value = int(text)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ParamError(OUT_OF_RANGE)
    return value


def parse_id(raw):
    """A record's primary key: a positive integer that fits the database's integer column."""
    return parse_int(raw, 1, ID_MAX)


def parse_year(raw, minimum=YEAR_RANGE[0], maximum=YEAR_RANGE[1]):
    return parse_int(raw, minimum, maximum)


def parse_date(raw, minimum=None, maximum=None):
    """A calendar date written YYYY-MM-DD (ASCII digits), within the bounds."""
    text = _checked(raw, 10)
    if not _ISO_DATE.fullmatch(text):
        raise ParamError(NOT_A_DATE)
    try:
        value = datetime.date.fromisoformat(text)
    except ValueError:
        raise ParamError(NOT_A_DATE) from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ParamError(OUT_OF_RANGE)
    return value


def parse_bool(raw):
    text = _checked(raw, 5).lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise ParamError(NOT_YES_OR_NO)


def parse_choice(raw, choices):
    """``raw`` if it is one of ``choices`` (strings, or (value, label) pairs)."""
    text = _checked(raw)
    allowed = {str(c[0] if isinstance(c, (tuple, list)) else c) for c in choices}
    if text not in allowed:
        raise ParamError(NOT_AN_OPTION)
    return text


def parse_text(raw, max_length=MAX_LENGTH):
    return _checked(raw, max_length)


class QueryParams:
    """The parameters of one request, read by type; what was invalid is kept in ``invalid``.

    An empty or absent parameter is the default, never invalid. A parameter given several
    times counts once (its last value, as Django's ``QueryDict.get``) unless read with
    ``values``.
    """

    def __init__(self, query):
        self.query = query
        self.invalid = []

    def raw(self, name):
        value = self.query.get(name, "")
        return value if isinstance(value, str) else ""

    def _read(self, name, parse, default):
        raw = self.raw(name)
        if raw.strip() == "":
            return default
        try:
            return parse(raw)
        except ParamError as error:
            self.invalid.append(Invalid(name, raw, error.reason))
            return default

    def integer(self, name, *, minimum=None, maximum=None, default=None):
        return self._read(name, lambda raw: parse_int(raw, minimum, maximum), default)

    def record_id(self, name, *, default=None):
        return self._read(name, parse_id, default)

    def year(self, name, *, minimum=YEAR_RANGE[0], maximum=YEAR_RANGE[1], default=None):
        return self._read(name, lambda raw: parse_year(raw, minimum, maximum), default)

    def date(self, name, *, minimum=None, maximum=None, default=None):
        return self._read(name, lambda raw: parse_date(raw, minimum, maximum), default)

    def boolean(self, name, *, default=None):
        return self._read(name, parse_bool, default)

    def choice(self, name, choices, *, default=""):
        return self._read(name, lambda raw: parse_choice(raw, choices), default)

    def text(self, name, *, max_length=MAX_LENGTH, default=""):
        return self._read(name, lambda raw: parse_text(raw, max_length), default)

    def values(self, name, parse, *, limit=LIST_LIMIT):
        """Every valid value of a repeated parameter (``?sdg=3&sdg=11``), in order, without
        repeats; ``parse`` is one of the module's parsers (or any function raising
        ParamError). Each invalid value is recorded; more than ``limit`` values are refused."""
        getlist = getattr(self.query, "getlist", None)
        raws = getlist(name) if getlist else [self.raw(name)]
        raws = [raw for raw in raws if isinstance(raw, str) and raw.strip()]
        if len(raws) > limit:
            self.invalid.append(Invalid(name, raws[0], TOO_MANY))
            return []
        result = []
        for raw in raws:
            try:
                value = parse(raw)
            except ParamError as error:
                self.invalid.append(Invalid(name, raw, error.reason))
                continue
            if value not in result:
                result.append(value)
        return result

    @property
    def invalid_names(self):
        return list(dict.fromkeys(problem.name for problem in self.invalid))

    def notices(self, labels=None):
        """One translated sentence per invalid parameter, naming it by ``labels[name]`` (the
        filter's visible label) when given."""
        labels = labels or {}
        return [notice(problem, labels.get(problem.name)) for problem in self.invalid]


def notice(problem, label=None):
    """The sentence a page shows for ``problem`` (an Invalid)."""
    return _("%(field)s: “%(value)s” %(reason)s, so this filter was ignored.") % {
        "field": label or problem.name,
        "value": shorten(problem.value),
        "reason": problem.reason_text,
    }


def mark_ignored(response, names, note_prefix=None):
    """Tell the client of an export or feed that parameters ``names`` were ignored.

    The ``Ignored-Parameters`` header lists them (comma-separated, ASCII-safe); with
    ``note_prefix`` (e.g. "# " for a CSV file, whose dialect then has a comment character),
    a first line saying so is put before the streamed content.
    """
    names = [name for name in names if name]
    if not names:
        return response
    safe = ", ".join(_header_safe(name) for name in names)
    response.headers[IGNORED_HEADER] = safe
    if note_prefix is not None and getattr(response, "streaming", False):
        note = _("Ignored parameters (not valid, so not applied): %(names)s") % {"names": safe}
        first = f"{note_prefix}{note}\r\n"
        content = response.streaming_content
        response.streaming_content = _prepend(first.encode(), content)
    return response


def _prepend(first, content):
    yield first
    yield from content


def _header_safe(name):
    return re.sub(r"[^A-Za-z0-9_.\-\[\]]", "?", shorten(name))
