"""Detail pages (a mission, a practice, an organisation, an agreement and the agreements list, a
standard) keep their rendered body while the content is unchanged (home/cache/fragments.py,
``page_fragment``), with the page cache off: a second request shows the same page without
reading the rows again, any change shows on the next request in both languages, and a preview
renders the draft, never the live page's kept body."""

import datetime
import re
from decimal import Decimal

import pytest

from directory.models import Organization, Person
from home.records import record_url
from missions.models import MissionPage, ResultFollowUp
from practices.models import PracticePage, Theme
from standards.models import StandardPage

from .missions_factories import (
    MissionIndexPageFactory,
    OrganizationFactory,
    PersonFactory,
    build_mission,
    cost_line,
    result,
)
from .partners_factories import build_partner_site
from .practices_factories import OrganizationFactory as PracticeOrganizationFactory
from .practices_factories import PracticeIndexPageFactory, ThemeFactory, ToEnglish, make_practice
from .standards_factories import build_standard, measurement, standard_index
from .test_performance_index_fragments import get, without_nonces

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


def reused(client, urls, fewer):
    """Each address twice: the same page, the second time with at least ``fewer`` queries less
    (its kept parts' rows are not read again)."""
    for url in urls:
        first, first_queries = get(client, url)
        second, second_queries = get(client, url)
        assert without_nonces(second) == without_nonces(first)
        assert second_queries <= first_queries - fewer


@pytest.fixture
def missions(home, english_home, translate):
    """A mission with a cost line paid by a partner, a delegate, a meeting and a result with a
    follow-up, in Spanish and translated into English."""
    index = MissionIndexPageFactory(parent=home)
    index.save_revision().publish()
    translate(index)
    partner = OrganizationFactory(name="Fundación Mar Abierto", kind="foundation", country="ES")
    person = PersonFactory(name="Ana Rojas")
    translate(partner)  # "EN Fundación Mar Abierto", as an editor translates them first
    translate(person)
    mission = build_mission(
        index,
        title="Misión a Madrid",
        slug="mision-a-madrid",
        start_date=datetime.date(2026, 3, 2),
        end_date=datetime.date(2026, 3, 6),
        cost_lines=[
            cost_line(description="Pasaje Santiago–Madrid", amount=Decimal("900000")),
            cost_line(
                category="lodging",
                description="Hotel",
                amount=Decimal("300000"),
                payer="host",
                paying_organization=partner,
            ),
        ],
        results=[
            result(
                description="Convenio de pesca",
                follow_ups=[{"date": datetime.date(2026, 4, 1), "note": "Primera reunión"}],
            )
        ],
        delegation=[(person, "Jefa de delegación")],
        agenda=[(datetime.date(2026, 3, 3), partner, "Reunión de pesca")],
    )
    english = translate(mission)
    return {"es": mission, "en": MissionPage.objects.get(pk=english.pk)}


def republish(mission, edit):
    """``edit(page)`` on the live mission's rows, then publish it as an editor would."""
    page = MissionPage.objects.get(pk=mission.pk)
    edit(page)
    page.save_revision().publish()


def test_a_second_request_reuses_the_mission_body_and_shows_the_same_page(client, missions):
    # Cost lines, results, follow-ups, delegation, agenda, travel, agreements: not read again.
    reused(client, [missions["es"].url, missions["en"].url], fewer=8)


@pytest.mark.parametrize("language", ["es", "en"])
def test_an_edited_cost_line_shows_on_the_next_request(client, missions, language):
    mission = missions[language]
    before, _ = get(client, mission.url)
    assert "Pasaje Santiago–Madrid" in before

    def rename(page):
        lines = list(page.cost_lines.all())
        lines[0].description = "Pasaje Santiago–Madrid (clase económica)"
        page.cost_lines = lines

    republish(mission, rename)
    after, _ = get(client, mission.url)
    assert "Pasaje Santiago–Madrid (clase económica)" in after


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_new_follow_up_shows_on_the_next_request(client, missions, language):
    mission = missions[language]
    before, _ = get(client, mission.url)
    assert "Primera reunión" in before and "Convenio ratificado" not in before

    def follow_up(page):
        results = list(page.results.all())
        results[0].follow_ups = [
            *results[0].follow_ups.all(),
            ResultFollowUp(date=datetime.date(2026, 5, 2), note="Convenio ratificado"),
        ]
        page.results = results

    republish(mission, follow_up)
    after, _ = get(client, mission.url)
    assert "Primera reunión" in after and "Convenio ratificado" in after


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_renamed_person_and_organisation_show_on_the_next_request(client, missions, language):
    url = missions[language].url
    before, _ = get(client, url)
    assert "Ana Rojas" in before and "Fundación Mar Abierto" in before
    for person in Person.objects.filter(name__contains="Ana Rojas"):
        person.name = person.name.replace("Ana Rojas", "Ana Rojas Soto")
        person.save()
    for organisation in Organization.objects.filter(name__contains="Mar Abierto"):
        organisation.name = organisation.name.replace("Mar Abierto", "Océano Abierto")
        organisation.save()
    after, _ = get(client, url)
    assert "Ana Rojas Soto" in after
    assert "Fundación Océano Abierto" in after and "Fundación Mar Abierto" not in after


