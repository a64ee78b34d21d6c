"""The home demo beyond its YAML: the home page as the site root, featured pages, settings."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

from home.models import ContentPage, HomePage, SiteSettings


def created_homepage(home, record, loader):
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    old_root = site.root_page if site.pk else None
    site.root_page = home
    site.site_name = loader.sections["home.HomePage"]["site_name"]
    site.hostname = base.hostname or "localhost"
    site.port = base.port or (443 if base.scheme == "https" else 80)
    site.save()
    if old_root and old_root.pk != home.pk and not isinstance(old_root.specific, HomePage):
        old_root.delete()


def finish(loader):
    home = loader.records["home.HomePage"]["home"]
    if not home.featured_pages:
        keys = loader.sections["home.ContentPage"]["featured_pages"]
        home.featured_pages = [("page", loader.find(ContentPage, k, "pages.yaml")) for k in keys]
        home.save_revision().publish()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if not site_settings.is_sample_data:
        for name, value in loader.sections["home.HomePage"]["site_settings"].items():
            if name == "social_links":
                value = [(kind, link) for item in value for kind, link in item.items()]
            setattr(site_settings, name, value)
        site_settings.save()


def prepare_siteidentity(record, loader):
    return {**record, "site": Site.objects.get(is_default_site=True)}
