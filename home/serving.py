"""Wagtail's page routing with one query per level of the address instead of two.

Wagtail finds ``/es/misiones/una-mision/`` by reading the site's root in the active language
(the locale, then the page itself as its own type), then at each level the child with that slug
(a query) and the child as its own type (another). Which page a slug names under a parent, and
which page is the site's root in a language, only change when an editor publishes, moves,
renames or deletes a page, each of which bumps the content generation; so those answers (the
page's id and type) are kept from one request to the next (``per_request(..., shared=True)``,
home/cache/shared.py) and each level reads only the page itself, as its own type, in one
query. A page type may name, in ``serve_select_related``, the foreign keys its page always
shows (the mission's report document): they come in the same query (a join) instead of one
each.

The page read at each level is kept the same way, per content generation: every save of a
page (a draft too), publish, unpublish, move or delete, and every save of a document it
shows, bumps the generation, so a kept page is never served after a change. Each request is
handed its own copy (``copy.copy``: its own fields and cache of related rows), so nothing a
request sets on its page reaches another. A page that is served steadily reads no row at
all, and so needs no database connection (with ``DATABASE_CONN_MAX_AGE=0``, opening one and
reading SQLite's schema cost more than the page's query itself).

The top of the tree (the language homes and the sections under them) comes from
``home.pages.top_pages()``, one query per generation shared with the menus: the root in the
active language and the first level cost no query of their own, and a page that routing only
passes through (the home, on the way to a section; not a routable page) is not read at all, as
Wagtail's routing needs only its place in the tree. Below, a parent that allows one type of
child (the missions index) has its child read as that type in one query.

Which site answers a host (Wagtail's ``get_site_for_hostname``, a query on every request) only
changes when a site is saved or deleted, which bumps the generation: it is kept the same way
(``site_for_hostname``).

``install()`` puts ``route``, ``route_for_request`` and ``site_for_hostname`` in Wagtail's place (HomeConfig.ready);
page types that override ``route`` (routable pages) reach this one through ``super()``. What
the page does with the request (live check, sub-routes, the serve hooks) is Wagtail's, unchanged.
"""

import copy

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site
from wagtail.models import sites as wagtail_sites

from .pages import TOP_DEPTH, per_request, top_locale, top_pages

_wagtail_route = Page.route
_wagtail_site_for_hostname = wagtail_sites.get_site_for_hostname


def site_for_hostname(hostname, port):
    """Wagtail's site for ``hostname`` and ``port``, once per content generation (read-only:
    shared by every request of the process). Site.DoesNotExist is raised, not kept."""
    return per_request(
        ("site_for_hostname", hostname, port),
        lambda: _wagtail_site_for_hostname(hostname, port),
        shared=True,
    )


def _kept(key, read):
    """``read()`` (a page or None), kept per content generation; this request's own copy."""
    found = per_request(key, read, shared=True)
    return copy.copy(found) if found is not None else None


def _read_page(pk, content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    try:
        if model is None:  # a type whose code is gone: Wagtail's own fallback
            return Page.objects.get(pk=pk).specific
        manager = model._default_manager
        related = ("locale", *getattr(model, "serve_select_related", ()))
        return manager.select_related(*related).get(pk=pk)
    except ObjectDoesNotExist:
        return None


def _page(found):
    """The page ``(id, content type id)`` names, as its own type; Http404 if it is gone."""
    if not found:
        raise Http404
    pk, content_type_id = found
    page = _kept(("served_page", pk, content_type_id), lambda: _read_page(pk, content_type_id))
    if page is None:
        raise Http404
    return page


def _typed_child(parent, slug):
    """The child at ``slug``, read as its own type in one query when ``parent``'s type allows
    only one type of child (a mission under the missions index), else None (read generically).
    Slugs are unique among siblings, so a child found this way is the one Wagtail would find."""
    models = parent.specific_class.allowed_subpage_models() if parent.specific_class else []
    if len(models) != 1 or models[0].__subclasses__():
        return None
    model = models[0]
    related = ("locale", *getattr(model, "serve_select_related", ()))
    return _kept(
        ("served_child", parent.pk, slug),
        lambda: (
            model._default_manager.select_related(*related)
            .filter(depth=parent.depth + 1, path__startswith=parent.path, slug=slug)
            .first()
        ),
    )


def _passed_through(page, path_components):
    """Whether routing only passes through ``page`` (a top page, as a plain Page): the address
    goes on below it and its type routes as every page does (not a routable page's own
    routes). Wagtail's routing reads nothing of such a page but its place in the tree (it does
    not even check that it is live), so it needs no query of its own."""
    if not path_components:
        return False
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    return model is not None and model.route is route


def route(self, request, path_components):
    if not path_components:
        return _wagtail_route(self, request, path_components)
    slug = path_components[0]
    if self.depth < TOP_DEPTH:  # the child is among the top pages, read once per generation
        child = next(
            (
                child
                for child in top_pages()
                if child.depth == self.depth + 1
                and child.slug == slug
                and child.path.startswith(self.path)
            ),
            None,
        )
        if child is not None and _passed_through(child, path_components[1:]):
            return route(child, request, path_components[1:])
        found = (child.pk, child.content_type_id) if child is not None else None
    else:
        typed = _typed_child(self, slug)
        if typed is not None:
            typed._cached_parent_obj = self
            return typed.route(request, path_components[1:])
        found = per_request(
            ("route_child", self.pk, slug),
            lambda: (
                self.get_children().filter(slug=slug).values_list("pk", "content_type_id").first()
            ),
            shared=True,
        )
    subpage = _page(found)
    subpage._cached_parent_obj = self  # treebeard's get_parent() needs no query
    return subpage.route(request, path_components[1:])


def _localized_root(site):
    """The site's root page in the active language, as Wagtail's ``root_page.localized`` finds it
    (its live translation in that language, else the root itself), from the top pages; and
    whether it is a plain Page read from them (or the site's root), not yet as its own type."""
    root = site.root_page
    try:
        code = get_supported_content_language_variant(get_language())
    except LookupError:
        code = None
    if root.depth > TOP_DEPTH or code is None or top_locale(code) is None:
        # Wagtail's fallbacks (the default language's translation): read as Wagtail does

        def read():
            localized = root.localized
            return localized.pk, localized.content_type_id

        return _page(per_request(("route_root", site.pk, get_language()), read, shared=True)), False
    localized = next(
        (
            page
            for page in top_pages()
            if page.translation_key == root.translation_key and page.locale.language_code == code
        ),
        None,
    )
    if localized is None or not localized.live:
        localized = root
    return localized, True


def _route_from_root(site, request, components):
    root, shared = _localized_root(site)
    if shared:  # a plain Page: read as its own type unless routing only passes through it
        if _passed_through(root, components):
            return route(root, request, components)
        root = _page((root.pk, root.content_type_id))
    return root.route(request, components)


def route_for_request(request, path):
    """Wagtail's ``Page.route_for_request``, from the memoised root of the site."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            site = Site.find_for_request(request)
            if site:
                components = [component for component in path.split("/") if component]
                request._wagtail_route_for_request = _route_from_root(site, request, components)
            else:
                request._wagtail_route_for_request = None
        except Http404:
            request._wagtail_route_for_request = None
    return request._wagtail_route_for_request


def install():
    Page.route = route
    Page.route_for_request = staticmethod(route_for_request)
    wagtail_sites.get_site_for_hostname = site_for_hostname
