"""The search page answers bad input with a notice, never an error."""

import pytest

from .factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_search_finds_pages_in_the_readers_language(client, home):
    ContentPageFactory(parent=home, title="Cooperación descentralizada").save_revision().publish()
    html = client.get("/es/buscar/", {"q": "cooperación"}).content.decode()
    # The matched word is marked in the title.
    assert "<mark>Cooperación</mark> descentralizada" in html
    assert "0 resultados" not in html


def test_search_handles_garbage_with_notices(client, home):
    response = client.get("/es/buscar/", {"q": "x" * 1000, "page": "abc", "type": "no.existe"})
    assert response.status_code == 200
    notices = response.context["notices"]
    assert len(notices) == 3
    assert response.context["search_query"] == "x" * 200
    html = response.content.decode()
    assert 'class="notice" role="status"' in html
    assert "no.existe" in html  # the notice names the unknown type


@pytest.mark.parametrize(
    "params", [{"q": "\x00oficina"}, {"q": "a", "page": "-1"}, {"page": "9" * 30}]
)
def test_search_survives_odd_parameters(client, home, params):
    assert client.get("/en/search/", params).status_code == 200
