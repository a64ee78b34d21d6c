"""Security headers on public pages, the admin, open data and documents (one test per header),
the request id, and the health endpoints."""

import json
import re
import uuid

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


@pytest.fixture
def public(client, home):
    response = client.get(home.url)
    assert response.status_code == 200
    return response


@pytest.fixture
def admin_page(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response


def test_public_csp_allows_only_the_sites_own_files_and_no_inline_code(public):
    policy = directives(public)
    assert "'unsafe-inline'" not in public["Content-Security-Policy"]
    assert "'unsafe-eval'" not in public["Content-Security-Policy"]
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_frame_ancestors_match_x_frame_options_on_site_and_admin(public, admin_page):
    for response in (public, admin_page):
        assert directives(response)["frame-ancestors"] == ["'self'"]
        assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_admin_csp_allows_no_eval_and_no_other_origin(admin_page):
    policy = directives(admin_page)
    # Wagtail's own inline scripts need 'unsafe-inline' (config/settings/security.py).
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in admin_page["Content-Security-Policy"]
    assert policy["object-src"] == ["'none'"]


def test_permissions_policy_turns_powerful_features_off(public, admin_page):
    for response in (public, admin_page):
        header = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in header


def test_cross_origin_resource_policy(client, public, admin_page, mission_index):
    assert public["Cross-Origin-Resource-Policy"] == "same-origin"
    assert admin_page["Cross-Origin-Resource-Policy"] == "same-origin"
    data = client.get(f"{mission_index.url}data/missions.csv")
    assert data.status_code == 200
    assert data["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_content_type_options_referrer_and_opener_policy(public, admin_page):
    for response in (public, admin_page):
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_language_cookie_is_same_site_lax_and_http_only(client, home):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/en/"})
    cookie = response.cookies["django_language"]
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"]


def test_every_response_has_a_request_id_and_keeps_a_valid_incoming_one(client, home):
    response = client.get(home.url)
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    incoming = uuid.uuid4().hex
    assert client.get(home.url, HTTP_X_REQUEST_ID=incoming)["X-Request-ID"] == incoming
    forged = client.get(home.url, HTTP_X_REQUEST_ID="<script>\r\nSet-Cookie: x")
    assert re.fullmatch(r"[0-9a-f]{32}", forged["X-Request-ID"])


def test_documents_have_no_bogus_encoding_or_empty_etag(client, settings):
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"
    document = get_document_model().objects.create(
        title="Informe", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="informe.pdf")
    )
    document.file_hash = ""
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Content-Encoding" not in response
    assert response.get("ETag", "x").strip('"') != ""
    assert response["X-Content-Type-Options"] == "nosniff"


def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_readyz_reports_database_cache_and_search(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["cache"]["status"] == "ok"
    assert body["checks"]["search"]["status"] == "ok"
    assert "no-store" in response["Cache-Control"]
