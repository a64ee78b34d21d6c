"""The directory and agreements pages, an organisation's and an agreement's page (routes in
partners/routes/). Each view takes its index page first (home/routing.py); a record's page gets
the record already looked up in the page's language (home/records.py).
"""

from functools import cache

from django.db.models import Prefetch
from django.http import JsonResponse
from django.utils.functional import SimpleLazyObject

from directory.models import Organization
from home.cache.fragments import fragment, page_fragment
from home.models import SiteSettings
from home.pagination import MISSIONS_PER_PAGE, paginate
from home.records import remember_record_index
from home.routing import render_page
from home.translated import in_locale
from missions.models import MissionPage
from returns.models import ProjectNeed

from .activity import organisation_activity, own_lists, page_of_missions
from .filters import DirectoryFilter
from .models import Agreement
from .models.agreements import today
from .opendata.datasets import PartnersDataset
from .parties import parties_prefetch, party_organisations, show_in_locale
from .popolo import popolo_organisation
from .territory import who_does_what

PER_PAGE = 30


def directory(page, request):
    remember_record_index(page, request)

    @cache
    def listing():
        municipality_id = SiteSettings.for_request(request).municipality_organization_id
        selection = DirectoryFilter(page, request.GET, municipality_id)
        notices = selection.notices()
        organisations = selection.organisations()
        page_obj = paginate(
            organisations.order_by("name", "pk"), request.GET.get("page"), PER_PAGE, notices
        )
        counts = selection.kind_counts()
        kinds = [(kind, label, counts[kind]) for kind, label in Organization.Kind.choices]
        local = [row for row in kinds if row[0] in Organization.LOCAL_KINDS]
        international = [row for row in kinds if row[0] not in Organization.LOCAL_KINDS]
        return {
            "form": selection.form,
            "is_filtered": selection.is_filtered,
            "notices": notices,
            "page_obj": page_obj,
            "organisations": list(page_obj.object_list),
            "local_counts": local,
            "international_counts": international,
            "totals": {  # a mapping: {% blocktranslate count %} needs the numbers themselves
                "local": sum(count for _kind, _label, count in local),
                "international": sum(count for _kind, _label, count in international),
            },
            "municipality": selection.municipality_record() if municipality_id else None,
            "who": who_does_what(organisations, page.locale_id),
        }

    # Everything the counts, the filter, the cards and the "who does what" table show is read
    # only when they are rendered, not while they are kept ({% cache %}, home/cache/fragments.py).
    # They depend on the query string (the pagination links keep it; the table ignores the
    # page number) and the index's address (the form's action; a draft's preview may change it).
    names = ("form", "is_filtered", "notices", "page_obj", "organisations", "local_counts")
    names += ("international_counts", "totals", "municipality")
    context = {name: SimpleLazyObject(lambda name=name: listing()[name]) for name in names}
    query = sorted(request.GET.lists())
    return render_page(
        page,
        request,
        {
            **context,
            "who": SimpleLazyObject(lambda: listing()["who"]),
            "listing_fragment": fragment(page.pk, page.url_path, query),
            "who_fragment": fragment(
                page.pk, page.url_path, [item for item in query if item[0] != "page"]
            ),
            "open_data": PartnersDataset.unfiltered(page, request).links(),
        },
    )


def organisation(page, request, record):
    """An organisation's page. Its body is rendered once per content generation, language, date
    and query ({% cache %} in the template); ``activity`` is read only when it is rendered."""

    def activity():
        notices = []
        missions_page, shown = page_of_missions(
            organisation_activity(record, page.locale_id),
            request.GET.get("page"),
            MISSIONS_PER_PAGE,
            notices,
        )
        names, identifiers, themes = own_lists(record, page.locale_id)
        return {
            "activity": shown,
            "page_obj": missions_page,
            "notices": notices,
            "names": names,
            "identifiers": identifiers,
            "themes": themes,
        }

    return render_page(
        page,
        request,
        {
            "organisation": record,
            "record_url": page.record_full_url(record, request),
            "popolo_url": page.record_url(record, request) + "popolo/",
            "organisation_activity": SimpleLazyObject(activity),
            # The pagination links keep the whole query.
            "body_fragment": page_fragment(page, request, record.pk, sorted(request.GET.lists())),
            "today": today(),
        },
        template="partners/organisation_page.html",
    )


def _with_parties(agreements, locale_id):
    agreements = list(agreements.prefetch_related(parties_prefetch()))
    show_in_locale(locale_id, party_organisations(agreements))
    return agreements


def agreements(page, request):
    remember_record_index(page, request)

    def listing():
        notices = []
        rows = page.records().order_by("-signed_date", "title", "pk")
        page_obj = paginate(rows, request.GET.get("page"), PER_PAGE, notices)
        shown = _with_parties(
            rows.filter(pk__in=[agreement.pk for agreement in page_obj]), page.locale_id
        )
        return {"notices": notices, "page_obj": page_obj, "agreements": shown}

    return render_page(
        page,
        request,
        {
            # Read only when the kept list is missing (a change, another page number).
            "listing": SimpleLazyObject(listing),
            "listing_fragment": page_fragment(page, request, sorted(request.GET.lists())),
            "today": today(),
        },
    )


def agreement(page, request, record):
    def detail():
        (agreement,) = _with_parties(
            Agreement.objects.filter(pk=record.pk).prefetch_related(
                "amendments",
                "results__page",
                Prefetch("answers_needs", queryset=ProjectNeed.objects.select_related("project")),
            ),
            page.locale_id,
        )
        mission = None
        if record.mission_id:
            live = MissionPage.objects.live().public()
            mission = next(
                iter(in_locale(live.filter(pk=record.mission_id), page.locale_id, among=live)),
                None,
            )
        return {"agreement": agreement, "mission": mission}

    return render_page(
        page,
        request,
        {
            "record": record,
            # Read only when the kept body is missing (home/cache/fragments.py).
            "agreement_detail": SimpleLazyObject(detail),
            "body_fragment": page_fragment(page, request, record.pk),
            "record_url": page.record_full_url(record, request),
            "today": today(),
        },
        template="partners/agreement_page.html",
    )


def popolo(page, request, record):
    """The organisation in Popolo's organization shape (popoloproject.com), with its
    memberships; identifiers are the open data's organisation_id."""
    return JsonResponse(
        popolo_organisation(record, page.record_full_url(record, request)),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
