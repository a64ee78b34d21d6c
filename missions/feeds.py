"""An Atom feed of newly published missions, one per language, honouring the index's filter
(``mission_filter``: a MissionFilter of the request)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from home.formats import format_clp, format_date
from home.models import SiteSettings

FEED_SIZE = 30


class MissionFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, index, mission_filter):
        super().__init__()
        self.index = index
        self.mission_filter = mission_filter
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        office = SiteSettings.for_request(self.request).office_name
        return f"{index.title} · {office}"

    def subtitle(self, index):
        return _("Official missions abroad, newest first: where, why, what it cost, who paid.")

    def link(self, index):
        return index.get_url(self.request)

    def feed_url(self, index):
        return self.request.build_absolute_uri()

    def author_name(self, index):
        return SiteSettings.for_request(self.request).office_name

    def items(self, index):
        missions = self.mission_filter.missions().with_totals()
        return missions.order_by("-first_published_at", "-pk")[:FEED_SIZE]

    def item_title(self, mission):
        if mission.withdrawn:
            return _("%(title)s (withdrawn)") % {"title": mission.title}
        return mission.title

    def item_description(self, mission):
        dates = f"{format_date(mission.start_date)} – {format_date(mission.end_date)}"
        cost = _("Total cost: %(amount)s") % {"amount": format_clp(mission.total_cost_clp)}
        parts = [mission.purpose, dates, cost]
        if mission.withdrawn:
            parts.append(_("Withdrawn: %(reason)s") % {"reason": mission.withdrawal_reason})
        return " · ".join(part for part in parts if part)

    def item_link(self, mission):
        return mission.get_url(self.request)

    def item_pubdate(self, mission):
        return mission.first_published_at

    def item_updateddate(self, mission):
        return mission.last_published_at
