"""A mission's public page, as a citizen auditing a trip reads it: costs with their totals by
payer, the report mark, withdrawal, corrections, results and their follow-ups, in both languages."""

import datetime
import re
from decimal import Decimal

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.models import Organization
from missions.models import MissionCorrection, MissionPage

from .missions_factories import (
    MissionIndexPageFactory,
    OrganizationFactory,
    PersonFactory,
    StrategicObjectiveFactory,
    build_mission,
    cost_line,
    result,
)


@pytest.fixture
def index(home):
    page = MissionIndexPageFactory(parent=home)
    page.save_revision().publish()
    return page


def text(response):
    """The page's visible text with whitespace collapsed (tags dropped)."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def section(response, heading_id):
    """The HTML of the <section> labelled by ``heading_id``."""
    html = response.content.decode()
    match = re.search(
        rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, flags=re.S
    )
    assert match, f"no section {heading_id}"
    return match.group(0)


def costly_mission(index, **fields):
    """Four cost lines in three currencies, three payers (amounts worked out by hand below)."""
    partner = OrganizationFactory(name="Fundación Mar Abierto", kind="foundation", country="ES")
    values = {
        "title": "Misión a Madrid",
        "slug": "mision-a-madrid",
        "start_date": datetime.date(2026, 3, 2),
        "end_date": datetime.date(2026, 3, 6),
        "destinations": [("Madrid", "ES"), ("Berlín", "DE")],
        "cost_lines": [
            # 1 000 USD × 950.5 = 950 500 CLP, municipality
            cost_line(
                description="Pasaje Santiago–Madrid",
                amount=Decimal("1000"),
                currency="USD",
                exchange_rate=Decimal("950.5"),
            ),
            # 300 000 CLP, host
            cost_line(
                category="lodging", description="Hotel", amount=Decimal("300000"), payer="host"
            ),
            # 250 EUR × 1 020.3 = 255 075 CLP, municipality
            cost_line(
                category="per_diem",
                description="Viático",
                amount=Decimal("250"),
                currency="EUR",
                exchange_rate=Decimal("1020.3"),
            ),
            # 120.50 USD × 940 = 113 270 CLP, a partner
            cost_line(
                category="registration",
                description="Inscripción al foro",
                amount=Decimal("120.50"),
                currency="USD",
                exchange_rate=Decimal("940"),
                payer="partner_or_sponsor",
                paying_organization=partner,
            ),
        ],
        **fields,
    }
    return build_mission(index, **values)


def test_costs_table_shows_each_line_and_hand_computed_totals_by_payer(client, index):
    mission = costly_mission(index)
    response = client.get(mission.url)
    assert response.status_code == 200
    costs = section(response, "costs-title")
    assert '<caption id="costs-caption">' in costs and 'scope="col"' in costs
    rows = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", costs))
    # Original currency, rate and CLP amount for each line, Spanish (Chile) formatting: pesos
    # as "$", other currencies by their code, a space between code and amount.
    assert "USD 1.000,00 950,5 $950.500" in rows
    assert "EUR 250,00 1.020,3 $255.075" in rows
    assert "USD 120,50 940 $113.270" in rows
    assert "Un socio o patrocinador: Fundación Mar Abierto" in rows or (
        "A partner or sponsor: Fundación Mar Abierto" in rows
    )
    # Totals by payer: 950 500 + 255 075 = 1 205 575 (municipality); 300 000; 113 270.
    footer = re.search(r"<tfoot>.*</tfoot>", costs, flags=re.S).group(0)
    amounts = re.findall(r'<td class="num">([^<]+)</td>', footer)
    assert amounts == ["$1.205.575", "$300.000", "$113.270", "$1.618.845"]
    # Share paid by others 413 270 / 1 618 845 = 25.5 %; per day 1 618 845 / 5 = 323 769.
    facts = text(response)
    assert "$323.769" in facts
    assert "25,5" in facts


def translate_with_snippets(translate, mission):
    """Translate the organizations first (as an editor must), then the mission."""
    for organization in Organization.objects.filter(locale=mission.locale):
        translate(organization)
    return translate(mission)


def test_money_is_formatted_for_the_reader_language(client, index, english_home, translate):
    mission = costly_mission(index)
    english = translate_with_snippets(translate, mission)
    response = client.get(english.url)
    assert response.status_code == 200
    rows = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section(response, "costs-title")))
    # English: every currency by its code, a space between code and amount.
    assert "USD 1,000.00 950.5 CLP 950,500" in rows
    assert "EUR 250.00 1,020.3 CLP 255,075" in rows
    footer = re.search(r"<tfoot>.*</tfoot>", section(response, "costs-title"), flags=re.S)
    amounts = re.findall(r'<td class="num">([^<]+)</td>', footer.group(0))
    assert amounts == [
        "CLP\xa01,205,575",
        "CLP\xa0300,000",
        "CLP\xa0113,270",
        "CLP\xa01,618,845",
    ]
    assert "25.5%" in text(response)


def test_country_names_and_dates_follow_the_reader_language(client, index, english_home, translate):
    mission = costly_mission(index)
    spanish = text(client.get(mission.url))
    assert "EN Berlín, Alemania" not in spanish
    assert "Berlín, Alemania" in spanish
    assert "2 de marzo de 2026" in spanish
    english = text(client.get(translate_with_snippets(translate, mission).url))
    assert "EN Berlín, Germany" in english
    assert "EN Madrid, Spain" in english
    assert "March 2, 2026" in english


def test_no_cost_statement_replaces_the_table(client, index):
    mission = build_mission(index, no_municipal_cost=True, cost_lines=[])
    response = client.get(mission.url)
    assert "La municipalidad no pagó nada" in text(response) or (
        "The municipality paid nothing for this mission." in text(response)
    )
    assert '<table class="mission-costs"' not in response.content.decode()


def _report_document():
    return wagtail_factories.DocumentFactory(title="Informe de viaje")


@pytest.mark.parametrize(
    "ended_days_ago, with_report, overdue",
    [(60, False, True), (60, True, False), (10, False, False), (-5, False, False)],
)
def test_report_overdue_mark(client, index, ended_days_ago, with_report, overdue):
    end = timezone.localdate() - datetime.timedelta(days=ended_days_ago)
    fields = {"start_date": end - datetime.timedelta(days=3), "end_date": end}
    if with_report:
        fields.update(report_document=_report_document(), report_date=end)
    mission = build_mission(index, **fields)
    response = client.get(mission.url)
    html = response.content.decode()
    assert ('class="notice mission-overdue"' in html) is overdue
    if with_report:
        assert mission.report_document.url in html


def test_withdrawn_mission_stays_readable_with_its_reason(client, index):
    mission = costly_mission(index)
    mission.withdrawn = True
    mission.withdrawal_reason = "El viaje se canceló por una emergencia en la ciudad."
    mission.save_revision().publish()
    mission = MissionPage.objects.get(pk=mission.pk)
    response = client.get(mission.url)
    assert response.status_code == 200
    html = response.content.decode()
    notice = re.search(r'<div class="notice mission-withdrawn".*?</div>', html, flags=re.S)
    assert notice
    withdrawn_on = mission.withdrawn_at
    assert withdrawn_on == timezone.localdate()  # the day it was withdrawn, in the city
    assert "El viaje se canceló por una emergencia en la ciudad." in notice.group(0)
    assert withdrawn_on.isoformat() in notice.group(0) or str(withdrawn_on.year) in notice.group(0)
    assert "Pasaje Santiago–Madrid" in html  # the record stays readable


def test_corrections_are_listed_with_their_dates(client, index):
    mission = costly_mission(index)
    MissionCorrection.objects.create(
        page=mission, date=datetime.date(2026, 4, 2), note="Se corrigió el tipo de cambio."
    )
    MissionCorrection.objects.create(
        page=mission, date=datetime.date(2026, 5, 9), note="Se agregó el viático."
    )
    corrections = section(client.get(mission.url), "corrections-title")
    assert re.findall(r'<time datetime="([\d-]+)">', corrections) == ["2026-04-02", "2026-05-09"]
    assert "Se corrigió el tipo de cambio." in corrections
    plain = re.sub(r"<[^>]+>", "", corrections)
    assert "2 de abril de 2026: Se corrigió el tipo de cambio." in plain


def test_no_corrections_section_without_corrections(client, index):
    mission = costly_mission(index)
    assert 'id="corrections-title"' not in client.get(mission.url).content.decode()


def test_results_show_status_as_text_and_a_dated_follow_up_timeline(client, index):
    partner = OrganizationFactory(
        name="Ciudad de Rosario", country="AR", website="https://rosario.example"
    )
    mission = build_mission(
        index,
        results=[
            result(
                description="Convenio de reciclaje firmado",
                status="achieved",
                achieved_date=datetime.date(2026, 5, 10),
                value_clp=Decimal("2500000"),
                evidence_url="https://example.org/convenio",
                follow_ups=[
                    {
                        "date": datetime.date(2026, 5, 10),
                        "note": "Firmado por ambas alcaldías.",
                        "new_status": "achieved",
                    },
                    {"date": datetime.date(2026, 4, 1), "note": "Borrador enviado."},
                ],
            ),
            result(kind="funding", description="Postulación a fondo", status="not_achieved"),
        ],
    )
    first = mission.results.get(description="Convenio de reciclaje firmado")
    first.organizations = [partner]
    first.save()
    results = section(client.get(mission.url), "results-title")
    plain = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", results))
    # Badges carry their status as words, not just colour.
    assert re.search(r'class="badge ok">.*?Logrado', results, flags=re.S) or (
        re.search(r'class="badge ok">.*?Achieved', results, flags=re.S)
    )
    assert re.search(r'class="badge bad">.*?(No logrado|Not achieved)', results, flags=re.S)
    # The timeline is in date order, with the status the result moved to.
    timeline = re.search(r'<ol class="timeline">.*?</ol>', results, flags=re.S).group(0)
    assert re.findall(r'datetime="([\d-]+)"', timeline) == ["2026-04-01", "2026-05-10"]
    assert "Borrador enviado." in timeline and "Firmado por ambas alcaldías." in timeline
    assert "$2.500.000" in plain
    assert 'href="https://example.org/convenio"' in results
    assert "Ciudad de Rosario" in plain and "Argentina" in plain
    assert 'href="https://rosario.example"' in results


def test_result_links_the_practice_in_the_reader_language(client, index, english_home, translate):
    from .practices_factories import PracticeIndexPageFactory, PracticePageFactory

    practices = PracticeIndexPageFactory(parent=home_of(index))
    practices.save_revision().publish()
    practice = PracticePageFactory(parent=practices, title="Buses nocturnos", slug="buses")
    practice.save_revision().publish()
    mission = build_mission(
        index,
        results=[result(kind="practice_transfer", description="Práctica presentada")],
    )
    item = mission.results.get()
    item.practice = practice
    item.save()
    spanish = client.get(mission.url).content.decode()
    assert f'href="{practice.url}"' in spanish

    english_practice = translate(practice)
    english = client.get(translate(mission).url).content.decode()
    assert f'href="{english_practice.url}"' in english
    assert ">EN Buses nocturnos<" in english


def home_of(page):
    return page.get_parent()


def test_objectives_delegation_agenda_and_authorization_are_shown(client, index):
    objective = StrategicObjectiveFactory(code="2.3", title="Economía circular")
    person = PersonFactory(name="Ana Pérez", position="Alcaldesa", unit="Alcaldía")
    host = OrganizationFactory(name="Municipalidad de Rosario")
    act = wagtail_factories.DocumentFactory(title="Decreto")
    mission = build_mission(
        index,
        objectives=[objective],
        delegation=[(person, "Jefa de delegación")],
        agenda=[(datetime.date(2026, 3, 3), host, "Visita a la planta de reciclaje")],
        authorization_act_type="mayoral_decree",
        authorization_number="1234/2026",
        authorization_date=datetime.date(2026, 2, 20),
        authorization_document=act,
    )
    response = client.get(mission.url)
    plain = text(response)
    html = response.content.decode()
    assert "2.3 Economía circular" in plain
    assert f"?objective={objective.pk}" in html
    assert "Ana Pérez Alcaldesa, Alcaldía Jefa de delegación" in plain
    assert "Municipalidad de Rosario" in section(response, "agenda-title")
    assert "Visita a la planta de reciclaje" in plain
    assert "1234/2026" in plain and "20 de febrero de 2026" in plain
    assert act.url in html


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_page_queries_do_not_grow_with_its_rows(client, index):
    """Two results with follow-ups and organizations cost the same queries as one."""
    small = costly_mission(index, title="Pequeña", slug="pequena", results=[result()])
    big = costly_mission(
        index,
        title="Grande",
        slug="grande",
        results=[
            result(follow_ups=[{"date": datetime.date(2026, 4, day), "note": "Nota"}])
            for day in range(1, 6)
        ],
    )
    org = OrganizationFactory()
    for item in big.results.all():
        item.organizations = [org, OrganizationFactory()]
        item.save()
    assert _queries(client, small.url) == _queries(client, big.url)


def test_preview_shows_unsaved_rows_and_their_totals(index):
    """An editor's preview renders the rows in the form, not the stored ones."""
    mission = costly_mission(index)
    draft = MissionPage.objects.get(pk=mission.pk)
    # (the edit form has cleaned the line: a CLP line carries rate 1)
    draft.cost_lines = [
        cost_line(description="Pasaje corregido", amount=Decimal("700000"), exchange_rate=1)
    ]
    draft.results = [result(description="Resultado nuevo", status="in_progress")]
    response = draft.make_preview_request()
    response.render()
    html = response.content.decode()
    assert "Pasaje corregido" in html and "Pasaje Santiago–Madrid" not in html
    footer = re.search(r"<tfoot>.*</tfoot>", html, flags=re.S).group(0)
    assert re.findall(r'<td class="num">([^<]+)</td>', footer) == ["$700.000", "$700.000"]
    assert "Resultado nuevo" in html


def test_home_lists_the_latest_missions_in_the_reader_language(
    client, index, english_home, translate
):
    older = build_mission(index, title="Misión antigua", slug="antigua")
    newer = [
        build_mission(
            index,
            title=f"Misión {n}",
            slug=f"mision-reciente-{n}",
            start_date=datetime.date(2026, 6, n),
            end_date=datetime.date(2026, 6, n + 2),
        )
        for n in (1, 2, 3)
    ]
    translate(index)
    translate(newer[2])
    html = client.get("/es/").content.decode()
    latest = re.search(r'<section class="latest-missions".*?</section>', html, flags=re.S)
    titles = re.findall(r'<h3><a href="[^"]+">([^<]+)</a>', latest.group(0))
    assert titles == [
        "Misión 3",
        "Misión 2",
        "Misión 1",
    ]
    assert older.title not in latest.group(0)
    english = client.get("/en/").content.decode()
    assert "EN Misión 3" in english and "Misión 2" not in english
