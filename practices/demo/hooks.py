"""The practices demo beyond its YAML: a generated illustration for each practice and its
Sustainable Development Goals found by number."""

import contextlib
import io
import random

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from practices.models import SustainableDevelopmentGoal
from practices.seo import OG_IMAGE_SPEC
from practices.signals import pdfs_on_first_request, queue_missing_pdfs

IMAGE_PREFIX = "Demo práctica: "
# The renditions the practice templates ask for (practice_card.html's srcset,
# practice_page.html's picture and its sharing image), made at load so that the first visit
# of the practices index does not make and store two renditions per card, with a query and a
# write each.
RENDITIONS = (
    "width-{400,800}|format-webp",
    "format-{webp,jpeg}|width-{480,800,1200}",
    OG_IMAGE_SPEC,
)


@contextlib.contextmanager
def wrap():
    """Every goal exists; publishing the pages and their translations queues no PDF for each
    revision on the way, and at the end every practice's PDF is queued once (rendered when the
    load commits, so no visitor waits for one)."""
    SustainableDevelopmentGoal.ensure_all()
    with pdfs_on_first_request():
        yield
    if getattr(settings, "PRACTICES_PDF_ON_PUBLISH", True):
        queue_missing_pdfs()


def prepare_practicepage(record, loader):
    record["sdgs"] = list(SustainableDevelopmentGoal.objects.filter(number__in=record["sdgs"]))
    record["image"] = _image(record["slug"], record["image"]["colour"])
    return record


def _image(slug, colour):
    image = get_image_model().objects.filter(title=IMAGE_PREFIX + slug).first()
    if image is None:
        image = get_image_model()(title=IMAGE_PREFIX + slug)
        image.file = ImageFile(_picture(colour, slug), name=f"{slug}.jpg")
        image.save()
    image.get_renditions(*(spec for specs in RENDITIONS for spec in Filter.expand_spec(specs)))
    return image


def _picture(colour, seed):
    """A 1600×900 abstract illustration (shapes on the practice's colour); no text."""
    rng = random.Random(seed)
    base = Image.new("RGB", (1600, 900), colour)
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