def test_a_draft_preview_shows_the_draft_not_the_kept_live_body(client, missions):
    mission = missions["es"]
    draft = MissionPage.objects.get(pk=mission.pk)
    lines = list(draft.cost_lines.all())
    lines[0].description = "Pasaje en borrador"
    draft.cost_lines = lines
    draft.save_revision()  # a draft, not published
    get(client, mission.url)  # the live body is kept
    preview = MissionPage.objects.get(pk=mission.pk).get_latest_revision_as_object()
    response = preview.make_preview_request()
    response.render()
    assert "Pasaje en borrador" in response.content.decode()
    # …and the preview left nothing behind: the public page still shows the live line.
    live, _ = get(client, mission.url)
    assert "Pasaje en borrador" not in live and "Pasaje Santiago–Madrid" in live


# A practice ----------------------------------------------------------------------------------


@pytest.fixture
def practices(home, english_home, translate):
    index = PracticeIndexPageFactory(parent=home)
    index.save_revision().publish()
    translate(index, ToEnglish())
    theme = ThemeFactory(name="Movilidad", slug="movilidad")
    partner = PracticeOrganizationFactory(name="Fundación Ruta Segura")
    translate(theme, ToEnglish())
    translate(partner, ToEnglish())
    practice = make_practice(index, title="Buses nocturnos", themes=[theme], partners=[partner])
    english = translate(practice, ToEnglish())
    return {"es": practice, "en": PracticePage.objects.get(pk=english.pk)}


def test_a_second_request_reuses_the_practice_head_and_body(client, practices):
    # Themes, partners, goals, indicators, the adoption log and the image: not read again.
    reused(client, [practices["es"].url, practices["en"].url], fewer=6)


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_practice_edit_and_a_renamed_theme_or_partner_show_on_the_next_request(
    client, practices, language
):
    practice = practices[language]
    before, _ = get(client, practice.url)
    assert "Movilidad" in before and "Fundación Ruta Segura" in before
    for theme in Theme.objects.all():
        theme.name = theme.name.replace("Movilidad", "Movilidad urbana")
        theme.save()
    for partner in Organization.objects.filter(name__contains="Ruta Segura"):
        partner.name = partner.name.replace("Ruta Segura", "Camino Seguro")
        partner.save()
    page = PracticePage.objects.get(pk=practice.pk)
    page.responsible_unit = "Dirección de Tránsito Nocturno"
    page.save_revision().publish()
    after, _ = get(client, practice.url)
    assert "Movilidad urbana" in after  # the body and the structured data in the head
    assert '"keywords": ["' in after and "Movilidad urbana" in after.split("</head>")[0]
    assert "Fundación Camino Seguro" in after and "Ruta Segura" not in after
    assert "Dirección de Tránsito Nocturno" in after


def preview_and_live(client, page, **draft):
    """(the preview's HTML, the public page's HTML) after the live page was kept and a draft of
    it with ``draft``'s fields saved (not published)."""
    get(client, page.url)  # the live head and body are kept
    model = type(page)
    revision = model.objects.get(pk=page.pk)
    for name, value in draft.items():
        setattr(revision, name, value)
    revision.save_revision()
    response = model.objects.get(pk=page.pk).get_latest_revision_as_object().make_preview_request()
    response.render()
    return response.content.decode(), get(client, page.url)[0]


def test_a_practice_preview_shows_the_draft(client, practices):
    preview, live = preview_and_live(client, practices["es"], responsible_unit="Unidad en borrador")
    assert "Unidad en borrador" in preview
    assert "Unidad en borrador" not in live


# An organisation -----------------------------------------------------------------------------

SAN_MARTIN = {
    "es": "/es/organizaciones/municipio-de-san-martin/",
    "en": "/en/organisations/municipio-de-san-martin/",
}


@pytest.fixture
def partner_site(db):
    return build_partner_site()


