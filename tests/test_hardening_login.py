"""Login protection: wrong passwords lock an account and an address out (django-axes), with a
translated message, an admin unlock, and a throttled password-reset form."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import mail

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        "editora", "editora@example.org", "la-clave-correcta", is_staff=True
    )


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_wrong_passwords_lock_the_account_even_for_the_right_password(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "editora", "mala").status_code == 200
    locked = sign_in(client, "editora", "mala")
    assert locked.status_code == 429
    right = sign_in(client, "editora", "la-clave-correcta", address="10.0.0.2")
    assert right.status_code == 429
    html = right.content.decode()
    assert "Inicio de sesión bloqueado" in html
    assert "Vuelva a intentarlo en 30 minutos" in html
    assert "_auth_user_id" not in client.session


def test_wrong_passwords_from_one_address_lock_that_address_for_other_accounts(
    client, editor, settings
):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"nadie{number}", "mala", address="10.9.9.9")
    assert sign_in(client, "editora", "la-clave-correcta", address="10.9.9.9").status_code == 429
    other = sign_in(client, "editora", "la-clave-correcta", address="10.0.0.7")
    assert other.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_the_lockout_message_is_in_english_for_an_english_browser(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": "editora", "password": "mala"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    response = client.post(
        LOGIN, {"username": "editora", "password": "mala"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 429
    assert "After 5 wrong passwords, signing in is blocked" in response.content.decode()


def test_an_administrator_unlocks_from_the_admin(client, editor, admin_user, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editora", "mala")
    admin = type(client)()
    admin.force_login(admin_user)
    listing = admin.get("/admin/lockouts/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "editora" in html and "Bloqueado" in html
    attempt = AccessAttempt.objects.get(username="editora")
    response = admin.post("/admin/lockouts/", {"attempt": attempt.pk}, follow=True)
    assert "Desbloqueado: editora desde 10.0.0.1." in response.content.decode()
    assert not AccessAttempt.objects.filter(username="editora").exists()
    assert sign_in(client, "editora", "la-clave-correcta").status_code == 302


def test_only_those_allowed_see_the_lockouts(client, editor):
    client.force_login(editor)
    assert client.get("/admin/lockouts/").status_code in (302, 403)
    assert client.post("/admin/lockouts/", {"attempt": "1"}).status_code in (302, 403)


def test_a_bad_unlock_request_changes_nothing(client, editor, admin_user, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editora", "mala")
    client.force_login(admin_user)
    for value in ("", "abc", "²", "9" * 40, "1 OR 1=1"):
        assert client.post("/admin/lockouts/", {"attempt": value}).status_code == 302
    assert AccessAttempt.objects.filter(username="editora").exists()


def test_password_reset_is_throttled_by_address_and_by_email(client, editor, settings):
    settings.PASSWORD_RESET_RATE = "3/h"
    for _attempt in range(3):
        response = client.post(
            "/admin/password_reset/", {"email": "editora@example.org"}, REMOTE_ADDR="10.1.1.1"
        )
        assert response.status_code == 302
    assert len(mail.outbox) == 3
    refused = client.post(
        "/admin/password_reset/", {"email": "editora@example.org"}, REMOTE_ADDR="10.1.1.2"
    )
    assert refused.status_code == 429
    assert "Demasiadas solicitudes" in refused.content.decode()
    for number in range(3):
        client.post(
            "/admin/password_reset/", {"email": f"otra{number}@example.org"}, REMOTE_ADDR="10.1.1.3"
        )
    by_address = client.post(
        "/admin/password_reset/", {"email": "nueva@example.org"}, REMOTE_ADDR="10.1.1.3"
    )
    assert by_address.status_code == 429
    assert len(mail.outbox) == 3
