"""The page tree editors can build, and creating/editing a content page through the admin."""

import pytest
import wagtail_factories
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import ContentPage, HomePage

from .factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_only_at_the_root(home):
    root = Page.get_first_root_node()
    assert HomePage.can_create_at(root.specific) is False  # one home page per parent
    assert HomePage.allowed_parent_page_models() == [Page]
    assert HomePage.can_exist_under(home) is False
    assert ContentPage.can_create_at(root) is False


def test_content_pages_nest_under_home_and_each_other(home):
    page = ContentPageFactory(parent=home)
    assert ContentPage.can_create_at(home)
    assert ContentPage.can_create_at(page)
    assert HomePage not in ContentPage.allowed_subpage_models()
    assert ContentPage in HomePage.allowed_subpage_models()


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editora", "editora@example.org", "x")
    client.force_login(user)
    return client


def _content_form(title, slug, body, action="action-publish"):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Cómo trabaja la oficina.",
            "body": streamfield(body),
            "seo_title": "",
            "search_description": "",
        }
    )
    data[action] = action.removeprefix("action-")
    return data


def test_editor_creates_and_publishes_a_content_page(editor_client, home):
    url = reverse("wagtailadmin_pages:add", args=("home", "contentpage", home.pk))
    assert editor_client.get(url).status_code == 200
    body = [
        ("heading", {"text": "Para qué existimos", "level": "h2"}),
        ("paragraph", rich_text("<p>Publicamos cada viaje y su costo.</p>")),
    ]
    response = editor_client.post(url, _content_form("Sobre la oficina", "sobre", body))
    assert response.status_code == 302, response.context["form"].errors
    page = ContentPage.objects.get(slug="sobre")
    assert page.live and page.get_parent().pk == home.pk
    html = editor_client.get(page.url).content.decode()
    assert "Para qué existimos" in html
    assert "Publicamos cada viaje y su costo." in html


def test_editor_edits_a_content_page(editor_client, home):
    page = ContentPageFactory(parent=home, title="Antes", slug="antes")
    page.save_revision().publish()
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    body = [("paragraph", rich_text("<p>Texto corregido.</p>"))]
    response = editor_client.post(url, _content_form("Después", "antes", body))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Después"
    assert "Texto corregido." in editor_client.get(page.url).content.decode()


def test_image_block_without_alt_text_is_rejected(editor_client, home):
    image = wagtail_factories.ImageFactory()
    url = reverse("wagtailadmin_pages:add", args=("home", "contentpage", home.pk))
    body = [("image", {"image": image.pk, "alt_text": "", "caption": "", "credit": ""})]
    response = editor_client.post(url, _content_form("Con imagen", "con-imagen", body))
    assert response.status_code == 200  # the form comes back with the error
    assert not ContentPage.objects.filter(slug="con-imagen").exists()
    assert response.context["form"].errors["body"]

    body[0][1]["alt_text"] = "Delegación en la asamblea de la red"
    response = editor_client.post(url, _content_form("Con imagen", "con-imagen", body))
    assert response.status_code == 302
    html = editor_client.get(ContentPage.objects.get(slug="con-imagen").url).content.decode()
    assert 'alt="Delegación en la asamblea de la red"' in html
