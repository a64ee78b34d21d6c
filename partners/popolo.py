"""An organisation as a Popolo organization (https://www.popoloproject.com/specs/organization.html)."""

from django.db.models import Q

from .models import Membership


def _date(value):
    return value.isoformat() if value else None


def popolo_organisation(organisation, url):
    memberships = Membership.objects.filter(
        Q(member__translation_key=organisation.translation_key)
        | Q(organization__translation_key=organisation.translation_key)
    ).select_related("member", "organization")
    data = {
        "id": organisation.translation_key,
        "name": organisation.name,
        "other_names": [
            {"name": other.name, "note": other.kind, "end_date": _date(other.end_date)}
            for other in organisation.other_names.all()
        ]
        + ([{"name": organisation.acronym, "note": "acronym"}] if organisation.acronym else []),
        "identifiers": [
            {"scheme": identifier.scheme, "identifier": identifier.identifier}
            for identifier in organisation.identifiers.all()
        ],
        "classification": organisation.kind,
        "parent_id": organisation.parent.translation_key if organisation.parent_id else None,
        "founding_date": _date(organisation.founding_date),
        "dissolution_date": _date(organisation.dissolution_date),
        "contact_details": [
            {"type": kind, "value": value}
            for kind, value in (
                ("email", organisation.contact_email),
                ("voice", organisation.contact_phone),
            )
            if value
        ],
        "links": [
            {"url": link, "note": note}
            for link, note in ((url, "page"), (organisation.website, "website"))
            if link
        ],
        "memberships": [
            {
                "id": str(membership.pk),
                "member": {"@type": "Organization", "id": membership.member.translation_key},
                "organization_id": membership.organization.translation_key,
                "role": membership.role,
                "start_date": _date(membership.start_date),
                "end_date": _date(membership.end_date),
                "sources": [{"url": membership.source_url}] if membership.source_url else [],
            }
            for membership in memberships
        ],
    }
    return {key: value for key, value in data.items() if value not in (None, [])} | {
        "id": data["id"],
        "name": data["name"],
    }
