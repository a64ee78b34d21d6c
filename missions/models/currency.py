"""Currencies and amounts: ISO 4217 codes, the local currency, amounts that cannot be negative."""

from decimal import Decimal

from babel.numbers import list_currencies
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

LOCAL_CURRENCY = "CLP"
ISO_CURRENCIES = frozenset(list_currencies())
NON_NEGATIVE = _("The amount cannot be negative.")


def validate_currency(value):
    if (value or "").strip().upper() not in ISO_CURRENCIES:
        raise ValidationError(
            _("“%(code)s” is not an ISO 4217 currency code (for example CLP, USD or EUR)."),
            code="unknown_currency",
            params={"code": value},
        )


def non_negative():
    return MinValueValidator(Decimal(0), message=NON_NEGATIVE)
