"""Front-end weight (issue 12, item 6), on the demo site: the home page transfers at most 100 KB
without images (its HTML as served, plus every stylesheet and script it links, compressed as
WhiteNoise serves them); every image has its width and height and comes as WebP renditions in
several widths; collected static files have Brotli and gzip versions and hashed names cached for
a year (immutable)."""

import gzip
import re

import brotli
import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from home.demo.loader import Loader, demo_apps
from missions.models import MissionPage
from practices.models import PracticePage

from .module_data import rolled_back_after_module

pytestmark = pytest.mark.django_db

BUDGET = 100 * 1024


@pytest.fixture(scope="module")
def _demo(django_db_blocker):
    with (
        rolled_back_after_module(django_db_blocker),
        override_settings(PRACTICES_PDF_ON_PUBLISH=False),
    ):
        Loader().load(demo_apps())
        yield


@pytest.fixture
def demo(_demo, db, settings):
    settings.PRACTICES_PDF_ON_PUBLISH = False


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def linked_assets(html):
    """The stylesheets, scripts and icons a browser downloads for the page (not images)."""
    links = re.findall(r"<link\b[^>]*>", html)
    hrefs = [
        re.search(r'href="([^"]+)"', link).group(1)
        for link in links
        if re.search(r'rel="(stylesheet|icon|preload|modulepreload)"', link)
    ]
    return hrefs + re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', html)


@pytest.mark.parametrize("path", ["/es/", "/en/"])
def test_the_home_page_transfers_at_most_100_kb_without_images(demo, client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = body(response)
    transferred = {path: len(html)}  # as the site serves it (a proxy's gzip only shrinks it)
    for asset in linked_assets(html.decode()):
        assert asset.startswith("/"), f"an external asset: {asset}"
        served = client.get(asset)
        assert served.status_code == 200, asset
        content = body(served)
        # WhiteNoise serves the Brotli file it wrote at collectstatic (quality 11).
        transferred[asset] = min(len(brotli.compress(content)), len(gzip.compress(content)))
    total = sum(transferred.values())
    assert total <= BUDGET, f"{total} bytes: {transferred}"


def check_image(url, tag):
    assert re.search(r'\bwidth="\d+"', tag) and re.search(r'\bheight="\d+"', tag), (url, tag)
    assert "/original_images/" not in tag, tag  # a rendition, never the uploaded original


def widths(srcset):
    return re.findall(r"\S+ (\d+)w", srcset)


def test_every_image_has_its_width_and_height_and_comes_as_responsive_webp(demo, client):
    practice = PracticePage.objects.live().filter(locale__language_code="es").first()
    mission = MissionPage.objects.live().filter(locale__language_code="es").first()
    pages = ["/es/", "/en/", mission.url, practice.url, practice.get_parent().url]
    seen = 0
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = body(response).decode()
        # <picture>: a WebP source in several widths before the fallback <img>.
        for picture in re.findall(r"<picture\b.*?</picture>", html, flags=re.S):
            seen += 1
            webp = re.search(r'<source\b[^>]*type="image/webp"[^>]*>', picture)
            assert webp, picture
            assert len(widths(re.search(r'srcset="([^"]+)"', webp.group(0)).group(1))) >= 2
            check_image(url, re.search(r"<img\b[^>]*>", picture).group(0))
        html = re.sub(r"<picture\b.*?</picture>", "", html, flags=re.S)
        for tag in re.findall(r"<img\b[^>]*>", html):
            seen += 1
            check_image(url, tag)
            if "/media/" in tag:  # an uploaded image: WebP in several widths
                srcset = re.search(r'srcset="([^"]+)"', tag)
                assert srcset and len(widths(srcset.group(1))) >= 2, tag
                assert all(
                    source.endswith(".webp")
                    for source in re.findall(r"(\S+) \d+w", srcset.group(1))
                ), tag
    assert seen >= 3, "the demo's practices have images"


def test_collected_static_files_are_compressed_and_cached_for_a_year(tmp_path, settings):
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(
        STORAGES=storages,
        STATIC_ROOT=tmp_path,
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        hashed = sorted(tmp_path.glob("css/site.*.css"))
        assert hashed, "collectstatic writes hashed names"
        css = hashed[0]
        assert css.with_name(css.name + ".br").exists() and css.with_name(css.name + ".gz").exists()
        client = Client()
        url = f"/static/css/{css.name}"
        response = client.get(url, HTTP_ACCEPT_ENCODING="br, gzip")
        assert response.status_code == 200
        assert response["Content-Encoding"] == "br"
        assert brotli.decompress(body(response)) == css.read_bytes()
        cache_control = response["Cache-Control"]
        assert "immutable" in cache_control
        assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= 365 * 24 * 3600
        assert client.get(url, HTTP_ACCEPT_ENCODING="gzip")["Content-Encoding"] == "gzip"
