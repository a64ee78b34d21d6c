"""Group names in the admin's language: an English admin reads "Editors", a Spanish one
"Editores", in the groups listing and the user form; the stored names stay Spanish, so the
roles' data migrations keep finding them."""

import html

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

from editors.roles import apply_roles


@pytest.fixture
def admin_in(client, django_user_model):
    user = django_user_model.objects.create_superuser("jefa", "j@example.org", "x")
    client.force_login(user)

    def speak(language):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return client

    return speak


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.mark.django_db
def test_groups_show_in_the_admins_language(admin_in):
    english = admin_in("en")
    listing = page(english, reverse("wagtailusers_groups:index"))
    for name in ("Editors", "Reviewers", "Administrators"):
        assert f">{name}<" in listing.replace("\n", "").replace("  ", ""), name
    assert "Editores" not in listing
    user_form = page(english, reverse("wagtailusers_users:add"))
    assert "Reviewers" in user_form and "Revisores" not in user_form

    spanish = admin_in("es")
    listing = page(spanish, reverse("wagtailusers_groups:index"))
    assert "Editores" in listing and "Revisores" in listing


@pytest.mark.django_db
def test_the_stored_names_stay_what_the_migrations_reapply_to():
    before = set(Group.objects.values_list("pk", "name"))
    apply_roles(__import__("django.apps", fromlist=["apps"]).apps)
    assert set(Group.objects.values_list("pk", "name")) == before
    assert {"Editores", "Revisores", "Administradores"} <= {name for _pk, name in before}
