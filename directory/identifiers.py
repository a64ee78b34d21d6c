"""Identifier schemes of organisations and how each value is checked.

IATI organisation identifiers are ``{registration agency}-{number}`` (XM-DAC-41114,
GB-COH-01234567, CL-RUT-76123456-7); a Chilean RUT ends in a check digit computed modulo 11.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class IdentifierScheme(models.TextChoices):
    CL_RUT = "CL-RUT", _("Chilean tax id (RUT)")
    IATI = "IATI", _("IATI organisation identifier")
    VAT = "VAT", _("VAT or tax number (other country)")
    OTHER = "other", _("Other register")


IATI_PATTERN = re.compile(r"^[A-Z]{2}-[A-Z0-9]{2,}-[A-Za-z0-9][A-Za-z0-9._-]*$")
RUT_PATTERN = re.compile(r"^(\d{1,3}(?:\.?\d{3})*)-([\dkK])$")


def rut_check_digit(number):
    total, factor = 0, 2
    for digit in reversed(str(number)):
        total += int(digit) * factor
        factor = 2 if factor == 7 else factor + 1
    rest = 11 - total % 11
    return {11: "0", 10: "K"}.get(rest, str(rest))


def validate_identifier(scheme, value):
    """None when ``value`` is a valid identifier in ``scheme``, else a message for the editor."""
    if not value:
        return _("Write the identifier.")
    if scheme == IdentifierScheme.IATI and not IATI_PATTERN.match(value):
        return _(
            "An IATI organisation identifier is the registration agency's code, a hyphen and "
            "the number in that register, e.g. XM-DAC-41114 or CL-RUT-76123456-7."
        )
    if scheme == IdentifierScheme.CL_RUT:
        match = RUT_PATTERN.match(value)
        if not match:
            return _("Write the RUT as digits, a hyphen and the check digit, e.g. 76.123.456-0.")
        number = match.group(1).replace(".", "")
        if rut_check_digit(number) != match.group(2).upper():
            return _("This RUT's check digit is wrong: check the number.")
    return None
