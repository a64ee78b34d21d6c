"""The partners' open-data columns (home/opendata's Column and Resource): organisations,
memberships, agreements and agreement parties; the files, the data dictionary and the Table
Schemas all come from these definitions.

Identifiers: ``organisation_id`` and ``agreement_id`` are the records' wagtail-localize
translation keys (UUIDs shared by a record and its translations, kept through edits);
``membership_id`` is the membership's number (memberships are not translated).
"""

from django.utils.translation import gettext_lazy as _

from directory.models import Organization
from home.opendata.schema import BOOLEAN, DATE, STRING, Column, Resource

from ..models import AgreementKind, AgreementStatus, MembershipRole, PartyRole

# Bumped whenever columns change, so that cached copies (ETag) are refreshed.
# 2: agreements gained answers_need_ids.
SCHEMA_VERSION = "2"
LIST = _("Several values are separated by “; ”.")

ORGANISATION_ID = Column(
    "organisation_id",
    STRING,
    _("Stable identifier of the organisation: the same in Spanish and English and across edits."),
    format="uuid",
    required=True,
)
AGREEMENT_ID = Column(
    "agreement_id",
    STRING,
    _("Stable identifier of the agreement: the same in Spanish and English and across edits."),
    format="uuid",
    required=True,
)

ORGANISATIONS = Resource(
    name="organisations",
    slug="organisations",
    title=_("Organisations"),
    description=_("One row per organisation of the directory: local actors and partners abroad."),
    primary_key="organisation_id",
    columns=(
        ORGANISATION_ID,
        Column("language", STRING, _("Language of the record's text (es or en)."), required=True),
        Column("name", STRING, _("Name of the organisation."), required=True),
        Column("acronym", STRING, _("Its acronym, if any.")),
        Column(
            "kind", STRING, _("Kind of organisation."), required=True, choices=Organization.Kind
        ),
        Column(
            "local", BOOLEAN, _("Whether it is an actor of the city's territory."), required=True
        ),
        Column("country", STRING, _("ISO 3166-1 code of the country where it is."), required=True),
        Column("city", STRING, _("City where it is.")),
        Column(
            "parent_id",
            STRING,
            _("organisation_id of the organisation it is part of."),
            format="uuid",
        ),
        Column("website", STRING, _("Its website."), format="uri"),
        Column("url", STRING, _("Address of its page on this site."), format="uri"),
        Column("themes", STRING, _("Themes of its international work.") + " " + LIST),
        Column(
            "works_with_countries",
            STRING,
            _("ISO 3166-1 codes of the countries it works with.") + " " + LIST,
        ),
        Column(
            "identifiers",
            STRING,
            _("Identifiers as scheme:value (CL-RUT, IATI, VAT, other).") + " " + LIST,
        ),
        Column("founding_date", DATE, _("When it was founded.")),
        Column("dissolution_date", DATE, _("When it was dissolved.")),
        Column("contact_email", STRING, _("Its public contact e-mail."), format="email"),
    ),
)

MEMBERSHIPS = Resource(
    name="memberships",
    slug="memberships",
    title=_("Memberships"),
    description=_("One row per membership of an organisation in a network or an alliance."),
    primary_key="membership_id",
    foreign_keys=(
        ("member_id", "organisations", "organisation_id"),
        ("organisation_id", "organisations", "organisation_id"),
    ),
    columns=(
        Column("membership_id", STRING, _("Number of the membership."), required=True),
        Column(
            "member_id", STRING, _("organisation_id of the member."), format="uuid", required=True
        ),
        Column(
            "organisation_id",
            STRING,
            _("organisation_id of the network or alliance."),
            format="uuid",
            required=True,
        ),
        Column("role", STRING, _("The member's role."), required=True, choices=MembershipRole),
        Column("start_date", DATE, _("Member since.")),
        Column("end_date", DATE, _("Member until.")),
        Column("source_url", STRING, _("Where the membership is published."), format="uri"),
    ),
)

AGREEMENTS = Resource(
    name="agreements",
    slug="agreements",
    title=_("Agreements"),
    description=_("One row per agreement, with its dates and its status on the day of download."),
    primary_key="agreement_id",
    columns=(
        AGREEMENT_ID,
        Column("language", STRING, _("Language of the record's text (es or en)."), required=True),
        Column("title", STRING, _("Title of the agreement."), required=True),
        Column("kind", STRING, _("Kind of agreement."), required=True, choices=AgreementKind),
        Column(
            "status",
            STRING,
            _("Status on the day of download, computed from the dates (or suspended, terminated)."),
            required=True,
            choices=AgreementStatus,
        ),
        Column("signed_date", DATE, _("When it was signed; empty while under negotiation.")),
        Column("effective_date", DATE, _("When it came into force, if not on signature.")),
        Column("expiry_date", DATE, _("When it expires; empty if open-ended.")),
        Column("interrupted_on", DATE, _("When it was suspended or terminated.")),
        Column(
            "mission_id",
            STRING,
            _("mission_id of the mission during which it was signed."),
            format="uuid",
        ),
        Column("url", STRING, _("Address of its page on this site."), format="uri"),
        Column("scope", STRING, _("What it covers.")),
        Column(
            "answers_need_ids",
            STRING,
            _(
                "need_id of the city-project needs it answers (the return dataset's "
                "project_needs), separated by “; ”."
            ),
        ),
    ),
)

AGREEMENT_PARTIES = Resource(
    name="agreement-parties",
    slug="agreement-parties",
    title=_("Agreement parties"),
    description=_("One row per party to an agreement: the organisation, its role and signatory."),
    primary_key="party_id",
    foreign_keys=(
        ("agreement_id", "agreements", "agreement_id"),
        ("organisation_id", "organisations", "organisation_id"),
    ),
    columns=(
        Column(
            "party_id",
            STRING,
            _("Stable identifier of the party row."),
            format="uuid",
            required=True,
        ),
        AGREEMENT_ID,
        Column(
            "organisation_id",
            STRING,
            _("organisation_id of the party."),
            format="uuid",
            required=True,
        ),
        Column("role", STRING, _("The party's role."), required=True, choices=PartyRole),
        Column("signatory_name", STRING, _("Who signed for the party.")),
        Column("signatory_position", STRING, _("The signatory's position.")),
        Column("signed_date", DATE, _("When the party signed.")),
    ),
)

RESOURCES = (ORGANISATIONS, MEMBERSHIPS, AGREEMENTS, AGREEMENT_PARTIES)
