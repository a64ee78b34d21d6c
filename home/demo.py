"""Demo content for the site's frame: locales, the home page, plain pages and site settings.

Sample data for a fictional municipality. Every step finds what it made before, so running the
demo loader twice changes nothing.
"""

from urllib.parse import urlsplit

from django.conf import settings as django_settings
from wagtail.models import Locale, Page, Site

from .models import ContentPage, HomePage, SiteSettings
from .translation import Glossary, translate_instance

t = Glossary()

HOME = {
    "title": t(
        "Relaciones internacionales que rinden cuentas", "International relations that report back"
    ),
    "slug": t("inicio", "home"),
    "intro": t(
        "La Oficina de Relaciones Internacionales conecta los objetivos de la ciudad con socios del "
        "mundo y publica cada viaje, su costo y lo que trajo de vuelta.",
        "The International Relations Office connects the city's objectives with partners around the "
        "world, and publishes every trip, what it cost and what it brought home.",
    ),
    "body": "<p>"
    + t(
        "Nuestro trabajo internacional sirve a los objetivos del Plan de Desarrollo Comunal y a las "
        "necesidades que expresó la ciudadanía, no a una agenda paralela.",
        "Our international work serves the objectives of the city's development plan and the needs "
        "citizens expressed, not a parallel agenda.",
    )
    + "</p>",
    "featured_title": t("Conozca la oficina", "Get to know the office"),
}

PAGES = [
    {
        "title": t("Sobre la oficina", "About the office"),
        "slug": t("sobre-la-oficina", "about-the-office"),
        "summary": t(
            "Para qué existe la oficina, cómo decide dónde viajar y cómo rinde cuentas.",
            "Why the office exists, how it decides where to travel and how it reports back.",
        ),
        "body": [
            ("heading", {"text": t("Para qué", "What for"), "level": "h2"}),
            (
                "paragraph",
                "<p>"
                + t(
                    "Cada misión al extranjero debe servir a un objetivo estratégico de la ciudad. "
                    "Publicamos quién viajó, dónde, por qué, cuánto costó, quién pagó y qué resultó.",
                    "Every mission abroad must serve one of the city's strategic objectives. We "
                    "publish who travelled, where, why, what it cost, who paid and what came of it.",
                )
                + "</p>",
            ),
            (
                "quote",
                {
                    "quote": t(
                        "La oficina vale lo que cuesta solo si demuestra, de manera transparente y "
                        "activa, el retorno concreto de su trabajo internacional.",
                        "The office is worth its cost only if it shows, openly and actively, the "
                        "concrete return of its international work.",
                    ),
                    "attribution": t("Principio de la oficina", "The office's founding principle"),
                },
            ),
        ],
    },
    {
        "title": t("Cómo trabajamos con el territorio", "How we work with the territory"),
        "slug": t("trabajo-con-el-territorio", "working-with-the-territory"),
        "summary": t(
            "Universidades, gremios, cámaras y sociedad civil también actúan en el mundo: nos "
            "coordinamos para no duplicar esfuerzos.",
            "Universities, business guilds, chambers of commerce and civil society also act "
            "abroad: we coordinate so that no effort is duplicated.",
        ),
        "body": [
            (
                "heading",
                {
                    "text": t("Gobernanza en múltiples niveles", "Multi-level governance"),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                "<p>"
                + t(
                    "Ninguna institución del territorio depende de otra. Mantenemos un directorio de "
                    "quién hace qué y aprovechamos las capacidades ya instaladas.",
                    "No institution in the territory answers to another. We keep a directory of who "
                    "does what and build on the capacities already in place.",
                )
                + "</p>",
            ),
        ],
    },
]


def _spanish_home():
    return HomePage.objects.filter(locale__language_code="es").first()


def load(stdout):
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    english, _ = Locale.objects.get_or_create(language_code="en")

    home = _spanish_home()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title=HOME["title"],
            slug=HOME["slug"],
            intro=HOME["intro"],
            body=HOME["body"],
            featured_title=HOME["featured_title"],
            locale=spanish,
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        base = urlsplit(django_settings.WAGTAILADMIN_BASE_URL)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        old_root = site.root_page if site.pk else None
        site.root_page = home
        site.site_name = "Puente"
        site.hostname = base.hostname or "localhost"
        site.port = base.port or (443 if base.scheme == "https" else 80)
        site.save()
        # Wagtail's placeholder "Welcome" page is no longer reachable; remove it.
        if old_root and old_root.pk != home.pk and not isinstance(old_root.specific, HomePage):
            old_root.delete()
        stdout.write("  home page created")

    children = []
    for data in PAGES:
        page = ContentPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if page is None:
            page = ContentPage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                body=data["body"],
                show_in_menus=True,
                locale=spanish,
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            stdout.write(f"  page created: {page.title}")
        children.append(page)

    if not home.featured_pages:
        home.featured_pages = [("page", child) for child in children]
        home.save_revision().publish()

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if not settings.is_sample_data:
        settings.contact_email = "internacional@puentealto-del-mar.example"
        settings.phone = "+56 2 2345 6789"
        settings.address = "Av. Costanera 1200, piso 3\nPuente Alto del Mar, Chile"
        settings.social_links = [
            ("link", {"label": "LinkedIn", "url": "https://www.linkedin.com/"})
        ]
        settings.is_sample_data = True
        settings.save()

    for page in [home, *children]:
        if not page.has_translation(english):
            translate_instance(page, english, t.translate)
            stdout.write(f"  translated to English: {page.title}")


def ensure_index_page(model, data, translate, stdout):
    """The demo's ``model`` index under the Spanish home page, created once and translated to English.

    ``data`` holds the Spanish title, slug and intro; ``translate`` gives their English.
    """
    spanish = Locale.objects.get(language_code="es")
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=spanish).first()
    if home is None:
        raise RuntimeError(
            f"Load home.demo first: the {model._meta.verbose_name} lives under the home page."
        )
    index = model.objects.child_of(home).first()
    if index is None:
        index = model(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            show_in_menus=True,
            locale=spanish,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        stdout.write(f"  index created: {index.title}")
    if not index.has_translation(english):
        translate_instance(index, english, translate)
    return index
