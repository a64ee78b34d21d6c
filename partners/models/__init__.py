"""Partners and local actors: the public directory of organisations, their memberships and the
agreements they sign, with their lifecycle. Organisations themselves are the shared
directory.Organization records; this app adds what links them.
"""

from .agreements import (
    Agreement,
    AgreementAmendment,
    AgreementKind,
    AgreementParty,
    AgreementQuerySet,
    AgreementStatus,
    PartyRole,
)
from .index import AgreementIndexPage, DirectoryIndexPage
from .memberships import Membership, MembershipRole

__all__ = [
    "Agreement",
    "AgreementAmendment",
    "AgreementIndexPage",
    "AgreementKind",
    "AgreementParty",
    "AgreementQuerySet",
    "AgreementStatus",
    "DirectoryIndexPage",
    "Membership",
    "MembershipRole",
    "PartyRole",
]
