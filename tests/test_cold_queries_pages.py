"""Issue 12, item 3, the first request after a change: the practices index and page, the open
data portal, the objectives pages, the directory and an organisation, the agreements and an
agreement, a standard and the open-data files make at most ``OWN_BUDGET`` queries beyond a
plain content page's first request after a change (measured in the same test, so that the
layout's own cost cancels), and the count does not grow with the data. The portal's figures,
read a few queries per dataset (``Dataset.figures()``, home/opendata/together.py), are the
very figures ``freshness()`` and ``row_count()`` give."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Filter
from wagtail.models import Locale, Site

from home.cache import bump, shared
from home.models import SiteIdentity
from home.opendata.dataset import Dataset, datasets
from partners.models import Agreement, AgreementParty
from portal.models import OpenDataPortalPage
from practices.demo.hooks import RENDITIONS, _image
from standards.seed import seed

from .factories import ContentPageFactory
from .missions_factories import StrategicObjectiveFactory, build_mission, cost_line, result
from .module_data import rolled_back_after_module
from .partners_factories import ago, build_partner_site, org, today
from .practices_factories import make_practice
from .return_factories import build_objective_index, build_project
from .standards_factories import standard_index
from .test_standards_return_queries import _count

pytestmark = pytest.mark.usefixtures("_no_page_cache")

BUDGET = 15  # queries of a page, the first time after a change, its layout's included
OWN_BUDGET = 12  # queries beyond a content page's, the first time after a change


@pytest.fixture
def _no_page_cache():
    with override_settings(PAGE_CACHE_ENABLED=False):
        yield


@pytest.fixture(scope="module")
def site(django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        built = build_partner_site()
        home = built["index"].get_parent().specific
        # As on a real site (the demo, an editor's first save): the office's identity, read
        # with the settings in the layout's one query.
        SiteIdentity.objects.create(
            site=Site.objects.get(is_default_site=True), locale=home.locale, office_name="Oficina"
        )
        ContentPageFactory(parent=home, title="Acerca", slug="acerca").save_revision().publish()
        portal = home.add_child(instance=OpenDataPortalPage(title="Datos abiertos", slug="datos"))
        portal.save_revision().publish()
        objectives, _english = build_objective_index(home)
        objective = StrategicObjectiveFactory(code="2.1", title="Economía circular")
        build_project(objective, [("funding", "Planta", Decimal("3000"))], title="Planta")
        standards = standard_index(home)
        seed(standards, 3, periods=12)
        practice_index = built["practice"].get_parent().specific
        make_practice(practice_index, title="Compostaje", slug="compostaje")
        yield {
            **built,
            "home": home,
            "portal": portal,
            "objectives": objectives,
            "objective": objective,
            "standards": standards,
            "practice_index": practice_index,
        }


def _urls(site):
    directory = site["index"].url
    objectives = site["objectives"].url
    standards = site["standards"].url
    return {
        "practices index": site["practice_index"].url,
        "practice page": site["practice"].url,
        "portal": site["portal"].url,
        "objectives": objectives,
        "objectives, a year": f"{objectives}?year={today().year}",
        "objective page": f"{objectives}{site['objective'].slug}/",
        "needs": f"{objectives}needs/",
        "objectives.csv": f"{objectives}data/objectives.csv",
        "project-needs.json": f"{objectives}data/project-needs.json",
        "travel-legs.csv": f"{objectives}data/travel-legs.csv",
        "directory": directory,
        # The hreflang links and the switcher name the theme's translation: read once.
        "directory, a theme": f"{directory}?theme=movilidad",
        "organisation": f"{directory}{site['partner'].slug}/",
        "agreements": "/es/acuerdos/",
        "agreement": f"/es/acuerdos/{site['twinning'].slug}/",
        "standard page": f"{standards}seed-1/",
        "standards.csv": f"{standards}data/standards.csv",
        "standards.json": f"{standards}data/standards.json",
        "measurements.json": f"{standards}data/measurements.json",
    }


def first_after_a_change(client, url):
    """The queries of a request once what requests share has been dropped, as an editor's
    save does. A request to the address before it fills Wagtail's per-process cache of the
    sites' root paths and makes the images' renditions, which are kept, not recomputed."""
    client.get(url)
    bump()  # what an editor's save does: kept values and kept parts are computed again
    shared.forget()
    return _count(client, url)


def _grow(site):
    """More of everything the pages list: practices, organisations and agreements,
    missions serving the objective, project needs and standards."""
    for number in range(6):
        make_practice(site["practice_index"], title=f"Práctica {number}", slug=f"p-{number}")
        partner = org(f"Municipio {number}", f"Municipality {number}")
        agreement = Agreement.objects.create(
            title=f"Convenio {number}",
            kind="mou",
            signed_date=ago(100 + number),
            locale=partner.locale,
        )
        AgreementParty.objects.create(
            agreement=agreement, organization=partner, role="signatory", locale=partner.locale
        )
        need = build_project(
            site["objective"], [("technical_assistance", f"Asesoría {number}", None)]
        ).needs.first()
        mission = build_mission(
            site["mission"].get_parent().specific,
            title=f"Misión {number}",
            slug=f"mision-{number}",
            objectives=[site["objective"]],
            start_date=datetime.date(today().year - 1, 1 + number, 3),
            end_date=datetime.date(today().year - 1, 1 + number, 6),
            cost_lines=[cost_line(amount=Decimal("1000"))],
            results=[result(status="achieved", value_clp=Decimal("500"))],
        )
        mission.results.first().answers_needs.add(need)
    seed(site["standards"], 6, periods=12)


def _figures_match(site):
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    for code in ("es", "en"):
        locale = Locale.objects.get(language_code=code)
        for dataset in datasets():
            index = dataset.index_for(locale)
            if index is None:
                continue
            together = dataset.unfiltered(index, request).figures()
            one_by_one = Dataset.figures(dataset.unfiltered(index, request))
            assert together == one_by_one, (dataset.name, code)


def test_first_requests_stay_within_budget_and_constant_as_the_data_grows(db, site):
    client = Client()
    urls = _urls(site)
    layout = first_after_a_change(client, "/es/acerca/")
    small = {name: first_after_a_change(client, url) - layout for name, url in urls.items()}
    _figures_match(site)
    _grow(site)
    large = {name: first_after_a_change(client, url) - layout for name, url in urls.items()}
    _figures_match(site)
    print(f"content page {layout}; own queries after a change, small → large:")
    for name in urls:
        print(f"  {name:20} {small[name]} → {large[name]}")
    assert large == small
    # A filter naming a translated record (the theme) costs one query more, not one per link
    # to the other language (home/i18n.py, translated_query).
    assert large["directory, a theme"] <= large["directory"] + 1
    # The portal finds each dataset's index page among the top of the tree the layout reads.
    assert layout + large["portal"] <= 15
    for name, own in large.items():
        assert own <= OWN_BUDGET, (name, own)
        assert layout + own <= BUDGET, (name, layout + own)


def test_demo_images_come_with_the_renditions_the_practice_templates_use(db, site):
    """The demo makes each practice image's renditions at load: the practices index's cards
    and the practice page ask for existing ones, and their first visit writes none."""
    image = _image("una-practica", "#2a6f97")
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made == {spec for specs in RENDITIONS for spec in Filter.expand_spec(specs)}
    practice = make_practice(site["practice_index"], title="Con imagen", slug="con-imagen")
    practice.image = image
    practice.save_revision().publish()
    client = Client()
    client.get("/es/")
    for url in (site["practice_index"].url, practice.url):
        shared.forget()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        writes = [query["sql"] for query in captured if "INSERT" in query["sql"]]
        assert [sql for sql in writes if "una-practica" in sql] == [], url
    assert set(image.renditions.values_list("filter_spec", flat=True)) == made


def _api_lists():
    """Every list of the JSON API: one per table of every dataset (api/v1.py)."""
    return [f"/api/v1/{resource.slug}/" for ds in datasets() for resource in ds.resources]


def test_every_api_list_stays_within_budget_and_constant_as_the_data_grows(db, site):
    """The API has no layout: its lists are held to the whole budget (in Spanish: this site
    has no English index pages, so the English lists answer empty at once)."""
    client = Client()
    urls = [f"{url}?locale=es" for url in _api_lists()]
    small = {url: first_after_a_change(client, url) for url in urls}
    _grow(site)
    large = {url: first_after_a_change(client, url) for url in urls}
    print("API lists, queries after a change, small → large:")
    for url in urls:
        print(f"  {url:45} {small[url]} → {large[url]}")
    assert large == small
    assert len(urls) >= 15  # every dataset's tables, not a few of them
    for url, count in large.items():
        assert count <= BUDGET, (url, count)
