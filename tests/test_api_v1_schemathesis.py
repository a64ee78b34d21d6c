"""schemathesis against /api/v1/openapi.json: generated requests for every operation (a bounded
number of examples each) get no 5xx and no answer that breaks the schema. A filter's options
depend on the data (countries, people visited), so a valid-looking value the data does not hold
is a documented 400: the "schema-valid request rejected" check is left out."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from .missions_index_factories import build_catalogue

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def catalogue(mission_index):
    return build_catalogue(mission_index)


@pytest.fixture(autouse=True)
def keep_the_test_transaction_open():
    """schemathesis calls the real WSGI handler, which closes the database connection when a
    request starts and ends. Inside the test's transaction (autocommit off) PostgreSQL's
    connection counts as obsolete and is closed, so the next query fails. Django's own test
    client disconnects the same receiver for the same reason."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_answers_every_generated_request_within_its_schema(case, catalogue):
    response = case.call()
    assert response.status_code < 500, (case.query, response.text[:300])
    case.validate_response(response, excluded_checks=[positive_data_acceptance])
