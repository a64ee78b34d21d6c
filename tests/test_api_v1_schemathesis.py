"""schemathesis against /api/v1/openapi.json: generated requests for every operation (a bounded
number of examples each) get no 5xx and no answer that breaks the schema. A filter's options
depend on the data (countries, people visited), so a valid-looking value the data does not hold
is a documented 400: the "schema-valid request rejected" check is left out."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from .missions_index_factories import build_catalogue

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def catalogue(mission_index):
    return build_catalogue(mission_index)


@pytest.fixture(autouse=True)
def _connection_kept(keep_the_test_transaction_open):
    """schemathesis calls the real WSGI handler, which sends request_started/finished."""


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_answers_every_generated_request_within_its_schema(case, catalogue):
    response = case.call()
    assert response.status_code < 500, (case.query, response.text[:300])
    case.validate_response(response, excluded_checks=[positive_data_acceptance])
