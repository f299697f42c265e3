"""The benchmark's aids (emanager.core.bench) exist only when EMANAGER_BENCH is set."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import clear_url_caches

import emanager.urls

ROOT = Path(__file__).resolve().parents[2]
MIDDLEWARE = "emanager.core.bench.QueryCountMiddleware"


def settings_in_fresh_process(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k != "EMANAGER_BENCH"}
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.MIDDLEWARE[0]); "
        "print(any(str(p.pattern) == 'bench/ok' for p in __import__('emanager.urls')"
        ".urls.urlpatterns))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "tests.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


@pytest.fixture
def bench_on():
    """The settings and URLs as EMANAGER_BENCH=1 makes them."""
    with override_settings(EMANAGER_BENCH=True, MIDDLEWARE=[MIDDLEWARE, *settings.MIDDLEWARE]):
        importlib.reload(emanager.urls)
        clear_url_caches()
        yield
    importlib.reload(emanager.urls)
    clear_url_caches()


def test_the_environment_variable_installs_the_middleware_and_the_view():
    assert settings_in_fresh_process(EMANAGER_BENCH="1").split() == [MIDDLEWARE, "True"]


def test_without_the_variable_neither_is_installed_in_a_fresh_process():
    lines = settings_in_fresh_process().split()
    assert lines[0] != MIDDLEWARE
    assert lines[1] == "False"


@pytest.mark.django_db
def test_without_the_variable_there_is_no_ok_view_and_no_query_header(client):
    assert settings.EMANAGER_BENCH is False
    assert MIDDLEWARE not in settings.MIDDLEWARE
    assert client.get("/bench/ok").status_code == 404
    response = client.get("/healthz", headers={"X-Bench-Count": "1"})
    assert "X-Bench-Queries" not in response.headers


@pytest.mark.django_db
def test_the_ok_view_answers_ok(client, bench_on):
    response = client.get("/bench/ok")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_the_middleware_reports_the_queries_of_a_request_that_asks(client, bench_on):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz", headers={"X-Bench-Count": "1"})
    assert response.status_code == 200
    assert int(response.headers["X-Bench-Queries"]) == len(queries) >= 1


@pytest.mark.django_db
def test_the_middleware_leaves_other_requests_alone(client, bench_on):
    response = client.get("/bench/ok")
    assert "X-Bench-Queries" not in response.headers
