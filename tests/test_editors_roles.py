"""The groups hold exactly the permissions editors/roles.py gives them: no more, no fewer."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, Page

from editors.roles import (
    ROLES,
    WAGTAIL_DEFAULT_GROUPS,
    apply_roles,
    collection_permissions,
    model_permissions,
    page_permissions,
)


def held(group):
    models = {(p.content_type.app_label, p.codename) for p in group.permissions.all()}
    pages = {
        (p.page_id, p.permission.content_type.app_label, p.permission.codename)
        for p in group.page_permissions.all()
    }
    collections = {
        (p.collection_id, p.permission.content_type.app_label, p.permission.codename)
        for p in group.collection_permissions.all()
    }
    return models, pages, collections


def specified(role):
    root = Page.get_first_root_node().pk
    collection = Collection.get_first_root_node().pk
    return (
        model_permissions(role),
        {(root, *key) for key in page_permissions(role)},
        {(collection, *key) for key in collection_permissions(role)},
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES, ids=[role.name for role in ROLES])
def test_each_group_has_exactly_its_specified_permissions(role):
    assert held(Group.objects.get(name=role.name)) == specified(role)


@pytest.mark.django_db
def test_the_groups_are_the_roles_only():
    assert set(Group.objects.values_list("name", flat=True)) == {role.name for role in ROLES}
    assert not Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).exists()


@pytest.mark.django_db
def test_reapplying_removes_a_permission_granted_by_hand():
    from django.apps import apps
    from django.contrib.auth.models import Permission

    editors = Group.objects.get(name="Editores")
    editors.permissions.add(Permission.objects.get(codename="delete_person"))
    apply_roles(apps)
    assert held(editors) == specified(ROLES[0])


@pytest.mark.django_db
def test_only_administrators_publish_directly_and_delete():
    names = {role.name: role for role in ROLES}
    assert "publish" not in names["Editores"].pages
    assert "publish" not in names["Revisores"].pages
    assert "publish" in names["Administradores"].pages
    for name in ("Editores", "Revisores"):
        codenames = {codename for _app, codename in model_permissions(names[name])}
        assert not any(codename.startswith("delete_") for codename in codenames)
