"""The partners dataset on the shared open-data mechanism (home/opendata): organisations,
memberships, agreements and their parties, served under the directory page
(partners/routes/directory.py) in each language. The files list everything; they do not
follow the directory's filters."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from directory.models import Organization
from home.opendata.dataset import Dataset
from home.opendata.together import Latest, Rows, read_together

from ..models import Agreement, AgreementParty, Membership
from . import rows
from .schema import AGREEMENT_PARTIES, AGREEMENTS, MEMBERSHIPS, ORGANISATIONS, SCHEMA_VERSION


class PartnersDataset(Dataset):
    name = "partners"
    title = _("Partners and local actors: organisations, memberships and agreements")
    description = _(
        "The directory of the territory's local actors and the city's partners abroad, the "
        "networks they belong to and the agreements they signed, with their status. Joined by "
        "organisation_id and agreement_id."
    )
    resources = (ORGANISATIONS, MEMBERSHIPS, AGREEMENTS, AGREEMENT_PARTIES)
    index_page = "partners.DirectoryIndexPage"
    version = SCHEMA_VERSION

    def freshness(self):
        # The last change of an organisation or an agreement (their memberships, names,
        # identifiers and parties are edited with them); the counts and the day stand for a
        # removed record and for a change of status with time. One query.
        read = read_together(
            organisations_changed=Latest(Organization.objects.all(), "updated_at"),
            agreements_changed=Latest(Agreement.objects.all(), "updated_at"),
            organisations=Rows(Organization.objects.all()),
            agreements=Rows(Agreement.objects.all()),
            memberships=Rows(Membership.objects.all()),
            parties=Rows(AgreementParty.objects.all()),
        )
        changed = [read["organisations_changed"], read["agreements_changed"]]
        changed = [moment for moment in changed if moment]
        counts = (read[name] for name in ("organisations", "agreements", "memberships", "parties"))
        tag = "-".join(map(str, (*counts, rows.today().isoformat())))
        return (max(changed) if changed else None), tag

    def figure_parts(self):
        """``freshness()``'s last change and ``row_count()``'s counts."""
        return {
            "organisations_changed": Latest(Organization.objects.all(), "updated_at"),
            "agreements_changed": Latest(Agreement.objects.all(), "updated_at"),
            "organisations": Rows(Organization.objects.values("translation_key").distinct()),
            "memberships": Rows(Membership.objects.all()),
            "agreements": Rows(Agreement.objects.values("translation_key").distinct()),
            "parties": Rows(AgreementParty.objects.filter(agreement__in=self._shown_agreements())),
        }

    def figures_from(self, read):
        changed = [read["organisations_changed"], read["agreements_changed"]]
        changed = [moment for moment in changed if moment]
        return (max(changed) if changed else None), {
            ORGANISATIONS.slug: read["organisations"],
            MEMBERSHIPS.slug: read["memberships"],
            AGREEMENTS.slug: read["agreements"],
            AGREEMENT_PARTIES.slug: read["parties"],
        }

    def _shown_agreements(self):
        """The agreements whose parties the parties table lists (``rows.party_rows``): each
        agreement in the reader's language, else in every language it has."""
        locale_id = self.index.locale_id
        mine = Agreement.objects.filter(locale_id=locale_id).values("translation_key")
        return Agreement.objects.filter(
            Q(locale_id=locale_id) | ~Q(translation_key__in=mine)
        ).values("pk")

    def rows(self, resource):
        locale_id = self.index.locale_id
        if resource is ORGANISATIONS:
            return rows.organisation_rows(locale_id, self.request)
        if resource is MEMBERSHIPS:
            return rows.membership_rows()
        if resource is AGREEMENTS:
            return rows.agreement_rows(locale_id, self.request)
        return rows.party_rows(locale_id)

    def page(self, resource, offset, limit, key=None):
        """The organisations (thousands at scale) are paged by the database: the window's rows
        only, whatever the offset; the other tables as the default does."""
        if resource is ORGANISATIONS:
            window = slice(offset, offset + limit)
            return list(
                rows.organisation_rows(self.index.locale_id, self.request, window=window, key=key)
            )
        return super().page(resource, offset, limit, key=key)

    def row_count(self, resource):
        if resource is ORGANISATIONS:
            return Organization.objects.values("translation_key").distinct().count()
        if resource is MEMBERSHIPS:
            return Membership.objects.count()
        if resource is AGREEMENTS:
            return Agreement.objects.values("translation_key").distinct().count()
        return sum(1 for _row in rows.party_rows(self.index.locale_id))


DATASETS = (PartnersDataset,)
