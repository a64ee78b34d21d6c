"""Numbers, money, percentages and dates in the reader's language: one style per language.

Every page, chart, feed, PDF and export text formats through these functions (the templates
through the filters of missions/templatetags and practices/templatetags, which call them), so
the same amount reads the same everywhere. Numbers come from Babel's locale data; dates use the
per-language formats Django's ``date`` filter uses in the templates.

Spanish (Chile): pesos as Chileans write them, "$12.500.000"; any other currency by its
ISO code, "EUR 1.800,00"; numbers "1.234,5"; shares "37,5%"; dates "5 de marzo de 2026".
English: every currency by its ISO code, "CLP 12,500,000", "EUR 1,800.00" ("$" alone would
not tell a foreign reader pesos from dollars); numbers "1,234.5"; shares "37.5%"; dates
"March 5, 2026". The code and the amount are joined by a no-break space, so an amount never
wraps in the middle. Open-data CSV and JSON columns are not formatted: they stay raw numbers.
"""

from decimal import Decimal, InvalidOperation
from functools import cache

from babel import Locale
from babel.numbers import format_compact_currency, format_compact_decimal, parse_pattern
from django.utils import formats, translation

LOCAL_CURRENCY = "CLP"
BABEL_LOCALES = {"es": "es_CL", "en": "en"}
NBSP = "\u00a0"
CODE_PATTERN = f"¤¤{NBSP}#,##0.00"


def language(language_code=None):
    """The two-letter language: the one given, else the active one, else Spanish."""
    return (language_code or translation.get_language() or "es").split("-")[0]


def babel_locale(language_code=None):
    code = language(language_code)
    return BABEL_LOCALES.get(code, code)


# Babel parses the locale and the number pattern again on every call, which on a long table is
# most of its cost; the parsed objects never change, so each is made once per process. The
# formatting itself is Babel's (``NumberPattern.apply``, with its defaults), so the text is the
# same as format_currency / format_decimal / format_percent write.
@cache
def _locale(code):
    return Locale.parse(code)


@cache
def _pattern(code, kind, pattern=None):
    if pattern:
        return parse_pattern(pattern)
    locale = _locale(code)
    if kind == "currency":
        return locale.currency_formats["standard"]
    return parse_pattern(locale.decimal_formats[None])


def _apply(kind, number, language_code, pattern=None, **options):
    code = babel_locale(language_code)
    return _pattern(code, kind, pattern).apply(number, _locale(code), **options)


def as_decimal(value):
    """``value`` as a Decimal, or None when it is empty or not a number."""
    if value in (None, ""):
        return None
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None


def _uses_symbol(currency, language_code):
    return currency == LOCAL_CURRENCY and language(language_code) == "es"


def format_money(value, currency=LOCAL_CURRENCY, language_code=None):
    """An amount in ``currency`` with the currency's usual decimals ("" when not a number)."""
    amount = as_decimal(value)
    if amount is None:
        return ""
    currency = (currency or LOCAL_CURRENCY).upper()
    pattern = None if _uses_symbol(currency, language_code) else CODE_PATTERN
    return _apply("currency", amount, language_code, pattern, currency=currency)


def format_clp(value, language_code=None):
    """An amount in Chilean pesos, whole pesos: "$12.500.000" / "CLP 12,500,000"."""
    return format_money(value, LOCAL_CURRENCY, language_code)


def format_compact_clp(value, language_code=None):
    """A rounded CLP amount for chart labels: "$12,5 M" / "CLP 12.5M"."""
    amount = as_decimal(value)
    if amount is None:
        return ""
    locale = babel_locale(language_code)
    if _uses_symbol(LOCAL_CURRENCY, language_code):
        return format_compact_currency(amount, LOCAL_CURRENCY, locale=locale, fraction_digits=1)
    compact = format_compact_decimal(amount, locale=locale, fraction_digits=1)
    return f"{LOCAL_CURRENCY}{NBSP}{compact}"


def format_count(value, language_code=None):
    """A whole number grouped for the reader: "1.234" / "1,234"."""
    number = as_decimal(value)
    return "" if number is None else _apply("decimal", number, language_code)


def format_number(value, language_code=None):
    """A decimal with the digits it has and no trailing zeros: "1.234,5" / "1,234.5"."""
    number = as_decimal(value)
    if number is None:
        return ""
    number = number.normalize()
    if number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    return _apply("decimal", number, language_code, decimal_quantization=False)


def format_rate(value, language_code=None):
    """An exchange rate with the decimals it has, up to six: "1.020,3" / "1,020.3"."""
    number = as_decimal(value)
    if number is None:
        return ""
    return _apply("decimal", number, language_code, "#,##0.######")


def format_share(value, language_code=None):
    """A fraction as a percentage with one decimal at most: "37,5%" / "37.5%"."""
    number = as_decimal(value)
    if number is None:
        return ""
    return _apply("percent", number, language_code, "#,##0.#%")


def format_date(value, language_code=None):
    """A date as the templates' ``date`` filter writes it: "5 de marzo de 2026" / "March 5, 2026"."""
    if not value:
        return ""
    with translation.override(language(language_code)):
        return formats.date_format(value, "DATE_FORMAT")
