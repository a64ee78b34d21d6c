"""The index's URL parameters, read in one place (to switch to the project's shared parser).

A value that is not one of the offered choices is dropped with a notice naming it; the rest of
the filter applies.
"""

from django.utils.translation import gettext as _

from home.pagination import shorten


def choice_param(params, name, choices, notices, label):
    """``params[name]`` when it is one of ``choices`` (values), else "" (with a notice)."""
    value = params.get(name, "")
    if value in ("", None):
        return ""
    if value in choices:
        return value
    notices.append(
        _("“%(value)s” is not a %(filter)s of this list; that filter was ignored.")
        % {"value": shorten(value), "filter": label}
    )
    return ""
