"""An agreement's parties, read with their organisations and shown in the reader's language:
the agreements list and page, an organisation's page and the open data all read them so."""

from django.db.models import Prefetch

from home.translated import in_locale

from .models import AgreementParty


def parties_prefetch():
    """Prefetch an agreement's parties with their organisations (one query)."""
    return Prefetch("parties", queryset=AgreementParty.objects.select_related("organization"))


def party_organisations(agreements):
    """[(party, "shown_organization", organisation)] for every party of ``agreements``."""
    return [
        (party, "shown_organization", party.organization)
        for agreement in agreements
        for party in agreement.parties.all()
    ]


def show_in_locale(locale_id, assignments, among=None):
    """For each (row, attribute, organisation): ``row.<attribute>`` = the organisation in
    ``locale_id`` when translated, else itself. One query for all of them (none when
    ``among``, the translations already read, is given: see ``in_locale``)."""
    shown = in_locale(
        [organisation for _r, _a, organisation in assignments],
        locale_id,
        among=among,
        distinct=False,
    )
    for (row, attribute, _organisation), organisation in zip(assignments, shown, strict=True):
        setattr(row, attribute, organisation)
