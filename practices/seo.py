"""What search engines and link previews read about a practice: JSON-LD and Open Graph."""

from django.utils.translation import gettext as _
from wagtail.models import Site

from home.models import SiteSettings

OG_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def absolute(url, request):
    if not url or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url) if request is not None else url


def share_image(page, request):
    """(absolute URL, width, height) of the 1200×630 link-preview image, or None."""
    if not page.image_id:
        return None
    rendition = page.image.get_rendition(OG_IMAGE_SPEC)
    return absolute(rendition.url, request), rendition.width, rendition.height


def structured_data(page, request, themes, goals, partners, image):
    site = Site.find_for_request(request) if request is not None else None
    # The identity the layout reads too (once per request and language).
    identity = SiteSettings.for_request(request).identity(page.locale) if site else None
    publisher = {
        "@type": "GovernmentOrganization",
        "name": identity.office_name if identity else "",
    }
    if identity:
        publisher["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": identity.municipality_name,
        }
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "name": page.title,
        "headline": page.title[:110],
        "description": page.summary,
        "inLanguage": page.locale.language_code,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": page.first_published_at.isoformat() if page.first_published_at else None,
        "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
        "author": publisher,
        "publisher": publisher,
        "isAccessibleForFree": True,
        "keywords": [theme.name for theme in themes],
        "about": [
            {
                "@type": "Thing",
                "name": _("Sustainable Development Goal %(number)s: %(name)s")
                % {"number": goal.number, "name": goal.name},
            }
            for goal in goals
        ],
    }
    if image:
        data["image"] = {
            "@type": "ImageObject",
            "url": image[0],
            "width": image[1],
            "height": image[2],
            "caption": page.image_alt,
        }
    if url:
        data["encoding"] = {
            "@type": "MediaObject",
            "encodingFormat": "application/pdf",
            "contentUrl": url + page.reverse_subpage("pdf"),
        }
    if partners:
        data["contributor"] = [
            {
                "@type": "Organization",
                "name": org.name,
                **({"url": org.website} if org.website else {}),
            }
            for org in partners
        ]
    return {key: value for key, value in data.items() if value not in (None, "", [])}
