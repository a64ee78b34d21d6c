"""The rows of the partners' open data, for one language: each organisation and agreement once,
in that language when translated, else in the language it has (so that every identifier the
other files name is in the organisations file)."""

from django.db.models import Prefetch

from directory.models import Organization
from home.opendata.schema import LIST_SEPARATOR
from home.records import record_index
from practices.models import Theme

from ..activity import one_per_record
from ..models import Agreement, Membership
from ..models.agreements import today
from ..parties import parties_prefetch

SEPARATOR = "; "


def organisation_rows(locale_id, request=None, window=None, key=None):
    """Every organisation once, by name, in the reader's language when translated; ``window``
    (a slice) and ``key`` (a translation key) page and pick in the database (the API)."""
    queryset = one_per_record(Organization.objects.order_by("name", "pk"), locale_id)
    if key:
        queryset = queryset.filter(translation_key=key)
    # Into lists (to_attr): each row reads them without making a related manager and queryset.
    queryset = queryset.select_related("locale", "parent").prefetch_related(
        Prefetch("themes", to_attr="theme_list"),
        Prefetch("identifiers", to_attr="identifier_list"),
    )
    organisations = list(queryset if window is None else queryset[window])
    theme_keys = {
        theme.translation_key for organisation in organisations for theme in organisation.theme_list
    }
    local_themes = dict(
        Theme.objects.filter(translation_key__in=theme_keys, locale_id=locale_id).values_list(
            "translation_key", "name"
        )
    )
    for organisation in organisations:
        index = record_index(organisation, request)
        yield {
            "organisation_id": organisation.translation_key,
            "language": organisation.locale.language_code,
            "name": organisation.name,
            "acronym": organisation.acronym,
            "kind": organisation.kind,
            "local": organisation.is_local,
            "country": organisation.country.code,
            "city": organisation.city,
            "parent_id": organisation.parent.translation_key if organisation.parent_id else "",
            "website": organisation.website,
            "url": index.record_full_url(organisation, request) if index else "",
            "themes": SEPARATOR.join(
                local_themes.get(theme.translation_key, theme.name)
                for theme in organisation.theme_list
            ),
            "works_with_countries": SEPARATOR.join(
                c.code for c in organisation.works_with_countries
            ),
            "identifiers": SEPARATOR.join(
                f"{identifier.scheme}:{identifier.identifier}"
                for identifier in organisation.identifier_list
            ),
            "founding_date": organisation.founding_date,
            "dissolution_date": organisation.dissolution_date,
            "contact_email": organisation.contact_email,
        }


def membership_rows():
    for membership in Membership.objects.select_related("member", "organization").order_by("pk"):
        yield {
            "membership_id": str(membership.pk),
            "member_id": membership.member.translation_key,
            "organisation_id": membership.organization.translation_key,
            "role": membership.role,
            "start_date": membership.start_date,
            "end_date": membership.end_date,
            "source_url": membership.source_url,
        }


def _agreements(locale_id):
    return list(
        one_per_record(Agreement.objects.order_by("-signed_date", "title", "pk"), locale_id)
        .select_related("locale", "mission")
        .prefetch_related(parties_prefetch(), "answers_needs")
    )


def agreement_rows(locale_id, request=None, on=None):
    on = on or today()
    for agreement in _agreements(locale_id):
        index = record_index(agreement, request)
        yield {
            "agreement_id": agreement.translation_key,
            "language": agreement.locale.language_code,
            "title": agreement.title,
            "kind": agreement.kind,
            "status": agreement.status_on(on).value,
            "signed_date": agreement.signed_date,
            "effective_date": agreement.effective_date,
            "expiry_date": agreement.expiry_date,
            "interrupted_on": agreement.interrupted_on,
            "mission_id": agreement.mission.translation_key if agreement.mission_id else "",
            "url": index.record_full_url(agreement, request) if index else "",
            "scope": agreement.scope,
            "answers_need_ids": LIST_SEPARATOR.join(
                str(need.translation_key) for need in agreement.answers_needs.all()
            ),
        }


def party_rows(locale_id):
    for agreement in _agreements(locale_id):
        for party in agreement.parties.all():
            yield {
                "party_id": party.translation_key,
                "agreement_id": agreement.translation_key,
                "organisation_id": party.organization.translation_key,
                "role": party.role,
                "signatory_name": party.signatory_name,
                "signatory_position": party.signatory_position,
                "signed_date": party.signed_date,
            }