def test_a_second_request_reuses_the_organisation_body(client, partner_site):
    # Its activity, agreements, memberships, names and identifiers: not read again.
    reused(client, SAN_MARTIN.values(), fewer=8)


@pytest.mark.parametrize("language", ["es", "en"])
def test_an_organisation_page_shows_renames_and_a_retitled_mission_on_the_next_request(
    client, partner_site, language
):
    url = SAN_MARTIN[language]
    before, _ = get(client, url)
    assert "Hermanamiento en San Martín" in before
    for record in Organization.objects.filter(name__contains="San Martín"):
        record.name = record.name.replace("San Martín", "San Martín del Lago")
        record.save()
    mission = MissionPage.objects.get(pk=partner_site["mission"].pk)
    mission.title = "Hermanamiento con San Martín del Lago"
    mission.save_revision().publish()
    after, _ = get(client, url)
    heading = re.search(r"<h1>(.*?)</h1>", after).group(1)
    assert "San Martín del Lago" in heading
    assert "Hermanamiento con San Martín del Lago" in after


def test_a_bad_page_number_is_named_after_the_plain_page_was_kept(client, partner_site):
    plain, _ = get(client, SAN_MARTIN["es"])
    bad, _ = get(client, SAN_MARTIN["es"] + "?page=zz")
    assert 'class="notice' in bad and bad.count('class="notice') > plain.count('class="notice')


# An agreement and the agreements list -------------------------------------------------------


def agreement_urls(partner_site):
    return [
        record_url(partner_site["twinning"]),
        record_url(partner_site["english_twinning"]),
        "/es/acuerdos/",
        "/en/agreements/",
    ]


def test_a_second_request_reuses_the_agreement_body_and_the_list(client, partner_site):
    # The parties, their organisations in the reader's language, the mission and the results.
    reused(client, agreement_urls(partner_site), fewer=3)


def test_an_agreement_and_the_list_show_a_renamed_party_a_new_title_and_expiry_next(
    client, partner_site
):
    page, english_page, listing, _english_listing = agreement_urls(partner_site)
    for url in (page, english_page, listing):
        get(client, url)
    university = partner_site["university"]
    for record in Organization.objects.filter(translation_key=university.translation_key):
        record.name = "Universidad del Lago"
        record.save()
    twinning = partner_site["twinning"]
    twinning.title = "Hermanamiento renovado con San Martín"
    twinning.expiry_date = twinning.signed_date + datetime.timedelta(days=3650)
    twinning.save()
    expiry = twinning.expiry_date.isoformat()
    after, _ = get(client, page)
    assert "Universidad del Lago" in after and "Hermanamiento renovado" in after
    assert f'datetime="{expiry}"' in after
    assert "Universidad del Lago" in get(client, english_page)[0]
    after, _ = get(client, listing)
    assert "Hermanamiento renovado" in after and f'datetime="{expiry}"' in after


def test_a_bad_page_number_of_the_agreements_list_is_named_after_the_plain_list_was_kept(
    client, partner_site
):
    plain, _ = get(client, "/es/acuerdos/")
    bad, _ = get(client, "/es/acuerdos/?page=zz")
    assert bad.count('class="notice') > plain.count('class="notice')


# A service standard --------------------------------------------------------------------------


@pytest.fixture
def standard(home):
    index = standard_index(home)
    return build_standard(
        index,
        measurements=[
            measurement(
                datetime.date(2025, 1, 1), datetime.date(2025, 3, 31), numerator=45, denominator=50
            )
        ],
    )


def test_a_second_request_reuses_the_standard_body(client, standard):
    reused(client, [standard.url], fewer=1)


def test_a_standard_shows_a_new_measurement_on_the_next_request(client, standard):
    before, _ = get(client, standard.url)
    assert "48.613" not in before
    page = StandardPage.objects.get(pk=standard.pk)
    rows = list(page.measurements.all())
    rows.append(
        measurement(
            datetime.date(2025, 4, 1),
            datetime.date(2025, 6, 30),
            numerator=48613,
            denominator=50000,
        )
    )
    page.measurements = rows
    page.save_revision().publish()
    after, _ = get(client, standard.url)
    assert "48.613" in after  # the new quarter's numerator, in its row of the table


def test_a_standard_draft_preview_shows_the_draft_not_the_kept_live_body(client, standard):
    preview, live = preview_and_live(
        client, standard, commitment="Respondemos en 5 días hábiles (borrador)."
    )
    assert "(borrador)" in preview
    assert "(borrador)" not in live
