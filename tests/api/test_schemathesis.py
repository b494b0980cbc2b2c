"""Schemathesis generates requests from /api/openapi.json and checks every
response against it: no server error, no undocumented status, content type,
header or body. Bounded: at most 25 generated examples per operation."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from articles.models import Event
from newsframe.wsgi import application

pytestmark = pytest.mark.django_db


STATUSES: defaultdict[str, Counter[int]] = defaultdict(Counter)

# Loaded at collection (the schema view needs no database). In-process WSGI calls
# share the test's database connection, so each test sees its own small_event.
# The proxy header keeps the HTTPS redirect (on unless NEWSFRAME_HTTPS=0) out of the way.
HTTPS = {"X-Forwarded-Proto": "https"}
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application, headers=HTTPS)


@pytest.fixture
def one_connection() -> Iterator[None]:
    """Keep the test's database connection open across requests, as Django's test
    client does: the real WSGI handler closes it when a request ends, which would
    drop the test's transaction (and small_event with it)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much, HealthCheck.data_too_large])
def test_every_operation_answers_as_its_schema_says(
    case: schemathesis.Case, small_event: Event, token: str, one_connection: None
) -> None:
    # Every check runs, except that uploads may refuse schema-valid requests: "a file or a
    # text", an existing event's slug and readable coverage are rules a JSON schema cannot
    # state; nor is "a speaker or outlet the event has" of the quotes' filters. Those
    # refusals are documented (400, 422) and their bodies are still checked.
    refuses_valid = case.operation.method.upper() == "POST" or case.operation.path.endswith("/quotes")
    excluded = [positive_data_acceptance] if refuses_valid else []
    response = case.call_and_validate(headers={"Authorization": f"Bearer {token}", **HTTPS},
                                      excluded_checks=excluded)
    STATUSES[f"{case.operation.method.upper()} {case.operation.path}"][response.status_code] += 1


@pytest.fixture(scope="module", autouse=True)
def _print_statuses() -> Iterator[None]:
    """The figure: how many generated requests each operation answered, by status."""
    yield
    for operation, counts in sorted(STATUSES.items()):
        print(f"schemathesis {operation}: {sum(counts.values())} requests, "
              + ", ".join(f"{status}×{n}" for status, n in sorted(counts.items())))
