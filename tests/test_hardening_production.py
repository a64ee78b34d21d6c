"""Production settings refuse the unsafe: a weak SECRET_KEY stops start-up, the proxy's HTTPS
header is trusted only when told, cookies are secure; uploaded documents must be what their
extension says."""

import secrets

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection

from operations.documents import DocumentForm, matches_extension

from . import test_foundation_settings as foundation

HOSTS = {"ALLOWED_HOSTS": "puente.example.org"}
SHOW = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(getattr(s, 'SECURE_PROXY_SSL_HEADER', None), s.LANGUAGE_COOKIE_SECURE, "
    "s.LANGUAGE_COOKIE_SAMESITE, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
)


@pytest.mark.parametrize(
    "key",
    [
        "short-" + "x" * 20,
        "a" * 60,
        "abab" * 20,
        "django-insecure-" + secrets.token_urlsafe(50),
    ],
)
def test_a_weak_secret_key_stops_start_up(tmp_path, key):
    result = foundation._run(foundation.SETUP, tmp_path, SECRET_KEY=key, **HOSTS)
    assert result.returncode != 0
    assert "SECRET_KEY must be at least 50 characters" in result.stderr
    assert "started" not in result.stdout


def test_a_strong_secret_key_starts(tmp_path):
    result = foundation._run(
        foundation.SETUP, tmp_path, SECRET_KEY=secrets.token_urlsafe(50), **HOSTS
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "started"


def test_the_proxy_https_header_is_trusted_only_when_the_proxy_sets_it(tmp_path):
    key = secrets.token_urlsafe(50)
    plain = foundation._run(["-c", SHOW], tmp_path, SECRET_KEY=key, **HOSTS)
    assert plain.stdout.split()[0] == "None", plain.stderr
    proxied = foundation._run(
        ["-c", SHOW], tmp_path, SECRET_KEY=key, PROXY_SETS_X_FORWARDED_PROTO="true", **HOSTS
    )
    assert proxied.stdout.split()[:3] == ["('HTTP_X_FORWARDED_PROTO',", "'https')", "True"]


def test_production_cookies_are_secure_and_same_site(tmp_path):
    result = foundation._run(["-c", SHOW], tmp_path, SECRET_KEY=secrets.token_urlsafe(50), **HOSTS)
    assert result.stdout.split()[1:] == ["True", "Lax", "True", "True"]


@pytest.mark.parametrize(
    "extension, content, accepted",
    [
        ("pdf", b"%PDF-1.7\n...", True),
        ("pdf", b"<!DOCTYPE html><html><script>alert(1)</script>", False),
        ("pdf", b"PK\x03\x04zip", False),
        ("docx", b"PK\x03\x04....", True),
        ("xlsx", b"<html></html>", False),
        ("csv", "año,monto\n2025,1000\n".encode(), True),
        ("csv", b"\xef\xbb\xbf  <html><body>x</body></html>", False),
        ("txt", b"text\x00binary", False),
        ("txt", b"<svg onload=alert(1)>", False),
    ],
)
def test_document_content_must_match_its_extension(extension, content, accepted):
    assert matches_extension(extension, content) is accepted


@pytest.mark.django_db
def test_the_upload_form_refuses_an_html_file_named_pdf():
    form_class = get_document_form(get_document_model())
    assert issubclass(form_class, DocumentForm)
    data = {"title": "Informe", "collection": Collection.get_first_root_node().pk}
    upload = SimpleUploadedFile("informe.pdf", b"<html><script>alert(1)</script></html>")
    with translation.override("es"):
        form = form_class(data=data, files={"file": upload})
        assert not form.is_valid()
        message = "El contenido de este archivo no es un archivo .pdf; súbalo con su tipo real."
        assert message in form.errors["file"]
    good = SimpleUploadedFile("informe.pdf", b"%PDF-1.4\n%%EOF\n")
    form = form_class(data=data, files={"file": good})
    assert form.is_valid(), form.errors
