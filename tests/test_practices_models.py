"""Practice models and the admin forms editors use: what is accepted, what is refused and why."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from practices.models import (
    SDG_NAMES,
    PracticeIndicator,
    PracticePage,
    SustainableDevelopmentGoal,
    sdg_name,
)

from .practices_factories import ImageFactory, PracticeIndexPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sdg_rows(db):
    """The goals come from a data migration; browser tests elsewhere may have flushed them."""
    SustainableDevelopmentGoal.ensure_all()


def indicator(**values):
    defaults = {"baseline": "100", "target": "200", "current_value": "150"}
    defaults.update(values)
    return PracticeIndicator(
        name="Viajes",
        measured_on=datetime.date(2025, 1, 31),
        source="Conteo",
        **{key: Decimal(value) for key, value in defaults.items()},
    )


# Progress toward the target ------------------------------------------------------------------


def test_progress_is_the_share_of_the_way_from_baseline_to_target():
    item = indicator(baseline="100", target="200", current_value="150")
    assert item.progress == Decimal("0.5")
    assert item.progress_percent == 50
    assert not item.target_reached


def test_progress_works_for_decreasing_targets():
    item = indicator(baseline="90", target="45", current_value="48")
    assert item.is_decreasing
    assert item.progress_percent == 93


def test_progress_display_is_clamped_but_overshoot_counts_as_reached():
    over = indicator(baseline="0", target="33", current_value="38")
    assert over.progress > 1
    assert over.progress_percent == 100
    assert over.target_reached
    backwards = indicator(baseline="100", target="200", current_value="80")
    assert backwards.progress < 0
    assert backwards.progress_percent == 0


def test_target_equal_to_baseline_has_no_progress_share():
    item = indicator(baseline="100", target="100", current_value="100")
    assert item.progress is None
    assert item.progress_percent is None
    assert item.target_reached
    assert not indicator(baseline="100", target="100", current_value="90").target_reached


def test_negative_values_are_refused_unless_the_indicator_allows_them():
    with pytest.raises(ValidationError) as error:
        indicator(baseline="-5").clean()
    assert "baseline" in error.value.message_dict
    allowed = indicator(baseline="-5", target="0", current_value="-2")
    allowed.allows_negative = True
    allowed.clean()


def test_a_measurement_cannot_be_dated_in_the_future():
    item = indicator()
    item.measured_on = datetime.date.today() + datetime.timedelta(days=3)
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert "measured_on" in error.value.message_dict


# Sustainable Development Goals ---------------------------------------------------------------


def test_the_seventeen_goals_exist_with_official_names_in_both_languages():
    assert list(SustainableDevelopmentGoal.objects.values_list("number", flat=True)) == list(
        range(1, 18)
    )
    assert sdg_name(1, "es") == "Fin de la pobreza"
    assert sdg_name(11, "en") == "Sustainable cities and communities"
    assert sdg_name(17, "es") == "Alianzas para lograr los objetivos"
    assert all(set(names) == {"es", "en"} for names in SDG_NAMES.values())


def test_goal_numbers_outside_1_to_17_are_invalid():
    for number in (0, 18):
        with pytest.raises(ValidationError):
            SustainableDevelopmentGoal(number=number).full_clean()


# The admin form editors use ------------------------------------------------------------------


@pytest.fixture
def index(home):
    page = PracticeIndexPageFactory(parent=home, locale=home.locale)
    page.save_revision().publish()
    return page


def form_data(**overrides):
    indicators = overrides.pop(
        "indicators",
        [
            {
                "name": "Viajes diarios",
                "baseline": "1000",
                "target": "3000",
                "current_value": "2240",
                "unit": "viajes",
                "measured_on": "2025-06-30",
                "source": "Conteo municipal",
            }
        ],
    )
    data = {
        "title": "Buses nocturnos",
        "slug": "buses-nocturnos",
        "summary": "Tres recorridos nocturnos.",
        "image": "",
        "image_alt": "",
        "themes": [],
        "sdgs": [str(SustainableDevelopmentGoal.objects.get(number=11).pk)],
        "responsible_unit": "Dirección de Tránsito",
        "status": "operating",
        "start_year": "2021",
        "body": streamfield(
            [("context", {"content": streamfield([("paragraph", rich_text("<p>Antes.</p>"))])})]
        ),
        "indicators": inline_formset(indicators),
        "budget_clp": "480000000",
        "team_size": "6",
        "duration_months": "14",
        "partners": [],
        "replication_conditions": rich_text("<p>Un operador de buses.</p>"),
        "key_costs": rich_text(""),
        "pitfalls": rich_text(""),
        "adaptations": rich_text(""),
        "contact_name": "Ana Rojas",
        "contact_role": "Coordinadora",
        "contact_email": "ana@example.org",
        "documents": streamfield([]),
        "gallery": streamfield([]),
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    # Multiple-choice fields are lists of values, which nested_form_data would split into keys.
    choices = {name: data.pop(name) for name in ("themes", "sdgs", "partners")}
    return {**nested_form_data(data), **choices}


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("practices", "practicepage", index.pk))


@override_settings(PRACTICES_PDF_ON_PUBLISH=False)
def test_editor_creates_a_practice_through_the_admin(admin_client, index):
    theme = ThemeFactory(name="Movilidad", slug="movilidad")
    image = ImageFactory()
    data = form_data(themes=[str(theme.pk)], image=str(image.pk), image_alt="Un bus de noche")
    response = admin_client.post(add_url(index), data)
    assert response.status_code == 302, response.context["form"].errors
    page = PracticePage.objects.get(slug="buses-nocturnos")
    assert page.live
    assert [t.slug for t in page.themes.all()] == ["movilidad"]
    assert [g.number for g in page.sdgs.all()] == [11]
    (item,) = page.indicators.all()
    assert item.current_value == Decimal("2240")
    assert item.locale_id == page.locale_id


def _refused(admin_client, index, data):
    response = admin_client.post(add_url(index), data)
    assert response.status_code == 200
    assert not PracticePage.objects.filter(slug="buses-nocturnos").exists()
    return response


def test_main_image_without_alt_text_is_refused(admin_client, index):
    image = ImageFactory()
    response = _refused(admin_client, index, form_data(image=str(image.pk), image_alt="  "))
    errors = response.context["form"].errors.as_data()
    assert [error.code for error in errors["image_alt"]] == ["required"]


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("baseline", "mucho", "invalid"),
        ("current_value", "-3", "negative"),
        ("target", "", "required"),
        ("measured_on", "2999-01-01", "future"),
    ],
)
def test_bad_indicator_values_are_refused(admin_client, index, field, value, code):
    values = {
        "name": "Viajes",
        "baseline": "10",
        "target": "20",
        "current_value": "15",
        "unit": "",
        "measured_on": "2025-06-30",
        "source": "Conteo",
        field: value,
    }
    response = _refused(admin_client, index, form_data(indicators=[values]))
    errors = response.context["form"].formsets["indicators"].forms[0].errors.as_data()
    assert [error.code for error in errors[field]] == [code]


def test_target_equal_to_baseline_is_accepted_and_shown_as_holding_the_value(
    admin_client, index, client, settings
):
    settings.PRACTICES_PDF_ON_PUBLISH = False
    values = {
        "name": "Cobertura de agua",
        "baseline": "100",
        "target": "100",
        "current_value": "100",
        "unit": "%",
        "measured_on": "2025-06-30",
        "source": "Empresa sanitaria",
    }
    response = admin_client.post(add_url(index), form_data(indicators=[values]))
    assert response.status_code == 302
    page = PracticePage.objects.get(slug="buses-nocturnos")
    html = client.get(page.url).content.decode()
    with translation.override("es"):
        expected = gettext("The target is to keep the baseline value.")
    assert (
        expected != "The target is to keep the baseline value."
    )  # the Spanish page speaks Spanish
    assert expected in html


def test_goal_that_does_not_exist_is_refused(admin_client, index):
    missing_pk = SustainableDevelopmentGoal.objects.order_by("-pk").first().pk + 100
    response = _refused(admin_client, index, form_data(sdgs=[str(missing_pk)]))
    assert "sdgs" in response.context["form"].errors


def test_start_year_in_the_future_is_refused(admin_client, index):
    next_year = str(datetime.date.today().year + 1)
    response = _refused(admin_client, index, form_data(start_year=next_year))
    assert "start_year" in response.context["form"].errors


def test_negative_budget_is_refused(admin_client, index):
    response = _refused(admin_client, index, form_data(budget_clp="-1"))
    assert "budget_clp" in response.context["form"].errors


def test_admin_offers_only_themes_of_the_page_language(admin_client, index, locales):
    ThemeFactory(name="Movilidad", slug="movilidad")
    ThemeFactory(name="Mobility", slug="mobility", locale=locales["en"])
    response = admin_client.get(add_url(index))
    choices = [label for _value, label in response.context["form"].fields["themes"].choices]
    assert [str(c) for c in choices] == ["Movilidad"]
