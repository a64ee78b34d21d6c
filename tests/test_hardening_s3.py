"""Media in S3-compatible storage (django-storages against a real moto_server): image upload
and renditions, documents served through Wagtail's view, practice PDFs; the files are in the
bucket, not on the local disk."""

import io

import pytest
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from home.opendata import kept
from practices.models import SustainableDevelopmentGoal
from practices.pdf import generate_pdf

from .missions_index_factories import build_catalogue
from .practices_factories import PracticeIndexPageFactory, make_practice
from .servers import s3_server  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def bucket(s3_server, settings):  # noqa: F811
    storages = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": s3_server.storage_options(),
        },
    }
    # Through pytest-django's ``settings`` (not a nested override_settings): a test that also
    # changes a setting then unwinds both in order, instead of putting S3 back for the session.
    settings.STORAGES = storages
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"
    return s3_server


def keys(server):
    listing = server.client().list_objects_v2(Bucket=server.bucket)
    return {item["Key"] for item in listing.get("Contents", [])}


def read(server, key):
    return server.client().get_object(Bucket=server.bucket, Key=key)["Body"].read()


def png(width=64, height=48):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 30, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def test_storage_is_s3(bucket):
    from django.core.files.storage import storages

    assert type(storages["default"]).__name__ == "S3Storage"
    name = default_storage.save("probe.txt", io.BytesIO(b"hola"))
    assert read(bucket, name) == b"hola"


def test_an_uploaded_image_and_its_rendition_are_in_the_bucket(bucket):
    image = get_image_model().objects.create(
        title="Plaza", file=ImageFile(io.BytesIO(png()), name="plaza.png")
    )
    assert image.width == 64 and image.height == 48
    rendition = image.get_rendition("fill-32x24")
    stored = keys(bucket)
    assert image.file.name in stored
    assert rendition.file.name in stored
    with PILImage.open(io.BytesIO(read(bucket, rendition.file.name))) as thumbnail:
        assert thumbnail.size == (32, 24)
    assert rendition.url.startswith(bucket.endpoint)


def test_a_document_is_stored_in_the_bucket_and_served_by_the_site(client, bucket):
    content = b"%PDF-1.4\n% informe\n%%EOF\n"
    document = get_document_model().objects.create(
        title="Informe", file=ImageFile(io.BytesIO(content), name="informe.pdf")
    )
    assert document.file.name in keys(bucket)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == "application/pdf"


def test_a_practice_pdf_is_written_to_and_read_from_the_bucket(client, home, bucket, settings):
    settings.PRACTICES_PDF_ON_PUBLISH = False
    SustainableDevelopmentGoal.ensure_all()
    index = PracticeIndexPageFactory(parent=home, locale=home.locale)
    index.save_revision().publish()
    practice = make_practice(index, title="Buses nocturnos", image=False)
    record = generate_pdf(practice, practice.live_revision_id)
    assert record.file.name in keys(bucket)
    assert read(bucket, record.file.name).startswith(b"%PDF-")


@pytest.mark.usefixtures("page_cache_off")
def test_a_full_open_data_file_too_large_for_the_cache_is_kept_in_the_bucket(
    client, bucket, mission_index, settings
):
    build_catalogue(mission_index)
    client.get("/es/")
    settings.PAGE_CACHE_MAX_BYTES = 100  # smaller than the file
    url = mission_index.url + "data/missions.csv"
    body = b"".join(client.get(url).streaming_content)
    (stored,) = [key for key in keys(bucket) if key.startswith(kept.STORED_FOLDER)]
    assert read(bucket, stored) == body
    with CaptureQueriesContext(connection) as queries:
        again = b"".join(client.get(url).streaming_content)  # from the bucket
    assert again == body and len(queries) <= 1


def test_s3_is_configured_by_environment_variables_only(tmp_path, s3_server):  # noqa: F811
    import secrets

    from . import test_foundation_settings as foundation

    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "from django.core.files.storage import default_storage as d; "
        "print(type(d._wrapped if hasattr(d, '_wrapped') else d).__name__ if d.save('x.txt', "
        "__import__('io').BytesIO(b'x')) else '', s.WAGTAILDOCS_SERVE_METHOD, "
        "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'][-1])"
    )
    result = foundation._run(
        ["-c", code],
        tmp_path,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="puente.example.org",
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME=s3_server.bucket,
        AWS_S3_ENDPOINT_URL=s3_server.endpoint,
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["S3Storage", "serve_view", s3_server.endpoint]
    assert "x.txt" in keys(s3_server)
