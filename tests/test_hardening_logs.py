"""Structured logs: one JSON object a line in production, each with the request's id, the same
one the response carries in X-Request-ID."""

import json
import secrets

from . import test_foundation_settings as foundation

REQUEST = """
import django, logging
django.setup()
from django.test import Client
response = Client(HTTP_HOST="puente.example.org").get("/healthz", secure=True)
logging.getLogger("puente.check").warning("after the request")
print(response["X-Request-ID"])
"""


def test_production_logs_are_json_lines_with_the_request_id(tmp_path):
    result = foundation._run(
        ["-c", REQUEST],
        tmp_path,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="puente.example.org",
        LOG_LEVEL="INFO",
    )
    assert result.returncode == 0, result.stderr
    request_id = result.stdout.strip().splitlines()[-1]
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "operations.requests"]
    assert access, result.stderr
    (entry,) = access
    assert entry["request_id"] == request_id
    assert entry["method"] == "GET" and entry["path"] == "/healthz" and entry["status"] == 200
    assert {"time", "level", "message", "ms"} <= set(entry)
    # Outside a request there is no id, and the line is still JSON.
    (later,) = [line for line in lines if line["logger"] == "puente.check"]
    assert later["level"] == "WARNING" and later["message"] == "after the request"
    assert later["request_id"] in (None, "", "-")
