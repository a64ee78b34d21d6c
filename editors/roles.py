"""Who may do what in the admin: the one specification of the site's groups.

Each role names the page actions it has over the whole page tree, the image and document
actions it has over every collection, and the model permissions it has, as
``"app_label.model": (actions, ...)`` — an action ``x`` is Django's ``x_<model>`` permission —
plus ``extra`` permissions named ``"app_label.codename"``. ``apply_roles`` makes the groups
exactly this: it adds what is missing and removes anything else, so a permission granted by
hand in the admin does not survive the next migration.

**Adding a model**: add one line to the roles that need it, then a migration in your app that
depends on this app's latest migration and runs ``editors.roles.reapply()`` (see the README).
"""

from dataclasses import dataclass, field

from django.db import migrations
from django.utils.translation import gettext_lazy as _

PAGE_ACTIONS = ("add", "bulk_delete", "change", "lock", "publish", "unlock")
COLLECTION_MODELS = ("wagtailimages.image", "wagtaildocs.document")


@dataclass(frozen=True)
class Role:
    name: str  # stored in the database; the admin is used in Spanish
    label: str  # for people reading the README or an English admin
    pages: tuple = ()
    collections: dict = field(default_factory=dict)  # "wagtailimages.image": ("add", ...)
    models: dict = field(default_factory=dict)  # "directory.person": ("add", "change")
    extra: tuple = ()  # "wagtailadmin.access_admin"


EDIT = ("add", "change")
ALL = ("add", "change", "delete")
SNIPPETS = (
    "directory.person",
    "directory.organization",
    "directory.strategicobjective",
    "practices.theme",
    "partners.agreement",
    "partners.membership",
    "returns.cityproject",
    "returns.notripsstatement",
)

EDITORS = Role(
    name="Editores",
    label=_("Editors"),
    # No "publish": pages go live through the review workflow (editors/workflow.py).
    pages=("add", "change", "lock"),
    collections={
        "wagtailimages.image": ("add", "change", "choose"),
        "wagtaildocs.document": ("add", "change", "choose"),
    },
    models={
        **dict.fromkeys(SNIPPETS, EDIT),
    },
    extra=(
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "editors.view_reports",
        "editors.import_missions",
    ),
)

REVIEWERS = Role(
    name="Revisores",
    label=_("Reviewers"),
    # Reviewers approve in the workflow, whose approval publishes; they do not publish directly,
    # so that nothing a reviewer wrote goes live without a second person.
    pages=("change", "lock", "unlock"),
    collections={
        "wagtailimages.image": ("choose",),
        "wagtaildocs.document": ("choose",),
    },
    models={
        **dict.fromkeys(SNIPPETS, ("view",)),
    },
    extra=("wagtailadmin.access_admin", "editors.view_reports"),
)

ADMINISTRATORS = Role(
    name="Administradores",
    label=_("Administrators"),
    pages=PAGE_ACTIONS,
    collections={
        "wagtailimages.image": ("add", "change", "delete", "choose"),
        "wagtaildocs.document": ("add", "change", "delete", "choose"),
    },
    models={
        **dict.fromkeys(SNIPPETS, ALL),
        "home.siteidentity": ALL,
        "home.sitesettings": ("change",),
        "wagtailredirects.redirect": ALL,
        "auth.user": ALL,
        "wagtailcore.workflow": EDIT,
        "wagtailcore.task": EDIT,
    },
    extra=(
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "editors.view_reports",
        "editors.import_missions",
    ),
)

ROLES = (EDITORS, REVIEWERS, ADMINISTRATORS)

# Wagtail's own starting groups, replaced by the roles above (deleted when nobody is in them).
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def model_permissions(role):
    """{(app_label, codename)} of a role's model and extra permissions."""
    wanted = set()
    for label, actions in role.models.items():
        app_label, model = label.split(".")
        wanted |= {(app_label, f"{action}_{model}") for action in actions}
    for name in role.extra:
        app_label, codename = name.split(".")
        wanted.add((app_label, codename))
    return wanted


def collection_permissions(role):
    wanted = set()
    for label, actions in role.collections.items():
        app_label, model = label.split(".")
        wanted |= {(app_label, f"{action}_{model}") for action in actions}
    return wanted


def page_permissions(role):
    return {("wagtailcore", f"{action}_page") for action in role.pages}


def _permission(Permission, app_label, codename):
    found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    if found is None:
        raise LookupError(
            f"The roles name the permission {app_label}.{codename}, which does not exist: "
            "is its model's migration applied before the one that applies the roles?"
        )
    return found


def _create_missing_permissions(apps):
    """Model permissions are normally created after all migrations ran; the roles need them now."""
    from django.apps import apps as installed_apps
    from django.contrib.auth.management import create_permissions

    for app_config in installed_apps.get_app_configs():
        create_permissions(app_config, apps=apps, verbosity=0)


def apply_roles(apps, schema_editor=None):
    """Make each role's group hold exactly its specified permissions."""
    _create_missing_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.name)
        group.permissions.set(
            [_permission(Permission, *key) for key in sorted(model_permissions(role))]
        )
        GroupPagePermission.objects.filter(group=group).delete()
        if root_page is not None:
            for key in sorted(page_permissions(role)):
                GroupPagePermission.objects.create(
                    group=group, page=root_page, permission=_permission(Permission, *key)
                )
        GroupCollectionPermission.objects.filter(group=group).delete()
        if root_collection is not None:
            for key in sorted(collection_permissions(role)):
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(Permission, *key),
                )
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


def reapply():
    """The migration operation that applies the current roles (for an app adding a model)."""
    return migrations.RunPython(apply_roles, migrations.RunPython.noop, elidable=False)
