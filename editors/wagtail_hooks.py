"""The editorial reports, in the Reports menu."""

from . import reports  # noqa: F401  (registers the reports)
