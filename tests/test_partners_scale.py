"""Issue 9's query budget at small and large sizes: the directory (plain, each filter, the "who
does what" table), an agreement's page, the agreements list and an organisation's page make the
same SQL queries with a handful of organisations as with ten times more and far more activity;
a busy organisation's page costs what a quiet one's does, at most 20 queries beyond the layout
every page has; and the "who does what" table stays bounded when the local actors are many."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from missions.models import MissionResult
from partners.models import Agreement, AgreementParty, Membership
from partners.seed import seed
from partners.territory import TABLE_LIMIT

from .missions_factories import build_mission, cost_line
from .missions_factories import result as mission_result
from .module_data import rolled_back_after_module
from .partners_factories import ago, build_partner_site, org

DIRECTORY = "/es/organizaciones/"
DIRECTORY_URLS = [
    DIRECTORY,
    DIRECTORY + "?kind=local",
    DIRECTORY + "?kind=international",
    DIRECTORY + "?kind=university",
    DIRECTORY + "?kind=network",
    DIRECTORY + "?country=CL",
    DIRECTORY + "?theme=movilidad",
    DIRECTORY + "?agreement=in_force",
    DIRECTORY + "?kind=local&country=ES&theme=movilidad&agreement=in_force",
    DIRECTORY + "?page=2",
    "/en/organisations/",
    "/en/organisations/?kind=local&agreement=in_force",
]
BUSY = DIRECTORY + "municipio-de-san-martin/"
QUIET = DIRECTORY + "junta-vecinal-norte/"
AGREEMENT = "/es/acuerdos/hermanamiento-con-san-martin/"
OTHER_URLS = [BUSY, QUIET, "/en/organisations/municipio-de-san-martin/", AGREEMENT]
OTHER_URLS += ["/en/agreements/hermanamiento-con-san-martin/", "/es/acuerdos/"]
# The layout every page has (menus, language switcher, settings, identity): see
# tests/test_partners_pages.py; the 20 are the organisation page's own.
LAYOUT = 14


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200, url
    return len(captured.captured_queries)


def grow(site):
    """Ten times the organisations, and more of everything the busy organisation appears in."""
    seed(40 + 3 * TABLE_LIMIT)  # more local actors than the table shows
    partner, university = site["partner"], site["university"]
    index = site["mission"].get_parent()
    twinning = site["twinning"]
    for number in range(3):
        mission = build_mission(
            index,
            title=f"Misión de escala {number}",
            slug=f"mision-de-escala-{number}",
            agenda=[(ago(20), partner, "Reunión"), (ago(19), university, "Visita")],
            cost_lines=[cost_line(payer="host", paying_organization=partner)],
            results=[mission_result(description=f"Resultado de escala {number}")],
        )
        extra = MissionResult.objects.get(page=mission)
        extra.organizations = [partner, university]
        extra.save()
        agreement = Agreement.objects.create(
            title=f"Convenio de escala {number}",
            kind="mou",
            signed_date=ago(5),
            locale=partner.locale,
        )
        for party in (partner, university):
            AgreementParty.objects.create(
                agreement=agreement, organization=party, locale=partner.locale
            )
        agreement.results.set([extra])
        agreement.save()
        twinning.results.add(extra)
        network = org(f"Red de escala {number}", kind="network", country="PE")
        Membership.objects.create(member=partner, organization=network, start_date=ago(100))
        AgreementParty.objects.create(
            agreement=twinning, organization=network, locale=partner.locale
        )


@pytest.fixture(scope="module")
def measured(django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        site = build_partner_site()
        client = Client()
        small = {url: queries(client, url) for url in DIRECTORY_URLS + OTHER_URLS}
        grow(site)
        large = {url: queries(client, url) for url in DIRECTORY_URLS + OTHER_URLS}
        pages = {url: client.get(url).content.decode() for url in (DIRECTORY, BUSY, AGREEMENT)}
        yield {"small": small, "large": large, "pages": pages, "site": site}


@pytest.mark.parametrize("url", DIRECTORY_URLS + OTHER_URLS)
def test_queries_do_not_grow_with_the_data(db, measured, url):
    assert measured["large"][url] == measured["small"][url], url


def test_a_busy_organisation_costs_what_a_quiet_one_does(db, measured):
    busy = measured["large"][BUSY]
    assert busy == measured["large"][QUIET]
    assert busy - LAYOUT <= 20
    page = measured["pages"][BUSY]
    assert "Misión de escala 2" in page and "Convenio de escala 2" in page
    assert "Red de escala 2" in page


def test_the_who_does_what_table_is_bounded_and_says_so(db, measured):
    html = measured["pages"][DIRECTORY]
    start = html.index('id="who-caption"')
    table = html[start : html.index("</table>", start)]
    assert len(re.findall(r'<th scope="row"', table)) == TABLE_LIMIT
    notice = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[html.index('id="who-limit"') :]))
    assert f"La tabla muestra los primeros {TABLE_LIMIT} de" in notice
    assert "elija un país o un tema" in notice
    # The text equivalent names the same actors the table shows, by country.
    by_country = html[html.index('id="by-country-title"') : html.index("</dl>", start)]
    assert "Organización sintética" in by_country


def test_a_busy_organisations_missions_come_a_page_at_a_time(db, measured):
    from partners.activity import organisation_activity, page_of_missions

    partner = measured["site"]["partner"]
    activity = organisation_activity(partner, partner.locale_id)
    notices = []
    first, shown = page_of_missions(activity, None, 2, notices)
    assert first.paginator.count == 4 and first.paginator.num_pages == 2
    second, later = page_of_missions(activity, "2", 2, notices)
    pages = [list(first), list(second)]
    every = [mission for page in pages for mission in page]
    assert len({mission.pk for mission in every}) == 4  # each mission once, on one page
    dates = [mission.start_date for mission in every]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert "Hermanamiento en San Martín" in [mission.title for mission in every]
    for page, lists in ((first, shown), (second, later)):
        on_page = {mission.pk for mission in page}
        assert {group["mission"].pk for group in lists["agenda"]} <= on_page
        assert {result.page.pk for result in lists["results"]} <= on_page
    assert notices == []
    page_of_missions(activity, "nine", 2, notices)
    assert len(notices) == 1 and "“nine”" in notices[0]  # the first page, with a notice
    response = Client().get(BUSY + "?page=nine")
    assert response.status_code == 200
    assert "No existe la página “nine”; se muestra la primera." in response.content.decode()
