"""Reading one cell as the value its column expects; a bad value is a problem, not a guess."""

import datetime
from decimal import Decimal, InvalidOperation

from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

from missions.models.currency import ISO_CURRENCIES

from .reader import Formula

YES = {"yes", "sí", "si", "true", "1", "x"}
NO = {"no", "false", "0", ""}


class CellReader:
    """Mixed into the Checker: ``parse`` reads a cell or records a problem; the lookups of
    people, organisations and objectives are the Checker's."""

    # Cells ------------------------------------------------------------------------------

    def parse(self, sheet, number, col, raw):
        if isinstance(raw, Formula):
            self.problem(
                sheet,
                number,
                col.key,
                raw,
                _("A formula where a value is expected: type the value itself."),
            )
            return None
        if isinstance(raw, str):
            raw = raw.strip()
        if raw in (None, ""):
            if col.required:
                self.problem(sheet, number, col.key, "", _("This column is required."))
            return None
        try:
            return getattr(self, f"_{col.kind}")(raw, col)
        except ValueError as exc:
            self.problem(sheet, number, col.key, raw, str(exc))
            return None

    def _text(self, raw, col):
        return str(raw).strip()

    def _date(self, raw, col):
        if isinstance(raw, datetime.datetime):
            return raw.date()
        if isinstance(raw, datetime.date):
            return raw
        try:
            return datetime.date.fromisoformat(str(raw))
        except ValueError:
            raise ValueError(_("Not a date: use a date cell or YYYY-MM-DD.")) from None

    def _decimal(self, raw, col):
        if isinstance(raw, bool):
            raise ValueError(_("Not a number."))
        try:
            value = Decimal(str(raw).replace(" ", ""))
        except InvalidOperation:
            raise ValueError(_("Not a number: write digits, with a point for decimals.")) from None
        if not value.is_finite():
            raise ValueError(_("Not a number."))
        return value

    def _bool(self, raw, col):
        text = str(raw).strip().casefold()
        if text in YES or raw is True:
            return True
        if text in NO or raw is False:
            return False
        raise ValueError(_("Write yes or no."))

    def _choice(self, raw, col):
        text = str(raw).strip().casefold()
        for value, label in col.choices.choices:
            names = {value}
            for code in ("es", "en"):
                with translation.override(code):
                    names.add(str(label).casefold())
            if text in names:
                return value
        raise ValueError(_("Not one of: %(choices)s.") % {"choices": ", ".join(col.choices.values)})

    def _country(self, raw, col):
        code = str(raw).strip().upper()
        if code not in dict(countries):
            raise ValueError(_("Not an ISO 3166 country code (for example AR, ES, US)."))
        return code

    def _currency(self, raw, col):
        code = str(raw).strip().upper()
        if code not in ISO_CURRENCIES:
            raise ValueError(_("Not an ISO 4217 currency code (for example CLP, USD or EUR)."))
        return code

    def _known(self, table, raw, message):
        record = table.get(str(raw).strip().casefold())
        if record is None:
            raise ValueError(message)
        return record

    def _person(self, raw, col):
        return self._known(
            self.people, raw, _("Unknown person: add them in Directory › People first.")
        )

    def _organization(self, raw, col):
        return self._known(
            self.organizations,
            raw,
            _("Unknown organization: add it in Directory › Organizations first."),
        )

    def _objectives(self, raw, col):
        found = []
        for part in str(raw).split(";"):
            if part.strip():
                found.append(
                    self._known(
                        self.objectives,
                        part,
                        _("Unknown strategic objective: “%(name)s”.") % {"name": part.strip()},
                    )
                )
        return found
