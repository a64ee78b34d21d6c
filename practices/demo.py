"""Demo practices: ten bilingual case studies with generated images. Safe to run again.

The missions demo links its results to these practices through :func:`demo_practice`.
"""

import datetime
import io
import random
from decimal import Decimal

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale

from directory.models import Organization
from home.demo import ensure_index_page
from home.translation import translate_instance

from .demo_content import INDEX, ORGANIZATIONS, PRACTICES, THEMES, t
from .models import (
    PracticeIndexPage,
    PracticeIndicator,
    PracticePage,
    SustainableDevelopmentGoal,
    Theme,
)
from .signals import pdfs_on_first_request

IMAGE_COLLECTION_PREFIX = "Demo práctica: "


def demo_practice(slug, language="es"):
    """A demo practice by its Spanish slug (e.g. "buses-nocturnos-de-barrio"), loading the demo if
    needed; ``language="en"`` returns its English translation."""
    page = PracticePage.objects.filter(locale__language_code="es", slug=slug).first()
    if page is None:
        load(_Silent())
        page = PracticePage.objects.get(locale__language_code="es", slug=slug)
    if language != "es":
        return page.get_translation(Locale.objects.get(language_code=language))
    return page


def demo_slugs():
    return [data["slug"] for data in PRACTICES]


class _Silent:
    def write(self, *args, **kwargs):
        pass


def _picture(colour, seed):
    """A 1600×900 abstract illustration (shapes on the practice's colour); no text, no download."""
    rng = random.Random(seed)
    base = PILImage.new("RGB", (1600, 900), colour)
    draw = ImageDraw.Draw(base)
    for _i in range(14):
        x, y = rng.randint(-200, 1600), rng.randint(-200, 900)
        size = rng.randint(120, 520)
        shade = tuple(min(255, c + rng.randint(20, 90)) for c in base.getpixel((0, 0)))
        if rng.random() < 0.5:
            draw.ellipse([x, y, x + size, y + size], fill=shade)
        else:
            draw.rectangle([x, y, x + size, y + size // 2], fill=shade)
    buffer = io.BytesIO()
    base.save(buffer, format="JPEG", quality=85)
    buffer.seek(0)
    return buffer


def _image(data):
    image_model = get_image_model()
    title = IMAGE_COLLECTION_PREFIX + data["slug"]
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model(title=title)
        image.file = ImageFile(_picture(data["colour"], data["slug"]), name=f"{data['slug']}.jpg")
        image.save()
    return image


def _themes(spanish, english):
    themes = {}
    for key, slug, name in THEMES:
        theme = Theme.objects.filter(locale=spanish, slug=slug).first()
        if theme is None:
            theme = Theme.objects.create(locale=spanish, slug=slug, name=name)
        if not theme.has_translation(english):
            translate_instance(theme, english, t.translate)
        themes[key] = theme
    return themes


def _organizations(spanish, english):
    organizations = []
    for data in ORGANIZATIONS:
        org = Organization.objects.filter(locale=spanish, name=data["name"]).first()
        if org is None:
            org = Organization.objects.create(locale=spanish, **data)
        if not org.has_translation(english):
            translate_instance(org, english, t.translate)
        organizations.append(org)
    return organizations


def _practice(index, data, themes, organizations, spanish):
    page = PracticePage(
        locale=spanish,
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        image=_image(data),
        image_alt=data["alt"],
        responsible_unit=data["unit"],
        status=data["status"],
        start_year=data["start_year"],
        body=data["body"],
        budget_clp=Decimal(data["budget"]),
        team_size=data["team"],
        duration_months=data["months"],
        replication_conditions=data["conditions"],
        key_costs=data["costs"],
        pitfalls=data["pitfalls"],
        adaptations=data["adapt"],
        contact_name=data["contact"][0],
        contact_role=data["contact"][1],
        contact_email=_email(data["contact"][0]),
    )
    for values in data["indicators"]:
        page.indicators.add(
            PracticeIndicator(
                locale=spanish,
                **{
                    **values,
                    "baseline": Decimal(values["baseline"]),
                    "target": Decimal(values["target"]),
                    "current_value": Decimal(values["current_value"]),
                    "measured_on": datetime.date.fromisoformat(values["measured_on"]),
                },
            )
        )
    index.add_child(instance=page)
    page.themes.set([themes[key] for key in data["themes"]])
    page.sdgs.set(SustainableDevelopmentGoal.objects.filter(number__in=data["sdgs"]))
    page.partners.set([organizations[i] for i in data["partners"]])
    page.save()
    page.save_revision().publish()
    return page


def _email(name):
    first, last = name.lower().split()[:2]
    table = str.maketrans("áéíóúñ", "aeioun")
    return f"{first.translate(table)}.{last.translate(table)}@puentealto-del-mar.example"


def load(stdout):
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    english, _ = Locale.objects.get_or_create(language_code="en")
    with transaction.atomic(), pdfs_on_first_request():
        SustainableDevelopmentGoal.ensure_all()
        themes = _themes(spanish, english)
        organizations = _organizations(spanish, english)
        index = ensure_index_page(PracticeIndexPage, INDEX, t.translate, stdout)
        for data in PRACTICES:
            page = PracticePage.objects.child_of(index).filter(slug=data["slug"]).first()
            if page is None:
                page = _practice(index, data, themes, organizations, spanish)
                stdout.write(f"  practice created: {page.title}")
            if not page.has_translation(english):
                translate_instance(page, english, t.translate)
                stdout.write(f"  translated to English: {page.title}")
